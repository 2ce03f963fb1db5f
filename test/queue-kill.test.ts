// Kills a `claimline worker` with SIGKILL mid-job and shows the job is retried and every article is stored exactly once.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName, urlWithSchema } from "../src/store/postgres/testing.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-qkill-"));
const url = pgTestUrl();
const available = await pgAvailable(url);
const schema = testSchemaName("claimline_qkill");
const termSchema = testSchemaName("claimline_qterm");
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  if (available) await dropSchemas([schema, termSchema], url);
});

const ARTICLES = 40;
const PLACES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Poltava"];

/** A distinct article of a few dozen paragraphs with figures, speakers and quotes, so each job takes a while. */
function article(i: number, pairs = 24): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < pairs; p++) {
    const place = PLACES[(i + p) % PLACES.length]!;
    paragraphs.push(
      `Officials in ${place} said on Tuesday that ${100 + i + p} people had been evacuated after shelling overnight, report number ${i}.`,
      `"We moved ${20 + ((i + p) % 50)} families before dawn and more will follow," the regional governor told reporters.`,
    );
  }
  return `${paragraphs.join("\n\n")}\n`;
}

/** The CLI from sources (tsx), so the test needs no build; arguments after `--`. */
function cli(args: string[]): string[] {
  const main = pathToFileURL(path.join(root, "src", "cli", "main.ts")).href;
  const code = `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(["node", "claimline", ...process.argv.slice(1)]);`;
  return ["--import", "tsx", "--input-type=module", "-e", code, ...args];
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!available) {
  test("SIGKILL of a queue worker", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  test("a worker killed with SIGKILL mid-job: the job is retried and every article is stored exactly once", { timeout: 240_000 }, async () => {
    const dir = path.join(tmp, "corpus");
    mkdirSync(dir);
    // One long article, queued seventh (jobs are taken in queue order): its extraction takes long enough that
    // seeing it leased and then killing the worker certainly catches the worker mid-job.
    const LONG = 6;
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `20240305_${String(i).padStart(3, "0")}.txt`), article(i, i === LONG ? 2400 : 24));
    const db = urlWithSchema(url, schema);

    const enqueue = spawnSync(process.execPath, cli(["ingest", dir, "--db", db, "--published-from-filename"]), { cwd: root, encoding: "utf8" });
    assert.equal(enqueue.status, 0, enqueue.stderr);
    assert.match(enqueue.stderr, new RegExp(`${ARTICLES} new jobs`));

    // A short lease so the retry comes within seconds; one thread, claiming 4 jobs at a time, so at the kill the
    // worker holds the long job mid-extraction and a few claimed behind it.
    const worker = spawn(process.execPath, cli(["worker", "--db", db, "--concurrency", "1", "--lease", "2", "--batch", "4", "--id", "doomed", "--verbose"]), {
      cwd: root, stdio: ["ignore", "pipe", "pipe"],
    });
    let reported = 0;
    worker.stdout.setEncoding("utf8");
    worker.stdout.on("data", (chunk: string) => { reported += chunk.split("\n").filter(Boolean).length; });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.on("close", (_code, signal) => resolve(signal)));

    // Wait until the worker has stored the articles before the long one and holds the long one, then kill it without warning.
    let held: { id: string; origin: string }[] = [];
    for (let waited = 0; (!held.length || reported < LONG) && waited < 120_000; waited += 20) {
      await sleep(20);
      held = await query<{ id: string; origin: string }>(
        `SELECT id, origin FROM ${schema}.claimline_jobs WHERE state = 'running' AND locked_by = 'doomed' AND origin LIKE '%_${String(LONG).padStart(3, "0")}.txt'`,
      );
    }
    assert.equal(held.length, 1, "the worker never took the long article");
    worker.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL");
    assert.ok(reported >= LONG, `reported ${reported} jobs before the long one`);
    const inFlight = await query<{ id: string }>(`SELECT id FROM ${schema}.claimline_jobs WHERE state = 'running' AND locked_by = 'doomed' ORDER BY id`);
    assert.ok(inFlight.some((j) => j.id === held[0]!.id), "the worker was killed mid-job: its job is left leased");
    assert.ok(inFlight.length <= 4, `at most one claimed batch in flight: ${inFlight.length}`);
    const storedAtKill = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.articles`))[0]!.n;
    assert.ok(storedAtKill < ARTICLES, `stored ${storedAtKill} of ${ARTICLES} before the kill`);

    // A second worker drains the queue: it takes the orphaned job once its lease runs out.
    const rescue = spawnSync(process.execPath, cli(["worker", "--db", db, "--concurrency", "2", "--lease", "2", "--once", "--id", "rescuer"]), {
      cwd: root, encoding: "utf8", timeout: 180_000,
    });
    assert.equal(rescue.status, 0, rescue.stderr);

    const jobs = await query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM ${schema}.claimline_jobs GROUP BY state`);
    assert.deepEqual(jobs, [{ state: "done", n: ARTICLES }]);
    const retried = await query<{ attempts: number; state: string }>(
      `SELECT attempts, state FROM ${schema}.claimline_jobs WHERE id IN (${inFlight.map((j) => j.id).join(", ")})`,
    );
    assert.deepEqual(retried, inFlight.map(() => ({ attempts: 2, state: "done" })), "the jobs in flight at the kill were retried once");

    // Exactly once: one article per input file, no duplicated parts.
    const articles = await query<{ origin: string; n: number }>(`SELECT origin, count(*)::int AS n FROM ${schema}.articles GROUP BY origin`);
    assert.equal(articles.length, ARTICLES);
    assert.ok(articles.every((a) => a.n === 1));
    const dupQuotes = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT article_seq, quote_id FROM ${schema}.quotes GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    assert.equal(dupQuotes[0]!.n, 0);

    // Status shows the finished queue and the stored articles, as JSON too.
    const status = spawnSync(process.execPath, cli(["status", "--db", db, "--format", "json"]), { cwd: root, encoding: "utf8" });
    assert.equal(status.status, 0, status.stderr);
    const report = JSON.parse(status.stdout) as { queue: Record<string, number>; stored: { articles: number } };
    assert.equal(report.queue.done, ARTICLES);
    assert.equal(report.queue.dead, 0);
    assert.equal(report.stored.articles, ARTICLES);
  });

  test("SIGTERM stops a worker cleanly: the job in flight is finished, nothing is left leased, exit code 0", { timeout: 240_000 }, async () => {
    const dir = path.join(tmp, "corpus-term");
    mkdirSync(dir);
    for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, `20240306_${String(i).padStart(3, "0")}.txt`), article(i + 1000));
    const db = urlWithSchema(url, termSchema);
    const enqueue = spawnSync(process.execPath, cli(["ingest", dir, "--db", db]), { cwd: root, encoding: "utf8" });
    assert.equal(enqueue.status, 0, enqueue.stderr);
    // Small batches, so the stop comes mid-queue.
    const worker = spawn(process.execPath, cli(["worker", "--db", db, "--concurrency", "1", "--batch", "2", "--id", "polite", "--verbose"]), {
      cwd: root, stdio: ["ignore", "pipe", "pipe"],
    });
    let reported = 0;
    let stderr = "";
    worker.stdout.setEncoding("utf8").on("data", (chunk: string) => { reported += chunk.split("\n").filter(Boolean).length; });
    worker.stderr.setEncoding("utf8").on("data", (chunk: string) => { stderr += chunk; });
    const exited = new Promise<number | null>((resolve) => worker.on("close", (code) => resolve(code)));
    for (let waited = 0; reported < 2 && waited < 120_000; waited += 10) await sleep(10);
    worker.kill("SIGTERM");
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /SIGTERM: finishing the jobs in flight/);
    const jobs = await query<{ state: string; locked_by: string | null; n: number }>(
      `SELECT state, locked_by, count(*)::int AS n FROM ${termSchema}.claimline_jobs GROUP BY 1, 2 ORDER BY 1`,
    );
    assert.ok(jobs.every((j) => j.locked_by === null && (j.state === "done" || j.state === "queued")), JSON.stringify(jobs));
    const done = jobs.find((j) => j.state === "done")?.n ?? 0;
    const stored = (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${termSchema}.articles`))[0]!.n;
    assert.equal(stored, done, "every finished job is stored, and nothing else");
    assert.ok(done >= 2 && done < 20, `done ${done}`);
  });
}
