// The server store: the Store interface over PostgreSQL (pg), with the SQLite store's semantics, tsvector search and puts safe under many writers.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { ArticleRecord, EntityRecord, QuoteKind } from "../../core/record.js";
import { foldName } from "../fold.js";
import { entityTable, extractionHash, resolveRef, sameTextAndSource, articleKey, canonicalUrl, contentHash } from "../identity.js";
import type {
  ArticleFilter, ArticleVersion, ClaimRow, DateRange, EntityFilter, EntityRow, Page, PutOptions, PutResult, QuantityFilter,
  QuantityRow, QuoteFilter, QuoteRow, SearchHit, SourceCount, Store, StoreStats, StoredArticle,
} from "../store.js";
import { openPgPool, type PgConnectOptions } from "./connect.js";
import { migratePg } from "./migrations.js";

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, "query">;

export type PgStoreOptions = PgConnectOptions;

/** Opens (creating and migrating the schema as needed) a PostgreSQL store at a postgres:// URL. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
  const { pool, schema } = await openPgPool(url, options);
  try {
    const client = await pool.connect();
    try {
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return new PgStore(pool, schema);
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

/** Drops undefined fields so rows compare and print cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Builds a parameter list: `p(value)` appends and returns its `$n`. */
function params(): { values: unknown[]; p: (v: unknown) => string } {
  const values: unknown[] = [];
  return { values, p: (v) => { values.push(v); return `$${values.length}`; } };
}

/** Date filter on ISO strings by their day (as SQLite's substr), appended to `where`. */
function dateClause(column: string, range: DateRange, where: string[], p: (v: unknown) => string): void {
  if (range.from) where.push(`substr(${column}, 1, 10) >= ${p(range.from.slice(0, 10))}`);
  if (range.to) where.push(`substr(${column}, 1, 10) <= ${p(range.to.slice(0, 10))}`);
}

function limitClause(page: Page): string {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = page.limit === undefined ? "ALL" : String(Math.max(0, Math.floor(page.limit)));
  return page.limit === undefined && !offset ? "" : ` LIMIT ${limit} OFFSET ${offset}`;
}

const likeEscape = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/** A list as a PostgreSQL array literal ('{"a","b"}'), every element quoted so commas, braces and spaces survive. */
function arrayLiteral(list: readonly string[] | undefined): string {
  return `{${(list ?? []).map((v) => `"${String(v).replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** Accents removed before text reaches to_tsvector (SQLite's remove_diacritics), without needing the unaccent extension. */
function ftsFold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "");
}


/** A 64-bit advisory-lock number for a string (first 8 bytes of its SHA-256, signed, as PostgreSQL's bigint wants). */
function lockNumber(s: string): bigint {
  return createHash("sha256").update(s).digest().readBigInt64BE(0);
}

/** Errors after which the whole put is tried again: a unique violation lost to a concurrent writer, a deadlock, a serialization failure. */
const RETRYABLE = new Set(["23505", "40P01", "40001"]);

/** The article tsvector: title weighted above body, as the SQLite store's two FTS5 columns. */
const ARTICLE_FTS = "setweight(to_tsvector('english', $T), 'A') || to_tsvector('english', $B)";

/** `unnest` of parameters $from.. with these element types, as `u(names…, ord)`; `ord` keeps insertion order (the listings' tie-break). */
function unnestFrom(from: number, cols: [string, string][]): string {
  return `unnest(${cols.map(([, type], i) => `$${from + i}::${type}[]`).join(", ")}) WITH ORDINALITY AS u(${cols.map(([n]) => n).join(", ")}, ord)`;
}

/** The parts of many articles in one statement: one data-modifying CTE per table; parameters in the order `insertParts` passes them. */
const INSERT_PARTS_SQL = `WITH
  e AS (INSERT INTO entities (article_seq, entity_id, type, name, name_fold, aliases, roles, affiliations, descriptors, country, lat, lon, mention_count)
    SELECT u.a, u.id, u.type, u.name, u.fold, u.aliases::text[], u.roles::text[], u.aff::text[], u.descr::text[], u.country, u.lat, u.lon, u.n
    FROM ${unnestFrom(1, [["a", "bigint"], ["id", "text"], ["type", "text"], ["name", "text"], ["fold", "text"], ["aliases", "text"], ["roles", "text"],
      ["aff", "text"], ["descr", "text"], ["country", "text"], ["lat", "float8"], ["lon", "float8"], ["n", "int"]])} ORDER BY u.ord),
  m AS (INSERT INTO mentions (article_seq, entity_id, start, "end")
    SELECT u.a, u.id, u.s, u.e FROM ${unnestFrom(14, [["a", "bigint"], ["id", "text"], ["s", "int"], ["e", "int"]])}),
  q AS (INSERT INTO quotes (article_seq, quote_id, kind, text, start, "end", cue, speaker, speaker_fold, speaker_entity, confidence, fts)
    SELECT u.a, u.id, u.kind, u.text, u.s, u.e, u.cue, u.speaker, u.fold, u.entity, u.conf,
      setweight(to_tsvector('english', u.fspeaker), 'A') || to_tsvector('english', u.fbody)
    FROM ${unnestFrom(18, [["a", "bigint"], ["id", "text"], ["kind", "text"], ["text", "text"], ["s", "int"], ["e", "int"], ["cue", "text"],
      ["speaker", "text"], ["fold", "text"], ["entity", "text"], ["conf", "float8"], ["fspeaker", "text"], ["fbody", "text"]])} ORDER BY u.ord),
  n AS (INSERT INTO quantities (article_seq, quantity_id, text, start, "end", value, low, high, bound, unit, counted, claimant, claimant_fold,
      claimant_entity, quote_id, time)
    SELECT u.a, u.id, u.text, u.s, u.e, u.value, u.low, u.high, u.bound, u.unit, u.counted, u.claimant, u.fold, u.entity, u.quote, u.time
    FROM ${unnestFrom(31, [["a", "bigint"], ["id", "text"], ["text", "text"], ["s", "int"], ["e", "int"], ["value", "float8"], ["low", "float8"],
      ["high", "float8"], ["bound", "text"], ["unit", "text"], ["counted", "text"], ["claimant", "text"], ["fold", "text"], ["entity", "text"],
      ["quote", "text"], ["time", "text"]])} ORDER BY u.ord),
  t AS (INSERT INTO times (article_seq, time_id, text, start, "end", value, type)
    SELECT u.a, u.id, u.text, u.s, u.e, u.value, u.type
    FROM ${unnestFrom(47, [["a", "bigint"], ["id", "text"], ["text", "text"], ["s", "int"], ["e", "int"], ["value", "text"], ["type", "text"]])} ORDER BY u.ord)
  INSERT INTO claims (article_seq, claim_id, text, start, "end", status, claimant, claimant_fold, claimant_entity, cues, quantity_ids, quote_ids)
    SELECT u.a, u.id, u.text, u.s, u.e, u.status, u.claimant, u.fold, u.entity, u.cues::text[], u.nums::text[], u.quotes::text[]
    FROM ${unnestFrom(54, [["a", "bigint"], ["id", "text"], ["text", "text"], ["s", "int"], ["e", "int"], ["status", "text"], ["claimant", "text"],
      ["fold", "text"], ["entity", "text"], ["cues", "text"], ["nums", "text"], ["quotes", "text"]])} ORDER BY u.ord`;

export class PgStore implements Store {
  constructor(readonly pool: pg.Pool, readonly schema: string) {}

  async put(record: ArticleRecord, options: PutOptions = {}): Promise<PutResult> {
    const key = articleKey(record.source, record.text);
    const hash = contentHash(record.source, record.text);
    // Two writers with the same key or the same content serialise on these locks (a key and a copy-by-content
    // look-up are what a put reads); taken in one global order, so two puts never wait on each other in a cycle.
    const locks = [lockNumber(key), lockNumber(`content:${hash}`)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    // One round trip: the numbers are ours (not user text), so they can be inlined in a simple multi-statement query.
    return this.lockedTransaction(`BEGIN; SELECT pg_advisory_xact_lock(${locks[0]}), pg_advisory_xact_lock(${locks[1]})`,
      (client) => this.putInTransaction(client, record, options, key, hash));
  }

  /** Runs `work` in a transaction opened by `begin` (BEGIN plus the advisory locks), retried on serialisation failures. */
  private async lockedTransaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query(begin);
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (attempt < 4 && RETRYABLE.has((e as { code?: string }).code ?? "")) continue;
        throw e;
      } finally {
        client.release();
      }
    }
  }

  /**
   * Puts many records in one transaction (a queue worker's batch): the same outcome as putting them one by one in
   * order, in a handful of statements for the whole batch. Records new to the store and alone in the batch on
   * their key, content and id (nearly all of a backfill) are inserted together: one look-up, one multi-row insert of
   * the articles, one statement for all their parts. Any other record takes the single-record path, in order, in
   * the same transaction. `select` runs first in the transaction and says which items to write (a worker keeps only
   * the jobs it still holds); `finish` runs last, before the commit, with each item's result (undefined if not
   * written), so a worker marks its jobs done in the transaction that stores their rows.
   */
  async putBatch(
    items: readonly { record: ArticleRecord; origin?: string }[],
    hooks: { select?: (c: Queryable) => Promise<boolean[]>; finish?: (c: Queryable, results: (PutResult | undefined)[]) => Promise<void> } = {},
  ): Promise<(PutResult | undefined)[]> {
    const ids = items.map(({ record }) => {
      const key = articleKey(record.source, record.text);
      return { key, hash: contentHash(record.source, record.text) };
    });
    // The locks of every key and content in the batch, in the one global order single puts use too.
    const locks = [...new Set(ids.flatMap(({ key, hash }) => [lockNumber(key), lockNumber(`content:${hash}`)]))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    // unnest yields the (sorted) array in order, so the locks are taken in that order.
    return this.lockedTransaction(`BEGIN; SELECT pg_advisory_xact_lock(l) FROM unnest('{${locks.join(",")}}'::bigint[]) AS l`, async (client) => {
      const keep = hooks.select ? await hooks.select(client) : items.map(() => true);
      const results = await this.putManyInTransaction(client, items, ids, keep);
      await hooks.finish?.(client, results);
      return results;
    });
  }

  private async putManyInTransaction(
    c: pg.PoolClient, items: readonly { record: ArticleRecord; origin?: string }[], ids: readonly { key: string; hash: string }[], keep: readonly boolean[],
  ): Promise<(PutResult | undefined)[]> {
    const results: (PutResult | undefined)[] = items.map(() => undefined);
    const live = items.map((_, i) => i).filter((i) => keep[i]);
    // Records sharing a key, a content or an id with another of the batch depend on each other's outcome.
    const count = new Map<string, number>();
    const bump = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
    for (const i of live) { bump(`k${ids[i]!.key}`); bump(`h${ids[i]!.hash}`); bump(`i${items[i]!.record.id}`); }
    const alone = live.filter((i) => count.get(`k${ids[i]!.key}`) === 1 && count.get(`h${ids[i]!.hash}`) === 1 && count.get(`i${items[i]!.record.id}`) === 1);
    // One look-up for the batch: which of those the store already knows by key, content or id.
    const known = alone.length
      ? (await c.query({
          name: "claimline_batch_known",
          text: `SELECT u.i::int AS i FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(k, h, id, i)
                 WHERE EXISTS (SELECT 1 FROM articles WHERE key = u.k) OR EXISTS (SELECT 1 FROM articles WHERE content_hash = u.h)
                    OR EXISTS (SELECT 1 FROM articles WHERE id = u.id)`,
          values: [alone.map((i) => ids[i]!.key), alone.map((i) => ids[i]!.hash), alone.map((i) => items[i]!.record.id)],
        })).rows.map((r) => alone[(r as { i: number }).i - 1]!)
      : [];
    const slow = new Set([...live.filter((i) => !alone.includes(i)), ...known]);
    const fresh = alone.filter((i) => !slow.has(i));
    if (fresh.length) {
      const now = new Date().toISOString();
      const col = (f: (i: number) => unknown) => fresh.map(f);
      const src = (i: number) => items[i]!.record.source;
      const rows = (await c.query({
        name: "claimline_batch_articles",
        text: `INSERT INTO articles (id, key, record_id, url, outlet, title, published, language, origin, content_hash, record_hash, version, stored_at, record, fts)
               SELECT u.id, u.key, u.id, u.url, u.outlet, u.title, u.published, u.language, u.origin, u.hash, u.rhash, 1, $14, u.record,
                 setweight(to_tsvector('english', u.ftitle), 'A') || to_tsvector('english', coalesce(u.fbody, ''))
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                 string_to_array($11, chr(1)), $12::text[], string_to_array($13, chr(1))) WITH ORDINALITY AS u(id, key, url, outlet, title, published, language, origin, hash, rhash, record, ftitle, fbody, ord)
               ORDER BY u.ord RETURNING seq, key`,
        values: [
          col((i) => items[i]!.record.id), col((i) => ids[i]!.key), col((i) => src(i).url ?? null), col((i) => src(i).outlet ?? null),
          col((i) => src(i).title ?? null), col((i) => src(i).published ?? null), col((i) => src(i).language ?? null), col((i) => items[i]!.origin ?? null),
          col((i) => ids[i]!.hash), col((i) => extractionHash(items[i]!.record)),
          // The two big texts of each article travel as one parameter cut at U+0001 rather than as an array literal:
          // no quoting and unquoting of every character on either side. JSON.stringify never emits a raw U+0001,
          // and the folded body has none (control characters carry no words).
          col((i) => JSON.stringify(items[i]!.record)).join("\u0001"),
          col((i) => ftsFold(src(i).title ?? "")), col((i) => ftsFold(items[i]!.record.text).replace(/\u0001/g, " ")).join("\u0001"), now,
        ],
      })).rows as { seq: string; key: string }[];
      const seqOf = new Map(rows.map((r) => [r.key, String(r.seq)]));
      await this.insertParts(c, fresh.map((i) => ({ seq: seqOf.get(ids[i]!.key)!, record: items[i]!.record })));
      for (const i of fresh) results[i] = { status: "inserted", id: items[i]!.record.id, key: ids[i]!.key, version: 1 };
    }
    // The rest one by one, in batch order, each seeing what the earlier ones wrote.
    for (const i of live) {
      if (slow.has(i)) results[i] = await this.putInTransaction(c, items[i]!.record, { origin: items[i]!.origin }, ids[i]!.key, ids[i]!.hash);
    }
    return results;
  }

  private async putInTransaction(c: pg.PoolClient, record: ArticleRecord, options: PutOptions, key: string, hash: string): Promise<PutResult> {
    const json = JSON.stringify(record);
    const recordHash = extractionHash(record);
    const now = new Date().toISOString();
    const s = record.source;
    // Everything a put decides on, in one round trip: the article with this key, the first copy of this content,
    // and whether the record id is taken.
    const found = (await c.query(
      `SELECT (SELECT row_to_json(x) FROM (SELECT seq, id, content_hash, record_hash, version, origin, stored_at, record FROM articles WHERE key = $1) x) AS existing,
              (SELECT row_to_json(x) FROM (SELECT seq, id, key, version FROM articles WHERE content_hash = $2 ORDER BY seq LIMIT 1) x) AS copy,
              EXISTS (SELECT 1 FROM articles WHERE id = $3) AS taken`,
      [key, hash, record.id],
    )).rows[0] as { existing: Row | null; copy: Row | null; taken: boolean };
    const existing = found.existing ?? undefined;
    const ftsTitle = ftsFold(s.title ?? "");
    const ftsBody = ftsFold(record.text);
    if (!existing) {
      const copy = found.copy ?? undefined;
      if (copy && key.startsWith("url:") && (copy.key as string).startsWith("hash:")) {
        // Text first stored without a URL now comes with one: the same article, which takes the URL as its identity.
        await c.query(
          `UPDATE articles SET key = $1, url = $2, outlet = $3, title = $4, published = $5, language = $6, record_hash = $7, record = $8,
           record_id = $9, fts = ${ARTICLE_FTS.replace("$T", "$10").replace("$B", "$11")} WHERE seq = $12`,
          [key, s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, recordHash, json, record.id, ftsTitle, ftsBody, copy.seq],
        );
        await this.replaceParts(c, String(copy.seq), record);
        return { status: "reextracted", id: copy.id as string, key, version: copy.version as number };
      }
      // The same content under another URL (a syndicated copy) or without one: the first copy is kept.
      if (copy) return { status: "duplicate", id: copy.id as string, key: copy.key as string, version: copy.version as number };
      const taken = found.taken;
      // Two keys with one record id (rare: one text given with and without a URL) must still be two articles.
      const id = taken ? createHash("sha1").update(key).digest("hex").slice(0, 16) : record.id;
      const inserted = await c.query(
        `INSERT INTO articles (id, key, record_id, url, outlet, title, published, language, origin, content_hash, record_hash, version, stored_at, record, fts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13, ${ARTICLE_FTS.replace("$T", "$14").replace("$B", "$15")}) RETURNING seq`,
        [id, key, record.id, s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, options.origin ?? null, hash, recordHash, now, json, ftsTitle, ftsBody],
      );
      await this.insertParts(c, [{ seq: String(inserted.rows[0].seq), record }]);
      return { status: "inserted", id, key, version: 1 };
    }
    const seq = String(existing.seq);
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
      await c.query(
        `UPDATE articles SET record_hash = $1, record = $2, record_id = $3, outlet = $4, title = $5, published = $6, language = $7,
         fts = ${ARTICLE_FTS.replace("$T", "$8").replace("$B", "$9")} WHERE seq = $10`,
        [recordHash, json, record.id, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, ftsTitle, ftsBody, seq],
      );
      await this.replaceParts(c, seq, record);
      return { status: "reextracted", id, key, version };
    }
    await c.query(
      "INSERT INTO article_versions (article_seq, version, content_hash, origin, stored_at, replaced_at, record) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      [seq, version, existing.content_hash, existing.origin ?? null, existing.stored_at, now, existing.record],
    );
    await c.query(
      `UPDATE articles SET url = $1, outlet = $2, title = $3, published = $4, language = $5, origin = $6, content_hash = $7, record_hash = $8,
       version = $9, stored_at = $10, record = $11, record_id = $12, fts = ${ARTICLE_FTS.replace("$T", "$13").replace("$B", "$14")} WHERE seq = $15`,
      [s.url ?? null, s.outlet ?? null, s.title ?? null, s.published ?? null, s.language ?? null, options.origin ?? null, hash, recordHash,
        version + 1, now, json, record.id, ftsTitle, ftsBody, seq],
    );
    await this.replaceParts(c, seq, record);
    return { status: "updated", id, key, version: version + 1 };
  }

  private async replaceParts(c: pg.PoolClient, seq: string, record: ArticleRecord): Promise<void> {
    // One statement: the data-modifying CTEs all run, whatever the outer query reads.
    await c.query(
      `WITH e AS (DELETE FROM entities WHERE article_seq = $1), m AS (DELETE FROM mentions WHERE article_seq = $1),
        q AS (DELETE FROM quotes WHERE article_seq = $1), n AS (DELETE FROM quantities WHERE article_seq = $1),
        t AS (DELETE FROM times WHERE article_seq = $1) DELETE FROM claims WHERE article_seq = $1`,
      [seq],
    );
    await this.insertParts(c, [{ seq, record }]);
  }

  /**
   * Inserts the parts of one or many articles in one statement (a data-modifying CTE per table, each unnesting
   * parallel arrays server-side), so a put costs the same few round trips whatever the size of the records, and a
   * batch of articles one statement. The statement's text never changes, so it is prepared once per connection.
   * List columns travel as PostgreSQL array literals, which the server parses far faster than JSON.
   */
  private async insertParts(c: Queryable, articles: readonly { seq: string; record: ArticleRecord }[]): Promise<void> {
    const E: unknown[][] = Array.from({ length: 13 }, () => []);
    const M: unknown[][] = [[], [], [], []];
    const Q: unknown[][] = Array.from({ length: 13 }, () => []);
    const N: unknown[][] = Array.from({ length: 16 }, () => []);
    const T: unknown[][] = Array.from({ length: 7 }, () => []);
    const C: unknown[][] = Array.from({ length: 12 }, () => []);
    const push = (cols: unknown[][], row: unknown[]) => { for (let i = 0; i < row.length; i++) cols[i]!.push(row[i]); };
    for (const { seq, record: r } of articles) {
      const { entities, byFold, nameOf } = entityTable(r);
      for (const e of entities) {
        push(E, [seq, e.id, e.type, e.name, foldName(e.name), arrayLiteral(e.aliases), arrayLiteral(e.roles),
          arrayLiteral((e.affiliations ?? []).map((x) => nameOf.get(x) ?? x)), arrayLiteral(e.descriptors), e.geo?.country ?? null,
          e.geo?.lat ?? null, e.geo?.lon ?? null, e.mentions?.length ?? 0]);
        for (const [start, end] of e.mentions ?? []) push(M, [seq, e.id, start, end]);
      }
      for (const x of r.quotes ?? []) {
        push(Q, [seq, x.id, x.kind, x.text, x.span?.[0] ?? null, x.span?.[1] ?? null, x.cue?.text ?? null, x.speaker?.name ?? null,
          x.speaker ? foldName(x.speaker.name) : null, resolveRef(x.speaker, byFold) ?? null, x.confidence ?? null,
          ftsFold(x.speaker?.name ?? ""), ftsFold(x.text)]);
      }
      for (const x of r.quantities ?? []) {
        push(N, [seq, x.id, x.text, x.span?.[0] ?? null, x.span?.[1] ?? null, x.value ?? null, x.low ?? null, x.high ?? null, x.bound,
          x.unit ?? null, x.counted ?? null, x.claimant?.name ?? null, x.claimant ? foldName(x.claimant.name) : null,
          resolveRef(x.claimant, byFold) ?? null, x.quote ?? null, x.time ?? null]);
      }
      for (const x of r.times ?? []) push(T, [seq, x.id, x.text, x.span?.[0] ?? null, x.span?.[1] ?? null, x.value, x.type]);
      for (const x of r.claims ?? []) {
        push(C, [seq, x.id, x.text, x.span?.[0] ?? null, x.span?.[1] ?? null, x.status, x.claimant?.name ?? null,
          x.claimant ? foldName(x.claimant.name) : null, resolveRef(x.claimant, byFold) ?? null,
          arrayLiteral((x.cues ?? []).map((cue) => cue.text)), arrayLiteral(x.quantities), arrayLiteral(x.quotes)]);
      }
    }
    await c.query({ name: "claimline_insert_parts", text: INSERT_PARTS_SQL, values: [...E, ...M, ...Q, ...N, ...T, ...C] });
  }

  private async findSeq(id: string): Promise<string | undefined> {
    const row = (await this.pool.query("SELECT seq FROM articles WHERE id = $1 OR key = $1 ORDER BY seq LIMIT 1", [id])).rows[0] as Row | undefined;
    if (row) return row.seq as string;
    // A record id of a later version (same URL gives the same id, so this is for URL-less articles).
    const byRecordId = (await this.pool.query("SELECT seq FROM articles WHERE record_id = $1 ORDER BY seq LIMIT 1", [id])).rows[0] as Row | undefined;
    return byRecordId?.seq as string | undefined;
  }

  async get(id: string): Promise<ArticleRecord | undefined> {
    const seq = await this.findSeq(id);
    if (seq === undefined) return undefined;
    const row = (await this.pool.query("SELECT record FROM articles WHERE seq = $1", [seq])).rows[0] as Row | undefined;
    return row ? (JSON.parse(row.record as string) as ArticleRecord) : undefined;
  }

  async getByUrl(url: string): Promise<ArticleRecord | undefined> {
    return this.get(`url:${canonicalUrl(url)}`);
  }

  async history(id: string): Promise<ArticleVersion[]> {
    const seq = await this.findSeq(id);
    if (seq === undefined) return [];
    // One statement, so the current version and the old ones are read from one snapshot.
    const rows = (await this.pool.query(
      `SELECT version, content_hash, stored_at, replaced_at, record FROM article_versions WHERE article_seq = $1
       UNION ALL SELECT version, content_hash, stored_at, NULL, record FROM articles WHERE seq = $1 ORDER BY version`,
      [seq],
    )).rows as Row[];
    return rows.map((r) =>
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
    const rows = (await this.pool.query("SELECT key, content_hash FROM articles")).rows as Row[];
    return new Set(rows.map((r) => `${r.key as string}\t${r.content_hash as string}`));
  }

  /** Which of these `key\tcontentHash` strings the store holds: the check an enqueue makes per batch, without loading every key. */
  async hasContentKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = (await this.pool.query(
      "SELECT key || E'\\t' || content_hash AS k FROM articles WHERE key = ANY($1::text[])",
      [[...new Set(keys.map((k) => k.split("\t")[0]!))]],
    )).rows as Row[];
    const held = new Set(rows.map((r) => r.k as string));
    return new Set(keys.filter((k) => held.has(k)));
  }

  async stats(): Promise<StoreStats> {
    const row = (await this.pool.query(
      `SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM article_versions)::int AS old_versions,
        (SELECT count(*) FROM quotes)::int AS quotes, (SELECT count(*) FROM quantities)::int AS quantities,
        (SELECT count(*) FROM entities)::int AS entities, (SELECT count(*) FROM times)::int AS times, (SELECT count(*) FROM claims)::int AS claims`,
    )).rows[0] as Record<string, number>;
    return {
      articles: row.articles!, versions: row.articles! + row.old_versions!, quotes: row.quotes!, quantities: row.quantities!,
      entities: row.entities!, times: row.times!, claims: row.claims!,
    };
  }

  async articles(filter: ArticleFilter = {}): Promise<StoredArticle[]> {
    const where: string[] = [];
    const { values, p } = params();
    if (filter.outlet) where.push(`lower(a.outlet) = lower(${p(filter.outlet)})`);
    dateClause("a.published", filter, where, p);
    const sql = `SELECT a.seq, a.id, a.key, a.url, a.outlet, a.title, a.published, a.language, a.origin, a.content_hash, a.version, a.stored_at,
      (SELECT count(*) FROM quotes q WHERE q.article_seq = a.seq)::int AS n_quotes,
      (SELECT count(*) FROM quantities q WHERE q.article_seq = a.seq)::int AS n_quantities,
      (SELECT count(*) FROM entities e WHERE e.article_seq = a.seq)::int AS n_entities
      FROM articles a ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published NULLS FIRST, a.seq${limitClause(filter)}`;
    return ((await this.pool.query(sql, values)).rows as Row[]).map((r) =>
      compact({
        id: r.id as string, key: r.key as string, url: str(r.url), outlet: str(r.outlet), title: str(r.title), published: str(r.published),
        language: str(r.language), origin: str(r.origin), contentHash: r.content_hash as string, version: r.version as number,
        storedAt: r.stored_at as string, quotes: r.n_quotes as number, quantities: r.n_quantities as number, entities: r.n_entities as number,
      }),
    );
  }

  async quotes(filter: QuoteFilter = {}): Promise<QuoteRow[]> {
    const where: string[] = [];
    const { values, p } = params();
    if (filter.speaker) where.push(`q.speaker_fold LIKE ${p(`%${likeEscape(foldName(filter.speaker))}%`)} ESCAPE '\\'`);
    if (filter.outlet) where.push(`lower(a.outlet) = lower(${p(filter.outlet)})`);
    if (filter.kind) where.push(`q.kind = ${p(filter.kind)}`);
    if (filter.text) {
      // The index finds candidates on speaker and body; ts_filter keeps matches in the body (weight D) only, as FTS5's `body :`.
      const query = `websearch_to_tsquery('english', ${p(ftsFold(filter.text))})`;
      where.push(`q.fts @@ ${query} AND ts_filter(q.fts, '{d}') @@ ${query}`);
    }
    dateClause("a.published", filter, where, p);
    const sql = `SELECT q.quote_id, q.kind, q.text, q.cue, q.speaker, q.speaker_entity, q.confidence, a.id AS article_id, a.outlet, a.published, a.title, a.url,
        e.type AS e_type, e.roles AS e_roles, e.affiliations AS e_affiliations, e.country AS e_country
      FROM quotes q JOIN articles a ON a.seq = q.article_seq
      LEFT JOIN entities e ON e.article_seq = q.article_seq AND e.entity_id = q.speaker_entity
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published NULLS FIRST, a.seq, q.seq${limitClause(filter)}`;
    return ((await this.pool.query(sql, values)).rows as Row[]).map((r) =>
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
    const { values, p } = params();
    // ILIKE: SQLite's LIKE ignores case.
    if (filter.counted) where.push(`q.counted ILIKE ${p(`%${likeEscape(filter.counted)}%`)} ESCAPE '\\'`);
    if (filter.withCounted) where.push("q.counted IS NOT NULL AND q.counted <> ''");
    if (filter.claimant) where.push(`q.claimant_fold LIKE ${p(`%${likeEscape(foldName(filter.claimant))}%`)} ESCAPE '\\'`);
    dateClause("coalesce(q.time, a.published)", filter, where, p);
    const sql = `SELECT q.*, a.id AS article_id, a.outlet, a.published, a.title, a.url
      FROM quantities q JOIN articles a ON a.seq = q.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published NULLS FIRST, a.seq, q.seq${limitClause(filter)}`;
    return ((await this.pool.query(sql, values)).rows as Row[]).map((r) =>
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
    const { values, p } = params();
    if (filter.type) where.push(`e.type = ${p(filter.type)}`);
    if (filter.name) {
      const folded = p(`%${likeEscape(foldName(filter.name))}%`);
      const plain = p(`%${likeEscape(filter.name)}%`);
      where.push(`(e.name_fold LIKE ${folded} ESCAPE '\\' OR EXISTS (SELECT 1 FROM unnest(e.aliases) AS al WHERE al ILIKE ${plain} ESCAPE '\\'))`);
    }
    const sql = `SELECT e.*, a.id AS article_id, a.published, a.outlet FROM entities e JOIN articles a ON a.seq = e.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published NULLS FIRST, a.seq, e.seq${limitClause(filter)}`;
    return ((await this.pool.query(sql, values)).rows as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, entityId: r.entity_id as string, type: r.type as string, name: r.name as string,
        aliases: list(r.aliases), mentions: r.mention_count as number, roles: list(r.roles), affiliations: list(r.affiliations),
        descriptors: list(r.descriptors), country: str(r.country), published: str(r.published), outlet: str(r.outlet),
      }),
    );
  }

  async claims(filter: DateRange & Page & { withClaimant?: boolean } = {}): Promise<ClaimRow[]> {
    const where: string[] = [];
    const { values, p } = params();
    if (filter.withClaimant) where.push("c.claimant IS NOT NULL");
    dateClause("a.published", filter, where, p);
    const sql = `SELECT c.*, a.id AS article_id, a.published, a.outlet, a.url, a.title FROM claims c JOIN articles a ON a.seq = c.article_seq
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.published NULLS FIRST, a.seq, c.seq${limitClause(filter)}`;
    return ((await this.pool.query(sql, values)).rows as Row[]).map((r) =>
      compact({
        articleId: r.article_id as string, claimId: r.claim_id as string, text: r.text as string, status: r.status as ClaimRow["status"],
        claimant: str(r.claimant), claimantEntity: str(r.claimant_entity), cues: list(r.cues), published: str(r.published),
        outlet: str(r.outlet), url: str(r.url), title: str(r.title),
      }),
    );
  }

  async sourceCounts(options: { byOutlet?: boolean } = {}): Promise<SourceCount[]> {
    const group = options.byOutlet ? "q.speaker_fold, a.outlet" : "q.speaker_fold";
    const sql = `SELECT min(q.speaker) AS speaker, ${options.byOutlet ? "a.outlet" : "NULL::text"} AS outlet, count(*)::int AS quotes,
        (count(*) FILTER (WHERE q.kind = 'direct'))::int AS direct, (count(*) FILTER (WHERE q.kind = 'indirect'))::int AS indirect,
        (count(*) FILTER (WHERE q.kind = 'mixed'))::int AS mixed, count(DISTINCT q.article_seq)::int AS articles
      FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.speaker_fold IS NOT NULL AND q.speaker_fold <> ''
      GROUP BY ${group} ORDER BY quotes DESC, speaker`;
    return ((await this.pool.query(sql)).rows as Row[]).map((r) =>
      compact({
        speaker: r.speaker as string, outlet: str(r.outlet), quotes: r.quotes as number, direct: r.direct as number,
        indirect: r.indirect as number, mixed: r.mixed as number, articles: r.articles as number,
      }),
    );
  }

  /**
   * Full-text search with PostgreSQL's web-search syntax (plain words, "phrases", OR, -word), which never
   * fails on punctuation. Ranks are negated ts_rank so that, as with bm25 on SQLite, lower is better.
   */
  async search(query: string, options: Page = {}): Promise<SearchHit[]> {
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    // Article and quote hits are ranked together, so each side is asked for enough rows to fill the page.
    const limit = Math.max(0, Math.floor(options.limit ?? 20));
    const folded = ftsFold(query).trim();
    if (!folded || !limit) return [];
    const headline = "'StartSel=[, StopSel=], MaxFragments=1, MaxWords=24, MinWords=8, FragmentDelimiter=…'";
    const [articles, quotes] = await Promise.all([
      this.pool.query(
        `SELECT a.id, a.title, a.published, a.outlet, ts_headline('english', a.record::json->>'text', t.query, ${headline}) AS snip, -t.r AS rank
         FROM (SELECT a.seq, ts_rank(a.fts, query) AS r, query FROM articles a, websearch_to_tsquery('english', $1) AS query
               WHERE a.fts @@ query ORDER BY r DESC, a.seq LIMIT $2) t
         JOIN articles a ON a.seq = t.seq ORDER BY t.r DESC, t.seq`,
        [folded, limit + offset],
      ),
      this.pool.query(
        `SELECT a.id, a.title, a.published, a.outlet, q.quote_id, q.speaker, ts_headline('english', q.text, t.query, ${headline}) AS snip, -t.r AS rank
         FROM (SELECT q.seq, ts_rank(q.fts, query) AS r, query FROM quotes q, websearch_to_tsquery('english', $1) AS query
               WHERE q.fts @@ query ORDER BY r DESC, q.seq LIMIT $2) t
         JOIN quotes q ON q.seq = t.seq JOIN articles a ON a.seq = q.article_seq ORDER BY t.r DESC, t.seq`,
        [folded, limit + offset],
      ),
    ]);
    const hits: SearchHit[] = [
      ...(articles.rows as Row[]).map((r) => compact<SearchHit>({
        articleId: r.id as string, kind: "article", title: str(r.title), published: str(r.published), outlet: str(r.outlet),
        snippet: r.snip as string, rank: r.rank as number,
      })),
      ...(quotes.rows as Row[]).map((r) => compact<SearchHit>({
        articleId: r.id as string, kind: "quote", quoteId: str(r.quote_id), speaker: str(r.speaker), title: str(r.title),
        published: str(r.published), outlet: str(r.outlet), snippet: r.snip as string, rank: r.rank as number,
      })),
    ];
    // A stable sort: equal ranks keep articles before quotes and each side's own order, so pages line up.
    return hits.sort((a, b) => a.rank - b.rank).slice(offset, offset + limit);
  }

  async *records(): AsyncIterable<ArticleRecord> {
    // Pages by seq rather than holding a cursor open, so a consumer may query the store between records.
    let after = "0";
    for (;;) {
      const rows = (await this.pool.query("SELECT seq, record FROM articles WHERE seq > $1 ORDER BY seq LIMIT 200", [after])).rows as Row[];
      if (!rows.length) return;
      for (const r of rows) yield JSON.parse(r.record as string) as ArticleRecord;
      after = rows[rows.length - 1]!.seq as string;
    }
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
