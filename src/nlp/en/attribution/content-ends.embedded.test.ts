// Where a report ends: before the main clause when its cue sits in a fronted adjunct or a relative clause (embeddedEnd).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens } from "../extractors/quote-common.js";
import { embeddedEnd } from "./content-ends.js";

/** The words of the content embeddedEnd keeps: cue `cue`, content from word `from` to the sentence end. */
function kept(text: string, cue: string, from: string): string {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const s = doc.get("sentence")[0]!;
  const find = (w: string, after: number) => {
    for (let i = after; i < s.tokenEnd; i++) if (tk.word(i) === w) return i;
    throw new Error(`no ${w}`);
  };
  let end = s.tokenEnd;
  while (end > s.tokenStart && tk.isPunct(end - 1)) end--;
  const cue0 = find(cue, s.tokenStart);
  const a = find(from, cue0 + 1);
  const b = embeddedEnd(tk, s.tokenStart, cue0, cue0 + 1, a, end);
  return text.slice(tk.start(a), tk.end(b - 1));
}

describe("embeddedEnd", () => {
  it("ends a report made in a fronted adjunct before the main clause", () => {
    assert.equal(kept("Although the mayor insisted that the bridge was safe, engineers closed it for repairs.", "insisted", "the"), "the bridge was safe");
    assert.equal(kept("But just as the critics predicted a collapse, the market rallied for a week.", "predicted", "a"), "a collapse");
    assert.equal(kept("After the senator said the bill was dead, lobbyists left the capital.", "said", "the"), "the bill was dead");
  });
  it("keeps a content's own adjunct and its clause", () => {
    assert.equal(kept("Because the mayor said that if the river rises, the bridge will close, drivers avoided it.", "said", "if"), "if the river rises, the bridge will close");
  });
  it("ends a report made in a relative clause before the main verb", () => {
    assert.equal(kept("The harbor plan, which the governor said would create hundreds of jobs, was approved by the board.", "said", "would"), "would create hundreds of jobs");
    assert.equal(kept("The union, in which members argued that the contract was unfair, has called a strike.", "argued", "the"), "the contract was unfair");
    assert.equal(kept("Ms. Okafor, a lawyer who argued that the fine was illegal, has appealed the ruling.", "argued", "the"), "the fine was illegal");
  });
  it("leaves a report alone whose cue is in the main clause or in a parenthetical", () => {
    assert.equal(kept("The mayor said that if the river rises, the bridge will close.", "said", "if"), "if the river rises, the bridge will close");
    assert.equal(kept("When the storm came, the mayor said the bridge would close, and the ferry stopped.", "said", "the"), "the bridge would close, and the ferry stopped");
    assert.equal(kept("As the minister said, the budget will not balance until 2030.", "said", "the"), "the budget will not balance until 2030");
    // (no comma and clause after the content: nothing to end at)
    assert.equal(kept("While the council announced a fee for visitors the residents stayed calm.", "announced", "a"), "a fee for visitors the residents stayed calm");
    // (a restrictive relative clause, with no comma, is part of its noun phrase's clause)
    assert.equal(kept("The plan that the governor said would create jobs, critics say, was approved.", "said", "would"), "would create jobs, critics say, was approved");
  });
});
