// Every benchmark `claimline eval` knows, by name.
import type { Benchmark } from "./benchmark.js";
import { goldBenchmark } from "./gold-benchmark.js";
import { polnearBenchmark } from "./polnear.js";
import { recognizersNumbers } from "./recognizers-numbers.js";
import { tempEval3Benchmark } from "./tempeval3.js";
import { nerBenchmark } from "./ner.js";
import { zyteBenchmark } from "./zyte.js";

export const BENCHMARKS: readonly Benchmark[] = [goldBenchmark, polnearBenchmark, recognizersNumbers, tempEval3Benchmark, nerBenchmark, zyteBenchmark];
