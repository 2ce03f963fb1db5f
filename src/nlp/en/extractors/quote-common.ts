// Shared by the quote stages: cue lexicon lookups, token helpers and the speaker noun-phrase scanners.
import type { TokenTable } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import { quantifiedStart } from "../attribution/quantified-subject.js";

const RATES: Record<string, number> = cueLexicon.rates;
export interface CueVerb { readonly lemma: string; readonly rate: number }
// Maps built once: a lookup is one string hash (an object keyed by arbitrary words would also answer
// "constructor"), and each verb form's answer is a shared frozen object, not one allocation per call.
const VERBS = new Map<string, CueVerb>(
  Object.entries(cueLexicon.verbs as Record<string, string>).map(([form, lemma]) => [form, Object.freeze({ lemma, rate: RATES[lemma] ?? 0 })]),
);
const NOUNS = new Set(Object.keys(cueLexicon.nouns));
const PHRASES = new Set(Object.keys(cueLexicon.phrases));
const FINITE_FORMS = new Set(cueLexicon.finite.split(" "));

/** A letter a-z as 0-25, anything else as 26. */
const letterOf = (c: number): number => (c >= 97 && c <= 122 ? c - 97 : 26);
/** The filter slot of a word: its first and last two characters' classes and its length (up to 15). */
const slotOf = (w: string): number => {
  const n = w.length;
  return (((letterOf(w.charCodeAt(0)) * 27 + letterOf(w.charCodeAt(n - 2))) * 27 + letterOf(w.charCodeAt(n - 1))) << 4) | (n < 15 ? n : 15);
};
/**
 * A bit per filter slot, set for the slots a set's words fill. Most words of a text are in no lexicon, and a Map's
 * miss costs a string hash and cache misses on the table; a word whose slot is empty is known absent from a few
 * character reads and one bit (the answer is the same). Over the war-news texts 17 % of words pass the verb filter.
 */
function slotsOf(words: Iterable<string>): Uint32Array {
  const bits = new Uint32Array((27 * 27 * 27 * 16 + 31) >> 5);
  for (const w of words) {
    if (w.length === 0) continue;
    const k = slotOf(w);
    bits[k >> 5] = bits[k >> 5]! | (1 << (k & 31));
  }
  return bits;
}
const VERB_SLOTS = slotsOf(VERBS.keys());
const FINITE_SLOTS = slotsOf(FINITE_FORMS);
const absent = (bits: Uint32Array, w: string): boolean => {
  if (w.length === 0) return false;
  const k = slotOf(w);
  return (bits[k >> 5]! & (1 << (k & 31))) === 0;
};
/** `VERBS.get(w)`, an empty slot answering first */
const verbOf = (w: string): CueVerb | undefined => (absent(VERB_SLOTS, w) ? undefined : VERBS.get(w));
/** `FINITE_FORMS.has(w)`, an empty slot answering first */
const finiteForm = (w: string): boolean => !absent(FINITE_SLOTS, w) && FINITE_FORMS.has(w);

/**
 * `w.toLowerCase()`, without the call when w is ASCII with no capital (most words): in a document with any
 * non-Latin-1 character every word is a two-byte string, and V8 lower-cases those into a fresh copy even when
 * nothing changes.
 */
export function lowerCase(w: string): string {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) return w.toLowerCase();
  }
  return w;
}

/** Lemma and cue rate (share of occurrences that are cues in PolNeAR train) of a verb form. */
export function cueVerb(word: string): CueVerb | undefined {
  const v = verbOf(word);
  if (v !== undefined) return v;
  // callers mostly pass the lower-cased token already: lower-case and look again only when it changes something
  const l = lowerCase(word);
  return l === word ? undefined : verbOf(l);
}
/** A finite verb form (says, wants, had): ends a bridge between a cue and its "that". */
export const isFiniteForm = (word: string): boolean => finiteForm(word);
export const isCueNoun = (word: string): boolean => NOUNS.has(lowerCase(word));
export const isCuePhrase = (words: string): boolean => PHRASES.has(lowerCase(words));

/** A verb right after a quotation hands it to a speaker only when it is this often a cue ('"…," said X', not '"…", relying on'). */
export const SPEECH_RATE = 0.2;
/** A cue without "that" needs this rate; with "that" (or a quotation) a lower one suffices. */
export const LOOSE_RATE = 0.2;
export const THAT_RATE = 0.08;

export const PRONOUNS = new Set(["he", "she", "they", "we", "i", "it", "you", "who"]);
const DETERMINERS = new Set(
  "the a an this that these those its his her their our my your some many most several other both all each no any another".split(" "),
);
// Words that end a subject noun phrase when scanning backwards: clause words, prepositions, verbs.
const NP_STOP = new Set(
  ("and or but nor yet so if when while as after before since because although though unless until whether than " +
    "that which who whom whose where why how what whatever there here " +
    "is are was were be been being am has have had do does did will would can could may might must shall should " +
    "not never no in on at by with to into onto from about over under during through against among between " +
    "without within upon across toward towards like per via up down out off " +
    "also then just even still only").split(" "),
);
// Connectors allowed inside a speaker phrase when a capitalised name follows ("a spokesman for the Pentagon").
const NP_LINK = new Set(["of", "for", "from", "at", "with", "by"]);
// Between a subject and its cue: auxiliaries, negation-free adverbs, "keeps (talking)".
const PRE_CUE = new Set(
  ("has have had is are was were be been will would could can may might must should shall did does do also then " +
    "later again further first once previously recently repeatedly publicly privately reportedly earlier already " +
    "now often always even still just keeps kept keep continues continued continue").split(" "),
);
const NEGATION = new Set(["not", "never", "n't", "no", "hardly"]);
const NOT_WORD = /^(?:not|never|n't|n’t)$/;
// a contracted negated auxiliary, one token ("didn't", "won’t")
export const NEGATED_AUX = /^(?:do|does|did|is|are|was|were|has|have|had|would|will|could|can|should|wo|ca|must|need)n['’]t$/;
// Head nouns of a communication act: "a statement from X" is X speaking.
const ACT_NOUNS = new Set(
  "statement statements release report reports post posts message letter tweet note memo email spokesperson spokesman spokeswoman spokespeople representative"
    .split(" "),
);

const TIME_NOUN = /^(?:week|weekend|month|year|day|morning|afternoon|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|time|decade|century)s?$/;
const UPPER_FIRST = /^\p{Lu}/u;
/** Whether the word opens with a capital letter (an ASCII first character is settled without the Unicode regex). */
export const isCapitalised = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_FIRST.test(w);
};
const az = (c: number): boolean => c >= 97 && c <= 122;
/**
 * Whether a word ends like a verb form, as /[a-z](?:ed|ing|es|s)$/ does, from its last characters (the regex tries
 * every start position of the word). "es" needs no test of its own: its "e" is the [a-z] before a final "s".
 */
export function verbLikeEnding(w: string): boolean {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (last === 115) return az(w.charCodeAt(n - 2)); // s
  if (last === 100) return w.charCodeAt(n - 2) === 101 && az(w.charCodeAt(n - 3)); // ed
  if (last === 103) return w.charCodeAt(n - 2) === 110 && w.charCodeAt(n - 3) === 105 && az(w.charCodeAt(n - 4)); // ing
  return false;
}

const NUMBER_FIRST = /^\p{N}/u;
/** Whether a word opens with a number character, as /^\p{N}/u (an ASCII first character is settled without the regex). */
export const numberFirst = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 48 && c <= 57 : NUMBER_FIRST.test(w);
};

/**
 * Whether a word has a character outside [a-z0-9'.,;:!?"()-] (a capital, a curly apostrophe, any non-ASCII letter):
 * only then does `low` lower-case it. A loop over char codes: it runs once for every token of every document.
 */
function needsLower(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    // ' ( ) , - . ! " : ;  ?
    if (c === 39 || c === 40 || c === 41 || c === 44 || c === 45 || c === 46 || c === 33 || c === 34 || c === 58 || c === 59 || c === 63) continue;
    return true;
  }
  return false;
}

/** The token after an optional complementiser "that" at token c before `end` (c itself when there is none). */
// ("that's good news", "that’ll do": a "that" with a clitic is the clause's subject, no complementiser)
export const afterThat = (tk: Tokens, c: number, end: number): number =>
  c < end && tk.low(c) === "that" && !(c + 1 < end && tk.start(c + 1) === tk.end(c) && /^['’]/.test(tk.word(c + 1))) ? c + 1 : c;

/** The token view of each document, shared by the quote stages (their lower-case and cue caches are filled once). */
const views = new WeakMap<Document, Tokens>();

/** Token view of one document, with lower-cased word texts computed lazily. */
export class Tokens {
  /** The document's shared view (a new one if its token layer was replaced since). */
  static of(doc: Document): Tokens {
    const table = doc.get("token");
    let view = views.get(doc);
    if (!view || view.t !== table) views.set(doc, (view = new Tokens(doc)));
    return view;
  }

  readonly t: TokenTable;
  private readonly text: string;
  private readonly lower: (string | undefined)[];
  // each token's text, sliced once: callers ask for the same word many times, and a fresh slice is also hashed afresh by every lookup
  private readonly words: (string | undefined)[];
  // per-token answers the quote stages ask again and again for the same token, filled on first ask
  private cues: (CueVerb | null | undefined)[] | undefined;
  /** 0 not asked yet, 1 no finite form, 2 a finite form */
  private finites: Uint8Array | undefined;
  constructor(doc: Document) {
    this.t = doc.get("token");
    this.text = doc.text;
    this.lower = new Array(this.t.count);
    this.words = new Array(this.t.count);
  }
  /** `cueVerb(this.low(i))`, remembered per token */
  cue(i: number): CueVerb | undefined {
    const cues = (this.cues ??= new Array(this.t.count));
    let v = cues[i];
    if (v === undefined) {
      // a word that `low` left unchanged is its own lower case: `cueVerb` would look no further than the form
      // itself (its second, lower-cased look, a scan of every character, only matters for words `low` changed)
      const l = this.low(i);
      cues[i] = v = (l === this.word(i) ? verbOf(l) : cueVerb(l)) ?? null;
    }
    return v ?? undefined;
  }
  /** `isFiniteForm(this.low(i))`, remembered per token */
  finite(i: number): boolean {
    const f = (this.finites ??= new Uint8Array(this.t.count));
    let v = f[i]!;
    if (v === 0) f[i] = v = finiteForm(this.low(i)) ? 2 : 1;
    return v === 2;
  }
  get count(): number {
    return this.t.count;
  }
  word(i: number): string {
    let w = this.words[i];
    if (w === undefined) {
      w = this.text.slice(this.t.start[i], this.t.end[i]);
      // (an index past either end slices as it always did, and is not stored)
      if (i >= 0 && i < this.words.length) this.words[i] = w;
    }
    return w;
  }
  /** lower-cased word, allocating only when the word has capitals or a curly apostrophe (most have neither) */
  low(i: number): string {
    let v = this.lower[i];
    if (v === undefined) {
      const w = this.word(i);
      v = needsLower(w) ? w.toLowerCase().replace(/’/g, "'") : w;
      this.lower[i] = v;
    }
    return v;
  }
  isWord(i: number): boolean {
    return this.t.kind[i] === 1;
  }
  start(i: number): number {
    return this.t.start[i]!;
  }
  end(i: number): number {
    return this.t.end[i]!;
  }
  isPunct(i: number): boolean {
    return this.t.kind[i] === 3 || this.t.kind[i] === 4;
  }
  /** First token starting at or after `pos` (binary search). */
  at(pos: number): number {
    let lo = 0;
    let hi = this.t.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.t.start[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface SpeakerNP {
  /** token range [from, to) */
  from: number;
  to: number;
  /** the whole mention as written ("a statement from X", "Gov. Jane Doe (D-Wis.)"): the Ref's span */
  span: Span;
  /** the name to report when no entity is linked ("a statement from X" → X, "Gov. Jane Doe" → Jane Doe) */
  name: string;
  nameSpan: Span;
  pronoun: boolean;
}

const QUANTIFIER_SUBJECT = new Set(["some", "many", "most", "several", "both", "all", "another"]);
const NAME_GLUE = new Set(["of", "for", "on", "in", "and", "a", "the"]);

// Adverbs a title-case headline writes before its verb ("Just Announced", "Finally Admits").
const TITLE_ADVERB = /^(?:just|also|now|finally|quietly|reportedly|officially|already|still|openly|publicly)$/;

/** The speaker phrase spanning tokens [from, to) as written ("a new report by Politico"), if it names anyone. */
export function phraseNP(tk: Tokens, text: string, from: number, to: number): SpeakerNP | undefined {
  return makeNP(tk, text, from, to);
}

function makeNP(tk: Tokens, text: string, from: number, to: number): SpeakerNP | undefined {
  if (to <= from) return undefined;
  // a speaker needs a word that is neither a determiner nor a link word
  let content = false;
  for (let i = from; i < to; i++) {
    const w = tk.low(i);
    if (!tk.isPunct(i) && !DETERMINERS.has(w) && !NP_LINK.has(w) && w !== "'s") content = true;
  }
  // a quantifier alone is a pronoun subject ("Some say …", "but most believe …")
  if (!content && !(to - from === 1 && QUANTIFIER_SUBJECT.has(tk.low(from)))) return undefined;
  // "this week", "last year": a time, not a source; "Don't", "please": an imperative
  let timeOnly = true;
  for (let i = from; i < to; i++) {
    const w = tk.low(i);
    if (/n't$/.test(w) || w === "please") return undefined;
    // (a capitalised "Times" or "Week" names a paper or a show; days and months are capitalised anyway)
    const named = isCapitalised(tk.word(i)) && /^(?:times?|weeks?|weekends?|months?|years?|days?|decades?|century|mornings?|nights?)$/.test(w);
    if (!DETERMINERS.has(w) && (!TIME_NOUN.test(w) || named) && !/^(?:last|next|this|early|late|earlier)$/.test(w)) timeOnly = false;
  }
  if (timeOnly && !(to - from === 1 && QUANTIFIER_SUBJECT.has(tk.low(from)))) return undefined;
  // a bare number ("in 2001 said") names nobody
  if (to - from === 1 && tk.t.kind[from] === 2) return undefined;
  const span: Span = [tk.start(from), tk.end(to - 1)];
  let nameFrom = from;
  // "a statement from X", "a spokesman for X": the organisation named is the speaker
  for (let i = from; i < to - 1; i++) {
    if ((ACT_NOUNS.has(tk.low(i)) || isCueNoun(tk.low(i))) && NP_LINK.has(tk.low(i + 1)) && i + 2 < to) {
      nameFrom = i + 2;
      break;
    }
  }
  if (nameFrom > from && nameFrom < to - 1 && DETERMINERS.has(tk.low(nameFrom))) nameFrom++;
  // "union leader Pavel Dvorak" is Pavel Dvorak: a name after a lower-case description
  if (nameFrom === from && isCapitalised(tk.word(to - 1))) {
    let k = to - 1;
    // small words between capitals belong to the name ("Commission on Presidential Debates", "Mr. Grassley and Mr. Leahy")
    const inName = (x: number): boolean =>
      isCapitalised(tk.word(x)) || isTitleDot(tk, x) || tk.low(x) === "-" ||
      (x - 1 > from && NAME_GLUE.has(tk.low(x)) && isCapitalised(tk.word(x + 1)) && (isCapitalised(tk.word(x - 1)) || (NAME_GLUE.has(tk.low(x - 1)) && isCapitalised(tk.word(x - 2)))));
    while (k > from && inName(k - 1)) k--;
    let lowerBefore = false;
    for (let i = from; i < k; i++) if (tk.t.kind[i] === 1 && !isCapitalised(tk.word(i)) && !DETERMINERS.has(tk.low(i)) && !NP_LINK.has(tk.low(i))) lowerBefore = true;
    if (lowerBefore && !NP_LINK.has(tk.low(k - 1)) && tk.low(k - 1) !== "'s") nameFrom = k;
  }
  // "Gov. Maria Lopez" is Maria Lopez: an abbreviated title is no part of the name
  while (nameFrom + 2 < to && isTitleDot(tk, nameFrom + 1)) nameFrom += 2;
  const nameSpan: Span = [tk.start(nameFrom), tk.end(to - 1)];
  const name = text.slice(nameSpan[0], nameSpan[1]);
  return { from, to, span, name, nameSpan, pronoun: to - from === 1 && PRONOUNS.has(tk.low(from)) };
}

// "has since said", "have long argued": adverbs of a perfect that would read as a subordinator or an adjective alone
const SINCE_LONG = /^(?:since|long)$/;
const PERFECT = /^(?:has|have|had|'s|'ve|'d)$/;
// Nouns ending in "-ly" that are no adverbs before a cue ("the family said", "an ally said").
export const LY_NOUN = new Set("family ally rally supply assembly anomaly monopoly reply bully homily".split(" "));

// A quantifier floated off its subject ("Garcia and Lund both stressed", "the mayors have all said"): after
// a plural noun, a name or an auxiliary, not opening the clause ("Both said …", where it is the subject).
const FLOATING = /^(?:both|all)$/;
const floating = (tk: Tokens, lo: number, j: number): boolean => {
  if (!FLOATING.test(tk.low(j)) || j <= lo || !tk.isWord(j - 1)) return false;
  const w = tk.low(j - 1);
  // ("And both vowed …": after a conjunction it is the subject)
  if (/^(?:and|but|or|nor|so|yet|then|while|as)$/.test(w)) return false;
  return PRE_CUE.has(w) || /^(?:they|we|you)$/.test(w) || isCapitalised(tk.word(j - 1)) || (/[a-z]s$/.test(w) && !/^(?:this|his|its|us|as|thus)$/.test(w));
};

// A time right before the verb after a name or a pronoun ("X (D-Calif.) last week said", "she on Tuesday told"): two
// words, neither the speaker's. After a common noun PolNeAR keeps it in the source ("a poll released last week found").
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
function timeBefore(tk: Tokens, lo: number, j: number): boolean {
  if (j - 2 < lo || !(tk.word(j - 2) === ")" || PRONOUNS.has(tk.low(j - 2)) || (tk.isWord(j - 2) && isCapitalised(tk.word(j - 2))))) return false;
  if (!((tk.low(j - 1) === "on" && WEEKDAY.test(tk.low(j))) || (/^(?:last|this)$/.test(tk.low(j - 1)) && /^(?:week|month|year|weekend)$/.test(tk.low(j))))) return false;
  // (the time of a reduced relative is the source's too: "a study released by the Labor Department last week found")
  for (let k = j - 3; k >= lo && k >= j - 10; k--) if (REDUCED.has(tk.low(k))) return false;
  return true;
}

/**
 * The speaker phrase ending just before token `cue` (skipping auxiliaries and adverbs), within
 * tokens [lo, cue). Handles apposition: "Jane Doe, a senior fellow at X, says" → "Jane Doe".
 */
export function speakerBefore(tk: Tokens, text: string, lo: number, cue: number): SpeakerNP | undefined {
  let j = cue - 1;
  if (timeBefore(tk, lo, j)) j -= 2;
  // (a capitalised "May" after a name is the name's: "Theresa May said")
  // (in a title-case headline the adverb is capitalised too: "Rick Doe Just Announced …")
  const titled = isCapitalised(tk.word(cue));
  while (j >= lo && ((titled && TITLE_ADVERB.test(tk.low(j))) || ((PRE_CUE.has(tk.low(j)) || (SINCE_LONG.test(tk.low(j)) && j > lo && PERFECT.test(tk.low(j - 1))) || floating(tk, lo, j) || (/ly$/.test(tk.low(j)) && !isCapitalised(tk.word(j)) && tk.low(j).length > 4 && !LY_NOUN.has(tk.low(j)))) &&
    !(isCapitalised(tk.word(j)) && j > lo && tk.isWord(j - 1) && isCapitalised(tk.word(j - 1)))))) {
    j--;
  }
  // "did not say", "hasn't commented on": the negation is the cue's (indirect-quotes.ts, negatedCue), and
  // the subject stands before it ("no" and "hardly" still refuse the reading below)
  while (j >= lo && (NOT_WORD.test(tk.low(j)) || NEGATED_AUX.test(tk.low(j)))) {
    j--;
    while (j >= lo && PRE_CUE.has(tk.low(j))) j--;
  }
  if (j >= lo && NEGATION.has(tk.low(j))) return undefined;
  if (j < lo) return undefined;
  // "…, arguing that", "…, even suggesting": a participle after a comma takes the sentence's subject (the callers'
  // to find), not the noun phrase the comma closes ("… in Tulsa, Oklahoma, arguing")
  // (a progressive is no participle clause: "Marco Rubio, speaking at a rally, is criticizing …")
  let participle = /[a-z]ing$/.test(tk.word(cue));
  for (let k = j + 1; participle && k < cue; k++) if (BE_FORM.has(tk.low(k))) participle = false;
  if (j > lo && tk.word(j) === "," && participle) return undefined;
  // "sent a letter to the board urging", "issued a statement calling", "perhaps recognizing": before a participle, a
  // preposition's object, a medium or an adverb is not who speaks; the callers take the clause's subject instead
  // (a noun that can do the showing stays: "after video surfaced showing", "has skittish Democrats contemplating")
  if (participle && tk.word(j) !== ")") {
    const np = scanBack(tk, text, lo, j + 1);
    if (!np) return undefined;
    const one = np.to - np.from === 1 && !isCapitalised(tk.word(np.from)) && !np.pronoun;
    if ((np.from > lo && PARTICIPLE_OBJECT_OF.has(tk.low(np.from - 1))) || MEDIUM_NOUN.has(tk.low(np.to - 1)) ||
      (one && (/(?:ly|ed)$/.test(tk.low(np.from)) || tk.finite(np.from) || NOT_AGENT.has(tk.low(np.from))))) return undefined;
    return np;
  }
  // a short parenthesis after the name: "Rep. Jane Doe (D-Wis.) said" (it belongs to the mention)
  if (tk.word(j) === ")") {
    let k = j - 1;
    while (k >= lo && j - k < 8 && tk.word(k) !== "(") k--;
    if (k >= lo && tk.word(k) === "(" && k > lo) {
      const np = scanBack(tk, text, lo, k);
      if (np) np.span = [np.span[0], tk.end(j)];
      return np;
    }
  }
  // 'Ann Lee, host of "Morning Show," said': the apposition's comma sits inside a quoted title's closing mark
  const title = quotedTitleBefore(tk, lo, j);
  if (title >= 0) j--;
  if (tk.word(j) === "," ) {
    // apposition: ", <descriptor>," right before the cue; the name sits before the first comma
    let commas = 0;
    let right = j;
    for (let k = j - 1; k >= lo && k >= j - 60; k--) {
      if (k === title) continue;
      if (tk.word(k) === ",") {
        commas++;
        // "The chief executive, Tom Reyes, wrote": the name is between the commas
        if (commas === 1) {
          const between = scanBack(tk, text, k + 1, right);
          // (not a party and state tag: "Mitch McConnell, R-Ky., said")
          // (nor a state's abbreviation after a town: "of Springfield, Va., said")
          // (a name with "of" only after a lower-case description: "Another analyst, Paul Greer of Denver University", not
          // "Senator Jane Doe, Democrat of Ohio")
          const withOf = between && !allCapitalised(tk, between.from, between.to);
          if (between && between.from === k + 1 && nameWithPlace(tk, between.from, between.to) && !PARTY_TAG.test(text.slice(between.span[0], between.span[1])) &&
            !(withOf && !lowerDescription(tk, text, lo, k)) && !townState(tk, text, k, between) &&
            !(between.to - between.from === 2 && tk.word(between.to - 1) === "." && tk.low(k - 2) === "of")) {
            // the description opening the clause is part of the mention as written ("The state's campaign chairman, Phil
            // Lovas"); the name stays the name
            const description = scanBack(tk, text, lo, k);
            if (description && !description.pronoun && !allCapitalised(tk, description.from, description.to) && (opensClause(tk, lo, description.from) || afterSubordinator(tk, lo, description.from))) {
              between.span = [description.span[0], between.span[1]];
            } else {
              // ("One of his advisers, Tad Devine,", "Another delegate on the slate, Jo Li,": a description with its own
              // "of" or place phrase, which the noun-phrase reader stops inside, opening the clause)
              const wide = describingClauseStart(tk, lo, k);
              if (wide !== undefined) between.span = [tk.start(wide), between.span[1]];
            }
            return personBeforeOf(tk, text, between);
          }
        }
        // "Ohio's treasurer, Dan Reyes, a Democrat, said": a description opening the clause, the name, then its
        // apposition; the mention as written runs from the description to the apposition, the name stays the name
        if (commas === 2) {
          const named = scanBack(tk, text, k + 1, right);
          const description = named && named.from === k + 1 && allCapitalised(tk, named.from, named.to) && !PARTY_TAG.test(text.slice(named.span[0], named.span[1])) ? scanBack(tk, text, lo, k) : undefined;
          if (named && description && !description.pronoun && !allCapitalised(tk, description.from, description.to) && opensClause(tk, lo, description.from)) {
            // (an aside is not the mention's: "The firm's chief executive, Ann Ruiz, of course, said")
            if (ASIDE_SEGMENT.test(text.slice(tk.start(right + 1), tk.end(j - 1)))) return { ...named, from: description.from, span: [description.span[0], named.span[1]] };
            if (appositionAt(tk, right + 1, j)) return { ...named, from: description.from, to: j, span: [description.span[0], tk.end(j - 1)] };
          }
        }
        // the name opens the clause: at the start, or after a quotation, a colon or a conjunction
        const np = withParenthesis(tk, text, lo, k);
        // ("Even China, its only ally, said": a focus word may open the clause before the name)
        // ("As Ann Ruiz, a professor of law, put it": after the subordinator of a clause of its own, not "such as")
        const opens = np && (np.from === lo || /^(?:["“”'’:;(]|and|but)$/.test(tk.low(np.from - 1)) || isQuoteChar(tk.word(np.from - 1)) ||
          (tk.low(np.from - 1) === "as" && !(np.from - 2 >= lo && /^(?:such|well|just|so)$/.test(tk.low(np.from - 2)))) ||
          (np.from - 1 === lo && /^(?:even|also|only|now|so|then|meanwhile)$/.test(tk.low(lo))) ||
          // "In his response, Steve Coll, the dean of the school, said": after a fronted adjunct and its comma
          (tk.word(np.from - 1) === "," && frontedAdjunct(tk, lo, np.from - 1)));
        if (np && opens && (np.pronoun || isCapitalised(tk.word(np.to - 1)))) return np;
        if (commas >= 5) return undefined;
        right = k;
        continue;
      }
      // (a dot before a comma ends an abbreviation, not a sentence: "Johnnie Wilson, of Springfield, Va., said")
      if (tk.word(k) === "." && !isTitleDot(tk, k) && tk.word(k + 1) !== ",") break;
      if (tk.word(k) === ";" || /^["“”]$/.test(tk.word(k))) break;
    }
    return undefined;
  }
  // ("a poll released in late August found": a time ends the words before the cue, which name nobody themselves)
  const np = scanBack(tk, text, lo, j + 1);
  // "Mona Reed of Tulsa, Oklahoma says": the state after a town is the mention's end, the person before it the speaker
  if (np && np.from - 1 > lo && tk.word(np.from - 1) === "," && townState(tk, text, np.from - 1, np)) {
    const head = scanBack(tk, text, lo, np.from - 1);
    if (head && !head.pronoun && head.to - head.from > 2) return personBeforeOf(tk, text, { ...head, to: np.to, span: [head.span[0], np.span[1]] });
  }
  return np ?? reducedRelative(tk, text, lo, j + 1) ?? contactRelative(tk, text, lo, j + 1) ?? shareOfTen(tk, text, lo, j + 1) ?? percentShare(tk, text, lo, j + 1);
}

// The longest description before a name's comma that describingClauseStart reads (tokens).
const DESCRIPTION_MAX = 12;
const DESCRIPTION_OPENER = /^(?:one|two|three|another|a|an|the|his|her|their|its|our|my|your)$/;
const DESCRIPTION_STOP = /^(?:who|whom|whose|which|that|said|says|told|according|when|while|if|because|as|than|i|he|she|we|they|you|it|him|them|us|me)$/;

/**
 * The first token of a description that opens the clause and ends at the comma at `comma` ("One of his advisers",
 * "Another delegate not on the slate"): a determiner, a possessive or a small number first, no verb or clause word
 * inside; else undefined.
 */
function describingClauseStart(tk: Tokens, lo: number, comma: number): number | undefined {
  let s = comma - 1;
  const inside = (t: number): boolean =>
    !tk.isPunct(t) || isTitleDot(tk, t) || tk.word(t) === "-" || tk.low(t) === "'s" || tk.low(t) === "’s" ||
    ((tk.word(t) === "'" || tk.word(t) === "’") && t > lo && tk.end(t - 1) === tk.start(t) && tk.isWord(t - 1));
  while (s >= lo && comma - s <= DESCRIPTION_MAX && inside(s)) s--;
  if (comma - s > DESCRIPTION_MAX) return undefined;
  // (the clause starts at the range's start, after a quotation mark or a colon, or after a conjunction opening it)
  if (s >= lo && !/^(?:["“”:;(]|—|–)$/.test(tk.word(s)) && !isQuoteChar(tk.word(s))) return undefined;
  s++;
  while (s < comma && /^(?:but|and|yet|so)$/.test(tk.low(s))) s++;
  if (comma - s < 2 || !DESCRIPTION_OPENER.test(tk.low(s))) return undefined;
  for (let t = s; t < comma; t++) {
    const w = tk.low(t);
    // (a plural's possessive mark is written onto its word: "The Democrats’ leading candidate")
    const mark = (w === "'" || w === "’") && t > s && tk.end(t - 1) === tk.start(t);
    if (!tk.isWord(t) && !isTitleDot(tk, t) && w !== "'s" && w !== "’s" && w !== "-" && !mark) return undefined;
    // (a past form after a noun makes the words a clause, "The lawyers argued in court"; after a determiner or a
    // possessive it is an adjective, "the retired judge")
    const noun = DETERMINERS.has(tk.low(t - 1)) || tk.low(t - 1) === "'s" || tk.low(t - 1) === "’s";
    if (DESCRIPTION_STOP.test(w) || AUXILIARY.test(w) || (/[a-z]ed$/.test(w) && tk.finite(t) && !noun)) return undefined;
  }
  return s;
}

const TITLE_MAX = 8;
/**
 * The opening mark of a quoted title whose closing mark is token j with the apposition's comma inside it ('host of
 * "Morning Show," said', 'author of "The Long Road," argued'), or -1. A title: a few words opening with a capital,
 * no sentence inside, after a lower-case word of the description (not after a comma or at the clause start, where a
 * quotation would be what was said).
 */
function quotedTitleBefore(tk: Tokens, lo: number, j: number): number {
  if (j - 2 <= lo || !isQuoteChar(tk.word(j)) || tk.word(j - 1) !== ",") return -1;
  for (let k = j - 2; k > lo && j - k <= TITLE_MAX + 1; k--) {
    const w = tk.word(k);
    if (isQuoteChar(w)) {
      const before = tk.low(k - 1);
      return k + 1 < j - 1 && isCapitalised(tk.word(k + 1)) && /^[a-z]/.test(before) && tk.isWord(k - 1) ? k : -1;
    }
    if (w === "." || w === "?" || w === "!" || w === "," || w === ";" || w === ":") return -1;
  }
  return -1;
}

const SMALL_NUMBER = /^(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)$/;
/**
 * "more than 4 in 10 said", "Six in 10 say": a poll's share written as N in M (or "N out of M") is the subject, with
 * its hedge; the phrase before the cue is the share's second number alone, which names nobody by itself. Where the
 * share starts is the quantified subject's rule (attribution/quantified-subject.ts), which wants it to open a clause.
 */
function shareOfTen(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  const last = end - 1;
  if (last - 2 < lo || !SMALL_NUMBER.test(tk.low(last)) || !/^(?:in|of)$/.test(tk.low(last - 1))) return undefined;
  const at = quantifiedStart(text, tk.start(lo), tk.start(last));
  if (at === undefined) return undefined;
  const span: Span = [at, tk.end(last)];
  return { from: tk.at(at), to: end, span, name: text.slice(span[0], span[1]), nameSpan: span, pronoun: false };
}

/**
 * "42% say …", "and about 26% said …": a poll's share written with a percent sign is the subject (the sign is
 * punctuation, where no noun phrase is read); it must open its clause, with its hedge (quantified-subject.ts).
 */
function percentShare(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  const last = end - 1;
  if (last - 1 < lo || tk.word(last) !== "%" || tk.t.kind[last - 1] !== 2) return undefined;
  const at = quantifiedStart(text, tk.start(lo), tk.start(end));
  if (at === undefined || at > tk.start(last - 1)) return undefined;
  const span: Span = [at, tk.end(last)];
  return { from: tk.at(at), to: end, span, name: text.slice(span[0], span[1]), nameSpan: span, pronoun: false };
}

/**
 * "all the experts I interviewed said …": a relative clause without its pronoun (a subject pronoun and a past verb)
 * ends right before the cue; the noun phrase before it is the source, the clause part of the mention as written.
 */
function contactRelative(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  const v = end - 1;
  if (v - 2 < lo || !/^[a-z]{3,}ed$/.test(tk.word(v)) || !/^(?:i|we|he|she|they|you)$/.test(tk.low(v - 1))) return undefined;
  const head = scanBack(tk, text, lo, v - 1);
  if (!head || head.pronoun || head.to !== v - 1 || !/[a-z]s$/.test(tk.low(head.to - 1))) return undefined;
  // ("all the experts": a quantifier before the determiner is the phrase's)
  const from = head.from - 1 >= lo && /^(?:all|most|many|some|both|half)$/.test(tk.low(head.from - 1)) ? head.from - 1 : head.from;
  return { ...head, from, to: end, span: [tk.start(from), tk.end(v)] };
}

// Participles that open a reduced relative after a report's noun ("a poll released in late August", "research conducted by X").
const REDUCED = new Set("released published conducted commissioned issued sponsored funded compiled prepared obtained carried polled surveyed interviewed questioned sampled".split(" "));
const REDUCED_MAX = 10;
/** A participle that opens a reduced relative after a report's noun ("released", "conducted") or a poll's people ("voters polled"). */
export const isReducedParticiple = (w: string): boolean => REDUCED.has(w);

/**
 * "A Quinnipiac University poll released in late August found …", "research conducted by the Center for X found …": the
 * noun phrase before a reduced relative that ends right before the cue (at `end`), with the relative, is the source
 * (PolNeAR train keeps the relative: "New polls released Sunday showed", 13 of 14 such sources); the name stays the
 * noun phrase's. Undefined when the words before the cue hold no such participle after a noun.
 */
function reducedRelative(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  for (let p = end - 1; p > lo && end - p <= REDUCED_MAX; p--) {
    const w = tk.low(p);
    if (tk.isPunct(p) && !isTitleDot(tk, p) && w !== "-") return undefined;
    if (NP_STOP.has(w) && !NP_LINK.has(w) && !/^(?:in|on|at|last|this|early|late|during)$/.test(w)) return undefined;
    if (!REDUCED.has(w)) continue;
    const head = scanBack(tk, text, lo, p);
    // (a capitalised word before the participle is a name, unless it is a group's plural after a lower-case or
    // sentence-initial word: "Many Cuban-Americans polled said", "Most Democrats surveyed say")
    if (!head || head.pronoun || (isCapitalised(tk.word(p - 1)) && !capitalisedPlural(tk, lo, p - 1)) || p - 1 === lo) return undefined;
    return { ...head, to: end, span: [head.span[0], tk.end(end - 1)] };
  }
  return undefined;
}

/** A capitalised plural at k that names a group, not a person: "Democrats", "Cuban-Americans", after no other name word. */
const capitalisedPlural = (tk: Tokens, lo: number, k: number): boolean =>
  /[a-z]s$/.test(tk.word(k)) && k > lo && (!isCapitalised(tk.word(k - 1)) || GROUP_LEAD.test(tk.low(k - 1)));
const GROUP_LEAD = /^(?:many|most|some|all|few|several|the|these|those|other|both)$/;

const BE_FORM = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m"]);
// Words that open an adjunct written before the subject ("In a letter,", "On Tuesday,", "Speaking to reporters,").
const ADJUNCT_OPENER = new Set(
  ("in on at after during before since for with from by under over amid despite following like unlike as when while once " +
    "although though because if speaking asked writing last earlier later yesterday today meanwhile however still also instead separately").split(" "),
);
const ADJUNCT_MAX = 14;

/** Whether the words from lo up to the comma at `comma` are one adjunct fronted before the subject (no comma inside). */
export function frontedAdjunct(tk: Tokens, lo: number, comma: number): boolean {
  // (after a conjunction linking the sentence to the one before: "And on Tuesday, …")
  if (lo + 1 < comma && /^(?:and|but|so|yet)$/.test(tk.low(lo))) lo++;
  if (comma - lo < 1 || comma - lo > ADJUNCT_MAX || !ADJUNCT_OPENER.has(tk.low(lo))) return false;
  for (let k = lo; k < comma; k++) if (tk.isPunct(k) && !isTitleDot(tk, k) && tk.word(k) !== "-" && tk.word(k) !== "'s") return false;
  return true;
}
// Before a participle cue: prepositions whose object is not the participle's subject, media that carry words rather
// than say them, and single words that name nobody.
const PARTICIPLE_OBJECT_OF = new Set("to in at on from of for into onto about over under through".split(" "));
const MEDIUM_NOUN = new Set(
  "letter letters statement statements conference conferences speech speeches interview interviews release memo email emails op-ed tweet tweets post posts message messages note resolution ad ads advertisement remarks briefing address filing lawsuit complaint petition paper"
    .split(" "),
);
const NOT_AGENT = new Set("perhaps maybe despite even instead rather worse better still too".split(" "));

// Words that open a subordinate clause whose subject follows them ("When | the F.B.I. director, Jane Doe, said …").
const SUBJECT_OPENER = /^(?:when|as|while|after|before|since|because|although|though|if|once|until|that|what|whom)$/;
/** Token `from` opens a subordinate clause: right after its subordinator or complementiser. */
const afterSubordinator = (tk: Tokens, lo: number, from: number): boolean => from > lo && SUBJECT_OPENER.test(tk.low(from - 1));

/** Token `from` opens a clause: the range start, or after punctuation, a quotation mark or a conjunction. */
const opensClause = (tk: Tokens, lo: number, from: number): boolean =>
  from === lo || tk.isPunct(from - 1) || isQuoteChar(tk.word(from - 1)) || /^(?:and|but)$/.test(tk.low(from - 1));

/** The noun phrase ending before token `end`, with a short parenthesis after it ("Rep. Jane Doe (D-Wis.)"). */
function withParenthesis(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  const j = end - 1;
  if (j > lo && tk.word(j) === ")") {
    let k = j - 1;
    while (k >= lo && j - k < 8 && tk.word(k) !== "(") k--;
    if (k > lo && tk.word(k) === "(") {
      const np = scanBack(tk, text, lo, k);
      if (np) np.span = [np.span[0], tk.end(j)];
      return np;
    }
  }
  return scanBack(tk, text, lo, end);
}

// "R-Ky.", "D-Calif.", "I-Vt.": a legislator's party and state after the name
const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z]*\.?$/;

// Sentence asides set off by commas, no part of a mention ("X, of course, said").
const ASIDE_SEGMENT = /^(?:of course|however|though|too|in fact|indeed|meanwhile|also|then|instead|again|for example|for instance|for (?:his|her|its|their) part)$/i;

// US states as newspapers write them after a town ("from Dayton, Ohio", "of Tulsa, Okla.")
const US_STATE = new RegExp(
  "^(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|" +
    "Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|" +
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|" +
    "Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|" +
    "Mont|Neb|Nev|N\\.[HJMYCD]|Okla|Ore|Pa|R\\.I|S\\.[CD]|Tenn|Tex|Vt|Va|Wash|W\\.Va|Wis|Wyo)\\.?$",
);

/** "from Dayton, | Ohio |, says": the words after the comma at `comma` are the state of a town after "of", "from" or "in". */
function townState(tk: Tokens, text: string, comma: number, np: SpeakerNP): boolean {
  return US_STATE.test(text.slice(np.span[0], np.span[1])) && comma - 2 >= 0 && isCapitalised(tk.word(comma - 1)) &&
    /^(?:of|from|in)$/.test(tk.low(comma - 2));
}

/** "Paul Greer of Denver University", "Mona Reed of Tulsa": the capitalised name before "of" is the person named. */
function personBeforeOf(tk: Tokens, text: string, np: SpeakerNP): SpeakerNP {
  for (let i = np.from + 1; i < np.to - 1; i++) {
    if (tk.low(i) !== "of") continue;
    let a = i;
    while (a > np.from && (isCapitalised(tk.word(a - 1)) || isTitleDot(tk, a - 1))) a--;
    if (a < i && isCapitalised(tk.word(i - 1))) {
      np.nameSpan = [tk.start(a), tk.end(i - 1)];
      np.name = text.slice(np.nameSpan[0], np.nameSpan[1]);
    }
    break;
  }
  return np;
}

/** The noun phrase ending before the comma at `comma` is a lower-case description opening the clause ("Another analyst"). */
function lowerDescription(tk: Tokens, text: string, lo: number, comma: number): boolean {
  const d = scanBack(tk, text, lo, comma);
  return !!d && !d.pronoun && !isCapitalised(tk.word(d.to - 1)) && opensClause(tk, lo, d.from);
}

/** A name, perhaps with its place or body after "of" ("Paul Greer of Denver University"): capitalised words linked by "of". */
function nameWithPlace(tk: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (tk.low(i) === "of" && i > from && i + 1 < to && isCapitalised(tk.word(i - 1)) && isCapitalised(tk.word(i + 1))) continue;
    if (!isCapitalised(tk.word(i)) && tk.word(i) !== "." && tk.low(i) !== "-") return false;
  }
  return true;
}

function allCapitalised(tk: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isCapitalised(tk.word(i)) && tk.word(i) !== "." && tk.low(i) !== "-") return false;
  return true;
}

const QUANTIFIED_WHOM = /^(?:many|most|some|all|both|several|few|none|half|one|two|three|each)$/;

/**
 * An -ed or -ing word at token j that modifies the noun after it: a hyphenated compound, or one right after a determiner
 * or a possessive, perhaps past a name, "own" or an adverb ("the department's own published guidelines", "a Reuters
 * rolling poll"); not after a lower-case noun, where it is a verb ("The police fired tear gas").
 */
function participleAdjective(tk: Tokens, lo: number, j: number): boolean {
  if (tk.word(j).includes("-")) return true;
  let k = j - 1;
  while (k >= lo && j - k <= 3 && tk.isWord(k) && (isCapitalised(tk.word(k)) || tk.low(k) === "own" || /^[a-z]{3,}ly$/.test(tk.low(k))) && !DETERMINERS.has(tk.low(k))) k--;
  if (k < lo) return false;
  const before = tk.low(k);
  return (DETERMINERS.has(before) && before !== "that" && before !== "no") || before === "'s" || before === "’s";
}

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/;
/** Token j is a capital letter with its full stop between two capitalised words ("James A. Lewis"). */
function middleInitial(tk: Tokens, lo: number, j: number): boolean {
  return /^\p{Lu}$/u.test(tk.word(j)) && j > lo && isCapitalised(tk.word(j - 1)) && tk.isWord(j - 1) && j + 2 < tk.count && tk.word(j + 1) === "." && isCapitalised(tk.word(j + 2));
}

function scanBack(tk: Tokens, text: string, lo: number, end: number): SpeakerNP | undefined {
  const last = end - 1;
  if (last < lo) return undefined;
  // "family members of victims, many of whom say …": the quantified relative is the mention, the noun before it whom it names
  if (tk.low(last) === "whom" && last - 3 > lo && tk.low(last - 1) === "of" && QUANTIFIED_WHOM.test(tk.low(last - 2)) && tk.word(last - 3) === ",") {
    const antecedent = scanBack(tk, text, lo, last - 3);
    const mention = makeNP(tk, text, last - 2, end);
    if (antecedent && mention && !antecedent.pronoun) return { ...mention, name: antecedent.name, nameSpan: antecedent.nameSpan, pronoun: false };
    return undefined;
  }
  // "X, who said …": the relative pronoun is the mention, X whom it names
  if (tk.low(last) === "who" && last - 1 > lo && tk.word(last - 1) === ",") {
    let antecedent = scanBack(tk, text, lo, last - 1);
    // "Carl Benson, a contractor, who said": the name before the description
    if (antecedent && DETERMINERS.has(tk.low(antecedent.from)) && antecedent.from - 1 > lo && tk.word(antecedent.from - 1) === ",") {
      const name = scanBack(tk, text, lo, antecedent.from - 1);
      if (name && isCapitalised(tk.word(name.to - 1))) antecedent = name;
    }
    const who = makeNP(tk, text, last, end);
    if (antecedent && who && !antecedent.pronoun && tk.low(antecedent.from) !== "who") {
      return { ...who, name: antecedent.name, nameSpan: antecedent.nameSpan, pronoun: false };
    }
    return undefined;
  }
  // "listeners who said …", "a staffer who told …": a restrictive relative names the noun right before it
  if (tk.low(last) === "who" && last - 1 >= lo && tk.isWord(last - 1) && !NP_STOP.has(tk.low(last - 1)) && !PRONOUNS.has(tk.low(last - 1))) {
    // the antecedent is the short noun phrase right before it ("calls from listeners who": "listeners"), not a clause
    let a = last;
    while (a - 1 >= lo && last - a < 4 && tk.isWord(a - 1) && !NP_STOP.has(tk.low(a - 1)) && !NP_LINK.has(tk.low(a - 1)) && !DETERMINERS.has(tk.low(a - 1)) &&
      !PRONOUNS.has(tk.low(a - 1)) && !tk.finite(a - 1) && !tk.cue(a - 1)) a--;
    if (a - 1 >= lo && DETERMINERS.has(tk.low(a - 1))) a--;
    const antecedent = makeNP(tk, text, a, last);
    const who = makeNP(tk, text, last, end);
    if (antecedent && who && !antecedent.pronoun) return { ...who, name: antecedent.name, nameSpan: antecedent.nameSpan, pronoun: false };
    return undefined;
  }
  // "18% who say …", "four in 10 who said …": a poll's share names the group its "who" clause describes
  if (tk.low(last) === "who" && last - 1 >= lo && (tk.word(last - 1) === "%" || tk.t.kind[last - 1] === 2)) {
    let a = last - 1;
    while (a - 1 >= lo && last - a < 5 && (tk.t.kind[a - 1] === 2 || /^(?:in|of|out)$/.test(tk.low(a - 1)) || NUMBER_WORD.test(tk.low(a - 1)))) a--;
    // (the share opens with a number: "four in 10", "18 %", not "in 10")
    while (a < last - 1 && !(tk.t.kind[a] === 2 || NUMBER_WORD.test(tk.low(a)))) a++;
    const who = makeNP(tk, text, last, end);
    if (who) return { ...who, name: text.slice(tk.start(a), tk.end(last - 1)), nameSpan: [tk.start(a), tk.end(last - 1)], pronoun: false };
    return undefined;
  }
  if (PRONOUNS.has(tk.low(last)) && tk.low(last) !== "who") return makeNP(tk, text, last, end);
  // a participle is no speaker ("video has surfaced, showing …")
  if (!isCapitalised(tk.word(last)) && /[a-z](?:ed|ing)$/.test(tk.low(last))) return undefined;
  let j = last;
  let from = end;
  while (j >= lo && end - j <= 10) {
    const w = tk.word(j);
    const l = tk.low(j);
    // (a plural's possessive mark is written onto its word, "voters' "; a doubled one, '' Mr. Lee said', closes a quotation)
    if (l === "'s" || (l === "'" && j > lo && tk.isWord(j - 1) && tk.end(j - 1) === tk.start(j) && !(j + 1 < tk.count && tk.word(j + 1) === "'" && tk.start(j + 1) === tk.end(j)))) {
      from = j;
      j--;
      continue;
    }
    if (tk.isPunct(j) && w !== "-" && !isTitleDot(tk, j)) break;
    // (a middle initial is no article: "James A. Lewis", "Samuel A. Alito")
    if (DETERMINERS.has(l) && !middleInitial(tk, lo, j)) {
      // "reasons that Trump refuses": "that" before a name is a complementiser, not a determiner
      // (nor before a plural: "a gap that experts say …", "information that officials said …" is a relative clause's)
      if (l === "that" && from < end && (isCapitalised(tk.word(from)) || /[^s']s$/.test(tk.low(end - 1)))) break;
      // "some say", "but most believe": a quantifier alone is the subject (after a clause boundary, not "at some")
      if (from === end && j === last && QUANTIFIER_SUBJECT.has(l) && (j === lo || tk.isPunct(j - 1) || /^(?:but|and|yet|while|though|although)$/.test(tk.low(j - 1)))) {
        from = j;
        break;
      }
      if (from < end) from = j;
      // a determiner inside a name ("the Committee for a Responsible Federal Budget") does not end it
      if (from < end && j - 2 >= lo && NP_LINK.has(tk.low(j - 1)) && isCapitalised(tk.word(j - 2)) && isCapitalised(tk.word(j + 1))) {
        j--;
        continue;
      }
      // "attorneys for the family said", "a spokesman for the campaign said": a head noun before "for/of/at the …"
      // (a plain noun: no verb form, no clause word, and the phrase opens the clause after a comma or at its start)
      if (from < end && j - 2 >= lo && /^(?:for|of|at|with)$/.test(tk.low(j - 1)) && tk.isWord(j - 2) && !isCapitalised(tk.word(j - 2)) &&
        !NP_STOP.has(tk.low(j - 2)) && !DETERMINERS.has(tk.low(j - 2)) && !tk.finite(j - 2) && !tk.cue(j - 2) && !/(?:ed|ing|ly)$/.test(tk.low(j - 2))) {
        const head = j - 2;
        const det = head - 1 >= lo && /^(?:a|an|the|one|two|three|several|some|many|most)$/.test(tk.low(head - 1)) ? head - 1 : head;
        if (det === lo || (det > lo && /^[,;:"“”(]$/.test(tk.word(det - 1)))) {
          from = det;
          break;
        }
      }
      break;
    }
    // "Commission on Presidential Debates", "Board on Professional Responsibility": a preposition between capitals
    if ((l === "on" || l === "in") && from < end && j > lo && isCapitalised(tk.word(j + 1)) && isCapitalised(tk.word(j - 1)) && tk.isWord(j - 1) && !NP_STOP.has(tk.low(j - 1))) {
      j--;
      continue;
    }
    // "Mr. Grassley and Mr. Leahy", "Regulators and environmental groups": coordinated subjects that open the clause
    if (l === "and" && from < end && j > lo && tk.isWord(j - 1) && !NP_STOP.has(tk.low(j - 1)) && !DETERMINERS.has(tk.low(j - 1))) {
      const left = scanBack(tk, text, lo, j);
      if (left && !left.pronoun && (left.from === lo || tk.isPunct(left.from - 1) || NP_STOP.has(tk.low(left.from - 1)))) from = left.from;
      break;
    }
    if (NP_LINK.has(l)) {
      // "the head of the agency": keep going only when a noun phrase precedes the link word
      if (from < end && j > lo && !tk.isPunct(j - 1) && !NP_STOP.has(tk.low(j - 1)) && !(/ed$/.test(tk.low(j - 1)) && tk.finite(j - 1))) {
        j--;
        continue;
      }
      break;
    }
    // (a capitalised "May" after a capitalised word is a name's: "Theresa May")
    if ((NP_STOP.has(l) || PRONOUNS.has(l)) && !(l === "may" && isCapitalised(w) && j > lo && isCapitalised(tk.word(j - 1)))) break;
    if (!isCapitalised(w) && tk.t.kind[j] === 1) {
      // a cue or another verb form ends the phrase ("…officials warned investors said")
      // (after a determiner or a possessive it is the head noun: "the report said", "the group's statement said")
      const cv = cueVerb(l);
      // (nor right before the cue: a verb cannot stand there, "the new report said", "a Justice Department report found")
      if (cv && cv.rate >= 0.3 && !/s$/.test(l) && j < last && !(j > lo && (DETERMINERS.has(tk.low(j - 1)) || tk.low(j - 1) === "'s"))) break;
      // (an adjective so formed stays: a compound, "the self-described socialist", or one right after a determiner or a
      // possessive, "the department's published guidelines", "a rolling poll")
      if (/(?:ed|ing)$/.test(l) && (l.length > 5 || finiteForm(l)) && j < last && !participleAdjective(tk, lo, j)) break;
    }
    from = j;
    j--;
  }
  // never start on a link word
  while (from < end && NP_LINK.has(tk.low(from))) from++;
  return makeNP(tk, text, from, end);
}

/**
 * The name or pronoun that opens the clause [lo, hi) as its subject, and the index of its verb: "Trump attacked …",
 * "Clinton, the former secretary of state, stressed …", "Roy Cooper (D), the attorney general, called …". A fronted
 * adjunct closed by a comma is passed over ("On Thursday, however, Trump spoke …", "Meanwhile, it attacked …"), and so
 * is an opening connective ("But the governor vetoed …"); `lower`: a clause inside a sentence, whose subject may open
 * lower-case ("… when the mayor addressed …").
 */
export function clauseSubject(tk: Tokens, text: string, lo: number, hi: number, lower = false): { np: SpeakerNP; verb: number } | undefined {
  let from = lo;
  // "But he focused …", "And even Obama tried …", "Then she shattered …": a connective opening the sentence is no subject
  while (from < hi && from - lo < 2 && LEADING_CONNECTIVE.test(tk.low(from)) && tk.isWord(from + 1)) from++;
  for (let tries = 0; tries < 3 && from < hi; tries++) {
    const found = subjectAt(tk, text, from, hi, lower || from > lo) ?? afterTimeAdjunct(tk, text, from, hi);
    if (found) return found;
    // past the next comma (a fronted adjunct is short), never past a quotation or a clause stop
    let k = from;
    while (k < hi && k - from < 20 && tk.word(k) !== "," && tk.word(k) !== ";" && !isQuoteChar(tk.word(k))) k++;
    if (k >= hi || tk.word(k) !== ",") return undefined;
    from = k + 1;
  }
  return undefined;
}

// A time at the end of a fronted adjunct written without its comma ("On Sunday morning | Mr. Trump made …", "In 2015 | Clinton …").
const ADJUNCT_OPENING = /^(?:on|in|at|during|after|before|since|by|early|late|last|this)$/;
const TIME_END = /^(?:\d{1,4}|morning|afternoon|evening|night|day|week|weekend|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** The subject after a short fronted adjunct that opens with a preposition and ends with a time, without a comma. */
function afterTimeAdjunct(tk: Tokens, text: string, from: number, hi: number): { np: SpeakerNP; verb: number } | undefined {
  if (!ADJUNCT_OPENING.test(tk.low(from))) return undefined;
  for (let k = from + 2; k < hi && k <= from + 5; k++) {
    if (!tk.isWord(k - 1)) return undefined;
    if (TIME_END.test(tk.low(k - 1)) && tk.isWord(k) && (isCapitalised(tk.word(k)) || PRONOUNS.has(tk.low(k)))) return subjectAt(tk, text, k, hi, false);
  }
  return undefined;
}

// Connectives and adverbs that may open a sentence before its subject, without a comma.
const LEADING_CONNECTIVE = /^(?:but|and|yet|so|then|still|even|also|now|instead|meanwhile|later|thus)$/;

// Words that open an aside rather than an apposition (", speaking to …", ", like Obama,", ", in particular,").
const ASIDE_OPENING = /^(?:[a-z]+ing|[a-z]+ly|in|on|at|like|unlike|as|for|with|after|before|during|despite|often|too|however|though|meanwhile|then|now|again|and|but|or|who|which|that)$/;

/** Tokens [a, b) are an apposition: a noun phrase, not an aside or a clause. */
function appositionAt(tk: Tokens, a: number, b: number): boolean {
  if (ASIDE_OPENING.test(tk.low(a))) return false;
  for (let k = a; k < b; k++) if (FINITE.has(tk.low(k)) || (k > a && tk.finite(k) && !isCapitalised(tk.word(k)) && !/s$/.test(tk.low(k)))) return false;
  return true;
}

/** Widens a noun phrase to end before token `to`; a name that was the whole phrase grows with it. */
function widenNP(tk: Tokens, text: string, np: SpeakerNP, to: number): void {
  const whole = np.nameSpan[0] === np.span[0] && np.nameSpan[1] === np.span[1];
  np.span = [np.span[0], tk.end(to - 1)];
  np.to = to;
  if (whole) {
    np.nameSpan = np.span;
    np.name = text.slice(np.span[0], np.span[1]);
  }
}

// Irregular past forms the finite list lacks, none of them also a common noun or adjective ("The senator went further,
// arguing …": the subject's verb).
const IRREGULAR_PAST = /^(?:went|came|took|made|gave|got|sent|held|kept|brought|began|spoke|stood|sat|ran|met|led|lent|paid|won|felt|thought|sought|struck|drew|threw|broke|chose|fell|rose|became|knew|saw|grew|flew|fought|taught|caught|bought|meant|dealt|swore|overcame|undertook|withdrew|drove|rode|sang|shook|woke|stole|forgot|forgave|spent|sold|built|heard|understood)$/;
/** A word that reads as a finite or past verb (lower case: a finite form, an "-ed" form, an irregular past, a likely cue). */
export const verbLike = (tk: Tokens, i: number): boolean =>
  tk.isWord(i) && !isCapitalised(tk.word(i)) && (tk.finite(i) || FINITE.has(tk.low(i)) || /^[a-z]{3,}ed$/.test(tk.low(i)) || IRREGULAR_PAST.test(tk.low(i)) || (tk.cue(i)?.rate ?? 0) >= 0.3);

// Words after a noun phrase that make it a time measured from an event ("Hours later", "Two days earlier", "Moments after").
const TIME_AFTER = /^(?:later|earlier|ago|after|afterward|afterwards|before)$/;

/**
 * A verb comes from token v before the next comma: "Back in 1999, Trump …", "A couple of years later, he …" open with
 * a fronted adjunct, no subject ("Biden on Monday hit …" has its verb).
 */
function verbBefore(tk: Tokens, v: number, hi: number): boolean {
  for (let k = v; k < hi && k - v < 12; k++) {
    if (verbLike(tk, k) || AUX_WORD.test(tk.low(k))) return true;
    if (tk.word(k) === "," || isQuoteChar(tk.word(k))) return false;
  }
  return true;
}
// Words after a would-be subject that may open the rest of a fronted adjunct: a preposition, an adverb, "ago".
const ADJUNCT_WORD = /^(?:in|on|at|of|by|with|to|into|from|about|over|under|during|through|against|among|amid|for|after|before|since|until|ago|later|earlier|[a-z]{3,}ly)$/;
const AUX_WORD = /^(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should)$/;

/** Tokens from k are a short time or place phrase ("in 2015", "on Monday", "last week") and then a verb. */
function adjunctThenVerb(tk: Tokens, k: number, hi: number): boolean {
  for (let m = k + 1; m < hi && m - k <= 4; m++) {
    if (!tk.isWord(m) && tk.t.kind[m] !== 2) return false;
    if (verbLike(tk, m) && !DETERMINERS.has(tk.low(m - 1))) return m > k + 1;
  }
  return false;
}

/** clauseSubject's subject starting at token `from`: a name or pronoun, its parenthesis and apposition, then a verb. */
function subjectAt(tk: Tokens, text: string, from: number, hi: number, fronted: boolean): { np: SpeakerNP; verb: number } | undefined {
  const np = speakerAfter(tk, text, from, hi);
  // (after a fronted adjunct the subject opens lower-case: "In late September, a group of parents sent …")
  if (!np || np.to >= hi || !(np.pronoun || isCapitalised(tk.word(np.from)) || (fronted && DETERMINERS.has(tk.low(np.from))))) return undefined;
  // "A group of doctors sent …", "One of the docs called …": the head's "of" phrase, up to the verb, is the subject's
  if (tk.low(np.to) === "of") {
    let k = np.to + 1;
    while (k < hi && k - np.to <= 5 && tk.isWord(k) && !(verbLike(tk, k) && !DETERMINERS.has(tk.low(k - 1))) && !NP_STOP.has(tk.low(k))) k++;
    // (a time or a place between the phrase and its verb is neither's: "A group of doctors | in 2015 sent …")
    if (k > np.to + 1 && k < hi && (verbLike(tk, k) || (/^(?:in|on|at|last|this)$/.test(tk.low(k)) && adjunctThenVerb(tk, k, hi)))) widenNP(tk, text, np, k);
  }
  // a fronted participle or adverb is no subject ("Chastened by the analyses, …", "Recently, however, …")
  // (a name ending so is a subject when its verb follows: "Schilling appeared …", "Manning testified …")
  if (np.to - np.from === 1 && (/[a-z](?:ed|ing|ly)$/.test(tk.word(np.from)) || NOT_AGENT.has(tk.low(np.from))) &&
    !(/[a-z]ing$/.test(tk.word(np.from)) && !tk.cue(np.from) && np.to < hi && verbLike(tk, np.to) && !/s$/.test(tk.low(np.to)))) return undefined;
  let v = np.to;
  // "Roy Cooper (D), …": a short parenthesis belongs to the name
  if (tk.word(v) === "(") {
    let k = v + 1;
    while (k < hi && k - v < 8 && tk.word(k) !== ")") k++;
    if (k >= hi) return undefined;
    np.span = [np.span[0], tk.end(k)];
    v = k + 1;
  }
  if (v < hi && tk.word(v) === ",") {
    let k = v + 1;
    while (k < hi && k - v < 25 && tk.word(k) !== "," && !isQuoteChar(tk.word(k)) && tk.word(k) !== ";") k++;
    if (k >= hi || tk.word(k) !== ",") return undefined;
    // an apposition is part of the mention as written ("Clinton, the former secretary of State"); an aside is not
    // (", speaking to …", ", like Obama", ", in particular")
    if (k > v + 1 && appositionAt(tk, v + 1, k)) np.span = [np.span[0], tk.end(k - 1)];
    v = k + 1;
  }
  if (v >= hi || !tk.isWord(v) || isCapitalised(tk.word(v)) || PRONOUNS.has(tk.low(v)) || DETERMINERS.has(tk.low(v))) return undefined;
  if (v === np.to && !np.pronoun && ADJUNCT_WORD.test(tk.low(v)) && !verbBefore(tk, v, hi)) return undefined;
  // "Hours later, Trump …": a time measured from an event is a fronted adjunct, not the subject ("Fields later tweeted" is)
  if (v === np.to && TIME_AFTER.test(tk.low(v)) && v + 1 < hi && tk.word(v + 1) === ",") return undefined;
  // "European leaders gathered": a plural noun after a capitalised modifier, then the verb, belongs to the subject
  // ("Foreign policy analysts said": up to three such nouns, the last a plural)
  if (v === np.to) {
    let k = v;
    while (k < hi && k - v < 3 && tk.isWord(k) && !isCapitalised(tk.word(k)) && !verbLike(tk, k) && !NP_STOP.has(tk.low(k)) && !DETERMINERS.has(tk.low(k)) && !/ly$/.test(tk.low(k))) k++;
    if (k > v && k < hi && /[a-z]s$/.test(tk.low(k - 1)) && verbLike(tk, k)) {
      widenNP(tk, text, np, k);
      v = k;
    }
  }
  // "The New York Times and the Gannett newspaper chain filed …": a coordinated subject is one group
  if (v === np.to && tk.low(v) === "and" && v + 1 < hi) {
    const second = speakerAfter(tk, text, v + 1, hi);
    if (second && !second.pronoun && second.to < hi && verbLike(tk, second.to)) {
      widenNP(tk, text, np, second.to);
      np.name = text.slice(np.span[0], np.span[1]);
      np.nameSpan = np.span;
      v = second.to;
    }
  }
  return { np, verb: v };
}

/**
 * "demonstrators, who have taken to the streets and called for …": the relative pronoun opening the clause a
 * coordinated cue at token `cue` belongs to (no comma or quotation between), as a speaker named by its antecedent.
 */
export function relativeSubject(tk: Tokens, text: string, lo: number, cue: number): SpeakerNP | null | undefined {
  for (let k = cue - 1; k > lo && k >= cue - 30; k--) {
    const w = tk.word(k);
    if (w === "," || w === ";" || isQuoteChar(w)) return undefined;
    // (null: the clause's subject is a relative pronoun whose antecedent names nobody the scanner knows)
    if (tk.low(k) === "who" && tk.word(k - 1) === ",") return scanBack(tk, text, lo, k + 1) ?? null;
    // ("…, which supports X and ranks Y": a thing's clause, whose verbs no sentence subject shares; the pronoun is the
    // source as PolNeAR writes it, and no one is after a form of "be": ", which is X and considered Y")
    if (tk.low(k) === "which" && tk.word(k - 1) === ",") {
      for (let m = k + 1; m < cue; m++) if (BE_FORM.has(tk.low(m))) return null;
      return { from: k, to: k + 1, span: [tk.start(k), tk.end(k)], name: tk.word(k), nameSpan: [tk.start(k), tk.end(k)], pronoun: false };
    }
  }
  return undefined;
}

/** A lower-case verb of speech at k, finite, that may follow its subject's head noun ("report said", "memo found"). */
const speechNext = (tk: Tokens, k: number, hi: number): boolean =>
  k < hi && !isCapitalised(tk.word(k)) && (tk.cue(k)?.rate ?? 0) >= SPEECH_RATE && tk.finite(k) && !/ing$/.test(tk.low(k));
/**
 * A bare word at k that opens a two-word title before a name ("press secretary Jo Li"): no "-s", "-ed" or "-ing" verb
 * form ("urges", "slammed"), a lower-case noun after it, then a capital.
 */
const titleNounAt = (tk: Tokens, k: number, hi: number): boolean =>
  k + 2 < hi && !/(?:[^s]s|ed|ing)$/.test(tk.low(k)) && tk.isWord(k + 1) && !isCapitalised(tk.word(k + 1)) && !verbLike(tk, k + 1) && isCapitalised(tk.word(k + 2));

/** Lower-case words from j up to a capitalised name within three tokens, with nothing clause-like between. */
function titleBeforeName(tk: Tokens, j: number, hi: number): boolean {
  for (let k = j; k < hi && k < j + 3; k++) {
    const w = tk.word(k);
    if (isCapitalised(w)) return k > j;
    // (a past tense is a verb, not a title: "Cruz exhorted Republicans")
    // (a bare verb form that opens a two-word title is a noun: "press secretary Jo Li", not "urge Republicans")
    const titleNoun = k === j && titleNounAt(tk, k, hi);
    if (!tk.isWord(k) || NP_STOP.has(tk.low(k)) || DETERMINERS.has(tk.low(k)) || NP_LINK.has(tk.low(k)) || ((tk.cue(k)?.rate ?? 0) >= 0.3 && !titleNoun) || /^[a-z]{3,}ed$/.test(tk.word(k))) return false;
  }
  return false;
}

/**
 * The speaker phrase starting at token `i` and ending before `hi` ("said the French foreign minister, …"); with `post`
 * (a speaker after its cue), a described speaker's post-modifier too ("said a source close to the talks").
 */
export function speakerAfter(tk: Tokens, text: string, i: number, hi: number, post = false): SpeakerNP | undefined {
  // callers may pass one token past a clause; never read past the last token
  hi = Math.min(hi, tk.count);
  if (i >= hi) return undefined;
  // "…" suggests that …: a clause, not a speaker
  if (/^(?:that|this|these|those|if|whether|how|what|why|when)$/.test(tk.low(i))) return undefined;
  if (PRONOUNS.has(tk.low(i)) && tk.low(i) !== "who") return makeNP(tk, text, i, i + 1);
  let j = i;
  // ("several other officials", "the other two": determiners in a row open one phrase)
  while (j < hi && j - i < 3 && DETERMINERS.has(tk.low(j))) j++;
  while (j < hi && j - i < 10) {
    const w = tk.word(j);
    const l = tk.low(j);
    if (l === "'s") {
      j++;
      continue;
    }
    // ("a Reuters/Ipsos poll": a slash between names joins them)
    if (tk.isPunct(j) && w !== "-" && !isTitleDot(tk, j) && !(w === "/" && j > i && j + 1 < hi && isCapitalised(tk.word(j - 1)) && isCapitalised(tk.word(j + 1)))) break;
    if (NP_LINK.has(l)) {
      // link only into a name or a determiner + name ("a statement from the Foreign Ministry")
      const n1 = j + 1 < hi ? tk.word(j + 1) : "";
      const n2 = j + 2 < hi ? tk.word(j + 2) : "";
      if (j > i && (isCapitalised(n1) || (DETERMINERS.has(n1.toLowerCase()) && isCapitalised(n2)))) {
        j += DETERMINERS.has(n1.toLowerCase()) ? 2 : 1;
        continue;
      }
      break;
    }
    // (a middle initial is no determiner: "Julie A. Diaz Martinez"; a first name is no modal: "said Will Doyle")
    if ((NP_STOP.has(l) || DETERMINERS.has(l) || PRONOUNS.has(l)) && !(j > i && /^\p{Lu}$/u.test(w) && j + 1 < hi && isTitleDot(tk, j + 1)) && !modalName(tk, j, hi)) break;
    if (!isCapitalised(w)) {
      const cv = cueVerb(l);
      // (right after a determiner it is the head noun: "according to a report from …")
      // (unless a verb of speech follows it: it is the head noun, "the congressional report said")
      if (cv && cv.rate >= 0.3 && j > i && !DETERMINERS.has(tk.low(j - 1)) && !speechNext(tk, j + 1, hi)) break;
      // (a rarer speech verb in the past, closing its clause, is the phrase's verb too: '"…!" the man tweeted.')
      if (cv && /ed$/.test(l) && j > i && !DETERMINERS.has(tk.low(j - 1)) && (j + 1 >= hi || /^[.,!?;:]$/.test(tk.word(j + 1)))) break;
      // "the company released …": a past or present verb form after the head noun ends the phrase
      if (j > i && /(?:ed|s)$/.test(l) && finiteForm(l) && !DETERMINERS.has(tk.low(j - 1)) && tk.isWord(j - 1) && !titleNounAt(tk, j, hi)) break;
      // (an irregular past too: "The senator went further")
      if (j > i && IRREGULAR_PAST.test(l) && !DETERMINERS.has(tk.low(j - 1)) && tk.isWord(j - 1)) break;
      // lower-case words belong to a description only before its head ("the French foreign minister"):
      // after a capitalised name they start something else ("Smith told …"), unless they are a
      // title before another name ("Clinton campaign spokesman Brian Fallon")
      if (j > i && isCapitalised(tk.word(j - 1)) && !DETERMINERS.has(tk.low(i)) && !/^(?:one|two|three|four|five)$/.test(tk.low(i)) && tk.t.kind[j] === 1 && !titleBeforeName(tk, j, hi)) break;
    }
    j++;
  }
  const end = placeAfter(tk, i, j, hi);
  return makeNP(tk, text, i, post ? modifierAfter(tk, i, end, hi) : end);
}

// "said a longtime adviser to the governor", "said one person familiar with the talks", "said a man who …": a described
// (not named) speaker after the cue keeps its post-modifier, up to the sentence end or a comma
const POST_PREPOSITION = new Set(["to", "of", "for", "with", "in", "on", "at", "from", "inside", "within", "among", "close", "familiar", "involved", "known", "who"]);
const POST_ADJECTIVE = /^(?:close|familiar|involved|known)$/;
const POST_MAX = 14;
const INVERTING = /^(?:said|says|added|adds|asked|asks|wrote|writes|recalled|recalls|explained|explains|noted|notes|continued|continues|concluded|concludes|replied|replies|argued|argues|insisted|insists|tweeted|tweets|countered|counters|declared|declares|acknowledged|acknowledges|warned|warns|observed|observes|agreed|agrees|joked|jokes|quipped|quips|remarked|remarks)$/;
const MEDIUM_AFTER = /^(?:statement|interview|email|e-mail|letter|speech|call|conference|briefing|release|post|tweet|video|op-ed|appearance|radio|television|tv|filing|lawsuit|complaint|memo|document|report)s?$/;
/** An auxiliary or a form of "be" ("has", "would", "been"): shared by the readers of subjects and content ends. */
export const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|do|does|did)$/;
/** A finite auxiliary: `AUXILIARY` without the non-finite "be" and "been". */
export const FINITE_AUX = /^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|does|did|do)$/;

// modals that are first names too ("Will", "May", "Hope" is no stop word)
const MODAL_NAME = /^(?:Will|May)$/;
/**
 * "Will Doyle", "May Chen": a capitalised modal before another capitalised word, not after a stop, opens a name; so
 * does one before a past speech verb, which no modal takes ('"…," Will wrote.').
 */
function modalName(tk: Tokens, j: number, hi: number): boolean {
  if (!MODAL_NAME.test(tk.word(j)) || j + 1 >= hi || !tk.isWord(j + 1)) return false;
  const next = tk.word(j + 1);
  if (/^[a-z]+$/.test(next) && cueVerb(next) !== undefined && (/ed$/.test(next) || IRREGULAR_PAST.test(next) || /^(?:said|wrote|told)$/.test(next))) return true;
  return /^\p{Lu}\p{Ll}/u.test(next) && !(j > 0 && /^[.!?]$/.test(tk.word(j - 1)));
}

/** The end of a post-modifier at j after a lower-case description from i that runs to the sentence end or a comma, else j. */
function modifierAfter(tk: Tokens, i: number, j: number, hi: number): number {
  // only after a verb that inverts with its subject ("said a source …"); after another verb the phrase is its object
  // ("offered an olive branch to …")
  if (i === 0 || !INVERTING.test(tk.low(i - 1)) && !(tk.low(i - 1) === "to" && i > 1 && tk.low(i - 2) === "according")) return j;
  if (j >= hi || j - i < 1 || !POST_PREPOSITION.has(tk.low(j)) || isCapitalised(tk.word(j - 1)) || !tk.isWord(j - 1)) return j;
  // a determiner, a number or a plural noun opens the description ("a source", "one aide", "members")
  if (!(DETERMINERS.has(tk.low(i)) || /^(?:one|two|three|four|five)$/.test(tk.low(i)) || (j - i === 1 && /[a-z]s$/.test(tk.word(i))))) return j;
  // (a verb inside the description makes it a clause: "said the event brought back memories of …")
  // ("a source close to the talks": an adjective of the post-modifier that reads as a verb, "close", is none)
  for (let k = i + 1; k < j; k++) if (tk.finite(k) && !isCapitalised(tk.word(k)) && !DETERMINERS.has(tk.low(k - 1)) && tk.low(k - 1) !== "'s" && !(k === j - 1 && POST_ADJECTIVE.test(tk.low(k)))) return j;
  const rel = tk.low(j) === "who";
  if (POST_ADJECTIVE.test(tk.low(j)) && !(j + 1 < hi && /^(?:to|with|in|as)$/.test(tk.low(j + 1)))) return j;
  let k = j + 1;
  for (; k < hi && k - j <= POST_MAX && (tk.isWord(k) || tk.word(k) === "-" || tk.word(k) === "'s" || isTitleDot(tk, k)); k++) {
    const w = tk.low(k);
    // ("a tally on Monday", "one aide in a statement": a time or a medium is the report's, not the speaker's)
    // (a negation reads as an imperative to makeNP: "who wasn't authorized" ends the phrase before it)
    if (TIME_NOUN.test(w) || MEDIUM_AFTER.test(w) || /n't$/.test(w)) return j;
    if (!rel && (w === "that" || AUXILIARY.test(w) || w === "said" || w === "says" || (FINITE_FORMS.has(w) && /(?:ed|s)$/.test(w) && !isCapitalised(tk.word(k)) && !DETERMINERS.has(tk.low(k - 1)) && tk.low(k - 1) !== "'s"))) return j;
  }
  // (the sentence's stop or a comma must follow inside the range: a quotation there opens a title, "the authors of the “…”")
  if (k === j + 1 || k - j > POST_MAX || (k < hi ? !/^[.!?,]$/.test(tk.word(k)) : k < tk.count)) return j;
  return k;
}

// "said one GOP source in the room": a place phrase closing the sentence after a described (not named) speaker
const PLACE_PREPOSITION = new Set(["in", "on", "at", "with", "from", "inside"]);
const PLACE_MAX = 6;

/** The end of a short prepositional phrase at j that ends the sentence after a lower-case description from i, else j. */
function placeAfter(tk: Tokens, i: number, j: number, hi: number): number {
  if (j >= hi || j - i < 2 || !PLACE_PREPOSITION.has(tk.low(j)) || !(DETERMINERS.has(tk.low(i)) || /^(?:one|two|three)$/.test(tk.low(i)))) return j;
  // the head is a common noun ("one GOP source", "a senior official"), not a name
  if (isCapitalised(tk.word(j - 1))) return j;
  let k = j + 1;
  for (; k < hi && k - j <= PLACE_MAX && tk.isWord(k); k++) {
    const w = tk.low(k);
    if (NP_STOP.has(w) && !DETERMINERS.has(w) && w !== "of" && k > j + 1) return j;
    // ("a tally on Monday": a time is the report's, not the speaker's)
    if (TIME_NOUN.test(w)) return j;
    if (finiteForm(w) && /(?:ed|s)$/.test(w) && !isCapitalised(tk.word(k)) && !DETERMINERS.has(tk.low(k - 1))) return j;
  }
  // only when the sentence ends there (a comma may open anything: "…, said one aide in a statement that …")
  if (k === j + 1 || k - j > PLACE_MAX || (k < hi && !/^[.!?]$/.test(tk.word(k)))) return j;
  return k;
}

const CUE_PARTICLES = new Set(["about", "out", "up", "for", "against"]);
const VERB_PARTICLE = /^(?:up|off|down|upon|against)$/;
const WITH_VERB = /^(?:agree|disagree)$/;
const WRITTEN = /^(?:write|writes|wrote|writing|written|post|posts|posted|posting)$/;
const PLATFORM = /^(?:twitter|facebook|instagram)$/;
// Abbreviated titles: their full stop stays inside a name ("Gov. Maria Lopez").
const TITLE_ABBR = /^(?:mr|mrs|ms|dr|gov|sen|rep|del|gen|lt|col|maj|capt|sgt|adm|prof|rev|pres|supt|insp|det|hon|fr|st|jr|sr)$/;
export const isTitleDot = (tk: Tokens, i: number): boolean =>
  tk.word(i) === "." && i > 0 && (TITLE_ABBR.test(tk.low(i - 1)) || /^\p{Lu}$/u.test(tk.word(i - 1)) || PARTY_TAG.test(tk.word(i - 1)));

/** A "that" within a few words from token k, before any stop ("with Dean that …"). */
function thatAhead(tk: Tokens, k: number, hi: number): boolean {
  for (let m = k; m < hi && m < k + 6 && !/^[.;:!?]$/.test(tk.word(m)); m++) if (tk.low(m) === "that") return true;
  return false;
}

/**
 * The cue phrase at token i: the verb alone, or with its particle (when the lexicon has the pair, or the particle is
 * one any verb takes), "with" after a verb of agreeing, or the platform a post went out on.
 */
export function cueEnd(tk: Tokens, i: number, hi: number): number {
  // only particles that change the verb's meaning join the cue ("pointed out"), not places ("wrote on X")
  // ("said about 20 people …": "about" before a number is the number's, not the verb's)
  if (i + 1 < hi && CUE_PARTICLES.has(tk.low(i + 1)) && isCuePhrase(`${tk.low(i)} ${tk.low(i + 1)}`) &&
    !(i + 2 < hi && tk.low(i + 1) === "about" && tk.t.kind[i + 2] === 2)) return i + 2;
  if (tk.low(i) === "according" && i + 1 < hi && tk.low(i + 1) === "to") return i + 2;
  // "summed up", "brushed off", "played down", "remarked upon", "ruled against": these particles join any verb's cue
  // (PolNeAR train: 166 of 170 gold cues before one of them take it along; not before a number, "up 5 percent", "up to 30 per cent")
  if (i + 1 < hi && VERB_PARTICLE.test(tk.low(i + 1)) && tk.cue(i) !== undefined && !isCueNoun(tk.low(i)) &&
    !(i + 2 < hi && (tk.t.kind[i + 2] === 2 || (tk.low(i + 1) === "up" && tk.low(i + 2) === "to")))) return i + 2;
  // "agreed with the analysis", "disagree with": the preposition joins the cue when what follows it is the report (PolNeAR
  // train: 16 of 19), not when the partner's clause comes after it ("agrees with Dean that …")
  if (i + 1 < hi && tk.low(i + 1) === "with" && WITH_VERB.test(tk.cue(i)?.lemma ?? "") && !thatAhead(tk, i + 2, hi)) return i + 2;
  // "wrote on Twitter", "posted on Facebook": the platform is part of a written post's cue (PolNeAR train: 9 of 10;
  // "said on Twitter" keeps it out, 5 of 7)
  if (i + 2 < hi && WRITTEN.test(tk.low(i)) && tk.low(i + 1) === "on" && PLATFORM.test(tk.low(i + 2))) return i + 3;
  return i + 1;
}

// Finite-verb markers: a reported clause has one of these early on ("… may be …", "… had shipped …").
const FINITE = new Set(
  ("is are was were be been has have had do does did will would can could may might must shall should 're 've 'll 'd " +
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't couldn't").split(" "),
);

const SUBORDINATORS = new Set("if when whether because while although though unless once as since after before".split(" "));

// after these a verb form is a participle or a noun ("of failed tests", "to want")
const AFTER_NO_VERB = new Set("to 's of in on at for with by from into about than as".split(" "));
const SUBJECT_PRONOUN = new Set(["he", "she", "they", "we", "i", "you", "it"]);
/** Tokens in the dash at k: an em or en dash, or "--" (two hyphen tokens); 0 when there is none. */
function dashAt(tk: Tokens, k: number, hi: number): number {
  const w = tk.word(k);
  if (w === "—" || w === "–") return 1;
  return w === "-" && k + 1 < hi && tk.word(k + 1) === "-" ? 2 : 0;
}
/** The last token of the dash closing an aside opened by the dash at k (within 15 tokens), or -1. */
function closingDash(tk: Tokens, k: number, hi: number): number {
  for (let m = k + dashAt(tk, k, hi); m < hi && m < k + 16; m++) {
    const d = dashAt(tk, m, hi);
    if (d) return m + d - 1;
  }
  return -1;
}
const COORDINATORS = new Set(["and", "but", "or", "yet", "nor"]);

/**
 * True when tokens [i, hi) look like a clause: a finite verb within the first 20 tokens and before
 * a coordinated second clause ("rejected the offer, and the response isn't …" is an object, then
 * another clause), unless a subordinate clause opens it ("if troops engage …, they would …").
 */
export function looksLikeClause(tk: Tokens, i: number, hi: number): boolean {
  const subordinate = i < hi && SUBORDINATORS.has(tk.low(i));
  // (an aside between paired dashes is skipped and not counted: "the top 1 percent -- those earning … -- would face")
  for (let k = i, n = 0; k < hi && n < 20; k++, n++) {
    const l = tk.low(k);
    if (!subordinate && (l === ";" || (l === "," && k + 1 < hi && (COORDINATORS.has(tk.low(k + 1)) || /^[a-z]+ing$/.test(tk.low(k + 1)))))) return false;
    if (k > i && dashAt(tk, k, hi)) {
      const close = closingDash(tk, k, hi);
      if (close > 0) {
        k = close;
        continue;
      }
    }
    // a verb only inside a relative clause or after a colon belongs to the object, not to a clause
    if (k > i && !subordinate && /^(?::|—|–)$/.test(l)) return false;
    // a finite verb form after the subject ("parents still want …"), not after a determiner or "to"
    if (k > i && finiteForm(l) && !isCapitalised(tk.word(k)) && !DETERMINERS.has(tk.low(k - 1)) && !AFTER_NO_VERB.has(tk.low(k - 1))) return true;
    if (FINITE.has(l)) return true;
    // "'s" is a verb after a pronoun ("he's facing"), a possessive after a noun ("the country's")
    if (l === "'s" && k > i && /^(?:he|she|it|that|there|what|who|here)$/.test(tk.low(k - 1))) return true;
    // a past tense the finite list lacks, right after a name or a subject pronoun ("Pagliano invoked", "they vetted")
    if (k > i && /^[a-z]{3,}ed$/.test(tk.word(k)) && (SUBJECT_PRONOUN.has(tk.low(k - 1)) || (tk.isWord(k - 1) && isCapitalised(tk.word(k - 1)) && !DETERMINERS.has(tk.low(k - 1))))) return true;
  }
  return false;
}

// Words that cannot open a reported clause: prepositions, particles ("lay down"), reflexives ("find themselves").
const CLAUSE_BAD_START = new Set(
  ("in on at for about with during from into by to of over under against among through as than despite " +
    "down out off away back themselves himself herself itself myself ourselves yourself").split(" "),
);
export const badContentStart = (w: string): boolean => CLAUSE_BAD_START.has(w);
export const isNegation = (w: string): boolean => NEGATION.has(w);

/** Quotation-mark characters (scorers trim them; the stages exclude them from spans). */
export const QUOTE_CHAR = /["“”„«»‘’‚'‹›]/;
export const isQuoteChar = (w: string): boolean => w.length === 1 && QUOTE_CHAR.test(w);

/** Shrinks a span past spaces, quotation marks and edge punctuation (",", ":") but keeps "." "?" "!". */
export function trimContent(text: string, s: Span): Span {
  let [a, b] = s;
  while (a < b && /[\s"“”„«»‘’‚'‹›,:;—–-]/.test(text[a]!)) a++;
  while (b > a && /[\s"“”„«»‘’‚'‹›,:;—–-]/.test(text[b - 1]!)) b--;
  return [a, b];
}

export const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

// Working fields the quote stages share; quote-attribution (the last of them) removes them again.
declare module "../../../core/annotations.js" {
  interface Quote {
    /** the quotation with its marks (direct quotes) */
    marks?: Span;
    /** paragraph index the quote starts in */
    paragraph?: number;
    /** how the speaker was found: next to a cue, or carried over from a neighbouring quote */
    attribution?: "cue" | "inherited" | "embedded" | "nested";
  }
}
