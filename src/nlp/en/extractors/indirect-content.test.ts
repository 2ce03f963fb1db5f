// Content spans of reports that precede their cue: linking words at the start are not what was said.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runQuotes } from "./quotes.test-helpers.js";

const contentOf = (text: string, cue: string): string | undefined => {
  const q = runQuotes(text).find((x) => x.kind === "indirect" && x.cue?.text === cue);
  return q && text.slice(...q.span);
};

describe("indirect content before its cue", () => {
  it("leaves a discourse adverb with its comma out ('In fact, …, according to X')", () => {
    const text = "In fact, the new tax plan would barely change what the middle class pays, according to the study.";
    assert.equal(contentOf(text, "according to"), "the new tax plan would barely change what the middle class pays");
    const t2 = "By contrast, the governor has kept his support among older voters, the poll found.";
    assert.equal(contentOf(t2, "found"), "the governor has kept his support among older voters");
  });
  it("leaves a leading conjunction out, as before ('But …, she said')", () => {
    const text = "But the council will vote on the budget next week, the mayor said.";
    assert.equal(contentOf(text, "said"), "the council will vote on the budget next week");
  });
  it("keeps a fronted adjunct and a name followed by a comma, which are part of the report", () => {
    const text = "In the first round, the senator won most of the rural counties, the paper reported.";
    assert.equal(contentOf(text, "reported"), "In the first round, the senator won most of the rural counties");
    const t2 = "Stillwater, the county seat, will host the debate, officials said.";
    assert.equal(contentOf(t2, "said"), "Stillwater, the county seat, will host the debate");
  });
  it("keeps a linking word that is all a medial report has before its source ('Instead, she said, …')", () => {
    const text = "Instead, the manager said, the company would hire two hundred workers in the spring.";
    assert.equal(contentOf(text, "said"), "Instead, the manager said, the company would hire two hundred workers in the spring");
    // with more words before the source, the linking word still goes
    const t2 = "But the plant, the manager said, would stay open through the winter.";
    assert.equal(contentOf(t2, "said"), "the plant, the manager said, would stay open through the winter");
  });
});
