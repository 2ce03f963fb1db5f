// Lines with a label and a colon that are no transcript turns: notes, datelines, headlines, sections, tables, times.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runWithTurns, turnsOf } from "./transcript-turns.test-helpers.js";

const NONE: [string, string][] = [
  ["notes and corrections", "UPDATE: The road reopened at noon.\n\nCORRECTION: An earlier version misstated the cost.\n\nUPDATE: Police have named the driver."],
  ["an editor's note and related links", "Editor's note: This story has been updated.\n\nRelated: How the bridge was built.\n\nPhoto: The bridge at dusk."],
  ["a dateline with a colon", "WASHINGTON: The Senate passed the bill on Friday.\n\nThe House will vote next week.\n\nWASHINGTON: Lawmakers left for the recess."],
  ["times of day", "1:30 p.m.: The polls close in the east.\n\n2:15 p.m.: The first results arrive."],
  ["a 'Name: claim' headline and one line of the same kind", "Marcus Hale: The bridge will reopen in spring.\n\nThe mayor spoke on Monday.\n\nHale: We are on schedule."],
  ["sections named after people, each once", "Here is what each candidate needs.\n\nHale: Win in a walk.\n\nHale has led every poll.\n\nOrtega: Finish second.\n\nOrtega trails by ten points."],
  ["a table of counts", "The delegate count so far.\n\nHale: 1,769.\n\nOrtega: 1,501.\n\nHale: 547.\n\nOrtega: 46."],
  ["section labels in title case", "The Latest: Storm moves east.\n\nStill to come: The forecast for Sunday.\n\nThe Latest: Power is back in the city."],
  ["Q without A", "Q: What is the deadline?\n\nThe agency has not said.\n\nQ: Who pays?"],
];

describe("transcript turns: negative cases", () => {
  for (const [what, text] of NONE) {
    it(what, () => {
      const turns = turnsOf(runWithTurns(text, [{ name: "Marcus Hale", forms: ["Hale"] }, { name: "Luis Ortega", forms: ["Ortega"] }]));
      assert.equal(turns.length, 0, turns.map((q) => `${q.speaker?.name}: ${q.text}`).join("\n"));
    });
  }
});
