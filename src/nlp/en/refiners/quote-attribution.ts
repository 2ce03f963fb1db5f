// Resolves quote speakers to entities (mention overlap, pronoun, surname, role) and their spans to the whole subject as written; one answer per quote, numbered.
import type { Entity, Mention, Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import type { Ref, Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";
import { Tokens, isReducedParticiple } from "../extractors/quote-common.js";
import { cueVoice, isCueSubject } from "../attribution/voice.js";
import { expletiveSpeakers, participleObjects, shareParticipleSpeakers } from "../attribution/participle-speakers.js";
import { hedgedStart, quantifiedStart, splitHedgeStart } from "../attribution/quantified-subject.js";
import { namingCalled } from "../attribution/naming.js";
import { missingSubjects } from "../attribution/missing-subject.js";
import { leadTrimmed, lineTrimmed, listStart, ofTail, quotedTitleStart, relativeClauseStart, slashStart, whoseStart } from "../attribution/subject-extent.js";

// The indirect-quote stage's reports: passives and raising verbs are read there (attribution/voice.ts).
const INDIRECT = "indirect-quotes";
const SOURCE_PRONOUNS: Record<string, "female" | "male" | "any"> = {
  she: "female", her: "female", he: "male", him: "male", i: "any",
};
// Head nouns of a description that names one person ("the French foreign minister", "the coach").
const ROLE_HEAD =
  /^(?:the|a|an)\s+(?:[\p{L}.'-]+\s+){0,3}(president|minister|chancellor|premier|leader|spokesman|spokeswoman|spokesperson|senator|governor|mayor|secretary|ambassador|general|commander|chief|director|chairman|chairwoman|chair|ceo|king|queen|pope|prime minister|official|analyst|expert|lawyer|attorney|judge|prosecutor|candidate|nominee|congressman|congresswoman|lawmaker|diplomat|envoy|author|professor|researcher|economist|scientist|founder|executive|manager|coach|actor|actress|singer|writer|journalist|reporter|editor|pastor|priest|bishop|doctor|officer)$/iu;
// Words that make a capitalised name an organisation or a group rather than a person.
const NOT_PERSON =
  /\b(?:ministry|department|agency|service|office|council|committee|government|military|army|police|intelligence|officials|company|corporation|inc|ltd|group|party|bank|university|college|institute|center|centre|commission|court|union|association|news|times|post|press|agency|affairs|house|state|states|estimates|report|statement|reports)\b/i;
// How far back (characters) a pronoun or a description may look for its person.
const LOOKBACK = 4000;

// A speaker phrase right after one of these is a prepositional object inside the real subject ("Others in the
// community say", "Data from the survey show"): the subject starts earlier in its clause.
const PREP_BEFORE = /(?:^|\s)(?:of|in|to|from|by|about|around|on|at|for|with|among|across|against|inside|within|behind|near|over|under|between|throughout|toward|towards)\s+$/;
const PREP_WORD = /^(?:of|in|to|from|by|about|on|at|for|with|her|him|them|us|me)$/;
// A coordinated subject's first conjunct ends here ("RT and its defenders say").
// ("Politicians and even some technologists", "Neither Cruz nor Christie")
const AND_BEFORE = /\s(?:and|or|nor)(?:\s+(?:even|also))?\s+$/;
// The noun of an occasion, then the speaker's name ("a Bloomberg interview Trump", "the famous story John F. Kennedy").
const OCCASION_THEN_NAME =
  /^(.*\b(?:interview|speech|statement|time|story|op-ed|letter|tweet|post|video|debate|meeting|rally|conference|hearing|address|remarks|week|month|year|day|night|morning|evening|afternoon)\s+)(?=\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$)/su;
// A noun a relative clause without its pronoun modifies, then the clause's subject ("the photo | Trump posted", "a
// tactic | Democrats hope will …", "the reason | President Obama is seeking"): one lower-case noun after a determiner,
// right before a name (not an adjective, "a terse Miller", nor a person or an outlet, "the host Steve Doocy").
const CONTACT_NOUN = /^((?:the|a|an|this|that)\s+([a-z]+)\s+)(?=\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$)/u;
const NOT_CONTACT_NOUN = /(?:ed|ing|ful|ous|ive|ish|less|ble|al|er|or|ist|ian|man|men|woman|women|person|people|president|candidate|nominee|official|rival|ally|critic|expert|agency|body|party|host|chief|head|aide|aides|staff|source|sources|site|press|group|firm|paper|network|outlet|show|station|magazine|daily|weekly|team)$/;
// …written where a noun phrase is the complement of something: after a form of "be" or a preposition ("is the reason |
// X is seeking", "At the moment | X learned"; not after a comma, where the phrase is as often the subject: ", a terse
// Miller agreed", ", the nonpartisan Congressional Budget Office reported")
const CONTACT_BEFORE = /\b(?:is|was|are|were|be|been|being|not|of|at|meet|met|reach|reached)\s*$/i;
// Words that open a clause but are no part of its subject ("But a study by X found", "Yet, …").
const CLAUSE_OPENER = /^(?:(?:but|and|yet|so|still|now|then|meanwhile|however|instead|indeed|even|also)\b[\s,]*)+/i;
// A subject clause opening with a preposition is a fronted adverbial ("In a speech to Congress Obama said"), no subject.
const PREP_OPENING = /^(?:of|in|to|from|by|about|around|on|at|for|with|among|across|against|inside|within|behind|near|over|under|between|throughout|after|before|during|since|until|despite|according|amid|as|when|while|if|because|although|though|unlike|like)\b/i;
// What ends a subject on the left: a clause boundary (comma, colon, quotation mark, dash, bracket).
// (a subordinator too: "… new urgency after leaked documents from his tax return show")
const SUBJECT_BOUNDARY = /[,;:"“”()\[\]]|\s-{1,2}\s|[–—]|\b(?:after|before|because|since|until|while|when|whereas|although|though|if|as|than|despite|amid)\s/gi;
// …and for a coordinated subject, a relative pronoun or a complementiser ("a minuet that | Clinton and leading Democrats
// hope", "where | Sanders and his aides believe")
const AND_BOUNDARY = /[,;:"“”()\[\]]|\s-{1,2}\s|[–—]|\b(?:after|before|because|since|until|while|when|whereas|although|though|if|as|than|despite|amid|that|where|which|who|whom)\s/gi;
// a party or a state in brackets after a conjunct's name is none of its boundaries ("Martin O'Malley (D) and …")
const SHORT_PARENTHESIS = /\(\S{1,20}\)/g;
const TIME_WORD = /^(?:morning|afternoon|evening|night|day|week|weekend|month|year|time|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
// A first conjunct that is a name of up to seven words ("Both The New York Times and …", "the Los Angeles Times and …").
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|both|the|of|for)$/u;
// a finite verb before any relative pronoun: the words are a clause ("The piece used one of …"), not a subject
const CLAUSE_WORD = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|does|did|do|used|took|made|got|gave|went|came|put|seized|sent|found|showed|told)$/i;
const RELATIVE_WORD = /^(?:who|whom|whose|which|that|where)$/i;
// a relative pronoun before a quantifier subject ("whom many in", "which some of")
const OBJECT_RELATIVE = /^(?:who|whom|which|that)\s+(?=(?:many|most|some|all|few|several|none|each|both|one|two|three)\s+(?:of|in|at|on|among)\s)/i;
// A verb of saying inside the would-be subject means it is a clause, not a noun phrase.
const SAYING = /\b(?:said|says|say|told|tells|added|stated|wrote|asked|argued|according)\b/i;
// Time and manner words between a speaker and the cue belong to neither ("Sanders on Tuesday said", "my father often said").
const TRAILING_ADVERBIAL =
  /\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|often|also|again|once|now|then|still|never|always|later|earlier|already|publicly|privately|repeatedly|[a-z]{2,}(?:ally|ently|antly|ously|ively|ately|edly|ibly|ably))$/;
// A dateline or an aside set off by a spaced dash before the subject ("WASHINGTON -- President Obama said").
const DASH_LEAD = /^.*\s(?:-{1,2}|[–—])\s+(?=\S)/s;
const DASH_CLOSED = /\s(?:-{1,2}|[–—])$/;

/** A first conjunct: a noun phrase of at most four words with no verb-like word in it. */
function conjunct(words: string): boolean {
  const list = words.match(/[\p{L}\d'’.-]+/gu) ?? [];
  // ("that morning | and Jesse told him": a time ends an adjunct, it is no speaker)
  if (list.length && TIME_WORD.test(list[list.length - 1]!)) return false;
  // (an object pronoun or a preposition means a clause: "McConnell met with her and …")
  if (list.length >= 1 && list.length <= 4 && !list.some((w) => CLAUSE_WORD.test(w) || RELATIVE_WORD.test(w) || /^[a-z]+ed$/.test(w) || PREP_WORD.test(w))) return true;
  return list.length >= 1 && list.length <= 7 && list.every((w) => NAME_WORD.test(w)) && /^\p{Lu}/u.test(list[list.length - 1]!);
}

/** Words that can open a subject: no relative pronoun first, no finite verb before a relative clause. */
function subjectWords(words: string): boolean {
  const list = words.match(/[\p{L}'’-]+/gu) ?? [];
  if (list.length && RELATIVE_WORD.test(list[0]!)) return false;
  for (const w of list) {
    if (RELATIVE_WORD.test(w)) return true;
    if (CLAUSE_WORD.test(w)) return false;
  }
  return true;
}

// A participle right before the speaker phrase, after a determiner, a preposition, "where" or a clause boundary.
const MODIFIER_BEFORE =
  /(^|[,;:(]\s*|\b(?:of|in|from|by|for|among|where|when|while|as|but|and|yet|so|\d+)\s+)((?:the|a|an|that|this|these|those|his|her|their|its|our|some|many|most|all)\s+)?([a-z]+(?:ing|ed))\s+$/i;
// A head noun phrase opening the clause, then a participle right before the speaker phrase ("A union representing |
// flight attendants", "House Republicans supporting | the bill"): the participle's object is no subject.
const HEAD_PARTICIPLE_BEFORE = /(^|[,;:(]\s*|[.!?]["”’]?\s+)((?:[\p{L}\d'’.-]+\s+){1,4}?([a-z]{3,}ing))\s+$/u;
// -ing words that are prepositions or pronouns, not participles ("including X", "everything X says")
const NOT_MODIFIER = /^(?:including|excluding|according|during|regarding|concerning|following|pending|notwithstanding|considering|barring|\w*thing)$/;
// The longest speaker phrase whose words are re-read (characters).
const MAX_SUBJECT = 300;
// A relative pronoun as the subject of a cue ("officials, who said", "the court, which has ruled", "polls that show"),
// from the cue back, past its auxiliaries ("which is planning", "which was first reported by": the passive's
// agent then takes over, attribution/voice.ts)
const RELATIVE_BEFORE_CUE =
  /(?:^|[\s,])(who|which|that)\s+(?:(?:has|have|had|is|are|was|were|will|would|also|first|later|then|together|recently|previously|once|often|publicly|repeatedly|[a-z]{3,}ly)\s+){0,2}$/;
// The words a relative pronoun refers back to, when no mention ends there ("the residents of the block").
const ANTECEDENT = /(?:\b(?:the|a|an|his|her|their|its|our|some|many|several)\s+)?(?:[\p{L}\d'’.-]+\s+){0,2}[\p{L}\d'’.-]+$/u;

const personLike = (name: string): boolean =>
  !NOT_PERSON.test(name) && (/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(name) || ROLE_HEAD.test(name));

export function resolveSpeakers(doc: Document): Quote[] {
  const text = doc.text;
  const entities = new Map<string, Entity>(doc.maybe("entity").map((e) => [e.id, e]));
  const mentions: Mention[] = [...doc.maybe("mention")].filter((m) => m.entity).sort((a, b) => a.span[0] - b.span[0]);
  const quotes = [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const quoted: Span[] = quotes.filter((q) => q.marks).map((q) => q.marks!).sort((a, b) => a[0] - b[0]);
  const quotedItems = quoted.map((span) => ({ span }));
  const insideQuote = (s: Span): boolean => {
    const q = quotedItems[firstEndingAfter(quotedItems, s[0])];
    return q !== undefined && q.span[0] <= s[0] && s[1] <= q.span[1];
  };

  const linkMention = (span: Span): Entity | undefined => {
    let best: { e: Entity; score: number } | undefined;
    for (let i = firstEndingAfter(mentions, span[0]); i < mentions.length && mentions[i]!.span[0] < span[1]; i++) {
      const m = mentions[i]!;
      const e = entities.get(m.entity!);
      if (!e) continue;
      const ov = Math.min(m.span[1], span[1]) - Math.max(m.span[0], span[0]);
      // the mention must be the head of the speaker phrase: it ends where the phrase ends, or is most of it
      const head = m.span[1] >= span[1] - 1 || ov >= 0.6 * (span[1] - span[0]);
      if (!head) continue;
      const score = ov + (e.type === "PERSON" ? 1 : 0);
      if (!best || score > best.score) best = { e, score };
    }
    return best?.e;
  };

  /** nearest PERSON mention before pos (outside quotations) whose entity passes the test */
  const personBefore = (pos: number, ok: (e: Entity) => boolean): Entity | undefined => {
    let i = firstEndingAfter(mentions, pos) - 1;
    for (; i >= 0 && pos - mentions[i]!.span[0] < LOOKBACK; i--) {
      const m = mentions[i]!;
      if (m.span[1] > pos || insideQuote(m.span)) continue;
      const e = entities.get(m.entity!);
      if (e && e.type === "PERSON" && ok(e)) return e;
    }
    return undefined;
  };

  // names and aliases of entities, for surnames and short forms (built once, not per quote)
  const byName = new Map<string, Entity>();
  for (const e of entities.values()) {
    for (const n of [e.name, ...e.aliases]) if (!byName.has(n)) byName.set(n, e);
  }
  // endings of at most MAX_TAIL words are indexed (every ending of an n-word name is n² characters: a hostile
  // 40,000-word "name" ran out of memory); a longer one is found by `longTail`, which gives the same answer
  const MAX_TAIL = 6;
  // names with longer endings, by their last MAX_TAIL words (in the order above)
  const longNames = new Map<string, { e: Entity; parts: string[] }[]>();
  for (const e of entities.values()) {
    const parts = e.name.split(/\s+/);
    for (let k = Math.max(1, parts.length - MAX_TAIL); k < parts.length; k++) {
      const tail = parts.slice(k).join(" ");
      if (!byName.has(tail)) byName.set(tail, e);
    }
    if (parts.length - 1 > MAX_TAIL) {
      const key = parts.slice(-MAX_TAIL).join(" ");
      const list = longNames.get(key);
      if (list) list.push({ e, parts });
      else longNames.set(key, [{ e, parts }]);
    }
  }
  /** The first entity (in the order above) with a name ending of more than MAX_TAIL words equal to `surface`. */
  const longTail = (surface: string): Entity | undefined => {
    const words = surface.split(" ");
    const n = words.length;
    if (n <= MAX_TAIL) return undefined;
    for (const { e, parts } of longNames.get(words.slice(-MAX_TAIL).join(" ")) ?? []) {
      if (parts.length - n >= 1 && parts.slice(parts.length - n).join(" ") === surface) return e;
    }
    return undefined;
  };
  const resolved: { at: number; ref: Ref; person: boolean }[] = [];
  // how many earlier speakers a pronoun or a surname may look through
  const BACK = 200;
  const previousPerson = (pos: number): Ref | undefined => {
    for (let i = resolved.length - 1; i >= 0 && i >= resolved.length - BACK; i--) {
      const r = resolved[i]!;
      if (r.at >= pos) continue;
      if (pos - r.at > LOOKBACK) break;
      if (r.person) return r.ref;
    }
    return undefined;
  };

  const sentences = doc.maybe("sentence");
  /** The start of the sentence holding pos (0 when there is no sentence layer). */
  const sentenceStart = (pos: number): number => {
    const s = sentences[firstEndingAfter(sentences, pos)]?.span;
    return s && s[0] <= pos ? s[0] : Math.max(0, text.lastIndexOf("\n", pos - 1) + 1);
  };

  /** The end of the sentence holding pos (the text's end when there is no sentence layer). */
  const sentenceEnd = (pos: number): number => {
    const s = sentences[firstEndingAfter(sentences, pos)]?.span;
    return s && s[0] <= pos ? s[1] : text.length;
  };

  /**
   * The subject phrase the cue's speaker stands in, as written (the record's `speaker.span`): a speaker before its cue
   * that is the object of a preposition widens to its whole subject ("Others in the community" say), time and manner
   * words after it and a dateline before it drop. `head` is the part that names the speaker (before the preposition).
   */
  const subjectOf = (ref: Ref, cue: Span | undefined): { ref: Ref; head?: Span; group?: boolean; clause?: boolean } => {
    let span = ref.span;
    // (a phrase longer than any subject is left as it is: the patterns below then never run over a hostile "name")
    if (!span || !cue || span[1] - span[0] > MAX_SUBJECT) return { ref };
    const original = span;
    // a list dash or a sentence adverb opening the phrase ("- Pew notes", "Moreover, Jane Doe said") is no part of it
    span = leadTrimmed(text, span);
    // "at | least four senators": a hedge the extractor split at its preposition is whole again
    const hedge = splitHedgeStart(text, span[0]);
    if (hedge !== undefined) span = [hedge, span[1]];
    // "The latest Reuters/ | Ipsos poll": the names before a slash are the phrase's
    const slashed = slashStart(text, span);
    const joined = slashed !== span;
    span = slashed;
    // "X, whose | spokesman said": the possessive relative pronoun is the phrase's
    span = whoseStart(text, span);
    // '"Daily Show" | host Trevor Noah': a quoted title before the phrase is its modifier (before the cue only)
    if (span[1] <= cue[0]) span = quotedTitleStart(text, span);
    if (span[1] > cue[0]) {
      // "echoed by a number of tax experts I spoke to": a group noun after its cue, with its "of" phrase
      const end = span[0] >= cue[1] ? ofTail(text, span, sentenceEnd(span[1]), true) : span[1];
      if (end > span[1]) return { ref: { name: text.slice(span[0], end).replace(/\s+/g, " "), span: [span[0], end] }, head: [span[0], span[1]] };
      return span === original ? { ref } : { ref: { name: ref.name, span } };
    }
    let head: Span | undefined;
    let group = false;
    let clause = false;
    // "a number of tax experts I spoke to … were echoed": a quantity or a group noun and its "of" phrase up to the cue
    const tail = ofTail(text, span, cue[0]);
    if (tail > span[1]) {
      head = [span[0], span[1]];
      span = [span[0], tail];
    }
    // a dateline or an aside before a spaced dash is no part of a subject written before its cue
    // (a phrase that ends with a dash holds its aside: "Jo Li — a nurse from Ohio — says", indirect-quotes.ts)
    const dash = DASH_CLOSED.test(text.slice(span[0], span[1])) ? null : DASH_LEAD.exec(text.slice(span[0], span[1]));
    if (dash && dash[0].length < span[1] - span[0]) span = [span[0] + dash[0].length, span[1]];
    // "is the reason President Obama is seeking": the noun a relative clause without its pronoun modifies ran into the name
    const contact = CONTACT_NOUN.exec(text.slice(span[0], span[1]));
    if (contact && !NOT_CONTACT_NOUN.test(contact[2]!) && CONTACT_BEFORE.test(text.slice(Math.max(sentenceStart(span[0]), span[0] - 20), span[0]))) span = [span[0] + contact[1]!.length, span[1]];
    // "In a Bloomberg interview Trump declared": the occasion's noun ran into the name
    const occasion = OCCASION_THEN_NAME.exec(text.slice(span[0], span[1]));
    if (occasion) span = [span[0] + occasion[1]!.length, span[1]];
    // the rest reads the words between the phrase and a cue right after it
    const adjacent = cue[0] - span[1] <= 40 && !/[,;:"“”]/.test(text.slice(span[1], cue[0]));
    let listed = true;
    if (adjacent) {
      const trail = TRAILING_ADVERBIAL.exec(text.slice(span[0], span[1]));
      // (not the time of a reduced relative: "The latest poll released Friday shows" keeps its day, as PolNeAR does)
      const participle = trail && /(\S+)$/.exec(text.slice(span[0], span[0] + trail.index))?.[1];
      if (trail && trail.index > 0 && !(participle && isReducedParticiple(participle))) span = [span[0], span[0] + trail.index];
      const from = Math.max(sentenceStart(span[0]), span[0] - 160);
      // a possessive speaker ("Trump's claim") is the source of a noun cue, whole as it is
      const possessive = /['’]s?$/.test(text.slice(span[0], span[1]));
      // "registered voters", "that freewheeling environment": a participle the extractor took for a verb modifies the noun
      const modifier = possessive ? null : MODIFIER_BEFORE.exec(text.slice(from, span[0]));
      if (modifier && /^[a-z]/.test(modifier[3]!) && !NOT_MODIFIER.test(modifier[3]!) && !SAYING.test(modifier[3]!) && !CLAUSE_WORD.test(modifier[3]!)) span = [span[0] - modifier[0].length + modifier[1]!.length, span[1]];
      // "A union representing | flight attendants endorsed": the phrase is the object of a participle after the subject's head
      else if (!possessive) {
        const head = HEAD_PARTICIPLE_BEFORE.exec(text.slice(from, span[0]));
        if (head && !NOT_MODIFIER.test(head[3]!) && !SAYING.test(head[3]!) && !PREP_OPENING.test(head[2]!) && !CLAUSE_OPENER.test(head[2]!) && !/\b(?:is|are|was|were|has|have|had|will|would|who|which|that)\b/i.test(head[2]!)) {
          span = [span[0] - head[0].length + head[1]!.length, span[1]];
        }
      }
      // "Nine in 10 Democratic registered voters say": a poll's share of a group is the subject, and names no one
      const share = possessive ? undefined : quantifiedStart(text, from, span[0]);
      if (share !== undefined && share < span[0]) {
        span = [share, span[1]];
        group = true;
      }
      // "Not everyone finds", "about half of voters say": a hedge before a phrase that opens with the share
      const hedged = possessive ? undefined : hedgedStart(text, from, span[0]);
      if (hedged !== undefined && hedged < span[0]) {
        span = [hedged, span[1]];
        group = true;
      }
      const before = text.slice(from, span[0]);
      const prep = possessive ? null : PREP_BEFORE.exec(before);
      const and = possessive || prep ? null : AND_BEFORE.exec(before);
      const link = prep ?? and;
      // "Surety companies that had insured X agreed": the phrase is the object inside a relative clause on the subject
      // (not before a participle: "postings that included one | saying …" — the participle modifies the phrase)
      const rel = link || possessive || /ing$/.test(text.slice(cue[0], cue[1])) ? undefined : relativeClauseStart(text, from, span[0]);
      if (rel) {
        head = rel.head;
        span = [rel.head[0], span[1]];
        clause = true;
      } else if (link) {
        let start = from;
        const boundary = prep ? SUBJECT_BOUNDARY : AND_BOUNDARY;
        const scan = prep ? before : before.replace(SHORT_PARENTHESIS, (p) => " ".repeat(p.length));
        boundary.lastIndex = 0;
        for (let m = boundary.exec(scan); m; m = boundary.exec(scan)) start = from + m.index + m[0].length;
        while (start < span[0] && /\s/.test(text[start]!)) start++;
        const opener = CLAUSE_OPENER.exec(text.slice(start, span[0]));
        if (opener) start += opener[0].length;
        // ("Rubio, whom | many in | the party had backed": an object's relative pronoun opens the clause, not the subject)
        const object = OBJECT_RELATIVE.exec(text.slice(start, span[0]));
        if (object && prep) start += object[0].length;
        const linkAt = from + link.index + (link[0].length - link[0].trimStart().length);
        const words = text.slice(start, linkAt);
        const ok = start < linkAt && /\p{L}/u.test(words) && !PREP_OPENING.test(words) && !SAYING.test(words) && subjectWords(words);
        // a first conjunct is a short noun phrase ("RT and its defenders"), never a clause ("The police fired and …")
        if (ok && (prep || conjunct(words))) {
          if (prep) {
            head = [start, linkAt];
            while (head[1] > head[0] && /\s/.test(text[head[1] - 1]!)) head[1]--;
          } else group = true;
          span = [start, span[1]];
        }
      }
      // (an object in a relative clause or after a preposition, or a possessive, is no list's last item)
      listed = !(rel || prep || possessive);
    }
    // "Trump, Cruz, | Rubio and Kasich said", "Ann Lee, a mayor, and | Al Roe, a judge, said": a coordinated subject's
    // earlier items
    const list = listed && !/['’]s?$/.test(text.slice(span[0], span[1])) ? listStart(text, sentenceStart(span[0]), span) : undefined;
    if (list !== undefined && list < span[0]) {
      span = [list, span[1]];
      group = true;
    }
    if (span === original) return { ref };
    const name = text.slice(span[0], span[1]).replace(/\s+/g, " ");
    // the cleaned name stays when it is still inside the phrase (a title the extractor dropped stays dropped)
    const inside = text.slice(span[0], span[1]).includes(ref.name) && !head && !group && !joined;
    return { ref: { name: inside ? ref.name : name, span }, head, group, clause };
  };

  /** The relative pronoun right before a cue ("who", "which", past auxiliaries and adverbs), as a speaker ref. */
  const relativeSpeaker = (cue: Span): Ref | undefined => {
    const from = Math.max(0, cue[0] - 60);
    const m = RELATIVE_BEFORE_CUE.exec(text.slice(from, cue[0]));
    // ("said that according to …", "that reminding voters …": a complementiser before a phrase, no relative's verb)
    if (!m || (m[1] === "that" && /^(?:according\b|\S+ing\b)/i.test(text.slice(cue[0], cue[1])))) return undefined;
    const at = from + m.index + m[0].length - m[0].trimStart().length;
    const span: Span = [at, at + m[1]!.length];
    // the antecedent: a mention ending at the comma (or space) before the pronoun, else the words there
    const before = text.slice(Math.max(0, at - 80), at).replace(/(?<![\s,])[\s,]+$/, "");
    const end = Math.max(0, at - 80) + before.length;
    for (let i = firstEndingAfter(mentions, end - 1); i < mentions.length && mentions[i]!.span[0] < end; i++) {
      const e = mentions[i]!.span[1] === end ? entities.get(mentions[i]!.entity!) : undefined;
      if (e) return { entity: e.id, name: e.name, span };
    }
    const np = ANTECEDENT.exec(before);
    return np ? { name: np[0].trim(), span } : undefined;
  };

  const resolve = (given: Ref, cue?: Span): { ref: Ref; person: boolean; resolved: boolean } => {
    const { ref, head, group, clause } = subjectOf(given, cue);
    // "RT and its defenders": several speakers, no one entity
    if (group) return { ref, person: false, resolved: false };
    if (head && ref.span) {
      // "Surety companies that had insured X", "dozens of papers …": the head names the speaker; the words after it never do
      if (clause || head[1] === given.span?.[1]) {
        const linked = linkMention(head);
        if (linked) return { ref: { entity: linked.id, name: linked.name, span: ref.span }, person: linked.type === "PERSON", resolved: true };
        return { ref, person: personLike(text.slice(head[0], head[1])), resolved: false };
      }
      // "The head of the agency in Ohio": the head names the speaker when it names anyone; else the phrase stands
      // for what it is about, as "a statement from X" does for X (the span is the whole subject either way)
      const linked = linkMention(head);
      if (linked) return { ref: { entity: linked.id, name: linked.name, span: ref.span }, person: linked.type === "PERSON", resolved: true };
      const r = resolveName(given);
      if (r.ref.entity) return { ...r, ref: { ...r.ref, span: ref.span } };
      // no one named: the whole phrase is the speaker's name ("Critics of the new dam", not "the new dam")
      return { ref, person: personLike(text.slice(head[0], head[1])), resolved: false };
    }
    return resolveName(ref);
  };

  const resolveName = (ref: Ref): { ref: Ref; person: boolean; resolved: boolean } => {
    const span = ref.span;
    if (!span) return { ref, person: false, resolved: false };
    const low = text.slice(span[0], span[1]).toLowerCase();
    // the cleaned name (no title, no "a statement from") is what names and aliases are compared with
    const surface = ref.name;
    // the name's own place inside the mention ("Jane Doe" in "Gov. Jane Doe (D-Wis.)") is what mentions must cover
    const at = text.slice(span[0], span[1]).indexOf(ref.name);
    const nameSpan: Span = at >= 0 ? [span[0] + at, span[0] + at + ref.name.length] : span;
    const linked = linkMention(nameSpan);
    if (linked) return { ref: { entity: linked.id, name: linked.name, span }, person: linked.type === "PERSON", resolved: true };
    const gender = SOURCE_PRONOUNS[low];
    if (gender) {
      const e = personBefore(span[0], (x) => gender === "any" || !x.gender || x.gender === gender);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: true, resolved: true };
      const prev = previousPerson(span[0]);
      if (prev) return { ref: { ...prev, span }, person: true, resolved: true };
      return { ref, person: true, resolved: false };
    }
    // a surname or a shorter form of a name already seen ("Lee" after "Jane Lee")
    if (/^\p{Lu}/u.test(surface)) {
      const e = byName.get(surface) ?? longTail(surface);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: e.type === "PERSON", resolved: true };
      for (let i = resolved.length - 1; i >= 0 && i >= resolved.length - BACK; i--) {
        const r = resolved[i]!.ref;
        if (r.name.endsWith(` ${surface}`) && r.name.length > surface.length) return { ref: { ...r, span }, person: true, resolved: true };
      }
    }
    // a description of one person: the entity it describes, else the person last mentioned — unless that person's
    // known roles say otherwise ("the governor" after "Attorney General Jane Doe" is someone else, left unresolved)
    const role = ROLE_HEAD.exec(surface);
    if (role && /^the\b/i.test(surface)) {
      const head = role[1]!.toLowerCase();
      const described = personBefore(span[0], (x) => [...x.descriptors, ...x.roles].some((d) => d.toLowerCase().includes(head)));
      const last = described ? undefined : personBefore(span[0], () => true);
      const e = described ?? (last && last.roles.length === 0 ? last : undefined);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: true, resolved: true };
    }
    return { ref: { name: ref.name, span }, person: personLike(ref.name), resolved: false };
  };

  // '"…," he said, noting that …': a participle after a report speaks for the report's speaker (resolved with it below)
  // '…, explaining the campaign's decision': a phrase after a participle cue is what it reports, not who
  if (doc.has("token")) participleObjects(Tokens.of(doc), text, quotes, sentences);
  // ("It was a tweet pushing …": an expletive "it" speaks for no participle)
  if (doc.has("token")) expletiveSpeakers(Tokens.of(doc), text, quotes);
  shareParticipleSpeakers(text, quotes, sentences);
  // a finite cue the readers found no speaker for: the subject of its clause
  if (doc.has("token")) missingSubjects(Tokens.of(doc), text, quotes, sentences);
  // a speaker phrase shared by several quotes (split and continued quotes) resolves once
  const cache = new Map<string, ReturnType<typeof resolve>>();
  // the token view passives and raising cues are read with, made on first use (none without a token layer)
  let tk: Tokens | undefined;
  const tokensHere = doc.has("token");
  const tick = deadlineCheck(doc, 32);
  for (const q of quotes) {
    tick();
    // "…, who said they had doubts": the relative pronoun is the speaker as written, its antecedent who it is
    // (the extractor's own answer for the same pronoun stays: it names the antecedent from the clause)
    const rel = q.cue ? relativeSpeaker(q.cue.span) : undefined;
    if (rel && !(q.speaker?.span && q.speaker.span[0] === rel.span![0] && q.speaker.span[1] === rel.span![1])) q.speaker = rel;
    // "X was asked …", "X seems to …": the subject before such a cue is nobody's source (attribution/voice.ts; the
    // indirect-quote stage reads its own reports so as it makes them, and a relative pronoun the extractor did not see
    // is read here: "…, who was asked …")
    if (q.cue && q.speaker?.span && tokensHere && (q.source !== INDIRECT || rel === q.speaker)) {
      const s = sentences[firstEndingAfter(sentences, q.cue.span[1])]?.span;
      tk ??= Tokens.of(doc);
      const subject = q.speaker.span;
      const voice = cueVoice(tk, text, tk.at(s?.[0] ?? 0), tk.at(s?.[1] ?? text.length), q.cue.span, q.span, subject);
      if (voice && isCueSubject(tk, text, voice, subject, q.cue.span)) {
        q.speaker = voice.agent ? { name: voice.agent.name, span: voice.agent.span } : undefined;
        // "X was first reported by Y": Y reported X, the subject is what was reported
        if (voice.agent && q.kind === "indirect" && q.span[0] >= q.cue.span[1]) {
          q.span = subject;
          q.text = text.slice(subject[0], subject[1]);
        }
      }
    }
    // "Debate Over Zika Virus⏎Chris Christie said": a headline without its full stop ran into the subject on the cue's line
    if (q.cue && q.speaker?.span && q.speaker.span[1] <= q.cue.span[0]) {
      const line = lineTrimmed(text, q.speaker.span);
      if (line !== q.speaker.span) {
        const name = q.speaker.name.includes("\n") ? text.slice(line[0], line[1]).replace(/\s+/g, " ") : q.speaker.name;
        q.speaker = { name, span: line };
      }
    }
    // "a group called X", "His fund, called X": a name given, no one's report (the cue stays, as PolNeAR marks it)
    if (q.cue && q.speaker?.span && namingCalled(text, q.cue.span, q.speaker.span)) q.speaker = undefined;
    if (!q.speaker) continue;
    const key = q.speaker.span ? `${q.speaker.span[0]}:${q.speaker.span[1]}` : "";
    const r = (key && cache.get(key)) || resolve(q.speaker, q.cue?.span);
    if (key) cache.set(key, r);
    q.speaker = r.ref;
    if (!r.resolved && SOURCE_PRONOUNS[r.ref.name.toLowerCase()] !== undefined) q.confidence = Math.min(q.confidence ?? 0.5, 0.5);
    if (q.speaker.span) resolved.push({ at: q.speaker.span[0], ref: q.speaker, person: r.person });
  }

  return settleQuotes(doc, quotes);
}

/**
 * One answer per item, ids, working fields off: what makes the layer valid output. Linear; also the stage's
 * whenSkipped hook, so quotes the budget left unattributed (or half-attributed) still make a valid record.
 * `quotes` is sorted by span.
 */
function settleQuotes(doc: Document, quotes: Quote[]): Quote[] {
  // where two quotes cover the same words, the more confident one stays
  const kept: Quote[] = [];
  for (const q of quotes) {
    const prev = kept[kept.length - 1];
    if (prev && prev.span[0] === q.span[0] && prev.span[1] === q.span[1]) {
      if ((q.confidence ?? 0) > (prev.confidence ?? 0)) kept[kept.length - 1] = q;
      continue;
    }
    kept.push(q);
  }
  for (const q of kept) {
    // already numbered ("" before) when the stage had finished before the budget stopped it
    if (!q.id) q.id = doc.nextId("q");
    // working fields off (undefined, not deleted: deleting would slow every later read of the object)
    q.marks = undefined;
    q.paragraph = undefined;
    q.attribution = undefined;
    if (q.confidence === undefined) q.confidence = 0.5;
    q.confidence = Math.round(q.confidence * 100) / 100;
  }
  return kept;
}

export const quoteAttribution: Stage = {
  name: "quoteAttribution",
  kind: "refiner",
  // entities are read when present (the entity stages run earlier); the quote layer is what it needs
  requires: ["quote"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", resolveSpeakers(doc));
  },
  // speakers stay as the extractors (or the loop, as far as it got) left them: valid refs, some without an entity
  whenSkipped(doc: Document) {
    doc.set("quote", settleQuotes(doc, [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])));
  },
};
