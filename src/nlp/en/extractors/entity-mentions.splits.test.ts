// Words with a dot or a hyphen inside (read in one pass): run-together sentences and name compounds split, hyphenated names stay whole.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { entityMentions } from "./entity-mentions.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

function mentions(text: string): [string, string][] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions]) s.run(doc);
  return doc.get("mention").map((m) => [m.text, m.type]);
}

test("a dot between a lower-case letter and a capital splits a run-together sentence", () => {
  assert.deepEqual(mentions("Talks with Putin.It ended badly, officials in Kyiv said."), [["Putin", "PERSON"], ["Kyiv", "GPE"]]);
});

test("a compound of two names splits at its hyphen; a hyphenated place or name stays whole", () => {
  assert.deepEqual(mentions("The Korea-Russia summit was held in Guinea-Bissau."), [["Korea", "GPE"], ["Russia", "GPE"], ["Guinea-Bissau", "GPE"]]);
  assert.deepEqual(mentions("Lee Seung-woo met U.S.-based envoys in Port-au-Prince."), [["Lee Seung-woo", "PERSON"], ["U.S.", "GPE"], ["Port-au-Prince", "GPE"]]);
  assert.deepEqual(mentions("A Ukrainian-Polish convoy reached Lviv."), [["Ukrainian", "NORP"], ["Polish", "NORP"], ["Lviv", "GPE"]]);
});

test("a word with both a dot and a hyphen", () => {
  assert.deepEqual(mentions("The U.S.-Russia.Talks-Now stalled."), [["U.S.", "GPE"], ["Russia", "GPE"]]);
  assert.deepEqual(mentions("Dr.Smith-Jones arrived."), [["Smith-Jones", "PERSON"]]);
});
