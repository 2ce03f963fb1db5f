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
  // "last/this <month>": strictly before publication's month; the month just before is a year further back
  ["The two helicopters crashed last February.", "1998-03-01", [["last February", "1997-02"]]],
  ["The ministers met last May in Vienna.", "1998-02-27", [["last May", "1997-05"]]],
  ["The offices were raided last December.", "1989-10-30", [["last December", "1988-12"]]],
  ["The talks resume this September.", "1998-06-26", [["this September", "1998-09"]]],
  // parts of day: the evening is kept (TEV), the night and the morning give the bare day
  ["The offer had been due to expire Friday evening.", "1989-10-30", [["Friday evening", "1989-10-27TEV"]]],
  ["The deadline passed at noon Thursday.", "1998-02-13", [["noon Thursday", "1998-02-12T12:00"]]],
  // recurring days and months are SETs
  ["Flights leave on Tuesday nights and each Thursday.", "1998-02-13", [["Tuesday nights", "XXXX-WXX-2TNI"], ["each Thursday", "XXXX-WXX-4"]]],
  ["The festival is held each July; dividends are paid every quarter.", "1998-03-22", [["each July", "XXXX-07"], ["every quarter", "P1Q"]]],
  // centuries and decades by their leading digits
  ["Prices rose in the nineties, as in the 20th century and the late '80s.", "1998-01-21", [["the nineties", "199"], ["the 20th century", "19"], ["the late '80s", "198"]]],
  // "the last decade" is the calendar decade before; "the past decade" a stretch of ten years
  ["Growth slowed in the last decade and over the past decade.", "1998-02-06", [["last decade", "198"], ["the past decade", "P10Y"]]],
  // financial years: the year of publication, and a reporting year ending on a date
  ["Kellogg forecast an earnings increase for the full year.", "1989-10-30", [["the full year", "1989"]]],
  ["For the year ended Sept. 30, Ralston earned $422.5 million.", "1989-11-02", [["the year", "P1Y"], ["Sept. 30", "1989-09-30"]]],
  // adjectives of time: "current" is the present
  ["The company delayed construction because of current market conditions.", "1989-10-30", [["current", "PRESENT_REF"]]],
  ["Now officials are investigating the bombing.", "1998-02-12", [["Now", "PRESENT_REF"]]],
  // "almost a hundred years" is a hundred, not a hundred and one
  ["The bridge has stood for almost a hundred years.", "1998-02-13", [["a hundred years", "P100Y"]]],
  // a spoken year is read whole before a capitalised name
  ["In nineteen ninety-one Charles Keating was convicted.", "1998-01-15", [["nineteen ninety-one", "1991"]]],
  ["His promise to halve unemployment by the year two thousand has now been abandoned.", "1998-03-03",
    [["the year two thousand", "2000"], ["now", "PRESENT_REF"]]],
  // "shot to death on Oct. 23" is no plan ahead: the past October
  ["Slepian was shot to death on the night of Oct. 23 in his kitchen.", "1999-05-05", [["Oct. 23", "1998-10-23"]]],
  // "next to" is a place, not a future: the past Friday
  ["Dozens were wounded in the blasts next to the embassies on Friday.", "1998-08-08", [["Friday", "1998-08-07"]]],
  // "at 1" after a date with no clock mark is no time: the date alone
  ["The bank may buy the stake after Jan. 1, 1990 at 1,015 francs a share.", "1989-10-27", [["Jan. 1, 1990", "1990-01-01"]]],
  // the granularity written: a week of a date, the month of "the end of November"
  ["The case may be settled at a hearing the week of March 6.", "2000-02-24", [["the week of March 6", "2000-W10"]]],
  ["Unisys aims to cut costs by the end of November.", "1989-11-02", [["end of November", "1989-11"]]],
  // a period that ended lies behind, however far back
  ["In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.", "1989-10-31", [["the fiscal year", "P1Y"], ["Jan. 31", "1989-01-31"]]],
  // "this summer" is the summer of publication's year, still to come in March
  ["Police expect more bombs this summer.", "1998-03-22", [["this summer", "1998-SU"]]],
  // market weeks: "for the week" leaves the week number unstated; "ahead of the weekend" looks forward
  ["For the week, the index dropped 3.8%.", "1989-10-30", [["the week", "1989-WXX"]]],
  ["Traders had squared positions ahead of the weekend.", "1989-10-30", [["the weekend", "1989-W44-WE"]]],
  // a capitalised -ed word is no past tense ("United"), a capitalised "May" no modal
  ["The father would be traveling to the United States Thursday.", "2000-04-05", [["Thursday", "2000-04-06"]]],
  // durations with a qualifier and counts in words
  ["Trading was halted for eight trading days, and the pact was extended for an additional year.", "1989-10-30", [["eight trading days", "P8D"], ["an additional year", "P1Y"]]],
  ["Talks could take a couple of years.", "1998-01-08", [["a couple of years", "P2Y"]]],
  ["Updates are issued hourly.", "1998-01-08", [["hourly", "PT1H"]]],
  // years joined to a second year or after "for"
  ["The deal will dilute earnings in both 1990 and 1991, and the firm is confident for 1990 and beyond.", "1989-10-30",
    [["1990", "1990"], ["1991", "1991"], ["1990", "1990"]]],
  // a plan after an infinitive takes the nearer side of publication, across a long object with commas
  ["Thermo Electron agreed to purchase Milton Roy's liquid-chromatography line for $22 million in February.", "1989-10-30", [["February", "1990-02"]]],
  ["The bank agreed to acquire the Peoria, Ill., bank holding company in January.", "1989-11-02", [["January", "1990-01"]]],
  // vague spans ahead: some weeks or months from now, the near term, a later date
  ["The economy will slow in coming months, and rates may fall in the weeks ahead.", "1998-02-06", [["coming months", "PXM"], ["the weeks ahead", "PXW"]]],
  ["We don't minimize the challenges of the near term, and will decide at a later date.", "1989-10-30", [["the near term", "FUTURE_REF"], ["a later date", "FUTURE_REF"]]],
  // a part of a day alone falls on the day of publication, as a clock time alone does
  ["By mid afternoon, officials said the operation was over; he appears in court at midday.", "1998-03-06", [["mid afternoon", "1998-03-06TAF"], ["midday", "1998-03-06T12:00"]]],
  ["In London at mid-afternoon yesterday, the shares traded at 204 pence.", "1989-11-02", [["mid-afternoon yesterday", "1989-11-01TAF"]]],
  // the fiscal year and "earlier in the year": the year of publication
  ["Earnings for the fiscal year will fall, after rains earlier in the year.", "1989-11-02", [["the fiscal year", "1989"], ["the year", "1989"]]],
  // "the past year" is last year, as TimeBank dates it; "the past week" stays a stretch of time
  ["Hate groups grew over the past year and spread in the past week.", "1998-03-03", [["the past year", "1997"], ["the past week", "P1W"]]],
  // a month used as an adjective after "the"
  ["The March accession will enable the three countries to join.", "1999-02-10", [["March", "1999-03"]]],
  // tense: a plan reported in the past progressive points ahead; "since" reaches back; the verb of
  // attribution after a quotation does not set the tense of what was quoted
  ["Protesters planned a demonstration in Little Havana on Saturday and were planning to drive around the airport.", "2000-01-07", [["Saturday", "2000-01-08"]]],
  ["The carrier, which has been on patrol since March, was scheduled to return to port.", "1990-08-13", [["March", "1990-03"]]],
  ["''This father will leave at 4 a.m. EDT Thursday,'' Castro said.", "2000-04-05", [["4 a.m. EDT Thursday", "2000-04-06T04:00"]]],
  ["He said, “In January the new plant opens.”", "2024-10-26", [["January", "2025-01"]]],
  // no tense and a day half a year off either way: the one behind
  ["The index closed within 70 points of its record high set on Aug. 6.", "1998-02-06", [["Aug. 6", "1997-08-06"]]],
  // a holiday a few days off is that one, whatever the tense; "Easter week" is the week of Easter
  ["Protesters prayed for divine help as Easter week began.", "2000-04-17", [["Easter week", "2000-W16"]]],
  ["Shoppers crowded the stores before Christmas.", "2024-12-20", [["Christmas", "2024-12-25"]]],
  // "April 24 and 25": two days of one month
  ["The accession will be held at the summit on April 24 and 25.", "1999-02-10", [["April 24", "1999-04-24"], ["25", "1999-04-25"]]],
  // "a week or so ago"; "for a while" and "for some time" last an unknown stretch
  ["Then, a week or so ago, the general picked the date.", "1991-02-25", [["a week or so ago", "1991-W08"]]],
  ["They will have to live without it for a while, and troops may stay for some time.", "1998-01-11", [["a while", "PXX"], ["some time", "PXX"]]],
  // "today is the eighth day of": the day of writing
  ["It's the second day of an offensive by the security forces.", "1998-03-06", [["the second day", "1998-03-06"]]],
  // vague stretches, a week of publication and a set, as TimeBank marks them
  ["Prices rose in the past few years, and earlier this week the bank cut rates; it reports weekly.", "2024-10-23",
    [["the past few years", "PXY"], ["earlier this week", "2024-W43"], ["weekly", "P1W"]]],
  // the end of the year, as "by the end of the year": publication's year, the last one after "since";
  // the compound "year-end" is the closing day itself
  ["The deal should close by year's end; prices are up 5% since year-end.", "1989-10-30", [["year's end", "1989"], ["year-end", "1988-12-31"]]],
  ["The company expects to complete the sale by year-end, and the bonus is paid around year end.", "1989-10-30", [["year-end", "1989-12-31"], ["year end", "1989"]]],
  // a season of a spoken year
  ["The ban began in the winter of nineteen ninety-four.", "1998-02-23", [["the winter of nineteen ninety-four", "1994-WI"]]],
  // "for now" and "until now" reach the present (TBAQ marks 4 of 6)
  ["For now, the State Department says, the embassy works from a hotel.", "1998-09-07", [["now", "PRESENT_REF"]]],
  ["No woman has been in charge of a mission until now.", "1998-03-04", [["now", "PRESENT_REF"]]],
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

test("times: 'the following year' and 'later that year' count from the date last written out", () => {
  const text = "On May 22, 1995, Farkas was made a general, and the following year he was appointed attache. He fled to Florida in June 1998 and returned later that year. The vote comes next year.";
  const doc = new Document(text, { published: "1999-04-18" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [
    ["May 22, 1995", "1995-05-22"],
    ["the following year", "1996"],
    ["June 1998", "1998-06"],
    ["later that year", "1998"],
    ["next year", "2000"],
  ]);
});

test("times: with no date written before, 'that year' is the year of publication", () => {
  const text = "Imports reached $1.5 billion that year.";
  const doc = new Document(text, { published: "1989-11-02" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["that year", "1989"]]);
});

test("times: a named quarter stays the period compared for five sentences", () => {
  const text = "Third-quarter profit rose 5%. Sales rose. Costs fell. Margins grew. Debt fell. Net was $3 million, up from $2 million a year earlier.";
  const doc = new Document(text, { published: "1989-11-02" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["Third-quarter", "1989-Q3"], ["a year earlier", "1988-Q3"]]);
});

test("times: a bare clock time is on the day named a few sentences before, else on publication's day", () => {
  const text = "Two bombs exploded on Friday. No one has claimed responsibility. The blast in Nairobi occurred at about 10:35 a.m. Officials met. Talks went on. Aid came. A curfew starts at 8 p.m.";
  const doc = new Document(text, { published: "1998-08-08" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [
    ["Friday", "1998-08-07"],
    ["10:35 a.m.", "1998-08-07T10:35"],
    ["8 p.m.", "1998-08-08T20:00"],
  ]);
});

test("times: irregular past verbs date a bare weekday behind publication", () => {
  // no "-ed" form and no auxiliary: the simple past of "meet", "flee", "hold" is the tense cue
  assert.deepEqual(values("The two leaders met Monday in Geneva.", "2024-10-26"), [["Monday", "2024-10-21"]]);
  assert.deepEqual(values("Thousands fled on Thursday as the river rose.", "2024-10-26"), [["Thursday", "2024-10-24"]]);
  // a present-tense plan still looks ahead
  assert.deepEqual(values("The two leaders will meet Monday in Geneva.", "2024-10-26"), [["Monday", "2024-10-28"]]);
});

test("times: 'now that' is the present, as TimeBank marks it", () => {
  assert.deepEqual(values("Iran may side with Iraq now that it faces the United States.", "1990-08-13"), [["now", "PRESENT_REF"]]);
});

test("times: a deadline month in a past-tense report takes the nearer side of publication", () => {
  // "extended … through January" in an October paper is the coming January
  assert.deepEqual(values("The bank extended $90 million in loans through January.", "1989-10-26"), [["January", "1990-01"]]);
  // without the deadline word the past tense decides
  assert.deepEqual(values("The bank extended $90 million in loans in January.", "1989-10-26"), [["January", "1989-01"]]);
});

test("times: 'the early summer', 'late spring': a season with its part", () => {
  assert.deepEqual(values("Orders have risen from the low levels of the early summer.", "1989-10-26"), [["the early summer", "1989-SU"]]);
  assert.deepEqual(values("Planting began in late spring.", "2024-10-26"), [["late spring", "2024-SP"]]);
});

test("times: 'the year-earlier nine months' is a nine-month period", () => {
  assert.deepEqual(values("Net for the year-earlier nine months included a gain.", "1989-10-26"), [["the year-earlier nine months", "P9M"]]);
});

test("times: 'the day before' or 'after' a named day is one day off it", () => {
  assert.deepEqual(values("The day before last Tuesday's hearing, he went to the house.", "2000-02-24"), [["The day before last Tuesday", "2000-02-21"]]);
});

test("times: 'the next morning', 'that same day', 'the previous Friday' continue the story's time line", () => {
  const text = "The blast hit the embassy on Aug. 7, 1998. Rescuers arrived the next morning. " +
    "Prices closed lower Friday. They were down 4.5% from the previous Friday. " +
    "The clinic was attacked last October. His name was crossed out that same day.";
  const doc = new Document(text, { published: "1999-02-06" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [
    ["Aug. 7, 1998", "1998-08-07"],
    ["the next morning", "1998-08-08"],
    ["Friday", "1999-02-05"],
    ["the previous Friday", "1999-01-29"],
    ["last October", "1998-10"],
    // the date last named is a month: a day of it (TIMEX3 XX)
    ["that same day", "1998-10-XX"],
  ]);
});

test("times: 'the quarter a year ago' is the quarter under discussion, a year back", () => {
  assert.deepEqual(values("For the quarter a year ago, the bank earned $16.3 million.", "1989-10-26"), [["the quarter a year ago", "1988-Q3"]]);
});

test("times: without a publication date 'the next day' still follows a date written out", () => {
  const doc = new Document("The treaty was signed on May 3, 1995. Troops withdrew the next day.", {});
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["May 3, 1995", "1995-05-03"], ["the next day", "1995-05-04"]]);
});

test("times: 'Monday and Tuesday nights': the plural part of day makes both days recur", () => {
  assert.deepEqual(values("Two new flights will leave on Monday and Tuesday nights.", "1998-02-13"), [
    ["Monday", "XXXX-WXX-1TNI"],
    ["Tuesday nights", "XXXX-WXX-2TNI"],
  ]);
});

test("times: 'the corresponding period last year' is the quarter under discussion, a year back", () => {
  const text = "Third-quarter profit rose 12% to $40 million. That compares with $30 million for the corresponding period last year.";
  const doc = new Document(text, { published: "1989-10-26" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["Third-quarter", "1989-Q3"], ["the corresponding period last year", "1988-Q3"]]);
});

test("times: 'the quarter ended July 31' is the calendar quarter of its middle month", () => {
  assert.deepEqual(values("In the quarter ended July 31, the retailer lost $2 million.", "1989-10-30"), [["the quarter", "1989-Q2"], ["July 31", "1989-07-31"]]);
  // a September end is the third quarter, as before
  assert.deepEqual(values("Sales rose in the quarter ended Sept. 30.", "1989-10-30"), [["the quarter", "1989-Q3"], ["Sept. 30", "1989-09-30"]]);
  // an ordinal names the company's own fiscal quarter and is kept
  assert.deepEqual(values("Sales rose in the fourth quarter ended Aug. 26.", "1989-10-30"), [["the fourth quarter", "1989-Q4"], ["Aug. 26", "1989-08-26"]]);
});

test("times: 'the latest fiscal year' is the last complete one", () => {
  assert.deepEqual(values("The chain had sales of $6 billion in the latest fiscal year.", "1989-10-26"), [["the latest fiscal year", "1988"]]);
});

test("times: adverbial 'one day' is some future time, a day's length otherwise", () => {
  assert.deepEqual(values("Analysts say the region will one day be the largest market.", "1998-03-03"), [["one day", "FUTURE_REF"]]);
  assert.deepEqual(values("The new chairman had been in the job only one day.", "1989-10-26"), [["one day", "P1D"]]);
  assert.deepEqual(values("The rebels took the town one day after the ceasefire.", "1989-10-26"), [["one day", "P1D"]]);
});

test("times: tense cues that are not verbs of the clause", () => {
  // "untouched" is an adjective: the clause's "will" decides
  assert.deepEqual(values("The airline will double its flights by August in search of markets untouched by the crisis.", "1998-02-13"), [["August", "1998-08"]]);
  // "the hastily planned trip" names a plan; the past-tense "lifted" dates Friday
  assert.deepEqual(values("On Friday, as the minister cut short a hastily planned trip, the government lifted the warning.", "1998-08-17"), [["Friday", "1998-08-14"]]);
  // a clause opened by "Until Thursday" takes the tense of its own verb; "given until Tuesday" is a deadline ahead
  assert.deepEqual(values("Until Thursday, the police had not called him a suspect.", "1999-05-07"), [["Thursday", "1999-05-06"]]);
  assert.deepEqual(values("The relatives were given until Tuesday to sign the paper.", "2000-04-03"), [["Tuesday", "2000-04-04"]]);
});

test("times: a travel verb in the present schedules a bare weekday ahead", () => {
  assert.deepEqual(values("The two leaders meet separately Monday with the envoy.", "1998-05-01"), [["Monday", "1998-05-04"]]);
  assert.deepEqual(values("The president leaves Tuesday for a tour of Asia.", "1998-05-01"), [["Tuesday", "1998-05-05"]]);
  // the past tense still looks back
  assert.deepEqual(values("The two leaders met separately Monday with the envoy.", "1998-05-01"), [["Monday", "1998-04-27"]]);
});

test("times: 'USA Today', 'VOA Today' name a paper or a programme, not the day", () => {
  assert.deepEqual(values("The poll was published by USA Today on Friday.", "1998-03-31"), [["Friday", "1998-03-27"]]);
  assert.deepEqual(values("This is VOA Today.", "1998-03-31"), []);
  assert.deepEqual(values("Today the minister resigned.", "1998-03-31"), [["Today", "1998-03-31"]]);
});

test("times: 'day-long', 'decades-long' are durations; vague decades are counted in years", () => {
  assert.deepEqual(values("Lawyers emerged from their third day-long meeting with officials.", "2000-04-03"), [["day-long", "P1D"]]);
  assert.deepEqual(values("The boy symbolises the decades-long battle with the exiles.", "2000-01-15"), [["decades-long", "PXY"]]);
  assert.deepEqual(durationValue(undefined, "decade"), "PXY");
  // "headlong", "lifelong" are no units of time
  assert.deepEqual(values("He rushed headlong into a lifelong feud.", "2000-01-15"), []);
});

test("times: 'over the years', 'in the years that followed' are some years (PXY)", () => {
  assert.deepEqual(values("Over the years the waiting list has grown.", "1998-03-31"), [["the years", "PXY"]]);
  assert.deepEqual(values("In the years that followed, the rebels waged war in the mountains.", "2000-04-01"), [["the years", "PXY"]]);
  // the years before an event date it; the years to come are the future
  assert.deepEqual(values("His car was seen in the years before the attack.", "2000-04-01"), []);
  assert.deepEqual(values("Demand will grow in the years to come.", "2000-04-01"), []);
});

test("times: 'soon' is some time to come where the verb looks ahead", () => {
  assert.deepEqual(values("Prosecutors have told him that they may soon seek an indictment.", "1989-10-30"), [["soon", "FUTURE_REF"]]);
  assert.deepEqual(values("The company said it would liquidate the maker \"as soon as possible.\"", "1989-10-30"), [["as soon as possible", "FUTURE_REF"]]);
  // the past tense and the conjunctions only order two events
  assert.deepEqual(values("He was taken to a hospital and was soon released.", "2000-01-15"), []);
  assert.deepEqual(values("The group might come to the U.S. as soon as Tuesday.", "2000-04-03"), [["Tuesday", "2000-04-04"]]);
  assert.deepEqual(values("He had been killed soon after being captured.", "1998-03-31"), []);
});

test("times: a bare 'the quarter' is the quarter under discussion, however far back it was named", () => {
  const text = "The company posted a loss for the fiscal first quarter. Revenue fell. Costs rose. Margins shrank. Debt grew. Staff left. Sales in the quarter fell 5%.";
  const doc = new Document(text, { published: "1989-10-26" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["the fiscal first quarter", "1989-Q1"], ["the quarter", "1989-Q1"]]);
  // with none named it is the latest quarter, as before
  assert.deepEqual(values("Profit doubled in the quarter.", "1989-10-26"), [["the quarter", "1989-Q3"]]);
});

test("times: a quarter more than a year before publication is history, not the period compared", () => {
  const text = "Third-quarter net income rose 11%. A $415 million charge was taken in the 1988 second quarter, and sales rose from a year ago.";
  const doc = new Document(text, { published: "1989-11-02" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [
    ["Third-quarter", "1989-Q3"], ["the 1988 second quarter", "1988-Q2"], ["a year ago", "1988-Q3"],
  ]);
});

test("times: 'last year' next to a figure compares the quarter under discussion", () => {
  const text = "Third-quarter net rose to $24 million, compared with a loss of $3 million last year. Last year, the company sold its steel unit.";
  const doc = new Document(text, { published: "1989-11-02" });
  for (const s of [paragraphs, sentences, times]) s.run(doc);
  assert.deepEqual(doc.get("time").map((t) => [t.text, t.value]), [["Third-quarter", "1989-Q3"], ["last year", "1988-Q3"], ["Last year", "1988"]]);
});

test("times: 'as long as a month', 'the end of a week' are lengths of time; coordinated recent units are the past", () => {
  assert.deepEqual(values("The appeal could take as long as a month or two.", "2000-04-03"), [["a month", "P1M"]]);
  assert.deepEqual(values("Stocks fell at the end of a week that saw the index lose 4%.", "1989-10-30"), [["a week", "P1W"]]);
  assert.deepEqual(values("Many funds in recent weeks and months have been selling bonds.", "1989-10-30"), [["recent weeks and months", "PAST_REF"]]);
});

test("times: 'most recently' before a date leaves the date as the time; two quarters of a year are its half", () => {
  assert.deepEqual(values("Three doctors were killed, most recently last October.", "1999-02-06"), [["last October", "1998-10"]]);
  assert.deepEqual(values("The steelmaker sees a decline in the first two quarters of 1990.", "1989-10-26"), [["the first two quarters of 1990", "1990-H1"]]);
});

test("times: the rules' word gates read capitals and non-ASCII text as their regexes do", () => {
  // capitals: the gates fold ASCII case, as the /i regexes do
  assert.deepEqual(values("MARKETS FELL SHARPLY LAST WEEK AS RATES ROSE.", "2024-10-26"), [["LAST WEEK", "2024-W42"]]);
  // curly quotes and dashes around the words (a two-byte sentence) do not hide them
  assert.deepEqual(values("“We will not give up,” she said — hours after the strike on Thursday.", "2024-10-26"), [["Thursday", "2024-10-24"]]);
  // the Kelvin sign lower-cases to "k": with it in the sentence, the gates fall back to their regexes, and the
  // word spelt with it ("wee\u212a") is no week, as the case-insensitive regexes (without u) read it
  assert.deepEqual(values("The reactor ran at 300 \u212a last week.", "2024-10-26"), [["last week", "2024-W42"]]);
  assert.deepEqual(values("Talks collapsed last wee\u212a in Geneva.", "2024-10-26"), []);
});

test("times: a sentence holding a gate word's letters apart but not the word finds nothing", () => {
  // "yea"/"ear" and "mon"/"ont"/"nth" occur, but neither "year" nor "month" does
  assert.deepEqual(values("The yeast bread had an early monster ontology in the ninth wonder.", "2024-10-26"), []);
});
