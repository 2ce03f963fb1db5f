// Paragraph segmentation: source blocks when the ingester knows them, else blank lines or single lines.
import type { Paragraph } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { Span } from "../../../core/record.js";
import { trimSpan } from "../../../core/span.js";

const HEADING_MAX = 90;

/** A short line that does not end like a sentence: a title, crosshead or dateline. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  // a quotation closed by a comma is an attributed quote missing its period, not a heading
  return t.length > 0 && t.length <= HEADING_MAX && !/[.!?:;,"”’'»)\]…]$/.test(t) && !/[,!?]["”’']\s/.test(t);
}

export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  // Plain text with blank lines is hard-wrapped prose: blocks are paragraphs. Without blank lines,
  // every line is one (the usual shape of scraped news text).
  const separator = /\n[ \t]*\n/.test(text.trim()) ? /\n[ \t]*(?:\n[ \t]*)+/g : /\r?\n/g;
  let start = 0;
  for (const m of text.matchAll(separator)) {
    spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  spans.push([start, text.length]);
  return spans.map((s) => trimSpan(text, s)).filter((s) => s[1] > s[0]);
}

export const paragraphs: Stage = {
  name: "paragraphs",
  kind: "extractor",
  requires: [],
  provides: ["paragraph"],
  run(doc: Document) {
    const spans = doc.sourceParagraphs?.length ? doc.sourceParagraphs : splitParagraphs(doc.text);
    const out: Paragraph[] = spans.map((span) => ({ span, heading: looksLikeHeading(doc.slice(span)) }));
    doc.set("paragraph", out);
  },
};
