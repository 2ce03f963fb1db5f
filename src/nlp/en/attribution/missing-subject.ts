// A finite cue left without a speaker takes the noun phrase that opens its clause ("Sen. Jane Doe of Ohio, the No. 2 Democrat, on Monday said …").
import type { Quote } from "../../../core/annotations.js";
import type { Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";
import { FINITE_AUX, cueVerb, frontedAdjunct, isCapitalised, isNegation, isQuoteChar, isReducedParticiple, isTitleDot, type SpeakerNP, type Tokens } from "../extractors/quote-common.js";
import { cueVoice } from "./voice.js";

// Auxiliaries and adverbs the cue may carry before its verb ("have also said", "did not say").
const AUX = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'s|'ve|'d|'ll|also|not|never|n't|still|first|later|then|once|now|again|even|just|long|[a-z]+n't|[a-z]+n’t|[a-z]{3,}ly)$/;
// Time words that may stand between a subject and its verb ("Sanders on Tuesday evening said"): no part of either.
// ("here" and "there" are: PolNeAR's "Her campaign workers here")
const BETWEEN =
  /^(?:on|late|early|last|this|earlier|next|week|weekend|month|year|night|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|too)$/;
const BETWEEN_MAX = 6;
// Cue verbs whose subject is not the one who reports: the one asked, a raised subject.
const NOT_SPEAKER_SUBJECT = /^(?:ask|seem|appear|expect)$/;
// A subordinator or a complementiser right before the cue: "when asked", "if elected", "to say".
const CLAUSE_LEAD = /^(?:to|when|if|as|while|unless|until|once|whether|than)$/;
// Connectives that open a sentence before its subject ("But the same poll suggests"): PolNeAR leaves them out.
const CONNECTIVE = /^(?:but|and|yet|so|still|even|now|then|meanwhile|instead|again|indeed|however)$/;
// A dash setting off an aside.
const DASH = /^(?:[–—―]|--)$/;
// Words no subject noun phrase holds: clause words, verbs of being and saying, object pronouns, expletives.
const NOT_IN_NP = new Set(
  ("that which who whom whose what whatever whoever how why where when if because although though unless until whether " +
    "while since than after before but or nor so is are was were be been being am has have had do does did will would can could may " +
    "might must shall should not never him them me us it there said says say told tells").split(" "),
);
// Words that neither open nor close a subject: prepositions and conjunctions; nor close one: determiners.
const PREPOSITION = /^(?:in|on|at|by|with|to|into|from|about|over|under|during|through|against|among|between|of|for|after|before|like|as|and|or)$/;
const DETERMINER = /^(?:the|a|an|its|his|her|their|our|my|your|this|these|those|some|many|most|all|each|every|no|any)$/;
const NP_MAX = 30;
// Words opening an adjunct fronted before the subject that frontedAdjunct does not know ("Alarmed by …", "Earlier this
// week", "To be sure").
const ADJUNCT_START = /^(?:[a-z]{3,}ed|[a-z]{3,}ly|[a-z]{3,}ing|in|on|at|after|before|during|for|with|from|since|despite|under|over|like|unlike|as|when|while|once|although|though|because|if|to|by|according|amid|among|across|through|throughout|toward|towards|within|without|beyond|between|against|given|upon|into|again)$/;
const ADJUNCTS_MAX = 2;
const ASIDE_MAX = 40;
const SUBJECT_REACH = 100;

/** Whether the words from lo up to the comma at `comma` are a fronted adjunct ("In May,", "Alarmed by the unrest,"). */
function adjunctBefore(tk: Tokens, lo: number, comma: number): boolean {
  if (frontedAdjunct(tk, lo, comma)) return true;
  if (comma - lo < 1 || comma - lo > 20 || !ADJUNCT_START.test(tk.low(lo))) return false;
  for (let k = lo; k < comma; k++) if (tk.word(k) === ";" || isQuoteChar(tk.word(k))) return false;
  return true;
}

/**
 * Tokens [a, b) read as one noun phrase ("Exit polling", "A person familiar with the planning", "those surveyed", "Six
 * newspapers in New Jersey"): no clause word, no verb of its own (a participle may modify it), no punctuation but a
 * possessive, a title's full stop, a hyphen or a sign.
 */
function nounPhrase(tk: Tokens, a: number, b: number): boolean {
  if (b <= a || b - a > NP_MAX) return false;
  // (an -ing form, an adverb or a participle first opens an adjunct: "Speaking to reporters Trump said")
  if (PREPOSITION.test(tk.low(a)) || PREPOSITION.test(tk.low(b - 1)) || DETERMINER.test(tk.low(b - 1)) || (ADJUNCT_START.test(tk.low(a)) && !isCapitalised(tk.word(a)))) return false;
  for (let k = a; k < b; k++) {
    const w = tk.word(k);
    const l = tk.low(k);
    if (!tk.isWord(k)) {
      if (/^(?:'s|’s|'|’|%|\$|&|\/|-)$/.test(w) || isTitleDot(tk, k) || tk.t.kind[k] === 2) continue;
      return false;
    }
    if (NOT_IN_NP.has(l) || isNegation(l) || isQuoteChar(w)) return false;
    // a verb of its own makes the words a clause ("Clinton won Iowa and …"); a plural, a participle or a name does not
    if (tk.finite(k) && !isCapitalised(w) && !/(?:s|ed)$/.test(l)) return false;
    // (a past form inside the phrase is a verb, "The firm lobbied on …", unless it is the reduced relative of a poll
    // or ends the phrase: "a poll released Wednesday", "those surveyed")
    if (/^[a-z]{3,}ed$/.test(w) && k < b - 1 && tk.finite(k) && !isReducedParticiple(l)) return false;
    if ((cueVerb(l)?.rate ?? 0) >= 0.3 && !/(?:s|ed|ing)$/.test(l) && !isCapitalised(w)) return false;
  }
  return true;
}

const speaker = (tk: Tokens, text: string, a: number, b: number, end: number): SpeakerNP => {
  const span: Span = [tk.start(a), end];
  const name = text.slice(span[0], span[1]).replace(/\s+/g, " ");
  return { from: a, to: b, span, name, nameSpan: span, pronoun: b - a === 1 && /^(?:i|he|she|we|they|you)$/.test(tk.low(a)) };
};

/**
 * The subject before token `b` (the cue, past its auxiliaries and a time): the words from the clause's start, past a
 * connective and one or two fronted adjuncts with their commas, up to the first comma or dash; then asides set off by
 * commas or dashes up to `b` ("Senator X of Y, the No. 2 Republican in the Senate, | said"). With one aside the span
 * is the phrase before it (the scorer reads an apposition after a name as PolNeAR does, attribution's own rule); with
 * more, the span runs to the last ("Ohio's treasurer, Dan Reyes, a Democrat | said").
 */
function subjectBefore(tk: Tokens, text: string, s0: number, b: number): SpeakerNP | undefined {
  let a = s0;
  if (CONNECTIVE.test(tk.low(a)) && a + 1 < b) a += tk.word(a + 1) === "," ? 2 : 1;
  // the marks (commas and dashes) between the clause's start and the cue
  const marks: number[] = [];
  for (let k = a; k < b; k++) {
    const w = tk.word(k);
    // (an aside between dashes belongs to the source with its closing dash in PolNeAR, which a speaker span does not hold)
    if (w === ";" || w === ":" || DASH.test(w) || (isQuoteChar(w) && !/^['’]$/.test(w))) return undefined;
    if (w === "-" && /\s/.test(text[tk.start(k) - 1] ?? "") && /\s/.test(text[tk.end(k)] ?? "")) return undefined;
    // (not a thousands separator: "1,500")
    if (w === "," && !(tk.t.kind[k - 1] === 2 && tk.t.kind[k + 1] === 2 && tk.end(k - 1) === tk.start(k) && tk.end(k) === tk.start(k + 1))) marks.push(k);
  }
  let m = 0;
  for (let n = 0; n < ADJUNCTS_MAX && m < marks.length && tk.word(marks[m]!) === "," && adjunctBefore(tk, a, marks[m]!); n++) a = marks[m++]! + 1;
  const head = m < marks.length ? marks[m]! : b;
  if (!nounPhrase(tk, a, head)) return undefined;
  if (head === b) return speaker(tk, text, a, head, tk.end(head - 1));
  // the asides end right before the cue, each short and closed by the mark that opened it (a dash by a dash)
  const rest = marks.slice(m);
  if (rest[rest.length - 1] !== b - 1 || rest.length < 2) return undefined;
  for (let k = 1; k < rest.length; k++) if (rest[k]! - rest[k - 1]! > ASIDE_MAX || rest[k]! - rest[k - 1]! < 2) return undefined;
  if (rest.length === 2) return speaker(tk, text, a, head, tk.end(head - 1));
  return speaker(tk, text, a, b - 1, tk.end(b - 2));
}

// Adverbs between a subject and its verb ("Jane Doe often takes", "The agency repeatedly obfuscated").
// (not a noun or an adjective in -ly: "the family says", "a rally drew")
const SUBJECT_ADVERB = /^(?:(?!(?:family|rally|ally|tally|daily|weekly|monthly|yearly|supply|assembly|anomaly|only|early|likely|friendly|elderly|holy|ugly|lonely|lovely|costly|deadly|july)$)[a-z]{3,}ly|often|also|always|never|now|then|still)$/;
// What the words between a subject's first verb and "and" may not hold: another clause's subject or a report's content.
const NOT_IN_VP = /^(?:who|whom|whose|which|that|said|says|told|tells|;|:)$/;
const VP_MAX = 40;

/**
 * "The court overruled and said …", "The AP has surveyed these delegates several times and noted …": a cue after
 * "and" (or "but") whose clause opens with a noun phrase and its own verb; the phrase, from the clause's start (past a
 * connective and a fronted adjunct) up to that verb, is the cue's subject too. `c` is the conjunction's token.
 */
function coordinatedSubject(tk: Tokens, text: string, s0: number, c: number): SpeakerNP | undefined {
  let a = s0;
  if (CONNECTIVE.test(tk.low(a)) && a + 1 < c) a += tk.word(a + 1) === "," ? 2 : 1;
  // past one fronted adjunct and its comma ("Earlier Wednesday, Schilling appeared …")
  for (let k = a; k < c && k - a <= 20; k++) {
    if (tk.word(k) !== ",") continue;
    if (adjunctBefore(tk, a, k)) a = k + 1;
    break;
  }
  // the subject's verb: the first auxiliary or finite form after the phrase's first word
  let v = a + 1;
  // (or a past tense the finite list lacks, right before the conjunction: "The court overruled and said …")
  // (a form after a determiner or before "of"/"for" is a noun: "The appeals court for the 4th Circuit")
  // (after a name or an adverb, a form in -s or -ed is the verb too: "Jane Doe slams …", "The agency repeatedly
  // obfuscated …")
  const verbAt = (k: number): boolean =>
    tk.isWord(k) && !isCapitalised(tk.word(k)) && (FINITE_AUX.test(tk.low(k)) || (tk.finite(k) && !/s$/.test(tk.low(k)) && !/^(?:of|for)$/.test(tk.low(k + 1)) && !DETERMINER.test(tk.low(k - 1))) || (k === c - 1 && /^[a-z]{3,}ed$/.test(tk.word(k))) ||
      (/^[a-z]{3,}(?:s|ed)$/.test(tk.word(k)) && k - 1 > a && tk.isWord(k - 1) && ((tk.finite(k) && isCapitalised(tk.word(k - 1))) || SUBJECT_ADVERB.test(tk.word(k - 1)))) ||
      // (a past form right after a name, or after "the" and a noun: "Ann Roe paused", "The judge rubbed his chin")
      (/^[a-z]{3,}ed$/.test(tk.word(k)) && tk.isWord(k - 1) && (isCapitalised(tk.word(k - 1)) || (k - 2 === a && DETERMINER.test(tk.low(a)) && !isCapitalised(tk.word(k - 1))))));
  while (v < c && !verbAt(v)) v++;
  // ("A few minutes later they reversed …": a subject pronoun after an unmarked adjunct opens the subject)
  for (let k = a + 1; k < v; k++) if (/^(?:i|he|she|we|they)$/.test(tk.low(k))) a = k;
  // (an adverb before the verb is neither's: "Jane Doe often | takes")
  let e = v;
  while (e - 1 > a && SUBJECT_ADVERB.test(tk.word(e - 1))) e--;
  if (v >= c || c - v > VP_MAX || !nounPhrase(tk, a, e)) return undefined;
  // (a past form the finite list lacks is a verb here: "Clinton even acquiesced to …")
  for (let k = a + 1; k < e; k++) if (/^[a-z]{3,}ed$/.test(tk.word(k)) && !isReducedParticiple(tk.low(k))) return undefined;
  for (let k = v; k < c; k++) if (NOT_IN_VP.test(tk.low(k)) || isQuoteChar(tk.word(k))) return undefined;
  return speaker(tk, text, a, e, tk.end(e - 1));
}

/**
 * "Jane Doe slams the plan, praises the mayor": a cue after a comma that continues a series of verbs shares the
 * subject of the first (coordinatedSubject's reading, the comma in place of "and"); the first verb's phrase holds no
 * comma of its own, and the cue is a finite form in -s or -ed like it.
 */
function commaSeries(tk: Tokens, text: string, s0: number, b: number, h: number): SpeakerNP | undefined {
  if (b - 1 <= s0 || tk.word(b - 1) !== "," || !/^[a-z]{3,}(?:s|ed)$/.test(tk.word(h))) return undefined;
  // (only "then" between the comma and the verb: "Ann Roe paused, then revealed …")
  for (let k = b; k < h; k++) if (tk.low(k) !== "then") return undefined;
  const np = coordinatedSubject(tk, text, s0, b - 1);
  if (!np) return undefined;
  for (let k = np.to; k < b - 1; k++) if (!tk.isWord(k) && tk.word(k) !== "'s") return undefined;
  // (the first verb is of the cue's form, present or past: "slams …, praises", "obfuscated …, admitted")
  let v = np.to;
  while (v < b && SUBJECT_ADVERB.test(tk.word(v))) v++;
  const first = tk.low(v);
  if (!(/s$/.test(tk.low(h)) ? /^(?:[a-z]{2,}s|has|is|does)$/ : /^(?:[a-z]{3,}ed|had|was|were|did)$/).test(first)) return undefined;
  return np;
}

/** The cue's head verb: its first token past the auxiliaries, negations and adverbs it carries; -1 if none. */
function headOf(tk: Tokens, cue: Span): number {
  const end = tk.at(cue[1]);
  for (let k = tk.at(cue[0]); k < end; k++) {
    const w = tk.low(k);
    if (!AUX.test(w) && !isNegation(w)) return k;
  }
  return -1;
}

/**
 * Gives each quote with a finite active cue, its report after it, and no speaker the noun phrase that opens the cue's
 * clause. The readers look back from the cue one phrase at a time and miss a subject behind a long apposition, an
 * aside or a time ("Senator X of Y, the No. 2 Republican in the Senate, said"; "X on Thursday evening said"; "Exit
 * polling showed"); PolNeAR names the subject of such a cue as its source (train: 228 of 238 speakerless active cues
 * but "asked", "seem" and "appear" have one). Passives and raising verbs keep none (attribution/voice.ts).
 * `quotes` are changed in place.
 */
export function missingSubjects(tk: Tokens, text: string, quotes: readonly Quote[], sentences: readonly { span: Span }[]): void {
  for (const q of quotes) {
    const cue = q.cue?.span;
    if (!cue || q.speaker || q.span[0] < cue[1]) continue;
    const s = sentences[firstEndingAfter(sentences, cue[0])]?.span;
    if (!s || s[0] > cue[0]) continue;
    const h = headOf(tk, cue);
    if (h < 0 || !tk.isWord(h) || isCapitalised(tk.word(h))) continue;
    const head = tk.low(h);
    // (a participle, a noun or a bare form is some other reader's: "…, saying", "according to", "to say")
    if (/ing$/.test(head) || !(tk.finite(h) || /^[a-z]{3,}ed$/.test(head))) continue;
    if (NOT_SPEAKER_SUBJECT.test(cueVerb(head)?.lemma ?? head)) continue;
    // ("… was suspected of X, and accused by the press of Y": a participle with its agent is a passive)
    if (/^\s+by\s/.test(text.slice(cue[1], cue[1] + 4))) continue;
    const s0 = tk.at(s[0]);
    const i = tk.at(cue[0]);
    // the words between the subject and the cue: the verb's auxiliaries and adverbs, a day
    let b = i;
    while (b > s0 && i - b < BETWEEN_MAX && tk.isWord(b - 1) && (BETWEEN.test(tk.low(b - 1)) || AUX.test(tk.low(b - 1)))) b--;
    // (a day after a participle is the participle's: "a poll released Wednesday found", "a poll out Monday showed")
    if (b < i && b > s0 && (/^[a-z]{3,}ed$/.test(tk.word(b - 1)) || tk.low(b - 1) === "out") && !AUX.test(tk.low(b))) {
      b = i;
      while (b > s0 && tk.isWord(b - 1) && AUX.test(tk.low(b - 1))) b--;
    }
    // (a subject this far from the sentence's start is no noun phrase opening it, and the scan stays short)
    if (b <= s0 || b - s0 > SUBJECT_REACH || CLAUSE_LEAD.test(tk.low(b - 1))) continue;
    const np = /^(?:and|but)$/.test(tk.low(b - 1)) ? coordinatedSubject(tk, text, s0, b - 1) : subjectBefore(tk, text, s0, b) ?? commaSeries(tk, text, s0, b, h);
    if (!np) continue;
    // "The most telling | promise", "This growing | cry": a bare form after an -ing word is a noun, the words before it
    // its modifiers
    if (/[a-z]ing$/.test(tk.word(np.to - 1)) && head === cueVerb(head)?.lemma) continue;
    if (cueVoice(tk, text, s0, tk.at(s[1]), cue, q.span, np.span)) continue;
    q.speaker = { name: np.name, span: np.span };
  }
}
