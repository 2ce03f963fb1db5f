// Things the NER model must NOT tag: lower-case text, sentence-initial ordinary words, calendar words, empty input.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadNerModel } from "./model.js";
import { typed } from "./ner.test-helpers.js";

const cases: [string, string[]][] = [
  ["it was a quiet day and nothing happened at all.", ["it", "day"]],
  ["May was the wettest month on record, the agency said.", ["May"]],
  ["But the talks collapsed after two days.", ["But"]],
  ["Analysts expect a slowdown in the second half.", ["Analysts"]],
  ["On Thursday the minister resigned.", ["Thursday", "On"]],
  ["Prices rose 3.5 percent in the year to June.", ["June", "Prices"]],
  ["The company said in a statement it would appeal.", ["The"]],
  ["Officials said 1,200 people were evacuated.", ["Officials"]],
];

for (const [text, forbidden] of cases) {
  test(`no entity for ${JSON.stringify(forbidden)} in "${text}"`, () => {
    const got = typed(text).map((g) => g.replace(/\/\w+$/, ""));
    for (const f of forbidden) assert.ok(!got.some((g) => g === f || g.split(" ").includes(f)), `"${f}" tagged in ${JSON.stringify(got)}`);
  });
}

test("a hyphen between words that are not both places does not split a name", () => {
  const got = typed("Coca-Cola said sales rose in Brazil.");
  assert.ok(!got.some((g) => g.startsWith("Coca/") || g.startsWith("Cola/")), JSON.stringify(got));
});

test("empty input, empty sentences and punctuation give nothing", () => {
  const m = loadNerModel();
  assert.deepEqual(m.tagDocument([]), []);
  assert.deepEqual(m.tagDocument([[]]), [[]]);
  assert.deepEqual(m.tag([".", ",", "--", "(", ")"]), []);
  assert.deepEqual(typed(""), []);
});

test("a very long sentence is tagged without error and with valid spans", () => {
  const words = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? "Paris" : "and"));
  const spans = loadNerModel().tag(words);
  for (const s of spans) assert.ok(s.start >= 0 && s.end <= words.length && s.start < s.end);
});
