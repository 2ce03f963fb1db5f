// Tokenisation into a columnar table: words (with inner hyphens/apostrophes), numbers, "U.S.", punctuation.
import { TokenKind, type TokenTable } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";

// Order matters: dotted abbreviations before words, possessive 's split off so "Ukraine's" gives
// the name alone, numbers keep their separators ("12,000", "1.3", "10:30").
const TOKEN =
  /(?:\p{Lu}\.){2,}|\d+(?:[.,:]\d+)*(?:\p{L}+)?|['’][sS](?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:[-'’.&](?![sS](?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*|[^\s]/gu;

/** Classes of a UTF-16 code unit as TOKEN reads them (bits), worked out once per distinct character into CLASS. */
const UPPER = 1; // \p{Lu}
const LETTER = 2; // \p{L}
const DIGIT = 4; // \d (ASCII only)
const SPACE = 8; // \s
const JOINER = 16; // [-'’.&], inside a word
const MARK = 32; // \p{M}
const NUMBER = 64; // \p{N}
const PUNCT = 128; // \p{P}
const KNOWN = 256;
const WORD_CHAR = LETTER | MARK | NUMBER;
const RSQUO = 0x2019;
const CLASS = new Uint16Array(0x10000);

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  let k = KNOWN;
  if (/\p{Lu}/u.test(ch)) k |= UPPER;
  if (/\p{L}/u.test(ch)) k |= LETTER;
  if (/\d/.test(ch)) k |= DIGIT;
  if (/\s/.test(ch)) k |= SPACE;
  if (/[-'’.&]/.test(ch)) k |= JOINER;
  if (/\p{M}/u.test(ch)) k |= MARK;
  if (/\p{N}/u.test(ch)) k |= NUMBER;
  if (/\p{P}/u.test(ch)) k |= PUNCT;
  CLASS[c] = k;
  return k;
}

/** The class bits of text[i]; -1 for half of a surrogate pair or past the end (the regex reads those). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== c || (c >= 0xd800 && c <= 0xdfff)) return -1;
  const k = CLASS[c]!;
  return k !== 0 ? k : classify(c);
}

function kindOfSlow(ch: string): number {
  if (/\p{L}/u.test(ch)) return TokenKind.Word;
  if (/\p{N}/u.test(ch)) return TokenKind.Number;
  if (/\p{P}/u.test(ch)) return TokenKind.Punct;
  return TokenKind.Symbol;
}

/** The kind of a token from its first character, text[s] (half of a surrogate pair: the regex tests). */
function kindOf(text: string, s: number): number {
  const k = classAt(text, s);
  if (k < 0) return kindOfSlow(text[s]!);
  if (k & LETTER) return TokenKind.Word;
  if (k & NUMBER) return TokenKind.Number;
  if (k & PUNCT) return TokenKind.Punct;
  return TokenKind.Symbol;
}

/** White space as `\s` has it (never half of a surrogate pair). */
function isSpaceAt(text: string, i: number): boolean {
  const k = classAt(text, i);
  return k > 0 && (k & SPACE) !== 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The end of TOKEN's match at `p` (a character that is no white space), read from the class table without the
 * regex: the same alternatives in the same order, each as greedy as the regex's (none needs to give back what it
 * took, as nothing follows it). -1 where a surrogate pair is read (an astral character): the regex decides there.
 * Running the regex, whose Unicode classes are tested character by character, cost more than all the rest.
 */
function tokenEnd(text: string, p: number): number {
  const n = text.length;
  const k0 = classAt(text, p);
  if (k0 < 0) return -1;
  const c0 = text.charCodeAt(p);
  // (?:\p{Lu}\.){2,}: "U.S."
  if (k0 & UPPER) {
    let i = p;
    let reps = 0;
    while (text.charCodeAt(i + 1) === 46) {
      reps++;
      i += 2;
      if (i >= n) break;
      const k = classAt(text, i);
      if (k < 0) return -1;
      if (!(k & UPPER)) break;
    }
    if (reps >= 2) return p + 2 * reps;
  }
  // \d+(?:[.,:]\d+)*(?:\p{L}+)?: "12,000", "1.5bn"
  if (k0 & DIGIT) {
    let i = p + 1;
    for (;;) {
      while (isDigit(text.charCodeAt(i))) i++;
      const sep = text.charCodeAt(i);
      if ((sep === 46 || sep === 44 || sep === 58) && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        continue;
      }
      break;
    }
    for (; i < n; i++) {
      const k = classAt(text, i);
      if (k < 0) return -1;
      if (!(k & LETTER)) break;
    }
    return i;
  }
  // ['’][sS](?![\p{L}\p{N}]): a possessive; else the apostrophe alone (no other alternative starts with one)
  if (c0 === 39 || c0 === RSQUO) {
    const s = text.charCodeAt(p + 1);
    if (s === 115 || s === 83) {
      if (p + 2 >= n) return p + 2;
      const k = classAt(text, p + 2);
      if (k < 0) return -1;
      if (!(k & (LETTER | NUMBER))) return p + 2;
    }
    return p + 1;
  }
  // [\p{L}\p{M}\p{N}]+(?:[-'’.&](?![sS](?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*
  if (k0 & WORD_CHAR) {
    let i = p + 1;
    for (;;) {
      for (; i < n; i++) {
        const k = classAt(text, i);
        if (k < 0) return -1;
        if (!(k & WORD_CHAR)) break;
      }
      // a joiner counts only with a word character after it
      if (i + 1 >= n) return i;
      const sep = classAt(text, i);
      if (sep < 0 || !(sep & JOINER)) return i;
      const a = classAt(text, i + 1);
      if (a < 0) return -1;
      if (!(a & WORD_CHAR)) return i;
      const ac = text.charCodeAt(i + 1);
      if (ac === 115 || ac === 83) {
        // "'s" after a joiner ends the word, unless more of the word follows the s
        if (i + 2 >= n) return i;
        const b = classAt(text, i + 2);
        if (b < 0) return -1;
        if (!(b & (LETTER | NUMBER))) return i;
      }
      i += 2;
    }
  }
  // any other character alone
  return p + 1;
}

/** `check` is called every 256 ranges (the stage passes the pipeline's deadline check). */
export function tokenize(text: string, ranges: readonly [number, number][], check?: () => void): TokenTable {
  let cap = Math.max(16, text.length >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let sentence = new Int32Array(cap);
  let n = 0;
  const re = new RegExp(TOKEN.source, "uy");
  const len = text.length;
  for (let si = 0; si < ranges.length; si++) {
    const [from, to] = ranges[si]!;
    if (check && (si & 255) === 0) check();
    // as TOKEN.exec from `from` on would: skip white space, match, go on after the match
    let p = from;
    for (;;) {
      while (p < len && isSpaceAt(text, p)) p++;
      if (p >= len || p >= to) break;
      let s = p;
      let after = tokenEnd(text, p);
      if (after < 0) {
        re.lastIndex = p;
        // with the u flag, a start inside a surrogate pair is moved back to the pair's start
        s = re.exec(text)!.index;
        after = re.lastIndex;
      }
      if (n === cap) {
        cap *= 2;
        const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
        start = grow(start, new Int32Array(cap));
        end = grow(end, new Int32Array(cap));
        kind = grow(kind, new Uint8Array(cap));
        sentence = grow(sentence, new Int32Array(cap));
      }
      // a word token may not run past its sentence ("thing." at a boundary)
      start[n] = s;
      end[n] = after > to ? to : after;
      const c = text.charCodeAt(s);
      kind[n] = c === 39 || c === 0x2019 ? (after - s > 1 ? TokenKind.Word : TokenKind.Punct) : kindOf(text, s);
      sentence[n] = si;
      n++;
      p = after;
    }
  }
  return { count: n, start: start.slice(0, n), end: end.slice(0, n), kind: kind.slice(0, n), sentence: sentence.slice(0, n) };
}

/** TOKEN's own reading, match by match (the reference the fast path is tested against). */
export function tokenizeByRegex(text: string, ranges: readonly [number, number][]): TokenTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: number[] = [];
  const sents: number[] = [];
  const re = new RegExp(TOKEN.source, "gu");
  ranges.forEach(([from, to], si) => {
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      const s = m.index;
      const len = re.lastIndex - s;
      starts.push(s);
      ends.push(Math.min(s + len, to));
      const c = text.charCodeAt(s);
      kinds.push(c === 39 || c === 0x2019 ? (len > 1 ? TokenKind.Word : TokenKind.Punct) : kindOfSlow(text[s]!));
      sents.push(si);
    }
  });
  return {
    count: starts.length, start: Int32Array.from(starts), end: Int32Array.from(ends), kind: Uint8Array.from(kinds),
    sentence: Int32Array.from(sents),
  };
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
