// Every benchmark `claimline eval` knows, by name (with the short names the issues use as aliases).
import type { Benchmark } from "./benchmark.js";
import { goldBenchmark } from "./gold-benchmark.js";
import { meantimeBenchmark } from "./meantime.js";
import { polnearBenchmark } from "./polnear.js";
import { recognizersNumbers } from "./recognizers-numbers.js";
import { tempEval3Benchmark } from "./tempeval3.js";
import { nerBenchmark } from "./ner.js";
import { zyteBenchmark } from "./zyte.js";
import { geoBenchmark } from "./geo.js";

const alias = (b: Benchmark, name: string): Benchmark => ({ ...b, name, description: `${b.description} (same as "${b.name}")` });

export const BENCHMARKS: readonly Benchmark[] = [
  goldBenchmark, polnearBenchmark, recognizersNumbers, alias(recognizersNumbers, "numbers"), tempEval3Benchmark,
  alias(tempEval3Benchmark, "timex"), meantimeBenchmark, nerBenchmark, zyteBenchmark, geoBenchmark,
];
