// The cached tagger gives the feature path's tags exactly; skipping far lower-case words only forces O there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "../../../core/document.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { tokenizeLike } from "./resources.js";
import { readFileSync } from "node:fs";
import { CachedTagger } from "./fast.js";
import { loadNerModel, MODEL_PATH, NerModel } from "./model.js";

// varied shapes: headline in capitals, multi-word gazetteer names, quotes and colons, repeated names (history),
// digits, a long sentence, punctuation-only tokens
const DOCS = [
  `UKRAINE AND POLAND SIGN GRAIN DEAL\n\nUkraine and Poland signed a grain deal in Warsaw on Tuesday, officials said. ` +
    `"We welcome it," said Dmytro Kuleba, Ukraine's foreign minister. Kuleba met Radoslaw Sikorski in New York ` +
    `and later in The Hague: the two spoke to the United Nations General Assembly about the Black Sea.`,
  `Shares of Deutsche Bank AG rose 3.5 percent to 12.40 euros in Frankfurt after the bank said first-quarter profit ` +
    `beat forecasts. Analysts at Morgan Stanley in London had expected less ; Bank of England data (published Monday) ` +
    `showed lending fell . Deutsche Bank chief executive Christian Sewing said the bank would buy back shares.`,
  `the meeting went on for hours and nobody said anything about the weather or the price of bread in the end , ` +
    `but then Maria Ruiz of the World Health Organization arrived from Geneva and everything changed at once .`,
];

const sentencesOf = (text: string): string[][] => tokenizeLike(text);

test("the cached path tags exactly as the feature path (lower-case skipping off)", () => {
  const m = loadNerModel();
  for (const text of DOCS) {
    const s = sentencesOf(text);
    m.useCache = false;
    const want = m.tagDocument(s);
    m.useCache = true;
    m.tagDocument([["warm", "up"]]);
    const tagger = (m as unknown as { cachedTagger: { skipLowercase: boolean } }).cachedTagger;
    tagger.skipLowercase = false;
    try {
      assert.deepEqual(m.tagDocument(s), want);
    } finally {
      tagger.skipLowercase = true;
    }
    assert.ok(want.flat().length >= 3, "the documents have names to compare");
  }
});

test("skipping lower-case stretches keeps every name of these documents", () => {
  const m = loadNerModel();
  for (const text of DOCS) {
    const s = sentencesOf(text);
    m.useCache = false;
    const want = m.tagDocument(s);
    m.useCache = true;
    assert.deepEqual(m.tagDocument(s), want);
  }
});

test("document features do not leak from one document into the next", () => {
  const m = loadNerModel();
  const doc = sentencesOf(DOCS[2]!);
  const fresh = m.tagDocument(doc);
  m.tagDocument(sentencesOf(DOCS[0]!));
  assert.deepEqual(m.tagDocument(doc), fresh);
});

test("a fresh tagger whose row pool grows inside one document still tags as the feature path", () => {
  const m = NerModel.deserialize(readFileSync(MODEL_PATH));
  // a small first pool, so that this document's forms make it grow (the tagger is built on the first cached tag)
  const before = CachedTagger.poolTypes;
  CachedTagger.poolTypes = 64;
  m.tag(["Warm", "up"]);
  CachedTagger.poolTypes = before;
  const syl = ["ka", "ro", "mi", "ten", "vo", "li", "sha", "dor", "pe", "nu"];
  const word = (i: number): string => syl[i % 10]! + syl[Math.floor(i / 10) % 10]! + syl[Math.floor(i / 100) % 10]! + syl[Math.floor(i / 1000) % 10]!;
  const doc: string[][] = [];
  for (let i = 0; i < 3000; i += 6) {
    const a = word(i);
    doc.push([`${a[0]!.toUpperCase()}${a.slice(1)}`, word(i + 1), "met", `${word(i + 2)[0]!.toUpperCase()}${word(i + 2).slice(1)}`, "in", word(i + 3), word(i + 4), word(i + 5), "."]);
  }
  m.useCache = false;
  const want = m.tagDocument(doc);
  m.useCache = true;
  assert.deepEqual(m.tagDocument(doc), want);
});

test("token tables tag the same through the in-place lookup as through token strings, curly quotes or not", () => {
  const m = NerModel.deserialize(readFileSync(MODEL_PATH));
  const syl = ["ka", "ro", "mi", "ten", "vo", "li", "sha", "dor", "pe", "nu"];
  const word = (i: number): string => syl[i % 10]! + syl[Math.floor(i / 10) % 10]! + syl[Math.floor(i / 100) % 10]! + syl[Math.floor(i / 1000) % 10]!;
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  // more distinct forms than the lookup table's first size, so it grows mid-document
  const parts: string[] = [];
  for (let i = 0; i < 9600; i += 8) {
    parts.push(`${cap(word(i))} ${word(i + 1)} met ${cap(word(i + 2))} ${cap(word(i + 3))} in ${cap(word(i + 4))}, ${word(i + 5)} ${word(i + 6)} ${word(i + 7)} said.`);
  }
  for (const text of [parts.join(" "), `${DOCS[0]!} “Quoted,” Ukraine’s ${DOCS[1]!}`]) {
    const doc = new Document(text);
    for (const s of [paragraphs, sentences, tokens]) s.run(doc);
    m.useCache = false;
    const want = m.tagTokens(doc.text, doc.get("token"), doc.get("sentence"));
    m.useCache = true;
    assert.deepEqual(m.tagTokens(doc.text, doc.get("token"), doc.get("sentence")), want);
    assert.ok(want.length > 5);
  }
});

test("the form table tags the same after its index and character arrays grow, and on a second pass of hits", () => {
  const m = NerModel.deserialize(readFileSync(MODEL_PATH));
  const syl = ["ka", "ro", "mi", "ten", "vo", "li", "sha", "dor", "pe", "nu"];
  const word = (i: number): string => {
    let w = "";
    for (let k = 0, j = i; k < 5; k++, j = Math.floor(j / 10)) w += syl[j % 10]!;
    return w;
  };
  // over 16,384 distinct forms (the table's first index size) and their characters past its first 65,536
  const parts: string[] = [];
  for (let i = 0; i < 17000; i += 4) parts.push(`${word(i)[0]!.toUpperCase()}${word(i).slice(1)} ${word(i + 1)} ${word(i + 2)} ${word(i + 3)}.`);
  const doc = new Document(parts.join(" "));
  for (const s of [paragraphs, sentences, tokens]) s.run(doc);
  m.useCache = false;
  const want = m.tagTokens(doc.text, doc.get("token"), doc.get("sentence"));
  m.useCache = true;
  assert.deepEqual(m.tagTokens(doc.text, doc.get("token"), doc.get("sentence")), want);
  assert.deepEqual(m.tagTokens(doc.text, doc.get("token"), doc.get("sentence")), want);
});

test("after the cache starts over, reused pool rows are cleared: tags still those of the feature path", () => {
  const m = NerModel.deserialize(readFileSync(MODEL_PATH));
  const syl = ["ka", "ro", "mi", "ten", "vo", "li", "sha", "dor", "pe", "nu"];
  // more capitalised forms than the cache keeps (50 000), so every one is filled and the next document resets
  const word = (i: number): string =>
    "Z" + syl[i % 10]! + syl[Math.floor(i / 10) % 10]! + syl[Math.floor(i / 100) % 10]! + syl[Math.floor(i / 1000) % 10]! + syl[Math.floor(i / 10000) % 10]!;
  const big: string[][] = [];
  for (let i = 0; i < 51_000; i += 10) big.push(Array.from({ length: 10 }, (_, k) => word(i + k)));
  m.useCache = true;
  m.tagDocument(big);
  const tagger = (m as unknown as { cachedTagger: CachedTagger }).cachedTagger;
  assert.ok(tagger.size > 50_000, "the cache is over its limit");
  for (const text of DOCS) {
    const s = sentencesOf(text);
    m.useCache = true;
    const got = m.tagDocument(s);
    assert.ok(tagger.size < 50_000, "the cache started over");
    m.useCache = false;
    assert.deepEqual(got, m.tagDocument(s));
  }
});
