// Where reported content starts and ends: two averaged-perceptron rankers over candidate token boundaries (PolNeAR train).
//
// The rules of the indirect-quote extractor propose a content span; these rankers may move its start (past an
// addressee, "told reporters how …", "urged Congress to …") or its end (before a writer's aside, ", who is 70",
// "during a stop in Flint", " -- far lower than …"). The rules' own boundary is a candidate with a feature of its own,
// so the models learn when to overrule it rather than re-deriving it. Weights: content-bounds-model.json, trained by
// scripts/train-content-bounds.ts (see PROVENANCE.md).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cueVerb, isCapitalised, isFiniteForm, isQuoteChar, type Tokens } from "../extractors/quote-common.js";

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

function bucket(d: number): string {
  if (d <= -10) return "<-9";
  if (d <= -4) return "-9..-4";
  if (d >= 10) return ">9";
  if (d >= 4) return "4..9";
  return String(d);
}

function lenBucket(n: number): string {
  return n < 4 ? String(n) : n < 8 ? "4-7" : n < 16 ? "8-15" : n < 32 ? "16-31" : "32+";
}

const QUANTITY_WORD = /^(?:up|about|nearly|almost|around|roughly|more|less|fewer|over|under|some|at|only|just)$/;
/** A number within the three tokens after i ("up to 3,000", "at least 40"). */
function quantityAfter(tk: Tokens, i: number, end: number): boolean {
  for (let k = i + 1; k < end && k <= i + 3; k++) if (/^\p{N}/u.test(tk.word(k))) return true;
  return false;
}
const AUXILIARY = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|does|did|do)$/;

/** A word's shape: a number, a capitalised word, lower case, or punctuation. */
function shape(tk: Tokens, i: number): string {
  const w = tk.word(i);
  return /^\p{N}/u.test(w) ? "9" : isCapitalised(w) ? "X" : tk.isWord(i) ? "x" : w;
}

const lemmaOf = (tk: Tokens, i: number): string => cueVerb(tk.low(i))?.lemma ?? tk.low(i);

/** The cue's head: its first word that is no auxiliary (the lexicon's lemma when it has one). */
function cueHead(ctx: BoundsContext): string {
  const { tk } = ctx;
  for (let k = ctx.cue0; k < ctx.cue1; k++) if (cueVerb(tk.low(k))) return lemmaOf(tk, k);
  return tk.low(ctx.cue1 - 1);
}

/** Candidate starts of a content that follows its cue: the rules' start and the words between the cue and a little past it. */
export function startCandidates(ctx: BoundsContext): BoundCandidate[] {
  const { tk } = ctx;
  const out: BoundCandidate[] = [];
  const head = cueHead(ctx);
  const hi = Math.min(ctx.stop - 1, ctx.start + START_REACH);
  const push = (b: number) => {
    // "up to 3,000", "about 40", "more than half": a quantity opens a noun phrase; it is no particle ("brought up")
    const f = QUANTITY_WORD.test(tk.low(b)) && quantityAfter(tk, b, ctx.end) ? "<quantity>" : tk.low(b);
    const p = b > ctx.s0 ? tk.low(b - 1) : "<s>";
    const rule = b === ctx.start;
    const feats = [
      rule ? "R" : "O", `d=${bucket(b - ctx.start)}`, `g=${bucket(b - ctx.cue1)}`, `f=${f}`, `p=${p}`, `pf=${p}\t${f}`,
      `cf=${head}\t${f}`, `cp=${head}\t${p}`, `cap=${isCapitalised(tk.word(b))}`, `Rf=${rule}\t${f}`, `Rp=${rule}\t${p}`,
      `cd=${head}\t${bucket(b - ctx.start)}`, `fn=${f}\t${b + 1 < ctx.end ? shape(tk, b + 1) : "</s>"}`, `Rfn=${rule}\t${f}\t${b + 1 < ctx.end ? tk.low(b + 1) : "</s>"}`,
    ];
    if (!rule) {
      // the words the move skips (before the new start) or adds (after the cue): a verb among them makes them a clause
      const [x, y] = b > ctx.start ? [ctx.start, b] : [b, ctx.start];
      const dir = b > ctx.start ? "skip" : "add";
      let verb = false;
      for (let k = x; k < y && !verb; k++) verb = isFiniteForm(tk.low(k)) || AUXILIARY.test(tk.low(k));
      feats.push(`sv=${dir}\t${verb}`, `s0=${dir}\t${tk.low(x)}`, `ss=${dir}\t${shape(tk, x)}\t${lenBucket(y - x)}`, `sf=${dir}\t${verb}\t${f}`);
    }
    out.push({ tok: b, features: feats });
  };
  push(ctx.start);
  // a complementiser the rules found opens the content: it stands ("says at a stop in Toledo that …")
  if (ctx.start > ctx.cue1 && tk.low(ctx.start - 1) === "that") return out;
  for (let b = ctx.cue1; b <= hi; b++) {
    if (b === ctx.start || !tk.isWord(b) || tk.low(b) === "that") continue;
    // a content opening with "to" is an infinitive ("urged Congress to leave"), never a number's range ("up to 3,000")
    if (tk.low(b) === "to" && b + 1 < ctx.end && /^\p{N}/u.test(tk.word(b + 1))) continue;
    push(b);
  }
  return out;
}

/** Candidate ends (exclusive tokens) of a content: the rules' end, the sentence end, and every clause or phrase edge between. */
export function endCandidates(ctx: BoundsContext): BoundCandidate[] {
  const { tk } = ctx;
  const out: BoundCandidate[] = [];
  const head = cueHead(ctx);
  const lo = Math.max(ctx.start + 1, ctx.stop - END_REACH);
  // a report never runs past the rules' end: they stop it at a writer's aside or a second report on purpose
  const hi = Math.min(ctx.end, ctx.stop);
  // quotation marks and parentheses opened inside the content and still open at the boundary
  let quotes = 0;
  let parens = 0;
  for (let k = ctx.start; k < lo; k++) {
    const w = tk.word(k);
    if (isQuoteChar(w) && w !== "’") quotes++;
    else if (w === "(") parens++;
    else if (w === ")") parens--;
  }
  let commas = 0;
  const push = (e: number) => {
    const n = e < ctx.end ? tk.low(e) : "</s>";
    const n2 = e + 1 < ctx.end ? tk.low(e + 1) : "</s>";
    const p = tk.low(e - 1);
    const rule = e === ctx.stop;
    const feats = [
      rule ? "R" : "O", `d=${bucket(e - ctx.stop)}`, `n=${n}`, `n2=${n2}`, `p=${p}`, `pn=${p}\t${n}`, `nn2=${n}\t${n2}`,
      `len=${lenBucket(e - ctx.start)}`, `q=${quotes % 2}`, `par=${parens > 0}`, `cn=${head}\t${n}`, `Rn=${rule}\t${n}`,
      `Rnn2=${rule}\t${n}\t${n2}`, `dc=${e < ctx.stop ? "-" : "+"}${Math.min(commas, 3)}`, `cap2=${n2 !== "</s>" && isCapitalised(tk.word(e + 1))}\t${n}`,
    ];
    if (!rule) {
      // the words the move adds (past the rules' end) or cuts (before it): how they open, whether a verb is among them
      const [a, b] = e < ctx.stop ? [e, ctx.stop] : [ctx.stop, e];
      const dir = e < ctx.stop ? "cut" : "add";
      let verb = false;
      for (let k = a; k < b && !verb; k++) verb = isFiniteForm(tk.low(k)) || (cueVerb(tk.low(k))?.rate ?? 0) >= 0.3;
      const w0 = tk.low(a);
      feats.push(`s0=${dir}\t${w0}`, `sv=${dir}\t${verb}`, `sl=${dir}\t${lenBucket(b - a)}`, `s0v=${dir}\t${w0}\t${verb}`, `se=${dir}\t${e === ctx.end}`);
    }
    out.push({ tok: e, features: feats });
  };
  for (let e = lo; e <= hi; e++) {
    const w = tk.word(e - 1);
    if (isQuoteChar(w) && w !== "’") quotes++;
    else if (w === "(") parens++;
    else if (w === ")") parens--;
    if (e === ctx.stop || e === ctx.end || (e < ctx.end && (END_BEFORE.has(tk.low(e)) || !tk.isWord(e)))) {
      // commas between the rules' end and this one (how many asides away)
      commas = 0;
      const [a, b] = e < ctx.stop ? [e, ctx.stop] : [ctx.stop, e];
      for (let k = a; k < b; k++) if (tk.word(k) === ",") commas++;
      push(e);
    }
  }
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

let model: BoundsModel | null | undefined;
/** The weights, read on first use; null when the file is absent (the rules' boundaries stand). */
export function boundsModel(): BoundsModel | null {
  if (model !== undefined) return model;
  if (!existsSync(MODEL_FILE)) return (model = null);
  const raw = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { start: Record<string, number>; end: Record<string, number> };
  return (model = { start: new Map(Object.entries(raw.start)), end: new Map(Object.entries(raw.end)) });
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
  const start = afterCue ? (best(startCandidates(ctx), m.start, (b) => ok(b, ctx.stop))?.tok ?? ctx.start) : ctx.start;
  const stop = best(endCandidates(ctx), m.end, (e) => e > start && ok(start, e))?.tok ?? ctx.stop;
  return [start, stop];
}
