// The source phrase of a speech cue: appositive, left-hand subject, inverted right-hand source and "according to", read lazily.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sourceOfCue } from "./claims.js";

function source(sentence: string, cue: string): string | undefined {
  const at = sentence.indexOf(cue);
  const r = sourceOfCue(sentence, [at, at + cue.length], [0, sentence.length]);
  return r && sentence.slice(r[0], r[1]);
}

test("the source on the left: a subject, an appositive before the verb, a relative clause's head", () => {
  assert.equal(source("The country's army said the strike hit a depot.", "said"), "The country's army");
  assert.equal(source("Maria Lopez, an economist at the bank, says prices will rise.", "says"), "Maria Lopez");
  assert.equal(source("Senator Rand Paul, who said the bill was flawed, voted no.", "said"), "Senator Rand Paul");
  assert.equal(source("He then added that talks would go on.", "added"), "He");
  // an apposition that is no appositive phrase of a person ("an ally") still leaves the subject
  assert.equal(source("Ukraine, an ally, said nothing.", "said"), "Ukraine");
});

test("the source on the right: after a quotation or a comma, and after 'according to'", () => {
  assert.equal(source("Prices will rise, said the French president on Monday.", "said"), "the French president");
  assert.equal(source("\"We will rebuild,\" said Olena Petrenko, the mayor.", "said"), "Olena Petrenko");
  assert.equal(source("Prices rose by a fifth, according to U.S. regulators.", "according to"), "U.S.");
});

test("white space of any kind between the source and its verb is skipped", () => {
  assert.equal(source("The bridge was hit, officials \n\t said.", "said"), "officials");
  assert.equal(source("The bridge was hit,\u00a0\u2003said a local official.", "said"), "a local official");
});

test("a cue with no source on either side has none", () => {
  assert.equal(source("Said nothing.", "Said"), undefined);
});
