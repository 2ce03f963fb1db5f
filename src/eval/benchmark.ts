// The shape of a benchmark run by `claimline eval <name> --data DIR`: human lines, then one JSON line.
export interface BenchmarkResult {
  /** readable report lines */
  lines: string[];
  /** the metrics, printed as the last line (JSON) */
  metrics: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  description: string;
  /** where the data usually is, relative to the project root */
  defaultData: string;
  run(dataDir: string, options: { verbose: boolean; limit?: number }): Promise<BenchmarkResult>;
}
