#!/usr/bin/env node
// Builds src/nlp/en/lexicons/quantity-verbs.json: words whose most frequent part of speech is a finite or base verb, from wink-lexicon.
//
// Why: the figure stage reads the counted noun phrase after a number without a tagger; a verb ends it
// ("57 percent oppose …", "300 people remain …"). wink-lexicon (MIT; derived from fnTBL, MIT-like) lists
// each word's tags most frequent first; a word is kept when that first tag is VB, VBP, VBZ, VBD or MD.
// Participles (VBN) and gerunds (VBG) are left out: the stage has its own rules for "killed", "injured".
//
// Usage: node scripts/build-quantity-verbs.mjs
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(import.meta.url);
const lexicon = require("wink-lexicon/src/lexicon.js");
const VERB = new Set(["VB", "VBP", "VBZ", "VBD", "MD"]);

const verbs = Object.keys(lexicon)
  .filter((w) => /^[a-z]+$/.test(w) && w.length > 1 && Array.isArray(lexicon[w]) && VERB.has(lexicon[w][0]))
  .sort();
const out = {
  about: "Words whose most frequent tag in wink-lexicon@2 (MIT) is VB, VBP, VBZ, VBD or MD. Built by scripts/build-quantity-verbs.mjs.",
  verbs: verbs.join(" "),
};
const file = path.join(root, "src", "nlp", "en", "lexicons", "quantity-verbs.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`${verbs.length} verbs → ${path.relative(root, file)}`);
