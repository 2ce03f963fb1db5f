// The integer-keyed weight table: every stored weight comes back, absent and unknown keys add nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Interner, PairWeights } from "./pair-weights.js";

describe("pair weights", () => {
  it("interns strings to dense ids and knows no others", () => {
    const ids = new Interner();
    assert.equal(ids.add("said"), 0);
    assert.equal(ids.add("told"), 1);
    assert.equal(ids.add("said"), 0);
    assert.equal(ids.get("told"), 1);
    assert.equal(ids.get("whispered"), -1);
    assert.equal(ids.size, 2);
  });
  it("returns each stored weight, 0 for a key never stored or with an unknown (negative) id", () => {
    const n = 5000;
    const table = new PairWeights(n);
    // keys that collide in their low bits and differ only in one part
    for (let k = 0; k < n; k++) table.set(k % 6, k, (k * 7) % 1024, k / 3 - 100);
    for (let k = 0; k < n; k++) assert.equal(table.get(k % 6, k, (k * 7) % 1024), k / 3 - 100);
    assert.equal(table.get(1, 0, 0), 0);
    assert.equal(table.get(0, 1, 7), 0);
    assert.equal(table.get(0, -1, 0), 0);
    assert.equal(table.get(0, 0, -1), 0);
  });
  it("overwrites a key set twice and refuses more entries than it was sized for", () => {
    const table = new PairWeights(2);
    table.set(0, 1, 2, 0.5);
    table.set(0, 1, 2, -0.25);
    assert.equal(table.get(0, 1, 2), -0.25);
    table.set(1, 1, 2, 1);
    table.set(2, 1, 2, 1);
    assert.throws(() => {
      for (let k = 3; k < 100; k++) table.set(k % 32, k, 0, 1);
    }, /sized/);
    assert.throws(() => table.set(32, 0, 0, 1), /range/);
  });
});
