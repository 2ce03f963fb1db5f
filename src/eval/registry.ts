// Every benchmark `claimline eval` knows, by name.
import type { Benchmark } from "./benchmark.js";
import { goldBenchmark } from "./gold-benchmark.js";

export const BENCHMARKS: readonly Benchmark[] = [goldBenchmark];
