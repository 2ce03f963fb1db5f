// The report filter: a logistic regression that scores each reported-speech quote the rules produce (see PROVENANCE.md).
//
// Why: the cue readers are tuned for recall, and some of their reports are no attribution ("the plan calls for …")
// or have a cue of the wrong extent. A report whose chance of being right is low costs more precision than it gives
// recall; the filter drops those below a threshold tuned on dev, and its probability becomes the quote's confidence.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Mention, Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { PRONOUNS, Tokens, cueVerb, isCueNoun, isNegation, wordCount } from "../extractors/quote-common.js";
import { outsideBudget } from "../../../core/pipeline.js";

// src/nlp/en/attribution and dist/nlp/en/attribution both sit four levels below the project root.
const MODEL_FILE = fileURLToPath(new URL("../../../../src/nlp/en/attribution/report-filter-model.json", import.meta.url));

/** The reports the filter weighs: reported speech of the indirect-quote extractor (direct quotes are precise already). */
export const isScoredReport = (q: Quote): boolean => q.kind === "indirect" && q.source === "indirect-quotes" && q.cue !== undefined;

const AUX = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'s|'re|'ve|'ll|'d)$/;
const bucket = (n: number, edges: readonly number[]): string => {
  for (const e of edges) if (n <= e) return `≤${e}`;
  return `>${edges[edges.length - 1]}`;
};

/** Whether a name mention (sorted by start) overlaps [a, b): the few mentions starting before b are looked at. */
function overlapsMention(mentions: readonly Mention[], a: number, b: number): boolean {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.span[0] < b) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) if (mentions[k]!.span[1] > a) return true;
  return false;
}

/**
 * The features of one report, as "template=value" strings (all binary). Read from the quote's spans and the token
 * table only, so that training (scripts/train-report-filter.ts) and use see the same thing.
 */
export function reportFeatures(doc: Document, tk: Tokens, q: Quote, mentions: readonly Mention[]): string[] {
  const text = doc.text;
  const cue = q.cue!.span;
  const c0 = tk.at(cue[0]);
  const c1 = Math.max(c0 + 1, tk.at(cue[1]));
  const sentence = tk.t.sentence[c0] ?? 0;
  const sent = doc.get("sentence")[sentence];
  const s0 = sent?.tokenStart ?? 0;
  const s1 = sent?.tokenEnd ?? tk.count;
  // the head: the first word of the cue the lexicon knows as a verb, else a cue noun, else its first word
  let head = c0;
  for (let k = c0; k < c1; k++) if (tk.cue(k) || isCueNoun(tk.low(k))) { head = k; break; }
  const low = tk.low(head);
  const cv = cueVerb(low);
  const lemma = cv?.lemma ?? (isCueNoun(low) ? low : low.replace(/(?:ing|ed|es|s)$/, ""));
  // (no lexicon rate, cue-classifier score or reader: those are fitted on the same train split, where they tell
  // right from wrong far better than on unseen text — the classifier-only reports are 4% wrong on train, 25% on dev)
  const f: string[] = ["bias"];
  f.push(`l=${lemma}`, `noun=${!cv && isCueNoun(low)}`);
  f.push(`cuelen=${bucket(c1 - c0, [1, 2, 3])}`, `cuelast=${tk.low(c1 - 1)}`);
  // tense, auxiliaries, negation just before the head
  const p1 = head - 1 >= s0 ? tk.low(head - 1) : "<s>";
  const p2 = head - 2 >= s0 ? tk.low(head - 2) : "<s>";
  const n1 = c1 < s1 ? tk.low(c1) : "</s>";
  f.push(`p1=${p1}`, `n1=${n1}`, `aux=${AUX.test(p1) || AUX.test(p2)}`, `neg=${isNegation(p1) || isNegation(p2)}`);
  f.push(`sfx=${/ing$/.test(low) ? "ing" : /ed$/.test(low) ? "ed" : /s$/.test(low) ? "s" : "0"}`);
  f.push(`cap=${/^\p{Lu}/u.test(tk.word(head))}`);
  // the speaker: none, a pronoun, capitalised (mostly names), a lower-case noun phrase; where it sits; whether a name mention covers it
  let sk = "none";
  let where = "none";
  if (q.speaker?.span) {
    const [a, b] = q.speaker.span;
    const words = text.slice(a, b);
    // (opening with a capital — a name or a sentence-initial "The mayor" — scored better on dev than ending with one)
    sk = PRONOUNS.has(words.toLowerCase()) ? "pron" : /^\p{Lu}/u.test(words) ? "cap" : "np";
    where = b <= cue[0] ? "before" : a >= cue[1] ? "after" : "in";
    const named = overlapsMention(mentions, a, b);
    f.push(`ment=${named}`, `splen=${bucket(wordCount(words), [1, 2, 3, 5, 8])}`, `sp0=${words.split(/\s+/)[0]!.toLowerCase()}`);
  }
  f.push(`sk=${sk}`, `spw=${where}`, `sk×l=${sk}|${lemma}`);
  // the content: where it sits, how long, how it opens and ends
  const [x, y] = q.span;
  const cpos = y <= cue[0] ? "before" : x >= cue[1] ? "after" : "around";
  f.push(`cpos=${cpos}`, `cpos×sk=${cpos}|${sk}|${where}`, `cpos×l=${cpos}|${lemma}`);
  const content = text.slice(x, y);
  const n = wordCount(content);
  f.push(`clen=${bucket(n, [1, 2, 3, 5, 8, 13, 21, 34])}`, `clen×cpos=${bucket(n, [2, 5, 13])}|${cpos}`);
  const first = tk.at(x) < tk.count ? tk.low(tk.at(x)) : "";
  f.push(`c0=${first}`, `cend=${/[.!?]["”’']*$/.test(content) ? "stop" : /[,;:]$/.test(content) ? "comma" : "word"}`);
  f.push(`cquote=${/["“”]/.test(content)}`, `cthat=${/\bthat\s*$/.test(text.slice(Math.max(0, x - 6), x))}`);
  f.push(`ccap=${/^\p{Lu}/u.test(content)}`);
  // position: in the sentence and the text, and whether the sentence is a heading
  f.push(`pos=${bucket(head - s0, [0, 1, 2, 4, 8, 16])}`, `send=${bucket(s1 - c1, [1, 2, 4, 8])}`);
  const para = q.paragraph !== undefined ? doc.maybe("paragraph")[q.paragraph] : undefined;
  f.push(`head=${para?.heading ?? false}`, `first=${sentence === 0}`);
  return f;
}

interface Model {
  weights: Map<string, number>;
  threshold: number;
}
let model: Model | null | undefined;
/** The weights, read on first use (not at import); without the file every report stands. */
function loadModel(): Model | null {
  if (model !== undefined) return model;
  return (model = outsideBudget(() => {
    if (!existsSync(MODEL_FILE)) return null;
    const json = JSON.parse(readFileSync(MODEL_FILE, "utf8")) as { threshold: number; weights: Record<string, number> };
    return { weights: new Map(Object.entries(json.weights)), threshold: json.threshold };
  }));
}

/** The probability of features `f` under `weights` (logistic). */
export function probability(weights: ReadonlyMap<string, number>, f: readonly string[]): number {
  let z = 0;
  for (const x of f) z += weights.get(x) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** A training hook: called with each scored report's features instead of filtering (the rules' reports all stand). */
export type ReportObserver = (doc: Document, q: Quote, features: string[]) => void;
let observer: ReportObserver | undefined;
export function observeReports(fn: ReportObserver | undefined): void {
  observer = fn;
}

/**
 * The quotes with the reports the model doubts dropped, and the kept reports' probability as their confidence.
 * Other quotes pass unchanged.
 */
export function filterReports(doc: Document, quotes: readonly Quote[]): Quote[] {
  const m = observer ? undefined : loadModel();
  if (!m && !observer) return [...quotes];
  const tk = Tokens.of(doc);
  // (the mention layer is kept in text order; a copy is sorted only when it is not)
  let mentions = doc.maybe("mention");
  if (mentions.some((x, k) => k > 0 && x.span[0] < mentions[k - 1]!.span[0])) mentions = [...mentions].sort((x, y) => x.span[0] - y.span[0]);
  const out: Quote[] = [];
  for (const q of quotes) {
    if (!isScoredReport(q)) {
      out.push(q);
      continue;
    }
    const f = reportFeatures(doc, tk, q, mentions);
    if (observer) {
      observer(doc, q, f);
      out.push(q);
      continue;
    }
    const p = probability(m!.weights, f);
    if (p < m!.threshold) continue;
    q.confidence = p;
    out.push(q);
  }
  return out;
}
