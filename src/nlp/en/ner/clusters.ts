// Word clusters learned from unlabelled text: PPMI context vectors, random projection, hierarchical spherical k-means.
import { rng } from "./random.js";

export interface ClusterOptions {
  seed: number;
  /** words seen fewer times get no cluster */
  minCount?: number;
  maxWords?: number;
  /** how many frequent words serve as left/right contexts */
  contexts?: number;
  dims?: number;
  log?: (s: string) => void;
}

/**
 * Branching per level: 32 top clusters, 8 under each, 8 under those (2,048 leaves), like a Brown path cut at three
 * depths. A leaf id holds its whole path: leaf >> 6 is the top cluster, leaf >> 3 the middle one.
 */
export const BRANCH = [32, 8, 8] as const;

/** Spherical k-means of the rows `idx` of `vec` (unit vectors of `dims`); returns the cluster of each row. */
function kmeans(vec: Float32Array, dims: number, idx: Int32Array, k: number, random: () => number, iters = 12): Uint16Array {
  const n = idx.length;
  const assign = new Uint16Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * dims);
  // k-means++ seeding with the seeded generator
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    cent.set(vec.subarray(idx[pick]! * dims, idx[pick]! * dims + dims), c * dims);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const o = idx[i]! * dims;
      for (let d = 0; d < dims; d++) dot += vec[o + d]! * cent[c * dims + d]!;
      const dd = Math.max(0, 1 - dot);
      if (dd < dist[i]!) dist[i] = dd;
      total += dist[i]!;
    }
    let r = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) { r -= dist[i]!; if (r <= 0) { pick = i; break; } }
  }
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const o = idx[i]! * dims;
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * dims;
        for (let d = 0; d < dims; d++) dot += vec[o + d]! * cent[co + d]!;
        if (dot > best) { best = dot; arg = c; }
      }
      if (assign[i] !== arg) moved++;
      assign[i] = arg;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const o = idx[i]! * dims;
      const co = assign[i]! * dims;
      for (let d = 0; d < dims; d++) cent[co + d]! += vec[o + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += cent[c * dims + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) cent[c * dims + d]! /= norm;
    }
    if (!moved) break;
  }
  return assign;
}

/** Lower-cased word -> 1 + its leaf id (see BRANCH). */
export function learnClusters(sentences: readonly (readonly string[])[], opts: ClusterOptions): Map<string, number> {
  const minCount = opts.minCount ?? 3;
  const maxWords = opts.maxWords ?? 60000;
  const C = opts.contexts ?? 1000;
  const dims = opts.dims ?? 80;
  const random = rng(opts.seed);
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) { const k = w.toLowerCase(); counts.set(k, (counts.get(k) ?? 0) + 1); }
  // frequency order, ties alphabetical: the same vocabulary on every run
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= minCount).slice(0, maxWords).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  // contexts: the C most frequent words, one "other" slot, one sentence-boundary slot; left and right apart
  const ctxOf = (w: string | undefined): number => (w === undefined ? C + 1 : Math.min(id.get(w.toLowerCase()) ?? C, C));
  const D = 2 * (C + 2);
  const pair = new Map<number, number>();
  const wordTotal = new Float64Array(V);
  const ctxTotal = new Float64Array(D);
  let N = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = id.get(s[i]!.toLowerCase());
      if (w === undefined) continue;
      const l = ctxOf(s[i - 1]);
      const r = C + 2 + ctxOf(s[i + 1]);
      for (const c of [l, r]) {
        const key = w * D + c;
        pair.set(key, (pair.get(key) ?? 0) + 1);
        wordTotal[w]! += 1;
        ctxTotal[c]! += 1;
        N++;
      }
    }
  }
  // a fixed Gaussian-ish (sum of uniforms) random vector per context dimension
  const R = new Float32Array(D * dims);
  for (let i = 0; i < R.length; i++) R[i] = random() + random() + random() - 1.5;
  const vec = new Float32Array(V * dims);
  for (const [key, n] of pair) {
    const w = Math.floor(key / D);
    const c = key - w * D;
    // positive PMI with context-distribution smoothing (counts^0.75), as in word2vec-era PPMI
    const pmi = Math.log((n * N) / (wordTotal[w]! * ctxTotal[c]! ** 0.75 * N ** 0.25));
    if (pmi <= 0) continue;
    const o = w * dims;
    const ro = c * dims;
    for (let d = 0; d < dims; d++) vec[o + d]! += pmi * R[ro + d]!;
  }
  for (let w = 0; w < V; w++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vec[w * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vec[w * dims + d]! /= norm;
  }
  opts.log?.(`  clusters: ${V} words (count >= ${minCount}), ${pair.size} word-context pairs, ${N} observations`);
  // hierarchical: split everything into 16, each part into 8, each of those into 4
  const leaf = new Int32Array(V);
  const split = (rows: Int32Array, level: number, prefix: number): void => {
    const k = BRANCH[level]!;
    const a = kmeans(vec, dims, rows, k, random);
    for (let c = 0; c < k; c++) {
      const sub = rows.filter((_, i) => a[i] === c);
      const pid = prefix * k + c;
      if (level + 1 < BRANCH.length) { if (sub.length) split(sub, level + 1, pid); }
      else for (const r of sub) leaf[r] = pid;
    }
  };
  split(Int32Array.from({ length: V }, (_, i) => i), 0, 0);
  const out = new Map<string, number>();
  vocab.forEach((w, i) => out.set(w, leaf[i]! + 1));
  return out;
}
