// Descriptors, roles and affiliations of a person from "X, a <role> at ORG …" and "<Country> <Title> X".
import type { Entity } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import { gazetteer } from "../../../geo/gazetteer.js";

import { ROLE_NOUNS } from "../lexicons/entity-lexicon.js";

// ", a former minister", ", 45, a farmer", ", director of …": an apposition opens with an article, an age or a job
const APPOSITION_START = new RegExp(
  `^,\\s+(?:\\d{1,3},\\s+)?(?=(?:a|an|the|now|former|then|${[...ROLE_NOUNS].join("|")})\\s)`,
);
// "Jane Doe of the Brookings Institution", "Jane Doe from Oxford University"
const OF_ORG = /^\s+(?:of|from|at|with)\s+(?:the\s+)?/;
// clauses inside one apposition: "a former deputy minister who's now an analyst with …"
const CLAUSE_SPLIT = /\s+(?:who's|who is|who was|who has been|who had been|and|but)\s+(?:now\s+|also\s+|currently\s+|later\s+)?/;
const LEADING = /^(?:(?:a|an|the|now|currently)\s+)+/i;
const PREPOSITION = /\s(at|with|for|of|in|from)\s+(?:the\s+)?/g;
const STOPS = new Set([";", "(", ")", "—", "–", '"', "“", "”"]);

// courtesy titles tell gender, not a role
const COURTESY = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "dame", "dr", "dr."]);

export interface Located { entity: Entity; span: Span }

/** Every mention of every entity, sorted by start, to find which one begins or ends at a position. */
export function mentionIndex(entities: Entity[]): Located[] {
  const out: Located[] = [];
  for (const e of entities) for (const span of e.mentions) out.push({ entity: e, span });
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** The same mentions keyed by where they end, to find the name just before a role. */
export function mentionsByEnd(index: Located[]): Map<number, Located[]> {
  const out = new Map<number, Located[]>();
  for (const l of index) {
    const list = out.get(l.span[1]);
    if (list) list.push(l);
    else out.set(l.span[1], [l]);
  }
  return out;
}

function inside(index: Located[], pos: number): boolean {
  return index.some((l) => l.span[0] < pos && pos < l.span[1]);
}

/** End of the apposition that starts at `from`: the next comma outside a name, a quote or the sentence end. */
function appositionEnd(doc: Document, index: Located[], from: number, limit: number): number {
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
  for (const s of doc.maybe("sentence")) if (s.span[0] <= pos && pos < s.span[1]) return s.span[1];
  return doc.text.length;
}

function addUnique(list: string[], v: string): void {
  if (v && !list.includes(v)) list.push(v);
}

function readClause(doc: Document, person: Entity, index: Located[], clause: string, at: number): void {
  const lead = LEADING.exec(clause);
  const start = lead ? lead[0].length : 0;
  const body = clause.slice(start);
  const bodyAt = at + start;
  PREPOSITION.lastIndex = 0;
  for (let m = PREPOSITION.exec(body); m; m = PREPOSITION.exec(body)) {
    const target = bodyAt + m.index + m[0].length;
    const hit = index.find((l) => l.span[0] === target && l.entity !== person);
    if (!hit) continue;
    const descriptor = body.slice(0, m.index).trim();
    if (descriptor && descriptor.split(/\s+/).length <= 10) addUnique(person.descriptors, descriptor);
    // "at ORG's Program": the first name after the preposition is the institution
    if (m[1] !== "in" && m[1] !== "from" && hit.entity.type === "ORG") addUnique(person.affiliations, hit.entity.id);
    return;
  }
  const descriptor = body.replace(/[.,;:]+$/, "").trim();
  if (descriptor && descriptor.split(/\s+/).length <= 10) addUnique(person.descriptors, descriptor);
}

/** Fills the person's descriptors, roles, affiliations (entity ids) and, through `title`, gender hints. */
export function readAppositions(
  doc: Document, person: Entity, entities: Entity[], index: Located[], byEnd: Map<number, Located[]>,
  title: (word: string) => boolean,
): void {
  const text = doc.text;
  const g = gazetteer();
  let described = false;
  for (const span of person.mentions) {
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
      const hit = index.find((l) => l.span[0] === span[1] + of[0].length && l.entity.type === "ORG");
      if (hit) addUnique(person.affiliations, hit.entity.id);
    }
    // before the name: "Ukrainian President", "North Korea's unpredictable dictator", "Brookings analyst"
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
          const place = cc ? entities.find((x) => x.type === "GPE" && g.countryByName.get(x.name.toLowerCase()) === cc) : undefined;
          const name = cc ? g.countries.get(cc)?.name : undefined;
          if (place) addUnique(person.affiliations, place.id);
          else if (name) addUnique(person.affiliations, name);
        }
        break;
      }
      // step over one adjective
      const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, pos - 40), pos));
      if (!m || /^\p{Lu}/u.test(m[1]!)) break;
      pos -= m[0].length;
    }
  }
}
