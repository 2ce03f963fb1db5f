// The embedded store: SQLite through better-sqlite3 (WAL, versioned migrations, FTS5), one transaction per article.
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { ArticleRecord, EntityRecord, QuoteKind } from "../../core/record.js";
import { foldName } from "../fold.js";
import { entityTable, extractionHash, resolveRef, sameTextAndSource, articleKey, canonicalUrl, contentHash } from "../identity.js";
import type {
  ArticleFilter, ArticleVersion, ClaimRow, DateRange, EntityFilter, EntityRow, Page, PutOptions, PutResult, QuantityFilter,
  QuantityRow, QuoteFilter, QuoteRow, SearchHit, SourceCount, Store, StoreStats, StoredArticle,
} from "../store.js";
import { migrate } from "./migrations.js";

type Row = Record<string, unknown>;

export interface SqliteStoreOptions {
  /** open an existing store read-only (queries); writers use the default */
  readonly?: boolean;
}

/** Opens (creating and migrating as needed) a SQLite store at `file`; ":memory:" gives a throw-away one. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(file, options);
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const list = (v: unknown): string[] => (typeof v === "string" ? (JSON.parse(v) as string[]) : []);

/** Drops undefined fields so rows compare and print cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Date filter on ISO strings by their day: SQL fragment and parameters. */
function dateClause(column: string, range: DateRange, where: string[], params: unknown[]): void {
  if (range.from) {
    where.push(`substr(${column}, 1, 10) >= ?`);
    params.push(range.from.slice(0, 10));
  }
  if (range.to) {
    where.push(`substr(${column}, 1, 10) <= ?`);
    params.push(range.to.slice(0, 10));
  }
}

function limitClause(page: Page, params: unknown[]): string {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  if (page.limit === undefined && !offset) return "";
  // SQLite needs a LIMIT before an OFFSET; -1 means no limit.
  params.push(page.limit === undefined ? -1 : Math.max(0, Math.floor(page.limit)), offset);
  return " LIMIT ? OFFSET ?";
}

/** Plain words as FTS5 string tokens, for queries that are not valid FTS5 syntax ("Zelensky's", "U.S."). */
function quoteWords(query: string): string {
  return query
    .split(/\s+/)
    .map((w) => w.replace(/"/g, ""))
    .filter(Boolean)
    .map((w) => `"${w}"`)
    .join(" ");
}


export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file, { readonly: options.readonly ?? false, timeout: 10_000 });
    if (!options.readonly) {
      // WAL: readers never block the writer, and a killed writer loses only its open transaction.
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      // A larger page cache keeps the FTS and index pages of a long ingest in memory.
      this.db.pragma("cache_size = -65536");
      this.db.pragma("temp_store = MEMORY");
      migrate(this.db);
    }
  }

  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  async put(record: ArticleRecord, options: PutOptions = {}): Promise<PutResult> {
    return this.putSync(record, options);
  }

  /** The synchronous core of `put`, one immediate transaction (the ingest command calls it directly). */
  putSync(record: ArticleRecord, options: PutOptions = {}): PutResult {
    return this.db.transaction(() => this.putInTransaction(record, options)).immediate();
  }

  private putInTransaction(record: ArticleRecord, options: PutOptions): PutResult {
    const key = articleKey(record.source, record.text);
    const hash = contentHash(record.source, record.text);
    const json = JSON.stringify(record);
    const recordHash = extractionHash(record);
    const now = new Date().toISOString();
    const existing = this.sql("SELECT seq, id, content_hash, record_hash, version, origin, stored_at, record FROM articles WHERE key = ?").get(key) as Row | undefined;
    const s = record.source;
    if (!existing) {
      const copy = this.sql("SELECT seq, id, key, version FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1").get(hash) as Row | undefined;
      if (copy && key.startsWith("url:") && (copy.key as string).startsWith("hash:")) {
        // Text first stored without a URL now comes with one: the same article, which takes the URL as its identity.
        const seq = copy.seq as number;
        this.sql("UPDATE articles SET key = ?, url = ?, outlet = ?, title = ?, published = ?, language = ?, record_hash = ?, record = ? WHERE seq = ?")
          .run(key, s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, recordHash, json, seq);
        this.deleteParts(seq);
        this.insertParts(seq, record);
        return { status: "reextracted", id: copy.id as string, key, version: copy.version as number };
      }
      // The same content under another URL (a syndicated copy) or without one: the first copy is kept.
      if (copy) return { status: "duplicate", id: copy.id as string, key: copy.key as string, version: copy.version as number };
      const taken = this.sql("SELECT 1 FROM articles WHERE id = ?").get(record.id);
      // Two keys with one record id (rare: one text given with and without a URL) must still be two articles.
      const id = taken ? createHash("sha1").update(key).digest("hex").slice(0, 16) : record.id;
      const info = this.sql(
        `INSERT INTO articles (id, key, url, outlet, title, published, language, origin, content_hash, record_hash, version, stored_at, record)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(id, key, s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, options.origin ?? null, hash, recordHash, now, json);
      this.insertParts(Number(info.lastInsertRowid), record);
      return { status: "inserted", id, key, version: 1 };
    }
    const seq = existing.seq as number;
    const id = existing.id as string;
    const version = existing.version as number;
    if (existing.content_hash === hash && existing.record_hash === recordHash) return { status: "unchanged", id, key, version };
    // Without a URL, the same content with other metadata or spacing is another copy (a wire story in two
    // outlets): the first is kept. A URL names one article, so there new metadata refreshes it.
    if (existing.content_hash === hash && key.startsWith("hash:") && !sameTextAndSource(existing.record as string, record)) {
      return { status: "duplicate", id, key, version };
    }
    if (existing.content_hash === hash) {
      // Same article text, a better extraction: refresh in place; history is about what the outlet published.
      this.sql("UPDATE articles SET record_hash = ?, record = ?, outlet = ?, title = ?, published = ?, language = ? WHERE seq = ?")
        .run(recordHash, json, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, seq);
      this.deleteParts(seq);
      this.insertParts(seq, record);
      return { status: "reextracted", id, key, version };
    }
    this.sql("INSERT INTO article_versions (article_seq, version, content_hash, origin, stored_at, replaced_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(seq, version, existing.content_hash, existing.origin ?? null, existing.stored_at, now, existing.record);
    this.sql(
      `UPDATE articles SET url = ?, outlet = ?, title = ?, published = ?, language = ?, origin = ?, content_hash = ?, record_hash = ?,
       version = ?, stored_at = ?, record = ? WHERE seq = ?`,
    ).run(s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, options.origin ?? null, hash, recordHash, version + 1, now, json, seq);
    this.deleteParts(seq);
    this.insertParts(seq, record);
    return { status: "updated", id, key, version: version + 1 };
  }

  private deleteParts(seq: number): void {
    this.sql("DELETE FROM quote_fts WHERE rowid IN (SELECT seq FROM quotes WHERE article_seq = ?)").run(seq);
    this.sql("DELETE FROM article_fts WHERE rowid = ?").run(seq);
    for (const table of ["entities", "mentions", "quotes", "quantities", "times", "claims"]) {
      this.sql(`DELETE FROM ${table} WHERE article_seq = ?`).run(seq);
    }
  }

  private insertParts(seq: number, r: ArticleRecord): void {
    this.sql("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)").run(seq, r.source.title ?? "", r.text);
    const { entities, byFold, nameOf } = entityTable(r);
    const insertEntity = this.sql(
      `INSERT INTO entities (article_seq, entity_id, type, name, name_fold, aliases, roles, affiliations, descriptors, country, lat, lon, mention_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMention = this.sql("INSERT INTO mentions (article_seq, entity_id, start, end) VALUES (?, ?, ?, ?)");
    const affiliationNames = (e: EntityRecord) => (e.affiliations ?? []).map((a) => nameOf.get(a) ?? a);
    for (const e of entities) {
      insertEntity.run(
        seq, e.id, e.type, e.name, foldName(e.name), JSON.stringify(e.aliases ?? []), JSON.stringify(e.roles ?? []),
        JSON.stringify(affiliationNames(e)), JSON.stringify(e.descriptors ?? []), e.geo?.country ?? null, e.geo?.lat ?? null,
        e.geo?.lon ?? null, e.mentions?.length ?? 0,
      );
      for (const [start, end] of e.mentions ?? []) insertMention.run(seq, e.id, start, end);
    }
    const insertQuote = this.sql(
      `INSERT INTO quotes (article_seq, quote_id, kind, text, start, end, cue, speaker, speaker_fold, speaker_entity, confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertQuoteText = this.sql("INSERT INTO quote_fts (rowid, speaker, body) VALUES (?, ?, ?)");
    for (const q of r.quotes ?? []) {
      const info = insertQuote.run(
        seq, q.id, q.kind, q.text, q.span?.[0] ?? null, q.span?.[1] ?? null, q.cue?.text ?? null, q.speaker?.name ?? null,
        q.speaker ? foldName(q.speaker.name) : null, resolveRef(q.speaker, byFold) ?? null, q.confidence ?? null,
      );
      insertQuoteText.run(Number(info.lastInsertRowid), q.speaker?.name ?? "", q.text);
    }
    const insertQuantity = this.sql(
      `INSERT INTO quantities (article_seq, quantity_id, text, start, end, value, low, high, bound, unit, counted, claimant, claimant_fold,
       claimant_entity, quote_id, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const q of r.quantities ?? []) {
      insertQuantity.run(
        seq, q.id, q.text, q.span?.[0] ?? null, q.span?.[1] ?? null, q.value ?? null, q.low ?? null, q.high ?? null, q.bound,
        q.unit ?? null, q.counted ?? null, q.claimant?.name ?? null, q.claimant ? foldName(q.claimant.name) : null,
        resolveRef(q.claimant, byFold) ?? null, q.quote ?? null, q.time ?? null,
      );
    }
    const insertTime = this.sql("INSERT INTO times (article_seq, time_id, text, start, end, value, type) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const t of r.times ?? []) insertTime.run(seq, t.id, t.text, t.span?.[0] ?? null, t.span?.[1] ?? null, t.value, t.type);
    const insertClaim = this.sql(
      `INSERT INTO claims (article_seq, claim_id, text, start, end, status, claimant, claimant_fold, claimant_entity, cues, quantity_ids, quote_ids)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const c of r.claims ?? []) {
      insertClaim.run(
        seq, c.id, c.text, c.span?.[0] ?? null, c.span?.[1] ?? null, c.status, c.claimant?.name ?? null,
        c.claimant ? foldName(c.claimant.name) : null, resolveRef(c.claimant, byFold) ?? null,
        JSON.stringify((c.cues ?? []).map((x) => x.text)), JSON.stringify(c.quantities ?? []), JSON.stringify(c.quotes ?? []),
      );
    }
  }

  private findSeq(id: string): number | undefined {
    const row = this.sql("SELECT seq FROM articles WHERE id = ? OR key = ?").get(id, id) as Row | undefined;
    if (row) return row.seq as number;
    // A record id of a later version (same URL gives the same id, so this is for URL-less articles).
    const byRecordId = this.sql("SELECT seq FROM articles WHERE json_extract(record, '$.id') = ?").get(id) as Row | undefined;
    return byRecordId?.seq as number | undefined;
  }

  async get(id: string): Promise<ArticleRecord | undefined> {
    const seq = this.findSeq(id);
    if (seq === undefined) return undefined;
    const row = this.sql("SELECT record FROM articles WHERE seq = ?").get(seq) as Row;
    return JSON.parse(row.record as string) as ArticleRecord;
  }

  async getByUrl(url: string): Promise<ArticleRecord | undefined> {
    return this.get(`url:${canonicalUrl(url)}`);
  }

  async history(id: string): Promise<ArticleVersion[]> {
    const seq = this.findSeq(id);
    if (seq === undefined) return [];
    const old = this.sql("SELECT version, content_hash, stored_at, replaced_at, record FROM article_versions WHERE article_seq = ? ORDER BY version").all(seq) as Row[];
    const current = this.sql("SELECT version, content_hash, stored_at, record FROM articles WHERE seq = ?").get(seq) as Row;
    return [...old, current].map((r) =>
      compact({
        version: r.version as number,
        contentHash: r.content_hash as string,
        storedAt: r.stored_at as string,
        replacedAt: str(r.replaced_at),
        record: JSON.parse(r.record as string) as ArticleRecord,
      }),
    );
  }

  async contentKeys(): Promise<Set<string>> {
    const rows = this.sql("SELECT key, content_hash FROM articles").all() as Row[];
    return new Set(rows.map((r) => `${r.key as string}\t${r.content_hash as string}`));
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => (this.sql(`SELECT count(*) AS n FROM ${table}`).get() as Row).n as number;
    return {
      articles: count("articles"), versions: count("articles") + count("article_versions"), quotes: count("quotes"),
      quantities: count("quantities"), entities: count("entities"), times: count("times"), claims: count("claims"),
    };
  }

  async articles(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.outlet) {
      where.push("a.outlet = ? COLLATE NOCASE");
      params.push(filter.outlet);
    }
    dateClause("a.published", filter, where, params);
    const sql = `SELECT a.*, (SELECT count(*) FROM quotes q WHERE q.article_seq = a.seq) AS n_quotes,
      (SELECT count(*) FROM quantities q WHERE q.article_seq = a.seq) AS n_quantities,
      (SELECT count(*) FROM entities e WHERE e.article_seq = a.seq) AS n_entities
      FROM articles a ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published, a.seq${limitClause(filter, params)}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) =>
      compact({
        id: r.id as string, key: r.key as string, url: str(r.url), outlet: str(r.outlet), title: str(r.title), published: str(r.published),
        language: str(r.language), origin: str(r.origin), contentHash: r.content_hash as string, version: r.version as number,
        storedAt: r.stored_at as string, quotes: r.n_quotes as number, quantities: r.n_quantities as number, entities: r.n_entities as number,
      }),
    );
  }

  async quotes(filter: QuoteFilter = {}): Promise<QuoteRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.speaker) {
      where.push("q.speaker_fold LIKE ? ESCAPE '\\'");
      params.push(`%${foldName(filter.speaker).replace(/[%_\\]/g, "\\$&")}%`);
    }
    if (filter.outlet) {
      where.push("a.outlet = ? COLLATE NOCASE");
      params.push(filter.outlet);
    }
    if (filter.kind) {
      where.push("q.kind = ?");
      params.push(filter.kind);
    }
    if (filter.text) {
      const words = quoteWords(filter.text);
      // Text with no words (only quotation marks or spaces) can match no quote.
      if (!words) return [];
      where.push("q.seq IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)");
      params.push(`body : (${words})`);
    }
    dateClause("a.published", filter, where, params);
    const sql = `SELECT q.*, a.id AS article_id, a.outlet, a.published, a.title, a.url,
        e.type AS e_type, e.roles AS e_roles, e.affiliations AS e_affiliations, e.country AS e_country
      FROM quotes q JOIN articles a ON a.seq = q.article_seq
      LEFT JOIN entities e ON e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published, a.seq, q.seq${limitClause(filter, params)}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, quoteId: r.quote_id as string, kind: r.kind as QuoteKind, text: r.text as string,
        cue: str(r.cue), speaker: str(r.speaker), speakerEntity: str(r.speaker_entity), speakerType: str(r.e_type),
        speakerRoles: list(r.e_roles), speakerAffiliations: list(r.e_affiliations), speakerCountry: str(r.e_country),
        confidence: num(r.confidence), outlet: str(r.outlet), published: str(r.published), title: str(r.title), url: str(r.url),
      }),
    );
  }

  async quantities(filter: QuantityFilter = {}): Promise<QuantityRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.counted) {
      where.push("q.counted LIKE ? ESCAPE '\\'");
      params.push(`%${filter.counted.replace(/[%_\\]/g, "\\$&")}%`);
    }
    if (filter.withCounted) where.push("q.counted IS NOT NULL AND q.counted <> ''");
    if (filter.claimant) {
      where.push("q.claimant_fold LIKE ? ESCAPE '\\'");
      params.push(`%${foldName(filter.claimant).replace(/[%_\\]/g, "\\$&")}%`);
    }
    dateClause("coalesce(q.time, a.published)", filter, where, params);
    const sql = `SELECT q.*, a.id AS article_id, a.outlet, a.published, a.title, a.url
      FROM quantities q JOIN articles a ON a.seq = q.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published, a.seq, q.rowid${limitClause(filter, params)}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, quantityId: r.quantity_id as string, text: r.text as string, value: num(r.value),
        low: num(r.low), high: num(r.high), bound: r.bound as QuantityRow["bound"], unit: str(r.unit), counted: str(r.counted),
        claimant: str(r.claimant), claimantEntity: str(r.claimant_entity), quoteId: str(r.quote_id), time: str(r.time),
        published: str(r.published), outlet: str(r.outlet), title: str(r.title), url: str(r.url),
      }),
    );
  }

  async entities(filter: EntityFilter = {}): Promise<EntityRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      where.push("e.type = ?");
      params.push(filter.type);
    }
    if (filter.name) {
      where.push("(e.name_fold LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')");
      const folded = `%${foldName(filter.name).replace(/[%_\\]/g, "\\$&")}%`;
      params.push(folded, `%${filter.name.replace(/[%_\\]/g, "\\$&")}%`);
    }
    const sql = `SELECT e.*, a.id AS article_id, a.published, a.outlet FROM entities e JOIN articles a ON a.seq = e.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published, a.seq, e.rowid${limitClause(filter, params)}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, entityId: r.entity_id as string, type: r.type as string, name: r.name as string,
        aliases: list(r.aliases), mentions: r.mention_count as number, roles: list(r.roles), affiliations: list(r.affiliations),
        descriptors: list(r.descriptors), country: str(r.country), published: str(r.published), outlet: str(r.outlet),
      }),
    );
  }

  async claims(filter: DateRange & Page & { withClaimant?: boolean } = {}): Promise<ClaimRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.withClaimant) where.push("c.claimant IS NOT NULL");
    dateClause("a.published", filter, where, params);
    const sql = `SELECT c.*, a.id AS article_id, a.published, a.outlet, a.url, a.title FROM claims c JOIN articles a ON a.seq = c.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published, a.seq, c.rowid${limitClause(filter, params)}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, claimId: r.claim_id as string, text: r.text as string, status: r.status as ClaimRow["status"],
        claimant: str(r.claimant), claimantEntity: str(r.claimant_entity), cues: list(r.cues), published: str(r.published),
        outlet: str(r.outlet), url: str(r.url), title: str(r.title),
      }),
    );
  }

  async sourceCounts(options: { byOutlet?: boolean } = {}): Promise<SourceCount[]> {
    const group = options.byOutlet ? "q.speaker_fold, a.outlet" : "q.speaker_fold";
    const sql = `SELECT min(q.speaker) AS speaker, ${options.byOutlet ? "a.outlet" : "NULL"} AS outlet, count(*) AS quotes,
        sum(q.kind = 'direct') AS direct, sum(q.kind = 'indirect') AS indirect, sum(q.kind = 'mixed') AS mixed,
        count(DISTINCT q.article_seq) AS articles
      FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.speaker_fold IS NOT NULL AND q.speaker_fold <> ''
      GROUP BY ${group} ORDER BY quotes DESC, speaker`;
    return (this.sql(sql).all() as Row[]).map((r) =>
      compact({
        speaker: r.speaker as string, outlet: str(r.outlet), quotes: r.quotes as number, direct: r.direct as number,
        indirect: r.indirect as number, mixed: r.mixed as number, articles: r.articles as number,
      }),
    );
  }

  async search(query: string, options: Page = {}): Promise<SearchHit[]> {
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    // Article and quote hits are ranked together, so each side is asked for enough rows to fill the page.
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    let hits: SearchHit[];
    try {
      hits = this.searchFts(query, limit + offset);
    } catch (e) {
      // Not FTS5 syntax ("U.S.", "Zelensky's"): search the words themselves.
      if ((e as { code?: string }).code !== "SQLITE_ERROR") throw e;
      hits = this.searchFts(quoteWords(query), limit + offset);
    }
    return hits.slice(offset, offset + limit);
  }

  private searchFts(match: string, limit: number): SearchHit[] {
    if (!match.trim()) return [];
    const articles = this.sql(
      `SELECT a.id, a.title, a.published, a.outlet, snippet(article_fts, 1, '[', ']', '…', 12) AS snip, bm25(article_fts) AS rank
       FROM article_fts JOIN articles a ON a.seq = article_fts.rowid WHERE article_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as Row[];
    const quotes = this.sql(
      `SELECT a.id, a.title, a.published, a.outlet, q.quote_id, q.speaker, snippet(quote_fts, 1, '[', ']', '…', 12) AS snip, bm25(quote_fts) AS rank
       FROM quote_fts JOIN quotes q ON q.seq = quote_fts.rowid JOIN articles a ON a.seq = q.article_seq
       WHERE quote_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as Row[];
    const hits: SearchHit[] = [
      ...articles.map((r) => compact<SearchHit>({
        articleId: r.id as string, kind: "article", title: str(r.title), published: str(r.published), outlet: str(r.outlet),
        snippet: r.snip as string, rank: r.rank as number,
      })),
      ...quotes.map((r) => compact<SearchHit>({
        articleId: r.id as string, kind: "quote", quoteId: str(r.quote_id), speaker: str(r.speaker), title: str(r.title),
        published: str(r.published), outlet: str(r.outlet), snippet: r.snip as string, rank: r.rank as number,
      })),
    ];
    return hits.sort((a, b) => a.rank - b.rank).slice(0, limit);
  }

  async *records(): AsyncIterable<ArticleRecord> {
    // Pages by seq rather than holding one statement open, so a consumer may query the store between records.
    let after = 0;
    for (;;) {
      const rows = this.sql("SELECT seq, record FROM articles WHERE seq > ? ORDER BY seq LIMIT 200").all(after) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield JSON.parse(r.record as string) as ArticleRecord;
      after = rows[rows.length - 1]!.seq as number;
    }
  }

  /** Runs SQLite's own consistency check ("ok" when sound). */
  integrityCheck(): string {
    return this.db.pragma("integrity_check", { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
