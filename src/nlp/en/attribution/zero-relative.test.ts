// Reports inside relative clauses without a relative word: the head opens the content; look-alikes stay as they were.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { toAttributions } from "../../../eval/polnear.js";
import { directQuotes } from "../extractors/direct-quotes.js";
import { indirectQuotes } from "../extractors/indirect-quotes.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { zeroRelatives } from "../refiners/zero-relatives.js";

// the quote readers and this refiner alone (the learned filter between them judges reports, not heads)
const runQuotes = (text: string) => {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens, directQuotes, indirectQuotes, zeroRelatives]).run(doc);
  return doc.get("quote");
};

const pieces = (text: string, cue: string) => {
  const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === cue);
  return a ? { source: a.source?.map((s) => text.slice(...s)), content: a.content?.map((s) => text.slice(...s)) } : undefined;
};

describe("zero relative heads", () => {
  it("a head before a pronoun speaker and a clause that opens with its verb", () => {
    const text = "The council drafted a levy it expects to raise four million dollars a year.";
    assert.deepEqual(pieces(text, "expects"), { source: ["it"], content: ["a levy", "to raise four million dollars a year"] });
  });
  it("a head fused into the speaker phrase is split from it", () => {
    const text = "The mayor floated a plan Republicans hope will end the standoff over the harbor budget.";
    const p = pieces(text, "hope");
    assert.deepEqual(p?.source, ["Republicans"]);
    assert.deepEqual(p?.content, ["a plan", "will end the standoff over the harbor budget"]);
  });
  it("leaves a report whose clause has its own subject", () => {
    const text = "The mayor floated a compromise that Republicans say the council will reject.";
    assert.equal(pieces(text, "say")?.content?.[0], "the council will reject");
  });
  it("leaves an object of a verb of telling before the speaker", () => {
    const text = "The governor told reporters she wants to run again next year.";
    assert.notEqual(pieces(text, "wants")?.content?.[0], "reporters");
  });
  it("leaves a fronted time or place phrase", () => {
    const text = "After the meeting the senator wanted to leave at once.";
    assert.notEqual(pieces(text, "wanted")?.content?.[0], "the meeting");
    const text2 = "Last week the senator said would be too late.";
    assert.notEqual(pieces(text2, "said")?.content?.[0], "Last week");
  });
  it("leaves an apposition of a title and a name", () => {
    const text = "The union leader Maria Olsen hopes to settle the strike this week.";
    const p = pieces(text, "hopes");
    assert.equal(p?.content?.length, 1);
  });
});
