// Bucket → weight-row index as a rank bitmap (128 KB for 2^19 buckets) instead of a 2 MB Int32Array: it stays in L2.

/**
 * Rows are stored in bucket order (the model file lists their bucket ids ascending), so a bucket's row is the
 * number of non-empty buckets before it. `RowIndex.rank` interleaves, per 32 buckets, the count of non-empty
 * buckets before them and their bitmap ([before, bits, before, bits, …]): one cache line answers a lookup, where a
 * dense Int32Array of 2^19 row ids (2 MB, larger than the core's L2) missed the cache on most feature lookups.
 */
export class RowIndex {
  /** [2w] = non-empty buckets before bucket 32w, [2w + 1] = bitmap of buckets 32w .. 32w + 31 */
  readonly rank: Int32Array;
  private dense: Int32Array | undefined;

  constructor(readonly buckets: number, rank: Int32Array) {
    this.rank = rank;
  }

  /** From the model file's ascending bucket ids as deltas (the first absolute). */
  static fromDeltas(deltas: Uint32Array, buckets: number): RowIndex {
    const words = Math.max(1, Math.ceil(buckets / 32));
    const rank = new Int32Array(2 * words);
    let b = 0;
    for (let k = 0; k < deltas.length; k++) {
      b = k ? b + deltas[k]! : deltas[k]!;
      rank[2 * (b >>> 5) + 1]! |= 1 << (b & 31);
    }
    let before = 0;
    for (let w = 0; w < words; w++) {
      rank[2 * w] = before;
      before += popcount(rank[2 * w + 1]!);
    }
    return new RowIndex(buckets, rank);
  }

  /** From a dense bucket -> row map whose rows are numbered in bucket order (as `compact` in model.ts makes them). */
  static fromDense(rowOf: Int32Array): RowIndex {
    const ids: number[] = [];
    for (let b = 0; b < rowOf.length; b++) {
      if (rowOf[b]! < 0) continue;
      if (rowOf[b] !== ids.length) throw new Error("RowIndex: rows must be numbered in bucket order");
      ids.push(b);
    }
    const deltas = new Uint32Array(ids.length);
    ids.forEach((b, k) => (deltas[k] = k ? b - ids[k - 1]! : b));
    return RowIndex.fromDeltas(deltas, rowOf.length);
  }

  /** The row of bucket b, or -1 when its row is all zero. */
  row(b: number): number {
    return rowAt(this.rank, b);
  }

  /** The dense form (bucket -> row or -1), built on first use: the feature path and serialising read it. */
  get rowOf(): Int32Array {
    if (!this.dense) {
      const d = new Int32Array(this.buckets).fill(-1);
      for (let b = 0; b < this.buckets; b++) d[b] = rowAt(this.rank, b);
      this.dense = d;
    }
    return this.dense;
  }
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Row of bucket b in a `RowIndex.rank` array, or -1 (a free function: the hot loops inline it). */
export function rowAt(rank: Int32Array, b: number): number {
  const w = b >>> 5;
  const bits = rank[2 * w + 1]!;
  const bit = 1 << (b & 31);
  if (!(bits & bit)) return -1;
  return rank[2 * w]! + popcount(bits & (bit - 1));
}
