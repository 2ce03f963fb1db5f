// A report inside a relative clause with no relative word ("a decision they say allowed X"): its head noun phrase.
import type { Span } from "../../../core/record.js";
import { isCapitalised, type Tokens } from "../extractors/quote-common.js";
import { ROLE_NOUNS, TITLE_WORDS } from "../lexicons/entity-lexicon.js";

// Words that open a noun phrase; the head's phrase starts at the nearest one (it is kept: "a tactic", "the things").
const DETERMINER = /^(?:the|a|an|this|these|those|his|her|their|its|our|my|your|any|every|each|no|another|one)$/;
// Heads that stand alone as the whole phrase ("something they argue is possible", "anything he would like to see").
const PRONOUN_HEAD = /^(?:something|anything|everything|nothing|someone|anyone|everyone|somebody|anybody|whatever)$/;
// Words that cannot end (or sit inside) such a head phrase: clause and link words, prepositions, auxiliaries, times.
const NOT_HEAD = new RegExp(
  "^(?:that|which|who|whom|whose|what|where|when|why|how|and|or|but|nor|so|if|as|than|because|while|though|although|" +
    "since|until|unless|after|before|once|whether|in|on|at|by|for|from|with|to|into|onto|about|over|under|through|" +
    "during|against|without|among|between|despite|including|like|per|via|" +
    "is|are|was|were|be|been|being|am|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|" +
    "not|also|even|just|only|still|now|then|there|here|too|very|" +
    "he|she|it|they|we|i|you|him|her|them|us|me|" +
    "week|weeks|year|years|month|months|day|days|time|times|night|nights|morning|afternoon|evening|weekend|" +
    "today|yesterday|tomorrow|tonight|ago|later|earlier|" +
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|" +
    "january|february|march|april|june|july|august|september|october|november|december)$",
);
// The head phrase may hold one "of" ("the kind of campaign", "one of the jobs").
const MAX_HEAD = 6;
// A subject pronoun or a determiner after the head starts a new subject: the source inside a fused phrase.
// Nouns naming a person, in apposition before a name ("the federal judge Jane Doe"), and possessives.
const PERSON_NOUN = /^(?:judge|candidate|nominee|rival|challenger|incumbent|colleague|friend|wife|husband|son|daughter|brother|sister|mother|father|partner|aide|ally|allies|businessman|businesswoman|billionaire|mogul|host|actor|actress|singer|star|player|comedian|writer|novelist|poet|artist|\S+(?:er|or|ist|ian|ant|ent))$/;
// Verbs whose object a clause without "that" follows: "told reporters | she wants to run", "assured voters they …".
const TELL_VERB = /^(?:tell|tells|told|telling|warn|warns|warned|warning|assure|assures|assured|assuring|remind|reminds|reminded|inform|informs|informed|convince|convinced|persuade|persuaded|promise|promises|promised|show|shows|showed|shown|teach|taught|notify|notified|advise|advised|urge|urges|urged|ask|asks|asked|bet|bets|guarantee|guaranteed)$/;
// Words that modify a name rather than head a phrase before it.
const ADJECTIVE = /^(?:new|old|young|big|top|former|late|next|last|first|second|third|other|same|two|three|four|five|six|seven|eight|nine|ten|\S+(?:ive|al|ous|ful|able|ible|ary|less|ish|ese))$/;
const SUBJECT_START = /^(?:he|she|they|we|i|you|it|many|some|most|several|few|the|a|an|his|her|their|its|our)$/;

/**
 * The head noun phrase of a relative clause without a relative word whose subject is the speaker: "a tactic |
 * Democrats | hope | will dampen support" — PolNeAR marks the head as the content's first piece ("a tactic … will
 * dampen support"). The reported clause must lack a subject of its own (its gap: it opens with "to" or a finite
 * verb, "will dampen", "to defend"), else the noun before the speaker is the narrator's (an object: "told reporters
 * | he wants to run" is ruled out by the cue verb before it; a fronted adverbial: "After the debate | he said …" by
 * its preposition opening the sentence).
 * When the speaker phrase swallowed the head ("a tactic Democrats"), the speaker's tokens from the new subject on
 * are returned as `speakerFrom`. Returns the head's span, or undefined.
 */
export function zeroRelativeHead(tk: Tokens, text: string, s0: number, speaker: { from: number; to: number }, cue: Span, content: Span): { head: Span; speakerFrom?: number } | undefined {
  if (content[0] < cue[1]) return undefined;
  // the gap: the clause after the cue opens with its verb
  const c = tk.at(content[0]);
  const first = tk.low(c);
  // (a relative pronoun as the speaker is a subject relative: "voters who said …", read elsewhere)
  if (speaker.to - speaker.from === 1 && /^(?:who|which|that|whom)$/.test(tk.low(speaker.from))) return undefined;
  if (!(first === "to" || tk.finite(c)) || /^(?:that|he|she|it|they|we|i|you)$/.test(first)) return undefined;
  // ("his own promise to …": a possessive names the cue noun's owner, no clause's subject)
  const last = tk.low(speaker.to - 1);
  if (last === "own" || /^(?:his|her|their|its|our|my|your|'s)$/.test(last)) return undefined;
  // the head's last word: right before the speaker (nothing between), or inside a fused speaker phrase
  let p = speaker.from - 1;
  let speakerFrom: number | undefined;
  if (speaker.to - speaker.from >= 2 && DETERMINER.test(tk.low(speaker.from))) {
    for (let k = speaker.from + 1; k < speaker.to; k++) {
      const prev = tk.low(k - 1);
      if (!/^\p{Ll}+$/u.test(tk.word(k - 1)) || DETERMINER.test(prev) || NOT_HEAD.test(prev) || prev === "of") continue;
      // a new subject: a pronoun or determiner, or a name after a noun that is no person's title ("a tactic
      // Democrats", not "the union leader Jane Doe", an apposition)
      // (and a noun: not an adjective or a number before a capitalised modifier, "the new Rubio supporters", nor a verb)
      const named = isCapitalised(tk.word(k)) && !ROLE_NOUNS.has(prev) && !TITLE_WORDS.has(prev) && !PERSON_NOUN.test(prev) &&
        !ADJECTIVE.test(prev) && !(tk.finite(k - 1) && !/^(?:a|an)$/.test(tk.low(k - 2)));
      if ((SUBJECT_START.test(tk.low(k)) && tk.low(k) !== "her") || named) {
        p = k - 1;
        speakerFrom = k;
        break;
      }
    }
  }
  if (p < s0 || tk.end(p) > tk.start(speakerFrom ?? speaker.from) || !/^\s*$/.test(text.slice(tk.end(p), tk.start(speakerFrom ?? speaker.from)))) return undefined;
  const head = tk.low(p);
  if (!tk.isWord(p) || NOT_HEAD.test(head) || DETERMINER.test(head) || /ly$/.test(head)) return undefined;
  // (a verb form ends no such phrase unless a determiner makes it a noun: "a plan | Republicans …", not "the White
  // House precedes | Friday …")
  if ((tk.finite(p) || tk.cue(p)) && !(p - 1 >= s0 && DETERMINER.test(tk.low(p - 1)))) return undefined;
  // back to the phrase's determiner
  let i = p;
  if (!PRONOUN_HEAD.test(head)) {
    let of = false;
    for (;;) {
      if (DETERMINER.test(tk.low(i))) break;
      if (i - 1 < s0 || p - i + 1 >= MAX_HEAD) return undefined;
      const w = tk.low(i - 1);
      if (w === "of" && !of) of = true;
      else if (!(tk.isWord(i - 1) || tk.t.kind[i - 1] === 2) || NOT_HEAD.test(w) || tk.cue(i - 1) || /(?:ly|ed)$/.test(w)) return undefined;
      i--;
    }
  }
  // before the phrase: not a cue verb (its object, "told reporters he …"), not a sentence-opening preposition
  if (i > s0) {
    if (TELL_VERB.test(tk.low(i - 1))) return undefined;
    const lead = i - 1 === s0 || tk.low(i - 2) === ",";
    if (lead && /^(?:in|on|at|by|for|from|with|after|before|during|since|until|over|under|through|despite|as|like)$/.test(tk.low(i - 1))) return undefined;
  }
  return { head: [tk.start(i), tk.end(p)], ...(speakerFrom !== undefined ? { speakerFrom } : {}) };
}
