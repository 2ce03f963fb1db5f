// Viterbi decoding: finds the best valid BILOU sequence (checked against brute force) and never an invalid one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { TRANS_SIZE, viterbi, viterbiSegment, viterbiSegmentGeneric, ViterbiScratch } from "./decoder.js";
import { allowed, NUM_TAGS } from "./labels.js";
import { rng } from "./random.js";

const L = NUM_TAGS;

function score(seq: number[], em: Float32Array, trans: Float32Array): number {
  let s = 0;
  seq.forEach((y, i) => {
    s += em[i * L + y]! + trans[(i ? seq[i - 1]! + 1 : 0) * L + y]!;
  });
  return s + trans[(L + 1) * L + seq[seq.length - 1]!]!;
}

function valid(seq: number[]): boolean {
  let prev = -1;
  for (const y of seq) {
    if (!allowed(prev, y)) return false;
    prev = y;
  }
  return allowed(prev, -1);
}

test("viterbi equals brute force over all valid sequences of 3 tokens", () => {
  const random = rng(3);
  const vs = new ViterbiScratch();
  for (let trial = 0; trial < 20; trial++) {
    const n = 3;
    const em = Float32Array.from({ length: n * L }, () => random() * 4 - 2);
    const trans = Float32Array.from({ length: TRANS_SIZE }, () => random() * 2 - 1);
    const out = new Uint8Array(n);
    viterbi(em, n, trans, vs, out);
    let best = -Infinity;
    for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) for (let c = 0; c < L; c++) {
      if (valid([a, b, c])) best = Math.max(best, score([a, b, c], em, trans));
    }
    assert.ok(valid([...out]), `invalid sequence ${[...out]}`);
    assert.ok(Math.abs(score([...out], em, trans) - best) < 1e-4);
  }
});

test("viterbi never ends inside an entity even when the emissions want it", () => {
  const em = new Float32Array(2 * L);
  em[1] = 10; // B-PER strongly at token 0
  em[L + 1] = 10; // and again at token 1: B then B is invalid, B at the end is invalid
  const out = new Uint8Array(2);
  viterbi(em, 2, new Float32Array(TRANS_SIZE), new ViterbiScratch(), out);
  assert.ok(valid([...out]), `got ${[...out]}`);
});

test("Viterbi over the stretches between forced O tags equals Viterbi with those tags forced", () => {
  let seed = 7;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 4 - 2;
  const trans = Float32Array.from({ length: TRANS_SIZE }, rand);
  for (const forced of [[0], [3, 4, 5], [11], [2, 7, 8]]) {
    const n = 12;
    const em = Float32Array.from({ length: n * L }, rand);
    const pinned = Float32Array.from(em);
    for (const i of forced) for (let y = 1; y < L; y++) pinned[i * L + y] = -1e9;
    const want = new Uint8Array(n);
    viterbi(pinned, n, trans, new ViterbiScratch(), want);
    const got = new Uint8Array(n);
    const s = new ViterbiScratch();
    for (let i = 0; i < n; ) {
      if (forced.includes(i)) { got[i++] = 0; continue; }
      let j = i + 1;
      while (j < n && !forced.includes(j)) j++;
      viterbiSegment(em, i, j, trans, s, got, i > 0, j < n);
      i = j;
    }
    assert.deepEqual([...got], [...want], `forced O at ${forced}`);
  }
});

test("the unrolled recurrence gives the plain loop's tags, ties and impossible starts included", () => {
  const random = rng(11);
  const s = new ViterbiScratch();
  const g = new ViterbiScratch();
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + Math.floor(random() * 9);
    // coarse values (many exact ties) in half the trials, fine ones in the rest; a fresh table now and then
    const coarse = trial % 2 === 0;
    const val = (): number => (coarse ? Math.floor(random() * 3) - 1 : random() * 4 - 2);
    const em = Float32Array.from({ length: n * L }, val);
    const trans = Float32Array.from({ length: TRANS_SIZE }, val);
    const afterO = random() < 0.5;
    const beforeO = random() < 0.5;
    const got = new Uint8Array(n);
    const want = new Uint8Array(n);
    viterbiSegment(em, 0, n, trans, s, got, afterO, beforeO);
    viterbiSegmentGeneric(em, 0, n, trans, g, want, afterO, beforeO);
    assert.deepEqual([...got], [...want], `trial ${trial}`);
  }
});
