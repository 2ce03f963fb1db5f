// Where a reported object ends: PolNeAR leaves out what follows it about the act of reporting (its time, occasion, means, or a participle of the speaker's); a report inside a fronted adjunct or a relative clause ends before the main clause.
import { AUXILIARY, isCapitalised, isQuoteChar, type Tokens } from "../extractors/quote-common.js";

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

const MONTH = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/;
// a verb that can only be a clause's own: an auxiliary or a copula (not "cost", "means": nouns as often as verbs)
const CLAUSE_VERB = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|do|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|doesn't|didn't|don't)$/;
const ASIDE_MAX = 30;
const ASIDE_CUE_RATE = 0.5;
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we|i|you)$/;

/**
 * Whether the words at e, up to a comma closing them, are an aside inside a subject whose verb follows ("Trump |,
 * despite his wealth, is …", "that Clinton |, the most hawkish …, would be …"), or, in a "that" clause, a second
 * subject joined by "and" ("that he | and the woman had …"): a cut at e would leave the subject without its verb.
 */
export function subjectGoesOn(tk: Tokens, from: number, stop: number, e: number): boolean {
  // (a verb of the subject's own before e: an auxiliary, a past form, a form after a pronoun; not "plan", "cost")
  for (let k = tk.low(from) === "that" ? from + 1 : from; k < e; k++) {
    const w = tk.low(k);
    if (CLAUSE_VERB.test(w) || (tk.finite(k) && (/ed$/.test(w) || (k > from && SUBJECT_PRONOUN.test(tk.low(k - 1)))))) return false;
  }
  const w = tk.low(e);
  if (w === ",") {
    for (let k = e + 1; k < stop && k <= e + ASIDE_MAX; k++) {
      const x = tk.word(k);
      // (an aside that reports on its own stands apart: "the tax bill, which the EU said was due, is …")
      if (x === ";" || x === ":" || x === "(" || isQuoteChar(x) || (tk.cue(k)?.rate ?? 0) >= ASIDE_CUE_RATE) return false;
      if (x === ",") return k + 1 < stop && CLAUSE_VERB.test(tk.low(k + 1));
    }
    return false;
  }
  // (a verb right after "and" opens a second predicate, not a second subject: "that taxes rose and said …")
  // (the complementiser may stand just before the content: the scorer, not the reader, opens the content with it)
  if ((w === "and" || w === "or") && (tk.low(from) === "that" || (from > 0 && tk.low(from - 1) === "that")) && e + 1 < stop && !tk.finite(e + 1) && !tk.cue(e + 1)) {
    for (let k = e + 2; k < stop && k <= e + 5; k++) {
      if (!tk.isWord(k)) return false;
      if (CLAUSE_VERB.test(tk.low(k)) || (tk.finite(k) && !isCapitalised(tk.word(k)))) return true;
    }
  }
  return false;
}

// The subject's verb after a comma: an auxiliary, or a finite form (a past tense or a present in -s).
function verbAt(tk: Tokens, k: number): boolean {
  const w = tk.low(k);
  if (!tk.isWord(k) || isCapitalised(tk.word(k))) return false;
  return AUXILIARY.test(w) || tk.finite(k) || (/(?:ed|s)$/.test(w) && (tk.cue(k)?.rate ?? 0) >= 0.3);
}

/** Tokens from k open a clause: a subject pronoun, or a few words of a subject and then a finite verb, before any punctuation. */
function clauseAt(tk: Tokens, k: number, end: number): boolean {
  if (k + 1 >= end) return false;
  if ((SUBJECT_PRONOUN.test(tk.low(k)) || tk.low(k) === "there") && tk.isWord(k + 1)) return true;
  for (let m = k + 1; m < end && m <= k + 7; m++) {
    const w = tk.word(m);
    if (!tk.isWord(m) && w !== "'s" && w !== "’s" && w !== "-") return false;
    if (/^(?:that|which|who|and|or|but|to)$/.test(tk.low(m))) return false;
    if (verbAt(tk, m)) return true;
  }
  return false;
}

/** A hyphen or a word joined to the word before e and the one after ("62%-32%", "22-point"), or a suspended hyphen ("fourth- and eighth-grade"). */
function joinedAt(tk: Tokens, e: number, stop: number): boolean {
  const w = tk.word(e);
  if (tk.start(e) !== tk.end(e - 1) || tk.word(e - 1) === "-" || e + 1 >= stop) return false;
  if (w === "-" && /^(?:and|or|to)$/.test(tk.low(e + 1))) return true;
  return tk.start(e + 1) === tk.end(e) && (w === "-" || /^[\p{L}\p{N}]/u.test(w));
}

/**
 * Whether a learned end e may cut a report [from, stop) the rules read (the rankers in content-bounds.ts know no
 * syntax): not inside a subject before its verb (`subjectGoesOn`), not inside a word joined by a hyphen ("a 62% |
 * -32% divide"), not between a date's day and its year ("the Sept. 11 | , 2001, attacks").
 */
export function cutKeepsReport(tk: Tokens, from: number, stop: number, e: number): boolean {
  if (e >= stop) return true;
  const w = tk.word(e);
  if (joinedAt(tk, e, stop)) return false;
  if (w === "," && e >= 3 && /^\d{1,2}$/.test(tk.word(e - 1)) && e + 1 < stop && /^\d{4}$/.test(tk.word(e + 1))) {
    const m = tk.word(e - 2) === "." ? e - 3 : e - 2;
    if (MONTH.test(tk.low(m))) return false;
  }
  return !subjectGoesOn(tk, from, stop, e);
}

// What opens a sentence with an adjunct before its main clause: a subordinator or a preposition taking a clause-like
// phrase ("With farmers worried about X, the ministry is …", "Lest readers think X, the organizers …"); linking words may precede.
const ADJUNCT_OPENER = /^(?:after|before|when|while|since|because|as|if|although|though|unless|until|once|whereas|lest|with|despite|amid|faced)$/;
const LINK_WORD = /^(?:and|but|so|yet|even|just|only|still|now|then)$/;
const RELATIVE = /^(?:who|which|whom|whose|where)$/;
const NOT_MAIN = /^(?:and|but|or|who|which|where|when|whose|whom)$/;

/**
 * Where a report [a, b) made inside an embedded clause ends: before the rest of the sentence that the clause belongs to.
 * A cue in a fronted adjunct ("Although the mayor insisted that the bridge was safe, | engineers closed it", "Lest
 * readers think that X, | the organizers …") ends its content at the comma before the main clause (a subject and its
 * verb); a cue in a relative clause set off by a comma ("the plan, which the governor said would create jobs, | was
 * approved") at the comma before the main verb. (cue0, cue1: the cue's tokens; s0 the sentence's first.) Else b.
 */
export function embeddedEnd(tk: Tokens, s0: number, cue0: number, cue1: number, a: number, b: number): number {
  const from = Math.max(a, cue1);
  // a relative clause in an aside: a relative word between the cue and the comma before it ("X, who said Y, did Z",
  // "the union, in which members argued Y, has …", "Ms. Li, a lawyer who argued Y, left …")
  if (a >= cue1) {
    let rel = false;
    let k = cue0 - 1;
    for (; k > s0 && tk.word(k) !== ","; k--) rel ||= RELATIVE.test(tk.low(k));
    if (rel && tk.word(k) === ",") for (let m = from + 1; m < b; m++) if (tk.word(m) === "," && m + 1 < b && verbAt(tk, m + 1)) return m;
  }
  let o = s0;
  while (o < cue0 && LINK_WORD.test(tk.low(o))) o++;
  // a fronted participle may be the cue itself ("Calling him a racist, the senator …")
  const participle = /^[a-z]{3,}ing$/.test(tk.word(o));
  if (a < o || !(ADJUNCT_OPENER.test(tk.low(o)) || participle) || (cue0 <= o && !(participle && cue0 === o))) return b;
  // the cue lies inside the adjunct: no comma before it, and none between it and the content ("As X reported, …" is
  // a parenthetical whose content is the main clause)
  for (let k = o; k < from; k++) if (tk.word(k) === ",") return b;
  // (a content that opens with an adjunct of its own has its own main clause first: "that if the river rises, the
  // bridge will close, | drivers …")
  let own = ADJUNCT_OPENER.test(tk.low(tk.low(from) === "that" ? from + 1 : from)) ? 1 : 0;
  for (let k = from + 1; k < b; k++) {
    if (tk.word(k) === "," && k + 1 < b && !NOT_MAIN.test(tk.low(k + 1)) && clauseAt(tk, k + 1, b) && own-- === 0) return k;
  }
  return b;
}
