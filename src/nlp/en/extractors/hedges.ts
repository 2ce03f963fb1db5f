// Certainty cue words (hedges, denials, estimates, attributions) from the generated lexicon, with the context checks that keep look-alikes out.
import { TokenKind, type Hedge, type TokenTable } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { ClaimStatus, Span } from "../../../core/record.js";
import lexicon from "../lexicons/hedges.json" with { type: "json" };
import { tokenize } from "./tokens.js";

interface LexiconEntry {
  cue: string;
  status: string;
  weak: boolean;
  from: string[];
}

/** Provenance tag of cues that only count when a statement has no stronger cue ("would", "can"). */
export const WEAK_SOURCE = "lexicon:weak";

const AUX_BEFORE_NOT = new Set(["did", "does", "do", "has", "have", "had", "could", "would", "was", "were", "is", "are", "can", "should"]);

const ENTRIES = (lexicon as { entries: LexiconEntry[] }).entries;
interface Compiled {
  entry: LexiconEntry;
  /** the cue's words; "{adv}" is one optional -ly adverb */
  words: string[];
}
// Dispatch on the first word, longest cue first so that "could not be verified" wins over
// "could"; the rest of a cue is compared word by word. (One regex alternation of every cue made
// the engine try each alternative at every position, and one regex per cue cost a compile each.)
const BY_FIRST = new Map<string, Compiled[]>();
for (const e of [...ENTRIES].sort((a, b) => b.cue.length - a.cue.length)) {
  const words = e.cue.split(" ");
  const list = BY_FIRST.get(words[0]!) ?? [];
  list.push({ entry: e, words });
  BY_FIRST.set(words[0]!, list);
}
// the next word after whitespace only: a cue never runs across punctuation
// Cheap filter before any string is made: for each lower-case first letter, a bit mask of the
// lengths (up to 31) that a cue's first word, or its "n't" contraction, can have.
const FIRST_LENGTHS = new Uint32Array(128);
for (const [first] of BY_FIRST) {
  const c = first.charCodeAt(0);
  if (c >= 128) continue;
  for (const len of [first.length, first.length + 3]) if (len < 32) FIRST_LENGTHS[c] |= 1 << len;
}
// The same by the first two letters (ASCII), which most words that share a first letter and a length with a cue
// word do not share with it ("shows" vs "say"): a word whose second character is not ASCII is let through.
const FIRST_TWO_LENGTHS = new Uint32Array(128 * 128);
for (const [first] of BY_FIRST) {
  const c = first.charCodeAt(0) | 0x20;
  if (c >= 128) continue;
  // the word itself, then its "n't" contraction ("did" → "didn't"; a one-letter word's second letter is the "n")
  const forms: [number, number][] = [[first.length, first.length >= 2 ? first.charCodeAt(1) : -1], [first.length + 3, first.length >= 2 ? first.charCodeAt(1) : 0x6e]];
  for (const [len, second] of forms) {
    if (second < 0 || second >= 128 || len >= 32) continue;
    FIRST_TWO_LENGTHS[c * 128 + (second | 0x20)] |= 1 << len;
  }
}
const mayStartCue = (text: string, start: number, end: number): boolean => {
  const c = text.charCodeAt(start) | 0x20; // ASCII lower case
  const len = end - start;
  if (!(c < 128 && len < 32 && (FIRST_LENGTHS[c]! & (1 << len)) !== 0)) return false;
  if (len < 2) return true;
  const d = text.charCodeAt(start + 1);
  return d >= 128 || (FIRST_TWO_LENGTHS[c * 128 + (d | 0x20)]! & (1 << len)) !== 0;
};
const NEXT_WORD = /\s+([\p{L}][\p{L}\p{N}'’-]*)/uy;
const CONTRACTED_NOT = /n['’]t$/;

/**
 * The words read after one token's first word, shared by all its candidate cues (a common first word such as
 * "could" or "it" has up to seven, which read the same next words): the word after offset NEXT_AT[k] is
 * NEXT_LOWER[k], lower-cased, ending at NEXT_END[k] (-1: no word follows there). `nextCount = 0` starts a token.
 */
const NEXT_AT: number[] = [];
const NEXT_END: number[] = [];
const NEXT_LOWER: string[] = [];
let nextCount = 0;

/** Index of the word after white space at `end` (see NEXT_AT), read on first need. */
function nextWord(text: string, end: number): number {
  for (let k = 0; k < nextCount; k++) if (NEXT_AT[k] === end) return k;
  NEXT_WORD.lastIndex = end;
  const m = NEXT_WORD.exec(text);
  const k = nextCount++;
  NEXT_AT[k] = end;
  NEXT_END[k] = m ? NEXT_WORD.lastIndex : -1;
  NEXT_LOWER[k] = m ? m[1]!.toLowerCase() : "";
  return k;
}

/** End offset of cue `c` starting with the word `first` at `at`, or -1. */
function matchCue(text: string, c: Compiled, first: string, at: number): number {
  const { words } = c;
  let i = 1;
  if (first !== words[0]) {
    // "didn't" stands for "did not"
    if (!(words[1] === "not" && AUX_BEFORE_NOT.has(words[0]!) && CONTRACTED_NOT.test(first) && first.slice(0, -3) === words[0])) return -1;
    i = 2;
  }
  let end = at + first.length;
  for (; i < words.length; i++) {
    const k = nextWord(text, end);
    const found = NEXT_END[k]! >= 0;
    const next = NEXT_LOWER[k]!;
    if (words[i] === "{adv}") {
      if (found && next.endsWith("ly")) end = NEXT_END[k]!;
      continue;
    }
    if (!found || next !== words[i]) return -1;
    end = NEXT_END[k]!;
  }
  return end;
}

// Context checks: why a matching word is not a certainty cue here.
const MODAL_FOLLOWERS_CAPITALISED = /^\s+(?:be|have|not|well|also|never|soon|yet|need|help|become|take|come|prove|face|want|seem|appear)\b/;
const UNREACHABLE = /^\s*(?:not|n['’]t)\s+(?:\p{L}+ly\s+)?(?:be\s+)?(?:reached|contacted)\b/iu;
const PAST_INABILITY = /^\s*(?:not\b|n['’]t\b)/i;
const CLAIM_TAKES = /^\s+(?:responsibility|credit|victory|the\s+lives|lives|the\s+title|a\s+seat|seats|gold|asylum|benefits|compensation|damages|the\s+crown|the\s+record)\b/i;
const CLAIM_NOUN_LEFT = /\b(?:insurance|jobless|unemployment|benefits?|patent|compensation|damages?|pension|tax|expense|territorial|land|warranty)\s+$/i;
const POSSIBLE_IDIOM_LEFT = /\b(?:as\s+\p{L}+\s+as|best|only|everything|all|if|where|whenever|wherever|soon\s+as)\s+$/iu;

function rejected(text: string, cue: string, start: number, end: number, sentenceStart: number): boolean {
  const first = cue[0]!;
  const lower = cue.toLowerCase();
  const left = text.slice(Math.max(sentenceStart, start - 40), start);
  const right = text.slice(end, end + 40);
  // Capitalised look-alikes ("United States", "May said", "Will Smith"): a cue is capitalised only
  // when it opens the sentence or a quotation.
  if (/\p{Lu}/u.test(first) && !/^[\s"'“‘(—–-]*$/.test(left)) return true;
  if (lower === "may") {
    if (/^\s+\d{1,2}\b/.test(right)) return true; // "May 5": a date
    if (first === "M" && !MODAL_FOLLOWERS_CAPITALISED.test(right)) return true; // "May said": a name
  }
  if (/^(?:could|can|may|might|would)$/.test(lower)) {
    if (UNREACHABLE.test(right)) return true; // "could not be reached for comment": a fact about the reporter
    if (lower === "could" && PAST_INABILITY.test(right)) return true; // "could not attend": past inability, a fact
    if (/^\s+(?:like|love|prefer|rather)\b/i.test(right)) return true; // "I would like to thank": a wish, not a possibility
  }
  if (/^claim(?:s|ed|ing)?$/.test(lower) && (CLAIM_TAKES.test(right) || CLAIM_NOUN_LEFT.test(left))) return true;
  if (lower === "possible" && POSSIBLE_IDIOM_LEFT.test(left)) return true;
  if (/^(?:say|said)$/.test(lower) && /\b(?:a|the|no|any|final)\s+$/i.test(left)) return true; // "have a say", "the said"
  if (lower === "think" && /\b(?:a|the)\s+$/i.test(left)) return true;
  if (lower === "thought" && /^\s+(?:of|about)\b/i.test(right)) return true; // "thought of as": a description
  return false;
}

/** Certainty cues in the sentences of a tokenised text (token indices `[tokenStart, tokenEnd)` per sentence). */
export function findHedgesInTokens(text: string, tokens: TokenTable, sentences: readonly { span: Span; tokenStart: number; tokenEnd: number }[]): Hedge[] {
  const out: Hedge[] = [];
  for (const sent of sentences) {
    const [from, to] = sent.span;
    let skipUntil = -1;
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      if (tokens.kind[t] !== TokenKind.Word) continue;
      const at = tokens.start[t]!;
      if (at < skipUntil) continue;
      if (!mayStartCue(text, at, tokens.end[t]!)) continue;
      const lower = text.slice(at, tokens.end[t]).toLowerCase();
      // "didn't" starts the cue "did not"
      const cands = BY_FIRST.get(lower) ?? (CONTRACTED_NOT.test(lower) ? BY_FIRST.get(lower.slice(0, -3)) : undefined);
      if (!cands) continue;
      let end = -1;
      let entry: LexiconEntry | undefined;
      nextCount = 0;
      for (const c of cands) {
        end = matchCue(text, c, lower, at);
        if (end >= 0) {
          entry = c.entry;
          break;
        }
      }
      if (end < 0 || !entry || end > to) continue;
      const cue = text.slice(at, end);
      if (rejected(text, cue, at, end, from)) continue;
      // continue after the cue so its inner words are not matched again
      skipUntil = end;
      out.push({ span: [at, end], text: cue, status: entry.status as ClaimStatus, source: entry.weak ? WEAK_SOURCE : "lexicon" });
    }
  }
  return out;
}

/** Certainty cues inside the given sentence spans of `text` (tokenises them first). */
export function findHedges(text: string, sentences: readonly Span[]): Hedge[] {
  const tokens = tokenize(text, sentences);
  let t = 0;
  const withTokens = sentences.map((span, i) => {
    const tokenStart = t;
    while (t < tokens.count && tokens.sentence[t] === i) t++;
    return { span, tokenStart, tokenEnd: t };
  });
  return findHedgesInTokens(text, tokens, withTokens);
}

export const hedges: Stage = {
  name: "hedges",
  kind: "extractor",
  requires: ["token"],
  provides: ["hedge"],
  run(doc: Document) {
    // token requires sentence, so the sentence layer is always there when this runs
    doc.set("hedge", findHedgesInTokens(doc.text, doc.get("token"), doc.get("sentence")));
  },
};
