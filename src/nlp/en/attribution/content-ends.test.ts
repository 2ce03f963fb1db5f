// Where a report may end: the guard on the learned end (a subject kept with its verb, joined words and dates kept whole).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens } from "../extractors/quote-common.js";
import { cutKeepsReport, subjectGoesOn } from "./content-ends.js";

/** The tokens of one sentence, the first token of the content (the word after `cue`), its end, and the index of word `w` from there. */
function content(text: string, cue: string) {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  let stop = tk.count;
  while (stop > 0 && tk.isPunct(stop - 1)) stop--;
  let from = 0;
  while (tk.word(from) !== cue) from++;
  from++;
  const at = (w: string, n = 1): number => {
    for (let i = from; i < stop; i++) if (tk.word(i) === w && --n === 0) return i;
    throw new Error(`no ${w}`);
  };
  return { tk, from, stop, at };
}

describe("a learned end keeps a subject with its verb", () => {
  it("refuses a cut before an aside that the subject's verb follows ('said Jones |, despite his age, is …')", () => {
    const c = content("Aides said Jones, despite his age, is ready to run again.", "said");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at(",")), false);
    const t = content("Aides said that Jones, the oldest member of the board, would be too cautious.", "said");
    assert.equal(subjectGoesOn(t.tk, t.from, t.stop, t.at(",")), true);
  });
  it("refuses a cut between two subjects of a 'that' clause ('that he | and his aide had …')", () => {
    const c = content("The mayor admitted that he and his aide had met the builder twice.", "admitted");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("and")), false);
  });
  it("allows a cut before an aside after an object or after the clause's verb", () => {
    const o = content("The senator praised Jones, who spoke first, and left the hall.", "praised");
    assert.equal(cutKeepsReport(o.tk, o.from, o.stop, o.at(",")), true);
    const v = content("Aides said the plan was sound, despite the cost, and was ready.", "said");
    assert.equal(cutKeepsReport(v.tk, v.from, v.stop, v.at(",")), true);
    // (a noun that could be a verb, "plan", is no verb of the subject's: the aside still belongs to the subject)
    const n = content("Aides said the plan, despite the cost, was sound.", "said");
    assert.equal(cutKeepsReport(n.tk, n.from, n.stop, n.at(",")), false);
  });
  it("allows a cut before an aside that reports on its own ('the bill, which the agency said was overdue, is …')", () => {
    const c = content("The analyst said the tax bill, which the agency said was overdue, is a warning.", "said");
    assert.equal(subjectGoesOn(c.tk, c.from, c.stop, c.at(",")), false);
  });
  it("allows a cut before 'and' joining a second clause with a verb first ('… and said …')", () => {
    const c = content("The mayor noted that taxes rose and said the council would act.", "noted");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("and")), true);
  });
});

describe("a learned end keeps joined words and dates whole", () => {
  it("refuses a cut inside a hyphenated word or a score ('a 22-point lead', 'a 60%-35% split')", () => {
    const c = content("The poll showed a 22-point lead and a 60%-35% split on taxes.", "showed");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("-")), false);
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("-", 2)), false);
  });
  it("refuses a cut at a suspended hyphen ('fourth- and eighth-grade')", () => {
    const c = content("The study found gains in fourth- and eighth-grade scores.", "found");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("-")), false);
  });
  it("refuses a cut between a date's day and its year, not a comma after the year", () => {
    const c = content("She recalled the Oct. 2, 1999, storm, which flooded the town.", "recalled");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at(",")), false);
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at(",", 3)), true);
  });
  it("allows a cut at a dash set off by spaces ('the budget -- a fight …')", () => {
    const c = content("The senator criticized the budget -- a fight that lasted weeks.", "criticized");
    assert.equal(cutKeepsReport(c.tk, c.from, c.stop, c.at("-")), true);
  });
});
