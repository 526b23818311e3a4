/**
 * Assessment time by blueprint size (contract §5 runs on every edit in the designer). Budget:
 * 1,000 resources in ≤ 2 ms median. The blueprint is normalized once, as the console does
 * before assessing; assess() itself is what is timed.
 */
import { assess, normalizeBlueprint } from "../src/blueprint";
import { syntheticBlueprint } from "./syntheticBlueprint";
import { quantile, timeRuns } from "./timing";
import type { BenchSuite } from "./types";

const BUDGET_MS: Record<number, number> = { 1000: 2 };

export default async function run(): Promise<BenchSuite> {
  const rows = [];
  for (const size of [10, 100, 1000, 5000]) {
    const normalized = normalizeBlueprint(syntheticBlueprint(size));
    const times = timeRuns(() => assess(normalized), { warmUp: 50, maxRuns: 5000 });
    const median = quantile(times, 0.5);
    const budget = BUDGET_MS[size];
    rows.push({
      resources: size,
      runs: times.length,
      median_ms: Number(median.toFixed(3)),
      p95_ms: Number(quantile(times, 0.95).toFixed(3)),
      findings: assess(normalized).conformidade.length,
      budget_ms: budget ?? "-",
      within_budget: budget === undefined ? "-" : median <= budget,
    });
  }
  return { name: "assess", description: "assess() by blueprint size, median of many runs", rows };
}
