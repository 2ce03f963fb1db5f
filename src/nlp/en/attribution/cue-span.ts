// Cue spans that run on past their head verb: "continued to insist", "tried to explain" (chain heads learned from PolNeAR train).
import cueLexicon from "../lexicons/cues.json" with { type: "json" };
import type { Span } from "../../../core/record.js";
import { isCapitalised, type Tokens } from "../extractors/quote-common.js";

// Verb lemmas whose cue, in the train split, usually takes "to" and a second cue verb along (scripts/build-cue-lexicon.mjs).
const CHAINS = new Set((cueLexicon as { chains?: string }).chains?.split(" ").filter(Boolean) ?? []);

/**
 * "He continued to insist that …": when a cue ends on a chain head and its content opens with "to" and a cue verb,
 * the cue takes both ("continued to insist") and the content starts after them (after a "that", as a clause report
 * does). Null when the chain head's infinitive is no cue verb ("continues to grow": no report at all); undefined when
 * the cue is no chain or the second verb would leave no content.
 */
export function chainCue(tk: Tokens, cue: Span, content: Span): { cue: Span; content: Span } | null | undefined {
  const j = tk.at(cue[1]) - 1;
  const lemma = j >= 0 ? tk.cue(j)?.lemma : undefined;
  if (lemma === undefined || !CHAINS.has(lemma)) return undefined;
  const to = j + 1;
  // the content opens at the "to" (the infinitive the object reader reports), or later (the boundary rankers
  // may have moved it past "to insist, most recently in …,")
  if (to + 1 >= tk.count || tk.low(to) !== "to" || content[0] < tk.start(to)) return undefined;
  const v = to + 1;
  if (!tk.isWord(v) || isCapitalised(tk.word(v))) return undefined;
  // "Sanders continues to trail Clinton", "the lead continues to grow": a chain head before another verb reports nothing
  if (tk.cue(v) === undefined) return null;
  let c = v + 1;
  if (c < tk.count && tk.low(c) === "that") c++;
  if (c >= tk.count || !tk.isWord(c)) return undefined;
  const from = Math.max(content[0], tk.start(c));
  return from < content[1] ? { cue: [cue[0], tk.end(v)], content: [from, content[1]] } : undefined;
}
