// Furniture lines: datelines, counters and credits go; sentences that mention dates stay.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isBoilerplateLine, isDatelineLine } from "./boilerplate.js";

describe("boilerplate lines", () => {
  it("drops date stamps with a few words around them", () => {
    for (const line of [
      "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
      "November 18, 2019 | 4:10pm",
      "Published 1 day ago",
      "Updated at 1:23 p.m.",
      "19.11.2019, 08:57",
      "By Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM",
    ]) assert.ok(isDatelineLine(line), line);
  });

  it("keeps sentences, schedules and quoted tweets that mention dates", () => {
    for (const line of [
      "It rose on May 5.",
      "In 2019 sales fell.",
      "The vote is on Tuesday at 10:30 in the main hall.",
      "4:14 p.m.",
      "July 2 -- Mohegan Sun Arena, Uncasville, CT",
      "— Jane Roe (@janeroe) November 18, 2019",
    ]) assert.ok(!isDatelineLine(line), line);
  });

  it("drops gallery counters and photo credits but not prose", () => {
    assert.ok(isBoilerplateLine("Image 3 of 12"));
    assert.ok(isBoilerplateLine("Photo: Gazette staff"));
    assert.ok(!isBoilerplateLine("The photo was taken on the pier at dawn, the harbour master said."));
  });
});
