// Cached NER inference: each word type's own and neighbour feature rows are summed once, so a token costs a few adds.
import { viterbi, viterbiSegment, ViterbiScratch } from "./decoder.js";
import { BOS, EOS, GAZ_KINDS, hasLower, hasUpper, mix, shapeHash, startsUpper, strHash, T, type NerResources } from "./features.js";
import { NUM_TAGS, tagsToSpans } from "./labels.js";
import { rowAt, type RowIndex } from "./row-index.js";
import type { WordTable } from "./str-table.js";

const L = NUM_TAGS;
/** Spans of one sentence: token indices [start, end) and the CoNLL type index. */
type Spans = { start: number; end: number; t: number }[];
// template ids as plain constants (an enum member read in the hot loop costs a property load)
const T_Bias = T.Bias;
const T_Big = T.Big;
const T_CapsSent = T.CapsSent;
const T_Clu = T.Clu;
const T_DocForm = T.DocForm;
const T_First = T.First;
const T_Gaz = T.Gaz;
const T_GazNext = T.GazNext;
const T_GazPrev = T.GazPrev;
const T_Hist = T.Hist;
const T_HistShape = T.HistShape;
const T_Len = T.Len;
const T_Pre = T.Pre;
const T_Punct = T.Punct;
const T_Raw = T.Raw;
const T_RunAfter = T.RunAfter;
const T_RunBefore = T.RunBefore;
const T_RunLen = T.RunLen;
const T_Shape = T.Shape;
const T_ShapeBig = T.ShapeBig;
const T_Suf = T.Suf;
const T_VariantShape = T.VariantShape;
const T_W = T.W;
// Slots of a word type's cached integer sums: its own features, and what it adds to the tokens one and two after it
// (as their "previous word") and one and two before it. Every feature that depends on one token alone lives here;
// the rest (bigrams, capitalised runs, multi-word gazetteer matches, document casing, history) are looked up per token.
const SELF = 0;
const PREV1 = L;
const PREV2 = 2 * L;
const NEXT1 = 3 * L;
const NEXT2 = 4 * L;
const STRIDE = 5 * L;
/** Word types kept between documents before the cache starts over (5 × 17 ints each: ~17 MB at the limit). */
const MAX_TYPES = 50_000;
const DIGIT = /\d/;
/**
 * A lower-case word with no capitalised word or digit within this many tokens either side is tagged O without
 * scoring (not in capitals-only sentences). Measured: testa F1 unchanged (0.9248); first 200 worldwide-newswire
 * files 0.9018 → 0.9007 (its few lower-case names); margin 1 would give 0.8973 there, margin 0 0.8395.
 */
export const SKIP_MARGIN = 2;

/** Curly quotes (U+2018–U+201F: ‘ ’ ‚ ‛ “ ” „ ‟), which the training text writes straight. */
const CURLY = /[\u2018-\u201f]/;
const CURLY_G = /[\u2018-\u201f]/g;
/** A character code with curly quotes straightened: ‘ ’ ‚ ‛ → ', “ ” „ ‟ → " (the same length: offsets hold). */
const straight = (c: number): number => (c < 0x2018 || c > 0x201f ? c : c < 0x201c ? 39 : 34);

// The row arithmetic of the hot loops unrolled over the 17 tags (constant offsets: no loop counter, and V8 checks
// the bounds of fewer distinct indices); integer adds, so the sums are those of the plain loops.
if (L !== 17) throw new Error("fast.ts: the unrolled row arithmetic assumes 17 tags");

/** out[o .. o + 17) += q[r .. r + 17) */
function addRow(out: Int32Array, o: number, q: Int16Array, r: number): void {
  out[o]! += q[r]!;
  out[o + 1]! += q[r + 1]!;
  out[o + 2]! += q[r + 2]!;
  out[o + 3]! += q[r + 3]!;
  out[o + 4]! += q[r + 4]!;
  out[o + 5]! += q[r + 5]!;
  out[o + 6]! += q[r + 6]!;
  out[o + 7]! += q[r + 7]!;
  out[o + 8]! += q[r + 8]!;
  out[o + 9]! += q[r + 9]!;
  out[o + 10]! += q[r + 10]!;
  out[o + 11]! += q[r + 11]!;
  out[o + 12]! += q[r + 12]!;
  out[o + 13]! += q[r + 13]!;
  out[o + 14]! += q[r + 14]!;
  out[o + 15]! += q[r + 15]!;
  out[o + 16]! += q[r + 16]!;
}

/** out[o .. o + 17) -= q[r .. r + 17) */
function subRow(out: Int32Array, o: number, q: Int16Array, r: number): void {
  out[o]! -= q[r]!;
  out[o + 1]! -= q[r + 1]!;
  out[o + 2]! -= q[r + 2]!;
  out[o + 3]! -= q[r + 3]!;
  out[o + 4]! -= q[r + 4]!;
  out[o + 5]! -= q[r + 5]!;
  out[o + 6]! -= q[r + 6]!;
  out[o + 7]! -= q[r + 7]!;
  out[o + 8]! -= q[r + 8]!;
  out[o + 9]! -= q[r + 9]!;
  out[o + 10]! -= q[r + 10]!;
  out[o + 11]! -= q[r + 11]!;
  out[o + 12]! -= q[r + 12]!;
  out[o + 13]! -= q[r + 13]!;
  out[o + 14]! -= q[r + 14]!;
  out[o + 15]! -= q[r + 15]!;
  out[o + 16]! -= q[r + 16]!;
}

/** acc[o .. o + 17) = the sum of the five pool rows at a, p1, p2, n1, n2 */
function sumRows(acc: Int32Array, o: number, P: Int32Array, a: number, p1: number, p2: number, n1: number, n2: number): void {
  acc[o + 0] = P[a + 0]! + P[p1 + 0]! + P[p2 + 0]! + P[n1 + 0]! + P[n2 + 0]!;
  acc[o + 1] = P[a + 1]! + P[p1 + 1]! + P[p2 + 1]! + P[n1 + 1]! + P[n2 + 1]!;
  acc[o + 2] = P[a + 2]! + P[p1 + 2]! + P[p2 + 2]! + P[n1 + 2]! + P[n2 + 2]!;
  acc[o + 3] = P[a + 3]! + P[p1 + 3]! + P[p2 + 3]! + P[n1 + 3]! + P[n2 + 3]!;
  acc[o + 4] = P[a + 4]! + P[p1 + 4]! + P[p2 + 4]! + P[n1 + 4]! + P[n2 + 4]!;
  acc[o + 5] = P[a + 5]! + P[p1 + 5]! + P[p2 + 5]! + P[n1 + 5]! + P[n2 + 5]!;
  acc[o + 6] = P[a + 6]! + P[p1 + 6]! + P[p2 + 6]! + P[n1 + 6]! + P[n2 + 6]!;
  acc[o + 7] = P[a + 7]! + P[p1 + 7]! + P[p2 + 7]! + P[n1 + 7]! + P[n2 + 7]!;
  acc[o + 8] = P[a + 8]! + P[p1 + 8]! + P[p2 + 8]! + P[n1 + 8]! + P[n2 + 8]!;
  acc[o + 9] = P[a + 9]! + P[p1 + 9]! + P[p2 + 9]! + P[n1 + 9]! + P[n2 + 9]!;
  acc[o + 10] = P[a + 10]! + P[p1 + 10]! + P[p2 + 10]! + P[n1 + 10]! + P[n2 + 10]!;
  acc[o + 11] = P[a + 11]! + P[p1 + 11]! + P[p2 + 11]! + P[n1 + 11]! + P[n2 + 11]!;
  acc[o + 12] = P[a + 12]! + P[p1 + 12]! + P[p2 + 12]! + P[n1 + 12]! + P[n2 + 12]!;
  acc[o + 13] = P[a + 13]! + P[p1 + 13]! + P[p2 + 13]! + P[n1 + 13]! + P[n2 + 13]!;
  acc[o + 14] = P[a + 14]! + P[p1 + 14]! + P[p2 + 14]! + P[n1 + 14]! + P[n2 + 14]!;
  acc[o + 15] = P[a + 15]! + P[p1 + 15]! + P[p2 + 15]! + P[n1 + 15]! + P[n2 + 15]!;
  acc[o + 16] = P[a + 16]! + P[p1 + 16]! + P[p2 + 16]! + P[n1 + 16]! + P[n2 + 16]!;
}

/** A lower-cased word's state in the current document (valid while its generation equals the tagger's). */
class LowerInfo {
  /** id of the word in the gazetteer's multi-word names (-1: in none) */
  gazWord = -1;
  /** the trie node of a name starting with this word (-1: none starts with it; most words of those names) */
  gazRoot = -1;
  formsGen = 0;
  cap = 0;
  low = 0;
  histGen = 0;
  hist: Uint16Array | undefined = undefined;
  constructor(readonly lower: string) {}
}

// flag bits of a surface form
const F_UPPER = 1; // has an upper-case letter (a name may be near: with F_DIGIT, the skip trigger)
const F_LOWER = 2;
const F_DIGIT = 4;
const F_STARTS_UPPER = 8;
/** first character upper case / a letter (DocContext counts only words starting with a letter) */
const F_FIRST_UPPER = 16;
const F_FIRST_LETTER = 32;
/** '"' or ':' (opens a clause: document-casing features fire after it) */
const F_OPENER = 64;
/** '.', '"' or ':' (the word after it is not counted for document casing) */
const F_CLAUSE_BREAK = 128;

/** The flags of a word: one pass over its character codes when it is ASCII, the string methods otherwise. */
function flagsOf(word: string): number {
  let f = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) f |= F_UPPER;
    else if (c >= 97 && c <= 122) f |= F_LOWER;
    else if (c >= 48 && c <= 57) f |= F_DIGIT;
    else if (c > 127) { f = -1; break; }
  }
  if (f < 0) f = (hasUpper(word) ? F_UPPER : 0) | (hasLower(word) ? F_LOWER : 0) | (DIGIT.test(word) ? F_DIGIT : 0);
  if (word.length) {
    if (startsUpper(word)) f |= F_STARTS_UPPER;
    const first = word[0]!;
    const c0 = word.charCodeAt(0);
    const up = c0 < 128 ? c0 >= 65 && c0 <= 90 : hasUpper(first);
    if (up) f |= F_FIRST_UPPER;
    if (up || (c0 >= 97 && c0 <= 122) || (c0 >= 128 && hasLower(first))) f |= F_FIRST_LETTER;
  }
  if (word === '"' || word === ":") f |= F_OPENER | F_CLAUSE_BREAK;
  else if (word === ".") f |= F_CLAUSE_BREAK;
  return f;
}

/**
 * One surface form: its flags, and (filled on first need, see `CachedTagger.fill`) its cached rows (offset into the
 * pool) and hashes. Forms seen only in long lower-case stretches never need rows.
 */
class WordInfo {
  vec = -1;
  wh = 0;
  sh = 0;
  raw = 0;
  /** gazetteer bits of the word as a one-word name (bit 2k+1 for kind k) */
  unitBits = 0;
  readonly lenClass: number;
  /** `lo.gazWord` and `lo.gazRoot`, copied: the trie match reads them for every token */
  readonly gazWord: number;
  readonly gazRoot: number;
  constructor(readonly word: string, readonly flags: number, readonly lo: LowerInfo) {
    this.lenClass = Math.min(word.length, 12);
    this.gazWord = lo.gazWord;
    this.gazRoot = lo.gazRoot;
  }
}

/**
 * The compact default weights of a model, tagging whole documents with the same scores as the feature path
 * (`FeatureExtractor.extract` + `emissionsCompact`; integer sums in another order, so the same tags).
 */
export class CachedTagger {
  /** forms the row pool of a new tagger holds before it must grow (tests lower it to exercise growing) */
  static poolTypes = MAX_TYPES + 1024;
  private readonly words = new Map<string, WordInfo>();
  /**
   * The same forms by the FNV hash of their characters, for token tables (`infoAt`): open addressing over typed
   * arrays, two ints a slot: [hash, 1 + index into `tabForms`] (0: empty). A probe compares the token's characters
   * with the form's copy in `tabChars` (its span: tabOff[index] .. tabOff[index + 1]), so a lookup reads no object
   * until it has found its form.
   */
  private tab = new Int32Array(2 << 14);
  private tabForms: WordInfo[] = [];
  private tabOff = new Int32Array(1 << 14);
  private tabChars = new Uint16Array(1 << 16);
  private readonly lowers = new Map<string, LowerInfo>();
  /**
   * Rows of the filled forms, sized once for the cache's limit (pages the cache never reaches are never touched, so
   * they cost no memory); only a single document with more forms than that grows it.
   */
  private pool = new Int32Array(STRIDE * CachedTagger.poolTypes);
  private used = STRIDE; // offset 0: the sentence boundary as a pseudo-word (its PREV/NEXT slots hold <s>, </s>)
  private gen = 0;
  private acc = new Int32Array(64 * L);
  private em = new Float32Array(64 * L);
  private tags = new Uint8Array(64);
  private mg = new Int32Array(64);
  private runStart = new Int32Array(64);
  private runEnd = new Int32Array(64);
  private readonly vs = new ViterbiScratch();
  private readonly mask: number;
  /** bucket -> weight row as a rank bitmap (`row-index.ts`): 128 KB, so the lookup stays in the core's cache */
  private readonly rank: Int32Array;
  /** the multi-word gazetteer names as a trie over word ids: matching builds no phrase strings */
  private readonly trie: GazTrie;
  private skip = new Uint8Array(64);
  /** feature rows queued for `flush`: hash, target offset (~offset to subtract), row id (a form has < 128 features) */
  private readonly qh = new Int32Array(256);
  private readonly qo = new Int32Array(256);
  private readonly qr = new Int32Array(256);
  private nq = 0;
  /** tag lower-case stretches far from any capital as O without scoring them (see SKIP_MARGIN); off to measure */
  skipLowercase = true;
  skipMargin = SKIP_MARGIN;

  constructor(
    bits: number,
    index: RowIndex,
    private readonly q: Int16Array,
    private readonly scale: number,
    private readonly trans: Float32Array,
    private readonly res: NerResources,
    trie?: GazTrie,
  ) {
    this.mask = (1 << bits) - 1;
    this.rank = index.rank;
    this.trie = trie ?? GazTrie.build(res.gaz);
    this.initBoundary();
  }

  /** Tokens decoded and tokens scored (the rest tagged O unscored), for benchmarks. */
  tokensSeen = 0;
  tokensScored = 0;

  /** Number of word types cached (for tests and benchmarks). */
  get size(): number {
    return this.words.size;
  }

  private initBoundary(): void {
    this.pool.fill(0, 0, STRIDE);
    this.addTo(this.pool, PREV1, mix(T_W + 1, BOS));
    this.addTo(this.pool, PREV1, mix(T_Shape + 1, BOS));
    for (let g = 0; g < 3; g++) this.addTo(this.pool, PREV1, mix(T_Clu + g, -1));
    this.addTo(this.pool, PREV2, mix(T_W + 2, BOS));
    this.addTo(this.pool, NEXT1, mix(T_W + 3, EOS));
    this.addTo(this.pool, NEXT1, mix(T_Shape + 2, EOS));
    for (let g = 0; g < 3; g++) this.addTo(this.pool, NEXT1, mix(T_Clu + 6 + g, -1));
    this.addTo(this.pool, NEXT2, mix(T_W + 4, EOS));
  }

  /** Add feature hash h's weight row to out[o .. o + L). */
  private addTo(out: Int32Array, o: number, h: number): void {
    const row = rowAt(this.rank, h & this.mask);
    if (row < 0) return;
    const r = row * L;
    const q = this.q;
    for (let y = 0; y < L; y++) out[o + y]! += q[r + y]!;
  }

  /** Queue feature hash h's weight row to be added to out[o .. o + L) by the next `flush`. */
  private queue(o: number, h: number): void {
    const k = this.nq++;
    this.qh[k] = h;
    this.qo[k] = o;
  }

  /** Queue feature hash h's weight row to be subtracted from out[o .. o + L) by the next `flush`. */
  private queueSub(o: number, h: number): void {
    const k = this.nq++;
    this.qh[k] = h;
    this.qo[k] = ~o;
  }

  /**
   * Add (or subtract) the queued rows: all row ids are read first, then all rows. The reads are independent, so the
   * processor overlaps their cache misses (a form's first use reads ~30 random rows of a 5 MB table).
   */
  private flush(out: Int32Array): void {
    const n = this.nq;
    this.nq = 0;
    const { qh, qr, qo, rank, mask, q } = this;
    // (rowAt inlined: this is the hottest loop of the stage)
    for (let k = 0; k < n; k++) {
      const b = qh[k]! & mask;
      const w2 = (b >>> 5) << 1;
      const bits = rank[w2 + 1]!;
      const bit = 1 << (b & 31);
      if (!(bits & bit)) { qr[k] = -1; continue; }
      let x = bits & (bit - 1);
      x = x - ((x >>> 1) & 0x55555555);
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      x = (x + (x >>> 4)) & 0x0f0f0f0f;
      qr[k] = rank[w2]! + (Math.imul(x, 0x01010101) >>> 24);
    }
    for (let k = 0; k < n; k++) {
      const row = qr[k]!;
      if (row < 0) continue;
      const r = row * L;
      const o = qo[k]!;
      if (o >= 0) addRow(out, o, q, r);
      else subRow(out, ~o, q, r);
    }
  }

  private lowerInfo(lower: string): LowerInfo {
    let lo = this.lowers.get(lower);
    if (!lo) {
      this.lowers.set(lower, (lo = new LowerInfo(lower)));
      lo.gazWord = this.trie.wordIds.get(lower) ?? -1;
      lo.gazRoot = lo.gazWord < 0 ? -1 : this.trie.next(0, lo.gazWord);
    }
    return lo;
  }

  /** The cached info of a surface form (flags and lower-cased state; rows come with `fill`). */
  info(word: string): WordInfo {
    const hit = this.words.get(word);
    if (hit) return hit;
    const info = new WordInfo(word, flagsOf(word), this.lowerInfo(word.toLowerCase()));
    this.words.set(word, info);
    return info;
  }

  /** Hashes and cached rows of a form, summed on its first use as a scored token or a neighbour of one. */
  private fill(w: WordInfo): void {
    const { word, flags } = w;
    const lower = w.lo.lower;
    const { gaz, clusters } = this.res;
    const m = gaz.get(lower) ?? 0;
    let unitBits = 0;
    for (let k = 0; k < GAZ_KINDS.length; k++) if (m & (1 << k)) unitBits |= 1 << (k * 2 + 1);
    // norm(): lower case with digits folded to 0
    const wh = strHash(flags & F_DIGIT ? lower.replace(/\d/g, "0") : lower);
    const sh = shapeHash(word);
    const raw = strHash(word);
    const lenClass = w.lenClass;
    if (this.used + STRIDE > this.pool.length) {
      const p = new Int32Array(this.pool.length + (this.pool.length >> 1));
      p.set(this.pool);
      this.pool = p;
    }
    const v = this.used;
    this.used += STRIDE;
    const P = this.pool;
    P.fill(0, v, v + STRIDE);
    // own features (as FeatureExtractor.extract writes them for a token at i > 0 of an ordinary sentence)
    this.queue(v + SELF, mix(T_Bias, 0));
    this.queue(v + SELF, mix(T_W, wh));
    this.queue(v + SELF, mix(T_Raw, raw));
    this.queue(v + SELF, mix(T_Shape, sh));
    this.queue(v + SELF, mix(T_Len, lenClass * 4));
    if (lower.length > 1) {
      let hp = 0x811c9dc5;
      let hs = 0x811c9dc5;
      const n = Math.min(4, lower.length - 1);
      for (let k = 0; k < n; k++) {
        hp = Math.imul(hp ^ lower.charCodeAt(k), 0x01000193);
        hs = Math.imul(hs ^ lower.charCodeAt(lower.length - 1 - k), 0x01000193);
        this.queue(v + SELF, mix(T_Pre + k, hp));
        this.queue(v + SELF, mix(T_Suf + k, hs));
      }
    }
    const c = clusters.get(lower) ?? 0;
    if (c === 0) this.queue(v + SELF, mix(T_Clu + 9, 0));
    else {
      for (let g = 0; g < 3; g++) {
        const id = (c - 1) >> (6 - 3 * g);
        this.queue(v + PREV1, mix(T_Clu + g, id));
        this.queue(v + SELF, mix(T_Clu + 3 + g, id));
        this.queue(v + NEXT1, mix(T_Clu + 6 + g, id));
      }
    }
    if (unitBits) {
      for (let k = 0; k < 32; k++) {
        if (!(unitBits & (1 << k))) continue;
        this.queue(v + SELF, mix(T_Gaz, k * 2));
        this.queue(v + PREV1, mix(T_GazPrev, k));
        this.queue(v + NEXT1, mix(T_GazNext, k));
      }
    }
    if (!(flags & (F_UPPER | F_LOWER | F_DIGIT))) this.queue(v + SELF, mix(T_Punct, raw));
    // as a neighbour
    this.queue(v + PREV1, mix(T_W + 1, wh));
    this.queue(v + PREV1, mix(T_Shape + 1, sh));
    this.queue(v + PREV2, mix(T_W + 2, wh));
    this.queue(v + NEXT1, mix(T_W + 3, wh));
    this.queue(v + NEXT1, mix(T_Shape + 2, sh));
    this.queue(v + NEXT2, mix(T_W + 4, wh));
    this.flush(P);
    w.wh = wh;
    w.sh = sh;
    w.raw = raw;
    w.unitBits = unitBits;
    w.vec = v;
  }

  /** Start a document: forget the last one's casing and history; start the cache over if it grew too large. */
  private begin(): void {
    if (this.words.size > MAX_TYPES) {
      this.words.clear();
      this.tab = new Int32Array(2 << 14);
      this.tabForms = [];
      this.lowers.clear();
      this.used = STRIDE;
    }
    this.gen++;
  }

  /**
   * Tag the sentences of one document (words per sentence) into spans with CoNLL type index `t`, with the same
   * document features as `NerModel.decode` (casing elsewhere in the document, types given earlier).
   */
  tagDocument(sentences: readonly (readonly string[])[]): Spans[] {
    this.begin();
    return this.tagRows(sentences.map((words) => words.map((w) => this.info(w))));
  }

  /**
   * Tag a document given as a token table over its text, as `tagDocument` would tag its token strings (in the form
   * the training text writes them: curly quotes straight, see `model.ts` `conllForm`): word types are found by
   * hashing the text's characters in place (no string per token; one only for a form not seen yet).
   */
  tagTokenTable(
    text: string, start: Int32Array, end: Int32Array, sentences: readonly { tokenStart: number; tokenEnd: number }[],
  ): { spans: Spans[]; words: (sentence: number) => string[] } {
    this.begin();
    const rows = sentences.map(({ tokenStart, tokenEnd }) => {
      const row: WordInfo[] = new Array(tokenEnd - tokenStart);
      for (let t = tokenStart; t < tokenEnd; t++) row[t - tokenStart] = this.infoAt(text, start[t]!, end[t]!);
      return row;
    });
    return { spans: this.tagRows(rows), words: (k) => rows[k]!.map((w) => w.word) };
  }

  /**
   * The info of the token text[s, e) with curly quotes read as straight ones, through an open-addressing table
   * keyed by the hash of those characters.
   */
  private infoAt(text: string, s: number, e: number): WordInfo {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ straight(text.charCodeAt(i)), 0x01000193);
    const tab = this.tab;
    const mask = (tab.length >> 1) - 1;
    const n = e - s;
    const { tabOff, tabChars } = this;
    let k = h & mask;
    for (let f = tab[2 * k + 1]!; f !== 0; f = tab[2 * k + 1]!) {
      if (tab[2 * k] === h) {
        const a = tabOff[f - 1]!;
        if (tabOff[f]! - a === n) {
          let i = 0;
          while (i < n && tabChars[a + i] === straight(text.charCodeAt(s + i))) i++;
          if (i === n) return this.tabForms[f - 1]!;
        }
      }
      k = (k + 1) & mask;
    }
    let word = text.slice(s, e);
    if (CURLY.test(word)) word = word.replace(CURLY_G, (c) => String.fromCharCode(straight(c.charCodeAt(0))));
    const info = this.info(word);
    const forms = this.tabForms.length;
    if (2 * (forms + 1) > mask + 1) {
      this.growTable();
      return this.infoAt(text, s, e);
    }
    // the form's characters (straightened) after the last form's, its end in tabOff[forms + 1]
    if (tabOff.length < forms + 2) {
      this.tabOff = new Int32Array(2 * tabOff.length);
      this.tabOff.set(tabOff);
    }
    const a = this.tabOff[forms]!;
    if (this.tabChars.length < a + n) {
      const c = new Uint16Array(2 * (a + n));
      c.set(this.tabChars.subarray(0, a));
      this.tabChars = c;
    }
    for (let i = 0; i < n; i++) this.tabChars[a + i] = word.charCodeAt(i);
    this.tabOff[forms + 1] = a + n;
    this.tabForms.push(info);
    tab[2 * k] = h;
    tab[2 * k + 1] = forms + 1;
    return info;
  }

  private growTable(): void {
    const old = this.tab;
    const tab = (this.tab = new Int32Array(old.length * 2));
    const mask = (tab.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue;
      let k = old[i]! & mask;
      while (tab[2 * k + 1] !== 0) k = (k + 1) & mask;
      tab[2 * k] = old[i]!;
      tab[2 * k + 1] = old[i + 1]!;
    }
  }

  /** Decode a document's rows of word infos (document casing, then sentence by sentence with history). */
  private tagRows(infos: WordInfo[][]): Spans[] {
    const gen = this.gen;
    const capsOf = new Uint8Array(infos.length);
    infos.forEach((row, s) => {
      let letters = 0;
      let lowerSeen = false;
      for (let i = 0; i < row.length; i++) {
        const w = row[i]!;
        if (w.flags & F_LOWER) lowerSeen = true;
        else if (w.flags & F_UPPER) letters++;
      }
      capsOf[s] = !lowerSeen && letters >= 2 ? 1 : 0;
      if (capsOf[s]) return;
      // document casing (DocContext): mid-sentence words not after a clause break
      for (let i = 1; i < row.length; i++) {
        const w = row[i]!;
        if (!(w.flags & F_FIRST_LETTER) || row[i - 1]!.flags & F_CLAUSE_BREAK) continue;
        const lo = w.lo;
        if (lo.formsGen !== gen) { lo.formsGen = gen; lo.cap = 0; lo.low = 0; }
        if (w.flags & F_FIRST_UPPER) lo.cap++;
        else lo.low++;
      }
    });
    return infos.map((row, s) => {
      const n = row.length;
      if (!n) return [];
      const tags = this.decode(row, capsOf[s] === 1);
      const spans = tagsToSpans(tags);
      // history for the next sentences (DocContext.remember)
      for (const sp of spans) {
        for (let i = sp.start; i < sp.end; i++) {
          const w = row[i]!;
          if (w.lo.lower.length < 2 || !(w.flags & F_UPPER)) continue;
          const lo = w.lo;
          if (lo.histGen !== gen) { lo.histGen = gen; (lo.hist ??= new Uint16Array(4)).fill(0); }
          lo.hist![sp.t]!++;
        }
      }
      return spans;
    });
  }

  private decode(row: WordInfo[], caps: boolean): Uint8Array {
    const n = row.length;
    if (this.acc.length < n * L) {
      this.acc = new Int32Array(2 * n * L);
      this.em = new Float32Array(2 * n * L);
      this.tags = new Uint8Array(2 * n);
      this.mg = new Int32Array(2 * n);
      this.runStart = new Int32Array(2 * n);
      this.runEnd = new Int32Array(2 * n);
      this.skip = new Uint8Array(2 * n);
    }
    const { acc, em, mg, runStart, runEnd } = this;
    const gen = this.gen;
    // multi-word gazetteer matches (bit 2k for kind k over every word of the match)
    let anyMulti = false;
    mg.fill(0, 0, n);
    const trie = this.trie;
    const nodeMask = trie.mask;
    for (let i = 0; i < n; i++) {
      // the first step from the root is cached per word (a one-word match counts for nothing here)
      let node = row[i]!.gazRoot;
      if (node < 0) continue;
      for (let len = 2; i + len <= n; len++) {
        const id = row[i + len - 1]!.gazWord;
        if (id < 0) break;
        const next = trie.next(node, id);
        if (next < 0) break;
        node = next;
        const m = nodeMask[node]!;
        if (!m) continue;
        anyMulti = true;
        for (let k = 0; k < GAZ_KINDS.length; k++) {
          if (!(m & (1 << k))) continue;
          for (let j = i; j < i + len; j++) mg[j]! |= 1 << (k * 2);
        }
      }
    }
    // runs of capitalised words outside capitals-only sentences
    runStart.fill(-1, 0, n);
    if (!caps) {
      for (let i = 0; i < n; ) {
        if (!(row[i]!.flags & F_STARTS_UPPER)) { i++; continue; }
        let j = i + 1;
        while (j < n && row[j]!.flags & F_STARTS_UPPER) j++;
        for (let k = i; k < j; k++) { runStart[k] = i; runEnd[k] = j; }
        i = j;
      }
    }
    // tokens tagged O unscored: lower case, SKIP_MARGIN tokens from anything capitalised or numeric
    const skip = this.skip;
    let skipped = 0;
    if (this.skipLowercase && !caps) {
      let lastTrigger = -1000;
      for (let i = 0; i < n; i++) {
        if (row[i]!.flags & (F_UPPER | F_DIGIT)) lastTrigger = i;
        skip[i] = i - lastTrigger > this.skipMargin ? 1 : 0;
      }
      let nextTrigger = 1000 + n;
      for (let i = n - 1; i >= 0; i--) {
        if (row[i]!.flags & (F_UPPER | F_DIGIT)) nextTrigger = i;
        if (nextTrigger - i <= this.skipMargin) skip[i] = 0;
        skipped += skip[i]!;
      }
    } else skip.fill(0, 0, n);
    this.tokensSeen += n;
    this.tokensScored += n - skipped;
    // rows for every scored token and its neighbours within two (skipped tokens further away need none)
    for (let i = 0; i < n; i++) {
      const w = row[i]!;
      if (w.vec >= 0) continue;
      if (skipped && skip[i]) {
        let near = false;
        for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) if (!skip[j]) near = true;
        if (!near) continue;
      }
      this.fill(w);
    }
    // (read after filling: `fill` may have grown the pool into a new array)
    const P = this.pool;
    const capsFlag = caps ? 1 : 0;
    for (let i = 0; i < n; i++) {
      if (skipped && skip[i]) continue;
      const o = i * L;
      const w = row[i]!;
      const a = w.vec;
      const p1 = i > 0 ? row[i - 1]!.vec + PREV1 : PREV1;
      const p2 = i > 1 ? row[i - 2]!.vec + PREV2 : PREV2;
      const n1 = i + 1 < n ? row[i + 1]!.vec + NEXT1 : NEXT1;
      const n2 = i + 2 < n ? row[i + 2]!.vec + NEXT2 : NEXT2;
      sumRows(acc, o, P, a, p1, p2, n1, n2);
      const w0 = w.wh;
      const s0 = w.sh;
      const wm1 = i > 0 ? row[i - 1]!.wh : BOS;
      const sm1 = i > 0 ? row[i - 1]!.sh : BOS;
      const wp1 = i + 1 < n ? row[i + 1]!.wh : EOS;
      const sp1 = i + 1 < n ? row[i + 1]!.sh : EOS;
      this.queue(o, mix(T_ShapeBig, mix(sm1, s0)));
      this.queue(o, mix(T_ShapeBig + 1, mix(s0, sp1)));
      this.queue(o, mix(T_Big, mix(wm1, w0)));
      this.queue(o, mix(T_Big + 1, mix(w0, wp1)));
      if (i === 0 || caps) {
        // the cached row has the length feature of a token at i > 0 of an ordinary sentence
        this.queueSub(o, mix(T_Len, w.lenClass * 4));
        this.queue(o, mix(T_Len, w.lenClass * 4 + capsFlag * 2 + (i === 0 ? 1 : 0)));
      }
      if (i === 0) this.queue(o, mix(T_First, s0));
      if (caps) {
        this.queueSub(o, mix(T_Raw, w.raw));
        this.queue(o, mix(T_Raw, w.raw ^ 1));
        this.queue(o, mix(T_CapsSent, w0));
        const u = w.unitBits;
        if (u) {
          for (let k = 0; k < 32; k++) {
            if (!(u & (1 << k))) continue;
            this.queueSub(o, mix(T_Gaz, k * 2));
            this.queue(o, mix(T_Gaz, k * 2 + 1));
          }
        }
      }
      const rs = runStart[i]!;
      if (rs >= 0 && runEnd[i]! - rs > 1) {
        const e = runEnd[i]!;
        this.queue(o, mix(T_RunBefore, rs > 0 ? row[rs - 1]!.wh : BOS));
        this.queue(o, mix(T_RunAfter, e < n ? row[e]!.wh : EOS));
        this.queue(o, mix(T_RunLen, Math.min(e - rs, 5) * 8 + Math.min(i - rs, 4)));
      }
      if (anyMulti) {
        const g0 = mg[i]!;
        if (g0) for (let k = 0; k < 32; k++) if (g0 & (1 << k)) this.queue(o, mix(T_Gaz, k * 2 + capsFlag));
        const gm = i > 0 ? mg[i - 1]! : 0;
        if (gm) for (let k = 0; k < 32; k++) if (gm & (1 << k)) this.queue(o, mix(T_GazPrev, k));
        const gp = i + 1 < n ? mg[i + 1]! : 0;
        if (gp) for (let k = 0; k < 32; k++) if (gp & (1 << k)) this.queue(o, mix(T_GazNext, k));
      }
      const lo = w.lo;
      if (i === 0 || caps || row[i - 1]!.flags & F_OPENER) {
        const form = lo.formsGen !== gen ? 0 : lo.cap && lo.low ? 3 : lo.cap ? 1 : 2;
        this.queue(o, mix(T_DocForm, form * 2 + capsFlag));
        if (caps) this.queue(o, mix(T_VariantShape, mix(form, w0)));
      }
      if (lo.histGen === gen) {
        const h = lo.hist!;
        let best = 0;
        for (let t = 1; t < 4; t++) if (h[t]! > h[best]!) best = t;
        if (h[best]) {
          this.queue(o, mix(T_Hist, best));
          this.queue(o, mix(T_HistShape, mix(best, s0)));
        }
      }
      this.flush(acc);
    }
    const scale = this.scale;
    const tags = this.tags;
    if (!skipped) {
      for (let k = 0; k < n * L; k++) em[k] = acc[k]! * scale;
      viterbi(em, n, this.trans, this.vs, tags);
      return tags.subarray(0, n);
    }
    // decode each stretch between skipped tokens on its own: the same as Viterbi with the skipped tokens forced to O
    for (let i = 0; i < n; ) {
      if (skip[i]) { tags[i++] = 0; continue; }
      let j = i + 1;
      while (j < n && !skip[j]) j++;
      for (let k = i * L; k < j * L; k++) em[k] = acc[k]! * scale;
      viterbiSegment(em, i, j, this.trans, this.vs, tags, i > 0, j < n);
      i = j;
    }
    return tags.subarray(0, n);
  }
}

/**
 * The gazetteer's multi-word names ("new york", "the hague") as a trie over word ids, its edges in an
 * open-addressing table of typed arrays (no strings built while matching, no boxed keys), built once per model
 * (or read pre-built from the model file).
 */
export class GazTrie {
  private readonly cap: number;

  constructor(
    /** lower-cased word -> id, for the words of multi-word names */
    readonly wordIds: WordTable,
    /** kinds mask of the name that ends at a node (0: none); node 0 is the root */
    readonly mask: Int32Array,
    readonly from: Int32Array,
    readonly word: Int32Array,
    readonly to: Int32Array,
  ) {
    this.cap = from.length;
  }

  static build(gaz: WordTable): GazTrie {
    const phrases: [string[], number][] = [];
    let words = 0;
    for (const [phrase, kinds] of gaz) {
      if (!phrase.includes(" ")) continue;
      const ws = phrase.split(" ");
      phrases.push([ws, kinds]);
      words += ws.length;
    }
    let cap = 16;
    while (cap < 2 * words) cap *= 2;
    const wordIds = new Map<string, number>();
    const trie = new GazTrie(wordIds, new Int32Array(0), new Int32Array(cap).fill(-1), new Int32Array(cap), new Int32Array(cap));
    const mask = [0];
    for (const [ws, kinds] of phrases) {
      let node = 0;
      for (const w of ws) {
        let id = wordIds.get(w);
        if (id === undefined) wordIds.set(w, (id = wordIds.size));
        let next = trie.next(node, id);
        if (next < 0) {
          next = mask.length;
          mask.push(0);
          let h = trie.slot(node, id);
          while (trie.from[h] !== -1) h = (h + 1) & (cap - 1);
          trie.from[h] = node;
          trie.word[h] = id;
          trie.to[h] = next;
        }
        node = next;
      }
      mask[node] = kinds;
    }
    return new GazTrie(wordIds, Int32Array.from(mask), trie.from, trie.word, trie.to);
  }

  private slot(node: number, id: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b)) >>> 0 & (this.cap - 1);
  }

  /** The child of `node` along word `id`, or -1. */
  next(node: number, id: number): number {
    for (let h = this.slot(node, id); ; h = (h + 1) & (this.cap - 1)) {
      const f = this.from[h]!;
      if (f === -1) return -1;
      if (f === node && this.word[h] === id) return this.to[h]!;
    }
  }
}
