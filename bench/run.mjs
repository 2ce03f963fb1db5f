#!/usr/bin/env node
// Throughput benchmark: the whole CLI over the war-news texts and the Zyte HTML pages (../shared/data), a
// per-stage breakdown in-process, the quote stages alone, and the same corpus through wink-nlp, compromise and Readability + linkedom.
// Usage: npm run bench [-- --runs N --no-compare --texts DIR --html DIR] ; npm run bench -- --memory [--articles N]
// CLAIMLINE_DIST=DIR measures a build compiled elsewhere (`tsc --outDir DIR`, then `node scripts/prebuild-data.mjs DIR` for
// the prebuilt tables `npm run build` writes; DIR/../src must hold the data files).
// Writes bench/results/latest.json (and a dated copy) and prints a last line of JSON.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { root, dist, argv, arg, flag, publishedOf } from "./options.mjs";

/** The compiled code measured: the project's dist/, or a private build (CLAIMLINE_DIST) so a bench need not rewrite dist/. */
const distModule = (rel) => pathToFileURL(path.join(dist, rel)).href;

if (flag("--memory")) {
  // the 100 k-article memory run lives in its own script; pass the flags through
  const r = spawnSync(process.execPath, [path.join(root, "bench", "memory.mjs"), ...argv.filter((a) => a !== "--memory")], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));
const htmlDir = path.resolve(root, arg("--html", "../shared/data/extraction/zyte/html"));
const runs = Number(arg("--runs", "3"));
const compare = !flag("--no-compare");
const TIME = "/usr/bin/time";

const listFiles = (dir, re) => { try { return readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f)); } catch { return undefined; } };
const textFiles = listFiles(textDir, /\.txt$/);
const htmlFiles = listFiles(htmlDir, /\.html?(\.gz)?$/);
if (!textFiles) console.log(`bench: no war-news texts at ${textDir} (skipped)`);
if (!htmlFiles) console.log(`bench: no Zyte HTML pages at ${htmlDir} (skipped)`);
if (!textFiles && !htmlFiles) process.exit(0);

const countWords = (s) => s.match(/\S+/g)?.length ?? 0;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const quantile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (x, d = 2) => +x.toFixed(d);
/** Process CPU time in ms (user + sys): per-item times in CPU, not wall, so busy neighbours do not inflate them. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/**
 * Runs `claimline extract --format jsonl FILES` as a user would, under /usr/bin/time: the child's user + sys
 * CPU-seconds (start-up, module and model load included) and its peak RSS. Repeated; the median run is kept.
 */
function cliRun(files) {
  if (!existsSync(TIME)) return { skipped: `${TIME} not found` };
  const tmp = mkdtempSync(path.join(tmpdir(), "claimline-bench-"));
  const out = [];
  try {
    // bin/claimline.js runs ../dist; a private build gets a launcher of the same two lines
    let bin = path.join(root, "bin", "claimline.js");
    if (dist !== path.join(root, "dist")) {
      bin = path.join(tmp, "claimline.mjs");
      writeFileSync(bin, `import { main } from ${JSON.stringify(distModule("cli/main.js"))};\nmain(process.argv).then((code) => { process.exitCode = code; });\n`);
    }
    for (let i = 0; i < runs; i++) {
      const timeFile = path.join(tmp, "time");
      const r = spawnSync(TIME, ["-f", "%U %S %M %e", "-o", timeFile, process.execPath, bin, "extract", "--format", "jsonl", ...files],
        { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
      const [user, sys, rssKB, wall] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
      out.push({ cpuSec: user + sys, user, sys, wallSec: wall, peakRssMB: Math.round(rssKB / 1024), records: r.stdout.toString().split("\n").filter(Boolean).length, exit: r.status });
    }
  } finally { rmSync(tmp, { recursive: true, force: true }); }
  out.sort((a, b) => a.cpuSec - b.cpuSec);
  return { ...out[Math.floor((out.length - 1) / 2)], runs: out.map((o) => round(o.cpuSec)) };
}

/** Runs a comparison tool in its own process (bench/compare.mjs) and returns its JSON line. */
function compareRun(tool, dir) {
  const r = spawnSync(process.execPath, [path.join(root, "bench", "compare.mjs"), tool, dir], { encoding: "utf8", maxBuffer: 1 << 26 });
  const last = r.stdout.trim().split("\n").pop();
  try { return JSON.parse(last); } catch { return { tool, error: (r.stderr || r.stdout).split("\n")[0] }; }
}

const result = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB`,
  node: process.version,
  command: process.env.CLAIMLINE_DIST
    ? `CLAIMLINE_DIST=${dist} node bench/run.mjs${argv.length ? ` ${argv.join(" ")}` : ""}`
    : `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  note: "CPU-seconds (user + sys) rather than wall time: the machine is shared, so wall time depends on the neighbours",
};

// ---- 1. The whole CLI over the war-news texts (the issue's headline number).
if (textFiles) {
  const words = textFiles.reduce((n, f) => n + countWords(readFileSync(f, "utf8")), 0);
  const cli = cliRun(textFiles);
  result.texts = { corpus: path.relative(root, textDir), articles: textFiles.length, words };
  if (!cli.skipped) {
    result.texts.cli = { ...cli, wordsPerCpuSec: Math.round(words / cli.cpuSec), articlesPerSec: round(textFiles.length / cli.wallSec, 1) };
  } else result.texts.cli = cli;
}

// ---- 2. In-process: per-article latency and the per-stage breakdown (one process, after start-up),
// under the same V8 tier-up budget `claimline extract` sets (src/cli/commands/extract.ts, JIT_FLAGS).
setFlagsFromString("--interrupt-budget=1048576 --always-sparkplug");
const { englishPipeline } = await import(distModule("nlp/en/configuration.js"));
const { processArticle } = await import(distModule("index.js"));
const { ingest } = await import(distModule("ingest/index.js"));
const { toRecord } = await import(distModule("core/to-record.js"));
const { Document } = await import(distModule("core/document.js"));

if (textFiles) {
  const pipeline = englishPipeline();
  const stages = {};
  const perArticle = [];
  const c0 = process.cpuUsage();
  for (const f of textFiles) {
    const name = path.basename(f);
    const text = readFileSync(f, "utf8");
    const a = cpuMs();
    // the file name carries the publication date (YYYYMMDD…): the anchor relative dates need
    const doc = pipeline.run(new Document(text, { published: publishedOf(name) }, "b"));
    toRecord(doc);
    perArticle.push(cpuMs() - a);
    for (const [k, v] of Object.entries(doc.timings)) stages[k] = (stages[k] ?? 0) + v;
  }
  const cu = process.cpuUsage(c0);
  const cpuSec = (cu.user + cu.system) / 1e6;
  perArticle.sort((a, b) => a - b);
  const total = Object.values(stages).reduce((a, b) => a + b, 0);
  result.texts.inProcess = {
    cpuSec: round(cpuSec), wordsPerCpuSec: Math.round(result.texts.words / cpuSec),
    p50ms: round(quantile(perArticle, 0.5)), p95ms: round(quantile(perArticle, 0.95)),
    stagesMs: Object.fromEntries(Object.entries(stages).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])),
    stagesShare: Object.fromEntries(Object.entries(stages).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, round((100 * v) / total, 1)])),
  };
}

// ---- 2b. The quote stages alone (issue 3's 1 MB per CPU-second), in their own process (bench/quotes.mjs).
if (textFiles) {
  const r = spawnSync(process.execPath, [path.join(root, "bench", "quotes.mjs"), "--texts", textDir, "--passes", "3"], { encoding: "utf8" });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  try { result.texts.quoteStages = JSON.parse(last); } catch { result.texts.quoteStages = { skipped: `bench/quotes.mjs failed: ${r.stderr.split("\n")[0]}` }; }
}

// ---- 3. HTML → record: per page (ingest + pipeline + record) in-process, and the whole CLI over the pages.
if (htmlFiles) {
  const pages = htmlFiles.map((f) => readFileSync(f));
  const ingestMs = [];
  const totalMs = [];
  let words = 0;
  const c0 = process.cpuUsage();
  for (let i = 0; i < pages.length; i++) {
    const a = cpuMs();
    let arts = [];
    try { arts = await ingest(pages[i], { origin: htmlFiles[i] }); } catch { /* a page without an article still counts its time */ }
    const b = cpuMs();
    for (const art of arts) { toRecord(processArticle(art)); words += countWords(art.text); }
    totalMs.push(cpuMs() - a);
    ingestMs.push(b - a);
  }
  const cu = process.cpuUsage(c0);
  const cli = cliRun(htmlFiles);
  result.html = {
    corpus: path.relative(root, htmlDir), pages: pages.length, articleWords: words,
    inProcess: {
      cpuSec: round((cu.user + cu.system) / 1e6),
      recordP50ms: round(median(totalMs)), recordP95ms: round(quantile([...totalMs].sort((a, b) => a - b), 0.95)),
      ingestP50ms: round(median(ingestMs)), ingestP95ms: round(quantile([...ingestMs].sort((a, b) => a - b), 0.95)),
    },
    cli: cli.skipped ? cli : { ...cli, pagesPerSec: round(pages.length / cli.wallSec, 1), msCpuPerPage: round((1000 * cli.cpuSec) / pages.length) },
  };
}
result.inProcessPeakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);

// ---- 4. The same corpus through other tools, each in its own process.
if (compare) {
  result.compare = {};
  if (textFiles) {
    result.compare.wink = compareRun("wink", textDir);
    result.compare.compromise = compareRun("compromise", textDir);
    const ours = result.texts.cli?.wordsPerCpuSec;
    if (ours) {
      result.compare.ratios = {
        claimlineOverWink: round(ours / result.compare.wink.wordsPerCpuSec), claimlineOverCompromise: round(ours / result.compare.compromise.wordsPerCpuSec),
      };
    }
  }
  if (htmlFiles) {
    result.compare.readabilityLinkedom = compareRun("readability", htmlDir);
    const r = result.compare.readabilityLinkedom;
    if (r.p50ms && result.html) {
      result.compare.ratios = { ...result.compare.ratios, htmlIngestP50OverReadability: round(result.html.inProcess.ingestP50ms / r.p50ms), htmlRecordP50OverReadability: round(result.html.inProcess.recordP50ms / r.p50ms) };
    }
  }
}

// ---- Report.
const t = result.texts;
if (t?.cli && !t.cli.skipped) {
  console.log(`CLI, ${t.articles} war-news texts (${t.words} words): ${t.cli.cpuSec.toFixed(2)} CPU-s (user ${t.cli.user} + sys ${t.cli.sys}, start-up included; runs ${t.cli.runs.join(", ")}), ${t.cli.wallSec} s wall`);
  console.log(`  words per CPU-second: ${t.cli.wordsPerCpuSec}; articles/s: ${t.cli.articlesPerSec}; peak RSS ${t.cli.peakRssMB} MB`);
}
if (t?.inProcess) {
  console.log(`in-process (after start-up): ${t.inProcess.wordsPerCpuSec} words/CPU-s; per article p50 ${t.inProcess.p50ms} CPU-ms, p95 ${t.inProcess.p95ms} CPU-ms; stages in wall ms:`);
  for (const [k, v] of Object.entries(t.inProcess.stagesMs)) console.log(`  ${k.padEnd(20)} ${String(v).padStart(7)} ms  ${t.inProcess.stagesShare[k]}%`);
}
const q = t?.quoteStages;
if (q && !q.skipped) console.log(`quote stages alone: ${q.megabytesPerCpuSec} MB of text per CPU-second (best of ${q.passes} passes over ${q.megabytes} MB; bench/quotes.mjs)`);
if (result.html) {
  const h = result.html;
  console.log(`HTML → record, ${h.pages} Zyte pages: median ${h.inProcess.recordP50ms} CPU-ms (p95 ${h.inProcess.recordP95ms}); ingest alone median ${h.inProcess.ingestP50ms} CPU-ms (p95 ${h.inProcess.ingestP95ms})`);
  if (!h.cli.skipped) console.log(`  CLI: ${h.cli.cpuSec.toFixed(2)} CPU-s, ${h.cli.msCpuPerPage} CPU-ms per page, peak RSS ${h.cli.peakRssMB} MB`);
}
if (result.compare) {
  const c = result.compare;
  if (c.wink) console.log(`wink-nlp sbd+pos: ${c.wink.wordsPerCpuSec} words/CPU-s with load (${c.wink.wordsPerCpuSecAfterLoad} after)`);
  if (c.compromise) console.log(`compromise people/places/orgs: ${c.compromise.wordsPerCpuSec} words/CPU-s with load (${c.compromise.wordsPerCpuSecAfterLoad} after)`);
  if (c.readabilityLinkedom) console.log(`Readability + linkedom: median ${c.readabilityLinkedom.p50ms} CPU-ms per page (p95 ${c.readabilityLinkedom.p95ms})`);
  if (c.ratios) console.log(`ratios: ${Object.entries(c.ratios).map(([k, v]) => `${k} ${v}`).join("; ")}`);
}
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
const json = `${JSON.stringify(result, null, 2)}\n`;
writeFileSync(path.join(root, "bench", "results", "latest.json"), json);
writeFileSync(path.join(root, "bench", "results", `${result.date.slice(0, 16).replace(/[:T]/g, "-")}.json`), json);
console.log(JSON.stringify(result));
