// Inputs that must not produce a quote (chrono-node's negative cases): titles, measures, apostrophes, non-cue "said".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "./quotes.test-helpers.js";

const NONE: [string, string][] = [
  ["a film title in quotes", `The festival opened with "The Long Winter," a Norwegian drama about a fishing village.`],
  ["a song title", `The band closed the night with "Midnight Train" and left the stage at 11.`],
  ["inches and feet", `The suspect is described as 5'11" tall with a scar on his left cheek.`],
  ["a screen size", `The new tablet has a 12.9" display and weighs 682 grams.`],
  ["apostrophes and possessives", `The players' union rejected the league's offer, and the owners' response isn't expected until June.`],
  ["so-called", `The so-called Twitter files were released in December.`],
  ["the aforesaid", `The said property was sold to the city in 1998 for a nominal fee.`],
  ["a nickname", `Carlos "Chapo" Mendez was extradited last week.`],
  ["a scare-quoted word", `Residents of the "new town" still lack a bus service.`],
  ["a report as a document, with no clause", `The committee published its report on the collapse on Friday.`],
  ["a verb that is not a cue", `The company said goodbye to its founder at a ceremony in Oslo.`],
  // (a negated cue reports too, "never claimed that …" with the negation in its cue: indirect-quotes.test.ts; a
  // negated verb that is no cue does not)
  ["a negated verb that is no cue", `The bus did not stop at the new station.`],
  ["a negated contraction before a verb that is no cue", `The committee hasn't met since the spring.`],
  ["a quoted term in a definition", `The term "gerrymandering" dates from 1812.`],
  ["a stray closing mark", `The session ended at noon” and the deputies left.`],
  ["a book title", `She spent the summer reading "The Grapes of Wrath" on the porch.`],
  ["a quoted nickname in a name", `Dwayne "The Rock" Johnson attended the premiere in London.`],
  ["a quoted song title after a verb", `The choir sang "Amazing Grace" at the memorial on Sunday.`],
  ["a so-called phrase in quotes", `The so-called "reform package" passed the lower house on Tuesday.`],
  ["a statement issued, with nothing said", `The ministry issued a statement on Friday evening.`],
  ["a document published", `The watchdog published its annual report on Tuesday.`],
  // a reduced relative before a verb that reports nothing is no source (quote-common.ts, reducedRelative)
  ["a poll released, then a verb of no report", `The state poll released Friday ran to forty pages.`],
  ["a town and its state in an apposition before a verb of no report", `Dale Pruitt, a welder from Dayton, Ohio, arrived at the rally early.`],
  ["a description, a name and an apposition before a verb of no report", `The city's mayor, Dan Reyes, a Democrat, arrived in the capital on Monday.`],
  ["a verb of speaking in an infinitive of purpose", `Hundreds of fans came to call for an encore after the show.`],
  ["a party and state tag with no cue", `Sen. Jane Doe, R-Ky., arrived in the capital on Monday.`],
  ["a restrictive 'who' with no cue after it", `The doctors who treated him left the hospital at noon.`],
  // the classifier's own reports (indirect-quotes.ts, bareReport) must not read these
  ["a speech verb with an empty object", `The ministry said nothing on Friday.`],
  ["a passive label with 'as'", `The new bridge is described as a landmark in the brochure.`],
  ["a verb right after a scare quote", `The team's "golden boy" scored twice in the final.`],
  // section labels before a colon are nobody's words (speakerTurn's NOT_SPEAKER)
  ["a 'The …:' section label", `The Latest: Storm closes schools across the region.`],
  ["a contributors' line", `Contributing: Jane Roe in Denver.`],
  // a chain head before a verb that reports nothing (attribution/cue-span.ts)
  ["a chain head before a verb of no report", `Sanders continues to trail the front-runner by more than 300 delegates.`],
  ["a chain head before 'grow'", `The lead in the polls continues to grow after the debate.`],
  // a cue word used as a noun (attribution/cue-readers.ts, nounUse)
  ["a cue word as a noun after a possessive", `The network's show drew record ratings on Sunday.`],
  ["a cue word as a noun before its verb", `A new report compares the accuracy of ten online panels.`],
  ["a cue word as a noun after a name a determiner opens", `The FEC report covering the last three months of 2015 was filed late.`],
];

describe("quotes: negative cases", () => {
  for (const [label, text] of NONE) {
    it(label, () => {
      const qs = runQuotes(text);
      assert.equal(qs.length, 0, `${text}\n${qs.map(brief).join("\n")}`);
    });
  }
});

describe("quotes: a scare quote inside a report", () => {
  it("stays part of the report and never becomes a quotation of its own", () => {
    const qs = runQuotes(`Critics dismissed the so-called "reform package" as cosmetic.`);
    assert.ok(qs.every((q) => q.kind === "indirect" && q.text !== "reform package"), qs.map(brief).join("\n"));
  });
});

describe("quotes: edges of a report's content", () => {
  it("a raising cue's subject stops at a clause edge ('After the vote, turnout is expected to …')", () => {
    const qs = runQuotes("After the vote, turnout is expected to rise sharply.");
    const q = qs.find((x) => x.cue?.text === "expected");
    assert.ok(q && q.text.startsWith("turnout") && !q.speaker, qs.map(brief).join("\n"));
  });
  it("a time between the cue and its 'that' stays out of the content ('said last week that')", () => {
    const qs = runQuotes("The minister said last week that taxes would rise in the spring.");
    assert.ok(qs.some((q) => q.text === "taxes would rise in the spring"), qs.map(brief).join("\n"));
  });
  it("an apostrophe of a possession after a report is no closing mark ('the voters' choice')", () => {
    const qs = runQuotes("The judge said the count would respect the voters' choice.");
    assert.ok(qs.some((q) => q.text === "the count would respect the voters' choice"), qs.map(brief).join("\n"));
  });
});

describe("quotes: hostile input", () => {
  it("survives a 100k-character sentence full of unbalanced marks, quickly", () => {
    const unit = `He said "the plan “will 'work and said that officials believe `;
    const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const t0 = performance.now();
    runQuotes(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });
  it("survives thousands of short paragraphs of lone quotation marks", () => {
    const text = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `"` : `“ said he`)).join("\n\n");
    const t0 = performance.now();
    runQuotes(text);
    assert.ok(performance.now() - t0 < 2000);
  });
  it("thousands of unattributed quotations in one paragraph stay linear", () => {
    const text = `"Nobody knows what happens next in this town." `.repeat(4000);
    const t0 = performance.now();
    runQuotes(text);
    assert.ok(performance.now() - t0 < 3000);
  });
  it("a quote that never closes stops at its paragraph", () => {
    const qs = runQuotes(`"We are ready, said the captain.\n\nThe ship left at dawn.\n\nIt reached port two days later.`);
    assert.ok(qs.every((q) => !q.text.includes("ship left")), qs.map(brief).join("\n"));
  });
});

describe("quotes: no cue from a participle between quotations that is no speech", () => {
  it(`'she said, smiling. "…"': the second quotation keeps the first one's cue`, () => {
    const qs = runQuotes(`"We won," she said, smiling. "It was close."`);
    assert.ok(qs.every((q) => q.cue?.text !== "smiling"), qs.map(brief).join("\n"));
  });
  it(`'a "breach of trust," smiling: "…"': a participle that is no speech verb hands over no speaker`, () => {
    const qs = runQuotes(`Ash called the move a "breach of trust," smiling: "We will see."`);
    assert.ok(qs.every((q) => q.cue?.text !== "smiling"), qs.map(brief).join("\n"));
  });
  it("a participle after an unattributed quotation in a sentence without a subject gives no speaker", () => {
    const qs = runQuotes(`"Nothing is settled," adding, "We will see."`);
    assert.ok(qs.every((q) => q.speaker === undefined), qs.map(brief).join("\n"));
  });
});

describe("quotes: a participle right before a quotation reports nothing by itself", () => {
  it(`'…, adding "…"' without 'that' leaves the quotation to the direct-quote readers, not a report of 'adding'`, () => {
    const qs = runQuotes(`"It's not new," said Rep. Bobby Scott, adding "we've been here before."`);
    assert.ok(qs.every((q) => !(q.kind === "indirect" && q.cue?.text === "adding")), qs.map(brief).join("\n"));
  });
});
