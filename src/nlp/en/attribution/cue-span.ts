// Cue spans that run on past their head verb: "continued to insist", "tried to explain" (chain heads learned from PolNeAR train).
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import type { Span } from "../../../core/record.js";
import { afterThat, isCapitalised, type Tokens } from "../extractors/quote-common.js";

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

// Light verbs whose cue, in PolNeAR, carries the words that make them a speech act ("made clear", "took issue with",
// "pleaded guilty", "shot back", "as she put it"): the verb's forms, and the words after it that join the cue.
const LIGHT_VERB_TAILS: readonly [RegExp, RegExp][] = [
  [/^(?:make|makes|made|making)$/, /^(?:it clear|clear|no secret of|no mention of)$/],
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
const TAIL_MAX = 4;

/**
 * "Sanders has made clear that …", "Clinton shot back that …", "As Foner put it, …": a light verb's cue takes the
 * words that make it a speech act (LIGHT_VERB_TAILS), and a content starting inside them starts after them (after a
 * "that", as a clause report's does). Undefined when the cue ends on no light verb or no tail follows it.
 */
export function lightVerbCue(tk: Tokens, cue: Span, content: Span): { cue: Span; content: Span } | undefined {
  const j = tk.at(cue[1]) - 1;
  if (j < 0 || j >= tk.count) return undefined;
  const verb = tk.low(j);
  const entry = LIGHT_VERB_TAILS.find(([v]) => v.test(verb));
  if (!entry) return undefined;
  let words = "";
  for (let k = j + 1; k < tk.count && k <= j + TAIL_MAX && tk.isWord(k); k++) {
    words = words ? `${words} ${tk.low(k)}` : tk.low(k);
    if (!entry[1].test(words)) continue;
    const tailEnd = tk.end(k);
    // a content before the cue ("…, as she put it") keeps its span; one after it starts past the tail
    if (content[1] <= cue[0]) return { cue: [cue[0], tailEnd], content };
    if (content[0] < cue[1]) return undefined;
    const c = afterThat(tk, k + 1, tk.count);
    const from = content[0] >= tailEnd ? content[0] : c < tk.count ? Math.max(content[0], tk.start(c)) : content[1];
    return from < content[1] ? { cue: [cue[0], tailEnd], content: [from, content[1]] } : undefined;
  }
  return undefined;
}
