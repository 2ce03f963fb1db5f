// JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every body the API reads or answers, for /openapi.json.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./api-types.js";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str: Schema = { type: "string" };
const int: Schema = { type: "integer", minimum: 0 };
const num: Schema = { type: "number" };
const strings: Schema = { type: "array", items: str };
const obj = (required: string[], properties: Record<string, Schema>): Schema => ({ type: "object", required, properties });

/** The fields a POST body may carry; the request parser refuses any other name. */
export const EXTRACT_REQUEST_FIELDS = {
  text: "the article as plain text (kept verbatim: offsets index into it)",
  html: "the article page as HTML",
  url: "an http(s) address to fetch the page from",
  title: "the title (overrides what extraction finds)",
  published: "the publication date, ISO 8601 (the anchor for relative dates)",
  outlet: "the outlet's name",
  sourceUrl: "the page's address when `text` or `html` is posted (identity and links; never fetched)",
} as const;

const QUOTE_KINDS = ["direct", "indirect", "mixed"];
const CLAIM_STATUSES = ["asserted", "reported", "estimated", "alleged", "speculative", "denied"];
const BOUNDS = ["exact", "approx", "lower", "upper", "range"];

/** The article record's own schema (schema/record.schema.json), its `$defs` moved to components so refs resolve. */
function recordSchemas(): Record<string, Schema> {
  // Two levels up from src/server or dist/server is the package root, where schema/ ships.
  const file = fileURLToPath(new URL("../../schema/record.schema.json", import.meta.url));
  const text = readFileSync(file, "utf8").replace(/"#\/\$defs\/([A-Za-z]+)"/g, (_m, name: string) => JSON.stringify(`#/components/schemas/Record_${name}`));
  const { $schema: _s, $id: _i, $defs, ...record } = JSON.parse(text) as Schema & { $defs?: Record<string, Schema> };
  const out: Record<string, Schema> = { ArticleRecord: record };
  for (const [name, def] of Object.entries($defs ?? {})) out[`Record_${name}`] = def;
  return out;
}

const figurePoint = obj(["bound", "text", "counted", "articleId", "quantityId"], {
  date: str, time: str, published: str, value: num, low: num, high: num, bound: { enum: BOUNDS }, text: str, counted: str,
  claimant: str, articleId: str, quantityId: str, outlet: str, url: str, title: str,
});

/** A page of `item`: the list answer of every listing route. */
export function pageSchema(item: string): Schema {
  return obj(["items", "limit", "offset"], {
    items: { type: "array", items: ref(item) },
    limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
    offset: int,
    next: { ...int, description: "the offset of the following page; absent on the last page" },
  });
}

export function componentSchemas(): Record<string, Schema> {
  return {
    ...recordSchemas(),
    ApiError: obj(["error"], { error: obj(["status", "message"], { status: { type: "integer" }, message: str }) }),
    Health: obj(["ok", "name", "version", "readOnly", "auth", "articles"], {
      ok: { const: true }, name: { const: "claimline" }, version: str, readOnly: { type: "boolean" }, auth: { type: "boolean" }, articles: int,
    }),
    StoreStats: obj(["articles", "versions", "quotes", "quantities", "entities", "times", "claims"], {
      articles: int, versions: int, quotes: int, quantities: int, entities: int, times: int, claims: int,
    }),
    ExtractRequest: {
      type: "object",
      description: "exactly one of text, html or url",
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(EXTRACT_REQUEST_FIELDS).map(([k, description]) => [k, { type: "string", description }])),
    },
    PutResult: obj(["status", "id", "key", "version"], {
      status: { enum: ["unchanged", "inserted", "updated", "reextracted", "duplicate"] }, id: str, key: str, version: { type: "integer", minimum: 1 },
    }),
    StoreResponse: obj(["put", "record"], { put: ref("PutResult"), record: ref("ArticleRecord") }),
    StoredArticle: obj(["id", "key", "contentHash", "version", "storedAt", "quotes", "quantities", "entities"], {
      id: str, key: str, url: str, outlet: str, title: str, published: str, language: str, origin: str, contentHash: str,
      version: { type: "integer", minimum: 1 }, storedAt: str, quotes: int, quantities: int, entities: int,
    }),
    ArticleVersionSummary: obj(["version", "contentHash", "storedAt"], {
      version: { type: "integer", minimum: 1 }, contentHash: str, storedAt: str, replacedAt: str, title: str,
    }),
    QuoteRow: obj(["articleId", "quoteId", "kind", "text", "speakerRoles", "speakerAffiliations"], {
      articleId: str, quoteId: str, kind: { enum: QUOTE_KINDS }, text: str, cue: str, speaker: str, speakerEntity: str, speakerType: str,
      speakerRoles: strings, speakerAffiliations: strings, speakerCountry: str, confidence: num, outlet: str, published: str, title: str, url: str,
    }),
    QuantityRow: obj(["articleId", "quantityId", "text", "bound"], {
      articleId: str, quantityId: str, text: str, value: num, low: num, high: num, bound: { enum: BOUNDS }, unit: str, counted: str,
      claimant: str, claimantEntity: str, quoteId: str, time: str, published: str, outlet: str, title: str, url: str,
    }),
    ClaimRow: obj(["articleId", "claimId", "text", "status", "cues"], {
      articleId: str, claimId: str, text: str, status: { enum: CLAIM_STATUSES }, claimant: str, claimantEntity: str, cues: strings,
      published: str, outlet: str, url: str, title: str,
    }),
    FigurePoint: figurePoint,
    FigureSeries: obj(["key", "label", "terms", "head", "points", "claimants", "disagreements", "disagreementCount"], {
      key: { ...str, description: "what is counted, normalised; the id of /api/figures/{key}" }, label: str, terms: strings, head: strings,
      points: { type: "array", items: ref("FigurePoint") },
      claimants: { type: "array", items: obj(["claimant", "figures", "latest", "min", "max"], { claimant: str, figures: int, latest: ref("FigurePoint"), min: num, max: num }) },
      disagreements: { type: "array", description: "the first 100 disagreements in time order", items: obj(["a", "b", "reason"], { a: ref("FigurePoint"), b: ref("FigurePoint"), reason: str }) },
      disagreementCount: { ...int, description: "all disagreements of the series, listed or not" },
    }),
    ResolvedEntity: obj(["id", "type", "name", "variants", "articles", "mentions", "outlets", "roles", "affiliations", "confidence", "links"], {
      id: str, type: str, name: str,
      variants: { type: "array", items: obj(["name", "articles"], { name: str, articles: int }) },
      articles: int, mentions: int, outlets: strings,
      roles: { type: "array", items: obj(["role", "articles"], { role: str, first: str, last: str, articles: int }) },
      affiliations: strings, firstSeen: str, lastSeen: str, confidence: { type: "number", minimum: 0, maximum: 1 },
      links: { type: "array", items: obj(["name", "to", "reason", "confidence"], { name: str, to: str, reason: str, confidence: num }) },
    }),
    EntityDetail: obj(["entity", "quotes", "figures", "articles"], {
      entity: ref("ResolvedEntity"),
      quotes: { type: "array", maxItems: 200, items: ref("QuoteRow") },
      figures: { type: "array", maxItems: 200, items: ref("QuantityRow") },
      articles: { type: "array", maxItems: 100, items: obj(["id"], { id: str, title: str, published: str, outlet: str, url: str }) },
    }),
    SourceGroup: obj(["group", "quotes", "direct", "indirect", "mixed", "directShare", "articles", "speakers", "top"], {
      group: str, quotes: int, direct: int, indirect: int, mixed: int, directShare: { type: "number", minimum: 0, maximum: 1 }, articles: int,
      speakers: int, top: { type: "array", items: obj(["name", "quotes"], { name: str, quotes: int }) },
    }),
    SearchHit: obj(["articleId", "kind", "snippet", "rank"], {
      articleId: str, kind: { enum: ["article", "quote"] }, quoteId: str, speaker: str, title: str, published: str, outlet: str, snippet: str, rank: num,
    }),
    PlaceHit: obj(["name", "lat", "lon", "mentions", "articles", "entity"], {
      name: str, lat: { type: "number", minimum: -90, maximum: 90 }, lon: { type: "number", minimum: -180, maximum: 180 }, country: str,
      mentions: { type: "integer", minimum: 1 }, articles: { type: "array", maxItems: 20, items: str }, entity: { type: "object" },
    }),
    PlacesResponse: obj(["places", "articles"], { places: { type: "array", items: ref("PlaceHit") }, articles: int }),
  };
}
