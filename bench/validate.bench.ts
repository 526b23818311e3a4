/**
 * Validation time by blueprint size. Budget (issue 2): 1,000 resources in ≤ 5 ms median on the
 * 2-core CI machine. The contract caps a blueprint at 500 resources, so the 1,000 and 5,000
 * cases carry one `esquema` finding for the cap; every resource is still checked.
 */
import { performance } from "node:perf_hooks";
import { validateBlueprint } from "../src/blueprint";
import { syntheticBlueprint } from "./syntheticBlueprint";
import type { BenchSuite } from "./types";

const BUDGET_MS: Record<number, number> = { 1000: 5 };

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export default async function run(): Promise<BenchSuite> {
  const rows = [];
  for (const size of [10, 100, 1000, 5000]) {
    // Round-trip through text, as every caller gets its blueprint.
    const doc = JSON.parse(JSON.stringify(syntheticBlueprint(size)));
    const findings = validateBlueprint(doc).problemas;
    for (let i = 0; i < 20; i++) validateBlueprint(doc); // warm-up: JIT and zod's compiled paths
    const times: number[] = [];
    const deadline = performance.now() + 2000;
    while (times.length < 30 || (performance.now() < deadline && times.length < 2000)) {
      const t0 = performance.now();
      validateBlueprint(doc);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    const budget = BUDGET_MS[size];
    rows.push({
      resources: size,
      runs: times.length,
      median_ms: Number(median.toFixed(3)),
      p95_ms: Number(quantile(times, 0.95).toFixed(3)),
      findings: findings.length,
      budget_ms: budget ?? "-",
      within_budget: budget === undefined ? "-" : median <= budget,
    });
  }
  return {
    name: "validate",
    description: "validateBlueprint (shape + every rule) by blueprint size, median of many runs",
    rows,
  };
}
