// Entity resolution: clustering of names, canonical names, descriptors, roles, affiliations and gender.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../../../core/annotations.js";
import { Document } from "../../../core/document.js";
import { entityMentions, GUESS } from "../extractors/entity-mentions.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { entityResolution } from "./entity-resolution.js";

function resolve(text: string): { entities: Entity[]; byName: (n: string) => Entity; nameOf: (id: string) => string } {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions, entityResolution]) s.run(doc);
  const entities = doc.get("entity");
  const byName = (n: string): Entity => {
    const e = entities.find((x) => x.name === n);
    assert.ok(e, `no entity "${n}" in ${JSON.stringify(entities.map((x) => x.name))}`);
    return e;
  };
  const nameOf = (id: string): string => entities.find((x) => x.id === id)?.name ?? id;
  return { entities, byName, nameOf };
}

test("full name, then surname: one person", () => {
  const { byName } = resolve("Antony Blinken arrived in Cairo on Monday. Blinken said a deal was close.");
  const e = byName("Antony Blinken");
  assert.deepEqual(e.aliases, ["Blinken"]);
  assert.equal(e.mentions.length, 2);
  assert.equal(e.type, "PERSON");
});

test("a surname used before the full name still joins it", () => {
  const { entities, byName } = resolve("Macron warned allies. \"We must act,\" said Emmanuel Macron in Paris.");
  assert.equal(byName("Emmanuel Macron").mentions.length, 2);
  assert.equal(entities.filter((e) => e.type === "PERSON").length, 1);
});

test("a later partial name of a three-word name", () => {
  const { byName } = resolve("Maria Elena Alvarez, a researcher at the University of Chicago, disagreed. Elena Alvarez said the data were thin.");
  const e = byName("Maria Elena Alvarez");
  assert.ok(e.aliases.includes("Elena Alvarez"));
});

test("apposition: descriptor and organisation affiliation", () => {
  const { byName, nameOf } = resolve("\"The risk is real,\" said Sarah Collins, a senior analyst at the Brookings Institution in Washington.");
  const e = byName("Sarah Collins");
  assert.deepEqual(e.descriptors, ["senior analyst"]);
  assert.deepEqual(e.affiliations.map(nameOf), ["Brookings Institution"]);
  assert.equal(e.gender, "female");
});

test("apposition with two clauses: former role and current job", () => {
  const { byName, nameOf } = resolve(
    "Michael Turner, a former British defence attaché who is now a fellow with the Royal United Services Institute in London, said the figures were plausible.",
  );
  const e = byName("Michael Turner");
  assert.deepEqual(e.descriptors, ["former British defence attaché", "fellow"]);
  assert.deepEqual(e.affiliations.map(nameOf), ["Royal United Services Institute"]);
  assert.equal(e.gender, "male");
});

test("affiliation is the institution, not its sub-programme", () => {
  const { byName, nameOf } = resolve("David Wright, a research fellow at the Hudson Institute's Center for Political Studies in Washington, disagreed.");
  assert.deepEqual(byName("David Wright").affiliations.map(nameOf), ["Hudson Institute"]);
});

test("title and nationality before the name: role and country", () => {
  const { byName, nameOf } = resolve("French President Emmanuel Macron met Polish Prime Minister Donald Tusk in Warsaw.");
  const m = byName("Emmanuel Macron");
  assert.deepEqual(m.roles, ["President"]);
  assert.deepEqual(m.affiliations.map(nameOf), ["France"]);
  assert.deepEqual(byName("Donald Tusk").roles, ["Prime Minister"]);
});

test("a country's possessive before a role", () => {
  const { byName, nameOf } = resolve("Britain's foreign secretary David Lammy visited Kyiv and France to discuss aid.");
  const e = byName("David Lammy");
  assert.deepEqual(e.roles, ["foreign secretary"]);
  assert.deepEqual(e.affiliations.map(nameOf), ["Britain"]);
});

test("a country and its alternate names are one entity", () => {
  const { entities } = resolve("The United States imposed sanctions. U.S. officials said America would not back down.");
  const us = entities.filter((e) => e.type === "GPE");
  assert.equal(us.length, 1);
  assert.equal(us[0]!.name, "United States");
  assert.deepEqual(new Set(us[0]!.aliases), new Set(["U.S.", "America"]));
});

test("an acronym joins its expansion", () => {
  const { entities } = resolve("The International Atomic Energy Agency sent inspectors. The IAEA said access was limited.");
  const orgs = entities.filter((e) => e.type === "ORG");
  assert.equal(orgs.length, 1);
  assert.deepEqual(orgs[0]!.aliases, ["IAEA"]);
});

test("courtesy titles give gender but no role", () => {
  const { byName } = resolve("Mrs Kowalczyk told the court she was innocent. Anna Kowalczyk denied all charges.");
  const e = byName("Anna Kowalczyk");
  assert.equal(e.gender, "female");
  assert.deepEqual(e.roles, []);
});

test("ids follow first mention and mentions point back to their entity", () => {
  const doc = new Document("Berlin and Paris disagreed. Olaf Scholz spoke first; Scholz then left for Paris.");
  for (const s of [paragraphs, sentences, tokens, entityMentions, entityResolution]) s.run(doc);
  const ents = doc.get("entity");
  assert.deepEqual(ents.map((e) => e.id), ents.map((_, i) => `e${i + 1}`));
  assert.equal(ents[0]!.name, "Berlin");
  for (const m of doc.get("mention")) {
    if (!m.entity) continue;
    const e = ents.find((x) => x.id === m.entity)!;
    assert.ok(e.mentions.some((s) => s[0] === m.span[0] && s[1] === m.span[1]));
  }
});

test("apposition without an article, after an age", () => {
  const { byName, nameOf } = resolve("\"Prices will rise,\" said Tom Becker, 52, director of the Kiel Institute for the World Economy.");
  const e = byName("Tom Becker");
  assert.deepEqual(e.descriptors, ["director"]);
  assert.deepEqual(e.affiliations.map(nameOf), ["Kiel Institute for the World Economy"]);
});

test("organisation and job before the name; 'of ORG' after it", () => {
  const { byName, nameOf } = resolve(
    "Carnegie Endowment analyst Laura Bishop said the deal was fragile. Peter Novak of the Atlantic Council disagreed.",
  );
  const l = byName("Laura Bishop");
  assert.deepEqual(l.roles, ["analyst"]);
  assert.deepEqual(l.affiliations.map(nameOf), ["Carnegie Endowment"]);
  assert.deepEqual(byName("Peter Novak").affiliations.map(nameOf), ["Atlantic Council"]);
});

test("a name in a headline joins the entity typed in the body", () => {
  const { entities } = resolve("NATO WARNS MOSCOW\nThe alliance said on Friday that NATO would not be intimidated.");
  const nato = entities.filter((e) => e.name === "NATO");
  assert.equal(nato.length, 1);
  assert.equal(nato[0]!.type, "ORG");
  assert.equal(nato[0]!.mentions.length, 2);
});

test("a surname that is an ordinary word joins the person named in full", () => {
  const { byName } = resolve("\"The market is tight,\" said Susan Rice, a former national security adviser. Rice added that talks would resume.");
  const e = byName("Susan Rice");
  assert.equal(e.mentions.length, 2);
});

test("an ordinary capitalised word with no person to join is dropped", () => {
  const { entities } = resolve("Rice prices rose in Asia. The Rice Bowl cafe said nothing.");
  assert.ok(!entities.some((e) => e.name === "Rice"), JSON.stringify(entities.map((e) => e.name)));
});

test("Mr. before a surname gives gender and a person entity", () => {
  const { byName } = resolve("Mr. Okafor said the vote would go ahead.");
  assert.equal(byName("Okafor").gender, "male");
});

test("thousands of people sharing a first name: each surname joins its own person, short ↔ long org forms meet", () => {
  const syl = ["ka", "ro", "mi", "ten", "vo", "li", "sha", "dor"];
  const surname = (i: number): string => {
    let s = "";
    for (let k = 0; k < 4; k++) { s += syl[i % 8]; i = Math.floor(i / 8); }
    return s[0]!.toUpperCase() + s.slice(1) + "enko";
  };
  const n = 1500;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`John ${surname(i)} arrived in Vienna. ${surname(i)} said the talks went well.`);
  parts.push("The Global Affairs Institute Canada issued a note. Officials at the Global Affairs Institute said little.");
  const { entities } = resolve(parts.join(" "));
  const people = entities.filter((e) => e.type === "PERSON");
  assert.equal(people.length, n);
  assert.ok(people.every((e) => e.mentions.length === 2 && e.aliases.length === 1), "every surname joined its own full name");
  const org = entities.find((e) => e.name === "Global Affairs Institute Canada");
  assert.ok(org && org.mentions.length === 2, JSON.stringify(entities.filter((e) => e.type === "ORG").map((e) => e.name)));
});

test("a guessed partial name of more than six words joins the full name it ends (found without the index of short endings)", () => {
  const full = "Maria Elena Sofia Isabel Carmen Lucia Alvarez Garcia";
  const part = "Elena Sofia Isabel Carmen Lucia Alvarez Garcia";
  const text = `${full} arrived on Monday. Later, ${part} said the talks had failed.`;
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens]) s.run(doc);
  const at = (t: string, from = 0): [number, number] => [text.indexOf(t, from), text.indexOf(t, from) + t.length];
  doc.set("mention", [
    { span: at(full), text: full, type: "PERSON", source: "entityMentions:ner" },
    { span: at(part, full.length), text: part, type: "ORG", source: GUESS },
  ]);
  entityResolution.run(doc);
  const entities = doc.get("entity");
  assert.equal(entities.length, 1, JSON.stringify(entities.map((e) => e.name)));
  assert.equal(entities[0]!.name, full);
  assert.deepEqual(entities[0]!.aliases, [part]);
});

test("a name written with a tab or a double space is the same name, and named with single spaces", () => {
  const { byName, entities } = resolve("Officials said Antony\tBlinken arrived on Monday. Antony  Blinken met the Egyptian president.");
  const e = byName("Antony Blinken");
  assert.equal(e.mentions.length, 2);
  assert.deepEqual(e.aliases, []);
  assert.equal(entities.filter((x) => x.type === "PERSON").length, 1);
});

test("a title before the name is a role only when it is the word right before the name", () => {
  const { byName } = resolve("Foreign Minister Sergei Lavrov spoke. The minister said Sergei Lavrov, not Kuleba, would go.");
  assert.deepEqual(byName("Sergei Lavrov").roles, ["Foreign Minister"]);
});
