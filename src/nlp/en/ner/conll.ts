// CoNLL-2003 reader: documents of sentences of words with gold entity spans (IOB1 or IOB2 tags, both read).
import { CONLL_TYPES } from "./labels.js";

export interface ConllSentence {
  words: string[];
  /** gold spans, t = index into CONLL_TYPES */
  spans: { start: number; end: number; t: number }[];
}
export type ConllDocument = ConllSentence[];

/** Entity chunks as conlleval reads them: a chunk starts at B-X, or at I-X after a tag of another type or O. */
export function chunks(tags: readonly string[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let cur: { start: number; end: number; type: string } | undefined;
  tags.forEach((tag, i) => {
    const type = tag === "O" ? "" : tag.slice(2);
    const begins = tag.startsWith("B-") || (type !== "" && (!cur || cur.type !== type));
    if (cur && (type === "" || begins)) { out.push(cur); cur = undefined; }
    if (type && begins) cur = { start: i, end: i + 1, type };
    else if (cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

/** Parse `word POS chunk NER` (or `word<TAB>tag`) lines; `-DOCSTART-` lines split documents. */
export function readConll(text: string, typeMap: (t: string) => string | undefined = (t) => t): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (!words.length) return;
    const spans = [];
    for (const c of chunks(tags)) {
      const mapped = typeMap(c.type);
      const t = mapped === undefined ? -1 : CONLL_TYPES.indexOf(mapped as (typeof CONLL_TYPES)[number]);
      if (t >= 0) spans.push({ start: c.start, end: c.end, t });
    }
    doc.push({ words, spans });
    words = [];
    tags = [];
  };
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (!l) { endSentence(); continue; }
    const cols = l.split(/\s+/);
    if (cols[0] === "-DOCSTART-") {
      endSentence();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    words.push(cols[0]!);
    tags.push(cols[cols.length - 1]!);
  }
  endSentence();
  if (doc.length) docs.push(doc);
  return docs;
}
