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
    "The victims were about 40 - 50 years old, police said.",
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
  scores: [
    "The home side won 3-2 after extra time.",
    "Spain beat Italy 2–1 in the final on Sunday.",
    "The Chiefs defeated the Eagles 38-35 in a thriller.",
    "Federer won the match 6-4, 3-6, 7-5.",
    "The Senate voted 51-49 to confirm the nominee.",
  ],
  "more phone numbers and addresses": [
    "For tickets call (555) 123-4567 or 020 7946 0958.",
    "Readers can reach the newsroom at 1-800-555-0100.",
    "The embassy is at 221B Baker Street, London NW1 6XE.",
    "Send letters to PO Box 1234, Springfield, IL 62704.",
    "The office moved to Suite 400, 350 Fifth Avenue, New York, NY 10118.",
  ],
  "a text full of years and dates": [
    "Between 1914 and 1918, and again from 1939 to 1945, the city changed hands; in 1991, 2004 and 2014 it voted, and on 24 February 2022 the war came back.",
    "The treaty (signed 12/03/1998, revised 2001-02 and 2010) expires on 31 December 2030, as the 2019 and 2023 reviews noted.",
  ],
  "millions glued as m, codes and units inside names": [
    "Ukraine Airlines flight PS752 was shot down.",
    "The part number is 24703L202 on the invoice.",
    "The two sides met at the UN; no one gave an inch.",
  ],
  "bare fractions that are not amounts": [
    "The second half of the match was delayed.",
    "They waited half an hour for the bus.",
    "He won a third term, and in turn a half share of nothing.",
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

  // speed is a benchmark (scripts/fuzz.mjs budget), not a timed test: the cases stay, checked for bounded, well-formed output
  it("hostile input stays bounded: 100k characters of digits, separators and number words", () => {
    for (const t of ["7".repeat(100_000), "1,".repeat(50_000), "12 ".repeat(33_000), "one ".repeat(25_000),
      "between 5 and 6 million and ".repeat(4000), "1-".repeat(50_000), "\"said 1 ".repeat(12_000),
      "one hundred ".repeat(8000), "one one hundred ".repeat(6000), "1 over one hundred and ".repeat(4000),
      "twenty-first ".repeat(8000), "thousands of ".repeat(8000)]) {
      const qs = figures(t);
      // at most one figure per word-ish token, each inside the text and none overlapping the next
      assert.ok(qs.length <= t.length / 2, `${t.slice(0, 20)}… gave ${qs.length} figures`);
      for (let i = 0; i < qs.length; i++) {
        const [a, b] = qs[i]!.span;
        assert.ok(a >= 0 && a < b && b <= t.length, `${t.slice(0, 20)}… span ${a}-${b}`);
        if (i + 1 < qs.length) assert.ok(b <= qs[i + 1]!.span[0], `${t.slice(0, 20)}… overlapping figures at ${a}`);
      }
    }
  });

  it("unit symbols that are clock times or common words are not units: \"2 pm\", \"in\"", () => {
    for (const q of figures("The vote starts at 2 pm and 3 in 10 voters back it.")) assert.ok(q.unit !== "pm" && q.unit !== "in", JSON.stringify(q));
  });

  it("spelled numbers joined to other words are compounds, not figures: \"one-sided\", \"two-day\", \"three-point\"", () => {
    assert.deepEqual(figures("It was a one-sided two-day match decided by a three-point shot.").map((q) => q.text), []);
  });

  it("\"m\" after a figure is millions, not metres, except before a dimension word or written apart at a clause's end", () => {
    for (const q of figures("The US sent $250m in aid and 4m rounds of ammunition; the 5m people fled.")) assert.notEqual(q.unit, "m", JSON.stringify(q));
    for (const q of figures("Officials counted 5 m people in the region.")) assert.notEqual(q.unit, "m", JSON.stringify(q));
  });

  it("a bare number after a price is no minor part when it counts something or is too big", () => {
    const all = figures("It costs 15 dollars and 20 people paid it; he paid $5 and 150 more.");
    assert.deepEqual(all.filter((q) => q.unit === "USD").map((q) => q.value), [15, 5]);
    assert.deepEqual(figures("They paid $100 and 20 soldiers were killed.").map((q) => q.value), [100, 20]);
    assert.deepEqual(figures("The fund holds 1 billion dollars and 2.").map((q) => q.value), [1e9, 2]);
  });

  it("a dollar sign between two figures stays with the figure it is written before", () => {
    assert.deepEqual(figures("He bought 1 $10 ticket.").map((q) => [q.text, q.unit]), [["1", undefined], ["$10", "USD"]]);
  });

  it("a dash between a name and a temperature is no minus sign", () => {
    assert.deepEqual(figures("Kyiv - 20 degrees Celsius, Lviv - 18 degrees Celsius.").map((q) => q.value), [20, 18]);
  });

  it("two amounts in a list stay two figures: \"$5 and 80 cents\" is not compound when the minor part is too big", () => {
    assert.equal(figures("Bread rose 5 dollars and milk 150 cents.").length, 2);
    assert.equal(figures("The wall is 5 feet and the door 14 inches wide.").length, 2);
  });
});
