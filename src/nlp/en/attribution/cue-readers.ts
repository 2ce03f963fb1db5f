// Cue readers the clause patterns miss: a cue after a clitic ("He's claiming …"), a question asked, a cue word used as a noun.
import type { Span } from "../../../core/record.js";
import {
  afterThat, badContentStart, isCapitalised, isCueNoun, isNegation, isQuoteChar, looksLikeClause, speakerBefore, type SpeakerNP, type Tokens,
} from "../extractors/quote-common.js";

/** A report as the extractor's candidates hold it. */
export interface CueReport {
  speaker: SpeakerNP;
  cue: Span;
  content: Span;
  confidence: number;
}

// Auxiliaries and clitics between a subject and its cue; PolNeAR's cue takes them along ("'s claiming", "'ve long argued").
const AUX = /^(?:is|are|was|were|be|been|being|am|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'s|'re|'ve|'ll|'d|'m|[a-z]+n't)$/;
// Adverbs that may sit in that chain ("'s now saying", "'ve long argued", "'s repeatedly claimed").
const ADVERB = /^(?:also|even|yet|still|really|ever|just|always|actually|immediately|publicly|necessarily|[a-z]{3,}ly)$/;
const WH = /^(?:whether|if|when|how|what|why|where|who|which)$/;
// Clitics the subject scan stops at ("He's claiming", "they've argued"): the cases this reader is for.
const CLITIC = /^(?:'s|'re|'ve|'m|'ll|'d)$/;
const CONFIDENCE = 0.6;
// a cue this often a cue in the train split may take a bare clause ("'s claiming voting fraud is …"); as the extractor's STRONG_RATE
const STRONG_CUE_RATE = 0.3;
const CHAIN_MAX = 5;
// below this rate a cue needs "that" or a wh-word (the extractor's LOOSE_RATE)
const LOOSE_CUE_RATE = 0.2;

function hasAuxiliary(tk: Tokens, c: number, end: number): boolean {
  for (let k = c; k < end && k < c + 12; k++) if (AUX.test(tk.low(k)) && !/^'s$/.test(tk.low(k))) return true;
  return false;
}

/**
 * The auxiliaries, negations and adverbs written before the verb at token i, back to s0 (at most CHAIN_MAX words):
 * where the chain starts (k), and whether it holds a negation or a clitic ("He's", "They've").
 */
function verbChain(tk: Tokens, s0: number, i: number): { k: number; negated: boolean; clitic: boolean } {
  let k = i;
  let negated = false;
  let clitic = false;
  while (k - 1 >= s0 && i - k < CHAIN_MAX) {
    const w = tk.low(k - 1);
    if (!(AUX.test(w) || isNegation(w) || (ADVERB.test(w) && !isCapitalised(tk.word(k - 1))))) break;
    if (isNegation(w) || /n't$/.test(w)) negated = true;
    if (CLITIC.test(w)) clitic = true;
    k--;
  }
  return { k, negated, clitic };
}

/**
 * "He's claiming that …", "They've long argued the tax is …", "She's hoping the caucuses will …": the cue after a
 * chain of auxiliaries holding a clitic (the subject scan stops at the clitic), its subject before the chain, its
 * content a "that" clause, a wh-clause, a clause, or a strong cue's object. The cue span starts at the chain, as
 * PolNeAR's does, a negation included ("She's not claiming that …": PolNeAR marks negated cues, the negation in the
 * cue). `reportEnd(c, end)` is the extractor's end of a report starting at token c.
 */
export function auxChainReport(
  tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number, reportEnd: (c: number, end: number) => number,
): CueReport | undefined {
  const { k, clitic } = verbChain(tk, s0, i);
  if (!clitic || k === i || k <= s0) return undefined;
  const speaker = speakerBefore(tk, text, s0, k);
  if (!speaker) return undefined;
  const c = afterThat(tk, e, end);
  const that = c > e;
  if (c >= end || end - c < 2 || tk.isPunct(c) || isQuoteChar(tk.word(c))) return undefined;
  const first = tk.low(c);
  const wh = !that && WH.test(first);
  // a bare clause: a strong cue's, or a weaker one's when an auxiliary shows the clause ("'s hoping the vote will …")
  const clause = rate >= LOOSE_CUE_RATE && !badContentStart(first) && looksLikeClause(tk, c, end) && (rate >= STRONG_CUE_RATE || hasAuxiliary(tk, c, end));
  // an object: a strong cue's ("'s defending his tweets")
  const object = rate >= STRONG_CUE_RATE && !badContentStart(first) && !/^(?:to|so|much|anything|nothing|it)$/.test(first);
  if (!that && !wh && !clause && !object) return undefined;
  if (that && badContentStart(first)) return undefined;
  const stop = reportEnd(c, end);
  if (stop - c < 2) return undefined;
  return { speaker, cue: [tk.start(k), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: CONFIDENCE };
}

// Speech verbs whose negation still reports on what was (not) said: with the question left open ("would not say
// whether …", "isn't saying what …") or, for the verbs of naming, with what went unnamed ("did not mention Trump by name").
// PolNeAR train marks such cues, negation included (say 13 of 20 negated uses outside quotations, mention 16 of 17).
const NEGATED_WH = /^(?:say|tell|disclose|reveal|specify|explain|predict|elaborate|detail|indicate)$/;
const NEGATED_OBJECT = /^(?:mention|disclose|reveal|specify|name)$/;
// What may stand between such a verb and its question: a time, an adverb, an addressee ("wouldn't say Tuesday how").
const NEGATED_GAP = /^(?:yet|publicly|immediately|specifically|exactly|precisely|directly|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|reporters|him|her|them|us|me)$/;

/**
 * "Reid would not say whether …", "Trump isn't saying what …", "Carson did not mention any of his opponents by name": a
 * negated speech verb and the question it leaves open (or the thing it leaves unnamed). The cue takes the auxiliaries
 * and the negation along, as PolNeAR's does, so the record reads as what it is ("wouldn't say"). Undefined unless the
 * chain before the verb holds a negation and a subject precedes it.
 */
export function negatedReport(
  tk: Tokens, text: string, s0: number, i: number, e: number, end: number, reportEnd: (c: number, end: number) => number,
): CueReport | undefined {
  const lemma = tk.cue(i)?.lemma ?? "";
  const whVerb = NEGATED_WH.test(lemma);
  const objectVerb = NEGATED_OBJECT.test(lemma);
  if (!whVerb && !objectVerb) return undefined;
  const { k, negated } = verbChain(tk, s0, i);
  // ("no" is a determiner, not a verb's negation: "no one said")
  if (!negated || k <= s0 || tk.low(k) === "no") return undefined;
  const speaker = speakerBefore(tk, text, s0, k);
  if (!speaker) return undefined;
  let q = e;
  while (q < end && q < e + 3 && NEGATED_GAP.test(tk.low(q))) q++;
  if (whVerb && q < end && WH.test(tk.low(q))) {
    // a short question may be the wh-word alone ("did not say when.")
    const stop = reportEnd(q, end);
    return { speaker, cue: [tk.start(k), tk.end(e - 1)], content: [tk.start(q), tk.end(Math.max(q + 1, stop) - 1)], confidence: CONFIDENCE };
  }
  // the thing unnamed follows the verb (a possessive may open it: "never mentioned her rival")
  const c = e;
  const first = tk.low(c);
  if (!objectVerb || c >= end || tk.isPunct(c) || isQuoteChar(tk.word(c)) || (badContentStart(first) && !/^(?:his|her|their|its|our)$/.test(first)) ||
    /^(?:it|that|this|anything|nothing|much|him|them|me|us|you)$/.test(first) || (first === "her" && (c + 1 >= end || tk.isPunct(c + 1)))) return undefined;
  // it ends at its clause's comma ("Though she never mentioned X by name, Clinton cast …")
  let stop = reportEnd(c, end);
  for (let m = c + 1; m < stop; m++) if (tk.word(m) === ",") stop = m;
  if (stop <= c) return undefined;
  return { speaker, cue: [tk.start(k), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: CONFIDENCE };
}

// What a question asked opens with: a wh-word or "if", or "about" and its topic ("Asked about her vote, …").
const QUESTION = /^(?:whether|if|how|why|what|when|where|who|whom|which|about)$/;

/**
 * "Asked whether he would run, the senator said …", "… she said when asked about the plan.": a fronted or trailing "asked"
 * reports the question, to the comma that ends the participle clause (or the sentence end); "by X" names who asked.
 * The cue takes "about" along, as PolNeAR's does. Undefined unless the question follows the participle.
 */
export function askedReport(tk: Tokens, text: string, s0: number, i: number, end: number): { cue: Span; content: Span; speaker?: SpeakerNP } | undefined {
  if (tk.low(i) !== "asked" || !(i === s0 || /^(?:when|after|once|if|as|,)$/.test(tk.low(i - 1)))) return undefined;
  let k = i + 1;
  let speaker: SpeakerNP | undefined;
  // "Asked by a reporter whether …": the one who asked
  if (k < end && tk.low(k) === "by") {
    let m = k + 1;
    while (m < end && m < k + 6 && tk.isWord(m) && !QUESTION.test(tk.low(m))) m++;
    speaker = m > k + 1 ? speakerBefore(tk, text, k + 1, m) : undefined;
    if (!speaker || speaker.to !== m) return undefined;
    k = m;
  }
  // a time or a place between the participle and the question ("Asked on Monday whether …", "asked at a briefing in
  // Ohio about …": the cue is "asked" alone then, and "about" opens the content, as PolNeAR marks it)
  let apart = false;
  if (k + 2 < end && /^(?:on|at|in|during|later|again|repeatedly)$/.test(tk.low(k)) && !QUESTION.test(tk.low(k))) {
    let m = k + 1;
    while (m < end && m < k + 8 && tk.isWord(m) && !QUESTION.test(tk.low(m))) m++;
    if (m < end && QUESTION.test(tk.low(m))) {
      k = m;
      apart = true;
    }
  }
  if (k >= end || !QUESTION.test(tk.low(k))) return undefined;
  const about = tk.low(k) === "about" && !apart;
  const c = about ? k + 1 : k;
  let stop = c + 1;
  while (stop < end && tk.word(stop) !== "," && !isQuoteChar(tk.word(stop))) stop++;
  // ("When asked why, she said …": a wh-word alone is the question)
  const bare = stop - c === 1 && stop < end && tk.word(stop) === "," && /^(?:why|how)$/.test(tk.low(c)) && i > s0;
  if ((stop - c < 2 && !bare) || (i === s0 && stop >= end)) return undefined;
  return { cue: [tk.start(i), tk.end(about ? k : i)], content: [tk.start(c), tk.end(stop - 1)], speaker };
}

// Determiners and possessives before a word make it a noun ("the network's show", "the report", "a call").
const NOUN_BEFORE = /^(?:'s|the|a|an|this|these|those|its|his|her|their|our|my|your|every|each|no|any)$/;
const POSSESSIVE = /^(?:'s|’s|[\p{L}.]+['’]s)$/u;
// a name's word that is plural in meaning: the verb after it may be a base form ("Police say", "Staff report")
const PLURAL_NAME = /^(?:police|people|staff|media|clergy|faculty|cattle|personnel|youth|press|public|majority|minority|group|team|family|board|panel|government|administration|congress|parliament|senate|house|court|committee|jury|crowd|audience)$/;
const NAME_OPENER = /^(?:the|a|an|this|that|its|his|her|their|our)$/;
// base forms that are past forms too ("as the Times put it", "the Post read it")
const SAME_PAST = /^(?:cast|put|read|hit|set|let|cut|quit|bet|bid|spread|shut|upset|broadcast|forecast)$/;
/**
 * Whether the word at k ends a capitalised name that a determiner opens ("the FEC", "a Government Accountability
 * Office"): a singular thing before a base form, which a finite verb would not follow. A name after a preposition
 * ("voters in New York say") or a verb ("help Rubio convince") may not be the subject's head, and is not taken.
 */
function singularName(tk: Tokens, k: number, s0: number): boolean {
  if (/s$/i.test(tk.word(k)) || PLURAL_NAME.test(tk.low(k))) return false;
  let m = k;
  while (m >= s0 && m > k - 6 && !NAME_OPENER.test(tk.low(m)) && (isCapitalised(tk.word(m)) || (tk.word(m) === "." && m < k))) m--;
  return m < k && m >= s0 && NAME_OPENER.test(tk.low(m));
}
const PREPOSITION_BEFORE = /^(?:on|in|at|from|of|for|with|by|during|after|before|into|through|via)$/;
// (a pronoun or a quantifier after the preposition may head the subject: "many of whom say", "some of them argue")
// (nor a function word: "went on to say", "on and off")
const PRONOUN_OBJECT = /^(?:whom|which|them|us|him|me|you|it|all|both|each|some|many|most|none|one|others?|these|those|to|and|or|but|not|never|also|then|that|who|what|where|when)$/;
const NOUN_COMPLEMENT = /^(?:that|to|of|for|about|on|against|over|whether)$/;

/**
 * A cue word used as a noun, not a verb: a base or plural form after a determiner or a possessive ("the network's show",
 * "a call"), or a base form right before a finite verb in -s or -ed or a verb of saying ("a new research report compares …").
 * Nouns that are cues themselves (in the noun lexicon, or with a clause or topic after them: "Clinton's claim that
 * …", "his call for …") and past forms ("a letter that he said was drafted") are left alone.
 */
export function nounUse(tk: Tokens, i: number, s0: number, s1: number, isFinite: (w: string) => boolean): boolean {
  const w = tk.low(i);
  const lemma = tk.cue(i)?.lemma;
  if (!lemma || isCueNoun(w) || !(w === lemma || w === `${lemma}s` || w === `${lemma}es`)) return false;
  // (a noun that takes a clause or a topic may be a cue itself: "her claim that …", "his call for …")
  if (i > s0 && (NOUN_BEFORE.test(tk.low(i - 1)) || (w === lemma && POSSESSIVE.test(tk.low(i - 1))))) return !(i + 1 < s1 && NOUN_COMPLEMENT.test(tk.low(i + 1)));
  // a base form after one singular name has no subject it agrees with ("the FEC report covering …", "an MSNBC
  // show"): a noun; a plural or coordinated subject ("Democrats say", "Trump and Cruz say") and a first word are not
  if (w === lemma && !SAME_PAST.test(w) && !isCapitalised(tk.word(i)) && i - 1 > s0 && singularName(tk, i - 1, s0)) return !(i + 1 < s1 && NOUN_COMPLEMENT.test(tk.low(i + 1)));
  // "on radio show X", "at a campaign stop": a base form after a preposition's singular lower-case noun is a compound's
  // head (a preposition's object is no subject for it to agree with)
  if (w === lemma && i - 2 >= s0 && PREPOSITION_BEFORE.test(tk.low(i - 2)) && tk.isWord(i - 1) && !isCapitalised(tk.word(i - 1)) &&
    !/(?:s|ing|ly)$/.test(tk.low(i - 1)) && !NOUN_BEFORE.test(tk.low(i - 1)) && !isFinite(tk.low(i - 1)) &&
    !PRONOUN_OBJECT.test(tk.low(i - 1))) return !(i + 1 < s1 && NOUN_COMPLEMENT.test(tk.low(i + 1)));
  if (w !== lemma || i + 1 >= s1 || !tk.isWord(i + 1)) return false;
  const n = tk.low(i + 1);
  // (or an irregular past of a verb of saying: "the new report said …", "a recent study found …")
  return n.length > 3 && isFinite(n) && (/[^s](?:ed|s)$/.test(n) || (tk.cue(i + 1)?.rate ?? 0) >= 0.3);
}
