// A subject set off from its speech verb by an aside: "Jo Reyes, who runs the shelter, said", "Jo Reyes — a nurse — says".
import { isCapitalised, isQuoteChar, isTitleDot, speakerAfter, speakerBefore, type SpeakerNP, type Tokens } from "../extractors/quote-common.js";

// Dashes that pair around an aside ("Jo Reyes — a nurse from Ohio — said"; spaced hyphens in plain-text copy).
const ASIDE_DASH = /^(?:—|–|―|--|-)$/;
// How far an aside may run (tokens): a relative clause or an apposition, not a paragraph.
const ASIDE_MAX = 40;
// Relative pronouns that open a restrictive clause on the subject without a comma ("The officials whose laws … say").
const RESTRICTIVE = /^(?:who|whose)$/;

/**
 * The subject of a speech verb at token `cue` when the words between them are an aside on it: the clause opens at
 * token `from` with a noun phrase, and a comma or a dash after it is closed by the same mark right before the verb
 * ("Jo Reyes, who runs the shelter in Dayton, said"), or a "who"/"whose" clause runs from it to the verb ("Residents
 * whose homes flooded say"). The mention is the phrase with its aside, as PolNeAR writes a source (the closing
 * comma is the scorer's to add; a closing dash is kept); the name is the head's. Undefined for anything else: a
 * sentence break, a quotation or a second clause ("X, who …, and Y") in the aside.
 */
export function asideSubject(tk: Tokens, text: string, from: number, cue: number): SpeakerNP | undefined {
  if (cue - from < 4 || cue - from > ASIDE_MAX + 6) return undefined;
  const head = speakerAfter(tk, text, from, cue);
  if (!head || head.pronoun || head.to >= cue - 1) return undefined;
  const open = tk.word(head.to);
  const shut = commaInsideMark(tk, head.to, cue);
  if (shut >= 0 && quotingParticiple(tk, head.to)) return head;
  // (the aside's closing comma may stand inside a quotation's closing mark: 'X, host of "Morning Show," said')
  const last = shut >= 0 ? shut : cue - 1;
  const close = tk.word(last);
  const comma = open === "," && close === ",";
  const dash = ASIDE_DASH.test(open) && ASIDE_DASH.test(close) && open === close && head.to < cue - 2;
  const restrictive = RESTRICTIVE.test(tk.low(head.to)) && tk.isWord(cue - 1);
  if (!comma && !dash && !restrictive) return undefined;
  if (RESTRICTIVE.test(tk.low(head.from)) || /^(?:which|that)$/.test(tk.low(head.from))) return undefined;
  // (a lower-case head must be a described person or group, not any noun: "the state officials", "one attendee")
  if (!isCapitalised(tk.word(head.from)) && head.to - head.from < 2) return undefined;
  // an adverbial aside is the sentence's, not the subject's ("The agency, for its part, said", "Jo Li, speaking on
  // condition of anonymity, said", "The firm, which …, said": PolNeAR's source is the head alone); an apposition or
  // a "who" clause describes the speaker and is written into the source ("Jo Li, a nurse, said")
  const first = tk.low(head.to + 1);
  const adverbial = !restrictive && (ADVERBIAL_OPENING.test(first) || /^[a-z]+(?:ing|ly)$/.test(first));
  for (let k = head.to + 1; k < last; k++) {
    const w = tk.word(k);
    // a sentence break, a quotation or a second aside mark inside means the words are no single aside
    if (w === ";" || w === ":" || w === "!" || w === "?" || (isQuoteChar(w) && !quotedTitle(tk, k)) || (dash && w === open)) return undefined;
    // ("X, who …, and Y said": a coordinated subject, not an aside; "X, a lawyer, and Y")
    if (comma && w === "," && /^(?:and|or|but)$/.test(tk.low(k + 1))) return undefined;
    // (a restrictive clause has no comma, and a conjunction in it joins a second relative clause, "who … and who …",
    // not a second verb of the subject, "The people who X and then can't find …")
    if (restrictive && (w === "," || (/^(?:and|or|but)$/.test(tk.low(k)) && !RESTRICTIVE.test(tk.low(k + 1))))) return undefined;
  }
  if (restrictive && /^(?:and|or|but|then)$/.test(tk.low(cue - 1))) return undefined;
  if (adverbial) return head;
  // (a closing mark after the comma is the quotation's, and kept)
  const end = comma && shut < 0 ? cue - 2 : cue - 1;
  return { ...head, to: comma ? last : cue, span: [head.span[0], tk.end(end)] };
}

/**
 * The comma before the closing quotation mark that ends an aside right before the cue ('X, host of "Morning Show,"
 * said', the mark written as one token or two apostrophes), when the aside's quotations are all closed; else -1.
 */
function commaInsideMark(tk: Tokens, open: number, cue: number): number {
  let shut = cue - 1;
  while (shut > open + 2 && isQuoteChar(tk.word(shut))) shut--;
  return shut < cue - 1 && tk.word(shut) === "," && balancedQuotes(tk, open + 1, cue) ? shut : -1;
}

/**
 * 'Jo Li, citing "the new rules," said …': a participle aside that quotes what it cites (its comma inside the closing
 * mark); like any adverbial aside it is the sentence's, and the source is the head alone. comma is the aside's
 * opening comma.
 */
function quotingParticiple(tk: Tokens, comma: number): boolean {
  return tk.word(comma) === "," && /^[a-z]+ing$/.test(tk.low(comma + 1));
}

/** Whether the tokens lo..hi hold quotation marks, an even number of them (each quotation closed inside). */
function balancedQuotes(tk: Tokens, lo: number, hi: number): boolean {
  let n = 0;
  for (let k = lo; k < hi; k++) if (isQuoteChar(tk.word(k))) n++;
  return n > 0 && n % 2 === 0;
}

// Auxiliaries and adverbs between a closing dash and the verb ("— have long argued", "— quickly accused").
const BEFORE_VERB = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|should|do|does|did|also|long|now|still|again|then|later|often|all|both|even|just|already|never|not|[a-z]{3,}ly)$/;
// What may stand right before a subject that opens its clause: a comma after a fronted adjunct, a colon, a conjunction.
const CLAUSE_START = /^(?:,|:|;|\(|and|but|yet|so|while|when|as|after|before|because|since|although|though|if|whereas)$/;

// Words that open a fronted adjunct (a time, a place, a circumstance) set off by a comma before the subject.
const FRONTED_OPENING = /^(?:in|on|at|after|before|during|since|for|with|without|from|by|over|under|as|when|while|although|though|because|if|unlike|despite|amid|earlier|later|last|this|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]{3,}ly)$/;

/** The index of the dash (one token, or the first of a spaced double hyphen) that ends at token `k`, else -1. */
function dashAt(tk: Tokens, k: number): number {
  const w = tk.word(k);
  if (w === "-" && k > 0 && tk.word(k - 1) === "-" && tk.end(k - 1) === tk.start(k)) return k - 1;
  return ASIDE_DASH.test(w) ? k : -1;
}

/**
 * A subject whose aside is set off by a pair of dashes before its verb, read back from the opening dash ("Many
 * speakers at the service — including doctors and nurses — said", "Democrats -- including the mayor -- quickly
 * accused"): the phrase before the opening dash opens its clause (at `lo`, after a fronted adjunct's comma or a
 * conjunction), and the mention runs to the closing dash, as PolNeAR writes such a source (the aside in it, a list
 * or an "including" phrase as well as an apposition). Undefined for anything else.
 */
export function dashAsideSubject(tk: Tokens, text: string, lo: number, cue: number): SpeakerNP | undefined {
  let j = cue - 1;
  while (j > lo && BEFORE_VERB.test(tk.low(j)) && !isCapitalised(tk.word(j))) j--;
  const close = j > lo ? dashAt(tk, j) : -1;
  if (close < 0) return undefined;
  const mark = text.slice(tk.start(close), tk.end(j));
  let open = -1;
  for (let k = close - 1; k > lo && close - k <= ASIDE_MAX; k--) {
    const w = tk.word(k);
    const d = dashAt(tk, k);
    if (d >= 0 && text.slice(tk.start(d), tk.end(k)) === mark) {
      open = d;
      break;
    }
    if (w === ";" || w === ":" || w === "!" || w === "?" || (w === "." && !isTitleDot(tk, k)) || w === "-" || (isQuoteChar(w) && !quotedTitle(tk, k))) return undefined;
  }
  if (open <= lo || close - open < 2) return undefined;
  const head = speakerBefore(tk, text, lo, open);
  if (!head || head.pronoun || head.span[1] > tk.start(open)) return undefined;
  if (head.from > lo && !CLAUSE_START.test(tk.low(head.from - 1))) return undefined;
  // (after a comma, only a fronted adjunct's: "In the last days, X — … — said", not a list's "like A, B — … —")
  const lead = /^(?:and|but|so|yet|or)$/.test(tk.low(lo)) ? lo + 1 : lo;
  if (head.from > lo && tk.word(head.from - 1) === "," && !FRONTED_OPENING.test(tk.low(lead))) return undefined;
  if (!isCapitalised(tk.word(head.from)) && head.to - head.from < 2) return undefined;
  // an adverbial or participial aside, or a "whose" clause, is the writer's: the head alone is the source (the
  // callers' plain reading); an "including" list is the subject's
  const at = open + (tk.word(open) === "-" && tk.word(open + 1) === "-" ? 2 : 1);
  const first = tk.low(at);
  const listing = first === "including" || first === "like" || first === "which" || (first === "for" && /^(?:instance|example)$/.test(tk.low(at + 1)));
  if (!listing && (ADVERBIAL_OPENING.test(first) || first === "whose" || /^[a-z]+(?:ing|ed|ly)$/.test(first))) return undefined;
  return { ...head, to: j + 1, span: [head.span[0], tk.end(j)] };
}

// Words that open an adverbial aside or a non-personal relative clause rather than a description of the speaker.
const ADVERBIAL_OPENING = /^(?:which|for|in|on|at|after|before|when|while|even|until|since|during|however|though|although|meanwhile|too|also|again|then|now|still|of|as|by|with|without|despite|from|over|under|like|unlike|if|once|perhaps|not)$/;

/** A quotation mark of a short quoted title inside the aside ('host of "Morning Show," said'): it is the aside's. */
function quotedTitle(tk: Tokens, k: number): boolean {
  // (a capitalised word right after an opening mark or right before a closing one: a title, not a quoted sentence)
  return (k + 1 < tk.count && isCapitalised(tk.word(k + 1))) || (k > 0 && (isCapitalised(tk.word(k - 1)) || tk.word(k - 1) === ","));
}
