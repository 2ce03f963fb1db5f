// Connection settings for PostgreSQL: a postgres:// URL (with an optional ?schema=) becomes a small pg Pool bound to that schema.
import pg from "pg";

export interface PgConnectOptions {
  /** the schema holding claimline's tables (default: the URL's `?schema=`, else `public`) */
  schema?: string;
  /** connections in the pool; a store needs few, since one article is one short transaction */
  max?: number;
  /** how long to wait for a connection before failing, in ms */
  connectTimeoutMs?: number;
  /**
   * Commit without waiting for the WAL flush (synchronous_commit=off). Queue workers use it: a server crash can
   * lose only the last commits, in order, so a lost put also loses its job's completion, and the job is simply
   * retried (puts are idempotent). Never for an enqueue, whose report the user relies on.
   */
  asyncCommit?: boolean;
}

/** A schema name safe to put in a search_path without quoting surprises. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Splits claimline's own `schema` parameter off a URL, leaving what pg understands. */
export function parsePgUrl(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  return { connectionString: u.toString(), schema };
}

/** Hides the password of a URL for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:…@");
}

/** Opens a pool whose connections all use `schema` (created if absent). Errors of idle connections are reported, not thrown. */
export async function openPgPool(url: string, options: PgConnectOptions = {}): Promise<{ pool: pg.Pool; schema: string }> {
  const parsed = parsePgUrl(url);
  const schema = options.schema ?? parsed.schema ?? "public";
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a usable schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: parsed.connectionString,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    // Every connection of the pool sees claimline's tables first; set at connection start, so no query can miss it.
    options: `-c search_path=${schema},public${options.asyncCommit ? " -c synchronous_commit=off" : ""}`,
    // The URL's own application_name wins (the benchmark tells its workers' connections apart by it).
    application_name: new URL(parsed.connectionString).searchParams.get("application_name") ?? "claimline",
  });
  // A server restart kills idle connections: the pool drops them; without a listener Node would crash the process.
  pool.on("error", (e) => process.emitWarning(`claimline: PostgreSQL connection lost: ${e.message}`));
  try {
    const client = await pool.connect();
    try {
      // Two workers starting together may both create it: the loser's "already exists" is no error.
      if (schema !== "public") await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((e: { code?: string }) => {
        if (e.code !== "23505" && e.code !== "42P06") throw e;
      });
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot reach PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`);
  }
  return { pool, schema };
}
