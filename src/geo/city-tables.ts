// City and town columns as typed arrays in one buffer (a SharedArrayBuffer in a worker pool): numbers, names, namesakes.
import { StrTable } from "../nlp/en/ner/str-table.js";

/**
 * Where each column of a city table lies in its buffer: [byte offset, element count]. The buffer holds no
 * pointers, so a thread given it (and this layout) reads the same table as the thread that built it.
 */
export interface CityTableLayout {
  rows: number;
  at: Record<string, [number, number]>;
}

/** A built city table: what a pool's main thread hands its workers (structured-clonable; the buffer is shared, not copied). */
export interface CityTableData {
  buffer: ArrayBuffer | SharedArrayBuffer;
  layout: CityTableLayout;
}

/**
 * The names of a city table: each distinct lower-cased name once (`table`, its value the most populous row of that
 * name), each row's name id, and the chain of namesakes (`next`, -1 at the end). A Map and a string per name cost
 * ~100 bytes a name in every thread's heap (with the text the names were sliced from, ~16 MB per thread for cities
 * and towns); these are ~2 bytes a character, and can be shared between threads.
 */
export class CityNames {
  constructor(readonly table: StrTable, readonly ids: Int32Array, readonly next: Int32Array) {}

  get length(): number {
    return this.ids.length;
  }

  /** The name of row i. */
  at(i: number): string {
    return this.table.keyAt(this.ids[i]!);
  }

  /** The first (most populous) row named `key`, -1 when none; `next` gives the others. */
  first(key: string): number {
    const e = this.table.indexOf(key);
    return e < 0 ? -1 : this.table.vals[e]!;
  }

  /** The same lookup as a map (`get`, `has`, `keys`), for code that holds a name → row map. */
  get byName(): StrTable {
    return this.table;
  }
}

/** The columns of a city table as views of its buffer (no copy). */
export interface CityTableViews {
  names: CityNames;
  lat: Float32Array; lon: Float32Array; pop: Uint32Array; id: Uint32Array; capital: Uint8Array;
  /** ISO alpha-2 codes, two characters per row */
  cc: string;
  /** first-order admin codes, three characters per row, space-padded */
  admin: string;
}

const align8 = (n: number): number => (n + 7) & ~7;

/**
 * Builds a city table from a `<base>.bin` (rows × [lat f32, lon f32, pop u32, id u32] as columns, then capital u8)
 * and its `<base>.txt` (one lower-cased name per row, then the country-code line and the admin-code line). The
 * names are written straight into the buffer (sized for the worst case, no duplicate), so building leaves no
 * garbage but the decoded text and a line index.
 */
export function buildCityTable(bin: Uint8Array, text: string, rows: number, shared: boolean): CityTableData {
  if (bin.length < rows * 17) throw new Error(`city table: ${bin.length} bytes of numbers for ${rows} rows`);
  let cap = 16;
  while (cap < 2 * rows) cap *= 2;
  // names take at most the text's characters (less the two code lines)
  const sizes: [string, number, number][] = [
    ["nums", rows * 17, 1], ["cc", rows * 2, 1], ["admin", rows * 3, 1], ["ids", rows, 4], ["next", rows, 4],
    ["off", rows + 1, 4], ["vals", rows, 4], ["slots", cap, 4], ["chars", text.length, 2],
  ];
  const at: Record<string, [number, number]> = {};
  let bytes = 0;
  for (const [name, n, size] of sizes) {
    at[name] = [bytes, n];
    bytes = align8(bytes + n * size);
  }
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  new Uint8Array(buffer, 0, rows * 17).set(bin.subarray(0, rows * 17));
  const ids = new Int32Array(buffer, at.ids![0], rows);
  const next = new Int32Array(buffer, at.next![0], rows);
  const off = new Uint32Array(buffer, at.off![0], rows + 1);
  const vals = new Int32Array(buffer, at.vals![0], rows);
  const slots = new Int32Array(buffer, at.slots![0], cap).fill(-1);
  const chars = new Uint16Array(buffer, at.chars![0], text.length);
  const mask = cap - 1;
  const ends = new Int32Array(2 * rows);
  let a = 0;
  for (let i = 0; i < rows; i++) {
    const b = text.indexOf("\n", a);
    if (b < 0) throw new Error(`city table: ${i} names for ${rows} rows`);
    ends[2 * i] = a;
    ends[2 * i + 1] = b;
    a = b + 1;
  }
  // Rows from the last, so each namesake chain runs from a name's first row (the most populous: rows are sorted so)
  // to its last, and the table keeps the first row, the `FNV-1a` hash the table looks keys up with.
  let distinct = 0;
  let used = 0;
  for (let i = rows - 1; i >= 0; i--) {
    const s0 = ends[2 * i]!;
    const n = ends[2 * i + 1]! - s0;
    let h = 0x811c9dc5;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ text.charCodeAt(s0 + k), 0x01000193);
    let s = h & mask;
    let e = -1;
    for (; slots[s] !== -1; s = (s + 1) & mask) {
      const c = slots[s]!;
      const o = off[c]!;
      if (off[c + 1]! - o !== n) continue;
      let k = 0;
      while (k < n && chars[o + k] === text.charCodeAt(s0 + k)) k++;
      if (k === n) { e = c; break; }
    }
    if (e < 0) {
      e = distinct++;
      slots[s] = e;
      off[e] = used;
      for (let k = 0; k < n; k++) chars[used++] = text.charCodeAt(s0 + k);
      off[e + 1] = used;
      next[i] = -1;
    } else {
      next[i] = vals[e]!;
    }
    vals[e] = i;
    ids[i] = e;
  }
  // the two code lines, ASCII
  const codes = text.slice(a).split("\n");
  const cc = new Uint8Array(buffer, at.cc![0], rows * 2);
  const admin = new Uint8Array(buffer, at.admin![0], rows * 3);
  for (let k = 0; k < cc.length; k++) cc[k] = codes[0]?.charCodeAt(k) ?? 32;
  for (let k = 0; k < admin.length; k++) admin[k] = codes[1]?.charCodeAt(k) ?? 32;
  // the counts actually used: the table reads off[0 .. distinct] and vals[0 .. distinct)
  at.off = [at.off![0], distinct + 1];
  at.vals = [at.vals![0], distinct];
  at.chars = [at.chars![0], used];
  return { buffer, layout: { rows, at } };
}

/** Views of a built table's columns (in this thread: the code strings are decoded, the rest read in place). */
export function cityTableViews({ buffer, layout }: CityTableData): CityTableViews {
  const { rows, at } = layout;
  const view = <T>(name: string, make: new (b: ArrayBufferLike, o: number, n: number) => T): T => new make(buffer, at[name]![0], at[name]![1]);
  const table = new StrTable(view("chars", Uint16Array), view("off", Uint32Array), view("vals", Int32Array), view("slots", Int32Array));
  const latin1 = (name: string): string => Buffer.from(buffer, at[name]![0], at[name]![1]).toString("latin1");
  // (the numbers open the table; a table read from a file may start past the file's header)
  const nums = at.nums![0];
  return {
    names: new CityNames(table, view("ids", Int32Array), view("next", Int32Array)),
    lat: new Float32Array(buffer, nums, rows), lon: new Float32Array(buffer, nums + rows * 4, rows), pop: new Uint32Array(buffer, nums + rows * 8, rows),
    id: new Uint32Array(buffer, nums + rows * 12, rows), capital: new Uint8Array(buffer, nums + rows * 16, rows),
    cc: latin1("cc"), admin: latin1("admin"),
  };
}
