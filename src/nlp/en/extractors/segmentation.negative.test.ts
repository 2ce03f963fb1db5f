// Negative cases for segmentation: text that must NOT be split into several sentences or paragraphs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { splitParagraphs } from "./paragraphs.js";
import { splitSentences } from "./sentences.js";

const MUST_STAY_WHOLE = [
  "Mr. and Mrs. Patel arrived at 9 a.m. with Dr. Osei.",
  "The U.S. Navy and the U.K. Royal Air Force took part.",
  "Prices rose 2.5 per cent in Q3, the No. 2 lender said.",
  "Gen. Mark Milley met Lt. Col. Vindman in Washington, D.C. on Friday.",
  "The firm, Acme Inc., said profits rose.",
  "\"Is this the end?\" asked the senator.",
  "\"We won!\" shouted the fans outside the stadium.",
  "J. K. Rowling and E. L. James were among the authors.",
  "The vote was 5-4 (with one abstention) after a long debate.",
  "Sept. 11 changed U.S. foreign policy, officials said.",
  "The company, based in St. Louis, employs 4,000 people.",
  "He earned a Ph.D. at Oxford.",
];

for (const s of MUST_STAY_WHOLE) {
  test(`one sentence: ${s}`, () => {
    const spans = splitSentences(s, 0, s.length);
    assert.deepEqual(spans.map(([a, b]) => s.slice(a, b)), [s]);
  });
}

test("a single line with no blank lines is one paragraph even if long", () => {
  const t = "A long paragraph. ".repeat(50).trim();
  assert.equal(splitParagraphs(t).length, 1);
});

test("whitespace-only text has no paragraphs and no sentences", () => {
  assert.deepEqual(splitParagraphs("  \n\t\n "), []);
  assert.deepEqual(splitSentences("   ", 0, 3), []);
});
