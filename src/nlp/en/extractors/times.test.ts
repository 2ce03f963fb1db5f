// Time expressions in realistic news sentences, resolved against a publication date.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { durationValue, findTimes, times } from "./times.js";
import { isoWeek, parseDay, resolveSeason } from "./times-calendar.js";

/** [text, value] pairs found in `sentence` published on `published`. */
function values(sentence: string, published = "2024-10-26"): [string, string][] {
  return findTimes(sentence, parseDay(published)).map((f) => [sentence.slice(f.span[0], f.span[1]), f.value]);
}

const cases: [string, string, [string, string][]][] = [
  // [sentence, publication date, expected]
  ["The central bank raised interest rates on Wednesday for the third time this year.", "2023-03-24",
    [["Wednesday", "2023-03-22"], ["this year", "2023"]]],
  ["The ministers will meet again on Thursday in Brussels.", "2024-10-26", [["Thursday", "2024-10-31"]]],
  ["Voters went to the polls in March 2019, the first election since the coup.", "2024-10-26", [["March 2019", "2019-03"]]],
  ["The company reported a loss of $2 billion last year and cut 4,000 jobs in January.", "2024-10-26",
    [["last year", "2023"], ["January", "2024-01"]]],
  ["Floods hit the region repeatedly during the summer, killing dozens.", "2024-10-26", [["the summer", "2024-SU"]]],
  ["The talks collapsed last week after negotiators failed to agree on a ceasefire.", "2024-10-26", [["last week", "2024-W42"]]],
  ["The strike ended on Oct. 3, 2023, after 46 days.", "2024-10-26", [["Oct. 3, 2023", "2023-10-03"], ["46 days", "P46D"]]],
  ["Prices have risen sharply in recent weeks, according to the statistics office.", "2024-10-26", [["recent weeks", "PXW"]]],
  ["The 2020 Olympics in Tokyo were postponed by a year.", "2024-10-26", [["2020", "2020"]]],
  ["He spent two and a half years in prison before his release.", "2024-10-26", [["two and a half years", "P2Y6M"]]],
  ["Protesters gathered outside parliament yesterday, three days after the vote.", "2024-10-26",
    [["yesterday", "2024-10-25"], ["three days", "P3D"]]],
  ["The plant closed in the 1990s and has been empty for more than a decade.", "2024-10-26", [["1990s", "199"], ["a decade", "P10Y"]]],
  ["The deal is due to be signed next month, officials said on Friday.", "2024-10-26", [["next month", "2024-11"], ["Friday", "2024-10-25"]]],
  ["Inflation slowed to 2.4% in September, the lowest rate since February 2021.", "2024-10-26",
    [["September", "2024-09"], ["February 2021", "2021-02"]]],
  ["The fire broke out at about 3:30 a.m. on Sunday.", "2024-10-26", [["3:30 a.m. on Sunday", "2024-10-20T03:30"]]],
  ["Elections are scheduled for the spring of 2025.", "2024-10-26", [["the spring of 2025", "2025-SP"]]],
  ["The bridge was built two years ago.", "2024-10-26", [["two years ago", "2022"]]],
  ["Earlier this month, the government announced new sanctions.", "2024-10-26", [["Earlier this month", "2024-10"]]],
  ["Gunmen stormed the border on Oct. 7 last year.", "2024-10-26", [["Oct. 7 last year", "2023-10-07"]]],
  ["The new budget will be unveiled in early December.", "2024-10-26", [["December", "2024-12"]]],
  ["The company expects growth to return in the first half of 2025.", "2024-10-26", [["the first half of 2025", "2025-H1"]]],
  ["A curfew began at 8 p.m. local time.", "2024-10-26", [["8 p.m.", "2024-10-26T20:00"]]],
  ["Shares fell 4% in the third quarter.", "2024-10-26", [["the third quarter", "2024-Q3"]]],
  ["A two-day summit opens on Monday in Geneva.", "2024-10-26", [["two-day", "P2D"], ["Monday", "2024-10-28"]]],
  ["Prices are now higher than before the war.", "2024-10-26", [["now", "PRESENT_REF"]]],
  ["Profit was $3 million in the 2023 second quarter and in this year's third quarter.", "2024-10-26",
    [["the 2023 second quarter", "2023-Q2"], ["this year's third quarter", "2024-Q3"]]],
  ["The accord was signed in nineteen ninety-six.", "2024-10-26", [["nineteen ninety-six", "1996"]]],
  ["The committee will vote on Saturday.", "2024-10-26", [["Saturday", "2024-10-26"]]],
  ["The committee will vote next Saturday.", "2024-10-26", [["next Saturday", "2024-11-02"]]],
  ["The firm agreed in October to acquire the bank in January.", "2024-10-26", [["October", "2024-10"], ["January", "2025-01"]]],
  ["The fire broke out on Friday night.", "2024-10-26", [["Friday night", "2024-10-25"]]],
  ["Shares were bought from Aug. 26 to Oct. 20 at $23.", "2024-10-26", [["Aug. 26", "2024-08-26"], ["Oct. 20", "2024-10-20"]]],
  ["Families gathered on Thanksgiving Day, and stores will open again at Christmas.", "2024-11-30",
    [["Thanksgiving Day", "2024-11-28"], ["Christmas", "2024-12-25"]]],
  ["Voters went to the polls on Election Day 2020.", "2024-10-26", [["Election Day 2020", "2020-11-03"]]],
  ["Shelling resumed last night near the river.", "2024-10-26", [["last night", "2024-10-25TNI"]]],
];

for (const [sentence, published, expected] of cases) {
  test(`times: ${sentence}`, () => {
    assert.deepEqual(values(sentence, published), expected);
  });
}

test("times: a bare month in the future tense looks forward", () => {
  assert.deepEqual(values("The summit will take place in June.", "2024-10-26"), [["June", "2025-06"]]);
});

test("times: ISO weeks and seasons", () => {
  assert.equal(isoWeek({ y: 2024, m: 10, d: 19 }), "2024-W42");
  assert.equal(isoWeek({ y: 2021, m: 1, d: 3 }), "2020-W53");
  assert.equal(resolveSeason({ y: 2024, m: 1, d: 15 }, 12, "past", "this"), 2023);
  assert.equal(durationValue(2.5, "year"), "P2Y6M");
});

test("times: stage gives exact spans into the document and ids", () => {
  const text = "Headline\n\nThe vote was held on Tuesday. Results are expected in December.";
  const doc = new Document(text, { published: "2024-11-07" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  const found = doc.get("time");
  assert.deepEqual(found.map((t) => [t.id, text.slice(t.span[0], t.span[1]), t.value, t.type]), [
    ["t1", "Tuesday", "2024-11-05", "DATE"],
    ["t2", "December", "2024-12", "DATE"],
  ]);
});

test("times: without a publication date only absolute dates get values, with a warning for the rest", () => {
  const text = "The treaty was signed in July 1990 and ratified on Monday.";
  const doc = new Document(text, {});
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => t.value), ["1990-07"]);
  assert.equal(doc.messages.length, 1);
});

test("times: 'a year ago' after a named quarter is that quarter a year before", () => {
  const text = "Third-quarter profit rose 5% to $12 million. That compares with $10 million a year ago. For the nine months, profit was $30 million, up from $28 million a year earlier.";
  const doc = new Document(text, { published: "1989-11-02" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [
    ["Third-quarter", "1989-Q3"],
    ["a year ago", "1988-Q3"],
    ["nine months", "P9M"],
    ["a year earlier", "1988"],
  ]);
});

test("times: a run-on sentence of thousands of dates is read in pieces, each date once and whole", () => {
  const unit = "officials met on Oct. 24, 2024 and again on March 3, 2023 and ";
  const s = unit.repeat(200);
  const found = findTimes(s, parseDay("2024-10-26"));
  assert.equal(found.length, 400);
  assert.deepEqual([...new Set(found.map((f) => `${s.slice(f.span[0], f.span[1])}=${f.value}`))].sort(), ["March 3, 2023=2023-03-03", "Oct. 24, 2024=2024-10-24"]);
});
