// Plain-text ingest: the text is kept exactly as given, so offsets line up with outside annotations.
import { finishArticle } from "./finish.js";
import { IngestError, type IngestedArticle, type IngestOptions } from "./types.js";

/** Only caller metadata applies to plain text; the language is guessed when not given. */
export function ingestText(text: string, meta: IngestOptions, origin: string, warnings: string[] = []): IngestedArticle {
  if (text.trim() === "") throw new IngestError("empty input: no text to read", origin);
  return finishArticle({ text }, {}, meta, origin, warnings);
}
