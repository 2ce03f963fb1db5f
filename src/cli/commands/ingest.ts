// `claimline ingest`: extracts articles (in parallel worker threads) and stores each once, or with postgres:// queues them for workers.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { Command } from "commander";
import type { PutStatus } from "../../store/store.js";
import { openSqliteStore } from "../../store/sqlite/sqlite-store.js";
import { contentKey } from "../../store/identity.js";
import { isServerUrl } from "../../store/open.js";
import { expandArgument, readInput } from "../inputs.js";
import type { CliIO } from "../io.js";
import { describeError, extractTask, metadataFromFileName, readArticles, type ExtractResult, type ExtractTask } from "./ingest-extract.js";
import { ProgressBar } from "./progress-bar.js";
import { DEFAULT_STORE } from "./query-common.js";
import { JIT_FLAGS, normaliseDate } from "./extract.js";

interface IngestFlags {
  db: string;
  publishedFromFilename?: boolean;
  jobs?: string;
  force?: boolean;
  verbose?: boolean;
  outlet?: string;
  published?: string;
}

/** Below this many inputs, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 16;

async function buildTasks(inputs: string[], flags: IngestFlags): Promise<ExtractTask[]> {
  const paths = (await Promise.all(inputs.map(expandArgument))).flat();
  const tasks: ExtractTask[] = [];
  for (const [index, input] of paths.entries()) {
    const overrides: ExtractTask["overrides"] = {};
    if (flags.outlet) overrides.outlet = flags.outlet;
    if (flags.published) overrides.published = normaliseDate(flags.published);
    let fallbackOutlet: string | undefined;
    if (flags.publishedFromFilename && input !== "-") {
      const fromName = metadataFromFileName(input);
      if (fromName.published && !overrides.published) overrides.published = fromName.published;
      fallbackOutlet = fromName.country;
    }
    const task: ExtractTask = { index, input, overrides };
    if (fallbackOutlet) task.fallbackOutlet = fallbackOutlet;
    // Workers cannot read the main thread's stdin.
    if (input === "-") task.bytes = (await readInput("-")).bytes;
    tasks.push(task);
  }
  return tasks;
}

/** The compiled worker next to this module; absent when running from sources (tsx), then extraction runs inline. */
function workerScript(): string | undefined {
  const file = fileURLToPath(new URL("./ingest-worker.js", import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Runs every task, in `jobs` worker threads when possible, calling `onResult` on the main thread in input
 * order (results that finish early wait), so that which copy of a duplicated text is kept never depends on timing.
 */
async function runTasks(tasks: ExtractTask[], jobs: number, known: Set<string>, onResult: (r: ExtractResult) => void): Promise<void> {
  const waiting = new Map<number, ExtractResult>();
  let nextToCommit = 0;
  const inOrder = (result: ExtractResult) => {
    waiting.set(result.index, result);
    for (let r = waiting.get(nextToCommit); r; r = waiting.get(nextToCommit)) {
      waiting.delete(nextToCommit++);
      onResult(r);
    }
  };
  await runUnordered(tasks, jobs, known, inOrder);
}

async function runUnordered(tasks: ExtractTask[], jobs: number, known: Set<string>, onResult: (r: ExtractResult) => void): Promise<void> {
  const script = workerScript();
  if (jobs <= 1 || !script) {
    for (const task of tasks) onResult(await extractTask(task, known));
    return;
  }
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => new Worker(script, { workerData: { known: [...known] } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= tasks.length) return resolve();
              worker.postMessage(tasks[next++]);
            };
            worker.on("message", (result: ExtractResult) => {
              try {
                onResult(result);
              } catch (e) {
                return reject(e);
              }
              feed();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`extraction worker stopped with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Articles per enqueue statement: large enough to amortise the round trip, small enough to keep memory flat. */
const ENQUEUE_BATCH = 500;

/**
 * The scale-out path (`--db postgres://…`): reads and ingests the inputs here, skips articles the store already
 * holds, and queues one extraction job per article, keyed by its content key so re-enqueueing adds nothing;
 * `claimline worker` processes run the extraction on any number of machines.
 */
async function runEnqueue(inputs: string[], flags: IngestFlags, io: CliIO): Promise<number> {
  const started = Date.now();
  const tasks = await buildTasks(inputs.length ? inputs : ["-"], flags);
  // Loaded on demand: the SQLite path never loads pg.
  const [{ openQueue }, { openPgStore }, { redactUrl }] = await Promise.all([
    import("../../queue/queue.js"), import("../../store/postgres/pg-store.js"), import("../../store/postgres/connect.js"),
  ]);
  const queue = await openQueue(flags.db, { max: 1 });
  const counts = { articles: 0, enqueued: 0, requeued: 0, existing: 0, stored: 0, errors: 0 };
  try {
    const store = await openPgStore(flags.db, { max: 1 });
    try {
      let batch: { key: string; article: Awaited<ReturnType<typeof readArticles>>[number] }[] = [];
      const flush = async () => {
        // Already stored with this content: nothing to extract (unless --force asks for a re-extraction).
        const held = flags.force ? new Set<string>() : await store.hasContentKeys(batch.map((b) => b.key));
        const fresh = batch.filter((b) => !held.has(b.key));
        counts.stored += batch.length - fresh.length;
        const r = await queue.enqueue(fresh, { force: flags.force });
        counts.enqueued += r.enqueued;
        counts.requeued += r.requeued;
        counts.existing += r.existing;
        batch = [];
      };
      for (const task of tasks) {
        let articles: Awaited<ReturnType<typeof readArticles>>;
        try {
          articles = await readArticles(task);
        } catch (e) {
          counts.errors++;
          io.err.write(`claimline: ${describeError(e, task.input)}\n`);
          continue;
        }
        for (const article of articles) {
          counts.articles++;
          batch.push({ key: contentKey(article.source, article.text), article });
          if (flags.verbose) io.out.write(`read\t${article.origin}\n`);
        }
        if (batch.length >= ENQUEUE_BATCH) await flush();
      }
      await flush();
    } finally {
      await store.close();
    }
  } finally {
    await queue.close();
  }
  const seconds = (Date.now() - started) / 1000;
  io.err.write(
    `enqueued ${tasks.length} input${tasks.length === 1 ? "" : "s"}, ${counts.articles} articles in ${seconds.toFixed(1)} s: ` +
      `${counts.enqueued} new jobs, ${counts.requeued} queued again, ${counts.existing} already queued or done, ${counts.stored} already stored, ` +
      `${counts.errors} error${counts.errors === 1 ? "" : "s"} -> ${redactUrl(flags.db)} (run \`claimline worker --db …\` to extract them)\n`,
  );
  return counts.errors ? 1 : 0;
}

async function runIngest(inputs: string[], flags: IngestFlags, io: CliIO): Promise<number> {
  if (isServerUrl(flags.db)) return runEnqueue(inputs, flags, io);
  // The tier-up budget `claimline extract` uses (JIT_FLAGS): process-wide, so the extraction threads get it too.
  setFlagsFromString(JIT_FLAGS);
  const started = Date.now();
  const tasks = await buildTasks(inputs.length ? inputs : ["-"], flags);
  const store = openSqliteStore(flags.db);
  const counts: Record<PutStatus | "errors" | "articles", number> = {
    inserted: 0, updated: 0, reextracted: 0, unchanged: 0, duplicate: 0, errors: 0, articles: 0,
  };
  const known = flags.force ? new Set<string>() : await store.contentKeys();
  const cores = availableParallelism();
  const jobs = flags.jobs !== undefined ? Math.max(1, Number.parseInt(flags.jobs, 10) || 1) : tasks.length >= WORKER_THRESHOLD ? cores : 1;
  const tty = Boolean((io.err as { isTTY?: boolean }).isTTY);
  const bar = tty ? new ProgressBar(io.err, tasks.length, "ingest") : undefined;
  let done = 0;
  try {
    await runTasks(tasks, jobs, known, (result) => {
      done++;
      if (result.error) {
        counts.errors++;
        if (bar) io.err.write("\n");
        io.err.write(`claimline: ${result.error}\n`);
      }
      for (const item of result.items) {
        counts.articles++;
        // Each put commits before it is reported, so what was reported survives a kill.
        const status: PutStatus = item.kind === "skipped" ? "unchanged" : store.putSync(item.record, { origin: item.origin }).status;
        counts[status]++;
        if (flags.verbose) io.out.write(`${status}\t${item.origin}\n`);
      }
      bar?.update(done, counts.articles, counts.errors);
    });
  } finally {
    bar?.finish(done, counts.articles, counts.errors);
    await store.close();
  }
  const seconds = (Date.now() - started) / 1000;
  io.err.write(
    `ingested ${tasks.length} input${tasks.length === 1 ? "" : "s"}, ${counts.articles} articles in ${seconds.toFixed(1)} s ` +
      `(${(counts.articles / Math.max(seconds, 0.001)).toFixed(0)} articles/s, ${jobs} job${jobs === 1 ? "" : "s"}): ` +
      `${counts.inserted} new, ${counts.updated} updated, ${counts.reextracted} re-extracted, ${counts.unchanged} unchanged, ${counts.duplicate} duplicate, ` +
      `${counts.errors} error${counts.errors === 1 ? "" : "s"} -> ${flags.db}\n`,
  );
  return counts.errors ? 1 : 0;
}

export function registerIngest(program: Command, io: CliIO): void {
  program
    .command("ingest")
    .description("extract articles and store each once (files, directories, JSONL, feeds or '-'); re-running changes nothing")
    .argument("[inputs...]", "files, directories, http(s) URLs of pages or feeds, or '-'")
    .option("--db <path>", "the store: a SQLite file, or postgres://… to queue the articles for `claimline worker`", DEFAULT_STORE)
    .option("--published-from-filename", "take the publication date from a YYYYMMDD file-name prefix (and a _CC_ source country as the outlet of last resort)")
    .option("--jobs <n>", "extraction threads (default: one per core for 16 inputs or more)")
    .option("--outlet <name>", "outlet name for every input")
    .option("--published <date>", "publication date for every input")
    .option("--force", "re-extract inputs the store already holds (after the pipeline improved); with postgres://, queue done and dead jobs again")
    .option("--verbose", "print one line per stored article: status and origin")
    .action(async (inputs: string[], flags: IngestFlags) => {
      io.setExit(await runIngest(inputs, flags, io));
    });
}
