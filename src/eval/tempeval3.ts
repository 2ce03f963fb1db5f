// TempEval-3 (TBAQ-cleaned) scorer for the times stage: TIMEX3 strict and relaxed span F1 and value F1, last line JSON.
//
// Protocol, checked against the official TE-3 toolkit (TE3-evaluation.py, which aligns entities with the
// TimeML-Normalizer and scores them with evaluation-entities/evaluate_entities.py):
// - a gold and a system TIMEX3 match (relaxed) when their extents overlap, one to one; strict needs the same tokens;
//   the DCT (tid t0) is not scored;
// - "Attribute F1 / Value" = (value matches / relaxed matches) × relaxed F1, the value compared as an exact string
//   (no case folding, no equivalence of "2000-W7" and "2000-W07" or "199" and "199X"). With one-to-one matching
//   that equals 2·valueHits / (predicted + gold), the F1 of the value P and R printed here: the two are the same
//   number, so this scorer is neither stricter nor more lenient than the official one.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "../core/document.js";
import type { Span } from "../core/record.js";
import { paragraphs } from "../nlp/en/extractors/paragraphs.js";
import { sentences } from "../nlp/en/extractors/sentences.js";
import { times } from "../nlp/en/extractors/times.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

interface GoldTimex {
  span: Span;
  value: string;
  type: string;
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Plain text of the TEXT element with gold TIMEX3 spans, and the document creation time. */
export function readTml(xml: string): { text: string; dct?: string; timexes: GoldTimex[] } {
  const dct = /<DCT>\s*<TIMEX3[^>]*\svalue="([^"]+)"/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const timexes: GoldTimex[] = [];
  let open: { start: number; value: string; type: string } | undefined;
  const TAG = /<(\/?)(\w+)([^>]*)>|([^<]+)/g;
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    if (m[2] !== "TIMEX3") continue;
    if (!m[1]) {
      const attr = (k: string): string => new RegExp(`\\s${k}="([^"]*)"`).exec(m[3]!)?.[1] ?? "";
      open = { start: text.length, value: attr("value"), type: attr("type") };
    } else if (open) {
      timexes.push({ span: [open.start, text.length], value: open.value, type: open.type });
      open = undefined;
    }
  }
  return { text, dct, timexes };
}

function tmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tmlFiles(p));
    else if (name.endsWith(".tml")) out.push(p);
  }
  return out;
}

const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export async function scoreTempEval3(dataDir: string, { verbose = false, limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  const files = tmlFiles(dataDir).slice(0, limit);
  let gold = 0;
  let pred = 0;
  let spanHits = 0;
  let strictHits = 0;
  let valueHits = 0;
  const lines: string[] = [];
  const misses = new Map<string, number>();
  // per rule source: predictions and right values (a group is worth emitting iff right/predicted > F1/2)
  const sources = new Map<string, { pred: number; right: number }>();
  // per top-level folder (TBAQ's TimeBank and AQUAINT halves follow different annotation habits)
  const parts = new Map<string, { gold: number; pred: number; value: number }>();
  const t0 = performance.now();
  for (const file of files) {
    const { text, dct, timexes } = readTml(readFileSync(file, "utf8"));
    const doc = new Document(text, { published: dct });
    for (const stage of [paragraphs, sentences, times]) stage.run(doc);
    const found = doc.get("time");
    gold += timexes.length;
    pred += found.length;
    const partName = path.relative(dataDir, file).split(path.sep)[0]!;
    const part = parts.get(partName) ?? { gold: 0, pred: 0, value: 0 };
    parts.set(partName, part);
    part.gold += timexes.length;
    part.pred += found.length;
    const used = new Set<number>();
    const rightIdx = new Set<number>();
    for (const g of timexes) {
      // the first unused prediction overlapping the gold span (TE-3 relaxed matching)
      const i = found.findIndex((p, k) => !used.has(k) && overlaps(p.span, g.span));
      if (i < 0) {
        if (verbose) lines.push(`  miss ${path.basename(file)}: "${text.slice(...g.span)}" ${g.value}`);
        continue;
      }
      used.add(i);
      spanHits++;
      // strict: the same characters exactly (TE-3 compares token boundaries; a trailing full stop is trimmed)
      const p = found[i]!.span;
      const trimmedEnd = text[p[1] - 1] === "." && g.span[1] === p[1] - 1 ? p[1] - 1 : p[1];
      if (p[0] === g.span[0] && trimmedEnd === g.span[1]) strictHits++;
      if (found[i]!.value === g.value) {
        rightIdx.add(i);
        valueHits++;
        part.value++;
      } else {
        const key = `"${text.slice(...g.span).toLowerCase()}" want ${g.value.replace(/\d/g, "9")} got ${found[i]!.value.replace(/\d/g, "9")}`;
        misses.set(key, (misses.get(key) ?? 0) + 1);
        if (verbose) lines.push(`  value ${path.basename(file)}: "${text.slice(...g.span)}" gold ${g.value} got ${found[i]!.value} [${found[i]!.source}]`);
      }
    }
    found.forEach((p, k) => {
      const src = sources.get(p.source) ?? { pred: 0, right: 0 };
      sources.set(p.source, src);
      src.pred++;
      if (rightIdx.has(k)) src.right++;
    });
    if (verbose) {
      found.forEach((p, k) => {
        if (!used.has(k)) lines.push(`  extra ${path.basename(file)}: "${p.text}" ${p.value} [${p.source}]`);
      });
    }
  }
  const spanP = pred ? spanHits / pred : 0;
  const spanR = gold ? spanHits / gold : 0;
  const valP = pred ? valueHits / pred : 0;
  const valR = gold ? valueHits / gold : 0;
  lines.push(`${files.length} documents, ${gold} gold TIMEX3, ${pred} predicted (${Math.round(performance.now() - t0)} ms)`);
  const strictP = pred ? strictHits / pred : 0;
  const strictR = gold ? strictHits / gold : 0;
  lines.push(`strict span:  P ${r3(strictP)} R ${r3(strictR)} F1 ${r3(f1(strictP, strictR))}`);
  lines.push(`relaxed span: P ${r3(spanP)} R ${r3(spanR)} F1 ${r3(f1(spanP, spanR))}`);
  lines.push(`value:        P ${r3(valP)} R ${r3(valR)} F1 ${r3(f1(valP, valR))}  (${valueHits} right; value accuracy on matched spans ${r3(spanHits ? valueHits / spanHits : 0)})`);
  // the toolkit's own formula, printed to show it gives the same number (see the header)
  lines.push(`TE-3 value attribute F1 (value accuracy × relaxed F1): ${r3(spanHits ? (valueHits / spanHits) * f1(spanP, spanR) : 0)}`);
  if (parts.size > 1) {
    for (const [name, p] of [...parts].sort((a, b) => a[0].localeCompare(b[0]))) {
      const pp = p.pred ? p.value / p.pred : 0;
      const pr = p.gold ? p.value / p.gold : 0;
      lines.push(`  ${name}: ${p.gold} gold, ${p.pred} predicted, value P ${r3(pp)} R ${r3(pr)} F1 ${r3(f1(pp, pr))}`);
    }
  }
  if (verbose) {
    lines.push("right / predicted by rule source:");
    for (const [name, s] of [...sources].sort((a, b) => b[1].pred - a[1].pred)) lines.push(`  ${name}: ${s.right}/${s.pred} (${r3(s.right / s.pred)})`);
  }
  const top = [...misses.entries()].sort((a, b) => b[1] - a[1]).slice(0, verbose ? 40 : 10);
  if (top.length) lines.push("most frequent value errors:", ...top.map(([k, n]) => `  ${n} × ${k}`));
  return {
    lines,
    metrics: {
      benchmark: "tempeval3", documents: files.length, gold, predicted: pred,
      strictF1: r3(f1(strictP, strictR)), spanP: r3(spanP), spanR: r3(spanR), spanF1: r3(f1(spanP, spanR)), valueP: r3(valP), valueR: r3(valR), valueF1: r3(f1(valP, valR)),
    },
  };
}

export const tempEval3Benchmark: Benchmark = {
  name: "tempeval3",
  description: "TempEval-3 TBAQ-cleaned: TIMEX3 strict and relaxed span F1 and value F1 of the times stage",
  defaultData: "../shared/data/timex/tempeval3/TBAQ-cleaned",
  run: (dataDir, options) => scoreTempEval3(dataDir, options),
};

// Run directly: node dist/eval/tempeval3.js [DIR] [--verbose]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? tempEval3Benchmark.defaultData;
  const result = await scoreTempEval3(dir, { verbose: process.argv.includes("--verbose") });
  for (const l of result.lines) console.log(l);
  console.log(JSON.stringify(result.metrics));
}
