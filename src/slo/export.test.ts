import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import * as z from "zod";
import { normalizeBlueprint, TEMPLATES } from "../blueprint";
import {
  dnsLabel,
  opensloDocuments,
  prometheusRules,
  type SloExportTarget,
  sloExportYaml,
  slosOfBlueprint,
} from "./export";
import { promtool } from "./promtool";

const targets: SloExportTarget[] = TEMPLATES.map((t) => {
  const bp = normalizeBlueprint(t.blueprint);
  return {
    projeto: `prj_${t.id}`,
    servico: dnsLabel(bp.nome),
    nome: bp.nome,
    slos: slosOfBlueprint(bp),
  };
});

/**
 * OpenSLO v1's required fields, written down from the specification (github.com/OpenSLO/OpenSLO,
 * README, "v1"): every object has apiVersion openslo/v1, a kind and metadata.name (a DNS label);
 * a Service may have a description; an SLI a ratioMetric with good (or bad) and total
 * metricSources; an SLO a service, indicatorRef (or indicator), timeWindow (duration,
 * isRolling), budgetingMethod (Occurrences | Timeslices | RatioTimeslices) and objectives with a
 * target in [0, 1); an AlertPolicy conditions (one inline AlertCondition or conditionRef) and
 * notificationTargets; an AlertCondition a severity and a condition of kind burnrate with op,
 * threshold, lookbackWindow and alertAfter.
 */
const dns = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
const duration = z.string().regex(/^\d+[mhdwMQY]$/);
const metadata = z.object({ name: dns, displayName: z.string().optional() });
const source = z.object({
  metricSource: z.object({ type: z.string().min(1), spec: z.record(z.string(), z.unknown()) }),
});
const object = <K extends string, S extends z.ZodType>(kind: K, spec: S) =>
  z.object({ apiVersion: z.literal("openslo/v1"), kind: z.literal(kind), metadata, spec });
const OpenSloV1 = z.discriminatedUnion("kind", [
  object("Service", z.object({ description: z.string().max(1050).optional() })),
  object(
    "SLI",
    z.object({
      description: z.string().optional(),
      ratioMetric: z.object({
        counter: z.boolean(),
        good: source.optional(),
        bad: source.optional(),
        total: source,
      }),
    }),
  ),
  object(
    "SLO",
    z.object({
      description: z.string().optional(),
      service: dns,
      indicatorRef: dns,
      timeWindow: z.array(z.object({ duration, isRolling: z.boolean() })).length(1),
      budgetingMethod: z.enum(["Occurrences", "Timeslices", "RatioTimeslices"]),
      objectives: z
        .array(z.object({ displayName: z.string().optional(), target: z.number().gte(0).lt(1) }))
        .min(1),
      alertPolicies: z.array(dns).optional(),
    }),
  ),
  object(
    "AlertPolicy",
    z.object({
      description: z.string().optional(),
      alertWhenNoData: z.boolean(),
      alertWhenResolved: z.boolean(),
      alertWhenBreaching: z.boolean(),
      conditions: z
        .array(
          z.object({
            kind: z.literal("AlertCondition"),
            metadata,
            spec: z.object({
              severity: z.string().min(1),
              condition: z.object({
                kind: z.literal("burnrate"),
                op: z.enum(["lt", "lte", "gte", "gt"]),
                threshold: z.number(),
                lookbackWindow: duration,
                alertAfter: duration,
              }),
            }),
          }),
        )
        .length(1),
      notificationTargets: z.array(z.unknown()),
    }),
  ),
]);

describe("SLO export", () => {
  it("writes YAML that reads back as the very objects, for every template", () => {
    for (const target of targets) {
      expect(parse(sloExportYaml(target, "prometheus")), target.projeto).toEqual(
        prometheusRules(target),
      );
      const docs = parseAllDocuments(sloExportYaml(target, "openslo")).map((d) => d.toJS());
      expect(docs, target.projeto).toEqual(opensloDocuments(target));
    }
  });

  it("is valid OpenSLO v1, every document, with one SLO and three alert policies per SLO", () => {
    for (const target of targets) {
      const docs = opensloDocuments(target).map((d) => OpenSloV1.parse(d));
      const kinds = docs.map((d) => d.kind);
      expect(kinds.filter((k) => k === "Service")).toHaveLength(1);
      expect(kinds.filter((k) => k === "SLO")).toHaveLength(target.slos.length);
      expect(kinds.filter((k) => k === "AlertPolicy")).toHaveLength(3 * target.slos.length);
      // Every policy an SLO names exists, and every SLO names a service and an SLI that exist.
      const names = new Map(docs.map((d) => [`${d.kind}/${d.metadata.name}`, d]));
      for (const d of docs)
        if (d.kind === "SLO") {
          expect(names.has(`Service/${d.spec.service}`)).toBe(true);
          expect(names.has(`SLI/${d.spec.indicatorRef}`)).toBe(true);
          for (const p of d.spec.alertPolicies ?? [])
            expect(names.has(`AlertPolicy/${p}`)).toBe(true);
        }
    }
  });

  it("passes promtool check rules for every template", () => {
    const dir = mkdtempSync(join(tmpdir(), "slo-rules-"));
    const files = targets.map((target, i) => {
      const file = join(dir, `rules-${i}.yaml`);
      writeFileSync(file, sloExportYaml(target, "prometheus"));
      return file;
    });
    const out = execFileSync(promtool(), ["check", "rules", ...files], { encoding: "utf8" });
    const expected = targets.reduce((n, t) => n + t.slos.length * 8, 0);
    const found = [...out.matchAll(/SUCCESS: (\d+) rules found/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(found).toBe(expected);
  });
});
