/**
 * SLOs exported for teams that outgrow the console (contract §9): Prometheus rule groups
 * (recording rules for the error ratio over each §4 window, and the multiwindow burn-rate
 * alerts) and OpenSLO v1 documents, from the very SLOs and alert arithmetic the emulator's
 * `/slos` uses. Pure: the API, the CLI and the tests build the same objects; `sloExportYaml`
 * writes them with a YAML library.
 */
import { stringify } from "yaml";
import { DEFAULT_SLOS, type NormalizedBlueprint, type Slo } from "../blueprint";
import { ALERT_RULES, BURN_WINDOWS, type BurnWindow, errorBudget } from "./slo";

export const EXPORT_FORMATS = ["prometheus", "openslo"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface SloExportTarget {
  /** The `projeto` label the counters carry: the project's id, or a name for a file. */
  projeto: string;
  /** The OpenSLO `Service`'s name: a DNS label. */
  servico: string;
  /** Human name of the service (the blueprint's `nome`). */
  nome: string;
  slos: readonly Slo[];
}

/** A blueprint's SLOs: its insight's (the defaults when it names none); none without one. */
export function slosOfBlueprint(bp: NormalizedBlueprint): Slo[] {
  const insight = bp.recursos.find((r) => r.tipo === "insight");
  if (insight?.tipo !== "insight") return [];
  return insight.config.slos ?? DEFAULT_SLOS;
}

/** The histogram's fixed buckets (seconds), before each latency SLO's own threshold. */
export const LATENCY_BUCKETS_S = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5] as const;

/** Every bucket a project's histogram has: the fixed ones and its latency SLOs' thresholds. */
export function bucketsFor(slos: readonly Slo[]): number[] {
  const own = slos.flatMap((s) =>
    s.sli === "latencia" && s.limiar_ms !== undefined ? [s.limiar_ms / 1000] : [],
  );
  return [...new Set([...LATENCY_BUCKETS_S, ...own])].sort((a, b) => a - b);
}

/** A bucket's `le` as the exposition writes it (Go's shortest form: "0.3", "1"). */
export const leLabel = (seconds: number) => String(seconds);

/** `le` in a selector: an integer also matches the "1.0" form Prometheus 3 normalizes to. */
function leMatcher(seconds: number): string {
  return Number.isInteger(seconds) ? `le=~"${seconds}|${seconds}.0"` : `le="${leLabel(seconds)}"`;
}

const SEVERITY = { pagina: "page", ticket: "ticket" } as const;
const num = (x: number) => Number(x.toPrecision(12));

/** A DNS label from any name: lower case, `-` between words, at most 63 characters. */
export function dnsLabel(name: string): string {
  const label = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return /^[a-z]/.test(label) ? label : `s-${label}`.slice(0, 63).replace(/-+$/, "");
}

const q = (s: string) => JSON.stringify(s);

/** PromQL of the requests that count toward an SLO over `w`: the good ones and all of them. */
export function sliQueries(slo: Slo, projeto: string, w?: BurnWindow) {
  const sel = (extra = "") => `{projeto=${q(projeto)}${extra}}`;
  const over = (metric: string) => (w ? `sum(rate(${metric}[${w}]))` : `sum(${metric})`);
  const total = over(`tesserra_requests_total${sel()}`);
  const good =
    slo.sli === "latencia" && slo.limiar_ms !== undefined
      ? over(
          `tesserra_request_duration_seconds_bucket${sel(`,${leMatcher(slo.limiar_ms / 1000)}`)}`,
        )
      : over(`tesserra_requests_total${sel(',codigo="2xx"')}`);
  return { good, total };
}

/** The error ratio over `w`: 1 − good/total (for availability, the 5xx share). */
function errorRatio(slo: Slo, projeto: string, w: BurnWindow): string {
  if (slo.sli === "disponibilidade")
    return `sum(rate(tesserra_requests_total{projeto=${q(projeto)},codigo="5xx"}[${w}])) / sum(rate(tesserra_requests_total{projeto=${q(projeto)}}[${w}]))`;
  const { good, total } = sliQueries(slo, projeto, w);
  return `1 - (${good} / ${total})`;
}

export const RECORDING_RULE = (w: BurnWindow) => `slo:sli_error:ratio_rate${w}`;

/** Prometheus rule groups: per SLO, its error ratio over each window and its three alerts. */
export function prometheusRules(target: SloExportTarget) {
  return {
    groups: target.slos.map((slo) => {
      const labels = { slo: slo.nome, projeto: target.projeto };
      const at = (w: BurnWindow) =>
        `${RECORDING_RULE(w)}{slo=${q(slo.nome)},projeto=${q(target.projeto)}}`;
      const budget = errorBudget(slo.objetivo);
      return {
        name: `tesserra-${dnsLabel(target.projeto)}-${slo.nome}`,
        rules: [
          ...BURN_WINDOWS.map((w) => ({
            record: RECORDING_RULE(w),
            expr: errorRatio(slo, target.projeto, w),
            labels,
          })),
          ...ALERT_RULES.map((r) => {
            const threshold = num(r.limiar * budget);
            return {
              alert: "TesserraSloBurnRate",
              expr: `${at(r.janela_longa)} > ${threshold} and ${at(r.janela_curta)} > ${threshold}`,
              labels: {
                severity: SEVERITY[r.severidade],
                ...labels,
                janela_longa: r.janela_longa,
                janela_curta: r.janela_curta,
              },
              annotations: {
                summary: `${target.nome}: SLO ${slo.nome} is burning its error budget at over ${r.limiar}× over ${r.janela_longa} and ${r.janela_curta}`,
                description: `Objective ${slo.objetivo} % over ${slo.janela_dias} days: the error ratio is over ${threshold} (${r.limiar}× the budget) over both ${r.janela_longa} and ${r.janela_curta}.`,
              },
            };
          }),
        ],
      };
    }),
  };
}

/** OpenSLO v1 documents: the Service, and per SLO its SLI, its SLO and one AlertPolicy per pair. */
export function opensloDocuments(target: SloExportTarget): Record<string, unknown>[] {
  const doc = (kind: string, name: string, spec: object, displayName?: string) => ({
    apiVersion: "openslo/v1",
    kind,
    metadata: { name, ...(displayName ? { displayName } : {}) },
    spec,
  });
  const out: Record<string, unknown>[] = [
    doc(
      "Service",
      target.servico,
      { description: `Tesserra project ${target.projeto}` },
      target.nome,
    ),
  ];
  for (const slo of target.slos) {
    const { good, total } = sliQueries(slo, target.projeto);
    const source = (query: string) => ({ metricSource: { type: "Prometheus", spec: { query } } });
    out.push(
      doc("SLI", slo.nome, {
        description:
          slo.sli === "latencia"
            ? `Requests served under ${slo.limiar_ms} ms`
            : "Requests served without a 5xx",
        ratioMetric: { counter: true, good: source(good), total: source(total) },
      }),
    );
    const policies = ALERT_RULES.map((r) => ({
      name: `${slo.nome}-${SEVERITY[r.severidade]}-${r.janela_longa}-${r.janela_curta}`,
      rule: r,
    }));
    out.push(
      doc("SLO", slo.nome, {
        description: `${slo.objetivo} % over ${slo.janela_dias} days`,
        service: target.servico,
        indicatorRef: slo.nome,
        timeWindow: [{ duration: `${slo.janela_dias}d`, isRolling: true }],
        budgetingMethod: "Occurrences",
        objectives: [{ displayName: slo.nome, target: num(slo.objetivo / 100) }],
        alertPolicies: policies.map((p) => p.name),
      }),
    );
    for (const { name, rule } of policies)
      out.push(
        doc("AlertPolicy", name, {
          description: `Burn rate over ${rule.limiar}× on ${rule.janela_longa} and ${rule.janela_curta}`,
          alertWhenNoData: false,
          alertWhenResolved: true,
          alertWhenBreaching: true,
          conditions: [
            {
              kind: "AlertCondition",
              metadata: { name: `${name}-burnrate` },
              spec: {
                severity: SEVERITY[rule.severidade],
                condition: {
                  kind: "burnrate",
                  op: "gt",
                  threshold: rule.limiar,
                  lookbackWindow: rule.janela_longa,
                  alertAfter: rule.janela_curta,
                },
              },
            },
          ],
          notificationTargets: [],
        }),
      );
  }
  return out;
}

/** The export as YAML text: one rule file, or one YAML stream of OpenSLO documents. */
export function sloExportYaml(target: SloExportTarget, format: ExportFormat): string {
  const header = `# Tesserra SLOs of ${target.nome} (projeto ${target.projeto}), ${format === "prometheus" ? "Prometheus rules" : "OpenSLO v1"}.\n`;
  if (format === "prometheus") return header + stringify(prometheusRules(target), YAML_OPTIONS);
  return (
    header +
    opensloDocuments(target)
      .map((d) => stringify(d, YAML_OPTIONS))
      .join("---\n")
  );
}

/** Long PromQL stays on one line (folded lines read badly in a rule file). */
const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;
