// A queue worker process: N slots, each claiming a job, extracting it in a thread and storing it, under a lease kept alive by a heartbeat.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import { openPgStore, type PgStore } from "../store/postgres/pg-store.js";
import { openQueue, type Job, type JobQueue } from "./queue.js";
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
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => { clearTimeout(t); resolve(); };
    const t = setTimeout(() => { signal?.removeEventListener("abort", onAbort); resolve(); }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

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
    workerId, jobs: 0, results: {}, retried: 0, dead: 0, seconds: 0, extractSeconds: 0, storeSeconds: 0, queueSeconds: 0,
  };
  const started = performance.now();
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

  async function runJob(slot: ThreadSlot, job: Job): Promise<void> {
    try {
      // A retry may find the article stored already (its worker died between the put and the completion):
      // then there is nothing to extract. First attempts skip the look-up: the enqueue checked the store.
      const held = job.attempt > 1 ? await timed("storeSeconds", () => store.hasContentKeys([job.key])) : new Set<string>();
      let status: string;
      if (held.size) status = "unchanged";
      else {
        const record = await timed("extractSeconds", () => slot.extract(job.payload.article));
        status = (await timed("storeSeconds", () => store.put(record, { origin: job.origin }))).status;
      }
      if (await timed("queueSeconds", () => queue.complete(job, workerId, status))) {
        summary.jobs++;
        summary.results[status] = (summary.results[status] ?? 0) + 1;
        options.onJob?.(`${status}\t${job.origin}`);
      }
    } catch (e) {
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
  }

  let lastReclaim = -Infinity;
  async function loop(slot: ThreadSlot): Promise<void> {
    let idle = true;
    while (!options.signal?.aborted) {
      let job: Job | undefined;
      try {
        // Expired leases are looked for at most every half lease (they only appear when a worker dies) and
        // whenever there is nothing else to do, so a drain run always ends by retrying a dead worker's jobs.
        const reclaim: boolean = idle || performance.now() - lastReclaim > leaseMs / 2;
        if (reclaim) lastReclaim = performance.now();
        job = await timed("queueSeconds", () => queue.claim(workerId, leaseMs, { reclaim }));
        idle = !job;
      } catch (e) {
        // The server restarting or a network blip: wait and try again rather than die with jobs unfinished.
        options.onError?.(`claim failed: ${(e as Error).message}`);
        await sleep(pollMs * 4, options.signal);
        continue;
      }
      if (job) {
        await runJob(slot, job);
        continue;
      }
      if (options.once && (await queue.pending().catch(() => 1)) === 0) return;
      await sleep(pollMs, options.signal);
    }
  }

  try {
    await Promise.all(slots.map(loop));
  } finally {
    clearInterval(heartbeat);
    // Nothing should be held here (slots finish their job before leaving), but a job left running would wait for its lease.
    await queue.release(workerId).catch(() => 0);
    await Promise.all(slots.map((s) => s.close()));
    await Promise.all([store.close(), queue.close()]);
    summary.seconds = (performance.now() - started) / 1000;
  }
  return summary;
}
