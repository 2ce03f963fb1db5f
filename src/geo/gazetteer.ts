// The place gazetteer (countries, demonyms, regions, cities), loaded lazily once from src/geo/data/.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { StrTable } from "../nlp/en/ner/str-table.js";
import { buildCityTable, cityTableViews, type CityTableData, type CityTableLayout, type CityTableViews } from "./city-tables.js";
import { readPrebuilt, stampOf, writePrebuilt } from "../core/prebuilt.js";
import { outsideBudget } from "../core/pipeline.js";

export interface Country {
  cc: string; name: string; lat: number; lon: number;
  /** GeoNames id, when the build had a package that lists it */
  geonameId?: number;
}
export interface Region {
  name: string; type: "LOC" | "GPE"; lat: number; lon: number;
  /** ISO alpha-2 of the one country it lies in; "" for continents, seas and regions across borders */
  cc: string;
  /** the GeoNames first-order admin code of a US state ("TX"), to prefer its cities */
  admin?: string;
  /** GeoNames id (continents; admin regions when the build had a package that lists them) */
  geonameId?: number;
}
/**
 * Cities (or towns), most populous first, as typed columns: `names.at(i)` the lower-cased name of row i; `cc` ISO
 * alpha-2 codes, two characters per row (read with `cityCountry`); `admin` first-order admin codes, three characters
 * per row, space-padded (read with `cityAdmin`); `capital` 2 = national capital, 1 = first-order administrative
 * seat, 0 = other.
 */
export type CityColumns = CityTableViews;

export interface Gazetteer {
  /** lower-cased country name or alternate name → ISO alpha-2 */
  countryByName: Map<string, string>;
  /** lower-cased demonym ("ukrainian", "north koreans") → ISO alpha-2, "" when it names no single country */
  demonymByName: Map<string, string>;
  countries: Map<string, Country>;
  regionByName: Map<string, Region>;
  /** lower-cased alternate names and adjectives of regions ("european" → Europe), for resolving given toponyms */
  regionAliases: Map<string, Region>;
  /**
   * first-order administrative regions of every country by lower-cased name, for resolving given toponyms only
   * (kept out of `kinds`: "Centre" or "Western" must not make a word a place for recognition)
   */
  admin1ByName: Map<string, Region[]>;
  /** the same for region names a town of the country also has: reached only with "State", "Province" … after them */
  admin1Shadowed: Map<string, Region[]>;
  /** lower-cased city name → its most populous city; `nextCity` chains the others (read with `cityCandidates`) */
  firstCity: StrTable;
  nextCity: Int32Array;
  /** hand-written and derived alternate names → city indices */
  cityAliases: Map<string, number[]>;
  cities: CityColumns;
  /** lower-cased first words of names of two or more words, so a multi-word lookup is tried only where it can match */
  multiWordStarts: Set<string>;
  /** every lower-cased name → its kind, countries over regions over demonyms over cities */
  kinds: Map<string, PlaceKind>;
  /** most words in any name */
  maxWords: number;
  /** how many rows towns.bin has (read by `towns`) */
  townCount: number;
  /** city-states: countries under 1,000 km² whose capital, of 100,000 people or more, bears the country's name (Singapore) */
  cityStates: Set<string>;
  /** names of towns (towns file) that are English words and no city's ("Congress"): kept only where the article backs them */
  townWords: Set<string>;
  loadMs: number;
}

/** Places under the cities' threshold (small towns, seats of unknown population), in the same columns and chain. */
export interface Towns { cols: CityColumns; first: StrTable; next: Int32Array }

interface GazetteerFile {
  countries: [string, string, number, number, number?][];
  countryNames: Record<string, string>;
  demonyms: Record<string, string>;
  regions: [string, "LOC" | "GPE", number, number, string, string?, number?][];
  /** alternate names of regions ("European" → "Europe"): lower-case alias → region name */
  regionAliases?: Record<string, string>;
  /** first-order administrative regions of every country [name, lat, lon, cc, GeoNames id], when the build had them */
  admin1?: [string, number, number, string, number][];
  admin1Keys?: Record<string, number[]>;
  /** names of first-order regions that are also names of a town in the same country ("Oaxaca") */
  admin1Shadowed?: Record<string, number[]>;
  cities: { count: number; towns?: number };
  cityAliases: Record<string, number[]>;
  multiWordStarts: string[];
  maxWords: number;
  cityStates?: string[];
  townWords?: string[];
}

// Both src/geo/ (tsx) and dist/geo/ (compiled) sit two levels below the project root.
const DIR = new URL("../../src/geo/data/", import.meta.url);
const DATA = fileURLToPath(new URL("gazetteer.json", DIR));

let loaded: Gazetteer | undefined;

/** The city tables of both files, as a pool's main thread builds them once for its workers (`useGazetteerTables`). */
export interface GazetteerTables {
  cities: CityTableData;
  towns?: CityTableData;
}

/** <base>.bin's rows: 17 bytes each (lat, lon, population, id, capital). */
const BYTES_PER_ROW = 17;

// The format of a prebuilt city table (`prebuildCityTables`): bump when `buildCityTable`'s layout changes.
const TABLE_FORMAT = "city-table 1";

const dataFile = (name: string): string => fileURLToPath(new URL(name, DIR));
/** The stamp of a city table built from these bytes (`readPrebuilt`). */
export const tableStamp = (rows: number, bin: Uint8Array, text: Uint8Array): string => stampOf(TABLE_FORMAT, [Buffer.from(String(rows)), bin, text]);

/**
 * The city table of <base>.bin and <base>.txt (shared: in a SharedArrayBuffer, for worker threads): the prebuilt
 * one when the build left one made from these files (`prebuildCityTables`), else built here.
 */
function buildTable(base: string, shared: boolean, rows?: number): CityTableData {
  const bin = readFileSync(dataFile(`${base}.bin`));
  const textBytes = readFileSync(dataFile(`${base}.txt`));
  const n = rows ?? Math.floor(bin.length / BYTES_PER_ROW);
  const pre = readPrebuilt<CityTableLayout>(`${base}.table`, tableStamp(n, bin, textBytes));
  if (pre && pre.meta.rows === n) {
    if (!shared) {
      // read in place: the columns are views of the file's bytes, past its header
      const at: CityTableLayout["at"] = {};
      for (const [k, [o, len]] of Object.entries(pre.meta.at)) at[k] = [o + pre.body.byteOffset, len];
      return { buffer: pre.body.buffer, layout: { rows: n, at } };
    }
    const buffer = new SharedArrayBuffer(pre.body.length);
    new Uint8Array(buffer).set(pre.body);
    return { buffer, layout: pre.meta };
  }
  return buildCityTable(bin, textBytes.toString("utf8"), n, shared);
}

/** Writes the cities' and towns' tables into `dir` for `buildTable` to read (run by `npm run build`). */
export function prebuildCityTables(dir: string): string[] {
  const written: string[] = [];
  for (const base of ["cities", "towns"]) {
    if (!existsSync(dataFile(`${base}.bin`))) continue;
    const bin = readFileSync(dataFile(`${base}.bin`));
    const textBytes = readFileSync(dataFile(`${base}.txt`));
    const n = Math.floor(bin.length / BYTES_PER_ROW);
    const { buffer, layout } = buildCityTable(bin, textBytes.toString("utf8"), n, false);
    writePrebuilt(`${base}.table`, tableStamp(n, bin, textBytes), layout, new Uint8Array(buffer), dir);
    written.push(`${base}.table`);
  }
  return written;
}

let installed: GazetteerTables | undefined;

/**
 * The cities and towns as tables in shared memory, for a pool's main thread to hand its workers: each worker then
 * reads them in place (`useGazetteerTables`) instead of building its own copy (~16 MB of heap per worker).
 * Undefined when the files cannot be read (each thread then fails, or not, on its own).
 */
export function sharedGazetteerTables(): GazetteerTables | undefined {
  try {
    const cities = buildTable("cities", true);
    let townTable: CityTableData | undefined;
    try {
      townTable = buildTable("towns", true);
    } catch {
      // no towns file: towns() says so in each thread
    }
    return { cities, towns: townTable };
  } catch {
    return undefined;
  }
}

/** Reads the cities and towns from tables another thread built (`sharedGazetteerTables`); before the first `gazetteer()`. */
export function useGazetteerTables(t: GazetteerTables): void {
  installed = t;
}

/** The city columns of <base>: views of the installed table when it has these rows, else a table built here. */
function readCities(n: number, base: "cities" | "towns"): CityColumns {
  const t = installed?.[base];
  return cityTableViews(t && t.layout.rows === n ? t : buildTable(base, false, n));
}

let loadedTowns: Towns | null | undefined;

/** The towns file, read on first use only: the geocoder turns to it for a name no city, region or country has. */
export function towns(g: Gazetteer): Towns | null {
  return loadedTowns !== undefined ? loadedTowns : outsideBudget(() => readTowns(g));
}

function readTowns(g: Gazetteer): Towns | null {
  if (loadedTowns !== undefined) return loadedTowns;
  if (!g.townCount) return (loadedTowns = null);
  const cols = readCities(g.townCount, "towns");
  return (loadedTowns = { cols, first: cols.names.byName, next: cols.names.next });
}

/** A US county (or Louisiana parish): its name without the descriptor, the centroid of its shape, its state's code. */
export interface County { name: string; lat: number; lon: number; state: string }

let loadedCounties: Map<string, County[]> | undefined;

/**
 * US counties by lower-cased name ("cuyahoga", "st. croix" and "saint croix"), read on first use: only a name that
 * ends in "County" or "Parish" asks for them, so the gazetteer's load does not grow.
 */
export function counties(): Map<string, County[]> {
  return loadedCounties ?? outsideBudget(readCounties);
}

function readCounties(): Map<string, County[]> {
  if (loadedCounties) return loadedCounties;
  loadedCounties = new Map();
  let rows: [string, number, number, string][] = [];
  try {
    rows = JSON.parse(readFileSync(fileURLToPath(new URL("counties.json", DIR)), "utf8")) as typeof rows;
  } catch { /* built without us-atlas: no counties */ }
  for (const [name, lat, lon, state] of rows) {
    const c: County = { name, lat, lon, state };
    const k = name.toLowerCase();
    const folded = k.normalize("NFD").replace(/\p{M}/gu, "");
    const keys = new Set([k, folded]);
    for (const f of [k, folded]) {
      const saint = /^(?:st\.?|saint|ste\.?|sainte) (.+)$/.exec(f);
      if (saint) for (const p of f.startsWith("ste") || f.startsWith("sainte") ? ["ste.", "ste", "sainte"] : ["st.", "st", "saint"]) keys.add(`${p} ${saint[1]}`);
    }
    for (const key of keys) {
      const list = loadedCounties.get(key);
      if (list) list.push(c);
      else loadedCounties.set(key, [c]);
    }
  }
  return loadedCounties;
}

export function gazetteer(): Gazetteer {
  return loaded ?? outsideBudget(readGazetteer);
}

function readGazetteer(): Gazetteer {
  if (loaded) return loaded;
  const t0 = performance.now();
  const raw = JSON.parse(readFileSync(DATA, "utf8")) as GazetteerFile;
  const countries = new Map<string, Country>();
  for (const [cc, name, lat, lon, id] of raw.countries) countries.set(cc, id ? { cc, name, lat, lon, geonameId: id } : { cc, name, lat, lon });
  const regionByName = new Map<string, Region>();
  for (const [name, type, lat, lon, cc, admin, id] of raw.regions) {
    const r: Region = { name, type, lat, lon, cc };
    if (admin) r.admin = admin;
    if (id) r.geonameId = id;
    regionByName.set(name.toLowerCase(), r);
  }
  // alternate names point at the same region object (kept out of `kinds`: "European" is a demonym there)
  const regionAliases = new Map<string, Region>();
  for (const [alias, name] of Object.entries(raw.regionAliases ?? {})) {
    const r = regionByName.get(name.toLowerCase());
    if (r) regionAliases.set(alias, r);
  }
  const admin1 = (raw.admin1 ?? []).map(([name, lat, lon, cc, geonameId]): Region => ({ name, type: "GPE", lat, lon, cc, geonameId }));
  const admin1ByName = new Map<string, Region[]>();
  for (const [k, list] of Object.entries(raw.admin1Keys ?? {})) admin1ByName.set(k, list.map((i) => admin1[i]!));
  const admin1Shadowed = new Map<string, Region[]>();
  for (const [k, list] of Object.entries(raw.admin1Shadowed ?? {})) admin1Shadowed.set(k, list.map((i) => admin1[i]!));
  const columns = readCities(raw.cities.count, "cities");
  const firstCity = columns.names.byName;
  const nextCity = columns.names.next;
  const cityAliases = new Map(Object.entries(raw.cityAliases));
  const countryByName = new Map(Object.entries(raw.countryNames));
  const demonymByName = new Map(Object.entries(raw.demonyms));
  // the few non-city names answer "what kind of place" in one probe; cities are the fallback
  const kinds = new Map<string, PlaceKind>();
  for (const k of cityAliases.keys()) kinds.set(k, "city");
  for (const k of demonymByName.keys()) kinds.set(k, "demonym");
  for (const k of regionByName.keys()) kinds.set(k, "region");
  for (const k of countryByName.keys()) kinds.set(k, "country");
  loaded = {
    kinds, countryByName, demonymByName, countries, regionByName, regionAliases, admin1ByName, admin1Shadowed, firstCity, nextCity, cityAliases, cities: columns,
    multiWordStarts: new Set(raw.multiWordStarts), maxWords: raw.maxWords, townCount: raw.cities.towns ?? 0,
    cityStates: new Set(raw.cityStates ?? []), townWords: new Set(raw.townWords ?? []), loadMs: 0,
  };
  loaded.loadMs = performance.now() - t0;
  return loaded;
}

/** What kind of place a lower-cased name is, preferring countries over regions over cities. */
export type PlaceKind = "country" | "region" | "city" | "demonym";

export function placeKind(g: Gazetteer, key: string): PlaceKind | undefined {
  return g.kinds.get(key) ?? (g.firstCity.has(key) ? "city" : undefined);
}

const prefixSets = new WeakMap<Gazetteer, Set<string>>();

/**
 * Every word prefix of every name of two or more words, cut before each of its spaces ("the" of "the hague",
 * "new york" of "new york city"), built on first use: a longest-match walk over a sentence's words may stop at a
 * space after text that is no such prefix (no longer name can start with it).
 */
export function namePrefixes(g: Gazetteer): Set<string> {
  let set = prefixSets.get(g);
  if (set) return set;
  set = new Set<string>();
  const add = (k: string): void => {
    for (let i = k.indexOf(" "); i > 0; i = k.indexOf(" ", i + 1)) set!.add(k.slice(0, i));
  };
  for (const k of g.kinds.keys()) add(k);
  // only names of two or more words have prefixes: the others are not made into strings
  for (const k of g.firstCity.keysWith(32)) add(k);
  prefixSets.set(g, set);
  return set;
}

/** Cities with this lower-cased name or alias, most populous first. */
export function cityCandidates(g: Gazetteer, key: string): number[] {
  const out: number[] = [];
  for (let i = g.firstCity.get(key) ?? -1; i >= 0; i = g.nextCity[i]!) out.push(i);
  const alias = g.cityAliases.get(key);
  if (alias) {
    for (const i of alias) if (!out.includes(i)) out.push(i);
    out.sort((a, b) => g.cities.pop[b]! - g.cities.pop[a]!);
  }
  return out;
}

export function cityCountry(g: Gazetteer, i: number, cols: CityColumns = g.cities): string {
  return cols.cc.slice(i * 2, i * 2 + 2).trim();
}

export function cityAdmin(g: Gazetteer, i: number, cols: CityColumns = g.cities): string {
  return cols.admin.slice(i * 3, i * 3 + 3).trim();
}

/** Population of the most populous city with this lower-cased name (0 when none). */
export function largestCityPopulation(g: Gazetteer, key: string): number {
  const first = g.firstCity.get(key);
  if (first !== undefined && !g.cityAliases.has(key)) return g.cities.pop[first]!;
  const list = cityCandidates(g, key);
  return list.length ? g.cities.pop[list[0]!]! : 0;
}
