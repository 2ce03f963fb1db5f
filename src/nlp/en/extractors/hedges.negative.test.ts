// Words that look like certainty cues but are not, in context. Decisions documented here:
//  - "May" with a day number is a date, and capitalised "May" not followed by a verb is a name.
//  - "could not be reached (for comment)" says something about the reporter, not the claim: no cue.
//  - "could not" + verb is past inability, a fact ("could not attend"): no cue. But "could not be
//    independently verified" marks the claim unverified (alleged): tested in hedges.test.ts.
//  - capitalised look-alikes inside a sentence ("United States", "Will Smith") are names.
//  - "claimed responsibility/the lives", "insurance claims" are not allegations.
//  - "would like to" is a wish, not a possibility.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { claims } from "../refiners/claims.js";
import { findHedges, hedges } from "./hedges.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

const negatives = [
  "The ceasefire took effect on May 5 at midnight.",
  "May met the German chancellor in Berlin.",
  "The minister could not be reached for comment.",
  "A spokesperson could not immediately be reached.",
  "The president could not attend the funeral because of illness.",
  "The United States imposed new tariffs on steel.",
  "Insurance claims rose sharply after the storm.",
  "The militant group claimed responsibility for the bombing.",
  "The earthquake claimed the lives of 300 people.",
  "The team will play as soon as possible.",
  "Voters will have a say in the referendum.",
  "The factory produced 10,000 cars in March.",
  "Police arrested three men at the border.",
  "I would like to thank the rescue teams.",
  "Such workers were long thought of as cheap labour.",
];

for (const sentence of negatives) {
  test(`hedges negative: ${sentence}`, () => {
    assert.deepEqual(findHedges(sentence, [[0, sentence.length]]).map((h) => h.text), []);
  });
}

// Hedge words outside a statement's scope must not change its status: a cue governs its own clause
// (and clauses that depend on it), not the main clause of a relative or conditional clause it sits
// in, nor the next sentence. "can" states an ability and is no cue at all.

/** Status of the claim holding `snippet`. */
function statusOf(text: string, snippet: string): string | undefined {
  const doc = new Document(text, { published: "2024-06-01" });
  for (const s of [paragraphs, sentences, tokens, hedges]) s.run(doc);
  doc.set("quote", []);
  doc.set("quantity", []);
  claims.run(doc);
  const at = text.indexOf(snippet);
  assert.ok(at >= 0, `snippet not in text: ${snippet}`);
  return doc.get("claim").find((c) => c.span[0] <= at && at + snippet.length <= c.span[1])?.status;
}

const outOfScope: [string, string, string][] = [
  ["The 1991 agreement, which the two sides could revise later, was signed in London.", "was signed in London", "asserted"],
  ["Police arrested the man who may have fired the shots.", "Police arrested the man", "asserted"],
  ["The ministry confirmed the deal, which could be worth billions.", "The ministry confirmed the deal", "reported"],
  ["The settlement replaces the 1991 agreement, which defined the context in which the two companies could use the name.", "which defined the context", "asserted"],
  ["Forecasters say it may rain on Sunday. The stadium opened on time on Saturday.", "The stadium opened on time", "asserted"],
  ["Members of the programme can add applications to the store for free.", "can add applications", "asserted"],
  ["The plant closed in June, although it might reopen next year.", "The plant closed in June", "asserted"],
  ["Officials said that if the storm might return, the match would be moved.", "the match would be moved", "reported"],
];

for (const [text, snippet, status] of outOfScope) {
  test(`hedges negative (scope): "${snippet}" stays ${status}`, () => {
    assert.equal(statusOf(text, snippet), status);
  });
}

test("hedges negative (scope): a cue before a subordinate clause still reaches into it", () => {
  assert.equal(statusOf("The firm may sign a deal that would double its output.", "would double its output"), "speculative");
  assert.equal(statusOf("Police arrested the man who may have fired the shots.", "may have fired the shots"), "speculative");
});
