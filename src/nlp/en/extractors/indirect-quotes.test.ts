// Indirect quotes: reported speech and thought with the speaker, the cue and the reported clause as content.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "./quotes.test-helpers.js";

const reported = (text: string) => {
  const qs = runQuotes(text).filter((q) => q.kind === "indirect");
  assert.equal(qs.length, 1, `expected one indirect quote in: ${text}\n${qs.map(brief).join("\n")}`);
  return qs[0]!;
};

describe("indirect quotes", () => {
  it("X said that …", () => {
    const q = reported("The finance minister said that the deficit would shrink to 2 percent of GDP next year.");
    assert.equal(q.speaker?.name, "The finance minister");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.text, "the deficit would shrink to 2 percent of GDP next year");
  });
  it("X said … without that", () => {
    const q = reported("Earlier this month, Japan's coast guard said two Chinese vessels had entered its territorial waters.");
    assert.equal(q.speaker?.name, "Japan's coast guard");
    assert.equal(q.text, "two Chinese vessels had entered its territorial waters");
  });
  it("…, said X (clause first)", () => {
    const q = reported("Turnout among young voters has dropped in every election since 2012, said Elena Ruiz, a pollster in Madrid.");
    assert.equal(q.speaker?.name, "Elena Ruiz");
    assert.match(q.text, /^Turnout among young voters has dropped/);
  });
  it("…, she said (pronoun at the end)", () => {
    const q = reported("The clinic will have to close by March unless new funding arrives, she said.");
    assert.equal(q.speaker?.name, "she");
    assert.match(q.text, /^The clinic will have to close by March/);
  });
  it("X says … with the content clause only", () => {
    const q = reported("Marcus Webb, a historian at Leeds University, says the archive was deliberately destroyed in 1947.");
    assert.equal(q.speaker?.name, "Marcus Webb");
    assert.equal(q.cue?.text, "says");
    assert.equal(q.text, "the archive was deliberately destroyed in 1947");
  });
  it("according to X, at the end and at the start", () => {
    const a = reported("At least 40 people were injured in the blast, according to local health officials.");
    assert.equal(a.speaker?.name, "local health officials");
    assert.equal(a.cue?.text, "according to");
    assert.equal(a.text, "At least 40 people were injured in the blast");
    const b = reported("According to the Pentagon, about 900 troops will remain in the region.");
    assert.equal(b.speaker?.name, "the Pentagon");
    assert.equal(b.text, "about 900 troops will remain in the region");
  });
  it("X told Y that …", () => {
    const q = reported("The spokesman told reporters on Friday that the talks had broken down over fishing rights.");
    assert.equal(q.speaker?.name, "The spokesman");
    assert.equal(q.cue?.text, "told");
    assert.equal(q.text, "the talks had broken down over fishing rights");
  });
  it("estimates suggest …", () => {
    const q = reported("Independent estimates suggest more than 2,000 homes have been destroyed.");
    assert.equal(q.speaker?.name, "Independent estimates");
    assert.equal(q.cue?.text, "suggest");
  });
  it("X believe(s) … with an adverb between", () => {
    const q = reported("European diplomats privately believe the ceasefire will not hold through the winter.");
    assert.equal(q.speaker?.name, "European diplomats");
    assert.equal(q.text, "the ceasefire will not hold through the winter");
  });
  it("X warned …", () => {
    const q = reported("The International Monetary Fund warned that global growth could slow to its weakest pace since 2009.");
    assert.equal(q.speaker?.name, "The International Monetary Fund");
    assert.equal(q.cue?.text, "warned");
  });
  it("X raised the alarm that …", () => {
    const q = reported("Local fishermen first raised the alarm that the river had turned a dark red.");
    assert.equal(q.speaker?.name, "Local fishermen");
    assert.equal(q.text, "the river had turned a dark red");
  });
  it("In a statement on Thursday, X indicated …", () => {
    const q = reported("In a statement on Thursday, the country's central election commission indicated up to 30 per cent of ballots had not been counted.");
    assert.equal(q.speaker?.name, "the country's central election commission");
    assert.equal(q.cue?.text, "indicated");
    assert.match(q.text, /^up to 30 per cent of ballots had not been counted/);
  });
  it("a report in a subordinate clause ends at its comma", () => {
    const q = reported("Days after the agency announced that 300 jobs would be cut, its director resigned.");
    assert.equal(q.text, "300 jobs would be cut");
  });
  it("a negated cue is no report", () => {
    assert.equal(runQuotes("The minister did not say whether the plant would reopen.").length, 0);
  });
  it("a participle cue reports for the sentence's subject", () => {
    const q = reported("The governor vetoed the bill on Monday, saying it would cost the state 4,000 jobs.");
    assert.equal(q.speaker?.name, "The governor");
    assert.equal(q.cue?.text, "saying");
    assert.equal(q.text, "it would cost the state 4,000 jobs");
  });
  it("X, who said …: the relative pronoun is the mention, X the name", () => {
    const text = "He was sued by Carl Benson, a contractor, who said he was never paid for the work.";
    const q = reported(text);
    assert.equal(text.slice(...q.speaker!.span!), "who");
    assert.equal(q.speaker?.name, "Carl Benson");
  });
  it("a medial attribution: the report is the whole sentence", () => {
    const q = reported("The new museum, the director said, will open to the public in May.");
    assert.equal(q.speaker?.name, "the director");
    assert.match(q.text, /will open to the public in May/);
  });
  it("a headline attribution with a colon", () => {
    const q = runQuotes("Rubio: I'm Not Interested In Being Vice President\nThe senator spoke in Miami.").find((x) => x.cue?.text === ":");
    assert.equal(q?.speaker?.name, "Rubio");
    assert.match(q!.text, /^I'm Not Interested/);
  });
});
