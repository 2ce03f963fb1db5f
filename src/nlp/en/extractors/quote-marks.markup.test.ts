// Marks and words that report nothing: markup attribute values, and leave to speak ("not authorized to discuss").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findMarkedQuotes } from "./quote-marks.js";
import { brief, runQuotes } from "./quotes.test-helpers.js";

describe("marks that quote nothing", () => {
  it("a markup attribute's value is no quotation, the words after the tag are no quotation either", () => {
    const text = `<post id="12" author="@harbourwatch" date="2019-03-04">Ferry service resumes at noon, crews say.</post>.`;
    assert.deepEqual(findMarkedQuotes(text, [[0, text.length]]), []);
  });
  it("an attribute value running over a line break opens nothing", () => {
    const text = `<post author="@harbourwatch" date="March 4, 2019\n">Ferry service resumes at noon.</post>.`;
    const i = text.indexOf("\n");
    assert.deepEqual(findMarkedQuotes(text, [[0, i], [i + 1, text.length]]), []);
  });
  it("a quotation after a tag is still found", () => {
    const text = `<p class="lead">“We will reopen the pier in May,” the mayor said.</p>`;
    const qs = findMarkedQuotes(text, [[0, text.length]]);
    assert.equal(qs.length, 1);
    assert.equal(text.slice(qs[0]!.inner[0], qs[0]!.inner[1]), "We will reopen the pier in May,");
  });
});

describe("leave to speak", () => {
  it("'not authorized to discuss' is the reason for anonymity, no report", () => {
    const qs = runQuotes(`The inspectors, who were not authorized to discuss the audit publicly, found three more faulty valves.`);
    assert.deepEqual(qs.filter((q) => /authorized/.test(q.cue?.text ?? "")).map(brief), []);
  });
  it("'authorized a raid' is still read as before (no speech verb after it)", () => {
    const qs = runQuotes(`The governor said she had authorized the release of the flood maps.`);
    assert.ok(qs.some((q) => q.cue?.text === "said"), qs.map(brief).join("\n"));
  });
});
