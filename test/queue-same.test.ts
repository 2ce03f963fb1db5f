// The queue's workers store what `claimline ingest` stores into SQLite: the same records, the same first copy of a repeated text.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runWorker } from "../src/queue/runner.js";
import { openStore } from "../src/store/open.js";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName, urlWithSchema } from "../src/store/postgres/testing.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-qsame-"));
const url = pgTestUrl();
const available = await pgAvailable(url);
const schema = testSchemaName("claimline_qsame");
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  if (available) await dropSchemas([schema], url);
});

/** The CLI from sources (tsx), so the test needs no build. */
function cli(args: string[]) {
  const main = pathToFileURL(path.join(root, "src", "cli", "main.ts")).href;
  const code = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(["node", "claimline", ...process.argv.slice(1)]);`;
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code, ...args], { cwd: root, encoding: "utf8" });
}

if (!available) {
  test("queue workers and SQLite ingest store the same records", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  test("queue workers and SQLite ingest store the same records, keeping the same copy of a repeated text", { timeout: 180_000 }, async () => {
    const dir = path.join(tmp, "corpus");
    mkdirSync(dir);
    for (let i = 0; i < 8; i++) {
      const text = `The mayor said on Monday that ${40 + i} families had left the district, report ${i}.\n\n` +
        `"We expect ${i + 2} more buses tomorrow," a spokesperson told reporters on Tuesday.\n`;
      writeFileSync(path.join(dir, `2024030${i + 1}_${i}.txt`), text);
    }
    // The same text again under a later date: "Monday" resolves differently, so which copy is kept shows.
    writeFileSync(path.join(dir, "20240320_repeat.txt"), `The mayor said on Monday that 40 families had left the district, report 0.\n\n"We expect 2 more buses tomorrow," a spokesperson told reporters on Tuesday.\n`);
    const sqlite = path.join(tmp, "store.db");
    const local = cli(["ingest", dir, "--db", sqlite, "--published-from-filename"]);
    assert.equal(local.status, 0, local.stderr);
    const db = urlWithSchema(url, schema);
    const enqueue = cli(["ingest", dir, "--db", db, "--published-from-filename"]);
    assert.equal(enqueue.status, 0, enqueue.stderr);
    await runWorker({ url: db, concurrency: 2, once: true, pollMs: 50 });

    const records = async (where: string) => {
      const store = await openStore(where);
      try {
        const out = new Map<string, unknown>();
        for await (const r of store.records()) out.set(r.id, r);
        return { out, stats: await store.stats() };
      } finally {
        await store.close();
      }
    };
    const a = await records(sqlite);
    const b = await records(db);
    assert.equal(a.out.size, 8);
    assert.deepEqual(b.stats, a.stats);
    assert.deepEqual([...b.out.keys()].sort(), [...a.out.keys()].sort());
    for (const [id, record] of a.out) assert.deepEqual(b.out.get(id), record, `record ${id}`);
  });
}
