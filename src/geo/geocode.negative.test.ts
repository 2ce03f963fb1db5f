// Things that must NOT become places, or must not get a wrong place.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../core/annotations.js";
import { Document } from "../core/document.js";
import { entityMentions } from "../nlp/en/extractors/entity-mentions.js";
import { paragraphs } from "../nlp/en/extractors/paragraphs.js";
import { sentences } from "../nlp/en/extractors/sentences.js";
import { tokens } from "../nlp/en/extractors/tokens.js";
import { entityResolution } from "../nlp/en/refiners/entity-resolution.js";
import { geocode, placeCandidates, resolvePlaces, toGeo, type PlaceMention } from "./geocode.js";

function located(text: string): Entity[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions, entityResolution, geocode]) s.run(doc);
  return doc.get("entity").filter((e) => e.geo !== undefined || e.type === "GPE" || e.type === "LOC");
}

const mentionsOf = (text: string, names: string[]): PlaceMention[] =>
  names.map((n) => {
    const spans: [number, number][] = [];
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) spans.push([i, i + n.length]);
    return { names: [n], spans };
  });

const cases: [string, string][] = [
  ["Reading is the best way to learn a language.", "Reading"],
  ["We bought a turkey for the holiday.", "turkey"],
  ["May was unusually warm.", "May"],
  ["Will the talks resume?", "Will"],
  ["Mobile phones were banned in schools.", "Mobile"],
  ["Nice work, the coach told his players.", "Nice"],
  ["Split decisions are common in boxing.", "Split"],
  ["NATO has ruled out sending troops.", "NATO"],
  ["Vladimir Putin met the envoy.", "Vladimir"],
  ["The Union will vote next week.", "Union"],
  ["Police said the suspect had fled.", "Police"],
  ["Victoria Nuland arrived on Tuesday.", "Victoria"],
  ["Jordan Peterson spoke at the event.", "Jordan"],
];

for (const [text, word] of cases) {
  test(`no place: "${word}" in "${text}"`, () => {
    const got = located(text).map((e) => e.name);
    assert.ok(!got.some((n) => n.toLowerCase() === word.toLowerCase()), `${word} located: ${JSON.stringify(got)}`);
  });
}

test("a continent gets no country code", () => {
  const europe = located("Gas prices in Europe fell.").find((e) => e.name === "Europe");
  assert.ok(europe);
  assert.equal(europe.type, "LOC");
  assert.equal(europe.geo, undefined);
});

test("a person's surname that is also a town is no place", () => {
  const got = located("Samuel Lincoln, a historian, said the archive was unique. Lincoln added that more was to come.");
  assert.ok(!got.some((e) => e.name === "Lincoln"), JSON.stringify(got.map((e) => e.name)));
});

test("a small town inside a longer name is no evidence", () => {
  assert.deepEqual(placeCandidates("Barclays Center"), []);
});
test("a compass word alone is no place", () => {
  assert.deepEqual(placeCandidates("Western").filter((c) => c.kind !== "city"), []);
});
test("a region named by an English word is reached only with its descriptor", () => {
  // "Eastern Ghouta" is not Ghana's Eastern Region, "Convention Centre" not Cameroon's Centre
  assert.ok(!placeCandidates("Eastern Ghouta").some((c) => c.country === "GH"));
  assert.ok(!placeCandidates("Convention Centre").some((c) => c.country === "CM"));
  assert.equal(placeCandidates("Eastern Region")[0]?.kind, "region");
});
test("a saint is no town", () => {
  assert.ok(!located("St. Peter is said to be buried there.").some((e) => e.name === "St. Peter"));
});
test("a county is not a town of its name somewhere else", () => {
  // "Morris County": the US counties of that name, never Morris, Illinois or any other town Morris
  const cands = placeCandidates("Morris County");
  assert.ok(cands.length >= 2);
  for (const c of cands) assert.deepEqual([c.kind, c.country, c.city, c.name], ["region", "US", undefined, "Morris County"]);
  assert.ok(placeCandidates("Los Angeles County").every((c) => c.kind === "region"));
});
test("a parish is Louisiana's, a county never is", () => {
  assert.deepEqual(placeCandidates("Orleans Parish").map((c) => c.name), ["Orleans Parish"]);
  assert.ok(placeCandidates("Orleans County").every((c) => c.name === "Orleans County" && c.lat > 40));
});
test("a small town abroad, far from every other place of the article, is not taken", () => {
  // Fife, Washington (10,000 people) in an article about Scotland: the council area the gazetteer lacks is meant
  const text = "Police in Edinburgh and Glasgow said the storm had also hit Fife overnight.";
  const got = resolvePlaces(text, mentionsOf(text, ["Edinburgh", "Glasgow", "Fife"]));
  assert.equal(got[2]?.kind, "vicinity");
  assert.equal(got[2]?.country, "GB");
  // and the record gets no point for it: the neighbour's is a guess
  assert.equal(got[2] && toGeo(got[2]), undefined);
});
test("a name the gazetteer lacks gets no point when the article has no city, region or country", () => {
  const text = "Fans packed Zorbly Stadium in Europe.";
  const got = resolvePlaces(text, mentionsOf(text, ["Zorbly Stadium", "Europe"]));
  assert.equal(got[0], undefined);
});
test("a small town of a stated state does not beat a namesake forty times bigger", () => {
  // Hamilton, Montana (4,800 people) does not outweigh the Hamiltons of 60,000 and more on the state alone
  const text = "Hamilton voters went to the polls. Montana was quiet.";
  const got = resolvePlaces(text, mentionsOf(text, ["Hamilton", "Montana"]));
  assert.ok((got[0]?.population ?? 0) > 50_000, `${got[0]?.name} ${got[0]?.population}`);
});
test("bare Washington stays the capital next to a city, or after a town of another state", () => {
  const text = "Envoys from Moscow and Washington met in Austin, Washington sources said.";
  const got = resolvePlaces(text, mentionsOf(text, ["Moscow", "Washington", "Austin"]));
  assert.equal(got[1]?.kind, "city");
  assert.equal(got[1]?.country, "US");
  assert.ok(Math.abs(got[1]!.lat - 38.9) < 0.2, `${got[1]!.lat}`);
});
test("a small country whose capital has another name, or a big one named like its capital, stays the country", () => {
  assert.equal(placeCandidates("Malta")[0]?.kind, "country");
  assert.equal(placeCandidates("Mexico")[0]?.kind, "country");
  assert.equal(placeCandidates("Kuwait")[0]?.kind, "country");
});
test("a word that is only a small town's name is not the town when nothing in the article backs it", () => {
  const text = "Lawmakers in Congress rejected the bill, and Texas officials said Dallas would appeal.";
  const got = resolvePlaces(text, mentionsOf(text, ["Congress", "Texas", "Dallas"]));
  assert.notEqual(got[0]?.kind, "city");
});
test("an abbreviation of no country or region of the article is not expanded", () => {
  const text = "Fans in Lyon and Marseille cheered as SA lost.";
  const got = resolvePlaces(text, mentionsOf(text, ["Lyon", "Marseille", "SA"]));
  assert.notEqual(got[2]?.country, "ZA");
  assert.notEqual(got[2]?.kind, "country");
});
test("a city name opening a local body's name stays in the state the article names", () => {
  const text = "The Birmingham City Council met on Monday. Alabama lawmakers attended.";
  const got = resolvePlaces(text, mentionsOf(text, ["Birmingham", "Alabama"]));
  assert.equal(got[0]?.country, "US");
});
