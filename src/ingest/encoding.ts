// Bytes to string: gzip inflation with a size cap, charset sniffing (BOM, header, meta, XML declaration), decoding.
import { isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { IngestError, MAX_INPUT_BYTES } from "./types.js";

const MB = 1048576;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Deflate expands at most about 1032-fold: a gzip trailer claiming more is not believed. */
const MAX_DEFLATE_RATIO = 1032;

/**
 * The output chunk to inflate into: the size the gzip trailer states (ISIZE, the last member's length mod 2^32),
 * so a page inflates in one chunk instead of zlib's 16 KB ones joined at the end (a quarter less CPU on the Zyte
 * pages). The trailer is only a hint: a wrong one costs more chunks or a larger first buffer, never other bytes.
 */
export function inflateChunkSize(bytes: Uint8Array, maxBytes: number): number {
  const n = bytes.length;
  if (n < 18) return 64;
  const stated = (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  // one byte more than stated: a chunk filled exactly would take one more round to see the end
  return Math.max(64, Math.min(stated + 1, maxBytes + 1, n * MAX_DEFLATE_RATIO));
}

/** Inflates gzip input; output is capped so a small bomb cannot exhaust memory. */
export function gunzipCapped(bytes: Uint8Array, origin: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes, chunkSize: inflateChunkSize(bytes, maxBytes) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw new IngestError(`gzip input inflates to over the ${maxBytes / MB} MB limit`, origin);
    }
    throw new IngestError(`corrupt gzip data (${(e as Error).message})`, origin);
  }
}

export function checkSize(bytes: Uint8Array, origin: string, maxBytes = MAX_INPUT_BYTES): void {
  if (bytes.length > maxBytes) {
    throw new IngestError(`input is ${(bytes.length / MB).toFixed(1)} MB, over the ${maxBytes / MB} MB limit`, origin);
  }
}

/** The charset named by a byte-order mark, and the mark's length. */
export function sniffBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return undefined;
}

/** The first bytes as a Latin-1 string: enough to find ASCII markup without decoding. */
export function asciiHead(bytes: Uint8Array, length = 4096): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, length)).toString("latin1");
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/** Charset declared inside the document (meta charset, http-equiv, XML declaration), from its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes, 4096);
  return XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
}

/** Charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1];
}

/**
 * Maps a label to the decoder browsers would use: Latin-1 and ASCII labels mean windows-1252 on the web,
 * and a page cannot really be UTF-16 if its ASCII head declared it.
 */
export function normaliseCharset(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (l === "utf8" || l === "utf-8" || l === "unicode-1-1-utf-8") return "utf-8";
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp819|ibm819|iso_8859-1)$/.test(l)) return "windows-1252";
  if (l === "x-sjis" || l === "sjis" || l === "ms_kanji") return "shift_jis";
  if (l === "gb2312" || l === "x-gbk") return "gbk";
  return iconv.encodingExists(l) ? l : undefined;
}

export interface Decoded {
  text: string;
  charset: string;
  warnings: string[];
}

/**
 * A rewrite of markup that reads only ASCII characters (ASCII-only regexes: no `\s`, no `u` flag) and cuts only
 * next to them, such as html.ts's `prepareMarkup`. On valid UTF-8, where an ASCII byte is always a whole character,
 * running it over the bytes' Latin-1 view and decoding what is left gives the string it gives on the decoded text.
 */
export type AsciiRewrite = (markup: string) => string;

/**
 * Decodes markup (HTML, XML): BOM, then the transport charset, then the document's own declaration, then UTF-8 or
 * windows-1252. With `rewrite`, the text returned has been through it: on valid UTF-8 (most pages) it runs before
 * decoding, over a one-byte string, so the parts it drops (scripts, styles: often most of a page) are never
 * decoded into two-byte text.
 */
export function decodeMarkup(bytes: Uint8Array, transportCharset?: string, rewrite?: AsciiRewrite): Decoded {
  const decoded = decodeMarkupAs(bytes, transportCharset, rewrite);
  if (rewrite && !decoded.rewritten) decoded.text = rewrite(decoded.text);
  return { text: decoded.text, charset: decoded.charset, warnings: decoded.warnings };
}

function decodeMarkupAs(bytes: Uint8Array, transportCharset: string | undefined, rewrite: AsciiRewrite | undefined): Decoded & { rewritten?: boolean } {
  const warnings: string[] = [];
  const bom = sniffBom(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.length), bom.charset), charset: bom.charset, warnings };
  const labels = [transportCharset, declaredCharset(bytes)];
  for (const label of labels) {
    if (!label) continue;
    const charset = normaliseCharset(label);
    if (!charset) {
      warnings.push(`unknown charset "${label}"`);
      continue;
    }
    if (charset === "utf-8") {
      if (rewrite && isUtf8(bytes)) return { text: rewrittenUtf8(bytes, rewrite), charset, warnings, rewritten: true };
      const strict = tryUtf8(bytes);
      if (strict !== undefined) return { text: strict, charset, warnings };
      warnings.push("invalid UTF-8 in a page declared as UTF-8: bad bytes replaced");
      return { text: new TextDecoder("utf-8").decode(bytes), charset, warnings };
    }
    // The declaration was read as ASCII, so the bytes are ASCII-compatible: a charset that would decode "<html>" to
    // something else (UTF-16, UTF-32, UTF-7) is a lie, as browsers also conclude.
    if (!asciiCompatible(charset)) {
      if (!charset.startsWith("utf-16")) warnings.push(`charset "${label}" contradicts the ASCII markup that declares it: ignored`);
      continue;
    }
    return { text: decodeWith(bytes, charset), charset, warnings };
  }
  if (rewrite && isUtf8(bytes)) return { text: rewrittenUtf8(bytes, rewrite), charset: "utf-8", warnings, rewritten: true };
  const strict = tryUtf8(bytes);
  if (strict !== undefined) return { text: strict, charset: "utf-8", warnings };
  // Undeclared and not UTF-8: what browsers assume for Western pages.
  warnings.push("no charset declared and not UTF-8: read as windows-1252");
  return { text: decodeWith(bytes, "windows-1252"), charset: "windows-1252", warnings };
}

/** Decodes plain text, JSON or JSONL: UTF-8 (or a BOM / transport charset); anything else is refused. */
export function decodeText(bytes: Uint8Array, origin: string, transportCharset?: string): string {
  const bom = sniffBom(bytes);
  if (bom) return decodeWith(bytes.subarray(bom.length), bom.charset);
  const charset = transportCharset ? normaliseCharset(transportCharset) : undefined;
  if (charset && charset !== "utf-8") return decodeWith(bytes, charset);
  rejectBinary(bytes, origin);
  const text = tryUtf8(bytes);
  if (text === undefined) {
    throw new IngestError(`invalid UTF-8 at byte ${firstInvalidUtf8(bytes)} (give text as UTF-8, or HTML with its charset)`, origin);
  }
  return text;
}

/** Refuses data that is not text: NUL bytes, or many control characters in the first 8 KB. */
export function rejectBinary(bytes: Uint8Array, origin: string): void {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) throw new IngestError("binary data (NUL bytes), not text or HTML", origin);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > 0.05) throw new IngestError("binary data (control characters), not text or HTML", origin);
}

const ASCII_PROBE = '<meta charset="x"> +-/~\\AZaz09';
const asciiCompatibility = new Map<string, boolean>();

/** Whether a charset decodes ASCII bytes to the same ASCII text. */
function asciiCompatible(charset: string): boolean {
  let ok = asciiCompatibility.get(charset);
  if (ok === undefined) {
    try {
      ok = decodeWith(Buffer.from(ASCII_PROBE, "latin1"), charset) === ASCII_PROBE;
    } catch {
      ok = false;
    }
    asciiCompatibility.set(charset, ok);
  }
  return ok;
}

/** Valid UTF-8 bytes rewritten as their Latin-1 view, then decoded (see AsciiRewrite). */
function rewrittenUtf8(bytes: Uint8Array, rewrite: AsciiRewrite): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const view = buffer.toString("latin1");
  const kept = rewrite(view);
  return (kept === view ? buffer : Buffer.from(kept, "latin1")).toString("utf8");
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === "utf-8") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), charset, { stripBOM: false });
}

/** Byte offset of the first invalid UTF-8 sequence, for an error message the user can act on. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
