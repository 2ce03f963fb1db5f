// The cue classifier: an averaged perceptron over cue-features.ts, weights trained on PolNeAR train (see PROVENANCE.md).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Tokens } from "../extractors/quote-common.js";
import { shapeOf, wordFeatures } from "./cue-features.js";
import { outsideBudget } from "../../../core/pipeline.js";
import { Interner, PairWeights } from "./pair-weights.js";
import { packArrays, readPrebuilt, stampOf, unpackArrays, writePrebuilt, type PackLayout } from "../../../core/prebuilt.js";

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
 * The weights by template, then value: a lookup needs no string built per feature. The conjunctions with the
 * token's own word, lemma or rate (p1w, wn1, ln1, p1l, rn1, rp1) are keyed by value ids instead (`interner`,
 * `pairs`): the per-token path (`score`) reads ids it keeps per token, and a word's cached part keeps only its ids
 * and the largest weight of each of its rows (`rowMost`, for the bound of `cueScoreAbove`).
 */
class CueModel {
  readonly unary = new Map<string, Weights>();
  /** the other conjunctions (qr), by template, first value, second value */
  readonly binary = new Map<string, Map<string, Weights>>();
  /** every value a weight names (and the sentence bounds), as ids */
  readonly interner = new Interner();
  /** the conjunctions with the token's own value, keyed (template number, own value, other value) */
  readonly pairs: PairWeights;
  /** by template number, then own value id: the row's largest weight, or 0 when all are negative or it has none */
  readonly rowMost: Float64Array[];

  /** From the weights file's names, or from the parts a build wrote (`parts`, `prebuildCueModel`). */
  constructor(weights: Record<string, number>, p?: CueModelParts) {
    if (p) {
      for (const v of p.values) this.interner.add(v);
      for (let k = 0; k < p.unaryTemplate.length; k++) {
        const t = p.templates[p.unaryTemplate[k]!]!;
        let m = this.unary.get(t);
        if (!m) this.unary.set(t, (m = new Map()));
        m.set(p.values[p.unaryValue[k]!]!, p.unaryWeight[k]!);
      }
      for (const [t, a, b, w] of p.binary) nested(this.binary, t, a).set(b, w);
      this.pairs = new PairWeights(0, p.pairs);
      this.rowMost = p.rowMost;
      return;
    }
    const names = Object.keys(weights);
    let conjunctions = 0;
    for (const name of names) if (name.includes("\t")) conjunctions++;
    this.pairs = new PairWeights(conjunctions);
    // (template number, own id, weight) of each conjunction, for the row maxima once the ids are all known
    const rowOf = new Int32Array(conjunctions);
    const ownOf = new Int32Array(conjunctions);
    const weightOf = new Float64Array(conjunctions);
    let n = 0;
    this.interner.add("<s>");
    this.interner.add("</s>");
    for (const name of names) {
      const weight = weights[name]!;
      const eq = name.indexOf("=");
      const t = name.slice(0, eq);
      const tab = name.indexOf("\t", eq + 1);
      if (tab < 0) {
        let m = this.unary.get(t);
        if (!m) this.unary.set(t, (m = new Map()));
        m.set(name.slice(eq + 1), weight);
        this.interner.add(name.slice(eq + 1));
        continue;
      }
      const a = name.slice(eq + 1, tab);
      const b = name.slice(tab + 1);
      const pair = PAIR[t];
      if (pair === undefined) {
        nested(this.binary, t, a).set(b, weight);
        continue;
      }
      // p1w and p1l: the token's own value is the second one
      const own = this.interner.add(pair.ownSecond ? b : a);
      this.pairs.set(pair.no, own, this.interner.add(pair.ownSecond ? a : b), weight);
      rowOf[n] = pair.no;
      ownOf[n] = own;
      weightOf[n++] = weight;
    }
    this.rowMost = Object.keys(PAIR).map(() => new Float64Array(this.interner.size));
    for (let k = 0; k < n; k++) {
      const most = this.rowMost[rowOf[k]!]!;
      if (weightOf[k]! > most[ownOf[k]!]!) most[ownOf[k]!] = weightOf[k]!;
    }
  }

  /** Everything the model holds, as lists and typed arrays (what a build writes; the constructor reads it back). */
  get parts(): CueModelParts {
    const values = this.interner.list();
    const templates = [...this.unary.keys()];
    let count = 0;
    for (const m of this.unary.values()) count += m.size;
    const unaryTemplate = new Uint8Array(count);
    const unaryValue = new Int32Array(count);
    const unaryWeight = new Float64Array(count);
    let k = 0;
    templates.forEach((t, ti) => {
      for (const [v, w] of this.unary.get(t)!) {
        unaryTemplate[k] = ti;
        unaryValue[k] = this.interner.get(v);
        unaryWeight[k++] = w;
      }
    });
    const binary: [string, string, string, number][] = [];
    for (const [t, byA] of this.binary) for (const [a, row] of byA) for (const [b, w] of row) binary.push([t, a, b, w]);
    return { values, templates, unaryTemplate, unaryValue, unaryWeight, binary, pairs: this.pairs.parts, rowMost: this.rowMost };
  }

  /** The largest weight of template `no`'s row for own value id `own` (0 when none is positive). */
  most(no: number, own: number): number {
    return own < 0 ? 0 : this.rowMost[no]![own]!;
  }

  /** A unary template's weights as an array by value id (0 where it has none). */
  dense(t: string): Float64Array {
    const out = new Float64Array(this.interner.size);
    for (const [v, w] of this.u(t)) out[this.interner.get(v)] = w;
    return out;
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

/** A model as lists and typed arrays: every unary value is one of `values` (the interner's strings, by id). */
interface CueModelParts {
  values: string[];
  templates: string[];
  unaryTemplate: Uint8Array;
  unaryValue: Int32Array;
  unaryWeight: Float64Array;
  binary: [string, string, string, number][];
  pairs: { keys: Float64Array; weights: Float64Array; count: number };
  rowMost: Float64Array[];
}

/** The conjunctions `score` looks up by ids: their number in `pairs`, and whether the token's own value comes second. */
const PAIR: Record<string, { no: number; ownSecond: boolean }> = {
  p1w: { no: 0, ownSecond: true }, wn1: { no: 1, ownSecond: false }, ln1: { no: 2, ownSecond: false },
  p1l: { no: 3, ownSecond: true }, rn1: { no: 4, ownSecond: false }, rp1: { no: 5, ownSecond: false },
};
const P1W = 0, WN1 = 1, LN1 = 2, P1L = 3, RN1 = 4, RP1 = 5;

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
  /** the neighbour-word templates by value id */
  p1Id: Float64Array; n1Id: Float64Array; p2Id: Float64Array; n2Id: Float64Array;
  /** "q" for false and true; "pos" for the first three tokens, the last two ("e1", "e2" at 1, 2) and the middle */
  qW: [number, number]; posStart: number[]; posEnd: number[]; posMid: number;
  /** ids of "<s>" and "</s>" */
  bos: number; eos: number;
  /** the most the 7 single-lookup context templates can add together (each table's largest weight, or 0) */
  ctxMost: number;
}

let tables: Tables | undefined;
/** The weights, read on the first score (not at import: most commands that import the extractors never score). */
function cueTables(): Tables {
  return (tables ??= outsideBudget(readCueTables));
}

// The format of the prebuilt model (`prebuildCueModel`): bump when `CueModelParts` or the interner's order change.
const PARTS_FORMAT = "cue-model 1";

interface PartsMeta {
  values: string[];
  templates: string[];
  binary: [string, string, string, number][];
  count: number;
  layout: PackLayout;
}

/** The model a build left in `dir` for the shipped weights file (not stale), if any. */
function prebuiltCueModel(dir?: string): CueModel | undefined {
  const pre = readPrebuilt<PartsMeta>("cue-model.bin", stampOf(PARTS_FORMAT, [MODEL_FILE]), dir);
  if (!pre) return undefined;
  const { values, templates, binary, count, layout } = pre.meta;
  const [unaryTemplate, unaryValue, unaryWeight, keys, weights, ...rowMost] = unpackArrays(pre.body, layout);
  return new CueModel({}, {
    values, templates, binary, unaryTemplate: unaryTemplate as Uint8Array, unaryValue: unaryValue as Int32Array,
    unaryWeight: unaryWeight as Float64Array, pairs: { keys: keys as Float64Array, weights: weights as Float64Array, count }, rowMost: rowMost as Float64Array[],
  });
}

/** Writes the shipped model's parts into `dir` for the first score to read (run by `npm run build`). */
export function prebuildCueModel(dir: string): string[] {
  if (!existsSync(MODEL_FILE)) return [];
  const p = readModelFile().parts;
  const { body, layout } = packArrays([p.unaryTemplate, p.unaryValue, p.unaryWeight, p.pairs.keys, p.pairs.weights, ...p.rowMost]);
  const meta: PartsMeta = { values: p.values, templates: p.templates, binary: p.binary, count: p.pairs.count, layout };
  writePrebuilt("cue-model.bin", stampOf(PARTS_FORMAT, [MODEL_FILE]), meta, body, dir);
  return ["cue-model.bin"];
}

const readModelFile = (): CueModel => new CueModel((JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { weights: Record<string, number> }).weights);

/** `probe`'s scores with the prebuilt model in `dir`, then with the weights file's (tests: the two must agree); undefined without one. */
export function prebuiltAgrees(dir: string, probe: (score: (tk: Tokens, i: number, s0: number, s1: number, quoted: boolean) => number) => number[]): { prebuilt: number[]; file: number[] } | undefined {
  const pre = prebuiltCueModel(dir);
  if (!pre) return undefined;
  const saved = tables;
  try {
    tables = tablesOf(pre);
    wordPart.clear();
    idTokens = undefined;
    const prebuilt = probe(cueScore);
    tables = tablesOf(readModelFile());
    wordPart.clear();
    idTokens = undefined;
    return { prebuilt, file: probe(cueScore) };
  } finally {
    tables = saved;
    wordPart.clear();
    idTokens = undefined;
  }
}

function readCueTables(): Tables {
  // the build's parts when they are this file's (parsing and splitting the JSON's 37 k names was most of the load)
  return tablesOf(prebuiltCueModel() ?? readModelFile());
}

function tablesOf(m: CueModel): Tables {
  const t = { m, p1: m.u("p1"), n1: m.u("n1"), p2: m.u("p2"), n2: m.u("n2"), q: m.u("q"), pos: m.u("pos"), qr: m.b("qr") };
  let qrMost = 0;
  for (const row of t.qr.values()) qrMost = Math.max(qrMost, maxOf(row));
  const pos = (k: string): number => t.pos.get(k) ?? 0;
  return {
    ...t,
    p1Id: m.dense("p1"), n1Id: m.dense("n1"), p2Id: m.dense("p2"), n2Id: m.dense("n2"),
    qW: [t.q.get("false") ?? 0, t.q.get("true") ?? 0], posStart: POS.map(pos), posEnd: [0, ...POS_END.slice(1).map(pos)], posMid: pos("m"),
    bos: m.interner.get("<s>"), eos: m.interner.get("</s>"),
    ctxMost: maxOf(t.p1) + maxOf(t.n1) + maxOf(t.p2) + maxOf(t.n2) + maxOf(t.q) + qrMost + maxOf(t.pos),
  };
}

/**
 * A word's cached part of the score: the word-only features' sum (`base`), the ids of its own values (word, lemma,
 * rate) the context conjunctions are keyed by, and the most those conjunctions can add (`bound`, for `cueScoreAbove`).
 */
interface WordPart {
  base: number;
  /** ids of the word (lower case), its lemma and its rate bucket (-1: no weight names it) */
  own: number; lemma: number; rateId: number;
  /** "qr" with this rate, outside and inside quotation marks */
  qr: [number, number];
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
  const ids = m.interner;
  const own = ids.get(low);
  const lemmaId = ids.get(lemma);
  const rateId = ids.get(rate);
  const bound = m.most(P1W, own) + m.most(WN1, own) + m.most(LN1, lemmaId) + m.most(P1L, lemmaId) + m.most(RN1, rateId) + m.most(RP1, rateId);
  const qr: [number, number] = [tables!.qr.get("false")?.get(rate) ?? 0, tables!.qr.get("true")?.get(rate) ?? 0];
  p = { base, own, lemma: lemmaId, rateId, qr, bound, most: base + bound + tables!.ctxMost };
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
  const p1 = i - 1 < s0 ? t.bos : lowId(tk, i - 1);
  const n1 = i + 1 >= s1 ? t.eos : lowId(tk, i + 1);
  const p2 = i - 2 < s0 ? t.bos : lowId(tk, i - 2);
  const n2 = i + 2 >= s1 ? t.eos : lowId(tk, i + 2);
  const q = quoted ? 1 : 0;
  const wp1 = p1 < 0 ? 0 : t.p1Id[p1]!;
  const wn1 = n1 < 0 ? 0 : t.n1Id[n1]!;
  const wp2 = p2 < 0 ? 0 : t.p2Id[p2]!;
  const wn2 = n2 < 0 ? 0 : t.n2Id[n2]!;
  const wq = t.qW[q];
  const wqr = part.qr[q];
  const wpos = i - s0 < 3 ? t.posStart[i - s0]! : s1 - i < 3 ? t.posEnd[s1 - i]! : t.posMid;
  // the margin keeps the test safe from rounding (the exact score sums the same weights in another order)
  const most = part.base + wp1 + wn1 + wp2 + wn2 + wq + wqr + wpos + part.bound;
  if (most <= threshold - 1e-9) return most;
  const pairs = t.m.pairs;
  let sum = 0;
  sum += wp1;
  sum += wn1;
  sum += wp2;
  sum += wn2;
  sum += pairs.get(P1W, part.own, p1);
  sum += pairs.get(WN1, part.own, n1);
  sum += pairs.get(LN1, part.lemma, n1);
  sum += pairs.get(P1L, part.lemma, p1);
  sum += pairs.get(RN1, part.rateId, i + 1 < s1 ? shapeId(tk, i + 1) : t.eos);
  sum += pairs.get(RP1, part.rateId, i - 1 >= s0 ? shapeId(tk, i - 1) : t.bos);
  sum += wq;
  sum += wqr;
  sum += wpos;
  return part.base + sum;
}

// The value ids of the last document's tokens (lower-cased word, shape), filled as asked: the calls come token after
// token of one document, and a neighbour is asked for by up to four tokens. -2: not asked yet. (Holding the last
// view keeps one document alive until the next is scored.)
let idTokens: Tokens | undefined;
let lowIds = new Int32Array(0);
let shapeIds = new Int32Array(0);

function idsFor(tk: Tokens): void {
  if (tk === idTokens) return;
  idTokens = tk;
  lowIds = new Int32Array(tk.count).fill(-2);
  shapeIds = new Int32Array(tk.count).fill(-2);
}

function lowId(tk: Tokens, i: number): number {
  let v = lowIds[i]!;
  if (v === -2) lowIds[i] = v = tables!.m.interner.get(tk.low(i));
  return v;
}

function shapeId(tk: Tokens, i: number): number {
  let v = shapeIds[i]!;
  if (v === -2) shapeIds[i] = v = tables!.m.interner.get(shapeOf(tk.word(i)));
  return v;
}

/** The model's score that token i opens a cue (above 0: a cue). */
export function cueScore(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean): number {
  cueTables();
  idsFor(tk);
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
  idsFor(tk);
  return score(tk, i, s0, s1, quoted, threshold);
}
