// The NER model: weights + resources, document tagging, claimline type refinement, binary (de)serialisation, lazy load.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import type { TokenTable } from "../../../core/annotations.js";
import { emissions, emissionsCompact, TRANS_SIZE, viterbi, ViterbiScratch } from "./decoder.js";
import { CachedTagger, GazTrie } from "./fast.js";
import { RowIndex } from "./row-index.js";
import { StrTable, type WordTable } from "./str-table.js";
import { DocContext, FeatureBuffer, FeatureExtractor, GAZ_KINDS, type NerResources } from "./features.js";
import { CONLL_TYPES, NUM_TAGS, tagsToSpans, type ConllType, type NerSpan, type NerType } from "./labels.js";
import { outsideBudget } from "../../../core/pipeline.js";
import { readPrebuilt, stampOf, writePrebuilt } from "../../../core/prebuilt.js";

const L = NUM_TAGS;
const MAGIC2 = 0x324e4c43; // "CLN2": the in-memory layout

export interface NerModelInfo {
  /** free-form provenance (data, command, scores), written by the training script */
  about: string;
  [k: string]: unknown;
}

/**
 * Weights of one profile: dense row-major floats (L per hashed bucket) while training, or the compact int16 rows
 * a model file loads into (memory per feature lookup, not arithmetic, bounds tagging speed).
 */
export interface CompactWeights {
  /** bucket -> row in `q` or -1 (dense: the feature path and serialising; built on first read for loaded weights) */
  readonly rowOf: Int32Array;
  q: Int16Array;
  scale: number;
  /** the same map as a rank bitmap (loaded weights): what the cached tagger looks rows up in */
  index?: RowIndex;
}
export type Weights = Float32Array | CompactWeights;

/** A mention over a claimline token table: token indices [start, end) and character offsets `span`. */
export interface NerMention {
  start: number;
  end: number;
  span: [number, number];
  text: string;
  type: NerType;
  conll: ConllType;
}

const KIND = Object.fromEntries(GAZ_KINDS.map((k, i) => [k, 1 << i])) as Record<(typeof GAZ_KINDS)[number], number>;

export class NerModel {
  readonly extractor: FeatureExtractor;
  /** the last decoded sentence's features (training reads them to update the weights) */
  readonly buf = new FeatureBuffer();
  hist = new Int32Array(128);
  /** whether `hist` holds history features for the last sentence */
  histUsed = false;
  private em = new Float32Array(64 * L);
  private tags = new Uint8Array(64);
  private readonly vs = new ViterbiScratch();

  /**
   * Tag with the per-word-type cache (`fast.ts`) when the default compact weights are in use: the same scores, several
   * times faster. Off only to compare the two paths.
   */
  useCache = true;
  private cachedTagger: CachedTagger | undefined;
  private trie: GazTrie | undefined;

  /** other weight profiles by name (e.g. tuned for CoNLL's 1996 Reuters text), built on first use */
  private readonly profiles = new Map<string, Weights | (() => Weights)>();

  constructor(
    readonly bits: number,
    /** the default profile's weights: dense floats from training, compact int16 rows from a model file */
    readonly weights: Weights,
    readonly trans: Float32Array,
    readonly res: NerResources,
    readonly info: NerModelInfo = { about: "" },
    profiles: Iterable<[string, Weights | (() => Weights)]> = [],
  ) {
    this.extractor = new FeatureExtractor(bits, res);
    for (const [k, v] of profiles) this.profiles.set(k, v);
  }

  /** Names of the extra weight profiles (the default one is `info.profile`). */
  profileNames(): string[] {
    return [...this.profiles.keys()];
  }

  /** The weights of a profile: the default when the name is missing or unknown to this model. */
  profileWeights(name?: string): Weights {
    const p = name === undefined ? undefined : this.profiles.get(name);
    if (p === undefined) return this.weights;
    if (typeof p === "function") {
      const w = p();
      this.profiles.set(name!, w);
      return w;
    }
    return p;
  }

  /** The cached tagger when it applies (the default compact weights, `useCache` on), built on first use. */
  private cached(profile?: string): CachedTagger | undefined {
    const w = this.profileWeights(profile);
    if (!this.useCache || w !== this.weights || w instanceof Float32Array) return undefined;
    this.cachedTagger ??= outsideBudget(() => new CachedTagger(this.bits, w.index ?? RowIndex.fromDense(w.rowOf), w.q, w.scale, this.trans, this.res, this.gazTrie()));
    return this.cachedTagger;
  }

  /**
   * Decode one sentence of a document into BILOU tags (training passes its own weights, and a domain `salt` to add
   * the per-domain feature copies).
   */
  decode(words: readonly string[], doc: DocContext | undefined, w: Weights = this.weights, trans = this.trans, salt = 0): Uint8Array {
    const n = words.length;
    if (this.em.length < n * L) {
      this.em = new Float32Array(2 * n * L);
      this.hist = new Int32Array(4 * n);
      this.tags = new Uint8Array(2 * n);
    }
    this.extractor.extract(words, doc, this.buf);
    this.histUsed = !!doc && doc.history.size > 0;
    if (this.histUsed) for (let i = 0; i < n; i++) this.extractor.historyFeatures(words, i, doc!, this.hist, 2 * i);
    const hist = this.histUsed ? this.hist : undefined;
    if (w instanceof Float32Array) emissions(this.buf, hist, w, this.em, salt, this.extractor.mask);
    else emissionsCompact(this.buf, hist, w.rowOf, w.q, w.scale, this.em);
    viterbi(this.em, n, trans, this.vs, this.tags);
    return this.tags.subarray(0, n);
  }

  /**
   * Tag the sentences of one document (words per sentence); spans are token indices within each sentence.
   * `profile` picks a weight profile (`profileNames()`); the default suits present-day news.
   */
  tagDocument(sentences: readonly (readonly string[])[], profile?: string): NerSpan[][] {
    const tagger = this.cached(profile);
    if (tagger) {
      const spans = tagger.tagDocument(sentences);
      return spans.map((ss, k) => ss.map((s) => this.typed(sentences[k]!, s)));
    }
    const w = this.profileWeights(profile);
    const doc = new DocContext(sentences);
    return sentences.map((words) => {
      if (!words.length) return [];
      const spans = tagsToSpans(this.decode(words, doc, w));
      doc.remember(words, spans);
      return spans.map((s) => this.typed(words, s));
    });
  }

  /** Tag one sentence on its own (no document context). */
  tag(words: readonly string[], profile?: string): NerSpan[] {
    return this.tagDocument([words], profile)[0]!;
  }

  /**
   * Tag a claimline document's token table sentence by sentence, as one document. Each mention carries global token
   * indices and character offsets; a hyphenated pair of places inside a name ("South Africa-Zimbabwe") comes back as
   * two mentions over the same tokens, split at the hyphen.
   */
  tagTokens(
    text: string, tokens: TokenTable, sentences: readonly { tokenStart: number; tokenEnd: number }[], profile?: string,
  ): NerMention[] {
    let tagged: NerSpan[][];
    const tagger = this.cached(profile);
    if (tagger) {
      // the cached path reads the token table in place (curly quotes read straight): no string per token
      const { spans, words } = tagger.tagTokenTable(text, tokens.start, tokens.end, sentences);
      tagged = spans.map((ss, k) => {
        if (!ss.length) return [];
        const ws = words(k);
        return ss.map((s) => this.typed(ws, s));
      });
    } else {
      const curly = CURLY.test(text);
      const words = sentences.map((s) => {
        const out: string[] = new Array(s.tokenEnd - s.tokenStart);
        for (let t = s.tokenStart; t < s.tokenEnd; t++) {
          const w = text.slice(tokens.start[t]!, tokens.end[t]!);
          out[t - s.tokenStart] = curly ? conllForm(w) : w;
        }
        return out;
      });
      tagged = this.tagDocument(words, profile);
    }
    const out: NerMention[] = [];
    tagged.forEach((spans, k) => {
      const base = sentences[k]!.tokenStart;
      for (const s of spans) {
        const start = s.start + base;
        const end = s.end + base;
        const from = tokens.start[start]!;
        const to = tokens.end[end - 1]!;
        const split = this.splitPlaces(text, from, to);
        if (split) for (const [a, b, type] of split) out.push({ start, end, span: [a, b], text: text.slice(a, b), type, conll: "LOC" });
        else out.push({ start, end, span: [from, to], text: text.slice(from, to), type: s.type, conll: s.conll });
      }
    });
    return out;
  }

  /** The claimline type of a place name the gazetteer knows, or undefined. */
  placeType(name: string): "GPE" | "LOC" | undefined {
    const kinds = this.res.gaz.get(name.toLowerCase().replace(/\s+/g, " ")) ?? 0;
    if (kinds & (KIND.country | KIND.state | KIND.city)) return "GPE";
    if (kinds & KIND.region) return "LOC";
    return undefined;
  }

  /** "South Africa-Zimbabwe" -> [South Africa] [Zimbabwe] when both sides of a hyphen are known places; else undefined. */
  private splitPlaces(text: string, from: number, to: number): [number, number, NerType][] | undefined {
    // scan only the mention (indexOf would run on to the end of the text: quadratic over many mentions)
    for (let h = from + 1; h < to; h++) {
      if (text.charCodeAt(h) !== 45) continue;
      const left = this.placeType(text.slice(from, h));
      const right = this.placeType(text.slice(h + 1, to));
      if (left && right) return [[from, h, left], [h + 1, to, right]];
    }
    return undefined;
  }

  /**
   * claimline's type for a CoNLL-typed span: PER -> PERSON, ORG -> ORG; LOC -> GPE when the gazetteer knows it as a
   * country, state or city, else LOC; MISC -> NORP when it is (or ends in) a demonym, else MISC.
   */
  private typed(words: readonly string[], s: { start: number; end: number; t: number }): NerSpan {
    const conll = CONLL_TYPES[s.t]!;
    let type: NerType;
    if (conll === "PER") type = "PERSON";
    else if (conll === "ORG") type = "ORG";
    else {
      const phrase = words.slice(s.start, s.end).join(" ").toLowerCase();
      const kinds = this.res.gaz.get(phrase) ?? 0;
      if (conll === "LOC") type = kinds & (KIND.country | KIND.state | KIND.city | KIND.town) ? "GPE" : "LOC";
      else {
        const lastKinds = this.res.gaz.get(words[s.end - 1]!.toLowerCase()) ?? 0;
        type = (kinds | lastKinds) & (KIND.demonym | KIND.norp) ? "NORP" : "MISC";
      }
    }
    return { start: s.start, end: s.end, type, conll };
  }

  /** The gazetteer trie the cached tagger matches multi-word names with (read from the model file, or built once). */
  gazTrie(): GazTrie {
    return (this.trie ??= GazTrie.build(this.res.gaz));
  }

  /**
   * Serialise in the in-memory layout (format 2, uncompressed): [magic "CLN2", header length, header JSON, padding to
   * 8 bytes, then sections (each 8-byte aligned, little-endian typed arrays listed in the header)]: per weight
   * profile (the default first) the row-id deltas (u32) and int16 weights of the rows that are not all zero; the
   * gazetteer and clusters as string tables (`StrTable`); the gazetteer's multi-word trie. Loading is one read and
   * typed-array views: no gunzip, no parsing of the word lists.
   */
  serialize(): Buffer {
    const names = this.profileNames();
    const D = 1 << this.bits;
    const sections: [string, Uint16Array | Int16Array | Uint32Array | Int32Array][] = [];
    const meta = [this.weights, ...names.map((n) => this.profileWeights(n))].map((w, k) => {
      const { deltas, q, scale } = w instanceof Float32Array ? quantise(w, D) : rowsOf(w, D);
      sections.push([`t${k}.deltas`, deltas], [`t${k}.q`, q]);
      return { rows: deltas.length, scale };
    });
    const table = (name: string, t: StrTable): void => {
      sections.push([`${name}.chars`, t.chars], [`${name}.off`, t.off], [`${name}.vals`, t.vals], [`${name}.slots`, t.slots]);
    };
    table("gaz", this.res.gaz instanceof StrTable ? this.res.gaz : StrTable.from(this.res.gaz));
    table("clusters", this.res.clusters instanceof StrTable ? this.res.clusters : StrTable.from(this.res.clusters));
    const trie = this.gazTrie();
    table("trie.words", trie.wordIds instanceof StrTable ? trie.wordIds : StrTable.from(trie.wordIds));
    sections.push(["trie.mask", trie.mask], ["trie.from", trie.from], ["trie.word", trie.word], ["trie.to", trie.to]);
    const at: Record<string, [number, number]> = {};
    let o = 0;
    for (const [name, arr] of sections) {
      at[name] = [o, arr.length];
      o += arr.byteLength + pad8(arr.byteLength);
    }
    const header = Buffer.from(JSON.stringify({
      bits: this.bits, tags: L, tables: meta, profiles: names, trans: Array.from(this.trans), gazMax: this.res.gazMax,
      info: this.info, sections: at,
    }), "utf8");
    const head = Buffer.alloc(8);
    head.writeUInt32LE(MAGIC2, 0);
    head.writeUInt32LE(header.length, 4);
    const parts: Buffer[] = [head, header, Buffer.alloc(pad8(8 + header.length))];
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("the NER model file is little-endian");
    for (const [, arr] of sections) parts.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength), Buffer.alloc(pad8(arr.byteLength)));
    return Buffer.concat(parts);
  }

  /** The shipped form: `serialize()` gzipped (3 MB instead of 11; gunzip costs ~40 ms of the load). */
  serializeGz(): Buffer {
    return gzipSync(this.serialize(), { level: 9 });
  }

  /** Load a model file: the in-memory layout (format 2), gzipped or not, as views of the (gunzipped) bytes. */
  static deserialize(file: Buffer): NerModel {
    const buf = file.length >= 2 && file[0] === 0x1f && file[1] === 0x8b ? gunzipWhole(file) : file;
    if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC2) throw new Error("not a claimline NER model file");
    const hl = buf.readUInt32LE(4);
    const header = JSON.parse(buf.toString("utf8", 8, 8 + hl)) as {
      bits: number; tags: number; tables: { rows: number; scale: number }[]; profiles: string[]; trans: number[];
      gazMax: number; info: NerModelInfo; sections: Record<string, [number, number]>;
    };
    if (header.tags !== L) throw new Error(`NER model has ${header.tags} tags, code expects ${L}`);
    if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error("the NER model file is little-endian");
    let start = 8 + hl;
    start += pad8(start);
    // views need aligned offsets: a read of a large file has its own ArrayBuffer at offset 0; copy otherwise
    let ab = buf.buffer;
    let base = buf.byteOffset + start;
    if (base % 8) {
      ab = buf.buffer.slice(base, buf.byteOffset + buf.length);
      base = 0;
    }
    const view = <T>(name: string, make: new (b: ArrayBufferLike, o: number, n: number) => T): T => {
      const s = header.sections[name];
      if (!s) throw new Error(`NER model file lacks section ${name}`);
      return new make(ab, base + s[0], s[1]);
    };
    const table = (name: string): StrTable =>
      new StrTable(view(`${name}.chars`, Uint16Array), view(`${name}.off`, Uint32Array), view(`${name}.vals`, Int32Array), view(`${name}.slots`, Int32Array));
    const D = 1 << header.bits;
    const readers = header.tables.map(({ scale }, k) => {
      const deltas = view(`t${k}.deltas`, Uint32Array);
      const q = view(`t${k}.q`, Int16Array);
      return (): CompactWeights => compact(deltas, q, scale, D);
    });
    const gaz = table("gaz");
    const trie = new GazTrie(
      table("trie.words"), view("trie.mask", Int32Array), view("trie.from", Int32Array), view("trie.word", Int32Array), view("trie.to", Int32Array),
    );
    const trans = Float32Array.from(header.trans);
    if (trans.length !== TRANS_SIZE) throw new Error("NER model transition table has the wrong size");
    const model = new NerModel(
      header.bits, readers[0]!(), trans, { gaz, gazStarts: new LazyStarts(gaz), gazMax: header.gazMax, clusters: table("clusters") },
      header.info, header.profiles.map((name, k) => [name, readers[k + 1]!]),
    );
    model.trie = trie;
    return model;
  }
}

/** First words of the gazetteer's multi-word names, collected on first use (only the feature path asks). */
class LazyStarts {
  private set: Set<string> | undefined;
  constructor(private readonly gaz: WordTable) {}
  has(word: string): boolean {
    if (!this.set) {
      this.set = new Set();
      for (const p of this.gaz.keys()) {
        const sp = p.indexOf(" ");
        if (sp > 0) this.set.add(p.slice(0, sp));
      }
    }
    return this.set.has(word);
  }
}

const pad8 = (n: number): number => (8 - (n % 8)) % 8;

/**
 * Gunzips into one buffer of the unpacked size (the gzip trailer's ISIZE): zlib's default 16 KB pieces and their
 * concatenation cost a copy of the 11 MB model (~20 % of the load) and leave twice the model as garbage.
 */
export function gunzipWhole(packed: Buffer): Buffer {
  const size = packed.length >= 4 ? packed.readUInt32LE(packed.length - 4) : 0;
  return gunzipSync(packed, size > 0 ? { chunkSize: Math.max(64, size + 1) } : {});
}

const CURLY = /[“”„‟‘’‚‛]/;
/**
 * A token as the training text writes it: CoNLL-2003 and the newswire set have straight quotes, so curly ones
 * ("“", "’s", "didn’t") are straightened (same length: the offsets do not move).
 */
export function conllForm(token: string): string {
  if (!CURLY.test(token)) return token;
  return token.replace(/[“”„‟]/g, '"').replace(/[‘’‚‛]/g, "'");
}

/** int16 with one scale per table; only rows with a non-zero weight are kept, their ids as deltas. */
function quantise(w: Float32Array, D: number): { deltas: Uint32Array; q: Int16Array; scale: number } {
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]!));
  const scale = maxAbs / 32767 || 1;
  const rows: number[] = [];
  for (let r = 0; r < D; r++) {
    for (let y = 0; y < L; y++) {
      if (Math.round(w[r * L + y]! / scale) !== 0) { rows.push(r); break; }
    }
  }
  const q = new Int16Array(rows.length * L);
  rows.forEach((r, k) => {
    for (let y = 0; y < L; y++) q[k * L + y] = Math.round(w[r * L + y]! / scale);
  });
  const deltas = new Uint32Array(rows.length);
  rows.forEach((r, k) => (deltas[k] = k ? r - rows[k - 1]! : r));
  return { deltas, q, scale };
}

/** Compact weights as written: the same int16 rows and scale (no second quantisation), in bucket order. */
function rowsOf(w: CompactWeights, D: number): { deltas: Uint32Array; q: Int16Array; scale: number } {
  const buckets: number[] = [];
  for (let b = 0; b < D; b++) if (w.rowOf[b]! >= 0) buckets.push(b);
  const q = new Int16Array(buckets.length * L);
  const deltas = new Uint32Array(buckets.length);
  buckets.forEach((b, k) => {
    q.set(w.q.subarray(w.rowOf[b]! * L, w.rowOf[b]! * L + L), k * L);
    deltas[k] = k ? b - buckets[k - 1]! : b;
  });
  return { deltas, q, scale: w.scale };
}

/**
 * Run-time form of a weight file: bucket -> row (-1 for an all-zero row) as a rank bitmap, and the int16 rows, 5x
 * less memory. The dense `rowOf` is built only if the feature path or serialising asks for it.
 */
function compact(deltas: Uint32Array, q: Int16Array, scale: number, D: number): CompactWeights {
  const index = RowIndex.fromDeltas(deltas, D);
  return { get rowOf() { return index.rowOf; }, index, q, scale };
}

/** Dense float weights of either form (for serialising, tests and inspection). */
export function dense(w: Weights, D: number): Float32Array {
  if (w instanceof Float32Array) return w;
  const out = new Float32Array(D * L);
  for (let b = 0; b < D; b++) {
    const k = w.rowOf[b]!;
    if (k < 0) continue;
    for (let y = 0; y < L; y++) out[b * L + y] = w.q[k * L + y]! * w.scale;
  }
  return out;
}

// src/nlp/en/ner and dist/nlp/en/ner both sit four levels below the project root.
export const MODEL_PATH = fileURLToPath(new URL("../../../../src/nlp/en/ner/model/ner-model.bin.gz", import.meta.url));

let cached: NerModel | undefined;
let loadMs = 0;

/** The shipped model, read once on first use (throws if the model file has not been trained yet). */
export function loadNerModel(path = MODEL_PATH): NerModel {
  return cached && path === MODEL_PATH ? cached : outsideBudget(() => readNerModel(path));
}

function readNerModel(path: string): NerModel {
  if (cached && path === MODEL_PATH) return cached;
  const t0 = performance.now();
  if (!existsSync(path)) throw new Error(`NER model file missing: ${path} (run npm run train:ner)`);
  const m = NerModel.deserialize(unpackedModel(readFileSync(path)));
  if (path === MODEL_PATH) {
    cached = m;
    loadMs = performance.now() - t0;
  }
  return m;
}

// The format of the prebuilt unpacked model (the file's bytes as they are: bump only if that changes).
const UNPACKED_FORMAT = "ner-unpacked 1";

/**
 * A model file's unpacked bytes: the prebuilt copy the build left of this very file (`prebuildNerModel`; its gunzip
 * was ~90 of a CLI's ~1,000 start-up CPU-ms), else gunzipped here. A file that is not gzipped is returned as it is.
 */
export function unpackedModel(file: Buffer, dir?: string): Buffer {
  if (!(file.length >= 2 && file[0] === 0x1f && file[1] === 0x8b)) return file;
  const pre = readPrebuilt<null>("ner-model.bin", stampOf(UNPACKED_FORMAT, [file]), dir);
  return pre ? Buffer.from(pre.body.buffer, pre.body.byteOffset, pre.body.length) : gunzipWhole(file);
}

/** Writes the shipped model unpacked into `dir` for `unpackedModel` to read (run by `npm run build`). */
export function prebuildNerModel(dir: string, path = MODEL_PATH): string[] {
  if (!existsSync(path)) return [];
  const file = readFileSync(path);
  writePrebuilt("ner-model.bin", stampOf(UNPACKED_FORMAT, [file]), null, gunzipWhole(file), dir);
  return ["ner-model.bin"];
}

/** Milliseconds the first `loadNerModel()` took (0 before it ran). */
export const nerModelLoadMs = (): number => loadMs;
