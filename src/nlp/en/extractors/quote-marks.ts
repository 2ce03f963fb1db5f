// Finds quoted passages by their marks: straight, curly and guillemets, nested single quotes, quotes over several paragraphs.
import type { Span } from "../../../core/record.js";

export interface MarkedQuote {
  /** from the opening mark to just after the closing mark (or the paragraph end when unclosed) */
  outer: Span;
  /** between the marks */
  inner: Span;
  /** index of the paragraph the quote opens in, and the one it ends in */
  firstParagraph: number;
  lastParagraph: number;
  closed: boolean;
  /** quotes inside this one ('…' within "…") */
  nested: MarkedQuote[];
}

// '' and `` stand for double marks in some wires and archives (''This isn't reform,'' said …)
const DOUBLE = /''|``|["“”„«»]/g;
const SINGLE = /['‘’‚]/g;
// how many paragraphs an unclosed quote may run on (each continuing paragraph re-opens with a mark)
const MAX_PARAGRAPHS = 12;

type Role = "open" | "close" | "either" | "none";

function roleOf(text: string, i: number, len: number, from: number, to: number): Role {
  const ch = text[i]!;
  const prev = i > from ? text[i - 1]! : " ";
  const next = i + len < to ? text[i + len]! : " ";
  // a left mark typed for a right one after the quotation's last stop or comma, before a space ('"…,“ said X')
  if (ch === "“" && /[,.!?…]/.test(prev) && /\s/.test(next)) return "close";
  if (ch === "“" || ch === "„" || ch === "«" || ch === "`") return "open";
  if (ch === "”" || ch === "»") return "close";
  // straight marks: inches (5'11") are digits before the mark
  if (/\d/.test(prev) && !/\s/.test(prev)) return "none";
  const spaceBefore = /[\s([{—–\-:/]/.test(prev);
  const spaceAfter = /[\s)\]}.,;:!?—–-]/.test(next);
  if (spaceBefore && !spaceAfter) return "open";
  if (!spaceBefore && spaceAfter) return "close";
  return "either";
}

/** Quoted passages in the paragraphs (sorted by start). Unbalanced marks never make a quote run past its paragraph unless the next paragraph re-opens. */
export function findMarkedQuotes(text: string, paragraphs: readonly Span[]): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let open: { at: number; len: number; paragraph: number } | undefined;
  // the closing mark of a markup attribute's value (<tweet datetime="2016-02-09">): no quotation, like its opener
  let attrClose = -1;
  const finish = (closeAt: number, closeEnd: number, lastParagraph: number, closed: boolean) => {
    if (!open) return;
    const inner: Span = [open.at + open.len, closeAt];
    if (inner[1] > inner[0] && /\S/.test(text.slice(inner[0], Math.min(inner[1], inner[0] + 200)))) {
      out.push({ outer: [open.at, closeEnd], inner, firstParagraph: open.paragraph, lastParagraph, closed, nested: [] });
    }
    open = undefined;
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const [from, to] = paragraphs[p]!;
    let firstMark = true;
    // matching inside the paragraph's own slice keeps the scan linear (a global regex would run on to the next mark)
    for (const m of text.slice(from, to).matchAll(DOUBLE)) {
      const i = from + m.index;
      const len = m[0].length;
      if (i === attrClose) continue;
      if (m[0] === '"' && text[i - 1] === "=" && /[\w-]/.test(text[i - 2] ?? "")) {
        // (an attribute's value is short: a far mark is prose's own, not the value's end)
        const end = text.slice(i + 1, i + 301).indexOf('"');
        attrClose = end >= 0 ? i + 1 + end : -1;
        continue;
      }
      // an apostrophe pair only counts as a mark outside words ("rock''n''roll" is no quotation)
      if (len === 2 && m[0] === "''" && /[\p{L}\p{N}]/u.test(text[i - 1] ?? " ") && /[\p{L}\p{N}]/u.test(text[i + 2] ?? " ")) continue;
      const role = roleOf(text, i, len, from, to);
      if (role === "none") continue;
      const leading = firstMark && !/\S/.test(text.slice(from, i));
      firstMark = false;
      if (open && open.paragraph < p && leading && role !== "close") continue; // continuation paragraph re-opens
      if (!open) {
        // a stray closing mark opens nothing, except a right mark typed for a left one at the very start of a
        // paragraph, before a word (”Fear. I am …”)
        if (role === "close" && !(leading && /[\p{L}\p{N}]/u.test(text[i + len] ?? ""))) continue;
        open = { at: i, len, paragraph: p };
      } else if (role === "open") {
        // a second opening mark while one is open: the first was never closed; end it here
        let end = i;
        while (end > open.at + open.len && /\s/.test(text[end - 1]!)) end--;
        finish(end, end, p, false);
        open = { at: i, len, paragraph: p };
      } else {
        finish(i, i + len, p, true);
      }
    }
    if (open) {
      const next = paragraphs[p + 1];
      const reopens = next !== undefined && /^\s*(?:["“„«]|''|``)/.test(text.slice(next[0], next[0] + 3)) && p + 1 - open.paragraph < MAX_PARAGRAPHS;
      if (!reopens) finish(to, to, p, false);
    }
  }
  for (const q of out) q.nested = findNested(text, q.inner);
  return out;
}

/** Single-quoted passages inside a quote: an opening mark before a letter, a closing one before a non-letter. */
function findNested(text: string, [from, to]: Span): MarkedQuote[] {
  const out: MarkedQuote[] = [];
  let open = -1;
  for (const m of text.slice(from, to).matchAll(SINGLE)) {
    const i = from + m.index;
    const prev = i > from ? text[i - 1]! : " ";
    const next = i + 1 < to ? text[i + 1]! : " ";
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue; // an apostrophe: don't, Kim's
    if (open < 0) {
      if (!letterBefore && letterAfter && text[i] !== "’") open = i;
    } else if (letterBefore || /[.,!?]/.test(prev)) {
      if (!letterAfter) {
        out.push({ outer: [open, i + 1], inner: [open + 1, i], firstParagraph: -1, lastParagraph: -1, closed: true, nested: [] });
        open = -1;
      }
    }
  }
  return out;
}
