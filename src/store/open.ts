// Opens the store a `--db` value names: a SQLite file path (the embedded default) or a postgres:// server URL.
import { existsSync } from "node:fs";
import type { Store } from "./store.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";

export interface OpenStoreOptions {
  readonly?: boolean;
  /** refuse to create a SQLite file that does not exist yet (query commands and a read-only server) */
  mustExist?: boolean;
}

/** Whether a `--db` value names a PostgreSQL server rather than a SQLite file. */
export function isServerUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export class NoStoreError extends Error {}

export async function openStore(db: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (isServerUrl(db)) {
    // Loaded on demand: SQLite-only users never load pg. A server store is shared, so `readonly` and
    // `mustExist` are the server's business (grants, an existing schema); opening migrates as a writer would.
    const { openPgStore } = await import("./postgres/pg-store.js");
    return openPgStore(db);
  }
  if (options.mustExist && db !== ":memory:" && !existsSync(db)) throw new NoStoreError(`no store at ${db} (run \`claimline ingest\` first, or give --db)`);
  return openSqliteStore(db, { readonly: options.readonly });
}
