// Gives unattributed direct quotes a speaker from context: reported speech around them, a split quote, a continuation paragraph.
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import { attributionBefore } from "../extractors/direct-quotes.js";
import { SPEECH_RATE, Tokens, cueVerb, wordCount } from "../extractors/quote-common.js";
import { TURN_SOURCE } from "../extractors/transcript-turns.js";
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
// A title-like quotation right after the kind of work it names ('in his book, "Make It Count,"') is that work's name.
const WORK_BEFORE = /\b(?:book|film|movie|song|album|novel|memoir|poem|play|musical|series|show|documentary|podcast|anthem|hymn|slogan),?\s*$/i;

/** Whether a quotation names a work or a show after the word that introduces one ('on "Face the Nation,"', 'in his book, "Make It Count"'). */
function namesWork(text: string, marks: Span): boolean {
  return BEFORE_NAME.test(text.slice(Math.max(0, marks[0] - 12), marks[0])) || WORK_BEFORE.test(text.slice(Math.max(0, marks[0] - 16), marks[0]));
}

/**
 * A direct quotation that is the title of a work or a show after the word that introduces one: said by nobody, whatever
 * cue the quotation reader gave it (continueQuotes drops it), so that cue is free for a report of its own
 * ('X, host of "Morning Show," suggested the plan could fail').
 */
export function isWorkTitle(text: string, q: Quote): boolean {
  return q.kind === "direct" && q.marks !== undefined && namesWork(text, q.marks) && titleLike(q.text);
}

export function continueQuotes(doc: Document): Quote[] {
  const quotes = [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const paragraphs = doc.get("paragraph");
  const sentences = doc.get("sentence");
  const tk = Tokens.of(doc);
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
  // and the last direct one: '"…," she said, emphasizing why …. "…"' continues the quotation, not the participle's report
  const lastDirect = new Map<number, Quote>();
  const emit = (q: Quote): void => {
    out.push(q);
    if (q.paragraph !== undefined && donorOk(q)) {
      lastDonor.set(q.paragraph, q);
      if (q.kind === "direct") lastDirect.set(q.paragraph, q);
    }
  };
  // a transcript turn read by its own stage is not read again as a "Name: words" headline report
  const turnCues = new Set(quotes.filter((q) => q.source === TURN_SOURCE && q.cue).map((q) => q.cue!.span[0]));
  let r = 0;
  const tick = deadlineCheck(doc, 64);
  for (const q of quotes) {
    tick();
    if (turnCues.size && q.source !== TURN_SOURCE && q.cue && turnCues.has(q.cue.span[0])) continue;
    if (q.kind !== "direct" || !q.marks) {
      emit(q);
      continue;
    }
    // titles of works and shows are quoted but said by nobody, unless a cue hands them to a speaker
    // ('Li said, "Probably."': a one-word answer that ends its sentence inside the marks is handed over too)
    const handed = /[,!?]/.test(text.slice(q.span[1], q.marks[1])) || /\p{L}[.!?]$/u.test(q.text);
    // ('on "Face the Nation," he said': the name of a show after "on"/"of"/"'s" stays a title even before a cue)
    const named = BEFORE_NAME.test(text.slice(Math.max(0, q.marks[0] - 12), q.marks[0]));
    const work = namesWork(text, q.marks);
    // '"Honestly," he said, "we …"': an opening part of a split quote with no speaker of its own (one word in title
    // case reads as a title above), the attribution of the next part right after it, is that speaker's first piece
    // (PolNeAR marks both parts as one content); not a work's name ('the show "Face the Nation," he said, "…"')
    if (!q.speaker && !work && q.paragraph !== undefined) {
      const next = nextDirect.get(q);
      const para = paragraphs[q.paragraph];
      if (next?.speaker && para && opensSentence(text, para.span[0], q.marks[0]) && /,/.test(text.slice(q.span[1], q.marks[1] + 1)) && beforeAttribution(text, q.marks[1], next)) {
        emit({ ...q, speaker: { ...next.speaker }, cue: next.cue && { ...next.cue }, confidence: 0.7, attribution: "inherited", source: SOURCE });
        continue;
      }
    }
    if (titleLike(q.text) && (work || !(q.attribution === "cue" && q.cue && handed))) continue;
    // the report a quotation sits in, if any
    while (r < reported.length && reported[r]!.span[1] <= q.marks[0]) r++;
    const host = reported.slice(Math.max(0, r - 2), r + 2).find((h) => h.span[0] <= q.marks![0] && q.marks![1] <= h.span[1] + 1);
    if (q.speaker) {
      // 'The union chief said he hopes the rally sends a message that "…"': a verb that is no verb of speech, inside
      // someone's report, hands the quotation to nobody; it is the reported speaker's (mixed) quote
      const inReport = host?.speaker && host.cue && q.cue && host.cue.span[1] <= q.cue.span[0] && q.cue.span[1] <= q.marks[0];
      if (inReport && host.speaker && weakCue(q.cue!.text)) {
        emit({ ...q, kind: "mixed", speaker: { ...host.speaker }, cue: host.cue, confidence: 0.7, attribution: "embedded", source: SOURCE });
        continue;
      }
      emit(q);
      continue;
    }
    const words = wordCount(q.text);
    // 1. inside reported speech: "officials said any ship would be treated as "a hostile target"" is the officials' (mixed) quote
    // a short quotation that names something ('the so-called "reform package"') stays a label even inside a report
    const naming = words <= SHORT_WORDS && named;
    if (host?.speaker && !naming) {
      emit({ ...q, kind: "mixed", speaker: { ...host.speaker }, cue: host.cue, confidence: 0.7, attribution: "embedded", source: SOURCE });
      continue;
    }
    // 2. a short quotation after a cue in its own sentence: 'X called the plan "a disaster"'
    // a short quotation that is a sentence of its own ("It was chaos.") is speech, not a scare quote
    const sentenceLike = /[.!?…]$/.test(q.text) && /^\p{Lu}/u.test(q.text);
    if (words <= SHORT_WORDS && !sentenceLike) {
      const s = sentences[sentenceIndex(sentences, q.marks[0])];
      const at = s && !named ? attributionBefore(tk, text, s.tokenStart, tk.at(q.marks[0]), false) : undefined;
      if (at) {
        emit({
          ...q, kind: "mixed", speaker: { name: at.speaker.name, span: at.speaker.span }, cue: at.cue,
          confidence: 0.6, attribution: "cue", source: SOURCE,
        });
      }
      continue; // a scare quote or a title: no quote at all
    }
    // 3. a split quote: the nearest attributed quote of the same paragraph, earlier first. A journalist splits a
    // quote by closing it and opening the next part as a sentence of its own ('"…," he said. "…"') or right after
    // the attribution ('"…," he said, "…"'); a quotation inside other words ('the senator went on about "a rigged
    // system"') belongs to that clause, not to the quote before it
    const para = q.paragraph !== undefined ? paragraphs[q.paragraph] : undefined;
    const opens = para !== undefined && opensSentence(text, para.span[0], q.marks[0]);
    let earlier = q.paragraph !== undefined ? lastDonor.get(q.paragraph) : undefined;
    const direct = q.paragraph !== undefined ? lastDirect.get(q.paragraph) : undefined;
    if (earlier && direct && earlier.kind !== "direct" && sameMention(earlier, direct)) earlier = direct;
    // ('"…," Graham told CBS on Tuesday, when a dozen states held contests. "…"': a report in the attribution's own
    // sentence, after the quotation, is an aside of that attribution; the next quotation continues the quotation)
    if (earlier && direct && earlier.kind !== "direct" && earlier.cue && direct.cue && direct.marks && earlier.span[0] >= direct.marks[1] &&
      sentenceIndex(sentences, earlier.cue.span[0]) === sentenceIndex(sentences, direct.cue.span[0])) earlier = direct;
    const later = nextDirect.get(q);
    const donor = earlier && (opens || afterAttribution(text, earlier, q.marks[0])) ? earlier : !earlier && opens ? later : undefined;
    if (donor?.speaker) {
      // the part carries the donor's cue too: it was said in the same act of speech
      emit({ ...q, speaker: { ...donor.speaker }, cue: donor.cue && { ...donor.cue }, confidence: 0.75, attribution: "inherited", source: SOURCE });
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
    // a quotation run into the narration's own words ('critics have gone after the mayor as a "tax collector for
    // hire"', 'the channel is "a voice …"') with no speaker is a borrowed phrase of that clause, not a quote to
    // report on its own; one that opens a sentence or follows a comma or colon ('while chanting, "…"') is speech
    // (a quotation left open runs on to its paragraph's end: that is no phrase borrowed inside a sentence)
    const closed = /["“”„«»'‘’`]/.test(text.slice(q.span[1], q.marks[1]));
    if (closed && !opens && !/[,:;—–―-]\s*$/.test(text.slice(Math.max(0, q.marks[0] - 4), q.marks[0]))) continue;
    emit({ ...q, confidence: 0.3 });
  }
  return out;
}

/** Nothing but the paragraph start, or a sentence end (and closing marks), before the opening mark at `at`. */
export function opensSentence(text: string, paraStart: number, at: number): boolean {
  const from = Math.max(paraStart, at - 40);
  const before = text.slice(from, at);
  if (from === paraStart && !/[\p{L}\p{N}]/u.test(before)) return true;
  return /[.!?…:]["”’'»)\]]*\s*$/.test(before);
}

/** '"…," he said, "…"': between the donor's closing mark and `at` only its own attribution, ending in a comma or colon. */
function afterAttribution(text: string, donor: Quote, at: number): boolean {
  if (donor.kind !== "direct" || !donor.marks || donor.marks[1] > at) return false;
  const gap = text.slice(donor.marks[1], at);
  if (gap.length > 160 || /[.!?]\s/.test(gap) || !/[,:]\s*$/.test(gap)) return false;
  const inside = (s?: readonly [number, number]) => s !== undefined && donor.marks![1] <= s[0] && s[1] <= at;
  return inside(donor.speaker?.span) || inside(donor.cue?.span);
}

/** '"…," he said, "…"' seen from the first part: between `from` and the next quotation only that one's attribution, ending in a comma or colon. */
function beforeAttribution(text: string, from: number, next: Quote): boolean {
  if (next.kind !== "direct" || !next.marks || !next.cue || next.marks[0] < from) return false;
  const gap = text.slice(from, next.marks[0]);
  if (gap.length > 120 || /[.!?]\s/.test(gap) || !/[,:]\s*$/.test(gap)) return false;
  const inside = (s: readonly [number, number]) => from <= s[0] && s[1] <= next.marks![0];
  return next.speaker?.span !== undefined && inside(next.speaker.span) && inside(next.cue.span);
}

/** A cue whose verb is seldom one of speech ("sends", "shows"): it reports nothing inside another's report. */
const weakCue = (cue: string): boolean => {
  const verb = cueVerb(cue.split(/\s+/)[0]!.toLowerCase());
  return verb !== undefined && verb.rate < SPEECH_RATE;
};

/** Two quotes hung on the same written mention of their speaker ("X said, adding that …"). */
const sameMention = (a: Quote, b: Quote): boolean =>
  a.speaker?.span !== undefined && b.speaker?.span !== undefined && a.speaker.span[0] === b.speaker.span[0] && a.speaker.span[1] === b.speaker.span[1];

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
