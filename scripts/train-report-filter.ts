#!/usr/bin/env node
// Trains the report filter (src/nlp/en/attribution/report-filter-model.json) on PolNeAR TRAIN, deterministically.
//
// Usage: node --import tsx scripts/train-report-filter.ts [--data DIR] [--eval DEV_DIR] [--out FILE] [--epochs N]
//          [--l2 L] [--min-count N] [--label overlap|exact] [--threshold T]
//   DIR defaults to ../shared/data/quotes/polnear/train. --eval runs the split (dev) with the filter observing and
//   picks the threshold there: the one with the best exact cue F1 whose source and content F1 are not below the
//   unfiltered ones (the table is printed); without --eval the threshold is --threshold (default 0.25).
// How: the English pipeline runs over every text with an observer on the filter (every report stands while
// observed). Each reported-speech quote of the indirect-quote extractor is one example: its features
// (report-filter.ts), label 1 when its cue, mapped as the scorer maps it (src/eval/polnear.ts `toAttributions`),
// overlaps a gold Cue (--label overlap, the default: a report with a wrong cue extent still gives its source and
// content; --label exact asks for the exact cue). Logistic regression by SGD (--epochs 6, step 0.2 / (1 + epoch / 2),
// L2 --l2 1e-3), features seen in fewer than --min-count 5 train reports left out, the examples in a seeded shuffle
// each epoch (the same order on every run); |w| < 0.005 dropped, 3 decimals.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { arg, polnearTexts, trainingPaths } from "./polnear-training.js";
import type { Attribution } from "../src/eval/polnear.js";
import { Document } from "../src/core/document.js";
import type { Quote } from "../src/core/annotations.js";
import type { Span } from "../src/core/record.js";
import { englishPipeline } from "../src/nlp/en/configuration.js";
import { toAttributions } from "../src/eval/polnear.js";
import { observeReports, probability } from "../src/nlp/en/attribution/report-filter.js";

const { dataDir, evalDir, outFile } = trainingPaths("report-filter-model.json");
const EPOCHS = Number(arg("--epochs", "6"));
const L2 = Number(arg("--l2", "1e-3"));
// features seen in fewer train reports get no weight (rare words only fit the split)
const MIN_COUNT = Number(arg("--min-count", "5"));
const MIN_WEIGHT = 0.005;
// "overlap": a report is right when its cue overlaps a gold Cue (a wrong extent still gives its source and content);
// "exact": only when the mapped cue equals one
const LABEL = arg("--label", "overlap");

const keyOf = (f: Span[]): string => f.map((s) => `${s[0]}-${s[1]}`).join(",");

interface Example { features: string[]; label: number }
/** One text's final quotes, its gold, and the features of its scored reports (to replay the filter at any threshold). */
interface Run { text: string; gold: Attribution[]; quotes: Quote[]; sentences: Span[]; scored: Map<Quote, string[]> }

function collect(dir: string): { examples: Example[]; runs: Run[] } {
  const pipeline = englishPipeline();
  const examples: Example[] = [];
  const runs: Run[] = [];
  let run: Run | undefined;
  let goldCues = new Set<string>();
  let goldSpans: Span[] = [];
  observeReports((doc, q, features) => {
    const a = toAttributions(doc.text, [q], doc.get("sentence").map((s) => s.span))[0];
    const right = !!a?.cue && (LABEL === "exact" ? goldCues.has(keyOf(a.cue)) : a.cue.some((x) => goldSpans.some((y) => x[0] < y[1] && y[0] < x[1])));
    examples.push({ features, label: right ? 1 : 0 });
    run!.scored.set(q, features);
  });
  try {
    for (const { base, text, gold } of polnearTexts(dir)) {
      goldCues = new Set(gold.filter((g) => g.cue).map((g) => keyOf(g.cue!)));
      goldSpans = gold.flatMap((g) => g.cue ?? []);
      run = { text, gold, quotes: [], sentences: [], scored: new Map() };
      const doc = new Document(text, {}, base);
      pipeline.run(doc);
      run.quotes = [...doc.maybe("quote")];
      run.sentences = doc.maybe("sentence").map((s) => s.span);
      runs.push(run);
    }
  } finally {
    observeReports(undefined);
  }
  return { examples, runs };
}

/** A seeded generator (mulberry32): the same shuffles on every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(all: Example[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const e of all) for (const f of e.features) count.set(f, (count.get(f) ?? 0) + 1);
  const examples = all.map((e) => ({ label: e.label, features: e.features.filter((f) => count.get(f)! >= MIN_COUNT) }));
  const w = new Map<string, number>();
  const order = examples.map((_, i) => i);
  const rand = rng(42);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const step = 0.2 / (1 + epoch / 2);
    for (const i of order) {
      const { features, label } = examples[i]!;
      const g = label - probability(w, features);
      for (const f of features) {
        const v = w.get(f) ?? 0;
        w.set(f, v + step * (g - L2 * v));
      }
    }
  }
  return w;
}

/** Exact-match F1 per role of the runs' quotes, the scored ones below `t` dropped (the scorer's matching). */
function f1At(runs: Run[], w: Map<string, number>, t: number): Record<"source" | "cue" | "content", number> {
  const c = { source: [0, 0, 0], cue: [0, 0, 0], content: [0, 0, 0] } as Record<"source" | "cue" | "content", number[]>;
  for (const r of runs) {
    const kept = r.quotes.filter((q) => { const f = r.scored.get(q); return !f || probability(w, f) >= t; });
    const pred = toAttributions(r.text, kept, r.sentences);
    for (const role of ["source", "cue", "content"] as const) {
      const left = new Map<string, number>();
      for (const g of r.gold) if (g[role]) { left.set(keyOf(g[role]!), (left.get(keyOf(g[role]!)) ?? 0) + 1); c[role][2]!++; }
      for (const p of pred) {
        if (!p[role]) continue;
        c[role][1]!++;
        const n = left.get(keyOf(p[role]!)) ?? 0;
        if (n > 0) { c[role][0]!++; left.set(keyOf(p[role]!), n - 1); }
      }
    }
  }
  const f = (x: number[]) => (2 * x[0]!) / (x[1]! + x[2]!);
  return { source: f(c.source), cue: f(c.cue), content: f(c.content) };
}

const t0 = process.cpuUsage();
const { examples } = collect(dataDir);
// the weights as written (pruned, rounded): the threshold is chosen with what the filter will read
const weights = new Map<string, number>();
for (const [f, v] of [...train(examples)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) if (Math.abs(v) >= MIN_WEIGHT) weights.set(f, Math.round(v * 1000) / 1000);
const positives = examples.filter((e) => e.label).length;
console.log(`train: ${examples.length} reports, ${positives} right (--label ${LABEL})`);
let threshold = Number(arg("--threshold", "0.25"));
if (evalDir) {
  const { examples: dev, runs } = collect(path.resolve(evalDir));
  const base = f1At(runs, weights, 0);
  const pct = (x: number) => (100 * x).toFixed(2);
  console.log(`eval: ${dev.length} reports, ${dev.filter((e) => e.label).length} right`);
  console.log(`threshold  source  cue  content (unfiltered ${pct(base.source)} ${pct(base.cue)} ${pct(base.content)})`);
  let best = base.cue;
  threshold = 0;
  for (let t = 0.05; t <= 0.6 + 1e-9; t += 0.025) {
    const s = f1At(runs, weights, t);
    const dropped = dev.filter((e) => probability(weights, e.features) < t);
    console.log(`  ${t.toFixed(3)}  ${pct(s.source)}  ${pct(s.cue)}  ${pct(s.content)}  (${dropped.length} dropped, ${dropped.filter((e) => !e.label).length} of them wrong)`);
    if (s.cue > best + 1e-9 && s.source >= base.source - 1e-9 && s.content >= base.content - 1e-9) {
      best = s.cue;
      threshold = Math.round(t * 1000) / 1000;
    }
  }
  console.log(`threshold ${threshold}: cue F1 ${pct(best)}`);
}
const kept = Object.fromEntries(weights);
writeFileSync(outFile, JSON.stringify({ threshold, weights: kept }, null, 0) + "\n");
const cpu = process.cpuUsage(t0);
console.log(`wrote ${outFile}: ${Object.keys(kept).length} weights (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU)`);
