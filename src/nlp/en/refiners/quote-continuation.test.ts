// Continuations: split quotes, paragraphs that are only a quotation, quotations inside reported speech, scare quotes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "../extractors/quotes.test-helpers.js";
import type { Quote } from "../../../core/annotations.js";
import { isWorkTitle } from "./quote-continuation.js";

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
  it("a split quote's second part carries the cue of the first", () => {
    const text = `"We are not closing any schools this year," Superintendent Walsh said. "But the budget for next year is another matter."`;
    assert.equal(find(text, "But the budget").cue?.text, "said");
  });
  it("a part right after the attribution continues the quote ('\"…,\" he said, \"…\"')", () => {
    const text = `The minister was calm. "The plan is sound," the minister said, "and the vote next week will show it."`;
    assert.equal(find(text, "and the vote").speaker?.name, "the minister");
  });
  it("a quotation run into another clause is no part of the quote before it", () => {
    const text = `"The budget is balanced," the mayor said. Critics went on about "a hidden deficit of several million" at the meeting.`;
    const q = runQuotes(text).find((x) => x.text.startsWith("a hidden deficit"));
    assert.notEqual(q?.speaker?.name, "the mayor");
    assert.equal(q, undefined, "an unattributed phrase borrowed by the narration is no quote of its own");
  });
  it("a quotation left open to the paragraph's end is kept, though words come before it", () => {
    const text = `Residents of the valley "will not leave our homes until the river is safe again and the mine is closed`;
    assert.ok(runQuotes(text).some((x) => x.text.startsWith("will not leave")));
  });
  it("an unattributed quotation after a comma is still speech", () => {
    const text = `Marchers circled the stadium for an hour while chanting, "We want answers, not excuses."`;
    assert.ok(runQuotes(text).some((x) => x.text.startsWith("We want answers")));
  });
  it("after a participle's report, the next part continues the quotation, with its cue", () => {
    const text = `"We cannot change what we do not understand," Diaz said, emphasizing why history matters to the campaign. "Our past explains our present."`;
    const q = find(text, "Our past explains");
    assert.equal(q.speaker?.name, "Diaz");
    assert.equal(q.cue?.text, "said");
  });
  it("the name of a show after \"on … 's\" is no quote, even before a cue", () => {
    const qs = runQuotes(`In an interview on CBS's "Evening Report," Senator Alvarez said the bill would pass.`);
    assert.ok(!qs.some((x) => x.text.startsWith("Evening Report")), qs.map(brief).join("\n"));
  });
  it("a title after the kind of work it names is no quote, even before a cue", () => {
    const qs = runQuotes(`In his 2010 book, "Saving for Tomorrow," the adviser suggested putting away $50 a month.`);
    assert.ok(!qs.some((x) => x.text.startsWith("Saving for Tomorrow")), qs.map(brief).join("\n"));
  });
  it("a quotation after a work's kind that is no title is still a quote", () => {
    const q = find(`The director called the film "a failure of nerve from start to finish," and left.`, "a failure of nerve");
    assert.equal(q.speaker?.name, "The director");
  });
  it("a quotation inside a report, after a verb that is no verb of speech, is the reported speaker's", () => {
    const text = `Union leader Tomas Berg said he hopes the rally sends a message that "parents are standing up for their public schools."`;
    const q = find(text, "parents are standing");
    assert.equal(q.kind, "mixed");
    assert.equal(q.speaker?.name, "Tomas Berg");
  });
  it("a quotation inside a report keeps its own speaker when a verb of speech hands it over", () => {
    const text = `According to the newspaper, spokesman Lee Park said on Friday that "the senator would sign the bill."`;
    assert.equal(find(text, "the senator would").speaker?.name, "Lee Park");
  });
  it("a short opening part of a split quote takes the speaker and cue of the part after it", () => {
    const text = `"Frankly," the coach said, "we were lucky to get out of there with a draw."`;
    const first = find(text, "Frankly");
    assert.equal(first.speaker?.name, "the coach");
    assert.equal(first.cue?.text, "said");
    assert.equal(find(text, "we were lucky").speaker?.name, "the coach");
  });
  it("a short quotation that is no opening part stays unattributed", () => {
    // a show's name after "on", and a quotation inside the narration's sentence
    const named = runQuotes(`She said on "Good Morning," the coach said, "we were lucky."`).find((q) => q.text.startsWith("Good Morning"));
    assert.equal(named?.speaker, undefined);
    const inside = runQuotes(`The word "Frankly," the coach said, "is overused."`).find((q) => q.text.startsWith("Frankly"));
    assert.equal(inside?.speaker, undefined);
  });
  it("a report in the attribution's own sentence is an aside: the next quotation continues the quotation", () => {
    const text = `The race went on.\n\n"He is not my favorite," Lane told reporters on Tuesday, when a dozen states held contests. "But he may be the only way to win."`;
    const q = find(text, "But he may be");
    assert.equal(q.speaker?.name, "Lane");
    assert.equal(q.cue?.text, "told");
  });
});


describe("isWorkTitle", () => {
  const quote = (text: string, inner: string): Quote => {
    const a = text.indexOf(inner);
    return { id: "", kind: "direct", text: inner, span: [a, a + inner.length], marks: [a - 1, a + inner.length + 2], confidence: 0.9, source: "test" };
  };
  it("a title-case quotation after 'on', 'of' or a possessive names a show", () => {
    const text = 'Jo Park, host of WXRT\u2019s \u201cMorning Drive,\u201d said the plan would fail.';
    assert.equal(isWorkTitle(text, quote(text, "Morning Drive,")), true);
  });
  it("…not a quotation opening the sentence, nor a sentence in quotation marks", () => {
    const first = '"Morning Drive," Jo Park said.';
    assert.equal(isWorkTitle(first, quote(first, "Morning Drive,")), false);
    const said = 'She said on the radio "we will win this race."';
    assert.equal(isWorkTitle(said, quote(said, "we will win this race.")), false);
  });
});
