// Widens a report inside a relative clause without a relative word to its head ("a tactic Democrats hope will …").
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import { zeroRelativeHead } from "../attribution/zero-relative.js";
import { Tokens, phraseNP } from "../extractors/quote-common.js";

/**
 * The quotes with each such report's content opening at the clause's head (PolNeAR: "a tactic … will dampen
 * support", speaker and cue between the pieces, recorded as the writer's aside). Runs after the report filter, which
 * was trained on the contents after their cues and judges the report, not the head.
 */
export function withZeroRelativeHeads(doc: Document, quotes: readonly Quote[]): Quote[] {
  const sentences = doc.maybe("sentence");
  if (!sentences.length) return quotes as Quote[];
  const tk = Tokens.of(doc);
  const text = doc.text;
  let out: Quote[] | undefined;
  let si = 0;
  for (let n = 0; n < quotes.length; n++) {
    const q = quotes[n]!;
    if (q.kind !== "indirect" || !q.cue || !q.speaker?.span || q.asides || q.span[0] < q.cue.span[1] || q.speaker.span[1] > q.cue.span[0]) continue;
    // the sentence holding the speaker (quotes come mostly in text order: the search restarts only when they go back)
    if (si >= sentences.length || sentences[si]!.span[0] > q.speaker.span[0]) si = 0;
    while (si < sentences.length && sentences[si]!.span[1] <= q.speaker.span[0]) si++;
    const s = sentences[si];
    if (!s || s.span[0] > q.speaker.span[0]) continue;
    const from = tk.at(q.speaker.span[0]);
    const to = tk.at(q.speaker.span[1]);
    const zero = zeroRelativeHead(tk, text, s.tokenStart, { from, to }, q.cue.span, q.span);
    if (!zero) continue;
    const np = zero.speakerFrom !== undefined ? phraseNP(tk, text, zero.speakerFrom, to) : undefined;
    if (zero.speakerFrom !== undefined && !np) continue;
    const speaker = np ? { name: np.name, span: np.span } : q.speaker;
    const span: [number, number] = [zero.head[0], q.span[1]];
    out ??= [...quotes];
    out[n] = { ...q, span, text: text.slice(span[0], span[1]), speaker, asides: [[speaker.span![0], q.span[0]]] };
  }
  return out ?? (quotes as Quote[]);
}

export const zeroRelatives: Stage = {
  name: "zeroRelatives",
  kind: "refiner",
  requires: ["quote", "token", "sentence"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", withZeroRelativeHeads(doc, doc.get("quote")));
  },
  // skipped by the time budget, each report keeps the content after its cue
  whenSkipped() {},
};
