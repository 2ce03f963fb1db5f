// Mentions clustered into entities (names, places, acronyms) with descriptors, roles, affiliations and gender.
import type { Entity, Mention } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import type { EntityType, Span } from "../../../core/record.js";
import { cityCandidates, gazetteer, type Gazetteer } from "../../../geo/gazetteer.js";
import { GUESS, SURNAME_GUESS } from "../extractors/entity-mentions.js";
import { FEMALE_TITLES, MALE_TITLES, ROLE_NOUNS, TITLE_WORDS, nameLexicon } from "../lexicons/entity-lexicon.js";
import { mentionIndex, readAppositions } from "./entity-resolution-appositions.js";

interface Cluster {
  key: string;
  mentions: Mention[];
  type: EntityType;
  /** name words, lower-cased, of the longest name (persons) */
  words: string[];
  strong: boolean;
  /** built from a person's full name: whatever joins it is that person */
  person?: boolean;
  /** creation order (the first cluster wins where several fit) */
  at: number;
}

/**
 * Whether `s` holds white space other than single spaces between non-space characters: only then does
 * `s.replace(/\s+/g, " ")` change it, or `split(/\s+/)` differ from `split(" ")` (most names are "Aa Bb"; the
 * regex ran per mention, several times).
 */
function oddSpace(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === n - 1 || s.charCodeAt(i + 1) === 32) return true;
    } else if (c < 33 || (c >= 128 && /\s/.test(s[i]!))) return true;
  }
  return false;
}

/** `s.replace(/\s+/g, " ")`, without the regex when nothing would change. */
const collapseSpace = (s: string): string => (oddSpace(s) ? s.replace(/\s+/g, " ") : s);

const nameWords = (text: string): string[] => {
  const l = text.toLowerCase();
  return l.length && !oddSpace(l) ? l.split(" ") : l.split(/\s+/).filter(Boolean);
};

/** A key that makes alternate names of one place or nationality meet ("U.S." ↔ "United States"). */
function placeKey(g: Gazetteer, m: Mention): string | undefined {
  const k = collapseSpace(m.text.toLowerCase());
  if (m.type === "GPE" || m.type === "LOC") {
    const cc = g.countryByName.get(k);
    if (cc) return `country:${cc}`;
    const city = cityCandidates(g, k);
    if (city.length && !g.regionByName.has(k)) return `city:${city[0]}`;
    return `place:${k}`;
  }
  if (m.type === "NORP") {
    const cc = g.demonymByName.get(k);
    return cc ? `norp:${cc}` : `norp:${k}`;
  }
  return undefined;
}

/** Initials of an organisation's capitalised words ("Democratic Party of Japan" → "DPJ"). */
function initials(text: string): string {
  let out = "";
  for (const w of text.split(/[\s-]+/)) if (w && w[0] !== w[0]!.toLowerCase()) out += w[0];
  return out;
}

/**
 * Name endings of at most this many words are indexed. A longer ending is looked up among the clusters holding
 * all its words: indexing every ending of an n-word name costs n² characters, and a hostile page's one "name"
 * of 40,000 words ("John Smith John Smith …") ran the worker out of memory.
 */
const MAX_INDEXED_SUFFIX = 6;

function endsWith(long: string[], short: string[]): boolean {
  const d = long.length - short.length;
  if (d < 0) return false;
  for (let i = 0; i < short.length; i++) if (long[d + i] !== short[i]) return false;
  return true;
}

function isSubsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (i < short.length && w === short[i]) i++;
  return i === short.length;
}

/** Entities with their descriptors, roles and affiliations (what the stage sets, without its budget handling). */
export function resolveEntities(doc: Document): Entity[] {
  const entities = clusterEntities(doc);
  describePersons(doc, entities);
  return entities;
}

/** Mentions clustered into entities: ids, types, names, aliases, mentions and gender. */
function clusterEntities(doc: Document): Entity[] {
  const g = gazetteer();
  const lex = nameLexicon();
  const mentions = [...doc.get("mention")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const add = (key: string, m: Mention, words: string[] = []): Cluster => {
    let c = byKey.get(key);
    if (!c) {
      c = { key, mentions: [], type: m.type, words, strong: false, at: clusters.length };
      byKey.set(key, c);
      clusters.push(c);
    }
    c.mentions.push(m);
    if (m.source !== GUESS) c.strong = true;
    if (words.length > c.words.length) c.words = words;
    byText.set(m.text.toLowerCase(), c);
    return c;
  };
  const byText = new Map<string, Cluster>();
  // a name's words, split once per distinct text (an article repeats its names; the lists are only read)
  const wordsByText = new Map<string, string[]>();
  const wordsOf = (t: string): string[] => {
    let w = wordsByText.get(t);
    if (!w) wordsByText.set(t, (w = nameWords(t)));
    return w;
  };
  // persons with two or more words first, longest first, so partial names find their full form wherever it stands
  // (a guessed two-word name is a full name too: "Alexey Moskalyov" with no first-name list to confirm it)
  // each person's words split once: the sort's comparisons would split them again and again
  const personWords = new Map<Mention, string[]>();
  for (const m of mentions) {
    if (m.type !== "PERSON") continue;
    const w = wordsOf(m.text);
    if (w.length >= 2) personWords.set(m, w);
  }
  const persons = mentions.filter((m) => personWords.has(m));
  persons.sort((a, b) => personWords.get(b)!.length - personWords.get(a)!.length || (a.source === GUESS ? 1 : 0) - (b.source === GUESS ? 1 : 0) || a.span[0] - b.span[0]);
  // indexes by name word and by name ending keep matching linear in the number of mentions
  const personByWord = new Map<string, Cluster[]>();
  const personBySuffix = new Map<string, Cluster[]>();
  // a cluster is added for all its words at once, so a repeat ("John John") can only be the list's last entry
  const addTo = (map: Map<string, Cluster[]>, k: string, c: Cluster): void => {
    const list = map.get(k);
    if (!list) map.set(k, [c]);
    else if (list[list.length - 1] !== c) list.push(c);
  };
  const NONE: Cluster[] = [];
  /**
   * Person clusters holding every word of `w` (in creation order): those of the rarest word, since a cluster that
   * contains them all is on every word's list. Thousands of "John …" then cost no scan of every John.
   */
  const personsWith = (w: string[]): Cluster[] => {
    let best = personByWord.get(w[0]!) ?? NONE;
    for (let i = 1; i < w.length && best.length; i++) {
      const l = personByWord.get(w[i]!) ?? NONE;
      if (l.length < best.length) best = l;
    }
    return best;
  };
  const tick = deadlineCheck(doc, 128);
  for (const m of persons) {
    tick();
    const w = personWords.get(m)!;
    const home = personsWith(w).find((c) => isSubsequence(w, c.words));
    if (home) { home.mentions.push(m); byText.set(m.text.toLowerCase(), home); continue; }
    const c = add(`person:${w.join(" ")}`, m, w);
    c.person = true;
    for (const x of w) addTo(personByWord, x, c);
    for (let i = Math.max(1, w.length - MAX_INDEXED_SUFFIX); i < w.length; i++) addTo(personBySuffix, w.slice(i).join(" "), c);
  }
  /** Person clusters whose name ends with the words `w` and is longer (in creation order), as the index would list them. */
  const personsEndingWith = (w: string[]): Cluster[] =>
    w.length <= MAX_INDEXED_SUFFIX ? personBySuffix.get(w.join(" ")) ?? NONE : personsWith(w).filter((c) => c.words.length > w.length && endsWith(c.words, w));
  const done = new Set<Mention>(persons);
  // organisations by initials ("IAEA" ↔ "International Atomic Energy Agency") and by first word (short ↔ long form)
  const orgByInitials = new Map<string, Cluster>();
  const orgByAcronym = new Map<string, Cluster>();
  // short ↔ long form by whole-word prefix: every proper prefix (two words or more) of each name, to its first cluster
  const orgByName = new Map<string, Cluster>();
  const orgByPrefix = new Map<string, Cluster>();
  // typed mentions before guesses, so a guess ("NATO" in a headline) can join what the body typed
  const ordered = [...mentions.filter((m) => m.source !== GUESS && m.source !== SURNAME_GUESS),
    ...mentions.filter((m) => m.source === GUESS || m.source === SURNAME_GUESS)];
  for (const m of ordered) {
    tick();
    if (done.has(m)) continue;
    const w = wordsOf(m.text);
    if (m.source === SURNAME_GUESS) {
      // "Brown said": only as the surname of a person named in full
      const home = (personBySuffix.get(w[0]!) ?? []).filter((c) => c.words[c.words.length - 1] === w[0]);
      if (home.length === 1) home[0]!.mentions.push(m);
      continue;
    }
    const same = m.source === GUESS ? byText.get(m.text.toLowerCase()) : undefined;
    if (same) { same.mentions.push(m); continue; }
    // a surname, a first name or a later partial name: "Novak", "Maria", "Ruiz Novak"
    // (a town's name joins a person only as a surname: "Lincoln" for "Samuel Lincoln", not "Paris" for "Paris Hilton")
    const town = m.type === "GPE" && m.source !== GUESS;
    if (m.type === "PERSON" || m.source === GUESS || (town && !g.countryByName.has(w.join(" ")))) {
      const last = personsEndingWith(w);
      const any = last.length || town ? last : w.length === 1 ? personsWith(w) : personsWith(w).filter((c) => isSubsequence(w, c.words));
      if (any.length === 1) { any[0]!.mentions.push(m); byText.set(m.text.toLowerCase(), any[0]!); continue; }
    }
    const pk = placeKey(g, m);
    if (pk) { add(pk, m); continue; }
    if (m.type === "ORG") {
      const text = collapseSpace(m.text);
      const lower = text.toLowerCase();
      const bare = text.replace(/\./g, "");
      const acronym = bare.length >= 2 && bare === bare.toUpperCase() && !bare.includes(" ");
      // acronym ↔ expansion, and a short form that begins a longer one ("Global Affairs" ↔ "Global Affairs Canada")
      let home = acronym ? orgByInitials.get(bare) : w.length >= 2 ? orgByAcronym.get(initials(text)) : undefined;
      if (!home && w.length >= 2) {
        // the earliest cluster whose name begins this one, or that this one begins
        home = orgByPrefix.get(lower);
        for (let k = lower.indexOf(" "); k > 0; k = lower.indexOf(" ", k + 1)) {
          const c = orgByName.get(lower.slice(0, k));
          if (c && (!home || c.at < home.at)) home = c;
        }
      }
      if (home) { home.mentions.push(m); byText.set(lower, home); continue; }
      const c = add(`org:${lower}`, m);
      if (c.mentions.length === 1) {
        if (acronym) orgByAcronym.set(bare, c);
        else if (w.length >= 2) {
          orgByInitials.set(initials(text), c);
          const name = c.key.slice(4);
          if (!orgByName.has(name)) orgByName.set(name, c);
          for (let k = name.indexOf(" ", name.indexOf(" ") + 1); k > 0; k = name.indexOf(" ", k + 1)) {
            const prefix = name.slice(0, k);
            if (!orgByPrefix.has(prefix)) orgByPrefix.set(prefix, c);
          }
        }
      }
      continue;
    }
    add(`${m.type}:${m.text.toLowerCase()}`, m);
  }
  // guessed singletons that joined nothing stay only when the article repeats them
  const kept = clusters.filter((c) => c.strong || c.mentions.length >= 2);
  const first = new Map<Cluster, number>();
  for (const c of kept) first.set(c, c.mentions.reduce((min, m) => Math.min(min, m.span[0]), Infinity));
  kept.sort((a, b) => first.get(a)! - first.get(b)!);
  const entities: Entity[] = [];
  for (const c of kept) {
    tick();
    c.mentions.sort((a, b) => a.span[0] - b.span[0]);
    const id = doc.nextId("e");
    const votes = new Map<string, number>();
    for (const m of c.mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + (m.source === GUESS ? 1 : 3));
    const type = c.person ? "PERSON" : ([...votes].sort((a, b) => b[1] - a[1])[0]![0] as EntityType);
    const texts = [...new Set(c.mentions.map((m) => collapseSpace(m.text)))];
    // a country goes by its common name when the article uses it ("Russia", not "Russian Federation")
    const cc = c.key.startsWith("country:") ? c.key.slice(8) : undefined;
    const common = cc ? g.countries.get(cc)?.name : undefined;
    // and a name in capitals ("MINSK" in a dateline) only when the article has no other form
    const cased = texts.filter((t) => t !== t.toUpperCase());
    const pool = cased.length ? cased : texts;
    const name = common && texts.includes(common) ? common : pool.reduce((best, t) => (t.length > best.length ? t : best), pool[0]!);
    const entity: Entity = {
      id, type, name, aliases: texts.filter((t) => t !== name), mentions: c.mentions.map((m) => [...m.span] as Span),
      descriptors: [], roles: [], affiliations: [],
    };
    if (type === "PERSON") {
      const first = name.split(/\s+/)[0]!.toLowerCase();
      const f = lex.female.has(first);
      const male = lex.male.has(first);
      if (f !== male) entity.gender = f ? "female" : "male";
    }
    for (const m of c.mentions) m.entity = id;
    entities.push(entity);
  }
  return entities;
}

/**
 * Descriptors, roles, affiliations and gender hints from the text around each person's mentions. The entities
 * are whole before this runs, so when the time budget stops it they stand as they are, less described.
 */
function describePersons(doc: Document, entities: Entity[]): void {
  const index = mentionIndex(entities);
  const tick = deadlineCheck(doc, 64);
  for (const e of entities) if (e.type === "PERSON") readAppositions(doc, e, entities, index, (t) => {
    const k = t.toLowerCase();
    if (FEMALE_TITLES.has(k)) e.gender = "female";
    else if (MALE_TITLES.has(k)) e.gender = "male";
    // a courtesy title says who, not what: it is no role
    return TITLE_WORDS.has(k) || k === "of" || (t === k && ROLE_NOUNS.has(k));
  }, tick);
}

/** Sets the entity layer and drops the guesses that joined no entity, so later stages see only mentions that resolve. */
function settle(doc: Document, entities: Entity[]): void {
  doc.set("entity", entities);
  doc.set("mention", doc.get("mention").filter((m) => m.entity !== undefined));
}

export const entityResolution: Stage = {
  name: "entityResolution",
  kind: "refiner",
  requires: ["mention", "token"],
  provides: ["entity"],
  run(doc: Document) {
    const entities = clusterEntities(doc);
    try {
      describePersons(doc, entities);
    } finally {
      // also when the budget stops the descriptions: the clusters are the costly part, and they are complete
      settle(doc, entities);
    }
  },
  // The layer is set only whole (above); stopped before that, there are no entities. Clustering is the work
  // itself, so there is nothing cheaper to fall back on.
  whenSkipped(doc: Document) {
    if (!doc.has("entity")) doc.set("entity", []);
  },
};
