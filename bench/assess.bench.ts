/**
 * Assessment time by blueprint size (contract §5 runs on every edit in the designer). Budget:
 * 1,000 resources in ≤ 2 ms median. The blueprint is normalized once, as the console does
 * before assessing; assess() itself is what is timed.
 */
import { assess, normalizeBlueprint } from "../src/blueprint";
import { syntheticBlueprint } from "./syntheticBlueprint";
import { sizeRow, timeRuns } from "./timing";
import type { BenchSuite } from "./types";

const BUDGET_MS: Record<number, number> = { 1000: 2 };

export default async function run(): Promise<BenchSuite> {
  const rows = [];
  for (const size of [10, 100, 1000, 5000]) {
    const normalized = normalizeBlueprint(syntheticBlueprint(size));
    const times = timeRuns(() => assess(normalized), { warmUp: 50, maxRuns: 5000 });
    rows.push(sizeRow(size, times, assess(normalized).conformidade.length, BUDGET_MS[size]));
  }
  return { name: "assess", description: "assess() by blueprint size, median of many runs", rows };
}
