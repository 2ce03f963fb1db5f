// Who speaks when the cue's subject does not: passives ("X was asked", "was reported by Y"), raising verbs ("X seems to …"), reduced relatives ("a website called X").
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
  /^(?:concerned|convinced|worried|divided|split|tired|dedicated|devoted|delighted|excited|focused|assured|poised|inclined|aligned|unified|engaged|pleased|disappointed|surprised|frustrated|alarmed|shocked|determined|committed|interested|prepared|satisfied|confused|troubled|disturbed|impressed|opposed|scared|upset|outraged|angered|dismayed|relieved|resigned|puzzled|annoyed|offended|obsessed|amazed|stunned|unconvinced|unimpressed|mystified|embittered|gripped|frightened|terrified|startled|horrified|appalled|thrilled|disgusted|encouraged|intrigued|fascinated|persuaded|tempted)$/;
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
  /** the subject is a noun phrase a reduced relative participle modifies ("a website | called X"): whatever phrase the reader took for the speaker is none */
  reduced?: boolean;
  /** the first and last tokens of an aside between the subject and its verb, commas included ("The bank, which …, is expected") */
  aside?: [number, number];
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
    // "a website called X", "a state known for …", "a year expected to …": a participle right after the noun it
    // modifies (no "be"), that noun the object of a verb before it, reports nobody; the noun phrase opens the content
    if (!be && after && REDUCED.test(head) && k === i - 1) {
      // (a naming participle names something: a name or a quotation follows, "called for his dismissal" is active)
      const naming = /^(?:called|named|dubbed|nicknamed|labeled|labelled|titled|entitled)$/.test(head);
      const next = tk.at(cue[1]);
      if (naming && !(next < end && (isCapitalised(tk.word(next)) || isQuoteChar(tk.low(next))))) return undefined;
      const from = reducedHead(tk, s0, k);
      if (from < 0) return undefined;
      return { subject: from, subjectEnd: k, reduced: true };
    }
    if (!PARTICIPLE.test(head) || STATE_PARTICIPLE.test(head) || !be) return undefined;
    // ("It was reported that …": the clause is the report, not the subject, also when the content starts after the "that")
    // ("X was asked to …", "was told …": the subject is the addressee, not part of what was asked)
    raised = first !== "that" && !(after && THAT_GAP.test(text.slice(cue[1], content[0]))) && !ADDRESSEE.test(cueVerb(head)?.lemma ?? "");
  }
  // the agent after "by" ("was first reported by The Washington Post"), right after the cue or opening its report
  // ("is known by the acronym X": what it is known by, no agent)
  const agent = head === "known" ? undefined : byAgent(tk, text, cue, end);
  const subject = raised && after ? subjectStart(tk, s0, k) : -1;
  if (subject < 0) {
    const set = raised && after ? subjectBeforeAside(tk, s0, k) : undefined;
    return set ? { agent, ...set } : { agent };
  }
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
  // "Crows and ravens | are considered …": a coordination that opens the sentence, with no verb in it, is one subject
  if (j > s0 && j < k && /^(?:and|or)$/.test(tk.low(j)) && tk.isWord(j - 1)) {
    let m = j - 1;
    for (; m >= s0 && k - m < SUBJECT_MAX; m--) if (!tk.isWord(m) || isQuoteChar(tk.low(m)) || AUX.test(tk.low(m)) || tk.finite(m) || SUBORDINATOR.test(tk.low(m)) || /^(?:that|which|who|and|but|or)$/.test(tk.low(m))) break;
    if (m < s0) j = m;
  }
  return j < k && !PP_START.test(tk.low(j + 1)) ? j + 1 : -1;
}

// Participles that name, expect or intend, read as a reduced relative after a noun ("a book titled …")
const REDUCED = /^(?:known|called|titled|entitled|named|dubbed|nicknamed|labeled|labelled|expected|intended|deemed|considered)$/;
const PREPOSITION = /^(?:in|on|at|for|with|from|of|into|about|over|under|during|after|before|like|among|to)$/;
// Words a noun phrase before such a participle does not hold
const NP_STOP = /^(?:to|of|in|on|at|for|with|by|from|about|as|than|into|over|after|before|during|under|and|or|but|if|when|while|because|that|which|who|whom|whose|what|he|she|it|they|we|i|you|him|them|us|me|is|are|was|were|be|been|'s|’s|has|have|had|not)$/;

/**
 * The first token of the noun phrase ending at token `k` that a reduced relative participle after it modifies, or -1:
 * a few words back to a determiner-led phrase's start, which follows a verb of the clause ("launched | a website",
 * "is | a state"), not the sentence's start (there the participle is the main verb: "The senator called …").
 */
function reducedHead(tk: Tokens, s0: number, k: number): number {
  if (!tk.isWord(k) || isCapitalised(tk.word(k)) || NP_STOP.test(tk.low(k)) || /ly$/.test(tk.low(k))) return -1;
  let j = k;
  // (through an "of" phrase: "a series of hearings")
  while (j - 1 >= s0 && k - j < 6 && tk.isWord(j - 1) && (!NP_STOP.test(tk.low(j - 1)) || (tk.low(j - 1) === "of" && j - 2 >= s0 && !NP_STOP.test(tk.low(j - 2)))) && !(tk.finite(j - 1) && !/^(?:a|an|the|this|that|these|those|his|her|its|their|our|one|some|any)$/.test(tk.low(j - 1)))) j--;
  if (!/^(?:a|an|the|this|these|those|his|her|its|their|our|one|some|any)$/.test(tk.low(j))) return -1;
  if (j - 1 < s0) return -1;
  // (a finite verb or a copula right before the phrase: its object or complement)
  const b = tk.low(j - 1);
  // (not a relative clause's verb: "the docs who sent the letter | called X a quack" has its main verb in the participle)
  if (j - 2 >= s0 && /^(?:who|which|that)$/.test(tk.low(j - 2))) return -1;
  if ((tk.finite(j - 1) && !isCapitalised(tk.word(j - 1)) && !NP_STOP.test(b)) || /^(?:is|are|was|were|be|been|'s|’s)$/.test(b)) return j;
  // (or a preposition: one that opens the sentence, or after the clause's verb; "Officials in the state called …"
  // has its verb in the participle)
  if (!PREPOSITION.test(b)) return -1;
  if (j - 1 === s0) return j;
  for (let m = s0; m < j - 1; m++) if (tk.finite(m) && !isCapitalised(tk.word(m)) && !NP_STOP.test(tk.low(m)) && !(m > s0 && /^(?:a|an|the|his|her|its|their|our|some|many|most|all)$/.test(tk.low(m - 1)))) return j;
  for (let m = s0; m < j - 1; m++) if (AUX.test(tk.low(m))) return j;
  return -1;
}

// What opens an aside between a raised subject and its verb: a relative clause, an apposition, an adjunct
// ("The bank, which has held rates near zero, is expected to …", "The economy, until recently, seemed …").
const ASIDE_OPEN = /^(?:who|whom|whose|which|a|an|the|his|her|its|their|[a-z]+ly|until|under|despite|after|before|during|in|at|on|for|with|like|as|once|then|now|still|headed|led|based|long)$/;
const ASIDE_MAX = 25;

/**
 * A raised subject before a comma-bounded aside that ends at token `k` (a comma): the subject's first token and the
 * aside's first and last tokens (its commas), or undefined when `k` closes no such aside.
 */
function subjectBeforeAside(tk: Tokens, s0: number, k: number): { subject: number; subjectEnd: number; aside: [number, number] } | undefined {
  if (k <= s0 || tk.word(k) !== ",") return undefined;
  let o = k - 1;
  for (; o > s0 && k - o <= ASIDE_MAX; o--) {
    const w = tk.word(o);
    if (w === ",") break;
    if (tk.isPunct(o) && !/^(?:'s|’s|-|%|\$|\.|\(|\))$/.test(w)) return undefined;
    if (isQuoteChar(tk.low(o))) return undefined;
  }
  if (o <= s0 || tk.word(o) !== "," || o + 1 >= k || !ASIDE_OPEN.test(tk.low(o + 1))) return undefined;
  // (an aside that is a clause of its own holds a verb only after its relative pronoun)
  if (!/^(?:who|whom|whose|which)$/.test(tk.low(o + 1))) for (let m = o + 1; m < k; m++) if (tk.finite(m) || AUX.test(tk.low(m))) return undefined;
  const subject = subjectStart(tk, s0, o - 1);
  if (subject !== s0) return undefined;
  return { subject, subjectEnd: o - 1, aside: [o, k] };
}

/** Whether the phrase at `speaker` is the subject of the cue at `cue` that a voice reading takes away. */
export function isCueSubject(tk: Tokens, text: string, voice: Voice, speaker: Span, cue: Span): boolean {
  if (speaker[1] > cue[0]) return false;
  if (voice.subject !== undefined && speaker[0] >= tk.start(voice.subject)) return true;
  // (an apposition or a relative clause set off by commas stands between them: "Officer X, who shot Y last week, was charged")
  const between = text.slice(speaker[1], cue[0]).replace(/^\s*,[^,;:"“”()\n]{1,160},/, "");
  return between.length <= SUBJECT_GAP;
}
