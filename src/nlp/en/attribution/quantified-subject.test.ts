// Quantified poll subjects: where "Nine in 10 voters", "about half of voters" and "74 percent of voters" start.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hedgedStart, quantifiedStart, splitHedgeStart } from "./quantified-subject.js";

/** The subject quantifiedStart makes of `text` when the extractor found `head` (the text up to the cue). */
const subject = (text: string, head: string): string | undefined => {
  const at = text.lastIndexOf(head);
  const start = quantifiedStart(text, 0, at);
  return start === undefined ? undefined : text.slice(start, at + head.length);
};

describe("quantified subjects", () => {
  it("'N in 10' and 'N percent of' before the head noun, with its modifiers", () => {
    assert.equal(subject("Since December, Sanders has gained. Nine in 10 Democratic registered voters", "voters"), "Nine in 10 Democratic registered voters");
    assert.equal(subject("Seventy-four percent of Democratic registered voters", "voters"), "Seventy-four percent of Democratic registered voters");
    assert.equal(subject("And about half of Democratic primary voters", "voters"), "about half of Democratic primary voters");
  });
  it("'About four in' before a phrase that opens with the 10", () => {
    assert.equal(subject("About four in 10 South Carolina Republican primary voters", "10 South Carolina Republican primary voters"), "About four in 10 South Carolina Republican primary voters");
  });
  it("a date or a number that is no share leaves the subject alone", () => {
    assert.equal(subject("On July 6, 2011, the two countries", "the two countries"), undefined);
    assert.equal(subject("In 2012 voters", "voters"), undefined);
    assert.equal(subject("The campaign raised $2 million from donors who", "donors"), undefined);
  });
  it("a hedge before a phrase that opens with the share", () => {
    const hedged = (text: string, head: string) => {
      const start = hedgedStart(text, 0, text.lastIndexOf(head));
      return start === undefined ? undefined : text.slice(start, text.lastIndexOf(head) + head.length);
    };
    assert.equal(hedged("Not everyone", "everyone"), "Not everyone");
    assert.equal(hedged("But less than a third of voters", "a third of voters"), "less than a third of voters");
    assert.equal(hedged("In each state, about half of voters", "half of voters"), "about half of voters");
    // "only" is the subject's, "just" is left out, as PolNeAR's sources mostly have them; a phrase that is no share
    // takes no hedge
    assert.equal(hedged("Only three of the senators", "three of the senators"), "Only three of the senators");
    assert.equal(hedged("Just 28 percent of voters", "28 percent of voters"), undefined);
    assert.equal(hedged("Only the senators", "the senators"), undefined);
    assert.equal(hedged("Not the senators", "the senators"), undefined);
  });
  it("a hedge split at its preposition is whole again ('at | least four senators', 'as | many as 40 percent')", () => {
    const whole = (text: string, head: string) => {
      const at = text.lastIndexOf(head);
      const start = splitHedgeStart(text, at);
      return start === undefined ? undefined : text.slice(start, at + head.length);
    };
    assert.equal(whole("Since then, at least four senators", "least four senators"), "at least four senators");
    assert.equal(whole("But as many as 40 percent of the members", "many as 40 percent of the members"), "as many as 40 percent of the members");
    // only the preposition that goes with the hedge, and only before a split hedge
    assert.equal(whole("Since then, as least four senators", "least four senators"), undefined);
    assert.equal(whole("The chairman of the panel", "the panel"), undefined);
  });
});
