// Entity mentions on real-style news sentences: names found, spans right, types right.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { entityMentions } from "./entity-mentions.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

function mentions(text: string): string[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions]) s.run(doc);
  return doc.get("mention").map((m) => `${m.type}:${m.text}`);
}

function has(text: string, ...want: string[]): void {
  const got = mentions(text);
  for (const w of want) assert.ok(got.includes(w), `${w} not in ${JSON.stringify(got)}\n  text: ${text}`);
}

test("a person with a title and a nationality before the name", () => {
  has("German Chancellor Olaf Scholz said on Monday that Berlin would send more air defence systems.",
    "PERSON:Olaf Scholz", "GPE:Berlin");
});

test("a multi-word country, an acronym and a city", () => {
  has("The United Kingdom and France pressed NATO allies at a meeting in Brussels to speed up deliveries.",
    "GPE:United Kingdom", "GPE:France", "ORG:NATO", "GPE:Brussels");
});

test("an organisation with a connector and a capitalised suffix", () => {
  has("Researchers at the Institute for the Study of War said Russian forces had advanced near Avdiivka.",
    "ORG:Institute for the Study of War");
});

test("possessive names: the name without its 's", () => {
  has("Israel's army said it had struck targets in Lebanon, while Iran's foreign ministry condemned the attack.",
    "GPE:Israel", "GPE:Lebanon", "GPE:Iran");
});

test("a group: a nationality and a group noun, a country's military", () => {
  has("Turkish officials said Ankara had not been informed, and Greece's military was put on alert.",
    "GROUP:Turkish officials", "GROUP:Greece's military", "GPE:Ankara");
});

test("U.S. officials and a dotted country name", () => {
  has("U.S. officials told reporters in Washington that the talks would resume next week.",
    "GROUP:U.S. officials", "GPE:Washington");
});

test("a speaker unknown to the first-name lists, found by the speech verb", () => {
  has("\"We are ready to negotiate,\" said Dmytro Kuleba, speaking in Kyiv.", "PERSON:Dmytro Kuleba", "GPE:Kyiv");
});

test("a person introduced by an apposition", () => {
  has("Maria Zakharova, a spokeswoman for the Russian foreign ministry, dismissed the report.",
    "PERSON:Maria Zakharova");
});

test("nationalities in the plural are NORP", () => {
  has("Thousands of Syrians and Afghans crossed into Turkey last year, officials said.",
    "NORP:Syrians", "NORP:Afghans", "GPE:Turkey");
});

test("a region and a sea", () => {
  has("Shipping through the Red Sea has fallen sharply, hurting trade between Asia and Europe.",
    "LOC:Red Sea", "LOC:Asia", "LOC:Europe");
});

test("a nationality and a geographic noun make a region", () => {
  has("Tensions on the Arabian peninsula rose after the strikes.", "LOC:Arabian peninsula");
});

test("a university with a possessive founder name and a place after it", () => {
  has("Jane Smith, a historian at Queen's University Belfast, said the archive was unique.",
    "PERSON:Jane Smith", "ORG:Queen's University Belfast");
});

test("an event word is dropped, the acronym before it kept", () => {
  has("Leaders gathered for the G20 Summit in New Delhi, where the EU pushed for a statement.",
    "GPE:New Delhi", "ORG:EU");
});

test("a hyphenated pair of countries gives two places", () => {
  has("The China-Russia partnership has deepened since 2022.", "GPE:China", "GPE:Russia");
});

test("Korean-style names keep their hyphenated given name", () => {
  has("South Korean President Yoon Suk-yeol met Japanese Prime Minister Fumio Kishida in Tokyo.",
    "PERSON:Yoon Suk-yeol", "PERSON:Fumio Kishida", "GPE:Tokyo");
});

test("a city with its state or district after a comma", () => {
  has("The senator spoke at a rally in Washington, D.C., on Saturday.", "GPE:Washington, D.C.");
});

test("an old spelling of a city", () => {
  has("Western diplomats left Kiev in 2022 as Russian troops approached.", "GPE:Kiev");
});

test("an all-caps headline: only known places and names from the body", () => {
  has("RUSSIA WARNS NATO OVER NEW AID TO UKRAINE\nMoscow said on Friday that NATO was escalating the conflict.",
    "GPE:RUSSIA", "GPE:UKRAINE", "GPE:Moscow", "ORG:NATO");
  const got = mentions("RUSSIA WARNS NATO OVER NEW AID TO UKRAINE\nMoscow said on Friday that NATO was escalating the conflict.");
  assert.ok(!got.some((m) => /WARNS|AID|OVER/.test(m)), JSON.stringify(got));
});

test("a title-case headline does not make its ordinary words names", () => {
  const got = mentions("Putin Says Russia Will Respond To Western Sanctions\nVladimir Putin spoke in Moscow.");
  assert.ok(got.includes("GPE:Russia"), JSON.stringify(got));
  assert.ok(!got.some((m) => /Says|Will|Respond|Sanctions/.test(m)), JSON.stringify(got));
});

test("an abbreviated title with its period", () => {
  has("Mr. Okafor said the vote would go ahead, and Gen. Mark Milley agreed.", "PERSON:Okafor", "PERSON:Mark Milley");
});
