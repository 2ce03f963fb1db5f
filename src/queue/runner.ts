// A queue worker process: claims jobs in batches, extracts them in N threads and writes each batch with its completions in one transaction.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import { openPgStore, type PgStore } from "../store/postgres/pg-store.js";
import type { ArticleRecord } from "../core/record.js";
import { JobQueue, openQueue, type Job } from "./queue.js";
import { ThreadSlot } from "./thread-slot.js";

export interface WorkerOptions {
  /** postgres:// URL of the store and queue */
  url: string;
  /** extraction threads (and jobs in flight) in this process */
  concurrency: number;
  /** drain mode: stop when no job is waiting or running anywhere */
  once?: boolean;
  /** how long a claimed job stays ours without a heartbeat; a killed worker's job is retried after this */
  leaseMs?: number;
  /** how often an idle slot looks for work */
  pollMs?: number;
  /** jobs claimed per query, and most articles written per transaction (default 16) */
  batch?: number;
  /**
   * Extract the next jobs while the last ones are written (default true): the most throughput from one process,
   * which then uses a core for extraction per thread plus what the writes take. Off, a thread extracts a batch,
   * then waits while it is written: each thread then uses about one core, extraction and writes in turn.
   */
  overlap?: boolean;
  /** longest one extraction may take before its job fails */
  jobTimeoutMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  /** a stable name for this worker (default host:pid:random) */
  workerId?: string;
  /** aborting stops claiming; jobs in flight finish first */
  signal?: AbortSignal;
  /** one line per finished job: `status\torigin` (status: what the store said, or retrying/dead) */
  onJob?: (line: string) => void;
  onError?: (line: string) => void;
}

export interface WorkerSummary {
  workerId: string;
  jobs: number;
  /** what the store said per stored job (inserted, unchanged, duplicate, ...) */
  results: Record<string, number>;
  retried: number;
  dead: number;
  seconds: number;
  /** wall time the slots spent in each phase, summed over slots */
  extractSeconds: number;
  storeSeconds: number;
  queueSeconds: number;
  /** CPU time of this process (all its threads: extraction and the main thread's writes), user + system */
  cpuSeconds: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => { clearTimeout(t); resolve(); };
    const t = setTimeout(() => { signal?.removeEventListener("abort", onAbort); resolve(); }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Longest an extracted record waits for its batch to fill before it is written anyway. */
const MAX_WAIT_MS = 1000;

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Runs until aborted (or, with `once`, until the queue is drained). Effects are exactly-once although jobs are
 * at-least-once: a job whose worker died is claimed again when its lease runs out, and the store's put is
 * idempotent by content key, so a retry after the article was stored finds it and stores nothing new.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const workerId = options.workerId ?? defaultWorkerId();
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 500;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const summary: WorkerSummary = {
    workerId, jobs: 0, results: {}, retried: 0, dead: 0, seconds: 0, extractSeconds: 0, storeSeconds: 0, queueSeconds: 0, cpuSeconds: 0,
  };
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  // A connection per slot for puts, plus a spare; the queue's pool serves claims, completions and the heartbeat.
  const store: PgStore = await openPgStore(options.url, { max: concurrency + 1, asyncCommit: true });
  let queue: JobQueue;
  try {
    queue = await openQueue(options.url, { max: 2, asyncCommit: true, maxAttempts: options.maxAttempts, retryBaseMs: options.retryBaseMs });
  } catch (e) {
    await store.close();
    throw e;
  }
  const slots = Array.from({ length: concurrency }, () => new ThreadSlot(options.jobTimeoutMs ?? 300_000));
  // The heartbeat runs on the main thread, which extraction never blocks (it runs in the slots' threads).
  const heartbeat = setInterval(() => {
    queue.heartbeat(workerId, leaseMs).catch((e: Error) => options.onError?.(`heartbeat failed: ${e.message}`));
  }, Math.max(50, Math.floor(leaseMs / 3)));
  const timed = async <T>(phase: "extractSeconds" | "storeSeconds" | "queueSeconds", fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      summary[phase] += (performance.now() - t) / 1000;
    }
  };

  /** A finished extraction waiting to be written: a record, or a status when there is nothing to write. */
  interface Pending { job: Job; record?: ArticleRecord; status?: string; at: number; done: () => void }
  const pending: Pending[] = [];
  const batch = Math.max(1, Math.floor(options.batch ?? 16));
  const overlap = options.overlap ?? true;

  function finished(job: Job, status: string): void {
    summary.jobs++;
    summary.results[status] = (summary.results[status] ?? 0) + 1;
    options.onJob?.(`${status}\t${job.origin}`);
  }

  async function failed(job: Job, e: unknown): Promise<void> {
    const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    const outcome = await timed("queueSeconds", () => queue.fail(job, workerId, message)).catch((f: Error) => {
      options.onError?.(`could not record the failure of job ${job.id}: ${f.message}`);
      return "lost" as const;
    });
    if (outcome === "dead") summary.dead++;
    if (outcome === "retrying") summary.retried++;
    options.onError?.(`${job.origin}: ${message} (attempt ${job.attempt} of ${job.maxAttempts}${outcome === "dead" ? ", dead" : outcome === "retrying" ? ", will retry" : ""})`);
    if (outcome !== "lost") options.onJob?.(`${outcome}\t${job.origin}`);
  }

  /**
   * Writes finished jobs in one transaction: the jobs still ours are locked, their records put, and they are
   * marked done before the commit, so the rows and the completion of a job commit together or not at all. A job
   * whose lease another worker took meanwhile is neither written nor completed here (that worker does both).
   */
  async function write(entries: Pending[]): Promise<void> {
    const withRecord = entries.filter((e) => e.record);
    const ours = new Set<string>();
    const completed = await timed("storeSeconds", async () => {
      let marked = new Set<string>();
      await store.putBatch(withRecord.map((e) => ({ record: e.record!, origin: e.job.origin })), {
        select: async (c) => {
          for (const id of await JobQueue.holding(c, workerId, entries.map((e) => e.job))) ours.add(id);
          return withRecord.map((e) => ours.has(e.job.id));
        },
        finish: async (c, results) => {
          const status = new Map(withRecord.map((e, i) => [e, results[i]?.status]));
          marked = await JobQueue.completeIn(c, workerId, entries.filter((e) => ours.has(e.job.id)).map((e) => ({ job: e.job, result: status.get(e) ?? e.status ?? "unchanged" })));
          for (const e of entries) if (marked.has(e.job.id)) e.status = status.get(e) ?? e.status ?? "unchanged";
        },
      });
      return marked;
    });
    for (const e of entries) if (completed.has(e.job.id)) finished(e.job, e.status!);
  }

  let writing: Promise<void> | undefined;
  /** Writes everything pending, a batch per transaction; one writer at a time (the caller may await the current one). */
  function flush(): Promise<void> {
    writing ??= (async () => {
      try {
        while (pending.length) {
          const entries = pending.splice(0, batch);
          try {
            await write(entries);
          } catch (e) {
            // A batch that fails is written job by job, so one bad record fails only its own job.
            if (entries.length === 1) await failed(entries[0]!.job, e);
            else for (const one of entries) await write([one]).catch((f: unknown) => failed(one.job, f));
          }
          for (const e of entries) e.done();
        }
      } finally {
        writing = undefined;
      }
    })();
    return writing;
  }

  const buffer: Job[] = [];
  let claiming: Promise<void> | undefined;
  let lastReclaim = -Infinity;
  let idle = true;
  /** Claims a batch into the local buffer; one claim at a time. Claim errors (a server restart, a blip) are reported and waited out. */
  function refill(): Promise<void> {
    claiming ??= (async () => {
      try {
        // Expired leases are looked for at most every half lease (they only appear when a worker dies) and
        // whenever there is nothing else to do, so a drain run always ends by retrying a dead worker's jobs.
        const reclaim = idle || performance.now() - lastReclaim > leaseMs / 2;
        if (reclaim) lastReclaim = performance.now();
        const jobs = await timed("queueSeconds", () => queue.claimBatch(workerId, leaseMs, batch, { reclaim }));
        idle = !jobs.length;
        buffer.push(...jobs);
      } catch (e) {
        options.onError?.(`claim failed: ${(e as Error).message}`);
        await sleep(pollMs * 4, options.signal);
      } finally {
        claiming = undefined;
      }
    })();
    return claiming;
  }

  /** The next job for a slot, claiming as needed; undefined when stopping (or, with `once`, when nothing is left anywhere). */
  async function nextJob(): Promise<Job | undefined> {
    while (!options.signal?.aborted) {
      const job = buffer.shift();
      if (job) {
        // Claim ahead while the buffer runs low, so a slot rarely waits for a claim.
        if (overlap && buffer.length < concurrency && !claiming) void refill();
        return job;
      }
      // Serial: what was extracted is written before more is claimed.
      if (!overlap && pending.length) await flush();
      await refill();
      if (buffer.length) continue;
      if (pending.length || writing) { await flush(); continue; }
      if (options.once && (await queue.pending().catch(() => 1)) === 0) return undefined;
      await sleep(pollMs, options.signal);
    }
    return undefined;
  }

  async function loop(slot: ThreadSlot): Promise<void> {
    for (let job = await nextJob(); job; job = await nextJob()) {
      let entry: Omit<Pending, "done" | "at">;
      try {
        // A retry may find the article stored already (by a worker of an older claimline, which completed jobs
        // after their put, or by another job of the same content): then there is nothing to extract.
        // First attempts skip the look-up: the enqueue checked the store.
        const held = job.attempt > 1 ? await timed("storeSeconds", () => store.hasContentKeys([job.key])) : new Set<string>();
        if (held.size) entry = { job: job, status: "unchanged" };
        else entry = { job: job, record: await timed("extractSeconds", () => slot.extract(job!.payload.article)) };
      } catch (e) {
        await failed(job, e);
        continue;
      }
      const written = new Promise<void>((resolve) => pending.push({ ...entry, at: performance.now(), done: resolve }));
      // Written a batch at a time (fewer, bigger transactions: less database CPU per article), or sooner when
      // the oldest has waited a second (slow extractions); a slot with nothing left to extract flushes in nextJob.
      const due = pending.length >= batch || performance.now() - pending[0]!.at > MAX_WAIT_MS;
      if (overlap) {
        if (due) void flush();
        // At most two batches wait: beyond that the thread waits for the writer.
        if (pending.length >= 2 * batch) await written;
      } else if (due) {
        await flush();
      }
    }
  }

  try {
    await Promise.all(slots.map(loop));
    // What was extracted before a stop is written before leaving.
    await flush();
  } finally {
    clearInterval(heartbeat);
    // Nothing should be held here (slots finish their job before leaving), but a job left running would wait for its lease.
    await queue.release(workerId).catch(() => 0);
    await Promise.all(slots.map((s) => s.close()));
    await Promise.all([store.close(), queue.close()]);
    summary.seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    summary.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  }
  return summary;
}
