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

// Bucket values as shared strings: a feature's value is looked up in the weights, never built.
const SMALL = ["-3", "-2", "-1", "0", "1", "2", "3"];
function bucket(d: number): string {
  if (d <= -10) return "<-9";
  if (d <= -4) return "-9..-4";
  if (d >= 10) return ">9";
  if (d >= 4) return "4..9";
  return SMALL[d + 3]!;
}

const LEN = ["0", "1", "2", "3"];
function lenBucket(n: number): string {
  return n < 4 ? (n >= 0 ? LEN[n]! : String(n)) : n < 8 ? "4-7" : n < 16 ? "8-15" : n < 32 ? "16-31" : "32+";
}

const bool = (b: boolean): string => (b ? "true" : "false");
// "dc": the side of the rules' end and the commas between (at most 3)
const DC_CUT = ["-0", "-1", "-2", "-3"];
const DC_ADD = ["+0", "+1", "+2", "+3"];

const QUANTITY_WORD = /^(?:up|about|nearly|almost|around|roughly|more|less|fewer|over|under|some|at|only|just)$/;
/** A number within the three tokens after i ("up to 3,000", "at least 40"). */
function quantityAfter(tk: Tokens, i: number, end: number): boolean {
  for (let k = i + 1; k < end && k <= i + 3; k++) if (numberFirst(tk.word(k))) return true;
  return false;
}
const AUXILIARY = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|does|did|do)$/;

/** A word's shape: a number, a capitalised word, lower case, or punctuation. */
function shape(tk: Tokens, i: number): string {
  const w = tk.word(i);
  return numberFirst(w) ? "9" : isCapitalised(w) ? "X" : tk.isWord(i) ? "x" : w;
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
 */
interface Emit {
  f0(t: number): void;
  f1(t: number, a: string): void;
  f2(t: number, a: string, b: string): void;
  f3(t: number, a: string, b: string, c: string): void;
}

/** Collects feature names (candidates for training and tests). */
class Names implements Emit {
  readonly out: string[] = [];
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

type Row = Map<string, number>;
/**
 * One side's weights by template number, then by value: nested maps, so a lookup builds no string. A name with one
 * value goes to `t1`, two to `t2`, three to `t3`; a name of a template the features never emit is left out (never
 * looked up, it added nothing).
 */
interface Side {
  t0: number[];
  t1: (Row | undefined)[];
  t2: (Map<string, Row> | undefined)[];
  t3: (Map<string, Map<string, Row>> | undefined)[];
}

function sub<V>(m: Map<string, V>, k: string, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

function compileSide(w: Weights): Side {
  const side: Side = { t0: TEMPLATES.map(() => 0), t1: [], t2: [], t3: [] };
  for (const [name, weight] of w) {
    const eq = name.indexOf("=");
    const t = TEMPLATE_ID.get(eq < 0 ? name : name.slice(0, eq));
    if (t === undefined) continue;
    if (eq < 0) {
      side.t0[t] = weight;
      continue;
    }
    const v = name.slice(eq + 1).split("\t");
    if (v.length === 1) (side.t1[t] ??= new Map()).set(v[0]!, weight);
    else if (v.length === 2) sub((side.t2[t] ??= new Map()), v[0]!, () => new Map<string, number>()).set(v[1]!, weight);
    else if (v.length === 3) sub(sub((side.t3[t] ??= new Map()), v[0]!, () => new Map<string, Row>()), v[1]!, () => new Map<string, number>()).set(v[2]!, weight);
  }
  return side;
}

/**
 * Sums a candidate's weights in the order its features are emitted. An absent feature adds nothing where
 * `scoreOf` adds 0 (the same: a sum from +0 is never -0), so the sum equals `scoreOf`'s over its names to the last bit.
 */
class Scorer implements Emit {
  sum = 0;
  side: Side = { t0: [], t1: [], t2: [], t3: [] };
  f0(t: number): void {
    this.sum += this.side.t0[t]!;
  }
  f1(t: number, a: string): void {
    const v = this.side.t1[t]?.get(a);
    if (v !== undefined) this.sum += v;
  }
  f2(t: number, a: string, b: string): void {
    const v = this.side.t2[t]?.get(a)?.get(b);
    if (v !== undefined) this.sum += v;
  }
  f3(t: number, a: string, b: string, c: string): void {
    const v = this.side.t3[t]?.get(a)?.get(b)?.get(c);
    if (v !== undefined) this.sum += v;
  }
}
const scorer = new Scorer();

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
function startFeatures(ctx: BoundsContext, head: string, b: number, o: Emit): void {
  const { tk } = ctx;
  // "up to 3,000", "about 40", "more than half": a quantity opens a noun phrase; it is no particle ("brought up")
  const f = QUANTITY_WORD.test(tk.low(b)) && quantityAfter(tk, b, ctx.end) ? "<quantity>" : tk.low(b);
  const p = b > ctx.s0 ? tk.low(b - 1) : "<s>";
  const rule = b === ctx.start;
  const r = bool(rule);
  o.f0(rule ? T.R : T.O);
  o.f1(T.d, bucket(b - ctx.start));
  o.f1(T.g, bucket(b - ctx.cue1));
  o.f1(T.f, f);
  o.f1(T.p, p);
  o.f2(T.pf, p, f);
  o.f2(T.cf, head, f);
  o.f2(T.cp, head, p);
  o.f1(T.cap, bool(isCapitalised(tk.word(b))));
  o.f2(T.Rf, r, f);
  o.f2(T.Rp, r, p);
  o.f2(T.cd, head, bucket(b - ctx.start));
  o.f2(T.fn, f, b + 1 < ctx.end ? shape(tk, b + 1) : "</s>");
  o.f3(T.Rfn, r, f, b + 1 < ctx.end ? tk.low(b + 1) : "</s>");
  if (!rule) {
    // the words the move skips (before the new start) or adds (after the cue): a verb among them makes them a clause
    const [x, y] = b > ctx.start ? [ctx.start, b] : [b, ctx.start];
    const dir = b > ctx.start ? "skip" : "add";
    let verb = false;
    for (let k = x; k < y && !verb; k++) verb = tk.finite(k) || AUXILIARY.test(tk.low(k));
    o.f2(T.sv, dir, bool(verb));
    o.f2(T.s0, dir, tk.low(x));
    o.f3(T.ss, dir, shape(tk, x), lenBucket(y - x));
    o.f3(T.sf, dir, bool(verb), f);
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
function endFeatures(ctx: BoundsContext, head: string, e: number, quotes: number, parens: number, verb: boolean, o: Emit): void {
  const { tk } = ctx;
  // commas between the rules' end and this one (how many asides away)
  const [a, b] = e < ctx.stop ? [e, ctx.stop] : [ctx.stop, e];
  let commas = 0;
  for (let k = a; k < b; k++) if (tk.word(k) === ",") commas++;
  const n = e < ctx.end ? tk.low(e) : "</s>";
  const n2 = e + 1 < ctx.end ? tk.low(e + 1) : "</s>";
  const p = tk.low(e - 1);
  const rule = e === ctx.stop;
  const r = bool(rule);
  o.f0(rule ? T.R : T.O);
  o.f1(T.d, bucket(e - ctx.stop));
  o.f1(T.n, n);
  o.f1(T.n2, n2);
  o.f1(T.p, p);
  o.f2(T.pn, p, n);
  o.f2(T.nn2, n, n2);
  o.f1(T.len, lenBucket(e - ctx.start));
  o.f1(T.q, quotes % 2 === 0 ? "0" : "1");
  o.f1(T.par, bool(parens > 0));
  o.f2(T.cn, head, n);
  o.f2(T.Rn, r, n);
  o.f3(T.Rnn2, r, n, n2);
  o.f1(T.dc, (e < ctx.stop ? DC_CUT : DC_ADD)[Math.min(commas, 3)]!);
  o.f2(T.cap2, bool(n2 !== "</s>" && isCapitalised(tk.word(e + 1))), n);
  if (!rule) {
    // the words the move adds (past the rules' end) or cuts (before it): how they open, whether a verb is among them
    const dir = e < ctx.stop ? "cut" : "add";
    const w0 = tk.low(a);
    o.f2(T.s0, dir, w0);
    o.f2(T.sv, dir, bool(verb));
    o.f2(T.sl, dir, lenBucket(b - a));
    o.f3(T.s0v, dir, w0, bool(verb));
    o.f2(T.se, dir, bool(e === ctx.end));
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

const compiledModels = new WeakMap<BoundsModel, { start: Side; end: Side }>();
function compiled(m: BoundsModel): { start: Side; end: Side } {
  let c = compiledModels.get(m);
  if (!c) compiledModels.set(m, (c = { start: compileSide(m.start), end: compileSide(m.end) }));
  return c;
}

/**
 * `best` over the start candidates without their names: the same scores (`Scorer`), candidates the caller
 * rejects never scored, the same choice among equals (the first, or the rules' own).
 */
function bestStart(ctx: BoundsContext, head: string, side: Side, ok: (tok: number) => boolean): number | undefined {
  let top: number | undefined;
  let topScore = -Infinity;
  for (const b of startToks(ctx)) {
    if (!ok(b)) continue;
    scorer.sum = 0;
    scorer.side = side;
    startFeatures(ctx, head, b, scorer);
    const s = scorer.sum;
    if (s > topScore || (s === topScore && top !== undefined && b === ctx.start)) {
      top = b;
      topScore = s;
    }
  }
  return top;
}

/** `best` over the end candidates without their names (as `bestStart`). */
function bestEnd(ctx: BoundsContext, head: string, side: Side, ok: (tok: number) => boolean): number | undefined {
  let top: number | undefined;
  let topScore = -Infinity;
  endWalk(ctx, (e, quotes, parens, verb) => {
    if (!ok(e)) return;
    scorer.sum = 0;
    scorer.side = side;
    endFeatures(ctx, head, e, quotes, parens, verb, scorer);
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
export function chooseBounds(ctx: BoundsContext, ok: (start: number, stop: number) => boolean, m: BoundsModel | null = boundsModel()): [number, number] {
  const afterCue = ctx.start >= ctx.cue1;
  // while observed (training), the rules' span stands: the examples do not depend on weights already written
  if (observer) {
    observer(ctx, afterCue ? startCandidates(ctx) : undefined, endCandidates(ctx));
    return [ctx.start, ctx.stop];
  }
  if (!m) return [ctx.start, ctx.stop];
  const c = compiled(m);
  const head = cueHead(ctx);
  const start = afterCue ? (bestStart(ctx, head, c.start, (b) => ok(b, ctx.stop)) ?? ctx.start) : ctx.start;
  const stop = bestEnd(ctx, head, c.end, (e) => e > start && ok(start, e)) ?? ctx.stop;
  return [start, stop];
}
