// The store: interface, identity rules, and the embedded SQLite implementation.
export type * from "./store.js";
export { articleKey, canonicalUrl, contentHash, contentKey, normaliseContent } from "./identity.js";
export { foldName } from "./fold.js";
export { openSqliteStore, SqliteStore, type SqliteStoreOptions } from "./sqlite/sqlite-store.js";
export { openStore, isServerUrl, NoStoreError, type OpenStoreOptions } from "./open.js";
export { openPgStore, PgStore, type PgStoreOptions } from "./postgres/pg-store.js";
