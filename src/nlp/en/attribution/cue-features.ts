// Features of one token for the cue classifier: the word, its neighbours, its cue-lexicon rate and its place in the sentence.
import { cueVerb, isCueNoun, isFiniteForm, type Tokens } from "../extractors/quote-common.js";

const bucket = (r: number): string => (r >= 0.5 ? "hi" : r >= 0.2 ? "mid" : r > 0 ? "lo" : "none");
const shapeCache = new Map<string, string>();
const shapeSlow = (w: string): string =>
  /^\p{Lu}{2,}$/u.test(w) ? "AA" : /^\p{Lu}/u.test(w) ? "Aa" : /^\p{Ll}/u.test(w) ? "a" : /^\d/.test(w) ? "0" : w;
/** The word's shape: "AA" (all capitals), "Aa", "a", "0", or the word itself (punctuation). */
export function shapeOf(w: string): string {
  const c = w.charCodeAt(0);
  // plain ASCII lower case and digits, the common cases, without a regex
  if (c >= 97 && c <= 122) return "a";
  if (c >= 48 && c <= 57) return "0";
  let s = shapeCache.get(w);
  if (s === undefined) {
    s = shapeSlow(w);
    if (shapeCache.size > 50_000) shapeCache.clear();
    shapeCache.set(w, s);
  }
  return s;
}

/** Receives one feature: a template name and one value, or two values for a conjunction. */
export type Emit = (template: string, a: string, b?: string) => void;

const lexCache = new Map<string, { lemma: string; rate: string }>();
/** Lemma (or "n:noun") and rate bucket of a lower-cased word, from the cue lexicon. */
function lexical(low: string): { lemma: string; rate: string } {
  let v = lexCache.get(low);
  if (v === undefined) {
    const cv = cueVerb(low);
    v = { lemma: cv?.lemma ?? (isCueNoun(low) ? `n:${low.replace(/s$/, "")}` : "-"), rate: bucket(cv?.rate ?? 0) };
    if (lexCache.size > 50_000) lexCache.clear();
    lexCache.set(low, v);
  }
  return v;
}

/** The features that depend on the word alone (the tagger caches their sum per word). */
export function wordFeatures(word: string, low: string, emit: Emit): void {
  const { lemma, rate } = lexical(low);
  emit("b", "");
  emit("w", low);
  emit("l", lemma);
  emit("r", rate);
  emit("s3", low.length > 3 ? low.slice(-3) : low);
  emit("sh", shapeOf(word));
  emit("fin", String(isFiniteForm(low)));
}

/**
 * The features of token i that depend on its context in the sentence [s0, s1); `quoted` says whether the token sits
 * between quotation marks. The training script and the tagger both enumerate features here, so they cannot drift.
 */
export function contextFeatures(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean, emit: Emit): void {
  const w = tk.low(i);
  const p1 = i - 1 < s0 ? "<s>" : tk.low(i - 1);
  const n1 = i + 1 >= s1 ? "</s>" : tk.low(i + 1);
  const { lemma, rate } = lexical(w);
  emit("p1", p1);
  emit("n1", n1);
  emit("p2", i - 2 < s0 ? "<s>" : tk.low(i - 2));
  emit("n2", i + 2 >= s1 ? "</s>" : tk.low(i + 2));
  emit("p1w", p1, w);
  emit("wn1", w, n1);
  emit("ln1", lemma, n1);
  emit("p1l", p1, lemma);
  emit("rn1", rate, i + 1 < s1 ? shapeOf(tk.word(i + 1)) : "</s>");
  emit("rp1", rate, i - 1 >= s0 ? shapeOf(tk.word(i - 1)) : "<s>");
  emit("q", String(quoted));
  emit("qr", String(quoted), rate);
  emit("pos", i - s0 < 3 ? String(i - s0) : s1 - i < 3 ? `e${s1 - i}` : "m");
}

/** A feature's name in the weights file: "template=value" or "template=value\tvalue". */
export const featureName = (t: string, a: string, b?: string): string => (b === undefined ? `${t}=${a}` : `${t}=${a}\t${b}`);

/** All feature names of token i (training). */
export function cueFeatures(tk: Tokens, i: number, s0: number, s1: number, quoted: boolean): string[] {
  const out: string[] = [];
  const emit: Emit = (t, a, b) => out.push(featureName(t, a, b));
  wordFeatures(tk.word(i), tk.low(i), emit);
  contextFeatures(tk, i, s0, s1, quoted, emit);
  return out;
}
