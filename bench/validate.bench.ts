/**
 * Validation time by blueprint size. Budget (issue 2): 1,000 resources in ≤ 5 ms median on the
 * 2-core CI machine. The contract caps a blueprint at 500 resources, so the 1,000 and 5,000
 * cases carry one `esquema` finding for the cap; every resource is still checked.
 */
import { validateBlueprint } from "../src/blueprint";
import { syntheticBlueprint } from "./syntheticBlueprint";
import { quantile, timeRuns } from "./timing";
import type { BenchSuite } from "./types";

const BUDGET_MS: Record<number, number> = { 1000: 5 };

export default async function run(): Promise<BenchSuite> {
  const rows = [];
  for (const size of [10, 100, 1000, 5000]) {
    // Round-trip through text, as every caller gets its blueprint.
    const doc = JSON.parse(JSON.stringify(syntheticBlueprint(size)));
    const findings = validateBlueprint(doc).problemas;
    const times = timeRuns(() => validateBlueprint(doc));
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
