// A medial attribution between a paraphrased lead and a quotation that finishes it ('The plan, she said, "will fail."').
import type { Quote } from "../../../core/annotations.js";
import type { Span } from "../../../core/record.js";
import { wordCount } from "../extractors/quote-common.js";

// Marks that would make the lead a quotation of its own (an apostrophe inside a word is no mark).
const MARK = /["“”«»]|''|``/;
// A lead longer than this is mostly the narrator's scene ("In a memo released as polls closed Tuesday, …"), not the report.
const LEAD_MAX_WORDS = 10;

/**
 * The report of a direct quote written 'LEAD, SPEAKER CUE, "quotation …"' whose quotation opens in lower case: the
 * quotation finishes the lead's sentence ('An economic downturn, he said, "could be a good time to borrow."'), so
 * the speaker reports lead and quotation together, cue and speaker in the middle (PolNeAR: one content in two
 * pieces). The lead starts the sentence, holds no quotation marks, and is more than a linking word ("But, he
 * said, …" is left to the quotation alone); a quotation opening in upper case is a sentence of its own and the lead
 * the narrator's ("Asked about it, Ryan said, "Sure.""; train: 89 of 98 such leads are left out, against 16 of 40
 * before a lower-case quotation, most of those linking words or long scene-setting clauses).
 * Returns the report's span (lead to the end of the quotation, or of the sentence when words follow the quotation),
 * or undefined when the quote is not written so.
 */
export function medialQuotation(text: string, sentence: Span, q: Quote, contentEnd: number, linkOnly: (leadWithComma: Span) => boolean): Span | undefined {
  if (q.kind !== "direct" || !q.marks || !q.cue || !q.speaker?.span) return undefined;
  const a = Math.min(q.cue.span[0], q.speaker.span[0]);
  const b = Math.max(q.cue.span[1], q.speaker.span[1]);
  if (a <= sentence[0] || q.marks[0] < b || q.marks[1] > sentence[1]) return undefined;
  if (!/^\s*,\s*$/.test(text.slice(b, q.marks[0])) || MARK.test(text.slice(a, b))) return undefined;
  let from = sentence[0];
  while (from < a && /\s/.test(text[from]!)) from++;
  const lead = text.slice(from, a);
  const comma = /,\s*$/.exec(lead);
  if (!comma || MARK.test(lead) || !/^[\p{Lu}\p{N}]/u.test(lead)) return undefined;
  const leadEnd = a - comma[0].length;
  const words = wordCount(text.slice(from, leadEnd));
  if (words < 1 || words > LEAD_MAX_WORDS || linkOnly([from, a])) return undefined;
  if (!/^\p{Ll}/u.test(text.slice(q.span[0], q.span[0] + 1))) return undefined;
  // the quotation ends the sentence ('… "the woman is a victim."'), or the sentence runs on after it
  const rest = text.slice(q.marks[1], contentEnd);
  if (/^[\s.!?,;]*$/.test(rest)) return [from, q.marks[1]];
  return MARK.test(rest) ? undefined : [from, contentEnd];
}
