// What the NER merge must NOT add: lower-case words, run-together sentences, events, overlaps, duplicates.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeMentions, NER_SOURCE } from "./ner-mentions.js";
import { modelMention, runMentions } from "./ner-mentions.test-helpers.js";

const run = runMentions;
const model = modelMention;

test("lower-case text gives no mention", () => {
  assert.deepEqual(run("it was a quiet day and nothing happened at all, the residents said."), []);
});

test("model spans that are no names are dropped", () => {
  const text = "it wasn’t clear what guarantees.He meant by A or by x.";
  const out = mergeMentions([], [
    model("wasn’t", text, "LOC", "LOC"), model("guarantees.He", text, "PER", "PERSON"), model("A", text, "ORG", "ORG"),
  ], text);
  assert.deepEqual(out, []);
});

test("events and other MISC names are not entities", () => {
  const got = run("The Euro 2024 final drew 60,000 fans to the stadium.");
  assert.ok(!got.some((m) => m.source === NER_SOURCE && /Euro/.test(m.text)), JSON.stringify(got));
});

test("no model mention overlaps a rule mention, and none is added twice", () => {
  const got = run("Ukrainian President Volodymyr Zelenskyy met U.S. officials in Kyiv, Ukraine, on Friday.");
  for (let i = 0; i < got.length; i++) {
    for (let j = i + 1; j < got.length; j++) {
      const [a, b] = [got[i]!, got[j]!];
      const overlap = a.span[0] < b.span[1] && b.span[0] < a.span[1];
      assert.ok(!overlap || (a.source !== NER_SOURCE && b.source !== NER_SOURCE), `${a.text} overlaps ${b.text}`);
    }
  }
});

test("thousands of repeated acronyms neither overflow the stack nor add model duplicates", () => {
  const got = run(Array(5000).fill("U.S.").join(" "));
  assert.equal(got.length, 5000);
  assert.ok(got.every((m) => m.text === "U.S." && m.type === "GPE"));
});
