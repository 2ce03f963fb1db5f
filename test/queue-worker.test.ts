// The PostgreSQL job queue against a real server: enqueue by content key, leases, retries with backoff, dead jobs, and workers draining it.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import type { IngestedArticle } from "../src/ingest/types.js";
import { contentKey } from "../src/store/identity.js";
import { openQueue, retryDelayMs, type EnqueueItem } from "../src/queue/queue.js";
import { runWorker } from "../src/queue/runner.js";
import { openPgStore } from "../src/store/postgres/pg-store.js";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName, urlWithSchema } from "../src/store/postgres/testing.js";

const url = pgTestUrl();
const available = await pgAvailable(url);
const schemas = new Set<string>();
after(() => dropSchemas(schemas, url));

function freshUrl(): string {
  const schema = testSchemaName("claimline_qtest");
  schemas.add(schema);
  return urlWithSchema(url, schema);
}

/** A small ingested article (what `claimline ingest` queues): distinct text per `i`, so a distinct content key. */
function article(i: number, extra: Partial<IngestedArticle> = {}): IngestedArticle {
  const text = `Officials in the region said on Tuesday that ${100 + i} people had been evacuated, report ${i}.\n\n` +
    `"We moved ${20 + i} families before dawn," the governor told reporters.`;
  return { text, source: { title: `Evacuation report ${i}`, published: "2024-03-05" }, warnings: [], origin: `article-${i}.txt`, ...extra };
}

const item = (a: IngestedArticle): EnqueueItem => ({ key: contentKey(a.source, a.text), article: a });

async function jobRows(dbUrl: string): Promise<{ key: string; origin: string; state: string; attempts: number; last_error: string | null }[]> {
  const schema = new URL(dbUrl).searchParams.get("schema")!;
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(`SELECT key, origin, state, attempts, last_error FROM ${schema}.claimline_jobs ORDER BY id`)).rows;
  } finally {
    await client.end();
  }
}

test("retry delays double from the base and stop growing at an hour", () => {
  assert.deepEqual([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000)), [1000, 2000, 4000, 8000]);
  assert.equal(retryDelayMs(40, 1000), 3_600_000);
});

if (!available) {
  test("PostgreSQL job queue", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  describe("postgres job queue", () => {
    test("enqueueing is keyed by content: the same corpus twice adds no job; --force queues done jobs again", async () => {
      const dbUrl = freshUrl();
      const queue = await openQueue(dbUrl);
      try {
        const items = [0, 1, 2].map((i) => item(article(i)));
        assert.deepEqual(await queue.enqueue(items), { enqueued: 3, requeued: 0, existing: 0 });
        // The same articles again, one of them twice in the batch, under another origin: nothing new.
        const again = [...items, item({ ...article(1), origin: "copy.txt" })];
        assert.deepEqual(await queue.enqueue(again), { enqueued: 0, requeued: 0, existing: 4 });
        assert.equal((await queue.counts()).queued, 3);
        const job = (await queue.claim("w1", 60_000))!;
        assert.ok(await queue.complete(job, "w1", "inserted"));
        // Force re-queues the done job only; queued ones are left as they are.
        assert.deepEqual(await queue.enqueue(items, { force: true }), { enqueued: 0, requeued: 1, existing: 2 });
        assert.deepEqual(await queue.counts(), { queued: 3, retrying: 0, running: 0, done: 0, dead: 0, expired: 0 });
      } finally {
        await queue.close();
      }
    });

    test("of copies of one text in a batch, the first is queued, as the store keeps the first copy", async () => {
      const dbUrl = freshUrl();
      const queue = await openQueue(dbUrl);
      try {
        const copies = ["first.txt", "second.txt", "third.txt"].map((origin) => item({ ...article(5), origin }));
        assert.deepEqual(await queue.enqueue(copies), { enqueued: 1, requeued: 0, existing: 2 });
        assert.deepEqual((await jobRows(dbUrl)).map((r) => r.origin), ["first.txt"]);
      } finally {
        await queue.close();
      }
    });

    test("a job whose lease runs out is claimed again by another worker, and the first worker can no longer complete it", async () => {
      const queue = await openQueue(freshUrl());
      try {
        await queue.enqueue([item(article(7))]);
        const first = (await queue.claim("dying-worker", 100))!;
        assert.equal(first.attempt, 1);
        assert.equal(await queue.claim("other", 60_000, { reclaim: true }), undefined, "a live lease is not taken");
        await new Promise((r) => setTimeout(r, 250));
        assert.equal((await queue.counts()).expired, 1);
        const second = (await queue.claim("other", 60_000, { reclaim: true }))!;
        assert.equal(second.id, first.id);
        assert.equal(second.attempt, 2);
        assert.equal(await queue.complete(first, "dying-worker", "inserted"), false);
        assert.equal(await queue.complete(second, "other", "inserted"), true);
        assert.equal((await queue.counts()).done, 1);
      } finally {
        await queue.close();
      }
    });

    test("a heartbeat keeps a slow job's lease alive", async () => {
      const queue = await openQueue(freshUrl());
      try {
        await queue.enqueue([item(article(8))]);
        const job = (await queue.claim("slow", 200))!;
        for (let i = 0; i < 4; i++) {
          await new Promise((r) => setTimeout(r, 100));
          assert.equal(await queue.heartbeat("slow", 200), 1);
        }
        assert.equal(await queue.claim("thief", 60_000, { reclaim: true }), undefined);
        assert.ok(await queue.complete(job, "slow", "inserted"));
      } finally {
        await queue.close();
      }
    });

    test("workers drain the queue: every article stored exactly once, with its parts, and a re-run stores nothing", async () => {
      const dbUrl = freshUrl();
      const queue = await openQueue(dbUrl);
      const articles = Array.from({ length: 12 }, (_, i) => article(i));
      await queue.enqueue(articles.map(item));
      // Two worker "machines" at once, two threads each.
      const summaries = await Promise.all([1, 2].map((n) => runWorker({ url: dbUrl, concurrency: 2, once: true, pollMs: 50, workerId: `w${n}` })));
      assert.equal(summaries.reduce((n, s) => n + s.jobs, 0), 12);
      assert.equal(summaries.reduce((n, s) => n + (s.results.inserted ?? 0), 0), 12);
      assert.ok(summaries.every((s) => s.extractSeconds > 0 || s.jobs === 0));
      const store = await openPgStore(dbUrl);
      try {
        const stats = await store.stats();
        assert.equal(stats.articles, 12);
        assert.ok(stats.quotes >= 12, `quotes: ${stats.quotes}`);
        const origins = (await store.articles()).map((a) => a.origin).sort();
        assert.deepEqual(origins, articles.map((a) => a.origin).sort());
        assert.deepEqual(await queue.counts(), { queued: 0, retrying: 0, running: 0, done: 12, dead: 0, expired: 0 });
        // Re-enqueueing the same corpus finds every article stored or done: no job, no row.
        await queue.enqueue(articles.map(item));
        const again = await runWorker({ url: dbUrl, concurrency: 1, once: true, pollMs: 50 });
        assert.equal(again.jobs, 0);
        assert.equal((await store.stats()).articles, 12);
      } finally {
        await store.close();
        await queue.close();
      }
    });

    test("a failing job is retried with backoff, then kept as dead with its error; the others are stored", async () => {
      const dbUrl = freshUrl();
      const queue = await openQueue(dbUrl, { maxAttempts: 3 });
      // A payload the pipeline cannot process (no text): a poison message, as a corrupt input would be.
      const poison = { ...article(99), text: undefined } as unknown as IngestedArticle;
      await queue.enqueue([item(article(1)), { key: "hash:poison\tpoison", article: poison }]);
      const errors: string[] = [];
      const started = Date.now();
      const summary = await runWorker({ url: dbUrl, concurrency: 1, once: true, pollMs: 20, maxAttempts: 3, retryBaseMs: 100, onError: (l) => errors.push(l) });
      // Two waits between three attempts: 100 ms then 200 ms at least.
      assert.ok(Date.now() - started >= 300, `finished in ${Date.now() - started} ms`);
      assert.equal(summary.jobs, 1);
      assert.equal(summary.retried, 2);
      assert.equal(summary.dead, 1);
      const rows = await jobRows(dbUrl);
      const dead = rows.find((r) => r.key === "hash:poison\tpoison")!;
      assert.equal(dead.state, "dead");
      assert.equal(dead.attempts, 3);
      assert.ok(dead.last_error && dead.last_error.length > 0);
      const listed = await queue.dead();
      assert.equal(listed.length, 1);
      assert.equal(listed[0]!.origin, "article-99.txt");
      assert.equal(listed[0]!.error, dead.last_error);
      assert.equal(errors.length, 3);
      await queue.close();
    });

    test("an aborted worker finishes the jobs in flight and leaves the rest queued", async () => {
      const dbUrl = freshUrl();
      const queue = await openQueue(dbUrl);
      await queue.enqueue(Array.from({ length: 30 }, (_, i) => item(article(i))));
      const controller = new AbortController();
      let seen = 0;
      const summary = await runWorker({
        // Small batches, so the stop comes with most of the queue still unclaimed.
        url: dbUrl, concurrency: 1, pollMs: 20, batch: 4, signal: controller.signal,
        onJob: () => { if (++seen === 2) controller.abort(); },
      });
      // The jobs extracted before the stop are written (a batch being written, at most two waiting, one in the
      // thread); the jobs claimed but not started go back unclaimed, without counting an attempt.
      assert.ok(summary.jobs >= 2 && summary.jobs <= 4 * 4, `jobs: ${summary.jobs}`);
      const counts = await queue.counts();
      assert.deepEqual({ running: counts.running, done: counts.done, queued: counts.queued }, { running: 0, done: summary.jobs, queued: 30 - summary.jobs });
      const rows = await jobRows(dbUrl);
      assert.ok(rows.filter((r) => r.state === "queued").every((r) => r.attempts === 0), "a job given back is not counted as an attempt");
      await queue.close();
    });
  });
}
