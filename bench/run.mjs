#!/usr/bin/env node
// Throughput benchmark: the whole pipeline over the war-news texts (../shared/data), per-stage breakdown.
// Usage: npm run bench [-- --data DIR] ; writes bench/results/latest.json and prints a last line of JSON.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cpus } from "node:os";
import { englishPipeline } from "../dist/nlp/en/configuration.js";
import { Document } from "../dist/core/document.js";
import { toRecord } from "../dist/core/to-record.js";

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const dataDir = arg("--data", "../shared/data/events/ukraine-war-news-gdelt/articles");
let files;
try { files = readdirSync(dataDir).filter((f) => f.endsWith(".txt")).sort(); } catch {
  console.log(`bench: no corpus at ${dataDir} (skipped)`); process.exit(0);
}
const texts = files.map((f) => ({ text: readFileSync(path.join(dataDir, f), "utf8"), published: `${f.slice(0, 4)}-${f.slice(4, 6)}-${f.slice(6, 8)}` }));
const words = texts.reduce((n, t) => n + (t.text.match(/\S+/g)?.length ?? 0), 0);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const pipeline = englishPipeline();
const perArticle = [];
const stages = {};
let peakRss = process.memoryUsage().rss;
for (const t of texts) {
  const a = performance.now();
  const doc = pipeline.run(new Document(t.text, { published: t.published }, "b"));
  toRecord(doc);
  perArticle.push(performance.now() - a);
  for (const [k, v] of Object.entries(doc.timings)) stages[k] = (stages[k] ?? 0) + v;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSec = (cpu.user + cpu.system) / 1e6;
perArticle.sort((a, b) => a - b);
const q = (p) => perArticle[Math.min(perArticle.length - 1, Math.floor(p * perArticle.length))];
const result = {
  date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`, node: process.version,
  corpus: dataDir, articles: texts.length, words,
  articlesPerSec: +(texts.length / wall).toFixed(1), wordsPerCpuSec: Math.round(words / cpuSec),
  p50ms: +q(0.5).toFixed(2), p95ms: +q(0.95).toFixed(2), peakRssMB: Math.round(peakRss / 1048576),
  stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])),
};
console.log(`${result.articles} articles, ${words} words in ${wall.toFixed(2)} s wall, ${cpuSec.toFixed(2)} CPU-s (in-process, after start-up)`);
console.log(`words per CPU-second: ${result.wordsPerCpuSec}; articles/s: ${result.articlesPerSec}; p50 ${result.p50ms} ms, p95 ${result.p95ms} ms; peak RSS ${result.peakRssMB} MB`);
const total = Object.values(stages).reduce((a, b) => a + b, 0);
for (const [k, v] of Object.entries(stages).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(20)} ${v.toFixed(0).padStart(7)} ms  ${((100 * v) / total).toFixed(1)}%`);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.json", `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));
