#!/usr/bin/env node
// Writes the data tables the compiled code reads as they are into dist/prebuilt/ (run by `npm run build` after tsc).
// Each file is stamped with the hash of its inputs (src/core/prebuilt.ts): a stale one is ignored, never misread.
// Usage: node scripts/prebuild-data.mjs [DIST]   (DIST: a compiled tree, default dist/)
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.argv[2] ?? path.join(root, "dist"));
const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href);
const { PREBUILT_DIR } = await load("core/prebuilt.js");
const { prebuildCityTables } = await load("geo/gazetteer.js");
const { prebuildNerModel } = await load("nlp/en/ner/model.js");
const { prebuildBoundsModel } = await load("nlp/en/attribution/content-bounds.js");
const { prebuildCueModel } = await load("nlp/en/attribution/cue-model.js");
const t0 = performance.now();
const written = [...prebuildCityTables(PREBUILT_DIR), ...prebuildNerModel(PREBUILT_DIR), ...prebuildBoundsModel(PREBUILT_DIR), ...prebuildCueModel(PREBUILT_DIR)];
console.log(`prebuilt ${written.join(", ")} into ${path.relative(root, PREBUILT_DIR) || PREBUILT_DIR} in ${Math.round(performance.now() - t0)} ms`);
