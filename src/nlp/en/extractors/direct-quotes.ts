// Direct quotes: passages between quotation marks, with the cue and speaker written next to them ("…," said X / X said: "…").
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { Ref, Span } from "../../../core/record.js";
import { findMarkedQuotes, type MarkedQuote } from "./quote-marks.js";
import { TURN_SOURCE } from "./transcript-turns.js";
import { cueScoreAbove } from "../attribution/cue-model.js";
import { goOnChain, lightVerbTail } from "../attribution/cue-span.js";
import {
  SPEECH_RATE, THAT_RATE, Tokens, phraseNP, isTitleDot, cueEnd, cueVerb, isQuoteChar, speakerAfter, speakerBefore, trimContent, wordCount, clauseSubject, looksLikeClause, badContentStart, isCapitalised, verbLike,
  type SpeakerNP,
} from "./quote-common.js";

interface Attribution {
  cue?: { text: string; span: Span };
  speaker: SpeakerNP;
}

const SOURCE = "direct-quotes";
const isCue = (tk: Tokens, i: number): boolean => (cueVerb(tk.low(i))?.rate ?? 0) >= THAT_RATE;
/**
 * A verb the lexicon does not know, next to a quotation and its speaker ('"…," Obama stated', 'Noah quipped, "…"'):
 * a cue when the cue classifier says so (train has too few "quipped" or "retorted" for the lexicon to list them).
 */
const unknownCue = (tk: Tokens, i: number, s0: number, s1: number): boolean =>
  tk.isWord(i) && /^[a-z]{3,}$/.test(tk.word(i)) && cueVerb(tk.low(i)) === undefined && cueScoreAbove(tk, i, s0, s1, false, 0) > 0;
// dashes that hand a quotation to its author ('"…" ― Jane Doe'); U+2015 is the typographers' quotation dash
const DASH = /^[—–―-]$/;
// auxiliaries that open a clause's predicate ('said the plan would fail')
const AUX_AFTER = /^(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|does|did|do)$/;

/** The cue over tokens [from, to) as written. */
function tokenCue(tk: Tokens, text: string, from: number, to: number): { text: string; span: Span } {
  const span: Span = [tk.start(from), tk.end(to - 1)];
  return { text: text.slice(span[0], span[1]), span };
}

function cueOf(tk: Tokens, text: string, i: number, hi: number): { text: string; span: Span } {
  // 'as Foner put it, "…"', '"…," Clinton shot back': a light verb's cue takes its tail (attribution/cue-span.ts)
  const tail = lightVerbTail(tk, i, hi);
  // ('"…!" they yelled back.': a particle that closes the clause is the cue's too)
  const e = tail >= 0 ? tail + 1 : Math.max(cueEnd(tk, i, hi), particleEnd(tk, i, hi));
  const span: Span = [tk.start(i), tk.end(e - 1)];
  // ('said matter-of-factly': a manner adverb joined by hyphens is the cue's, as a one-word one is, "said flatly")
  const manner = /^ [a-z]+(?:-[a-z]+)+ly\b/.exec(text.slice(span[1], span[1] + 40));
  if (manner) span[1] += manner[0].length;
  return { text: text.slice(span[0], span[1]), span };
}

// weekdays, months and times that may sit between a cue and its "that"
const WHEN = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;
const TIME_NOUN = /^(?:day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|weekend|time|moment|hour|minute)$/;
// verbs that take their listener first ('told reporters …')
const OBJECT_FIRST = /^(?:tell|ask|urge|warn|remind|assure|inform|promise|advise|caution|beg)$/;
// words after a cue that open no reported clause: subordinators and objects ('said as he launched …', 'urged them, as …')
const NOT_OPENER = /^(?:as|when|while|after|before|since|because|if|though|although|once|until|whether|where|them|him|us|me|again|also|then|later|now|today|yesterday|tonight)$/;

/**
 * After a quotation that ended its sentence, 'He says <clause>' / 'He added, "…"' / 'She said that …' is a new report
 * with its own content after the cue (train gold gives that cue to the words after it), not the quotation's
 * attribution; 'Trump said Tuesday.' / 'he said of Apple in February' / 'told reporters' hand the quotation over.
 */
export function opensReport(tk: Tokens, text: string, e: number, hi: number): boolean {
  let end = e;
  while (end < hi && !(/^[.!?;]$/.test(tk.word(end)) && !isTitleDot(tk, end))) end++;
  // another quotation introduced by the cue ('He added, "…"', 'Cruz says: "…"', 'He writes that "…"'): the words
  // up to the next opening mark (hi, when that quotation is in the same paragraph) are the cue's alone
  const from = e > 0 ? tk.end(e - 1) : 0;
  const gap = text.slice(from, hi < tk.count ? tk.start(hi) + 1 : from);
  if (end === hi && /^\s*(?:(?:,|:|that)\s*)?["“”'‘]$/.test(gap)) return true;
  if (e >= hi) return false;
  // (a clause may hold a quotation of its own: 'X said the mayor's "plan" is in trouble' reads on past its marks)
  if (end === hi) while (end < tk.count && end < hi + 40 && !(/^[.!?;]$/.test(tk.word(end)) && !isTitleDot(tk, end))) end++;
  // 'warned Saturday that …': a day or a time between the cue and its complementiser
  let t = e;
  while (t < end && t < e + 2 && /^\p{Lu}/u.test(tk.word(t)) && WHEN.test(tk.low(t))) t++;
  if (t < end && tk.low(t) === "that") return t + 1 < end && looksLikeClause(tk, t + 1, end);
  // ('told reporters during the conference call': a verb with a person as object reads its object first, not a clause)
  if (e > 0 && OBJECT_FIRST.test(cueVerb(tk.low(e - 1))?.lemma ?? "")) return false;
  const c = e;
  if (!tk.isWord(c) || NOT_OPENER.test(tk.low(c)) || badContentStart(tk.low(c)) || /ly$/.test(tk.low(c))) return false;
  // 'called the statement "offensive"', 'recalled an incident at …': a noun phrase after the cue is its own content,
  // unless it is the time of the quotation ('Trump said the next day.')
  if (/^(?:the|a|an|this|these|those|his|her|their|its|our|my)$/.test(tk.low(c))) {
    let k = c + 1;
    while (k < end && k < c + 4 && tk.isWord(k) && !badContentStart(tk.low(k)) && !TIME_NOUN.test(tk.low(k))) k++;
    return !(k < end && TIME_NOUN.test(tk.low(k)));
  }
  return looksLikeClause(tk, c, end);
}

/**
 * A short quotation in title case right before token a ('"Fox News Sunday," …'): the name of a show or work, handed to
 * no cue that has its own content after it.
 */
function titled(tk: Tokens, a: number): boolean {
  let k = a - 1;
  while (k >= 0 && (tk.word(k) === "," || isQuoteChar(tk.word(k)))) k--;
  let words = 0;
  for (; k >= 0 && !isQuoteChar(tk.word(k)); k--) {
    if (!tk.isWord(k)) continue;
    if (++words > 6 || !/^[\p{Lu}\d]/u.test(tk.word(k)) && !/^(?:a|an|the|and|of|in|on|at|to|for|with)$/.test(tk.word(k))) return false;
  }
  return k >= 0 && words > 0;
}

/**
 * '"…," she said about the plan.': after a quotation, what it was about is no part of its cue (PolNeAR train: 6 of 8
 * such cues leave "about" out, where a reported clause's keeps it, 18 of 19).
 */
function withoutTopic(tk: Tokens, text: string, cue: { text: string; span: Span }): { text: string; span: Span } {
  const m = /^(\S+)\s+about$/.exec(cue.text);
  return m ? { text: m[1]!, span: [cue.span[0], cue.span[0] + m[1]!.length] } : cue;
}

/** '"…," the judge exclaimed, "…"': a past verb at k before the second part of a split quote (opening at hi; the first part must end on a comma). */
const splitSlot = (tk: Tokens, k: number, hi: number): boolean =>
  /^[a-z]{3,}ed$/.test(tk.word(k)) && k + 2 === hi && hi < tk.count && tk.word(k + 1) === "," && isQuoteChar(tk.word(hi));

// what may follow a quotation's cue that closes its clause: a comma, or a preposition opening an adjunct
const POST_CUE = /^(?:,|in|on|at|during|after|before|from|via|with|while|as|when)$/;
const GO = /^(?:go|goes|went)$/;

/** The token after a verb at k and its particle "back" or "out" when that closes the clause ('shouted back.'), else k + 1. */
const particleEnd = (tk: Tokens, k: number, hi: number): number =>
  k + 1 < hi && /^(?:back|out)$/.test(tk.low(k + 1)) && (closes(tk, k + 2, hi) || tk.word(k + 2) === ",") ? k + 2 : k + 1;

/** The token after a clause that closes its sentence (a stop, or the end of the range). */
const closes = (tk: Tokens, k: number, hi: number): boolean => k >= hi || (/^[.!?]$/.test(tk.word(k)) && !isTitleDot(tk, k));

/** Whether a finite verb or an auxiliary stands in [k, hi) before the sentence ends. */
function verbBefore(tk: Tokens, k: number, hi: number): boolean {
  for (; !closes(tk, k, hi); k++) if (AUX_AFTER.test(tk.low(k)) || (tk.finite(k) && !isCapitalised(tk.word(k)))) return true;
  return false;
}

/**
 * '"… niches" Grubbs said.' / '"…" said Jo Li, a spokesman.': a quotation closed without its comma, handed over all the
 * same when a speech verb and its speaker, nothing more, make up the rest of the sentence (a clause that runs on,
 * '"unmistakably" suggests …', is the quotation's own sentence).
 */
function bareAttribution(tk: Tokens, text: string, a: number, hi: number): Attribution | undefined {
  if (a >= hi || a === 0 || !isQuoteChar(tk.word(a - 1))) return undefined;
  const speech = (k: number): boolean => k < hi && (cueVerb(tk.low(k))?.rate ?? 0) >= SPEECH_RATE && !/ing$/.test(tk.low(k)) && !/^\p{Lu}/u.test(tk.word(k));
  if (speech(a)) {
    const e = cueEnd(tk, a, hi);
    const speaker = speakerAfter(tk, text, e, hi, true);
    // (a name: '"unmistakably" suggests a plan' has an object there)
    if (speaker && isCapitalised(tk.word(speaker.from)) && (closes(tk, speaker.to, hi) || tk.word(speaker.to) === ",")) return { cue: cueOf(tk, text, a, hi), speaker };
    return undefined;
  }
  const speaker = speakerAfter(tk, text, a, hi);
  if (!speaker || !speech(speaker.to)) return undefined;
  const e = cueEnd(tk, speaker.to, hi);
  // (or, after a named speaker, opens an adjunct that ends the sentence with no verb of its own: '"… too" Jo Li said
  // after the rally.'; '"death tax" Li said in 2010 would hurt farms' runs on)
  const adjunct = e < hi && /^(?:after|at|during|in|on)$/.test(tk.low(e)) && !speaker.pronoun && isCapitalised(tk.word(speaker.from)) && tk.word(a - 1) !== "'" && !verbBefore(tk, e + 1, hi);
  return closes(tk, e, hi) || adjunct ? { cue: cueOf(tk, text, speaker.to, hi), speaker } : undefined;
}

// prepositions that open a description's post-modifier before its verb ('a caption on the page reads')
const POST_MODIFIER = /^(?:in|on|at|of|from|for|with)$/;
const DETERMINER = /^(?:the|a|an|this|that|these|those|its|his|her|their|our|one)$/;

/** Whether a verb that may close a quotation's clause sits at token k (the verb's tail, if any, then a close or an adjunct). */
function cueCloses(tk: Tokens, text: string, k: number, hi: number): boolean {
  if (k >= hi || !(isCue(tk, k) || verbLike(tk, k)) || AUX_AFTER.test(tk.low(k))) return false;
  const e = cueEnd(tk, k, hi);
  return closes(tk, e, hi) || e < hi && (POST_CUE.test(tk.low(e)) || tk.word(e) === "," || tk.isWord(e) && isCue(tk, k));
}

/**
 * A speaker phrase after a quotation that runs on before its verb: coordinated ('"…," the mayor and candidate said')
 * or a description with a prepositional post-modifier ('"…," a banner on the stage read.'). The longer phrase, when
 * a verb that closes the quotation's clause follows it.
 */
function extendedSpeaker(tk: Tokens, text: string, speaker: SpeakerNP, hi: number): SpeakerNP | undefined {
  const j = speaker.to;
  if (speaker.pronoun || j + 2 >= hi) return undefined;
  if (tk.low(j) === "and") {
    // (the second half runs to the verb: 'and Republican presidential candidate said' mixes capitals and lower case)
    let k = j + 1;
    while (k < hi && k < j + 7 && tk.isWord(k) && !isCue(tk, k) && !verbLike(tk, k) && !AUX_AFTER.test(tk.low(k))) k++;
    const other = k > j + 1 ? phraseNP(tk, text, j + 1, k) : undefined;
    if (!other || other.pronoun || !cueCloses(tk, text, k, hi)) return undefined;
    // (both halves name or describe alike: 'the senator and candidate', 'Jo Li and Sam Roe', not 'the plan and Li')
    if (isCapitalised(tk.word(speaker.to - 1)) !== isCapitalised(tk.word(other.to - 1))) return undefined;
    return phraseNP(tk, text, speaker.from, other.to) ?? undefined;
  }
  // (a description, not a name: 'Jo Li in the past said' has a time there)
  if (!POST_MODIFIER.test(tk.low(j)) || !DETERMINER.test(tk.low(speaker.from)) || isCapitalised(tk.word(j - 1))) return undefined;
  // ('a spokesman for committee Democrats said': the object's determiner may be missing)
  const from = DETERMINER.test(tk.low(j + 1)) ? j + 2 : j + 1;
  let k = from;
  for (; k < hi && k < j + 6 && tk.isWord(k) && !verbLike(tk, k) && !/^(?:day|week|month|year|morning|night|time|past)s?$/.test(tk.low(k)) && !WHEN.test(tk.low(k)); k++);
  if (k === from || !cueCloses(tk, text, k, hi)) return undefined;
  const np = phraseNP(tk, text, speaker.from, k);
  return np && { ...np, name: speaker.name, nameSpan: speaker.nameSpan };
}

/**
 * A short parenthesis right after a speaker's name ('Rep. Jane Doe (D-Wis.) said', 'said Rep. Jane Doe (D-Wis.) in an
 * interview') is part of the mention as written: the span, and the token range, run over it.
 */
function withParenthesis(tk: Tokens, speaker: SpeakerNP, hi: number): SpeakerNP {
  const j = speaker.to;
  if (!(j < hi && tk.word(j) === "(")) return speaker;
  let k = j + 1;
  while (k < hi && k - j < 8 && tk.word(k) !== ")") k++;
  return k < hi && tk.word(k) === ")" ? { ...speaker, to: k + 1, span: [speaker.span[0], tk.end(k)] } : speaker;
}

/**
 * '"…," this official said.': a phrase opened by a demonstrative (which the speaker reader leaves alone, '"…" suggests
 * that …') is the speaker when a verb that closes the quotation's clause follows it.
 */
function demonstrativeSpeaker(tk: Tokens, text: string, a: number, hi: number): SpeakerNP | undefined {
  if (!/^(?:this|these|those)$/.test(tk.low(a))) return undefined;
  let k = a + 1;
  while (k < hi && k < a + 5 && tk.isWord(k) && !isCue(tk, k) && !verbLike(tk, k) && !AUX_AFTER.test(tk.low(k))) k++;
  return k > a + 1 && cueCloses(tk, text, k, hi) ? phraseNP(tk, text, a, k) : undefined;
}

/** '"…," said X' / '"…," X said' / '"…" — X' after the closing mark, within tokens [a, hi). */
export function attributionAfter(tk: Tokens, text: string, a: number, hi: number): Attribution | undefined {
  // a quotation handed to its speaker ends with a comma, a stop, "?" or "!" ('"…," said X'); one that
  // runs on into its sentence ('"unmistakably" suggests …') does not
  // (a nested quotation may close with it, its marks and spaces interleaved: '… of 'Clinton,' " said X')
  const before = a > 0 ? text.slice(Math.max(0, tk.start(a) - 6), tk.start(a)) : "";
  const handed = /[,.!?…—–―-][\s'"“”’»`]*$/.test(before) || (a < hi && tk.word(a) === ",");
  if (!handed && !(a < hi && DASH.test(tk.word(a)))) return bareAttribution(tk, text, a, hi);
  const closeAt = a > 0 ? tk.end(a - 1) : 0;
  const stopped = /\.[\s'"“”’»`]*$/.test(before);
  // a quotation that ends its sentence ('."', '?"', '!"'); one closed by a comma hands itself to the cue after it
  const ended = stopped || /[!?…][\s'"“”’»`]*$/.test(before);
  while (a < hi && (tk.word(a) === "," || isQuoteChar(tk.word(a)))) a++;
  if (a >= hi) return undefined;
  if (DASH.test(tk.word(a))) {
    const speaker = speakerAfter(tk, text, a + 1, hi);
    // a signature closes its line or sentence ('"…" ― Jane Doe, Texas'); a dash that runs on into a phrase
    // ('"…" — a metaphor for the party's retreat from principle') opens an aside, not an author
    const k = speaker?.to ?? hi;
    if (k < hi && !/^[,.;:!?(]$/.test(tk.word(k))) return undefined;
    // the dash is the cue (PolNeAR marks it so): it is what says "these are this person's words"
    return speaker ? { speaker, cue: { text: tk.word(a), span: [tk.start(a), tk.end(a)] } } : undefined;
  }
  // a speech verb right after the quotation; "-ing" forms start a new clause ('"…", relying on …')
  if (isCue(tk, a) && !/^\p{Lu}/u.test(tk.word(a))) {
    if ((cueVerb(tk.low(a))?.rate ?? 0) < SPEECH_RATE || /ing$/.test(tk.low(a))) return undefined;
    const e = cueEnd(tk, a, hi);
    const speaker = speakerAfter(tk, text, e, hi, true);
    // ('X, citing "…," said the plan would fail': a noun phrase with its own verb after it is the subject of the
    // cue's reported clause, not an inverted speaker; the quotation sits in an aside before the cue; an "-ed" form
    // is more often a participle, 'said one official involved in the talks')
    if (speaker && speaker.to < hi && !speaker.pronoun && (AUX_AFTER.test(tk.low(speaker.to)) || (tk.finite(speaker.to) && !/ed$/.test(tk.low(speaker.to)) && !isCapitalised(tk.word(speaker.to))))) return undefined;
    if (speaker) return { cue: cueOf(tk, text, a, hi), speaker: withParenthesis(tk, speaker, hi) };
    return undefined;
  }
  // '"…!" beamed Jo Reyes.': a verb the lexicon does not know, inverted before a name that closes the clause
  if (/^[a-z]{3,}ed$/.test(tk.word(a)) && unknownCue(tk, a, a, hi)) {
    const named = speakerAfter(tk, text, a + 1, hi, true);
    if (named && !named.pronoun && isCapitalised(tk.word(named.from)) && (named.to >= hi || /^[.,!?;]$/.test(tk.word(named.to)))) return { cue: cueOf(tk, text, a, hi), speaker: named };
    return undefined;
  }
  // ('"Never!" the crowd roared back.': a "!" or "?" before a lower-case word ends no sentence)
  const runsOn = ended && !stopped && /^\p{Ll}/u.test(tk.word(a));
  const open = !ended || runsOn;
  let speaker = speakerAfter(tk, text, a, hi) ?? demonstrativeSpeaker(tk, text, a, hi);
  if (!speaker) return undefined;
  // (a verb the reader took for the phrase's last word, between the parts of a split quote: "the judge exclaimed")
  const v = speaker.to - 1;
  // (or before the clause's close: '"…," the inspector grumbled.', '"…," the memo read.': a past form, or a verb the
  // lexicon rates too low for the reader to stop at)
  const verbAt = (k: number): boolean => /^[a-z]{3,}ed$/.test(tk.word(k)) || (cueVerb(tk.low(k)) !== undefined && tk.finite(k) && !isCapitalised(tk.word(k)));
  const closingVerb = verbAt(v) && !/^(?:back|out)$/.test(tk.low(v));
  if (open && v > speaker.from && (splitSlot(tk, v, hi) || (closingVerb && (closes(tk, v + 1, hi) || POST_CUE.test(tk.low(v + 1)))))) {
    const np = speakerAfter(tk, text, a, v);
    if (np && np.to === v) return { cue: cueOf(tk, text, v, hi), speaker: np };
  }
  // ('"…!" the fans yelled back.': the particle closing the clause is the cue's)
  for (const p of [v - 1, v]) {
    if (!(open && p > speaker.from && verbAt(p) && particleEnd(tk, p, hi) > p + 1)) continue;
    const np = speakerAfter(tk, text, a, p);
    if (np && np.to === p) return { cue: tokenCue(tk, text, p, p + 2), speaker: np };
  }
  speaker = extendedSpeaker(tk, text, speaker, hi) ?? speaker;
  // a short parenthesis after the name: "Rep. Jane Doe (D-Wis.) said"
  speaker = withParenthesis(tk, speaker, hi);
  let j = speaker.to;
  // apposition between speaker and cue: "Jane Doe, a senior fellow at X, said"; when the first
  // phrase is a description and the apposition a name ("the director, Yuki Sato, said"), the name
  for (let segments = 0; segments < 3 && j < hi && tk.word(j) === ","; segments++) {
    let k = j + 1;
    while (k < hi && k - j < 25 && tk.word(k) !== "," && !(tk.word(k) === "." && !isTitleDot(tk, k))) k++;
    if (!(k < hi && tk.word(k) === ",")) break;
    if (segments === 0) {
      const name = speakerAfter(tk, text, j + 1, k);
      // (the mention as written runs from the description, as speakerBefore's does: PolNeAR's "the Vatican spokesman,
      // Jane Doe,"; the name stays the name)
      if (name && name.to === k && /^\p{Lu}/u.test(name.name) && !/^\p{Lu}/u.test(speaker.name.split(/\s+/).pop() ?? "") && !speaker.pronoun) {
        speaker = { ...name, from: speaker.from, span: [speaker.span[0], name.span[1]] };
      }
    }
    // (the next segment, if any, opens at this comma: "Jane Doe, a senator, one of the plan's critics, said")
    j = k;
    if (k + 1 < hi && isCue(tk, k + 1)) break;
  }
  if (j < hi && tk.word(j) === ",") j++;
  for (let k = j; k < hi && k < j + 3; k++) {
    // (not after a full stop: '"…." She became …' opens a new sentence)
    // ('"…," the judge exclaimed, "…"': a past verb between the two parts of a split quote is its cue, known or not)
    if (isCue(tk, k) || ((!ended && splitSlot(tk, k, hi)) || (!stopped && unknownCue(tk, k, a, hi)))) {
      const e = cueEnd(tk, k, hi);
      if ((ended || titled(tk, a)) && opensReport(tk, text, e, hi)) return undefined;
      // a quotation that ends its sentence and its line: the next line's 'X fired back at …' reports on its own
      // ('"…?"⏎Rubio said.' still hands it over)
      if (ended && e < hi && !/^[.!?]$/.test(tk.word(e)) && /\n/.test(text.slice(closeAt, speaker.span[0]))) return undefined;
      return { cue: withoutTopic(tk, text, cueOf(tk, text, k, hi)), speaker };
    }
    // '"…," Trump shot back.': a light verb whose tail makes it a speech act, closing its clause
    const tail = lightVerbTail(tk, k, hi);
    // (or opening an adjunct: '"…," Li shot back with a grin.')
    if (tail >= 0 && (closes(tk, tail + 1, hi) || tk.word(tail + 1) === "," || POST_CUE.test(tk.low(tail + 1)))) return { cue: cueOf(tk, text, k, hi), speaker };
    // '"…," he surmised.' / '"…," the editorial read.': a quotation its comma hands on, its speaker, then a verb that
    // closes the clause (or opens an adjunct): that verb is the quotation's cue, whether the lexicon rates it or not
    if (open && verbLike(tk, k) && !AUX_AFTER.test(tk.low(k))) {
      // ('"…," she went on.', '"…!" they shouted back.': the particle is the cue's)
      const e = GO.test(tk.low(k)) && k + 1 < hi && tk.low(k + 1) === "on" ? k + 2 : particleEnd(tk, k, hi);
      if (closes(tk, e, hi) || POST_CUE.test(tk.low(e))) return { cue: tokenCue(tk, text, k, e), speaker };
    }
    if (!/^(?:also|then|later|has|had|have|would|will|once|again|further|previously|recently|earlier)$/.test(tk.low(k)) && !/ly$/.test(tk.low(k))) break;
  }
  return undefined;
}

/** 'X said: "…"' / 'X told reporters, "…"' / 'X said that "…"' before the opening mark, within tokens [lo, b). */
export function attributionBefore(tk: Tokens, text: string, lo: number, b: number, strict = true): Attribution | undefined {
  if (b <= lo) return undefined;
  const lastWord = tk.low(b - 1);
  const introduced = lastWord === ":" || lastWord === "," || lastWord === "that" || isCue(tk, b - 1);
  if (strict && !introduced) return undefined;
  // 'X attacked the plan, saying, "…"': the participle is the cue, the subject of the verb before it the speaker
  let participle = -1;
  for (let k = b - 1; k >= lo && k >= b - 14; k--) {
    // (a title's full stop is no sentence end: 'Jo Li said of Mr. Roe: "…"'; an initial's still ends the scan, where a
    // heading may stand before the name, 'HEADLINE - Jo P. Li: "…"')
    if ((tk.word(k) === "." && !(isTitleDot(tk, k) && tk.word(k - 1).length > 1)) || tk.word(k) === ";" || isQuoteChar(tk.word(k))) break;
    if (!isCue(tk, k)) continue;
    // ('Li shot back, "…"': the particle of a light verb's tail is no cue of its own; the light verb is, with its tail)
    if (participle < 0 && k - 1 > lo && lightVerbTail(tk, k - 1, b) >= k) {
      const speaker = speakerBefore(tk, text, lo, k - 1);
      if (speaker) return { cue: cueOf(tk, text, k - 1, b), speaker };
    }
    // ('Li wrote back: "…"': a particle after a verb is no cue of its own; the verb before it takes it)
    if (participle < 0 && /^(?:back|out)$/.test(tk.low(k)) && k + 1 === b - 1 && k - 1 > lo && (isCue(tk, k - 1) || verbLike(tk, k - 1))) {
      const speaker = speakerBefore(tk, text, lo, k - 1);
      if (speaker) return { cue: tokenCue(tk, text, k - 1, k + 1), speaker };
      continue;
    }
    // 'He went on to say, "…"': the cue runs back over "went on to", and its subject stands before the "go"
    const go = participle < 0 ? goOnChain(tk, lo, k) : undefined;
    const goer = go !== undefined ? speakerBefore(tk, text, lo, go) : undefined;
    if (go !== undefined && goer) {
      const span: Span = [tk.start(go), cueOf(tk, text, k, b).span[1]];
      return { cue: { text: text.slice(span[0], span[1]), span }, speaker: goer };
    }
    // inverted, at the start: 'Said Ellis: "…"'
    const speaker = speakerBefore(tk, text, lo, k) ?? (/^\p{Lu}/u.test(tk.word(k)) ? speakerAfter(tk, text, cueEnd(tk, k, b), b - 1) : undefined);
    if (speaker) return { cue: cueOf(tk, text, participle >= 0 ? participle : k, b), speaker };
    // 'I laughed and said, "…"': a verb coordinated before the cue; its subject speaks, and the cue takes both verbs
    if (participle < 0 && k - 2 > lo && tk.low(k - 1) === "and" && /^[a-z]{3,}ed$/.test(tk.word(k - 2))) {
      const subject = speakerBefore(tk, text, lo, k - 2);
      if (subject) {
        return { cue: tokenCue(tk, text, k - 2, cueEnd(tk, k, b)), speaker: subject };
      }
    }
    // 'Trump called on her to resign and said, "…"': a speech verb coordinated after a clause; the clause's subject
    // speaks, and the cue is the speech verb alone (not the first verb, which reports something else)
    if (participle < 0 && k - 2 > lo && /^(?:and|but)$/.test(tk.low(k - 1)) && (cueVerb(tk.low(k))?.rate ?? 0) >= SPEECH_RATE) {
      const s = sentenceStart(tk, lo, k);
      const subject = clauseSubject(tk, text, s, k - 1);
      if (subject && subject.verb < k - 1) return { cue: cueOf(tk, text, k, b), speaker: subject.np };
    }
    if (participle < 0 && k - 1 > lo && tk.word(k - 1) === "," && /ing$/.test(tk.low(k)) && (cueVerb(tk.low(k))?.rate ?? 0) >= SPEECH_RATE) participle = k;
  }
  // 'Noah quipped, "…"': a verb the lexicon lacks right before the comma or colon, after its subject
  if (b - 2 >= lo && (lastWord === ":" || lastWord === ",") && unknownCue(tk, b - 2, lo, b)) {
    const speaker = speakerBefore(tk, text, lo, b - 2);
    if (speaker) return { cue: cueOf(tk, text, b - 2, b), speaker };
  }
  // 'Jo Li gloated: "…"' / 'She went on: "…"': a past verb (or "went on") closing a name's or a pronoun's clause
  // right before the colon is its cue, whatever the lexicon rates it
  if (b - 2 > lo && lastWord === ":") {
    const went = tk.low(b - 2) === "on" && GO.test(tk.low(b - 3));
    const v = went ? b - 3 : b - 2;
    if (went || (/^[a-z]{3,}ed$/.test(tk.word(v)) && verbLike(tk, v) && !AUX_AFTER.test(tk.low(v - 1)))) {
      const speaker = speakerBefore(tk, text, lo, v);
      // (a one-word capital opening the sentence may be a plural noun: 'Rents soared: "…"')
      const name = speaker && isCapitalised(tk.word(v - 1)) && (speaker.to - speaker.from > 1 || sentenceStart(tk, lo, speaker.from) < speaker.from);
      if (speaker && speaker.to === v && (speaker.pronoun || name)) return { cue: tokenCue(tk, text, v, b - 1), speaker };
    }
  }
  // no cue before it: the participle's speaker is the subject that opens its sentence ('Dean, a former chairman,
  // poked at …, tweeting, "…"')
  if (participle >= 0) {
    let s = participle - 1;
    while (s > lo && !(/^[.;!?]$/.test(tk.word(s - 1)) && !isTitleDot(tk, s - 1)) && !isQuoteChar(tk.word(s - 1))) s--;
    const subject = clauseSubject(tk, text, s, participle - 1);
    if (subject) return { cue: cueOf(tk, text, participle, b), speaker: subject.np };
  }
  return undefined;
}

/** The first token of the sentence holding token i, not before lo. */
function sentenceStart(tk: Tokens, lo: number, i: number): number {
  let s = i;
  while (s > lo && !(/^[.;!?]$/.test(tk.word(s - 1)) && !isTitleDot(tk, s - 1))) s--;
  return s;
}

// How far back (tokens) the sentence of such a participle is sought.
const SENTENCE_BACK = 80;
// What may open a speech participle that continues the quotation before it ('"…," adding, "…"', '"…" before adding: "…"')
const PARTICIPLE_LEAD = /^(?:and|but|then|before|while|later)$/;

/**
 * '"…," he said, adding, "…"' / 'Romney "had a crazy policy," adding: "…"': a participle of speech alone between two
 * quotations (tokens [lo, b)) hands the second to the speaker of the sentence's last attributed quotation (`prev`),
 * else to the subject of the clause the first quotation (opening at token `first`; its paragraph opens at `para`) sits
 * in; the participle is its cue. PolNeAR gives such a quotation an attribution of its own.
 */
function participleBetween(tk: Tokens, text: string, para: number, first: number, lo: number, b: number, prev: { attribution: Attribution; at: number } | undefined): Attribution | undefined {
  let k = lo;
  if (k < b && tk.word(k) === ",") k++;
  if (k < b && PARTICIPLE_LEAD.test(tk.low(k))) k++;
  if (k >= b || !/^[a-z]{3,}ing$/.test(tk.word(k)) || (cueVerb(tk.low(k))?.rate ?? 0) < SPEECH_RATE) return undefined;
  const e = cueEnd(tk, k, b);
  if (!(e === b || (e + 1 === b && /^[,:]$/.test(tk.word(e))))) return undefined;
  // (the sentence start is sought only here, past a participle, and within SENTENCE_BACK tokens: a paragraph of
  // thousands of marks stays linear)
  const s = sentenceStart(tk, Math.max(para, first - SENTENCE_BACK), first);
  const speaker = (prev && prev.at >= tk.start(s) ? prev.attribution.speaker : undefined) ?? clauseSubject(tk, text, s, lo)?.np;
  return speaker ? { cue: cueOf(tk, text, k, b), speaker } : undefined;
}

// dashes that set a label off from a line's heading ("IOWA POLLS NOT WRONG - Jane Doe: “…”")
const LABEL_DASH = /^(?:-|–|—)$/;

/**
 * 'Jane Doe: "…"' / 'Rep. Jane Doe (D-Wis.):"…"': a name right before the colon that opens the quotation at token b,
 * with no verb of speech; the colon is the cue (PolNeAR marks it so). The name must open its clause (the paragraph,
 * the words after the previous quotation, or a heading's dash) or be a person the text names ("… doesn't surprise
 * pollster Jane Doe: "…"").
 */
export function labelBefore(
  tk: Tokens, text: string, lo: number, b: number, person: (span: Span) => boolean, named: (span: Span) => boolean = person,
): Attribution | undefined {
  if (b - 2 < lo || tk.word(b - 1) !== ":") return undefined;
  const colon = b - 1;
  let np = speakerBefore(tk, text, lo, colon);
  if (!np || np.pronoun || np.to !== colon && !(np.to < colon && tk.word(colon - 1) === ")")) return undefined;
  // a name ends it ("Sources:", "The result:", "Update:" are labels of the writer's own)
  const last = np.to - 1;
  if (!/^\p{Lu}/u.test(tk.word(last)) || !tk.isWord(last)) return undefined;
  for (let k = np.from; k < np.to; k++) if (isCue(tk, k) && !/^\p{Lu}/u.test(tk.word(k))) return undefined;
  // (the speaker scan may run over the heading's dash into the heading: the label starts after the dash)
  let dash = -1;
  for (let k = np.from; k < last; k++) if (LABEL_DASH.test(tk.word(k))) dash = k;
  if (dash >= 0) np = phraseNP(tk, text, dash + 1, np.to) ?? np;
  const opens = dash >= 0 || np.from === lo || (np.from > lo && LABEL_DASH.test(tk.word(np.from - 1)));
  if (!opens && !person(np.nameSpan)) return undefined;
  // the object of a preposition or a verb of speech is not the label ("said of Mr. Rubio:", "by Times' Jane Doe:",
  // "explained moderator Jane Doe:" — a cue the other readers missed, or a byline)
  for (let k = np.from - 1; k >= lo && k >= np.from - 4; k--) {
    if (isCue(tk, k) || (k === np.from - 1 && /^(?:of|by|about|to|from|for|with|on|at|in)$/.test(tk.low(k)))) return undefined;
    if (tk.isPunct(k)) break;
  }
  // a one-word label names someone the text knows ("Clinton:"), not a heading word ("Sources:", "Update:")
  if (opens && np.to - np.from === 1 && !named(np.nameSpan)) return undefined;
  // a name inside a clause starts at its first capital: the verb before it is no part of it ("surprise pollster Jane Doe")
  let from = np.from;
  if (!opens) while (from < last && !/^\p{Lu}/u.test(tk.word(from))) from++;
  const speaker = from === np.from ? np : { ...np, from, span: [tk.start(from), np.span[1]] as Span };
  return { speaker, cue: { text: ":", span: [tk.start(colon), tk.end(colon)] } };
}

// the longest quotation (words) an apposition may hold on its way to the cue ('Jo Li, wearing "Vote No" pins, said')
const APPOSITION_QUOTE_MAX = 4;

/**
 * '"…," Jo Li, wearing "Vote No" pins, said.': a short quotation inside the speaker's apposition ends the range the
 * attribution is read in too soon; read it again up to the quotation after that one (or the paragraph end), when the
 * words before the short one open an apposition (a comma) and end no sentence.
 */
function pastShortQuote(tk: Tokens, text: string, marked: readonly MarkedQuote[], n: number, spans: readonly Span[]): Attribution | undefined {
  const q = marked[n]!;
  const next = marked[n + 1];
  if (!next || next.firstParagraph !== q.lastParagraph || wordCount(text.slice(next.inner[0], next.inner[1])) > APPOSITION_QUOTE_MAX) return undefined;
  const gap = text.slice(q.outer[1], next.outer[0]);
  if (!/^[\s,]*\S[^.!?;:]*,[^.!?;:]*$/.test(gap)) return undefined;
  // (a verb before the short quotation is the cue that introduces it: '"Frankly," she said, "no."')
  for (let k = tk.at(q.outer[1]); k < tk.at(next.outer[0]); k++) if ((isCue(tk, k) || verbLike(tk, k)) && !/ing$/.test(tk.low(k))) return undefined;
  const after = marked[n + 2];
  const end = after && after.firstParagraph === q.lastParagraph ? after.outer[0] : spans[q.lastParagraph]![1];
  return attributionAfter(tk, text, tk.at(q.outer[1]), tk.at(end));
}

function refOf(np: SpeakerNP): Ref {
  return { name: np.name, span: np.span };
}

function makeQuote(doc: Document, q: MarkedQuote, at: Attribution | undefined, paragraph: number): Quote {
  const span = trimContent(doc.text, q.inner);
  const quote: Quote = {
    id: "",
    kind: "direct",
    text: doc.slice(span),
    span,
    source: SOURCE,
    marks: q.outer,
    paragraph,
  };
  if (at) {
    if (at.cue) quote.cue = at.cue;
    quote.speaker = refOf(at.speaker);
    quote.confidence = at.speaker.pronoun ? 0.8 : at.cue ? 0.9 : 0.75;
    quote.attribution = "cue";
  }
  return quote;
}

export function extractDirectQuotes(doc: Document, turns: readonly Quote[] = []): Quote[] {
  const paragraphs = doc.get("paragraph");
  const spans = paragraphs.map((p) => p.span);
  // a transcript turn's label and the mark re-opening each paragraph of a transcript quoted whole are no quotation:
  // marks are sought in the turn's words alone
  const inTurn = new Set<number>();
  for (const t of turns) {
    const p = t.paragraph;
    if (p === undefined || !spans[p] || !(spans[p]![0] <= t.span[0] && t.span[1] <= spans[p]![1])) continue;
    spans[p] = [t.span[0], spans[p]![1]];
    inTurn.add(p);
  }
  const marked = findMarkedQuotes(doc.text, spans);
  const tk = Tokens.of(doc);
  const text = doc.text;
  const out: Quote[] = [];
  // a person the text names, ending where a span does (for a label before a colon)
  const mentions = doc.has("mention") ? doc.get("mention") : [];
  const personEnds = new Set(mentions.filter((m) => m.type === "PERSON").map((m) => m.span[1]));
  const nameEnds = new Set(mentions.map((m) => m.span[1]));
  const person = (span: Span): boolean => personEnds.has(span[1]);
  const named = (span: Span): boolean => nameEnds.has(span[1]);
  // the attribution of the quotation before (for a participle that continues it)
  let prevAt: { attribution: Attribution; at: number } | undefined;
  for (let n = 0; n < marked.length; n++) {
    const q = marked[n]!;
    const prevEnd = n > 0 && marked[n - 1]!.lastParagraph === q.firstParagraph ? marked[n - 1]!.outer[1] : spans[q.firstParagraph]![0];
    const nextStart = n + 1 < marked.length && marked[n + 1]!.firstParagraph === q.lastParagraph ? marked[n + 1]!.outer[0] : spans[q.lastParagraph]![1];
    const after = attributionAfter(tk, text, tk.at(q.outer[1]), tk.at(nextStart)) ?? pastShortQuote(tk, text, marked, n, spans);
    const label = after ? undefined : labelBefore(tk, text, tk.at(prevEnd), tk.at(q.outer[0]), person, named);
    // 'Pollsters agree - Jane Doe: "…"': a label set off by a heading's dash is the speaker, not the heading's clause
    const dashed = label && label.speaker.from > 0 && LABEL_DASH.test(tk.word(label.speaker.from - 1)) ? label : undefined;
    let at = after ?? dashed ?? attributionBefore(tk, text, tk.at(prevEnd), tk.at(q.outer[0])) ?? label;
    // 'Caddell continued:' closing one paragraph, the quotation opening the next
    if (!at && q.firstParagraph > 0 && !/\S/.test(text.slice(spans[q.firstParagraph]![0], q.outer[0]))) {
      const prev = spans[q.firstParagraph - 1]!;
      if (/:\s*$/.test(text.slice(Math.max(prev[0], prev[1] - 3), prev[1]))) {
        const lo = n > 0 && marked[n - 1]!.lastParagraph === q.firstParagraph - 1 ? marked[n - 1]!.outer[1] : prev[0];
        at = attributionBefore(tk, text, tk.at(lo), tk.at(prev[1]));
      }
    }
    // '"…," adding, "…"': a participle between two quotations of one paragraph continues the first one's speaker
    // (or of the last attributed quotation of the sentence: '"…," Graham said on "Morning Joe," adding, "…"')
    if (!at && n > 0 && marked[n - 1]!.lastParagraph === q.firstParagraph) {
      const p = marked[n - 1]!;
      at = participleBetween(tk, text, tk.at(spans[q.firstParagraph]![0]), tk.at(p.outer[0]), tk.at(p.outer[1]), tk.at(q.outer[0]), prevAt);
    }
    if (at) prevAt = { attribution: at, at: q.outer[0] };
    // a quotation inside a turn is the turn speaker's unless written with its own speaker and cue
    if (!at && inTurn.has(q.firstParagraph)) continue;
    const quote = makeQuote(doc, q, at, q.firstParagraph);
    if (quote.span[1] <= quote.span[0]) continue;
    out.push(quote);
    // a quote within the quote, when its own speaker and cue are written inside ("X keeps talking about 'Y'")
    for (const inner of q.nested) {
      const lo = tk.at(q.inner[0]);
      const b = tk.at(inner.outer[0]);
      const nestedAt = attributionBefore(tk, text, lo, b, false) ?? attributionAfter(tk, text, tk.at(inner.outer[1]), tk.at(q.inner[1]));
      if (!nestedAt || wordCount(doc.slice(inner.inner)) === 0) continue;
      const nq = makeQuote(doc, inner, nestedAt, q.firstParagraph);
      // "I"/"we" inside a quote is the quoted speaker
      if (nestedAt.speaker.pronoun && /^(?:i|we)$/i.test(nestedAt.speaker.name) && quote.speaker) nq.speaker = { ...quote.speaker };
      nq.confidence = 0.7;
      nq.attribution = "nested";
      out.push(nq);
    }
  }
  return out;
}

export const directQuotes: Stage = {
  name: "directQuotes",
  kind: "extractor",
  requires: ["paragraph", "token"],
  provides: ["quote"],
  run(doc: Document) {
    // (transcript turns, when their stage ran first, stay, and their paragraphs are read as turns)
    const turns = doc.has("quote") ? doc.get("quote").filter((q) => q.source === TURN_SOURCE) : [];
    doc.set("quote", [...turns, ...extractDirectQuotes(doc, turns)]);
  },
};
