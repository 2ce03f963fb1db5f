#!/usr/bin/env node
// Memory benchmark: `claimline extract` over a synthetic corpus of many articles (default 100 000) made from
// the shared war-news texts, written as JSONL shards; reports peak RSS and RSS sampled along the run (flat?).
// Usage: node bench/memory.mjs [--articles N] [--per-shard N] [--jobs N] [--texts DIR] (or npm run bench -- --memory)
// CLAIMLINE_DIST=DIR measures a build compiled elsewhere, as bench/run.mjs does.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root, argv, arg, publishedOf } from "./options.mjs";

const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));
const n = Number(arg("--articles", "100000"));
const perShard = Number(arg("--per-shard", "200"));
const jobs = arg("--jobs", undefined);

let names;
try { names = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort(); } catch {
  console.log(`bench memory: no war-news texts at ${textDir} (skipped)`); process.exit(0);
}
const bases = names.map((f) => ({ paras: readFileSync(path.join(textDir, f), "utf8").split(/\n\s*\n/), date: publishedOf(f) }));

// Article k: base text k mod B with its paragraphs rotated by ⌊k / B⌋, so no two of the first B × P are equal.
const dir = mkdtempSync(path.join(tmpdir(), "claimline-memory-"));
let words = 0;
for (let s = 0; s * perShard < n; s++) {
  const lines = [];
  for (let k = s * perShard; k < Math.min(n, (s + 1) * perShard); k++) {
    const b = bases[k % bases.length];
    const r = Math.floor(k / bases.length) % b.paras.length;
    const text = [...b.paras.slice(r), ...b.paras.slice(0, r)].join("\n\n");
    words += text.match(/\S+/g)?.length ?? 0;
    lines.push(JSON.stringify({ id: `syn-${k}`, text, published: b.date }));
  }
  writeFileSync(path.join(dir, `shard-${String(s).padStart(5, "0")}.jsonl`), `${lines.join("\n")}\n`);
}
const shards = readdirSync(dir).length;
console.log(`memory bench: ${n} articles, ${words} words in ${shards} JSONL shards under ${dir}`);

const useTime = existsSync("/usr/bin/time");
const timeFile = `${dir}.time`;
// bin/claimline.js runs ../dist; a private build (CLAIMLINE_DIST) gets a launcher of the same two lines
let bin = path.join(root, "bin", "claimline.js");
if (process.env.CLAIMLINE_DIST) {
  bin = `${dir}.launcher.mjs`;
  const mainUrl = pathToFileURL(path.join(path.resolve(process.env.CLAIMLINE_DIST), "cli", "main.js")).href;
  writeFileSync(bin, `import { main } from ${JSON.stringify(mainUrl)};\nmain(process.argv).then((code) => { process.exitCode = code; });\n`);
}
const cmd = [process.execPath, bin, "extract", "--format", "jsonl", ...(jobs ? ["--jobs", jobs] : []), dir];
const child = useTime ? spawn("/usr/bin/time", ["-f", "%U %S %M %e", "-o", timeFile, ...cmd], { stdio: ["ignore", "pipe", "inherit"] })
  : spawn(cmd[0], cmd.slice(1), { stdio: ["ignore", "pipe", "inherit"] });
// count records (lines) without decoding: the output runs to gigabytes
let records = 0;
child.stdout.on("data", (b) => {
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) records++;
});

// Sample the node process's resident set through /proc (the child of /usr/bin/time when it is used).
const samples = [];
const t0 = performance.now();
const nodePid = () => {
  if (!useTime) return child.pid;
  try { return Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/)[0]) || undefined; } catch { return undefined; }
};
const timer = setInterval(() => {
  const pid = nodePid();
  if (!pid) return;
  try {
    const st = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = Number(/VmRSS:\s+(\d+)/.exec(st)?.[1] ?? 0) / 1024;
    samples.push({ s: Math.round((performance.now() - t0) / 1000), records, rssMB: Math.round(rss) });
  } catch { /* finished */ }
}, 1000);
const code = await new Promise((res) => child.on("close", res));
clearInterval(timer);
const wall = (performance.now() - t0) / 1000;
let cpuSec, peakRssMB;
if (useTime) {
  const [u, sy, kb] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  cpuSec = u + sy; peakRssMB = Math.round(kb / 1024);
} else peakRssMB = Math.max(...samples.map((x) => x.rssMB));
rmSync(dir, { recursive: true, force: true });
rmSync(timeFile, { force: true });
if (process.env.CLAIMLINE_DIST) rmSync(bin, { force: true });

// RSS at each tenth of the run: flat means no growth with the number of articles.
const tenths = [];
for (let i = 1; i <= 10; i++) {
  const want = (records * i) / 10;
  const s = samples.find((x) => x.records >= want) ?? samples.at(-1);
  if (s) tenths.push(s.rssMB);
}
const result = {
  date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`, node: process.version,
  command: process.env.CLAIMLINE_DIST
    ? `CLAIMLINE_DIST=${path.resolve(process.env.CLAIMLINE_DIST)} node bench/memory.mjs${argv.length ? ` ${argv.join(" ")}` : ""}`
    : `npm run bench -- --memory${argv.length ? ` ${argv.join(" ")}` : ""}`,
  articles: n, words, records, exit: code, wallSec: +wall.toFixed(1), cpuSec: cpuSec && +cpuSec.toFixed(1),
  wordsPerCpuSec: cpuSec ? Math.round(words / cpuSec) : undefined, peakRssMB, rssByTenthMB: tenths,
};
console.log(`${records} records from ${n} articles; exit ${code}; ${result.wallSec} s wall, ${result.cpuSec} CPU-s; peak RSS ${peakRssMB} MB; RSS by tenth of the run: ${tenths.join(" ")} MB`);
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
// a dated copy too, so a short run (--articles 10000) does not hide the last full one
writeFileSync(path.join(root, "bench", "results", "memory-latest.json"), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(path.join(root, "bench", "results", `memory-${n}-${result.date.slice(0, 16).replace(/[:T]/g, "-")}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result));
