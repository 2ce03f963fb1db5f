// Speaker resolution: mention overlap, pronouns by gender, surnames, descriptions; one answer per quote; ids.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { BudgetExceeded, Pipeline, type Stage } from "../../../core/pipeline.js";
import { toRecord } from "../../../core/to-record.js";
import { validateRecord } from "../../../eval/validate-record.js";
import { directQuotes } from "../extractors/direct-quotes.js";
import { indirectQuotes } from "../extractors/indirect-quotes.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { brief, handEntities, runQuotes, type HandEntity } from "../extractors/quotes.test-helpers.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { quoteAttribution } from "./quote-attribution.js";
import { quoteContinuation } from "./quote-continuation.js";

const PEOPLE: HandEntity[] = [
  { name: "Angela Brandt", aliases: ["Brandt"], gender: "female" },
  { name: "Tomas Novak", aliases: ["Novak"], gender: "male", descriptors: ["finance minister"] },
  { name: "World Health Organization", type: "ORG", aliases: ["WHO"] },
  { name: "Germany", type: "GPE" },
];
const find = (text: string, start: string, entities = PEOPLE) => {
  const qs = runQuotes(text, entities);
  const q = qs.find((x) => x.text.startsWith(start));
  assert.ok(q, `no quote starting "${start}" in:\n${qs.map(brief).join("\n")}`);
  return q!;
};

describe("quote attribution", () => {
  it("a full name overlapping a mention links to its entity", () => {
    const q = find(`"We will not sign this treaty," said Angela Brandt.`, "We will not sign");
    assert.equal(q.speaker?.entity, "e1");
    assert.equal(q.speaker?.name, "Angela Brandt");
  });
  it("a surname links to the entity whose aliases contain it", () => {
    const text = `Angela Brandt arrived late.\n"The vote is a formality," Brandt said.`;
    const q = find(text, "The vote is");
    assert.equal(q.speaker?.entity, "e1");
    assert.equal(text.slice(...q.speaker!.span!), "Brandt");
  });
  it("a pronoun takes the last person of its gender", () => {
    const text = `Angela Brandt met Tomas Novak in Berlin on Monday.\n"The talks went well," she said.`;
    const q = find(text, "The talks went well");
    assert.equal(q.speaker?.name, "Angela Brandt");
    assert.equal(text.slice(...q.speaker!.span!), "she");
  });
  it("a pronoun skips people named inside quotations", () => {
    const text = `"We expect nothing from Novak," Brandt said.\n"He has had two years," she added.`;
    assert.equal(find(text, "He has had").speaker?.name, "Angela Brandt");
  });
  it("he and she in turn", () => {
    const text = `Tomas Novak and Angela Brandt spoke after the summit.\n"It was productive," he said. "The next round is in May," she said.`;
    assert.equal(find(text, "It was productive").speaker?.name, "Tomas Novak");
    assert.equal(find(text, "The next round").speaker?.name, "Angela Brandt");
  });
  it("a description falls back to the person last mentioned only when no known role of theirs says otherwise", () => {
    const people: HandEntity[] = [{ name: "Maria Lindqvist", gender: "female", roles: ["attorney general"] }, { name: "Paul Okafor", gender: "male" }];
    const other = find(`Maria Lindqvist opened the inquiry on Monday.\nThe governor said the budget would be cut.`, "the budget", people);
    assert.equal(other.speaker?.entity, undefined);
    assert.equal(other.speaker?.name, "The governor");
    const same = find(`Paul Okafor toured the flooded district on Monday.\nThe mayor said the bridge would reopen.`, "the bridge", people);
    assert.equal(same.speaker?.entity, "e2");
  });
  it("a description resolves to the entity it describes", () => {
    const text = `Tomas Novak presented the budget on Tuesday.\n"There will be no new taxes," said the finance minister.`;
    assert.equal(find(text, "There will be no").speaker?.entity, "e2");
  });
  it("an organisation as speaker", () => {
    const q = find(`"The outbreak is under control," said a statement from the World Health Organization.`, "The outbreak");
    assert.equal(q.speaker?.entity, "e3");
  });
  it("a possessive group is not the country", () => {
    const q = find(`Germany's defence ministry said the tanks would be delivered in spring.`, "the tanks");
    assert.equal(q.speaker?.entity, undefined);
    assert.equal(q.speaker?.name, "Germany's defence ministry");
  });
  it("without entity layers, a pronoun takes the last named speaker", () => {
    const text = `"We ran out of beds on Sunday," said nurse Clara Oyelaran.\n"Patients are sleeping in corridors," she told the BBC.`;
    assert.equal(find(text, "Patients are sleeping", []).speaker?.name, "Clara Oyelaran");
  });
  it("without entity layers, a surname takes the full name said before", () => {
    const text = `Pedro Alves, a fisherman, says the catch has halved since 2019.\n"The sea is empty," Alves said.`;
    assert.equal(find(text, "The sea is empty", []).speaker?.name, "Pedro Alves");
  });
  it("ids run in text order, with a confidence on every quote", () => {
    const qs = runQuotes(`"First," said Ann Lee. The mayor said the bridge would close in June. "Third," said Bo Chen.`);
    assert.deepEqual(qs.map((q) => q.id), qs.map((_, i) => `q${i + 1}`));
    assert.ok(qs.every((q) => typeof q.confidence === "number" && q.confidence > 0 && q.confidence <= 1));
    for (let i = 1; i < qs.length; i++) assert.ok(qs[i]!.span[0] >= qs[i - 1]!.span[0]);
  });
  it("one answer per item: no two quotes over the same words with different speakers", () => {
    const qs = runQuotes(`"We won," Brandt said, Novak said.\n"Nobody expected it," said Brandt.`, PEOPLE);
    const seen = new Map<string, string | undefined>();
    for (const q of qs) {
      const key = `${q.span[0]}:${q.span[1]}`;
      assert.ok(!seen.has(key), `duplicate quote over ${q.text}`);
      seen.set(key, q.speaker?.name);
    }
  });
  it("a surname of more than six words (looked up without the index of short name endings) finds the first entity it ends", () => {
    const people: HandEntity[] = [{ name: "Maria Elena Sofia Isabel Carmen Lucia Alvarez Garcia" }, { name: "Ana Sofia Isabel Carmen Lucia Alvarez Garcia" }];
    const text = `"The talks have failed," said Elena Sofia Isabel Carmen Lucia Alvarez Garcia.\n"We go on," said Sofia Isabel Carmen Lucia Alvarez Garcia.`;
    assert.equal(find(text, "The talks", people).speaker?.entity, "e1");
    assert.equal(find(text, "We go on", people).speaker?.entity, "e1");
  });
  describe("the speaker span is the whole subject, as written next to the cue", () => {
    const OTHERS: HandEntity[] = [
      { name: "Maria Ortega", aliases: ["Ortega"], gender: "female" },
      { name: "Senate", type: "ORG" },
      { name: "Greenpeace", type: "ORG" },
    ];
    const speakerOf = (text: string, start: string) => {
      const q = find(text, start, OTHERS);
      return { said: q.speaker?.span ? text.slice(...q.speaker.span) : undefined, name: q.speaker?.name, entity: q.speaker?.entity };
    };
    it("a name after a preposition widens to the subject it is part of", () => {
      assert.equal(speakerOf("A survey of farmers in the region found that yields fell by a third.", "yields fell").said, "A survey of farmers in the region");
      assert.equal(speakerOf("Critics of the new dam said the river would dry up.", "the river").said, "Critics of the new dam");
      // (the sentence's "But" opens the clause, not the subject)
      assert.equal(speakerOf("Relief workers said little. But a report by the regional water board found that the aid came late.", "the aid came").said, "a report by the regional water board");
    });
    it("a participle before the noun belongs to it ('registered voters'), and the whole phrase names an unnamed speaker", () => {
      const s = speakerOf("Only a third of registered voters said the race was close.", "the race");
      assert.deepEqual(s, { said: "Only a third of registered voters", name: "Only a third of registered voters", entity: undefined });
    });
    it("negative: a participle after a noun is a verb, not a modifier; 'and' after a comma joins clauses, not names", () => {
      // ("arrested" is the relative clause's verb: the subject is the police with their clause, not "arrested protesters")
      assert.equal(speakerOf("Police who arrested protesters said the march was illegal.", "the march").said, "Police who arrested protesters");
      assert.equal(speakerOf("The mayor thanked volunteers, and residents said the town was clean.", "the town").said, "residents");
    });
    it("a coordinated subject is one speaker phrase with no single entity", () => {
      const s = speakerOf("Greenpeace and its allies say the plan is too weak.", "the plan is");
      assert.equal(s.said, "Greenpeace and its allies");
      assert.equal(s.entity, undefined);
    });
    it("a coordinated subject after a relative pronoun, with a party in brackets, or led by 'Both' and a name", () => {
      assert.equal(speakerOf("It was a gamble that Ortega and her advisers hope will pay off by May.", "will pay off").said, "Ortega and her advisers");
      assert.equal(speakerOf("Former Gov. Ana Ruiz (D) and former Gov. Ben Hale (R) announced they would leave the race.", "they would leave").said, "Former Gov. Ana Ruiz (D) and former Gov. Ben Hale (R)");
      assert.equal(speakerOf("Both The Lisbon Herald and the Porto Ledger confirmed that the port was closed.", "the port was").said, "Both The Lisbon Herald and the Porto Ledger");
    });
    it("negative: a time before 'and' ends an adjunct, it is no first conjunct", () => {
      assert.equal(speakerOf("He dropped Ortega off at the station that morning and Ortega told him the trains were late.", "the trains").said, "Ortega");
    });
    it("a noun a relative clause without its pronoun modifies is no part of its subject; an adjective or a role stays", () => {
      assert.equal(speakerOf("That is the reason Maria Ortega is seeking a recount of the vote.", "a recount").said, "Maria Ortega");
      assert.equal(speakerOf("Reporters had asked about it, as the host Tom Reyes said that the show would end.", "the show would").said, "the host Tom Reyes");
    });
    it("a day or an adverb between the name and the cue is no part of the speaker", () => {
      const s = speakerOf("Maria Ortega on Thursday said the port would reopen.", "the port");
      assert.equal(s.said, "Maria Ortega");
      assert.equal(s.entity, "e1");
    });
    it("a dateline before a spaced dash and an occasion's noun before the name drop", () => {
      assert.equal(speakerOf("LISBON -- Maria Ortega said the strike would end soon.", "the strike").said, "Maria Ortega");
      const s = speakerOf("In a radio interview Ortega said the deal was dead.", "the deal");
      assert.equal(s.said, "Ortega");
      assert.equal(s.name, "Maria Ortega");
    });
    it("a relative pronoun before the cue is the speaker as written, resolved to the name it follows", () => {
      const text = "The plan was backed by the Senate, which has said that the port must reopen.";
      const q = find(text, "the port must", OTHERS);
      assert.equal(text.slice(...q.speaker!.span!), "which");
      assert.equal(q.speaker?.entity, "e2");
      const who = speakerOf("Farmers met Maria Ortega, who said the price was too low.", "the price");
      assert.deepEqual(who, { said: "who", name: "Maria Ortega", entity: "e1" });
    });
    it("a relative pronoun past its auxiliary ('which is planning to …') is the speaker as written", () => {
      const s = speakerOf("The money flows into groups such as the Farm Bureau, which is planning to provide rural candidates with major air cover.", "to provide");
      assert.equal(s.said, "which");
    });
    it("negative: 'that' before 'according to' or a participle is a complementiser, no relative speaker", () => {
      assert.equal(speakerOf("He was keenly aware that reminding voters why they liked him could help.", "why they").said, "He");
    });
    it("negative: a relative clause that is the content, and 'that' (a complementiser as often as a pronoun), make no relative speaker", () => {
      assert.equal(speakerOf("She thanked the volunteers who said nothing.", "the volunteers").said, "She");
      assert.equal(speakerOf("Maria Ortega said that officials knew the dam was weak.", "officials knew").said, "Maria Ortega");
    });
    it("negative: a fronted phrase set off by a comma, a clause before 'and', and a cue far away stay as they are", () => {
      assert.equal(speakerOf("In the Senate, Ortega said the vote would be close.", "the vote").said, "Ortega");
      assert.equal(speakerOf("The police fired tear gas and protesters said the march would go on.", "the march").said, "protesters");
      assert.equal(speakerOf("The strike, which began in May, ended after union leaders said the offer was fair.", "the offer").said, "union leaders");
      const q = find(`"We will not move," said Maria Ortega on Thursday.`, "We will not move", OTHERS);
      assert.equal(q.speaker?.entity, "e1");
    });
  });
  it("skipped by the time budget, it still numbers the quotes and clears their working fields", () => {
    const text = `"We won," Brandt said, Novak said.\n"Nobody expected it," said Brandt. The mayor said the bridge would close.`;
    const spent: Stage = { name: "spent", kind: "extractor", requires: [], provides: [], run() { throw new BudgetExceeded(1, 2); } };
    const doc = new Pipeline([paragraphs, sentences, tokens, handEntities(PEOPLE), directQuotes, indirectQuotes, quoteContinuation, spent, quoteAttribution]).run(new Document(text, {}, "a1"));
    assert.ok(doc.messages.some((m) => /skipped quoteAttribution/.test(m.text)), doc.messages.map((m) => m.text).join("\n"));
    const qs = doc.get("quote");
    assert.ok(qs.length >= 3, qs.map(brief).join("\n"));
    assert.deepEqual(qs.map((q) => q.id), qs.map((_, i) => `q${i + 1}`));
    assert.equal(new Set(qs.map((q) => `${q.span[0]}:${q.span[1]}`)).size, qs.length);
    assert.ok(qs.every((q) => q.marks === undefined && q.paragraph === undefined && q.attribution === undefined));
    // the speakers are the extractors' phrases, unlinked, and the record is valid
    assert.ok(qs.every((q) => q.speaker?.entity === undefined));
    assert.deepEqual(validateRecord(toRecord(doc)), []);
  });
  it("a phrase after a participle cue is what it reports, and the report's speaker is the sentence's ('…, explaining the decision')", () => {
    const text = "Ann Lee, a spokeswoman for the campaign, defended the move on Monday, explaining the campaign's decision.";
    const q = runQuotes(text).find((x) => x.cue?.text === "explaining");
    assert.ok(q, runQuotes(text).map(brief).join("\n"));
    assert.equal(q!.text, "the campaign's decision");
    assert.equal(text.slice(...q!.speaker!.span!).startsWith("Ann Lee"), true, brief(q!));
  });
  it("a speaker after a finite cue stays ('…, said Ann Lee.'), as does 'according to' X", () => {
    for (const text of ["The deal is done, said Ann Lee.", "The deal is done, according to Ann Lee."]) {
      const q = runQuotes(text).find((x) => x.cue);
      assert.equal(q?.speaker?.name, "Ann Lee", runQuotes(text).map(brief).join("\n"));
    }
  });
  it("a speaker phrase never runs over a line break before its cue", () => {
    const text = "Debate Over Zika Virus\nChris Christie said he would quarantine people over fears of the virus.";
    const q = find(text, "he would quarantine");
    assert.equal(text.slice(...q.speaker!.span!), "Chris Christie");
  });
});
