// The extraction job queue over PostgreSQL: enqueue by content key, claim with SKIP LOCKED under a lease, retry with backoff, keep dead jobs.
import type pg from "pg";

type Queryable = Pick<pg.PoolClient, "query">;
import type { IngestedArticle } from "../ingest/types.js";
import { openPgPool, type PgConnectOptions } from "../store/postgres/connect.js";
import { migrateQueue } from "./schema.js";

/** What a job carries: the ingested article (text + metadata + origin), everything extraction needs. */
export interface JobPayload {
  article: IngestedArticle;
}

export interface Job {
  id: string;
  key: string;
  origin: string;
  payload: JobPayload;
  /** this attempt's number, from 1 */
  attempt: number;
  maxAttempts: number;
}

export interface EnqueueItem {
  /** the article's content key (`Store.contentKeys()` form): the job's identity */
  key: string;
  article: IngestedArticle;
}

export interface EnqueueResult {
  /** new jobs */
  enqueued: number;
  /** done or dead jobs queued again (only with `force`) */
  requeued: number;
  /** jobs that already existed and were left as they are */
  existing: number;
}

export interface QueueOptions extends PgConnectOptions {
  /** attempts before a job is dead (default 5) */
  maxAttempts?: number;
  /** first retry delay; each further retry doubles it, up to an hour (default 2000 ms) */
  retryBaseMs?: number;
}

export interface QueueCounts {
  /** waiting for a first attempt */
  queued: number;
  /** failed at least once, waiting for a retry */
  retrying: number;
  running: number;
  done: number;
  dead: number;
  /** running jobs whose lease ran out (their worker died): the next claim takes them */
  expired: number;
}

export interface DeadJob {
  id: string;
  origin: string;
  attempts: number;
  error: string;
  finishedAt: string;
}

export interface RetryingJob {
  id: string;
  origin: string;
  attempts: number;
  error: string;
  runAt: string;
}

/** Opens the queue at a postgres:// URL (its tables live beside the store's, in the URL's schema). */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  const { pool } = await openPgPool(url, { max: 3, ...options });
  try {
    const client = await pool.connect();
    try {
      await migrateQueue(client);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  return new JobQueue(pool, options);
}

/** The delay before retry number `attempt` (after `attempt` failures): doubling from `baseMs`, capped at an hour. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
}

export class JobQueue {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;

  constructor(readonly pool: pg.Pool, options: QueueOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 2000;
  }

  /**
   * Adds jobs in one statement per batch. A key already in the queue is left alone (so re-enqueueing a corpus
   * adds nothing), unless `force`, which queues done and dead jobs again (after the pipeline improved).
   */
  async enqueue(items: EnqueueItem[], options: { force?: boolean } = {}): Promise<EnqueueResult> {
    const result: EnqueueResult = { enqueued: 0, requeued: 0, existing: 0 };
    // Within one batch a key counts once (ON CONFLICT cannot touch one row twice in one statement), and the
    // first copy wins, as it does in the store: which copy of a repeated text is kept must not depend on batching.
    const first = new Map<string, EnqueueItem>();
    for (const i of items) if (!first.has(i.key)) first.set(i.key, i);
    const unique = [...first.values()];
    result.existing += items.length - unique.length;
    if (!unique.length) return result;
    const conflict = options.force
      ? `DO UPDATE SET state = 'queued', payload = EXCLUDED.payload, origin = EXCLUDED.origin, attempts = 0, run_at = now(),
           last_error = NULL, result = NULL, locked_by = NULL, locked_until = NULL, finished_at = NULL
         WHERE claimline_jobs.state IN ('done', 'dead')`
      : "DO NOTHING";
    // xmax = 0 tells a fresh insert from an update of an existing row.
    const rows = (await this.pool.query(
      `INSERT INTO claimline_jobs (key, origin, payload, max_attempts)
       SELECT k, o, p, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(k, o, p)
       ON CONFLICT (key) ${conflict} RETURNING (xmax = 0) AS fresh`,
      [unique.map((i) => i.key), unique.map((i) => i.article.origin), unique.map((i) => JSON.stringify({ article: i.article } satisfies JobPayload)), this.maxAttempts],
    )).rows as { fresh: boolean }[];
    const fresh = rows.filter((r) => r.fresh).length;
    result.enqueued += fresh;
    result.requeued += rows.length - fresh;
    result.existing += unique.length - rows.length;
    return result;
  }

  /**
   * Takes one job for `worker` under a lease of `leaseMs` (see `claimBatch`).
   */
  async claim(worker: string, leaseMs: number, options: { reclaim?: boolean } = {}): Promise<Job | undefined> {
    return (await this.claimBatch(worker, leaseMs, 1, options))[0];
  }

  /**
   * Takes up to `limit` jobs for `worker` in one statement, under a lease of `leaseMs`: with `reclaim`, first running
   * jobs whose lease ran out (their worker died mid-job, so they are retried), then the oldest waiting ones. SKIP
   * LOCKED lets many workers claim at once without waiting on each other or taking the same job. Callers reclaim
   * now and then, not on every claim, so a claim is normally one indexed statement for a whole batch.
   */
  async claimBatch(worker: string, leaseMs: number, limit: number, options: { reclaim?: boolean } = {}): Promise<Job[]> {
    const sources = [
      ...(options.reclaim ? [{ name: "claimline_reclaim", where: "state = 'running' AND locked_until < now()", order: "locked_until" }] : []),
      { name: "claimline_claim", where: "state = 'queued' AND run_at <= now()", order: "run_at, id" },
    ];
    const jobs: Job[] = [];
    for (const { name, where, order } of sources) {
      if (jobs.length >= limit) break;
      const rows = (await this.pool.query({
        name,
        text: `UPDATE claimline_jobs SET state = 'running', locked_by = $1, locked_until = now() + $2 * interval '1 millisecond',
                 attempts = attempts + 1, started_at = now()
               WHERE id IN (SELECT id FROM claimline_jobs WHERE ${where} ORDER BY ${order} LIMIT $3 FOR UPDATE SKIP LOCKED)
               RETURNING id, key, origin, payload, attempts, max_attempts`,
        values: [worker, leaseMs, limit - jobs.length],
      })).rows as Record<string, unknown>[];
      // RETURNING has no order: jobs are worked in queue order (ids grow with enqueueing).
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      for (const row of rows) {
        jobs.push({
          id: String(row.id), key: row.key as string, origin: row.origin as string, payload: JSON.parse(row.payload as string) as JobPayload,
          attempt: row.attempts as number, maxAttempts: row.max_attempts as number,
        });
      }
    }
    return jobs;
  }

  /**
   * Which of `jobs` `worker` still holds, locking their rows until the transaction of `c` ends: a worker writes the
   * records of these only, and no other worker can reclaim them meanwhile (a reclaim skips locked rows).
   */
  static async holding(c: Queryable, worker: string, jobs: readonly Job[]): Promise<Set<string>> {
    if (!jobs.length) return new Set();
    const rows = (await c.query({
      name: "claimline_holding",
      text: "SELECT id FROM claimline_jobs WHERE id = ANY($1::bigint[]) AND locked_by = $2 AND state = 'running' ORDER BY id FOR UPDATE",
      values: [jobs.map((j) => j.id), worker],
    })).rows as { id: string }[];
    return new Set(rows.map((r) => String(r.id)));
  }

  /**
   * Marks jobs done with what the store said, in the transaction of `c`: a worker completes its jobs in the
   * transaction that stores their records, so rows and completions commit (or are lost) together.
   * Returns the ids marked (only the lease holder's jobs are).
   */
  static async completeIn(c: Queryable, worker: string, done: readonly { job: Job; result: string }[]): Promise<Set<string>> {
    if (!done.length) return new Set();
    const rows = (await c.query({
      name: "claimline_complete_batch",
      text: `UPDATE claimline_jobs j SET state = 'done', result = u.r, payload = NULL, locked_by = NULL, locked_until = NULL, last_error = NULL,
               finished_at = now()
             FROM unnest($1::bigint[], $2::text[]) AS u(id, r) WHERE j.id = u.id AND j.locked_by = $3 AND j.state = 'running' RETURNING j.id`,
      values: [done.map((d) => d.job.id), done.map((d) => d.result), worker],
    })).rows as { id: string }[];
    return new Set(rows.map((r) => String(r.id)));
  }

  /** Extends the leases of every job `worker` holds: a live worker keeps its jobs however long extraction takes. */
  async heartbeat(worker: string, leaseMs: number): Promise<number> {
    const res = await this.pool.query(
      // Rows locked in id order, as a worker's write transaction locks its jobs: the two never wait on each other in a cycle.
      `UPDATE claimline_jobs SET locked_until = now() + $2 * interval '1 millisecond'
       WHERE id IN (SELECT id FROM claimline_jobs WHERE state = 'running' AND locked_by = $1 ORDER BY id FOR UPDATE)`,
      [worker, leaseMs],
    );
    return res.rowCount ?? 0;
  }

  /**
   * Marks a job done with what the store said. Only the lease holder can: if the lease ran out and another worker
   * took the job, this changes nothing (and the store's put, idempotent by content key, stored the article once).
   */
  async complete(job: Job, worker: string, result: string): Promise<boolean> {
    const res = await this.pool.query(
      `UPDATE claimline_jobs SET state = 'done', result = $3, payload = NULL, locked_by = NULL, locked_until = NULL, last_error = NULL, finished_at = now()
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, worker, result],
    );
    return (res.rowCount ?? 0) > 0;
  }

  /** Records a failed attempt: queued again after a backoff, or dead (kept, with its error) when out of attempts. */
  async fail(job: Job, worker: string, error: string): Promise<"retrying" | "dead" | "lost"> {
    const dead = job.attempt >= job.maxAttempts;
    const res = await this.pool.query(
      `UPDATE claimline_jobs SET state = $3, last_error = $4, locked_by = NULL, locked_until = NULL,
         run_at = now() + $5 * interval '1 millisecond', finished_at = CASE WHEN $3 = 'dead' THEN now() END
       WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, worker, dead ? "dead" : "queued", error.slice(0, 2000), dead ? 0 : retryDelayMs(job.attempt, this.retryBaseMs)],
    );
    if (!res.rowCount) return "lost";
    return dead ? "dead" : "retrying";
  }

  /** Gives back jobs a stopping worker holds without counting the attempt (a clean shutdown is not a failure). */
  async release(worker: string): Promise<number> {
    const res = await this.pool.query(
      `UPDATE claimline_jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), locked_by = NULL, locked_until = NULL, run_at = now()
       WHERE state = 'running' AND locked_by = $1`,
      [worker],
    );
    return res.rowCount ?? 0;
  }

  async counts(): Promise<QueueCounts> {
    const row = (await this.pool.query(
      `SELECT count(*) FILTER (WHERE state = 'queued' AND attempts = 0)::int AS queued,
              count(*) FILTER (WHERE state = 'queued' AND attempts > 0)::int AS retrying,
              count(*) FILTER (WHERE state = 'running')::int AS running,
              count(*) FILTER (WHERE state = 'running' AND locked_until < now())::int AS expired,
              count(*) FILTER (WHERE state = 'done')::int AS done,
              count(*) FILTER (WHERE state = 'dead')::int AS dead
       FROM claimline_jobs`,
    )).rows[0] as QueueCounts;
    return row;
  }

  /** Whether any job still needs work (waiting, retrying or running): drain mode stops when none does. */
  async pending(): Promise<number> {
    const row = (await this.pool.query("SELECT count(*)::int AS n FROM claimline_jobs WHERE state IN ('queued', 'running')")).rows[0] as { n: number };
    return row.n;
  }

  async dead(limit = 20): Promise<DeadJob[]> {
    const rows = (await this.pool.query(
      "SELECT id, origin, attempts, last_error, finished_at FROM claimline_jobs WHERE state = 'dead' ORDER BY finished_at DESC, id LIMIT $1",
      [limit],
    )).rows as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string, origin: r.origin as string, attempts: r.attempts as number, error: (r.last_error as string) ?? "",
      finishedAt: (r.finished_at as Date).toISOString(),
    }));
  }

  async retrying(limit = 20): Promise<RetryingJob[]> {
    const rows = (await this.pool.query(
      "SELECT id, origin, attempts, last_error, run_at FROM claimline_jobs WHERE state = 'queued' AND attempts > 0 ORDER BY run_at, id LIMIT $1",
      [limit],
    )).rows as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as string, origin: r.origin as string, attempts: r.attempts as number, error: (r.last_error as string) ?? "",
      runAt: (r.run_at as Date).toISOString(),
    }));
  }

  /** Jobs finished in the last `seconds`: the recent throughput `claimline status` shows. */
  async doneSince(seconds: number): Promise<number> {
    const row = (await this.pool.query(
      "SELECT count(*)::int AS n FROM claimline_jobs WHERE state = 'done' AND finished_at > now() - $1 * interval '1 second'",
      [seconds],
    )).rows[0] as { n: number };
    return row.n;
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
