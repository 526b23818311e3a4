export type BenchRow = Record<string, string | number | boolean>;

/** One benchmark suite's results; a row with `within_budget: false` is reported as over budget. */
export interface BenchSuite {
  name: string;
  description: string;
  rows: BenchRow[];
}
