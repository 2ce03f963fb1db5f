// Indirect quotes: reported speech and thought ("X said (that) …", "…, said X", "according to X", "X told Y that …").
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, deadlineCheck, type Stage } from "../../../core/pipeline.js";
import type { Span } from "../../../core/record.js";
import {
  LOOSE_RATE, SPEECH_RATE, THAT_RATE, Tokens, afterThat, isCueNoun, isNegation, LY_NOUN, NEGATED_AUX, phraseNP, isTitleDot, isFiniteForm, badContentStart, cueEnd, cueVerb, isCapitalised, isQuoteChar, looksLikeClause,
  speakerAfter, speakerBefore, trimContent, clauseSubject, relativeSubject, verbLikeEnding, type SpeakerNP,
} from "./quote-common.js";
import { cueScoreAbove } from "../attribution/cue-model.js";
import { chooseBounds } from "../attribution/content-bounds.js";
import { chainCue, cliticStart, goOnChain, isBeForm, lightVerbCue, mediumCue, readyChain } from "../attribution/cue-span.js";
import { askedReport, auxChainReport, negatedReport, nounUse } from "../attribution/cue-readers.js";
import { cueVoice, isCueSubject } from "../attribution/voice.js";
import { medialQuotation } from "../attribution/medial-quotation.js";
import { cutKeepsReport, embeddedEnd, objectEnd, subjectGoesOn } from "../attribution/content-ends.js";
import { asideSubject, dashAsideSubject } from "../attribution/aside-subject.js";
import { isWorkTitle } from "../refiners/quote-continuation.js";

const SOURCE = "indirect-quotes";
// Tokens that may sit between a cue and its "that": an addressee or a time ("told reporters on Monday that").
// Commas may sit in the bridge ("says at a stop in Toledo, Ohio, that …"); verbs and clause words may not.
const BRIDGE_STOP = /^(?:[.;:!?()]|is|are|was|were|has|have|had|will|would|could|can|may|might|and|but|if|because|when|while|which|who)$/;
const BRIDGE_MAX = 12;
// After a final "…, she said": what may follow the cue before the sentence ends ("in an interview", "on Monday").
const TAIL_MAX = 8;
const DETERMINER_START = /^(?:the|a|an|its|his|her|their|our|this|these|those|one|two|three|several|many|some)$/;
const TAIL_START = /^(?:in|on|at|during|after|before|when|while|last|this|earlier|told|adding|according)$/;
const STRONG_RATE = 0.3;
// Verbs with an addressee before their clause ("told reporters he would …").
const ADDRESSEE_VERB = /^(?:tell|assure|inform|remind|warn|promise|convince|persuade|reassure|notify|advise)$/;
const OBJECT_PRONOUN = /^(?:me|him|her|us|them|you|reporters|supporters|voters|viewers|listeners|lawmakers)$/;
const PRONOUNS_SUBJECT = /^(?:i|he|she|it|we|they|you|there)$/;
const MAX_CANDIDATES = 64;
const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|earlier|later|again|also|repeatedly)$/;
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const DAY_PART = /^(?:night|morning|afternoon|evening)$/;
const PERIOD = /^(?:week|month|year|weekend|night|morning|afternoon|evening)$/;
/**
 * "pledged Saturday to …", "said on Monday he …", "announced last week the …": the day or time written right after
 * the verb dates the report; PolNeAR leaves it out of both the cue and the content. The token after it, or k when
 * none stands at k. (Not before a comma, where PolNeAR keeps it in the content, nor before a verb, whose subject it
 * is: "said this year will be …".)
 */
function timeAfter(tk: Tokens, k: number, end: number): number {
  let m = k;
  if (/^(?:on|late|early)$/.test(tk.low(m))) m++;
  if (m < end && WEEKDAY.test(tk.low(m))) {
    m++;
    if (m < end && DAY_PART.test(tk.low(m))) m++;
  } else if (m === k && /^(?:last|this|earlier)$/.test(tk.low(m))) {
    if (tk.low(m) === "earlier" && tk.low(m + 1) === "this") m++;
    if (m + 1 >= end || !PERIOD.test(tk.low(m + 1))) return k;
    m += 2;
  } else return k;
  // (nor a possessive's: "condemned Friday's test")
  if (m >= end || tk.isPunct(m) || tk.finite(m) || /^['’]s$/.test(tk.low(m))) return k;
  return m;
}
const AUX = /^(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'re|'ve|'ll|'d|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|doesn't|didn't|don't)$/;
function hasAuxiliary(tk: Tokens, i: number, hi: number): boolean {
  for (let k = i; k < hi && k < i + 12; k++) if (AUX.test(tk.low(k))) return true;
  return false;
}
// A bridge that opens with a preposition ("at a campaign stop in Toledo, Ohio, that …") holds nouns, not verbs.
const PP_START = /^(?:at|during|in|on|before|after|from|with|to|following|amid)$/;
// Words after which a finite-looking word in such a bridge is still a verb ("at the time he left that …").
const SUBJECT_WORD = /^(?:he|she|it|they|we|i|you|who|which|that)$/;
const SUBORDINATOR = /^(?:after|before|when|while|since|because|as|if|although|though|unless|until|once|whereas)$/;
const FINITE_START = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|do|does|did)$/;

interface Candidate {
  speaker: SpeakerNP;
  /** the subject of an earlier verb the cue is coordinated with ("He claimed X and said Y"): shared, not claimed */
  coordinated?: boolean;
  cue: Span;
  content: Span;
  confidence: number;
  /** the content as the reader found it, not for the boundary rankers to move */
  fixed?: boolean;
  /** a participle inside the aside between its subject and the main verb ("X, citing Y, said …"): it stands there */
  aside?: boolean;
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
  // (a percent sign is its number's: "a record 41%.")
  while (e > s0 && tk.isPunct(e - 1) && tk.word(e - 1) !== "%") e--;
  return e;
}

// The cue classifier's score above which an unknown or weak verb is read as a cue (tuned on PolNeAR dev).
const MODEL_THRESHOLD = 0;
const MODEL_CONFIDENCE = 0.5;
// A verb right before "that" with a subject before it is a report at a lower score ("history teaches that …"; tuned on
// PolNeAR train: -3 adds 9 reports and 9 gold cues; -6 adds 11 more, nouns among them: "states that will …").
const THAT_FRAME_THRESHOLD = -3;
// object reports and classifier cues: weighed after the clause reports
const WEAK_CONFIDENCE = 0.55;
const MODEL_OBJECT_THRESHOLD = 0;
// Function words the classifier is not asked about (cue heads are verbs and nouns; asking costs time).
const NOT_CUE = new Set(
  ("the and that for with from this have has had was were are not but its his her their they them there which who " +
    "would will could should been being into about than also more most some such only other when what where").split(" "),
);

/**
 * "advisers were optimistic that …", "she was adamant that …": an adjective after "be" (perhaps past an adverb: "were
 * quietly confident") with a "that" clause states its subject's stance, a report when the classifier says so (it is
 * asked about such adjectives only). An "'s" may also be a possessive, and the noun after it the message it names
 * ("Trump's suggestion that …"): a report of that owner too.
 */
function stanceAdjective(tk: Tokens, s0: number, i: number, s1: number): boolean {
  if (i + 1 >= s1 || tk.low(i + 1) !== "that" || !tk.isWord(i) || isCapitalised(tk.word(i))) return false;
  let k = i - 1;
  if (k > s0 && /^(?:[a-z]{3,}ly|so|very|quite|more|most|fairly|increasingly|also|not|still|now)$/.test(tk.low(k))) k--;
  return k > s0 && isBeForm(tk.low(k));
}

/** The classifier's score (against MODEL_THRESHOLD) of the last token asked, kept for the next reader to ask about it. */
interface ScoreMemo {
  tk: Tokens;
  i: number;
  score: number;
}
function memoScore(memo: ScoreMemo, tk: Tokens, i: number, s0: number, s1: number): number {
  if (memo.i !== i || memo.tk !== tk) {
    memo.tk = tk;
    memo.i = i;
    memo.score = cueScoreAbove(tk, i, s0, s1, false, MODEL_THRESHOLD);
  }
  return memo.score;
}

// a permission to speak ("not authorized to comment"): no report, whatever the speech verb after it
const PERMISSION = /^(?:authori[sz]ed|permitted|allowed|cleared)$/;
const PERMITTED_SPEECH = /^(?:speak|discuss|comment|talk|reveal|disclose|describe|release|share)$/;

export function extractIndirectQuotes(doc: Document, allDirect: readonly Quote[], useModel = true): Quote[] {
  const text = doc.text;
  // (a quoted title of a show or work is nobody's words, and its cue none: 'X, host of "Morning Show," suggested …')
  const direct = allDirect.filter((q) => !isWorkTitle(text, q));
  const tk = Tokens.of(doc);
  const markSpans = direct.filter((q) => q.marks).map((q) => q.marks!).sort((a, b) => a[0] - b[0]);
  const marks = new Marks(markSpans);
  // cues already used to attribute a direct quote are not cues of reported speech too
  const usedCue = new Set(direct.filter((q) => q.cue).map((q) => q.cue!.span[0]));
  const cued = direct.filter((q) => q.cue && q.marks).sort((a, b) => a.cue!.span[0] - b.cue!.span[0]);
  const out: Quote[] = [];
  const paragraphs = doc.get("paragraph");
  let lastParagraph = -1;
  // the per-word loop of a long sentence checks the time budget too (a 100,000-character "sentence" is one turn)
  const tick = deadlineCheck(doc, 128);
  // (the classifier's score of a token is asked once, whichever reader asks first)
  const memo: ScoreMemo = { tk, i: -1, score: 0 };
  for (const s of doc.get("sentence")) {
    checkDeadline(doc);
    const s0 = s.tokenStart;
    const s1 = s.tokenEnd;
    const opensParagraph = s.paragraph !== lastParagraph;
    lastParagraph = s.paragraph;
    // "Name: words" opening a paragraph: a headline attribution or a transcript turn
    if (opensParagraph && s1 - s0 >= 4) {
      const turn = speakerTurn(tk, text, s0, s1, paragraphs[s.paragraph]!.span[1]);
      if (turn && !marks.overlaps(turn.content[0], turn.content[1])) {
        let content = trimContent(text, turn.content);
        // a quotation that ends the turn keeps its closing mark and the stop inside it ("X: Y ‘Not Fit To Serve.’")
        if (!turn.transcript) content = [openingMark(text, content), closingMark(text, content)];
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
    // classifier cues no pattern read (token, cue end pairs): reported on their own after the patterns' reports
    const bare: number[] = [];
    let titleCase: boolean | undefined;
    for (let i = s0; i < s1; i++) {
      // a "sentence" with hundreds of cues is no prose: only its first candidates are weighed (and kept linear)
      if (cands.length >= MAX_CANDIDATES) break;
      tick();
      if (!tk.isWord(i)) continue;
      const low = tk.low(i);
      const cv = tk.cue(i);
      // the classifier is asked about verb-like words only (a known cue, a finite form, -ed/-ing/-s): it is the costly part
      const modelAsk = useModel && low.length > 2 && (cv !== undefined || verbLikeEnding(low) || tk.finite(i) || stanceAdjective(tk, s0, i, s1)) && !NOT_CUE.has(low);
      // "In a new poll released Sunday, 54 percent …": a poll in a fronted "in" phrase is a source
      if (i === s0 && low === "in") {
        const c = pollReport(tk, text, s0, i, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "was eager to make his mark": an adjective of eagerness states what its subject wants done
      if (EAGER.test(low)) {
        const c = eagerReport(tk, text, s0, i, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      if (low !== "according" && cv === undefined && !modelAsk) continue;
      if (usedCue.has(tk.start(i)) || marks.inside(tk.start(i))) continue;
      // "the network's show", "a new report compares …": a noun, not a cue (attribution/cue-readers.ts)
      if (nounUse(tk, i, s0, s1, isFiniteForm)) continue;
      // "who was not authorized to discuss the case": leave to speak, the stock reason for anonymity, reports nothing
      if (PERMISSION.test(low) && i + 2 < s1 && tk.low(i + 1) === "to" && PERMITTED_SPEECH.test(tk.low(i + 2))) continue;
      if (low === "according" && i + 1 < s1 && tk.low(i + 1) === "to") {
        const c = accordingTo(tk, text, s0, s1, i, end);
        if (c) cands.push(c);
        continue;
      }
      // a capitalised cue inside a sentence is a name ("Says Hill"), unless the sentence is a headline in title case
      if (isCapitalised(tk.word(i)) && i > s0 && !(titleCase ??= isTitleCase(tk, s0, s1))) continue;
      const e = cueEnd(tk, i, s1);
      // "Noting that …, Tester added": a participle opening the sentence reports for the subject after its clause
      if (i - s0 <= 1 && /[a-z]ing$/.test(low) && ((cv?.rate ?? 0) >= STRONG_RATE || (modelAsk && memoScore(memo, tk, i, s0, s1) > MODEL_THRESHOLD))) {
        const c = frontedParticiple(tk, text, s0, i, e, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "Salceda, citing data from X, said …": a participle set off between the subject and its verb reports for it
      if (/[a-z]ing$/.test(low) && i - 2 >= s0 && tk.word(i - 1) === "," && ((cv?.rate ?? 0) >= STRONG_RATE || (modelAsk && memoScore(memo, tk, i, s0, s1) > MODEL_THRESHOLD))) {
        const c = asideParticiple(tk, text, s0, i, e, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "As reported by X, …": a passive "as" clause opening the sentence names the source after "by"
      if (cv && cv.rate >= STRONG_RATE && i > s0 && e < end && tk.low(e) === "by") {
        const c = asReportedBy(tk, text, s0, i, e, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "the deal, which Mr. Putin opposed, …": a relative pronoun is the object of a stance verb with no object of its own
      if ((cv?.rate ?? 0) >= THAT_RATE || (modelAsk && memoScore(memo, tk, i, s0, s1) > MODEL_THRESHOLD)) {
        const c = relativeObject(tk, text, s0, i, e, end);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "would not say whether …", "did not mention X": a negated speech verb and what it left open (cue-readers.ts)
      const neg = cv ? negatedReport(tk, text, s0, i, e, end, (c, stop) => reportEnd(tk, c, stop)) : undefined;
      if (neg) {
        cands.push(neg);
        continue;
      }
      if (cv && cv.rate >= THAT_RATE) {
        const c = finalCue(tk, text, s0, s1, i, e, end, cv.rate) ?? speakerFirst(tk, text, s0, i, e, end, cv.rate) ?? objectReport(tk, text, s0, i, e, end, cv.rate);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // "called on X to …", "spoke of …", "pointed to …": a verb and the preposition that governs what was reported
      if (cv && PREPOSITION_VERBS.has(cv.lemma)) {
        const c = prepositionReport(tk, text, s0, i, e, end, cv.rate);
        if (c) {
          cands.push(c);
          continue;
        }
      }
      // the learned cue classifier for verbs the lexicon calls weak or does not know ("wants", "vied", "pledged")
      // (only compared with the thresholds: a score that cannot exceed MODEL_THRESHOLD is cut short, same decisions)
      let score = modelAsk ? memoScore(memo, tk, i, s0, s1) : -Infinity;
      if (modelAsk && score <= MODEL_THRESHOLD) score = Math.max(score, leadScore(tk, i, s0, s1));
      if (score > MODEL_THRESHOLD) {
        // a clause says what was reported; a bare object needs a surer cue ("published its report" is no report)
        const c = finalCue(tk, text, s0, s1, i, e, end, 1) ?? speakerFirst(tk, text, s0, i, e, end, 1) ??
          (score > MODEL_OBJECT_THRESHOLD ? objectReport(tk, text, s0, i, e, end, 1) : undefined);
        if (c) {
          c.confidence = Math.min(c.confidence, MODEL_CONFIDENCE);
          cands.push(c);
          continue;
        }
      }
      // "X fumed that …": a subject, the verb and its "that"-clause make a weaker classifier score enough
      if (modelAsk && score <= MODEL_THRESHOLD && e < end && tk.low(e) === "that" && cueScoreAbove(tk, i, s0, s1, false, THAT_FRAME_THRESHOLD) > THAT_FRAME_THRESHOLD) {
        const c = speakerFirst(tk, text, s0, i, e, end, 1);
        if (c) {
          c.confidence = Math.min(c.confidence, MODEL_CONFIDENCE);
          cands.push(c);
          continue;
        }
      }
      // a cue after a clitic ("He's claiming …", "they've argued …"): attribution/cue-readers.ts
      const x = (cv?.rate ?? 0) >= THAT_RATE || score > MODEL_THRESHOLD ? auxChainReport(tk, text, s0, i, e, end, score > MODEL_THRESHOLD ? 1 : (cv?.rate ?? 0), (c, stop) => reportEnd(tk, c, stop)) : undefined;
      if (x) {
        cands.push(x);
        continue;
      }
      // '…, McConnell said in June, citing …': a participle after a comma reports for the speaker just named
      const p = (cv?.rate ?? 0) >= STRONG_RATE || score > MODEL_THRESHOLD ? participleReport(tk, text, s0, i, e, end, cands, cued) : undefined;
      if (p) cands.push(p);
      // ("… she said when asked whether …": a question asked is read whatever the classifier makes of "asked")
      else if ((score > BARE_THRESHOLD || (low === "asked" && askedReport(tk, text, s0, i, end))) && bare.length < 2 * MAX_CANDIDATES) bare.push(i, e);
    }
    // one reading per words: the widest report wins ("X said Y believes Z" is X's quote); a
    // "sentence" with hundreds of cues is no prose, and only its first candidates are weighed
    if (cands.length > MAX_CANDIDATES) cands.length = MAX_CANDIDATES;
    // a negated verb read by the general readers ("did not want to …") is a weaker report than the one around it
    for (const c of cands) if (negatedCue(tk, c.cue) !== c.cue) c.confidence = Math.min(c.confidence, WEAK_CONFIDENCE);
    coordinate(tk, text, cands);
    // lexicon reports with a clause first, then the weaker readings (a bare object, a classifier's cue)
    const weak = (c: Candidate): number => (c.confidence <= WEAK_CONFIDENCE ? 1 : 0);
    cands.sort((x, y) => weak(x) - weak(y) || y.content[1] - y.content[0] - (x.content[1] - x.content[0]));
    const taken: Span[] = [];
    const takenSpeakers: Span[] = [];
    // the asides between a speaker and its cue ("Barkley, | who said X, | said Y"), where a report of its own may stand
    const asides: Span[] = [];
    for (const c of cands) {
      const own = Math.min(c.content[0], c.cue[0]);
      if (c.speaker.span[1] < own && /^\s*,[^]*,\s*$/.test(text.slice(c.speaker.span[1], own))) asides.push([c.speaker.span[1], own]);
    }
    for (const c of cands) {
      // a direct quotation with its own cue inside the report ends it: '… because "…," she said.'
      for (let n = firstCueAfter(cued, c.content[0]); n < cued.length && cued[n]!.cue!.span[0] < c.content[1]; n++) {
        const q = cued[n]!;
        if (q.marks && q.marks[1] <= q.cue!.span[0] && q.marks[0] > c.content[0]) {
          c.content = [c.content[0], q.marks[1]];
          break;
        }
        // '… to resign and said, "…"': a speech verb coordinated after the report introduces a quotation of its own
        const v = tk.at(q.cue!.span[0]);
        if (q.marks && q.marks[0] >= q.cue!.span[1] && v - 1 > tk.at(c.content[0]) && /^(?:and|but)$/.test(tk.low(v - 1))) {
          let k = v - 1;
          while (k - 1 > tk.at(c.content[0]) && tk.word(k - 1) === ",") k--;
          c.content = [c.content[0], tk.end(k - 1)];
          break;
        }
      }
      const y = marks.inside(Math.max(c.content[0], c.content[1] - 1));
      if (y && y[1] > c.content[1] && y[0] >= c.content[0]) c.content = [c.content[0], y[1]];
      // a content after its cue: the trained rankers may move its start past an addressee or end it before an aside
      if (useModel && c.content[0] >= c.cue[1] && !c.fixed) c.content = modelBounds(tk, marks, s0, end, c.cue, c.content);
      // "asked Trump if …", "told them why …": the person asked is no part of the question
      if (c.content[0] >= c.cue[1]) c.content = pastAskedObject(tk, c.cue, c.content);
      // a report inside a fronted adjunct or a relative clause ends before the main clause (attribution/content-ends.ts)
      c.content = embeddedContent(tk, marks, s0, c.cue, c.content);
      // a subject shared by coordinated reports ("He claimed X and said Y") may be claimed twice
      const shared = c.speaker.span[1] <= Math.min(c.cue[0], c.content[0]) &&
        (c.coordinated === true || takenSpeakers.some((t) => t[0] === c.speaker.span[0] && t[1] === c.speaker.span[1]));
      const a = Math.min(c.content[0], c.cue[0], shared ? Infinity : c.speaker.span[0]);
      let b = Math.max(c.content[1], c.cue[1], c.speaker.span[1]);
      // a report whose content runs into a report taken after it ("refuses to discuss X, aside from saying Y") ends
      // before that report's clause (PolNeAR nests no report in another's content), rather than being dropped
      const cut = c.content[0] >= c.cue[1] ? trimBefore(tk, text, taken, c.content) : undefined;
      if (cut) {
        c.content = cut;
        b = Math.max(c.content[1], c.cue[1], c.speaker.span[1]);
      }
      // "Barkley, who said X, said Y": a speaker set off from its cue by an aside (an apposition, a relative clause)
      // holds the speaker and the report, not the aside between them, where a report of its own may stand
      const own = Math.min(c.content[0], c.cue[0]);
      const aside = !shared && asides.some((g) => g[0] === c.speaker.span[1] && g[1] === own);
      // ("Noting that …, Tester added …": a fronted participle's subject is the main clause's, which holds it, so the
      // participle's report holds only its own words)
      const fronted = c.coordinated === true && c.speaker.span[0] >= Math.max(c.content[1], c.cue[1]);
      const occupied: Span[] = aside ? [c.speaker.span, [own, b]] : fronted ? [[own, Math.max(c.content[1], c.cue[1])]] : [[a, b]];
      if (taken.some((t) => occupied.some((o) => t[0] < o[1] && o[0] < t[1]))) continue;
      // (only a speech verb's report stands inside such an aside: "who said X", not "who has sent pleas on X's behalf")
      // (nor a passive: "who is reviled by X")
      if (!c.aside && asides.some((g) => g[0] <= a && b <= g[1]) && ((tk.cue(tk.at(c.cue[0]))?.rate ?? 0) < STRONG_RATE || /^(?:is|are|was|were|be|been|being)$/.test(tk.low(tk.at(c.cue[0]) - 1)))) continue;
      if (marks.cuts(c.content[0], c.content[1]) || marks.overlaps(c.speaker.span[0], c.speaker.span[1])) continue;
      let content = trimContent(text, c.content);
      // a leading conjunction or discourse adverb links to the sentences before; it is not what was said ("But …, she
      // said", "In fact, …, according to X": PolNeAR train leaves such an adverb out 23 times of 24)
      // (a medial report whose only words before its source are the link, "Instead, she said, …", keeps it: PolNeAR
      // then marks it as the content's first piece, and without it the report would open at its source)
      if (c.content[0] < c.cue[0]) {
        const unlinked = withoutLinkLead(text, content);
        if (unlinked[0] < Math.min(c.speaker.span[0], c.cue[0])) content = unlinked;
      }
      // a quotation that ends the report keeps its closing mark (balanced marks read better)
      // with the punctuation inside it ('is “true,”', "policy.''"), as PolNeAR spans keep them
      content = [openingMark(text, content), closingMark(text, content)];
      content = [content[0], closedEnd(text, content)];
      if (content[1] <= content[0]) continue;
      // "continued to insist that …": a chain head's cue runs on through its second verb (attribution/cue-span.ts)
      const chain = chainCue(tk, c.cue, content);
      if (chain === null) continue;
      if (chain) ({ cue: c.cue, content } = chain);
      // "made clear that …", "shot back that …": a light verb's cue takes its tail (attribution/cue-span.ts)
      const light = lightVerbCue(tk, c.cue, content);
      if (light) ({ cue: c.cue, content } = light);
      const cue = light ? undefined : prepositionCue(tk, c.cue, content);
      if (cue) {
        content = [tk.start(tk.at(cue[1])), content[1]];
        c.cue = cue;
      }
      // "issued a statement saying …": the cue starts at the verb that put the medium out (attribution/cue-span.ts)
      const medium = mediumCue(tk, c.cue, c.speaker.span);
      if (medium) c.cue = medium;
      withClitic(tk, text, c);
      if (shared) taken.push([Math.min(c.content[0], c.cue[0]), b]);
      else taken.push(...occupied);
      takenSpeakers.push(c.speaker.span);
      // "Turnout is expected to rise", "Melania seems to have vanished", "X was asked …": the subject reports nothing
      // (attribution/voice.ts); "The issue was first reported by The Washington Post": the agent reports, the subject is what it reported
      const voiced = passiveVoice(tk, text, s0, end, c.cue, content, c.speaker);
      if (voiced) content = voiced.content;
      // (after the voice is read: "is not expected" is a passive)
      c.cue = negatedCue(tk, c.cue);
      const agent = voiced?.speaker;
      const raised = voiced !== undefined;
      out.push({
        id: "",
        kind: "indirect",
        text: text.slice(content[0], content[1]),
        span: content,
        ...(voiced?.asides ? { asides: voiced.asides } : {}),
        cue: { text: text.slice(c.cue[0], c.cue[1]), span: c.cue },
        ...(agent ? { speaker: { name: agent.name, span: agent.span } } : raised ? {} : { speaker: { name: c.speaker.name, span: c.speaker.span } }),
        confidence: c.confidence * (c.speaker.pronoun ? 0.9 : 1),
        source: SOURCE,
        paragraph: s.paragraph,
        attribution: "cue",
      });
    }
    for (let n = 0; n < bare.length; n += 2) {
      // ("Asked whether …, X said": the question asked, attribution/cue-readers.ts)
      const c = askedReport(tk, text, s0, bare[n]!, end) ?? bareReport(tk, text, s0, bare[n]!, bare[n + 1]!, end);
      if (!c) continue;
      c.content = embeddedContent(tk, marks, s0, c.cue, c.content);
      // ("went on to say …": a light verb's tail is its cue's here too, attribution/cue-span.ts)
      const light = c.content[0] >= c.cue[1] ? lightVerbCue(tk, c.cue, c.content) : undefined;
      if (light) ({ cue: c.cue, content: c.content } = light);
      if (c.speaker) withClitic(tk, text, c as { cue: Span; speaker: SpeakerNP });
      // a passive or raising cue's subject is nobody's source (attribution/voice.ts)
      const voiced = passiveVoice(tk, text, s0, end, c.cue, c.content, c.speaker);
      if (voiced) {
        c.content = voiced.content;
        c.speaker = voiced.speaker;
      }
      const writerAsides = voiced?.asides;
      c.cue = negatedCue(tk, c.cue);
      // a quotation that ends the report keeps its closing mark and the stop inside it, as in the readings above ("X
      // Says Y ‘Makes You Want To Leave.’", 'described it as "a lesser problem."'); not a quotation with a cue of its
      // own inside the report ('Asked …, she said, "…"': the quotation is hers, read by the direct quotes)
      const closed = closingMark(text, c.content);
      const q0 = firstCueAfter(cued, c.content[0]);
      if (closed > c.content[1] && !(q0 < cued.length && cued[q0]!.cue!.span[0] < c.content[1])) c.content = [c.content[0], closed];
      c.content = [c.content[0], closedEnd(text, c.content)];
      const a = Math.min(c.content[0], c.cue[0], c.speaker?.span[0] ?? Infinity);
      const b = Math.max(c.content[1], c.cue[1], c.speaker?.span[1] ?? 0);
      // (a classifier's cue inside a taken report's aside is no report of its own: "X, who is reviled by Y, said …")
      if (taken.some((t) => t[0] < b && a < t[1]) || asides.some((g) => g[0] <= a && b <= g[1])) continue;
      // a quotation may stand whole inside a reported clause ('vowed to "take our fight" to …', 'alleged that the DNC
      // "failed …"'), not inside a bare object ('waved copies of "…"': the narration's borrowed phrase) nor elsewhere
      if (marks.overlaps(a, b) && (marks.cuts(c.content[0], c.content[1]) || marks.overlaps(c.cue[0], c.cue[1]) ||
        (c.speaker && marks.overlaps(c.speaker.span[0], c.speaker.span[1])) || !clauseReport(tk, c.content))) continue;
      taken.push([a, b]);
      out.push({
        id: "", kind: "indirect", text: text.slice(c.content[0], c.content[1]), span: c.content, ...(writerAsides ? { asides: writerAsides } : {}),
        cue: { text: text.slice(c.cue[0], c.cue[1]), span: c.cue }, ...(c.speaker ? { speaker: { name: c.speaker.name, span: c.speaker.span } } : {}),
        confidence: BARE_CONFIDENCE, source: SOURCE, paragraph: s.paragraph, attribution: "cue",
      });
    }
    // "X is widely seen as Y": an agentless passive of judgement reports a view held widely, nobody's in particular
    for (let i = s0 + 2; i < end; i++) {
      if (tk.low(i) !== "widely") continue;
      const w = widelyReport(tk, text, s0, i, end);
      if (!w || taken.some((t) => t[0] < w.content[1] && w.content[0] < t[1]) || marks.overlaps(w.content[0], w.content[1])) continue;
      taken.push(w.content);
      out.push({
        id: "", kind: "indirect", text: text.slice(w.content[0], w.content[1]), span: w.content, asides: [w.cue],
        cue: { text: text.slice(w.cue[0], w.cue[1]), span: w.cue }, confidence: BARE_CONFIDENCE, source: SOURCE, paragraph: s.paragraph, attribution: "cue",
      });
    }
    // 'An economic downturn, he said, "could be a good time …"': the lead and the quotation are one report
    for (let n = firstCueAfter(cued, s.span[0]); n < cued.length && cued[n]!.cue!.span[0] < s.span[1]; n++) {
      const q = cued[n]!;
      const span = medialQuotation(text, s.span, q, tk.end(end - 1), (l) => withoutLinkLead(text, l)[0] >= l[1]);
      if (!span || taken.some((t) => t[0] < q.marks![0] && span[0] < t[1])) continue;
      taken.push([span[0], q.marks![0]]);
      out.push({
        id: "", kind: "indirect", text: text.slice(span[0], span[1]), span, cue: { ...q.cue! },
        speaker: { name: q.speaker!.name, span: q.speaker!.span! }, confidence: 0.7, source: SOURCE, paragraph: s.paragraph, attribution: "cue",
      });
    }
  }
  return out;
}

/**
 * The content shortened to end before the first taken report that starts inside it (back to the comma or the
 * conjunction that joins them, when one is near), or undefined when no taken report starts inside it after its
 * first words, or one starts before it.
 */
function trimBefore(tk: Tokens, text: string, taken: readonly Span[], content: Span): Span | undefined {
  let at = Infinity;
  for (const t of taken) {
    if (!(t[0] < content[1] && content[0] < t[1])) continue;
    if (t[0] <= content[0]) return undefined;
    at = Math.min(at, t[0]);
  }
  if (at === Infinity) return undefined;
  // back to a comma, a semicolon or a dash within a few words ("…, aside from | saying …"), else just before the report
  const stop = tk.at(at);
  let k = stop - 1;
  while (k > tk.at(content[0]) && stop - k <= 4 && !/^(?:,|;|—|–|-)$/.test(tk.word(k))) k--;
  const mark = /^(?:,|;|—|–|-)$/.test(tk.word(k)) && k > tk.at(content[0]) + 1;
  let end = mark ? tk.start(k) : at;
  // (and the conjunction that joins them: "… and | he said …"); a cut at neither would end mid-phrase, and is not made
  const tail = /(?:[\s,]+(?:and|but|or|while|whereas|because))?[\s,]*$/i.exec(text.slice(content[0], end));
  if (!mark && !(tail && /[a-z]/i.test(tail[0]))) return undefined;
  if (tail) end -= tail[0].length;
  return tk.at(end) - tk.at(content[0]) >= 2 ? [content[0], end] : undefined;
}

/**
 * A passive or raising cue (attribution/voice.ts): its subject is nobody's source. The report's speaker (its agent,
 * "was first reported by X", or none) and content: the subject joins a content after the cue ("Turnout | is expected |
 * to rise"), or is the whole content when an agent reports it. `undefined` for an active cue or another phrase's speaker.
 */
function passiveVoice(tk: Tokens, text: string, s0: number, end: number, cue: Span, content: Span, speaker: SpeakerNP | undefined): { speaker?: SpeakerNP; content: Span; asides?: Span[] } | undefined {
  const voice = cueVoice(tk, text, s0, end, cue, content, speaker?.span);
  if (!voice || (speaker && !isCueSubject(tk, text, voice, speaker.span, cue))) return undefined;
  const subject = voice.subject !== undefined && (!speaker || voice.reduced || speaker.span[0] >= tk.start(voice.subject)) ? voice.subject : undefined;
  if (subject === undefined) {
    // (no subject found, none read: nothing to take away, "the bill, known as “…” was passed by Congress")
    if (!speaker) return undefined;
    // the subject the reader found is what the agent reported ("X was first reported by Y"), when the report follows the cue
    if (voice.agent && speaker && content[0] >= cue[1]) return { speaker: voice.agent, content: speaker.span };
    return { speaker: voice.agent, content };
  }
  if (voice.agent) return { speaker: voice.agent, content: [tk.start(subject), tk.end(voice.subjectEnd!)] };
  // (an aside between the subject and its verb is the writer's: "The bank, | which cut rates twice, | is expected to …")
  const asides: Span[] | undefined = voice.aside ? [[tk.start(voice.aside[0]), tk.end(voice.aside[1])]] : undefined;
  return { content: [tk.start(subject), content[1]], ...(asides ? { asides } : {}) };
}

// What may open a sentence before its participle ("After arguing that …, his team …", "In describing X, Cuban said").
const PARTICIPLE_LEAD = /^(?:after|before|while|when|in|by|upon|since)$/;
const FRONTED_MAX = 40;
/**
 * "Noting that only one senator voted with them, Tester added …", "After arguing that …, his team is …": a participle
 * clause opening the sentence shares the main clause's subject, which is its source; its report runs to the comma.
 */
function frontedParticiple(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): Candidate | undefined {
  if (i > s0 && !PARTICIPLE_LEAD.test(tk.low(s0))) return undefined;
  if (e >= end || tk.isPunct(e)) return undefined;
  let k = e;
  while (k < end && k - e < FRONTED_MAX && tk.word(k) !== "," && tk.word(k) !== ";" && tk.word(k) !== ":") k++;
  if (k >= end || tk.word(k) !== ",") return undefined;
  // (read past the participle's clause as a fronted adjunct, so the subject may open lower-case: "the senator")
  const subject = clauseSubject(tk, text, s0, end) ?? clauseSubject(tk, text, k + 1, end);
  if (!subject || subject.np.from !== k + 1) return undefined;
  return { speaker: subject.np, coordinated: true, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(e), tk.end(k - 1)], confidence: 0.55 };
}

// Relative pronouns that may be the object of the verb of their clause ("which he denies", "whom voters distrust").
const OBJECT_RELATIVE = /^(?:which|whom)$/;
// How far before its verb such a pronoun may stand (tokens): past a long subject ("which the state's two senators …").
const RELATIVE_REACH = 16;
// What may follow a verb whose object is the relative pronoun: the clause's end, or a time or manner adverb before it.
const CLAUSE_CLOSE = /^(?:[,.;:)]|-|--|—|–|―|and|but)$/;
/**
 * "the trade deal, which Mr. Putin vehemently opposed, …", "the senator whom even other senators hate": a relative
 * pronoun before a subject and a stance or speech verb that takes no other object is what that subject reported on;
 * PolNeAR's content is the pronoun alone (not after a preposition: "in which he said …" has a clause of its own).
 */
function relativeObject(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): Candidate | undefined {
  // (a finite verb: a participle's subject is no relative clause's)
  if (/[a-z]ing$/.test(tk.low(i)) || (!tk.finite(i) && !/ed$/.test(tk.low(i)))) return undefined;
  // (no relative pronoun a subject's length before the verb: settled without reading the subject, for nearly every cue)
  let near = false;
  for (let k = i - 2; k >= s0 && k >= i - RELATIVE_REACH && !near; k--) near = OBJECT_RELATIVE.test(tk.low(k));
  if (!near) return undefined;
  const speaker = speakerBefore(tk, text, s0, i);
  if (!speaker || speaker.from - 1 <= s0) return undefined;
  const r = speaker.from - 1;
  // (not "that", whose clause is as often a complement: "the claim that he denied")
  // (nor after a verb, whose question it opens: "asked whom he backed")
  if (!OBJECT_RELATIVE.test(tk.low(r)) || ADJUNCT_PREPOSITION.test(tk.low(r - 1)) || /^(?:of|to|about|into|upon)$/.test(tk.low(r - 1)) || tk.cue(r - 1) || tk.finite(r - 1)) return undefined;
  // (a passive has no object to leave out: "which was first reported by X")
  for (let k = speaker.to; k < i; k++) if (/^(?:is|are|was|were|be|been|being)$/.test(tk.low(k))) return undefined;
  let k = e;
  while (k < end && k - e < 4 && (TIME_WORD.test(tk.low(k)) || WEEKDAY.test(tk.low(k)) || /^[a-z]{3,}ly$/.test(tk.low(k)))) k++;
  if (k < end && !CLAUSE_CLOSE.test(tk.word(k).toLowerCase())) return undefined;
  return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(r), tk.end(r)], confidence: 0.6, fixed: true };
}

// How far a participle's aside may run before the comma that closes it (tokens).
const ASIDE_PARTICIPLE_MAX = 30;
/**
 * "Salceda, citing data from the State Department, said …", "Mr. Biden, recalling weekly breakfasts with her,
 * described …": a participle opening an aside between a subject and its verb reports for that subject; its report
 * is its object, up to the comma that closes the aside (attribution/aside-subject.ts reads the subject).
 */
function asideParticiple(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): Candidate | undefined {
  let k = e;
  while (k < end && k - i <= ASIDE_PARTICIPLE_MAX && tk.word(k) !== ",") k++;
  if (k <= e || k + 1 >= end || tk.word(k) !== ",") return undefined;
  // the main verb after the aside (perhaps after an adverb: "…, also said")
  let v = k + 1;
  while (v < end && /^(?:also|then|later|again|[a-z]{3,}ly)$/.test(tk.low(v))) v++;
  if (v >= end || isCapitalised(tk.word(v)) || !(tk.finite(v) || AUX.test(tk.low(v)) || /^[a-z]{3,}ed$/.test(tk.low(v)))) return undefined;
  const subject = asideSubject(tk, text, afterLinkLead(tk, text, s0, i), k + 1);
  // (a preposition after it names the medium or the occasion, no report: "writing in The Times", "reporting for X")
  if (!subject || subject.to !== i - 1 || tk.isPunct(e) || isQuoteChar(tk.word(e)) || ADJUNCT_PREPOSITION.test(tk.low(e))) return undefined;
  return { speaker: subject, coordinated: true, aside: true, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(e), tk.end(k - 1)], confidence: 0.55, fixed: true };
}

// Words a PolNeAR cue opens with before its verb that the classifier's training did not pass over (its head is the
// first word after auxiliaries and a few listed adverbs): manner adverbs ("barely mentioned", "cynically likened"),
// "now", "long", a floated "all"/"both", a perfect's "since".
const CUE_LEAD = /^(?:[a-z]{3,}ly|now|long|all|both|since)$/;
// "-ly" words that are no adverbs: the nouns speakerBefore knows (LY_NOUN), adjectives, "only"
const LY_ADJECTIVE = /^(?:only|early|likely|daily|weekly|monthly|yearly|friendly|holy|elderly)$/;
/**
 * The classifier's score of the word before token i when it is such a lead word: the model learned the lead as the
 * cue's first word (and the verb after it as no cue start), so the lead's score speaks for the verb.
 */
function leadScore(tk: Tokens, i: number, s0: number, s1: number): number {
  const a = i - 1;
  if (a < s0 || !CUE_LEAD.test(tk.word(a)) || LY_NOUN.has(tk.word(a)) || LY_ADJECTIVE.test(tk.word(a))) return -Infinity;
  return cueScoreAbove(tk, a, s0, s1, false, MODEL_THRESHOLD);
}

// A classifier cue this sure stands on its own when no pattern reads it ("as police have said", "Asked about X, …"):
// its report is the clause after it (or the sentence before it when it ends the sentence), its speaker the noun
// phrase before it when there is one (tuned on PolNeAR dev).
const BARE_THRESHOLD = 4;
const BARE_CONFIDENCE = 0.4;

// Objects of a speech verb that say nothing reported ("said goodbye", "said so", "said nothing").
const NO_MESSAGE = /^(?:goodbye|hello|hi|thanks|grace|yes|no|sorry|so|nothing|little|much|something|anything)$/;
/** An object that is what was reported, not the medium it came in or the verb's idiom ("said goodbye", "issued a statement"). */
function messageObject(tk: Tokens, c: number, end: number): boolean {
  const first = tk.low(c);
  if (NO_MESSAGE.test(first) || SUBORDINATOR.test(first) || TIME_WORD.test(first) || FINITE_START.test(first)) return false;
  // "published its report", "issued a statement": a determiner and the medium
  if (DETERMINER_START.test(first)) for (let k = c + 1; k < end && k < c + 3; k++) if (MEDIUM.test(tk.low(k)) || /^statements?$/.test(tk.low(k))) return false;
  return true;
}

// A closing mark right after a report, perhaps after the punctuation it encloses: ',”', ".''", '’' (not a possessive's).
const CLOSING = /^[,.!?]?(?:''|[”"»]|[’'](?![\p{L}\p{N}]))/u;
// An opening mark inside the report: a curly or guillemet opener, a typewriter pair, a straight mark before a word.
const OPENING = /[“«‘]|``|''|(?:^|[\s(—-])["'](?=[\p{L}\p{N}])/u;

/** The end of a report that ends inside a quotation it opened: past the closing mark, else its own end. */
function closingMark(text: string, content: Span): number {
  const m = CLOSING.exec(text.slice(content[1], content[1] + 3));
  if (!m || !OPENING.test(text.slice(content[0], content[1]))) return content[1];
  return content[1] + m[0].length;
}

// Abbreviations whose dot a sentence's full stop also is ("in San Diego, Calif.", "at 7 p.m."): the report keeps it.
const ABBREVIATION_END = /(?:^|[\s(,])(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash|Wis|Wyo|N\.[HJMYCD]|D\.C|U\.S|U\.K|S\.[CD]|R\.I|W\.Va|[ap]\.m|Jr|Sr|Inc|Co|Corp|Ltd)$/;

/**
 * The end of a report at the sentence's close, past what the sentence's punctuation took from it: the dot of an
 * abbreviation ("… in San Diego, Calif.") and the parenthesis closing one opened inside it ("… the treaty (TPP)").
 */
function closedEnd(text: string, content: Span): number {
  const b = content[1];
  const next = text[b];
  if (next === "." && !/\S/.test(text[b + 1] ?? "") && ABBREVIATION_END.test(text.slice(Math.max(content[0], b - 8), b))) return b + 1;
  if (next === ")") {
    const inner = text.slice(content[0], b);
    if (inner.split("(").length > inner.split(")").length) return b + 1;
  }
  return b;
}

// An opening mark right before a report: a curly or guillemet opener, a typewriter pair, a straight mark.
const OPENER_BEFORE = /(?:[“«‘]|``|''|["'])$/;
// A closing mark inside the report that no opening mark inside it matches: ',” in sharp contrast to …'.
const CLOSER = /[”»]|''|"|[’'](?![\p{L}\p{N}])/u;
const OPENER = /[“«‘]|``|(?:^|[\s(—-])(?:''|["'])(?=[\p{L}\p{N}])/u;

/** The start of a report whose words close a quotation opened just before it: back over the opening mark. */
function openingMark(text: string, content: Span): number {
  const m = OPENER_BEFORE.exec(text.slice(Math.max(0, content[0] - 2), content[0]));
  if (!m) return content[0];
  const inner = text.slice(content[0], content[1]);
  const close = CLOSER.exec(inner);
  if (!close || close.index === 0 || OPENER.test(inner.slice(0, close.index))) return content[0];
  return content[0] - m[0].length;
}

// Words that link a sentence to the ones before it, opening a report that precedes its cue: a conjunction, or a
// discourse adverb with its comma ("In fact, …", "Still, …", "By contrast, …"). Not a bare "so" ("So far …", "So are
// …"), "instead" or "of course": PolNeAR train keeps those in the report (gold starts: "So" 14 in, 1 out; "Instead" 6
// in, 0 out; "Of course" 4 in, 1 out).
const LINK_LEAD = /^(?:(?:and|but|yet|or)\b,?|so,|(?:in fact|in contrast|by contrast|still|even so|indeed|meanwhile|however|moreover|nevertheless|nonetheless|also|separately|after all|in addition|additionally|furthermore|similarly|likewise|at the same time|on the other hand|as a result|besides|in short|in other words|thus|therefore),)\s+/i;

// A dateline: a city in capitals (its state, a date, the agency), then a spaced dash ("LOS ANGELES, Feb. 2 (UPI) — ").
const DATELINE = /^\p{Lu}{3,}(?:[ .'-]\p{Lu}{2,})*(?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?(?:,?\s+\p{Lu}\p{Ll}{2}\.?\s+\d{1,2})?(?:\s+\([\p{L} .]{2,20}\))?\s+(?:-{1,2}|[—–―])\s+/u;

/** A content before its cue without its opening linking words (two at most: "But in fact, …"). */
function withoutLinkLead(text: string, content: Span): Span {
  // (a dateline opening the story's first sentence is the wire's, not the report's: "WASHINGTON (Reuters) - …")
  const dateline = DATELINE.exec(text.slice(content[0], Math.min(content[1], content[0] + 60)));
  if (dateline && dateline[0].length < content[1] - content[0]) content = [content[0] + dateline[0].length, content[1]];
  for (let n = 0, lead; n < 2 && (lead = LINK_LEAD.exec(text.slice(content[0], Math.min(content[1], content[0] + 24)))); n++) {
    content = [content[0] + lead[0].length, content[1]];
  }
  return content;
}

/** The first token of a sentence starting at token s0 after its linking words ("In addition, …"), s0 when it has none. */
function afterLinkLead(tk: Tokens, text: string, s0: number, hi: number): number {
  const unlinked = withoutLinkLead(text, [tk.start(s0), tk.end(hi - 1)]);
  return unlinked[0] === tk.start(s0) ? s0 : tk.at(unlinked[0]);
}

// A verb this often a cue inverts its subject after a comma ("…, said X"; not "…, saw X").
const INVERTED_RATE = 0.5;
/** '…, said X.': a speech verb after a comma and a noun phrase running to the sentence end, the clause before it reported. */
function invertedReport(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): { cue: Span; content: Span; speaker: SpeakerNP } | undefined {
  if (i - 1 - s0 < 3 || tk.word(i - 1) !== "," || (tk.cue(i)?.rate ?? 0) < INVERTED_RATE || !tk.finite(i)) return undefined;
  const speaker = speakerAfter(tk, text, e, end, true);
  // (the phrase may run on in an apposition or a relative clause: "said Jo Li, a grower", "said voters who …")
  if (!speaker || (speaker.to < end && !/^(?:,|who|whose)$/.test(tk.low(speaker.to))) || !looksLikeClause(tk, s0, i - 1)) return undefined;
  const content = withoutLinkLead(text, trimContent(text, [tk.start(s0), tk.end(i - 2)]));
  return content[1] > content[0] ? { cue: [tk.start(i), tk.end(e - 1)], content, speaker } : undefined;
}

/** The report of a classifier cue no pattern read: cue, content, and the speaker before it when one is found. */
function bareReport(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): { cue: Span; content: Span; speaker?: SpeakerNP } | undefined {
  // "to say" is a plan, "so-called" a label, "the said property" no verb; "never said when …" reports nothing
  // (right after a quotation, a verb is the direct-quote stage's to read: '"reform package" passed')
  if (i > s0 && (tk.low(i - 1) === "to" || tk.word(i - 1) === "-" || DETERMINER_START.test(tk.low(i - 1)) || isQuoteChar(tk.word(i - 1)))) return undefined;
  for (let k = i - 1; k >= s0 && k >= i - 4 && (AUX.test(tk.low(k)) || isNegation(tk.low(k)) || /ly$/.test(tk.low(k))); k--) {
    if (isNegation(tk.low(k)) || /n't$/.test(tk.low(k))) return undefined;
  }
  // '…, said six-million voters who lost their coverage.': an inverted attribution the patterns did not take; the
  // phrase after the cue is who spoke, the clause before the comma what was reported
  const inverted = invertedReport(tk, text, s0, i, e, end);
  if (inverted) return inverted;
  // ("… before explaining why …", "risks X by dismissing him as …": a participle shares its clause's subject)
  const speaker = subjectBefore(tk, text, s0, i) ?? participleSubject(tk, text, s0, i, STRONG_RATE);
  // "is described as …": a passive with a preposition after it labels a thing rather than reports
  const passive = i > s0 && /^(?:is|are|was|were|be|been|being)$/.test(tk.low(i - 1));
  let c = afterThat(tk, e, end);
  // ("X, a spokesman, said after a lunch on Tuesday that …": a time or a place before the "that"; not an object)
  if (c === e && (PP_START.test(tk.low(c)) || TIME_WORD.test(tk.low(c)) || ADDRESSEE_VERB.test(tk.cue(i)?.lemma ?? ""))) {
    const b = thatBridge(tk, i, c, end, tk.cue(i)?.rate ?? 0);
    if (b && !b.nounPhrase) c = b.c;
  }
  // ("… — told The Huffington Post he's not planning …": an addressee, then the clause, as speakerFirst reads it)
  if (c === e && ADDRESSEE_VERB.test(tk.cue(i)?.lemma ?? "")) {
    const o = OBJECT_PRONOUN.test(tk.low(c)) ? c + 1 : (speakerAfter(tk, text, c, end)?.to ?? c);
    if (o > c && o < end && (PRONOUNS_SUBJECT.test(tk.low(o)) || /^(?:he|she|it|they|we|i)['’]/.test(tk.low(o)) || DETERMINER_START.test(tk.low(o)))) c = o;
  }
  let content: Span | undefined;
  if (end - c >= 2 && !tk.isPunct(c) && !isQuoteChar(tk.word(c))) {
    // a clause, or an object that is a message: not "said goodbye", "published its report", "described as 5'11\""
    let stop = reportEnd(tk, c, end);
    const clause = looksLikeClause(tk, c, stop);
    if (clause) stop = reportEnd(tk, c, end, true);
    // (an object ends before the day or the occasion of its speaking: attribution/content-ends.ts)
    if (!clause && c === e) stop = objectEnd(tk, c, stop, end, tk.low(c) === "to");
    if (stop - c >= 2 && !(passive && tk.low(c) === "as") && (clause || messageObject(tk, c, end))) content = [tk.start(c), tk.end(stop - 1)];
  } else if (c >= end - 1 && speaker) {
    // the cue ends the sentence: the report is what comes before its speaker ("…, as police have said")
    let k = speaker.from - 1;
    while (k > s0 && (tk.isPunct(k) || /^(?:as|and|but)$/.test(tk.low(k)))) k--;
    if (k - s0 >= 3) content = [tk.start(s0), tk.end(k)];
  }
  if (!content) return undefined;
  content = trimContent(text, content);
  // ("In fact, …, the poll found": the linking words are the writer's, as in the patterns' reports)
  if (content[0] < tk.start(i)) content = withoutLinkLead(text, content);
  content = [openingMark(text, content), content[1]];
  if (content[1] <= content[0]) return undefined;
  return { cue: [tk.start(i), tk.end(e - 1)], content, speaker };
}

const POLL_NOUN = /^(?:polls?|surveys?)$/;
const POLL_MAX = 16;
const POLL_PREPOSITION = /^(?:with|of|from|for|in|on|at|about|by|to|among|than)$/;
// a participle after the poll's comma describes the poll and belongs to the source ("…, conducted in May, …")
const POLL_PARTICIPLE = /^(?:conducted|released|published|taken|commissioned|carried|done|fielded)$/;
/**
 * "In a Gazette poll released Sunday, 54 percent of voters …": a poll or survey in a fronted "in" phrase reports the
 * clause after it (PolNeAR's cue "In"; the source is the phrase, with a participle phrase after its comma, ", conducted
 * in May,"). The content is the whole clause: the boundary rankers, trained on speech verbs, are not asked (`fixed`).
 * (A poll closing the sentence, "… leads by 8 points in the polls.", is mostly a race's standing: train 10 of 44 right.)
 */
function pollReport(tk: Tokens, text: string, s0: number, i: number, end: number): Candidate | undefined {
  let k = i + 1;
  let head = -1;
  while (k < end && k - i <= POLL_MAX && tk.word(k) !== ",") {
    if (tk.isPunct(k) && tk.word(k) !== "-" && tk.word(k) !== "/" && tk.word(k) !== "'s" && !isTitleDot(tk, k)) return undefined;
    if (head < 0 && POLL_NOUN.test(tk.low(k))) head = k;
    k++;
  }
  if (head < 0 || k >= end || tk.word(k) !== ",") return undefined;
  // the poll is the phrase's head, not a noun of a phrase inside it ("in a town with few polls")
  for (let m = i + 1; m < head; m++) if (POLL_PREPOSITION.test(tk.low(m))) return undefined;
  // the phrase opens with a determiner, a possessive or a name ("a", "the latest", "Monday's", "NBC's"), or is a plural
  const first = tk.low(i + 1);
  if (!(DETERMINER_START.test(first) || /^(?:most|recent|new|latest)$/.test(first) || isCapitalised(tk.word(i + 1)) || /s$/.test(tk.low(head)))) return undefined;
  let to = k;
  if (k + 1 < end && POLL_PARTICIPLE.test(tk.low(k + 1))) {
    let m = k + 1;
    while (m < end && m - k <= POLL_MAX && tk.word(m) !== ",") m++;
    if (m >= end) return undefined;
    k = m;
    to = m + 1;
  }
  if (end - k < 4 || !looksLikeClause(tk, k + 1, end)) return undefined;
  const speaker = phraseNP(tk, text, i + 1, to);
  if (!speaker) return undefined;
  return { speaker, cue: [tk.start(i), tk.end(i)], content: [tk.start(k + 1), tk.end(end - 1)], confidence: 0.6, fixed: true };
}

/** Whether a content is a clause: a complement ("that …", "to …", "whether …") or a subject with its verb. */
function clauseReport(tk: Tokens, content: Span): boolean {
  const c = tk.at(content[0]);
  return /^(?:that|to|whether|if|how|why|what)$/.test(tk.low(c)) || looksLikeClause(tk, c, tk.at(content[1] - 1) + 1);
}

// Verbs of asking and telling whose object comes before the question or the account ("asked Trump if …").
const ASK_VERB = /^(?:ask|tell|inform|remind|press|question|explain|quiz)$/;
// Words that open an indirect question (PolNeAR train: an object between "asked" and "if", "whether", "why", "how" or
// "what" is left out 39 times of 42; before "to" it is kept 29 of 33, "asked voters to …" is not changed here; "what",
// "who", "when" also open relative clauses, "asked about women who said …").
const QUESTION_WORD = /^(?:if|whether|why|how)$/;
/** A content after a verb of asking that opens with the person asked: from the question word on ("asked Trump if …"). */
function pastAskedObject(tk: Tokens, cue: Span, content: Span): Span {
  let asking = false;
  for (let k = tk.at(cue[0]); k < tk.count && tk.start(k) < cue[1]; k++) if (ASK_VERB.test(tk.cue(k)?.lemma ?? "")) asking = true;
  if (!asking) return content;
  const c = tk.at(content[0]);
  for (let k = c; k < c + 7 && k < tk.count && tk.start(k) < content[1]; k++) {
    const l = tk.low(k);
    if (QUESTION_WORD.test(l)) return k > c && tk.end(k) < content[1] ? [tk.start(k), content[1]] : content;
    // (the object is a noun phrase: no verb, clause word or punctuation but a possessive's)
    if ((!tk.isWord(k) && !/^['’]s?$/.test(tk.word(k))) || tk.finite(k) || AUX.test(l) || l === "that" || l === "to" || l === "and") return content;
  }
  return content;
}

/** The content ending before the main clause when its cue is inside an embedded clause (`embeddedEnd`). */
function embeddedContent(tk: Tokens, marks: Marks, s0: number, cue: Span, content: Span): Span {
  const b = tk.at(content[1]);
  const e = embeddedEnd(tk, s0, tk.at(cue[0]), tk.at(cue[1]), tk.at(content[0]), b);
  // (never through a quotation: the report would be dropped as cutting it)
  return e < b && !marks.cuts(content[0], tk.end(e - 1)) ? [content[0], tk.end(e - 1)] : content;
}

/** The content span the boundary rankers choose (content-bounds.ts), the rules' span when they are unsure or absent. */
function modelBounds(tk: Tokens, marks: Marks, s0: number, end: number, cue: Span, content: Span): Span {
  const start = tk.at(content[0]);
  const stop = tk.at(content[1]);
  if (stop > end || stop <= start) return content;
  const ctx = { tk, s0, end, cue0: tk.at(cue[0]), cue1: tk.at(cue[1]), start, stop };
  // (the rankers know no syntax: an end that would strand a subject without its verb is refused, content-ends.ts)
  const [a, b] = chooseBounds(ctx, (x, y) => !marks.cuts(tk.start(x), tk.end(y - 1)) && cutKeepsReport(tk, x, stop, y));
  return a === start && b === stop ? content : [tk.start(a), tk.end(b - 1)];
}

// Prepositions that govern what was reported ("pointed to X", "spoke about X", "described as X"): part of the cue.
const CUE_PREPOSITION = /^(?:to|of|about|as|with|on|against|into|for|from|over)$/;

/**
 * The cue with the preposition that opens its content ("pointed to", "spoke about"), when the content starts right
 * after the cue with one.
 */
function prepositionCue(tk: Tokens, cue: Span, content: Span): Span | undefined {
  const c0 = tk.at(cue[1]);
  const a = tk.at(content[0]);
  // the boundary ranker may have started the content past the preposition ("referring to | Barack Obama")
  // ("said about 20 people have …": a preposition before a number is the number's)
  if (a === c0 + 1 && CUE_PREPOSITION.test(tk.low(c0)) && a < tk.at(content[1]) && tk.t.kind[a] !== 2) return [cue[0], tk.end(c0)];
  if (a !== c0 || a + 2 >= tk.at(content[1])) return undefined;
  const head = tk.at(cue[0]);
  if (tk.low(head) === "according") return undefined;
  // (a verb's object before the preposition stays in the content: "accused | Holt of X", as PolNeAR train marks
  // 371 of 393 such reports of accuse, ask, blame, criticize, praise, warn and the like)
  if (!CUE_PREPOSITION.test(tk.low(a)) || tk.t.kind[a + 1] === 2) return undefined;
  // "to" before a verb is an infinitive: the plan is the content ("vowed to fight")
  const next = tk.low(a + 1);
  if (tk.low(a) === "to" && (isFiniteForm(next) || /^(?:be|have|do|make|get|take|keep|help|stop|end|fight|build|go|give|see|bring|win|raise|cut|pay|use)$/.test(next) || (!isCapitalised(tk.word(a + 1)) && !DETERMINER_START.test(next) && !/^(?:his|her|their|its|our|my|your|what|how|whether)$/.test(next) && !/s$/.test(next)))) return undefined;
  return [cue[0], tk.end(a)];
}

// Verbs whose report follows a preposition (PolNeAR's cue takes the preposition): lemma -> the prepositions.
const PREPOSITION_VERBS = new Map<string, RegExp>([
  ["call", /^(?:on|for)$/], ["speak", /^(?:of|about|out)$/], ["talk", /^about$/], ["point", /^to$/], ["warn", /^(?:of|about|against)$/],
  ["complain", /^about$/], ["write", /^(?:about|of)$/], ["argue", /^(?:for|against)$/], ["push", /^for$/], ["boast", /^(?:about|of)$/],
  ["joke", /^about$/], ["comment", /^on$/], ["insist", /^on$/], ["worry", /^about$/], ["rail", /^against$/], ["advocate", /^for$/],
  ["brag", /^about$/], ["testify", /^(?:about|on)$/], ["hint", /^at$/], ["vouch", /^for$/],
  ["refer", /^to$/], ["allude", /^to$/],
]);

/** "X called on Y to …", "X spoke of …": the cue is the verb with its preposition, the report what follows to its clause's end. */
function prepositionReport(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  // "spoke out about …", "spoke emotionally of …": a particle or an adverb may sit between the verb and its preposition
  let p = e;
  if (p + 1 < end && (tk.low(p) === "out" || /^[a-z]{3,}ly$/.test(tk.low(p)))) p++;
  if (!PREPOSITION_VERBS.get(tk.cue(i)!.lemma)!.test(tk.low(p))) return undefined;
  const from = p + 1;
  if (from + 1 >= end || (i > s0 && tk.low(i - 1) === "to")) return undefined;
  const first = tk.low(from);
  if (tk.isPunct(from) || isQuoteChar(first) || FINITE_START.test(first) || SUBORDINATOR.test(first)) return undefined;
  let coordinated = false;
  const speaker = subjectBefore(tk, text, s0, i) ?? ((coordinated = true), participleSubject(tk, text, s0, i, Math.max(rate, STRONG_RATE)) ?? coordinatedSubject(tk, text, s0, i, Math.max(rate, STRONG_RATE)));
  if (!speaker) return undefined;
  // (the preposition's object ends as a verb's does: attribution/content-ends.ts)
  const stop = objectEnd(tk, from, reportEnd(tk, from, end), end, false);
  if (stop <= from) return undefined;
  return { speaker, coordinated, cue: [tk.start(i), tk.end(p)], content: [tk.start(from), tk.end(stop - 1)], confidence: 0.55 };
}

/**
 * "he’s hoping …", "they've argued …": the report's cue starts at its pronoun's clitic (attribution/cue-span.ts), and a
 * speaker read as the whole "they've" token ends before it. `c` is changed in place.
 */
function withClitic(tk: Tokens, text: string, c: { cue: Span; speaker: SpeakerNP }): void {
  const clitic = cliticStart(tk, c.cue);
  if (clitic >= c.cue[0] || c.speaker.span[0] >= clitic) return;
  if (c.speaker.span[1] > clitic) {
    const span: Span = [c.speaker.span[0], clitic];
    c.speaker = { ...c.speaker, span, nameSpan: span, name: text.slice(span[0], span[1]) };
  }
  c.cue = [clitic, c.cue[1]];
}

// What may stand before a "not" in the verb's chain.
const NEGATED_CHAIN = /^(?:do|does|did|is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|shall|also|still)$/;
// What may stand between a negation and its verb ("did not immediately respond", "hasn't yet said").
const NEGATED_GAP = /^(?:yet|even|also|just|still|ever|always|immediately|publicly|directly|specifically|explicitly|necessarily|really|quite|fully)$/;
/**
 * "didn't respond to", "has not yet commented on": the negation before the verb is the cue's, so the record reads as
 * written (PolNeAR's cue carries it; the scorer widens "did not" over the auxiliary but not a one-token "didn't").
 */
function negatedCue(tk: Tokens, cue: Span): Span {
  let k = tk.at(cue[0]) - 1;
  while (k >= 0 && k >= tk.at(cue[0]) - 3 && NEGATED_GAP.test(tk.low(k))) k--;
  if (k < 0 || !(NEGATED_AUX.test(tk.low(k)) || /^(?:not|never)$/.test(tk.low(k)))) return cue;
  // …with the auxiliaries before a separate "not" ("did not say", "has also never said")
  let a = k;
  while (a - 1 >= 0 && a > k - 3 && !NEGATED_AUX.test(tk.low(k)) && NEGATED_CHAIN.test(tk.low(a - 1))) a--;
  while (a < k && !AUX.test(tk.low(a))) a++;
  return [tk.start(a), cue[1]];
}

/** A headline: nearly every longer word capitalised ("Lindsey Graham Says Trump Could Address Clean Energy"). */
function isTitleCase(tk: Tokens, s0: number, s1: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = s0; k < s1; k++) {
    if (!tk.isWord(k) || tk.word(k).length < 4) continue;
    words++;
    if (isCapitalised(tk.word(k))) caps++;
  }
  return words >= 3 && caps >= 0.8 * words;
}

// How far an adjunct set off by the complementiser's comma may run (tokens).
const SET_ADJUNCT_MAX = 40;
/** "that in 1998, Clinton allowed …": after a complementiser, a fronted phrase closed by a comma and then a clause. */
const ADJUNCT_PREPOSITION = /^(?:at|during|in|on|before|after|from|with|for|over|since|throughout|under|within|across|by)$/;
function frontedAdjunct(tk: Tokens, c: number, end: number, set = false): boolean {
  for (let k = c + 1; k < end && k < c + (set ? SET_ADJUNCT_MAX : 12); k++) {
    const w = tk.low(k);
    // (an adjunct the complementiser's comma sets off may hold commas, a parenthesis or a quotation of its own: "said
    // that, during the years when X and Y were partners, Y was …"; the clause follows one of its commas)
    if (w === "," && (!set || (k + 1 < end && looksLikeClause(tk, k + 1, end)))) return k + 1 < end && looksLikeClause(tk, k + 1, end);
    if (set && (w === "," || /^[()]$/.test(w) || isQuoteChar(w))) continue;
    if (tk.isPunct(k) || isQuoteChar(w)) return false;
    // without a comma ("said that for decades some critics had …", "that over the last five days he has begun"): a
    // preposition's short phrase, then a pronoun or a determined noun and its auxiliary
    if (k > c + 1 && ADJUNCT_PREPOSITION.test(tk.low(c)) && (AUX.test(tk.low(k + 1)) || AUX.test(tk.low(k + 2)))) {
      if (PRONOUNS_SUBJECT.test(w) && w !== "there" && w !== "it" && AUX.test(tk.low(k + 1))) return true;
      if (/^(?:some|many|most|the|these|those|several|all)$/.test(w) && tk.isWord(k + 1) && AUX.test(tk.low(k + 2))) return true;
    }
    // …or a capitalised or plural subject and a past tense ("that in one case Internet activists criticized his company")
    if (k > c + 2 && ADJUNCT_PREPOSITION.test(tk.low(c)) && /^[a-z]{3,}ed$/.test(tk.word(k)) && tk.finite(k) &&
      (isCapitalised(tk.word(k - 1)) || /[a-z]s$/.test(tk.low(k - 1)) || PRONOUNS_SUBJECT.test(tk.low(k - 1)))) return true;
  }
  return false;
}

// Subject pronouns (and their clitic forms): in a bridge they open the reported clause, an addressee is an object.
const BRIDGE_CLAUSE = /^(?:i|he|she|we|they|i'm|he's|she's|we're|they're|i’m|he’s|she’s|we’re|they’re)$/;

/**
 * "proposed new federal regulations that would end …", "to veto the bill that allows …": the "that" after the words
 * [c, k) is a relative pronoun, the subject of a verb right after it, so those words are a noun phrase it describes.
 */
function relativeThat(tk: Tokens, c: number, k: number, end: number): boolean {
  if (k + 1 >= end || !tk.isWord(c) || isCapitalised(tk.word(k - 1)) || OBJECT_PRONOUN.test(tk.low(k - 1)) || TIME_WORD.test(tk.low(k - 1)) || TIME_NOUN.test(tk.low(k - 1))) return false;
  if (/ly$/.test(tk.low(k - 1))) return false;
  const v = tk.low(k + 1);
  if (AUX.test(v)) return true;
  // (a plural noun may look like a verb: "complain that taxes are too high" has its verb after it)
  return tk.finite(k + 1) && !PRONOUNS_SUBJECT.test(v) && !DETERMINER_START.test(v) && !(k + 2 < end && (AUX.test(tk.low(k + 2)) || tk.finite(k + 2)));
}

// Words that open a noun phrase an object clause may complete ("no proof that", "the idea that", "policies that").
const NOUN_OPENING = /^(?:the|a|an|no|any|this|these|those|such|his|her|their|its|our|my|your|some)$/;
const TIME_NOUN = /^(?:day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|time|times|moment)$/;

// Verbs beyond STANCE_ON that answer a message they name ("rebutted the accusation that …", "struck down assertions that …").
const MESSAGE_STANCE = /^(?:rebut|refute|strike|knock|counter|offer|address|debunk|deflect|brush)$/;
// Nouns that name a message and take a "that" clause ("the rumors that …", "concerns that …").
const MESSAGE_NOUN = /^(?:rumou?rs?|concerns?|fears?|reports?|claims?|ideas?|notions?|beliefs?|suggestions?|accusations?|allegations?|assertions?|charges?|criticism|arguments?|assurances?|confirmations?|warnings?|news|speculation|theory|theories|contention|insistence|suspicions?|complaints?|predictions?)$/;

/**
 * The words [c, k) between a cue and its "that" are a noun phrase the clause belongs to ("disputes the idea that",
 * "want policies that"), not an addressee ("told reporters that"), a time ("said last week that") or a place.
 */
function nounComplement(tk: Tokens, c: number, k: number, lemma: string): boolean {
  if (k - c > 4 || ADDRESSEE_VERB.test(lemma) || lemma === "say" || TIME_NOUN.test(tk.low(k - 1))) return false;
  const first = tk.low(c);
  // "rejected rumors that …", "dismissed Sanders' accusations that …": a noun that names a message takes the clause
  // (a bare plural such a noun may also read as a verb: "rumors", "concerns")
  // (only after a verb that takes a stance on the message: "shared her belief that" is a speech act of its own)
  if (MESSAGE_NOUN.test(tk.low(k - 1)) && !PP_START.test(first) && (STANCE_ON.test(lemma) || MESSAGE_STANCE.test(lemma))) {
    for (let j = c; j < k - 1; j++) if (!tk.isWord(j) && !/^['’]s?$/.test(tk.word(j))) return false;
    return true;
  }
  if (!(NOUN_OPENING.test(first) || (k - c === 1 && /[a-z]s$/.test(first) && !isFiniteForm(first)))) return false;
  for (let j = c; j < k; j++) if (!tk.isWord(j) || isCapitalised(tk.word(j)) || OBJECT_PRONOUN.test(tk.low(j)) || TIME_WORD.test(tk.low(j))) return false;
  return true;
}

/**
 * "were more likely to say", "are less likely to believe": the token of the "be" that opens a comparative chain ending
 * in "likely to" right before the cue at i, else undefined.
 */
function likelyChain(tk: Tokens, s0: number, i: number): number | undefined {
  if (i - 3 < s0 || tk.low(i - 1) !== "to" || !/^(?:likely|unlikely)$/.test(tk.low(i - 2))) return undefined;
  let k = i - 3;
  while (k > s0 && i - k <= 6 && /^(?:more|less|most|least|much|far|slightly|somewhat|significantly|considerably|generally|also|still|even|twice|as|[a-z]{3,}ly)$/.test(tk.low(k))) k--;
  // (a comparison between groups reports a survey's answers; "she is likely to say" is the writer's forecast)
  let compared = false;
  for (let m = k + 1; m < i - 2; m++) if (/^(?:more|less|most|least)$/.test(tk.low(m))) compared = true;
  return compared && /^(?:is|are|was|were|be|been|'re|'s)$/.test(tk.low(k)) && k > s0 ? k : undefined;
}


// Words that open an adverbial aside set off by commas right after a cue ("said, in a statement, that").
const CUE_ASIDE_OPENING = /^(?:though|however|too|also|again|then|now|instead|meanwhile|moreover|furthermore|still|in|on|at|during|after|before|with|without|for|by|through|via|[a-z]{3,}ly)$/;
const CUE_ASIDE_MAX = 10;

/**
 * The token after an adverbial aside set off by commas right after the cue ending before token e ("added, though,
 * that …"), or e when none stands there (no quotation, no sentence break, no clause inside).
 */
function cueAside(tk: Tokens, e: number, end: number): number {
  if (e + 3 >= end || tk.word(e) !== "," || !CUE_ASIDE_OPENING.test(tk.low(e + 1))) return e;
  for (let m = e + 2; m < end && m <= e + CUE_ASIDE_MAX; m++) {
    const w = tk.word(m);
    if (w === ",") return m + 1 < end ? m + 1 : e;
    if (/^[.;:!?()]$/.test(w) || isQuoteChar(w) || BRIDGE_STOP.test(tk.low(m))) return e;
  }
  return e;
}

// Verbs of belief whose lexicon rate is low (most uses are no report) but whose bare clause complement is one.
const BELIEF = /^(?:think|guess|suspect|assume|reckon)$/;

/**
 * "told reporters on Monday that …", "said at a stop in Toledo, Ohio, that …": the "that" after an addressee, a time
 * or a place between the cue at i and its clause; c is the first word after the cue. Returns the content's first token
 * (after the "that"; the words from c on when they are a noun phrase the clause completes: "offered no proof that …",
 * "proposed new rules that would …"), or undefined when no such "that" follows.
 */
function thatBridge(tk: Tokens, i: number, c: number, end: number, rate: number): { c: number; nounPhrase: boolean } | undefined {
  // "said during a Friday evening rally in Michigan that …": a prepositional phrase's nouns may look like verbs ("rally", "stop")
  // (or one after the addressee: "telling reporters during a visit to Scotland on Friday that")
  let pp = PP_START.test(tk.low(c));
  const lemma = tk.cue(i)?.lemma ?? "";
  const addressee = ADDRESSEE_VERB.test(lemma) || lemma === "say";
  // weak cues bridge only a short object ("raised the alarm that"), speech verbs an addressee and a time
  let bridge = rate < STRONG_RATE ? 4 : BRIDGE_MAX;
  for (let k = c; k < end && k < c + bridge; k++) {
    // "said — on Twitter, as it happens — that …": a speech verb's dash aside is skipped whole (its own clause is no content)
    const close = addressee ? asideClose(tk, k, end) : -1;
    if (close > k) {
      bridge += close - k;
      k = close;
      continue;
    }
    const l = tk.low(k);
    if (k > c && addressee && l !== "to" && PP_START.test(l)) pp = true;
    if (l === "that" && k > c) {
      // "offered no proof that …", "disputes the idea that …": a noun the clause completes is part of the report,
      // and so is one a relative "that" describes ("proposed new rules that would end …": a verb right after it)
      if (!nounComplement(tk, c, k, lemma) && !relativeThat(tk, c, k, end)) return { c: k + 1, nounPhrase: false };
      return { c, nounPhrase: true };
    }
    // (a capitalised "May" inside the bridge is the month: "told reporters in May that")
    if ((BRIDGE_STOP.test(l) && !(k > c && tk.word(k) === "May")) || (k > c && isFiniteForm(l) && !(pp && tk.isWord(k - 1) && !SUBJECT_WORD.test(tk.low(k - 1))))) break;
    // a subject pronoun or a second speech verb opens the reported clause itself ("said he's hopeful that …",
    // "said Clinton reassured them that …"): its "that" is that clause's, not the cue's
    // (and a participle after a comma is a report of its own: "criticized X for Y, declaring that …")
    if (BRIDGE_CLAUSE.test(l) || (k > c && (tk.cue(k)?.rate ?? 0) >= STRONG_RATE && (/ed$/.test(l) || (/ing$/.test(l) && tk.word(k - 1) === ",")))) break;
  }
  return undefined;
}

/** The closing dash of a spaced dash aside opening at token k (at most ASIDE_MAX words), else -1. */
function asideClose(tk: Tokens, k: number, end: number): number {
  if (!DASH_WORD.test(tk.word(k)) || tk.start(k) === tk.end(k - 1)) return -1;
  for (let m = k + 2; m < end && m <= k + ASIDE_MAX; m++) {
    if (/^[.;:!?()]$/.test(tk.word(m))) return -1;
    if (DASH_WORD.test(tk.word(m)) && tk.start(m) !== tk.end(m - 1)) return m;
  }
  return -1;
}
const ASIDE_MAX = 12;

// Adjectives of eagerness whose "to" infinitive is what their subject wants (PolNeAR's cue is the "be" and the adjective).
const EAGER = /^(?:eager|keen)$/;
// Auxiliaries before the "be" of such an adjective, part of the cue ("have been eager", "will be keen").
const BE_AUX = /^(?:has|have|had|will|would|could|may|might|must|should|'ll|’ll|'d|’d)$/;

/**
 * "X was eager to assuage …": the "be" (with its auxiliary) and the adjective at i are the cue, the infinitive to the
 * end of its clause the content. Not before a speech verb ("was eager to say"): the cue then runs on through it
 * (attribution/cue-span.ts readyChain).
 */
function eagerReport(tk: Tokens, text: string, s0: number, i: number, end: number): Candidate | undefined {
  if (i + 3 >= end || tk.low(i + 1) !== "to" || !tk.isWord(i + 2) || (tk.cue(i + 2)?.rate ?? 0) >= THAT_RATE) return undefined;
  let k = i - 1;
  if (k > s0 && /^(?:so|very|more|less|too|all|also|not|still|[a-z]{3,}ly)$/.test(tk.low(k))) k--;
  if (k <= s0 || !isBeForm(tk.low(k))) return undefined;
  if (k - 1 > s0 && BE_AUX.test(tk.low(k - 1))) k--;
  const speaker = speakerBefore(tk, text, s0, k);
  if (!speaker) return undefined;
  // (the wish ends at its clause's first comma or colon: "eager to assuage outrage over the debt, much of which …")
  let stop = reportEnd(tk, i + 1, end);
  for (let m = i + 3; m < stop; m++) {
    if (/^[,:;]$/.test(tk.word(m))) {
      stop = m;
      break;
    }
  }
  if (stop - (i + 1) < 3) return undefined;
  return { speaker, cue: [tk.start(k), tk.end(i)], content: [tk.start(i + 1), tk.end(stop - 1)], confidence: 0.55, fixed: true };
}

// Participles of judgement whose agentless passive after "widely" reports a common view ("is widely seen as").
const JUDGED = /^(?:seen|viewed|regarded|considered|criticized|criticised|condemned|praised|believed|perceived|described|derided|panned|credited|blamed|hailed|touted|cited|mocked|denounced|dismissed)$/;

/**
 * "The plan was widely seen as a gamble": the "be", "widely" (at i), the participle and its "as"/"for" are the cue, and
 * the subject with what follows the cue the content (the cue is cut out of it: PolNeAR's content is the two pieces).
 */
function widelyReport(tk: Tokens, text: string, s0: number, i: number, end: number): { cue: Span; content: Span } | undefined {
  let k = i - 1;
  if (k > s0 && /^(?:been|being)$/.test(tk.low(k)) && /^(?:has|have|had)$/.test(tk.low(k - 1))) k--;
  if (k > s0 && /^(?:not|also|still|now)$/.test(tk.low(k))) k--;
  // (an "'s" is as likely a possessive: "last night's widely panned debate")
  if (k <= s0 || !isBeForm(tk.low(k)) || /^['’]s$/.test(tk.low(k)) || !JUDGED.test(tk.low(i + 1))) return undefined;
  if (k - 1 > s0 && /^(?:has|have|had)$/.test(tk.low(k - 1))) k--;
  const subject = speakerBefore(tk, text, s0, k);
  if (!subject || subject.pronoun || subject.to !== k) return undefined;
  // (not in a relative clause: "X, whose bid was widely seen as …, said" is X's aside, read with X's report)
  if (subject.from > s0 && /^(?:whose|which|who|that)$/.test(tk.low(subject.from - 1))) return undefined;
  let c = i + 2;
  if (c < end && /^(?:as|for)$/.test(tk.low(c))) c++;
  let stop = reportEnd(tk, c, end);
  for (let m = c + 1; m < stop; m++) {
    if (/^[,:;]$/.test(tk.word(m))) {
      stop = m;
      break;
    }
  }
  if (stop - c < 2) return undefined;
  return { cue: [tk.start(k), tk.end(c - 1)], content: [subject.span[0], tk.end(stop - 1)] };
}

/** The subject written before the cue at token i: one with a dash aside first (its closing dash is no boundary). */
function subjectBefore(tk: Tokens, text: string, s0: number, i: number): SpeakerNP | undefined {
  return dashAsideSubject(tk, text, s0, i) ?? speakerBefore(tk, text, s0, i);
}

/** "X (aux/adv) CUE [addressee] (that) CONTENT." */
function speakerFirst(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  // a subject borrowed from the sentence's main verb (a participle's, a coordinated verb's) is shared, not claimed
  let coordinated = false;
  // "voters are more likely to say …": the cue runs back over the raising adjective to its "be" (PolNeAR's cue does),
  // and the subject is the one before it
  const raised = likelyChain(tk, s0, i) ?? goOnChain(tk, s0, i) ?? readyChain(tk, s0, i);
  const speaker = raised !== undefined ? speakerBefore(tk, text, s0, raised) :
    subjectBefore(tk, text, s0, i) ?? (tk.finite(i) && !/ing$/.test(tk.low(i)) ? asideSubject(tk, text, afterLinkLead(tk, text, s0, i), i) : undefined) ??
    ((coordinated = true), participleSubject(tk, text, s0, i, rate) ?? coordinatedSubject(tk, text, s0, i, rate));
  if (!speaker) return undefined;
  const cue0 = raised ?? i;
  // "added, though, that …", "says, in a statement, he will …": an adverbial aside right after the cue is neither
  // (a speech verb only: a noun before an adverbial aside is no cue, "Despite its aims, though, …")
  const past = (tk.cue(i)?.rate ?? 0) >= STRONG_RATE ? cueAside(tk, e, end) : e;
  let c = afterThat(tk, past, end);
  let that = c > past;
  if (past > e && !that && !subjectVerb(tk, c, end)) return undefined;
  // (the content is a noun phrase its "that" clause completes: "offered no proof that …")
  let nounPhrase = false;
  if (!that) {
    const b = thatBridge(tk, i, c, end, rate);
    if (b) ({ c, nounPhrase } = b), (that = true);
  }
  // "said that, if elected, he would …": the complementiser's comma opens an aside inside the content
  if (that && c < end && tk.word(c) === ",") c++;
  // (a verb of belief takes a bare clause as often as a "that" one: "Her team thinks she doesn't understand …"; its
  // clause must open with a subject and a verb right after it)
  // (weighed after the clause reports: a wider report around it wins, "officials say that, even if they thought …, …")
  const belief = !that && rate < LOOSE_RATE;
  // (not in a headline's title case: "The Thing He Thinks The Party Will Do" is a noun phrase)
  if (belief && !(c === e && BELIEF.test(tk.cue(i)?.lemma ?? "") && !isCapitalised(tk.word(i)) && subjectVerb(tk, c, end))) return undefined;
  // "told the forum he was …", "assured them it would …": an addressee, then the clause
  if (!that && ADDRESSEE_VERB.test(tk.cue(i)?.lemma ?? "")) {
    const o = OBJECT_PRONOUN.test(tk.low(c)) ? c + 1 : (speakerAfter(tk, text, c, end)?.to ?? c);
    if (o > c && o < end && (PRONOUNS_SUBJECT.test(tk.low(o)) || DETERMINER_START.test(tk.low(o)) || isCapitalised(tk.word(o)))) c = o;
  }
  // "said Friday he would …": a time word between cue and clause is neither
  if (!that) c = timeAfter(tk, c, end);
  while (!that && c < end && TIME_WORD.test(tk.low(c))) c++;
  if (c < end && !that && SUBORDINATOR.test(tk.low(c)) && c > e) return undefined; // "said Friday as he left"
  if (c >= end || end - c < 3) return undefined;
  const first = tk.low(c);
  // ("said about 20 people have …": "about" before a number opens the subject)
  // (a quotation may open a "that" clause past an addressee: 'tells MSNBC's "Morning Joe" that "who did it" remains …')
  if ((isQuoteChar(first) && !(that && c > e + 1 && tk.low(c - 1) === "that")) || (tk.isPunct(c) && !isQuoteChar(first)) || (badContentStart(first) && !(that && frontedAdjunct(tk, c, end, tk.word(c - 1) === ",")) && !(first === "about" && tk.t.kind[c + 1] === 2))) return undefined;
  // "U.S. estimates suggest …": a verb right after the would-be cue makes it the subject's noun
  // only a form that can be a plural noun ("estimates", "reports") is read so; "said praise from X would …" is a report
  const nounLike = /s$/.test(tk.low(i));
  // "…, which engineers say could put drivers at risk", "a group who officials say is linked to …": the relative pronoun before the
  // speaker is the reported clause's subject, so the verb phrase after a speech verb is what was reported (PolNeAR
  // opens the content with the pronoun: the scorer's relative lead; not after "that", which PolNeAR rarely reads so)
  if (!that && c === e && rate >= STRONG_RATE && tk.finite(i) && speaker.from > s0 && /^(?:which|who)$/.test(tk.low(speaker.from - 1)) &&
    (AUX.test(first) || (tk.finite(c) && !cueVerb(first))) && !(speaker.from - 1 > s0 && badContentStart(tk.low(speaker.from - 2)))) {
    const stop = reportEnd(tk, c, end, true);
    // (weighed after the clause reports, and a wider report around it wins: "found no trace of the files which she said were …")
    if (stop - c >= 2) return { speaker, coordinated, cue: [tk.start(cue0), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: WEAK_CONFIDENCE };
  }
  if (!that && ((nounLike && cueVerb(first)) || FINITE_START.test(first) || (nounLike && isFiniteForm(first)))) return undefined;
  // "Several cast members said …": a weak cue word right before a noun and its speech verb modifies that noun
  // (an inflected verb: a base form after a determiner may be a noun, "illustrate the decline in …")
  if (!that && c === e && c + 1 < end && !isCapitalised(tk.word(c)) && !DETERMINER_START.test(first) && tk.finite(c + 1) && tk.low(c + 1) !== tk.cue(c + 1)?.lemma &&
    (tk.cue(c + 1)?.rate ?? 0) >= STRONG_RATE && (tk.cue(i)?.rate ?? 0) < OBJECT_RATE) return undefined;
  if (!looksLikeClause(tk, c, end)) return undefined;
  // a weak cue without "that" needs an auxiliary to show its clause ("believe figures are …"), not
  // just any verb form ("the trains passed shelters …")
  if (!that && rate < STRONG_RATE && !hasAuxiliary(tk, c, end)) return undefined;
  // in a subordinate clause ("after X warned that …, Y did …") the report ends at the clause's comma
  let stop = reportEnd(tk, c, end, (that && !nounPhrase) || subjectVerb(tk, c, end));
  if (stop - c < 2) return undefined;
  if (speaker.from > s0 && SUBORDINATOR.test(tk.low(speaker.from - 1))) {
    for (let k = c + 1; k < stop && k < c + 80; k++) {
      if (tk.word(k) === ",") {
        stop = k;
        break;
      }
    }
  }
  return { speaker, coordinated, cue: [tk.start(cue0), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: belief ? WEAK_CONFIDENCE : that ? 0.75 : 0.7 };
}

// A verb this often a cue reports its object too ("Graham criticized the party's lack of …", "called for a ban").
const OBJECT_RATE = 0.5;
// An infinitive reports a plan, a wish or a promise for verbs this often a cue ("wants to", "pledged to").
const INFINITIVE_RATE = 0.2;
// Verbs whose object is no report of them ("said goodbye", "told reporters", "asked questions").
const OBJECTLESS = /^(?:say|tell|add|write|ask|speak|talk|reply|respond|answer|explain|express|quote|read|show|seem|appear|expect|prefer|decline|refuse|continue|recall|remember|offer|report|repeat|accord|note|refer)$/;
// After a comma, these open a new clause or an aside: the object report ends before them.
const OBJECT_STOP = /^(?:which|who|whom|whose|where|though|although|while|whereas|but|and|or|as|because|since|after|before|when|if|even|so|according)$/;

// Verbs that take a stance on what they name: their object is reported on even when it is a medium ("defended his tweets").
const STANCE_ON = /^(?:defend|tout|slam|blast|criticize|praise|dismiss|deny|attack|mock|condemn|denounce|reject|disavow|dispute|challenge|applaud|hail|ridicule|lambaste|decry|discuss|question|retract|justify|clarify|welcome|embrace|endorse|oppose|support|cite|quote)$/;

const REFLEXIVE = /^(?:himself|herself|themselves|itself|myself|ourselves|yourself|yourselves)$/;
// Verbs of naming and casting whose reflexive object is the subject's account of itself ("casts herself as …").
const SELF_DESCRIBE = /^(?:call|describe|consider|identify|label|dub|cast|portray|present|view|see|characterize|paint|count|proclaim|declare|tout)$/;

/** "X CUE OBJECT": a strong cue with a noun phrase or an infinitive for content, to the end of its clause. */
function objectReport(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  // "called himself a moderate", "describes herself as …": a verb of naming with a reflexive object is a speaker's
  // account of itself, a report whatever the verb's rate
  // (not an intensive after a noun: "the roll call itself was …")
  const reflexive = e + 1 < end && REFLEXIVE.test(tk.low(e)) && SELF_DESCRIBE.test(tk.cue(i)?.lemma ?? "") && !AUX.test(tk.low(e + 1)) && !tk.finite(e + 1);
  if (e >= end || rate < (reflexive ? THAT_RATE : Math.min(OBJECT_RATE, INFINITIVE_RATE))) return undefined;
  // "to criticize …" is a plan, "so-called" a label: neither reports anything ("went on to criticize …" reports)
  const chain = goOnChain(tk, s0, i) ?? readyChain(tk, s0, i);
  if (i > s0 && ((tk.low(i - 1) === "to" && chain === undefined) || tk.word(i - 1) === "-")) return undefined;
  // ("vowed Tuesday to …": the day is the writer's)
  const from = timeAfter(tk, e, end);
  const first = tk.low(from);
  // an infinitive is a plan or a promise reported ("vowed to punish …", "wants to triple …"): "to" opens the content
  const infinitive = first === "to" && from + 1 < end && tk.isWord(from + 1) && !isCapitalised(tk.word(from + 1)) && !DETERMINER_START.test(tk.low(from + 1));
  if (rate < (infinitive ? INFINITIVE_RATE : reflexive ? THAT_RATE : OBJECT_RATE)) return undefined;
  // (a promise after "and"/"but" shares the subject as a stronger cue does: "said they want X, but pledged to remain civil")
  let coordinated = false;
  const speaker = chain !== undefined ? speakerBefore(tk, text, s0, chain) :
    subjectBefore(tk, text, s0, i) ?? ((coordinated = true), participleSubject(tk, text, s0, i, rate) ?? coordinatedSubject(tk, text, s0, i, infinitive ? Math.max(rate, STRONG_RATE) : rate));
  if (!speaker) return undefined;
  if (!infinitive && OBJECTLESS.test(tk.cue(i)?.lemma ?? "")) return undefined;
  // (a day's is a thing reported on: "condemned Friday's test")
  if (!infinitive && (tk.isPunct(from) || isQuoteChar(first) || (badContentStart(first) && !reflexive) || first === "that" || SUBORDINATOR.test(first) || (TIME_WORD.test(first) && !/^['’]s$/.test(tk.low(from + 1))))) return undefined;
  // the object is the medium, not the message: "published its report", "issued a statement", "sent a letter"
  // (a stance taken on one is a report: "is defending his early-morning tweets", "dismissed the report")
  if ((DETERMINER_START.test(first) || /^(?:its|his|her|their|our|my|your)$/.test(first)) && !STANCE_ON.test(tk.cue(i)?.lemma ?? "")) {
    for (let k = from + 1; k < end && k < from + 3; k++) if (isCueNoun(tk.low(k)) || MEDIUM.test(tk.low(k))) return undefined;
  }
  // a verb right after it makes the would-be cue a noun ("Independent estimates suggest …")
  if (FINITE_START.test(first) || (/s$/.test(tk.low(i)) && (isFiniteForm(first) || cueVerb(first) !== undefined))) return undefined;
  // (whether the words so far hold a verb of their own: an adjunct after it is that verb's)
  let verbal = infinitive && (tk.cue(from + 1)?.rate ?? 0) < OBJECT_RATE;
  let stop = end;
  for (let k = from + 1; k < end; k++) {
    const w = tk.low(k);
    // (not at a colon, a parenthesis or ", including": PolNeAR train carries the object on past them to the sentence
    // end far more often than it stops there; the end ranker may still cut there)
    if (w === ";" || spacedDash(tk, text, k)) {
      // (an aside between two dashes inside the object is passed over: "called for details — including the cost — of
      // each plan")
      const close = w === ";" ? -1 : dashAsideClose(tk, text, k, end);
      if (close > 0) {
        k = close;
        continue;
      }
      stop = k;
      break;
    }
    // a time or an occasion after the object is the writer's ("… a 'crazy system' during a campaign stop"); after an
    // infinitive it is the plan's ("vowed to cut taxes before the election": PolNeAR train runs on there 25 times to
    // 3), and after a verb inside the object that verb's ("blamed him for skipping votes while campaigning", "urged the
    // board to act before May": 13 to 4), though a reason still is the writer's ("decided to act because of …"), and
    // an infinitive that reports in turn has a report of its own for object ("refused to endorse Smith during …")
    if (k > from + 1 && (!verbal || w === "because") && OBJECT_ADJUNCT.test(w)) {
      stop = k;
      break;
    }
    verbal ||= innerVerb(tk, k, end);
    if (w === "," && k + 1 < end && tk.low(k + 1) !== "including" && (OBJECT_STOP.test(tk.low(k + 1)) || /ing$/.test(tk.low(k + 1)))) {
      stop = k;
      break;
    }
    // a second verb of the same subject ("… and vowed to …") is a report of its own
    if (w === "and" && k + 1 < end && (tk.cue(k + 1)?.rate ?? 0) >= STRONG_RATE) {
      stop = k;
      break;
    }
  }
  // …and so are the day and the occasion of the speaking ("endorsed Cruz Wednesday", "… in a statement":
  // attribution/content-ends.ts)
  stop = objectEnd(tk, from, Math.min(stop, reportEnd(tk, from, end)), end, infinitive);
  if (stop <= from) return undefined;
  return { speaker, coordinated, cue: [tk.start(chain ?? i), tk.end(e - 1)], content: [tk.start(from), tk.end(stop - 1)], confidence: 0.55 };
}

// Words in -ing that are no verb forms.
const ING_NOUN = /^(?:during|according|including|something|nothing|anything|everything|morning|evening|building|spring|string|ceiling|meeting|funding|hearing|ruling|briefing|polling|spending|housing|training)$/;

/** The word at k is a verb inside an object: a gerund ("for skipping …"), "to" and a verb, or a clause's "that"/"who". */
function innerVerb(tk: Tokens, k: number, end: number): boolean {
  const w = tk.low(k);
  if (/^[a-z]{3,}ing$/.test(tk.word(k))) return !ING_NOUN.test(w);
  if (w === "that" || w === "who") return true;
  return w === "to" && k + 1 < end && tk.isWord(k + 1) && !isCapitalised(tk.word(k + 1)) && !DETERMINER_START.test(tk.low(k + 1)) && !/^(?:his|her|their|its|our|my|your)$/.test(tk.low(k + 1));
}

/** A dash that sets words apart: an em or en dash, or a hyphen with a space before it. */
const spacedDash = (tk: Tokens, text: string, k: number): boolean => /^[—–―]$/.test(tk.word(k)) || (tk.word(k) === "-" && /\s/.test(text[tk.start(k) - 1] ?? ""));
const DASH_ASIDE_MAX = 12;

/**
 * The dash closing an aside opened by the dash at k, when the words after it go on with what the aside interrupts
 * ("the cost — or at least a range — of each plan"); -1 when none closes it, when the aside is an apposition of the
 * writer's (a number or a determiner first: "all yachts — 3,000 vessels — from …"), or when a new clause or predicate
 * follows ("— a costly one — and vowed …", "— if taxes rise — she will …").
 */
function dashAsideClose(tk: Tokens, text: string, k: number, end: number): number {
  if (k + 1 >= end || !tk.isWord(k + 1) || isCapitalised(tk.word(k + 1)) || DETERMINER_START.test(tk.low(k + 1)) || /^\d/.test(tk.word(k + 1))) return -1;
  for (let m = k + 2; m < end - 1 && m <= k + DASH_ASIDE_MAX; m++) {
    if (tk.word(m) === ";" || (tk.cue(m)?.rate ?? 0) >= STRONG_RATE) return -1;
    if (!spacedDash(tk, text, m)) continue;
    const n = tk.low(m + 1);
    return tk.word(m) === tk.word(k) && tk.isWord(m + 1) && !isCapitalised(tk.word(m + 1)) && !OBJECT_STOP.test(n) && !/^(?:and|but|or|nor|yet)$/.test(n) && !PRONOUNS_SUBJECT.test(n) && !tk.finite(m + 1) ? m : -1;
  }
  return -1;
}

/**
 * "Trump attacked the plan on Monday, saying it would fail": a participle cue after a comma reports
 * for the subject of its sentence (the name that opens it, followed by its verb).
 */
function participleSubject(tk: Tokens, text: string, s0: number, i: number, rate: number): SpeakerNP | undefined {
  // (an adverb may stand between the comma and the participle: ", even suggesting")
  let c = i - 1;
  while (c > s0 && c >= i - 2 && (/^(?:also|even|then|again|later)$/.test(tk.low(c)) || /^[a-z]{3,}ly$/.test(tk.low(c)))) c--;
  if (c <= s0 || !/ing$/.test(tk.low(i)) || rate < STRONG_RATE) return undefined;
  // 'defended "New York values," saying …', "flipped his choice – saying …": the comma closed inside a quotation, a dash
  const comma = participleComma(tk, s0, c + 1);
  if (comma >= 0) return sentenceSubject(tk, text, s0, comma)?.np;
  if (tk.word(c) === ",") {
    const near = subordinateSubject(tk, text, s0 + 1, c, NEAR_SUBORDINATOR);
    if (near) return near;
  }
  // without a comma, after a preposition or an object ("by telling them", "sent a letter urging"): its clause's subject
  // (not a progressive or a negated one: "is not claiming that" is the verb of its own clause, and a negated cue no report)
  if (tk.word(c) !== ",") return tk.isWord(i - 1) && !AUX.test(tk.low(i - 1)) && !isNegation(tk.low(i - 1)) ? sentenceSubject(tk, text, s0, i - 1)?.np : undefined;
  return sentenceSubject(tk, text, s0, c)?.np;
}

// Subordinators whose clause, written after its main clause, a participle after it shares ("… when he named his
// running mate, calling him …", "…, as Clinton echoed the criticism, saying …").
const NEAR_SUBORDINATOR = /^(?:when|as|while|whereas)$/;
// …and those whose clause a verb after "and" continues, wherever the clause stands ("When Trump referred to X and
// said …, the crowd …", "Clinton, though she praised him and said …, stopped short …", "in which he laid out X but then
// announced …").
const CLAUSE_OPENER = /^(?:when|as|while|whereas|though|although|which)$/;

/**
 * The subject of a subordinate clause that ends before token `at` (a participle's comma, or the conjunction before a
 * second verb) and opens after token `lo`, with its opening word matched by `opener`.
 */
function subordinateSubject(tk: Tokens, text: string, lo: number, at: number, opener: RegExp): SpeakerNP | undefined {
  for (let k = at - 1; k > lo && k >= at - 25; k--) {
    const w = tk.word(k);
    // (no comma, quotation or second verb between: "… when they were young and arrived in Miami, hoping …" is the main
    // clause's second verb)
    if (w === ";" || w === "," || isQuoteChar(w) || /^(?:and|but|or)$/.test(tk.low(k))) return undefined;
    if (!opener.test(tk.low(k))) continue;
    const found = clauseSubject(tk, text, k + 1, at, true);
    if (!found || found.np.from !== k + 1) return undefined;
    // (a clause, not "as" a preposition: "serve as a ladder to …, noting …", "continued as a member until …")
    let v = found.verb;
    while (v < at && /^[a-z]{3,}ly$/.test(tk.low(v))) v++;
    const verb = tk.low(v);
    return isFiniteForm(verb) || AUX.test(verb) || /^[a-z]{3,}ed$/.test(verb) ? found.np : undefined;
  }
  return undefined;
}

/**
 * The comma-like token that closes the clause before token i: a comma inside a closing quotation mark ('values,”') or a
 * spaced dash ("– saying", "-- saying"); -1 for none (a plain comma is the callers' own case).
 */
function participleComma(tk: Tokens, s0: number, i: number): number {
  const w = tk.word(i - 1);
  if (i - 2 > s0 && isQuoteChar(w) && tk.word(i - 2) === ",") return i - 2;
  if (i - 1 > s0 && /^[–—―]$/.test(w)) return i - 1;
  if (i - 2 > s0 && w === "-" && tk.word(i - 2) === "-") return i - 2;
  return -1;
}

/**
 * The name or pronoun that opens the sentence as its subject, and the index of its verb: "Trump attacked …",
 * "Clinton, the former secretary of state, stressed …" (an apposition between them is skipped).
 */
function sentenceSubject(tk: Tokens, text: string, s0: number, hi: number): { np: SpeakerNP; verb: number } | undefined {
  return clauseSubject(tk, text, s0, hi);
}

// Objects that carry a message rather than state it.
const MEDIUM = /^(?:report|reports|statement|statements|letter|letters|memo|email|emails|tweet|tweets|post|posts|book|article|op-ed|video|ad|speech|interview|release|findings|results|study|survey|poll|data|documents?)$/;
const OBJECT_ADJUNCT = /^(?:during|when|while|after|before|since|until|because)$/;
// After a comma, these open an aside or a second clause that is the writer's, not the report's (", which …",
// ", though she acknowledged …", ", contradicting …", ", but …").
const CLAUSE_AFTER_COMMA = /^(?:which|though|although|whereas|but|contradicting|according)$/;
// …but not after ", but" that goes on with the report: a second complement ("said X, but that Y") or the other half of
// a contrast ("X, but not Y", "not only X, but also Y", "not X, but rather Y"), which PolNeAR keeps in the content
const BUT_GOES_ON = /^(?:that|not|also|rather|only|instead)$/;
/** Whether the word at k after ", but" goes on with the report ("that" a complementiser, not a subject: "but that wasn't so"). */
function butGoesOn(tk: Tokens, k: number, end: number): boolean {
  if (k >= end || !BUT_GOES_ON.test(tk.low(k))) return false;
  return tk.low(k) !== "that" || (k + 1 < end && !tk.finite(k + 1) && !AUX.test(tk.low(k + 1)) && !/n't$/.test(tk.low(k + 1)));
}

/**
 * The words at k are a verb phrase with no subject of its own that is no report ("…, but couldn't provide them", "…, but
 * strongly favored the rule"): after a reported clause, ", but" joins a second predicate to it, which PolNeAR keeps in
 * the content (a speech verb there is a report of its own: "…, but insisted …").
 */
function butPredicate(tk: Tokens, k: number, end: number): boolean {
  if (k < end && /^(?:also|still|then|now|later|[a-z]{3,}ly)$/.test(tk.low(k))) k++;
  if (k >= end || isCapitalised(tk.word(k)) || (tk.cue(k)?.rate ?? 0) >= STRONG_RATE) return false;
  if (!AUX.test(tk.low(k))) return tk.finite(k) && /ed$/.test(tk.low(k));
  // (an auxiliary before its subject opens a condition: "…, but should he win, …"; a speech verb after the auxiliary
  // is a report of its own, even a negated one: "…, but did not say when")
  let v = k + 1;
  while (v < end && (isNegation(tk.low(v)) || /^(?:also|still|[a-z]{3,}ly)$/.test(tk.low(v)))) v++;
  return v < end && !PRONOUNS_SUBJECT.test(tk.low(k + 1)) && (tk.cue(v)?.rate ?? 0) < STRONG_RATE;
}

/** Tokens from `a` are a subject of a few words, then a finite speech verb ("more than 4 in 10 said", "the mayor told"). */
function secondReport(tk: Tokens, a: number, end: number): boolean {
  // (a quotation after the conjunction is the report's own words: ', and "we expect an answer …"')
  if (a >= end || !(tk.isWord(a) || tk.t.kind[a] === 2) || /^(?:that|to|if|whether|because|when|while|as)$/.test(tk.low(a))) return false;
  for (let m = a + 1; m < end && m <= a + 6; m++) {
    const w = tk.low(m);
    if (!tk.isWord(m) && tk.t.kind[m] !== 2) return false;
    if (w === "that" || w === "to" || w === "who" || w === "which") return false;
    const speech = (tk.cue(m)?.rate ?? 0) >= STRONG_RATE && tk.finite(m) && !isCapitalised(tk.word(m));
    if (speech && !AUX.test(tk.low(m - 1)) && !DETERMINER_START.test(tk.low(m - 1))) return true;
    // (the subject's own verb comes first: "and he might decide against his announced plans" is no new report)
    if (AUX.test(w) || tk.finite(m)) return false;
  }
  return false;
}

/**
 * The words from c open a clause: a subject pronoun, or a subject of a few words, then an auxiliary or a past tense
 * ("the process was fair", "Guccifer admitted"), not a noun phrase with a clause of its own ("Clinton's comment that she wanted …") nor one a
 * present tense only seems to follow ("the fevered dreams of …").
 */
function subjectVerb(tk: Tokens, c: number, end: number): boolean {
  // (a subject pronoun opens a clause whatever the verb's tense: "he left on good terms")
  if (c + 1 < end && PRONOUNS_SUBJECT.test(tk.low(c)) && tk.isWord(c + 1)) return true;
  for (let k = c + 1; k < end && k <= c + 12; k++) {
    const w = tk.low(k);
    if (AUX.test(w) || (tk.finite(k) && /ed$/.test(w))) return true;
    if (tk.isPunct(k) || /^(?:that|which|who|whom|whose|and|but|or)$/.test(w)) return false;
  }
  return false;
}

/**
 * Where a report that starts at token c ends: the sentence end, or an aside, a semicolon or a coordinated report
 * (`clause`: the report is a clause, which a subjectless ", but …" predicate continues, see `butPredicate`).
 */
function reportEnd(tk: Tokens, c: number, end: number, clause = false): number {
  for (let k = c + 1; k < end; k++) {
    const w = tk.word(k);
    if (w === ";") return k;
    if (w === "," && k + 1 < end) {
      const n = tk.low(k + 1);
      // (not an aside inside a subject whose verb follows it: "said the plan, which passed in May, was …")
      if (CLAUSE_AFTER_COMMA.test(n) && !(n === "but" && (butGoesOn(tk, k + 2, end) || (clause && butPredicate(tk, k + 2, end)))) && !subjectGoesOn(tk, c, end, k)) return k;
      if (/^[a-z]+ing$/.test(n) && (cueVerb(n)?.rate ?? 0) >= STRONG_RATE) return k;
      // 'has "expanded the party," claiming …': the participle after a quotation's closing mark
      if (isQuoteChar(tk.word(k + 1)) && tk.start(k + 1) === tk.end(k) && k + 2 < end && /^[a-z]+ing$/.test(tk.low(k + 2)) && (cueVerb(tk.low(k + 2))?.rate ?? 0) >= STRONG_RATE) return k + 2;
      // "…, and more than 4 in 10 said …": a second clause with a subject and a speech verb of its own is a report of its own
      if (/^(?:and|but)$/.test(n) && secondReport(tk, k + 2, end)) return k;
    }
    if (tk.low(k) === "and" && k + 1 < end && !isCapitalised(tk.word(k + 1)) && /(?:ed|s)$/.test(tk.low(k + 1)) && (tk.cue(k + 1)?.rate ?? 0) >= STRONG_RATE) {
      return tk.word(k - 1) === "," ? k - 1 : k;
    }
    // '… is "true," but …' (the comma inside the quotation) and "… but has been met with …" (the subject's second verb,
    // which a reported clause keeps as after a comma: "he left on good terms but was intimidated …")
    if (tk.low(k) === "but" && k > c + 1 && ((isQuoteChar(tk.word(k - 1)) && tk.word(k - 2) === "," && !butGoesOn(tk, k + 1, end)) || (k + 1 < end && AUX.test(tk.low(k + 1)) && !(clause && butPredicate(tk, k + 1, end))))) return k;
  }
  return end;
}

// Subordinators a participle may follow and still share the report's subject ("before adding", "while arguing").
const PARTICIPLE_SUBORDINATOR = /^(?:before|after|while|by)$/;

/**
 * "X said …, arguing that …" / '"…," X said, citing …': an "-ing" cue after a comma whose subject is the speaker of the
 * report just before it in the sentence (a candidate of this sentence, or a direct quotation's speaker).
 */
function participleReport(tk: Tokens, text: string, s0: number, i: number, e: number, end: number, cands: readonly Candidate[], cued: readonly Quote[]): Candidate | undefined {
  // ('"…," Clinton said, while arguing …', '… Rubio responded before adding …': a subordinator may open the participle)
  const p = i - 1 > s0 && PARTICIPLE_SUBORDINATOR.test(tk.low(i - 1)) ? i - 1 : i;
  if (p - 1 <= s0 || (tk.word(p - 1) !== "," && participleComma(tk, s0, p) < 0 && p === i) || !/ing$/.test(tk.low(i)) || e >= end) return undefined;
  const at = tk.start(i);
  let speaker: SpeakerNP | undefined;
  for (const c of cands) if (c.cue[1] < at && c.cue[0] >= tk.start(s0) && (!speaker || c.cue[0] > 0)) speaker = c.speaker;
  if (!speaker) {
    const n = firstCueAfter(cued, at) - 1;
    const q = n >= 0 ? cued[n] : undefined;
    const span = q?.speaker?.span;
    if (q && span && q.cue!.span[0] >= tk.start(s0) && span[0] >= tk.start(s0)) {
      const from = tk.at(span[0]);
      speaker = { from, to: tk.at(span[1]), span, name: q.speaker!.name, nameSpan: span, pronoun: false };
    }
  }
  if (!speaker) return undefined;
  let c = e;
  if (tk.low(c) === "that") c++;
  // ("…, telling reporters in May that …": an addressee, a time or a place before the "that"; not an object)
  else if (ADDRESSEE_VERB.test(tk.cue(i)?.lemma ?? "") || PP_START.test(tk.low(c)) || TIME_WORD.test(tk.low(c))) {
    const b = thatBridge(tk, i, c, end, tk.cue(i)?.rate ?? 0);
    if (b && !b.nounPhrase) c = b.c;
  }
  const first = tk.low(c);
  // (a quotation may open the content after "that": '…, adding that "we've been electing …"')
  if (c >= end || (tk.isPunct(c) && !(c > e && isQuoteChar(first))) || (isQuoteChar(first) && c === e) || (badContentStart(first) && first !== "to" && !(c > e && frontedAdjunct(tk, c, end)))) return undefined;
  const stop = reportEnd(tk, c, end, c > e);
  if (stop <= c) return undefined;
  return { speaker, coordinated: true, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(c), tk.end(stop - 1)], confidence: 0.55 };
}

/** "He claimed vast wealth and said it ensured …": a cue after "and" shares the subject that opens the sentence. */
function coordinatedSubject(tk: Tokens, text: string, s0: number, i: number, rate: number): SpeakerNP | undefined {
  // "and said", "but also contended", ", and has called for": auxiliaries and adverbs between the conjunction and the cue
  let c = i - 1;
  while (c > s0 && c >= i - 3 && (AUX.test(tk.low(c)) || /^(?:also|then|later|even|again)$/.test(tk.low(c)) || /^[a-z]{3,}ly$/.test(tk.low(c)))) c--;
  if (c <= s0 || !/^(?:and|but)$/.test(tk.low(c)) || rate < STRONG_RATE) return undefined;
  // "…, who have taken to the streets and called for …": the relative pronoun is the nearer subject
  const relative = relativeSubject(tk, text, s0, c);
  if (relative !== undefined) return relative ?? undefined;
  const near = subordinateSubject(tk, text, s0 - 1, c, CLAUSE_OPENER);
  if (near) return near;
  const subject = sentenceSubject(tk, text, s0, c);
  if (!subject) return undefined;
  const np = subject.np;
  // the subject's own verb follows it (perhaps after an auxiliary or an adverb): "He claimed …", "Trump also outlined …"
  // (a past tense the finite list lacks counts too: "Cruz exhorted …")
  let vi = subject.verb;
  while (vi < c && (/^(?:also|later|then|first|once|again|still|now)$/.test(tk.low(vi)) || /^[a-z]+ly$/.test(tk.low(vi)))) vi++;
  const v = tk.low(vi);
  if (!(isFiniteForm(v) || AUX.test(v) || cueVerb(v) || /^[a-z]{3,}ed$/.test(v))) return undefined;
  return np;
}

// What may join a report to a second report of its own subject inside it: a coordinator or a contrast ("…, while 73
// percent said …", "…, though she noted …"), a semicolon or a parenthesis; PolNeAR never nests one report in another's
// content (train: 0 of 19,833 cues), so the first report ends at the joint. A complement clause has no joint ("said
// aides told him that …"): it stays inside, as PolNeAR keeps it.
const JOINT_WORD = /(?:^|[\s,])(?:and|but|while|whereas|though|although)[\s,]+$/i;
const JOINT_MARK = /\s*(?:;|\()\s*$/;
// A subordinator is a joint only after an object report ("called the hearing because they felt …", "is calling for X
// after Y suggested …"): after a reported clause its adverbial clause is reported too ("acknowledged that she had
// misspoken when she claimed …", one report in PolNeAR).
const JOINT_SUBORDINATOR = /(?:^|[\s,])(?:because|since|when|after|before|if|unless|until|as)[\s,]+$/i;
// A dash opening an aside ("the candidate - who has chafed …, even though he had acknowledged … - has decided")
const DASH = /\s(?:-{1,2}|[–—―])\s/g;

const CLAUSE_BREAK = /^(?:to|in|on|at|of|for|with|by|from|that|which|who|whom|whose|where|when|as|about)$/;
/**
 * Whether a second report's content opens a clause: after its complementiser, or a short subject and then its verb
 * ("said it was not", "felt the FBI was"), not an object ("would assert his rights in response to …",
 * "would encourage investors to hold …": a writer's verb more than anyone's report).
 */
function clauseAt(tk: Tokens, c: number): boolean {
  if (c > 0 && tk.low(c - 1) === "that") return true;
  for (let k = c; k < c + 8 && k < tk.t.kind.length; k++) {
    const w = tk.low(k);
    if (k > c && (AUX.test(w) || tk.finite(k))) return true;
    if (!tk.isWord(k) || CLAUSE_BREAK.test(w) || SUBORDINATOR.test(w) || /^(?:and|but|or)$/.test(w)) return false;
  }
  return false;
}

/**
 * Reports inside reports: where one report's content runs into a second report joined by "and"/"but" ("agreed that X,
 * but he said that Y"; "claimed X and said Y"), or into a second report with its own subject after a joint
 * (JOINT_WORD, JOINT_MARK), the first ends before the joint, so both stand.
 */
function coordinate(tk: Tokens, text: string, cands: Candidate[]): void {
  for (const c of cands) {
    let cut = c.content[1];
    for (const d of cands) {
      if (d === c || d.cue[0] <= c.content[0] || d.cue[0] >= c.content[1]) continue;
      // a final attribution whose report holds this one's cue ("X felt …, said Y."): this report ends before its source
      // (a speech verb's: "Patriot could threaten to …" after a clause is no attribution of it)
      if (d.content[1] <= Math.min(d.cue[0], d.speaker.span[0]) && d.content[0] <= c.cue[0] && (tk.cue(tk.at(d.cue[0]))?.rate ?? 0) >= OBJECT_RATE && tk.low(tk.at(d.cue[0])) !== "according") {
        let at = Math.min(d.cue[0], d.speaker.span[0]);
        while (at > c.content[0] && /[\s,]/.test(text[at - 1]!)) at--;
        if (at > c.content[0]) cut = Math.min(cut, at);
        continue;
      }
      // "and"/"but" before the second report's subject or its verb ("…, and he urged X to …"; "claimed X and said Y")
      const subjectInside = d.speaker.span[0] > c.content[0] && d.speaker.span[0] < d.cue[0];
      // any joint before a second report of its own: its subject inside the first's content, a clause after its cue,
      // not a weak reading; the first's content follows its cue (a medial "X, Graham said, since …" runs on through its
      // adjunct in PolNeAR) and is no classifier's reading ("is drawing criticism | after he appeared to suggest …")
      const joint = subjectInside && !d.coordinated && d.content[0] >= d.cue[1] && d.confidence > WEAK_CONFIDENCE &&
        c.content[0] >= c.cue[1] && c.confidence > MODEL_CONFIDENCE && clauseAt(tk, tk.at(d.content[0]));
      const own = subjectInside ? d.speaker.span[0] : d.cue[0];
      const before = text.slice(Math.max(c.content[0], own - 12), own);
      const andBut = /,?\s*\b(?:and|but)\s+$/.exec(before);
      // (a joint inside a dash aside joins the aside's words, not the report's)
      const other = andBut || !joint || (text.slice(c.content[0], own).match(DASH)?.length ?? 0) % 2 === 1 ? null :
        (JOINT_MARK.exec(before) ?? JOINT_WORD.exec(before) ?? (clauseAt(tk, tk.at(c.content[0])) ? null : JOINT_SUBORDINATOR.exec(before)));
      const conj = andBut ?? other;
      if (!conj) continue;
      // the joint and the comma before it are no one's words
      let at = own - conj[0].length;
      while (at > c.content[0] && /[\s,]/.test(text[at - 1]!)) at--;
      if (at > c.content[0]) cut = Math.min(cut, at);
    }
    if (cut < c.content[1]) c.content = [c.content[0], cut];
  }
}

/** A lower-case title and a capitalised name after it ("political scientist Jane Doe", "GOP strategist Tom Reyes"). */
function titledName(tk: Tokens, np: SpeakerNP): boolean {
  for (let k = np.from + 1; k < np.to && k < np.from + 4; k++) if (isCapitalised(tk.word(k)) && tk.isWord(k - 1)) return k + 1 < np.to && isCapitalised(tk.word(k + 1));
  return false;
}

/**
 * "As reported by X, CONTENT." / "But as first noted by X, …": a passive "as" clause opening the sentence (after its
 * linking words), its agent the source and the clause after its comma the report.
 */
function asReportedBy(tk: Tokens, text: string, s0: number, i: number, e: number, end: number): Candidate | undefined {
  let k = i - 1;
  // (an adverb may stand between "as" and the participle: "as first reported by", "as previously noted by")
  if (k > s0 && (/^(?:first|previously|originally|earlier)$/.test(tk.low(k)) || /^[a-z]{3,}ly$/.test(tk.low(k)))) k--;
  if (tk.low(k) !== "as" || !/ed$/.test(tk.low(i)) || (k > s0 && afterLinkLead(tk, text, s0, k + 1) !== k)) return undefined;
  const speaker = speakerAfter(tk, text, e + 1, end, true);
  if (!speaker || speaker.to >= end || tk.word(speaker.to) !== "," || end - speaker.to <= 3 || !looksLikeClause(tk, speaker.to + 1, end)) return undefined;
  return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(speaker.to + 1), tk.end(end - 1)], confidence: 0.65 };
}

const DASH_WORD = /^(?:-|--|—|–|―)$/;
/**
 * The first token of what a medial attribution at hi interrupts: a relative pronoun right before it, the words in the
 * parenthesis it stands in, the words after the one dash between s0 and hi (and its "and"/"but"), else s0. The clause before that dash is the writer's, the phrase after it the report ("… with
 * Tehran - a provision, Corker said, that …"); two dashes set off an aside inside the report and are left alone.
 */
function afterDash(tk: Tokens, s0: number, hi: number): number {
  // ("… in Iowa, which, his advisers believe, would lead …": the relative clause the attribution interrupts)
  if (hi - 2 > s0 && /^(?:which|who)$/.test(tk.low(hi - 1)) && tk.word(hi - 2) === ",") return hi - 1;
  // ("… over her server (the existence of which, many say, …": the parenthesis the attribution stands in)
  let open = -1;
  for (let k = hi - 1; k > s0 && open < 0; k--) {
    if (tk.word(k) === ")") break;
    if (tk.word(k) === "(") open = k;
  }
  if (open >= 0 && open + 1 < hi && tk.isWord(open + 1)) return open + 1;
  let dash = -1;
  for (let k = s0 + 1; k < hi; k++) {
    // (a spaced dash: "40-year-old" holds a hyphen)
    if (!DASH_WORD.test(tk.word(k)) || tk.start(k) === tk.end(k - 1)) continue;
    if (dash >= 0) return s0;
    dash = k;
  }
  if (dash < 0) return s0;
  let from = dash + 1;
  if (from < hi && /^(?:and|but)$/.test(tk.low(from))) from++;
  return from < hi && tk.isWord(from) ? from : s0;
}

/** "CONTENT, CUE X." / "CONTENT, X CUE (tail)." — the report first, its source at the end. */
function finalCue(tk: Tokens, text: string, s0: number, s1: number, i: number, e: number, end: number, rate: number): Candidate | undefined {
  if (rate < LOOSE_RATE) return undefined;
  // "…, said X." (a finite verb only: "…, invoking the 2008 race" is a participle and its object)
  if (i - 1 > s0 && tk.word(i - 1) === ",") {
    // a participle never inverts its subject: "…, he said, citing a new poll" reports the poll, and the quotation before
    // it is another report's (read as a speaker, the object made the quotation this report's content, which then
    // swallowed the quotation's own attribution)
    if (/[a-z]ing$/.test(tk.low(i))) {
      // ('"…," Jane Doe said, citing a new poll': the participle reports its object, said by the speaker of the cue before the comma)
      // (right before the comma only: reading back over an adjunct, "said on Monday, citing", loses more than it finds)
      const v = i - 2;
      if (v <= s0 || (tk.cue(v)?.rate ?? 0) < SPEECH_RATE || /ing$/.test(tk.low(v)) || end - e < 2) return undefined;
      const speaker = speakerBefore(tk, text, s0, v);
      if (!speaker) return undefined;
      return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(e), tk.end(end - 1)], confidence: 0.7 };
    }
    // ("…, said a source close to X": a described speaker keeps its post-modifier)
    const speaker = speakerAfter(tk, text, e, Math.min(end + 1, s1), true);
    if (!speaker) return undefined;
    // a source, not any noun: a name, a pronoun or a determined phrase ("said the agency")
    // (or a title before a name: "says political scientist Jane Doe")
    if (!speaker.pronoun && !isCapitalised(tk.word(speaker.from)) && !DETERMINER_START.test(tk.low(speaker.from)) && !titledName(tk, speaker)) return undefined;
    const next = speaker.to < end ? tk.low(speaker.to) : ".";
    if (!(speaker.to >= end || next === "," || TAIL_START.test(next))) return undefined;
    if (!looksLikeClause(tk, s0, i - 1) || i - 1 - s0 < 3 || badContentStart(tk.low(s0))) return undefined;
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(s0), tk.end(i - 2)], confidence: 0.7 };
  }
  // "…, X said (in an interview)(, as …)."
  // (the tail is an adjunct, "in an interview", "on Monday": an object after the verb makes it no attribution)
  // ("…, Graham told The Huffington Post on Thursday.": a verb of telling takes its addressee along, a name, a
  // pronoun or a determined phrase, which the tail below must then leave as it found it)
  const addressee = e < end && ADDRESSEE_VERB.test(tk.cue(i)?.lemma ?? "") && (isCapitalised(tk.word(e)) || OBJECT_PRONOUN.test(tk.low(e)) || DETERMINER_START.test(tk.low(e)));
  if (e < end && tk.word(e) !== "," && !addressee && !(TAIL_START.test(tk.low(e)) || PP_START.test(tk.low(e)) || TIME_WORD.test(tk.low(e)) || /^[a-z]+ly$/.test(tk.low(e)))) return undefined;
  let tail = e;
  // (the addressee's words are no cue: "told The Washington Post")
  if (addressee) while (tail < end && tail - e < 4 && (tail === e || isCapitalised(tk.word(tail)))) tail++;
  while (tail < end && tk.word(tail) !== ",") {
    // (a cue word after a determiner is a noun of the adjunct: "said after the attacks", "in his remarks")
    if (tk.low(tail) === "that" || (tk.cue(tail) && !(tail > e && DETERMINER_START.test(tk.low(tail - 1)))) || tail - e >= TAIL_MAX) return undefined;
    tail++;
  }
  let speaker = speakerBefore(tk, text, s0, i);
  if (!speaker) return undefined;
  // "…, as Mr. Bown observed, …" / "As police have said, …": a parenthetical "as" before the source
  let lead = speaker.from - 1;
  // "…, advisers to Mr. Obama say, …": a source whose head noun (a plural: people) is linked to the name, back to the comma
  // ("…, people close to the vice president said, …", "…, sources familiar with the talks said": the head and its adjective)
  const adjectiveHead = lead - 2 > s0 && /^(?:close|familiar|loyal|near)$/.test(tk.low(lead - 1)) && /[a-z]s$|^(?:people|men|women|those)$/.test(tk.low(lead - 2));
  if (lead - 1 > s0 && /^(?:to|of|for|at|with)$/.test(tk.low(lead)) && ((/[a-z]s$/.test(tk.low(lead - 1)) && !isFiniteForm(tk.low(lead - 1))) || adjectiveHead)) {
    let m = lead - 1;
    while (m > s0 && lead - m <= 4 && tk.isWord(m) && !isCapitalised(tk.word(m)) && !AUX.test(tk.low(m)) && !tk.cue(m)) m--;
    const np = m < lead - 1 && tk.word(m) === "," ? phraseNP(tk, text, m + 1, speaker.to) : undefined;
    if (np) {
      speaker = np;
      lead = m;
    }
  }
  const asLead = lead >= s0 && tk.low(lead) === "as";
  if (asLead) lead--;
  // ("But as Jo Lee noted, …", "And, as we learned, …": linking words before the "as" are the writer's)
  if (asLead && lead >= s0 && afterLinkLead(tk, text, s0, lead + 2) === lead + 1) lead = s0 - 1;
  if (asLead && lead < s0) {
    if (tail >= end || end - tail <= 3 || !looksLikeClause(tk, tail + 1, end)) return undefined;
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(tail + 1), tk.end(end - 1)], confidence: 0.65 };
  }
  if (lead <= s0 || tk.word(lead) !== ",") return undefined;
  const cEnd = lead;
  // the report runs on after the attribution ("Lenox was a juggernaut, he said, until it went bankrupt"): medial
  // (two words are enough when they are a predicate, "The plan, he said, is unworkable", "…, never arrived"; not an
  // adjunct, "…, he said, in Denver")
  const short = end - tail === 3 && !badContentStart(tk.low(tail + 1)) && (AUX.test(tk.low(tail + 1)) || tk.finite(tail + 1) || /^(?:never|also|still|already|always|often|rarely|seldom)$/.test(tk.low(tail + 1)));
  const runsOn = tail < end && (end - tail > 3 || short) && !/ing$/.test(tk.low(tail + 1)) && !isQuoteChar(tk.word(tail + 1)) && (looksLikeClause(tk, tail + 1, end) || looksLikeClause(tk, s0, end));
  // a fronted adjunct may open a medial report ("When a post opens, she said, she …"), never a report of its own
  // (linking words before it are the writer's and are left out of the report: "In addition, the campaign …, X said")
  if (badContentStart(tk.low(afterLinkLead(tk, text, s0, cEnd))) && !(runsOn && looksLikeClause(tk, tail + 1, end))) return undefined;
  if (cEnd - s0 >= 3 && looksLikeClause(tk, s0, cEnd) && !runsOn) {
    // (a clause of its own after the dash, not a second verb phrase of the first: "X was headed … — but ditched …")
    const from = afterDash(tk, s0, cEnd);
    const own = from > s0 && DASH_WORD.test(tk.word(from - 1)) && looksLikeClause(tk, from, cEnd);
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(own ? from : s0), tk.end(cEnd - 1)], confidence: 0.7 };
  }
  // a medial attribution: "The museum, Mr. Bush said, will tell …" — the report is the whole sentence, or the phrase
  // after a dash the sentence's own clause ends at ("The bill bars waivers - a provision, Corker said, that is meant …")
  if (cEnd - s0 >= 1 && runsOn) {
    return { speaker, cue: [tk.start(i), tk.end(e - 1)], content: [tk.start(afterDash(tk, s0, cEnd)), tk.end(end - 1)], confidence: 0.65 };
  }
  return undefined;
}

// Labels that end with a colon without being anyone's words ("The" opens a section label, "The Latest:", not a name).
const NOT_SPEAKER = /^(?:update|updated|note|editor|editors|correction|related|photo|photos|video|watch|read|source|sources|image|caption|credit|listen|subscribe|advertisement|warning|spoiler|disclosure|analysis|opinion|exclusive|breaking|live|explainer|factbox|timeline|comment|review|q|a|the|contributing|byline|revealed|paid|email|twitter|facebook|wow)$/i;

/** "Marco Rubio: I'm not interested" / "WALLACE: Let's start …" at the start of a paragraph. */
function speakerTurn(tk: Tokens, text: string, s0: number, s1: number, paraEnd: number): { speaker: SpeakerNP; cue: Span; content: Span; transcript: boolean } | undefined {
  if (!isCapitalised(tk.word(s0)) || NOT_SPEAKER.test(tk.word(s0))) return undefined;
  const speaker = speakerAfter(tk, text, s0, Math.min(s1, s0 + 6));
  if (!speaker || speaker.to >= s1 || tk.word(speaker.to) !== ":" || speaker.to - s0 > 4) return undefined;
  for (let k = s0; k < speaker.to; k++) if (tk.t.kind[k] === 1 && !isCapitalised(tk.word(k))) return undefined;
  const c = speaker.to + 1;
  if (s1 - c < 3) return undefined;
  const transcript = speaker.to - s0 === 1 && /^\p{Lu}{2,}$/u.test(tk.word(s0));
  // a headline's report ends before its full stop, as a sentence's report does; a transcript turn runs to its paragraph's end
  return { speaker, cue: [tk.start(speaker.to), tk.end(speaker.to)], content: [tk.start(c), transcript ? paraEnd : tk.end(Math.max(c + 1, sentenceEnd(tk, c, s1)) - 1)], transcript };
}

// Words that end an "according to" source running on to the sentence end: a time, a clause, a second report. (A
// second conjunct and a restrictive "who" clause are the source's: "according to exit polls and other surveys",
// "according to Democrats who attended the meeting": PolNeAR train, 9 such sources)
const ACCORDING_TAIL_STOP = /^(?:on|last|earlier|during|when|while|after|before|since|as|because|though|although|which|that|said|says|;|:|—|–|\(|-)$/;

// Words after "according to X," that open the source's relative clause or an aside, not the rest of the report.
const MEDIAL_ACCORDING_STOP = /^(?:who|whom|whose|which|where|that|a|an|the|in|on|at|to|for|of|with|by|from|as|although|though|while|including|[a-z]+ing)$/;

/** "According to X, CONTENT." / "CONTENT, according to X." */
function accordingTo(tk: Tokens, text: string, s0: number, s1: number, i: number, end: number): Candidate | undefined {
  // one token past the clause (its final stop) at most, and never past the sentence or the text
  let speaker = speakerAfter(tk, text, i + 2, Math.min(end + 1, s1), true);
  const cue: Span = [tk.start(i), tk.end(i + 1)];
  let k = i - 1;
  while (k >= s0 && /^(?:but|and|yet|so)$/.test(tk.low(k))) k--;
  if (k < s0) {
    // "According to a new report by Politico, …": the source is the whole phrase up to the comma
    if (!speaker || (speaker.to < end && tk.word(speaker.to) !== ",")) {
      let m = i + 2;
      while (m < end && m < i + 22 && tk.word(m) !== "," && (!tk.isPunct(m) || tk.word(m) === "-" || tk.word(m) === "." || tk.word(m) === "/")) m++;
      if (m < end && tk.word(m) === "," && m > i + 2) speaker = phraseNP(tk, text, i + 2, m) ?? speaker;
    }
    if (!speaker) return undefined;
    if (speaker.to < end && tk.word(speaker.to) === "," && end - speaker.to > 3) {
      return { speaker, cue, content: [tk.start(speaker.to + 1), tk.end(end - 1)], confidence: 0.75 };
    }
    return undefined;
  }
  // ("…, according to early returns.": words the phrase reader stops at, a time word, a verb-like noun, still name the
  // source when they run to the sentence's end)
  if (!speaker) {
    let m = i + 2;
    while (m < end && m - i < 24 && tk.isWord(m)) m++;
    if (m === end && m > i + 2) speaker = phraseNP(tk, text, i + 2, m);
  }
  if (!speaker) return undefined;
  // "Enrollment, according to the school board, has doubled …": a medial attribution reports the whole sentence around it
  // (the scorer splits it at the source) when the words before it are no clause of their own, or a clause joined to
  // one after it by "and" ("…, according to X, and …"); linking words alone before it are the writer's ("In addition,
  // according to X, …" reports what follows X). A relative clause or an apposition after the source is the source's.
  if (tk.word(i - 1) === "," && speaker.to < end - 2 && tk.word(speaker.to) === "," && !MEDIAL_ACCORDING_STOP.test(tk.low(speaker.to + 1))) {
    const from = afterLinkLead(tk, text, s0, i + 1);
    // (a clause with its own subject: "…, and said …" goes on with the sentence's subject, whose report this is not)
    const and = tk.low(speaker.to + 1) === "and";
    const joined = and && !tk.finite(speaker.to + 2) && !AUX.test(tk.low(speaker.to + 2)) && !tk.cue(speaker.to + 2);
    const right = joined ? speaker.to + 2 : speaker.to + 1;
    if ((joined || !and) && looksLikeClause(tk, right, end) && (from >= i - 1 || joined || !looksLikeClause(tk, from, i - 1))) {
      return { speaker, cue, content: [tk.start(from >= i - 1 ? speaker.to + 1 : from), tk.end(end - 1)], confidence: 0.75 };
    }
  }
  // "…, according to attorneys for the family.": the source runs to the sentence's end (PolNeAR train: 241 of 307),
  // short of a time or a clause after it ("… according to a tally on Monday", "…, according to X, was …")
  if (speaker.to < end) {
    let m = speaker.to;
    // ("a senator who requested anonymity": a "who" clause reporting of its own is another attribution)
    while (m < end && tk.word(m) !== "," && !ACCORDING_TAIL_STOP.test(tk.low(m)) && !(tk.low(m) === "who" && tk.cue(m + 1)) && !isQuoteChar(tk.word(m)) && m - speaker.from < 24) m++;
    if (m > speaker.to && (m === end || tk.word(m) !== ",")) speaker = phraseNP(tk, text, speaker.from, m) ?? speaker;
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
