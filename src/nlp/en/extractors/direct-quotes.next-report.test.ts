// Direct quotes: a cue after a quotation that ended its sentence, or after a quoted title, that opens a report of its own.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "./quotes.test-helpers.js";

const directs = (text: string) => runQuotes(text).filter((q) => q.kind === "direct");
const first = (text: string) => {
  const q = directs(text)[0];
  assert.ok(q, `expected a direct quote in: ${text}`);
  return q;
};

describe("direct quotes: the next sentence's report", () => {
  it("'.\" He says <clause>' starts a new report: the says is not the quotation's", () => {
    const text = `"We have to win this game." He says referees have been unfair to the team all season long.`;
    const qs = runQuotes(text);
    assert.notEqual(first(text).cue?.text, "says", qs.map(brief).join("\n"));
    const report = qs.find((q) => q.kind === "indirect");
    assert.equal(report?.cue?.text, "says", qs.map(brief).join("\n"));
    assert.match(report?.text ?? "", /^referees have been unfair/);
  });
  it("'.\" He added, \"…\"' gives the cue to the second quotation", () => {
    const qs = directs(`"That is the most unusual part of the case." He added, "In this case things happened in this order."`);
    const second = qs.find((q) => /^In this case/.test(q.text));
    assert.equal(second?.cue?.text, "added");
    assert.equal(second?.speaker?.name, "He");
  });
  it("'.\" Jones warned Saturday that <clause>' and 'called the statement \"…\"' are reports of their own", () => {
    for (const text of [
      `"We need a party that is open to everyone." Jones warned Saturday that the decision would hurt the campaign.`,
      `Governor Smith called the bill "dangerous." Senator Jones called the statement "offensive and outlandish."`,
    ]) {
      const q = runQuotes(text).find((d) => d.kind !== "indirect" && /^(?:We need|dangerous)/.test(d.text));
      assert.ok(q && q.cue?.text !== "warned" && !(q.cue?.text === "called" && q.speaker?.name === "Jones"), runQuotes(text).map(brief).join("\n"));
    }
  });
  it("a quotation ending its line is not handed to the next line's report ('⏎Rubio fired back at …')", () => {
    const text = `"They expect you to get the schools open."\nRubio hit back again, saying the governor was too focused on the past.`;
    assert.ok(!directs(text).some((q) => q.cue?.text === "hit"), runQuotes(text).map(brief).join("\n"));
  });
  it("a quoted show title before a report with its own content is not that report's quotation", () => {
    const text = `"Meet the Press," Republican Senator Jane Doe said her party would block the bill.`;
    assert.ok(!directs(text).some((q) => q.cue?.text === "said"), runQuotes(text).map(brief).join("\n"));
  });
});

describe("direct quotes: the cue after a closed sentence that still hands the quotation over (negatives)", () => {
  it("'.\" he said.' / '?\" Trump said of Apple in February'", () => {
    assert.equal(first(`"The numbers simply do not add up." Henderson said on Tuesday.`).cue?.text, "said");
    assert.equal(first(`"Who do they think they are?" Henderson said of the company in February.`).cue?.text, "said");
  });
  it("'!\" Jones said as he launched the vote' / '?\" he urged them, as he explained'", () => {
    assert.equal(first(`"We are going to take this country back!" Jones said as he launched the vote.`).cue?.text, "said");
    assert.equal(first(`"Come on, one second, alright?" he urged them, as he explained the rules.`).cue?.text, "urged");
  });
  it("'?\" she told reporters during the call'", () => {
    assert.equal(first(`"What kind of help do you need?" Renteria told reporters during the conference call.`).cue?.text, "told");
  });
  it("a comma-closed sentence quotation keeps its cue even with a clause after ('…,\" he said the senator …' is rare)", () => {
    assert.equal(first(`"We will not back down from this fight," Henderson said on Tuesday.`).cue?.text, "said");
  });
});
