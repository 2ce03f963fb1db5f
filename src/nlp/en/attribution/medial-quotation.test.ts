// Medial attributions between a paraphrased lead and a quotation: the report, and PolNeAR's two content pieces.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runQuotes } from "../extractors/quotes.test-helpers.js";
import { toAttributions } from "../../../eval/polnear.js";

const reports = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");

describe("medial quotation", () => {
  it("a lead and the lower-case quotation that finishes it are one report", () => {
    const text = `A long recession, the economist said, "would be a fine time to refinance the city's debt."`;
    const [r] = reports(text);
    assert.ok(r, "no report");
    assert.equal(r.text, `A long recession, the economist said, "would be a fine time to refinance the city's debt."`);
    assert.equal(r.cue?.text, "said");
    assert.equal(r.speaker?.name, "the economist");
    // PolNeAR: the lead and the quotation (with its marks) are the content's two pieces; the quotation is not reported twice
    const atts = toAttributions(text, runQuotes(text));
    assert.equal(atts.length, 1);
    assert.deepEqual(atts[0]!.content!.map((s) => text.slice(...s)), ["A long recession", `"would be a fine time to refinance the city's debt."`]);
  });
  it("runs to the sentence end when words follow the quotation", () => {
    const text = `The harbor's new cranes, the port director said, "are the best example of modernizing" the docks on the coast.`;
    const [r] = reports(text);
    assert.equal(r?.text, `The harbor's new cranes, the port director said, "are the best example of modernizing" the docks on the coast`);
  });
  it("leaves a quotation that opens in upper case to itself: the lead sets the scene", () => {
    const text = `Asked about the budget vote, the senator said, "Sure. We will take it up next week."`;
    // (the question asked is a report of its own, cue "Asked about": it is not the quotation's lead)
    assert.deepEqual(reports(text).filter((q) => !/^Asked/.test(q.cue?.text ?? "")), []);
    const atts = toAttributions(text, runQuotes(text)).filter((a) => !/^Asked/.test(a.cue ? text.slice(...a.cue[0]!) : ""));
    assert.deepEqual(atts.map((a) => a.content!.map((s) => text.slice(...s))), [[`"Sure. We will take it up next week."`]]);
  });
  it("leaves a linking word alone, and a long scene-setting lead", () => {
    assert.deepEqual(reports(`But, the mayor added, "we are not going to close the shelters."`), []);
    assert.deepEqual(reports(`In a memo sent to staff late on Tuesday night after the count in three states, the manager said, "we expected this."`), []);
  });
  it("needs the quotation right after the medial attribution", () => {
    assert.deepEqual(reports(`The new budget, the mayor said on Monday in a speech to the council about "fairness" in taxes.`).filter((q) => /fairness/.test(q.text) && q.text.startsWith("The new budget,")), []);
  });
});
