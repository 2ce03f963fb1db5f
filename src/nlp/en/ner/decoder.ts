// First-order Viterbi over BILOU tags: emission scores from hashed feature weights plus a learned transition matrix.
import { allowed, NUM_TAGS } from "./labels.js";
import { domainBucket, type FeatureBuffer } from "./features.js";

const L = NUM_TAGS;
/** ALLOWED[(a + 1) * L + b]: tag b may follow a (row 0 is the sentence start). */
const ALLOWED = new Uint8Array((L + 1) * L);
const END_OK = new Uint8Array(L);
for (let a = -1; a < L; a++) for (let b = 0; b < L; b++) ALLOWED[(a + 1) * L + b] = allowed(a, b) ? 1 : 0;
for (let a = 0; a < L; a++) END_OK[a] = allowed(a, -1) ? 1 : 0;
/** PRED[y] lists the tags that may precede y (I-X and L-X only follow B-X or I-X): ~6 instead of 17 to try. */
const PRED: Int32Array[] = [];
for (let y = 0; y < L; y++) {
  const p: number[] = [];
  for (let a = 0; a < L; a++) if (ALLOWED[(a + 1) * L + y]) p.push(a);
  PRED.push(Int32Array.from(p));
}

/**
 * Emission scores em[i * L + y] of every token: the sum of its feature rows in `w` (row-major, L per bucket),
 * plus the history buckets in `hist` (two per token, -1 for none). With a domain `salt` (training only), each
 * bucket's domain copy (`domainBucket`) is added too: the shared + per-domain weights of feature augmentation.
 */
export function emissions(buf: FeatureBuffer, hist: Int32Array | undefined, w: Float32Array, em: Float32Array, salt = 0, mask = 0): void {
  const { feats, off, n } = buf;
  em.fill(0, 0, n * L);
  const add = (o: number, b: number): void => {
    const r = b * L;
    for (let y = 0; y < L; y++) em[o + y]! += w[r + y]!;
    if (salt) {
      const r2 = domainBucket(b, salt, mask) * L;
      for (let y = 0; y < L; y++) em[o + y]! += w[r2 + y]!;
    }
  };
  for (let i = 0; i < n; i++) {
    const o = i * L;
    const end = off[i + 1]!;
    if (!salt) {
      // the run-time path: one row per feature, no closure call
      for (let k = off[i]!; k < end; k++) {
        const r = feats[k]! * L;
        for (let y = 0; y < L; y++) em[o + y]! += w[r + y]!;
      }
    } else for (let k = off[i]!; k < end; k++) add(o, feats[k]!);
    if (hist) {
      for (let k = 0; k < 2; k++) {
        const b = hist[2 * i + k]!;
        if (b >= 0) add(o, b);
      }
    }
  }
}

/**
 * Emission scores from compact weights: `rowOf[bucket]` is the bucket's row in `q` (int16, L per row) or -1.
 * Sums stay integers until one multiplication by `scale` per score.
 */
export function emissionsCompact(
  buf: FeatureBuffer, hist: Int32Array | undefined, rowOf: Int32Array, q: Int16Array, scale: number, em: Float32Array,
): void {
  const { feats, off, n } = buf;
  const acc = new Int32Array(L);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    const end = off[i + 1]!;
    for (let k = off[i]!; k < end; k++) {
      const row = rowOf[feats[k]!]!;
      if (row < 0) continue;
      const r = row * L;
      for (let y = 0; y < L; y++) acc[y]! += q[r + y]!;
    }
    if (hist) {
      for (let k = 0; k < 2; k++) {
        const b = hist[2 * i + k]!;
        const row = b < 0 ? -1 : rowOf[b]!;
        if (row < 0) continue;
        const r = row * L;
        for (let y = 0; y < L; y++) acc[y]! += q[r + y]!;
      }
    }
    const o = i * L;
    for (let y = 0; y < L; y++) em[o + y] = acc[y]! * scale;
  }
}

/**
 * BILOU structure, for the unrolled recurrence: the tags that close an entity or stand outside one (O, L-*, U-*)
 * are the only predecessors of O, B-* and U-*; I-X and L-X follow only B-X and I-X.
 */
const CLOSED = Int32Array.from([0, 3, 4, 7, 8, 11, 12, 15, 16]);
/** the tags CLOSED tags may precede (O, B-*, U-*), in tag order */
const OPENING = Int32Array.from([0, 1, 4, 5, 8, 9, 12, 13, 16]);
for (let y = 0; y < L; y++) {
  const want = OPENING.includes(y) ? [...CLOSED] : [1 + 4 * ((y - 1) >> 2), 2 + 4 * ((y - 1) >> 2)];
  if (PRED[y]!.join() !== want.join()) throw new Error("decoder: BILOU predecessor table out of step with labels.ts");
}

/** Scratch arrays for `viterbi`, grown as needed. */
export class ViterbiScratch {
  score = new Float32Array(64 * L);
  back = new Uint8Array(64 * L);
  ensure(n: number): void {
    if (this.score.length < n * L) {
      this.score = new Float32Array(2 * n * L);
      this.back = new Uint8Array(2 * n * L);
    }
  }
}

/**
 * Best valid BILOU sequence for n tokens. `trans[(a + 1) * L + b]` scores b after a (row 0: after the start);
 * `trans[(L + 1) * L + a]` scores a before the end. Writes tags to `out`.
 */
export function viterbi(em: Float32Array, n: number, trans: Float32Array, s: ViterbiScratch, out: Uint8Array): void {
  viterbiSegment(em, 0, n, trans, s, out, false, false);
}

/** Size of the transition table: (start + L rows) * L, plus one end row. */
export const TRANS_SIZE = (L + 2) * L;

/**
 * `viterbi` over tokens [a, b) of a sentence whose other tokens are fixed: `afterO` when token a - 1 is tagged O
 * (else a is the sentence start), `beforeO` when token b is tagged O (else b - 1 ends the sentence). Writes
 * out[a .. b). Tagging a sentence piecewise this way equals full Viterbi with those tokens forced to O.
 */
export function viterbiSegment(
  em: Float32Array, a: number, b: number, trans: Float32Array, s: ViterbiScratch, out: Uint8Array, afterO: boolean, beforeO: boolean,
): void {
  const n = b - a;
  if (n <= 0) return;
  s.ensure(n);
  const { score, back } = s;
  const startRow = afterO ? L : 0; // row (prev + 1) * L: prev = O (0) or the start (-1)
  const e0 = a * L;
  for (let y = 0; y < L; y++) score[y] = ALLOWED[startRow + y] ? em[e0 + y]! + trans[startRow + y]! : -Infinity;
  // The recurrence unrolled over the BILOU structure (PRED): the same sums in the same order, each compared with
  // `>` from -Infinity and arg 0, so ties resolve as in `viterbiSegmentGeneric` and the tags are identical.
  for (let i = 1; i < n; i++) {
    const p = (i - 1) * L;
    const o = i * L;
    const eo = (a + i) * L;
    const c0 = score[p]!, c1 = score[p + 3]!, c2 = score[p + 4]!, c3 = score[p + 7]!, c4 = score[p + 8]!;
    const c5 = score[p + 11]!, c6 = score[p + 12]!, c7 = score[p + 15]!, c8 = score[p + 16]!;
    for (let j = 0; j < 9; j++) {
      const y = OPENING[j]!;
      let best = -Infinity;
      let arg = 0;
      let v = c0 + trans[1 * L + y]!;
      if (v > best) { best = v; arg = 0; }
      v = c1 + trans[4 * L + y]!;
      if (v > best) { best = v; arg = 3; }
      v = c2 + trans[5 * L + y]!;
      if (v > best) { best = v; arg = 4; }
      v = c3 + trans[8 * L + y]!;
      if (v > best) { best = v; arg = 7; }
      v = c4 + trans[9 * L + y]!;
      if (v > best) { best = v; arg = 8; }
      v = c5 + trans[12 * L + y]!;
      if (v > best) { best = v; arg = 11; }
      v = c6 + trans[13 * L + y]!;
      if (v > best) { best = v; arg = 12; }
      v = c7 + trans[16 * L + y]!;
      if (v > best) { best = v; arg = 15; }
      v = c8 + trans[17 * L + y]!;
      if (v > best) { best = v; arg = 16; }
      score[o + y] = best + em[eo + y]!;
      back[o + y] = arg;
    }
    for (let b = 1; b < L; b += 4) {
      // I-X (b + 1) and L-X (b + 2) after B-X (b) or I-X (b + 1)
      const sb = score[p + b]!;
      const si = score[p + b + 1]!;
      for (let y = b + 1; y <= b + 2; y++) {
        let best = -Infinity;
        let arg = 0;
        let v = sb + trans[(b + 1) * L + y]!;
        if (v > best) { best = v; arg = b; }
        v = si + trans[(b + 2) * L + y]!;
        if (v > best) { best = v; arg = b + 1; }
        score[o + y] = best + em[eo + y]!;
        back[o + y] = arg;
      }
    }
  }
  finishSegment(score, back, trans, n, a, out, beforeO);
}

/** The last step of a segment's Viterbi: the best final tag (allowed before an O, or at the sentence end), then the backtrace into out[a .. a + n). */
function finishSegment(score: Float32Array, back: Uint8Array, trans: Float32Array, n: number, a: number, out: Uint8Array, beforeO: boolean): void {
  const last = (n - 1) * L;
  const endRow = (L + 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    // before an O: y must allow O next (scored by the O column of y's row); at the end: the end row
    const ok = beforeO ? ALLOWED[(y + 1) * L] : END_OK[y];
    if (!ok) continue;
    const v = score[last + y]! + (beforeO ? trans[(y + 1) * L]! : trans[endRow + y]!);
    if (v > best) { best = v; arg = y; }
  }
  out[a + n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[a + i - 1] = back[i * L + out[a + i]!]!;
}

/**
 * `viterbiSegment` with the recurrence as a plain loop over PRED (the reference the unrolled one is tested against):
 * `viterbi` over tokens [a, b) of a sentence whose other tokens are fixed: `afterO` when token a - 1 is tagged O
 * (else a is the sentence start), `beforeO` when token b is tagged O (else b - 1 ends the sentence). Writes
 * out[a .. b). Tagging a sentence piecewise this way equals full Viterbi with those tokens forced to O.
 */
export function viterbiSegmentGeneric(
  em: Float32Array, a: number, b: number, trans: Float32Array, s: ViterbiScratch, out: Uint8Array, afterO: boolean, beforeO: boolean,
): void {
  const n = b - a;
  if (n <= 0) return;
  s.ensure(n);
  const { score, back } = s;
  const startRow = afterO ? L : 0; // row (prev + 1) * L: prev = O (0) or the start (-1)
  const e0 = a * L;
  for (let y = 0; y < L; y++) score[y] = ALLOWED[startRow + y] ? em[e0 + y]! + trans[startRow + y]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const p = (i - 1) * L;
    const o = i * L;
    const eo = (a + i) * L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      const pred = PRED[y]!;
      for (let k = 0; k < pred.length; k++) {
        const q = pred[k]!;
        const v = score[p + q]! + trans[(q + 1) * L + y]!;
        if (v > best) { best = v; arg = q; }
      }
      score[o + y] = best + em[eo + y]!;
      back[o + y] = arg;
    }
  }
  finishSegment(score, back, trans, n, a, out, beforeO);
}
