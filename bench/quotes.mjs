#!/usr/bin/env node
// The quote stages alone (issue 3: ≥ 1 MB of text per CPU-second on one core): direct quotes, reported speech,
// continuation and attribution, over the war-news texts, timed apart from the stages they need (segmentation, names).
// Usage: node bench/quotes.mjs [--passes N] [--texts DIR]; CLAIMLINE_DIST=DIR measures a build compiled elsewhere.
// Prints one line per pass and a last line of JSON (the best pass: the machine is shared, the minimum is the cost).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { root, dist, arg, publishedOf } from "./options.mjs";

const passes = Number(arg("--passes", "4"));
const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));

// the tier-up budget `claimline extract` sets (src/cli/commands/extract.ts, JIT_FLAGS), before any code runs
setFlagsFromString("--interrupt-budget=1048576 --always-sparkplug");
const load = (m) => import(pathToFileURL(path.join(dist, m)).href);
const { englishStages } = await load("nlp/en/configuration.js");
const { quoteStages } = await load("nlp/en/extractors/quotes.js");
const { Pipeline } = await load("core/pipeline.js");
const { Document } = await load("core/document.js");

// what the quote stages read: every stage before the first of them (segmentation, names, places, dates)
const first = englishStages.indexOf(quoteStages[0]);
const before = new Pipeline(englishStages.slice(0, first));
const texts = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort().map((f) => [f, readFileSync(path.join(textDir, f), "utf8")]);
const bytes = texts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
let best = Infinity;
let found = 0;
for (let pass = 0; pass < passes; pass++) {
  const docs = texts.map(([name, text]) => before.run(new Document(text, { published: publishedOf(name) }, "q")));
  const c0 = process.cpuUsage();
  // the stages' own run, as Pipeline.run calls it (no time budget outside a pipeline run)
  for (const doc of docs) for (const stage of quoteStages) stage.run(doc);
  const cu = process.cpuUsage(c0);
  const sec = (cu.user + cu.system) / 1e6;
  best = Math.min(best, sec);
  found = docs.reduce((n, d) => n + d.maybe("quote").length, 0);
  console.log(`pass ${pass + 1}: quote stages ${sec.toFixed(3)} CPU-s for ${(bytes / 1e6).toFixed(2)} MB: ${(bytes / 1e6 / sec).toFixed(2)} MB per CPU-second (${found} quotes)`);
}
console.log(JSON.stringify({ bench: "quotes", texts: texts.length, megabytes: Math.round(bytes / 1e4) / 100, passes, bestCpuSec: Math.round(best * 1000) / 1000, megabytesPerCpuSec: Math.round((bytes / 1e6 / best) * 100) / 100, quotes: found }));
