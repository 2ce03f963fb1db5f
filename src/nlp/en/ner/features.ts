// Hashed feature extraction for the NER model: word, shape, affixes, ±2 window, gazetteers, clusters, document context.
import type { WordTable } from "./str-table.js";

/** Gazetteer kinds, one bit each in `NerResources.gaz` values. */
export const GAZ_KINDS = [
  "country", "demonym", "region", "state", "city", "town", "first", "title", "orgword", "org", "common", "month", "norp",
  "wwn-person", "wwn-org", "wwn-place",
] as const;
export type GazKind = (typeof GAZ_KINDS)[number];

/**
 * The lists and clusters the features look words up in; built by the training script (as Maps) and shipped in the
 * model file (read back as typed-array tables, `str-table.ts`).
 */
export interface NerResources {
  /** lower-cased phrase (words joined by one space) -> bit mask of GAZ_KINDS */
  gaz: WordTable;
  /** lower-cased first words of gazetteer phrases of two or more words */
  gazStarts: { has(word: string): boolean };
  gazMax: number;
  /** lower-cased word -> 1 + cluster leaf id (a 5+3+3-bit path, see clusters.ts); absent = no cluster */
  clusters: WordTable;
}

/** Resources being built (training, tests). */
export interface MutableNerResources extends NerResources {
  gaz: Map<string, number>;
  gazStarts: Set<string>;
  clusters: Map<string, number>;
}

export function emptyResources(): MutableNerResources {
  return { gaz: new Map(), gazStarts: new Set(), gazMax: 1, clusters: new Map() };
}

// ---- hashing: FNV-1a over the characters, then a murmur3 finaliser mixed with the template id ----

export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** The bucket of feature bucket b's copy for one domain (salt = domain number + 1), in feature augmentation. */
export const domainBucket = (b: number, salt: number, mask: number): number => mix(b, 0x7f4a7c15 + salt) & mask;

// template ids (any distinct integers; changing one invalidates trained weights); exported for the cached tagger
export enum T {
  Bias = 1, W = 2, Raw = 10, Shape = 11, Pre = 20, Suf = 30, First = 40, Big = 41, ShapeBig = 43, Clu = 50,
  Gaz = 70, GazPrev = 71, GazNext = 72, DocForm = 80, CapsSent = 81, Len = 82, VariantShape = 83, Hist = 90,
  HistShape = 91, Punct = 95, RunBefore = 96, RunAfter = 97, RunLen = 98,
}

export const BOS = strHash("<s>");
export const EOS = strHash("</s>");

/** Word shape with runs of one class collapsed: "McDonald" -> "XxXx", "U.S." -> "X.X.", "1996" -> "d". */
export function shape(w: string): string {
  let out = "";
  let last = "";
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = "X";
    else if (c >= 97 && c <= 122) k = "x";
    else if (c >= 48 && c <= 57) k = "d";
    else if (c > 127) {
      const ch = w[i]!;
      k = ch.toLowerCase() !== ch ? "X" : ch.toUpperCase() !== ch ? "x" : ch;
    } else k = w[i]!;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** strHash(shape(w)) without building the shape string (the cached tagger's per-form cost). */
export function shapeHash(w: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90) k = 88; // X
    else if (c >= 97 && c <= 122) k = 120; // x
    else if (c >= 48 && c <= 57) k = 100; // d
    else if (c > 127) {
      const ch = w[i]!;
      k = ch.toLowerCase() !== ch ? 88 : ch.toUpperCase() !== ch ? 120 : c;
    } else k = c;
    if (k !== last) h = Math.imul(h ^ k, 0x01000193);
    last = k;
  }
  return h | 0;
}

export const hasUpper = (w: string): boolean => w !== w.toLowerCase();
export const startsUpper = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0]!.toLowerCase());
};
export const hasLower = (w: string): boolean => w !== w.toUpperCase();
/** Lower case, digits folded to 0 (so "1996" and "1997" share a weight). */
export function norm(w: string): string {
  const l = w.toLowerCase();
  return /\d/.test(l) ? l.replace(/\d/g, "0") : l;
}

/** A sentence in capitals only (a headline or a results line): letters but no lower-case letter. */
export function isCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (hasLower(w)) return false;
    if (hasUpper(w)) letters++;
  }
  return letters >= 2;
}

/**
 * What the whole document says about how a word is written: counted over words that are neither sentence-initial
 * nor in a capitals-only sentence, so the headline "CLINTON WINS" can borrow "Clinton" from the body.
 */
export class DocContext {
  /** lower-cased word -> mid-sentence counts: [capitalised, lower-case] */
  readonly forms = new Map<string, [number, number]>();
  /** lower-cased word -> count of each type the model gave it earlier in this document */
  readonly history = new Map<string, Uint16Array>();

  constructor(sentences: readonly (readonly string[])[]) {
    for (const words of sentences) {
      if (isCapsSentence(words)) continue;
      for (let i = 1; i < words.length; i++) {
        const w = words[i]!;
        const c0 = w.charCodeAt(0);
        const upper = hasUpper(w[0]!);
        if (!upper && !(c0 >= 97 && c0 <= 122) && !hasLower(w[0]!)) continue; // not a word
        if (words[i - 1] === "." || words[i - 1] === '"' || words[i - 1] === ":") continue; // a new clause
        const k = w.toLowerCase();
        let e = this.forms.get(k);
        if (!e) this.forms.set(k, (e = [0, 0]));
        e[upper ? 0 : 1]++;
      }
    }
  }

  /** Record the types predicted in a sentence, for the next sentences' history features. */
  remember(words: readonly string[], spans: readonly { start: number; end: number; t: number }[]): void {
    for (const s of spans) {
      for (let i = s.start; i < s.end; i++) {
        const k = words[i]!.toLowerCase();
        if (k.length < 2 || !hasUpper(words[i]!)) continue;
        let h = this.history.get(k);
        if (!h) this.history.set(k, (h = new Uint16Array(4)));
        h[s.t]!++;
      }
    }
  }
}

/** Growable buffer of feature buckets with per-token offsets (token i owns feats[off[i] .. off[i+1])). */
export class FeatureBuffer {
  feats = new Int32Array(4096);
  off = new Int32Array(257);
  n = 0;
  len = 0;
  reset(n: number): void {
    this.n = n;
    this.len = 0;
    if (this.off.length < n + 1) this.off = new Int32Array(2 * n + 1);
  }
  push(b: number): void {
    if (this.len === this.feats.length) {
      const f = new Int32Array(this.feats.length * 2);
      f.set(this.feats);
      this.feats = f;
    }
    this.feats[this.len++] = b;
  }
}

/** Per-sentence scratch of word hashes, reused between calls. */
interface Scratch { w: Int32Array; sh: Int32Array; gaz: Int32Array; clu: Float64Array }

export class FeatureExtractor {
  readonly mask: number;
  private scratch: Scratch = { w: new Int32Array(64), sh: new Int32Array(64), gaz: new Int32Array(64), clu: new Float64Array(64) };
  private readonly shapeCache = new Map<string, number>();

  constructor(readonly bits: number, readonly res: NerResources) {
    this.mask = (1 << bits) - 1;
  }

  /** Shape hashes are cached by word: shapes repeat far more than they vary. */
  private shapeHash(word: string): number {
    let h = this.shapeCache.get(word);
    if (h === undefined) {
      h = shapeHash(word);
      if (this.shapeCache.size < 200_000) this.shapeCache.set(word, h);
    }
    return h;
  }

  private b(h: number): number {
    return h & this.mask;
  }

  /** Gazetteer matches: per token bit 2k+1 when kind k names the token alone, bit 2k when a longer name covers it. */
  private gazetteer(lower: readonly string[], out: Int32Array): void {
    const { gaz, gazStarts, gazMax } = this.res;
    out.fill(0, 0, lower.length);
    for (let i = 0; i < lower.length; i++) {
      const single = gaz.get(lower[i]!);
      let phrase = lower[i]!;
      const multi = gazStarts.has(phrase);
      const maxLen = multi ? Math.min(gazMax, lower.length - i) : 1;
      for (let len = 1; len <= maxLen; len++) {
        if (len > 1) phrase += " " + lower[i + len - 1]!;
        const m = len === 1 ? single : gaz.get(phrase);
        if (!m) continue;
        // one bit per kind and position class (unit / part of a longer name): 16 kinds * 2 fill the 32 bits
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (!(m & (1 << k))) continue;
          if (len === 1) out[i]! |= 1 << (k * 2 + 1); // unit
          else for (let j = i; j < i + len; j++) out[j]! |= 1 << (k * 2); // inside a multi-word match
        }
      }
    }
  }

  /**
   * Static features of every token of a sentence into `buf` (everything but the history features, which depend on
   * earlier predictions and are added by `historyFeatures`).
   */
  extract(words: readonly string[], doc: DocContext | undefined, buf: FeatureBuffer): void {
    const n = words.length;
    buf.reset(n);
    if (this.scratch.w.length < n) {
      const m = 2 * n;
      this.scratch = { w: new Int32Array(m), sh: new Int32Array(m), gaz: new Int32Array(m), clu: new Float64Array(m) };
    }
    const { w: wh, sh, gaz, clu } = this.scratch;
    const lower: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const word = words[i]!;
      lower[i] = word.toLowerCase();
      wh[i] = strHash(norm(word));
      sh[i] = this.shapeHash(word);
      clu[i] = this.res.clusters.get(lower[i]!) ?? 0;
    }
    this.gazetteer(lower, gaz);
    const caps = isCapsSentence(words);
    const capsFlag = caps ? 1 : 0;
    // runs of capitalised words (outside capitals-only sentences): the words just outside a run say what it names
    // ("shares of X Y rose", "X Y said"), which a ±2 window misses inside longer names
    const runStart = new Int32Array(n).fill(-1);
    const runEnd = new Int32Array(n);
    if (!caps) {
      for (let i = 0; i < n; ) {
        if (!startsUpper(words[i]!)) { i++; continue; }
        let j = i + 1;
        while (j < n && startsUpper(words[j]!)) j++;
        for (let k = i; k < j; k++) { runStart[k] = i; runEnd[k] = j; }
        i = j;
      }
    }
    for (let i = 0; i < n; i++) {
      buf.off[i] = buf.len;
      const word = words[i]!;
      const w0 = wh[i]!;
      const wm1 = i > 0 ? wh[i - 1]! : BOS;
      const wm2 = i > 1 ? wh[i - 2]! : BOS;
      const wp1 = i + 1 < n ? wh[i + 1]! : EOS;
      const wp2 = i + 2 < n ? wh[i + 2]! : EOS;
      const s0 = sh[i]!;
      const sm1 = i > 0 ? sh[i - 1]! : BOS;
      const sp1 = i + 1 < n ? sh[i + 1]! : EOS;
      buf.push(this.b(mix(T.Bias, 0)));
      buf.push(this.b(mix(T.W, w0)));
      buf.push(this.b(mix(T.W + 1, wm1)));
      buf.push(this.b(mix(T.W + 2, wm2)));
      buf.push(this.b(mix(T.W + 3, wp1)));
      buf.push(this.b(mix(T.W + 4, wp2)));
      buf.push(this.b(mix(T.Raw, strHash(word) ^ capsFlag)));
      buf.push(this.b(mix(T.Shape, s0)));
      buf.push(this.b(mix(T.Shape + 1, sm1)));
      buf.push(this.b(mix(T.Shape + 2, sp1)));
      buf.push(this.b(mix(T.ShapeBig, mix(sm1, s0))));
      buf.push(this.b(mix(T.ShapeBig + 1, mix(s0, sp1))));
      buf.push(this.b(mix(T.Big, mix(wm1, w0))));
      buf.push(this.b(mix(T.Big + 1, mix(w0, wp1))));
      buf.push(this.b(mix(T.Len, Math.min(word.length, 12) * 4 + capsFlag * 2 + (i === 0 ? 1 : 0))));
      if (i === 0) buf.push(this.b(mix(T.First, s0)));
      if (caps) buf.push(this.b(mix(T.CapsSent, w0)));
      if (runStart[i]! >= 0 && runEnd[i]! - runStart[i]! > 1) {
        const a = runStart[i]!;
        const e = runEnd[i]!;
        buf.push(this.b(mix(T.RunBefore, a > 0 ? wh[a - 1]! : BOS)));
        buf.push(this.b(mix(T.RunAfter, e < n ? wh[e]! : EOS)));
        buf.push(this.b(mix(T.RunLen, Math.min(e - a, 5) * 8 + Math.min(i - a, 4))));
      }
      // affixes of the lower-cased word
      const l = lower[i]!;
      if (l.length > 1) {
        let hp = 0x811c9dc5;
        let hs = 0x811c9dc5;
        const m = Math.min(4, l.length - 1);
        for (let k = 0; k < m; k++) {
          hp = Math.imul(hp ^ l.charCodeAt(k), 0x01000193);
          hs = Math.imul(hs ^ l.charCodeAt(l.length - 1 - k), 0x01000193);
          buf.push(this.b(mix(T.Pre + k, hp)));
          buf.push(this.b(mix(T.Suf + k, hs)));
        }
      }
      // clusters at three granularities for the word and its neighbours
      for (let d = -1; d <= 1; d++) {
        const j = i + d;
        const c = j >= 0 && j < n ? clu[j]! : -1;
        if (c === 0) { if (d === 0) buf.push(this.b(mix(T.Clu + 9, 0))); continue; }
        // the path cut at 5, 8 and 11 bits: coarse classes generalise, leaves discriminate
        for (let g = 0; g < 3; g++) {
          const id = c < 0 ? -1 : (c - 1) >> (6 - 3 * g);
          buf.push(this.b(mix(T.Clu + (d + 1) * 3 + g, id)));
        }
      }
      // gazetteers: this word's kinds with position, the neighbours' kinds
      const g0 = gaz[i]!;
      if (g0) for (let k = 0; k < 32; k++) if (g0 & (1 << k)) buf.push(this.b(mix(T.Gaz, k * 2 + capsFlag)));
      const gm = i > 0 ? gaz[i - 1]! : 0;
      if (gm) for (let k = 0; k < 32; k++) if (gm & (1 << k)) buf.push(this.b(mix(T.GazPrev, k)));
      const gp = i + 1 < n ? gaz[i + 1]! : 0;
      if (gp) for (let k = 0; k < 32; k++) if (gp & (1 << k)) buf.push(this.b(mix(T.GazNext, k)));
      // punctuation-only tokens get one more identity so that quotes and brackets do not share weights with words
      if (!hasUpper(word) && !hasLower(word) && !/\d/.test(word)) buf.push(this.b(mix(T.Punct, strHash(word))));
      // document context: how the word is written elsewhere, where its own case tells nothing
      if (doc && (i === 0 || caps || (i > 0 && (words[i - 1] === '"' || words[i - 1] === ":")))) {
        const f = doc.forms.get(l);
        const form = !f ? 0 : f[0] && f[1] ? 3 : f[0] ? 1 : 2;
        buf.push(this.b(mix(T.DocForm, form * 2 + capsFlag)));
        if (caps) buf.push(this.b(mix(T.VariantShape, mix(form, w0))));
      }
    }
    buf.off[n] = buf.len;
  }

  /** History features of token i: the types given to the same word earlier in the document (≤ 2 buckets). */
  historyFeatures(words: readonly string[], i: number, doc: DocContext, out: Int32Array, at: number): void {
    out[at] = -1;
    out[at + 1] = -1;
    const h = doc.history.get(words[i]!.toLowerCase());
    if (!h) return;
    let best = 0;
    for (let t = 1; t < 4; t++) if (h[t]! > h[best]!) best = t;
    if (!h[best]) return;
    // the commonest type the word had so far in this document, alone and with the word's shape
    out[at] = this.b(mix(T.Hist, best));
    out[at + 1] = this.b(mix(T.HistShape, mix(best, this.shapeHash(words[i]!))));
  }
}

