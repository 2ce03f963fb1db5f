#!/usr/bin/env node
// Trains the content-boundary rankers (src/nlp/en/attribution/content-bounds-model.json) on PolNeAR TRAIN, deterministically.
//
// Usage: node --import tsx scripts/train-content-bounds.ts [--data DIR] [--epochs N] [--eval DEV_DIR] [--out FILE]
//          [--min-weight W] [--sides start,end] [--drop TEMPLATE,…] [--bags N] [--min-count N]
//   DIR defaults to ../shared/data/quotes/polnear/train; --eval scores the choice on another split (dev) without training on it.
// How: the English pipeline runs over every text with an observer on the indirect-quote extractor (the rules' spans
// stand while observed). Each report whose cue overlaps a gold Cue gives one start example (when its content follows
// the cue) and one end example: the candidates of content-bounds.ts, positive where the boundary, mapped as the scorer
// maps it (src/eval/polnear.ts: "that" opens the content, edge punctuation trimmed), equals the gold content's. A
// ranking perceptron (update the best-scoring positive up and the chosen negative down), averaged; --bags of them (20),
// the first over the documents in name order, the others over seeded shuffles of the examples, their weights averaged;
// |w| < --min-weight dropped, 3 decimals. Features seen in fewer than --min-count (1: all) reports of a side are never
// trained: the rankers memorised single reports' words (train 99% / dev 93% right starts) more than they learned.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { arg, polnearTexts, trainingPaths } from "./polnear-training.js";
import type { Attribution } from "../src/eval/polnear.js";
import { Document } from "../src/core/document.js";
import { englishPipeline } from "../src/nlp/en/configuration.js";
import { trimContent } from "../src/nlp/en/extractors/quote-common.js";
import { best, observeBounds, type BoundCandidate } from "../src/nlp/en/attribution/content-bounds.js";

const { dataDir, evalDir, outFile } = trainingPaths("content-bounds-model.json");
const EPOCHS = Number(arg("--epochs", "4"));
const MIN_WEIGHT = Number(arg("--min-weight", "0.5"));
// perceptrons averaged into the weights, each over its own order of the examples (see train)
const BAGS = Number(arg("--bags", "20"));
// feature templates left out (by name before "="): an ablation switch; dropped templates get no weights at all
const DROP = new Set((arg("--drop", "") ?? "").split(",").filter(Boolean));
const keep = (c: BoundCandidate): BoundCandidate => (DROP.size ? { tok: c.tok, features: c.features.filter((f) => !DROP.has(f.slice(0, f.indexOf("=") < 0 ? f.length : f.indexOf("=")))) } : c);

/** One ranking: the candidates and which of them are right. */
interface Example { cands: BoundCandidate[]; pos: Set<number> }
type Side = "start" | "end";

function examples(dir: string): Record<Side, Example[]> {
  const out: Record<Side, Example[]> = { start: [], end: [] };
  const pipeline = englishPipeline();
  let text = "";
  let gold: Attribution[] = [];
  observeBounds((ctx, starts, ends) => {
    const { tk } = ctx;
    const c0 = tk.start(ctx.cue0);
    const c1 = tk.end(ctx.cue1 - 1);
    const g = gold.find((a) => a.cue?.some((f) => f[0] < c1 && c0 < f[1]) && a.content);
    if (!g) return;
    const gs = g.content![0]![0];
    const ge = g.content![g.content!.length - 1]![1];
    if (starts) {
      const pos = new Set<number>();
      for (const c of starts) {
        const b = c.tok;
        if (tk.start(b) === gs || (b > ctx.s0 && tk.low(b - 1) === "that" && tk.start(b - 1) === gs)) pos.add(b);
      }
      out.start.push({ cands: starts.map(keep), pos });
    }
    const pos = new Set<number>();
    for (const c of ends) {
      const t = trimContent(text, [tk.start(ctx.start), tk.end(c.tok - 1)])[1];
      if (t === ge || (t + 1 === ge && /["”’'»]/.test(text[t]!))) pos.add(c.tok);
    }
    out.end.push({ cands: ends.map(keep), pos });
  });
  try {
    for (const t of polnearTexts(dir)) {
      ({ text, gold } = t);
      pipeline.run(new Document(text, {}, t.base));
    }
  } finally {
    observeBounds(undefined);
  }
  return out;
}

/** The examples in a fixed pseudo-random order (Fisher-Yates with a seeded mulberry32: the same order on every run). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The mean of BAGS averaged perceptrons, each over the examples in its own fixed order (the first in name order): one
 * perceptron's choice on dev swings by ±1% with the order of its examples, the mean of several much less.
 */
function train(all: Example[]): Map<string, number> {
  const exs = MIN_COUNT > 1 ? pruned(all) : all;
  const sum = new Map<string, number>();
  for (let b = 0; b < BAGS; b++) {
    for (const [k, v] of trainOne(b === 0 ? exs : shuffled(exs, b))) sum.set(k, (sum.get(k) ?? 0) + v);
  }
  const avg = new Map<string, number>();
  for (const [k, v] of sum) {
    const r = Math.round((v / BAGS) * 1000) / 1000;
    if (Math.abs(r) >= MIN_WEIGHT) avg.set(k, r);
  }
  return avg;
}

// features seen in fewer than --min-count reports are left out (default 1, every feature: on the merged rules of
// 2026-11-27 11:35, 1 gave the most right dev ends; on those of 10:40, 3 did — see PROVENANCE.md)
// (dev, right ends: 621 of 715 with every feature, 624 from 2 reports, 626 from 3, 618 from 5, 615 from 8)
const MIN_COUNT = Number(arg("--min-count", "1"));
function pruned(exs: Example[]): Example[] {
  const n = new Map<string, number>();
  for (const ex of exs) for (const f of new Set(ex.cands.flatMap((c) => c.features))) n.set(f, (n.get(f) ?? 0) + 1);
  return exs.map((ex) => ({ pos: ex.pos, cands: ex.cands.map((c) => ({ tok: c.tok, features: c.features.filter((f) => n.get(f)! >= MIN_COUNT) })) }));
}

function trainOne(exs: Example[]): Map<string, number> {
  // averaged perceptron with lazy averaging: w = current weights, u = sum of (update * time)
  const w = new Map<string, number>();
  const u = new Map<string, number>();
  let t = 1;
  const bump = (f: readonly string[], by: number) => {
    for (const x of f) {
      w.set(x, (w.get(x) ?? 0) + by);
      u.set(x, (u.get(x) ?? 0) + by * t);
    }
  };
  for (let ep = 0; ep < EPOCHS; ep++) {
    let errors = 0;
    for (const ex of exs) {
      if (ex.pos.size === 0) continue;
      const guess = best(ex.cands, w)!;
      if (!ex.pos.has(guess.tok)) {
        errors++;
        const right = best(ex.cands, w, (tok) => ex.pos.has(tok))!;
        bump(right.features, 1);
        bump(guess.features, -1);
      }
      t++;
    }
    console.log(`  epoch ${ep + 1}: ${errors} errors`);
  }
  const avg = new Map<string, number>();
  for (const [k, v] of w) avg.set(k, v - (u.get(k) ?? 0) / t);
  return avg;
}

/** How often the ranker and the rules pick a right boundary, over examples that have one. */
function evaluate(exs: Example[], w: Map<string, number>, label: string): void {
  let n = 0, model = 0, rules = 0;
  for (const ex of exs) {
    if (ex.pos.size === 0) continue;
    n++;
    if (ex.pos.has(best(ex.cands, w)!.tok)) model++;
    if (ex.pos.has(ex.cands.find((c) => c.features[0] === "R")!.tok)) rules++;
  }
  const all = exs.length;
  console.log(`${label}: ${all} reports, ${n} with a right candidate; right: rules ${rules} (${((100 * rules) / n).toFixed(1)}%), model ${model} (${((100 * model) / n).toFixed(1)}%)`);
}

const trainEx = examples(dataDir);
const weights: Record<Side, Map<string, number>> = { start: new Map(), end: new Map() };
// the sides to train (a side left out gets no weights: the rules' boundary stands there)
const SIDES = (arg("--sides", "start,end") ?? "").split(",") as Side[];
for (const side of SIDES) {
  console.log(`${side}: training on ${trainEx[side].length} reports`);
  weights[side] = train(trainEx[side]);
  evaluate(trainEx[side], weights[side], `${side} train`);
}
if (evalDir) {
  const ev = examples(path.resolve(evalDir));
  for (const side of SIDES) evaluate(ev[side], weights[side], `${side} eval`);
}
const table = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",\n");
const about = `Content-boundary rankers (mean of ${BAGS} averaged perceptrons, ${EPOCHS} epochs, features of ${MIN_COUNT}+ reports) trained on PolNeAR train (${trainEx.start.length} start, ${trainEx.end.length} end reports) by scripts/train-content-bounds.ts; features in content-bounds.ts. Regenerate, never edit.`;
writeFileSync(outFile, `{"about":${JSON.stringify(about)},\n"start":{\n${table(weights.start)}\n},\n"end":{\n${table(weights.end)}\n}}\n`);
console.log(`${weights.start.size} + ${weights.end.size} weights -> ${path.relative(process.cwd(), outFile)}`);
