// Who speaks when the cue's subject does not: passives ("X was asked", "was reported by Y") and raising verbs ("X seems to …").
import type { Span } from "../../../core/record.js";
import { Tokens, cueVerb, speakerAfter, type SpeakerNP } from "../extractors/quote-common.js";

// A form of "be" (or "get") and the adverbs that may follow it, right before the cue: the cue is a passive participle.
const BE_BEFORE = /(?:^|[\s,])(?:is|are|was|were|be|been|being|'re|’re|get|gets|got|gotten|getting)\s+(?:(?:also|not|never|often|first|now|still|already|once|again|widely|long|[a-z]{3,}ly)\s+)*$/i;
// A past participle: regular, or one of the irregular ones cue verbs have.
const PARTICIPLE = /^(?:[a-z]+ed|told|known|shown|seen|thought|said|written|given|taken|heard|held|sought|understood|spoken|drawn|chosen|led|made|meant|found|felt|taught|bought|brought|forbidden|beaten|hidden|sworn|struck|stricken)$/i;
// Participles of feeling and conviction: their subject is who holds the attitude ("Some Democrats are concerned that …"),
// as PolNeAR marks it (train: every passive whose source is its subject is one of these; "was asked" and the like never).
const EXPERIENCER = /^(?:concerned|convinced|worried|shocked|surprised|outraged|alarmed|disappointed|pleased|delighted|excited|determined|scared|frightened|terrified|startled|mystified|puzzled|impressed|troubled|dismayed|disturbed|satisfied|persuaded|annoyed|angered|offended|horrified|appalled|stunned|amazed|thrilled|relieved|disgusted|frustrated|encouraged|intrigued|fascinated|resigned|committed|inclined|prepared|opposed|tempted|confused|confident|afraid|aware)$/i;
// Raising verbs: "Melania seems to have vanished" reports nobody's words; "it appears that …" neither.
const RAISING = /^(?:seems?|seemed|seeming)$/i;
const EXPLETIVE_RAISING = /^(?:seems?|seemed|appears?|appeared)$/i;

/**
 * What a cue written after its speaker phrase makes of that phrase: `undefined` when the phrase is the speaker,
 * else the agent of a passive ("was first reported by The Washington Post") or `null` for no speaker at all
 * ("Mr. Quiros was accused of …", "Melania seems to have vanished", "it appeared that …").
 */
export function subjectVoice(tk: Tokens, text: string, speaker: Span, cue: Span, hi: number): SpeakerNP | null | undefined {
  if (speaker[1] > cue[0] || cue[0] - speaker[1] > 40) return undefined;
  const head = /^[\p{L}'’-]+/u.exec(text.slice(cue[0], cue[1]))?.[0] ?? "";
  const between = text.slice(speaker[1], cue[0]);
  // ("seemed to think …", "appeared to blame …": a verb of saying or thinking after it is the report; the subject stays)
  const then = /^\s+to\s+([a-z]+)/.exec(text.slice(cue[1], cue[1] + 30));
  if (RAISING.test(head) && !/[,;:"“”]/.test(between) && !(then && (cueVerb(then[1]!)?.rate ?? 0) >= 0.1)) return null;
  if (EXPLETIVE_RAISING.test(head) && /^it$/i.test(text.slice(speaker[0], speaker[1])) && /^\s*$/.test(between)) return null;
  if (!PARTICIPLE.test(head) || EXPERIENCER.test(head) || !BE_BEFORE.test(between)) return undefined;
  return byAgent(tk, text, cue, hi) ?? null;
}

/** "by" right after the cue (perhaps after an adverb), then a noun phrase that names someone. */
function byAgent(tk: Tokens, text: string, cue: Span, hi: number): SpeakerNP | undefined {
  const by = /^\s+(?:[a-z]{3,}ly\s+)?by\s+(?=\S)/.exec(text.slice(cue[1], cue[1] + 40));
  if (!by) return undefined;
  const agent = speakerAfter(tk, text, tk.at(cue[1] + by[0].length), hi);
  return agent && !agent.pronoun ? agent : undefined;
}
