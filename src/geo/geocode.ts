// Places geocoded from the gazetteer: countries, regions, then cities ranked by population and context.
import type { Entity } from "../core/annotations.js";
import type { Document } from "../core/document.js";
import type { Stage } from "../core/pipeline.js";
import type { Geo, Span } from "../core/record.js";
import { cityAdmin, cityCandidates, cityCountry, gazetteer, type Gazetteer } from "./gazetteer.js";

interface PlaceContext {
  /** countries named anywhere in the article */
  inDocument: Set<string>;
  /** countries named in each sentence (by sentence index) */
  bySentence: Map<number, Set<string>>;
  /** country named right after a mention: "Kazan, Russia" */
  after: Map<number, string>;
  /** US states named in the article (admin codes), and right after a mention ("Paris, Texas") */
  states: Set<string>;
  stateAfter: Map<number, string>;
  sentences: Span[];
}

function sentenceOf(ctx: PlaceContext, pos: number): number {
  let lo = 0;
  let hi = ctx.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ctx.sentences[mid]!;
    if (pos < s[0]) hi = mid - 1;
    else if (pos >= s[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function countryOf(g: Gazetteer, e: Entity): string | undefined {
  for (const n of [e.name, ...e.aliases]) {
    const cc = g.countryByName.get(n.toLowerCase());
    if (cc) return cc;
  }
  return undefined;
}

function buildContext(doc: Document, g: Gazetteer, entities: Entity[]): PlaceContext {
  const ctx: PlaceContext = {
    inDocument: new Set(), bySentence: new Map(), after: new Map(), states: new Set(), stateAfter: new Map(),
    sentences: doc.maybe("sentence").map((s) => s.span),
  };
  const countryAt: [number, number, string][] = [];
  const stateAt = new Map<number, string>();
  for (const e of entities) {
    // a country, a nationality, or a region inside one country ("Paris, Texas")
    const region = e.type === "GPE" || e.type === "LOC" ? g.regionByName.get(e.name.toLowerCase()) : undefined;
    const cc = e.type === "GPE" ? countryOf(g, e) ?? region?.cc : e.type === "NORP" ? g.demonymByName.get(e.name.toLowerCase()) : region?.cc;
    if (region?.admin) {
      ctx.states.add(region.admin);
      for (const [s] of e.mentions) stateAt.set(s, region.admin);
    }
    if (!cc) continue;
    ctx.inDocument.add(cc);
    for (const [s, end] of e.mentions) {
      const si = sentenceOf(ctx, s);
      if (!ctx.bySentence.has(si)) ctx.bySentence.set(si, new Set());
      ctx.bySentence.get(si)!.add(cc);
      if (e.type === "GPE" || e.type === "LOC") countryAt.push([s, end, cc]);
    }
  }
  for (const e of entities) {
    for (const [, end] of e.mentions) {
      const m = /^,\s*/.exec(doc.text.slice(end, end + 3));
      if (!m) continue;
      const hit = countryAt.find(([s]) => s === end + m[0].length);
      if (hit) ctx.after.set(end, hit[2]);
      const state = stateAt.get(end + m[0].length);
      if (state) ctx.stateAfter.set(end, state);
    }
  }
  return ctx;
}

/** The best city for an entity's names: population, capital status, and the countries around it. */
function bestCity(g: Gazetteer, e: Entity, ctx: PlaceContext): number | undefined {
  const c = g.cities;
  let best: number | undefined;
  let bestScore = -Infinity;
  const near = new Set<string>();
  let pinned: string | undefined;
  let pinnedState: string | undefined;
  for (const [s, end] of e.mentions) {
    for (const cc of ctx.bySentence.get(sentenceOf(ctx, s)) ?? []) near.add(cc);
    pinned ??= ctx.after.get(end);
    pinnedState ??= ctx.stateAfter.get(end);
  }
  for (const n of [e.name, ...e.aliases]) {
    for (const i of cityCandidates(g, n.toLowerCase())) {
      const cc = cityCountry(g, i);
      let score = Math.log10(c.pop[i]! + 10) + (c.capital[i] === 2 ? 1.5 : c.capital[i] === 1 ? 0.5 : 0);
      if (pinned === cc) score += 6;
      if (near.has(cc)) score += 2;
      if (ctx.inDocument.has(cc)) score += 1;
      if (cc === "US" && ctx.states.size) {
        const st = cityAdmin(g, i);
        if (pinnedState === st) score += 6;
        else if (ctx.states.has(st)) score += 1.5;
      }
      if (score > bestScore) { bestScore = score; best = i; }
    }
  }
  return best;
}

// float32 storage: round away the binary noise ("55.788700103759766")
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

export function geocodeEntities(doc: Document): void {
  const entities = doc.maybe("entity");
  if (!entities.some((e) => e.type === "GPE" || e.type === "LOC")) return;
  const g = gazetteer();
  const ctx = buildContext(doc, g, entities);
  for (const e of entities) {
    if (e.type !== "GPE" && e.type !== "LOC") continue;
    const cc = countryOf(g, e);
    if (cc) {
      const country = g.countries.get(cc);
      if (country) e.geo = { lat: country.lat, lon: country.lon, country: cc };
      continue;
    }
    const region = [e.name, ...e.aliases].map((n) => g.regionByName.get(n.toLowerCase())).find(Boolean);
    if (region) {
      // a continent or sea belongs to no one country: it gets no geo rather than a wrong country code
      if (region.cc) e.geo = { lat: region.lat, lon: region.lon, country: region.cc };
      continue;
    }
    const i = bestCity(g, e, ctx);
    if (i === undefined) continue;
    const geo: Geo = { lat: round(g.cities.lat[i]!), lon: round(g.cities.lon[i]!), country: cityCountry(g, i), geonameId: g.cities.id[i]! };
    e.geo = geo;
  }
}

export const geocode: Stage = {
  name: "geocode",
  kind: "refiner",
  requires: ["entity"],
  provides: [],
  run(doc: Document) {
    geocodeEntities(doc);
  },
};
