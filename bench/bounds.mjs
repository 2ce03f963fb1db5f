#!/usr/bin/env node
// CPU cost of the content-boundary choice alone (attribution/content-bounds), over every report the rules find in
// the war-news texts. Usage: node bench/bounds.mjs [--rounds N] [--texts DIR]; CLAIMLINE_DIST=DIR for a private build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root, dist, argv, arg } from "./options.mjs";

const rounds = Number(arg("--rounds", "10"));
const textDir = path.resolve(root, arg("--texts", "../shared/data/events/ukraine-war-news-gdelt/articles"));
const load = (f) => import(pathToFileURL(path.join(dist, f)).href);
const cb = await load("nlp/en/attribution/content-bounds.js");
const { englishPipeline } = await load("nlp/en/configuration.js");
const { Document } = await load("core/document.js");

// the reports' contexts, seen through the training hook (which leaves the rules' spans)
const contexts = [];
cb.observeBounds((ctx) => contexts.push(ctx));
const pipeline = englishPipeline();
for (const f of readdirSync(textDir).filter((x) => x.endsWith(".txt")).sort()) pipeline.run(new Document(readFileSync(path.join(textDir, f), "utf8"), {}, "b"));
cb.observeBounds(undefined);
const m = cb.boundsModel();
let check = 0;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  for (const ctx of contexts) check += cb.chooseBounds(ctx, () => true, m)[1];
  const cu = process.cpuUsage(c0);
  console.log(`round ${r + 1}: ${((cu.user + cu.system) / 1000).toFixed(0)} CPU-ms for ${contexts.length} reports (check ${check})`);
}
