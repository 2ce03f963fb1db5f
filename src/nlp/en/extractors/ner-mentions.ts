// Names found by the trained NER model (src/nlp/en/ner), merged with the rule mentions: rules win, the model adds.
import type { Mention } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { EntityType } from "../../../core/record.js";
import { gazetteer, largestCityPopulation, placeKind } from "../../../geo/gazetteer.js";
import { nameLexicon } from "../lexicons/entity-lexicon.js";
import { loadNerModel, type NerMention, type NerModel } from "../ner/model.js";
import { GUESS, SURNAME_GUESS } from "./entity-mentions.js";

const STAGE = "nerMentions";
/** Provenance of a mention the model found (or confirmed, where the rules only guessed). */
export const NER_SOURCE = "entityMentions:ner";

/**
 * claimline's type for a model mention, or undefined to drop it: PER → PERSON, ORG → ORG, LOC → GPE/LOC (the
 * model's gazetteer split), MISC → NORP only when the gazetteer knows the phrase as a demonym ("Ukrainian"),
 * other MISC (events, products, "Euro 2024") dropped.
 */
export function nerType(m: NerMention, key = keyOf(m.text)): EntityType | undefined {
  switch (m.conll) {
    case "PER": return "PERSON";
    case "ORG": return "ORG";
    case "LOC": return m.type === "GPE" ? "GPE" : "LOC";
    default: return placeKind(gazetteer(), key) === "demonym" ? "NORP" : undefined;
  }
}

/**
 * A model mention that is no name: fewer than two letters ("A", "I"), a lower-case start ("wasn’t"), or two
 * sentences run together in one token ("guarantees.He", which the rule stage splits).
 */
function notAName(text: string): boolean {
  // ASCII by character code (nearly every mention); the Unicode tests otherwise
  let letters = 0;
  let ascii = true;
  let stop = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) { ascii = false; break; }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c === 46 || c === 33 || c === 63) stop = true;
  }
  if (!ascii) return notANameSlow(text);
  const c0 = text.charCodeAt(0);
  if (letters < 2 || !((c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57))) return true;
  return stop && /[a-z][.!?][A-Z]/.test(text);
}
const notANameSlow = (text: string): boolean =>
  text.replace(/[^\p{L}]/gu, "").length < 2 || !/^[\p{Lu}\p{N}]/u.test(text) || /\p{Ll}[.!?]\p{Lu}/u.test(text);

/**
 * A name's key: lower case, runs of white space as one space. Called for every mention; plain ASCII text with single
 * spaces (nearly all) is checked by character code, so the regular expression runs only where it may change something.
 */
function keyOf(text: string): string {
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 9 && c <= 13) || c >= 128 || (c === 32 && lower.charCodeAt(i + 1) === 32)) return lower.replace(/\s+/g, " ");
  }
  return lower;
}

/**
 * A place name known only as an ordinary word ("the West") or as a small town ("White House", Tennessee):
 * geocoding would put it somewhere wrong, so the model neither adds it nor retypes a rule mention as it.
 */
function weakPlace(key: string): boolean {
  const g = gazetteer();
  if (!key.includes(" ") && nameLexicon().common.has(key)) return true;
  return placeKind(g, key) === "city" && largestCityPopulation(g, key) < 15000;
}

/**
 * One type per name within a document: what the rules typed it (not guessed) anywhere, else the model's commonest
 * type for it ("NATO" typed ORG in the body stays ORG where a headline made the model say PERSON).
 */
function documentTypes(rules: readonly Mention[], keys: readonly string[], mtypes: readonly (EntityType | undefined)[]): Map<string, EntityType> {
  const out = new Map<string, EntityType>();
  const votes = new Map<string, Map<EntityType, number>>();
  for (let i = 0; i < keys.length; i++) {
    const t = mtypes[i];
    if (!t) continue;
    const k = keys[i]!;
    let v = votes.get(k);
    if (!v) votes.set(k, (v = new Map()));
    v.set(t, (v.get(t) ?? 0) + 1);
  }
  for (const [k, v] of votes) {
    let best: EntityType | undefined;
    let n = 0;
    for (const [t, c] of v) if (c > n) { best = t; n = c; }
    out.set(k, best!);
  }
  for (const r of rules) {
    if (r.source === GUESS || r.source === SURNAME_GUESS) continue;
    const k = keyOf(r.text);
    // a rule's PERSON rests on weak cues (a surname-like word, a speech verb); the model's place or organisation wins
    if (r.type === "PERSON" && votes.has(k) && !votes.get(k)!.has("PERSON")) continue;
    out.set(k, r.type);
  }
  return out;
}

/**
 * The rule mentions that tile [a, b) but for single hyphens between them ("Douglas Holtz" "-" "Eakin"), as indices
 * into the rules; undefined when the overlapping rule mentions are anything else (one sticks out, a gap is not "-").
 */
function hyphenParts(
  sorted: readonly { s: number; e: number; i: number }[], starts: Int32Array, maxEnd: Int32Array, a: number, b: number, text: string,
): number[] | undefined {
  // the first rule mention starting at or after a; none before it may reach into [a, b)
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < a) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && maxEnd[lo - 1]! > a) return undefined;
  const parts: number[] = [];
  let at = a;
  let hyphens = 0;
  for (let k = lo; k < sorted.length && sorted[k]!.s < b; k++) {
    const r = sorted[k]!;
    if (r.e > b) return undefined;
    if (parts.length && r.s === at + 1 && text.charCodeAt(at) === 45 /* - */) hyphens++;
    else if (r.s !== at) return undefined;
    parts.push(r.i);
    at = r.e;
  }
  return hyphens > 0 && at === b ? parts : undefined;
}

/**
 * Rule mentions plus the model's: a model mention overlapping a typed rule mention is dropped (the rules know
 * titles, groups, possessives and the gazetteer's places); one that covers exactly what the rules only guessed
 * (`GUESS`) replaces the guess with the model's type; the rest are added. A name keeps one type per document
 * (`documentTypes`). Returned in text order.
 */
export function mergeMentions(rules: readonly Mention[], model: readonly NerMention[], text: string): Mention[] {
  const out = [...rules];
  if (!model.length) return out;
  // rule spans sorted by start, with the running maximum of ends, to test overlap in O(log n)
  const sorted = rules.map((m, i) => ({ s: m.span[0], e: m.span[1], i })).sort((a, b) => a.s - b.s || a.e - b.e);
  // (a plain loop: Int32Array.from with a mapper goes through the iterator protocol, a visible cost per document)
  const starts = new Int32Array(sorted.length);
  const maxEnd = new Int32Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    const r = sorted[k]!;
    starts[k] = r.s;
    maxEnd[k] = Math.max(r.e, k ? maxEnd[k - 1]! : -1);
  }
  // span -> rule index, keyed by one number (start * 2^24 + end: exact below 16 M characters)
  const exact = new Map<number, number>();
  rules.forEach((m, i) => exact.set(m.span[0] * 16777216 + m.span[1], i));
  const replaced = new Set<number>();
  const keys = model.map((m) => keyOf(m.text));
  const mtypes = model.map((m, i) => nerType(m, keys[i]));
  const types = documentTypes(rules, keys, mtypes);
  const weak = new Map<string, boolean>();
  // rule mentions a model name across a hyphen replaces (indices into `rules`, so into the first part of `out`)
  const dropped = new Set<number>();
  for (let i = 0; i < model.length; i++) {
    const m = model[i]!;
    if (!mtypes[i] || notAName(m.text)) continue;
    const key = keys[i]!;
    const type = types.get(key)!;
    if (type === "GPE" || type === "LOC") {
      let w = weak.get(key);
      if (w === undefined) weak.set(key, (w = weakPlace(key)));
      if (w) continue;
    }
    const [a, b] = m.span;
    const same = exact.get(a * 16777216 + b);
    if (same !== undefined) {
      const r = rules[same]!;
      // a guess the model types: the model's word is better evidence than the guess's fallback type; so is a
      // place or organisation over a rule's PERSON ("North Atlantic", "Chatham House": a surname-like word)
      const retype = r.source === GUESS || (r.type === "PERSON" && r.source !== SURNAME_GUESS && (type === "ORG" || type === "LOC" || type === "GPE"));
      if (retype && !replaced.has(same)) {
        out[same] = { span: [a, b], text: text.slice(a, b), type, source: NER_SOURCE };
        replaced.add(same);
      }
      continue;
    }
    // overlap with any rule mention: the last rule starting before b must end after a (running max of ends)
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && maxEnd[lo - 1]! > a) {
      const parts = (type === "PERSON" || type === "ORG") ? hyphenParts(sorted, starts, maxEnd, a, b, text) : undefined;
      // a place among the parts makes it a pair ("EU-China", "NATO-Russia talks"), not one name; a small town's
      // name is no such place ("Linda Thomas-Greenfield")
      const pair = (k: number): boolean => {
        const r = rules[k]!;
        return r.type !== "PERSON" && r.type !== "ORG" && !((r.type === "GPE" || r.type === "LOC") && weakPlace(keyOf(r.text)));
      };
      // after a person's name, a hyphen continues it: a double surname ("Linda Thomas-Greenfield"), whatever the rest is
      if (!parts || (!(type === "PERSON" && rules[parts[0]!]!.type === "PERSON") && parts.some(pair))) continue;
      // "Douglas Holtz-Eakin", "Jean-Pierre": the rules cut a name at its inner hyphen (they must, for "Korea-Russia");
      // the model read one name across it
      for (const k of parts) replaced.add(k), dropped.add(k);
    }
    out.push({ span: [a, b], text: text.slice(a, b), type, source: NER_SOURCE });
  }
  const kept = dropped.size ? out.filter((_, i) => !dropped.has(i)) : out;
  return kept.sort((x, y) => x.span[0] - y.span[0] || y.span[1] - x.span[1]);
}

/** A model given to this thread (a worker's view of the coordinator's shared copy), used instead of the shipped file. */
let given: NerModel | undefined;

/** Tag with `model` instead of loading the shipped file (undefined: load it again as usual). */
export function useNerModel(model: NerModel | undefined): void {
  given = model;
}

export const nerMentions: Stage = {
  name: STAGE,
  kind: "refiner",
  requires: ["token", "sentence", "mention"],
  provides: ["mention"],
  run(doc: Document) {
    const model = (given ?? loadNerModel()).tagTokens(doc.text, doc.get("token"), doc.get("sentence"));
    doc.set("mention", mergeMentions(doc.get("mention"), model, doc.text));
  },
};
