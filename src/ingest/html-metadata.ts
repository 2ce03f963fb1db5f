// Reads an article page's metadata (JSON-LD, OpenGraph, meta names, <time>, canonical link) before Readability mutates the DOM.
import type { SourceInfo } from "../core/record.js";
import { parseBylines } from "./byline.js";
import { dateFromUrl, dayDistance, normaliseDate, textDate } from "./dates.js";
import type { DomDocument, DomElement } from "./dom.js";
import { BYLINE_KINDS, collectSignals, type PageSignals } from "./html-signals.js";

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|WebPage/;
const PUBLISHED_META = [
  "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
  "publish-date", "publish_date", "published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
  "dcterms.created", "dcterms.date", "date", "article.published", "article_date_original", "originalpublicationdate",
  "displaydate", "cxenseparse:recs:publishtime", "datecreated",
];
const MODIFIED_META = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "lastmod", "article.updated"];
const AUTHOR_META = ["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator:name"];

/** Everything the page says about itself; `title` is the headline, never the site name. */
export function readMetadata(doc: DomDocument, pageUrl?: string, signals: PageSignals = collectSignals(doc)): SourceInfo {
  const meta = readMetaTags(signals);
  const ld = readJsonLd(signals.jsonLd);
  const get = (...names: string[]) => {
    for (const n of names) {
      const v = meta.get(n);
      if (v) return v;
    }
    return undefined;
  };

  const outlet = outletName(clean(get("og:site_name") ?? nameOf(ld?.publisher) ?? get("application-name", "al:android:app_name", "al:ios:app_name")));

  // A canonical link to the home page is a template mistake, not the article's address.
  const canonical = notHomePage(absolute(signals.canonical, pageUrl));
  const url = canonical ?? notHomePage(absolute(get("og:url"), pageUrl)) ?? absolute(stringOf(ld?.url), pageUrl) ?? pageUrl;

  const titleFromMeta = clean(stringOf(ld?.headline) ?? get("og:title", "twitter:title", "sailthru.title", "parsely-title", "dc.title", "headline"));
  const titleFromPage = clean(signals.firstH1?.textContent ?? undefined);
  const titleTag = clean(doc.title);
  // A title that is just the site's name (some templates put it in og:title) is no headline.
  const isSiteName = (t: string | undefined) => !t || (!!outlet && keyOf(t) === keyOf(outlet));
  let title: string | undefined = titleFromMeta && stripSiteSuffix(titleFromMeta, outlet, false);
  if (isSiteName(title)) title = titleTag && stripSiteSuffix(titleTag, outlet, true);
  if (isSiteName(title)) title = titleFromPage;
  // The headline readers see wins over a social-media title (og:title is often rewritten for sharing).
  const headline = shownHeadline(signals.headings, [title, titleTag && stripSiteSuffix(titleTag, outlet, true)], isSiteName);
  if (headline) title = headline;

  const subtitle = clean(stringOf(ld?.description) ?? get("og:description", "description", "twitter:description", "dc.description"));

  let published = normaliseDate(stringOf(ld?.datePublished)) ?? firstDate(get, PUBLISHED_META) ?? anyPublishedMeta(meta) ?? timeElementDate(signals);
  const urlDay = dateFromUrl(url) ?? dateFromUrl(pageUrl);
  published ??= urlDay;
  // Dates in <time> and publication-named elements first, then the address's day (a local day), then the rest.
  const shown = [
    ...signals.dateTexts.filter((d) => d.strong).map((d) => d.text),
    ...(urlDay ? [urlDay] : []),
    ...signals.dateTexts.filter((d) => !d.strong).map((d) => d.text),
  ];
  published = shownDay(published, shown);
  const modified = normaliseDate(stringOf(ld?.dateModified)) ?? firstDate(get, MODIFIED_META);

  const byline = readByline(signals, ld, meta, outlet);

  const htmlLang = doc.documentElement?.getAttribute("lang") || doc.documentElement?.getAttribute("xml:lang");
  const language = clean(htmlLang || (get("og:locale", "content-language", "language", "dc.language")?.replace("_", "-") ?? stringOf(ld?.inLanguage)));

  const info: SourceInfo = {};
  if (url) info.url = url;
  if (outlet) info.outlet = outlet;
  if (title) info.title = title;
  if (subtitle && subtitle !== title) info.subtitle = subtitle;
  if (byline.length) info.byline = byline;
  if (published) info.published = published;
  if (modified) info.modified = modified;
  if (language) info.language = language;
  return info;
}

/**
 * Authors from JSON-LD, then meta tags, then the page's byline elements; the first source that yields a person
 * wins (JSON-LD often names only the organisation).
 */
function readByline(signals: PageSignals, ld: Json | undefined, meta: Map<string, string>, outlet: string | undefined): string[] {
  // the first few authors: a list of 300,000 is no byline
  const fromLd = arrayOf(ld?.author).slice(0, 50).map(nameOf).filter((n): n is string => !!n);
  let names = parseBylines(fromLd, outlet);
  if (names.length) return names;
  const fromMeta = AUTHOR_META.map((n) => meta.get(n)).filter((v): v is string => !!v && !/^https?:/i.test(v));
  names = parseBylines(fromMeta, outlet);
  if (names.length) return names;
  for (const kind of BYLINE_KINDS) {
    const t = signals.bylines.get(kind)?.textContent;
    if (!t || t.length > 200) continue;
    names = parseBylines([t], outlet);
    if (names.length) return names;
  }
  // A dateline that starts with "By" ("By A, B on Monday, November 18th, 2019") names the authors too.
  for (const { text } of signals.dateTexts) {
    if (!/^by\s/i.test(text)) continue;
    names = parseBylines([text], outlet);
    if (names.length) return names;
  }
  return [];
}

/** Words of at least three letters, lowercased: what two phrasings of one headline share. */
function headlineWords(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
}

/**
 * The first <h1> outside the chrome that reads as this page's headline: three words or more, not the site's
 * name, no more than twice as long as the metadata title, and sharing at least half its words with it or with
 * <title> (a site's logo heading or a section name shares none).
 */
function shownHeadline(headings: DomElement[], titles: Array<string | undefined>, isSiteName: (t: string | undefined) => boolean): string | undefined {
  const known = titles.filter((t): t is string => !!t);
  if (!known.length) return undefined;
  for (const h of headings) {
    const text = clean(h.textContent);
    if (!text || isSiteName(text) || text.split(" ").length < 3 || text.length > 2 * known[0]!.length + 20) continue;
    const words = headlineWords(text);
    if (!words.length) continue;
    for (const t of known) {
      const other = new Set(headlineWords(t));
      if (words.filter((w) => other.has(w)).length / words.length >= 0.5) return text;
    }
  }
  return undefined;
}

/** meta name/property/itemprop/http-equiv → content, first occurrence, keys lowercased. */
function readMetaTags(signals: PageSignals): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of signals.metas) {
    const content = m.getAttribute("content") ?? m.getAttribute("value");
    if (!content || !content.trim()) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const k = m.getAttribute(attr);
      if (!k) continue;
      for (const part of k.toLowerCase().split(/\s+/)) if (!map.has(part)) map.set(part, content.trim());
    }
  }
  // itemprop dates are often on <time> or <span content=...> rather than <meta>.
  for (const [prop, el] of signals.itemprops) {
    const key = prop.toLowerCase();
    const v = el.getAttribute("datetime") ?? el.getAttribute("content");
    if (v && !map.has(key)) map.set(key, v);
  }
  return map;
}

/** Most JSON-LD values looked at per script, and the deepest a value is followed (`[[["2024-05-01"]]]`). */
const MAX_LD_NODES = 5000;
const MAX_LD_DEPTH = 16;

/** The JSON-LD object describing the article (flattening @graph and arrays); undefined if none. */
export function readJsonLd(scripts: string[]): Json | undefined {
  let fallback: Json | undefined;
  for (const script of scripts) {
    const raw = script.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, "").trim();
    if (!raw) continue;
    const data = parseLenient(raw);
    if (data === undefined) continue;
    const stack: unknown[] = [data];
    // A loop, not `push(...array)` (300,000 elements overflowed the stack), over at most MAX_LD_NODES values:
    // the article object sits near the top of real JSON-LD, which has a few dozen nodes.
    const pushAll = (items: unknown[]) => {
      for (let i = 0; i < items.length && stack.length < MAX_LD_NODES; i++) stack.push(items[i]);
    };
    for (let visited = 0; stack.length && visited < MAX_LD_NODES; visited++) {
      const item = stack.pop();
      if (Array.isArray(item)) {
        pushAll(item);
        continue;
      }
      if (!item || typeof item !== "object") continue;
      const obj = item as Json;
      if (Array.isArray(obj["@graph"])) pushAll(obj["@graph"] as unknown[]);
      const types = arrayOf(obj["@type"]).map(String).join(" ");
      if (!ARTICLE_TYPE.test(types)) continue;
      if (/Article|BlogPosting|Report|Posting/.test(types) && (obj.headline || obj.datePublished)) return obj;
      if (!fallback && (obj.headline || obj.datePublished)) fallback = obj;
    }
  }
  return fallback;
}

/** JSON-LD written by hand or templates often has trailing commas or raw newlines in strings. */
function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    try {
      return JSON.parse(raw.replace(/,\s*([}\]])/g, "$1").replace(/[\u0000-\u001f]+/g, " "));
    } catch {
      return undefined;
    }
  }
}

function firstDate(get: (...names: string[]) => string | undefined, names: string[]): string | undefined {
  for (const n of names) {
    const d = normaliseDate(get(n));
    if (d) return d;
  }
  return undefined;
}

/** Site-specific meta names ("sn-post-date", "publish_date_time"): any key that says publication and date. */
const PUBLISHED_KEY = /(?:pub|publish|post|release|issue)\w*[-_.:]?date|date[-_.:]?(?:pub|publish|post|release|issue)/i;

function anyPublishedMeta(meta: Map<string, string>): string | undefined {
  for (const [k, v] of meta) {
    if (!PUBLISHED_KEY.test(k) || /modif|updat/i.test(k)) continue;
    const d = normaliseDate(v);
    if (d) return d;
  }
  return undefined;
}

/**
 * The day the page shows its readers, when the metadata's timestamp falls on a neighbouring day: metadata often
 * gives the instant in UTC (or a wrong offset) while the page, its URL and its readers use the local calendar
 * day. Only a shown date within a day of the metadata's replaces it (a sidebar's dates are further off), and
 * then as a bare day: the local time is not known. With no metadata date, the first shown date is used.
 */
function shownDay(published: string | undefined, texts: string[]): string | undefined {
  const year = published ? +published.slice(0, 4) : undefined;
  for (const raw of texts) {
    // "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM": read after "posted"/"published", skip bare updates.
    const posted = /\b(?:posted|published|publicado|publié)\b/i.exec(raw);
    const text = posted ? raw.slice(posted.index) : raw;
    if (!posted && /^\W*(?:last\s+)?(?:updated|modified)\b/i.test(text)) continue;
    const day = textDate(text, year);
    if (!day) continue;
    if (!published) return day;
    const distance = dayDistance(published, day);
    if (distance === 0) return published;
    if (Math.abs(distance) === 1) return day;
  }
  return published;
}

/** <time pubdate> or the first <time datetime> inside the article, else anywhere. */
function timeElementDate(signals: PageSignals): string | undefined {
  return normaliseDate(signals.timePubdate ?? signals.timeInArticle ?? signals.timeAny);
}

const SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "];

/**
 * Removes a " | Site" or " - Site" tail. Meta titles lose it only when it names the outlet (a headline may
 * contain a dash); <title> text also loses a short tail after a bar, where sites put their name.
 */
export function stripSiteSuffix(title: string, outlet: string | undefined, aggressive: boolean): string {
  const okey = outlet ? keyOf(outlet) : "";
  for (const sep of SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + sep.length).trim();
    const tkey = keyOf(tail);
    const namesOutlet = okey && tkey && (okey.includes(tkey) || tkey.includes(okey));
    const shortTail = tail.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 3;
    if (namesOutlet || (aggressive && shortTail && (sep === " | " || sep === " - " || sep === " – " || sep === " — "))) {
      return stripSiteSuffix(head, outlet, aggressive);
    }
    // "Site | Headline": a leading outlet name.
    const lead = keyOf(title.slice(0, at));
    if (okey && lead && (lead === okey || okey.includes(lead)) && tail.split(/\s+/).length >= 3) return tail;
  }
  return title;
}

function notHomePage(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  return u.pathname === "/" && !u.search ? undefined : url;
}

/** Some sites put their URL in og:site_name: the host name reads better. */
function outletName(name: string | undefined): string | undefined {
  if (!name || !/^https?:\/\//i.test(name)) return name;
  try {
    return new URL(name).hostname.replace(/^www\./, "");
  } catch {
    return name;
  }
}

function keyOf(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, "").replace(/[^\p{L}\p{N}]+/gu, "");
}

function clean(s: string | undefined | null): string | undefined {
  if (!s) return undefined;
  const t = decodeEntities(s).replace(/\s+/g, " ").trim();
  return t || undefined;
}

/** Meta content and JSON-LD strings sometimes carry HTML entities escaped twice. */
function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x?[0-9a-f]+|amp|quot|apos|lt|gt|nbsp|#39);/gi, (all, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "quot") return '"';
    if (k === "apos" || k === "#39") return "'";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "nbsp") return " ";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
  });
}

function arrayOf(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

// Loops with a depth limit, not recursion: 50,000 nested arrays around a date overflowed the stack (fuzzing).
function stringOf(v: unknown): string | undefined {
  for (let depth = 0; depth < MAX_LD_DEPTH; depth++) {
    if (typeof v === "string") return v;
    if (Array.isArray(v)) v = v[0];
    else if (v && typeof v === "object") {
      const o = v as Json;
      v = o["@value"] ?? o["@id"] ?? o.url;
    } else return undefined;
  }
  return undefined;
}

function nameOf(v: unknown): string | undefined {
  for (let depth = 0; depth < MAX_LD_DEPTH; depth++) {
    if (typeof v === "string") return /^https?:/i.test(v) ? undefined : v;
    if (Array.isArray(v)) v = v[0];
    else if (v && typeof v === "object") {
      const n = (v as Json).name;
      return typeof n === "string" ? n : undefined;
    } else return undefined;
  }
  return undefined;
}

function absolute(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href || !href.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

