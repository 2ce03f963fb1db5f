#!/usr/bin/env node
// Trains the cue classifier (src/nlp/en/attribution/cue-model.json) on PolNeAR TRAIN: an averaged perceptron, deterministic.
//
// Usage: node --import tsx scripts/train-cue-model.ts [--data DIR] [--epochs N] [--eval DEV_DIR] [--out FILE]
//   DIR defaults to ../shared/data/quotes/polnear/train; --eval scores cue heads on another split (dev) without training on it.
// How: every word token of every sentence is an example; it is positive when it is the head of a gold Cue span (the
// first word after auxiliaries and adverbs, as scripts/build-cue-lexicon.mjs reads cues). Features: cueFeatures().
// Documents are read in name order and every epoch visits them in the same order, so the weights are reproducible.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { arg, polnearTexts, trainingPaths } from "./polnear-training.js";
import { Document } from "../src/core/document.js";
import { Pipeline } from "../src/core/pipeline.js";
import { paragraphs } from "../src/nlp/en/extractors/paragraphs.js";
import { sentences } from "../src/nlp/en/extractors/sentences.js";
import { tokens } from "../src/nlp/en/extractors/tokens.js";
import { findMarkedQuotes } from "../src/nlp/en/extractors/quote-marks.js";
import { Tokens } from "../src/nlp/en/extractors/quote-common.js";
import { cueFeatures } from "../src/nlp/en/attribution/cue-features.js";

const { dataDir, evalDir, outFile } = trainingPaths("cue-model.json");
const EPOCHS = Number(arg("--epochs", "6"));
// averaged weights smaller than this are dropped: they barely move a score and would triple the file
const MIN_WEIGHT = Number(arg("--min-weight", "1"));
// words a cue span may open with that are not its head (the lexicon script's list)
const SKIP = new Set(
  ("has have had having is are was were be been being am will would could should can may might must shall did does do " +
    "not n't also again then later further just even still previously repeatedly publicly privately reportedly " +
    "recently once first earlier already often always never 've 'd 'll").split(" "),
);

interface Example { f: string[]; y: number }

function examples(dir: string): Example[] {
  const out: Example[] = [];
  const pipe = new Pipeline([paragraphs, sentences, tokens]);
  for (const { base, text, gold } of polnearTexts(dir)) {
    const doc = new Document(text, {}, base);
    pipe.run(doc);
    const tk = new Tokens(doc);
    const heads = new Set<number>();
    for (const g of gold) {
      const c = g.cue?.[0];
      if (!c) continue;
      let k = tk.at(c[0]);
      while (k < tk.count && tk.start(k) < c[1] && (SKIP.has(tk.low(k)) || !tk.isWord(k))) k++;
      if (k < tk.count && tk.start(k) < c[1]) heads.add(k);
    }
    const marks = findMarkedQuotes(text, doc.get("paragraph").map((p) => p.span)).map((m) => m.outer);
    let m = 0;
    for (const s of doc.get("sentence")) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        if (!tk.isWord(i)) continue;
        const pos = tk.start(i);
        while (m < marks.length && marks[m]![1] <= pos) m++;
        const quoted = m < marks.length && marks[m]![0] <= pos;
        out.push({ f: cueFeatures(tk, i, s.tokenStart, s.tokenEnd, quoted), y: heads.has(i) ? 1 : -1 });
      }
    }
  }
  return out;
}

const train = examples(dataDir);
console.log(`train: ${train.length} tokens, ${train.filter((e) => e.y > 0).length} cue heads`);
// averaged perceptron with lazy averaging: w = current weights, u = sum of (update * time)
const w = new Map<string, number>();
const u = new Map<string, number>();
let t = 1;
const score = (f: string[], m: Map<string, number>) => f.reduce((s, x) => s + (m.get(x) ?? 0), 0);
for (let ep = 0; ep < EPOCHS; ep++) {
  let errors = 0;
  for (const ex of train) {
    const s = score(ex.f, w);
    if ((s > 0 ? 1 : -1) !== ex.y) {
      errors++;
      for (const x of ex.f) {
        w.set(x, (w.get(x) ?? 0) + ex.y);
        u.set(x, (u.get(x) ?? 0) + ex.y * t);
      }
    }
    t++;
  }
  console.log(`epoch ${ep + 1}: ${errors} errors`);
}
const avg = new Map<string, number>();
for (const [k, v] of w) {
  const a = v - (u.get(k) ?? 0) / t;
  const r = Math.round(a * 1000) / 1000;
  if (Math.abs(r) >= MIN_WEIGHT) avg.set(k, r);
}
const evaluate = (exs: Example[], label: string) => {
  for (const th of [-0.5, 0, 0.5, 1]) {
    let tp = 0, fp = 0, fn = 0;
    for (const ex of exs) {
      const p = score(ex.f, avg) > th;
      if (p && ex.y > 0) tp++;
      else if (p) fp++;
      else if (ex.y > 0) fn++;
    }
    const P = tp / Math.max(1, tp + fp), R = tp / Math.max(1, tp + fn);
    console.log(`${label} threshold ${th}: cue heads P ${(100 * P).toFixed(1)} R ${(100 * R).toFixed(1)} F1 ${((200 * P * R) / Math.max(1e-9, P + R)).toFixed(1)}`);
  }
};
evaluate(train, "train");
if (evalDir) evaluate(examples(path.resolve(evalDir)), "eval");
// one weight a line (keys may hold commas and quotes: each is JSON-encoded on its own)
const lines = [...avg].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
const about = `Cue-head classifier (averaged perceptron, ${EPOCHS} epochs) trained on PolNeAR train (${train.length} tokens) by scripts/train-cue-model.ts; features in cue-features.ts. Regenerate, never edit.`;
writeFileSync(outFile, `{"about":${JSON.stringify(about)},\n"weights":{\n${lines.join(",\n")}\n}}\n`);
console.log(`${avg.size} weights -> ${path.relative(process.cwd(), outFile)}`);
