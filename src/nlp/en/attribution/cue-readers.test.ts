// The cue readers and span rules of cue-readers.ts and cue-span.ts, on single sentences (real news wording).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens, isFiniteForm } from "../extractors/quote-common.js";
import { askedReport, auxChainReport, nounUse } from "./cue-readers.js";
import { chainCue, lightVerbCue } from "./cue-span.js";

function tokenize(text: string): { tk: Tokens; s0: number; s1: number; end: number; at: (word: string) => number } {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const [s] = doc.get("sentence");
  let end = s!.tokenEnd;
  while (end > s!.tokenStart && tk.isPunct(end - 1)) end--;
  const at = (word: string): number => {
    for (let i = s!.tokenStart; i < s!.tokenEnd; i++) if (tk.word(i) === word) return i;
    throw new Error(`no token ${word}`);
  };
  return { tk, s0: s!.tokenStart, s1: s!.tokenEnd, end, at };
}
const toEnd = (_c: number, end: number): number => end;
const slice = (text: string, span: readonly [number, number] | undefined) => (span ? text.slice(span[0], span[1]) : undefined);

describe("chain heads (cues.json, scripts/build-cue-lexicon.mjs)", () => {
  it("are learned from the train split: 'continue' and 'try' run on, 'say' and 'decline' do not", () => {
    const chains = new Set((cueLexicon as { chains: string }).chains.split(" "));
    assert.ok(chains.has("continue") && chains.has("try"), [...chains].join(" "));
    assert.ok(!chains.has("say") && !chains.has("decline"));
  });
  it("extend the cue through 'to' and a cue verb, and start the content after its 'that'", () => {
    const text = "Mr. Kerry continued to insist that the talks would resume.";
    const { tk, at } = tokenize(text);
    const cue: [number, number] = [tk.start(at("continued")), tk.end(at("continued"))];
    const r = chainCue(tk, cue, [tk.start(at("to")), text.length - 1]);
    assert.equal(slice(text, r?.cue), "continued to insist");
    assert.equal(slice(text, r?.content), "the talks would resume");
  });
  it("drop the report when the second verb is no cue ('continues to trail')", () => {
    const text = "Sanders continues to trail the front-runner by 300 delegates.";
    const { tk, at } = tokenize(text);
    assert.equal(chainCue(tk, [tk.start(at("continues")), tk.end(at("continues"))], [tk.start(at("to")), text.length - 1]), null);
  });
  it("leave other cues alone ('said')", () => {
    const text = "The minister said to reporters that the talks would resume.";
    const { tk, at } = tokenize(text);
    assert.equal(chainCue(tk, [tk.start(at("said")), tk.end(at("said"))], [tk.start(at("to")), text.length - 1]), undefined);
  });
});

describe("auxChainReport", () => {
  it("reads a cue after a clitic, the cue span taking the clitic", () => {
    const text = "She's hoping the caucuses will set her on a clear path to the nomination.";
    const { tk, s0, end, at } = tokenize(text);
    const i = at("hoping");
    const r = auxChainReport(tk, text, s0, i, i + 1, end, 1, toEnd);
    assert.equal(slice(text, r?.cue), "'s hoping");
    assert.equal(r?.speaker.name, "She");
    assert.equal(slice(text, r?.content), "the caucuses will set her on a clear path to the nomination");
  });
  it("reads a negated cue, the negation in the cue span", () => {
    const neg = "She's not claiming that the count was wrong.";
    const a = tokenize(neg);
    const r = auxChainReport(a.tk, neg, a.s0, a.at("claiming"), a.at("claiming") + 1, a.end, 1, toEnd);
    assert.equal(slice(neg, r?.cue), "'s not claiming");
    assert.equal(slice(neg, r?.content), "the count was wrong");
  });
  it("refuses a cue with no clitic before it", () => {
    const plain = "The mayor has said the plant will close.";
    const b = tokenize(plain);
    assert.equal(auxChainReport(b.tk, plain, b.s0, b.at("said"), b.at("said") + 1, b.end, 1, toEnd), undefined);
  });
});

describe("askedReport", () => {
  it("reads the question after a fronted 'Asked', to its comma, and 'by X' as who asked", () => {
    const text = "Asked by a reporter whether the deal was dead, the senator shrugged.";
    const { tk, s0, end } = tokenize(text);
    const r = askedReport(tk, text, s0, s0, end);
    assert.equal(slice(text, r?.cue), "Asked");
    assert.equal(slice(text, r?.content), "whether the deal was dead");
    assert.equal(slice(text, r?.speaker?.span), "a reporter");
  });
  it("reads a trailing 'when asked about …' to the sentence end, 'about' in the cue", () => {
    const text = "The governor laughed when asked about the rumors.";
    const { tk, s0, end, at } = tokenize(text);
    const r = askedReport(tk, text, s0, at("asked"), end);
    assert.equal(slice(text, r?.cue), "asked about");
    assert.equal(slice(text, r?.content), "the rumors");
  });
  it("reads nothing without a question ('Asked to leave …') or after a subject ('She asked whether …')", () => {
    const a = "Asked to leave the building, the protesters refused.";
    const x = tokenize(a);
    assert.equal(askedReport(x.tk, a, x.s0, x.s0, x.end), undefined);
    const b = "She asked whether the vote would be delayed.";
    const y = tokenize(b);
    assert.equal(askedReport(y.tk, b, y.s0, y.at("asked"), y.end), undefined);
  });
});

describe("nounUse", () => {
  it("calls a cue word after a possessive or before a finite verb a noun", () => {
    const a = tokenize("The network's show drew record ratings.");
    assert.equal(nounUse(a.tk, a.at("show"), a.s0, a.s1, isFiniteForm), true);
    const b = tokenize("A new report compares the accuracy of online panels.");
    assert.equal(nounUse(b.tk, b.at("report"), b.s0, b.s1, isFiniteForm), true);
  });
  it("leaves verbs, past forms and cue nouns alone", () => {
    const a = tokenize("Officials report that the bridge is safe.");
    assert.equal(nounUse(a.tk, a.at("report"), a.s0, a.s1, isFiniteForm), false);
    const b = tokenize("It was a plan that he said was drafted by the firm.");
    assert.equal(nounUse(b.tk, b.at("said"), b.s0, b.s1, isFiniteForm), false);
    const c = tokenize("Her claim that the count was rigged fell apart.");
    assert.equal(nounUse(c.tk, c.at("claim"), c.s0, c.s1, isFiniteForm), false);
  });
  it("calls a base form after a singular name that a determiner opens a noun, not after a plural or coordinated subject", () => {
    const a = tokenize("The FEC report covering the last quarter was filed late.");
    assert.equal(nounUse(a.tk, a.at("report"), a.s0, a.s1, isFiniteForm), true);
    const b = tokenize("Both Mr. King and Mr. Schultz say the board never intervened.");
    assert.equal(nounUse(b.tk, b.at("say"), b.s0, b.s1, isFiniteForm), false);
    const c = tokenize("Voters in New Hampshire say the economy matters most.");
    assert.equal(nounUse(c.tk, c.at("say"), c.s0, c.s1, isFiniteForm), false);
    const d = tokenize("As the Times put it, the vote was a rebuke.");
    assert.equal(nounUse(d.tk, d.at("put"), d.s0, d.s1, isFiniteForm), false);
    const e = tokenize("The network’s show drew record ratings.");
    assert.equal(nounUse(e.tk, e.at("show"), e.s0, e.s1, isFiniteForm), true);
  });
});

describe("lightVerbCue", () => {
  it("extends 'made' through 'clear' and starts the content after 'that'", () => {
    const text = "Sanders has made clear that he expects a fight over the platform.";
    const { tk, at } = tokenize(text);
    const r = lightVerbCue(tk, [tk.start(at("has")), tk.end(at("made"))], [tk.start(at("clear")), text.length - 1]);
    assert.equal(slice(text, r?.cue), "has made clear");
    assert.equal(slice(text, r?.content), "he expects a fight over the platform");
  });
  it("keeps a content before the cue ('as she put it')", () => {
    const text = "The plan was, as Ms. Ortiz put it, a gamble.";
    const { tk, at } = tokenize(text);
    const content: [number, number] = [0, tk.start(at("as"))];
    const r = lightVerbCue(tk, [tk.start(at("put")), tk.end(at("put"))], content);
    assert.equal(slice(text, r?.cue), "put it");
    assert.deepEqual(r?.content, content);
  });
  it("leaves a light verb without a speech-act tail, and other verbs, alone", () => {
    const text = "The firm made a profit and said the outlook was bright.";
    const { tk, at } = tokenize(text);
    assert.equal(lightVerbCue(tk, [tk.start(at("made")), tk.end(at("made"))], [tk.start(at("a")), text.length - 1]), undefined);
    assert.equal(lightVerbCue(tk, [tk.start(at("said")), tk.end(at("said"))], [tk.start(at("the")), text.length - 1]), undefined);
  });
});
