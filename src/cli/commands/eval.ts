// `claimline eval <benchmark> --data DIR`: prints a benchmark's metrics, the last line as JSON.
import type { Command } from "commander";
import { BENCHMARKS } from "../../eval/registry.js";
import type { CliIO } from "../io.js";

export function registerEval(program: Command, io: CliIO): void {
  program
    .command("eval")
    .description(`score claimline on a benchmark: ${BENCHMARKS.map((b) => b.name).join(", ")}`)
    .argument("<benchmark>", "benchmark name")
    .option("--data <dir>", "the benchmark's data folder (defaults to its usual place)")
    .option("--limit <n>", "only the first N items", (v) => Number.parseInt(v, 10))
    .option("--verbose", "list the misses", false)
    .option("--conll <file>", "a CoNLL-format file to score (ner; the same as --data)")
    .action(async (name: string, flags: { data?: string; conll?: string; limit?: number; verbose: boolean }) => {
      if (flags.conll) flags.data = flags.conll;
      const bench = BENCHMARKS.find((b) => b.name === name);
      if (!bench) {
        io.err.write(`claimline: unknown benchmark "${name}" (known: ${BENCHMARKS.map((b) => `${b.name} — ${b.description}`).join("; ")})\n`);
        io.setExit(2);
        return;
      }
      try {
        const result = await bench.run(flags.data ?? bench.defaultData, { verbose: flags.verbose, limit: flags.limit });
        for (const line of result.lines) io.out.write(`${line}\n`);
        io.out.write(`${JSON.stringify(result.metrics)}\n`);
      } catch (e) {
        io.err.write(`claimline: eval ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
        io.setExit(1);
      }
    });
}
