// Averaged structured perceptron training of the NER model: fixed document order per seeded shuffle, Viterbi decoding.
import type { ConllDocument } from "./conll.js";
import { TRANS_SIZE } from "./decoder.js";
import { DocContext, domainBucket, type NerResources } from "./features.js";
import { NUM_TAGS, spansToTags, tagsToSpans } from "./labels.js";
import { NerModel, type NerModelInfo } from "./model.js";
import { rng } from "./random.js";

const L = NUM_TAGS;

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  /** called after each epoch with the averaged model (e.g. to score the dev set) */
  onEpoch?: (epoch: number, model: NerModel) => void;
  info?: NerModelInfo;
  /**
   * Feature augmentation over domains (Daumé 2007): each document's domain (an index into `domains`) gets its own
   * copy of every feature besides the shared one; the model then holds one folded weight table per domain,
   * `defaultDomain`'s as its default profile and the others by name.
   */
  domains?: string[];
  domainOf?: Uint8Array;
  defaultDomain?: string;
  /** how many times each document is visited per epoch (default 1): weights one source against another */
  repeats?: Uint8Array;
}

/** Averaged weights w - u / c (the lazy-averaging trick: u accumulates c * delta at each update). */
function averaged(w: Float32Array, u: Float64Array, c: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i]! - u[i]! / c;
  return out;
}

/**
 * One domain's table: shared row + the domain copy's row, for every feature bucket whose shared row was ever
 * updated (an untouched bucket would otherwise pick up a random neighbour's domain row).
 */
function fold(avg: Float32Array, salt: number, bits: number): Float32Array {
  const D = 1 << bits;
  const out = new Float32Array(avg.length);
  for (let b = 0; b < D; b++) {
    const r = b * L;
    let used = false;
    for (let y = 0; y < L; y++) if (avg[r + y] !== 0) { used = true; break; }
    if (!used) continue;
    const g = domainBucket(b, salt, D - 1) * L;
    for (let y = 0; y < L; y++) out[r + y] = avg[r + y]! + avg[g + y]!;
  }
  return out;
}

export function trainNer(docs: readonly ConllDocument[], res: NerResources, opts: TrainOptions): NerModel {
  const D = 1 << opts.bits;
  const w = new Float32Array(D * L);
  const u = new Float64Array(D * L);
  const tw = new Float32Array(TRANS_SIZE);
  const tu = new Float64Array(TRANS_SIZE);
  const model = new NerModel(opts.bits, w, tw, res, opts.info);
  const gold = docs.map((d) => d.map((s) => spansToTags(s.words.length, s.spans)));
  const words = docs.map((d) => d.map((s) => s.words));
  const order = docs.flatMap((_, i) => Array<number>(opts.repeats?.[i] ?? 1).fill(i));
  const random = rng(opts.seed);
  let c = 1;
  const mask = D - 1;
  let salt = 0;
  const upd = (f: number, y: number, d: number): void => {
    w[f * L + y]! += d;
    u[f * L + y]! += c * d;
    if (salt) {
      const g = domainBucket(f, salt, mask);
      w[g * L + y]! += d;
      u[g * L + y]! += c * d;
    }
  };
  const updT = (k: number, d: number): void => {
    tw[k]! += d;
    tu[k]! += c * d;
  };
  let last: NerModel = model;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    // Fisher-Yates with the seeded generator: a different but reproducible document order each epoch
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const di of order) {
      salt = opts.domainOf ? opts.domainOf[di]! + 1 : 0;
      const ctx = new DocContext(words[di]!);
      for (let si = 0; si < words[di]!.length; si++) {
        const ws = words[di]![si]!;
        const g = gold[di]![si]!;
        const n = ws.length;
        const pred = model.decode(ws, ctx, w, tw, salt);
        let wrong = false;
        for (let i = 0; i < n; i++) if (pred[i] !== g[i]) { wrong = true; break; }
        if (wrong) {
          const { feats, off } = model.buf;
          for (let i = 0; i < n; i++) {
            const gy = g[i]!;
            const py = pred[i]!;
            if (gy !== py) {
              for (let k = off[i]!; k < off[i + 1]!; k++) { upd(feats[k]!, gy, 1); upd(feats[k]!, py, -1); }
              if (model.histUsed) {
                for (let k = 0; k < 2; k++) {
                  const b = model.hist[2 * i + k]!;
                  if (b >= 0) { upd(b, gy, 1); upd(b, py, -1); }
                }
              }
            }
            const ga = i ? g[i - 1]! + 1 : 0;
            const pa = i ? pred[i - 1]! + 1 : 0;
            if (ga !== pa || gy !== py) { updT(ga * L + gy, 1); updT(pa * L + py, -1); }
          }
          const gl = g[n - 1]!;
          const pl = pred[n - 1]!;
          if (gl !== pl) { updT((L + 1) * L + gl, 1); updT((L + 1) * L + pl, -1); }
        }
        // the history features see the model's own predictions, in training as at run time
        ctx.remember(ws, tagsToSpans(pred));
        c++;
      }
    }
    if (opts.onEpoch || epoch === opts.epochs) {
      const avg = averaged(w, u, c);
      const trans = averaged(tw, tu, c);
      if (opts.domains && opts.domainOf) {
        const tables = opts.domains.map((name, d): [string, Float32Array] => [name, fold(avg, d + 1, opts.bits)]);
        const def = tables.find(([name]) => name === opts.defaultDomain) ?? tables[0]!;
        last = new NerModel(opts.bits, def[1], trans, res, { ...opts.info, about: opts.info?.about ?? "", profile: def[0] }, tables.filter((t) => t !== def));
      } else last = new NerModel(opts.bits, avg, trans, res, opts.info);
      opts.onEpoch?.(epoch, last);
    }
  }
  return last;
}
