// Cue spans that run on past or start before their head verb: "continued to insist", "made the case for", "issued a statement saying", "he’s hoping".
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import type { Span } from "../../../core/record.js";
import { afterThat, isCapitalised, isQuoteChar, type Tokens } from "../extractors/quote-common.js";

// Verb lemmas whose cue, in the train split, usually takes "to" and a second cue verb along (scripts/build-cue-lexicon.mjs).
const CHAINS = new Set((cueLexicon as { chains?: string }).chains?.split(" ").filter(Boolean) ?? []);

// Raising verbs, and how often a cue the verb after them must be to make their subject a speaker (attribution/voice.ts reads the same rate).
const RAISING = /^(?:seems?|seemed|appears?|appeared)$/;
const RAISING_CHAIN_RATE = 0.1;

/**
 * "He continued to insist that …": when a cue ends on a chain head and its content opens with "to" and a cue verb,
 * the cue takes both ("continued to insist") and the content starts after them (after a "that", as a clause report
 * does). Null when the chain head's infinitive is no cue verb ("continues to grow": no report at all); undefined when
 * the cue is no chain or the second verb would leave no content.
 */
export function chainCue(tk: Tokens, cue: Span, content: Span): { cue: Span; content: Span } | null | undefined {
  const j = tk.at(cue[1]) - 1;
  // "Carson seems to recognize …": a raising verb before a verb of saying or thinking is a chain head too (its
  // subject the speaker, attribution/voice.ts); before any other verb it raises its subject instead (undefined here)
  const raising = j >= 0 && RAISING.test(tk.low(j));
  if (raising) {
    const v = j + 2;
    if (v >= tk.count || tk.low(j + 1) !== "to" || (tk.cue(v)?.rate ?? 0) < RAISING_CHAIN_RATE) return undefined;
  }
  const lemma = j >= 0 ? tk.cue(j)?.lemma : undefined;
  if (!raising && (lemma === undefined || !CHAINS.has(lemma))) return undefined;
  const to = j + 1;
  // the content opens at the "to" (the infinitive the object reader reports), or later (the boundary rankers
  // may have moved it past "to insist, most recently in …,")
  if (to + 1 >= tk.count || tk.low(to) !== "to" || content[0] < tk.start(to)) return undefined;
  const v = to + 1;
  if (!tk.isWord(v) || isCapitalised(tk.word(v))) return undefined;
  // "Sanders continues to trail Clinton", "the lead continues to grow": a chain head before another verb reports nothing
  if (tk.cue(v) === undefined) return null;
  const c = afterThat(tk, v + 1, tk.count);
  if (c >= tk.count || !tk.isWord(c)) return undefined;
  const from = Math.max(content[0], tk.start(c));
  return from < content[1] ? { cue: [cue[0], tk.end(v)], content: [from, content[1]] } : undefined;
}

/** "went on to say", "goes on to discuss": the token of the "go" that opens the chain before the cue at i, else undefined. */
export function goOnChain(tk: Tokens, s0: number, i: number): number | undefined {
  if (i - 3 <= s0 || tk.low(i - 1) !== "to" || tk.low(i - 2) !== "on" || !/^(?:go|goes|went|gone|going)$/.test(tk.low(i - 3))) return undefined;
  return i - 3;
}

// Adjectives of readiness that make a "be" and the verb after their "to" one cue ("was quick to point out", "are eager
// to hear"): PolNeAR's cue spans them all.
const READY = /^(?:quick|eager|keen)$/;
// What may stand between the "be" and the adjective ("are all quick to", "was more eager to").
const READY_ADVERB = /^(?:all|both|so|very|more|less|too|always|often|also|not|never|now|still|ever|[a-z]{3,}ly)$/;
const BE = /^(?:is|are|was|were|be|been|being|am|'s|'re|’s|’re|'m|’m)$/;
/** A form of "be", clitics included ("'s", "'re"): the verb before an adjective of readiness or stance. */
export const isBeForm = (w: string): boolean => BE.test(w);

/**
 * "were quick to note", "is eager to discuss": the token of the "be" that opens a chain of readiness before the verb at
 * i, else undefined.
 */
export function readyChain(tk: Tokens, s0: number, i: number): number | undefined {
  if (i - 3 <= s0 || tk.low(i - 1) !== "to" || !READY.test(tk.low(i - 2))) return undefined;
  let k = i - 3;
  while (k > s0 && i - k <= 5 && READY_ADVERB.test(tk.low(k))) k--;
  return k > s0 && BE.test(tk.low(k)) ? k : undefined;
}

// Light verbs whose cue, in PolNeAR, carries the words that make them a speech act ("made clear", "took issue with",
// "pleaded guilty", "shot back", "as she put it"): the verb's forms, and the words after it that join the cue.
const LIGHT_VERB_TAILS: readonly [RegExp, RegExp][] = [
  // ("made the case for", "makes no apologies for": PolNeAR train takes the noun in 19 of 23, its preposition in 20 of 29)
  [/^(?:make|makes|made|making)$/, /^(?:it clear|clear|no secret of|(?:a|an|the|his|her|their|its|no)(?: [a-z-]+){0,2} (?:case|point|observation|plea|argument|call|attack|mention|apologies|commitment|claim|promise|pledge|accusation|joke|comment|remark|appeal)s?(?: (?:for|about|of|on|against))?|(?:a|an|the|his|her|their|its|no)(?: [a-z-]+){0,2} references? to)$/],
  [/^(?:raise|raises|raised|raising|pose|poses|posed|posing)$/, /^(?:[a-z]+ )?questions about$/],
  [/^(?:take|takes|took|taken|taking)$/, /^(?:issue with|credit for|aim at|shots at|a shot at|some shots at)$/],
  [/^(?:go|goes|went|gone|going)$/, /^(?:on to [a-z]+|even further|further)$/],
  [/^(?:put|puts|putting)$/, /^it$/],
  [/^(?:plead|pleads|pleaded|pled|pleading)$/, /^(?:guilty|not guilty)$/],
  [/^(?:shoot|shoots|shot|fire|fires|fired|hit|hits|hitting|fight|fights|fought|push|pushed|pushes)$/, /^back$/],
  [/^(?:lash|lashes|lashed|lashing)$/, /^out at$/],
  [/^(?:express|expresses|expressed|expressing|voice|voices|voiced|voicing)$/,
    /^(?:concern|concerns|confidence|alarm|frustration|fear|fears|doubt|doubts|skepticism|scepticism|optimism|regret|outrage|dismay|surprise|disappointment|support|opposition|reservations|misgivings)$/],
  [/^(?:focus|focuses|focused|focusing|focussed)$/, /^on$/],
  [/^(?:point|points|pointed|pointing)$/, /^to$/],
];
const TAIL_MAX = 6;

/**
 * The last token of the tail that makes the light verb at token j a speech act ("made clear", "put it", "shot back"),
 * within tokens before hi; -1 when j is no light verb or no tail follows it.
 */
export function lightVerbTail(tk: Tokens, j: number, hi: number): number {
  if (j < 0 || j >= tk.count) return -1;
  const verb = tk.low(j);
  const entry = LIGHT_VERB_TAILS.find(([v]) => v.test(verb));
  if (!entry) return -1;
  // the longest tail ("made the case for", not "made the case")
  let words = "";
  let last = -1;
  for (let k = j + 1; k < hi && k <= j + TAIL_MAX && tk.isWord(k); k++) {
    words = words ? `${words} ${tk.low(k)}` : tk.low(k);
    if (entry[1].test(words)) last = k;
  }
  return last;
}

/**
 * "Sanders has made clear that …", "Clinton shot back that …", "As Foner put it, …": a light verb's cue takes the
 * words that make it a speech act (LIGHT_VERB_TAILS), and a content starting inside them starts after them (after a
 * "that", as a clause report's does). Undefined when the cue ends on no light verb or no tail follows it.
 */
export function lightVerbCue(tk: Tokens, cue: Span, content: Span): { cue: Span; content: Span } | undefined {
  const k = lightVerbTail(tk, tk.at(cue[1]) - 1, tk.count);
  if (k < 0) return undefined;
  const tailEnd = tk.end(k);
  // a content before the cue ("…, as she put it") keeps its span; one after it starts past the tail
  if (content[1] <= cue[0]) return { cue: [cue[0], tailEnd], content };
  if (content[0] < cue[1]) return undefined;
  const c = afterThat(tk, k + 1, tk.count);
  const from = content[0] >= tailEnd ? content[0] : c < tk.count ? Math.max(content[0], tk.start(c)) : content[1];
  return from < content[1] ? { cue: [cue[0], tailEnd], content: [from, content[1]] } : undefined;
}

// Verbs that put a medium out, and the media: "issued a statement saying …" is one speech act, whose cue PolNeAR train
// runs from the verb through the participle (37 of 42 such reports; the other 5 mark the participle alone).
const ISSUE_VERB = /^(?:issue|issues|issued|issuing|release|releases|released|releasing|post|posts|posted|posting|send|sends|sent|sending|publish|publishes|published|publishing|write|writes|wrote|writing|file|files|filed|filing|unveil|unveils|unveiled|unveiling|put|puts|putting|run|runs|ran|running|air|airs|aired|airing)$/;
const MEDIUM = /^(?:statement|letter|memo|report|video|ad|advertisement|message|email|e-mail|tweet|post|op-ed|release|complaint|lawsuit|note|editorial|column)s?$/;
const MEDIUM_DETERMINER = /^(?:a|an|the|his|her|its|their|another)$/;
// what may stand between the medium and the participle ("on Twitter", "Tuesday night,", "to his supporters"): no
// clause of its own
const MEDIUM_GAP = 8;
const GAP_STOP = /^(?:[.;:!?()]|that|which|who|and|but|or)$/;
const NOT_PUT_OUT = /^(?:to|for|of|about|after|before|without|from|against)$/;

/**
 * "The campaign issued a statement Tuesday saying …", "She sent a letter to the board urging …": a participle cue after
 * the medium its subject put out starts at the verb that put it out. Undefined unless the cue is such a participle
 * and the speaker stands before that verb.
 */
export function mediumCue(tk: Tokens, cue: Span, speaker: Span): Span | undefined {
  const i = tk.at(cue[0]);
  if (i <= 0 || !/^[a-z]+ing$/.test(tk.word(i))) return undefined;
  let m = i - 1;
  for (; m >= 0 && i - m <= MEDIUM_GAP && !MEDIUM.test(tk.low(m)); m--) {
    if (GAP_STOP.test(tk.low(m)) || isQuoteChar(tk.word(m))) return undefined;
  }
  if (m < 0 || !MEDIUM.test(tk.low(m))) return undefined;
  // the medium's modifiers back to its determiner ("a new radio ad", "a scathing report")
  let d = m - 1;
  while (d > 0 && m - d <= 4 && tk.isWord(d) && !MEDIUM_DETERMINER.test(tk.low(d))) d--;
  if (d <= 0 || !MEDIUM_DETERMINER.test(tk.low(d))) return undefined;
  // ("put out a statement")
  const v = tk.low(d - 1) === "out" && d > 1 ? d - 2 : d - 1;
  // (an infinitive's or a preposition's medium is not yet out: "would not be able to file its statement in time,
  // warning …", "called for releasing the videos, saying …")
  if (!ISSUE_VERB.test(tk.low(v)) || speaker[1] > tk.start(v) || (v > 0 && NOT_PUT_OUT.test(tk.low(v - 1)))) return undefined;
  return [tk.start(v), cue[1]];
}

// A pronoun's clitic auxiliary ("he’s hoping", "they've argued", "I'd say"): PolNeAR's cue starts at the clitic, as it
// starts at a spelled-out auxiliary (train: 115 of 127 gold cues after a personal pronoun's clitic take it along).
const CLITIC = /^['’](?:s|re|ve|d|ll|m)$/;
const FUSED_CLITIC = /^(?:i|you|he|she|we|they|who)(['’])(?:re|ve|d|ll|m)$/;
const CLITIC_PRONOUN = /^(?:i|you|he|she|we|they|who)$/;
// what may stand between the clitic and the verb ("’s also praising", "'ve long argued", "'d never said")
const CHAIN_WORD = /^(?:been|being|be|not|never|also|now|still|just|even|long|already|always|often|again|[a-z]{3,}ly)$/;
const CHAIN_MAX = 3;

/** Where the cue starting at cue[0] starts when a pronoun's clitic auxiliary heads its verb chain; cue[0] when none does. */
export function cliticStart(tk: Tokens, cue: Span): number {
  const i = tk.at(cue[0]);
  let k = i - 1;
  while (k >= 0 && i - k <= CHAIN_MAX && CHAIN_WORD.test(tk.low(k))) k--;
  if (k < 0) return cue[0];
  const w = tk.low(k);
  if (CLITIC.test(w)) return k > 0 && tk.start(k) === tk.end(k - 1) && CLITIC_PRONOUN.test(tk.low(k - 1)) ? tk.start(k) : cue[0];
  const fused = FUSED_CLITIC.exec(w);
  return fused ? tk.start(k) + w.indexOf(fused[1]!) : cue[0];
}
