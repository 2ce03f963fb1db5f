// `claimline extract`: prints the claim record of each input (DESIGN.md §2 describes the contract).
import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker, isMainThread, parentPort, workerData, type WorkerOptions } from "node:worker_threads";
import { InvalidArgumentError, Option, type Command } from "commander";
import { IngestError, type IngestedArticle, type MetadataOverrides } from "../../ingest/types.js";
import { expandArgument, readInput } from "../inputs.js";
import type { CliIO } from "../io.js";
import { startMemoryProbe } from "../memory-probe.js";

interface ExtractFlags {
  format?: "json" | "jsonl" | "text";
  title?: string;
  subtitle?: string;
  published?: string;
  outlet?: string;
  url?: string;
  jobs?: number;
}

/** What one worker (or the main thread) needs to turn an input into output text. */
interface ExtractSettings {
  meta: MetadataOverrides;
  format: "json" | "jsonl" | "text";
  /** several inputs (or jsonl): one compact line per record */
  many: boolean;
}

/**
 * Where one input's output goes as it is made: formatted records and messages, in input order. Each failure is
 * one message. A record is handed on at once, so no thread holds a whole input's records (a JSONL shard of a few
 * hundred articles is megabytes of output).
 */
interface OutputSink {
  record(s: string): void | Promise<void>;
  error(message: string): void | Promise<void>;
}

/**
 * Part of one input's output, as a pool worker sends it; `done` on the input's last part. The records come as
 * UTF-8 bytes, each framed as the writer frames it (`frame`), in a transferred buffer: the coordinator writes them
 * without making a string of them, so its heap (uncapped, unlike a worker's) stays small however much passes through.
 */
interface OutputChunk {
  index: number;
  bytes?: Uint8Array;
  /** records in `bytes` */
  count: number;
  errors: string[];
  done: boolean;
}

/**
 * Input bytes per worker thread before a pool pays off. A worker costs about a third of a CPU-second
 * to start (module load, lexicons, its own JIT warm-up); a few MB of news text is several CPU-seconds
 * of extraction, so below this size one thread finishes sooner and spends less CPU overall.
 */
const BYTES_PER_WORKER = 4 * 1024 * 1024;
/**
 * V8's default budget sends a function to the optimising compiler after a few hundred calls. Over a few
 * hundred articles the optimiser's compile time (background threads, but CPU all the same) costs more than
 * the optimised code saves: about a third of the CLI's CPU over the 447 war-news texts. A budget ~8× the
 * default optimises only the functions that stay hot, which over 100 k articles are the same ones
 * (docs/performance.md has the measurements). `--always-sparkplug` compiles a function to baseline code on its
 * first call instead of interpreting it until it warms up: the functions of a batch that never reach the optimiser
 * then run 1.5-2× faster from the start (the 447 texts: 2.3 % fewer instructions under callgrind, a median 0.2
 * CPU-s less over 7 alternated runs, output identical).
 */
export const JIT_FLAGS = "--interrupt-budget=1048576 --always-sparkplug";
/**
 * Heap limits of a pool worker: the caps keep idle garbage from growing RSS. Other caps measured worse (10,000
 * articles, 2026-11-27): old 64 MB, 295 MB peak but 2.6× the CPU (collections back to back); old 96 MB, no gain;
 * young 6 or 4 MB, about 15–25 MB less at 10 % or more CPU.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };
/** Inputs handed out ahead of the one being written: bounds memory while keeping every worker busy. */
const AHEAD_PER_WORKER = 2;
/** Inputs a worker holds at once: one, so a worker's heap holds one input's articles (see WORKER_LIMITS). */
const HELD_PER_WORKER = 1;
/**
 * Characters of records a worker gathers before it posts them: a message of a few hundred KB keeps the messages
 * few (one per several records) while no structured-clone buffer, and no string array on either side, grows
 * to a whole input's output. Posting each input's output whole (3+ MB per 200-article shard) kept the
 * coordinator's heap near 40 MB and left large freed blocks in the threads' malloc arenas.
 */
const CHUNK_CHARS = 256 * 1024;
/** Bytes of a new output buffer: a part of CHUNK_CHARS characters, mostly ASCII, fits with room for a long last record. */
const SPARE_BYTES = 2 * CHUNK_CHARS;
/** Written buffers a worker keeps for reuse: about the parts in flight between it and the writer. */
const MAX_SPARE = 4;
/** Pool settings tests change: a part per record exercises the path that sends an input's output in parts. */
export const poolTuning = { chunkChars: CHUNK_CHARS };

export function normaliseDate(value: string): string {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) && Number.isNaN(d.getTime())) throw new Error(`--published: not a date: ${value}`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const isUrl = (p: string): boolean => /^https?:\/\//i.test(p);

/**
 * The pipeline, ingest and record modules, imported on the first input: the main thread of a worker pool never
 * extracts (unless a worker dies), so it does not pay for loading them; `claimline --help` does not either.
 */
let engine: Promise<{
  processArticle: typeof import("../../index.js").processArticle;
  ingest: typeof import("../../ingest/index.js").ingest;
  ingestUrl: typeof import("../../ingest/index.js").ingestUrl;
  toRecord: typeof import("../../core/to-record.js").toRecord;
  digest: typeof import("../digest.js").digest;
}> | undefined;
function loadEngine(): NonNullable<typeof engine> {
  engine ??= Promise.all([import("../../index.js"), import("../../ingest/index.js"), import("../../core/to-record.js"), import("../digest.js")])
    .then(([lib, ing, rec, dig]) => ({ processArticle: lib.processArticle, ingest: ing.ingest, ingestUrl: ing.ingestUrl, toRecord: rec.toRecord, digest: dig.digest }));
  return engine;
}

/**
 * Reads, ingests and extracts one input (a file, "-" or an http(s) URL), handing each record to `out` as it is
 * made. Never throws: failures become messages.
 */
async function extractInput(p: string, settings: ExtractSettings, out: OutputSink): Promise<void> {
  try {
    const { processArticle, ingest, ingestUrl, toRecord, digest } = await loadEngine();
    let articles: IngestedArticle[];
    if (isUrl(p)) {
      articles = await ingestUrl(p, { ...settings.meta, origin: p });
    } else {
      const raw = await readInput(p);
      articles = await ingest(raw.bytes, { ...settings.meta, origin: raw.origin });
    }
    for (const article of articles) {
      const doc = processArticle(article);
      // An id the input gives (a JSONL `id`) names the record; a derived hash is only the fallback.
      if (article.id) doc.id = article.id;
      const rec = toRecord(doc);
      // Non-English text still gets its record (language recorded), but the user hears about it.
      const lang = rec.source.language;
      if (lang && !/^en\b/i.test(lang)) {
        await out.error(`${WARNING}${article.origin}: language "${lang}": extraction rules are English-only\n`);
      }
      if (settings.format === "text") await out.record(digest(rec));
      else if (settings.many || articles.length > 1) await out.record(JSON.stringify(rec));
      else await out.record(JSON.stringify(rec, null, 2));
    }
  } catch (e) {
    const origin = e instanceof IngestError && e.origin ? e.origin : p;
    const msg = e instanceof Error ? e.message : String(e);
    await out.error(`claimline: ${origin}: ${msg.split("\n")[0]}\n`);
  }
}

/**
 * Messages that start so are warnings: written like errors (and carried by the same worker messages) but the record
 * was made, so they do not make the run exit 1 — a script's `set -e` should not stop on a French article.
 */
const WARNING = "claimline: warning: ";

/**
 * One record as written after another: text digests are separated by a blank line, JSON records end their line.
 * The first record of the output drops the text format's leading newline (`OrderedWriter`).
 */
const frame = (format: ExtractSettings["format"], s: string): string => (format === "text" ? `\n${s}\n` : `${s}\n`);

/** Writes records and messages as given (the callers keep input order), waiting for the stream to drain so a slow reader keeps memory flat. */
class OrderedWriter implements OutputSink {
  failures = 0;
  private first = true;
  constructor(private readonly io: CliIO, private readonly format: ExtractSettings["format"]) {}

  error(message: string): void {
    if (!message.startsWith(WARNING)) this.failures++;
    this.io.err.write(message);
  }

  record(s: string): Promise<void> | void {
    const line = this.format === "text" && this.first ? `${s}\n` : frame(this.format, s);
    this.first = false;
    return this.write(line);
  }

  /** Records already framed and encoded by a worker (`OutputChunk.bytes`); `written` once the stream is done with them. */
  bytes(b: Uint8Array, written?: () => void): Promise<void> | void {
    if (this.first && this.format === "text") b = b.subarray(1);
    this.first = false;
    return this.write(b, written);
  }

  private write(chunk: string | Uint8Array, written?: () => void): Promise<void> | void {
    if (!this.io.out.write(chunk, written)) return once(this.io.out, "drain").then(() => undefined);
  }
}

/** One part of an input's output: a worker's encoded records, or records this thread made, and messages. */
interface PendingChunk {
  bytes?: Uint8Array;
  /** the worker that sent `bytes`: their buffer goes back to it once written */
  from?: Worker;
  records?: string[];
  errors: string[];
}

/** What the coordinator has of one input: parts not written yet, counts of all received, and whether it is complete. */
class PendingInput {
  chunks: PendingChunk[] = [];
  records = 0;
  errors = 0;
  done = false;

  add(chunk: PendingChunk, count: number): void {
    if (!count && !chunk.errors.length) return;
    this.chunks.push(chunk);
    this.records += count;
    this.errors += chunk.errors.length;
  }
}

/**
 * Total bytes of the file inputs, counted up to `enough` (no need to stat 100 k files to know the pool is
 * worth it); undefined when an input's size is unknown until read (stdin, URLs).
 */
async function totalBytes(paths: string[], enough: number): Promise<number | undefined> {
  if (paths.some((p) => p === "-" || isUrl(p))) return undefined;
  let total = 0;
  for (const p of paths) {
    try {
      total += statSync(p, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      // unreadable: its error comes when it is read
    }
    if (total >= enough) break;
  }
  return total;
}

/** Worker threads to use: the flag, else one per BYTES_PER_WORKER of input up to the core count. */
async function workerCount(paths: string[], jobs: number | undefined): Promise<number> {
  if (paths.length < 2 || paths.includes("-")) return 1; // stdin is the main thread's to read
  const cores = availableParallelism();
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, paths.length));
  const bytes = await totalBytes(paths, cores * BYTES_PER_WORKER);
  if (bytes === undefined) return 1;
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_WORKER), paths.length));
}

/**
 * The shipped NER model unpacked once into shared memory for the pool: each worker reads it in place instead of
 * unpacking its own 11 MB copy (and paying the gunzip). Undefined when it cannot be read: workers load their own.
 */
async function sharedNerModel(): Promise<SharedArrayBuffer | undefined> {
  try {
    const { MODEL_PATH, unpackedModel } = await import("../../nlp/en/ner/model.js");
    // the build's unpacked copy, or one output buffer (see gunzipWhole): a coordinator seldom collects its garbage
    const bytes = unpackedModel(readFileSync(MODEL_PATH));
    const shared = new SharedArrayBuffer(bytes.length);
    new Uint8Array(shared).set(bytes);
    return shared;
  } catch {
    return undefined;
  }
}

/** A pool worker's start: the settings, and the shared model bytes and tables if the coordinator could read them. */
interface WorkerStart {
  claimlineExtract: ExtractSettings;
  /** characters of records per posted part (CHUNK_CHARS) */
  chunkChars: number;
  nerModel?: SharedArrayBuffer;
  gazetteer?: import("../../geo/gazetteer.js").GazetteerTables;
}

/**
 * A pool worker: this module in a new thread. Run from the TypeScript sources (the tests, the dev CLI), the module
 * is loaded through tsx's API, as a worker does not inherit the `--import tsx` hooks: without it no worker could
 * start there, and the main thread would do every input (the pool's own paths untested).
 */
function poolWorker(options: WorkerOptions): Worker {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith(".ts")) return new Worker(self, options);
  const api = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const href = JSON.stringify(self.href);
  return new Worker(`import(${api}).then(({ tsImport }) => tsImport(${href}, ${href}));`, { ...options, eval: true });
}

/**
 * Hands inputs to a pool of worker threads and writes their results in input order. This thread only
 * coordinates: tried as one of the extracting threads, its uncapped heap grew RSS by over 100 MB on a
 * 10,000-article run, where a worker's heap is capped (WORKER_LIMITS). A worker that dies (its heap cap
 * reached on an outsized input) is replaced, and the inputs it held are redone on this thread.
 */
async function runPool(paths: string[], settings: ExtractSettings, jobs: number, writer: OrderedWriter): Promise<void> {
  const results = new Map<number, PendingInput>();
  const pending = (index: number): PendingInput => {
    let r = results.get(index);
    if (!r) results.set(index, (r = new PendingInput()));
    return r;
  };
  /** the inputs posted to each live worker and not finished yet */
  const held = new Map<Worker, number[]>();
  const redo: number[] = [];
  let wake: (() => void) | undefined;
  let closing = false;
  const start: WorkerStart = {
    claimlineExtract: settings, chunkChars: poolTuning.chunkChars, nerModel: await sharedNerModel(),
    gazetteer: (await import("../../geo/gazetteer.js")).sharedGazetteerTables(),
  };
  const spawnWorker = (): void => {
    const w = poolWorker({ workerData: start, resourceLimits: WORKER_LIMITS });
    let worked = false;
    w.on("message", (m: OutputChunk) => {
      worked = true;
      const r = pending(m.index);
      r.add({ bytes: m.bytes, from: w, errors: m.errors }, m.count);
      if (m.done) {
        r.done = true;
        const h = held.get(w);
        const at = h ? h.indexOf(m.index) : -1;
        if (at >= 0) h!.splice(at, 1);
      }
      wake?.();
    });
    w.on("error", () => { /* handled on exit */ });
    w.on("exit", () => {
      const h = held.get(w);
      held.delete(w);
      if (closing) return;
      if (h) redo.push(...h);
      // a worker that never finished an input (it cannot start) is not replaced: this thread does the rest
      if (worked) spawnWorker();
      wake?.();
    });
    held.set(w, []);
  };
  /**
   * Extracts input `index` on this thread, after the parts a dead worker already sent: the output is the same
   * whichever thread makes it, so the records and messages received (some perhaps written) are skipped.
   */
  const extractHere = async (index: number): Promise<void> => {
    const r = pending(index);
    let skipRecords = r.records;
    let skipErrors = r.errors;
    await extractInput(paths[index]!, settings, {
      record: (s) => { if (skipRecords > 0) skipRecords--; else r.add({ records: [s], errors: [] }, 1); },
      error: (e) => { if (skipErrors > 0) skipErrors--; else r.add({ errors: [e] }, 0); },
    });
    r.done = true;
  };
  /**
   * A written buffer goes back to its worker to be filled again: without it each part is a new buffer outside the
   * heap, and this thread, which allocates little on its heap, collects them seldom (tens of MB of dead buffers).
   */
  const recycle = (buffer: ArrayBufferLike, w: Worker | undefined) => (): void => {
    if (w && held.has(w) && !closing) w.postMessage({ recycle: buffer }, [buffer as ArrayBuffer]);
  };
  for (let i = 0; i < jobs; i++) spawnWorker();
  const window = jobs * AHEAD_PER_WORKER;
  let sent = 0;
  let written = 0;
  try {
    while (written < paths.length) {
      for (let job = redo.shift(); job !== undefined; job = redo.shift()) await extractHere(job);
      for (const [w, h] of held) {
        while (h.length < HELD_PER_WORKER && sent < paths.length && sent - written < window) {
          h.push(sent);
          w.postMessage({ index: sent, path: paths[sent] });
          sent++;
        }
      }
      // the input being written: its parts as they come, then the next input once it is complete
      const r = results.get(written);
      if (r?.chunks.length) {
        for (let c = r.chunks.shift(); c; c = r.chunks.shift()) {
          for (const e of c.errors) writer.error(e);
          if (c.bytes) await writer.bytes(c.bytes, recycle(c.bytes.buffer, c.from));
          for (const s of c.records ?? []) await writer.record(s);
        }
        continue;
      }
      if (r?.done) {
        results.delete(written);
        written++;
        continue;
      }
      // No worker left (none could start): this thread does the rest.
      if (!held.size && sent < paths.length) {
        await extractHere(sent++);
        continue;
      }
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    closing = true;
    await Promise.all([...held.keys()].map((w) => w.terminate()));
  }
}

async function runExtract(args: string[], flags: ExtractFlags, io: CliIO): Promise<number> {
  startMemoryProbe("main");
  // Tier-up budget: see JIT_FLAGS. Set before the first article, so every stage's functions get it.
  setFlagsFromString(JIT_FLAGS);
  const inputs = args.length ? args : ["-"];
  const paths = (await Promise.all(inputs.map(expandArgument))).flat();
  const meta: MetadataOverrides = {
    title: flags.title, subtitle: flags.subtitle, outlet: flags.outlet, url: flags.url,
    published: flags.published ? normaliseDate(flags.published) : undefined,
  };
  for (const k of Object.keys(meta) as (keyof typeof meta)[]) if (meta[k] === undefined) delete meta[k];
  const format = flags.format ?? "json";
  const settings: ExtractSettings = { meta, format, many: paths.length > 1 || format === "jsonl" };
  const writer = new OrderedWriter(io, format);
  const jobs = await workerCount(paths, flags.jobs);
  if (jobs > 1) {
    await runPool(paths, settings, jobs, writer);
  } else {
    // One input at a time, each written before the next is read: memory stays flat however many there are.
    for (const p of paths) await extractInput(p, settings, writer);
  }
  return writer.failures ? 1 : 0;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a whole number ≥ 1");
  return n;
}

export function registerExtract(program: Command, io: CliIO): void {
  program
    .command("extract")
    .description("print the claim record of each article (plain text, HTML, feed or JSONL; '-' for stdin; http(s) URLs)")
    .argument("[inputs...]", "files, directories, http(s) URLs or '-'")
    .addOption(new Option("--format <format>", "output format").choices(["json", "jsonl", "text"]).default("json"))
    .option("--title <title>", "article title")
    .option("--subtitle <subtitle>", "article subtitle (dek)")
    .option("--published <date>", "publication date (ISO 8601): the anchor for relative dates")
    .option("--outlet <name>", "outlet name")
    .option("--url <url>", "article URL")
    .option("--jobs <n>", "worker threads over many inputs (default: one per 4 MB of input, up to the cores)", parseJobs)
    .action(async (inputs: string[], flags: ExtractFlags) => {
      io.setExit(await runExtract(inputs, flags, io));
    });
}

// A pool worker: this same module, started by runPool with its settings; extracts inputs on request.
if (!isMainThread && parentPort && (workerData as Partial<WorkerStart> | null)?.claimlineExtract) {
  const { claimlineExtract: settings, chunkChars, nerModel, gazetteer } = workerData as WorkerStart;
  const port = parentPort;
  startMemoryProbe("worker");
  // the shared model and tables are installed before the first input (a model that does not load leaves the shipped
  // file to load; tables of other sizes than the gazetteer's are not used)
  const ready = Promise.all([
    nerModel && Promise.all([import("../../nlp/en/ner/model.js"), import("../../nlp/en/extractors/ner-mentions.js")])
      .then(([{ NerModel }, { useNerModel }]) => useNerModel(NerModel.deserialize(Buffer.from(nerModel))))
      .catch(() => undefined),
    gazetteer && import("../../geo/gazetteer.js").then(({ useGazetteerTables }) => useGazetteerTables(gazetteer)).catch(() => undefined),
  ]);
  // written output buffers back from the coordinator (see `recycle`), reused for the next parts
  const spare: ArrayBuffer[] = [];
  const buffer = (n: number): ArrayBuffer => {
    const k = spare.findIndex((b) => b.byteLength >= n);
    return k >= 0 ? spare.splice(k, 1)[0]! : new ArrayBuffer(Math.max(n, SPARE_BYTES));
  };
  port.on("message", (job: { index: number; path: string } | { recycle: ArrayBuffer }) => {
    if ("recycle" in job) {
      if (spare.length < MAX_SPARE) spare.push(job.recycle);
      return;
    }
    // records go out in parts of about CHUNK_CHARS; the last part says the input is done
    let records: string[] = [];
    let errors: string[] = [];
    let chars = 0;
    const post = (done: boolean): void => {
      // a Buffer of its own (not a slice of the shared pool: strings this long are never pooled, short ones copied)
      const joined = records.join("");
      const n = joined.length ? Buffer.byteLength(joined) : 0;
      const bytes = n ? new Uint8Array(buffer(n), 0, n) : undefined;
      if (bytes) Buffer.from(bytes.buffer, 0, n).write(joined);
      const chunk: OutputChunk = { index: job.index, bytes, count: records.length, errors, done };
      port.postMessage(chunk, bytes ? [bytes.buffer] : []);
      records = [];
      errors = [];
      chars = 0;
    };
    const out: OutputSink = {
      record: (s) => {
        records.push(frame(settings.format, s));
        chars += s.length;
        if (chars >= chunkChars) post(false);
      },
      error: (e) => { errors.push(e); },
    };
    void ready.then(() => extractInput(job.path, settings, out)).then(() => post(true));
  });
}
