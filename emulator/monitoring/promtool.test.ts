/**
 * The exported Prometheus rules, judged by Prometheus's own tool: `promtool test rules` on
 * counters written from the emulator's simulated minutes, for a normal day, a region loss that
 * burns the budget fast and a slow burn, each expected to alert exactly as the emulator's
 * `/slos` does at that moment (contract §4 and §9).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type Blueprint, GLOBAL_SAAS, normalizeBlueprint } from "../../src/blueprint";
import { planDrill } from "../../src/blueprint/runbook/runbook";
import { prometheusRules, sloExportYaml } from "../../src/slo/export";
import { promtool } from "../../src/slo/promtool";
import { ALERT_RULES, type BurnRates } from "../../src/slo/slo";
import { type DrillInput, HOUR_MS, MINUTE_MS, ProjectSim } from "./model";
import { sloStatusAt } from "./status";

const PROJETO = "prj_promtool";
const THREE_DAYS = 3 * 24 * 60;

/** Global SaaS held to one availability SLO (the rules of a latency SLO need the histogram). */
const withSlo = (objetivo: number): Blueprint => ({
  ...GLOBAL_SAAS,
  recursos: GLOBAL_SAAS.recursos.map((r) =>
    r.tipo === "insight"
      ? {
          ...r,
          config: {
            ...r.config,
            slos: [{ nome: "disponibilidade", sli: "disponibilidade", objetivo, janela_dias: 28 }],
          },
        }
      : r,
  ),
});

interface Case {
  name: string;
  blueprint: Blueprint;
  sim: ProjectSim;
  /** The moment judged; the input starts three days and a minute before it. */
  at: number;
}

/** The emulator's global verdict at `at`, as `/slos` answers it: which of the §4 pairs fire. */
function verdict(c: Case) {
  const status = sloStatusAt(c.sim, normalizeBlueprint(c.blueprint), c.at).slos[0];
  const rates = status.global.taxas_queima as BurnRates;
  return {
    firing: status.alertas.filter((a) => !("regiao" in a) || a.regiao === undefined),
    rates,
  };
}

/** Far from every threshold, so rounding the counters cannot flip a comparison. */
function clearOfThresholds(rates: BurnRates): boolean {
  return ALERT_RULES.every(
    (r) =>
      Math.abs(rates[r.janela_longa] / r.limiar - 1) > 0.03 &&
      Math.abs(rates[r.janela_curta] / r.limiar - 1) > 0.03,
  );
}

/**
 * The counters a scraper would have stored each minute, as promtool's input series: three days
 * and an hour up to the moment judged, so that it falls on an hourly evaluation.
 */
function inputSeries(c: Case) {
  const from = c.at - (THREE_DAYS + 60) * MINUTE_MS;
  return c.sim.topology.regions.flatMap((regiao) => {
    const good: string[] = [];
    const bad: string[] = [];
    let g = 0;
    let b = 0;
    for (let t = from; t <= c.at; t += MINUTE_MS) {
      good.push(g.toFixed(3));
      bad.push(b.toFixed(3));
      const m = c.sim.minute(regiao, t);
      g += m.total - m.bad;
      b += m.bad;
    }
    const series = (codigo: string) =>
      `tesserra_requests_total{projeto="${PROJETO}",regiao="${regiao}",codigo="${codigo}"}`;
    return [
      { series: series("2xx"), values: good.join(" ") },
      { series: series("5xx"), values: bad.join(" ") },
    ];
  });
}

const start = Math.floor(Date.UTC(2026, 10, 2) / HOUR_MS) * HOUR_MS;

/** The first hour from `start` where the emulator's verdict is `wanted` and clear of thresholds. */
function findMoment(name: string, blueprint: Blueprint, wanted: (s: string[]) => boolean): Case {
  const sim = new ProjectSim(7, normalizeBlueprint(blueprint), 1);
  for (let h = 0; h < 24 * 21; h++) {
    const c = { name, blueprint, sim, at: start + h * HOUR_MS };
    const v = verdict(c);
    if (
      wanted(v.firing.map((a) => `${a.severidade} ${a.janela_longa}`)) &&
      clearOfThresholds(v.rates)
    )
      return c;
  }
  throw new Error(`${name}: no hour in three weeks where the emulator says so`);
}

describe("promtool test rules on the emulator's own series", () => {
  it("pages on a fast burn, tickets a slow one, stays quiet on a normal day, as /slos does", () => {
    const normal = findMoment("normal day", withSlo(99.95), (s) => s.length === 0);
    const slow = findMoment("slow burn", withSlo(99.99), (s) => s.join() === "ticket 3d");
    // A region loss at the 1× clock: São Paulo out, 36 s of its requests failing.
    const strict = normalizeBlueprint(withSlo(99.99));
    const lossAt = start + 5 * 24 * HOUR_MS + 20 * MINUTE_MS;
    const drill: DrillInput = {
      id: "tf_loss",
      regiao: "sa-east-1",
      zona: null,
      inicio: lossAt,
      duracao_s: 600,
      plano: planDrill(strict, "sa-east-1", null),
    };
    const fast: Case = {
      name: "region loss",
      blueprint: withSlo(99.99),
      sim: new ProjectSim(7, strict, 1, [drill]),
      at: lossAt + 5 * MINUTE_MS,
    };
    const fastVerdict = verdict(fast);
    expect(fastVerdict.firing.map((a) => `${a.severidade} ${a.janela_longa}`)).toContain(
      "pagina 1h",
    );
    expect(clearOfThresholds(fastVerdict.rates)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), "promtool-"));
    const tests = [normal, slow, fast].map((c) => {
      const target = {
        projeto: PROJETO,
        servico: "global-saas",
        nome: "Global SaaS",
        slos: normalizeBlueprint(c.blueprint).recursos.flatMap((r) =>
          r.tipo === "insight" ? r.config.slos : [],
        ),
      };
      const rulesFile = join(dir, `${c.name.replaceAll(" ", "-")}.rules.yaml`);
      writeFileSync(rulesFile, sloExportYaml(target, "prometheus"));
      const alerts = prometheusRules(target).groups[0].rules.filter((r) => "alert" in r);
      const firing = verdict(c).firing;
      return {
        rulesFile,
        test: {
          name: c.name,
          interval: "1m",
          input_series: inputSeries(c),
          alert_rule_test: [
            {
              eval_time: `${THREE_DAYS / 60 + 1}h`,
              alertname: "TesserraSloBurnRate",
              exp_alerts: alerts
                .filter((r) =>
                  firing.some(
                    (a) =>
                      "labels" in r &&
                      r.labels.janela_longa === a.janela_longa &&
                      r.labels.janela_curta === a.janela_curta,
                  ),
                )
                .map((r) =>
                  "labels" in r && "annotations" in r
                    ? { exp_labels: r.labels, exp_annotations: r.annotations }
                    : {},
                ),
            },
          ],
        },
      };
    });
    // One file per case: each has its own objective, so its own rules.
    for (const [i, t] of tests.entries()) {
      const file = join(dir, `test-${i}.yaml`);
      writeFileSync(
        file,
        stringify(
          { rule_files: [t.rulesFile], evaluation_interval: "1h", tests: [t.test] },
          { lineWidth: 0 },
        ),
      );
      const run = () => execFileSync(promtool(), ["test", "rules", file], { encoding: "utf8" });
      expect(run, t.test.name).not.toThrow();
    }
    // What each case expected, said once: the page fires in the region loss, nothing on a
    // normal day, the ticket alone in the slow burn.
    expect(tests.map((t) => t.test.alert_rule_test[0].exp_alerts.length)).toEqual([
      0,
      1,
      fastVerdict.firing.length,
    ]);
  }, 120_000);
});
