// Weights of conjunction features keyed by integers: (template, value id, value id) → weight in one typed-array hash table.
//
// Why: a model held as Maps of Maps costs a chain of dependent memory reads per lookup (outer map, its table, the
// inner map, its table, the key string), and between two tokens the rest of the pipeline evicts them; a probe here
// reads one slot of two typed arrays. Values are interned once (`Interner`), so a caller that keeps a token's id
// asks no string Map at all.

/** Strings to dense ids (0, 1, 2, …), in the order first seen. */
export class Interner {
  private readonly ids = new Map<string, number>();

  /** The id of s, added when new. */
  add(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) this.ids.set(s, (id = this.ids.size));
    return id;
  }

  /** The id of s, or -1 when no weight names it. */
  get(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The strings by id. */
  list(): string[] {
    return [...this.ids.keys()];
  }
}

/** An open-addressing table of (t, a, b) → weight, with t, a, b non-negative integers below 2^5, 2^24 and 2^24. */
export class PairWeights {
  private readonly keys: Float64Array;
  private readonly weights: Float64Array;
  private readonly mask: number;
  private count = 0;

  constructor(expected: number, parts?: { keys: Float64Array; weights: Float64Array; count: number }) {
    if (parts) {
      // a table read back as it was written (`parts`)
      ({ keys: this.keys, weights: this.weights, count: this.count } = parts);
    } else {
      let cap = 16;
      while (cap < 2 * expected) cap *= 2;
      this.keys = new Float64Array(cap).fill(-1);
      this.weights = new Float64Array(cap);
    }
    this.mask = this.keys.length - 1;
  }

  /** The table's arrays and entry count, to write it out and read it back (`new PairWeights(0, parts)`). */
  get parts(): { keys: Float64Array; weights: Float64Array; count: number } {
    return { keys: this.keys, weights: this.weights, count: this.count };
  }

  // one number per key, exact in a double (5 + 24 + 24 bits: below 2^53)
  private static key(t: number, a: number, b: number): number {
    return (t * 16777216 + a) * 16777216 + b;
  }

  private slot(t: number, a: number, b: number): number {
    let h = Math.imul(a ^ Math.imul(t, 0x27d4eb2d), 0x9e3779b1) ^ Math.imul(b + 0x165667b1, 0x85ebca77);
    h ^= h >>> 15;
    return h & this.mask;
  }

  set(t: number, a: number, b: number, w: number): void {
    if (t >= 32 || a >= 16777216 || b >= 16777216) throw new Error("PairWeights: a key part out of range");
    if (2 * (this.count + 1) > this.keys.length) throw new Error("PairWeights: more entries than the table was sized for");
    const k = PairWeights.key(t, a, b);
    for (let s = this.slot(t, a, b); ; s = (s + 1) & this.mask) {
      if (this.keys[s] === k) {
        this.weights[s] = w;
        return;
      }
      if (this.keys[s] === -1) {
        this.keys[s] = k;
        this.weights[s] = w;
        this.count++;
        return;
      }
    }
  }

  /** The weight of (t, a, b), 0 when it has none (an absent feature adds nothing); a negative id has none. */
  get(t: number, a: number, b: number): number {
    if (a < 0 || b < 0) return 0;
    const k = PairWeights.key(t, a, b);
    for (let s = this.slot(t, a, b); ; s = (s + 1) & this.mask) {
      const x = this.keys[s]!;
      if (x === k) return this.weights[s]!;
      if (x === -1) return 0;
    }
  }
}
