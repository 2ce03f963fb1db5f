// Direct quotes handed to their speaker despite typing slips: a nested closing quote, a wrong-facing mark, no comma, a first name that is a modal, a heading's dash.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "./quotes.test-helpers.js";
import { findMarkedQuotes } from "./quote-marks.js";

const direct = (text: string) => runQuotes(text).filter((q) => q.kind === "direct");
const one = (text: string) => {
  const qs = direct(text);
  assert.equal(qs.length, 1, `expected one quote in: ${text}\n${qs.map(brief).join("\n")}`);
  return qs[0]!;
};

describe("direct quotes: handover after typing slips", () => {
  it("a nested quotation closing with the outer one, spaces between the marks", () => {
    const q = one(`"Some voters only know the name of 'Harper,' " said Lena Ortiz, a canvasser.`);
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "Lena Ortiz");
  });
  it("a left mark typed for the closing one after the comma", () => {
    const marks = findMarkedQuotes(`“The tunnel will open in May,“ said Tom Reyes.`, [[0, 46]]);
    assert.equal(marks.length, 1);
    assert.equal(marks[0]!.closed, true);
    const q = one(`“The tunnel will open in May, not before,“ said Tom Reyes, an engineer.`);
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "Tom Reyes");
  });
  it("a left mark that opens a quotation still opens it", () => {
    const marks = findMarkedQuotes(`She said, “We are ready.”`, [[0, 25]]);
    assert.equal(marks.length, 1);
    assert.equal(marks[0]!.inner[0], 11);
  });
  it("no comma before the attribution: name and verb close the sentence", () => {
    const q = one(`“The harbor is a maze of small interests” Okafor said.`);
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "Okafor");
    const r = one(`"We have waited for months" said Dana Kim, a union organizer.`);
    assert.equal(r.speaker?.name, "Dana Kim");
  });
  it("no comma and a clause that runs on: no handover", () => {
    for (const q of direct(`The word "unavoidable" suggests a plan that nobody wrote.`)) assert.equal(q.cue, undefined);
  });
  it("a first name that is a modal: 'said Will …', 'said May …'", () => {
    const q = one(`"Tuition keeps rising faster than wages," said Will Harmon, a professor of economics.`);
    assert.equal(q.speaker?.name, "Will Harmon");
    assert.equal(q.cue?.text, "said");
    assert.equal(one(`"We were not told," said May Lindqvist.`).speaker?.name, "May Lindqvist");
  });
  it("a light verb with its tail after the quotation: 'X shot back.'", () => {
    const q = one(`"You never read the bill," Morales shot back.`);
    assert.equal(q.cue?.text, "shot back");
    assert.equal(q.speaker?.name, "Morales");
  });
  it("a past verb the lexicon lacks between the parts of a split quote is their cue", () => {
    const [first] = direct(`“Every witness told the same story,” the clerk exclaimed, “and nobody believed them.”`);
    assert.equal(first?.cue?.text, "exclaimed");
    assert.equal(first?.speaker?.name, "the clerk");
  });
  it("…not after a first part that ended its sentence", () => {
    const [first] = direct(`“We will appeal.” A weary lawyer sighed, “It never ends.”`);
    assert.notEqual(first?.cue?.text, "sighed");
  });
  it("after the quotation, what it was about stays out of the cue; other words after the verb stay in", () => {
    assert.equal(one(`"It will never pass the council," Ibarra said about the zoning plan.`).cue?.text, "said");
    assert.equal(one(`"It will never pass the council," Ibarra wrote on Facebook.`).cue?.text, "wrote on Facebook");
  });
  it("a label after a heading's dash is the speaker, not the heading's verb", () => {
    const q = one(`Analysts agree - Priya Natarajan: “Turnout decided the race more than any message did.”`);
    assert.equal(q.cue?.text, ":");
    assert.equal(q.speaker?.name, "Priya Natarajan");
  });
});
