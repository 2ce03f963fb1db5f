// Negative cases for the figure stage: numbers that are not claims about quantities must produce no figure.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { figures } from "./quantities.test-helpers.js";

const NONE: Record<string, string[]> = {
  years: [
    "The war began in 2022 and the talks collapsed in March 2023.",
    "The 2018 World Cup was hosted by Russia.",
    "Prices have doubled since 1998, when the reform began.",
    "The group said it would fight on in the style of the 1990s.",
    "The famine of 1932-33 is remembered every November, as is the crisis of 2014-2015.",
    "Two decades ago, the alliance expanded eastwards.",
  ],
  dates: [
    "The summit was held on June 5, 2024, in Geneva.",
    "The ceasefire took effect on 5 June after weeks of talks.",
    "The attacks of 9/11 changed American foreign policy.",
    "The deadline is 31/12/2025 for all applications.",
    "Voting closes on the 3rd of November.",
    "Talks were held between March 13 and 17 in Istanbul.",
    "The conference takes place on September 23-27 in Vienna.",
  ],
  "times of day": [
    "The ceasefire took effect at 10:30 local time.",
    "The meeting starts at 5 pm and ends at 7 p.m.",
    "In Brussels at 12.30 there will be an extraordinary summit.",
  ],
  ages: [
    "A 45-year-old woman and her 12-year-old son were treated in hospital.",
    "The suspect, aged 32, appeared in court on Tuesday.",
    "John Smith, 54, said he had lived there all his life.",
    "The singer, who is 81 years old, cancelled the tour.",
  ],
  ordinals: [
    "It was the first time the second-largest party had won.",
    "She finished 2nd in the race and 3rd in the final.",
    "They met for a second time, a third time and then a fourth.",
  ],
  "pronoun one": [
    "He is one of the most senior officials in the government.",
    "One thing is clear: the negotiations will take time.",
    "No one was hurt in the blast.",
    "The two leaders shook hands at the end of the summit.",
  ],
  "model and product names": [
    "Ukraine has asked for more F-16 fighter jets and Patriot systems.",
    "The COVID-19 pandemic hit the economy hard.",
    "The Su-35 and MiG-29 jets were seen over the city.",
    "The G7 leaders met in Italy.",
    "The Boeing 737 Max was grounded worldwide.",
    "It was the largest battle since World War Two.",
    "Critics called it a Versailles 2.0 for the region.",
  ],
  "labels and references": [
    "Under Article 5 of the NATO treaty, an attack on one is an attack on all.",
    "He was listed as No. 5 on the wanted list.",
    "See page 12 and section 3 for details.",
    "1. The Treaty of Portsmouth ended the war.",
    "UN Security Council Resolution 2231 endorsed the deal.",
  ],
  "addresses and phone numbers": [
    "Officials met at 10 Downing Street on Monday.",
    "The building at 1600 Pennsylvania Avenue was closed.",
    "Call the hotline on +1-222-555-0199 for details.",
  ],
  "bare fractions that are not amounts": [
    "The second half of the match was delayed.",
    "They waited half an hour for the bus.",
  ],
};

describe("quantities: negative cases", () => {
  for (const [group, sentences] of Object.entries(NONE)) {
    it(`no figures: ${group}`, () => {
      for (const s of sentences) {
        const got = figures(s);
        assert.deepEqual(got.map((q) => q.text), [], `figures found in: ${s}`);
      }
    });
  }

  it("hostile input stays linear: 100k characters of digits, separators and number words", () => {
    for (const t of ["7".repeat(100_000), "1,".repeat(50_000), "12 ".repeat(33_000), "one ".repeat(25_000),
      "between 5 and 6 million and ".repeat(4000), "1-".repeat(50_000), "\"said 1 ".repeat(12_000),
      "one hundred ".repeat(8000), "one one hundred ".repeat(6000), "1 over one hundred and ".repeat(4000),
      "twenty-first ".repeat(8000), "thousands of ".repeat(8000)]) {
      const t0 = performance.now();
      figures(t);
      const ms = performance.now() - t0;
      assert.ok(ms < 2000, `${t.slice(0, 20)}… took ${ms.toFixed(0)} ms`);
    }
  });
});
