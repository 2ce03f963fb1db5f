// Places geocoded from the gazetteer: a name and its article's other places → ranked candidates; the pipeline stage.
import type { Entity } from "../core/annotations.js";
import type { Document } from "../core/document.js";
import type { Stage } from "../core/pipeline.js";
import type { Geo, Span } from "../core/record.js";
import { cityAdmin, cityCandidates, cityCountry, counties, gazetteer, towns, type CityColumns, type County, type Gazetteer, type Region } from "./gazetteer.js";

/** "vicinity": a name the gazetteer lacks (a building, a river, a district), placed at the article's nearest place */
export type PlaceCandidateKind = "country" | "region" | "continent" | "city" | "vicinity";

export interface PlaceCandidate {
  kind: PlaceCandidateKind;
  name: string;
  lat: number;
  lon: number;
  /** ISO alpha-2; "" for continents, seas and regions across borders */
  country: string;
  geonameId?: number;
  /** row in the gazetteer's city columns (not set for a town from the towns file) */
  city?: number;
  /** people living there (cities and towns) */
  population?: number;
  /** first-order admin code of a town from the towns file (its US state: "TX") */
  admin?: string;
  score: number;
}

/** One place named in an article: its names (canonical first), where it is written, and whether only its context counts. */
export interface PlaceMention {
  names: string[];
  spans: Span[];
  /** a nationality ("Syrian"): tells the article's countries, is not itself placed */
  contextOnly?: boolean;
}

/** What the rest of the article says about one mention's whereabouts. */
export interface PlaceHints {
  /** countries named or resolved elsewhere in the article → how many other mentions name them */
  countries?: Map<string, number>;
  /** countries named in the same sentence */
  near?: Set<string>;
  /** the country named right after the mention ("Kazan, Russia") */
  pinnedCountry?: string;
  /** US states named in the article (admin codes), and the one right after the mention ("Paris, Texas") */
  states?: Set<string>;
  pinnedState?: string;
  /** places of the article already placed without doubt: a namesake near them is the likelier one */
  anchors?: { lat: number; lon: number }[];
  /** centres of the other countries the article names: a country among its neighbours is the likelier reading */
  countryPoints?: { lat: number; lon: number }[];
}

// Why these weights: a country, continent or first-order region is what a bare name means far more often than a
// namesake town (Georgia, Quebec), unless the article says otherwise; a city's own evidence is its size (log
// population, capital status) and the article's countries, states and nearby places.
const COUNTRY_BASE = 10;
const REGION_BASE = 9.5;
const CONTINENT_BASE = 12;

/** The name as the gazetteer keys it: lower case, straight apostrophes, no article, no possessive. */
export function placeKey(name: string): string {
  // the same few names are keyed over and over (every candidate search, every part of a longer name): five regex
  // replaces each time cost more than a map probe
  let k = placeKeys.get(name);
  if (k === undefined) {
    k = name
      .toLowerCase()
      .replace(/[’‘`]/g, "'")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^the /, "")
      .replace(/'s?$/, "");
    if (placeKeys.size >= MEMO_LIMIT) placeKeys.clear();
    placeKeys.set(name, k);
  }
  return k;
}
/** Bound of the per-process memos (names seen across a batch: cleared when full, so memory stays flat). */
const MEMO_LIMIT = 20_000;
const placeKeys = new Map<string, string>();

// a descriptor after the name that the gazetteer does not carry ("Idlib province", "Kent County")
const SUFFIX = / (?:city|province|state|region|county|district|governorate|oblast|prefecture|municipality|area|island|islands)$/;

function keysOf(name: string): string[] {
  return keysOfKey(placeKey(name));
}

/** `keysOf` from the name's placeKey. */
function keysOfKey(k: string): string[] {
  const out = [k];
  const bare = k.replace(SUFFIX, "");
  if (bare !== k && bare) out.push(bare);
  return out;
}

// the descriptors that name a first-order region ("Oaxaca State", "Idlib province")
const ADMIN_SUFFIX = / (?:state|province|region|governorate|oblast|prefecture)$/;

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
};
export { km as distanceKm };

/** A name's initials as news abbreviates it: "South Africa" → "SA", "New South Wales" → "NSW". */
const initials = (name: string): string =>
  name.split(/[\s-]+/).filter((w) => w && !/^(?:of|the|and)$/i.test(w)).map((w) => w[0]!.toUpperCase()).join("");
/** `initials` of gazetteer names, kept: an abbreviation is compared with every country and region name in turn. */
const initialsMemo = new Map<string, string>();
const initialsOf = (name: string): string => {
  let v = initialsMemo.get(name);
  if (v === undefined) initialsMemo.set(name, (v = initials(name)));
  return v;
};

const countryBonus = (n: number | undefined): number => (n ? 1.5 + 0.5 * Math.min(3, Math.log2(n)) : 0);

function regionCandidate(r: Region, hints: PlaceHints): PlaceCandidate {
  const kind: PlaceCandidateKind = r.cc ? "region" : "continent";
  let score = r.cc ? REGION_BASE : CONTINENT_BASE;
  if (r.cc) {
    // "California, United States": the country after the name pins a region as much as a city
    if (hints.pinnedCountry === r.cc) score += 6;
    if (hints.countries?.get(r.cc)) score += 1.5;
    if (hints.near?.has(r.cc)) score += 1;
    if (r.admin && hints.states?.has(r.admin)) score += 1;
  }
  const c: PlaceCandidate = { kind, name: r.name, lat: r.lat, lon: r.lon, country: r.cc, score };
  if (r.geonameId) c.geonameId = r.geonameId;
  return c;
}

const anchorBonus = (hints: PlaceHints, here: { lat: number; lon: number }): number => {
  let d = Infinity;
  for (const a of hints.anchors ?? []) d = Math.min(d, km(a, here));
  return d < 50 ? 2 : d < 150 ? 1.5 : d < 400 ? 0.75 : 0;
};

// a county is what "X County" means, over any town X: scored like a first-order region, and chosen among its
// namesakes (30 Washington Counties) by the state the article names and the places near it
const COUNTY_BASE = 9;

function countyCandidate(c: County, hints: PlaceHints): PlaceCandidate {
  let score = COUNTY_BASE + anchorBonus(hints, c);
  if (hints.pinnedState === c.state) score += 6;
  else if (hints.states?.has(c.state)) score += 1.5;
  return { kind: "region", name: `${c.name} ${c.state === "LA" ? "Parish" : "County"}`, lat: c.lat, lon: c.lon, country: "US", score };
}

function cityScore(g: Gazetteer, i: number, hints: PlaceHints, c: CityColumns = g.cities): number {
  const cc = cityCountry(g, i, c);
  // 1.5 × log population, centred on 100,000 people: a namesake ten times bigger outweighs a state or a nearby place
  // named in the article ("Portland" in a Texas sports roundup is Oregon's), while a town of 100,000 scores as before
  let score = 1.5 * Math.log10(c.pop[i]! + 10) - 2.5 + (c.capital[i] === 2 ? 1.5 : c.capital[i] === 1 ? 0.5 : 0);
  if (hints.pinnedCountry === cc) score += 6;
  if (hints.near?.has(cc)) score += 2;
  score += countryBonus(hints.countries?.get(cc));
  if (cc === "US" && (hints.states?.size || hints.pinnedState)) {
    const st = cityAdmin(g, i, c);
    if (hints.pinnedState === st) score += 6;
    else if (hints.states?.has(st)) score += 1.5;
  }
  if (hints.anchors?.length) score += anchorBonus(hints, { lat: c.lat[i]!, lon: c.lon[i]! });
  return score;
}

// words naming a kind of building or site, around the name of the town it is in ("Donington Park", "Colchester General
// Hospital"); not natural features, which carry names of their own ("Pearl Harbor", "Thames Valley", "Lake Victoria")
const FEATURE_WORDS = new Set([
  "airport", "international", "regional", "general", "memorial", "church", "cathedral", "hospital", "medical",
  "center", "centre", "stadium", "park", "station", "prison", "jail", "court", "square", "castle", "palace", "hall",
]);

/**
 * Every place a name can be, best first: countries (by name or nationality adjective), continents and regions, and
 * every city so named, scored with what the article says (`hints`).
 */
export function placeCandidates(name: string, hints: PlaceHints = {}): PlaceCandidate[] {
  const whole = candidatesOf(name, hints);
  if (whole.length) return whole;
  // a place inside a longer name: "South Florida", "Nazi Germany", "Dubai World Cup", "Mexican Senate". Longest
  // part first; a part that is only a small town is no evidence ("Barclays Center" is not Center, Texas)
  const words = name.split(/[\s/]+/).filter(Boolean);
  for (let len = words.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i]!)) continue;
      const part = candidatesOf(words.slice(i, i + len).join(" "), hints);
      const top = part[0];
      // a name's first word is often its place ("Colchester Hospital"); one later word is often a plain word
      // ("Paddock Hill Bend", "… Metro"), so there only a big city counts, unless every other word is a kind of
      // building or site ("Manassas Regional Airport"): then the town is where it is
      const rest = [...words.slice(0, i), ...words.slice(i + len)].map((w) => w.toLowerCase().replace(/['’]s$/, ""));
      const feature = rest.some((w) => FEATURE_WORDS.has(w)) && rest.every((w) => FEATURE_WORDS.has(w) || w === "of" || w === "the");
      if (!top || (top.kind === "city" && !feature && (top.population ?? 0) < (len === 1 && i > 0 ? 200_000 : 50_000))) continue;
      for (const c of part) c.score -= 1;
      return part;
    }
  }
  return [];
}

/** placeKeys of names for which `candidatesOf` finds nothing whatever the hints (most parts of a longer name). */
const noPlace = new Set<string>();

function candidatesOf(name: string, hints: PlaceHints): PlaceCandidate[] {
  const pk = placeKey(name);
  if (noPlace.has(pk)) return [];
  const g = gazetteer();
  const out: PlaceCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: PlaceCandidate): void => {
    const key = c.city !== undefined ? `c${c.city}` : `${c.kind}:${c.geonameId ?? `${c.name}@${c.lat},${c.lon}`}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  const county = / county$/.test(pk);
  const inStates = (st: string): boolean => hints.pinnedState === st || !!hints.states?.has(st);
  // "Cuyahoga County", "Orleans Parish": the US counties of that name (read on first such name)
  const countyName = /^(.+) (county|parish)$/.exec(pk);
  // Louisiana's counties are its parishes, and only they
  for (const c of countyName ? counties().get(countyName[1]!) ?? [] : []) {
    if ((c.state === "LA") === (countyName![2] === "parish")) add(countyCandidate(c, hints));
  }
  const keys = keysOfKey(pk);
  for (const key of keys) {
    const cc = g.countryByName.get(key) ?? g.demonymByName.get(key);
    if (cc) {
      const country = g.countries.get(cc);
      if (country) {
        // the article's other mentions of this country; a nationality adjective is weaker than the name
        let score = COUNTRY_BASE + (g.countryByName.has(key) ? 0 : -1) + (hints.countries?.get(cc) ? 3 : 0);
        if (hints.countryPoints?.some((p) => km(p, country) < 1200)) score += 1.5;
        const cand: PlaceCandidate = { kind: "country", name: country.name, lat: country.lat, lon: country.lon, country: cc, score };
        if (country.geonameId) cand.geonameId = country.geonameId;
        add(cand);
      }
    }
    const region = g.regionByName.get(key) ?? g.regionAliases.get(key);
    if (region) {
      const r = regionCandidate(region, hints);
      // a name of both a country and a region inside it ("England"): the region is the more exact reading
      const country = out.find((c) => c.kind === "country" && c.country === region.cc);
      if (country) r.score = Math.max(r.score, country.score + 0.5);
      add(r);
    }
    const admin1: PlaceCandidate[] = [];
    for (const a of g.admin1ByName.get(key) ?? []) {
      const r = regionCandidate(a, hints);
      r.score -= 1;
      admin1.push(r);
      add(r);
    }
    if (key !== pk && ADMIN_SUFFIX.test(pk)) {
      // "Oaxaca State": the state, over the town it is named after
      for (const a of [...(g.admin1Shadowed.get(key) ?? []), ...(g.admin1ByName.get(key) ?? [])]) {
        const r = regionCandidate(a, hints);
        r.score += 2;
        add(r);
      }
    }
    for (const i of cityCandidates(g, key)) {
      add({
        kind: "city", name: g.cities.names.at(i), lat: g.cities.lat[i]!, lon: g.cities.lon[i]!, country: cityCountry(g, i),
        geonameId: g.cities.id[i]!, city: i, population: g.cities.pop[i]!, score: cityScore(g, i, hints),
      });
    }
    // a first-order region of one country named like a big city or a seat of another ("Boa Vista"): news
    // names the city far more often
    if (admin1.length && out.some((c) => c.kind === "city" && ((c.population ?? 0) >= 100_000 || g.cities.capital[c.city!]) && !admin1.some((r) => r.country === c.country))) {
      for (const r of admin1) r.score -= 3;
    }
    // an "X County" that is no US county in the data (a county abroad, or the build had no us-atlas): a town of the
    // county's name is seldom in it (Morris, Illinois for New Jersey's) unless it lies in a state the article names,
    // or is a big US city ("Los Angeles County")
    if (county && key !== pk) {
      // a first-order region elsewhere may be a county ("Kiambu County", Kenya); a US state never is ("Ohio County")
      const keep = out.filter((c) => (c.kind === "region" && c.country !== "US") ||
        (c.city !== undefined && (inStates(cityAdmin(g, c.city)) || (c.country === "US" && (c.population ?? 0) >= 500_000))));
      out.length = 0;
      out.push(...keep);
    }
    // a city-state's name is its city ("Singapore"): the capital of the same name goes just above the country
    const state = out.find((c) => c.kind === "country" && g.cityStates.has(c.country));
    const capital = state && out.find((c) => c.city !== undefined && c.country === state.country && g.cities.capital[c.city] === 2);
    if (state && capital) capital.score = Math.max(capital.score, state.score + 0.5);
    // "Quebec City", "Suffolk City": the descriptor says which of the namesakes is meant
    if (key !== pk && / city$/.test(pk) && out.some((c) => c.kind === "city")) {
      for (const c of out) if (c.kind !== "city") c.score -= 5;
    }
    if (out.length) break;
  }
  // the article names US states and no US city of this name lies in one: a small town of the name in one of them
  // is the likelier place ("Riverdale" in a New Jersey story, "Shelby" in a Montana one), so it joins the namesakes
  // (it wins only with the state's bonus: a bigger namesake elsewhere still can)
  if (out.some((c) => c.kind === "city") && (hints.pinnedState || hints.states?.size) &&
    !out.some((c) => c.city !== undefined && c.country === "US" && inStates(cityAdmin(g, c.city)))) {
    const t = towns(g);
    for (const key of t ? keys : []) {
      for (let i = t!.first.get(key) ?? -1; i >= 0; i = t!.next[i]!) {
        const c = t!.cols;
        if (cityCountry(g, i, c) !== "US" || !inStates(cityAdmin(g, i, c))) continue;
        add({
          kind: "city", name: c.names.at(i), lat: c.lat[i]!, lon: c.lon[i]!, country: "US", geonameId: c.id[i]!,
          population: c.pop[i]!, admin: cityAdmin(g, i, c), score: cityScore(g, i, hints, c),
        });
      }
    }
  }
  if (out.length) return out.sort((a, b) => b.score - a.score);
  // no city, region or country of that name: the small towns (read from disk the first time one is needed)
  const t = towns(g);
  let anyTown = false;
  for (const key of t ? keys : []) {
    for (let i = t!.first.get(key) ?? -1; i >= 0; i = t!.next[i]!) {
      const c = t!.cols;
      anyTown = true;
      // "Morris County": a small town of that name only in a state the article names or near its other places
      if (county && key !== pk && !(cityCountry(g, i, c) === "US" &&
        (inStates(cityAdmin(g, i, c)) || hints.anchors?.some((a) => km(a, { lat: c.lat[i]!, lon: c.lon[i]! }) < 150)))) continue;
      add({
        kind: "city", name: c.names.at(i), lat: c.lat[i]!, lon: c.lon[i]!, country: cityCountry(g, i, c), geonameId: c.id[i]!,
        population: c.pop[i]!, admin: cityAdmin(g, i, c), score: cityScore(g, i, hints, c),
      });
    }
    if (out.length) break;
  }
  // nothing of this name anywhere, whatever the article says: no town, and no candidate ever found (an "X County"
  // whose namesake cities the hints filtered out above may keep one under other hints, so it is not remembered)
  if (!anyTown && seen.size === 0) {
    if (noPlace.size >= MEMO_LIMIT) noPlace.clear();
    noPlace.add(pk);
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Sentence spans when the caller has none: a rough split on end punctuation is enough to group names. */
function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])|\n+/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([start, m.index + m[0].length]);
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function sentenceIndex(sentences: Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s[0]) hi = mid - 1;
    else if (pos >= s[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The country (and US state) a mention names outright, with no ranking: a country, a nationality, a one-country region. */
function statedCountry(g: Gazetteer, m: PlaceMention): { cc?: string; state?: string } {
  for (const n of m.names) {
    // "Ohio County" (Kentucky's) states no Ohio: a county's bare name says nothing of where it is
    for (const key of / (?:county|parish)$/.test(placeKey(n)) ? [placeKey(n)] : keysOf(n)) {
      const cc = g.countryByName.get(key) ?? g.demonymByName.get(key);
      if (cc) return { cc };
      const r = g.regionByName.get(key);
      if (r?.cc) return { cc: r.cc, state: r.admin };
    }
  }
  return {};
}

/**
 * Places every mention of an article (undefined where the gazetteer has no such place), using the article's other
 * places: countries and states it names (more for those named in the same sentence or right after: "Kazan, Russia"),
 * then, in a second pass, the countries and positions of the places resolved without doubt in the first.
 */
export function resolvePlaces(text: string, mentions: readonly PlaceMention[], sentences?: Span[]): (PlaceCandidate | undefined)[] {
  const g = gazetteer();
  const sents = sentences?.length ? sentences : roughSentences(text);
  const stated = mentions.map((m) => statedCountry(g, m));
  // country → the mentions naming it; a mention's own name does not count as support for itself
  const byCountry = new Map<string, Set<number>>();
  const states = new Set<string>();
  const bySentence = new Map<number, Set<string>>();
  const startsAt = new Map<number, number>();
  mentions.forEach((m, k) => {
    for (const [s] of m.spans) startsAt.set(s, k);
    const { cc, state } = stated[k]!;
    if (state) states.add(state);
    if (!cc) return;
    if (!byCountry.has(cc)) byCountry.set(cc, new Set());
    byCountry.get(cc)!.add(k);
    for (const [s] of m.spans) {
      const si = sentenceIndex(sents, s);
      if (!bySentence.has(si)) bySentence.set(si, new Set());
      bySentence.get(si)!.add(cc);
    }
  });
  const hintsFor = (k: number, extra?: Map<string, Set<number>>, anchors?: { lat: number; lon: number }[]): PlaceHints => {
    const m = mentions[k]!;
    const countries = new Map<string, number>();
    for (const src of extra ? [byCountry, extra] : [byCountry]) {
      for (const [cc, who] of src) {
        const n = who.size - (who.has(k) ? 1 : 0);
        if (n > 0) countries.set(cc, (countries.get(cc) ?? 0) + n);
      }
    }
    const near = new Set<string>();
    let pinnedCountry: string | undefined;
    let pinnedState: string | undefined;
    for (const [s, e] of m.spans) {
      for (const cc of bySentence.get(sentenceIndex(sents, s)) ?? []) if (cc !== stated[k]!.cc) near.add(cc);
      const after = /^,\s*/.exec(text.slice(e, e + 4));
      const next = after ? startsAt.get(e + after[0].length) : undefined;
      if (next !== undefined && next !== k) {
        pinnedCountry ??= stated[next]!.cc;
        pinnedState ??= stated[next]!.state;
      }
    }
    const ownCc = stated[k]!.cc;
    const countryPoints: { lat: number; lon: number }[] = [];
    for (const cc of byCountry.keys()) {
      const c = cc !== ownCc ? g.countries.get(cc) : undefined;
      if (c) countryPoints.push(c);
    }
    const ownState = stated[k]!.state;
    const otherStates = ownState ? new Set([...states].filter((s) => s !== ownState)) : states;
    return { countries, near, pinnedCountry, pinnedState, states: otherStates, anchors, countryPoints };
  };
  const best = (k: number, hints: PlaceHints): PlaceCandidate[] => {
    let all: PlaceCandidate[] = [];
    // the canonical name first: an alias merged in by entity resolution ("Britain" ~ "England") only backs it up
    mentions[k]!.names.forEach((n, j) => {
      const cands = placeCandidates(n, hints);
      if (j > 0) for (const c of cands) c.score -= 1;
      all = all.concat(cands);
    });
    return all.sort((a, b) => b.score - a.score);
  };
  // pass 1: the article's stated countries and states
  const first = mentions.map((m, k) => (m.contextOnly ? [] : best(k, hintsFor(k))));
  // pass 2: cities placed without doubt lend their country and position to the others
  const resolvedCountry = new Map<string, Set<number>>();
  const anchorsOf: { lat: number; lon: number; k: number }[] = [];
  first.forEach((cands, k) => {
    const top = cands[0];
    if (!top || top.kind !== "city") return;
    const sure = cands.length === 1 || top.score - cands[1]!.score >= 1.5 || cands[1]!.country === top.country;
    if (!sure) return;
    if (!resolvedCountry.has(top.country)) resolvedCountry.set(top.country, new Set());
    resolvedCountry.get(top.country)!.add(k);
    anchorsOf.push({ lat: top.lat, lon: top.lon, k });
  });
  const out = mentions.map((m, k) => {
    const cands = first[k]!;
    if (m.contextOnly || !cands.length) return undefined;
    // only a name with namesakes in other places is worth a second look
    // (namesake regions too: which of the Pike Counties is the one near the article's towns)
    if (cands.length === 1 || (cands[0]!.kind !== "city" && cands[1]?.kind !== "city" && cands[1]?.name !== cands[0]!.name)) return cands[0];
    const anchors = anchorsOf.filter((a) => a.k !== k);
    return best(k, hintsFor(k, resolvedCountry, anchors))[0];
  });
  // a city name that only opens a longer proper name ("Cambridge Analytica", "Venice Commission"): the body is named
  // after the best-known city of the name (a city of ≥ 50,000 people when the name alone is ranked) unless the
  // article names the US state of the namesake it chose ("Birmingham City Council" beside Alabama), or that namesake
  // is a city of ≥ 50,000 too with a place of the article within 150 km; the article's country, or a small town near
  // its capital (Cambridge, Maryland), says little of where such a body's name comes from
  const opensName = (m: PlaceMention): boolean => m.spans.every(([, e]) => /^ [A-Z][a-z]/.test(text.slice(e, e + 3)) && !startsAt.has(e + 1));
  mentions.forEach((m, k) => {
    const chosen = out[k];
    if (!chosen || chosen.kind !== "city" || m.names.length !== 1 || !opensName(m)) return;
    const bare = placeCandidates(m.names[0]!)[0];
    if (!bare || bare.kind !== "city" || (bare.population ?? 0) < 50_000 || bare.geonameId === chosen.geonameId) return;
    const local = (chosen.city !== undefined && chosen.country === "US" && states.has(cityAdmin(g, chosen.city))) ||
      ((chosen.population ?? 0) >= 50_000 && out.some((o, j) => j !== k && !!o && (o.kind === "city" || o.kind === "region") && km(o, chosen) < 150));
    if (!local) out[k] = bare;
  });
  // a state reached only with its descriptor ("Washington State", "New York State": the bare name is the city) is
  // what the bare name means where the article writes it as a state: right after a town of that state ("Tacoma,
  // Washington"), or in a list with another state of its country ("California or Washington", "Washington, Oregon")
  const endsAt = new Map<number, number>();
  mentions.forEach((m, k) => { for (const [, e] of m.spans) endsAt.set(e, k); });
  const isState = (c: PlaceCandidate | undefined, cc: string): boolean =>
    c?.kind === "region" && c.country === cc && !!g.regionByName.get(placeKey(c.name))?.admin;
  mentions.forEach((m, k) => {
    if (m.contextOnly || out[k]?.kind === "region") return;
    const r = g.regionByName.get(`${placeKey(m.names[0]!)} state`);
    if (!r?.cc || !r.admin) return;
    const asState = m.spans.some(([s, e]) => {
      for (let d = 1; d <= 6; d++) {
        const j = endsAt.get(s - d);
        if (j === undefined || j === k) continue;
        const sep = text.slice(s - d, s);
        const prev = out[j];
        if (/^,\s*$/.test(sep) && prev?.kind === "city" && prev.country === r.cc && prev.city !== undefined && cityAdmin(g, prev.city) === r.admin) return true;
        if (/^(?:,\s*|,?\s+(?:or|and)\s+)$/.test(sep) && isState(prev, r.cc)) return true;
      }
      for (let d = 1; d <= 6; d++) {
        const j = startsAt.get(e + d);
        if (j === undefined || j === k) continue;
        if (/^(?:,\s*|,?\s+(?:or|and)\s+)$/.test(text.slice(e, e + d)) && isState(out[j], r.cc)) return true;
      }
      return false;
    });
    if (asState) out[k] = regionCandidate(r, {});
  });
  // an abbreviation the gazetteer lacks ("SA" after "South Africans", "WA" beside Rockingham and Safety Bay): the
  // initials of a country the article names or places, else of a first-order region of such a country, the one
  // nearest the article's places; it also replaces a town of those letters (capitals write the abbreviation, not
  // the town Wa, Ghana)
  mentions.forEach((m, k) => {
    if (m.contextOnly || (out[k] && out[k]!.kind !== "city") || !/^(?:[A-Z]\.?){2,3}$/.test(m.names[0]!)) return;
    const abbr = m.names[0]!.replace(/\./g, "");
    const ccs = new Set([...byCountry.keys(), ...out.flatMap((o, j) => (j !== k && o && o.kind !== "vicinity" && o.country ? [o.country] : []))]);
    for (const [name, cc] of g.countryByName) {
      const c = ccs.has(cc) ? g.countries.get(cc) : undefined;
      if (!c || initialsOf(name) !== abbr) continue;
      out[k] = { kind: "country", name: c.name, lat: c.lat, lon: c.lon, country: cc, score: COUNTRY_BASE, ...(c.geonameId ? { geonameId: c.geonameId } : {}) };
      return;
    }
    const around = out.filter((o): o is PlaceCandidate => !!o && (o.kind === "city" || o.kind === "region"));
    let bestD = Infinity;
    let found = false;
    for (const list of [g.admin1ByName.values(), g.admin1Shadowed.values()]) {
      for (const regions of list) {
        for (const r of regions) {
          if (!ccs.has(r.cc) || initialsOf(r.name) !== abbr) continue;
          const d = around.reduce((x, o) => Math.min(x, km(o, r)), Infinity);
          if (d < bestD || (!found && d === Infinity)) { bestD = d; out[k] = regionCandidate(r, {}); found = true; }
        }
      }
    }
  });
  // a small town abroad that nothing else in the article is near (a US town named like an English county, in an
  // article about England): the article means a place of its own the gazetteer lacks (a county, a district), placed
  // by its neighbours. Small towns do not vouch for one another (many English county names are US towns too)
  const FAR = 1500, POP = 100_000;
  const suspect = (c: PlaceCandidate | undefined): boolean => !!c && c.kind === "city" && (c.population ?? 0) < POP;
  // a town named by an English word ("Congress", "Stonewall", "Bourbon"): the word, an institution or a street is
  // meant unless the article backs the town: its US state named, its country (abroad) named or placed, or a place of
  // the article within 150 km
  const wordTown = (c: PlaceCandidate | undefined): boolean => !!c && c.kind === "city" && c.city === undefined && g.townWords.has(placeKey(c.name));
  const placed = out.map((c, k) => {
    if (c && wordTown(c)) {
      const backed = (c.country === "US" ? !!c.admin && states.has(c.admin) :
        stated.some((st, j) => j !== k && st.cc === c.country) || out.some((o, j) => j !== k && o?.country === c.country && o.kind !== "country")) ||
        out.some((o, j) => j !== k && !!o && o.kind !== "country" && o.kind !== "continent" && km(o, c) < 150);
      if (!backed) return undefined;
    }
    if (!c || !suspect(c)) return c;
    // the nearest city or region of the article that is no such small town; none, or one near: the town stands
    let d = Infinity;
    let backed = stated.some((st, j) => j !== k && st.cc === c.country);
    out.forEach((o, j) => {
      if (!o || j === k || suspect(o)) return;
      if (o.country === c.country && o.kind !== "country") backed = true;
      if (o.kind === "city" || o.kind === "region") d = Math.min(d, km(o, c));
    });
    return backed || d === Infinity || d < FAR ? c : undefined;
  });
  return placed.map((c, k) => c ?? (mentions[k]!.contextOnly ? undefined : vicinity(mentions, placed, k)));
}

const VICINITY_SPANS = 64;
const startsCache = new WeakMap<PlaceMention, Float64Array>();
/** A mention's span starts in ascending order (computed once per mention). */
function sortedStarts(m: PlaceMention): Float64Array {
  let a = startsCache.get(m);
  if (!a) startsCache.set(m, (a = Float64Array.from(m.spans, (sp) => sp[0]).sort()));
  return a;
}

/**
 * A name the gazetteer lacks (a stadium, a river, a district, a county) that the article treats as a place lies, far
 * more often than not, near the places written closest to it: the nearest city (else region, else country; never a
 * continent) gives its point, as an approximation with no GeoNames id.
 */
function vicinity(mentions: readonly PlaceMention[], resolved: readonly (PlaceCandidate | undefined)[], k: number): PlaceCandidate | undefined {
  const own = mentions[k]!.spans;
  if (!own.length) return undefined;
  let bestC: PlaceCandidate | undefined;
  let bestD = Infinity;
  // the name's first occurrences are enough to find its neighbours (a name repeated 30,000 times made this quadratic)
  const mine = own.length > VICINITY_SPANS ? own.slice(0, VICINITY_SPANS) : own;
  resolved.forEach((c, j) => {
    if (!c || j === k || c.kind === "vicinity" || c.kind === "continent") return;
    // the nearest city; a region only when the article has no city, a country only when it has neither (on
    // GeoWebNews dev a city anywhere in the article beats a region next to the name)
    const rank = c.kind === "city" ? 0 : c.kind === "region" ? 1e7 : 1e9;
    const starts = sortedStarts(mentions[j]!);
    for (const [t] of mine) {
      // the nearest start on either side of t (binary search)
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      for (const i of [lo - 1, lo]) {
        if (i < 0 || i >= starts.length) continue;
        const d = Math.abs(starts[i]! - t) + rank;
        if (d < bestD) { bestD = d; bestC = c; }
      }
    }
  });
  if (!bestC) return undefined;
  const near: PlaceCandidate = bestC;
  return { kind: "vicinity", name: near.name, lat: near.lat, lon: near.lon, country: near.country, score: 0 };
}

// float32 storage: round away the binary noise ("55.788700103759766")
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** A candidate as a record's `geo`; continents and seas get none: no single country code fits them. */
export function toGeo(c: PlaceCandidate): Geo | undefined {
  // an approximate point for a place the gazetteer lacks is the article's guess, not the place's own position
  if (!c.country || c.kind === "vicinity") return undefined;
  const geo: Geo = { lat: round(c.lat), lon: round(c.lon), country: c.country };
  if (c.geonameId) geo.geonameId = c.geonameId;
  return geo;
}

export function geocodeEntities(doc: Document): void {
  const entities = doc.maybe("entity");
  if (!entities.some((e) => e.type === "GPE" || e.type === "LOC")) return;
  const places: Entity[] = [];
  const mentions: PlaceMention[] = [];
  for (const e of entities) {
    const place = e.type === "GPE" || e.type === "LOC";
    if (!place && e.type !== "NORP") continue;
    if (place) places.push(e);
    mentions.push({ names: [e.name, ...e.aliases], spans: e.mentions, contextOnly: !place });
  }
  const sentences = doc.maybe("sentence").map((s) => s.span);
  const resolved = resolvePlaces(doc.text, mentions, sentences);
  let p = 0;
  mentions.forEach((m, k) => {
    if (m.contextOnly) return;
    const e = places[p++]!;
    const c = resolved[k];
    const geo = c ? toGeo(c) : undefined;
    if (geo) e.geo = geo;
  });
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
