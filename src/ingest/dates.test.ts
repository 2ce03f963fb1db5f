// Date strings from metadata and from text shown on pages.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dayDistance, normaliseDate, textDate } from "./dates.js";

describe("dates", () => {
  it("keeps ISO forms and zones as written, and reads days Date.parse cannot", () => {
    assert.equal(normaliseDate("2019-11-20T04:31:13-06:00"), "2019-11-20T04:31:13-06:00");
    assert.equal(normaliseDate("2019-11-19 19:31:39"), "2019-11-19T19:31:39");
    assert.equal(normaliseDate("01:38:07 PM IST Nov 20, 2019"), "2019-11-20");
    assert.equal(normaliseDate("not a date"), undefined);
  });

  it("finds the day in bylines and datelines", () => {
    assert.equal(textDate("By Jane DoeNovember 15, 2019"), "2019-11-15");
    assert.equal(textDate("on Monday, November 18th, 2019 at 11:08 a.m."), "2019-11-18");
    assert.equal(textDate("Published Wed, Nov 20 20194:29 AM EST"), "2019-11-20");
    assert.equal(textDate("18th November 2019"), "2019-11-18");
    assert.equal(textDate("Sept. 3, 2018"), "2018-09-03");
    assert.equal(textDate("updated 2019-11-18T20:51:19Z"), "2019-11-18");
  });

  it("reads a day without a year only when the year is known", () => {
    assert.equal(textDate("Posted Nov 18, 8:19 PM"), undefined);
    assert.equal(textDate("Posted Nov 18, 8:19 PM", 2019), "2019-11-18");
    assert.equal(textDate("the May 2019 report", 2019), undefined);
  });

  it("counts whole days between two dates", () => {
    assert.equal(dayDistance("2019-11-20T04:31:13-06:00", "2019-11-19"), -1);
    assert.equal(dayDistance("2019-12-31", "2020-01-01"), 1);
  });
});
