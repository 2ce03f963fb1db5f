// A participle after a report shares its speaker ("…," he said, noting that …"), a phrase after it is its object, not its speaker, nor is an expletive "it".
import type { Quote } from "../../../core/annotations.js";
import type { Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";
import { clauseSubject, type SpeakerNP, type Tokens } from "../extractors/quote-common.js";

// The cue opens a participle clause after a comma, perhaps after adverbs ("…, also alluding to", "…, not even
// suggesting"), or a verb of the same subject after ", then" ("…, then referred to").
const AFTER_COMMA = /,\s*(?:(?:also|then|not|even|again|later|only|just|[a-z]{3,}ly)\s+){0,3}$/;
// The verb a cue opens with, past a negation and its adverbs ("not even suggesting": the cue carries them).
const NEGATED_LEAD = /^(?:not|never|[a-z]+n['’]t)\s+(?:(?:also|then|even|again|just|only|[a-z]{3,}ly)\s+){0,2}/;
const cueHead = (text: string, cue: Span): string => {
  const t = text.slice(cue[0], cue[1]);
  return /^[\p{L}]+/u.exec(t.slice(NEGATED_LEAD.exec(t)?.[0].length ?? 0))?.[0] ?? "";
};
const THEN = /,\s*(?:and\s+)?then\s+$/;
// What may stand between the earlier report's cue and the participle: its addressee or occasion, no clause stop.
const MAX_GAP = 120;

/**
 * Gives a speakerless quote whose cue is such a participle the speaker of the report whose cue comes right before it
 * in the same sentence. `quotes` are changed in place; `sentences` are the sentence spans in text order.
 */
export function shareParticipleSpeakers(text: string, quotes: readonly Quote[], sentences: readonly { span: Span }[]): void {
  const cued = quotes.filter((q) => q.cue && q.speaker?.span).sort((a, b) => a.cue!.span[0] - b.cue!.span[0]);
  if (!cued.length) return;
  for (const q of quotes) {
    if (q.speaker || !q.cue) continue;
    const cue = q.cue.span;
    const head = cueHead(text, cue);
    const before = text.slice(Math.max(0, cue[0] - 40), cue[0]);
    if (!((/^[a-z]+ing$/.test(head) && AFTER_COMMA.test(before)) || (/^[a-z]+ed$/.test(head) && THEN.test(before)))) continue;
    // the nearest earlier cue with a speaker (binary search over cue starts)
    let lo = 0;
    let hi = cued.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cued[mid]!.cue!.span[0] < cue[0]) lo = mid + 1;
      else hi = mid;
    }
    const r = cued[lo - 1];
    if (!r || r.cue!.span[1] > cue[0] || cue[0] - r.cue!.span[1] > MAX_GAP) continue;
    // the same sentence, no clause stop between, and the earlier speaker written before the participle
    const s = sentences[firstEndingAfter(sentences, cue[0])]?.span;
    if (!s || r.cue!.span[0] < s[0] || /[.!?;]\s/.test(text.slice(r.cue!.span[1], cue[0])) || r.speaker!.span![1] > cue[0]) continue;
    q.speaker = { ...r.speaker! };
  }
}

// What ends a participle's object: a clause mark or the sentence's end.
const OBJECT_END = /[,;:()\[\]"“”]|\s(?:-{1,2}|[–—―])\s|[.!?](?:\s|$)/;

/**
 * '…, explaining the campaign's decision.', '…, calling for his dismissal.': a noun phrase written after a participle
 * cue that follows a comma is its object, what was reported, never its speaker (PolNeAR train, 400 texts: 0 of 19 such
 * phrases are the source). The report becomes the object, to its clause's end, and the speaker is left to the report
 * before it in the sentence (shareParticipleSpeakers) or, failing one, the sentence's subject ("A group of doctors
 * sent a letter …, calling for …"). `quotes` are changed in place.
 */
export function participleObjects(tk: Tokens, text: string, quotes: readonly Quote[], sentences: readonly { span: Span }[]): void {
  const moved: Quote[] = [];
  for (const q of quotes) {
    const cue = q.cue?.span;
    const sp = q.speaker?.span;
    if (!cue || !sp || q.kind !== "indirect" || sp[0] < cue[1]) continue;
    const head = cueHead(text, cue);
    if (!/^[a-z]+ing$/.test(head) || head === "according" || !AFTER_COMMA.test(text.slice(Math.max(0, cue[0] - 40), cue[0]))) continue;
    const s = sentences[firstEndingAfter(sentences, cue[0])]?.span;
    if (!s || s[0] > cue[0] || sp[1] > s[1]) continue;
    const stop = OBJECT_END.exec(text.slice(sp[0], s[1]));
    let end = stop ? sp[0] + stop.index : s[1];
    while (end > sp[0] && /[\s.!?]/.test(text[end - 1]!)) end--;
    if (end < sp[1]) continue;
    q.span = [sp[0], end];
    q.text = text.slice(sp[0], end);
    q.speaker = undefined;
    moved.push(q);
  }
  if (!moved.length) return;
  shareParticipleSpeakers(text, quotes, sentences);
  for (const q of moved) {
    if (q.speaker) continue;
    const s = sentences[firstEndingAfter(sentences, q.cue!.span[0])]!.span;
    const np = clauseSubject(tk, text, tk.at(s[0]), tk.at(q.cue!.span[0]))?.np;
    if (np) q.speaker = { name: np.name, span: np.span };
  }
}

// An expletive subject and its "be" ("It was …", "it's …").
const EXPLETIVE = /^it$/i;
// (not a progressive's auxiliary: "it is steering clear of criticizing …" has a subject that acts)
const BE_AFTER = /^\s*(?:is|was|['’]s)\b(?!\s+(?:also\s+|still\s+|now\s+)?[a-z]+ing\b)/i;

/**
 * '"It was a tweet pushing …"', "It's a big if, but Jo Reyes was in Ohio, emphasizing …": a participle cue whose
 * speaker is an expletive "it" before a form of "be" speaks for nobody there (PolNeAR train: 0 of 9 such sources),
 * unless a clause after "but" before the cue has a subject of its own, which it takes. The report stays.
 * `quotes` are changed in place.
 */
export function expletiveSpeakers(tk: Tokens, text: string, quotes: readonly Quote[]): void {
  for (const q of quotes) {
    const cue = q.cue?.span;
    const sp = q.speaker?.span;
    if (!cue || !sp || sp[1] > cue[0] || !/^[a-z]+ing$/.test(cueHead(text, cue))) continue;
    if (!EXPLETIVE.test(text.slice(sp[0], sp[1])) || !BE_AFTER.test(text.slice(sp[1], sp[1] + 40))) continue;
    const at = tk.at(cue[0]);
    let next: SpeakerNP | undefined;
    for (let k = tk.at(sp[1]); k < at; k++) {
      if (tk.low(k) !== "but") continue;
      const found = clauseSubject(tk, text, k + 1, at, true);
      if (found && found.np.from === k + 1 && !EXPLETIVE.test(found.np.name)) next = found.np;
      break;
    }
    q.speaker = next ? { name: next.name, span: next.span } : undefined;
  }
}
