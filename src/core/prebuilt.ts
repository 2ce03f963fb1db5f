// Data tables prebuilt by `npm run build` (scripts/prebuild-data.mjs) into dist/prebuilt/, each stamped with the hash of its inputs.
//
// Why: a CLI process used to spend ~1 CPU-s starting, a third of it unpacking and indexing the same files every time
// (the NER model's gunzip, the city and town tables' hashing). A prebuilt file is read as it is. Its stamp (the
// SHA-1 of the input files and a format version) is checked on every load, so a file left behind by an older build
// or made from other inputs is ignored and the table is built in memory as before: prebuilt files change speed,
// never output.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** dist/core → dist/prebuilt (src/core → src/prebuilt, which a source checkout does not have: tables are then built). */
export const PREBUILT_DIR = fileURLToPath(new URL("../prebuilt/", import.meta.url));

const MAGIC = 0x42504c43; // "CLPB"

/** The stamp of a table built by format `version` from `inputs` (file paths, or bytes already read). */
export function stampOf(version: string, inputs: readonly (string | Uint8Array)[]): string {
  const h = createHash("sha1");
  h.update(version);
  for (const x of inputs) {
    const bytes = typeof x === "string" ? readFileSync(x) : x;
    h.update(String(bytes.length));
    h.update(bytes);
  }
  return h.digest("hex");
}

/** A prebuilt file's contents: the builder's metadata and the body, its first byte 8-aligned in its ArrayBuffer. */
export interface Prebuilt<M> {
  meta: M;
  body: Uint8Array;
}

/**
 * Reads `name` from `dir` when its stamp is `stamp`; undefined when it is missing, unreadable or stale (the caller
 * builds the table itself).
 */
export function readPrebuilt<M>(name: string, stamp: string, dir = PREBUILT_DIR): Prebuilt<M> | undefined {
  const file = path.join(dir, name);
  if (!existsSync(file)) return undefined;
  try {
    const buf = readFileSync(file);
    if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC) return undefined;
    const hl = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString("utf8", 8, 8 + hl)) as { stamp: string; meta: M; bytes: number };
    if (header.stamp !== stamp) return undefined;
    const start = (8 + hl + 7) & ~7;
    if (buf.length - start !== header.bytes) return undefined;
    let body = buf.subarray(start);
    // views of the body need 8-aligned offsets: a large file's read has its own ArrayBuffer; copy otherwise
    if (body.byteOffset % 8) {
      const copy = new Uint8Array(body.length);
      copy.set(body);
      body = Buffer.from(copy.buffer);
    }
    return { meta: header.meta, body };
  } catch {
    return undefined;
  }
}

/** Writes `name` into `dir` (atomically: a reader never sees half a file). */
export function writePrebuilt(name: string, stamp: string, meta: unknown, body: Uint8Array, dir = PREBUILT_DIR): void {
  mkdirSync(dir, { recursive: true });
  const header = Buffer.from(JSON.stringify({ stamp, meta, bytes: body.length }), "utf8");
  const start = (8 + header.length + 7) & ~7;
  const out = Buffer.alloc(start + body.length);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  out.set(body, start);
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(tmp, out);
  renameSync(tmp, path.join(dir, name));
}

type Packable = Uint8Array | Int32Array | Float64Array;
const KINDS = { u8: Uint8Array, i32: Int32Array, f64: Float64Array } as const;
/** Where each array of a packed body lies: its kind, byte offset and length. */
export type PackLayout = [keyof typeof KINDS, number, number][];

/** Typed arrays back to back in one body, each 8-aligned (`unpackArrays` reads them back as views). */
export function packArrays(arrays: readonly Packable[]): { body: Uint8Array; layout: PackLayout } {
  const layout: PackLayout = [];
  let bytes = 0;
  for (const a of arrays) {
    const kind = a instanceof Uint8Array ? "u8" : a instanceof Int32Array ? "i32" : "f64";
    layout.push([kind, bytes, a.length]);
    bytes = (bytes + a.byteLength + 7) & ~7;
  }
  const body = new Uint8Array(bytes);
  arrays.forEach((a, k) => body.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), layout[k]![1]));
  return { body, layout };
}

/** Views of the arrays `packArrays` wrote (no copy: the body must be 8-aligned, as `readPrebuilt` gives it). */
export function unpackArrays(body: Uint8Array, layout: PackLayout): Packable[] {
  return layout.map(([kind, at, n]) => new KINDS[kind](body.buffer as ArrayBuffer, body.byteOffset + at, n));
}
