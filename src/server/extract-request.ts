// Turns a POSTed ExtractRequest (text, HTML or a URL, with metadata) into an article record, validating every field.
import type { ArticleRecord } from "../core/record.js";
import { toRecord } from "../core/to-record.js";
import { processArticle } from "../index.js";
import { ingestHtml } from "../ingest/html.js";
import { ingestUrl, IngestError, type FetchOptions, type IngestedArticle, type IngestOptions } from "../ingest/index.js";
import { ingestText } from "../ingest/text.js";
import type { ExtractRequest } from "./api-types.js";
import { HttpError } from "./http-error.js";
import { EXTRACT_REQUEST_FIELDS } from "./schemas.js";

const FIELDS = Object.keys(EXTRACT_REQUEST_FIELDS) as (keyof ExtractRequest)[];

function httpUrl(value: string, field: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new HttpError(400, `field "${field}": not a URL`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new HttpError(400, `field "${field}": want an http or https URL`);
  return u.href;
}

/** A publication date as ISO 8601: a bare day stays a day, anything else Date can read becomes a timestamp. */
function isoDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  const t = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new HttpError(400, `field "published": not an ISO 8601 date: ${JSON.stringify(value.slice(0, 40))}`);
  return new Date(t).toISOString();
}

/** Checks the body's shape: an object with only known string fields and exactly one of text, html or url. */
export function parseExtractRequest(body: unknown): ExtractRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "request body must be a JSON object");
  const out: ExtractRequest = {};
  for (const [name, value] of Object.entries(body)) {
    if (!(FIELDS as string[]).includes(name)) throw new HttpError(400, `unknown field "${name.slice(0, 60)}" (known: ${FIELDS.join(", ")})`);
    if (value === null || value === undefined) continue;
    if (typeof value !== "string") throw new HttpError(400, `field "${name}": must be a string`);
    out[name as keyof ExtractRequest] = value;
  }
  const given = (["text", "html", "url"] as const).filter((k) => out[k] !== undefined);
  if (given.length !== 1) throw new HttpError(400, given.length ? `give only one of text, html or url (got ${given.join(", ")})` : "give one of text, html or url");
  if (out.url !== undefined) out.url = httpUrl(out.url, "url");
  if (out.sourceUrl !== undefined) out.sourceUrl = httpUrl(out.sourceUrl, "sourceUrl");
  if (out.published !== undefined) out.published = isoDate(out.published);
  return out;
}

export interface ExtractContext {
  /** passed to the URL fetcher (timeouts, size cap, address restrictions) */
  fetchOptions: FetchOptions;
}

/** Extracts the record of one request; a bad input (empty, not an article, unreachable URL) is a 422 with the reason. */
export async function extractRequest(request: ExtractRequest, context: ExtractContext): Promise<ArticleRecord> {
  const meta: IngestOptions = {};
  if (request.title !== undefined) meta.title = request.title;
  if (request.published !== undefined) meta.published = request.published;
  if (request.outlet !== undefined) meta.outlet = request.outlet;
  let article: IngestedArticle;
  try {
    if (request.text !== undefined) {
      if (request.sourceUrl) meta.url = request.sourceUrl;
      article = ingestText(request.text, meta, "api:text");
    } else if (request.html !== undefined) {
      // The page's address is where relative links resolve and the fallback identity; a canonical link in the page wins.
      if (request.sourceUrl) meta.pageUrl = request.sourceUrl;
      article = ingestHtml(request.html, meta, "api:html");
    } else {
      const articles = await ingestUrl(request.url!, { ...meta, ...context.fetchOptions, origin: request.url! });
      if (articles.length !== 1) {
        throw new HttpError(422, articles.length ? `the URL holds ${articles.length} articles (a feed?): post its items one at a time` : "no article at the URL");
      }
      article = articles[0]!;
    }
  } catch (e) {
    if (e instanceof IngestError) throw new HttpError(422, e.message.split("\n")[0]!);
    throw e;
  }
  return toRecord(processArticle(article));
}
