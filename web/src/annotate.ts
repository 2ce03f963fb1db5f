// Cuts an article's text at its annotation spans into a tree of plain-text and marked pieces (no HTML is ever parsed).
import type { ArticleRecord, ClaimRecord, EntityRecord, QuantityRecord, QuoteRecord, TimeRecord } from "../../src/core/record.js";

export type Mark =
  | { kind: "quote"; start: number; end: number; quote: QuoteRecord }
  | { kind: "speaker"; start: number; end: number; quote: QuoteRecord; entity?: EntityRecord }
  | { kind: "cue"; start: number; end: number; quote: QuoteRecord }
  | { kind: "figure"; start: number; end: number; quantity: QuantityRecord }
  | { kind: "time"; start: number; end: number; time: TimeRecord }
  | { kind: "certainty"; start: number; end: number; claim: ClaimRecord; cue: string }
  | { kind: "entity"; start: number; end: number; entity: EntityRecord };

export type Piece = { text: string; start: number } | { mark: Mark; children: Piece[] };

export interface Paragraph {
  start: number;
  end: number;
  pieces: Piece[];
}

/** Which inner mark wins where two overlap: what the reader came for first (figures, speakers), context last. */
const PRIORITY: Record<Mark["kind"], number> = { quote: 0, figure: 1, speaker: 2, cue: 3, certainty: 4, time: 5, entity: 6 };

/** Without line breaks in the text, a visual paragraph is cut after a sentence once this many characters have passed. */
const SOFT_PARAGRAPH = 420;

function valid(span: readonly [number, number] | undefined, length: number): span is [number, number] {
  return !!span && Number.isInteger(span[0]) && Number.isInteger(span[1]) && span[0] >= 0 && span[0] < span[1] && span[1] <= length;
}

/** Every mark the record supports, spans checked against the text (a bad span is dropped, never trusted). */
export function collectMarks(record: ArticleRecord): Mark[] {
  const n = record.text.length;
  const marks: Mark[] = [];
  const byId = new Map(record.entities.map((e) => [e.id, e]));
  for (const quote of record.quotes) {
    if (valid(quote.span, n)) marks.push({ kind: "quote", start: quote.span[0], end: quote.span[1], quote });
    if (quote.speaker && valid(quote.speaker.span, n)) {
      marks.push({ kind: "speaker", start: quote.speaker.span[0], end: quote.speaker.span[1], quote, entity: quote.speaker.entity ? byId.get(quote.speaker.entity) : undefined });
    }
    if (quote.cue && valid(quote.cue.span, n)) marks.push({ kind: "cue", start: quote.cue.span[0], end: quote.cue.span[1], quote });
  }
  for (const quantity of record.quantities) if (valid(quantity.span, n)) marks.push({ kind: "figure", start: quantity.span[0], end: quantity.span[1], quantity });
  for (const time of record.times) if (valid(time.span, n)) marks.push({ kind: "time", start: time.span[0], end: time.span[1], time });
  for (const claim of record.claims) {
    // Asserted statements carry no hedge; the cues of the others are what a fact-checker looks for.
    if (claim.status === "asserted") continue;
    for (const cue of claim.cues) if (valid(cue.span, n)) marks.push({ kind: "certainty", start: cue.span[0], end: cue.span[1], claim, cue: cue.text });
  }
  for (const entity of record.entities) for (const m of entity.mentions) if (valid(m, n)) marks.push({ kind: "entity", start: m[0], end: m[1], entity });
  return marks;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Quotes as the outer layer, non-overlapping; the other marks inside or between them, non-overlapping and never straddling a quote edge. */
export function layoutMarks(marks: Mark[]): { outer: Mark[]; inner: Mark[] } {
  const outer: Mark[] = [];
  for (const m of marks.filter((x) => x.kind === "quote").sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!outer.some((o) => overlaps(o, m))) outer.push(m);
  }
  const straddles = (m: Mark) => outer.some((o) => overlaps(o, m) && (m.start < o.start || m.end > o.end));
  const inner: Mark[] = [];
  const candidates = marks.filter((x) => x.kind !== "quote").sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  for (const m of candidates) if (!straddles(m) && !inner.some((i) => overlaps(i, m))) inner.push(m);
  inner.sort((a, b) => a.start - b.start);
  return { outer, inner };
}

/** Paragraph ranges: the text's own line breaks, else soft breaks after sentences (claim ends) that fall outside every mark. */
export function paragraphs(record: ArticleRecord, marks: Mark[]): [number, number][] {
  const text = record.text;
  const ranges: [number, number][] = [];
  if (/\n/.test(text)) {
    const re = /\n\s*/g;
    let at = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > at) ranges.push([at, m.index]);
      at = m.index + m[0].length;
    }
    if (at < text.length) ranges.push([at, text.length]);
    return ranges;
  }
  const ends = [...new Set(record.claims.map((c) => c.span?.[1]).filter((e): e is number => typeof e === "number"))].sort((a, b) => a - b);
  let at = 0;
  for (const end of ends) {
    if (end - at < SOFT_PARAGRAPH || text.length - end < SOFT_PARAGRAPH / 3) continue;
    if (!/\s/.test(text[end] ?? "")) continue;
    if (marks.some((m) => m.start < end && end < m.end)) continue;
    ranges.push([at, end]);
    at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
  }
  if (at < text.length) ranges.push([at, text.length]);
  return ranges;
}

function piecesOf(text: string, start: number, end: number, inner: Mark[]): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  for (const m of inner) {
    if (m.end <= start || m.start >= end) continue;
    if (m.start < at || m.end > end) continue;
    if (m.start > at) pieces.push({ text: text.slice(at, m.start), start: at });
    pieces.push({ mark: m, children: [{ text: text.slice(m.start, m.end), start: m.start }] });
    at = m.end;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), start: at });
  return pieces;
}

/** The whole annotated article: paragraphs of text pieces, quotes holding their inner marks. */
export function annotate(record: ArticleRecord): Paragraph[] {
  const marks = collectMarks(record);
  const { outer, inner } = layoutMarks(marks);
  return paragraphs(record, outer.concat(inner)).map(([start, end]) => {
    const pieces: Piece[] = [];
    let at = start;
    for (const q of outer) {
      if (q.start < start || q.end > end) continue;
      if (q.start > at) pieces.push(...piecesOf(record.text, at, q.start, inner));
      pieces.push({ mark: q, children: piecesOf(record.text, q.start, q.end, inner) });
      at = q.end;
    }
    if (at < end) pieces.push(...piecesOf(record.text, at, end, inner));
    return { start, end, pieces };
  });
}

/** How a figure's bound reads in words: "up to 750,000", "more than 60". */
export function boundPhrase(b: { bound: string; value?: number; low?: number; high?: number }, fmt: (n: number) => string = formatNumber): string {
  const v = b.value !== undefined ? fmt(b.value) : "?";
  switch (b.bound) {
    case "lower": return `at least / more than ${v}`;
    case "upper": return `up to / at most ${v}`;
    case "approx": return `about ${v}`;
    case "range": return `between ${b.low !== undefined ? fmt(b.low) : "?"} and ${b.high !== undefined ? fmt(b.high) : "?"}`;
    default: return `exactly ${v}`;
  }
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(n);
}
