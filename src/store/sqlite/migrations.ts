// Versioned schema of the SQLite store: numbered steps, each applied once in its own transaction and recorded.
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append new steps at the end; never edit a step that has shipped (stores in the wild have applied it). */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, versions, entities, mentions, quotes, quantities, times, claims, full-text search",
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        url TEXT, outlet TEXT, title TEXT, published TEXT, language TEXT, origin TEXT,
        content_hash TEXT NOT NULL,
        record_hash TEXT NOT NULL,
        version INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_outlet ON articles(outlet);
      CREATE INDEX articles_content ON articles(content_hash);
      CREATE TABLE article_versions (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        version INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        origin TEXT,
        stored_at TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_seq, version)
      );
      CREATE TABLE entities (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        entity_id TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        name_fold TEXT NOT NULL,
        aliases TEXT NOT NULL,
        roles TEXT NOT NULL,
        affiliations TEXT NOT NULL,
        descriptors TEXT NOT NULL,
        country TEXT, lat REAL, lon REAL,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_seq, entity_id)
      );
      CREATE INDEX entities_fold ON entities(name_fold);
      CREATE INDEX entities_type ON entities(type);
      CREATE TABLE mentions (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        entity_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
      );
      CREATE INDEX mentions_article ON mentions(article_seq, entity_id);
      CREATE TABLE quotes (
        seq INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        quote_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, end INTEGER,
        cue TEXT,
        speaker TEXT, speaker_fold TEXT, speaker_entity TEXT,
        confidence REAL
      );
      CREATE INDEX quotes_article ON quotes(article_seq);
      CREATE INDEX quotes_speaker ON quotes(speaker_fold);
      CREATE TABLE quantities (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        quantity_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, end INTEGER,
        value REAL, low REAL, high REAL,
        bound TEXT NOT NULL,
        unit TEXT, counted TEXT,
        claimant TEXT, claimant_fold TEXT, claimant_entity TEXT,
        quote_id TEXT, time TEXT
      );
      CREATE INDEX quantities_article ON quantities(article_seq);
      CREATE INDEX quantities_counted ON quantities(counted);
      CREATE TABLE times (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        time_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, end INTEGER,
        value TEXT NOT NULL,
        type TEXT NOT NULL
      );
      CREATE INDEX times_article ON times(article_seq);
      CREATE TABLE claims (
        article_seq INTEGER NOT NULL REFERENCES articles(seq),
        claim_id TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER, end INTEGER,
        status TEXT NOT NULL,
        claimant TEXT, claimant_fold TEXT, claimant_entity TEXT,
        cues TEXT NOT NULL,
        quantity_ids TEXT NOT NULL,
        quote_ids TEXT NOT NULL
      );
      CREATE INDEX claims_article ON claims(article_seq);
      -- rowid = articles.seq / quotes.seq, so an article's rows are deleted by key, not by a scan.
      -- porter: English stemming, so "prisoner exchange" finds "prisoners were exchanged".
      CREATE VIRTUAL TABLE article_fts USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE quote_fts USING fts5(speaker, body, tokenize = 'porter unicode61 remove_diacritics 2');
    `,
  },
];

/** Applies the steps a database has not seen yet; returns the schema version it ends at. */
export function migrate(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all() as number[]);
  const record = db.prepare<[number, string, string]>("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  let current = applied.size ? Math.max(...applied) : 0;
  const newest = MIGRATIONS[MIGRATIONS.length - 1]!.version;
  // Checked before touching anything: steps this claimline knows may not fit a schema it does not.
  if (current > newest) throw new Error(`store schema version ${current} is newer than this claimline knows (${newest}): upgrade claimline`);
  for (const step of MIGRATIONS) {
    if (applied.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }).immediate();
    current = Math.max(current, step.version);
  }
  return current;
}
