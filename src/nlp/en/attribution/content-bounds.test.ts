// The content-boundary rankers: their candidates, the rules' span as the default, and the trained choice on clear cases.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens } from "../extractors/quote-common.js";
import { runQuotes } from "../extractors/quotes.test-helpers.js";
import { best, boundsModel, chooseBounds, endCandidates, observeBounds, prebuildBoundsModel, prebuiltChooser, startCandidates, type BoundsContext, type BoundsModel } from "./content-bounds.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A context over one sentence: the cue is `cue`, the rules' content runs from word `from` (inclusive) to word `to` (exclusive). */
function context(text: string, cue: string, from: string, to?: string): BoundsContext {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const s = doc.get("sentence")[0]!;
  const find = (w: string, after = s.tokenStart) => {
    for (let i = after; i < s.tokenEnd; i++) if (tk.word(i) === w) return i;
    throw new Error(`no ${w}`);
  };
  let end = s.tokenEnd;
  while (end > s.tokenStart && tk.isPunct(end - 1)) end--;
  const cue0 = find(cue);
  const start = find(from, cue0);
  return { tk, s0: s.tokenStart, end, cue0, cue1: cue0 + 1, start, stop: to ? find(to, start) : end };
}

describe("content-boundary candidates", () => {
  it("list the rules' start first, marked as the rules' own", () => {
    const ctx = context("Trump told his supporters at a rally to go and vote.", "told", "his");
    const starts = startCandidates(ctx);
    assert.equal(starts[0]!.tok, ctx.start);
    assert.equal(starts[0]!.features[0], "R");
    assert.ok(starts.slice(1).every((c) => c.features[0] === "O"));
    assert.ok(starts.some((c) => ctx.tk.word(c.tok) === "to"), "the infinitive is a candidate start");
  });
  it("never start before a complementiser the rules found", () => {
    const ctx = context("Clinton says at a campaign stop that it means nothing.", "says", "it");
    assert.ok(startCandidates(ctx).every((c) => c.tok >= ctx.start));
  });
  it("read 'up to 3,000' as a quantity, not as a particle", () => {
    const ctx = context("The service indicated up to 3,000 troops had been sent.", "indicated", "up");
    assert.ok(startCandidates(ctx)[0]!.features.includes("f=<quantity>"));
    assert.ok(startCandidates(ctx).every((c) => ctx.tk.word(c.tok) !== "to"), "'to' before a number opens no content");
  });
  it("end no later than the rules' end, and at clause or phrase edges only", () => {
    const ctx = context("He said the plan would fail during the winter, which surprised nobody.", "said", "the", ",");
    const ends = endCandidates(ctx);
    assert.ok(ends.every((c) => c.tok <= ctx.stop));
    assert.ok(ends.some((c) => c.tok === ctx.stop && c.features[0] === "R"));
    assert.ok(ends.some((c) => ctx.tk.word(c.tok) === "during"));
    assert.ok(!ends.some((c) => ctx.tk.word(c.tok) === "winter"), "no end inside a noun phrase");
  });
  it("offer a cut before ', including', a colon and a parenthesis the rules' end now runs past", () => {
    // the object readers no longer stop there (PolNeAR train runs on past them), so the end ranker holds the cut
    const inc = context("The governor criticized the budget cuts, including the reductions to school funding.", "criticized", "the");
    assert.ok(endCandidates(inc).some((c) => inc.tk.word(c.tok) === "," && inc.tk.word(c.tok + 1) === "including"));
    const colon = context("The senator criticized two provisions: the tax on savings and the cap on deductions.", "criticized", "two");
    assert.ok(endCandidates(colon).some((c) => colon.tk.word(c.tok) === ":"));
    const paren = context("The mayor praised the new stadium (which opened last week) as a boost for the city.", "praised", "the");
    assert.ok(endCandidates(paren).some((c) => paren.tk.word(c.tok) === "("));
    assert.ok(endCandidates(paren).every((c) => c.tok <= paren.stop));
  });
});

describe("content-boundary choice", () => {
  it("keeps the rules' span without weights", () => {
    const ctx = context("Trump told his supporters to vote.", "told", "his");
    assert.deepEqual(chooseBounds(ctx, () => true, null), [ctx.start, ctx.stop]);
  });
  it("moves a boundary where the weights say so, unless the caller rejects the span", () => {
    const ctx = context("Trump told his supporters to vote.", "told", "his");
    const to = ctx.tk.word(ctx.start + 2) === "to" ? ctx.start + 2 : -1;
    const m = { start: new Map([["f=to", 5]]), end: new Map<string, number>() };
    assert.deepEqual(chooseBounds(ctx, () => true, m), [to, ctx.stop]);
    assert.deepEqual(chooseBounds(ctx, (a) => a !== to, m), [ctx.start, ctx.stop]);
  });
  it("leaves the rules' span while observed (training), and shows the observer the candidates", () => {
    const ctx = context("Trump told his supporters to vote.", "told", "his");
    let seen = 0;
    observeBounds((_c, starts, ends) => {
      seen += (starts?.length ?? 0) + ends.length;
    });
    try {
      assert.deepEqual(chooseBounds(ctx, () => true, { start: new Map([["f=to", 5]]), end: new Map() }), [ctx.start, ctx.stop]);
    } finally {
      observeBounds(undefined);
    }
    assert.ok(seen > 2);
  });
  it("ships trained weights for both sides", () => {
    const m = boundsModel();
    assert.ok(m && m.start.size > 1000 && m.end.size > 1000);
    assert.ok((m.start.get("R") ?? 0) > 0, "the rules' start is favoured");
  });
  it("trained: an addressee before the reported clause is no part of it ('told reporters how …')", () => {
    // the rules' span holds the addressee; the trained start ranker moves past it
    const ctx = context("She told reporters how surprised she was.", "told", "reporters");
    assert.equal(ctx.tk.word(chooseBounds(ctx, () => true)[0]), "how");
    const q = runQuotes("She told reporters how surprised she was.").find((x) => x.kind === "indirect");
    assert.equal(q?.text, "how surprised she was");
    const t = runQuotes("Trump is telling a veterans group that the military is depleted.").find((x) => x.kind === "indirect");
    assert.equal(t?.text, "the military is depleted");
  });
});

/** The choice as the candidates' names score it (`best` over `startCandidates` and `endCandidates`). */
function byNames(ctx: BoundsContext, ok: (a: number, b: number) => boolean, m: BoundsModel): [number, number] {
  const start = ctx.start >= ctx.cue1 ? (best(startCandidates(ctx), m.start, (b) => ok(b, ctx.stop))?.tok ?? ctx.start) : ctx.start;
  const stop = best(endCandidates(ctx), m.end, (e) => e > start && ok(start, e))?.tok ?? ctx.stop;
  return [start, stop];
}

describe("content-boundary choice without feature names", () => {
  const text =
    "The minister told reporters on Monday that up to 3,000 troops (about a third) had left, which surprised nobody. " +
    "Officials said the strikes, during a \"quiet\" week, hit 40 sites in Kharkiv -- far more than before. " +
    "Trump urged Congress to act before the recess, according to a statement from the White House.";
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  /** every cue word, rules' start and rules' end of each sentence (a few of each) */
  const contexts: BoundsContext[] = [];
  for (const s of doc.get("sentence")) {
    let end = s.tokenEnd;
    while (end > s.tokenStart && tk.isPunct(end - 1)) end--;
    for (let cue0 = s.tokenStart; cue0 < end - 2; cue0 += 2) {
      for (let start = cue0 + 1; start < Math.min(end - 1, cue0 + 5); start++) {
        for (let stop = start + 1; stop <= end; stop += 3) contexts.push({ tk, s0: s.tokenStart, end, cue0, cue1: cue0 + 1, start, stop });
      }
      // content before its cue: only the end moves
      if (cue0 > s.tokenStart + 2) contexts.push({ tk, s0: s.tokenStart, end, cue0, cue1: cue0 + 1, start: s.tokenStart, stop: cue0 - 1 });
    }
  }
  // weights on every name the candidates have, from a fixed generator: small integers (ties) or fractions (sum order)
  let seed = 7;
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const synthetic = (ints: boolean): BoundsModel => {
    const start = new Map<string, number>();
    const end = new Map<string, number>();
    for (const ctx of contexts) {
      for (const c of startCandidates(ctx)) for (const f of c.features) if (next() < 0.5) start.set(f, ints ? Math.round(next() * 4 - 2) : next() * 2 - 1);
      for (const c of endCandidates(ctx)) for (const f of c.features) if (next() < 0.5) end.set(f, ints ? Math.round(next() * 4 - 2) : next() * 2 - 1);
    }
    return { start, end };
  };
  const models: [string, BoundsModel][] = [["synthetic fractions", synthetic(false)], ["synthetic integers", synthetic(true)]];
  const trained = boundsModel();
  if (trained) models.push(["trained", trained]);
  it("the compiled model a build writes chooses as the JSON's weights do", () => {
    if (!trained) return;
    const dir = mkdtempSync(path.join(tmpdir(), "claimline-bounds-"));
    try {
      assert.deepEqual(prebuildBoundsModel(dir), ["content-bounds.bin"]);
      const choose = prebuiltChooser(dir);
      assert.ok(choose, "the file's stamp is the shipped model's");
      const oks: ((a: number, b: number) => boolean)[] = [() => true, (a, b) => (a * 31 + b * 17) % 5 !== 0];
      for (const ctx of contexts) for (const ok of oks) assert.deepEqual(choose(ctx, ok), byNames(ctx, ok, trained), JSON.stringify({ ...ctx, tk: undefined }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  for (const [name, m] of models) {
    it(`chooses as the names score, with ${name} weights and callers that reject spans`, () => {
      assert.ok(contexts.length > 200);
      const oks: ((a: number, b: number) => boolean)[] = [() => true, (a, b) => (a * 31 + b * 17) % 5 !== 0, (a) => a % 2 === 0];
      for (const ctx of contexts) {
        for (const ok of oks) assert.deepEqual(chooseBounds(ctx, ok, m), byNames(ctx, ok, m), JSON.stringify({ ...ctx, tk: undefined }));
      }
    });
  }
});

