// JSON and JSONL articles: one object per line (or a JSON array / single object) with `text` or `html` and metadata fields.
import type { SourceInfo } from "../core/record.js";
import { parseBylines } from "./byline.js";
import { normaliseDate } from "./dates.js";
import { finishArticle } from "./finish.js";
import { ingestHtml, isWholePage, renderFragment } from "./html.js";
import { IngestError, type IngestedArticle, type IngestOptions } from "./types.js";

type Json = Record<string, unknown>;

/**
 * Reads JSONL; a bad line becomes a warning naming its line number (on the first article) and the other lines
 * still come out. A whole-file JSON array or a pretty-printed single object is accepted too.
 */
export function ingestJsonLines(input: string, options: IngestOptions, origin: string): IngestedArticle[] {
  const whole = tryParse(input);
  if (whole !== undefined && (Array.isArray(whole) || isObject(whole))) {
    const items = Array.isArray(whole) ? whole : [whole];
    return collect(items.map((value, i) => ({ value, where: Array.isArray(whole) ? `item ${i + 1}` : "", suffix: Array.isArray(whole) ? `#${i + 1}` : "" })), options, origin);
  }
  const records: { value: unknown; where: string; suffix: string; error?: string }[] = [];
  const lines = input.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `line ${i + 1}`;
    try {
      records.push({ value: JSON.parse(line), where, suffix: `:${i + 1}` });
    } catch (e) {
      records.push({ value: undefined, where, suffix: `:${i + 1}`, error: `not valid JSON (${(e as Error).message})` });
    }
  }
  return collect(records, options, origin);
}

function collect(records: { value: unknown; where: string; suffix: string; error?: string }[], options: IngestOptions, origin: string): IngestedArticle[] {
  const out: IngestedArticle[] = [];
  const problems: string[] = [];
  for (const r of records) {
    const label = r.where || "the object";
    if (r.error) {
      problems.push(`${label}: ${r.error}`);
      continue;
    }
    try {
      out.push(recordArticle(r.value, options, `${origin}${r.suffix}`));
    } catch (e) {
      problems.push(`${label}: ${(e as Error).message}`);
    }
  }
  if (!out.length) {
    throw new IngestError(records.length ? `no usable article in the JSON (${problems[0]})` : "empty input: no JSON records", origin);
  }
  // The first few, then a count: 200,000 bad lines made as many warnings, and spreading them overflowed the stack.
  out[0]!.warnings.unshift(...summariseProblems(problems));
  return out;
}

function recordArticle(value: unknown, options: IngestOptions, origin: string): IngestedArticle {
  if (!isObject(value)) throw new Error("not a JSON object");
  const meta = recordMetadata(value);
  const id = str(value.id);
  const text = typeof value.text === "string" ? value.text : typeof value.body === "string" ? value.body : undefined;
  let article: IngestedArticle;
  if (text !== undefined) {
    // Kept verbatim, as plain-text input is: outside annotations index into it.
    if (!text.trim()) throw new Error("empty `text`");
    article = finishArticle({ text }, meta, options, origin);
  } else {
    const html = str(value.html) ?? str(value.content_html) ?? str(value.content);
    if (html === undefined) throw new Error("no `text` or `html` field");
    if (isWholePage(html)) {
      article = ingestHtml(html, { ...options, pageUrl: options.pageUrl ?? meta.url }, origin);
      for (const [k, v] of Object.entries(meta) as [keyof SourceInfo, never][]) {
        // The record's own fields describe the article better than the page's template does.
        if (options[k as keyof IngestOptions] === undefined) (article.source as Record<string, unknown>)[k] = v;
      }
    } else {
      const rendered = renderFragment(html, meta.title);
      if (!rendered.text) throw new Error("no text in `html`");
      article = finishArticle(rendered, meta, options, origin);
    }
  }
  if (id) article.id = id;
  return article;
}

function recordMetadata(v: Json): SourceInfo {
  const info: SourceInfo = {};
  const url = str(v.url) ?? str(v.link);
  if (url) info.url = url;
  const outlet = nameOf(v.outlet) ?? nameOf(v.source) ?? nameOf(v.publisher) ?? str(v.site_name);
  if (outlet) info.outlet = outlet;
  const title = str(v.title) ?? str(v.headline);
  if (title) info.title = title;
  const subtitle = str(v.subtitle) ?? str(v.description) ?? str(v.dek);
  if (subtitle) info.subtitle = subtitle;
  const authors: string[] = [];
  for (const field of [v.byline, v.authors, v.author]) {
    // the first few: a list of 300,000 is no byline
    for (const a of Array.isArray(field) ? field.slice(0, 50) : field === undefined ? [] : [field]) {
      const n = nameOf(a);
      if (n) authors.push(n);
    }
  }
  const byline = parseBylines(authors, outlet);
  if (byline.length) info.byline = byline;
  const published = normaliseDate(str(v.published) ?? str(v.date) ?? str(v.datePublished) ?? str(v.published_at) ?? str(v.pubDate));
  if (published) info.published = published;
  const modified = normaliseDate(str(v.modified) ?? str(v.dateModified) ?? str(v.updated));
  if (modified) info.modified = modified;
  const language = str(v.language) ?? str(v.lang);
  if (language) info.language = language;
  return info;
}

function tryParse(s: string): unknown {
  const t = s.trimStart();
  if (!t.startsWith("[") && !t.startsWith("{")) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Warnings about skipped records or items kept per input: the first MAX_LISTED, then how many more. */
export const MAX_LISTED = 20;

export function summariseProblems(problems: string[]): string[] {
  if (problems.length <= MAX_LISTED) return problems;
  return [...problems.slice(0, MAX_LISTED), `… and ${problems.length - MAX_LISTED} more like these`];
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v : typeof v === "number" ? String(v) : undefined;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (isObject(v)) return str(v.name);
  return undefined;
}
