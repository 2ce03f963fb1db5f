#!/usr/bin/env node
// Queue throughput benchmark: the war-news texts enqueued into PostgreSQL, drained by 1 and by 2 worker processes;
// where the time goes (extraction, store writes, queue) and the storage each article takes. Two controls give the
// context on a shared machine: extraction alone in 1 and 2 processes, and store writes alone with 1 and 2 writers.
// Usage: npm run bench:queue [-- --db postgres://… --copies N --runs N --texts DIR]
// Writes bench/results/queue-latest.json and prints a last line of JSON.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const arg = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };

const db = arg("--db", process.env.CLAIMLINE_TEST_PG || "postgres://postgres@127.0.0.1:5432/test");
const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));
// Each copy of the corpus gets a distinct closing line, so its articles are new content (new jobs, new rows).
const copies = Number(arg("--copies", "3"));
const runs = Number(arg("--runs", "2"));
const workerCounts = arg("--workers", "1,2").split(",").map(Number);
const bin = path.join(root, "bin", "claimline.js");

const files = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort();
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-qbench-"));
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
  const m = /(\d+) jobs in ([\d.]+) s .*time in extraction ([\d.]+) s, store writes ([\d.]+) s, queue ([\d.]+) s/.exec(stderr);
  if (!m) throw new Error(`no worker summary in:\n${stderr.slice(-2000)}`);
  return { jobs: Number(m[1]), seconds: Number(m[2]), extract: Number(m[3]), store: Number(m[4]), queue: Number(m[5]) };
}

function runWorker(url, id) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "worker", "--db", url, "--once", "--concurrency", "1", "--id", id], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s) => { stderr += s; });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(phases(stderr)) : reject(new Error(`worker ${id} exited ${code}:\n${stderr}`))));
  });
}

async function one(workers, run) {
  const schema = `claimline_bench_${workers}w_${run}_${process.pid}`;
  const url = urlWithSchema(schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const t0 = Date.now();
  const enq = spawnSync(process.execPath, [bin, "ingest", corpus, "--db", url], { encoding: "utf8" });
  if (enq.status !== 0) throw new Error(enq.stderr);
  const enqueueSec = (Date.now() - t0) / 1000;
  const load = loadavg()[0];
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: workers }, (_, i) => runWorker(url, `bench-${i + 1}`)));
  const wallSec = (Date.now() - started) / 1000;
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
    workers, run, articles, stored, done: span.done, retried: span.retried, enqueueSec, wallSec: +wallSec.toFixed(2),
    // Rates count stored jobs: the corpus repeats a few texts, which are one job each.
    steadySec: +span.s.toFixed(2), articlesPerSec: +(span.done / wallSec).toFixed(1), steadyArticlesPerSec: +(span.done / span.s).toFixed(1),
    loadAvgBefore: +load.toFixed(2),
    timeSec: { extraction: +sum("extract").toFixed(2), storeWrites: +sum("store").toFixed(2), queue: +sum("queue").toFixed(2) },
    perWorker: results,
    storage: sizes,
  };
  process.stderr.write(
    `${workers} worker(s), run ${run}: ${span.done} jobs (${articles} input articles) in ${wallSec.toFixed(1)} s wall (${result.articlesPerSec}/s), steady ${result.steadyArticlesPerSec}/s; ` +
      `extraction ${result.timeSec.extraction} s, store ${result.timeSec.storeWrites} s, queue ${result.timeSec.queue} s; load ${load.toFixed(2)}\n`,
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
    const child = spawn(process.execPath, [bin, "extract", "--jobs", "1", "--format", "jsonl", ...files], { stdio: ["ignore", "ignore", "inherit"] });
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
  const { extractArticle } = await import(path.join(root, "dist", "cli", "commands", "ingest-extract.js"));
  const { openPgStore } = await import(path.join(root, "dist", "store", "postgres", "pg-store.js"));
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
  for (const writers of [1, 2]) {
    const schema = `claimline_bench_store_${writers}_${process.pid}`;
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
    await Promise.all(stores.map(async (s) => { while (next < records.length) await s.put(records[next++]); }));
    const sec = (Date.now() - t) / 1000;
    const serverCpuMsPerPut = +(((serverCpu() - cpu0) * 1000) / records.length).toFixed(2);
    const c = process.cpuUsage(client0);
    const clientCpuMsPerPut = +((c.user + c.system) / 1000 / records.length).toFixed(2);
    await Promise.all(stores.map((s) => s.close()));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    out[`${writers}w`] = {
      seconds: +sec.toFixed(2), putsPerSec: +(records.length / sec).toFixed(1), msPerPut: +((sec * 1000) / records.length).toFixed(2),
      serverCpuMsPerPut, clientCpuMsPerPut,
    };
    process.stderr.write(
      `store writes only, ${writers} writer(s): ${records.length} puts in ${sec.toFixed(1)} s (${out[`${writers}w`].putsPerSec}/s); ` +
        `CPU per put: database ${serverCpuMsPerPut} ms, client ${clientCpuMsPerPut} ms\n`,
    );
  }
  return out;
}

const all = [];
let ceiling;
let store;
try {
  ceiling = await extractionCeiling();
  store = await storeOnly();
  // Interleaved (1, 2, 1, 2, …) so that a busy neighbour affects both settings alike.
  for (let run = 1; run <= runs; run++) for (const w of workerCounts) all.push(await one(w, run));
} finally {
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
}

const best = (w, key) => Math.max(...all.filter((r) => r.workers === w).map((r) => r[key]));
const summary = {};
for (const w of workerCounts) summary[`${w}w`] = { articlesPerSec: best(w, "articlesPerSec"), steadyArticlesPerSec: best(w, "steadyArticlesPerSec") };
const base = workerCounts[0];
const speedup = Object.fromEntries(workerCounts.slice(1).map((w) => [`${w}w/${base}w`, {
  wall: +(summary[`${w}w`].articlesPerSec / summary[`${base}w`].articlesPerSec).toFixed(2),
  steady: +(summary[`${w}w`].steadyArticlesPerSec / summary[`${base}w`].steadyArticlesPerSec).toFixed(2),
}]));
const last = all[all.length - 1];
const bytesPerArticle = Object.fromEntries(last.storage.map((t) => [t.name, Math.round(t.total / last.stored)]));
const out = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB`,
  node: process.version,
  server: (await (async () => { const c = new pg.Client(db); await c.connect(); try { return (await c.query("SHOW server_version")).rows[0].server_version; } finally { await c.end(); } })()),
  command: `node bench/queue.mjs ${argv.join(" ")}`.trim(),
  corpus: { dir: path.relative(root, textDir), files: files.length, copies, articles, words },
  note: "wall = process start to last exit (includes pipeline loading); steady = first claim to last completion. Best of the runs per setting. The machine's cores are shared.",
  summary, speedup, extractionCeiling: ceiling, storeOnly: store, bytesPerArticle,
  bytesPerArticleTotal: Math.round(last.storage.reduce((n, t) => n + t.total, 0) / last.stored),
  runs: all,
};
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "queue-latest.json"), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify({ summary, speedup, extractionCeiling: ceiling, storeOnly: store, bytesPerArticleTotal: out.bytesPerArticleTotal }));
