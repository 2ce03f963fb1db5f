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
import { geocode } from "./geocode.js";

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
