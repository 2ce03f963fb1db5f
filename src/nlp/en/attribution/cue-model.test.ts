// The cue classifier: it fires on report verbs the lexicon rates weak or lacks, not on function words or quoted words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { Tokens } from "../extractors/quote-common.js";
import { cueFeatures } from "./cue-features.js";
import { readFileSync } from "node:fs";
import { cueScore, cueScoreAbove, prebuildCueModel, prebuiltAgrees } from "./cue-model.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const WEIGHTS = (JSON.parse(readFileSync(new URL("./cue-model.json", import.meta.url), "utf8")) as { weights: Record<string, number> }).weights;
const TEXT =
  "The mayor insisted the bridge would reopen in June. Critics warned, citing costs, that the plan was doomed. " +
  "\"It will fail,\" she added. Officials acknowledged delays but denied that funds were misused, reports said. So?";

function scores(text: string): Map<string, number> {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const out = new Map<string, number>();
  for (const s of doc.get("sentence")) for (let i = s.tokenStart; i < s.tokenEnd; i++) out.set(tk.word(i), cueScore(tk, i, s.tokenStart, s.tokenEnd, false));
  return out;
}

describe("cue classifier", () => {
  it("the model a build writes scores every token as the weights file does, to the last bit", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimline-cues-"));
    try {
      assert.deepEqual(prebuildCueModel(dir), ["cue-model.bin"]);
      const doc = new Document(`${TEXT} Ms. O'Neill, 54, told CNN on Tuesday: "We’re not backing down." ÉTAT said — “no.”`);
      new Pipeline([paragraphs, sentences, tokens]).run(doc);
      const tk = new Tokens(doc);
      const got = prebuiltAgrees(dir, (score) => {
        const out: number[] = [];
        for (const s of doc.get("sentence")) for (let i = s.tokenStart; i < s.tokenEnd; i++) for (const q of [false, true]) out.push(score(tk, i, s.tokenStart, s.tokenEnd, q));
        return out;
      });
      assert.ok(got, "the file's stamp is the shipped model's");
      assert.ok(got.file.length > 100);
      assert.deepEqual(got.prebuilt, got.file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("scores a speech verb after its subject as a cue, and the words around it as none", () => {
    const s = scores("The mayor insisted the bridge would reopen in June.");
    assert.ok(s.get("insisted")! > 0, `insisted: ${s.get("insisted")}`);
    for (const w of ["The", "mayor", "bridge", "June"]) assert.ok(s.get(w)! < 0, `${w}: ${s.get(w)}`);
  });
  it("reads reported thought and promises too ('fear', 'vowed')", () => {
    assert.ok(scores("Many Democrats fear that turnout will be low.").get("fear")! > 0);
    assert.ok(scores("The union vowed to fight the plan in court.").get("vowed")! > 0);
  });
  it("scores a quoted word lower than the same word outside quotes", () => {
    const doc = new Document("Officials said the plan would work.");
    new Pipeline([paragraphs, sentences, tokens]).run(doc);
    const tk = new Tokens(doc);
    const [s] = doc.get("sentence");
    assert.ok(cueScore(tk, 1, s!.tokenStart, s!.tokenEnd, true) < cueScore(tk, 1, s!.tokenStart, s!.tokenEnd, false));
  });
  it("names features the same way for training and tagging (the weights file's keys)", () => {
    const doc = new Document("She said no.");
    new Pipeline([paragraphs, sentences, tokens]).run(doc);
    const f = cueFeatures(new Tokens(doc), 1, 0, 4, false);
    assert.ok(f.includes("w=said") && f.includes("p1=she") && f.includes("p1w=she\tsaid"), f.join(" "));
  });
  it("scores as the sum of the named features' weights, to the last bit (word part, then context, as trained)", () => {
    const doc = new Document(TEXT);
    new Pipeline([paragraphs, sentences, tokens]).run(doc);
    const tk = new Tokens(doc);
    let n = 0;
    for (const s of doc.get("sentence")) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        for (const quoted of [false, true]) {
          const names = cueFeatures(tk, i, s.tokenStart, s.tokenEnd, quoted);
          assert.equal(names.length, 7 + 13);
          let base = 0;
          let context = 0;
          names.forEach((f, k) => {
            if (k < 7) base += WEIGHTS[f] ?? 0;
            else context += WEIGHTS[f] ?? 0;
          });
          assert.equal(cueScore(tk, i, s.tokenStart, s.tokenEnd, quoted), base + context, names.join(" "));
          n++;
        }
      }
    }
    assert.ok(n > 60);
  });
  it("prunes only scores that cannot exceed the threshold: the same decisions as the full score", () => {
    const doc = new Document(TEXT);
    new Pipeline([paragraphs, sentences, tokens]).run(doc);
    const tk = new Tokens(doc);
    let pruned = 0;
    for (const s of doc.get("sentence")) {
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        for (const quoted of [false, true]) {
          const full = cueScore(tk, i, s.tokenStart, s.tokenEnd, quoted);
          for (const threshold of [0, 2]) {
            const got = cueScoreAbove(tk, i, s.tokenStart, s.tokenEnd, quoted, threshold);
            assert.equal(got > threshold, full > threshold, `${tk.word(i)} at ${threshold}`);
            if (got !== full) {
              pruned++;
              assert.ok(got >= full, `${tk.word(i)}: the pruned value bounds the score`);
            }
          }
        }
      }
    }
    assert.ok(pruned > 0, "some tokens are decided without their conjunction features");
  });
});
