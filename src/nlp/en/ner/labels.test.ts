// BILOU tag conversions, transition validity, the claimline -> CoNLL type mapping and IOB1 chunk reading.
import assert from "node:assert/strict";
import { test } from "node:test";
import { chunks, readConll } from "./conll.js";
import { allowed, NUM_TAGS, spansToTags, TAG_NAMES, tagsToSpans, toConll } from "./labels.js";

test("spans survive a round trip through BILOU tags", () => {
  const spans = [{ start: 0, end: 2, t: 0 }, { start: 3, end: 4, t: 2 }, { start: 4, end: 7, t: 1 }];
  const tags = spansToTags(8, spans);
  assert.deepEqual([...tags].map((t) => TAG_NAMES[t]), ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "O"]);
  assert.deepEqual(tagsToSpans(tags), spans);
});

test("BILOU transitions: an open entity must continue with its own type", () => {
  const B_PER = 1, I_PER = 2, L_PER = 3, U_PER = 4, B_ORG = 5;
  assert.ok(allowed(-1, B_PER));
  assert.ok(!allowed(-1, I_PER));
  assert.ok(allowed(B_PER, I_PER) && allowed(B_PER, L_PER));
  assert.ok(!allowed(B_PER, 0) && !allowed(B_PER, B_ORG) && !allowed(B_PER, U_PER));
  assert.ok(!allowed(B_PER, -1), "a sentence cannot end inside an entity");
  assert.ok(allowed(L_PER, B_ORG) && allowed(U_PER, 0));
  assert.equal(NUM_TAGS, 17);
});

test("claimline types map to CoNLL's for scoring", () => {
  assert.equal(toConll("PERSON"), "PER");
  assert.equal(toConll("GPE"), "LOC");
  assert.equal(toConll("LOC"), "LOC");
  assert.equal(toConll("NORP"), "MISC");
  assert.equal(toConll("GROUP"), "MISC");
  assert.equal(toConll("ORG"), "ORG");
});

test("IOB1 chunks as conlleval reads them: B- only splits two same-type neighbours", () => {
  assert.deepEqual(chunks(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]), [
    { start: 0, end: 2, type: "PER" }, { start: 2, end: 3, type: "PER" }, { start: 3 + 1, end: 5, type: "LOC" },
    { start: 5, end: 6, type: "ORG" },
  ]);
});

test("readConll splits documents at -DOCSTART- and sentences at blank lines", () => {
  const text = "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";
  const docs = readConll(text);
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]![0]!.spans, [{ start: 0, end: 1, t: 1 }, { start: 2, end: 3, t: 3 }]);
  assert.deepEqual(docs[1]![0]!.words, ["Peter", "Blackburn"]);
  assert.deepEqual(docs[1]![0]!.spans, [{ start: 0, end: 2, t: 0 }]);
});
