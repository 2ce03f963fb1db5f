// A participle after a report shares its speaker: '"…," he said, noting that …' / 'she told the crowd, then referred to …'.
import type { Quote } from "../../../core/annotations.js";
import type { Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";

// The cue opens a participle clause after a comma, perhaps after adverbs ("…, also alluding to", "…, not even
// suggesting"), or a verb of the same subject after ", then" ("…, then referred to").
const AFTER_COMMA = /,\s*(?:(?:also|then|not|even|again|later|only|just|[a-z]{3,}ly)\s+){0,3}$/;
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
    const head = /^[\p{L}]+/u.exec(text.slice(cue[0], cue[1]))?.[0] ?? "";
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
