// Kills `claimline ingest` with SIGKILL mid-way (twice) and shows integrity holds and the re-run stores every article exactly once.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "claimline.js");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-kill-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const ARTICLES = 200;
const PLACES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Sumy", "Poltava"];
const SPEAKERS = ["Oleh Synehubov", "Vitali Klitschko", "Ihor Terekhov", "Maksym Kozytskyi", "Serhiy Lysak"];

/** A small, distinct article: a figure, a speaker, a direct quote and a date, so the pipeline has work to do. */
function article(i: number): string {
  const place = PLACES[i % PLACES.length]!;
  const speaker = SPEAKERS[i % SPEAKERS.length]!;
  const paragraphs = [
    `Officials in ${place} said on Tuesday that ${100 + i} people had been evacuated after shelling overnight, report number ${i}.`,
    `"We moved ${20 + (i % 50)} families before dawn and more will follow," ${speaker} told reporters.`,
    `The regional administration said at least ${i % 17} buildings were damaged and about ${3 * i} homes were without power.`,
    `${speaker} added that repairs could take up to ${1 + (i % 9)} weeks if the attacks continued.`,
  ];
  return `${paragraphs.join("\n\n")}\n`;
}

function corpus(): string {
  const dir = path.join(tmp, "corpus");
  mkdirSync(dir);
  for (let i = 0; i < ARTICLES; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    writeFileSync(path.join(dir, `202403${day}T120000Z_UA_en_${String(i).padStart(4, "0")}.txt`), article(i));
  }
  return dir;
}

/** Starts an ingest and SIGKILLs it as soon as `afterReported` articles are reported stored. */
function ingestAndKill(dir: string, db: string, afterReported: number): Promise<{ reported: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "ingest", dir, "--db", db, "--published-from-filename", "--verbose", "--jobs", "2"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const reported: string[] = [];
    let buffered = "";
    let killed = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      // Only lines read before the kill count: those are what the user was told is done.
      if (!killed) reported.push(...lines.filter(Boolean));
      if (!killed && reported.length >= afterReported) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => resolve({ reported, signal }));
  });
}

/** Right after a kill, as a restart would find it: integrity holds, every reported article is stored, none twice. */
function assertConsistentAfterKill(db: string, reported: string[]): Set<string> {
  // Opened read-write, as the next run opens it: SQLite recovers the WAL the killed process left behind.
  const check = new Database(db);
  try {
    assert.equal(check.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(check.pragma("foreign_key_check"), []);
    const storedOrigins = new Set(check.prepare("SELECT origin FROM articles").pluck().all() as string[]);
    assert.equal(check.prepare("SELECT count(*) FROM articles").pluck().get(), storedOrigins.size, "an article stored twice");
    assert.equal(check.prepare("SELECT count(*) FROM article_fts").pluck().get(), storedOrigins.size, "search index out of step with the articles");
    for (const line of reported) {
      const [status, origin] = line.split("\t");
      assert.ok(status === "inserted" || status === "unchanged", line);
      assert.ok(storedOrigins.has(origin!), `reported but not stored: ${origin}`);
    }
    return storedOrigins;
  } finally {
    check.close();
  }
}

test("an ingest killed with SIGKILL loses nothing it reported, and a re-run stores every article exactly once", async () => {
  assert.ok(existsSync(path.join(root, "dist", "cli", "commands", "ingest.js")), "build first: npx tsc -p . (npm test does)");
  const dir = corpus();
  const db = path.join(tmp, "store.db");

  const killed = await ingestAndKill(dir, db, 10);
  assert.equal(killed.signal, "SIGKILL", "the first run must have been killed mid-way");
  assert.ok(killed.reported.length >= 10 && killed.reported.length < ARTICLES, `reported ${killed.reported.length}`);
  assert.ok(killed.reported.every((l) => l.startsWith("inserted\t")));
  const afterFirst = assertConsistentAfterKill(db, killed.reported);
  assert.ok(afterFirst.size < ARTICLES);

  // Killed again while resuming: the second run skips what is stored, then dies mid-way too.
  const again = await ingestAndKill(dir, db, afterFirst.size + 15);
  assert.equal(again.signal, "SIGKILL", "the second run must have been killed mid-way");
  const storedOrigins = assertConsistentAfterKill(db, again.reported);
  for (const origin of afterFirst) assert.ok(storedOrigins.has(origin), `lost by the second kill: ${origin}`);
  assert.ok(storedOrigins.size > afterFirst.size && storedOrigins.size < ARTICLES, `stored ${storedOrigins.size}`);

  const rerun = spawnSync(process.execPath, [bin, "ingest", dir, "--db", db, "--published-from-filename", "--verbose"], { encoding: "utf8" });
  assert.equal(rerun.status, 0, rerun.stderr);
  const statuses = rerun.stdout.trim().split("\n").map((l) => l.split("\t")[0]);
  assert.equal(statuses.length, ARTICLES);
  assert.equal(statuses.filter((s) => s === "unchanged").length, storedOrigins.size, "what the killed run stored is not redone");
  assert.equal(statuses.filter((s) => s === "inserted").length, ARTICLES - storedOrigins.size);

  const store = new Database(db, { readonly: true });
  assert.equal(store.pragma("integrity_check", { simple: true }), "ok");
  assert.equal(store.prepare("SELECT count(*) FROM articles").pluck().get(), ARTICLES);
  assert.equal(store.prepare("SELECT count(DISTINCT origin) FROM articles").pluck().get(), ARTICLES);
  assert.equal(store.prepare("SELECT count(*) FROM article_versions").pluck().get(), 0);
  // Each article's parts were written with it: no orphan rows, no doubled rows from the killed run.
  assert.equal(store.prepare("SELECT count(*) FROM quotes WHERE article_seq NOT IN (SELECT seq FROM articles)").pluck().get(), 0);
  assert.equal(store.prepare("SELECT count(*) FROM article_fts").pluck().get(), ARTICLES);
  assert.equal(store.prepare("SELECT count(*) FROM times").pluck().get(), store.prepare("SELECT sum(json_array_length(record, '$.times')) FROM articles").pluck().get());
  for (let i = 0; i < ARTICLES; i += 37) {
    assert.equal(store.prepare("SELECT count(*) FROM articles WHERE json_extract(record, '$.text') = ?").pluck().get(article(i)), 1, `article ${i}`);
  }
  assert.equal(store.prepare("SELECT published FROM articles WHERE origin LIKE ?").pluck().get("%_0030.txt"), "2024-03-03");
  store.close();

  // A third run changes nothing at all.
  const third = spawnSync(process.execPath, [bin, "ingest", dir, "--db", db], { encoding: "utf8" });
  assert.equal(third.status, 0, third.stderr);
  assert.match(third.stderr, /0 new, 0 updated, 0 re-extracted, 200 unchanged/);
});
