// Article identity for the store: canonical URLs and a hash of the normalised content, so re-ingesting changes nothing.
import { createHash } from "node:crypto";
import type { ArticleRecord, EntityRecord, SourceInfo } from "../core/record.js";
import { foldName } from "./fold.js";

/** Query parameters that track the reader, not the article: dropped so one article has one URL. */
const TRACKING_PARAMETER = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid|at_medium|at_campaign|CMP|__twitter_impression)$/i;

/** Lower-cases scheme and host, drops the fragment, default port, tracking parameters and a trailing slash. */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = "";
  if ((u.protocol === "http:" && u.port === "80") || (u.protocol === "https:" && u.port === "443")) u.port = "";
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
  // http and https copies of one page are one article.
  if (u.protocol === "http:") u.protocol = "https:";
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAMETER.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : "";
  let s = u.toString();
  if (u.pathname.length > 1 && s.endsWith("/")) s = s.slice(0, -1);
  else if (!u.search && u.pathname === "/" && s.endsWith("/")) s = s.slice(0, -1);
  return s;
}

/** Folds what differs between two copies of one text but not its meaning: Unicode form, typographic quotes and dashes, whitespace. */
export function normaliseContent(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A hash of the normalised title and body: equal for copies of one article, different for a corrected one. */
export function contentHash(source: Pick<SourceInfo, "title">, text: string): string {
  const h = createHash("sha256");
  h.update(normaliseContent(source.title ?? ""));
  h.update("\u0000");
  h.update(normaliseContent(text));
  return h.digest("hex").slice(0, 32);
}

/** The article's identity: its canonical URL when known (so corrections replace it), else its content. */
export function articleKey(source: Pick<SourceInfo, "url" | "title">, text: string): string {
  return source.url ? `url:${canonicalUrl(source.url)}` : `hash:${contentHash(source, text)}`;
}

/** The string `Store.contentKeys()` holds for an article: key and content hash. */
export function contentKey(source: Pick<SourceInfo, "url" | "title">, text: string): string {
  return `${articleKey(source, text)}\t${contentHash(source, text)}`;
}

/**
 * A record's entities as the stores write them: one per id (a duplicated id in a record must not abort the whole
 * article), the entity id of every folded name and alias (first one wins), and each id's name (affiliations may be
 * entity ids of the same record, "e3": stored as names, which mean something across articles).
 */
export function entityTable(record: ArticleRecord): { entities: EntityRecord[]; byFold: Map<string, string>; nameOf: Map<string, string> } {
  const byFold = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const entities: EntityRecord[] = [];
  for (const e of record.entities ?? []) {
    if (nameOf.has(e.id)) continue;
    nameOf.set(e.id, e.name);
    entities.push(e);
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const folded = foldName(n);
      if (!byFold.has(folded)) byFold.set(folded, e.id);
    }
  }
  return { entities, byFold, nameOf };
}

/** The entity a speaker or claimant names: the given id, else the entity whose name or alias folds the same. */
export function resolveRef(ref: { entity?: string; name: string } | undefined, byFold: Map<string, string>): string | undefined {
  if (!ref) return undefined;
  return ref.entity ?? byFold.get(foldName(ref.name));
}

/** A hash of what extraction produced, leaving out what differs between copies of one article (record id, URL form). */
export function extractionHash(record: ArticleRecord): string {
  const { id: _id, source, ...rest } = record;
  const { url: _url, ...sourceRest } = source;
  return createHash("sha256").update(JSON.stringify({ ...rest, source: sourceRest })).digest("hex").slice(0, 32);
}

/** Whether a stored record and a new one have the very same text and source metadata (so only extraction differs). */
export function sameTextAndSource(storedJson: string, record: ArticleRecord): boolean {
  const stored = JSON.parse(storedJson) as ArticleRecord;
  const { url: _a, ...storedSource } = stored.source;
  const { url: _b, ...newSource } = record.source;
  return stored.text === record.text && JSON.stringify(storedSource) === JSON.stringify(newSource);
}
