// The quote stages' fast paths (character-code tests, the lexicon slot filters, cached token words) give the answers of the plain code.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";
import { Tokens, cueVerb, isCapitalised, isCueNoun, isFiniteForm, lowerCase, numberFirst, verbLikeEnding } from "./quote-common.js";

/** Random strings over ASCII, Latin-1, curly quotes, Cyrillic, Greek (final sigma), Turkish İ and the Kelvin sign. */
function fuzzWords(n: number, seed = 7): string[] {
  const alphabet = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.,;:!?\"()-_/’‘“”ÉéßÄäΣσςПриветİK€😀 "];
  let x = seed;
  const rnd = (m: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % m);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let w = "";
    for (let len = rnd(9); len > 0; len--) w += alphabet[rnd(alphabet.length)];
    out.push(w);
  }
  return out;
}

const VERB_FORMS = Object.entries(cueLexicon.verbs as Record<string, string>);
const FINITE = cueLexicon.finite.split(" ");
const verbSet = new Map(VERB_FORMS);
const finiteSet = new Set(FINITE);

describe("quote-common fast paths", () => {
  it("isCapitalised answers as /^\\p{Lu}/u", () => {
    for (const w of [...fuzzWords(5000), "", "A", "a", "É", "é", "Привет", "привет", "😀", "İstanbul", "Σ"]) {
      assert.equal(isCapitalised(w), /^\p{Lu}/u.test(w), JSON.stringify(w));
    }
  });

  it("numberFirst answers as /^\\p{N}/u", () => {
    for (const w of [...fuzzWords(5000), "", "0", "9x", "٣", "²", "½", "a1"]) assert.equal(numberFirst(w), /^\p{N}/u.test(w), JSON.stringify(w));
  });

  it("verbLikeEnding answers as /[a-z](?:ed|ing|es|s)$/", () => {
    const ends = ["s", "es", "ed", "ing", "ng", "d", "g", "is", "Ed", "ING", "\u00e9s", "1s", "-ed", " ing"];
    const words = [...fuzzWords(5000), ...fuzzWords(3000, 11).flatMap((w) => ends.map((e) => w + e)), ...ends, ""];
    for (const w of words) assert.equal(verbLikeEnding(w), /[a-z](?:ed|ing|es|s)$/.test(w), JSON.stringify(w));
  });

  it("lowerCase answers as toLowerCase", () => {
    for (const w of [...fuzzWords(5000), "", "SAID", "Said", "said", "ΣΑΣ", "İ", "\u212a"]) assert.equal(lowerCase(w), w.toLowerCase(), JSON.stringify(w));
  });

  it("the lexicon lookups behind the slot filters find every entry and nothing else", () => {
    for (const [form, lemma] of VERB_FORMS) {
      assert.equal(cueVerb(form)?.lemma, lemma, form);
      assert.equal(cueVerb(form.toUpperCase())?.lemma, lemma, form.toUpperCase());
    }
    for (const f of FINITE) assert.equal(isFiniteForm(f), true, f);
    for (const n of Object.keys(cueLexicon.nouns)) assert.equal(isCueNoun(n[0]!.toUpperCase() + n.slice(1)), true, n);
    const probes = [...fuzzWords(20000), ...VERB_FORMS.map(([f]) => `${f}s`), ...FINITE.map((f) => f.slice(1)), "", "'", "a", "I"];
    for (const w of probes) {
      assert.equal(cueVerb(w)?.lemma, verbSet.get(w) ?? verbSet.get(w.toLowerCase()), JSON.stringify(w));
      assert.equal(isFiniteForm(w), finiteSet.has(w), JSON.stringify(w));
    }
  });

  it("token words and lower-cased words are those of the text, asked once or many times", () => {
    const text = `Officials SAID on Monday’s call: “It won’t work,” Zelensky’s aide told reporters. Путин сказал, что ΣΟΦΟΣ İzmir didn't (yet) agree.`;
    const doc = new Document(text);
    new Pipeline([paragraphs, sentences, tokens]).run(doc);
    const t = doc.get("token");
    const tk = new Tokens(doc);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < t.count; i++) {
        const w = text.slice(t.start[i], t.end[i]);
        assert.equal(tk.word(i), w);
        // the lower-casing rule as written before the character-code test
        assert.equal(tk.low(i), /[^a-z0-9'.,;:!?"()\-]/.test(w) ? w.toLowerCase().replace(/’/g, "'") : w);
        assert.equal(tk.cue(i), cueVerb(tk.low(i)));
      }
    }
    // an index past either end slices as before (the whole text) and is not remembered
    assert.equal(tk.word(t.count), text.slice(undefined, undefined));
    assert.equal(tk.word(-1), text);
  });
});
