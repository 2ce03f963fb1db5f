// The store interface: keeps every article record once (by canonical URL or content hash) and answers cross-article queries.
import type { ArticleRecord, Bound, ClaimStatus, QuoteKind } from "../core/record.js";

/**
 * What `put` did: nothing; a first insert; a new version of a corrected article (same URL, new content);
 * a refresh of the same article extracted differently; or nothing because it is a copy, under other
 * metadata, of URL-less content already stored (the first copy is kept).
 */
export type PutStatus = "unchanged" | "inserted" | "updated" | "reextracted" | "duplicate";

export interface PutResult {
  status: PutStatus;
  /** the store's id of the article (the record id of its first version) */
  id: string;
  /** the article's identity: `url:<canonical url>` or `hash:<content hash>` */
  key: string;
  version: number;
}

export interface PutOptions {
  /** where the record came from (a file name), kept for messages and history */
  origin?: string;
}

export interface StoredArticle {
  id: string;
  key: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
  language?: string;
  origin?: string;
  contentHash: string;
  version: number;
  storedAt: string;
  quotes: number;
  quantities: number;
  entities: number;
}

export interface ArticleVersion {
  version: number;
  contentHash: string;
  storedAt: string;
  /** when a later version replaced it (absent for the current one) */
  replacedAt?: string;
  record: ArticleRecord;
}

/** Dates are ISO strings compared on their first 10 characters (YYYY-MM-DD); `from`/`to` are inclusive. */
export interface DateRange {
  from?: string;
  to?: string;
}

/** Paging: at most `limit` rows, after skipping `offset` rows of the same ordered result. */
export interface Page {
  limit?: number;
  offset?: number;
}

export interface ArticleFilter extends DateRange, Page {
  outlet?: string;
}

export interface QuoteFilter extends DateRange, Page {
  /** matches the speaker's name, folded (case, accents, transliteration variants), as a substring */
  speaker?: string;
  outlet?: string;
  kind?: QuoteKind;
  /** full-text match on the quote's words */
  text?: string;
}

export interface QuoteRow {
  articleId: string;
  quoteId: string;
  kind: QuoteKind;
  text: string;
  cue?: string;
  speaker?: string;
  speakerEntity?: string;
  /** the speaker entity's type, roles and affiliations in that article, when the record names them */
  speakerType?: string;
  speakerRoles: string[];
  speakerAffiliations: string[];
  speakerCountry?: string;
  confidence?: number;
  outlet?: string;
  published?: string;
  title?: string;
  url?: string;
}

export interface QuantityFilter extends DateRange, Page {
  /** substring of the counted thing (case-insensitive); the fuzzy grouping lives in src/track */
  counted?: string;
  claimant?: string;
  /** only figures that say what they count */
  withCounted?: boolean;
}

export interface QuantityRow {
  articleId: string;
  quantityId: string;
  text: string;
  value?: number;
  low?: number;
  high?: number;
  bound: Bound;
  unit?: string;
  counted?: string;
  claimant?: string;
  claimantEntity?: string;
  quoteId?: string;
  /** TIMEX3 value the figure refers to */
  time?: string;
  published?: string;
  outlet?: string;
  title?: string;
  url?: string;
}

export interface EntityFilter extends Page {
  type?: string;
  /** folded substring of the name or an alias */
  name?: string;
}

/** One entity as one article names it; cross-article resolution (src/track) groups these. */
export interface EntityRow {
  articleId: string;
  entityId: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: number;
  roles: string[];
  affiliations: string[];
  descriptors: string[];
  country?: string;
  published?: string;
  outlet?: string;
}

export interface ClaimRow {
  articleId: string;
  claimId: string;
  text: string;
  status: ClaimStatus;
  claimant?: string;
  claimantEntity?: string;
  cues: string[];
  published?: string;
  outlet?: string;
  url?: string;
  title?: string;
}

export interface SearchHit {
  articleId: string;
  /** "article" for a match in the title or body, "quote" for a match in a quote */
  kind: "article" | "quote";
  quoteId?: string;
  speaker?: string;
  title?: string;
  published?: string;
  outlet?: string;
  snippet: string;
  /** lower is better (FTS5 bm25) */
  rank: number;
}

export interface SourceCount {
  speaker: string;
  outlet?: string;
  quotes: number;
  direct: number;
  indirect: number;
  mixed: number;
  articles: number;
}

export interface StoreStats {
  articles: number;
  versions: number;
  quotes: number;
  quantities: number;
  entities: number;
  times: number;
  claims: number;
}

/**
 * An article store. Every method is async so a networked implementation (PostgreSQL) fits the same
 * interface; `src/store/conformance.ts` is the behaviour every implementation must show.
 */
export interface Store {
  /** Stores a record once: same content again changes nothing; same URL with new content becomes a new version. */
  put(record: ArticleRecord, options?: PutOptions): Promise<PutResult>;
  /** The current record by store id, record id, or key (`url:…`/`hash:…`). */
  get(id: string): Promise<ArticleRecord | undefined>;
  /** The current record of a URL (canonicalised before the look-up). */
  getByUrl(url: string): Promise<ArticleRecord | undefined>;
  /** Every version of an article, oldest first, the current one last. */
  history(id: string): Promise<ArticleVersion[]>;
  /** `key\tcontentHash` of every current article: lets an ingest skip unchanged inputs before extracting them. */
  contentKeys(): Promise<Set<string>>;
  stats(): Promise<StoreStats>;
  articles(filter?: ArticleFilter): Promise<StoredArticle[]>;
  quotes(filter?: QuoteFilter): Promise<QuoteRow[]>;
  quantities(filter?: QuantityFilter): Promise<QuantityRow[]>;
  entities(filter?: EntityFilter): Promise<EntityRow[]>;
  claims(filter?: DateRange & Page & { withClaimant?: boolean }): Promise<ClaimRow[]>;
  /** Quote counts per speaker name (optionally per outlet); resolution of name variants is src/track's job. */
  sourceCounts(options?: { byOutlet?: boolean }): Promise<SourceCount[]>;
  /** Full-text search over titles, bodies and quotes (FTS5 query syntax on SQLite; plain words always work). */
  search(query: string, options?: Page): Promise<SearchHit[]>;
  /** Every current record, in storage order, for exports. */
  records(): AsyncIterable<ArticleRecord>;
  close(): Promise<void>;
}
