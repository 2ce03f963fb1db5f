// Builds the model's gazetteers (from the repo's npm-derived place and name lists) and word clusters, at training time.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gazetteer } from "../../../geo/gazetteer.js";
import { KNOWN_ORG_NAMES, KNOWN_ORGS, ORG_WORDS, TITLE_WORDS, nameLexicon } from "../lexicons/entity-lexicon.js";
import { learnClusters } from "./clusters.js";
import type { ConllDocument } from "./conll.js";
import { emptyResources, GAZ_KINDS, type GazKind, type MutableNerResources } from "./features.js";

export interface BuildOptions {
  clusters: boolean;
  gazetteers: boolean;
  trainDocs: readonly ConllDocument[];
  /** the shared data folder (unlabelled text for the clusters) */
  dataDir?: string;
  /** which worldwide-newswire annotated files (by sorted index) the NORP and name lists may read; all by default */
  wwnKeep?: (index: number) => boolean;
  log?: (s: string) => void;
}

const MONTHS = "january february march april may june july august september october november december".split(" ");
const DAYS = "monday tuesday wednesday thursday friday saturday sunday".split(" ");
/** The most populous cities are "city", the rest "town": a village's name is weak evidence, a capital's strong. */
const BIG_CITIES = 5000;

/** Tokens as CoNLL writes them: punctuation split off, "'s" and "n't" apart, "U.S." and "Sino-Japanese" whole. */
export function tokenizeLike(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split(/\n\s*\n|(?<=[.!?]["']?)\s+(?=["']?[A-Z])/)) {
    const toks = line.match(/(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*|n't|'s|[\p{L}\p{M}\p{N}]+(?:[-'&][\p{L}\p{M}\p{N}]+)*(?=n't)|[\p{L}\p{M}\p{N}]+(?:[-'&.][\p{L}\p{M}\p{N}]+)*|[^\s]/gu);
    if (toks?.length) out.push(toks);
  }
  return out;
}

function addGaz(res: MutableNerResources, phrase: string, kind: GazKind): void {
  const p = phrase.toLowerCase().trim().replace(/\s+/g, " ");
  if (!p) return;
  // multi-word names are matched word by word, so tokenise them as the text would be
  const words = tokenizeLike(p).flat();
  if (!words.length || words.length > 6) return;
  const key = words.join(" ");
  res.gaz.set(key, (res.gaz.get(key) ?? 0) | (1 << GAZ_KINDS.indexOf(kind)));
  if (words.length > 1) res.gazStarts.add(words[0]!);
  res.gazMax = Math.max(res.gazMax, words.length);
}

function buildGazetteers(res: MutableNerResources): void {
  const g = gazetteer();
  for (const name of g.countryByName.keys()) addGaz(res, name, "country");
  for (const name of g.demonymByName.keys()) addGaz(res, name, "demonym");
  for (const [name, r] of g.regionByName) addGaz(res, name, r.type === "GPE" ? "state" : "region");
  for (let i = 0; i < g.cities.names.length; i++) addGaz(res, g.cities.names.at(i), i < BIG_CITIES ? "city" : "town");
  for (const name of g.cityAliases.keys()) addGaz(res, name, "city");
  const names = nameLexicon();
  for (const n of names.female) addGaz(res, n, "first");
  for (const n of names.male) addGaz(res, n, "first");
  for (const n of names.common) addGaz(res, n, "common");
  for (const w of TITLE_WORDS) addGaz(res, w, "title");
  for (const w of ORG_WORDS) addGaz(res, w, "orgword");
  for (const w of KNOWN_ORGS) addGaz(res, w, "org");
  for (const w of KNOWN_ORG_NAMES) addGaz(res, w, "org");
  for (const w of [...MONTHS, ...DAYS]) addGaz(res, w, "month");
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#\d+;/g, " ").replace(/&amp;/g, "&");

function files(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f));
}

/**
 * The unlabelled text the clusters are learned from, in a fixed order: CoNLL eng.train words, Reuters-21578 bodies,
 * the TempEval-3 silver newswire, the war-news articles and the worldwide-newswire raw articles (never eng.testa/b).
 */
export function unlabelledSentences(dataDir: string, trainDocs: readonly ConllDocument[], log?: (s: string) => void): string[][] {
  const out: string[][] = [];
  for (const d of trainDocs) for (const s of d) out.push(s.words);
  const add = (name: string, texts: Iterable<string>): void => {
    const before = out.length;
    let tokens = 0;
    for (const t of texts) for (const s of tokenizeLike(t)) { out.push(s); tokens += s.length; }
    log?.(`  unlabelled ${name}: ${out.length - before} sentences, ${tokens} tokens`);
  };
  add("reuters21578", (function* () {
    for (const f of files(path.join(dataDir, "unlabelled/reuters21578"), ".sgm")) {
      const sgm = readFileSync(f, "latin1");
      for (const m of sgm.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) yield decode(m[1]!).replace(/\s*Reuter\s*$/, "");
    }
  })());
  add("tempeval3-silver", (function* () {
    for (let k = 0; k <= 5; k++) {
      for (const f of files(path.join(dataDir, `timex/tempeval3/TE3-Silver-data-${k}`), ".tml")) {
        const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(readFileSync(f, "utf8"))?.[1] ?? "";
        yield decode(body.replace(/<[^>]+>/g, ""));
      }
    }
  })());
  add("ukraine-war-news", (function* () {
    for (const f of files(path.join(dataDir, "events/ukraine-war-news-gdelt/articles"), ".txt")) yield readFileSync(f, "utf8");
  })());
  add("en-worldwide-newswire", (function* () {
    for (const f of files(path.join(dataDir, "ner/en-worldwide-newswire/original_articles"), ".txt")) {
      yield readFileSync(f, "utf8").replace(/^[^\n]*\n/, ""); // the first line is the URL
    }
  })());
  return out;
}

/**
 * Nationality, religious and political group words from the worldwide-newswire annotations (its NORP type): words
 * tagged NORP at least twice and in at least half of their occurrences, and NORP phrases seen at least twice.
 */
export function norpWords(dataDir: string, keep: (index: number) => boolean = () => true): string[] {
  const tagged = new Map<string, number>();
  const seen = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const f of files(path.join(dataDir, "ner/en-worldwide-newswire/processed_annotated"), ".tsv").filter((_, i) => keep(i))) {
    let phrase: string[] = [];
    const flush = (): void => {
      if (phrase.length > 1) bump(tagged, phrase.join(" ").replace(/ ([-’']) /g, "$1"));
      phrase = [];
    };
    for (const line of readFileSync(f, "utf8").split("\n")) {
      const [tok, tag] = line.split("\t");
      if (!tok || !tag) { flush(); continue; }
      const w = tok.toLowerCase();
      bump(seen, w);
      if (tag === "B-NORP") { flush(); phrase = [w]; bump(tagged, `1:${w}`); }
      else if (tag === "I-NORP" && phrase.length) { phrase.push(w); bump(tagged, `1:${w}`); }
      else flush();
    }
    flush();
  }
  const out: string[] = [];
  for (const [k, n] of tagged) {
    if (n < 2) continue;
    if (k.startsWith("1:")) {
      const w = k.slice(2);
      if (n >= 0.5 * (seen.get(w) ?? n) && /\p{L}{3}/u.test(w)) out.push(w);
    } else out.push(k);
  }
  return out.sort();
}

/**
 * Names annotated in the worldwide-newswire set (Person, Organization, Location), seen at least twice: an outside
 * gazetteer of 2010s non-Western news names, to complement CoNLL's 1996 Reuters ones.
 */
export function wwnNames(dataDir: string, keep: (index: number) => boolean = () => true): { person: string[]; org: string[]; place: string[] } {
  const counts = { Person: new Map<string, number>(), Organization: new Map<string, number>(), Location: new Map<string, number>() };
  for (const f of files(path.join(dataDir, "ner/en-worldwide-newswire/processed_annotated"), ".tsv").filter((_, i) => keep(i))) {
    let type = "";
    let phrase: string[] = [];
    const flush = (): void => {
      const m = counts[type as keyof typeof counts];
      if (m && phrase.length) {
        const k = phrase.join(" ").replace(/ ([-’']) /g, "$1");
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      phrase = [];
      type = "";
    };
    for (const line of readFileSync(f, "utf8").split("\n")) {
      const [tok, tag] = line.split("\t");
      if (!tok || !tag || tag === "O") { flush(); continue; }
      if (tag.startsWith("B-")) { flush(); type = tag.slice(2); phrase = [tok.toLowerCase()]; }
      else if (tag.slice(2) === type) phrase.push(tok.toLowerCase());
      else flush();
    }
    flush();
  }
  const frequent = (m: Map<string, number>): string[] => [...m].filter(([, n]) => n >= 2).map(([k]) => k).sort();
  return { person: frequent(counts.Person), org: frequent(counts.Organization), place: frequent(counts.Location) };
}

export function buildResources(opts: BuildOptions): MutableNerResources {
  const res = emptyResources();
  if (opts.gazetteers) {
    buildGazetteers(res);
    const norp = norpWords(opts.dataDir ?? "../shared/data", opts.wwnKeep);
    for (const w of norp) addGaz(res, w, "norp");
    const names = wwnNames(opts.dataDir ?? "../shared/data", opts.wwnKeep);
    for (const w of names.person) addGaz(res, w, "wwn-person");
    for (const w of names.org) addGaz(res, w, "wwn-org");
    for (const w of names.place) addGaz(res, w, "wwn-place");
    opts.log?.(`  gazetteer: en-worldwide-newswire ${norp.length} NORP words, ${names.person.length} persons, ${names.org.length} organisations, ${names.place.length} places`);
  }
  if (opts.clusters) {
    const t0 = performance.now();
    const sents = unlabelledSentences(opts.dataDir ?? "../shared/data", opts.trainDocs, opts.log);
    res.clusters = learnClusters(sents, { seed: 7, log: opts.log });
    opts.log?.(`  clusters: ${res.clusters.size} words in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return res;
}
