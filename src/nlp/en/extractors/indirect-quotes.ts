// Indirect quotes: reported speech and thought ("X said (that) …", "…, said X", "according to X", "X told Y that …").
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { Span } from "../../../core/record.js";
import {
  LOOSE_RATE, THAT_RATE, Tokens, isFiniteForm, badContentStart, cueEnd, cueVerb, isCapitalised, isQuoteChar, looksLikeClause,
  speakerAfter, speakerBefore, trimContent, type SpeakerNP,
} from "./quote-common.js";

const SOURCE = "indirect-quotes";
// Tokens that may sit between a cue and its "that": an addressee or a time ("told reporters on Monday that").
// Commas may sit in the bridge ("says at a stop in Toledo, Ohio, that …"); verbs and clause words may not.
const BRIDGE_STOP = /^(?:[.;:!?()"“”]|is|are|was|were|has|have|had|will|would|could|can|may|might|and|but|if|because|when|while|which|who)$/;
const BRIDGE_MAX = 12;
// After a final "…, she said": what may follow the cue before the sentence ends ("in an interview", "on Monday").
const TAIL_MAX = 8;
const DETERMINER_START = /^(?:the|a|an|its|his|her|their|our|this|these|those|one|two|three|several|many|some)$/;
const TAIL_START = /^(?:in|on|at|during|after|before|when|while|last|this|earlier|told|adding|according)$/;
const STRONG_RATE = 0.3;
const MAX_CANDIDATES = 64;
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|earlier|later|again|also|repeatedly)$/;
const AUX = /^(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'re|'ve|'ll|'d|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|doesn't|didn't|don't)$/;
function hasAuxiliary(tk: Tokens, i: number, hi: number): boolean {
  for (let k = i; k < hi && k < i + 12; k++) if (AUX.test(tk.low(k))) return true;
  return false;
}
const SUBORDINATOR = /^(?:after|before|when|while|since|because|as|if|although|though|unless|until|once|whereas)$/;
const FINITE_START = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|do|does|did)$/;

interface Candidate {
  speaker: SpeakerNP;
  cue: Span;
  content: Span;
  confidence: number;
}

/** Direct-quote mark spans, sorted, to keep cues and contents out of (or wholly around) them. */
class Marks {
  constructor(private readonly spans: Span[]) {}
  /** the mark span containing pos, if any */
  inside(pos: number): Span | undefined {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![1] <= pos) lo = mid + 1;
      else hi = mid;
    }
    const s = this.spans[lo];
    return s && s[0] <= pos && pos < s[1] ? s : undefined;
  }
  /** true when [a, b) cuts through a quotation (overlaps one without containing it) */
  cuts(a: number, b: number): boolean {
    const x = this.inside(a);
    const y = this.inside(Math.max(a, b - 1));
    return (x !== undefined && x[0] < a) || (y !== undefined && y[1] > b);
  }
  overlaps(a: number, b: number): boolean {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![1] <= a) lo = mid + 1;
      else hi = mid;
    }
    const s = this.spans[lo];
    return s !== undefined && s[0] < b;
  }
}

/** Index of the first quote whose cue starts after pos (binary search over quotes sorted by cue). */
function firstCueAfter(cued: readonly Quote[], pos: number): number {
  let lo = 0;
  let hi = cued.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cued[mid]!.cue!.span[0] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentenceEnd(tk: Tokens, s0: number, s1: number): number {
  let e = s1;
  while (e > s0 && (tk.isPunct(e - 1))) e--;
  return e;
}

export function extractIndirectQuotes(doc: Document, direct: readonly Quote[]): Quote[] {
  const text = doc.text;
  const tk = new Tokens(doc);
  const markSpans = direct.filter((q) => q.marks).map((q) => q.marks!).sort((a, b) => a[0] - b[0]);
  const marks = new Marks(markSpans);
  // cues already used to attribute a direct quote are not cues of reported speech too
  const usedCue = new Set(direct.filter((q) => q.cue).map((q) => q.cue!.span[0]));
  const cued = direct.filter((q) => q.cue && q.marks).sort((a, b) => a.cue!.span[0] - b.cue!.span[0]);
  const out: Quote[] = [];
  const paragraphs = doc.get("paragraph");
  let lastParagraph = -1;
  for (const s of doc.get("sentence")) {
    const s0 = s.tokenStart;
    const s1 = s.tokenEnd;
    const opensParagraph = s.paragraph !== lastParagraph;
    lastParagraph = s.paragraph;
    // "Name: words" opening a paragraph: a headline attribution or a transcript turn
    if (opensParagraph && s1 - s0 >= 4) {
      const turn = speakerTurn(tk, text, s0, s1, paragraphs[s.paragraph]!.span[1]);
      if (turn && !marks.overlaps(turn.content[0], turn.content[1])) {
        const content = trimContent(text, turn.content);
        out.push({
          id: "", kind: turn.transcript ? "direct" : "indirect", text: text.slice(content[0], content[1]), span: content,
          cue: { text: ":", span: turn.cue }, speaker: { name: turn.speaker.name, span: turn.speaker.span },
          confidence: 0.5, source: SOURCE, paragraph: s.paragraph, attribution: "cue",
        });
        continue;
      }
    }
    if (s1 - s0 < 4) continue;
    const end = sentenceEnd(tk, s0, s1);
    const cands: Candidate[] = [];
    for (let i = s0; i < s1; i++) {
      if (!tk.isWord(i)) continue;
      const low = tk.low(i);
      if (low !== "according" && cueVerb(low) === undefined) continue;
      if (usedCue.has(tk.start(i)) || marks.inside(tk.start(i))) continue;
      if (low === "according" && i + 1 < s1 && tk.low(i + 1) === "to") {
        const c = accordingTo(tk, text, s0, i, end);
        if (c) cands.push(c);
        continue;
      }
      const cv = cueVerb(low);
      if (!cv || cv.rate < THAT_RATE) continue;
      if (isCapitalised(tk.word(i)) && i > s0) continue;
      const e = cueEnd(tk, i, s1);
      const b = finalCue(tk, text, s0, i, e, end, cv.rate);
      if (b) {
        cands.push(b);
        continue;
      }
      const a = speakerFirst(tk, text, s0, i, e, end, cv.rate);
      if (a) cands.push(a);
    }
    // one reading per words: the widest report wins ("X said Y believes Z" is X's quote); a
    // "sentence" with hundreds of cues is no prose, and only its first candidates are weighed
    if (cands.length > MAX_CANDIDATES) cands.length = MAX_CANDIDATES;
    cands.sort((x, y) => y.content[1] - y.content[0] - (x.content[1] - x.content[0]));
    const taken: Span[] = [];
    for (const c of cands) {
      // a direct quotation with its own cue inside the report ends it: '… because "…," she said.'
      for (let n = firstCueAfter(cued, c.content[0]); n < cued.length && cued[n]!.cue!.span[0] < c.content[1]; n++) {
        const q = cued[n]!;
        if (q.marks && q.marks[1] <= q.cue!.span[0] && q.marks[0] > c.content[0]) {
          c.content = [c.content[0], q.marks[1]];
          break;
        }
      }
      const y = marks.inside(Math.max(c.content[0], c.content[1] - 1));
      if (y && y[1] > c.content[1] && y[0] >= c.content[0]) c.content = [c.content[0], y[1]];
      const [a, b] = [Math.min(c.content[0], c.cue[0], c.speaker.span[0]), Math.max(c.content[1], c.cue[1], c.speaker.span[1])];
      if (taken.some((t) => t[0] < b && a < t[1])) continue;
      if (marks.cuts(c.content[0], c.content[1]) || marks.overlaps(c.speaker.span[0], c.speaker.span[1])) continue;
      let content = trimContent(text, c.content);
      // a leading conjunction links to the sentence before; it is not what was said ("But …, she said")
      const lead = /^(?:and|but|so|yet|or)\b,?\s+/i.exec(text.slice(content[0], Math.min(content[1], content[0] + 6)));
      if (lead && c.content[0] < c.cue[0]) content = [content[0] + lead[0].length, content[1]];
      // a quotation that ends the report keeps its closing mark (balanced marks read better)
      if (/^[”"'’»]/.test(text.slice(content[1], content[1] + 1)) && /[“"«]/.test(text.slice(content[0], content[1]))) content = [content[0], content[1] + 1];
      if (content[1] <= content[0]) continue;
      taken.push([a, b]);
      out.push({
        id: "",
        kind: "indirect",
        text: text.slice(content[0], content[1]),
        span: content,
        cue: { text: text.slice(c.cue[0], c.cue[1]), span: c.cue },
        speaker: { name: c.speaker.name, span: c.speaker.span },
        confidence: c.confidence * (c.speaker.pronoun ? 0.9 : 1),
        source: SOURCE,
        paragraph: s.paragraph,
        attribution: "cue",
      });
    }
  }
  return out;
}

/** "X (aux/adv) CUE [addressee] (that) CONTENT." */
function speakerFirst(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  const speaker = speakerBefore(tk, text, s0, i) ?? participleSubject(tk, text, s0, i, rate);
  if (!speaker) return undefined;
  let c = e;
  let that = false;
  if (c < end && tk.low(c) === "that") {
    c++;
    that = true;
  } else {
    // weak cues bridge only a short object ("raised the alarm that"), speech verbs an addressee and a time
    const bridge = rate < STRONG_RATE ? 4 : BRIDGE_MAX;
    for (let k = c; k < end && k < c + bridge; k++) {
      const l = tk.low(k);
      if (l === "that" && k > c) {
        c = k + 1;
        that = true;
        break;
      }
      if (BRIDGE_STOP.test(l) || (k > c && isFiniteForm(l))) break;
    }
  }
  if (!that && rate < LOOSE_RATE) return undefined;
  // "said Friday he would …": a time word between cue and clause is neither
  while (!that && c < end && TIME_WORD.test(tk.low(c))) c++;
  if (c < end && !that && SUBORDINATOR.test(tk.low(c)) && c > e) return undefined; // "said Friday as he left"
  if (c >= end || end - c < 3) return undefined;
  const first = tk.low(c);
  if (isQuoteChar(first) || tk.isPunct(c) || badContentStart(first)) return undefined;
  // "U.S. estimates suggest …": a verb right after the would-be cue makes it the subject's noun
  if (!that && (cueVerb(first) || FINITE_START.test(first) || isFiniteForm(first))) return undefined;
  if (!looksLikeClause(tk, c, end)) return undefined;
  // a weak cue without "that" needs an auxiliary to show its clause ("believe figures are …"), not
  // just any verb form ("the trains passed shelters …")
  if (!that && rate < STRONG_RATE && !hasAuxiliary(tk, c, end)) return undefined;
  // in a subordinate clause ("after X warned that …, Y did …") the report ends at the clause's comma
  let stop = end;
  if (speaker.from > s0 && SUBORDINATOR.test(tk.low(speaker.from - 1))) {
    for (let k = c + 1; k < end && k < c + 80; k++) {
      if (tk.word(k) === ",") {
        stop = k;
        break;
      }
    }
  }
  return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: that ? 0.75 : 0.7 };
}

/**
 * "Trump attacked the plan on Monday, saying it would fail": a participle cue after a comma reports
 * for the subject of its sentence (the name that opens it, followed by its verb).
 */
function participleSubject(tk: Tokens, text: string, s0: number, i: number, rate: number): SpeakerNP | undefined {
  if (i - 1 <= s0 || tk.word(i - 1) !== "," || !/ing$/.test(tk.low(i)) || rate < STRONG_RATE) return undefined;
  const np = speakerAfter(tk, text, s0, i - 1);
  if (!np || np.to >= i - 1 || !tk.isWord(np.to) || isCapitalised(tk.word(np.to))) return undefined;
  if (!(np.pronoun || isCapitalised(tk.word(np.from)))) return undefined;
  return np;
}

/** "CONTENT, CUE X." / "CONTENT, X CUE (tail)." — the report first, its source at the end. */
function finalCue(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  if (rate < LOOSE_RATE) return undefined;
  // "…, said X."
  if (i - 1 > s0 && tk.word(i - 1) === ",") {
    const speaker = speakerAfter(tk, text, e, end + 1);
    if (!speaker) return undefined;
    // a source, not any noun: a name, a pronoun or a determined phrase ("said the agency")
    if (!speaker.pronoun && !isCapitalised(tk.word(speaker.from)) && !DETERMINER_START.test(tk.low(speaker.from))) return undefined;
    const next = speaker.to < end ? tk.low(speaker.to) : ".";
    if (!(speaker.to >= end || next === "," || TAIL_START.test(next))) return undefined;
    if (!looksLikeClause(tk, s0, i - 1) || i - 1 - s0 < 3 || badContentStart(tk.low(s0))) return undefined;
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(s0), tk.end(i - 2)], confidence: 0.7 };
  }
  // "…, X said (in an interview)(, as …)."
  let tail = e;
  while (tail < end && tk.word(tail) !== ",") {
    if (tk.low(tail) === "that" || cueVerb(tk.low(tail)) || tail - e >= TAIL_MAX) return undefined;
    tail++;
  }
  const speaker = speakerBefore(tk, text, s0, i);
  if (!speaker || speaker.from - 1 <= s0 || tk.word(speaker.from - 1) !== ",") return undefined;
  const cEnd = speaker.from - 1;
  if (badContentStart(tk.low(s0))) return undefined;
  if (cEnd - s0 >= 3 && looksLikeClause(tk, s0, cEnd)) {
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(s0), tk.end(cEnd - 1)], confidence: 0.7 };
  }
  // a medial attribution: "The museum, Mr. Bush said, will tell …" — the report is the whole sentence
  if (cEnd - s0 >= 1 && tail < end && end - tail > 3 && !SUBORDINATOR.test(tk.low(tail + 1)) && !/ing$/.test(tk.low(tail + 1))) {
    if (looksLikeClause(tk, tail + 1, end) || looksLikeClause(tk, s0, end)) {
      return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(s0), tk.end(end - 1)], confidence: 0.65 };
    }
  }
  return undefined;
}

// Labels that end with a colon without being anyone's words.
const NOT_SPEAKER = /^(?:update|updated|note|editor|editors|correction|related|photo|photos|video|watch|read|source|sources|image|caption|credit|listen|subscribe|advertisement|warning|spoiler|disclosure|analysis|opinion|exclusive|breaking|live|explainer|factbox|timeline|comment|review|q|a)$/i;

/** "Marco Rubio: I'm not interested" / "WALLACE: Let's start …" at the start of a paragraph. */
function speakerTurn(tk: Tokens, text: string, s0: number, s1: number, paraEnd: number): { speaker: SpeakerNP; cue: Span; content: Span; transcript: boolean } | undefined {
  if (!isCapitalised(tk.word(s0)) || NOT_SPEAKER.test(tk.word(s0))) return undefined;
  const speaker = speakerAfter(tk, text, s0, Math.min(s1, s0 + 6));
  if (!speaker || speaker.to >= s1 || tk.word(speaker.to) !== ":" || speaker.to - s0 > 4) return undefined;
  for (let k = s0; k < speaker.to; k++) if (tk.t.kind[k] === 1 && !isCapitalised(tk.word(k))) return undefined;
  const c = speaker.to + 1;
  if (s1 - c < 3) return undefined;
  const transcript = speaker.to - s0 === 1 && /^\p{Lu}{2,}$/u.test(tk.word(s0));
  return { speaker, cue: [tk.start(speaker.to), tk.end(speaker.to)], content: [tk.start(c), transcript ? paraEnd : tk.end(s1 - 1)], transcript };
}

/** "According to X, CONTENT." / "CONTENT, according to X." */
function accordingTo(tk: Tokens, text: string, s0: number, i: number, end: number): Candidate | undefined {
  const speaker = speakerAfter(tk, text, i + 2, end + 1);
  if (!speaker) return undefined;
  const cue: Span = [tk.start(i), tk.end(i + 1)];
  let k = i - 1;
  while (k >= s0 && /^(?:but|and|yet|so)$/.test(tk.low(k))) k--;
  if (k < s0) {
    if (speaker.to < end && tk.word(speaker.to) === "," && end - speaker.to > 3) {
      return { speaker, cue, content: [tk.start(speaker.to + 1), tk.end(end - 1)], confidence: 0.75 };
    }
    return undefined;
  }
  const cEnd = tk.word(i - 1) === "," ? i - 1 : i;
  if (cEnd - s0 < 3) return undefined;
  return { speaker, cue, content: [tk.start(s0), tk.end(cEnd - 1)], confidence: 0.75 };
}

export const indirectQuotes: Stage = {
  name: "indirectQuotes",
  kind: "extractor",
  requires: ["sentence", "token", "quote"],
  provides: ["quote"],
  run(doc: Document) {
    const direct = doc.get("quote");
    doc.set("quote", [...direct, ...extractIndirectQuotes(doc, direct)]);
  },
};
