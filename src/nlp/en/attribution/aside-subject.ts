// A subject set off from its speech verb by an aside: "Jo Reyes, who runs the shelter, said", "Jo Reyes — a nurse — says".
import { isCapitalised, isQuoteChar, speakerAfter, type SpeakerNP, type Tokens } from "../extractors/quote-common.js";

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
  const close = tk.word(cue - 1);
  const comma = open === "," && close === ",";
  const dash = ASIDE_DASH.test(open) && ASIDE_DASH.test(close) && open === close && head.to < cue - 2;
  const restrictive = RESTRICTIVE.test(tk.low(head.to)) && tk.isWord(cue - 1);
  if (!comma && !dash && !restrictive) return undefined;
  if (RESTRICTIVE.test(tk.low(head.from)) || /^(?:which|that)$/.test(tk.low(head.from))) return undefined;
  // (a lower-case head must be a described person or group, not any noun: "the state officials", "one attendee")
  if (!isCapitalised(tk.word(head.from)) && head.to - head.from < 2) return undefined;
  for (let k = head.to + 1; k < cue - 1; k++) {
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
  // an adverbial aside is the sentence's, not the subject's ("The agency, for its part, said", "Jo Li, speaking on
  // condition of anonymity, said", "The firm, which …, said": PolNeAR's source is the head alone); an apposition or
  // a "who" clause describes the speaker and is written into the source ("Jo Li, a nurse, said")
  const first = tk.low(head.to + 1);
  if (!restrictive && (ADVERBIAL_OPENING.test(first) || /^[a-z]+(?:ing|ly)$/.test(first))) return head;
  const end = comma ? cue - 2 : cue - 1;
  return { ...head, to: cue - (comma ? 1 : 0), span: [head.span[0], tk.end(end)] };
}

// Words that open an adverbial aside or a non-personal relative clause rather than a description of the speaker.
const ADVERBIAL_OPENING = /^(?:which|for|in|on|at|after|before|when|while|even|until|since|during|however|though|although|meanwhile|too|also|again|then|now|still|of|as|by|with|without|despite|from|over|under|like|unlike|if|once|perhaps|not)$/;

/** A quotation mark of a short quoted title inside the aside ('host of "Morning Show," said'): it is the aside's. */
function quotedTitle(tk: Tokens, k: number): boolean {
  // (a capitalised word right after an opening mark or right before a closing one: a title, not a quoted sentence)
  return (k + 1 < tk.count && isCapitalised(tk.word(k + 1))) || (k > 0 && (isCapitalised(tk.word(k - 1)) || tk.word(k - 1) === ","));
}
