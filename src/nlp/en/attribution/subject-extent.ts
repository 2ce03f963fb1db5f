// How far a speaker phrase reaches: one line, no list dash or sentence adverb first, a group noun's "of" phrase (before or after its cue), a relative clause's head.
import type { Span } from "../../../core/record.js";
import { cueVerb, isFiniteForm } from "../extractors/quote-common.js";

// A list dash or bullet, or a sentence adverb set off from the subject ("- Pew notes", "Moreover, Jane Doe said",
// "Meanwhile Rihanna spoke"): PolNeAR's sources start after them. ("But" and "And" stay: PolNeAR keeps them.)
const LEAD = /^(?:[-–—•*·]+\s*|(?:however|meanwhile|moreover|furthermore|besides|nonetheless|nevertheless|likewise|similarly|instead|indeed|probably|perhaps|maybe|finally|separately),?\s+)+/i;

/** The phrase without a list dash or a sentence adverb opening it; the same span object when nothing goes. */
export function leadTrimmed(text: string, span: Span): Span {
  const m = LEAD.exec(text.slice(span[0], span[1]));
  if (!m || m[0].length >= span[1] - span[0] || !/[\p{L}\d]/u.test(text.slice(span[0] + m[0].length, span[1]))) return span;
  return [span[0] + m[0].length, span[1]];
}

/**
 * A speaker phrase that runs over a line break ("… Over Zika Virus⏎Chris Christie said"): a headline or a label without
 * a full stop ran into the sentence's subject, which starts on the line of its cue. The span from its last line's
 * start; the same span object when it holds no line break or nothing is left.
 */
export function lineTrimmed(text: string, span: Span): Span {
  const nl = text.lastIndexOf("\n", span[1] - 1);
  if (nl < span[0]) return span;
  let a = nl + 1;
  while (a < span[1] && /\s/.test(text[a]!)) a++;
  return /[\p{L}\d]/u.test(text.slice(a, span[1])) ? [a, span[1]] : span;
}

// The names joined by a slash before a phrase ("The latest Reuters/ | Ipsos poll", "a New York Times/ | CBS News
// survey"): capitalised words, perhaps after a determiner and a few adjectives of recency.
const SLASH_NAMES =
  /(?:^|[\s(,;:—–/])((?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+)?(?:(?:new|latest|most|recent|online|national|joint|earlier|previous|first|last)\s+)*(?:[\p{Lu}\d][\p{L}\d&.'’-]*\s+){0,4}[\p{Lu}\d][\p{L}\d&.'’-]*\/)$/u;

/**
 * A phrase that opens right after a slash ("Reuters/ | Ipsos poll"): the names before the slash belong to it (PolNeAR
 * train: 59 sources hold one, "The latest Reuters/Ipsos poll"). The span from their start; the same span object when
 * no slash joins it.
 */
export function slashStart(text: string, span: Span): Span {
  let a = span[0];
  // ("NBC News/Wall Street Journal/Marist poll": one slash after another)
  while (text[a - 1] === "/" && /[\p{L}\d]/u.test(text[a - 2] ?? "") && /^[\p{Lu}\d]/u.test(text.slice(a, a + 1))) {
    const m = SLASH_NAMES.exec(text.slice(Math.max(0, a - 100), a));
    if (!m || !/^\p{Lu}|^\d|\s[\p{Lu}\d]/u.test(m[1]!)) break;
    a -= m[1]!.length;
  }
  return a === span[0] ? span : [a, span[1]];
}

// A quantity or a group that names no one until its "of" phrase ("dozens | of papers", "a group | of parents").
const GROUP_HEAD =
  /^(?:(?:a|an|the|one|some)\s+)?(?:(?:large|small|growing|broad|wide|whole|new|record|majority)\s+)?(?:number|group|majority|minority|handful|coalition|couple|few|lot|host|slew|raft|chorus|crowd|bunch|dozens|hundreds|thousands|millions|scores|several|many|most|some|all|none|each|both|half|one|two|three|four|five)$/i;
// a clause boundary or a saying inside the would-be "of" phrase: it is no part of the subject
const TAIL_STOP = /[;:"“”()\n–—―]|\s-{1,2}\s|\b(?:said|says|say|told|tells|according|but)\b/;
// auxiliaries and adverbs before the cue verb are the cue's ("were echoed", "has also said")
const AUX_END = /\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do|also|not|never|been|be|[a-z]{3,}ly)\s*$/i;
const TAIL_MAX = 200;
const PAST = /^(?:[a-z]+ed|sent|made|took|gave|went|came|put|got|found|held|led|won|ran|met|left|brought|thought|kept|began|became|spoke|wrote|told|said|sold|paid|built|bought|lost|chose|drew|fell|grew|knew|saw|stood|struck|threw|wore)$/;
const TAIL_SUBJECT = /^(?:i|we|he|she|they|you|who|that|which)$/;

/**
 * The end of a group noun's "of" phrase running up to the cue at `limit`, else `span[1]`. With `after`, the phrase
 * follows its cue ("echoed by a number of experts I spoke to.") and runs to the first comma or the sentence end at `limit`.
 */
export function ofTail(text: string, span: Span, limit: number, after = false): number {
  if (!GROUP_HEAD.test(text.slice(span[0], span[1]))) return span[1];
  let gap = text.slice(span[1], limit);
  if (after) gap = gap.replace(/,.*$/s, "").replace(/(?<![\s.!?"”’'])[\s.!?"”’']+$/, "");
  if (gap.length > TAIL_MAX || !/^\s+of\s+\S/.test(gap) || TAIL_STOP.test(gap)) return span[1];
  for (let m = AUX_END.exec(gap); m; m = AUX_END.exec(gap)) gap = gap.slice(0, m.index);
  gap = gap.replace(/(?<![\s,])[\s,]+$/, "");
  // a verb of its own makes the words a clause ("a group | of parents … sent a letter"), unless a relative pronoun or
  // a pronoun is its subject ("a number of experts I spoke to")
  const words = gap.toLowerCase().match(/[a-z'’]+/g) ?? [];
  // (only past forms count: a present form is as often a noun, "tax plans")
  for (let k = 1; k < words.length; k++) if (PAST.test(words[k]!) && isFiniteForm(words[k]!) && !TAIL_SUBJECT.test(words[k - 1]!)) return span[1];
  return /^\s+of$/.test(gap) ? span[1] : span[1] + gap.length;
}

// The clause segment before the phrase: from the last comma, colon, quotation mark, bracket or spaced dash.
const BOUNDARY = /[,;:"“”()\[\]]|\s-{1,2}\s|[–—―]/g;
const RELATIVE_WORD = /\b(?:who|that|which)\s/;
const SUBJECT_PRONOUN = /^(?:i|he|she|we|they|it)\b/i;
const SUBORDINATOR = /^(?:when|while|after|before|because|if|as|since|although|though|until|unless|whereas)$/i;
// head noun phrase, relative pronoun, the clause's words up to the phrase (at least one: "the man who | Trump" is no clause)
const RELATIVE = /^\s*((?:[\p{L}\d'’.&-]+\s+){1,6}?)(who|that|which)\s+((?:[\p{L}\d'’.&-]+\s+){1,8})$/u;
const NOT_HEAD_WORD = /^(?:and|or|but|nor|yet|i|he|she|it|we|they|you|there|this|these|those|what|who|which|that|so|such|is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|does|did|do|to|by|as|if|when|while|after|before|because|than|not|no|said|says|say|told|according)$/i;
// a preposition inside the head is fine ("Many of the papers that …"), not first ("In the states that …")
const PREPOSITION = /^(?:of|in|from|on|at|for|with|about|among)$/i;

/**
 * "Surety companies that had insured Patriot's obligations | agreed": the phrase the extractor found (at `start`)
 * is the object inside a relative clause, and the subject is the clause's head with it. The head's span, or
 * `undefined`. Reads back to `from` (the sentence start or a bound).
 */
export function relativeClauseStart(text: string, from: number, start: number): { head: Span } | undefined {
  const before = text.slice(from, start);
  // (most phrases have no relative pronoun before them: one cheap test first)
  if (!RELATIVE_WORD.test(before)) return undefined;
  let seg = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(before); m; m = BOUNDARY.exec(before)) seg = m.index + m[0].length;
  // a subject pronoun is no relative clause's object ("the congressman who gained attention when | he")
  if (SUBJECT_PRONOUN.test(text.slice(start, start + 5))) return undefined;
  const m = RELATIVE.exec(before.slice(seg));
  if (!m) return undefined;
  const head = m[1]!.trim().split(/\s+/);
  if (PREPOSITION.test(head[0]!) || head.some((w) => NOT_HEAD_WORD.test(w))) return undefined;
  // "Officials believe that …": a verb of saying or thinking before "that" makes it a complementiser
  const last = head[head.length - 1]!.toLowerCase();
  if (m[2]!.toLowerCase() === "that" && (cueVerb(last) || head.some((w) => /^[a-z]/.test(w) && isFiniteForm(w.toLowerCase())))) return undefined;
  // the relative clause has a verb of its own ("that had insured", "who backed")
  const clause = m[3]!.trim().split(/\s+/);
  // a subordinate clause inside it ("who gained attention in 2009 when …") holds its own subject
  if (clause.some((w) => SUBORDINATOR.test(w))) return undefined;
  if (!clause.some((w) => isFiniteForm(w.toLowerCase()) || /^[a-z]+ed$/.test(w))) return undefined;
  const at = from + seg + (m[0].length - m[0].trimStart().length);
  const end = at + m[1]!.trimEnd().length;
  return { head: [at, end] };
}

// A list item: a short noun phrase ("Sen. Jo Li (D-Wis.)", "other Democrats"), no verb, clause word or preposition first.
const ITEM_WORDS_MAX = 7;
const ITEM_CLAUSE_WORD = /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|does|did|do|who|whom|which|that|said|says|told|according|not)$/i;
// words that open an adjunct or a clause before the subject, not a list item ("In Iowa, …", "When asked, …", "Yesterday, …")
const ITEM_ADJUNCT =
  /^(?:of|in|on|at|to|for|with|without|within|through|throughout|ahead|prior|upon|around|along|alongside|besides|given|following|across|against|under|over|beyond|behind|near|inside|outside|between|toward|towards|via|from|by|about|after|before|during|since|until|despite|amid|among|like|unlike|as|when|while|if|because|although|though|once|where|however|meanwhile|moreover|furthermore|instead|indeed|still|now|then|later|earlier|today|yesterday|tonight|also|again|so|thus|yet|separately|similarly|likewise|finally|first|last|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[a-z]+ly|[a-z]+ing|[a-z]+ed)$/i;
const ITEM_BOUNDARY = /[;:"“”()\[\]—–\n]|\s-{1,2}\s/g;

/** The words are one list item; `adjunct` when they open an adjunct instead. */
function listItem(words: string): "item" | "adjunct" | "no" {
  const list = words.match(/[\p{L}\d'’.&-]+/gu) ?? [];
  if (list.length === 0) return "no";
  // (a verb makes the words a clause: "Jo Li didn't run, and | Al Roe")
  if (list.some((w, k) => k > 0 && /^[a-z]/.test(w) && (/n['’]t$/.test(w) || (!/s$/.test(w) && isFiniteForm(w))))) return "no";
  // (an adverb closing the words makes them an adjunct too: "Most recently, …")
  if ((ITEM_ADJUNCT.test(list[0]!) && !/^\p{Lu}[\p{L}]*ing$/u.test(list[0]!)) || /^[a-z]{2,}ly$/.test(list[list.length - 1]!)) return "adjunct";
  if (list.length > ITEM_WORDS_MAX || list.some((w) => ITEM_CLAUSE_WORD.test(w) || /^[a-z]{3,}ed$/.test(w))) return "no";
  return "item";
}

/**
 * "Trump, Cruz, | Rubio and Kasich said": a coordinated subject before its cue whose earlier items, set off by commas,
 * the extractor did not take. The start of the whole list, or `undefined`. Items are short noun phrases from `from` (the
 * sentence start or a bound); the list opens the clause there, after a bracket, colon or quotation mark, or after a
 * fronted adjunct and its comma ("In Iowa, Trump, Cruz and Rubio said"). PolNeAR's source is the whole list.
 */
export function listStart(text: string, from: number, span: Span): number | undefined {
  let before = text.slice(from, span[0]);
  // (only a coordination: its last item holds the conjunction, "Rubio and Kasich", or follows it, "Rubio, and | Kasich")
  const oxford = /,\s+(?:and|or)\s+$/.exec(before);
  if (oxford) before = before.slice(0, oxford.index + 1);
  else if (!/\s(?:and|or)\s/.test(text.slice(span[0], span[1]))) return undefined;
  if (!/,\s*$/.test(before)) return undefined;
  ITEM_BOUNDARY.lastIndex = 0;
  let cut = 0;
  for (let m = ITEM_BOUNDARY.exec(before); m; m = ITEM_BOUNDARY.exec(before)) cut = m.index + m[0].length;
  before = before.slice(0, cut).replace(/\S/g, " ") + before.slice(cut);
  let start: number | undefined;
  let items = 0;
  let end = before.replace(/,\s*$/, "").length;
  for (;;) {
    const comma = before.lastIndexOf(",", end - 1);
    const a = comma + 1;
    let words = before.slice(a, end);
    // ("But Trump, Cruz and …": a conjunction opening the clause is no part of the list)
    const lead = /^\s*(?:(?:and|but)\s+)?/i.exec(words)![0];
    words = words.slice(lead.length);
    const kind = listItem(words);
    if (kind === "adjunct") break;
    if (kind === "no") return undefined;
    start = from + a + lead.length;
    while (/\s/.test(text[start]!)) start++;
    items++;
    if (comma < 0 || lead.trim()) break;
    end = comma;
  }
  // (", and | X" after one item is as often two clauses: "Lee didn't run, and | Farley said")
  return oxford && items < 2 ? undefined : start;
}

const WHOSE_BEFORE = /(?:^|[^\p{L}'’])(whose\s+)$/iu;

/**
 * "X, whose | spokesman said …": a possessive relative pronoun right before the phrase is part of it (PolNeAR train: 11
 * sources of 11 so placed hold it). The span from "whose"; the same span object when no "whose" stands there.
 */
export function whoseStart(text: string, span: Span): Span {
  const m = WHOSE_BEFORE.exec(text.slice(Math.max(0, span[0] - 12), span[0]));
  return m ? [span[0] - m[1]!.length, span[1]] : span;
}

// A quoted name of a show, a book or a slogan right before the phrase, perhaps after a determiner: a few words, no
// sentence punctuation inside (that would be a quotation: '"We will win," Jo Li said').
const QUOTED_TITLE_BEFORE =
  /(?:^|[\s(])((?:(?:the|a|an|his|her|their|its|our)\s+)?["“'‘](?=[\p{L}\d])(?:[^"“”'‘’,.!?;:\n\s]+\s+){0,4}[^"“”'‘’,.!?;:\n\s]+["”'’]\s+)$/iu;

/**
 * '"Daily Show" | host Trevor Noah said', 'the "Avatar" | star': a quoted title modifying the phrase is part of it
 * (PolNeAR train: 18 sources so written hold it). The span from the title (or its determiner); the same span object
 * when no title stands there.
 */
export function quotedTitleStart(text: string, span: Span): Span {
  // (a pronoun takes no modifier: '… "down the line" he said' ends a quotation)
  if (/^(?:i|he|she|we|they|you|it)$/i.test(text.slice(span[0], span[1]))) return span;
  const m = QUOTED_TITLE_BEFORE.exec(text.slice(Math.max(0, span[0] - 60), span[0]));
  return m ? [span[0] - m[1]!.length, span[1]] : span;
}
