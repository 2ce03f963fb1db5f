// Names repeated through an article (their words split once per distinct text): every repeat joins its entity, case variants stay apart where they did.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { entityMentions } from "../extractors/entity-mentions.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { entityResolution } from "./entity-resolution.js";

function entities(text: string): [string, string, number][] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions, entityResolution]) s.run(doc);
  return doc.get("entity").map((e) => [e.name, e.type, e.mentions.length]);
}

test("a full name repeated, then its surname repeated: one person with every mention", () => {
  const text = "Olena Kovalenko spoke in Lviv. Olena Kovalenko later left Lviv. Kovalenko said the roads were open. " +
    "Kovalenko added that Lviv was calm.";
  const found = entities(text);
  assert.deepEqual(found.find(([n]) => n === "Olena Kovalenko"), ["Olena Kovalenko", "PERSON", 4]);
  assert.deepEqual(found.find(([n]) => n === "Lviv"), ["Lviv", "GPE", 3]);
});

test("two people sharing a first name stay two entities however often each is named", () => {
  const text = "Maria Lopez met Maria Sanchez. Maria Lopez spoke first. Maria Sanchez spoke next. Lopez then left.";
  const found = entities(text).filter(([, t]) => t === "PERSON");
  assert.deepEqual(found, [["Maria Lopez", "PERSON", 3], ["Maria Sanchez", "PERSON", 2]]);
});
