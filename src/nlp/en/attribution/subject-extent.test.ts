// Speaker phrase extent: list dashes and sentence adverbs dropped, group nouns' "of" phrases kept, relative-clause heads found.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Span } from "../../../core/record.js";
import { leadTrimmed, lineTrimmed, listStart, ofTail, quotedTitleStart, relativeClauseStart, slashStart, whoseStart } from "./subject-extent.js";

const spanOf = (text: string, words: string): Span => {
  const at = text.indexOf(words);
  assert.ok(at >= 0, words);
  return [at, at + words.length];
};

describe("subject extent", () => {
  it("a list dash or a sentence adverb opening the phrase is dropped", () => {
    const text = "- Pew notes that turnout fell. Moreover, Jeffrey D. Sachs noted this week that costs rose.";
    assert.equal(text.slice(...leadTrimmed(text, spanOf(text, "- Pew"))), "Pew");
    assert.equal(text.slice(...leadTrimmed(text, spanOf(text, "Moreover, Jeffrey D. Sachs"))), "Jeffrey D. Sachs");
  });
  it("'But' stays, and a phrase that is only a dash is left alone", () => {
    const text = "But a source familiar with the inquiry said it was over. -";
    const s = spanOf(text, "But a source familiar with the inquiry");
    assert.equal(leadTrimmed(text, s), s);
    const dash = spanOf(text, "-");
    assert.equal(leadTrimmed(text, dash), dash);
  });
  it("a group noun takes its 'of' phrase up to the cue, without the cue's auxiliaries", () => {
    const text = "A number of tax experts I spoke to this week about the plan were skeptical.";
    const s = spanOf(text, "A number");
    assert.equal(text.slice(s[0], ofTail(text, s, text.indexOf("skeptical"))), "A number of tax experts I spoke to this week about the plan");
  });
  it("after its cue, the 'of' phrase runs to the sentence end or the first comma", () => {
    const text = "Those views were echoed by a number of tax experts I spoke to, and by others.";
    const s = spanOf(text, "a number");
    assert.equal(text.slice(s[0], ofTail(text, s, text.length, true)), "a number of tax experts I spoke to");
  });
  it("no 'of' phrase for a name, nor across a verb of the phrase's own", () => {
    const text = "Clinton of course said so. A group of parents sent a letter to the board urging a delay.";
    const c = spanOf(text, "Clinton");
    assert.equal(ofTail(text, c, text.indexOf("said")), c[1]);
    const g = spanOf(text, "A group");
    assert.equal(ofTail(text, g, text.indexOf("urging")), g[1]);
  });
  it("the object inside a relative clause is passed over for the clause's head", () => {
    const text = "Surety companies that had insured Patriot's reclamation obligations agreed to the deal.";
    const r = relativeClauseStart(text, 0, text.indexOf("Patriot's"));
    assert.ok(r);
    assert.equal(text.slice(...r.head), "Surety companies");
    const many = "Many of the papers that endorsed him said they regretted it.";
    assert.equal(many.slice(...relativeClauseStart(many, 0, many.indexOf("him"))!.head), "Many of the papers");
  });
  it("a complementiser, a subject pronoun or a clause inside the relative clause is no relative subject", () => {
    const said = "Officials believe that Trump's aides said nothing.";
    assert.equal(relativeClauseStart(said, 0, said.indexOf("Trump's")), undefined);
    const when = "the congressman who gained national attention in 2009 when he yelled at the president";
    assert.equal(relativeClauseStart(when, 0, when.indexOf("he yelled")), undefined);
    const bare = "the man who Trump said was lying";
    assert.equal(relativeClauseStart(bare, 0, bare.indexOf("Trump")), undefined);
  });
  it("a phrase over a line break starts on the cue's line (a headline without a full stop ran into it)", () => {
    const text = "Christie Says He Would Issue A Quarantine Over Zika Virus\nChris Christie said he would quarantine people.";
    assert.equal(text.slice(...lineTrimmed(text, spanOf(text, "Zika Virus\nChris Christie"))), "Chris Christie");
    const one = spanOf(text, "Chris Christie said");
    assert.equal(lineTrimmed(text, one), one);
  });
  it("the names before a slash belong to the phrase after it ('The latest Reuters/Ipsos poll')", () => {
    const text = "Trump gained. The latest Reuters/Ipsos poll showed him ahead, as did a New York Times/CBS News survey and an NBC/Wall Street Journal/Marist poll.";
    assert.equal(text.slice(...slashStart(text, spanOf(text, "Ipsos poll"))), "The latest Reuters/Ipsos poll");
    assert.equal(text.slice(...slashStart(text, spanOf(text, "CBS News survey"))), "a New York Times/CBS News survey");
    assert.equal(text.slice(...slashStart(text, spanOf(text, "Marist poll"))), "an NBC/Wall Street Journal/Marist poll");
  });
  it("no capitalised name before the slash, or a space after it: the phrase stays", () => {
    const text = "Each voter said he/she would wait, and the and/ Or group voted.";
    const she = spanOf(text, "she");
    assert.equal(slashStart(text, she), she);
    const or = spanOf(text, "Or group");
    assert.equal(slashStart(text, or), or);
  });
  it("a list's earlier items before its coordinated last ones belong to the subject ('Kemp, Ames, | Ruiz and Lowe')", () => {
    const list = (text: string, words: string) => {
      const s = spanOf(text, words);
      const at = listStart(text, 0, s);
      return at === undefined ? undefined : text.slice(at, s[1]);
    };
    assert.equal(list("Mayor Ana Kemp, Dr. Tom Ames, Rita Ruiz and Ben Lowe argued the plan was rushed.", "Rita Ruiz and Ben Lowe"), "Mayor Ana Kemp, Dr. Tom Ames, Rita Ruiz and Ben Lowe");
    assert.equal(list("Teachers, nurses and bus drivers say the raise is overdue.", "nurses and bus drivers"), "Teachers, nurses and bus drivers");
    // a fronted adjunct before the list stays out of it; a comma before "and" after two items is the list's too
    assert.equal(list("At the hearing, Kemp, Ames and Lowe argued for a delay.", "Ames and Lowe"), "Kemp, Ames and Lowe");
    assert.equal(list("Farmers, truckers, and the local grocers complained.", "the local grocers"), "Farmers, truckers, and the local grocers");
  });
  it("no list when the words before the comma are a clause, an adverb, or one clause joined by ', and'", () => {
    const list = (text: string, words: string) => listStart(text, 0, spanOf(text, words));
    assert.equal(list("The vote was delayed, Ames and Lowe said.", "Ames and Lowe"), undefined);
    assert.equal(list("Yesterday, Ames and Lowe said the vote was delayed.", "Ames and Lowe"), undefined);
    assert.equal(list("Most recently, Ames and Lowe said so.", "Ames and Lowe"), undefined);
    assert.equal(list("Kemp didn't run, and Lowe said she would.", "Lowe"), undefined);
    // (no coordination at all: "Kemp, Lowe said" is a quotation's end or an apposition, not a list)
    assert.equal(list("Ames, Lowe said.", "Lowe"), undefined);
  });
  it("a possessive relative pronoun right before the phrase is part of it ('whose | lawyer said')", () => {
    const text = "The company, whose lawyer said the suit had no merit, appealed.";
    assert.equal(text.slice(...whoseStart(text, spanOf(text, "lawyer"))), "whose lawyer");
    const plain = "The company's lawyer said so.";
    const s = spanOf(plain, "lawyer");
    assert.equal(whoseStart(plain, s), s);
  });
  it("a quoted title right before the phrase modifies it ('\"Night Watch\" host Ann Lee', 'the \"Harbor\" star')", () => {
    const text = `"Night Watch" host Ann Lee said the show would end. Later the "Harbor" star agreed.`;
    assert.equal(text.slice(...quotedTitleStart(text, spanOf(text, "host Ann Lee"))), `"Night Watch" host Ann Lee`);
    assert.equal(text.slice(...quotedTitleStart(text, spanOf(text, "star"))), `the "Harbor" star`);
  });
  it("no title before a pronoun, nor a quotation that ends with its own punctuation", () => {
    const pronoun = `The plan is "too little, too late" he said.`;
    const he = spanOf(pronoun, "he said");
    const one: [number, number] = [he[0], he[0] + 2];
    assert.equal(quotedTitleStart(pronoun, one), one);
    const quote = `"We will win," Ann Lee said.`;
    const s = spanOf(quote, "Ann Lee");
    assert.equal(quotedTitleStart(quote, s), s);
    const long = `"This is a long sentence of its own" Ann Lee said.`;
    const l = spanOf(long, "Ann Lee");
    assert.equal(quotedTitleStart(long, l), l);
  });
});
