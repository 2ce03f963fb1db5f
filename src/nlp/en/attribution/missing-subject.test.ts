// A speakerless finite cue takes the noun phrase opening its clause: past asides and a day, not for passives, raising verbs or clauses.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "../extractors/quotes.test-helpers.js";

/** The speaker span's words of the quote whose text starts with `start` ("-" for none). */
const speakerOf = (text: string, start: string): string => {
  const qs = runQuotes(text);
  const q = qs.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting "${start}" in:\n${qs.map(brief).join("\n")}`);
  return q!.speaker?.span ? text.slice(...q!.speaker.span) : "-";
};

describe("missing subjects", () => {
  it("a name with its place and a long apposition before the cue", () => {
    const text = "Senator Mara Quill of Vermont, the No. 3 Democrat in the chamber, said the bill would pass by June.";
    assert.match(speakerOf(text, "the bill would pass"), /^Senator Mara Quill of Vermont/);
  });
  it("a time between the subject and its verb, and a group noun's postmodifier", () => {
    assert.equal(speakerOf("Party spokesman Ivo Brandl on Thursday evening said the party was not in a crisis.", "the party was not"), "Party spokesman Ivo Brandl");
    assert.equal(speakerOf("A person familiar with the planning for the summit says the talks will focus on trade first.", "the talks will focus"), "A person familiar with the planning for the summit");
  });
  it("an aside set off by commas after a coordinated subject, and a fronted adjunct before it", () => {
    assert.equal(speakerOf("Trade experts and county officials, however, said the plant would close by spring.", "the plant would close"), "Trade experts and county officials");
    assert.match(speakerOf("Alarmed by the protests in the capital, Mayor Lina Ostrova, the city's first woman mayor, said that she would meet the organizers.", "she would meet"), /^Mayor Lina Ostrova/);
  });
  it("a poll's reduced relative keeps its day", () => {
    assert.equal(speakerOf("A poll from Harwick College released Wednesday found that the mayor was leading by nine points.", "the mayor was"), "A poll from Harwick College released Wednesday");
  });
  it("no subject for a passive, a raising verb, 'when asked', or a clause before the cue", () => {
    assert.equal(speakerOf("The harbor plan was approved that the council would fund the dredging.", "the council would fund"), "-");
    for (const q of runQuotes("Asked whether he would run again, the mayor demurred. The senator seemed to think the vote was lost.")) {
      if (q.cue && /asked|seemed/i.test(q.cue.text)) assert.ok(!q.speaker || !/^(?:Asked|The senator seemed)/.test(q.speaker.name), brief(q));
    }
    // ("The firm lobbied …" is a clause: its past tense is a verb, no subject of the later cue)
    for (const q of runQuotes("The firm lobbied on behalf of the club on zoning, taxes and other issues, at both levels, said a lawyer for the club.")) {
      assert.ok(!q.speaker?.span || !/^The firm lobbied/.test(q.speaker.name), brief(q));
    }
  });
  it("scare quotes and titles do not become reports", () => {
    const qs = runQuotes('The so-called "reform package" stalled. "Winter Garden" Star Leaves Show.');
    assert.ok(!qs.some((q) => q.speaker?.name === "The so-called"), qs.map(brief).join("\n"));
  });
});

describe("missing subjects: a cue after 'and'", () => {
  it("shares the noun phrase that opens the clause, past a fronted adjunct", () => {
    assert.equal(speakerOf("The Appeals Court for the 4th Circuit overruled and said the county already allowed early voting.", "the county"), "The Appeals Court for the 4th Circuit");
    assert.equal(speakerOf("Late on Monday, Farrow appeared on a radio show in Leeds and insisted that the club had paid.", "the club had"), "Farrow");
  });
  it("negative: a participle with its agent is a passive, and a clause before the conjunction holds no subject", () => {
    for (const q of runQuotes("He was suspected of fraud, and accused by the tabloids of lying about his income.")) {
      assert.ok(q.speaker?.name !== "He", brief(q));
    }
  });
});
