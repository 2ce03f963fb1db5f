// Where reported content starts and ends: two averaged-perceptron rankers over candidate token boundaries (PolNeAR train).
//
// The rules of the indirect-quote extractor propose a content span; these rankers may move its start (past an
// addressee, "told reporters how …", "urged Congress to …") or its end (before a writer's aside, ", who is 70",
// "during a stop in Flint", " -- far lower than …"). The rules' own boundary is a candidate with a feature of its own,
// so the models learn when to overrule it rather than re-deriving it. Weights: content-bounds-model.json, trained by
// scripts/train-content-bounds.ts (see PROVENANCE.md).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isCapitalised, isQuoteChar, numberFirst, type Tokens } from "../extractors/quote-common.js";
import { outsideBudget } from "../../../core/pipeline.js";
import { Interner } from "./pair-weights.js";
import { packArrays, readPrebuilt, stampOf, unpackArrays, writePrebuilt, type PackLayout } from "../../../core/prebuilt.js";

// src/nlp/en/attribution and dist/nlp/en/attribution both sit four levels below the project root.
const MODEL_FILE = fileURLToPath(new URL("../../../../src/nlp/en/attribution/content-bounds-model.json", import.meta.url));

/** One report the rules found, in tokens of its sentence. */
export interface BoundsContext {
  tk: Tokens;
  /** the sentence's first token and its end (exclusive, before the closing punctuation) */
  s0: number;
  end: number;
  /** the cue's tokens [cue0, cue1) */
  cue0: number;
  cue1: number;
  /** the rules' content tokens [start, stop) */
  start: number;
  stop: number;
}

export interface BoundCandidate {
  /** token index: the first content token (start side) or the exclusive end token (end side) */
  tok: number;
  features: string[];
}

// How far from the rules' boundary a start may move (an addressee, "later", a medium: "a series of tweets saying").
const START_REACH = 12;
// How far past the rules' end an end may move, and how far back before it.
const END_REACH = 60;
// Words before which a report may end: clause and phrase openers (a writer's aside or adjunct starts with one).
const END_BEFORE = new Set(
  ("and but or nor so yet when while whereas because as after before since until if unless though although which who whom " +
    "whose where that than to in on at for during with without by from amid despite including like unlike about over " +
    "under into through against per via — – -- - ― ( ) , ; : \" ” “ ' ’ ‘ ''").split(" "),
);

// The values that are no word of the text, by number: feature code names them by these numbers (`o.k`), which are
// also their ids in a compiled model (its interner is seeded with them in this order), so scoring looks none up.
const CONSTS = [
  "false", "true", "<s>", "</s>", "<quantity>", "skip", "add", "cut", "9", "X", "x",
  // distance buckets (`bucket`): -3 … 3, then the wide ones
  "-3", "-2", "-1", "0", "1", "2", "3", "<-9", "-9..-4", ">9", "4..9",
  // length buckets past 3 (`lenBucket`; 0 … 3 are the distance buckets' strings)
  "4-7", "8-15", "16-31", "32+",
  // "dc": the side of the rules' end and the commas between (at most 3; "-1" … "-3" are distance buckets' too)
  "-0", "+0", "+1", "+2", "+3",
] as const;
const C = Object.fromEntries(CONSTS.map((x, i) => [x, i])) as Record<(typeof CONSTS)[number], number>;

function bucket(d: number): number {
  if (d <= -10) return C["<-9"];
  if (d <= -4) return C["-9..-4"];
  if (d >= 10) return C[">9"];
  if (d >= 4) return C["4..9"];
  return C["0"] + d;
}

/** (n counts tokens between two boundaries in order: never negative) */
function lenBucket(n: number): number {
  return n < 4 ? C["0"] + Math.max(0, n) : n < 8 ? C["4-7"] : n < 16 ? C["8-15"] : n < 32 ? C["16-31"] : C["32+"];
}

const bool = (b: boolean): number => (b ? C.true : C.false);
const DC_CUT = [C["-0"], C["-1"], C["-2"], C["-3"]];
const DC_ADD = [C["+0"], C["+1"], C["+2"], C["+3"]];

const QUANTITY_WORD = /^(?:up|about|nearly|almost|around|roughly|more|less|fewer|over|under|some|at|only|just)$/;
/** A number within the three tokens after i ("up to 3,000", "at least 40"). */
function quantityAfter(tk: Tokens, i: number, end: number): boolean {
  for (let k = i + 1; k < end && k <= i + 3; k++) if (numberFirst(tk.word(k))) return true;
  return false;
}
const AUXILIARY = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|does|did|do)$/;

/** A word's shape: a number, a capitalised word, lower case (constants), or punctuation (the word itself). */
function shape<V>(tk: Tokens, i: number, o: Emit<V>): V {
  const w = tk.word(i);
  return numberFirst(w) ? o.k(C["9"]) : isCapitalised(w) ? o.k(C.X) : tk.isWord(i) ? o.k(C.x) : o.s(w);
}

const lemmaOf = (tk: Tokens, i: number): string => tk.cue(i)?.lemma ?? tk.low(i);

/** The cue's head: its first word that is no auxiliary (the lexicon's lemma when it has one). */
function cueHead(ctx: BoundsContext): string {
  const { tk } = ctx;
  for (let k = ctx.cue0; k < ctx.cue1; k++) if (tk.cue(k)) return lemmaOf(tk, k);
  return tk.low(ctx.cue1 - 1);
}

// Feature templates, by number: a side's weights are arrays indexed by them.
const TEMPLATES = [
  "R", "O", "d", "g", "f", "p", "pf", "cf", "cp", "cap", "Rf", "Rp", "cd", "fn", "Rfn", "sv", "s0", "ss", "sf",
  "n", "n2", "pn", "nn2", "len", "q", "par", "cn", "Rn", "Rnn2", "dc", "cap2", "sl", "s0v", "se",
] as const;
type Template = (typeof TEMPLATES)[number];
const T = Object.fromEntries(TEMPLATES.map((t, i) => [t, i])) as Record<Template, number>;
const TEMPLATE_ID = new Map<string, number>(TEMPLATES.map((t, i) => [t, i]));

/**
 * Receives one feature: its template and its values ("R" and "O" have none). Its name in the weights is
 * "template=a", "template=a\tb" or "template=a\tb\tc" (tokens hold no whitespace, so the parts split back exactly).
 * A value is what the receiver keeps of a string (`V`): the string itself for names, an id for the scorer, so the
 * feature code is written once for both; `w(tk, i)` is token i's lower-cased word, `s(x)` any other string.
 */
interface Emit<V> {
  w(tk: Tokens, i: number): V;
  s(x: string): V;
  /** constant number c (`CONSTS`) */
  k(c: number): V;
  f0(t: number): void;
  f1(t: number, a: V): void;
  f2(t: number, a: V, b: V): void;
  f3(t: number, a: V, b: V, c: V): void;
}

/** Collects feature names (candidates for training and tests). */
class Names implements Emit<string> {
  readonly out: string[] = [];
  w(tk: Tokens, i: number): string {
    return tk.low(i);
  }
  s(x: string): string {
    return x;
  }
  k(c: number): string {
    return CONSTS[c]!;
  }
  f0(t: number): void {
    this.out.push(TEMPLATES[t]!);
  }
  f1(t: number, a: string): void {
    this.out.push(`${TEMPLATES[t]}=${a}`);
  }
  f2(t: number, a: string, b: string): void {
    this.out.push(`${TEMPLATES[t]}=${a}\t${b}`);
  }
  f3(t: number, a: string, b: string, c: string): void {
    this.out.push(`${TEMPLATES[t]}=${a}\t${b}\t${c}`);
  }
}

// A feature's key in a side's table: its template and up to three value ids (each + 1, 0 for none), exact in a
// double while the model names fewer than 2^14 values (6 + 3 × 14 bits).
const ID_SPAN = 16384;
const keyOf = (t: number, a: number, b: number, c: number): number => ((t * ID_SPAN + a) * ID_SPAN + b) * ID_SPAN + c;

/**
 * One side's weights: the template-only ones by template number, the others in one open-addressing table of
 * feature keys. Why not Maps of Maps by string: a lookup there is a chain of dependent reads (outer map, inner map,
 * the key string) per value, which the rest of the pipeline evicts between two reports; here it is one hash of
 * small integers and a probe or two of two typed arrays.
 */
class Side {
  private readonly mask: number;

  private constructor(readonly t0: Float64Array, readonly keys: Float64Array, readonly weights: Float64Array) {
    this.mask = keys.length - 1;
  }

  /** A side of named weights, its values interned into `values`. */
  static build(w: Weights, values: Interner): Side {
    let cap = 16;
    while (cap < 2 * w.size) cap *= 2;
    const side = new Side(new Float64Array(TEMPLATES.length), new Float64Array(cap).fill(-1), new Float64Array(cap));
    for (const [name, weight] of w) {
      const eq = name.indexOf("=");
      const t = TEMPLATE_ID.get(eq < 0 ? name : name.slice(0, eq));
      // (a name of a template the features never emit is never looked up: it added nothing)
      if (t === undefined) continue;
      if (eq < 0) {
        side.t0[t] = weight;
        continue;
      }
      const v = name.slice(eq + 1).split("\t").map((x) => values.add(x) + 1);
      if (v.length > 3 || values.size >= ID_SPAN) throw new Error(`content bounds: cannot key the feature ${name}`);
      const k = keyOf(t, v[0]!, v[1] ?? 0, v[2] ?? 0);
      let slot = side.slot(k);
      while (side.keys[slot] !== -1 && side.keys[slot] !== k) slot = (slot + 1) & side.mask;
      side.keys[slot] = k;
      side.weights[slot] = weight;
    }
    return side;
  }

  /** A side read back from its three arrays (`parts`). */
  static of([t0, keys, weights]: Float64Array[]): Side {
    return new Side(t0!, keys!, weights!);
  }

  get parts(): Float64Array[] {
    return [this.t0, this.keys, this.weights];
  }

  private slot(k: number): number {
    // the key's low 32 bits and the rest, mixed
    const lo = k % 4294967296;
    const hi = (k - lo) / 4294967296;
    let h = Math.imul(lo | 0, 0x9e3779b1) ^ Math.imul(hi | 0, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The weight of key k, undefined when the model has none. */
  get(k: number): number | undefined {
    for (let s = this.slot(k); ; s = (s + 1) & this.mask) {
      const x = this.keys[s]!;
      if (x === k) return this.weights[s];
      if (x === -1) return undefined;
    }
  }
}

/**
 * Sums a candidate's weights in the order its features are emitted. An absent feature adds nothing where
 * `scoreOf` adds 0 (the same: a sum from +0 is never -0), so the sum equals `scoreOf`'s over its names to the last bit.
 * Values are ids of the model's strings (-1: no weight names it, so no feature with it has one); a token's word id
 * is asked once per document.
 */
class Scorer implements Emit<number> {
  sum = 0;
  side!: Side;
  private tk: Tokens | undefined;
  private ids = new Int32Array(0);
  constructor(readonly values: Interner) {}
  w(tk: Tokens, i: number): number {
    if (tk !== this.tk) {
      this.tk = tk;
      if (this.ids.length < tk.count) this.ids = new Int32Array(Math.max(tk.count, 2 * this.ids.length));
      this.ids.fill(-2, 0, tk.count);
    }
    let id = this.ids[i]!;
    if (id === -2) this.ids[i] = id = this.values.get(tk.low(i));
    return id;
  }
  s(x: string): number {
    return this.values.get(x);
  }
  k(c: number): number {
    return c;
  }
  f0(t: number): void {
    this.sum += this.side.t0[t]!;
  }
  f1(t: number, a: number): void {
    if (a < 0) return;
    const v = this.side.get(keyOf(t, a + 1, 0, 0));
    if (v !== undefined) this.sum += v;
  }
  f2(t: number, a: number, b: number): void {
    if (a < 0 || b < 0) return;
    const v = this.side.get(keyOf(t, a + 1, b + 1, 0));
    if (v !== undefined) this.sum += v;
  }
  f3(t: number, a: number, b: number, c: number): void {
    if (a < 0 || b < 0 || c < 0) return;
    const v = this.side.get(keyOf(t, a + 1, b + 1, c + 1));
    if (v !== undefined) this.sum += v;
  }
}

/** Candidate starts, in order: the rules' start, then the words from the cue to a little past it. */
function startToks(ctx: BoundsContext): number[] {
  const { tk } = ctx;
  const out = [ctx.start];
  // a complementiser the rules found opens the content: it stands ("says at a stop in Toledo that …")
  if (ctx.start > ctx.cue1 && tk.low(ctx.start - 1) === "that") return out;
  const hi = Math.min(ctx.stop - 1, ctx.start + START_REACH);
  for (let b = ctx.cue1; b <= hi; b++) {
    if (b === ctx.start || !tk.isWord(b) || tk.low(b) === "that") continue;
    // a content opening with "to" is an infinitive ("urged Congress to leave"), never a number's range ("up to 3,000")
    if (tk.low(b) === "to" && b + 1 < ctx.end && numberFirst(tk.word(b + 1))) continue;
    out.push(b);
  }
  return out;
}

/** The features of start b (`head`: the cue's head). */
function startFeatures<V>(ctx: BoundsContext, head: V, b: number, o: Emit<V>): void {
  const { tk } = ctx;
  // "up to 3,000", "about 40", "more than half": a quantity opens a noun phrase; it is no particle ("brought up")
  const f = QUANTITY_WORD.test(tk.low(b)) && quantityAfter(tk, b, ctx.end) ? o.k(C["<quantity>"]) : o.w(tk, b);
  const p = b > ctx.s0 ? o.w(tk, b - 1) : o.k(C["<s>"]);
  const rule = b === ctx.start;
  const r = o.k(bool(rule));
  o.f0(rule ? T.R : T.O);
  const d = o.k(bucket(b - ctx.start));
  o.f1(T.d, d);
  o.f1(T.g, o.k(bucket(b - ctx.cue1)));
  o.f1(T.f, f);
  o.f1(T.p, p);
  o.f2(T.pf, p, f);
  o.f2(T.cf, head, f);
  o.f2(T.cp, head, p);
  o.f1(T.cap, o.k(bool(isCapitalised(tk.word(b)))));
  o.f2(T.Rf, r, f);
  o.f2(T.Rp, r, p);
  o.f2(T.cd, head, d);
  o.f2(T.fn, f, b + 1 < ctx.end ? shape(tk, b + 1, o) : o.k(C["</s>"]));
  o.f3(T.Rfn, r, f, b + 1 < ctx.end ? o.w(tk, b + 1) : o.k(C["</s>"]));
  if (!rule) {
    // the words the move skips (before the new start) or adds (after the cue): a verb among them makes them a clause
    const [x, y] = b > ctx.start ? [ctx.start, b] : [b, ctx.start];
    const dir = o.k(b > ctx.start ? C.skip : C.add);
    let verb = false;
    for (let k = x; k < y && !verb; k++) verb = tk.finite(k) || AUXILIARY.test(tk.low(k));
    const v = o.k(bool(verb));
    o.f2(T.sv, dir, v);
    o.f2(T.s0, dir, o.w(tk, x));
    o.f3(T.ss, dir, shape(tk, x, o), o.k(lenBucket(y - x)));
    o.f3(T.sf, dir, v, f);
  }
}

/** Candidate starts of a content that follows its cue: the rules' start and the words between the cue and a little past it. */
export function startCandidates(ctx: BoundsContext): BoundCandidate[] {
  const head = cueHead(ctx);
  return startToks(ctx).map((b) => {
    const names = new Names();
    startFeatures(ctx, head, b, names);
    return { tok: b, features: names.out };
  });
}

/**
 * Visits the candidate ends (exclusive tokens) of a content in order: the rules' end, the sentence end, and every
 * clause or phrase edge between, with the quotation marks and parentheses opened inside the content and still open there.
 */
function endWalk(ctx: BoundsContext, visit: (e: number, quotes: number, parens: number, verb: boolean) => void): void {
  const { tk } = ctx;
  const lo = Math.max(ctx.start + 1, ctx.stop - END_REACH);
  // a report never runs past the rules' end: they stop it at a writer's aside or a second report on purpose
  const hi = Math.min(ctx.end, ctx.stop);
  // whether a verb lies between an end and the rules' end (endFeatures' "sv"): the verb nearest the rules' end on
  // either side settles it for every end, so the words are looked at once per content, not once per end
  let lastVerb = -1;
  for (let k = ctx.stop - 1; k >= lo; k--) if (endVerb(tk, k)) { lastVerb = k; break; }
  let firstVerb = Infinity;
  for (let k = ctx.stop; k < hi; k++) if (endVerb(tk, k)) { firstVerb = k; break; }
  let quotes = 0;
  let parens = 0;
  for (let k = ctx.start; k < lo; k++) {
    const w = tk.word(k);
    if (isQuoteChar(w) && w !== "’") quotes++;
    else if (w === "(") parens++;
    else if (w === ")") parens--;
  }
  for (let e = lo; e <= hi; e++) {
    const w = tk.word(e - 1);
    if (isQuoteChar(w) && w !== "’") quotes++;
    else if (w === "(") parens++;
    else if (w === ")") parens--;
    if (e === ctx.stop || e === ctx.end || (e < ctx.end && (END_BEFORE.has(tk.low(e)) || !tk.isWord(e)))) visit(e, quotes, parens, e < ctx.stop ? lastVerb >= e : firstVerb < e);
  }
}

/** A word that makes the words an end moves over a clause: a finite form or a likely cue verb. */
const endVerb = (tk: Tokens, k: number): boolean => tk.finite(k) || (tk.cue(k)?.rate ?? 0) >= 0.3;

/** The features of end e (`verb`: a verb among the words between e and the rules' end, see `endWalk`). */
function endFeatures<V>(ctx: BoundsContext, head: V, e: number, quotes: number, parens: number, verb: boolean, o: Emit<V>): void {
  const { tk } = ctx;
  // commas between the rules' end and this one (how many asides away)
  const [a, b] = e < ctx.stop ? [e, ctx.stop] : [ctx.stop, e];
  let commas = 0;
  for (let k = a; k < b; k++) if (tk.word(k) === ",") commas++;
  const end = o.k(C["</s>"]);
  const n = e < ctx.end ? o.w(tk, e) : end;
  const n2 = e + 1 < ctx.end ? o.w(tk, e + 1) : end;
  const p = o.w(tk, e - 1);
  const rule = e === ctx.stop;
  const r = o.k(bool(rule));
  o.f0(rule ? T.R : T.O);
  o.f1(T.d, o.k(bucket(e - ctx.stop)));
  o.f1(T.n, n);
  o.f1(T.n2, n2);
  o.f1(T.p, p);
  o.f2(T.pn, p, n);
  o.f2(T.nn2, n, n2);
  o.f1(T.len, o.k(lenBucket(e - ctx.start)));
  o.f1(T.q, o.k(quotes % 2 === 0 ? C["0"] : C["1"]));
  o.f1(T.par, o.k(bool(parens > 0)));
  o.f2(T.cn, head, n);
  o.f2(T.Rn, r, n);
  o.f3(T.Rnn2, r, n, n2);
  o.f1(T.dc, o.k((e < ctx.stop ? DC_CUT : DC_ADD)[Math.min(commas, 3)]!));
  o.f2(T.cap2, o.k(bool(e + 1 < ctx.end && isCapitalised(tk.word(e + 1)))), n);
  if (!rule) {
    // the words the move adds (past the rules' end) or cuts (before it): how they open, whether a verb is among them
    const dir = o.k(e < ctx.stop ? C.cut : C.add);
    const w0 = o.w(tk, a);
    const v = o.k(bool(verb));
    o.f2(T.s0, dir, w0);
    o.f2(T.sv, dir, v);
    o.f2(T.sl, dir, o.k(lenBucket(b - a)));
    o.f3(T.s0v, dir, w0, v);
    o.f2(T.se, dir, o.k(bool(e === ctx.end)));
  }
}

/** Candidate ends (exclusive tokens) of a content: the rules' end, the sentence end, and every clause or phrase edge between. */
export function endCandidates(ctx: BoundsContext): BoundCandidate[] {
  const head = cueHead(ctx);
  const out: BoundCandidate[] = [];
  endWalk(ctx, (e, quotes, parens, verb) => {
    const names = new Names();
    endFeatures(ctx, head, e, quotes, parens, verb, names);
    out.push({ tok: e, features: names.out });
  });
  return out;
}

export type Weights = ReadonlyMap<string, number>;
export interface BoundsModel {
  start: Weights;
  end: Weights;
}

export const scoreOf = (features: readonly string[], w: Weights): number => {
  let s = 0;
  for (const f of features) s += w.get(f) ?? 0;
  return s;
};

/** The best candidate (the first of equals: the rules' boundary is listed first on the start side). */
export function best(cands: readonly BoundCandidate[], w: Weights, ok: (tok: number) => boolean = () => true): BoundCandidate | undefined {
  let top: BoundCandidate | undefined;
  let topScore = -Infinity;
  for (const c of cands) {
    if (!ok(c.tok)) continue;
    const s = scoreOf(c.features, w);
    if (s > topScore || (s === topScore && top && c.features[0] === "R")) {
      top = c;
      topScore = s;
    }
  }
  return top;
}

/** A model's two sides keyed by ids of its strings, and the scorer reading them. */
interface Compiled {
  start: Side;
  end: Side;
  scorer: Scorer;
}
const compiledModels = new WeakMap<BoundsModel, Compiled>();
function compiled(m: BoundsModel): Compiled {
  let c = compiledModels.get(m);
  if (!c) {
    const values = constValues();
    compiledModels.set(m, (c = { start: Side.build(m.start, values), end: Side.build(m.end, values), scorer: new Scorer(values) }));
  }
  return c;
}

/** An interner holding the constants at their numbers (`CONSTS`), for a model's values to follow. */
function constValues(): Interner {
  const values = new Interner();
  for (const x of CONSTS) values.add(x);
  // (each constant once, or the ids after a repeat would not be their numbers)
  if (values.size !== CONSTS.length) throw new Error("content bounds: a constant value is listed twice");
  return values;
}

// The format of the prebuilt compiled model (`prebuildBoundsModel`): bump when `Side`, `keyOf` or `CONSTS` change.
const COMPILED_FORMAT = "content-bounds 2";

/** Writes the shipped model compiled into `dir` for `shippedModel` to read (run by `npm run build`). */
export function prebuildBoundsModel(dir: string): string[] {
  const m = boundsModel();
  if (!m) return [];
  const c = compiled(m);
  const { body, layout } = packArrays([...c.start.parts, ...c.end.parts]);
  const meta = { values: c.scorer.values.list(), layout };
  writePrebuilt("content-bounds.bin", stampOf(COMPILED_FORMAT, [MODEL_FILE]), meta, body, dir);
  return ["content-bounds.bin"];
}

let shipped: Compiled | null | undefined;
/**
 * The shipped model compiled: read as the build left it (`prebuildBoundsModel`; parsing and keying the JSON's 15 k
 * names was most of this model's ~60 CPU-ms load), else compiled from the JSON; null without a model file.
 */
function shippedModel(): Compiled | null {
  return shipped !== undefined ? shipped : (shipped = outsideBudget(() => (existsSync(MODEL_FILE) ? (prebuiltModel() ?? compiled(boundsModel()!)) : null)));
}

/** The compiled model a build left in `dir` for the shipped model file, if any (and not stale). */
function prebuiltModel(dir?: string): Compiled | undefined {
  const pre = readPrebuilt<{ values: string[]; layout: PackLayout }>("content-bounds.bin", stampOf(COMPILED_FORMAT, [MODEL_FILE]), dir);
  if (!pre) return undefined;
  const values = new Interner();
  for (const x of pre.meta.values) values.add(x);
  const arrays = unpackArrays(pre.body, pre.meta.layout) as Float64Array[];
  return { start: Side.of(arrays.slice(0, 3)), end: Side.of(arrays.slice(3)), scorer: new Scorer(values) };
}

/** `chooseBounds` with the compiled model a build left in `dir` (tests: it chooses as the JSON's weights do). */
export function prebuiltChooser(dir: string): ((ctx: BoundsContext, ok: (start: number, stop: number) => boolean) => [number, number]) | undefined {
  const c = prebuiltModel(dir);
  return c && ((ctx, ok) => choose(ctx, ok, c));
}

/**
 * `best` over the start candidates without their names: the same scores (`Scorer`), candidates the caller
 * rejects never scored, the same choice among equals (the first, or the rules' own).
 */
function bestStart(ctx: BoundsContext, head: string, c: Compiled, ok: (tok: number) => boolean): number | undefined {
  let top: number | undefined;
  let topScore = -Infinity;
  const { scorer } = c;
  const headId = scorer.s(head);
  for (const b of startToks(ctx)) {
    if (!ok(b)) continue;
    scorer.sum = 0;
    scorer.side = c.start;
    startFeatures(ctx, headId, b, scorer);
    const s = scorer.sum;
    if (s > topScore || (s === topScore && top !== undefined && b === ctx.start)) {
      top = b;
      topScore = s;
    }
  }
  return top;
}

/** `best` over the end candidates without their names (as `bestStart`). */
function bestEnd(ctx: BoundsContext, head: string, c: Compiled, ok: (tok: number) => boolean): number | undefined {
  let top: number | undefined;
  let topScore = -Infinity;
  const { scorer } = c;
  const headId = scorer.s(head);
  endWalk(ctx, (e, quotes, parens, verb) => {
    if (!ok(e)) return;
    scorer.sum = 0;
    scorer.side = c.end;
    endFeatures(ctx, headId, e, quotes, parens, verb, scorer);
    const s = scorer.sum;
    if (s > topScore || (s === topScore && top !== undefined && e === ctx.stop)) {
      top = e;
      topScore = s;
    }
  });
  return top;
}

let model: BoundsModel | null | undefined;
/** The weights, read on first use; null when the file is absent (the rules' boundaries stand). */
export function boundsModel(): BoundsModel | null {
  if (model !== undefined) return model;
  return (model = outsideBudget(() => {
    if (!existsSync(MODEL_FILE)) return null;
    const raw = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { start: Record<string, number>; end: Record<string, number> };
    return { start: new Map(Object.entries(raw.start)), end: new Map(Object.entries(raw.end)) };
  }));
}

/** Sees every report's candidates before the choice (the training script's hook; unset in the pipeline). */
export type BoundsObserver = (ctx: BoundsContext, starts: BoundCandidate[] | undefined, ends: BoundCandidate[]) => void;
let observer: BoundsObserver | undefined;
export function observeBounds(fn: BoundsObserver | undefined): void {
  observer = fn;
}

/**
 * The content tokens [start, stop) the models choose for a report whose content follows its cue; `ok` rejects a
 * span the caller cannot take (one cutting through a quotation). Without weights, the rules' span.
 */
export function chooseBounds(ctx: BoundsContext, ok: (start: number, stop: number) => boolean, m?: BoundsModel | null): [number, number] {
  // while observed (training), the rules' span stands: the examples do not depend on weights already written
  if (observer) {
    observer(ctx, ctx.start >= ctx.cue1 ? startCandidates(ctx) : undefined, endCandidates(ctx));
    return [ctx.start, ctx.stop];
  }
  return choose(ctx, ok, m === undefined ? shippedModel() : m && compiled(m));
}

function choose(ctx: BoundsContext, ok: (start: number, stop: number) => boolean, c: Compiled | null): [number, number] {
  if (!c) return [ctx.start, ctx.stop];
  const head = cueHead(ctx);
  const start = ctx.start >= ctx.cue1 ? (bestStart(ctx, head, c, (b) => ok(b, ctx.stop)) ?? ctx.start) : ctx.start;
  const stop = bestEnd(ctx, head, c, (e) => e > start && ok(start, e)) ?? ctx.stop;
  return [start, stop];
}
