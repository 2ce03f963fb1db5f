// Versioned schema of the PostgreSQL store: the SQLite store's tables with the same meaning, tsvector search, applied once under a lock.
import type pg from "pg";

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Append new steps at the end; never edit a step that has shipped. Version 1 has the meaning of the SQLite
 * store's version 1 (same tables, same columns); the differences are PostgreSQL's: bigint identities for the
 * billion-row tables, text[] for lists, a `record_id` column instead of json_extract, tsvector columns with GIN
 * indexes instead of FTS5 tables, and `COLLATE "C"` on the text the listings sort by, so orders are byte orders as in SQLite.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: "articles, versions, entities, mentions, quotes, quantities, times, claims, full-text search",
    sql: `
      CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        record_id TEXT NOT NULL,
        url TEXT, outlet TEXT COLLATE "C", title TEXT, published TEXT COLLATE "C", language TEXT, origin TEXT,
        content_hash TEXT NOT NULL,
        record_hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        record TEXT NOT NULL,
        fts TSVECTOR NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_outlet ON articles(lower(outlet));
      CREATE INDEX articles_content ON articles(content_hash);
      CREATE INDEX articles_record_id ON articles(record_id);
      CREATE INDEX articles_fts ON articles USING GIN (fts);
      CREATE TABLE article_versions (
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        origin TEXT,
        stored_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_seq, version)
      );
      CREATE TABLE entities (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        aliases TEXT[] NOT NULL,
        roles TEXT[] NOT NULL,
        affiliations TEXT[] NOT NULL,
        descriptors TEXT[] NOT NULL,
        country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
        mention_count INTEGER NOT NULL,
        UNIQUE (article_seq, entity_id)
      );
      CREATE INDEX entities_fold ON entities(name_fold text_pattern_ops);
      CREATE INDEX entities_type ON entities(type);
      CREATE TABLE mentions (
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
      );
      CREATE INDEX mentions_article ON mentions(article_seq, entity_id);
      CREATE TABLE quotes (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        quote_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, "end" INTEGER,
        cue TEXT,
        speaker TEXT COLLATE "C", speaker_fold TEXT COLLATE "C", speaker_entity TEXT,
        confidence DOUBLE PRECISION,
        fts TSVECTOR NOT NULL
      );
      CREATE INDEX quotes_article ON quotes(article_seq);
      CREATE INDEX quotes_speaker ON quotes(speaker_fold);
      CREATE INDEX quotes_fts ON quotes USING GIN (fts);
      CREATE TABLE quantities (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        quantity_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, "end" INTEGER,
        value DOUBLE PRECISION, low DOUBLE PRECISION, high DOUBLE PRECISION,
        bound TEXT NOT NULL,
        unit TEXT, counted TEXT,
        claimant TEXT, claimant_fold TEXT, claimant_entity TEXT,
        quote_id TEXT, time TEXT COLLATE "C"
      );
      CREATE INDEX quantities_article ON quantities(article_seq);
      CREATE INDEX quantities_counted ON quantities(counted);
      CREATE TABLE times (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        time_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, "end" INTEGER,
        value TEXT NOT NULL,
        type TEXT NOT NULL
      );
      CREATE INDEX times_article ON times(article_seq);
      CREATE TABLE claims (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq BIGINT NOT NULL REFERENCES articles(seq),
        claim_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, "end" INTEGER,
        status TEXT NOT NULL,
        claimant TEXT, claimant_fold TEXT, claimant_entity TEXT,
        cues TEXT[] NOT NULL,
        quantity_ids TEXT[] NOT NULL,
        quote_ids TEXT[] NOT NULL
      );
      CREATE INDEX claims_article ON claims(article_seq);
      -- The record JSON is most of an article's bytes: lz4 compresses it several times faster than the default
      -- pglz, for a little more space. A server built without lz4 keeps the default (hence the handler).
      DO $$ BEGIN
        ALTER TABLE articles ALTER COLUMN record SET COMPRESSION lz4;
        ALTER TABLE article_versions ALTER COLUMN record SET COMPRESSION lz4;
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;
    `,
  },
];

/** Any fixed number: the lock every process takes while migrating, so workers starting together migrate once. */
const MIGRATION_LOCK = 0x636c6d6c; // "clml"

/** Applies the steps the schema has not seen yet, in one transaction under an advisory lock; returns the version it ends at. */
export async function migratePg(client: pg.PoolClient): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    let current = applied.size ? Math.max(...applied) : 0;
    const newest = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
    // Checked before touching anything: steps this claimline knows may not fit a schema it does not.
    if (current > newest) throw new Error(`store schema version ${current} is newer than this claimline knows (${newest}): upgrade claimline`);
    for (const step of PG_MIGRATIONS) {
      if (applied.has(step.version)) continue;
      await client.query(step.sql);
      await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [step.version, step.name, new Date().toISOString()]);
      current = Math.max(current, step.version);
    }
    await client.query("COMMIT");
    return current;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
