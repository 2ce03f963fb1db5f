// The place gazetteer (countries, demonyms, regions, cities), loaded lazily once from src/geo/data/.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface Country { cc: string; name: string; lat: number; lon: number }
export interface Region {
  name: string; type: "LOC" | "GPE"; lat: number; lon: number; cc: string;
  /** the GeoNames first-order admin code of a US state ("TX"), to prefer its cities */
  admin?: string;
}
export interface CityColumns {
  /** lower-cased names, one per city, most populous first */
  name: string[]; lat: Float32Array; lon: Float32Array;
  /** ISO alpha-2 codes, two characters per city (read with `cityCountry`) */
  cc: string;
  /** first-order admin codes, three characters per city, space-padded (read with `cityAdmin`) */
  admin: string; pop: Uint32Array; id: Uint32Array;
  /** 2 = national capital, 1 = first-order administrative seat, 0 = other */
  capital: Uint8Array;
}

export interface Gazetteer {
  /** lower-cased country name or alternate name → ISO alpha-2 */
  countryByName: Map<string, string>;
  /** lower-cased demonym ("ukrainian", "north koreans") → ISO alpha-2, "" when it names no single country */
  demonymByName: Map<string, string>;
  countries: Map<string, Country>;
  regionByName: Map<string, Region>;
  /** lower-cased city name → its most populous city; `nextCity` chains the others (read with `cityCandidates`) */
  firstCity: Map<string, number>;
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
  loadMs: number;
}

interface GazetteerFile {
  countries: [string, string, number, number][];
  countryNames: Record<string, string>;
  demonyms: Record<string, string>;
  regions: [string, "LOC" | "GPE", number, number, string, string?][];
  cities: { count: number };
  cityAliases: Record<string, number[]>;
  multiWordStarts: string[];
  maxWords: number;
}

// Both src/geo/ (tsx) and dist/geo/ (compiled) sit two levels below the project root.
const DIR = new URL("../../src/geo/data/", import.meta.url);
const DATA = fileURLToPath(new URL("gazetteer.json", DIR));

let loaded: Gazetteer | undefined;

/** The city columns: numbers from cities.bin as typed arrays, names and country codes from cities.txt. */
function readCities(n: number): CityColumns {
  const buf = readFileSync(fileURLToPath(new URL("cities.bin", DIR)));
  // copy into a fresh, aligned buffer: a Buffer may sit at any offset of a shared pool
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  const text = readFileSync(fileURLToPath(new URL("cities.txt", DIR)), "utf8");
  const lines = text.split("\n");
  const admin = lines.pop()!;
  const cc = lines.pop()!;
  return {
    name: lines, cc, admin,
    lat: new Float32Array(ab, 0, n), lon: new Float32Array(ab, n * 4, n), pop: new Uint32Array(ab, n * 8, n),
    id: new Uint32Array(ab, n * 12, n), capital: new Uint8Array(ab, n * 16, n),
  };
}

export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const t0 = performance.now();
  const raw = JSON.parse(readFileSync(DATA, "utf8")) as GazetteerFile;
  const countries = new Map<string, Country>();
  for (const [cc, name, lat, lon] of raw.countries) countries.set(cc, { cc, name, lat, lon });
  const regionByName = new Map<string, Region>();
  for (const [name, type, lat, lon, cc, admin] of raw.regions) {
    regionByName.set(name.toLowerCase(), admin ? { name, type, lat, lon, cc, admin } : { name, type, lat, lon, cc });
  }
  const columns = readCities(raw.cities.count);
  const names = columns.name;
  // one map entry per name and a typed-array chain for namesakes: no small array per city to allocate at load
  const firstCity = new Map<string, number>();
  const nextCity = new Int32Array(names.length);
  for (let i = names.length - 1; i >= 0; i--) {
    const k = names[i]!;
    nextCity[i] = firstCity.get(k) ?? -1;
    firstCity.set(k, i);
  }
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
    kinds, countryByName, demonymByName, countries, regionByName, firstCity, nextCity, cityAliases, cities: columns,
    multiWordStarts: new Set(raw.multiWordStarts), maxWords: raw.maxWords, loadMs: 0,
  };
  loaded.loadMs = performance.now() - t0;
  return loaded;
}

/** What kind of place a lower-cased name is, preferring countries over regions over cities. */
export type PlaceKind = "country" | "region" | "city" | "demonym";

export function placeKind(g: Gazetteer, key: string): PlaceKind | undefined {
  return g.kinds.get(key) ?? (g.firstCity.has(key) ? "city" : undefined);
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

export function cityCountry(g: Gazetteer, i: number): string {
  return g.cities.cc.slice(i * 2, i * 2 + 2).trim();
}

export function cityAdmin(g: Gazetteer, i: number): string {
  return g.cities.admin.slice(i * 3, i * 3 + 3).trim();
}

/** Population of the most populous city with this lower-cased name (0 when none). */
export function largestCityPopulation(g: Gazetteer, key: string): number {
  const first = g.firstCity.get(key);
  if (first !== undefined && !g.cityAliases.has(key)) return g.cities.pop[first]!;
  const list = cityCandidates(g, key);
  return list.length ? g.cities.pop[list[0]!]! : 0;
}
