// Text that must not produce a date or time: verbs that look like months, ordinals, figures, event-relative phrases.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findTimes } from "./times.js";
import { parseDay } from "./times-calendar.js";

const ref = parseDay("2024-10-26");

// Each must yield no DATE/TIME/SET (a DURATION such as "a week" in "a week after" is allowed: it is a length of time, not a date).
const negatives = [
  "Protesters may gather again outside the embassy.",
  "Thousands march through the capital.",
  "May said the party would win a majority.",
  "March on, she told her supporters.",
  "The second round of talks ended without agreement.",
  "Now that the talks are over, he is an analyst with a think tank.",
  "For now, the border crossing stays closed.",
  "Two thousand protesters marched on the ministry.",
  "The day before the vote, crowds gathered in the square.",
  "Troops march north while the rebels may retreat.",
  "Her march to the final ended in the semi-final.",
  "He scored 2010 points in his career.",
  "Call 555-0142 or 020 7946 0958 for tickets.",
  "Up to 12,000 troops were sent to the border.",
  "The army has 2000 tanks and 400 aircraft.",
  "The vote came a week after the attack.",
  "Unemployment fell to 1.3 percent.",
  "The home side won 3-2 after extra time.",
  "She earns $500 a day as a consultant.",
  "The fall of the regime surprised many observers.",
  "The Arab Spring began in Tunisia.",
  "Sales rose 15 percent to 2,018 units.",
  "Officials said the second phase could start soon.",
  "The museum holds 1,500 paintings from the period.",
  "The party won a quarter of the vote.",
  "Mayor Jane Ortiz opened the new bridge.",
];

for (const sentence of negatives) {
  test(`times negative: ${sentence}`, () => {
    const dates = findTimes(sentence, ref).filter((f) => f.type !== "DURATION").map((f) => sentence.slice(f.span[0], f.span[1]));
    assert.deepEqual(dates, []);
  });
}

test("times negative: 'a week after' is a duration, never a date", () => {
  const found = findTimes("Talks dragged on for over a week after the attack.", ref);
  assert.deepEqual(found.map((f) => [f.type, f.value]), [["DURATION", "P1W"]]);
});

test("times negative: 'now' is the present only as an adverb of time", () => {
  const s = "He is now an analyst with a think tank.";
  assert.deepEqual(findTimes(s, ref).map((f) => [s.slice(f.span[0], f.span[1]), f.value]), [["now", "PRESENT_REF"]]);
});

test("times negative: 'a year ago' without a quarter under discussion stays a year", () => {
  const s = "Sales rose to $5 million from $4 million a year ago.";
  assert.deepEqual(findTimes(s, ref).map((f) => [s.slice(f.span[0], f.span[1]), f.value]), [["a year ago", "2023"]]);
});

test("times negative: 'May' with a day is a date", () => {
  const s = "The ceasefire began on May 5.";
  assert.deepEqual(findTimes(s, ref).map((f) => [s.slice(f.span[0], f.span[1]), f.value]), [["May 5", "2024-05-05"]]);
});
