// Runs the store conformance suite against a real PostgreSQL server, plus what only the server store has: concurrent writers, migrations, schemas.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import { runStoreConformance, sampleRecord, zelenskyRecord } from "../src/store/conformance.js";
import { openStore } from "../src/store/open.js";
import { PG_MIGRATIONS } from "../src/store/postgres/migrations.js";
import { openPgStore } from "../src/store/postgres/pg-store.js";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName, urlWithSchema } from "../src/store/postgres/testing.js";

const url = pgTestUrl();
const available = await pgAvailable(url);
const schemas = new Set<string>();
after(() => dropSchemas(schemas, url));

/** A store in a schema of its own, dropped when the file's tests end. */
function freshStore(): ReturnType<typeof openPgStore> {
  const schema = testSchemaName();
  schemas.add(schema);
  return openPgStore(url, { schema });
}

if (!available) {
  test("PostgreSQL store", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  runStoreConformance("postgres", freshStore);

  describe("postgres store: what only the server store has", () => {
    test("openStore opens a postgres:// URL, with ?schema= choosing the schema, and records the migrations", async () => {
      const schema = testSchemaName();
      schemas.add(schema);
      const store = await openStore(urlWithSchema(url, schema));
      await store.put(zelenskyRecord());
      await store.close();
      const client = new pg.Client(url);
      await client.connect();
      try {
        const versions = (await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`)).rows.map((r) => r.version);
        assert.deepEqual(versions, PG_MIGRATIONS.map((m) => m.version));
        assert.equal((await client.query(`SELECT count(*)::int AS n FROM ${schema}.articles`)).rows[0].n, 1);
      } finally {
        await client.end();
      }
      // Reopening applies nothing twice and keeps the data.
      const again = await openStore(urlWithSchema(url, schema));
      assert.equal((await again.stats()).articles, 1);
      await again.close();
    });

    test("a schema made by a newer claimline is refused instead of being changed", async () => {
      const schema = testSchemaName();
      schemas.add(schema);
      const client = new pg.Client(url);
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}`);
        await client.query(`CREATE TABLE ${schema}.schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        await client.query(`INSERT INTO ${schema}.schema_migrations VALUES (999, 'from the future', '2030-01-01')`);
      } finally {
        await client.end();
      }
      await assert.rejects(openPgStore(url, { schema }), /newer than this claimline/);
    });

    test("many writers putting the same articles at once store each exactly once", async () => {
      const schema = testSchemaName();
      schemas.add(schema);
      // Separate stores (separate pools) stand for separate worker machines.
      const writers = await Promise.all([0, 1, 2, 3].map(() => openPgStore(url, { schema, max: 2 })));
      try {
        const records = Array.from({ length: 20 }, (_, i) =>
          sampleRecord({ id: `race-${i}`, text: `Report ${i}: ${i * 11} people were moved to shelters overnight.`, published: "2024-05-01" }));
        // Syndicated copies: the same text under two URLs at once must still be one article.
        const syndicated = [1, 2].map((n) => zelenskyRecord({ id: `copy-${n}`, url: `https://mirror-${n}.example.net/story` }));
        const results = await Promise.all(writers.flatMap((w) => [...records.map((r) => w.put(r)), ...syndicated.map((r) => w.put(r))]));
        const stats = await writers[0]!.stats();
        assert.equal(stats.articles, 21);
        const statuses = results.map((r) => r.status);
        assert.equal(statuses.filter((s) => s === "inserted").length, 21);
        assert.ok(statuses.every((s) => s === "inserted" || s === "unchanged" || s === "duplicate"), statuses.join(","));
      } finally {
        await Promise.all(writers.map((w) => w.close()));
      }
    });

    test("a put that fails half-way leaves nothing behind (one transaction per article)", async () => {
      const store = await freshStore();
      try {
        const bad = zelenskyRecord();
        (bad.quotes[0] as { text?: string }).text = undefined;
        await assert.rejects(store.put(bad));
        assert.deepEqual(await store.stats(), { articles: 0, versions: 0, quotes: 0, quantities: 0, entities: 0, times: 0, claims: 0 });
        assert.equal((await store.put(zelenskyRecord())).status, "inserted");
      } finally {
        await store.close();
      }
    });

    test("an unreachable server is one clear error, with no unhandled rejection", async () => {
      await assert.rejects(openStore("postgres://postgres@127.0.0.1:1/none"), /cannot reach PostgreSQL/);
    });
  });
}
