// A tiny training run learns a toy pattern, and the model survives serialisation with the same predictions.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ConllDocument } from "./conll.js";
import { emptyResources } from "./features.js";
import { dense, NerModel } from "./model.js";
import { trainNer } from "./train.js";

// Toy language: a capitalised word after "mr" is a person, after "in" a place; "bank" ends an organisation.
const FIRST = ["Abel", "Bruno", "Cyril", "Dario", "Emil", "Felix", "Gus", "Hugo"];
const PLACES = ["Aven", "Bolt", "Crix", "Dunmore", "Elbe", "Fenn", "Gault", "Hale"];
function toyDocs(): ConllDocument[] {
  const docs: ConllDocument[] = [];
  for (let i = 0; i < 8; i++) {
    const p = FIRST[i]!;
    const l = PLACES[(i * 3) % 8]!;
    docs.push([
      { words: ["mr", p, "lives", "in", l, "."], spans: [{ start: 1, end: 2, t: 0 }, { start: 4, end: 5, t: 2 }] },
      { words: ["the", PLACES[i]!, "bank", "said", "so"], spans: [{ start: 1, end: 3, t: 1 }] },
    ]);
  }
  return docs;
}

test("the perceptron learns the toy pattern and generalises to unseen words", () => {
  const model = trainNer(toyDocs(), emptyResources(), { bits: 14, epochs: 6, seed: 1 });
  const spans = model.tag(["mr", "Zoltan", "lives", "in", "Quarry", "."]);
  assert.deepEqual(spans.map((s) => [s.start, s.end, s.conll]), [[1, 2, "PER"], [4, 5, "LOC"]]);
  const org = model.tag(["the", "Yarrow", "bank", "said", "so"]);
  assert.deepEqual(org.map((s) => [s.start, s.end, s.type]), [[1, 3, "ORG"]]);
});

test("training is deterministic", () => {
  const a = trainNer(toyDocs(), emptyResources(), { bits: 12, epochs: 3, seed: 5 });
  const b = trainNer(toyDocs(), emptyResources(), { bits: 12, epochs: 3, seed: 5 });
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.trans, b.trans);
});

test("serialise and load back: same resources, same predictions", () => {
  const res = emptyResources();
  res.gaz.set("new york", 17);
  res.gazStarts.add("new");
  res.gazMax = 2;
  res.clusters.set("lives", 42);
  const model = trainNer(toyDocs(), res, { bits: 12, epochs: 4, seed: 2, info: { about: "toy" } });
  const back = NerModel.deserialize(model.serialize());
  assert.equal(back.bits, 12);
  assert.equal(back.info.about, "toy");
  assert.equal(back.res.gaz.get("new york"), 17);
  assert.ok(back.res.gazStarts.has("new"));
  assert.equal(back.res.clusters.get("lives"), 42);
  for (const words of [["mr", "Zoltan", "lives", "in", "Quarry", "."], ["the", "Yarrow", "bank", "said", "so"]]) {
    assert.deepEqual(back.tag(words), model.tag(words));
  }
  // int16 quantisation keeps every weight within half a step of the original
  const before = dense(model.weights, 1 << 12);
  const after = dense(back.weights, 1 << 12);
  const step = Math.max(...before.map(Math.abs)) / 32767;
  assert.equal(after.length, before.length);
  for (let i = 0; i < before.length; i++) assert.ok(Math.abs(after[i]! - before[i]!) <= step / 2 + 1e-6);
});

test("a file that is not a model is refused", () => {
  assert.throws(() => NerModel.deserialize(Buffer.from("not gzip")));
});

test("feature augmentation over two domains gives one weight profile per domain, kept by serialisation", () => {
  const docs = [...toyDocs(), ...toyDocs()];
  const domainOf = Uint8Array.from(docs, (_, i) => (i < docs.length / 2 ? 0 : 1));
  const model = trainNer(docs, emptyResources(), { bits: 12, epochs: 3, seed: 4, domains: ["a", "b"], domainOf, defaultDomain: "b" });
  assert.equal(model.info.profile, "b");
  assert.deepEqual(model.profileNames(), ["a"]);
  assert.notDeepEqual(dense(model.profileWeights("a"), 1 << 12), dense(model.weights, 1 << 12));
  const words = ["mr", "Zoltan", "lives", "in", "Quarry", "."];
  const back = NerModel.deserialize(model.serialize());
  assert.deepEqual(back.profileNames(), ["a"]);
  assert.deepEqual(back.tag(words, "a"), model.tag(words, "a"));
  assert.deepEqual(back.tag(words), model.tag(words));
  assert.deepEqual(model.tag(words).map((s) => s.conll), ["PER", "LOC"]);
});

test("repeats visit a document more than once per epoch", () => {
  const once = trainNer(toyDocs(), emptyResources(), { bits: 12, epochs: 1, seed: 1 });
  const twice = trainNer(toyDocs(), emptyResources(), { bits: 12, epochs: 1, seed: 1, repeats: new Uint8Array(8).fill(2) });
  assert.notDeepEqual(once.weights, twice.weights);
});
