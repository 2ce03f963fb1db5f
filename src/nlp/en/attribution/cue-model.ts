// The cue classifier: an averaged perceptron over cue-features.ts, weights trained on PolNeAR train (see PROVENANCE.md).
import model from "./cue-model.json" with { type: "json" };
import type { Tokens } from "../extractors/quote-common.js";
import { contextFeatures, wordFeatures, type Emit } from "./cue-features.js";

// Weights by template, then value (then second value): a lookup needs no string built per feature.
const UNARY = new Map<string, Map<string, number>>();
const BINARY = new Map<string, Map<string, Map<string, number>>>();
for (const [name, weight] of Object.entries(model.weights as Record<string, number>)) {
  const eq = name.indexOf("=");
  const t = name.slice(0, eq);
  const rest = name.slice(eq + 1);
  const tab = rest.indexOf("\t");
  if (tab < 0) {
    let m = UNARY.get(t);
    if (!m) UNARY.set(t, (m = new Map()));
    m.set(rest, weight);
  } else {
    let m = BINARY.get(t);
    if (!m) BINARY.set(t, (m = new Map()));
    const a = rest.slice(0, tab);
    let n = m.get(a);
    if (!n) m.set(a, (n = new Map()));
    n.set(rest.slice(tab + 1), weight);
  }
}

let sum = 0;
const add: Emit = (t, a, b) => {
  sum += (b === undefined ? UNARY.get(t)?.get(a) : BINARY.get(t)?.get(a)?.get(b)) ?? 0;
};
// the word-only part of the score, per word as written (a bounded cache: news has a few thousand distinct verbs)
const wordPart = new Map<string, number>();
const WORD_CACHE_MAX = 50_000;

/** The model's score that token i opens a cue (above 0: a cue). */
export function cueScore(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean): number {
  const word = tk.word(i);
  let base = wordPart.get(word);
  if (base === undefined) {
    sum = 0;
    wordFeatures(word, tk.low(i), add);
    base = sum;
    if (wordPart.size >= WORD_CACHE_MAX) wordPart.clear();
    wordPart.set(word, base);
  }
  sum = 0;
  contextFeatures(tk, i, s0, s1, quoted, add);
  return base + sum;
}
