/**
 * Validation time by blueprint size. Budget (issue 2): 1,000 resources in ≤ 5 ms median on the
 * 2-core CI machine. The contract caps a blueprint at 500 resources, so the 1,000 and 5,000
 * cases carry one `esquema` finding for the cap; every resource is still checked.
 */
import { validateBlueprint } from "../src/blueprint";
import { syntheticBlueprint } from "./syntheticBlueprint";
import { sizeRow, timeRuns } from "./timing";
import type { BenchSuite } from "./types";

const BUDGET_MS: Record<number, number> = { 1000: 5 };

export default async function run(): Promise<BenchSuite> {
  const rows = [];
  for (const size of [10, 100, 1000, 5000]) {
    // Round-trip through text, as every caller gets its blueprint.
    const doc = JSON.parse(JSON.stringify(syntheticBlueprint(size)));
    const findings = validateBlueprint(doc).problemas;
    const times = timeRuns(() => validateBlueprint(doc));
    rows.push(sizeRow(size, times, findings.length, BUDGET_MS[size]));
  }
  return {
    name: "validate",
    description: "validateBlueprint (shape + every rule) by blueprint size, median of many runs",
    rows,
  };
}
