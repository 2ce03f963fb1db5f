// The Zyte benchmark's scoring (a port of its evaluate.py) and the metadata comparisons.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyMetrics, precisionOf, recallOf, sameByline, sameDate, sameTitle, shingleMatch, shingles, tokenize } from "./zyte.js";

describe("zyte scoring", () => {
  it("tokenises like Python's \\w+ (letters, digits, underscore; no case folding)", () => {
    assert.deepEqual(tokenize("Ça va? snake_case 42, Émile—ok"), ["Ça", "va", "snake_case", "42", "Émile", "ok"]);
  });

  it("makes 4-token shingles, one short shingle for short texts and none for empty ones", () => {
    assert.equal(shingles("a b c d e").size, 2);
    assert.deepEqual([...shingles("a b").keys()], ["a\u0000b"]);
    assert.equal(shingles("").size, 0);
  });

  it("normalises tp/fp/fn per page so that long pages weigh no more", () => {
    const gold = "one two three four five six";
    const [tp, fp, fn] = shingleMatch(gold, "one two three four five six seven");
    assert.ok(Math.abs(tp + fp + fn - 1) < 1e-12);
    assert.equal(tp, 3 / 4);
    assert.equal(fp, 1 / 4);
    assert.equal(fn, 0);
    assert.deepEqual(shingleMatch(gold, gold), [1, 0, 0]);
  });

  it("takes F1 from the macro means of precision and recall, as evaluate.py does", () => {
    const rows: Array<[number, number, number]> = [
      [1, 0, 0],
      [0.5, 0.5, 0],
      [0, 0, 1],
    ];
    assert.equal(precisionOf(rows[1]!), 0.5);
    assert.equal(recallOf(rows[2]!), 0);
    const m = bodyMetrics(rows);
    // precision over pages with tp+fp>0 (two pages), recall over pages with tp+fn>0 (all three)
    assert.equal(m.precision, 0.75);
    assert.equal(m.recall, 2 / 3);
    assert.ok(Math.abs(m.f1 - (2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3)) < 1e-12);
  });

  it("compares titles, bylines and days leniently only in form", () => {
    assert.ok(sameTitle("Coach: “We needed to win”", 'Coach: "We needed to win"'));
    assert.ok(!sameTitle(undefined, "x"));
    assert.ok(sameByline(["Ines Halvorsen", "Tomas Ferreira-Lund"], ["Tomas Ferreira-Lund", "Ines Halvorsen"]));
    assert.ok(!sameByline(["Tomas Ferreira-Lund"], ["Tomas Ferreira-Lund", "Ines Halvorsen"]));
    assert.ok(sameByline(undefined, []));
    assert.ok(sameDate("2019-11-18T20:51:19Z", "2019-11-18"));
    assert.ok(!sameDate("2019-11-19T04:58:46Z", "2019-11-18"));
    assert.ok(sameDate(undefined, null));
  });
});
