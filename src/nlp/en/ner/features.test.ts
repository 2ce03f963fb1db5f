// Feature extraction: shapes, capitals-only sentences, document casing, gazetteer matches, deterministic buckets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DocContext, emptyResources, FeatureBuffer, FeatureExtractor, GAZ_KINDS, isCapsSentence, norm, shape, shapeHash, strHash } from "./features.js";

test("word shapes collapse runs of one character class", () => {
  assert.equal(shape("McDonald"), "XxXx");
  assert.equal(shape("U.S."), "X.X.");
  assert.equal(shape("1996"), "d");
  assert.equal(shape("Jean-Marie"), "Xx-Xx");
  assert.equal(shape("Łódź"), "Xx");
  assert.equal(norm("1,200"), "0,000");
});

test("the shape hash equals the hash of the shape string, non-ASCII and punctuation included", () => {
  for (const w of ["McDonald", "U.S.", "1996", "Jean-Marie", "Łódź", "ΑΘΗΝΑ", "straße", "“", "--", "€5", "X-x", "日本", "a\u0301", ""]) {
    assert.equal(shapeHash(w), strHash(shape(w)), w);
  }
});

test("capitals-only sentences are told apart from ordinary ones", () => {
  assert.ok(isCapsSentence(["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"]));
  assert.ok(!isCapsSentence(["The", "U.S.", "said"]));
  assert.ok(!isCapsSentence(["1996-08-30"]));
});

test("the document context counts mid-sentence casing but skips headlines and sentence starts", () => {
  const ctx = new DocContext([["CLINTON", "WINS"], ["Voters", "backed", "Clinton", "."], ["Rain", "fell", "on", "the", "wins", "."]]);
  assert.deepEqual(ctx.forms.get("clinton"), [1, 0]);
  assert.deepEqual(ctx.forms.get("wins"), [0, 1]);
  assert.equal(ctx.forms.get("voters"), undefined);
  ctx.remember(["Clinton", "won"], [{ start: 0, end: 1, t: 0 }]);
  assert.deepEqual([...ctx.history.get("clinton")!], [1, 0, 0, 0]);
});

function features(ex: FeatureExtractor, words: string[], doc?: DocContext): number[][] {
  const buf = new FeatureBuffer();
  ex.extract(words, doc, buf);
  return words.map((_, i) => [...buf.feats.subarray(buf.off[i]!, buf.off[i + 1]!)]);
}

test("the same words give the same buckets; a different word changes its own features", () => {
  const ex = new FeatureExtractor(16, emptyResources());
  const a = features(ex, ["He", "met", "Smith", "in", "Paris"]);
  const b = features(ex, ["He", "met", "Smith", "in", "Paris"]);
  assert.deepEqual(a, b);
  const c = features(ex, ["He", "met", "Jones", "in", "Paris"]);
  assert.notDeepEqual(a[2], c[2]);
  assert.deepEqual(a[0]!.slice(0, 1), c[0]!.slice(0, 1), "the bias feature does not depend on the word");
  for (const row of a) for (const f of row) assert.ok(f >= 0 && f < 1 << 16);
});

test("gazetteer phrases mark every token they cover, and only those", () => {
  const res = emptyResources();
  res.gaz.set("south africa", 1 << GAZ_KINDS.indexOf("country"));
  res.gazStarts.add("south");
  res.gazMax = 2;
  const ex = new FeatureExtractor(16, res);
  const plain = new FeatureExtractor(16, emptyResources());
  const words = ["Talks", "with", "South", "Africa", "stalled"];
  const withGaz = features(ex, words);
  const without = features(plain, words);
  assert.ok(withGaz[2]!.length > without[2]!.length && withGaz[3]!.length > without[3]!.length);
  assert.equal(withGaz[0]!.length, without[0]!.length);
});

test("clusters add features for the word and its neighbours", () => {
  const res = emptyResources();
  res.clusters.set("paris", 1 + 0b10110_011_101);
  const ex = new FeatureExtractor(16, res);
  const plain = new FeatureExtractor(16, emptyResources());
  const words = ["in", "Paris", "today"];
  assert.notDeepEqual(features(ex, words)[1], features(plain, words)[1]);
  assert.notDeepEqual(features(ex, words)[2], features(plain, words)[2]);
});
