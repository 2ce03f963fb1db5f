// The seed article against its hand-made reference: the record validates, and each category meets its bar.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { formatGoldScore, GOLD_BARS, scoreGold, type Gold } from "../src/eval/gold-score.js";
import { validateRecord } from "../src/eval/validate-record.js";
import { extractText } from "../src/index.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "seed-article");
const gold = JSON.parse(readFileSync(path.join(dir, "gold.json"), "utf8")) as Gold;
const text = readFileSync(path.join(dir, gold.input.file), "utf8");
const { title, outlet, published } = gold.input;
const record = extractText(text, { title, outlet, published });

test("the seed record is valid v1 and its spans point at their text", () => {
  assert.deepEqual(validateRecord(record), []);
  assert.equal(record.text, text);
});

const score = scoreGold(record, gold);
console.log(formatGoldScore("seed", score));
for (const cat of Object.keys(GOLD_BARS) as (keyof typeof GOLD_BARS)[]) {
  test(`seed ${cat}: at least ${GOLD_BARS[cat] * 100}% of the required items`, () => {
    const s = score[cat];
    assert.ok(s.ok / s.n >= GOLD_BARS[cat], `${cat} ${s.ok}/${s.n}; misses:\n  ${s.misses.join("\n  ")}`);
  });
}
