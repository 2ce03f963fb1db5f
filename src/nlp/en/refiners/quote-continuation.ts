// Gives unattributed direct quotes a speaker from context: reported speech around them, a split quote, a continuation paragraph.
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import { attributionBefore } from "../extractors/direct-quotes.js";
import { Tokens, wordCount } from "../extractors/quote-common.js";
import { firstEndingAfter } from "../../../core/span.js";

const SOURCE = "quote-continuation";
/** Quotes this short, with no speaker of their own, are scare quotes or titles unless reported speech surrounds them. */
const SHORT_WORDS = 4;
// Small words a title leaves in lower case ("Face the Nation", "Keeping Up with the Joneses").
const TITLE_SMALL = new Set("a an the and or but of in on at to for with by from as nor vs".split(" "));

/** "Face the Nation", "The Long Winter": a name of a work or show, not something said. */
export function titleLike(text: string): boolean {
  const words = text.replace(/[.,!?]+$/, "").split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  if (words.length > 1 && /[.!?]$/.test(text) && !/^\p{Lu}[\p{L}'’-]*\.$/u.test(text)) return false;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && TITLE_SMALL.has(w)));
}
// A quotation right after these names something ("on "Face the Nation"", "Trump's "plan"").
const BEFORE_NAME = /(?:\b(?:on|in|at|to|from|of|for|with|by|about|into|titled|entitled|called|named|dubbed)|['’]s)\s*$/i;

export function continueQuotes(doc: Document): Quote[] {
  const quotes = [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const paragraphs = doc.get("paragraph");
  const sentences = doc.get("sentence");
  const tk = new Tokens(doc);
  const text = doc.text;
  // indirect quotes with a speaker, by start, to find the one a quotation sits in
  const reported = quotes.filter((q) => q.kind !== "direct" && q.speaker);
  const out: Quote[] = [];
  const byParagraph = new Map<number, Quote[]>();
  for (const q of quotes) {
    if (q.paragraph === undefined) continue;
    const list = byParagraph.get(q.paragraph) ?? [];
    list.push(q);
    byParagraph.set(q.paragraph, list);
  }
  // a paragraph that is nothing but quotation continues the previous speaker (computed once per paragraph)
  const onlyQuoteCache = new Map<number, boolean>();
  const onlyQuote = (p: number): boolean => {
    const known = onlyQuoteCache.get(p);
    if (known !== undefined) return known;
    const list = byParagraph.get(p);
    const para = paragraphs[p];
    let result = false;
    if (list && para) {
      let rest = "";
      let at = para.span[0];
      for (const q of list) {
        if (!q.marks || q.marks[0] < at) continue;
        rest += text.slice(at, q.marks[0]);
        at = Math.max(at, q.marks[1]);
      }
      rest += text.slice(at, para.span[1]);
      result = !/[\p{L}\p{N}]/u.test(rest);
    }
    onlyQuoteCache.set(p, result);
    return result;
  };
  // quotes nested in another have their own speaker; they are no donors for the quotation around them
  const donorOk = (o: Quote): boolean => o.speaker !== undefined && o.attribution !== "nested";
  // the next attributed direct quote of the same paragraph, for each quote (one pass from the end)
  const nextDirect = new Map<Quote, Quote>();
  const ahead = new Map<number, Quote>();
  for (let n = quotes.length - 1; n >= 0; n--) {
    const q = quotes[n]!;
    if (q.paragraph === undefined) continue;
    const nx = ahead.get(q.paragraph);
    if (nx) nextDirect.set(q, nx);
    if (q.kind === "direct" && donorOk(q)) ahead.set(q.paragraph, q);
  }
  // the last speaker so far in each paragraph, including those given by this stage (continuations chain)
  const lastDonor = new Map<number, Quote>();
  const emit = (q: Quote): void => {
    out.push(q);
    if (q.paragraph !== undefined && donorOk(q)) lastDonor.set(q.paragraph, q);
  };
  let r = 0;
  const tick = deadlineCheck(doc, 64);
  for (const q of quotes) {
    tick();
    if (q.kind !== "direct" || !q.marks) {
      emit(q);
      continue;
    }
    // titles of works and shows are quoted but said by nobody, unless a cue hands them to a speaker
    const handed = /[,!?]/.test(text.slice(q.span[1], q.marks[1]));
    if (titleLike(q.text) && !(q.attribution === "cue" && q.cue && handed)) continue;
    if (q.speaker) {
      emit(q);
      continue;
    }
    const words = wordCount(q.text);
    // 1. inside reported speech: "officials said any ship would be treated as "a hostile target"" is the officials' (mixed) quote
    while (r < reported.length && reported[r]!.span[1] <= q.marks[0]) r++;
    const host = reported.slice(Math.max(0, r - 2), r + 2).find((h) => h.span[0] <= q.marks![0] && q.marks![1] <= h.span[1] + 1);
    // a short quotation that names something ('the so-called "reform package"') stays a label even inside a report
    const naming = words <= SHORT_WORDS && BEFORE_NAME.test(text.slice(Math.max(0, q.marks[0] - 12), q.marks[0]));
    if (host?.speaker && !naming) {
      emit({ ...q, kind: "mixed", speaker: { ...host.speaker }, cue: host.cue, confidence: 0.7, attribution: "embedded", source: SOURCE });
      continue;
    }
    // 2. a short quotation after a cue in its own sentence: 'X called the plan "a disaster"'
    // a short quotation that is a sentence of its own ("It was chaos.") is speech, not a scare quote
    const sentenceLike = /[.!?…]$/.test(q.text) && /^\p{Lu}/u.test(q.text);
    if (words <= SHORT_WORDS && !sentenceLike) {
      const s = sentences[sentenceIndex(sentences, q.marks[0])];
      const named = BEFORE_NAME.test(text.slice(Math.max(0, q.marks[0] - 12), q.marks[0]));
      const at = s && !named ? attributionBefore(tk, text, s.tokenStart, tk.at(q.marks[0]), false) : undefined;
      if (at) {
        emit({
          ...q, kind: "mixed", speaker: { name: at.speaker.name, span: at.speaker.span }, cue: at.cue,
          confidence: 0.6, attribution: "cue", source: SOURCE,
        });
      }
      continue; // a scare quote or a title: no quote at all
    }
    // 3. a split quote: the nearest attributed quote of the same paragraph, earlier first
    const donor = (q.paragraph !== undefined ? lastDonor.get(q.paragraph) : undefined) ?? nextDirect.get(q);
    if (donor?.speaker) {
      emit({ ...q, speaker: { ...donor.speaker }, confidence: 0.75, attribution: "inherited", source: SOURCE });
      continue;
    }
    // 4. a continuation paragraph: the last speaker of the paragraph before
    const p = q.paragraph ?? -1;
    if (p > 0 && onlyQuote(p)) {
      const last = lastDonor.get(p - 1);
      if (last?.speaker) {
        // emitted as a donor too: the next continuation paragraph inherits from this one
        emit({ ...q, speaker: { ...last.speaker }, confidence: 0.7, attribution: "inherited", source: SOURCE });
        continue;
      }
    }
    emit({ ...q, confidence: 0.3 });
  }
  return out;
}

/** Index of the sentence holding `pos` (the core's binary search over spans). */
const sentenceIndex = (sentences: readonly { span: [number, number] }[], pos: number): number => firstEndingAfter(sentences, pos);

export const quoteContinuation: Stage = {
  name: "quoteContinuation",
  kind: "refiner",
  requires: ["paragraph", "sentence", "token", "quote"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", continueQuotes(doc));
  },
  // stopped by the time budget, the layer is still the extractors' quotes (the result is set only at the end):
  // they stand without continuations rather than being emptied
  whenSkipped() {},
};
