// The first-letters filter of the cue matcher: cues written capitalised or contracted still match; look-alikes do not.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findHedges } from "./hedges.js";

function cues(sentence: string): [string, string][] {
  return findHedges(sentence, [[0, sentence.length]]).map((h) => [h.text, h.status]);
}

test("cues opening a sentence or contracted pass the first-letters filter", () => {
  assert.deepEqual(cues("Didn't the ministry confirm it? Officials didn't confirm the report."), [["didn't confirm", "denied"]]);
  assert.deepEqual(cues("The army doesn’t confirm losses, a spokesman said."), [["doesn’t confirm", "denied"], ["said", "reported"]]);
  assert.deepEqual(cues("Couldn't be verified, Kyiv's statement said."), [["Couldn't be verified", "alleged"], ["said", "reported"]]);
  assert.deepEqual(cues("It is likely that the talks will resume."), [["It is likely that", "speculative"]]);
  assert.deepEqual(cues("In theory, the deal covers grain."), [["In theory", "speculative"]]);
  assert.deepEqual(cues("No evidence was found. NO EVIDENCE, they said."), [["No evidence", "denied"], ["said", "reported"]]);
});

test("words sharing a cue word's first letter and length are no cues", () => {
  // "sea", "sad" share a first letter and a length with "say"; "nothing" opens no "no …" cue
  assert.deepEqual(cues("The sea was cold and the mood was sad."), []);
  assert.deepEqual(cues("Nothing moved on the frozen road."), []);
  // capitals mid-sentence are no cue, filtered or not
  assert.deepEqual(cues("Police COULD NOT CONFIRM the figure."), []);
});
