// The tokenizer's table-driven reading against TOKEN's own (the regex), on news text and on awkward characters.
import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenize, tokenizeByRegex } from "./tokens.js";

const same = (t: string, ranges: [number, number][] = [[0, t.length]]): void => {
  const a = tokenize(t, ranges);
  const b = tokenizeByRegex(t, ranges);
  assert.equal(a.count, b.count, JSON.stringify(t));
  for (const k of ["start", "end", "kind", "sentence"] as const) assert.deepEqual([...a[k]], [...b[k]], `${k} of ${JSON.stringify(t)}`);
};

test("news sentences tokenize as the regex reads them", () => {
  for (const t of [
    "Kim Jong-un's 12,000 troops don't cross the U.S.-led line, AT&T’s chief said at 10:30.",
    "“We will not stop,” Zelensky told CNN’s Erin Burnett on Wednesday — 1.5bn hryvnias later.",
    "Prices rose 3.2% in the E.U. (and 4,5 per cent in Köln); ½ of Ünal's staff left Kyiv’s office.",
    "It's the '90s again: rock'n'roll, O'Neill's pub, Sarkozy-era rules and the ‘Ой’ song.",
  ]) same(t);
});

test("awkward characters: astral letters, combining marks, non-ASCII space and digits", () => {
  for (const t of ["𝐀𝐁 is bold, e\u0301te\u0301 was hot", "a\u00a0b\u2003c\ufeffd", "٣ apples and Ⅻ pears", "😀's 🇺🇦 flag", "ß-SS İ Σ’s"]) same(t);
});

test("ranges: a match runs past its range's end and is cut there; a range may start inside a surrogate pair", () => {
  same("end.Next word here", [[0, 4], [4, 18]]);
  same("x 𝐀bc y", [[0, 3], [3, 8]]);
});

test("no tokens in white space only", () => {
  assert.equal(tokenize(" \n\t\u00a0", [[0, 4]]).count, 0);
  same(" \n\t\u00a0");
});
