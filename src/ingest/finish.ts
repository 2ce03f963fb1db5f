// Final assembly shared by every ingester: caller overrides win, language is decided, warnings are collected.
import type { SourceMapEntry } from "../core/document.js";
import type { SourceInfo, Span } from "../core/record.js";
import { decideLanguage } from "./language.js";
import { definedOverrides, type IngestedArticle, type IngestOptions } from "./types.js";

export interface BodyText {
  text: string;
  paragraphs?: Span[];
  sourceMap?: SourceMapEntry[];
}

const FIELD_ORDER: (keyof SourceInfo)[] = ["url", "outlet", "title", "subtitle", "byline", "published", "modified", "language"];

export function finishArticle(
  body: BodyText,
  fromInput: SourceInfo,
  options: IngestOptions,
  origin: string,
  warnings: string[] = [],
): IngestedArticle {
  const merged: SourceInfo = { ...fromInput, ...definedOverrides(options) };
  if (!merged.url && options.pageUrl) merged.url = options.pageUrl;
  const lang = decideLanguage(body.text, options.language, fromInput.language);
  if (lang.language) merged.language = lang.language;
  else delete merged.language;
  // A stable key order keeps records diff-friendly.
  const source: SourceInfo = {};
  for (const k of FIELD_ORDER) if (merged[k] !== undefined) (source as Record<string, unknown>)[k] = merged[k];
  const article: IngestedArticle = { text: body.text, source, warnings: [...warnings], origin };
  if (lang.warning) article.warnings.push(lang.warning);
  if (body.paragraphs) article.paragraphs = body.paragraphs;
  if (body.sourceMap) article.sourceMap = body.sourceMap;
  return article;
}
