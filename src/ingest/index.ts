// Ingest entry point: tells the kind of input apart by content and hands it to the right ingester.
import { asciiHead, checkSize, decodeMarkup, decodeText, gunzipCapped, isGzip, sniffBom } from "./encoding.js";
import { detectKind, type InputKind } from "./detect.js";
import type { FeedOptions } from "./feed.js";
import type { FetchedPage, FetchOptions } from "./fetch.js";
import { ingestHtml, prepareMarkup } from "./html.js";
import { ingestJsonLines } from "./jsonl.js";
import { ingestText } from "./text.js";
import { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions } from "./types.js";

export { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions, type MetadataOverrides } from "./types.js";
export type { FetchOptions, FetchedPage } from "./fetch.js";

// Feeds (feedsmith) and fetching (http, https, dns) load on first use: a run over local text or HTML files
// never needs them, and importing them cost about a fifth of a CPU-second per process.

/** Ingests an RSS, Atom, RDF or JSON feed: one article per item (src/ingest/feed.ts). */
export async function ingestFeed(xml: string, options: FeedOptions = {}, origin = options.origin ?? "feed"): Promise<IngestedArticle[]> {
  return (await import("./feed.js")).ingestFeed(xml, options, origin);
}

/** Fetches one http(s) URL with the SSRF guard (src/ingest/fetch.ts). */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  return (await import("./fetch.js")).fetchUrl(url, options);
}

/** Fetches and ingests one http(s) URL (src/ingest/fetch.ts). */
export async function ingestUrl(url: string, options: IngestOptions & FetchOptions = {}): Promise<IngestedArticle[]> {
  return (await import("./fetch.js")).ingestUrl(url, options);
}
export { detectKind, type InputKind } from "./detect.js";
export { detectLanguage } from "./language.js";

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a clear message. */
export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  checkSize(bytes, origin);
  return decodeText(bytes, origin);
}

/** Ingests one input (a file's bytes or a string) into articles: one for a page or text, several for a feed or JSONL. */
export async function ingest(input: Uint8Array | string, options: IngestOptions = {}): Promise<IngestedArticle[]> {
  const origin = options.origin ?? "input";
  if (typeof input === "string") {
    if (input.length > MAX_INPUT_BYTES) checkSize(Buffer.from(input), origin);
    return ingestString(input, detectKind(input.slice(0, 4096)), options, origin, []);
  }
  let bytes = input;
  checkSize(bytes, origin);
  if (isGzip(bytes)) bytes = gunzipCapped(bytes, origin);
  if (bytes.length === 0) throw new IngestError("empty input: no text to read", origin);
  const bom = sniffBom(bytes);
  // UTF-16 hides ASCII markers from a byte-level look: decode first, then tell the kind.
  if (bom && bom.charset !== "utf-8") {
    const text = decodeText(bytes, origin);
    return ingestString(text, detectKind(text.slice(0, 4096)), options, origin, []);
  }
  const kind = detectKind(asciiHead(bytes));
  if (kind === "html") {
    const decoded = decodeMarkup(bytes, options.charset, prepareMarkup);
    return [ingestHtml(decoded.text, options, origin, { warnings: decoded.warnings, prepared: true })];
  }
  if (kind === "feed") {
    const decoded = decodeMarkup(bytes, options.charset);
    return ingestString(decoded.text, kind, options, origin, decoded.warnings);
  }
  return ingestString(decodeText(bytes, origin, options.charset), kind, options, origin, []);
}

async function ingestString(text: string, kind: InputKind, options: IngestOptions, origin: string, warnings: string[]): Promise<IngestedArticle[]> {
  switch (kind) {
    case "html":
      return [ingestHtml(text, options, origin, { warnings })];
    case "feed": {
      const articles = await ingestFeed(text, options, origin);
      if (warnings.length) articles[0]!.warnings.unshift(...warnings);
      return articles;
    }
    case "json":
      if (isJsonFeed(text)) return ingestFeed(text, options, origin);
      return ingestJsonLines(text, options, origin);
    case "text":
      return [ingestText(text, options, origin, warnings)];
  }
}

function isJsonFeed(text: string): boolean {
  return /^\s*\{/.test(text) && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\//.test(text.slice(0, 2048));
}
