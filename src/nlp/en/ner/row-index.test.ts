// The rank bitmap gives each bucket the same row as the dense map it replaces (edge bits and empty words included).
import assert from "node:assert/strict";
import { test } from "node:test";
import { popcount, RowIndex, rowAt } from "./row-index.js";
import { loadNerModel } from "./model.js";

const deltasOf = (buckets: number[]): Uint32Array => Uint32Array.from(buckets, (b, k) => (k ? b - buckets[k - 1]! : b));

test("popcount counts the set bits of 32-bit values, the sign bit included", () => {
  assert.equal(popcount(0), 0);
  assert.equal(popcount(1), 1);
  assert.equal(popcount(-1), 32);
  assert.equal(popcount(1 << 31), 1);
  assert.equal(popcount(0x0f0f0f0f), 16);
});

test("rows of buckets at word edges (0, 31, 32, 63) and after empty words; -1 elsewhere", () => {
  const buckets = [0, 5, 31, 32, 63, 200, 1023];
  const index = RowIndex.fromDeltas(deltasOf(buckets), 1024);
  for (let b = 0; b < 1024; b++) assert.equal(index.row(b), buckets.indexOf(b), `bucket ${b}`);
  assert.deepEqual([...index.rowOf].filter((r) => r >= 0), [0, 1, 2, 3, 4, 5, 6]);
});

test("fromDense round-trips a dense map numbered in bucket order and refuses any other numbering", () => {
  const dense = new Int32Array(96).fill(-1);
  [3, 31, 40, 95].forEach((b, k) => (dense[b] = k));
  const index = RowIndex.fromDense(dense);
  for (let b = 0; b < 96; b++) assert.equal(rowAt(index.rank, b), dense[b]);
  dense[3] = 1;
  dense[31] = 0;
  assert.throws(() => RowIndex.fromDense(dense));
});

test("the shipped model's index numbers its non-empty buckets 0, 1, 2, … in bucket order, one per weight row", () => {
  const w = loadNerModel().weights;
  assert.ok(!(w instanceof Float32Array) && w.index);
  const { index, q } = w;
  let next = 0;
  for (let b = 0; b < index.buckets; b++) {
    const r = index.row(b);
    if (r < 0) continue;
    if (r !== next) assert.fail(`bucket ${b}: row ${r}, expected ${next}`);
    next++;
  }
  assert.equal(next * 17, q.length);
});
