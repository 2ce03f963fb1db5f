// The HTTP API's contract: every route, its parameters and the JSON it answers, shared by the server and the web UI.
import type { ArticleRecord, EntityRecord } from "../core/record.js";
import type { ClaimRow, PutResult, QuantityRow, QuoteRow, SearchHit, StoreStats, StoredArticle } from "../store/store.js";
import type { FigureSeries } from "../track/figure-series.js";
import type { ResolvedEntity } from "../track/entity-resolution.js";
import type { SourceGroup, SourceGrouping } from "../track/source-stats.js";

/**
 * Routes (all under the same origin as the UI; JSON in and out; UTF-8):
 *
 *   GET  /openapi.json                     the OpenAPI 3.1 document of everything below
 *   GET  /api/health                       Health
 *   GET  /api/stats                        StoreStats
 *   POST /api/extract                      ExtractRequest → ArticleRecord (nothing stored)
 *   POST /api/articles                     ExtractRequest → StoreResponse (extract, then store; a write endpoint)
 *   GET  /api/articles                     ?outlet&from&to&limit&offset → Page<StoredArticle>
 *   GET  /api/articles/:id                 ArticleRecord (store id, record id or `url:`/`hash:` key; 404 when unknown)
 *   GET  /api/articles/:id/history         Page<ArticleVersionSummary>
 *   GET  /api/quotes                       ?speaker&outlet&from&to&kind&text&limit&offset → Page<QuoteRow>
 *   GET  /api/quantities                   ?counted&claimant&from&to&limit&offset → Page<QuantityRow>
 *   GET  /api/claims                       ?status&claimant(bool "withClaimant")&from&to&limit&offset → Page<ClaimRow>
 *   GET  /api/figures                      ?counted&claimant&from&to&limit&offset → Page<FigureSeries>
 *   GET  /api/figures/:key                 FigureSeries (the series whose `key` is :key; 404 when unknown)
 *   GET  /api/entities                     ?type&name&limit&offset → Page<ResolvedEntity> (resolved across articles, most articles first)
 *   GET  /api/entities/:id                 EntityDetail (`person:volodymyr-zelensky`-style id of ResolvedEntity)
 *   GET  /api/sources                      ?by=speaker|outlet|role|nationality&outlet&from&to&limit&offset → Page<SourceGroup>
 *   GET  /api/search                       ?q&limit&offset → Page<SearchHit>
 *   GET  /api/places                       ?article=<id> | ?q=<search words>&limit → PlacesResponse (limit: articles looked at, default 50)
 *   GET  /  and any non-/api path          the built web UI (index.html for client-side routes)
 *
 * Paging: `limit` defaults to 50 and may not exceed 500; `offset` defaults to 0. A bad parameter (not a number,
 * an unknown enum value, a malformed date, an unknown parameter name) is a 400; an unknown id a 404; a body over
 * the limit (default 5 MB) a 413; a write in read-only mode or without the configured token a 403/401.
 * Also: 405 (with Allow) for a wrong method, 415 for a body that is not application/json, 422 for a body
 * with no extractable article (or a URL the server may not or cannot fetch), 421 for a Host that is not
 * a loopback name while the server listens on loopback, 503 when too many extractions run at once.
 * An empty parameter value (`?speaker=`) is no filter.
 * Dates are `YYYY-MM-DD` (a longer ISO string is accepted and cut to its day).
 * The server is `claimline serve` (src/server/server.ts); docs/api.md has an example of every route.
 */

export const API_PREFIX = "/api";
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/** Every list answer. `next` is the offset of the following page, absent on the last page. */
export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  next?: number;
}

/** Every error answer, with the HTTP status repeated in the body. */
export interface ApiError {
  error: { status: number; message: string };
}

export interface Health {
  ok: true;
  name: "claimline";
  version: string;
  readOnly: boolean;
  /** whether write endpoints want `Authorization: Bearer <token>` */
  auth: boolean;
  articles: number;
}

/** Exactly one of text, html or url. Metadata fields override what extraction finds. */
export interface ExtractRequest {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  published?: string;
  outlet?: string;
  /** the page's address when `html` or `text` is posted (used for identity and links, never fetched) */
  sourceUrl?: string;
}

export interface StoreResponse {
  put: PutResult;
  record: ArticleRecord;
}

export interface ArticleVersionSummary {
  version: number;
  contentHash: string;
  storedAt: string;
  replacedAt?: string;
  title?: string;
}

/** An entity resolved across the store, with what it said and where it appears. */
export interface EntityDetail {
  entity: ResolvedEntity;
  /** quotes whose speaker resolves to this entity, newest first (at most 200) */
  quotes: QuoteRow[];
  /** figures this entity claims (at most 200) */
  figures: QuantityRow[];
  /** articles that mention it, newest first (at most 100) */
  articles: Pick<StoredArticle, "id" | "title" | "published" | "outlet" | "url">[];
}

export interface PlaceHit {
  name: string;
  lat: number;
  lon: number;
  country?: string;
  /** how many mentions across the articles asked about */
  mentions: number;
  /** the articles that mention it (ids), at most 20 */
  articles: string[];
  /** the place entity (GPE/LOC with `geo`) as the first article's record has it */
  entity: EntityRecord;
}

export interface PlacesResponse {
  places: PlaceHit[];
  /** how many articles the places were gathered from */
  articles: number;
}

export type { ClaimRow, FigureSeries, QuantityRow, QuoteRow, ResolvedEntity, SearchHit, SourceGroup, SourceGrouping, StoreStats, StoredArticle };
