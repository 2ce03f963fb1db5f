// The cue classifier: an averaged perceptron over cue-features.ts, weights trained on PolNeAR train (see PROVENANCE.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Tokens } from "../extractors/quote-common.js";
import { shapeOf, wordFeatures } from "./cue-features.js";
import { outsideBudget } from "../../../core/pipeline.js";

// src/nlp/en/attribution and dist/nlp/en/attribution both sit four levels below the project root.
const MODEL_FILE = fileURLToPath(new URL("../../../../src/nlp/en/attribution/cue-model.json", import.meta.url));

type Weights = Map<string, number>;
const NONE: Weights = new Map();

const maxima = new WeakMap<Weights, number>();
/**
 * Largest weight of a map's values, or 0 when all are negative or there are none (an absent feature adds 0); kept
 * per map ("ln1" of the lemma "-" has thousands of entries and is asked for every word without a lemma).
 */
function maxOf(m: Weights): number {
  let best = maxima.get(m);
  if (best === undefined) {
    best = 0;
    for (const v of m.values()) if (v > best) best = v;
    maxima.set(m, best);
  }
  return best;
}

/**
 * The weights by template, then value (then second value): a lookup needs no string built per feature. The
 * conjunctions with the token's own word or lemma as second value (p1w, p1l) are also kept the other way round
 * (own value first), so a word's cached part can hold its row.
 */
class CueModel {
  readonly unary = new Map<string, Weights>();
  readonly binary = new Map<string, Map<string, Weights>>();
  /** template -> second value -> first value -> weight */
  readonly bySecond = new Map<string, Map<string, Weights>>();

  constructor(weights: Record<string, number>) {
    for (const name in weights) {
      const weight = weights[name]!;
      const eq = name.indexOf("=");
      const t = name.slice(0, eq);
      const tab = name.indexOf("\t", eq + 1);
      if (tab < 0) {
        let m = this.unary.get(t);
        if (!m) this.unary.set(t, (m = new Map()));
        m.set(name.slice(eq + 1), weight);
      } else {
        const a = name.slice(eq + 1, tab);
        const b = name.slice(tab + 1);
        nested(this.binary, t, a).set(b, weight);
        if (t === "p1w" || t === "p1l") nested(this.bySecond, t, b).set(a, weight);
      }
    }
  }

  u(t: string): Weights {
    return this.unary.get(t) ?? NONE;
  }

  b(t: string): Map<string, Weights> {
    return this.binary.get(t) ?? new Map();
  }

  weight(t: string, a: string, b?: string): number {
    return (b === undefined ? this.unary.get(t)?.get(a) : this.binary.get(t)?.get(a)?.get(b)) ?? 0;
  }
}

function nested(m: Map<string, Map<string, Weights>>, t: string, a: string): Weights {
  let byA = m.get(t);
  if (!byA) m.set(t, (byA = new Map()));
  let w = byA.get(a);
  if (!w) byA.set(a, (w = new Map()));
  return w;
}

/** The model's tables for `contextFeatures`' 13 templates, resolved once. */
interface Tables {
  m: CueModel;
  p1: Weights; n1: Weights; p2: Weights; n2: Weights; q: Weights; pos: Weights;
  qr: Map<string, Weights>;
  /** the most the 7 single-lookup context templates can add together (each table's largest weight, or 0) */
  ctxMost: number;
}

let tables: Tables | undefined;
/** The weights, read on the first score (not at import: most commands that import the extractors never score). */
function cueTables(): Tables {
  return (tables ??= outsideBudget(readCueTables));
}

function readCueTables(): Tables {
  const m = new CueModel((JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { weights: Record<string, number> }).weights);
  const t = { m, p1: m.u("p1"), n1: m.u("n1"), p2: m.u("p2"), n2: m.u("n2"), q: m.u("q"), pos: m.u("pos"), qr: m.b("qr") };
  let qrMost = 0;
  for (const row of t.qr.values()) qrMost = Math.max(qrMost, maxOf(row));
  return { ...t, ctxMost: maxOf(t.p1) + maxOf(t.n1) + maxOf(t.p2) + maxOf(t.n2) + maxOf(t.q) + qrMost + maxOf(t.pos) };
}

/**
 * A word's cached part of the score: the word-only features' sum (`base`), the rows of the context conjunctions
 * with its own values (word, lemma, rate), and the most those conjunctions can add (`bound`, for `cueScoreAbove`).
 */
interface WordPart {
  base: number;
  rate: string;
  /** p1w by previous word, for this word */
  p1w: Weights;
  /** wn1 by next word */
  wn1: Weights;
  ln1: Weights;
  /** p1l by previous word, for this lemma */
  p1l: Weights;
  rn1: Weights;
  rp1: Weights;
  bound: number;
  /** the most the whole score can be in any context: `base`, `bound` and the tables' `ctxMost` */
  most: number;
}
// per word as written (a bounded cache: news has a few thousand distinct verbs)
const wordPart = new Map<string, WordPart>();
const WORD_CACHE_MAX = 50_000;

function partOf(word: string, low: string): WordPart {
  let p = wordPart.get(word);
  if (p !== undefined) return p;
  const { m } = cueTables();
  let base = 0;
  let lemma = "";
  let rate = "";
  // the word features in their order (the sum must be the training-time sum, to the last bit)
  wordFeatures(word, low, (t, a, b) => {
    base += m.weight(t, a, b);
    if (t === "l") lemma = a;
    else if (t === "r") rate = a;
  });
  const p1w = m.bySecond.get("p1w")?.get(low) ?? NONE;
  const wn1 = m.binary.get("wn1")?.get(low) ?? NONE;
  const ln1 = m.binary.get("ln1")?.get(lemma) ?? NONE;
  const p1l = m.bySecond.get("p1l")?.get(lemma) ?? NONE;
  const rn1 = m.binary.get("rn1")?.get(rate) ?? NONE;
  const rp1 = m.binary.get("rp1")?.get(rate) ?? NONE;
  const bound = maxOf(p1w) + maxOf(wn1) + maxOf(ln1) + maxOf(p1l) + maxOf(rn1) + maxOf(rp1);
  p = { base, rate, p1w, wn1, ln1, p1l, rn1, rp1, bound, most: base + bound + tables!.ctxMost };
  if (wordPart.size >= WORD_CACHE_MAX) wordPart.clear();
  wordPart.set(word, p);
  return p;
}

const POS = ["0", "1", "2"];
const POS_END = ["", "e1", "e2"];

/**
 * The score of token i: the word's part plus `contextFeatures`' 13 templates (cue-features.ts), looked up here in
 * the same order, so that the floating-point sum equals the feature path's exactly (`cue-model.test.ts` checks).
 * Returns an upper bound that does not exceed `threshold` instead when the score cannot exceed it.
 */
function score(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean, threshold: number): number {
  const part = partOf(tk.word(i), tk.low(i));
  // a word that cannot pass in any context is settled without a context lookup (the same margin as below)
  if (part.most <= threshold - 1e-9) return part.most;
  const t = tables!;
  const p1 = i - 1 < s0 ? "<s>" : tk.low(i - 1);
  const n1 = i + 1 >= s1 ? "</s>" : tk.low(i + 1);
  const q = quoted ? "true" : "false";
  const wp1 = t.p1.get(p1) ?? 0;
  const wn1 = t.n1.get(n1) ?? 0;
  const wp2 = t.p2.get(i - 2 < s0 ? "<s>" : tk.low(i - 2)) ?? 0;
  const wn2 = t.n2.get(i + 2 >= s1 ? "</s>" : tk.low(i + 2)) ?? 0;
  const wq = t.q.get(q) ?? 0;
  const wqr = t.qr.get(q)?.get(part.rate) ?? 0;
  const wpos = t.pos.get(i - s0 < 3 ? POS[i - s0]! : s1 - i < 3 ? POS_END[s1 - i]! : "m") ?? 0;
  // the margin keeps the test safe from rounding (the exact score sums the same weights in another order)
  const most = part.base + wp1 + wn1 + wp2 + wn2 + wq + wqr + wpos + part.bound;
  if (most <= threshold - 1e-9) return most;
  let sum = 0;
  sum += wp1;
  sum += wn1;
  sum += wp2;
  sum += wn2;
  sum += part.p1w.get(p1) ?? 0;
  sum += part.wn1.get(n1) ?? 0;
  sum += part.ln1.get(n1) ?? 0;
  sum += part.p1l.get(p1) ?? 0;
  sum += part.rn1.get(i + 1 < s1 ? shapeOf(tk.word(i + 1)) : "</s>") ?? 0;
  sum += part.rp1.get(i - 1 >= s0 ? shapeOf(tk.word(i - 1)) : "<s>") ?? 0;
  sum += wq;
  sum += wqr;
  sum += wpos;
  return part.base + sum;
}

/** The model's score that token i opens a cue (above 0: a cue). */
export function cueScore(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean): number {
  cueTables();
  return score(tk, i, s0, s1, quoted, -Infinity);
}

/**
 * `cueScore` for a caller that only asks whether the score exceeds `threshold`: the exact score when it may, else
 * an upper bound of it that does not. The bound: the word's part and the context features that are single lookups
 * (neighbour words, position, quotation) exactly, the conjunctions with the word's own values at their largest
 * weight. The same decisions as `cueScore` by construction; many tokens are settled without the conjunctions.
 */
export function cueScoreAbove(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean, threshold: number): number {
  cueTables();
  return score(tk, i, s0, s1, quoted, threshold);
}
