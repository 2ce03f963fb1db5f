// Test support for the PostgreSQL suites: the server to use, whether it answers, and a throw-away schema per store.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server the integration suites use: CLAIMLINE_TEST_PG, else the local default. */
export function pgTestUrl(): string {
  return process.env.CLAIMLINE_TEST_PG || "postgres://postgres@127.0.0.1:5432/test";
}

/** The one line a skipped suite prints: how to run it. */
export const PG_SKIP_REASON = "no PostgreSQL server answered; run with CLAIMLINE_TEST_PG=postgres://user@host:5432/db to test the PostgreSQL store and queue";

/**
 * Whether the server answers. Under CI=true a missing server is an error rather than a skip: CI has one,
 * and a suite that silently skips there proves nothing.
 */
export async function pgAvailable(url = pgTestUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  // An error event after a failed connect must not become an uncaught exception.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (e) {
    if (process.env.CI === "true") throw new Error(`CI=true but PostgreSQL at ${url} does not answer: ${(e as Error).message}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema name, so suites and tests never see each other's rows. */
export function testSchemaName(prefix = "claimline_test"): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

/** A URL naming `schema`, the way a user would (`?schema=`). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("schema", schema);
  return u.toString();
}

/** Drops test schemas (and everything in them). */
export async function dropSchemas(schemas: Iterable<string>, url = pgTestUrl()): Promise<void> {
  const names = [...schemas];
  if (!names.length) return;
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    for (const s of names) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
}
