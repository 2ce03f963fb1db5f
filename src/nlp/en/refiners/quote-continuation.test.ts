// Continuations: split quotes, paragraphs that are only a quotation, quotations inside reported speech, scare quotes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "../extractors/quotes.test-helpers.js";

const find = (text: string, start: string) => {
  const qs = runQuotes(text);
  const q = qs.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting "${start}" in:\n${qs.map(brief).join("\n")}`);
  return q!;
};

describe("quote continuation", () => {
  it("a split quote: both parts to the same speaker", () => {
    const text = `"We are not closing any schools this year," Superintendent Walsh said. "But the budget for next year is another matter."`;
    assert.equal(find(text, "But the budget").speaker?.name, "Superintendent Walsh");
    assert.equal(find(text, "We are not closing").speaker?.name, "Superintendent Walsh");
  });
  it("a split quote where the speaker is given after the second part", () => {
    const text = `"It was chaos." Then, after a pause: "We had no water for three days," said resident Omar Haddad.`;
    assert.equal(find(text, "It was chaos").speaker?.name, "Omar Haddad");
  });
  it("a continuation paragraph takes the previous paragraph's speaker", () => {
    const text = `"The harvest was the worst in a decade," said farmer Ingrid Holm.\n"We will need help from the government to get through the winter."`;
    assert.equal(find(text, "We will need help").speaker?.name, "Ingrid Holm");
  });
  it("continuation paragraphs chain", () => {
    const text = `"The reactor is safe," the plant's director, Yuki Sato, said.\n"All the readings are normal."\n"Inspectors will visit next week."`;
    assert.equal(find(text, "Inspectors will visit").speaker?.name, "Yuki Sato");
  });
  it("a continuation after reported speech", () => {
    const text = `Sato says the plant could restart by autumn.\n"There is no technical reason to wait any longer."`;
    assert.equal(find(text, "There is no technical reason").speaker?.name, "Sato");
  });
  it("a paragraph with narration around its quotation is no continuation", () => {
    const text = `"Turnout was strong," the election chief said.\nAnalysts expect a runoff, and one wrote in a blog post, "this race is far from over" before the count.`;
    const q = runQuotes(text).find((x) => x.text.startsWith("this race"));
    assert.notEqual(q?.speaker?.name, "the election chief");
  });
  it("a short quotation in reported speech is mixed, with the reported speaker", () => {
    const q = find("Military officials said any ship entering the zone would be treated as \"a hostile target.\"", "a hostile target");
    assert.equal(q.kind, "mixed");
    assert.equal(q.speaker?.name, "Military officials");
  });
  it("a longer quotation ending reported speech is the reporter's too", () => {
    const text = `The governor added that the state had asked for federal aid, and "we expect an answer before the weekend."`;
    const q = find(text, "we expect an answer");
    assert.equal(q.speaker?.name, "The governor");
  });
  it("a short quotation after a cue in its own sentence", () => {
    const q = find(`The coach called the referee's decision "a disgrace" after the match.`, "a disgrace");
    assert.equal(q.kind, "mixed");
    assert.equal(q.speaker?.name, "The coach");
  });
  it("a scare quote with no speaker is no quote", () => {
    const qs = runQuotes(`The so-called "peace dividend" never arrived for the region's mining towns.`);
    assert.equal(qs.length, 0, qs.map(brief).join("\n"));
  });
  it("the inner quote of a quotation is no donor for the next part", () => {
    const text = `"The council keeps saying 'we hear you' and then does nothing," said tenant organiser Rosa Lind. "Nobody believes them anymore."`;
    assert.equal(find(text, "Nobody believes").speaker?.name, "Rosa Lind");
  });
});
