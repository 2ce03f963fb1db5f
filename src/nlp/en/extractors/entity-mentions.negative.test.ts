// Things that must NOT become entity mentions: sentence-initial ordinary words, calendar words, lower-case words.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { entityMentions } from "./entity-mentions.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

function mentionTexts(text: string): string[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions]) s.run(doc);
  return doc.get("mention").map((m) => m.text);
}

function none(text: string, ...forbidden: string[]): void {
  const got = mentionTexts(text);
  for (const f of forbidden) assert.ok(!got.some((g) => g === f || g.startsWith(`${f} `)), `"${f}" found in ${JSON.stringify(got)}\n  text: ${text}`);
}

const cases: [string, string[]][] = [
  ["May was the wettest month on record, the agency said.", ["May"]],
  ["But the talks collapsed after two days.", ["But"]],
  ["Will the central bank raise rates again?", ["Will"]],
  ["Reading is the best way to learn a language, teachers say.", ["Reading"]],
  ["Families bought a roast turkey for the holiday.", ["turkey"]],
  ["While prices fell, wages rose.", ["While"]],
  ["Analysts expect a slowdown in the second half.", ["Analysts"]],
  ["On Thursday the minister resigned.", ["Thursday", "On"]],
  ["Perhaps the strongest reaction came later.", ["Perhaps"]],
  ["Precisely what happened remains unclear.", ["Precisely"]],
  ["The company said in a statement it would appeal.", ["The"]],
  ["Earlier this year, inflation slowed.", ["Earlier"]],
  ["Hopefully the ceasefire will hold.", ["Hopefully"]],
  ["There is no sign of a deal in June.", ["There", "June"]],
  ["He was elected in 2019 and re-elected in 2023.", ["He"]],
  ["The rally drew thousands to the 2018 World Cup final.", ["World"]],
  ["The Union will vote on the proposal next week.", ["Union"]],
];

for (const [text, forbidden] of cases) {
  test(`no entity: ${forbidden.join(", ")} in "${text}"`, () => none(text, ...forbidden));
}

test("a title without a name is no person", () => {
  assert.deepEqual(mentionTexts("The President said nothing."), []);
});

test("a run of thousands of capitalised names is no single name and does not grow the stack", () => {
  const got = mentionTexts(Array(4000).fill("Ukraine Russia").join(" "));
  assert.equal(got.length, 8000);
  assert.ok(!got.some((t) => t.includes(" ")), "no mention spans two of the names");
  assert.equal(mentionTexts(Array(5000).fill("U.S.").join(" ")).length, 5000);
});
