// Certainty cues in realistic news sentences: each sentence names the cues and statuses it must yield.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { findHedges, hedges, WEAK_SOURCE } from "./hedges.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

function cues(sentence: string): [string, string][] {
  return findHedges(sentence, [[0, sentence.length]]).map((h) => [h.text, h.status]);
}

const cases: [string, [string, string][]][] = [
  ["The suspect allegedly fired several shots before fleeing the scene.", [["allegedly", "alleged"]]],
  ["A letter purportedly signed by the general was circulated online.", [["purportedly", "alleged"]]],
  ["The drought could push food prices higher next year, economists warned.", [["could", "speculative"], ["warned", "reported"]]],
  ["There is growing speculation that the prime minister will call an early election.", [["speculation", "speculative"]]],
  ["An estimated 40,000 people attended the rally, police said.", [["An estimated", "estimated"], ["said", "reported"]]],
  ["The ministry denied that any civilians had been harmed.", [["denied", "denied"]]],
  ["Investigators found no evidence of foul play.", [["no evidence", "denied"]]],
  ["The company has not publicly acknowledged the breach.", [["has not publicly acknowledged", "denied"]]],
  ["According to the United Nations, 1.2 million people have fled.", [["According to", "reported"]]],
  ["The video, which could not be independently verified, appears to show a drone strike.", [["could not be independently verified", "alleged"], ["appears to", "speculative"]]],
  ["The opposition claims the vote was rigged.", [["claims", "alleged"]]],
  ["The minister is likely to resign, perhaps as early as Monday.", [["is likely to", "speculative"], ["perhaps", "speculative"]]],
  ["Analysts estimate the damage at $3 billion.", [["estimate", "estimated"]]],
  ["The death toll is expected to rise, officials told reporters.", [["is expected to", "speculative"], ["told reporters", "reported"]]],
  ["The group reportedly received funding from abroad.", [["reportedly", "reported"]]],
];

for (const [sentence, expected] of cases) {
  test(`hedges: ${sentence}`, () => {
    assert.deepEqual(cues(sentence), expected);
  });
}

test("hedges: conditional modals are weak cues", () => {
  const [h] = findHedges("He said he would resign.", [[0, 24]]).filter((x) => x.text === "would");
  assert.equal(h?.source, WEAK_SOURCE);
});

test("hedges: stage reads sentences and gives exact spans", () => {
  const text = "Title line\n\nRebels may have used chemical weapons. The army denies it.";
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, hedges]) s.run(doc);
  assert.deepEqual(doc.get("hedge").map((h) => [text.slice(h.span[0], h.span[1]), h.status]), [["may", "speculative"], ["denies", "denied"]]);
});
