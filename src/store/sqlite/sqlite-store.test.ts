// Runs the store conformance suite on SQLite, plus what only the SQLite store has: files, WAL, migrations, integrity.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import Database from "better-sqlite3";
import { runStoreConformance, zelenskyRecord } from "../conformance.js";
import { MIGRATIONS } from "./migrations.js";
import { openSqliteStore } from "./sqlite-store.js";

const dir = mkdtempSync(path.join(tmpdir(), "claimline-store-"));
after(() => rmSync(dir, { recursive: true, force: true }));

runStoreConformance("sqlite :memory:", () => openSqliteStore(":memory:"));
let n = 0;
runStoreConformance("sqlite file", () => openSqliteStore(path.join(dir, `conformance-${n++}.db`)));

test("a file store is in WAL mode, records its migrations, and keeps data across reopening", async () => {
  const file = path.join(dir, "reopen.db");
  const store = openSqliteStore(file);
  await store.put(zelenskyRecord());
  assert.equal(store.db.pragma("journal_mode", { simple: true }), "wal");
  await store.close();
  const again = openSqliteStore(file);
  assert.equal((await again.stats()).articles, 1);
  const versions = again.db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
  assert.deepEqual(versions, MIGRATIONS.map((m) => m.version));
  assert.equal(again.integrityCheck(), "ok");
  await again.close();
  const reader = openSqliteStore(file, { readonly: true });
  assert.equal((await reader.quotes({ speaker: "Zelensky" })).length, 2);
  await reader.close();
});

test("opening a store made by a newer claimline is refused instead of corrupting it", async () => {
  const file = path.join(dir, "future.db");
  const db = new Database(file);
  db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)").run(999, "from the future", "2030-01-01");
  db.close();
  assert.throws(() => openSqliteStore(file), /newer than this claimline/);
});

test("a put that fails half-way leaves nothing behind (one transaction per article)", async () => {
  const store = openSqliteStore(":memory:");
  const bad = zelenskyRecord();
  // A quote without text violates NOT NULL after the article row and entities were written.
  (bad.quotes[0] as { text?: string }).text = undefined;
  await assert.rejects(store.put(bad));
  assert.deepEqual(await store.stats(), { articles: 0, versions: 0, quotes: 0, quantities: 0, entities: 0, times: 0, claims: 0 });
  assert.equal((await store.put(zelenskyRecord())).status, "inserted");
  await store.close();
});
