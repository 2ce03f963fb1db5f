// Plain-text ingest: the text is kept exactly as given, so offsets line up with outside annotations.
import { IngestError, type IngestedArticle, type MetadataOverrides } from "./types.js";

export function ingestText(text: string, meta: MetadataOverrides, origin: string): IngestedArticle {
  if (text.trim() === "") throw new IngestError("empty input: no text to read", origin);
  return { text, source: { ...meta }, warnings: [], origin };
}
