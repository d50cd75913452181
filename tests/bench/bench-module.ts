/** One row of the benchmark table. */
export interface BenchRow {
  /** Section the row belongs to ("matcher", later "bundle", "popup search", "chromium"). */
  group: string;
  metric: string;
  value: number;
  unit: string;
  /** Human-readable target ("≥ 100"), if the metric has one. */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  pass?: boolean;
  note?: string;
}

/**
 * A benchmark module: measures one area and returns rows for the shared table. Add a module
 * to the list in run.ts to get its rows printed side by side with the others.
 */
export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}
