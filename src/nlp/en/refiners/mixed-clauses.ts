// A quotation woven into its cue's clause ('said "budget reforms" and unpaid taxes would pay') reports the whole clause.
//
// The direct-quote stage hands such a quotation its cue, so the reported-speech stage never reads the clause around
// it. PolNeAR train reports the clause: after a quotation that follows its cue and runs on into the sentence with a
// lower-case word, the content ends at the sentence end 438 times, at the closing mark 67 times; with words between
// the cue and the opening mark it starts right after the cue 992 times, at "that" 270, at the mark 134 (mostly after
// an addressee and a comma: 'told them, "…"'). So the clause becomes an indirect report of the same speaker and cue,
// and the quotations inside it mixed quotes (as quote-continuation does for a quotation inside reported speech).
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import { firstEndingAfter } from "../../../core/span.js";

const SOURCE = "mixed-clause";
const OPENING = /["“«‘]|''|``/;
const CLOSING = /["”»’]|''/;
// a quotation handed over whole ends with its own punctuation ('"…," he said'): no clause runs on after it
const HANDED = /[,.!?…]\s*$/;
// a naming verb's quotation is a name or a slogan, the words after it the writer's ('called it "a disaster" in 2015',
// 'signs reading "…" outside'): PolNeAR reports the quotation alone
const NAMING = /\b(?:call|calls|called|calling|dub|dubs|dubbed|name|names|named|title|titled|entitled|label|labels|labeled|labelled|term|termed|read|reads|reading|chant|chants|chanted|chanting|coin|coined|nickname|nicknamed)$/i;

// a second quotation joined by "and"/"or" that ends the sentence
const PAIRED = /^\s+(?:and|or)\s+(?:["“][^"“”]+["”]|''[^'"“”]+'')[.!?]?\s*$/;

/** The sentence (of the sorted sentence layer) holding pos. */
function sentenceOf(sentences: readonly { span: Span }[], pos: number): Span | undefined {
  const s = sentences[firstEndingAfter(sentences, pos)]?.span;
  return s && s[0] <= pos ? s : undefined;
}

/**
 * The clause a quotation after its cue is woven into, or undefined when the quotation stands alone between its cue
 * and its sentence end. `marks` is the quotation with its marks, `cueEnd` where its cue ends, `sentence` its sentence.
 */
export function wovenClause(text: string, marks: Span, cueEnd: number, sentence: Span): Span | undefined {
  if (cueEnd > marks[0] || cueEnd < sentence[0] || marks[1] > sentence[1]) return undefined;
  const inner = text.slice(marks[0], marks[1]).replace(/^\W+/, "").replace(/["”»’'\s]+$/, "");
  const between = text.slice(cueEnd, marks[0]);
  const rest = text.slice(marks[1], sentence[1]);
  // a lower-case word right after the closing mark continues the clause ('"budget reforms" and …')
  const runsOn = /^\s+[a-z]/.test(rest) && !HANDED.test(inner) && !/[;:]/.test(rest.slice(0, 2));
  // words before the opening mark, other than a lone "that" and punctuation ('said a majority believe "…"')
  const lead = /\p{L}/u.test(between.replace(/\bthat\b/g, "")) && !/[.!?"“”]/.test(between);
  if (!runsOn && !lead) return undefined;
  let a = marks[0];
  if (lead) {
    const that = /(?:^|\s)that\s/.exec(between);
    // after an addressee and a comma or colon ('told them, "…"') the quotation alone is reported
    if (that) a = cueEnd + that.index + that[0].length;
    else if (!/[,:]\s*$/.test(between)) a = cueEnd;
  }
  while (a < marks[0] && /[\s,:]/.test(text[a]!)) a++;
  let b = marks[1];
  if (runsOn) {
    // to the sentence end, not past a semicolon (a second statement) or a dash (the writer's aside: " - further …");
    // its full stop is the writer's, not the speaker's
    const stop = /;|\s[-—–―]\s/.exec(rest);
    b = stop ? marks[1] + stop.index : sentence[1];
    while (b > marks[1] && /\s/.test(text[b - 1]!)) b--;
    if (!CLOSING.test(text[b - 1]!)) while (b > marks[1] && /[\s.!?,]/.test(text[b - 1]!)) b--;
  }
  if (a === marks[0] && b === marks[1]) return undefined;
  return OPENING.test(text.slice(marks[0], marks[0] + 2)) ? [a, b] : undefined;
}

/** The quote layer with a clause report for each cue-attributed quotation woven into its clause. */
export function weaveClauses(doc: Document): Quote[] {
  const quotes = doc.get("quote");
  const text = doc.text;
  const sentences = doc.get("sentence");
  const added: Quote[] = [];
  const mixed = new Set<Quote>();
  // (each woven quotation scans the quote layer: the document's deadline can stop a layer of tens of thousands)
  const check = deadlineCheck(doc, 16);
  for (const q of quotes) {
    check();
    if (q.kind !== "direct" || !q.cue || !q.speaker?.span || !q.marks || mixed.has(q)) continue;
    const sentence = sentenceOf(sentences, q.marks[0]);
    if (!sentence || !(sentence[0] <= q.cue.span[0])) continue;
    // (a naming verb's quotations joined by "and" are both its words: 'chanted "…" and "…"')
    if (NAMING.test(q.cue.text) && !PAIRED.test(text.slice(q.marks[1], sentence[1]))) continue;
    const clause = wovenClause(text, q.marks, q.cue.span[1], sentence);
    if (!clause) continue;
    // the clause holds no other report, and no other speaker's quotation (an unattributed one is this speaker's:
    // 'said that "…" and that "…"')
    const others = quotes.filter((o) => o !== q && o.span[0] < clause[1] && clause[0] < o.span[1]);
    if (others.some((o) => o.kind === "indirect" || (o.speaker?.span?.[0] !== q.speaker!.span![0] && (o.speaker || o.cue)) || !(clause[0] <= o.span[0] && o.span[1] <= clause[1]))) continue;
    if (added.some((c) => c.span[0] < clause[1] && clause[0] < c.span[1])) continue;
    added.push({
      id: "", kind: "indirect", text: text.slice(clause[0], clause[1]), span: clause, cue: { ...q.cue }, speaker: { ...q.speaker },
      confidence: q.confidence, source: SOURCE, paragraph: q.paragraph, attribution: "cue",
    });
    mixed.add(q);
    for (const o of others) mixed.add(o);
  }
  if (!added.length) return quotes as Quote[];
  // (an unattributed quotation woven in takes the clause's speaker and cue, as quote-continuation gives one inside a report)
  const host = (q: Quote): Quote => {
    const c = added.find((a) => a.span[0] <= q.span[0] && q.span[1] <= a.span[1] + 2);
    return q.speaker || !c ? { ...q, kind: "mixed" } : { ...q, kind: "mixed", speaker: { ...c.speaker! }, cue: { ...c.cue! }, attribution: "embedded" };
  };
  return [...quotes.map((q) => (mixed.has(q) ? host(q) : q)), ...added];
}

export const mixedClauses: Stage = {
  name: "mixedClauses",
  kind: "refiner",
  requires: ["sentence", "quote"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", weaveClauses(doc));
  },
  // stopped by the time budget, the layer is still the extractors' quotes: they stand without the clauses
  whenSkipped() {},
};
