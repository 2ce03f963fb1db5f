// The shipped model over claimline token tables: spans, offsets, hyphenated place pairs, possessives, headlines.
import assert from "node:assert/strict";
import { test } from "node:test";
import { conllForm, loadNerModel } from "./model.js";
import { nerMentions, typed } from "./ner.test-helpers.js";

const has = (got: string[], want: string): void => assert.ok(got.includes(want), `${want} not in ${JSON.stringify(got)}`);

test("the model loads once and is cached", () => {
  const a = loadNerModel();
  assert.equal(loadNerModel(), a);
  assert.match(a.info.about, /CoNLL-2003/);
});

test("mentions carry token indices and character offsets into the text", () => {
  const text = "The talks in Geneva were led by Anna Weber of the World Health Organization.";
  for (const m of nerMentions(text)) assert.equal(text.slice(m.span[0], m.span[1]), m.text);
  const got = typed(text);
  has(got, "Geneva/GPE");
  has(got, "Anna Weber/PERSON");
  has(got, "World Health Organization/ORG");
});

test("a hyphenated pair of known places becomes two places", () => {
  const got = typed("The South Africa-Zimbabwe border crossing reopened on Monday after floods.");
  has(got, "South Africa/GPE");
  has(got, "Zimbabwe/GPE");
});

test("a possessive leaves the name alone and hyphenated names stay whole", () => {
  const got = typed("Kenya's foreign minister met Jean-Pierre Dubois in Nairobi on Friday.");
  has(got, "Kenya/GPE");
  has(got, "Jean-Pierre Dubois/PERSON");
  has(got, "Nairobi/GPE");
});

test("'Town, Country' gives two places, not one", () => {
  const got = typed("Protesters gathered in Lyon, France, on Saturday.");
  has(got, "Lyon/GPE");
  has(got, "France/GPE");
});

test("an all-capitals headline is tagged with help from the body", () => {
  const got = typed("GERMANY AND POLAND SIGN RAIL DEAL\n\nGermany and Poland signed a rail deal in Warsaw on Tuesday.");
  has(got, "GERMANY/GPE");
  has(got, "POLAND/GPE");
});

test("nationalities are NORP and organisations ORG", () => {
  const got = typed("Israeli and Egyptian officials met at the United Nations in New York.");
  has(got, "Israeli/NORP");
  has(got, "Egyptian/NORP");
  has(got, "United Nations/ORG");
  has(got, "New York/GPE");
});

test("curly quotes read as straight ones; offsets and texts stay those of the document", () => {
  assert.equal(conllForm("“"), '"');
  assert.equal(conllForm("didn’t"), "didn't");
  const text = "“We will not give up,” Ukraine’s foreign minister Dmytro Kuleba told reporters in Brussels.";
  const got = nerMentions(text);
  for (const m of got) assert.equal(text.slice(m.span[0], m.span[1]), m.text);
  has(got.map((m) => `${m.text}/${m.type}`), "Dmytro Kuleba/PERSON");
  has(got.map((m) => `${m.text}/${m.type}`), "Brussels/GPE");
});
