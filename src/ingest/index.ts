// Ingest entry point: tells the kind of input apart by content and hands it to the right ingester.
import { asciiHead, checkSize, decodeMarkup, decodeText, gunzipCapped, isGzip, sniffBom } from "./encoding.js";
import { detectKind, type InputKind } from "./detect.js";
import { ingestFeed } from "./feed.js";
import { ingestHtml } from "./html.js";
import { ingestJsonLines } from "./jsonl.js";
import { ingestText } from "./text.js";
import { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions } from "./types.js";

export { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions, type MetadataOverrides } from "./types.js";
export { fetchUrl, ingestUrl, type FetchOptions, type FetchedPage } from "./fetch.js";
export { ingestFeed } from "./feed.js";
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
  if (kind === "html" || kind === "feed") {
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
