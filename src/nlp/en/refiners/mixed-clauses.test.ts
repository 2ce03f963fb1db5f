// wovenClause: where the clause around a quotation after its cue starts and ends.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Span } from "../../../core/record.js";
import { wovenClause } from "./mixed-clauses.js";

/** The clause of the first quotation of `text` (cue: `cue`'s first occurrence), as text, or undefined. */
function clause(text: string, cue: string): string | undefined {
  const m0 = text.search(/["“]/);
  const m1 = text.slice(m0 + 1).search(/["”]/) + m0 + 2;
  const c = text.indexOf(cue) + cue.length;
  const s: Span = [0, text.length];
  const out = wovenClause(text, [m0, m1], c, s);
  return out && text.slice(out[0], out[1]);
}

describe("wovenClause", () => {
  it("runs on from the closing mark to the sentence end, without the full stop", () => {
    assert.equal(clause('She said “cost overruns” and delays doomed the project.', "said"), "“cost overruns” and delays doomed the project");
  });
  it("keeps a closing mark that ends the sentence", () => {
    assert.equal(clause('He said the board had acted “in bad faith.”', "said"), "the board had acted “in bad faith.”");
  });
  it("opens at 'that' after an addressee", () => {
    assert.equal(clause('She told reporters that the deal was “dead on arrival.”', "told"), "that the deal was “dead on arrival.”".slice(5));
  });
  it("after an addressee and a comma, the quotation alone", () => {
    assert.equal(clause('He told the crowd, “We are not going anywhere.”', "told"), undefined);
  });
  it("stops at a dash that opens the writer's aside", () => {
    assert.equal(clause('The fund cited “political risks” in rich countries - a rare warning.', "cited"), "“political risks” in rich countries");
  });
  it("leaves a quotation handed over with its comma", () => {
    assert.equal(clause('He said, “We will win,” and left the stage.', "said"), undefined);
  });
});
