// Scores the English number parser on Microsoft Recognizers-Text's Number and NumberRange specs (MIT): exact text and value per case.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findNumbers } from "../nlp/en/numbers.js";
import { findNumberRanges } from "../nlp/en/numbers-ranges.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

interface SpecResult {
  Text: string;
  TypeName: string;
  Resolution?: { value?: string };
}
interface SpecCase {
  Input: string;
  NotSupported?: string;
  Results: SpecResult[];
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Values equal to the spec's printed precision (it prints 15 significant digits). */
function sameValue(got: number, want: string): boolean {
  const w = Number(want);
  if (!Number.isFinite(w)) return false;
  return Math.abs(got - w) <= 1e-9 * Math.max(1, Math.abs(w));
}

function load(file: string): SpecCase[] {
  return JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as SpecCase[];
}

/** One case passes when the found items equal the expected ones, in order, by text and value. */
function scoreNumbers(cases: SpecCase[], lines: string[], verbose: boolean): { pass: number; total: number } {
  let pass = 0;
  for (const c of cases) {
    // the number model reports bare numbers: a figure with a glued unit ("180ml") is a dimension there,
    // and a currency sign or percent word is not part of the number's text
    const got = findNumbers(c.Input).filter((m) => !m.unit).map((m) => ({ text: c.Input.slice(m.core[0], m.core[1]), value: m.value }));
    const want = c.Results.filter((r) => r.TypeName === "number");
    const ok = got.length === want.length
      && want.every((r, i) => norm(r.Text) === norm(got[i]!.text) && sameValue(got[i]!.value, r.Resolution?.value ?? ""));
    if (ok) pass++;
    else if (verbose) lines.push(`  number miss: ${JSON.stringify(c.Input)} want ${JSON.stringify(want.map((r) => [r.Text, r.Resolution?.value]))} got ${JSON.stringify(got.map((g) => [g.text, g.value]))}`);
  }
  return { pass, total: cases.length };
}

function scoreRanges(cases: SpecCase[], lines: string[], verbose: boolean): { pass: number; total: number } {
  let pass = 0;
  for (const c of cases) {
    const got = findNumberRanges(c.Input).map((r) => ({ text: c.Input.slice(r.start, r.end), value: r.interval }));
    const want = c.Results.filter((r) => r.TypeName === "numberrange");
    const ok = got.length === want.length
      && want.every((r, i) => norm(r.Text) === norm(got[i]!.text) && r.Resolution?.value === got[i]!.value);
    if (ok) pass++;
    else if (verbose) lines.push(`  range miss: ${JSON.stringify(c.Input)} want ${JSON.stringify(want.map((r) => [r.Text, r.Resolution?.value]))} got ${JSON.stringify(got.map((g) => [g.text, g.value]))}`);
  }
  return { pass, total: cases.length };
}

export async function runRecognizersNumbers(dataDir: string, verbose = false): Promise<BenchmarkResult> {
  const dir = path.join(dataDir, "Number", "English");
  const lines: string[] = [];
  const n = scoreNumbers(load(path.join(dir, "NumberModel.json")), lines, verbose);
  const r = scoreRanges(load(path.join(dir, "NumberRangeModel.json")), lines, verbose);
  const pct = (x: { pass: number; total: number }): number => Math.round((1000 * x.pass) / x.total) / 10;
  lines.push(`NumberModel: ${n.pass}/${n.total} (${pct(n)}%)`);
  lines.push(`NumberRangeModel: ${r.pass}/${r.total} (${pct(r)}%)`);
  const all = { pass: n.pass + r.pass, total: n.total + r.total };
  lines.push(`all: ${all.pass}/${all.total} (${pct(all)}%)`);
  return {
    lines,
    metrics: { benchmark: "recognizers-numbers", number: n, range: r, pass: all.pass, total: all.total, rate: all.pass / all.total },
  };
}

export const recognizersNumbers: Benchmark = {
  name: "recognizers-numbers",
  description: "Recognizers-Text English Number + NumberRange specs: each case passes when every number (range) has the expected text and value",
  defaultData: "../shared/data/quantities/recognizers-text-specs",
  run: (dataDir, options) => runRecognizersNumbers(dataDir, options.verbose),
};

// Run directly: `npx tsx src/eval/recognizers-numbers.ts [DATA_DIR] [--verbose]`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--")) ?? recognizersNumbers.defaultData;
  const res = await runRecognizersNumbers(dir, args.includes("--verbose"));
  for (const l of res.lines) console.log(l);
  console.log(JSON.stringify(res.metrics));
}
