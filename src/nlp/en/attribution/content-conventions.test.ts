// PolNeAR content conventions the report readers follow: passive subjects and agents, concessive clauses and second predicates kept, woven quotations, nested reports, object ends.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toAttributions } from "../../../eval/polnear.js";
import { brief, runQuotes } from "../extractors/quotes.test-helpers.js";
import { Document } from "../../../core/document.js";
import { Pipeline, type Stage } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { directQuotes } from "../extractors/direct-quotes.js";
import { indirectQuotes } from "../extractors/indirect-quotes.js";
import { quoteContinuation } from "../refiners/quote-continuation.js";
import { quoteAttribution } from "../refiners/quote-attribution.js";
import { mixedClauses } from "../refiners/mixed-clauses.js";
import { nestedReports, outermostReports } from "../refiners/nested-reports.js";
import type { Quote } from "../../../core/annotations.js";

const reported = (text: string) => {
  const qs = runQuotes(text).filter((q) => q.kind === "indirect");
  assert.equal(qs.length, 1, `expected one indirect quote in: ${text}\n${qs.map(brief).join("\n")}`);
  return qs[0]!;
};

/** The report readers followed by `refiners`, as a function of the text to the quote layer. */
const quotesWith = (...refiners: Stage[]) => (text: string): Quote[] => {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens, directQuotes, indirectQuotes, ...refiners]).run(doc);
  return doc.get("quote") as Quote[];
};

/** The content fragments the PolNeAR scorer reads from the one report of `text`. */
function contentFragments(text: string): string[] {
  const a = toAttributions(text, [reported(text)]);
  return (a[0]?.content ?? []).map(([x, y]) => text.slice(x, y));
}

describe("a verbal passive reports about its subject, by nobody named", () => {
  it("'X was accused of …': the subject opens the content and is no source", () => {
    const q = reported("Mr. Quiros was accused of using $50 million for personal expenses.");
    assert.equal(q.speaker, undefined);
    assert.ok(q.text.startsWith("Mr. Quiros"), q.text);
    assert.ok(q.text.endsWith("for personal expenses"), q.text);
  });
  it("'X was once asked how …': an adverb among the auxiliaries; the one asked is neither source nor content", () => {
    const text = "Ronald Reagan was once asked how the Cold War would end.";
    assert.equal(reported(text).speaker, undefined);
    assert.deepEqual(contentFragments(text), ["how the Cold War would end"]);
  });
  it("'X was told that …', 'was asked to …': the one spoken to is no part of what was said", () => {
    assert.deepEqual(contentFragments("The council has been asked to publish the audit."), ["to publish the audit"]);
    assert.deepEqual(contentFragments("The mayor faced criticism when it was revealed in March that she had used a private account."), ["that she had used a private account"]);
    assert.deepEqual(contentFragments("It was said that no tax could ever pass the chamber."), ["that no tax could ever pass the chamber"]);
    // (negative: a "that" inside an infinitive's object is no complementiser of the cue, and the subject stays)
    assert.deepEqual(contentFragments("The council is expected to pass a budget that cuts the parks fund."), ["The council", "to pass a budget that cuts the parks fund"]);
  });
  it("'X was first reported by Y': the agent is the source, the subject the whole content", () => {
    const q = reported("The registration issue was first reported by The Washington Post.");
    assert.equal(q.text, "The registration issue");
    assert.ok(q.speaker?.name.endsWith("Washington Post"), brief(q));
    assert.equal(q.cue?.text, "reported");
  });
  it("leaves a state of mind to its subject ('are concerned that …')", () => {
    const q = reported("Senior Republicans are concerned that the spending bill will fail in the House.");
    assert.equal(q.speaker?.name, "Senior Republicans");
    assert.equal(q.text, "the spending bill will fail in the House");
  });
  it("leaves an active report to its subject ('X accused Y of …')", () => {
    const q = reported("The governor accused the mayor of hiding the audit from the council.");
    assert.equal(q.speaker?.name, "The governor");
    assert.ok(!q.text.startsWith("The governor"), q.text);
  });
});

describe("a concessive clause after a comma stays in the report", () => {
  it("', even though …' (PolNeAR keeps it more often than not)", () => {
    const q = reported("The senator said the trip was more important than the summit, even though it received less attention.");
    assert.equal(q.text, "the trip was more important than the summit, even though it received less attention");
  });
  it("', which …' still ends it", () => {
    const q = reported("The senator said the trip was more important than the summit, which surprised her staff.");
    assert.equal(q.text, "the trip was more important than the summit");
  });
  it("', but that …' and ', but not …' go on with the report; ', but that was …' (a pronoun) ends it", () => {
    assert.equal(reported("The senator said the bill was flawed, but that she would vote for it anyway.").text, "the bill was flawed, but that she would vote for it anyway");
    assert.equal(reported("The governor said he supports an exception for small farms, but not for large ones.").text, "he supports an exception for small farms, but not for large ones");
    assert.equal(reported("The governor says voters are “right to be angry,” but also eager for real answers.").text, "voters are “right to be angry,” but also eager for real answers");
    assert.equal(reported("The analysts said the firm had the backing of a bank, but that was not the case.").text, "the firm had the backing of a bank");
  });
  it("', but' and a second predicate with no subject of its own goes on with a reported clause ('…, but needed …')", () => {
    assert.equal(reported("The coach said the team played well, but needed more practice before the final.").text, "the team played well, but needed more practice before the final");
    assert.equal(reported("The clerk said that the office had received the forms, but hasn't counted them yet.").text, "the office had received the forms, but hasn't counted them yet");
    assert.equal(reported("The driver said he left the depot on time but was stuck in traffic for an hour.").text, "he left the depot on time but was stuck in traffic for an hour");
  });
  it("…not a speech verb there (a report of its own), nor the second predicate of an object report's speaker", () => {
    const said = runQuotes("The coach said the team played well, but insisted that the referees were unfair.").filter((q) => q.kind === "indirect");
    assert.deepEqual(said.map((q) => q.text), ["the team played well", "the referees were unfair"]);
    const criticized = runQuotes("The mayor criticized the budget, but praised the parks department.").filter((q) => q.kind === "indirect");
    assert.deepEqual(criticized.map((q) => q.text), ["the budget", "the parks department"]);
    assert.equal(reported("The agency has defended the new rule but has been met with protests.").text, "the new rule");
    assert.equal(reported("The clerk said that the office had received the forms but did not say when.").text, "the office had received the forms");
  });
  it("…but an aside inside the reported clause's subject does not end it ('said the plan, which …, was …')", () => {
    assert.equal(reported("The officials said the plan, which passed in the spring, was a mistake.").text, "the plan, which passed in the spring, was a mistake");
    assert.equal(reported("The adviser argued that the group, though it had shrunk, is still a threat.").text, "the group, though it had shrunk, is still a threat");
    // (not when the aside's comma is followed by no verb of the subject's, nor when the aside reports on its own)
    assert.equal(reported("The mayor praised the plan, which passed in the spring, and its authors.").text, "the plan");
    const own = runQuotes("The analyst said the tax bill, which the agency said was overdue, is a warning.").filter((q) => q.kind === "indirect");
    assert.equal(own.find((q) => q.speaker?.name === "The analyst")?.text, "the tax bill");
  });
  it("a 'that' with a clitic is the clause's subject, not its complementiser ('says that's good news')", () => {
    assert.equal(reported("The mayor says that's good news for the city.").text, "that's good news for the city");
  });
});

describe("a quotation woven into its cue's clause reports the clause (mixed quote)", () => {
  // the quote stages with the clause refiner after the report readers, as in the English pipeline
  const runQuotes = quotesWith(mixedClauses, quoteContinuation, quoteAttribution);
  const all = (text: string) => toAttributions(text, runQuotes(text));
  it("a quotation that runs on into its sentence: the clause to the sentence end, the quotation inside it mixed", () => {
    const text = 'The governor said "tax reform" and a smaller payroll would close the gap.';
    const qs = runQuotes(text);
    const clause = qs.find((q) => q.kind === "indirect");
    assert.equal(clause?.text, '"tax reform" and a smaller payroll would close the gap', qs.map(brief).join("\n"));
    assert.equal(clause?.speaker?.name, "The governor");
    assert.equal(qs.find((q) => q.text === "tax reform")?.kind, "mixed");
    const a = all(text);
    assert.equal(a.length, 1);
    assert.deepEqual(a[0]!.content!.map(([x, y]) => text.slice(x, y)), ['"tax reform" and a smaller payroll would close the gap']);
  });
  it("words between the cue and the quotation open the content ('said the agency had been \"…\"')", () => {
    const text = 'The inspector said the agency had been "slow to respond" to the warnings.';
    const a = all(text);
    assert.deepEqual(a.map((x) => x.content!.map(([p, q]) => text.slice(p, q))), [['the agency had been "slow to respond" to the warnings']]);
  });
  it("a naming verb's quotation stays the quotation alone ('called the plan \"…\" on Tuesday')", () => {
    const text = 'The mayor called the plan "a fiscal time bomb" during a radio interview.';
    assert.equal(runQuotes(text).filter((q) => q.source === "mixed-clause").length, 0);
  });
  it("two quotations joined by 'and' are one content, even after a naming verb ('chanted \"…\" and \"…\"')", () => {
    const contents = (text: string) => all(text).map((x) => x.content!.map(([p, q]) => text.slice(p, q)));
    let text = 'The mayor said that "the budget is balanced" and that "the parks will stay open."';
    assert.deepEqual(contents(text), [['that "the budget is balanced" and that "the parks will stay open."']]);
    text = 'The marchers chanted "end the war" and "bring them home."';
    assert.deepEqual(contents(text), [['"end the war" and "bring them home."']]);
    // (a naming verb's quotation followed by other words stays alone)
    text = 'They called the plan "a farce" and walked out of the hall.';
    assert.equal(runQuotes(text).filter((q) => q.source === "mixed-clause").length, 0);
  });
  it("a quotation handed over whole is no clause ('He said: \"…\"')", () => {
    const text = 'He said: "We will rebuild the bridge by spring."';
    assert.equal(runQuotes(text).filter((q) => q.source === "mixed-clause").length, 0);
  });
});

describe("a report inside another report's content is annotated once, from the outside (PolNeAR is univocal)", () => {
  // the quote stages with the nested-report refiner last, as in the English pipeline
  const runQuotes = quotesWith(mixedClauses, nestedReports);
  it("a report without marks inside a quotation is the outer speaker's words, not a second report", () => {
    for (const text of [
      "\"Every week my neighbors tell me the road is falling apart,\" the councilwoman said.",
      "The councilwoman said: \"Every week my neighbors tell me the road is falling apart.\"",
    ]) {
      const qs = runQuotes(text);
      assert.equal(qs.length, 1, qs.map(brief).join("\n"));
      assert.equal(qs[0]!.speaker?.name.toLowerCase(), "the councilwoman");
      assert.ok(qs[0]!.text.includes("my neighbors tell me"), qs[0]!.text);
    }
  });
  it("a quotation in its own marks inside a quotation keeps its own source (the record says who is quoted)", () => {
    const text = "\"Every week my neighbors say, 'Fix the road before winter,'\" the councilwoman said.";
    const qs = runQuotes(text);
    assert.equal(qs.find((q) => q.text.startsWith("Every week"))?.speaker?.name.toLowerCase(), "the councilwoman", qs.map(brief).join("\n"));
    assert.equal(qs.find((q) => q.text.startsWith("Fix the road"))?.speaker?.name.toLowerCase(), "my neighbors", qs.map(brief).join("\n"));
  });
  it("the outermost report only, after its cue or before it (the annotation manual's own two cases)", () => {
    for (const [text, cue, content] of [
      ["The union leader criticized the minister for claiming that the plant was profitable.", "criticized", "the minister for claiming that the plant was profitable"],
      ["Plans to close the plant were criticized in a union newsletter last month, two managers said.", "said", "Plans to close the plant were criticized in a union newsletter last month"],
    ]) {
      const qs = runQuotes(text!);
      assert.deepEqual(qs.map((x) => [x.cue?.text, x.text]), [[cue, content]], qs.map(brief).join("\n"));
    }
  });
  it("a report by another speaker whose cue lies inside the content gives way; one by the same speaker stays", () => {
    const q = (id: string, span: [number, number], cue: [number, number], speaker: [number, number]): Quote => ({
      id, kind: "indirect", text: "", span, cue: { text: "", span: cue }, speaker: { name: "", span: speaker }, source: "test",
    });
    // "The aide said voters told her the roads come first": the outer report holds the inner one's speaker and cue
    const outer = q("a", [14, 52], [9, 13], [0, 8]);
    const inner = q("b", [31, 52], [26, 30], [20, 25]);
    assert.deepEqual(outermostReports([outer, inner]).map((x) => x.id), ["a"]);
    assert.deepEqual(outermostReports([inner, outer]).map((x) => x.id), ["a"]);
    // the same speaker's quotation inside the report is its mixed part (the scorer merges it): both stay
    const own = { ...inner, id: "c", speaker: { name: "", span: [0, 8] as [number, number] } };
    assert.deepEqual(outermostReports([outer, own]).map((x) => x.id), ["a", "c"]);
    // a report outside the content stays
    const after = q("d", [70, 90], [65, 69], [55, 64]);
    assert.deepEqual(outermostReports([outer, after]).map((x) => x.id), ["a", "d"]);
    // the pairwise loop calls the deadline check it is given, so a document's budget can stop it
    let calls = 0;
    outermostReports([outer, inner, after], () => { calls++; });
    assert.ok(calls > 0);
    assert.throws(() => outermostReports([outer, inner], () => { throw new Error("budget"); }), /budget/);
  });
});

describe("an object report runs on past a colon, a parenthesis and ', including' (PolNeAR train usually does)", () => {
  it("', including …' stays in the object", () => {
    const q = reported("The governor criticized the budget cuts, including the reductions to school funding.");
    assert.equal(q.text, "the budget cuts, including the reductions to school funding");
  });
  it("a colon's list stays in the object", () => {
    const q = reported("The senator criticized the bill's two worst provisions: the tax on savings and the cap on deductions.");
    assert.equal(q.text, "the bill's two worst provisions: the tax on savings and the cap on deductions");
  });
  it("a parenthesis inside the object stays, and the words after it", () => {
    const q = reported("The mayor praised the new stadium (which opened last week) as a boost for the city.");
    assert.equal(q.text, "the new stadium (which opened last week) as a boost for the city");
  });
  it("', which …' and a dash still end it", () => {
    assert.equal(reported("The mayor praised the new stadium, which opened last week.").text, "the new stadium");
    assert.equal(reported("The mayor praised the new stadium — a project she had long opposed.").text, "the new stadium");
  });
});

describe("an object report ends before the time, the occasion and the means of the speaking, and the speaker's participle (attribution/content-ends.ts)", () => {
  it("a day or a period after the object dates the verb ('endorsed the mayor Wednesday', 'on Thursday night', 'earlier this month')", () => {
    assert.equal(reported("The senator endorsed the mayor Wednesday.").text, "the mayor");
    assert.equal(reported("The governor announced his support for the bill on Thursday night.").text, "his support for the bill");
    assert.equal(reported("The senator praised the mayor earlier this month.").text, "the mayor");
  });
  it("a plan's time is the plan's, and a day inside a noun phrase is the noun's", () => {
    assert.equal(reported("The council urged residents to vote Tuesday.").text, "residents to vote Tuesday");
    assert.equal(reported("The governor predicted a win in Tuesday's primary.").text, "a win in Tuesday's primary");
    assert.equal(reported("The chief praised their Friday editorial on crime.").text, "their Friday editorial on crime");
  });
  it("an occasion or a medium ('in a statement', 'at a town hall') and a means ('by comparing …')", () => {
    assert.equal(reported("The mayor defended the budget in a statement.").text, "the budget");
    assert.equal(reported("The senator praised the mayor at a town hall in the capital.").text, "the mayor");
    assert.equal(reported("The senator attacked the plan by comparing it to a tax on farmers.").text, "the plan");
  });
  it("an abbreviation's dot and a parenthesis the sentence's close took stay with the report ('… Calif.', '(NATO)')", () => {
    assert.equal(reported("The mayor praised the rescue crews in Tulsa, Okla.").text, "the rescue crews in Tulsa, Okla.");
    assert.equal(reported("The senator said the vote would be held at 7 p.m.").text, "the vote would be held at 7 p.m.");
    assert.equal(reported("The senator criticized the North Atlantic Treaty Organization (NATO).").text, "the North Atlantic Treaty Organization (NATO)");
    // (not a full stop after an ordinary word, nor a parenthesis the report did not open)
    assert.equal(reported("The mayor praised the rescue crews in the city.").text, "the rescue crews in the city");
    assert.equal(reported("The senator criticized the plan (again).").text, "the plan");
  });
  it("a participle after a comma is the speaker's ('spoke about the budget crisis, waving …')", () => {
    assert.equal(reported("The senator spoke about the budget crisis, waving a copy of the bill.").text, "the budget crisis");
  });
  it("…but a means after a gerund in the object is the gerund's ('the idea of saving energy by closing …')", () => {
    assert.equal(reported("The group praised the idea of saving energy by closing the blinds.").text, "the idea of saving energy by closing the blinds");
  });
});

describe("a participle after a quotation's attribution reports its object, said by the quotation's speaker", () => {
  const all = quotesWith(mixedClauses, nestedReports, quoteContinuation, quoteAttribution);
  it("'“…,” Jane Doe said, referencing …': the quotation stays, and the participle's report is Jane Doe's", () => {
    const text = "“We will win the state and then the next one in the fall,” Jane Doe said, referencing the campaign of her rival.";
    const qs = all(text);
    const direct = qs.find((q) => q.kind === "direct");
    assert.ok(direct, qs.map(brief).join("\n"));
    assert.equal(direct.speaker?.name, "Jane Doe");
    const referencing = qs.find((q) => q.cue?.text === "referencing");
    assert.equal(referencing?.text, "the campaign of her rival");
    assert.equal(referencing?.speaker?.name, "Jane Doe");
  });
});
