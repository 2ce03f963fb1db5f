// RSS, Atom, RDF and JSON Feed → articles: full content where the item carries it, else the summary (or the fetched page).
import { parseFeed } from "feedsmith";
import type { SourceInfo } from "../core/record.js";
import { parseBylines } from "./byline.js";
import { normaliseDate } from "./dates.js";
import { fetchUrl } from "./fetch.js";
import { finishArticle } from "./finish.js";
import { ingestHtml, prepareMarkup, renderFragment } from "./html.js";
import { decodeMarkup } from "./encoding.js";
import { summariseProblems } from "./jsonl.js";
import { IngestError, type IngestedArticle, type IngestOptions } from "./types.js";
import { rejectEntityDeclarations } from "./xml-safety.js";

/** Content shorter than this (in characters of text) is a teaser, not the article. */
const SUBSTANTIAL_CHARS = 400;

interface FeedItem {
  title?: string;
  url?: string;
  published?: string;
  authors: string[];
  /** HTML (or plain text) of the full content, when the feed carries it */
  content?: string;
  summary?: string;
  language?: string;
}

interface FeedInfo {
  title?: string;
  language?: string;
  items: FeedItem[];
}

/** `fetchLinks: true` fetches the page of items that carry only a summary (sequentially, one at a time). */
export type FeedOptions = IngestOptions;

/** Parses a feed and turns each item into an article. */
export async function ingestFeed(xml: string, options: FeedOptions = {}, origin = options.origin ?? "feed"): Promise<IngestedArticle[]> {
  // feedsmith runs fast-xml-parser with processEntities off, so declared entities are left unexpanded; we still
  // refuse them up front, so safety does not hang on a dependency's default.
  rejectEntityDeclarations(xml, origin);
  const info = readFeed(xml, origin);
  const out: IngestedArticle[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < info.items.length; i++) {
    const item = info.items[i]!;
    const itemOrigin = `${origin}#${i + 1}`;
    const label = `item ${i + 1}${item.title ? ` ("${item.title.slice(0, 60)}")` : ""}`;
    try {
      const article = await itemArticle(item, info, options, itemOrigin, label);
      if (article) out.push(article);
      else skipped.push(`${label}: no content, summary or link: skipped`);
    } catch (e) {
      skipped.push(`${label}: ${(e as Error).message}`);
    }
  }
  if (!out.length) {
    throw new IngestError(info.items.length ? `no item of the feed has text (${skipped[0] ?? ""})` : "the feed has no items", origin);
  }
  out[0]!.warnings.unshift(...summariseProblems(skipped));
  return out;
}

async function itemArticle(item: FeedItem, info: FeedInfo, options: FeedOptions, origin: string, label: string): Promise<IngestedArticle | undefined> {
  const meta: SourceInfo = {};
  if (item.url) meta.url = item.url;
  if (info.title) meta.outlet = info.title;
  if (item.title) meta.title = item.title;
  if (item.published) meta.published = item.published;
  const byline = parseBylines(item.authors, info.title);
  if (byline.length) meta.byline = byline;
  const language = item.language ?? info.language;
  if (language) meta.language = language;
  const itemOptions: IngestOptions = { ...options, origin };

  const content = item.content ? renderFragment(item.content, item.title) : undefined;
  if (content && content.text.length >= SUBSTANTIAL_CHARS) return finishArticle(content, meta, itemOptions, origin);

  let fetchProblem: string | undefined;
  let fetchError: string | undefined;
  if (item.url && options.fetchLinks) {
    try {
      const page = await fetchUrl(item.url, options.fetch);
      const decoded = decodeMarkup(page.bytes, page.charset, prepareMarkup);
      const article = ingestHtml(decoded.text, { ...itemOptions, pageUrl: page.url }, origin, { warnings: decoded.warnings, prepared: true });
      // The feed's item metadata fills what the page does not say.
      for (const [k, v] of Object.entries(meta) as [keyof SourceInfo, never][]) {
        if (article.source[k] === undefined) (article.source as Record<string, unknown>)[k] = v;
      }
      return article;
    } catch (e) {
      // A dead link still leaves the feed's own summary, which is better than dropping the item.
      fetchError = `cannot use ${item.url} (${(e as Error).message})`;
      fetchProblem = `${label}: ${fetchError}; kept the feed's summary`;
    }
  }

  const summary = content?.text ? content : item.summary ? renderFragment(item.summary, item.title) : undefined;
  if (!summary?.text) {
    if (fetchError) throw new Error(fetchError);
    return undefined;
  }
  const warning =
    fetchProblem ??
    (item.url
      ? `${label}: the feed has only a summary (${summary.text.length} chars); fetch ${item.url} (fetchLinks) for the full text`
      : `${label}: the feed has only a summary (${summary.text.length} chars)`);
  return finishArticle(summary, meta, itemOptions, origin, [warning]);
}

/** Longest person field (RSS author, managingEditor, webMaster) handed to the feed parser. */
export const MAX_PERSON_FIELD = 300;
const PERSON_OPENER = /<(author|managingEditor|webMaster)(?:\s[^<>]*)?>/gi;

/**
 * Cuts the text of RSS person fields to MAX_PERSON_FIELD characters before parsing. feedsmith reads
 * "jane@x.org (Jane Doe)" by scanning from each opening bracket to its match, to the end of the field when
 * unbalanced: 50,000 "(" in one <author> took 3 s, 100,000 took 13 s (found by fuzzing). A person field that
 * long is no byline anyway. Linear: each opener looks only as far as the next "<" (or the end of its CDATA).
 */
export function capPersonFields(xml: string): string {
  const parts: string[] = [];
  let copied = 0;
  PERSON_OPENER.lastIndex = 0;
  for (let m = PERSON_OPENER.exec(xml); m; m = PERSON_OPENER.exec(xml)) {
    let from = m.index + m[0].length;
    let to: number;
    if (xml.startsWith("<![CDATA[", from)) {
      from += 9;
      to = xml.indexOf("]]>", from);
    } else to = xml.indexOf("<", from);
    // no end: nothing later has one either (and the XML parser keeps no text from an unclosed element)
    if (to < 0) break;
    if (to - from > MAX_PERSON_FIELD) {
      let cut = from + MAX_PERSON_FIELD;
      // never split an entity reference ("&lt;") or a surrogate pair
      const amp = xml.lastIndexOf("&", cut);
      if (amp > cut - 12 && amp >= from && !xml.slice(amp, cut).includes(";")) cut = amp;
      if (/[\uD800-\uDBFF]/.test(xml[cut - 1] ?? "")) cut--;
      parts.push(xml.slice(copied, cut));
      copied = to;
    }
    PERSON_OPENER.lastIndex = to;
  }
  if (!copied) return xml;
  parts.push(xml.slice(copied));
  return parts.join("");
}

function readFeed(xml: string, origin: string): FeedInfo {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(capPersonFields(xml));
  } catch (e) {
    throw new IngestError(`not a readable feed (${(e as Error).message})`, origin);
  }
  switch (parsed.format) {
    case "rss": {
      const f = parsed.feed;
      return {
        title: plain(f.title),
        language: f.language ?? f.dc?.languages?.[0],
        items: (f.items ?? []).map((it) => ({
          title: plain(it.title),
          url: it.link ?? (it.guid && it.guid.isPermaLink !== false && /^https?:/.test(it.guid.value ?? "") ? it.guid.value : undefined),
          published: normaliseDate(it.pubDate ?? it.dc?.dates?.[0]),
          authors: [...(it.dc?.creators ?? []), ...(it.authors ?? []).map((a) => a.name ?? "")].filter(Boolean),
          content: it.content?.encoded,
          summary: it.description,
          language: it.dc?.languages?.[0],
        })),
      };
    }
    case "atom": {
      const f = parsed.feed;
      const feedAuthors = (f.authors ?? []).map((a) => a.name ?? "");
      return {
        title: plain(f.title?.value),
        language: undefined,
        items: (f.entries ?? []).map((e) => {
          const link = (e.links ?? []).find((l) => !l.rel || l.rel === "alternate") ?? e.links?.[0];
          const authors = (e.authors ?? []).map((a) => a.name ?? "");
          return {
            title: plain(e.title?.value),
            url: link?.href,
            published: normaliseDate(e.published ?? e.updated),
            authors: authors.length ? authors : feedAuthors,
            content: textOrHtml(e.content?.value, e.content?.type),
            summary: textOrHtml(e.summary?.value, e.summary?.type),
          };
        }),
      };
    }
    case "rdf": {
      const f = parsed.feed;
      return {
        title: plain(f.title),
        language: f.dc?.languages?.[0],
        items: (f.items ?? []).map((it) => ({
          title: plain(it.title),
          url: it.link,
          published: normaliseDate(it.dc?.dates?.[0]),
          authors: it.dc?.creators ?? [],
          content: it.content?.encoded,
          summary: it.description,
        })),
      };
    }
    case "json": {
      const f = parsed.feed;
      const feedAuthors = (f.authors ?? []).map((a) => a.name ?? "");
      return {
        title: f.title,
        language: f.language,
        items: (f.items ?? []).map((it) => {
          const authors = (it.authors ?? []).map((a) => a.name ?? "");
          return {
            title: it.title,
            url: it.url ?? it.external_url,
            published: normaliseDate(it.date_published),
            authors: authors.length ? authors : feedAuthors,
            content: it.content_html ?? (it.content_text !== undefined ? escapeText(it.content_text) : undefined),
            summary: it.summary !== undefined ? escapeText(it.summary) : undefined,
            language: it.language,
          };
        }),
      };
    }
  }
}

/** Atom text constructs of type "text" are not HTML: escape them so the HTML path keeps them literal. */
function textOrHtml(value: string | undefined, type: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return type === "html" || type === "xhtml" || type?.includes("html") ? value : escapeText(value);
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n\s*\n/g, "<br><br>");
}

/** A title may carry markup or entities (Atom type="html"); keep only its text. */
function plain(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = /[<&]/.test(s) ? renderFragment(s).text.replace(/\n/g, " ") : s.replace(/\s+/g, " ");
  return t.trim() || undefined;
}

