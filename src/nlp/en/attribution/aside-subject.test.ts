// A subject set off from its speech verb by an aside (aside-subject.ts): relative clauses, appositions, dashes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens } from "../extractors/quote-common.js";
import { asideSubject, dashAsideSubject } from "./aside-subject.js";

/** The mention `read` (asideSubject by default) finds for the verb `cue` (first occurrence) of a one-sentence text, or undefined. */
function subjectOf(text: string, cue: string, read: typeof asideSubject = asideSubject): string | undefined {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const [s] = doc.get("sentence");
  let at = -1;
  for (let i = s!.tokenStart; i < s!.tokenEnd && at < 0; i++) if (tk.word(i) === cue) at = i;
  assert.ok(at >= 0, cue);
  const np = read(tk, text, s!.tokenStart, at);
  return np ? text.slice(np.span[0], np.span[1]) : undefined;
}

describe("aside subjects", () => {
  it("a 'who' clause between commas is written into the mention (the scorer adds its closing comma)", () => {
    assert.equal(subjectOf("Dana Whitfield, who runs a shelter outside Dayton, Ohio, said the beds were full.", "said"), "Dana Whitfield, who runs a shelter outside Dayton, Ohio");
  });
  it("an apposition between dashes keeps its closing dash", () => {
    assert.equal(subjectOf("Omar Keel — a welder from the east side — says the plant will close.", "says"), "Omar Keel — a welder from the east side —");
  });
  it("a restrictive 'who'/'whose' clause runs to the verb", () => {
    assert.equal(subjectOf("Farmers whose fields flooded last spring say the levee was never repaired.", "say"), "Farmers whose fields flooded last spring");
    assert.equal(subjectOf("One nurse who worked the night shift and who asked not to be named said staff were exhausted.", "said"), "One nurse who worked the night shift and who asked not to be named");
  });
  it("an adverbial aside is left out: the head alone is the source", () => {
    assert.equal(subjectOf("The agency, for its part, said the review was routine.", "said"), "The agency");
    assert.equal(subjectOf("A county official, speaking on condition of anonymity, said the count was late.", "said"), "A county official");
  });
  it("no aside: coordinated subjects, a second verb, a sentence break or a quotation inside", () => {
    assert.equal(subjectOf("The mayor, a Democrat, and the governor, a Republican, said the plan would work.", "said"), undefined);
    assert.equal(subjectOf("The tenants who organized the strike and then won the vote said rents would fall.", "said"), undefined);
    assert.equal(subjectOf("The plan, he wrote; \"is dead,\" the aide said.", "said"), undefined);
    assert.equal(subjectOf("He said the plan would work.", "said"), undefined);
  });
  it("the aside's closing comma may stand inside a quotation's closing mark", () => {
    assert.equal(subjectOf('Rhea Mott, host of the radio show "Early Shift," said the station would close.', "said"), 'Rhea Mott, host of the radio show "Early Shift,"');
    // (a participle aside quoting what it cites is adverbial: the head alone; marks may be two apostrophes)
    assert.equal(subjectOf('The dean, citing "a lack of funds," said classes would shrink.', "said"), "The dean");
    assert.equal(subjectOf("The dean, citing ''a lack of funds,'' said classes would shrink.", "said"), "The dean");
  });
  it("…not when a quotation in the aside is left open, nor a quoted sentence in an apposition", () => {
    assert.equal(subjectOf('The dean, citing "a lack of funds, said classes would shrink.', "said"), undefined);
    assert.equal(subjectOf('The dean, who wrote "we are broke," said classes would shrink.', "said"), undefined);
  });
});

/** The mention dashAsideSubject reads for the verb `cue`, or undefined. */
const dashSubjectOf = (text: string, cue: string): string | undefined => subjectOf(text, cue, dashAsideSubject);

describe("dash aside subjects", () => {
  it("a phrase the plain readers stop short of, with a list or an 'including' aside, past the verb's auxiliaries", () => {
    assert.equal(dashSubjectOf("The regional bus lines — Westway, Coastal and Metro North — said fares would rise.", "said"), "The regional bus lines — Westway, Coastal and Metro North —");
    assert.equal(dashSubjectOf("Hospital chiefs -- including Dr. Ana Pruitt -- have long argued that beds are short.", "argued"), "Hospital chiefs -- including Dr. Ana Pruitt --");
  });
  it("negative: no closing dash before the verb, a clause break inside, an adverbial aside", () => {
    assert.equal(dashSubjectOf("The regional bus lines said fares would rise.", "said"), undefined);
    assert.equal(dashSubjectOf("The lines — late again; the riders — said fares would rise.", "said"), undefined);
    assert.equal(dashSubjectOf("The mayor — during a long speech — said fares would rise.", "said"), undefined);
  });
});
