// Library entry: `import { extract } from "claimline"` turns an article into its claim record.
import { createHash } from "node:crypto";
import { Document } from "./core/document.js";
import type { ArticleRecord } from "./core/record.js";
import { toRecord } from "./core/to-record.js";
import { ingest, type IngestedArticle, type IngestOptions } from "./ingest/index.js";
import { englishPipeline } from "./nlp/en/configuration.js";

export * from "./core/record.js";
export type * from "./core/annotations.js";
export { Document } from "./core/document.js";
export { Pipeline, type Stage } from "./core/pipeline.js";
export { toRecord } from "./core/to-record.js";
export { englishPipeline, englishStages } from "./nlp/en/configuration.js";
export { ingest, IngestError, type IngestedArticle, type IngestOptions } from "./ingest/index.js";

/** A stable id: the canonical URL when known, else the text. */
export function articleId(text: string, url?: string): string {
  return createHash("sha1").update(url ? `url:${url}` : `text:${text}`).digest("hex").slice(0, 16);
}

/** Runs the English pipeline over an ingested article. */
export function processArticle(article: IngestedArticle): Document {
  const doc = new Document(article.text, article.source, articleId(article.text, article.source.url));
  if (article.paragraphs) doc.sourceParagraphs = article.paragraphs;
  if (article.sourceMap) doc.sourceMap = article.sourceMap;
  for (const w of article.warnings) doc.warn("ingest", w);
  return englishPipeline().run(doc);
}

/** Extracts the record of one plain-text article (synchronous; the text is kept verbatim). */
export function extractText(text: string, meta: IngestOptions = {}): ArticleRecord {
  const { origin: _o, ...source } = meta;
  return toRecord(processArticle({ text, source, warnings: [], origin: "text" }));
}

/**
 * Extracts the record(s) of an input: plain text, HTML, a feed or JSONL, told apart by content.
 * One input may hold several articles (a feed, a JSONL file); a single article gives one record.
 */
export async function extractAll(input: string | Uint8Array, meta: IngestOptions = {}): Promise<ArticleRecord[]> {
  const articles = await ingest(input, meta);
  return articles.map((a) => toRecord(processArticle(a)));
}

/** Extracts the record of one article (the first, if the input holds several). */
export async function extract(input: string | Uint8Array, meta: IngestOptions = {}): Promise<ArticleRecord> {
  const [first] = await extractAll(input, meta);
  if (!first) throw new Error("no article in the input");
  return first;
}
