// Transcript turns: ALL-CAPS and name labels, Q and A, quoted transcripts, continuation paragraphs, stage directions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runWithTurns, turnsOf } from "./transcript-turns.test-helpers.js";

const INTERVIEW = [
  "Rebuilding the bridge will take three years.",
  "The governor spoke to the station on Sunday. Partial transcript as follows:",
  "HOLLIS: Let's start with the bridge. When will it reopen?",
  "MARTINEZ: Well, look, we are working around the clock. The engineers tell me the spring.",
  "HOLLIS: And the cost?",
  "MARTINEZ: About two hundred million dollars, and the state will pay its share.",
].join("\n\n");

describe("transcript turns", () => {
  it("ALL-CAPS labels: each turn is a direct quote of its speaker, the colon its cue", () => {
    const turns = turnsOf(runWithTurns(INTERVIEW, [{ name: "Ana Martinez", forms: ["Martinez", "MARTINEZ"] }]));
    assert.equal(turns.length, 4);
    const [first, second] = turns;
    assert.equal(first!.kind, "direct");
    assert.equal(first!.text, "Let's start with the bridge. When will it reopen?");
    assert.equal(first!.cue?.text, ":");
    assert.equal(first!.speaker?.name, "HOLLIS");
    // a label that names a person of the text resolves to that person
    assert.equal(second!.speaker?.name, "Ana Martinez");
    assert.match(second!.text, /^Well, look, we are working/);
  });
  it("no reported speech is read a second time from a turn's label ('Name: words' headline reading)", () => {
    const qs = runWithTurns(INTERVIEW);
    const colonCues = qs.filter((q) => q.cue?.text === ":");
    assert.equal(colonCues.length, 4, colonCues.map((q) => `${q.source} ${q.text}`).join("\n"));
  });
  it("a transcript quoted whole: the mark re-opening each paragraph is no quotation, continuations join the turn", () => {
    const text = [
      "The senator appeared on the program. Partial transcript as follows:",
      '"HOLLIS: Will you support the bill?',
      '"OKAFOR: I will. It is a good bill, and the state needs it.',
      '"But it is not perfect, and we will have to fix it next year.',
      '"(CROSSTALK.)',
      '"HOLLIS: One more question, senator.',
      '"OKAFOR: Go ahead."',
    ].join("\n\n");
    const turns = turnsOf(runWithTurns(text));
    assert.deepEqual(turns.map((q) => `${q.speaker?.name}: ${q.text}`), [
      "HOLLIS: Will you support the bill?",
      "OKAFOR: I will. It is a good bill, and the state needs it.",
      "OKAFOR: But it is not perfect, and we will have to fix it next year.",
      "HOLLIS: One more question, senator.",
      "OKAFOR: Go ahead.",
    ]);
    // the continuation carries the same cue, so the two paragraphs are one attribution
    assert.deepEqual(turns[2]!.cue?.span, turns[1]!.cue?.span);
  });
  it("capitalised name labels when the text names the people", () => {
    const text = [
      "A panel of reporters discussed the plan on Saturday.",
      "Dana Whitfield: Seriously, the plan does not add up.",
      "Luis Ortega: It adds up if you count the new tax.",
      "Whitfield: Nobody counts the new tax.",
    ].join("\n\n");
    const turns = turnsOf(runWithTurns(text, [{ name: "Dana Whitfield", forms: ["Whitfield"] }, { name: "Luis Ortega" }]));
    assert.deepEqual(turns.map((q) => q.speaker?.name), ["Dana Whitfield", "Luis Ortega", "Dana Whitfield"]);
  });
  it("Q and A, with a continuation paragraph between an answer and the next question", () => {
    const text = [
      "The actress talked about her book.",
      "Q: What did you find when you came home?",
      "A: My parents were gone. A neighbor told me they had been taken away.",
      "It was as if I had never existed.",
      "Q: Did anyone help?",
      "A: No.",
    ].join("\n\n");
    const turns = turnsOf(runWithTurns(text));
    assert.deepEqual(turns.map((q) => `${q.speaker?.name}: ${q.text}`), [
      "Q: What did you find when you came home?",
      "A: My parents were gone. A neighbor told me they had been taken away.",
      "A: It was as if I had never existed.",
      "Q: Did anyone help?",
      "A: No.",
    ]);
  });
});
