#!/usr/bin/env node
// Repeated passes of the pipeline over the war-news texts in one process: how much of a run is warm-up (JIT, caches)
// and what the stages cost once warm. Usage: node bench/passes.mjs [--passes N] [--texts DIR]
// CLAIMLINE_DIST=DIR measures a build compiled elsewhere, as bench/run.mjs does. Prints one line per pass.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { root, dist, argv, arg, publishedOf } from "./options.mjs";

const passes = Number(arg("--passes", "3"));
const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));

// the tier-up budget `claimline extract` sets (src/cli/commands/extract.ts, JIT_FLAGS), before any code runs
setFlagsFromString("--interrupt-budget=1048576 --always-sparkplug");
const { englishPipeline } = await import(pathToFileURL(path.join(dist, "nlp/en/configuration.js")).href);
const { Document } = await import(pathToFileURL(path.join(dist, "core/document.js")).href);
const texts = readdirSync(textDir).filter((f) => f.endsWith(".txt")).sort().map((f) => [f, readFileSync(path.join(textDir, f), "utf8")]);
const pipeline = englishPipeline();
for (let pass = 0; pass < passes; pass++) {
  const stages = {};
  const c0 = process.cpuUsage();
  for (const [name, text] of texts) {
    // the file name carries the publication date (YYYYMMDD…): the anchor relative dates need
    const doc = pipeline.run(new Document(text, { published: publishedOf(name) }, "b"));
    for (const [k, v] of Object.entries(doc.timings)) stages[k] = (stages[k] ?? 0) + v;
  }
  const cu = process.cpuUsage(c0);
  const byCost = Object.entries(stages).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ");
  console.log(`pass ${pass + 1}: ${((cu.user + cu.system) / 1e6).toFixed(2)} CPU-s; stages in wall ms: ${byCost}`);
}
