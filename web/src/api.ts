// Typed calls to the claimline JSON API (same origin), with a small cache so going back and forth does not refetch.
import type { ArticleRecord } from "../../src/core/record.js";
import type {
  ClaimRow, EntityDetail, FigureSeries, Health, Page, PlaceHit, PlacesResponse, QuantityRow, QuoteRow, ResolvedEntity, SearchHit,
  SourceGroup, StoreStats, StoredArticle,
} from "../../src/server/api-types.js";

export type { ArticleRecord, ClaimRow, EntityDetail, FigureSeries, Health, Page, PlaceHit, PlacesResponse, QuantityRow, QuoteRow, ResolvedEntity, SearchHit, SourceGroup, StoreStats, StoredArticle };

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | boolean | undefined>;

/** Builds `/api/<path>?…`, leaving out empty parameters (the server answers 400 to unknown or malformed ones). */
export function apiUrl(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, String(v));
  const qs = search.toString();
  return `/api/${path}${qs ? `?${qs}` : ""}`;
}

/** Answers kept for a short while: the store changes rarely while someone reads, and views are revisited often. */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const url = apiUrl(path, params);
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
  const value = (async () => {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        const body = (await res.json()) as { error?: { message?: string } };
        if (body.error?.message) message = body.error.message;
      } catch {
        // not JSON: keep the status line
      }
      throw new ApiFailure(res.status, message);
    }
    return (await res.json()) as T;
  })();
  cache.set(url, { at: Date.now(), value });
  value.catch(() => cache.delete(url));
  return value;
}

export const api = {
  health: () => getJson<Health>("health"),
  stats: () => getJson<StoreStats>("stats"),
  articles: (p: { outlet?: string; from?: string; to?: string; limit?: number; offset?: number } = {}) => getJson<Page<StoredArticle>>("articles", p),
  article: (id: string) => getJson<ArticleRecord>(`articles/${encodeURIComponent(id)}`),
  quotes: (p: { speaker?: string; outlet?: string; kind?: string; text?: string; from?: string; to?: string; limit?: number; offset?: number }) =>
    getJson<Page<QuoteRow>>("quotes", p),
  quantities: (p: { counted?: string; claimant?: string; from?: string; to?: string; limit?: number; offset?: number }) =>
    getJson<Page<QuantityRow>>("quantities", p),
  claims: (p: { status?: string; claimant?: boolean; from?: string; to?: string; limit?: number; offset?: number }) => getJson<Page<ClaimRow>>("claims", p),
  figures: (p: { counted?: string; claimant?: string; from?: string; to?: string; limit?: number; offset?: number }) =>
    getJson<Page<FigureSeries>>("figures", p),
  figure: (key: string) => getJson<FigureSeries>(`figures/${encodeURIComponent(key)}`),
  entities: (p: { type?: string; name?: string; limit?: number; offset?: number }) => getJson<Page<ResolvedEntity>>("entities", p),
  entity: (id: string) => getJson<EntityDetail>(`entities/${encodeURIComponent(id)}`),
  sources: (p: { by?: string; outlet?: string; from?: string; to?: string; limit?: number; offset?: number }) => getJson<Page<SourceGroup>>("sources", p),
  search: (q: string, p: { limit?: number; offset?: number } = {}) => getJson<Page<SearchHit>>("search", { q, ...p }),
  places: (p: { article?: string; q?: string; limit?: number }) => getJson<PlacesResponse>("places", p),
};
