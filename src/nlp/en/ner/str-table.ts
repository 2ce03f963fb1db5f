// A read-only string → int table in typed arrays: loads as views of the model file, no Map or string per entry.

/** What the tagger needs of a word list: look a key up, count, and iterate (serialising, building the feature path). */
export interface WordTable extends Iterable<[string, number]> {
  get(key: string): number | undefined;
  readonly size: number;
  keys(): IterableIterator<string>;
}

/** FNV-1a over UTF-16 code units (the same hash as features.ts `strHash`). */
export function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * Keys as UTF-16 code units back to back (`chars`, entry k at off[k] .. off[k + 1]), values, and an open-addressing
 * slot array of entry indices (-1 empty) sized to a power of two at most half full. Entries keep insertion order.
 */
export class StrTable implements WordTable {
  private readonly mask: number;

  constructor(
    readonly chars: Uint16Array,
    readonly off: Uint32Array,
    readonly vals: Int32Array,
    readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
  }

  static from(entries: Iterable<[string, number]>): StrTable {
    const list = [...entries];
    let total = 0;
    for (const [k] of list) total += k.length;
    const chars = new Uint16Array(total);
    const off = new Uint32Array(list.length + 1);
    const vals = new Int32Array(list.length);
    let cap = 16;
    while (cap < 2 * list.length) cap *= 2;
    const slots = new Int32Array(cap).fill(-1);
    let at = 0;
    list.forEach(([k, v], e) => {
      off[e] = at;
      for (let i = 0; i < k.length; i++) chars[at++] = k.charCodeAt(i);
      vals[e] = v;
      let s = hashOf(k) & (cap - 1);
      while (slots[s] !== -1) s = (s + 1) & (cap - 1);
      slots[s] = e;
    });
    off[list.length] = at;
    return new StrTable(chars, off, vals, slots);
  }

  get size(): number {
    return this.vals.length;
  }

  /** The entry index of `key`, or -1. */
  indexOf(key: string): number {
    const { chars, off, slots, mask } = this;
    const n = key.length;
    for (let s = hashOf(key) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]!;
      if (e < 0) return -1;
      const a = off[e]!;
      if (off[e + 1]! - a !== n) continue;
      let i = 0;
      while (i < n && chars[a + i] === key.charCodeAt(i)) i++;
      if (i === n) return e;
    }
  }

  get(key: string): number | undefined {
    const e = this.indexOf(key);
    return e < 0 ? undefined : this.vals[e];
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /** The key of entry e. */
  keyAt(e: number): string {
    const a = this.off[e]!;
    const b = this.off[e + 1]!;
    let s = "";
    // in chunks: fromCharCode's argument count is bounded; `apply` takes the typed array as it is (a spread would
    // run the iterator protocol over it, several times slower for a table's 50 k keys)
    for (let i = a; i < b; i += 4096) s += String.fromCharCode.apply(null, this.chars.subarray(i, Math.min(b, i + 4096)) as unknown as number[]);
    return s;
  }

  /** The keys that contain the character `code` (say, a space), without making a string of the others. */
  *keysWith(code: number): IterableIterator<string> {
    const { chars, off } = this;
    for (let e = 0; e < this.vals.length; e++) {
      const b = off[e + 1]!;
      for (let i = off[e]!; i < b; i++) {
        if (chars[i] === code) {
          yield this.keyAt(e);
          break;
        }
      }
    }
  }

  *keys(): IterableIterator<string> {
    for (let e = 0; e < this.vals.length; e++) yield this.keyAt(e);
  }

  *[Symbol.iterator](): IterableIterator<[string, number]> {
    for (let e = 0; e < this.vals.length; e++) yield [this.keyAt(e), this.vals[e]!];
  }
}
