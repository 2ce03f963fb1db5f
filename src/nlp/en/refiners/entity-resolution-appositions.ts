// Descriptors, roles and affiliations of a person from "X, a <role> at ORG …" and "<Country> <Title> X".
import type { Entity } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";
import { gazetteer } from "../../../geo/gazetteer.js";

import { ROLE_NOUNS } from "../lexicons/entity-lexicon.js";

// ", a former minister", ", 45, a farmer", ", director of …": an apposition opens with an article, an age or a job
const APPOSITION_START = new RegExp(
  `^,\\s+(?:\\d{1,3},\\s+)?(?=(?:a|an|the|now|former|then|${[...ROLE_NOUNS].join("|")})\\s)`,
);
// "Jane Doe of the Brookings Institution", "Jane Doe from Oxford University"
const OF_ORG = /^\s+(?:of|from|at|with)\s+(?:the\s+)?/;
// clauses inside one apposition: "a former deputy minister who's now an analyst with …" (a match starts only where
// its run of spaces starts, so a long run is not rescanned from each of its spaces: the same splits, linear)
const CLAUSE_SPLIT = /(?<!\s)\s+(?:who's|who is|who was|who has been|who had been|and|but)\s+(?:now\s+|also\s+|currently\s+|later\s+)?/;
const LEADING = /^(?:(?:a|an|the|now|currently)\s+)+/i;
const PREPOSITION = /\s(at|with|for|of|in|from)\s+(?:the\s+)?/g;
const STOPS = new Set([";", "(", ")", "—", "–", '"', "“", "”"]);

// courtesy titles tell gender, not a role
const COURTESY = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "dr", "dr."]);

export interface Located { entity: Entity; span: Span }

/**
 * Every mention of every entity, sorted by start, with look-ups by start, by end and "inside a mention", so each
 * question costs a map read or a binary search, not a scan of every mention (a page naming one person 20,000
 * times made the scans quadratic).
 */
export interface MentionIndex {
  sorted: Located[];
  byStart: Map<number, Located[]>;
  byEnd: Map<number, Located[]>;
  /** maxEnd[i]: the largest end among sorted[0..i] */
  maxEnd: number[];
  /** the first GPE entity of each country code (filled on first use) */
  countryPlace?: Map<string, Entity>;
}

function groupBy(list: Located[], at: (l: Located) => number): Map<number, Located[]> {
  const out = new Map<number, Located[]>();
  for (const l of list) {
    const k = at(l);
    const group = out.get(k);
    if (group) group.push(l);
    else out.set(k, [l]);
  }
  return out;
}

export function mentionIndex(entities: Entity[]): MentionIndex {
  const sorted: Located[] = [];
  for (const e of entities) for (const span of e.mentions) sorted.push({ entity: e, span });
  sorted.sort((a, b) => a.span[0] - b.span[0]);
  const maxEnd: number[] = [];
  let max = -1;
  for (const l of sorted) maxEnd.push((max = Math.max(max, l.span[1])));
  return { sorted, byStart: groupBy(sorted, (l) => l.span[0]), byEnd: groupBy(sorted, (l) => l.span[1]), maxEnd };
}

/** The first mention (in index order) starting at `pos` that passes `ok`. */
function startingAt(index: MentionIndex, pos: number, ok: (l: Located) => boolean): Located | undefined {
  return index.byStart.get(pos)?.find(ok);
}

/** Whether `pos` lies strictly inside some mention. */
function inside(index: MentionIndex, pos: number): boolean {
  // the last mention starting before pos; one of those up to it must end after pos
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.sorted[mid]!.span[0] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && index.maxEnd[lo - 1]! > pos;
}

/** End of the apposition that starts at `from`: the next comma outside a name, a quote or the sentence end. */
function appositionEnd(doc: Document, index: MentionIndex, from: number, limit: number): number {
  const text = doc.text;
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (STOPS.has(ch) || ch === "\n") return i;
    if (ch === "," && !inside(index, i)) return i;
    if (ch === "." && (i + 1 >= limit || /\s/.test(text[i + 1]!)) && !inside(index, i + 1)) return i;
  }
  return limit;
}

function sentenceEnd(doc: Document, pos: number): number {
  // sentences are in order and do not overlap: the first ending after pos is the only one that can hold it
  const sentences = doc.maybe("sentence");
  const s = sentences[firstEndingAfter(sentences, pos)];
  return s && s.span[0] <= pos ? s.span[1] : doc.text.length;
}

function addUnique(list: string[], v: string): void {
  if (v && !list.includes(v)) list.push(v);
}

function readClause(doc: Document, person: Entity, index: MentionIndex, clause: string, at: number): void {
  const lead = LEADING.exec(clause);
  const start = lead ? lead[0].length : 0;
  const body = clause.slice(start);
  const bodyAt = at + start;
  PREPOSITION.lastIndex = 0;
  for (let m = PREPOSITION.exec(body); m; m = PREPOSITION.exec(body)) {
    const target = bodyAt + m.index + m[0].length;
    const hit = startingAt(index, target, (l) => l.entity !== person);
    if (!hit) continue;
    const descriptor = body.slice(0, m.index).trim();
    if (descriptor && descriptor.split(/\s+/).length <= 10) addUnique(person.descriptors, descriptor);
    // "at ORG's Program": the first name after the preposition is the institution
    if (m[1] !== "in" && m[1] !== "from" && hit.entity.type === "ORG") addUnique(person.affiliations, hit.entity.id);
    return;
  }
  // the lookbehind: tried only where the trailing run starts (the same match, without a rescan per character)
  const descriptor = body.replace(/(?<![.,;:])[.,;:]+$/, "").trim();
  if (descriptor && descriptor.split(/\s+/).length <= 10) addUnique(person.descriptors, descriptor);
}

/**
 * Fills the person's descriptors, roles, affiliations (entity ids) and, through `title`, gender hints. `tick` is
 * called once per mention: the caller's deadline check (`deadlineCheck`), shared over all persons.
 */
export function readAppositions(
  doc: Document, person: Entity, entities: Entity[], index: MentionIndex, title: (word: string) => boolean,
  tick: () => void = () => {},
): void {
  const text = doc.text;
  const g = gazetteer();
  const byEnd = index.byEnd;
  let described = false;
  for (const span of person.mentions) {
    tick();
    // after the name: ", a senior fellow at ORG in CITY"
    if (!described) {
      const rest = text.slice(span[1], span[1] + 3);
      const head = APPOSITION_START.exec(text.slice(span[1], span[1] + 24));
      if (rest.startsWith(",") && head) {
        const from = span[1] + head[0].length;
        const end = appositionEnd(doc, index, from, sentenceEnd(doc, span[1]));
        const appo = text.slice(from, end);
        let offset = from;
        for (const clause of appo.split(CLAUSE_SPLIT)) {
          const at = text.indexOf(clause, offset);
          readClause(doc, person, index, clause, at);
          offset = at + clause.length;
        }
        described = true;
      }
    }
    // "Jane Doe of the Brookings Institution"
    const of = OF_ORG.exec(text.slice(span[1], span[1] + 16));
    if (of) {
      const hit = startingAt(index, span[1] + of[0].length, (l) => l.entity.type === "ORG");
      if (hit) addUnique(person.affiliations, hit.entity.id);
    }
    // before the name: "Ukrainian President", "North Korea's unpredictable dictator", "Brookings analyst"
    // (most names have no title before them: the word before is read alone first, without splitting the window)
    const last = wordBefore(text, Math.max(0, span[0] - 80), span[0]);
    if (last === undefined || !title(last)) continue;
    const before = text.slice(Math.max(0, span[0] - 80), span[0]);
    const words = before.split(/\s+/).filter(Boolean);
    if (words.length && before.length && !/\s$/.test(before)) words.pop();
    const roles: string[] = [];
    while (words.length && title(words[words.length - 1]!)) roles.unshift(words.pop()!);
    while (roles.length && (roles[0] === "of" || COURTESY.has(roles[0]!.toLowerCase()))) roles.shift();
    if (roles.length && COURTESY.has(roles[roles.length - 1]!.toLowerCase())) roles.length = 0;
    if (!roles.length) continue;
    addUnique(person.roles, roles.join(" "));
    // the country the role belongs to, a nationality or a possessive, at most two adjectives further back
    const roleStart = span[0] - before.length + before.lastIndexOf(roles[0]!, before.length - 1);
    let pos = roleStart;
    for (let skip = 0; skip <= 2; skip++) {
      const prev: Located[] = [];
      for (let end = pos; end >= pos - 4; end--) {
        for (const l of byEnd.get(end) ?? []) if (/^(?:['’]s)?\s*$/.test(text.slice(end, pos))) prev.push(l);
      }
      const country = prev.find((l) => l.entity.type === "GPE" || l.entity.type === "NORP" || l.entity.type === "ORG");
      if (country) {
        const e = country.entity;
        if (e.type === "GPE" || e.type === "ORG") addUnique(person.affiliations, e.id);
        else {
          const cc = g.demonymByName.get(e.name.toLowerCase());
          const place = cc ? countryPlace(index, entities, cc) : undefined;
          const name = cc ? g.countries.get(cc)?.name : undefined;
          if (place) addUnique(person.affiliations, place.id);
          else if (name) addUnique(person.affiliations, name);
        }
        break;
      }
      // step over one adjective
      const m = /(?<!\S)(\S+)\s+$/.exec(text.slice(Math.max(0, pos - 40), pos));
      if (!m || /^\p{Lu}/u.test(m[1]!)) break;
      pos -= m[0].length;
    }
  }
}

const isSpace = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(text[i]!));
};

/**
 * The last whole word of text[from, to) as `split(/\s+/)` would give it, a word touching `to` left out (it is
 * glued to the name: "(Putin"); undefined when there is none.
 */
function wordBefore(text: string, from: number, to: number): string | undefined {
  let i = to;
  if (i > from && !isSpace(text, i - 1)) while (i > from && !isSpace(text, i - 1)) i--;
  while (i > from && isSpace(text, i - 1)) i--;
  let j = i;
  while (j > from && !isSpace(text, j - 1)) j--;
  return j < i ? text.slice(j, i) : undefined;
}

/** The first GPE entity naming country `cc` (one pass over the entities, the first time it is asked). */
function countryPlace(index: MentionIndex, entities: Entity[], cc: string): Entity | undefined {
  if (!index.countryPlace) {
    const g = gazetteer();
    const places = new Map<string, Entity>();
    for (const x of entities) {
      if (x.type !== "GPE") continue;
      const c = g.countryByName.get(x.name.toLowerCase());
      if (c && !places.has(c)) places.set(c, x);
    }
    index.countryPlace = places;
  }
  return index.countryPlace.get(cc);
}
