// `claimline worker`: runs extraction jobs from a PostgreSQL queue, on as many machines as needed; SIGTERM stops it cleanly.
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { isServerUrl } from "../../store/open.js";
import type { CliIO } from "../io.js";

interface WorkerFlags {
  db?: string;
  concurrency?: string;
  once?: boolean;
  lease?: string;
  maxAttempts?: string;
  retryBase?: string;
  timeout?: string;
  id?: string;
  batch?: string;
  overlap?: boolean;
  verbose?: boolean;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${value})`);
  return n;
}

async function runWorkerCommand(flags: WorkerFlags, io: CliIO): Promise<number> {
  const db = flags.db ?? process.env.CLAIMLINE_DB;
  if (!db || !isServerUrl(db)) {
    io.err.write("claimline: worker needs a PostgreSQL queue: --db postgres://user@host:5432/db (or CLAIMLINE_DB)\n");
    return 2;
  }
  // Loaded here, not at start-up: every other command stays free of pg.
  const [{ runWorker }, { redactUrl }] = await Promise.all([import("../../queue/runner.js"), import("../../store/postgres/connect.js")]);
  const concurrency = Math.floor(positive(flags.concurrency, availableParallelism(), "concurrency"));
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals === 1) {
      // First signal: claim nothing more, finish the jobs in flight (seconds), then exit 0.
      io.err.write(`claimline: ${signal}: finishing the jobs in flight, then stopping\n`);
      controller.abort();
    } else {
      // Second signal: leave now; jobs in flight return to the queue when their lease runs out.
      io.err.write(`claimline: ${signal} again: stopping now\n`);
      process.exit(130);
    }
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    const summary = await runWorker({
      url: db,
      concurrency,
      once: flags.once,
      leaseMs: positive(flags.lease, 60, "lease") * 1000,
      maxAttempts: Math.floor(positive(flags.maxAttempts, 5, "max-attempts")),
      retryBaseMs: positive(flags.retryBase, 2, "retry-base") * 1000,
      jobTimeoutMs: positive(flags.timeout, 300, "timeout") * 1000,
      workerId: flags.id,
      batch: Math.floor(positive(flags.batch, 16, "batch")),
      overlap: flags.overlap !== false,
      signal: controller.signal,
      onJob: flags.verbose ? (line) => io.out.write(`${line}\n`) : undefined,
      onError: (line) => io.err.write(`claimline: ${line}\n`),
    });
    const r = summary.results;
    const rate = summary.jobs / Math.max(summary.seconds, 0.001);
    io.err.write(
      `worker ${summary.workerId}: ${summary.jobs} jobs in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} jobs/s, ${concurrency} thread${concurrency === 1 ? "" : "s"}): ` +
        `${r.inserted ?? 0} new, ${r.updated ?? 0} updated, ${r.reextracted ?? 0} re-extracted, ${r.unchanged ?? 0} unchanged, ${r.duplicate ?? 0} duplicate, ` +
        `${summary.retried} to retry, ${summary.dead} dead; time in extraction ${summary.extractSeconds.toFixed(1)} s, ` +
        `store writes ${summary.storeSeconds.toFixed(1)} s, queue ${summary.queueSeconds.toFixed(1)} s; CPU ${summary.cpuSeconds.toFixed(2)} s -> ${redactUrl(db)}\n`,
    );
    return summary.dead ? 1 : 0;
  } finally {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
  }
}

export function registerWorker(program: Command, io: CliIO): void {
  program
    .command("worker")
    .description("run extraction jobs queued by `claimline ingest --db postgres://…`; start one per machine, any number")
    .option("--db <url>", "the PostgreSQL store and queue (postgres://user@host:5432/db[?schema=name]; default $CLAIMLINE_DB)")
    .option("--concurrency <n>", "extraction threads in this process (default: one per core)")
    .option("--once", "drain mode: exit when no job is waiting or running")
    .option("--lease <seconds>", "a job whose worker stops heart-beating for this long is retried elsewhere", "60")
    .option("--max-attempts <n>", "attempts before a job is dead (kept with its error)", "5")
    .option("--retry-base <seconds>", "first retry delay; doubles with each failure, capped at an hour", "2")
    .option("--timeout <seconds>", "longest one extraction may take", "300")
    .option("--batch <n>", "jobs claimed per query and articles written per transaction", "16")
    .option("--no-overlap", "each thread waits while its batch is written (about one core per thread) instead of extracting on")
    .option("--id <name>", "this worker's name in the queue (default host:pid:random)")
    .option("--verbose", "print one line per finished job: status and origin")
    .action(async (flags: WorkerFlags) => {
      try {
        io.setExit(await runWorkerCommand(flags, io));
      } catch (e) {
        io.err.write(`claimline: ${(e as Error).message}\n`);
        io.setExit(1);
      }
    });
}
