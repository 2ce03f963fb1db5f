// Words that look like certainty cues but are not, in context. Decisions documented here:
//  - "May" with a day number is a date, and capitalised "May" not followed by a verb is a name.
//  - "could not be reached (for comment)" says something about the reporter, not the claim: no cue.
//  - "could not" + verb is past inability, a fact ("could not attend"): no cue. But "could not be
//    independently verified" marks the claim unverified (alleged): tested in hedges.test.ts.
//  - capitalised look-alikes inside a sentence ("United States", "Will Smith") are names.
//  - "claimed responsibility/the lives", "insurance claims" are not allegations.
//  - "would like to" is a wish, not a possibility.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findHedges } from "./hedges.js";

const negatives = [
  "The ceasefire took effect on May 5 at midnight.",
  "May met the German chancellor in Berlin.",
  "The minister could not be reached for comment.",
  "A spokesperson could not immediately be reached.",
  "The president could not attend the funeral because of illness.",
  "The United States imposed new tariffs on steel.",
  "Insurance claims rose sharply after the storm.",
  "The militant group claimed responsibility for the bombing.",
  "The earthquake claimed the lives of 300 people.",
  "The team will play as soon as possible.",
  "Voters will have a say in the referendum.",
  "The factory produced 10,000 cars in March.",
  "Police arrested three men at the border.",
  "I would like to thank the rescue teams.",
  "Such workers were long thought of as cheap labour.",
];

for (const sentence of negatives) {
  test(`hedges negative: ${sentence}`, () => {
    assert.deepEqual(findHedges(sentence, [[0, sentence.length]]).map((h) => h.text), []);
  });
}
