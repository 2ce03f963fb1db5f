// Tests of English number parsing: digits, words, mixtures, fractions, percents, currencies, vague amounts.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findNumbers, parseNumber } from "./numbers.js";

const VALUES: [string, number][] = [
  ["12,000", 12000], ["1.3", 1.3], ["1,000.5", 1000.5], ["1,234,567", 1234567], [".08", 0.08],
  ["Twelve thousand", 12000], ["one million", 1e6], ["two and a half", 2.5], ["half a million", 5e5],
  ["a dozen", 12], ["three dozen", 36], ["a third", 1 / 3], ["two thirds", 2 / 3], ["three quarters", 0.75],
  ["one-eighth", 0.125], ["1.3 million", 1.3e6], ["2.5bn", 2.5e9], ["10k", 1e4], ["€3m", 3e6], ["$4 billion", 4e9],
  ["US$ 2.1 trillion", 2.1e12], ["one hundred and sixty-one", 161], ["twenty-one trillion three hundred", 21000000000300],
  ["five and a half million", 5.5e6], ["one million and a half", 1.5e6], ["quarter million", 2.5e5],
  ["two hundred point zero three", 200.03], ["4 thousand 3 hundred and 21", 4321], ["40%", 40], ["40 per cent", 40],
  ["3.5 percent", 3.5], ["hundreds", 100], ["tens of thousands", 1e4], ["hundreds of thousands", 1e5],
  ["several hundred", 300], ["a few thousand", 3000], ["1.111.111,5", 1111111.5],
];

describe("numbers: values", () => {
  for (const [text, want] of VALUES) {
    it(text, () => {
      const v = parseNumber(text);
      assert.ok(v !== undefined, `no single number in "${text}": ${JSON.stringify(findNumbers(text))}`);
      assert.ok(Math.abs(v - want) <= 1e-9 * Math.max(1, Math.abs(want)), `${text} → ${v}, want ${want}`);
    });
  }
});

describe("numbers: kinds and decorations", () => {
  it("currency codes and signs", () => {
    assert.equal(findNumbers("$4 billion")[0]!.currency, "USD");
    assert.equal(findNumbers("C$ 300")[0]!.currency, "CAD");
    assert.equal(findNumbers("€3m")[0]!.currency, "EUR");
    assert.equal(findNumbers("£20")[0]!.currency, "GBP");
    assert.equal(findNumbers("300 euros")[0]!.currency, "EUR");
    assert.equal(findNumbers("USD 5 million")[0]!.currency, "USD");
  });
  it("percent and percentage points", () => {
    const p = findNumbers("rose 2 percentage points to 45%");
    assert.deepEqual(p.map((m) => [m.kind, m.percentUnit, m.value]), [["percent", "percentage points", 2], ["percent", "%", 45]]);
  });
  it("vague amounts are marked vague", () => {
    assert.equal(findNumbers("dozens of people")[0]!.kind, "vague");
    assert.equal(findNumbers("thousands of foreign fighters")[0]!.value, 1000);
  });
  it("glued units are kept apart from scale suffixes", () => {
    const [m] = findNumbers("a 155mm shell");
    assert.equal(m!.unit, "mm");
    assert.equal(m!.value, 155);
    assert.equal(findNumbers("29km")[0]!.unit, "km");
  });
  it("ordinals and decades are not cardinals", () => {
    assert.deepEqual(findNumbers("the 5th and 21st floors in the 1990s"), []);
    assert.deepEqual(findNumbers("the first and second rounds"), []);
  });
  it("several numbers in a sentence, each once", () => {
    const ms = findNumbers("Between 10,000 and 12,000 troops, and 1.3 million soldiers");
    assert.deepEqual(ms.map((m) => m.value), [10000, 12000, 1.3e6]);
  });
  it("two spelled numbers side by side stay two", () => {
    assert.deepEqual(findNumbers("five six").map((m) => m.value), [5, 6]);
  });
  it("a fraction before a scale word is that share of it", () => {
    assert.deepEqual(findNumbers("a half million people").map((m) => m.value), [500000]);
    assert.deepEqual(findNumbers("a quarter million dollars").map((m) => m.value), [250000]);
    assert.deepEqual(findNumbers("three quarters billion").map((m) => m.value), [7.5e8]);
    assert.deepEqual(findNumbers("a third of the troops").map((m) => m.value), [1 / 3]);
  });
  it("digits after a big scale and \"and\" are another number; after \"hundred\" they go on", () => {
    assert.deepEqual(findNumbers("$1 billion and 2 more").map((m) => m.value), [1e9, 2]);
    assert.deepEqual(findNumbers("3 hundred and 21").map((m) => m.value), [321]);
    assert.deepEqual(findNumbers("one billion and two").map((m) => m.value), [1000000002]);
  });
});
