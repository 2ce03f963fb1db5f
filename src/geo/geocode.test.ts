// Geocoding: countries, regions and cities with the right country and coordinates, chosen by context.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../core/annotations.js";
import { Document } from "../core/document.js";
import { entityMentions } from "../nlp/en/extractors/entity-mentions.js";
import { paragraphs } from "../nlp/en/extractors/paragraphs.js";
import { sentences } from "../nlp/en/extractors/sentences.js";
import { tokens } from "../nlp/en/extractors/tokens.js";
import { entityResolution } from "../nlp/en/refiners/entity-resolution.js";
import { geocode, placeCandidates, resolvePlaces, type PlaceMention } from "./geocode.js";

function places(text: string): Entity[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions, entityResolution, geocode]) s.run(doc);
  return doc.get("entity");
}

/** Asserts the named place lies within `km` of lat/lon in the given country. */
function near(text: string, name: string, country: string, lat?: number, lon?: number, km = 50): void {
  const e = places(text).find((x) => x.name === name || x.aliases.includes(name));
  assert.ok(e, `no place "${name}" in: ${text}`);
  assert.ok(e.geo, `"${name}" has no geo`);
  assert.equal(e.geo.country, country, `"${name}" in ${e.geo.country}, want ${country}`);
  if (lat !== undefined && lon !== undefined) {
    const d = Math.hypot(e.geo.lat - lat, (e.geo.lon - lon) * Math.cos((lat * Math.PI) / 180)) * 111;
    assert.ok(d <= km, `"${name}" at ${e.geo.lat},${e.geo.lon}: ${d.toFixed(0)} km from ${lat},${lon}`);
  }
}

test("a country by its common name", () => near("Protests spread across Georgia on Sunday.", "Georgia", "GE"));
test("a country by an alternate name", () => near("Exports from Holland rose by 4%.", "Holland", "NL"));
test("a capital city", () => near("Talks in Ankara ended without a deal.", "Ankara", "TR", 39.92, 32.85));
test("an old spelling of a city", () => near("Shelling was heard in Kharkov overnight.", "Kharkov", "UA", 49.99, 36.23));
test("a colonial-era exonym", () => near("Trading in Bombay was suspended.", "Bombay", "IN", 19.07, 72.88));
test("Washington, D.C. is the capital, not the English town", () =>
  near("The envoy flew to Washington, D.C., for talks.", "Washington, D.C.", "US", 38.9, -77.04));
test("bare Washington is the capital too", () => near("Officials in Washington said the talks had stalled.", "Washington", "US", 38.9, -77.04));
test("a city named in several countries: the one the sentence names", () =>
  near("Police in Paris, Texas, arrested two men on Friday.", "Paris", "US", 33.66, -95.56));
test("a city pinned by the country after it", () => near("Ministers met in Tripoli, Lebanon, to discuss the crisis.", "Tripoli", "LB", 34.44, 35.85));
test("without context the most populous city wins", () => near("Ministers met in Tripoli to discuss the crisis.", "Tripoli", "LY", 32.89, 13.19));
test("a city of the country named in the article", () =>
  near("Russia said drones had struck an oil depot. The fire in Kazan burned for hours.", "Kazan", "RU", 55.79, 49.12));
test("a region inside one country", () => near("Fighting continued in the Donbas, officials said.", "Donbas", "UA"));
test("a US state", () => near("Voters in Pennsylvania will decide the race.", "Pennsylvania", "US"));
test("a city has a GeoNames id", () => {
  const e = places("Rain fell on Nairobi all week.").find((x) => x.name === "Nairobi");
  assert.equal(e?.geo?.geonameId, 184745);
});
test("a US city in the state the article names", () =>
  near("A shooting at a school in Parkland shocked Florida. Parkland is a quiet suburb.", "Parkland", "US", 26.31, -80.24));

// the resolver behind the stage: a name plus the article's other places → ranked candidates
const mentionsOf = (text: string, names: string[]): PlaceMention[] =>
  names.map((n) => {
    const spans: [number, number][] = [];
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) spans.push([i, i + n.length]);
    return { names: [n], spans };
  });

test("a continent and the union on it have the continent's GeoNames id", () => {
  for (const n of ["Europe", "EU", "European"]) {
    const [c] = placeCandidates(n);
    assert.equal(c?.kind, "continent", n);
    assert.equal(c?.geonameId, 6255148, n);
  }
});
test("a state abbreviation as newspapers write it", () => {
  const [c] = placeCandidates("Calif.");
  assert.equal(c?.kind, "region");
  assert.equal(c?.country, "US");
});
test("a place inside a longer name", () => {
  const [c] = placeCandidates("Dubai World Cup");
  assert.equal(c?.country, "AE");
  assert.equal(c?.kind, "city");
});
test("a nation of the United Kingdom is a region of GB, not the whole country", () => {
  const [c] = placeCandidates("Wales");
  assert.equal(c?.kind, "region");
  assert.equal(c?.country, "GB");
});
test("Georgia is the US state in an article about Atlanta and the United States", () => {
  const text = "Voters in Atlanta lined up early. Georgia is a swing state, and the United States is watching.";
  const got = resolvePlaces(text, mentionsOf(text, ["Atlanta", "Georgia", "United States"]));
  assert.equal(got[1]?.kind, "region");
  assert.equal(got[1]?.country, "US");
});
test("Georgia is the country next to Russia and Armenia", () => {
  const text = "Russia and Armenia sent envoys. Georgia said it would not attend.";
  const got = resolvePlaces(text, mentionsOf(text, ["Russia", "Armenia", "Georgia"]));
  assert.equal(got[2]?.kind, "country");
  assert.equal(got[2]?.country, "GE");
});
test("a namesake town near the article's other places wins over a bigger one far away", () => {
  const text = "The team drove from London to Cambridge. Later they visited Oxford and Norwich in England.";
  const got = resolvePlaces(text, mentionsOf(text, ["London", "Cambridge", "Oxford", "Norwich", "England"]));
  assert.deepEqual(got.slice(0, 4).map((c) => c?.country), ["GB", "GB", "GB", "GB"]);
});
test("a state named like its big city is the city (GeoWebNews' reading of a bare \"New York\")", () => {
  const [c] = placeCandidates("New York");
  assert.equal(c?.kind, "city");
  assert.equal(c?.geonameId, 5128581);
});
test("\"City\" after a name picks the city over the province", () => {
  const [c] = placeCandidates("Quebec City");
  assert.equal(c?.kind, "city");
  assert.equal(c?.country, "CA");
});
test("a city-sized namesake abroad beats a small country's first-order region", () => {
  const [c] = placeCandidates("Boa Vista");
  assert.equal(c?.kind, "city");
  assert.equal(c?.country, "BR");
});
test("a former union is placed on its successor state", () => {
  const [c] = placeCandidates("Soviet Union");
  assert.equal(c?.kind, "country");
  assert.equal(c?.country, "RU");
});
test("a name as news writes it: no leading ‘ayn, no Arabic article, no \"-on-Sea\"", () => {
  assert.equal(placeCandidates("Afrin")[0]?.country, "SY");
  assert.equal(placeCandidates("Clacton")[0]?.country, "GB");
});
test("a namesake forty times bigger outweighs the article's state", () => {
  const text = "Dallas beat Houston in Texas. Portland lost to San Antonio.";
  const got = resolvePlaces(text, mentionsOf(text, ["Dallas", "Houston", "Texas", "Portland", "San Antonio"]));
  assert.equal(got[3]?.geonameId, 5746545);
});
test("a county: the one in the state the article names", () => {
  const text = "Flooding closed roads in Morris County, New Jersey.";
  const [c] = resolvePlaces(text, mentionsOf(text, ["Morris County", "New Jersey"]));
  assert.equal(c?.name, "Morris County");
  assert.ok(Math.abs(c.lat - 40.86) < 0.3 && Math.abs(c.lon + 74.55) < 0.3, `${c.lat},${c.lon}`);
});
test("a county: among namesakes in one state, the one near the article's towns", () => {
  const text = "Sheriffs in Washington County, Oregon, said Portland and Beaverton were spared.";
  const [c] = resolvePlaces(text, mentionsOf(text, ["Washington County", "Oregon", "Portland", "Beaverton"]));
  assert.ok(Math.abs(c!.lat - 45.56) < 0.3 && Math.abs(c!.lon + 123.1) < 0.3, `${c!.lat},${c!.lon}`);
});
test("a place the gazetteer lacks lies at the article's city written nearest to it", () => {
  const text = "Rain fell on Madrid for a third day running, officials said. Fans packed Zorbly Stadium in Leeds.";
  const got = resolvePlaces(text, mentionsOf(text, ["Madrid", "Zorbly Stadium", "Leeds"]));
  assert.equal(got[1]?.kind, "vicinity");
  assert.equal(got[1]?.name, "leeds");
  assert.equal(got[1]?.geonameId, undefined);
});
test("a small town in the state the article names beats a bigger namesake elsewhere", () => {
  // Dillon, Montana (4,000 people, in the towns file) over Dillon, South Carolina (7,000)
  const text = "Ranchers near Dillon met on Tuesday. Montana lawmakers promised drought relief.";
  const got = resolvePlaces(text, mentionsOf(text, ["Dillon", "Montana"]));
  assert.equal(got[0]?.country, "US");
  assert.ok(Math.abs(got[0]!.lat - 45.2) < 0.3 && Math.abs(got[0]!.lon + 112.6) < 0.3, `${got[0]!.lat},${got[0]!.lon}`);
});
test("a bare state name that is a city's (Washington) is the state right after a town of that state", () => {
  const text = "A bakery in Spokane, Washington shares its recipe.";
  const got = resolvePlaces(text, mentionsOf(text, ["Spokane", "Washington"]));
  assert.equal(got[1]?.kind, "region");
  assert.equal(got[1]?.name, "Washington State");
});
test("a bare state name that is a city's is the state in a list of states", () => {
  const text = "Jobs moved from western states such as Oregon or Washington to Idaho.";
  const got = resolvePlaces(text, mentionsOf(text, ["Oregon", "Washington", "Idaho"]));
  assert.equal(got[1]?.kind, "region");
  assert.equal(got[1]?.name, "Washington State");
});
test("a place of a newer GeoNames export: a renamed capital, a city district", () => {
  const [astana] = placeCandidates("Astana");
  assert.equal(astana?.kind, "city");
  assert.equal(astana?.country, "KZ");
  const text = "Flats in Kilburn and Camden, north London, were evacuated.";
  const got = resolvePlaces(text, mentionsOf(text, ["Kilburn", "Camden", "London"]));
  assert.equal(got[0]?.country, "GB");
  assert.ok(Math.abs(got[0]!.lat - 51.54) < 0.05 && Math.abs(got[0]!.lon + 0.2) < 0.05, `${got[0]!.lat},${got[0]!.lon}`);
});
test("a city-state's name is its city; its nationality is the country", () => {
  const [sg] = placeCandidates("Singapore");
  assert.deepEqual([sg?.kind, sg?.country], ["city", "SG"]);
  assert.equal(placeCandidates("Singaporean")[0]?.kind, "country");
});
test("a small town named by a word stands where the article names its state", () => {
  const text = "Firefighters reached Congress, Arizona, before dawn.";
  const got = resolvePlaces(text, mentionsOf(text, ["Congress", "Arizona"]));
  assert.equal(got[0]?.kind, "city");
  assert.equal(got[0]?.country, "US");
  assert.ok(Math.abs(got[0]!.lat - 34.16) < 0.3 && Math.abs(got[0]!.lon + 112.85) < 0.3, `${got[0]!.lat},${got[0]!.lon}`);
});
test("an abbreviation is the initials of a country the article names, or of a region around its places", () => {
  const text = "Many South Africans distrust the police, and crime in SA keeps rising.";
  const got = resolvePlaces(text, [...mentionsOf(text, ["SA"]), { names: ["South Africans"], spans: [[5, 19]], contextOnly: true }]);
  assert.deepEqual([got[0]?.kind, got[0]?.country], ["country", "ZA"]);
  const wa = "Beaches near Fremantle and Mandurah in WA were closed.";
  const [, , r] = resolvePlaces(wa, mentionsOf(wa, ["Fremantle", "Mandurah", "WA"]));
  assert.deepEqual([r?.kind, r?.name], ["region", "Western Australia"]);
});
test("a city name opening a body's name is the best-known city of the name, not a town near the article's places", () => {
  const text = "Senators in Washington questioned how the Cambridge Analytica data was used in the U.S.";
  const got = resolvePlaces(text, mentionsOf(text, ["Washington", "Cambridge", "U.S."]));
  assert.deepEqual([got[1]?.kind, got[1]?.country], ["city", "GB"]);
});
