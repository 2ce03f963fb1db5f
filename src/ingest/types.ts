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

/** A bad input: one clear line for the user, no stack trace. */
export class IngestError extends Error {
  constructor(message: string, readonly origin?: string) {
    super(message);
    this.name = "IngestError";
  }
}

/** Inputs larger than this are refused with a clear message (bytes). */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
