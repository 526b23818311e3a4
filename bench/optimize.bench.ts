/**
 * The optimiser (contract §8), exact without enumerating. Budgets: the seed page's Global SaaS
 * optimised in ≤ 50 ms; a design with 6 web computes, 3 datastores and 2 archives (96 million
 * candidates) in ≤ 1 s. Baselines in the same run: one assess() of each design, and for Global
 * SaaS the literal enumeration of its 6,192 candidates (each validated and assessed), which is
 * what the search replaces.
 */
import { performance } from "node:perf_hooks";
import { assess, type Blueprint, GLOBAL_SAAS, normalizeBlueprint } from "../src/blueprint";
import { optimize } from "../src/blueprint/optimize";
import { judge } from "../src/blueprint/optimizeBruteForce";
import { quantile, timeRuns } from "./timing";
import type { BenchRow, BenchSuite } from "./types";

/** 6 web computes, 3 datastores, 2 archives behind a gateway, with an insight: the issue's. */
export function largeDesign(): Blueprint {
  const web = Array.from({ length: 6 }, (_, i) => ({
    tipo: "compute" as const,
    nome: `web-${i + 1}`,
    config: { subtipo: "web" as const, replicas_min: 3 + (i % 3), replicas_max: 12 },
  }));
  const dbs = Array.from({ length: 3 }, (_, i) => ({
    tipo: "datastore" as const,
    nome: `db-${i + 1}`,
    config: { engine: "postgres" as const, ha: i !== 2, tamanho_gb: 100 * (i + 1) },
  }));
  const archives = ["media", "backups"].map((nome, i) => ({
    tipo: "archive" as const,
    nome,
    config: { classe: i === 0 ? ("padrao" as const) : ("fria" as const) },
  }));
  return {
    nome: "Large",
    resiliencia: "multi-regiao",
    recursos: [
      { tipo: "gateway", nome: "edge", config: { dominio: "app.example.com", tls: true } },
      ...web,
      ...dbs,
      ...archives,
      { tipo: "insight", nome: "obs", config: { retencao_dias: 30, alertas: true } },
    ],
  };
}

function row(
  what: string,
  times: number[],
  candidates: number,
  budget: number | undefined,
): BenchRow {
  const median = quantile(times, 0.5);
  return {
    what,
    candidates,
    runs: times.length,
    median_ms: Number(median.toFixed(2)),
    p95_ms: Number(quantile(times, 0.95).toFixed(2)),
    budget_ms: budget ?? "-",
    within_budget: budget === undefined ? "-" : median <= budget,
  };
}

/** |regions × level| × 3^web × 4^datastores × 2^archives × 12 health checks. */
function spaceOf(bp: Blueprint): number {
  const n = (pred: (r: Blueprint["recursos"][number]) => boolean) =>
    bp.recursos.filter(pred).length;
  const outers = 1 + 6 + 15 + 20 + 1; // first region alone (two levels) + 1–3 others
  const web = n((r) => r.tipo === "compute" && r.config.subtipo === "web");
  const ds = n((r) => r.tipo === "datastore");
  const ar = n((r) => r.tipo === "archive");
  const gw = n((r) => r.tipo === "gateway") > 0 ? 12 : 1;
  return outers * 3 ** web * 4 ** ds * 2 ** ar * gw;
}

export default async function run(): Promise<BenchSuite> {
  const rows: BenchRow[] = [];
  const plano = "enterprise" as const;
  for (const [name, bp, budget] of [
    ["Global SaaS", GLOBAL_SAAS, 50],
    ["6 web, 3 datastores, 2 archives", largeDesign(), 1000],
  ] as const) {
    const normalized = normalizeBlueprint(bp);
    rows.push(
      row(
        `${name}: optimize()`,
        timeRuns(() => optimize(bp, { plano }), { warmUp: 3, maxRuns: 200 }),
        spaceOf(bp),
        budget,
      ),
    );
    rows.push(
      row(
        `${name}: one assess() (baseline)`,
        timeRuns(() => assess(normalized, { plano }), { warmUp: 20 }),
        1,
        undefined,
      ),
    );
  }
  // The literal enumeration the search replaces, once (it takes seconds).
  const t0 = performance.now();
  const all = judge(GLOBAL_SAAS, plano);
  rows.push(
    row(
      "Global SaaS: every candidate validated and assessed (baseline)",
      [performance.now() - t0],
      all.length,
      undefined,
    ),
  );
  return {
    name: "optimize",
    description: "optimize() against one assessment and against enumerating every candidate",
    rows,
  };
}
