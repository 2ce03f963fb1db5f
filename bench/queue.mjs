#!/usr/bin/env node
// Queue throughput benchmark: the war-news texts enqueued into PostgreSQL, drained by 1 and by 2 worker processes;
// where the time goes (extraction, store writes, queue) and the storage each article takes. Two controls give the
// context on a shared machine: extraction alone in 1 and 2 processes, and store writes alone with 1 and 2 writers.
// Usage: npm run bench:queue [-- --db postgres://… --copies N --runs N --texts DIR --dist DIR --modes serial,overlap --warm N
//        --no-controls --store-only --worker-args "…"]
// --dist (or CLAIMLINE_DIST) runs a private build (default: ./dist); --no-controls skips the two controls.
// Writes bench/results/queue-latest.json and prints a last line of JSON.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import pg from "pg";
import { root, argv, arg } from "./options.mjs";


const db = arg("--db", process.env.CLAIMLINE_TEST_PG || "postgres://postgres@127.0.0.1:5432/test");
const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));
// Each copy of the corpus gets a distinct closing line, so its articles are new content (new jobs, new rows).
const copies = Number(arg("--copies", "3"));
const runs = Number(arg("--runs", "2"));
const workerCounts = arg("--workers", "1,2").split(",").map(Number);
// The compiled CLI to run: ./dist, or a private build (a build elsewhere needs ../src and node_modules beside it).
const dist = path.resolve(arg("--dist", process.env.CLAIMLINE_DIST || path.join(root, "dist")));
const controls = !argv.includes("--no-controls");
const workerArgs = (arg("--worker-args", "") || "").split(/\s+/).filter(Boolean);
// serial: each worker's thread extracts a batch, then waits while it is written (one core per worker);
// overlap: the thread extracts on while the main thread writes (more from one process, more than one core).
const modes = arg("--modes", "serial,overlap").split(",");
const modeArgs = { serial: ["--no-overlap"], overlap: [] };
const mainUrl = new URL(`file://${path.join(dist, "cli", "main.js")}`).href;


const files = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort();
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-qbench-"));
// A script file rather than `node -e`: extraction threads inherit the process's exec arguments, and `--input-type` breaks them.
const launcher = path.join(tmp, "claimline.mjs");
writeFileSync(launcher, `const { main } = await import(${JSON.stringify(mainUrl)});\nprocess.exitCode = await main(process.argv);\n`);
/** node arguments that run `claimline <args>` from `dist` (what bin/claimline.js does for ./dist). */
const cli = (args) => [launcher, ...args];
const corpus = path.join(tmp, "corpus.jsonl");
let words = 0;
{
  const lines = [];
  for (let c = 0; c < copies; c++) {
    for (const f of files) {
      const text = `${readFileSync(path.join(textDir, f), "utf8").trim()}\n\nThis is copy ${c + 1} of the benchmark corpus.`;
      words += text.split(/\s+/).length;
      const day = /^(\d{4})(\d{2})(\d{2})/.exec(f);
      lines.push(JSON.stringify({ text, published: day ? `${day[1]}-${day[2]}-${day[3]}` : undefined, id: `${f}#${c}` }));
    }
  }
  mkdirSync(path.dirname(corpus), { recursive: true });
  writeFileSync(corpus, `${lines.join("\n")}\n`);
}
const articles = files.length * copies;

const admin = new pg.Client(db);
await admin.connect();

function urlWithSchema(schema) {
  const u = new URL(db);
  u.searchParams.set("schema", schema);
  return u.toString();
}

/** Seconds spent per phase, from the summary line `claimline worker` prints. */
function phases(stderr) {
  const m = /(\d+) jobs in ([\d.]+) s .*time in extraction ([\d.]+) s, store writes ([\d.]+) s, queue ([\d.]+) s(?:; CPU ([\d.]+) s)?/.exec(stderr);
  if (!m) throw new Error(`no worker summary in:\n${stderr.slice(-2000)}`);
  return { jobs: Number(m[1]), seconds: Number(m[2]), extract: Number(m[3]), store: Number(m[4]), queue: Number(m[5]), cpu: m[6] ? Number(m[6]) : NaN };
}

/** CPU seconds (user + sys) of a process, from /proc; NaN once it is gone. */
function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return NaN; }
}

/** Every PostgreSQL server process on this machine (backends, WAL writer, checkpointer, autovacuum). */
function postgresPids() {
  const pids = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try { if (readFileSync(`/proc/${d}/comm`, "utf8").trim() === "postgres") pids.push(d); } catch { /* gone */ }
  }
  return pids;
}

/**
 * The database's CPU while the workers run, read from /proc (the server is local): `backends` sums the server
 * processes serving this run's workers (found by application_name, polled, last reading kept, as they exit with
 * the workers); `server` is every postgres process's CPU over the run, other users' included (an upper bound).
 */
function watchServerCpu(appName) {
  const last = new Map();
  const start = new Map(postgresPids().map((p) => [p, procCpu(p)]));
  const poll = async () => {
    const rows = (await admin.query("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [appName])).rows;
    for (const r of rows) { const c = procCpu(r.pid); if (Number.isFinite(c)) last.set(r.pid, c); }
  };
  let busy = false;
  const timer = setInterval(() => { if (!busy) { busy = true; poll().finally(() => { busy = false; }); } }, 100);
  return async () => {
    clearInterval(timer);
    while (busy) await new Promise((r) => setTimeout(r, 10));
    // Processes that lived through the run count their difference; the workers' backends (started and gone
    // within it) count their last reading.
    let other = 0;
    for (const p of postgresPids()) { const c = procCpu(p); if (Number.isFinite(c) && start.has(p) && !last.has(p)) other += c - start.get(p); }
    const backends = [...last.values()].reduce((a, b) => a + b, 0);
    return { backends, server: backends + other };
  };
}

/** Runs one worker to the end of the queue; `done` gets the time (ms) of each job it reports, in order. */
function runWorker(url, id, mode) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cli(["worker", "--db", url, "--once", "--concurrency", "1", "--id", id, "--verbose", ...modeArgs[mode], ...workerArgs]), {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const done = [];
    child.stdout.setEncoding("utf8").on("data", (s) => { const now = Date.now(); for (const l of s.split("\n")) if (l) done.push(now); });
    child.stderr.setEncoding("utf8").on("data", (s) => { stderr += s; });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ ...phases(stderr), done }) : reject(new Error(`worker ${id} exited ${code}:\n${stderr}`))));
  });
}

/**
 * The rate once every worker is warm: a worker process runs its first few hundred articles up to 3× slower (the
 * pipeline's caches fill, V8 optimises the hot code), which a short run would charge against more processes.
 * From the moment every worker has reported `warm` jobs to the last report: jobs reported in between per second.
 */
function warmRate(results, warm) {
  if (results.some((r) => r.done.length <= warm)) return NaN;
  const from = Math.max(...results.map((r) => r.done[warm - 1]));
  const to = Math.max(...results.map((r) => r.done[r.done.length - 1]));
  const jobs = results.reduce((n, r) => n + r.done.filter((t) => t > from).length, 0);
  return jobs / ((to - from) / 1000);
}
const warmJobs = Number(arg("--warm", "300"));

async function one(workers, run, mode) {
  const schema = `claimline_bench_${mode}_${workers}w_${run}_${process.pid}`;
  const appName = `claimline_bench_${process.pid}`;
  const url = urlWithSchema(schema);
  const workerUrl = (() => { const u = new URL(url); u.searchParams.set("application_name", appName); return u.toString(); })();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const t0 = Date.now();
  const enq = spawnSync(process.execPath, cli(["ingest", corpus, "--db", url]), { encoding: "utf8" });
  if (enq.status !== 0) throw new Error(enq.stderr);
  const enqueueSec = (Date.now() - t0) / 1000;
  const load = loadavg()[0];
  const uptime = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  const stopWatch = watchServerCpu(appName);
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(workerUrl, `bench-${i + 1}`, mode)));
  const wallSec = (Date.now() - started) / 1000;
  const serverCpu = await stopWatch();
  // Steady state: from the first claim to the last completion, leaving out process start-up and pipeline loading.
  const span = (await admin.query(
    `SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 AS s, count(*) FILTER (WHERE state = 'done')::int AS done,
            count(*) FILTER (WHERE attempts > 1)::int AS retried FROM ${schema}.claimline_jobs`,
  )).rows[0];
  const stored = (await admin.query(`SELECT count(*)::int AS n FROM ${schema}.articles`)).rows[0].n;
  const sizes = (await admin.query(
    `SELECT c.relname AS name, pg_relation_size(c.oid)::float8 AS heap, pg_indexes_size(c.oid)::float8 AS indexes,
            pg_total_relation_size(c.oid)::float8 AS total, c.reltuples::float8 AS rows
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY total DESC`,
    [schema],
  )).rows;
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  const sum = (k) => results.reduce((n, r) => n + r[k], 0);
  const result = {
    workers, mode, run, articles, stored, done: span.done, retried: span.retried, enqueueSec, wallSec: +wallSec.toFixed(2),
    // Rates count stored jobs: the corpus repeats a few texts, which are one job each.
    steadySec: +span.s.toFixed(2), articlesPerSec: +(span.done / wallSec).toFixed(1), steadyArticlesPerSec: +(span.done / span.s).toFixed(1),
    warmArticlesPerSec: +warmRate(results, warmJobs).toFixed(1),
    loadAvgBefore: +load.toFixed(2), uptime,
    // CPU per stored article: the worker processes (all threads), their database backends, and every postgres process.
    cpuMsPerArticle: {
      workers: +((sum("cpu") * 1000) / span.done).toFixed(2), backends: +((serverCpu.backends * 1000) / span.done).toFixed(2),
      allPostgres: +((serverCpu.server * 1000) / span.done).toFixed(2),
    },
    timeSec: { extraction: +sum("extract").toFixed(2), storeWrites: +sum("store").toFixed(2), queue: +sum("queue").toFixed(2) },
    perWorker: results.map(({ done: _d, ...r }) => r),
    storage: sizes,
  };
  process.stderr.write(
    `${workers} worker(s), ${mode}, run ${run}: ${span.done} jobs (${articles} input articles) in ${wallSec.toFixed(1)} s wall (${result.articlesPerSec}/s), steady ${result.steadyArticlesPerSec}/s, warm ${result.warmArticlesPerSec}/s; ` +
      `extraction ${result.timeSec.extraction} s, store ${result.timeSec.storeWrites} s, queue ${result.timeSec.queue} s; ` +
      `CPU/article: workers ${result.cpuMsPerArticle.workers} ms, their backends ${result.cpuMsPerArticle.backends} ms, all postgres processes ${result.cpuMsPerArticle.allPostgres} ms; ` +
      `retried ${span.retried}, stored ${stored}; ${uptime}\n`,
  );
  return result;
}

/**
 * What the machine gives right now: the same corpus through `claimline extract --jobs 1` as one process, then
 * as two processes on half the corpus each. No queue, no database: the ceiling for any 2-worker speed-up.
 */
function extractionCeiling() {
  const lines = readFileSync(corpus, "utf8").trim().split("\n");
  const half = [path.join(tmp, "half-1.jsonl"), path.join(tmp, "half-2.jsonl")];
  writeFileSync(half[0], `${lines.slice(0, lines.length >> 1).join("\n")}\n`);
  writeFileSync(half[1], `${lines.slice(lines.length >> 1).join("\n")}\n`);
  const run = (files) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cli(["extract", "--jobs", "1", "--format", "jsonl", ...files]), { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`extract exited ${code}`))));
  });
  return (async () => {
    let t = Date.now();
    await run([corpus]);
    const one = (Date.now() - t) / 1000;
    t = Date.now();
    await Promise.all(half.map((f) => run([f])));
    const two = (Date.now() - t) / 1000;
    const r = { oneProcessSec: one, twoProcessesSec: two, speedup: +(one / two).toFixed(2), loadAvg: +loadavg()[0].toFixed(2) };
    process.stderr.write(`extraction only (no queue, no database): 1 process ${one.toFixed(1)} s, 2 processes ${two.toFixed(1)} s: ${r.speedup}x\n`);
    return r;
  })();
}

/** Store writes alone: records extracted once, then put by 1 and by 2 concurrent writers (own pools, as two machines would). */
async function storeOnly() {
  const { extractArticle } = await import(path.join(dist, "cli", "commands", "ingest-extract.js"));
  const { openPgStore } = await import(path.join(dist, "store", "postgres", "pg-store.js"));
  const lines = readFileSync(corpus, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const records = [];
  // Warm-up (pipeline loading) outside the measurement, then the CPU time of extraction alone, per article.
  await extractArticle({ text: lines[0].text, source: {}, warnings: [], origin: "warm-up" });
  const x0 = process.cpuUsage();
  for (const [i, l] of lines.entries()) {
    records.push(await extractArticle({ text: l.text, source: { published: l.published }, warnings: [], origin: `line-${i}` }));
  }
  const x = process.cpuUsage(x0);
  const out = { extractionCpuMsPerArticle: +((x.user + x.system) / 1000 / records.length).toFixed(2) };
  process.stderr.write(`extraction CPU per article (in-process, one thread): ${out.extractionCpuMsPerArticle} ms\n`);
  // Single puts (one transaction per article) against batches (one transaction per `batch` articles, as workers write).
  for (const [writers, batch] of [[1, 1], [1, 16], [2, 16]]) {
    const label = `${writers}w${batch > 1 ? `-batch${batch}` : ""}`;
    const schema = `claimline_bench_store_${writers}_${batch}_${process.pid}`;
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const stores = [];
    for (let w = 0; w < writers; w++) stores.push(await openPgStore(db, { schema, max: 1, asyncCommit: true }));
    // Each store has one connection, so one server process: its CPU time (from /proc, the server is local) is
    // what the database spends on the puts; process.cpuUsage() is what the client spends.
    const backends = await Promise.all(stores.map(async (s) => (await s.pool.query("SELECT pg_backend_pid() AS pid")).rows[0].pid));
    const serverCpu = () => backends.reduce((n, pid) => {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return n + (Number(f[11]) + Number(f[12])) / 100;
      } catch { return NaN; }
    }, 0);
    const cpu0 = serverCpu();
    const client0 = process.cpuUsage();
    let next = 0;
    const t = Date.now();
    await Promise.all(stores.map(async (s) => {
      while (next < records.length) {
        if (batch === 1) await s.put(records[next++]);
        else {
          const part = records.slice(next, next + batch);
          next += part.length;
          await s.putBatch(part.map((record) => ({ record })));
        }
      }
    }));
    const sec = (Date.now() - t) / 1000;
    const serverCpuMsPerPut = +(((serverCpu() - cpu0) * 1000) / records.length).toFixed(2);
    const c = process.cpuUsage(client0);
    const clientCpuMsPerPut = +((c.user + c.system) / 1000 / records.length).toFixed(2);
    await Promise.all(stores.map((s) => s.close()));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    out[label] = {
      seconds: +sec.toFixed(2), putsPerSec: +(records.length / sec).toFixed(1), msPerPut: +((sec * 1000) / records.length).toFixed(2),
      serverCpuMsPerPut, clientCpuMsPerPut,
    };
    process.stderr.write(
      `store writes only, ${writers} writer(s), ${batch} per transaction: ${records.length} puts in ${sec.toFixed(1)} s (${out[label].putsPerSec}/s); ` +
        `CPU per put: database ${serverCpuMsPerPut} ms, client ${clientCpuMsPerPut} ms; ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}\n`,
    );
  }
  return out;
}

const all = [];
let ceiling;
let store;
try {
  if (controls) {
    if (!argv.includes("--store-only")) ceiling = await extractionCeiling();
    store = await storeOnly();
  }
  if (argv.includes("--store-only")) process.exit(0);
  // Interleaved (1, 2, 1, 2, …) so that a busy neighbour affects both settings alike.
  for (let run = 1; run <= runs; run++) for (const mode of modes) for (const w of workerCounts) all.push(await one(w, run, mode));
} finally {
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
}

const best = (w, mode, key) => Math.max(...all.filter((r) => r.workers === w && r.mode === mode).map((r) => r[key]));
const summary = {};
const speedup = {};
const base = workerCounts[0];
for (const mode of modes) {
  for (const w of workerCounts) {
    summary[`${mode} ${w}w`] = {
      articlesPerSec: best(w, mode, "articlesPerSec"), steadyArticlesPerSec: best(w, mode, "steadyArticlesPerSec"), warmArticlesPerSec: best(w, mode, "warmArticlesPerSec"),
    };
  }
  for (const w of workerCounts.slice(1)) {
    speedup[`${mode} ${w}w/${base}w`] = {
      wall: +(summary[`${mode} ${w}w`].articlesPerSec / summary[`${mode} ${base}w`].articlesPerSec).toFixed(2),
      steady: +(summary[`${mode} ${w}w`].steadyArticlesPerSec / summary[`${mode} ${base}w`].steadyArticlesPerSec).toFixed(2),
      warm: +(summary[`${mode} ${w}w`].warmArticlesPerSec / summary[`${mode} ${base}w`].warmArticlesPerSec).toFixed(2),
    };
  }
}
const last = all[all.length - 1];
const bytesPerArticle = Object.fromEntries(last.storage.map((t) => [t.name, Math.round(t.total / last.stored)]));
const out = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB`,
  node: process.version,
  server: (await (async () => { const c = new pg.Client(db); await c.connect(); try { return (await c.query("SHOW server_version")).rows[0].server_version; } finally { await c.end(); } })()),
  command: `node bench/queue.mjs ${argv.join(" ")}`.trim(),
  corpus: { dir: path.relative(root, textDir), files: files.length, copies, articles, words },
  note: "wall = process start to last exit (includes pipeline loading); steady = first claim to last completion; warm = from when every worker has finished --warm jobs to the last completion. Best of the runs per setting. The machine's cores are shared: see each run's uptime.",
  summary, speedup, extractionCeiling: ceiling, storeOnly: store, bytesPerArticle,
  bytesPerArticleTotal: Math.round(last.storage.reduce((n, t) => n + t.total, 0) / last.stored),
  runs: all,
};
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "queue-latest.json"), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify({ summary, speedup, extractionCeiling: ceiling, storeOnly: store, bytesPerArticleTotal: out.bytesPerArticleTotal }));
