// Where a reported object ends: PolNeAR leaves out what follows it about the act of reporting (its time, occasion, means, or a participle of the speaker's).
import { isCapitalised, isQuoteChar, type Tokens } from "../extractors/quote-common.js";

const DAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const POSSESSIVE = /^(?:'s|’s)$/;
// words before a day that make it part of a noun phrase ("in Tuesday's primary", "their Friday editorial")
const INSIDE_NP = /^(?:in|on|at|of|for|from|by|since|until|before|after|as|the|a|an|this|that|last|next|every|each|his|her|its|their|our|my|your|'s|’s)$/;
const DETERMINER = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|some|any|no|every|each)$/;
const DAY_PART = /^(?:morning|afternoon|evening|night)$/;
// what may follow a time that closes the clause: a preposition or a subordinator opening another adjunct
const TIME_FOLLOW = /^(?:in|at|on|during|after|before|while|when|as|from|with|by|for|and|but)$/;
// "last week", "earlier this month", "this weekend": a deictic word and a period
const DEICTIC = /^(?:last|this|next|earlier|later)$/;
const PERIOD = /^(?:week|weekend|month|year|night|morning|afternoon|evening|spring|summer|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * The end (exclusive) of a time of the speaking at token k: a day ("Tuesday", "on Sunday night"), "yesterday",
 * "last week", "later tonight", "earlier this month"; -1 for none. After an object ("endorsed Cruz Wednesday",
 * "announced his support on Thursday") it dates the verb, not the thing reported.
 */
function timeAt(tk: Tokens, k: number, end: number): number {
  const w = tk.low(k);
  if (w === "on") return k + 1 < end && DAY.test(tk.low(k + 1)) && isCapitalised(tk.word(k + 1)) ? dayEnd(tk, k + 1, end) : -1;
  // (not "in Tuesday's primary", "their Friday editorial": a day inside a noun phrase)
  if (DAY.test(w)) return isCapitalised(tk.word(k)) && !INSIDE_NP.test(tk.low(k - 1)) ? dayEnd(tk, k, end) : -1;
  if (/^(?:yesterday|tonight)$/.test(w)) return k + 1;
  if (!DEICTIC.test(w) || k + 1 >= end || INSIDE_NP.test(tk.low(k - 1))) return -1;
  let n = k + 1;
  // "later tonight", "earlier this month"
  if (w === "earlier" || w === "later") {
    if (/^(?:today|tonight|yesterday)$/.test(tk.low(n))) return n + 1;
    if (/^(?:this|that)$/.test(tk.low(n))) n++;
  }
  return n < end && PERIOD.test(tk.low(n)) ? dayEnd(tk, n, end) : -1;
}

/** The end of a day or a period at k and its part ("Thursday night"); -1 when it owns a noun phrase ("Wednesday's broadcast"). */
function dayEnd(tk: Tokens, k: number, end: number): number {
  if (k + 1 < end && POSSESSIVE.test(tk.low(k + 1))) return -1;
  return k + 1 < end && DAY_PART.test(tk.low(k + 1)) ? k + 2 : k + 1;
}

/**
 * A time of the speaking at token k closes the object before it: one that ends the clause (the sentence end, a comma,
 * a preposition: "announced his support on Thursday night.", "rejected the offer Tuesday in a letter"), not one before
 * the rest of the object ("called X on Sunday 'childish'", "announced plans Tuesday to expand …").
 */
function speakingTime(tk: Tokens, k: number, end: number): boolean {
  const t = timeAt(tk, k, end);
  if (t < 0) return false;
  if (t >= end) return true;
  const n = tk.low(t);
  return n !== "to" && (TIME_FOLLOW.test(n) || (tk.isPunct(t) && !isQuoteChar(n)));
}

// Occasions and media of speaking: "in a statement", "during a rally", "at a town hall", "in the video".
const OCCASION = /^(?:statement|statements|interview|interviews|tweet|tweets|speech|appearance|rally|op-ed|video|post|hall)$/;
const OCCASION_LEAD = /^(?:in|during|at)$/;
const OCCASION_DETERMINER = /^(?:a|an|the|his|her|their|its)$/;

/** The words at k are an occasion of the speaking: "in a statement", "during a campaign rally", "at a town hall". */
function speakingOccasion(tk: Tokens, k: number, end: number): boolean {
  if (!OCCASION_LEAD.test(tk.low(k)) || k + 2 >= end || !OCCASION_DETERMINER.test(tk.low(k + 1))) return false;
  for (let n = k + 2; n < end && n <= k + 4; n++) {
    if (OCCASION.test(tk.low(n))) return true;
    if (!tk.isWord(n)) return false;
  }
  return false;
}

/** "by" and a gerund: how the speaker went about it ("assailed the policies by tying them to …"). */
const speakingMeans = (tk: Tokens, k: number, end: number): boolean => tk.low(k) === "by" && k + 1 < end && /^[a-z]{2,}ing$/.test(tk.word(k + 1));

/** ", " and a participle: what the speaker did besides ("focused on Trump, trying to …", "relished X, posting …"). */
const accompanyingAct = (tk: Tokens, k: number, end: number): boolean =>
  tk.word(k) === "," && k + 1 < end && /^[a-z]{2,}ing$/.test(tk.word(k + 1)) && !/^(?:including|according|during)$/.test(tk.word(k + 1));

/**
 * Where an object report [from, stop) ends before the time, the occasion or the means of the speaking, or a
 * participle of the speaker's ("endorsed Cruz Wednesday", "announced his support on Thursday night", "called for X in
 * a statement", "assailed X by tying …", "focused on Trump, trying to …"), else stop. A plan's adjuncts are the
 * plan's: after an infinitive ("expects to vote Tuesday", "urged the Fed not to act this year"), or when the object
 * is one (`infinitive`), they stay.
 */
export function objectEnd(tk: Tokens, from: number, stop: number, end: number, infinitive: boolean): number {
  if (infinitive) return stop;
  // (a gerund in the object is an action of its own, whose means "by …" are its: "information about protecting
  // oneself by wearing …")
  let gerund = /^[a-z]{2,}ing$/.test(tk.word(from));
  for (let k = from + 1; k < stop; k++) {
    if (tk.low(k) === "to" && k + 1 < end && tk.isWord(k + 1) && !isCapitalised(tk.word(k + 1)) && !DETERMINER.test(tk.low(k + 1))) return stop;
    if (speakingTime(tk, k, end) || speakingOccasion(tk, k, end) || (!gerund && speakingMeans(tk, k, end)) || accompanyingAct(tk, k, end)) return k;
    gerund ||= /^[a-z]{2,}ing$/.test(tk.word(k));
  }
  return stop;
}
