// Who speaks when the cue's subject does not: passives ("X was asked", "was reported by Y") and raising verbs ("X seems to …").
import type { Span } from "../../../core/record.js";
import { Tokens, cueVerb, isCapitalised, isQuoteChar, speakerAfter, type SpeakerNP } from "../extractors/quote-common.js";

// Auxiliaries that may stand between a subject and its cue ("has been", "will be", "could have been").
const AUX = /^(?:is|are|was|were|be|been|being|has|have|had|will|would|could|can|may|might|must|should|shall|does|did|do|'re|'ve|'ll|'d|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|doesn't|didn't|don't)$/;
// Forms of "be" (or "get") among them that make a participle cue a passive ("'s" stays out: "he's said" is "he has said").
const BE = /^(?:is|are|was|were|be|been|being|'re|’re|isn't|aren't|wasn't|weren't|get|gets|got|gotten|getting)$/;
// Adverbs without "-ly" that sit among a verb's auxiliaries ("was once asked", "was first reported", "has not been").
const VERB_ADVERB = /^(?:also|once|first|never|not|n't|still|already|again|later|often|now|widely|long)$/;
// A past participle: regular, or one of the irregular ones cue verbs have.
const PARTICIPLE = /^(?:[a-z]+(?:ed|en|wn)|told|thought|said|held|sought|understood|led|made|meant|found|felt|taught|bought|brought|struck)$/;
// Participles of feeling, conviction or stance: their subject is who holds the attitude ("Some Democrats are concerned
// that …", "are divided over …"), as PolNeAR marks it (train: every passive whose source is its subject is one of these;
// "was asked" and the like never). The one list the extractor and the refiner read.
const STATE_PARTICIPLE =
  /^(?:concerned|convinced|worried|divided|split|tired|dedicated|devoted|delighted|excited|focused|assured|poised|inclined|aligned|unified|engaged|pleased|disappointed|surprised|frustrated|alarmed|shocked|determined|committed|interested|prepared|satisfied|confused|troubled|disturbed|impressed|opposed|scared|upset|outraged|angered|dismayed|relieved|resigned|puzzled|annoyed|offended|obsessed|amazed|stunned|unconvinced|unimpressed|mystified|embittered|gripped|known|frightened|terrified|startled|horrified|appalled|thrilled|disgusted|encouraged|intrigued|fascinated|persuaded|tempted)$/;
// A complementiser between the cue and its content, perhaps after a short adjunct ("was revealed in March that …"),
// not after an infinitive or a reason ("is expected to pass a bill that …", "criticized for not taking down sites that …").
const THAT_GAP = /^\s*(?!(?:to|for)\s)(?:\S+\s+){0,4}that,?\s*$/i;
// Verbs whose passive subject is the one spoken to ("was asked to …", "were told …", "was urged to …").
const ADDRESSEE = /^(?:ask|tell|urge|remind|warn|inform|advise|question|press|invite|instruct|order|assure|promise|encourage|pressure|persuade|convince)$/;
// Raising verbs: "Melania seems to have vanished" reports nobody's words; "it appears that …" neither.
const SEEM = /^(?:seems?|seemed|seeming)$/;
const APPEAR = /^(?:appears?|appeared|appearing)$/;
// A verb of saying or thinking after a raising verb is the report, its subject the speaker ("seemed to think …")
const SAYING_AFTER_RATE = 0.1;
// How far (characters) a speaker phrase may stand before a cue and still be the cue's subject.
const SUBJECT_GAP = 40;
// How far back (tokens) a raised subject may reach, and what cannot open it.
const SUBJECT_MAX = 30;
const PP_START = /^(?:at|during|in|on|before|after|from|with|to)$/;
const SUBORDINATOR = /^(?:after|before|when|while|since|because|as|if|although|though|unless|until|once|whereas)$/;
const STRONG_RATE = 0.3;

/** What a passive or raising cue makes of its subject. */
export interface Voice {
  /** the agent of a passive ("reported by The Washington Post"): the source; else the report has none */
  agent?: SpeakerNP;
  /** the first token of the subject, when it belongs to the content (the content follows the cue): "Turnout | is expected | to rise" */
  subject?: number;
  /** the token the subject ends on (before the cue's auxiliaries) */
  subjectEnd?: number;
}

/** The auxiliaries and adverbs right before the cue token `i`: the token before them, and whether a "be" is among them. */
function auxiliaries(tk: Tokens, s0: number, i: number): { k: number; be: boolean } {
  let k = i - 1;
  let be = false;
  for (; k >= s0; k--) {
    const w = tk.low(k);
    if (!(AUX.test(w) || BE.test(w) || /^[a-z]{3,}ly$/.test(w) || VERB_ADVERB.test(w))) break;
    if (BE.test(w)) be = true;
  }
  return { k, be };
}

/**
 * Whether the cue at `cue` (its report at `content`, the sentence from token `s0` to token `end`) is a passive or a
 * raising verb, and if so who reports: `undefined` for an active cue (its subject speaks), else the passive's agent,
 * if any, and the subject's first token when the subject belongs to the content. `speaker`, when given, is the phrase
 * the reader took for the subject ("it" before "appeared" is an expletive).
 */
export function cueVoice(tk: Tokens, text: string, s0: number, end: number, cue: Span, content: Span, speaker?: Span): Voice | undefined {
  const i = tk.at(cue[0]);
  const head = tk.low(i);
  const after = content[0] >= cue[1];
  const first = after ? tk.low(tk.at(content[0])) : "";
  const { k, be } = auxiliaries(tk, s0, i);
  let raised: boolean;
  if (SEEM.test(head) || APPEAR.test(head)) {
    // "seemed to think …", "appeared to blame …": the verb after it is the report; the subject stays
    // (the cue may hold them already: "seemed to suggest", attribution/cue-span.ts)
    const then = /^\s+to\s+([a-z]+)/.exec(text.slice(cue[1], cue[1] + 30)) ?? /^\S+\s+to\s+([a-z]+)$/.exec(text.slice(cue[0], cue[1]));
    if (then && (cueVerb(then[1]!)?.rate ?? 0) >= SAYING_AFTER_RATE) return undefined;
    // "it appeared that …": an expletive subject
    const expletive = speaker !== undefined && /^it$/i.test(text.slice(speaker[0], speaker[1])) && /^\s*$/.test(text.slice(speaker[1], cue[0]));
    // "X seems …" never reports X; "X appears to …" neither, nor "X appears weak" ("X appeared on television" may)
    const complement = after && first !== "that" && (first === "to" || SEEM.test(head) || predicative(tk, tk.at(content[0]), cue));
    if (!expletive && !SEEM.test(head) && !complement) return undefined;
    // (a subject set off by a comma or a quotation mark is no raised subject: "…, he seems")
    if (speaker && !expletive && /[,;:"“”]/.test(text.slice(speaker[1], cue[0]))) return undefined;
    // "seemed ready to leave", "appears closer in Ohio": a predicative complement raises its subject as "to" does
    // (PolNeAR: "The race | appears | closer in Ohio", the subject a fragment of the content)
    raised = complement && !expletive;
  } else {
    if (!PARTICIPLE.test(head) || STATE_PARTICIPLE.test(head) || !be) return undefined;
    // ("It was reported that …": the clause is the report, not the subject, also when the content starts after the "that")
    // ("X was asked to …", "was told …": the subject is the addressee, not part of what was asked)
    raised = first !== "that" && !(after && THAT_GAP.test(text.slice(cue[1], content[0]))) && !ADDRESSEE.test(cueVerb(head)?.lemma ?? "");
  }
  // the agent after "by" ("was first reported by The Washington Post"), right after the cue or opening its report
  const agent = byAgent(tk, text, cue, end);
  const subject = raised && after ? subjectStart(tk, s0, k) : -1;
  if (subject < 0) return { agent };
  return { agent, subject, subjectEnd: k };
}

// What may follow "appear" without making it a raising verb: a preposition, a determiner, a time ("appeared on
// television", "appeared before reporters", "appeared this week").
const NOT_PREDICATIVE = /^(?:at|during|in|on|before|after|from|with|to|alongside|onstage|by|for|as|of|the|a|an|this|that|these|those|his|her|their|its|our|my|your|some|several|twice|once|again|together|here|there|yesterday|today|tonight|briefly|live)$/;

/** A word right after the cue at token i that opens a predicative complement ("appears weak", "appeared ready to …"). */
function predicative(tk: Tokens, i: number, cue: Span): boolean {
  return i < tk.count && tk.start(i) >= cue[1] && tk.at(cue[1]) === i && tk.isWord(i) && !isCapitalised(tk.word(i)) && !/^\p{N}/u.test(tk.word(i)) && !NOT_PREDICATIVE.test(tk.low(i));
}

/** "by" right after the cue (perhaps after an adverb), then a noun phrase that names someone. */
function byAgent(tk: Tokens, text: string, cue: Span, hi: number): SpeakerNP | undefined {
  const by = /^\s+(?:[a-z]{3,}ly\s+)?by\s+(?=\S)/.exec(text.slice(cue[1], cue[1] + 40));
  if (!by) return undefined;
  const agent = speakerAfter(tk, text, tk.at(cue[1] + by[0].length), hi);
  return agent && !agent.pronoun ? agent : undefined;
}

/**
 * The first token of a raised subject ending at token `k` ("Turnout among young voters | is expected to rise"): back to
 * the sentence start or the nearest clause edge (punctuation, an auxiliary, a speech verb, a clause word), within a
 * noun phrase's reach; -1 for none.
 */
function subjectStart(tk: Tokens, s0: number, k: number): number {
  if (k < s0) return -1;
  let j = k;
  for (; j >= s0; j--) {
    if (k - j >= SUBJECT_MAX) return -1;
    const w = tk.low(j);
    if ((tk.isPunct(j) && !/^(?:'s|’s|-|%|\$|\.)$/.test(w)) || isQuoteChar(w) || AUX.test(w) || (cueVerb(w)?.rate ?? 0) >= STRONG_RATE || SUBORDINATOR.test(w) || /^(?:that|which|who|and|but|or)$/.test(w)) break;
  }
  return j < k && !PP_START.test(tk.low(j + 1)) ? j + 1 : -1;
}

/** Whether the phrase at `speaker` is the subject of the cue at `cue` that a voice reading takes away. */
export function isCueSubject(tk: Tokens, text: string, voice: Voice, speaker: Span, cue: Span): boolean {
  if (speaker[1] > cue[0]) return false;
  if (voice.subject !== undefined && speaker[0] >= tk.start(voice.subject)) return true;
  // (an apposition or a relative clause set off by commas stands between them: "Officer X, who shot Y last week, was charged")
  const between = text.slice(speaker[1], cue[0]).replace(/^\s*,[^,;:"“”()\n]{1,160},/, "");
  return between.length <= SUBJECT_GAP;
}
