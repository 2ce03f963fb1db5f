#!/usr/bin/env node
// One comparison run in its own process (fair CPU accounting): wink-nlp, compromise or Readability + linkedom.
// Usage: node bench/compare.mjs wink|compromise TEXT_DIR  |  node bench/compare.mjs readability HTML_DIR
// Prints one JSON line: load CPU, work CPU, words (texts) or per-page CPU-ms (HTML).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const [tool, dir] = process.argv.slice(2);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const countWords = (s) => s.match(/\S+/g)?.length ?? 0;
const c0 = cpu();

if (tool === "wink" || tool === "compromise") {
  const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(path.join(dir, f), "utf8"));
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  let run;
  if (tool === "wink") {
    // tokeniser + sentence boundaries + part of speech: the "sbd" and "pos" pipes of the lite web model
    const winkNLP = (await import("wink-nlp")).default;
    const model = (await import("wink-eng-lite-web-model")).default;
    const nlp = winkNLP(model, ["sbd", "pos"]);
    const its = nlp.its;
    run = (t) => { const doc = nlp.readDoc(t); return doc.sentences().length() + doc.tokens().out(its.pos).length; };
  } else {
    const nlp = (await import("compromise")).default;
    run = (t) => { const doc = nlp(t); return doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length; };
  }
  const c1 = cpu();
  let n = 0;
  for (const t of texts) n += run(t);
  const c2 = cpu();
  console.log(JSON.stringify({ tool, articles: texts.length, words, loadCpuSec: +(c1 - c0).toFixed(3), workCpuSec: +(c2 - c1).toFixed(3), wordsPerCpuSec: Math.round(words / (c2 - c0)), wordsPerCpuSecAfterLoad: Math.round(words / (c2 - c1)), check: n }));
} else if (tool === "readability") {
  const { Readability } = await import("@mozilla/readability");
  const { parseHTML } = await import("linkedom");
  const pages = readdirSync(dir).filter((f) => /\.html?(\.gz)?$/.test(f)).sort().map((f) => {
    const b = readFileSync(path.join(dir, f));
    return f.endsWith(".gz") ? gunzipSync(b) : b;
  });
  const c1 = cpu();
  const times = [];
  let chars = 0;
  for (const bytes of pages) {
    const t = cpu();
    // the same work claimline's HTML ingest does before its pipeline: decode, parse, find the article
    const { document } = parseHTML(new TextDecoder().decode(bytes));
    const art = new Readability(document).parse();
    chars += art?.textContent?.length ?? 0;
    times.push((cpu() - t) * 1000);
  }
  const c2 = cpu();
  times.sort((a, b) => a - b);
  const q = (p) => +times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(JSON.stringify({ tool, pages: pages.length, loadCpuSec: +(c1 - c0).toFixed(3), workCpuSec: +(c2 - c1).toFixed(3), p50ms: q(0.5), p95ms: q(0.95), check: chars }));
} else {
  console.error("usage: compare.mjs wink|compromise|readability DIR");
  process.exit(2);
}
