/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line), prints
 * each suite's table and writes it to `bench/results/<suite>.json`.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSuite } from "./types";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

mkdirSync(join(here, "results"), { recursive: true });
let overBudget = 0;
for (const file of files) {
  const mod = (await import(join(here, file))) as { default: () => Promise<BenchSuite> };
  const suite = await mod.default();
  console.log(`\n## ${suite.name}\n`);
  console.table(suite.rows);
  for (const row of suite.rows) if (row.within_budget === false) overBudget++;
  const out = join(here, "results", `${suite.name}.json`);
  writeFileSync(
    out,
    `${JSON.stringify({ ...suite, machine: machineFacts(), at: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`written to ${out}`);
}
if (overBudget) console.log(`\n${overBudget} figure(s) over budget.`);

function machineFacts() {
  return { node: process.version, platform: process.platform, arch: process.arch };
}
