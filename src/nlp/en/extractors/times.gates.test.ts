// Sentence after sentence through the shared gate table and the overlap step: each sentence finds its own expressions only.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findTimes } from "./times.js";
import { parseDay } from "./times-calendar.js";

const ref = parseDay("2024-10-26");
const found = (s: string): [string, string, string][] => findTimes(s, ref).map((f) => [s.slice(f.span[0], f.span[1]), f.value, f.type]);

test("a sentence with no time word after one with many finds nothing; the one after finds its own", () => {
  assert.deepEqual(found("Officials met on Monday and again last week."), [["Monday", "2024-10-21", "DATE"], ["last week", "2024-W42", "DATE"]]);
  assert.deepEqual(found("The convoy left, and the ceasefire held."), []);
  assert.deepEqual(found("No date is given here at all."), []);
  assert.deepEqual(found("The talks ended last week."), [["last week", "2024-W42", "DATE"]]);
  assert.deepEqual(found(""), []);
});

test("one expression, and repeated ones, come out as written", () => {
  assert.deepEqual(found("Shelling went on through the summer of 2023."), [["the summer of 2023", "2023-SU", "DATE"]]);
  assert.deepEqual(found("Troops advanced over the past two years, they said."), [["the past two years", "P2Y", "DURATION"]]);
  assert.deepEqual(found("It happened on Sunday on Sunday."), [["Sunday", "2024-10-20", "DATE"], ["Sunday", "2024-10-20", "DATE"]]);
});

test("rules behind a second gate word (weekday name, '-long', 'years', 'past'/'next', '-ly', 'end') still fire", () => {
  assert.deepEqual(found("The strike came last Friday night."), [["last Friday night", "2024-10-25", "TIME"]]);
  assert.deepEqual(found("It was a day-long meeting after a week-long pause."), [["day-long", "P1D", "DURATION"], ["week-long", "P1W", "DURATION"]]);
  assert.deepEqual(found("Prices rose over the years."), [["the years", "PXY", "DURATION"]]);
  assert.deepEqual(found("Sales grew earlier this month."), [["earlier this month", "2024-10", "DATE"]]);
  assert.deepEqual(found("Trains run daily, and the convoy weekly."), [["daily", "P1D", "SET"], ["weekly", "P1W", "SET"]]);
  assert.deepEqual(found("Talks should end by year-end."), [["year-end", "2024-12-31", "DATE"]]);
  assert.deepEqual(found("The deal ends by the year's end."), [["the year's end", "2024", "DATE"]]);
  assert.deepEqual(found("They met in the past few weeks."), [["the past few weeks", "PXW", "DURATION"]]);
  assert.deepEqual(found("Over the next three months, aid will flow."), [["the next three months", "P3M", "DURATION"]]);
});

test("weekday names are capitalised; decades before an event are no span of time", () => {
  assert.deepEqual(found("He spoke on monday and FRIDAY."), []);
  assert.deepEqual(found("Output fell over the decades before the war."), []);
});
