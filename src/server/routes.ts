// The route table: every API route with its parameters, body, answers and handler; /openapi.json is generated from it.
import type { IncomingMessage } from "node:http";
import type { ClaimStatus, QuoteKind } from "../core/record.js";
import { foldName } from "../store/fold.js";
import type { ClaimRow, PutResult, Store } from "../store/store.js";
import type { SourceGrouping } from "../track/source-stats.js";
import type { ArticleVersionSummary, EntityDetail, Health, Page, PlacesResponse, StoreResponse } from "./api-types.js";
import { readJsonBody } from "./body.js";
import { extractRequest, parseExtractRequest } from "./extract-request.js";
import type { FetchOptions } from "../ingest/index.js";
import { HttpError } from "./http-error.js";
import { buildOpenApi } from "./openapi.js";
import { DATES, PAGING, type ParamSpec, type QueryValues } from "./params.js";
import { gatherPlaces } from "./places.js";
import type { StoreViews } from "./views.js";

/** What every handler may use: the store, the cached views and the server's settings. */
export interface App {
  store: Store;
  views: StoreViews;
  version: string;
  readOnly: boolean;
  token?: string;
  bodyLimit: number;
  fetchOptions: FetchOptions;
  /** runs one extraction when there is room, else refuses with a 503 */
  extraction<T>(work: () => Promise<T>): Promise<T>;
}

export interface RouteContext {
  req: IncomingMessage;
  path: Record<string, string>;
  query: QueryValues;
  app: App;
}

export interface Reply {
  status?: number;
  body: unknown;
}

export interface Route {
  method: "GET" | "POST";
  /** OpenAPI path template: `/api/articles/{id}` */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  pathParams?: Record<string, string>;
  query: ParamSpec[];
  /** the component schema of the JSON body (POST) */
  body?: string;
  /** a write: refused in read-only mode, and needs the bearer token when one is set */
  write?: boolean;
  responses: Record<number, { description: string; schema?: string | { page: string }; type?: string }>;
  handle(ctx: RouteContext): Promise<Reply>;
}

/** Entity pages list at most this many quotes and figures, and this many articles. */
const DETAIL_ROWS = 200;
const DETAIL_ARTICLES = 100;
/** How many search hits /api/places looks through for articles at most. */
const PLACES_SEARCH_HITS = 500;
/** Rows per store query when a filter the store has no column for (claim status) is applied here. */
const SCAN_CHUNK = 1000;

/** A page from rows fetched with one more than the limit: the extra row only says there is a next page. */
function pageOf<T>(rows: T[], limit: number, offset: number): Page<T> {
  const page: Page<T> = { items: rows.slice(0, limit), limit, offset };
  if (rows.length > limit) page.next = offset + limit;
  return page;
}

/** A page of a list computed in full (cached views). */
function slicePage<T>(all: T[], limit: number, offset: number): Page<T> {
  return pageOf(all.slice(offset, offset + limit + 1), limit, offset);
}

const s = (q: QueryValues, name: string) => q[name] as string | undefined;
const n = (q: QueryValues, name: string) => q[name] as number;

function paging(q: QueryValues): { limit: number; offset: number; fetch: { limit: number; offset: number } } {
  const limit = n(q, "limit");
  const offset = n(q, "offset");
  return { limit, offset, fetch: { limit: limit + 1, offset } };
}

const newestFirst = (a: { published?: string }, b: { published?: string }) => ((a.published ?? "") < (b.published ?? "") ? 1 : (a.published ?? "") > (b.published ?? "") ? -1 : 0);

async function notFound(what: string, id: string): Promise<never> {
  throw new HttpError(404, `no ${what} ${JSON.stringify(id.slice(0, 200))}`);
}

async function claimsPage(store: Store, q: QueryValues): Promise<Page<ClaimRow>> {
  const { limit, offset, fetch } = paging(q);
  const filter = { from: s(q, "from"), to: s(q, "to"), withClaimant: q.claimant as boolean | undefined };
  const status = s(q, "status") as ClaimStatus | undefined;
  if (!status) return pageOf(await store.claims({ ...filter, ...fetch }), limit, offset);
  // The store filters claims by date and claimant only: scan in chunks until the page (and one more row) is full.
  const wanted = offset + limit + 1;
  const matched: ClaimRow[] = [];
  for (let at = 0; ; at += SCAN_CHUNK) {
    const rows = await store.claims({ ...filter, limit: SCAN_CHUNK, offset: at });
    for (const r of rows) if (r.status === status) matched.push(r);
    if (matched.length >= wanted || rows.length < SCAN_CHUNK) break;
  }
  return pageOf(matched.slice(offset, wanted), limit, offset);
}

async function entityDetail(app: App, id: string): Promise<EntityDetail> {
  const resolution = await app.views.resolution();
  const entity = resolution.entities.find((e) => e.id === id) ?? (await notFound("entity", id));
  const isIt = (name: string | undefined, type?: string) => !!name && resolution.lookup(name, type)?.id === entity.id;
  const names = entity.variants.map((v) => v.name);
  // The store matches names as folded substrings; resolution then keeps only the rows that are this entity.
  const quotes = new Map<string, EntityDetail["quotes"][number]>();
  const figures = new Map<string, EntityDetail["figures"][number]>();
  const articleIds = new Set<string>();
  for (const name of names) {
    for (const q of await app.store.quotes({ speaker: name })) if (isIt(q.speaker, q.speakerType)) quotes.set(`${q.articleId}/${q.quoteId}`, q);
    for (const f of await app.store.quantities({ claimant: name })) if (isIt(f.claimant)) figures.set(`${f.articleId}/${f.quantityId}`, f);
    for (const e of await app.store.entities({ name })) if (isIt(e.name, e.type) || e.aliases.some((a) => isIt(a, e.type))) articleIds.add(e.articleId);
  }
  const index = await app.views.articleIndex();
  const articles = [...articleIds].map((a) => index.get(a)).filter((a) => a !== undefined);
  return {
    entity,
    quotes: [...quotes.values()].sort(newestFirst).slice(0, DETAIL_ROWS),
    figures: [...figures.values()].sort(newestFirst).slice(0, DETAIL_ROWS),
    articles: articles.sort(newestFirst).slice(0, DETAIL_ARTICLES),
  };
}

async function places(app: App, q: QueryValues): Promise<PlacesResponse> {
  const article = s(q, "article");
  const words = s(q, "q");
  if ((article === undefined) === (words === undefined)) throw new HttpError(400, 'give one of the parameters "article" or "q"');
  const articles: { id: string; record: NonNullable<Awaited<ReturnType<Store["get"]>>> }[] = [];
  if (article !== undefined) {
    const record = (await app.store.get(article)) ?? (await notFound("article", article));
    articles.push({ id: (await storeIdOf(app, article, record.id)) ?? record.id, record });
  } else {
    const max = n(q, "limit");
    const ids: string[] = [];
    for (const hit of await app.store.search(words!, { limit: PLACES_SEARCH_HITS })) {
      if (!ids.includes(hit.articleId)) ids.push(hit.articleId);
      if (ids.length >= max) break;
    }
    for (const id of ids) {
      const record = await app.store.get(id);
      if (record) articles.push({ id, record });
    }
  }
  return { places: gatherPlaces(articles), articles: articles.length };
}

/** The store's id of an article asked for by record id or key (the index is keyed by store id). */
async function storeIdOf(app: App, asked: string, recordId: string): Promise<string | undefined> {
  const index = await app.views.articleIndex();
  if (index.has(asked)) return asked;
  if (index.has(recordId)) return recordId;
  return undefined;
}

async function extractBody(ctx: RouteContext) {
  const request = parseExtractRequest(await readJsonBody(ctx.req, ctx.app.bodyLimit));
  return ctx.app.extraction(() => extractRequest(request, { fetchOptions: ctx.app.fetchOptions }));
}

const ARTICLE_ID = { id: "the store's id, the record id, or the article's key (`url:<canonical url>` / `hash:<content hash>`), URL-encoded" };

export const ROUTES: readonly Route[] = [
  {
    method: "GET", path: "/openapi.json", operationId: "openapi", tag: "meta", summary: "this document", query: [],
    responses: { 200: { description: "the OpenAPI 3.1 document of every route" } },
    handle: async ({ app }) => ({ body: buildOpenApi(ROUTES, app.version) }),
  },
  {
    method: "GET", path: "/api/health", operationId: "health", tag: "meta", summary: "whether the server is up, and how it is set up", query: [],
    responses: { 200: { description: "health", schema: "Health" } },
    handle: async ({ app }) => {
      const health: Health = {
        ok: true, name: "claimline", version: app.version, readOnly: app.readOnly, auth: app.token !== undefined,
        articles: (await app.store.stats()).articles,
      };
      return { body: health };
    },
  },
  {
    method: "GET", path: "/api/stats", operationId: "stats", tag: "meta", summary: "how many articles, versions, quotes, figures, entities, times and claims the store holds", query: [],
    responses: { 200: { description: "counts", schema: "StoreStats" } },
    handle: async ({ app }) => ({ body: await app.store.stats() }),
  },
  {
    method: "POST", path: "/api/extract", operationId: "extract", tag: "articles", summary: "extract the record of an article without storing it",
    description: "Exactly one of `text`, `html` or `url`. A URL is fetched by the server (http/https only, with a timeout and a size cap).",
    query: [], body: "ExtractRequest",
    responses: { 200: { description: "the article record", schema: "ArticleRecord" } },
    handle: async (ctx) => ({ body: await extractBody(ctx) }),
  },
  {
    method: "POST", path: "/api/articles", operationId: "storeArticle", tag: "articles", summary: "extract the record of an article and store it",
    description: "201 when the article is new, 200 when it was already stored (`put.status` says what happened: unchanged, updated, reextracted, duplicate).",
    query: [], body: "ExtractRequest", write: true,
    responses: { 201: { description: "stored as a new article", schema: "StoreResponse" }, 200: { description: "already stored (a new version, a refresh, or nothing)", schema: "StoreResponse" } },
    handle: async (ctx) => {
      const record = await extractBody(ctx);
      let put: PutResult;
      try {
        put = await ctx.app.store.put(record, { origin: "api" });
      } finally {
        ctx.app.views.noteWrite();
      }
      const body: StoreResponse = { put, record };
      return { status: put.status === "inserted" ? 201 : 200, body };
    },
  },
  {
    method: "GET", path: "/api/articles", operationId: "listArticles", tag: "articles", summary: "stored articles, oldest publication date first",
    query: [{ name: "outlet", type: "string", description: "only this outlet (case-insensitive)" }, ...DATES, ...PAGING],
    responses: { 200: { description: "a page of articles", schema: { page: "StoredArticle" } } },
    handle: async ({ app, query }) => {
      const { limit, offset, fetch } = paging(query);
      return { body: pageOf(await app.store.articles({ outlet: s(query, "outlet"), from: s(query, "from"), to: s(query, "to"), ...fetch }), limit, offset) };
    },
  },
  {
    method: "GET", path: "/api/articles/{id}", operationId: "getArticle", tag: "articles", summary: "the current record of one article", pathParams: ARTICLE_ID, query: [],
    responses: { 200: { description: "the article record", schema: "ArticleRecord" } },
    handle: async ({ app, path }) => ({ body: (await app.store.get(path.id!)) ?? (await notFound("article", path.id!)) }),
  },
  {
    method: "GET", path: "/api/articles/{id}/history", operationId: "articleHistory", tag: "articles", summary: "every stored version of an article, oldest first",
    pathParams: ARTICLE_ID, query: PAGING,
    responses: { 200: { description: "a page of versions", schema: { page: "ArticleVersionSummary" } } },
    handle: async ({ app, path, query }) => {
      const versions = await app.store.history(path.id!);
      if (!versions.length) await notFound("article", path.id!);
      const summaries = versions.map((v): ArticleVersionSummary => {
        const out: ArticleVersionSummary = { version: v.version, contentHash: v.contentHash, storedAt: v.storedAt };
        if (v.replacedAt) out.replacedAt = v.replacedAt;
        if (v.record.source.title) out.title = v.record.source.title;
        return out;
      });
      return { body: slicePage(summaries, n(query, "limit"), n(query, "offset")) };
    },
  },
  {
    method: "GET", path: "/api/quotes", operationId: "listQuotes", tag: "quotes", summary: "quotes across articles",
    query: [
      { name: "speaker", type: "string", description: "the speaker's name, folded (case, accents, transliteration), as a substring" },
      { name: "outlet", type: "string", description: "only this outlet" },
      ...DATES,
      { name: "kind", type: "enum", values: ["direct", "indirect", "mixed"], description: "direct, indirect or mixed quotes" },
      { name: "text", type: "string", description: "words in the quote (full-text)" },
      ...PAGING,
    ],
    responses: { 200: { description: "a page of quotes", schema: { page: "QuoteRow" } } },
    handle: async ({ app, query }) => {
      const { limit, offset, fetch } = paging(query);
      const rows = await app.store.quotes({
        speaker: s(query, "speaker"), outlet: s(query, "outlet"), from: s(query, "from"), to: s(query, "to"),
        kind: s(query, "kind") as QuoteKind | undefined, text: s(query, "text"), ...fetch,
      }).catch((e: unknown) => {
        // Text the full-text index cannot read (only punctuation) is the caller's mistake, not a server fault.
        if (/^fts5:/.test((e as Error).message)) throw new HttpError(400, `parameter "text": no words to search for`);
        throw e;
      });
      return { body: pageOf(rows, limit, offset) };
    },
  },
  {
    method: "GET", path: "/api/quantities", operationId: "listQuantities", tag: "figures", summary: "figures across articles, one row per figure",
    query: [
      { name: "counted", type: "string", description: "substring of what is counted" },
      { name: "claimant", type: "string", description: "who gives the figure (folded substring)" },
      ...DATES, ...PAGING,
    ],
    responses: { 200: { description: "a page of figures", schema: { page: "QuantityRow" } } },
    handle: async ({ app, query }) => {
      const { limit, offset, fetch } = paging(query);
      const rows = await app.store.quantities({ counted: s(query, "counted"), claimant: s(query, "claimant"), from: s(query, "from"), to: s(query, "to"), ...fetch });
      return { body: pageOf(rows, limit, offset) };
    },
  },
  {
    method: "GET", path: "/api/claims", operationId: "listClaims", tag: "claims", summary: "claims with their certainty status",
    query: [
      { name: "status", type: "enum", values: ["asserted", "reported", "estimated", "alleged", "speculative", "denied"], description: "only claims with this status" },
      { name: "claimant", type: "boolean", description: "true: only claims that name who makes them" },
      ...DATES, ...PAGING,
    ],
    responses: { 200: { description: "a page of claims", schema: { page: "ClaimRow" } } },
    handle: async ({ app, query }) => ({ body: await claimsPage(app.store, query) }),
  },
  {
    method: "GET", path: "/api/figures", operationId: "listFigureSeries", tag: "figures", summary: "figure series: figures about one counted thing grouped across articles, per claimant, disagreements flagged",
    query: [
      { name: "counted", type: "string", description: "what is counted (\"russian soldiers killed\"): the series that match it" },
      { name: "claimant", type: "string", description: "only series in which this claimant gives a figure (folded substring)" },
      ...DATES, ...PAGING,
    ],
    responses: { 200: { description: "a page of series, most figures first", schema: { page: "FigureSeries" } } },
    handle: async ({ app, query }) => {
      let series = await app.views.figureSeries(s(query, "counted") ?? "", s(query, "from"), s(query, "to"));
      const claimant = s(query, "claimant");
      if (claimant) {
        const wanted = foldName(claimant);
        series = series.filter((x) => x.claimants.some((c) => foldName(c.claimant).includes(wanted)));
      }
      return { body: slicePage(series, n(query, "limit"), n(query, "offset")) };
    },
  },
  {
    method: "GET", path: "/api/figures/{key}", operationId: "getFigureSeries", tag: "figures", summary: "one figure series by its key",
    pathParams: { key: "the series' `key` (URL-encoded: it holds spaces)" }, query: [],
    responses: { 200: { description: "the series", schema: "FigureSeries" } },
    handle: async ({ app, path }) => ({ body: (await app.views.figureSeries("")).find((x) => x.key === path.key) ?? (await notFound("figure series", path.key!)) }),
  },
  {
    method: "GET", path: "/api/entities", operationId: "listEntities", tag: "entities", summary: "people, organisations and places resolved across articles, most articles first",
    query: [
      { name: "type", type: "enum", values: ["PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP"], description: "only this entity type" },
      { name: "name", type: "string", description: "only entities with this in a name or spelling variant (or that the name resolves to)" },
      ...PAGING,
    ],
    responses: { 200: { description: "a page of resolved entities", schema: { page: "ResolvedEntity" } } },
    handle: async ({ app, query }) => {
      const { entities, lookup } = await app.views.resolution();
      const type = s(query, "type");
      const name = s(query, "name");
      let list = type ? entities.filter((e) => e.type === type) : entities;
      if (name) {
        const found = lookup(name, type);
        const needle = foldName(name);
        list = list.filter((e) => e === found || e.variants.some((v) => foldName(v.name).includes(needle)));
      }
      return { body: slicePage(list, n(query, "limit"), n(query, "offset")) };
    },
  },
  {
    method: "GET", path: "/api/entities/{id}", operationId: "getEntity", tag: "entities", summary: "one resolved entity with its quotes, the figures it gives and the articles that name it",
    pathParams: { id: "the resolved entity's id, e.g. `person:jane-doe`" }, query: [],
    responses: { 200: { description: "the entity", schema: "EntityDetail" } },
    handle: async ({ app, path }) => ({ body: await entityDetail(app, path.id!) }),
  },
  {
    method: "GET", path: "/api/sources", operationId: "sourceStatistics", tag: "quotes", summary: "who gets quoted: quote counts grouped by speaker, outlet, role category or nationality",
    query: [
      { name: "by", type: "enum", values: ["speaker", "outlet", "role", "nationality"], default: "speaker", description: "how to group the quotes" },
      { name: "outlet", type: "string", description: "only quotes from this outlet" },
      ...DATES, ...PAGING,
    ],
    responses: { 200: { description: "a page of groups, most quotes first", schema: { page: "SourceGroup" } } },
    handle: async ({ app, query }) => {
      const groups = await app.views.sources(s(query, "by") as SourceGrouping, { outlet: s(query, "outlet"), from: s(query, "from"), to: s(query, "to") });
      return { body: slicePage(groups, n(query, "limit"), n(query, "offset")) };
    },
  },
  {
    method: "GET", path: "/api/search", operationId: "search", tag: "articles", summary: "full-text search over titles, bodies and quotes, best first",
    query: [{ name: "q", type: "string", required: true, description: "words to look for (SQLite FTS5 syntax works; plain words always do)" }, ...PAGING],
    responses: { 200: { description: "a page of hits", schema: { page: "SearchHit" } } },
    handle: async ({ app, query }) => {
      const { limit, offset, fetch } = paging(query);
      return { body: pageOf(await app.store.search(s(query, "q")!, fetch), limit, offset) };
    },
  },
  {
    method: "GET", path: "/api/places", operationId: "places", tag: "places", summary: "geocoded places named by one article, or by the articles a search finds",
    query: [
      { name: "article", type: "string", description: "an article id (as for /api/articles/{id})" },
      { name: "q", type: "string", description: "search words: the places of the articles they find" },
      { name: "limit", type: "integer", minimum: 1, maximum: 500, default: 50, description: "with q: at most this many articles are looked at" },
    ],
    responses: { 200: { description: "places, most mentioned first", schema: "PlacesResponse" } },
    handle: async ({ app, query }) => ({ body: await places(app, query) }),
  },
];

/** A compiled route: its path template split into literal segments and `{name}` holes. */
export interface RouteMatch {
  route: Route;
  path: Record<string, string>;
}

const compiled = ROUTES.map((route) => ({ route, segments: route.path.split("/").slice(1) }));

/**
 * The route for a path (already split into decoded segments), or the methods the path allows when it
 * exists under another method (a 405), or nothing (a 404).
 */
export function matchRoute(method: string, segments: string[]): RouteMatch | { allowed: string[] } | undefined {
  const allowed: string[] = [];
  for (const { route, segments: template } of compiled) {
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < template.length && ok; i++) {
      const t = template[i]!;
      if (t.startsWith("{")) {
        if (!segments[i]) ok = false;
        else params[t.slice(1, -1)] = segments[i]!;
      } else if (t !== segments[i]) ok = false;
    }
    if (!ok) continue;
    if (route.method === method || (method === "HEAD" && route.method === "GET")) return { route, path: params };
    allowed.push(route.method);
  }
  return allowed.length ? { allowed: [...new Set(allowed)] } : undefined;
}
