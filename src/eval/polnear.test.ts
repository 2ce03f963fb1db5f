// PolNeAR scorer pieces: brat parsing (code points → UTF-16, discontinuous content) and our quotes in its conventions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runQuotes } from "../nlp/en/extractors/quotes.test-helpers.js";
import { readAnn, toAttributions } from "./polnear.js";

describe("polnear scorer", () => {
  it("reads brat spans as UTF-16 offsets and joins Content2", () => {
    const text = `😀 "We won," Ann said. "It was close."`;
    // code points: the emoji is one code point but two UTF-16 units
    const ann = [
      "T1\tContent 2 11\t\"We won,\"",
      "T2\tSource 12 15\tAnn",
      "T3\tCue 16 20\tsaid",
      "T4\tContent 22 37\t\"It was close.\"",
      "E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1 Content2:T4",
    ].join("\n");
    const [a] = readAnn(ann, text);
    assert.equal(text.slice(...a!.source![0]!), "Ann");
    assert.equal(text.slice(...a!.cue![0]!), "said");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), [`"We won,"`, `"It was close."`]);
  });
  it("maps a split direct quote to one attribution with two content fragments, marks included", () => {
    const text = `"We won," Ann Lee said. "It was close."`;
    const atts = toAttributions(text, runQuotes(text));
    assert.equal(atts.length, 1);
    assert.deepEqual(atts[0]!.content!.map((s) => text.slice(...s)), [`"We won,"`, `"It was close."`]);
    assert.equal(text.slice(...atts[0]!.source![0]!), "Ann Lee");
  });
  it("gives an indirect content its complementiser and a cue its auxiliaries", () => {
    const text = "The mayor has also said that the bridge would reopen in June.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.content![0]!), "that the bridge would reopen in June");
    assert.equal(text.slice(...a!.cue![0]!), "has also said");
  });
});
