/** Timing of a synchronous function: warm-up, then as many runs as fit in two seconds. */
import { performance } from "node:perf_hooks";

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Sorted run times (ms): at least 30 runs, at most `maxRuns`, for about two seconds. */
export function timeRuns(fn: () => void, { warmUp = 20, maxRuns = 2000 } = {}): number[] {
  for (let i = 0; i < warmUp; i++) fn(); // the JIT and zod's compiled paths
  const times: number[] = [];
  const deadline = performance.now() + 2000;
  while (times.length < 30 || (performance.now() < deadline && times.length < maxRuns)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** One row of a by-size table: runs, median and p95 of sorted times, against a median budget. */
export function sizeRow(size: number, times: number[], findings: number, budget?: number) {
  const median = quantile(times, 0.5);
  return {
    resources: size,
    runs: times.length,
    median_ms: Number(median.toFixed(3)),
    p95_ms: Number(quantile(times, 0.95).toFixed(3)),
    findings,
    budget_ms: budget ?? "-",
    within_budget: budget === undefined ? "-" : median <= budget,
  };
}
