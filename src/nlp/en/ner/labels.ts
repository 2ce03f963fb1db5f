// NER tag set: BILOU tags over CoNLL's four types, the span <-> tag conversions, and the mapping to claimline's types.
import type { EntityType } from "../../../core/record.js";

/** The types the model learns (CoNLL-2003's): the model is trained on CoNLL eng.train only. */
export const CONLL_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type ConllType = (typeof CONLL_TYPES)[number];

/** What `NerModel.tag` returns: claimline's entity types, plus MISC for the CoNLL names that are none of them. */
export type NerType = EntityType | "MISC";

/** Token span [start, end) with its type. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  /** the CoNLL type the model predicted (what evaluation scores) */
  conll: ConllType;
}

// Tag ids: 0 = O, then for type t: B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
export const NUM_TAGS = 1 + 4 * CONLL_TYPES.length;
export const TAG_NAMES: string[] = ["O"];
for (const t of CONLL_TYPES) TAG_NAMES.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);

export const tagType = (tag: number): number => (tag === 0 ? -1 : (tag - 1) >> 2);
/** 0 = B, 1 = I, 2 = L, 3 = U (for tag > 0) */
export const tagPart = (tag: number): number => (tag - 1) & 3;

/** Whether tag `b` may follow tag `a` in BILOU (a = -1 for the sentence start, b = -1 for the end). */
export function allowed(a: number, b: number): boolean {
  const aOpen = a > 0 && (tagPart(a) === 0 || tagPart(a) === 1); // inside an entity that must continue
  if (b === -1) return !aOpen;
  if (aOpen) return b > 0 && tagType(b) === tagType(a) && (tagPart(b) === 1 || tagPart(b) === 2);
  return b === 0 || tagPart(b) === 0 || tagPart(b) === 3;
}

/** Spans (type index into CONLL_TYPES) -> BILOU tag ids. */
export function spansToTags(n: number, spans: readonly { start: number; end: number; t: number }[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const { start, end, t } of spans) {
    if (end - start === 1) tags[start] = 4 + 4 * t;
    else {
      tags[start] = 1 + 4 * t;
      for (let i = start + 1; i < end - 1; i++) tags[i] = 2 + 4 * t;
      tags[end - 1] = 3 + 4 * t;
    }
  }
  return tags;
}

/** BILOU tag ids (a valid sequence from the decoder) -> spans with type index. */
export function tagsToSpans(tags: ArrayLike<number>): { start: number; end: number; t: number }[] {
  const out: { start: number; end: number; t: number }[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 0) { open = -1; continue; }
    const part = tagPart(tag);
    if (part === 3) { out.push({ start: i, end: i + 1, t: tagType(tag) }); open = -1; }
    else if (part === 0) open = i;
    else if (part === 2 && open >= 0) { out.push({ start: open, end: i + 1, t: tagType(tag) }); open = -1; }
  }
  return out;
}

/**
 * The documented mapping from claimline's types to CoNLL's, used to score on CoNLL-2003:
 * PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, NORP, GROUP and MISC -> MISC.
 */
export function toConll(type: NerType): ConllType {
  switch (type) {
    case "PERSON": return "PER";
    case "ORG": return "ORG";
    case "GPE": case "LOC": return "LOC";
    default: return "MISC";
  }
}
