// The job queue's tables in PostgreSQL: one row per article to extract, keyed by its content key; versioned like the store's schema.
import type pg from "pg";

interface QueueMigration {
  version: number;
  name: string;
  sql: string;
}

/** Append new steps at the end; never edit a step that has shipped. */
export const QUEUE_MIGRATIONS: readonly QueueMigration[] = [
  {
    version: 1,
    name: "extraction jobs",
    sql: `
      CREATE TABLE claimline_jobs (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        -- the article's content key (identity + content hash): enqueueing the same article twice finds this row
        key TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        -- the ingested article (text + metadata) as JSON; cleared once the job is done, the store then holds it
        payload TEXT,
        -- queued (waiting, maybe for a retry at run_at) | running (leased) | done | dead (out of attempts)
        state TEXT NOT NULL DEFAULT 'queued',
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        run_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        locked_by TEXT,
        locked_until TIMESTAMPTZ,
        last_error TEXT,
        -- what the store's put said (inserted, unchanged, duplicate, ...)
        result TEXT,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        started_at TIMESTAMPTZ,
        finished_at TIMESTAMPTZ
      );
      -- Partial indexes: the claim query reads only waiting or leased rows, however many done rows pile up.
      CREATE INDEX claimline_jobs_waiting ON claimline_jobs (run_at, id) WHERE state = 'queued';
      CREATE INDEX claimline_jobs_leased ON claimline_jobs (locked_until) WHERE state = 'running';
      CREATE INDEX claimline_jobs_dead ON claimline_jobs (finished_at) WHERE state = 'dead';
      -- Payloads are article texts: lz4 when the server has it (faster than the default pglz).
      DO $$ BEGIN
        ALTER TABLE claimline_jobs ALTER COLUMN payload SET COMPRESSION lz4;
      EXCEPTION WHEN OTHERS THEN NULL;
      END $$;
    `,
  },
];

/** Any fixed number, different from the store's: the lock held while the queue's schema is migrated. */
const QUEUE_MIGRATION_LOCK = 0x636c7175; // "clqu"

/** Creates or upgrades the queue's tables in the connection's schema, once, under an advisory lock. */
export async function migrateQueue(client: pg.PoolClient): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [QUEUE_MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS claimline_queue_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const applied = new Set((await client.query<{ version: number }>("SELECT version FROM claimline_queue_migrations")).rows.map((r) => r.version));
    const newest = QUEUE_MIGRATIONS[QUEUE_MIGRATIONS.length - 1]!.version;
    if (Math.max(0, ...applied) > newest) throw new Error(`queue schema version ${Math.max(...applied)} is newer than this claimline knows (${newest}): upgrade claimline`);
    for (const step of QUEUE_MIGRATIONS) {
      if (applied.has(step.version)) continue;
      await client.query(step.sql);
      await client.query("INSERT INTO claimline_queue_migrations (version, name) VALUES ($1, $2)", [step.version, step.name]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
