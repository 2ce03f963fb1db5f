// What every ingester produces: one or more articles, each a body text with source metadata.
import type { SourceMapEntry } from "../core/document.js";
import type { SourceInfo, Span } from "../core/record.js";

export interface IngestedArticle {
  text: string;
  source: SourceInfo;
  /** paragraph spans known from the source structure (HTML blocks) */
  paragraphs?: Span[];
  sourceMap?: SourceMapEntry[];
  warnings: string[];
  /** where it came from, for messages: a file name, "stdin", "file.jsonl:12", a URL */
  origin: string;
  /** an id given by the input itself (a JSONL `id` field); callers may prefer it to a derived one */
  id?: string;
}

/** Metadata given by the caller (CLI flags); it wins over what the input says. */
export interface MetadataOverrides {
  title?: string;
  subtitle?: string;
  published?: string;
  outlet?: string;
  url?: string;
  language?: string;
  byline?: string[];
}

/** Options of `ingest()`: caller metadata plus hints about where the bytes came from. */
export interface IngestOptions extends MetadataOverrides {
  /** a name for messages: the file name, "stdin", a URL */
  origin?: string;
  /** charset from a transport header (HTTP Content-Type); wins over in-document declarations */
  charset?: string;
  /** the address the bytes were fetched from: the fallback source URL and the base for relative links */
  pageUrl?: string;
  /** feeds: fetch the page of items that carry only a link and a summary (network access) */
  fetchLinks?: boolean;
  /** how feed item links are fetched (SSRF guard, limits); ingestUrl passes its own policy on */
  fetch?: import("./fetch.js").FetchOptions;
}

/** A bad input: one clear line for the user, no stack trace. */
export class IngestError extends Error {
  constructor(message: string, readonly origin?: string) {
    super(message);
    this.name = "IngestError";
  }
}

/** Inputs larger than this are refused with a clear message (bytes). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Keeps only the overrides that are set, so spreading them never erases a value with undefined. */
export function definedOverrides(options: MetadataOverrides): MetadataOverrides {
  const out: MetadataOverrides = {};
  if (options.title !== undefined) out.title = options.title;
  if (options.subtitle !== undefined) out.subtitle = options.subtitle;
  if (options.published !== undefined) out.published = options.published;
  if (options.outlet !== undefined) out.outlet = options.outlet;
  if (options.url !== undefined) out.url = options.url;
  if (options.language !== undefined) out.language = options.language;
  if (options.byline !== undefined) out.byline = options.byline;
  return out;
}
