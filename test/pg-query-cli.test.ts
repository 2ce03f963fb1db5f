// The query commands against a PostgreSQL store: the same answers as from a SQLite store holding the same records.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { runCli } from "../src/cli/cli.test-helpers.js";
import { otherOutletRecord, zelenskyRecord } from "../src/store/conformance.js";
import { openPgStore } from "../src/store/postgres/pg-store.js";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName, urlWithSchema } from "../src/store/postgres/testing.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";

const url = pgTestUrl();
const available = await pgAvailable(url);
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-pg-query-"));
const schema = testSchemaName("claimline_qcli");
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  if (available) await dropSchemas([schema], url);
});

const cli = (...args: string[]) => runCli(args);

if (!available) {
  test("query commands on PostgreSQL", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  describe("query commands with --db postgres://…", () => {
    const pgDb = urlWithSchema(url, schema);
    const sqliteDb = path.join(tmp, "same.db");
    const ready = (async () => {
      const records = [zelenskyRecord(), otherOutletRecord()];
      const pgStore = await openPgStore(pgDb);
      const sqlite = openSqliteStore(sqliteDb);
      for (const r of records) {
        await pgStore.put(r);
        await sqlite.put(r);
      }
      await Promise.all([pgStore.close(), sqlite.close()]);
    })();

    // Every read command, in JSON: a server store must answer as the file store does.
    const commands: string[][] = [
      ["quotes"], ["quotes", "--speaker", "zelensky"], ["figures"], ["figures", "killed"], ["entities"], ["entities", "--type", "PERSON"],
      ["sources"], ["search", "Bakhmut"],
    ];
    for (const args of commands) {
      test(`claimline ${args.join(" ")} gives the same answer from PostgreSQL as from SQLite`, async () => {
        await ready;
        const fromPg = await cli(...args, "--db", pgDb, "--format", "json");
        const fromSqlite = await cli(...args, "--db", sqliteDb, "--format", "json");
        assert.equal(fromPg.code, 0, fromPg.err);
        assert.equal(fromSqlite.code, 0, fromSqlite.err);
        const pgRows = JSON.parse(fromPg.out) as unknown[];
        assert.ok(Array.isArray(pgRows) && pgRows.length > 0, `no rows from ${args.join(" ")}: ${fromPg.out.slice(0, 200)}`);
        if (args[0] === "search") {
          // Ranks and snippets are each engine's own (bm25 vs ts_rank): the same hits, in any order, is the contract.
          const hits = (rows: unknown[]) => (rows as { articleId: string; kind: string; quoteId?: string }[]).map((h) => `${h.kind}:${h.articleId}:${h.quoteId ?? ""}`).sort();
          assert.deepEqual(hits(pgRows), hits(JSON.parse(fromSqlite.out) as unknown[]));
        } else {
          assert.deepEqual(pgRows, JSON.parse(fromSqlite.out));
        }
      });
    }

    test("an unreachable server is one clear error and exit code 1", async () => {
      const r = await cli("quotes", "--db", "postgres://nobody@127.0.0.1:1/none", "--format", "json");
      assert.equal(r.code, 1);
      assert.match(r.err, /^claimline: cannot reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
      assert.equal(r.out, "");
    });

    test("a missing SQLite file is still reported, not created", async () => {
      const r = await cli("quotes", "--db", path.join(tmp, "missing.db"));
      assert.equal(r.code, 1);
      assert.match(r.err, /no store at .*missing\.db/);
    });
  });
}
