// Text that must not produce a date or time: verbs that look like months, ordinals, figures, event-relative phrases.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { findTimes, times } from "./times.js";
import { parseDay } from "./times-calendar.js";

const ref = parseDay("2024-10-26");

// Each must yield no DATE/TIME/SET (a DURATION such as "a week" in "a week after" is allowed: it is a length of time, not a date).
const negatives = [
  "Protesters may gather again outside the embassy.",
  "Thousands march through the capital.",
  "May said the party would win a majority.",
  "March on, she told her supporters.",
  "The second round of talks ended without agreement.",
  // "from now on", "by now" are idioms ("for now", "until now" and "now that" reach the present: see times.test.ts)
  "From now on the border crossing stays closed.",
  "By now the talks should be over.",
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
  // "March" the noun and "May" the verb, capitalised where a month could stand
  "Thousands joined the March for Our Lives in the capital.",
  "May the best team win.",
  // the present age and the future in general, no day: "today's youth", "the people of tomorrow"
  "The case is for today's youth what the blockade was for their parents.",
  "If I were choosing the people of tomorrow, I would choose these.",
  // a rate of a figure, not a recurring time
  "Revenue will rise 8.5% annually through the decade's end.",
  "That is 5% of the average daily volume.",
  // a programme's name in title case
  "The minister appeared on This Week with the anchor.",
  // a sentence-opening "Now," turns the story
  "Now, he says, the plan has failed.",
  // "then current" is the past's present, not ours
  "Holders may buy shares at the then current market price.",
  // prices in eighths and rates with fractions are no day and month
  "The notes, paying 12 3/4%, rose 4 5/8 to 112 5/8.",
  // "the future of" is a fate, "short-term" an adjective of debt
  "The future of the company is uncertain.",
  "Short-term debt rose and the short-term outlook is poor.",
  // a past "the third day of" is not the day of writing
  "The vote was the third day of protests.",
  // "year-end" as an adjective of a figure
  "Year-end net was below the level of the year before.",
  // "March" after "the" and before a preposition is a procession
  "The March on Washington drew crowds.",
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

test("times negative: an age is not a length of time", () => {
  for (const s of ["Mr. Reupke, 52 years old, was named chief.", "Employees 55 years old or older may retire.", "A 5-year-old boy was rescued."]) {
    assert.deepEqual(findTimes(s, ref).map((f) => s.slice(f.span[0], f.span[1])), [], s);
  }
});

test("times negative: 'next to' and a pluperfect plan do not point ahead", () => {
  const s = "The offer had been scheduled to expire on Friday.";
  assert.deepEqual(findTimes(s, ref).map((f) => f.value), ["2024-10-25"]);
});

test("times negative: a spoken number before a plural noun is a count, not a year", () => {
  const s = "Nineteen ninety soldiers crossed the border.";
  assert.deepEqual(findTimes(s, ref), []);
});

test("times negative: a programme's title is no length of time", () => {
  const s = "He said so on CBS's 60 Minutes and on 48 Hours.";
  assert.deepEqual(findTimes(s, ref), []);
});

test("times negative: a part of a day of a named day is not the day of publication", () => {
  const s = "He was arrested in the early morning hours of Thursday.";
  assert.deepEqual(findTimes(s, ref).map((f) => s.slice(f.span[0], f.span[1])), ["Thursday"]);
});

test("times negative: a count after a date is no second day of its month", () => {
  for (const s of ["The talks ended on March 3 and 25 people died.", "Shares fell on May 5 and 26 percent of them were sold."]) {
    assert.deepEqual(findTimes(s, ref).filter((f) => f.type === "DATE").map((f) => s.slice(f.span[0], f.span[1])), [s.includes("March") ? "March 3" : "May 5"], s);
  }
});

test("times negative: an irregular past participle after 'be' is no past tense", () => {
  // "will be held Monday" is a plan: the passive takes its tense from "will"
  const s = "The talks will be held on Monday in Geneva.";
  assert.deepEqual(findTimes(s, ref).map((f) => f.value), ["2024-10-28"]);
});

test("times negative: a bare 'that day' and 'the day before' an event are no dates of their own", () => {
  for (const s of ["You get strong redemptions that day and for two days following.", "He was last seen on Nov. 3, the day before the warrant was issued."]) {
    assert.deepEqual(findTimes(s, ref).filter((f) => f.type === "DATE").map((f) => s.slice(f.span[0], f.span[1])), s.includes("Nov.") ? ["Nov. 3"] : [], s);
  }
});

test("times negative: a quarter still to come is not the period a 'year-ago' figure compares with", () => {
  const s = "Steelmakers will report losses through the third quarter of 2025. In the year-ago period, it earned $10 million.";
  const doc = new Document(s, { published: "2024-10-26" });
  for (const stage of [paragraphs, sentences, times]) stage.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["the third quarter of 2025", "2025-Q3"], ["the year-ago period", "2023"]]);
});

test("times negative: 'quarter-to-quarter' names no quarter", () => {
  assert.deepEqual(findTimes("The quarter-to-quarter comparison was also enhanced by charges.", ref).map((f) => f.value), []);
});

test("times negative: runs of 40,000 spaces between time words stay linear (< 100 ms of CPU each; a quadratic scan of 40,000 characters takes seconds)", () => {
  const sp = " ".repeat(40_000);
  const inputs = [
    sp, `the${sp}x`, `said Friday${sp}later that${sp}day`, `the year-ago${sp}nine`, `the third quarter${sp}a year`,
    `in early${sp}summer the${sp}previous${sp}Friday`, `The day before${sp}Tuesday through${sp}January will${sp}`, `${sp}now that${sp}met${sp}`,
    `the corresponding${sp}period${sp}last year the quarter${sp}ended${sp}July 31`, `it will one${sp}day${sp}be over${sp}the years${sp}to`,
    `USA${sp}Today the latest${sp}fiscal year a hastily${sp}planned${sp}Friday`,
    `as${sp}soon${sp}as${sp}soon${sp}after will${sp}soon`, `$3 million${sp}last year${sp}'s by year${sp}-end${sp}end`,
    `recent weeks${sp}and${sp}months most${sp}recently${sp}last`, `the first${sp}two${sp}quarters${sp}of${sp}1990 as long${sp}as${sp}a month`,
    `The quarter${sp}-to-quarter the quarter${sp}the quarter`,
  ];
  findTimes("warm-up on Friday, Jan. 5, 2024, last year", ref);
  for (const s of inputs) {
    // the best of three runs: CPU time, not wall time, and the least disturbed by other processes
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = process.cpuUsage();
      findTimes(s, ref);
      const u = process.cpuUsage(t);
      best = Math.min(best, (u.user + u.system) / 1000);
    }
    assert.ok(best < 100, `${best} ms for ${JSON.stringify(s.slice(0, 20))}…`);
  }
});
