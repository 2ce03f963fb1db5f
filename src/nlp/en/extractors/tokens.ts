// Tokenisation into a columnar table: words (with inner hyphens/apostrophes), numbers, "U.S.", punctuation.
import { TokenKind, type TokenTable } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";

// Order matters: dotted abbreviations before words, possessive 's split off so "Ukraine's" gives
// the name alone, numbers keep their separators ("12,000", "1.3", "10:30").
const TOKEN =
  /(?:\p{Lu}\.){2,}|\d+(?:[.,:]\d+)*(?:\p{L}+)?|['’][sS](?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[-'’.&](?![sS](?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*|[^\s]/gu;

function kindOfSlow(ch: string): number {
  if (/\p{L}/u.test(ch)) return TokenKind.Word;
  if (/\p{N}/u.test(ch)) return TokenKind.Number;
  if (/\p{P}/u.test(ch)) return TokenKind.Punct;
  return TokenKind.Symbol;
}
/** The kinds of the ASCII characters, from the same tests (three Unicode regex tests per token cost more than the match). */
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => kindOfSlow(String.fromCharCode(c)));

/** The kind of a token from its first character (an ASCII code, or the string `ch` beyond ASCII). */
const kindOf = (code: number, ch: string): number => (code < 128 ? ASCII_KIND[code]! : kindOfSlow(ch));

/** `check` is called every 256 ranges (the stage passes the pipeline's deadline check). */
export function tokenize(text: string, ranges: readonly [number, number][], check?: () => void): TokenTable {
  let cap = Math.max(16, text.length >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let sentence = new Int32Array(cap);
  let n = 0;
  const re = new RegExp(TOKEN.source, "gu");
  ranges.forEach(([from, to], si) => {
    if (check && (si & 255) === 0) check();
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      if (n === cap) {
        cap *= 2;
        const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
        start = grow(start, new Int32Array(cap));
        end = grow(end, new Int32Array(cap));
        kind = grow(kind, new Uint8Array(cap));
        sentence = grow(sentence, new Int32Array(cap));
      }
      const s = m.index;
      const len = re.lastIndex - s;
      let e = s + len;
      // a word token may not run past its sentence ("thing." at a boundary)
      if (e > to) e = to;
      start[n] = s;
      end[n] = e;
      const c = text.charCodeAt(s);
      kind[n] = c === 39 || c === 0x2019 ? (len > 1 ? TokenKind.Word : TokenKind.Punct) : kindOf(c, c < 128 ? "" : text[s]!);
      sentence[n] = si;
      n++;
    }
  });
  return { count: n, start: start.slice(0, n), end: end.slice(0, n), kind: kind.slice(0, n), sentence: sentence.slice(0, n) };
}

export const tokens: Stage = {
  name: "tokens",
  kind: "extractor",
  requires: ["sentence"],
  provides: ["token"],
  run(doc: Document) {
    const sents = doc.get("sentence");
    const table = tokenize(doc.text, sents.map((s) => s.span), () => checkDeadline(doc));
    let t = 0;
    sents.forEach((s, i) => {
      s.tokenStart = t;
      while (t < table.count && table.sentence[t] === i) t++;
      s.tokenEnd = t;
    });
    doc.set("token", table);
  },
};
