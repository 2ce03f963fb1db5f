// Claims: one per statement (a sentence, or a clause when its clauses differ in certainty), with status, cues, claimant, figures and quotes.
import type { Claim, Entity, Hedge, Mention, Quantity, Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";
import type { ClaimStatus, Cue, Ref, Span } from "../../../core/record.js";
import { contains, firstEndingAfter, overlapLength, overlaps, trimSpan } from "../../../core/span.js";
import { WEAK_SOURCE } from "../extractors/hedges.js";

/** Which cue decides when a statement holds several: a denial or an allegation outweighs a hedge, a hedge an estimate, an estimate a plain attribution. */
export const PRECEDENCE: Record<ClaimStatus, number> = {
  denied: 6, alleged: 5, speculative: 4, estimated: 3, reported: 2, asserted: 1,
};

// Clause boundaries where certainty commonly changes: concessive and contrastive conjunctions after
// a comma or dash, and semicolons. "…, although there is no proof of that" must not inherit the
// speculation of the clause before it.
const CLAUSE_BREAK =
  /(?:,|\s[—–]|\s-)\s+(?=(?:and\s+)?(?:although|though|even\s+though|but|while|whereas|yet|however|despite|even\s+if)\b)|;\s+/gi;
const MIN_CLAUSE_WORDS = 3;
// share of a clause a quote must cover to speak for it
const QUOTE_SHARE = 0.4;

// Attribution verbs that name a source next to them ("X said", "said X", "according to X").
const SPEECH = /^(?:said|says|say|told|tells|according to|wrote|writes|added|adds|stated|announced|noted|explained|argued|argues|warned|warns|insisted|insists|claimed|claims|believes?|believed|estimates?|suggested|reported|indicated|confirmed|acknowledged|testified|tweeted|posted|declared|concluded|revealed)$/i;
// Characters and words that end a source phrase when scanning left from the verb.
const LEFT_STOP_CHARS = ',;:"“”(—–';
const LEFT_STOP_WORDS = new Set(["that", "and", "but", "while", "as"]);
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
const LEADING_FILLER = /^(?:(?:earlier|later|also|meanwhile|however|instead|then|now|separately|previously|last\s+\w+|this\s+\w+|on\s+\p{Lu}\p{Ll}+)\s*,?\s+)+/iu;

// Source phrases to the right of an inverted cue: a role noun phrase ("the French president", "a
// statement from the Foreign Office") before a bare run of capitalised words ("Maria Lopez").
const ROLE_NOUN =
  "president|minister|ministry|spokesperson|spokesman|spokeswoman|official|officials|statement|report|analyst|analysts|expert|experts|source|sources|police|military|government|agency|army|company|group|prosecutor|prosecutors|lawyer|lawyers|leader|chief|secretary|director|chairman|chairwoman|ceo|researchers?|scientists?|survey|study|data|estimates?";
const CAP_RUN = String.raw`\p{Lu}[\p{L}\p{N}.'’-]*(?:\s+(?:(?:of|for|at|in|and|the|de|von|van|al)\s+)*\p{Lu}[\p{L}\p{N}.'’-]*)*`;
const RIGHT_ROLE = new RegExp(String.raw`^\s+(?:the|a|an|its|their|his|her)\s+(?:[\p{L}'’.-]+\s+){0,5}?(?:${ROLE_NOUN})\b(?:\s+(?:from|of|for|at|in)\s+(?:the\s+)?${CAP_RUN})?`, "u");
const RIGHT_NAME = new RegExp(String.raw`^\s+${CAP_RUN}`, "u");
// characters read on each side of a speech cue when looking for its source
const SOURCE_WINDOW = 400;
const APPOSITIVE = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s*,\s*(?:a|an|the)\s[^,"“”]{1,100},$/u;
const TRAILING_ADVERB = /\s+(?:then|also|later|earlier|previously|now|again|further|has|have|had|was|is|were|are|reportedly|publicly|recently|long|once|still|\p{Ll}+ly)\s*$/u;

const STRAIGHT_DOUBLE = 0x22;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;

/** Spans of text between quotation marks in a paragraph; an unclosed opening mark runs to the paragraph's end. */
export function quotedRegions(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  // by character code: a one-character string per character of every paragraph cost more than the test
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LEFT_DOUBLE || (c === STRAIGHT_DOUBLE && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === RIGHT_DOUBLE || c === STRAIGHT_DOUBLE) && open >= 0) {
      out.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open, to]);
  return out;
}

/** Share of `span` inside the sorted, disjoint `regions` (binary search: a paragraph may hold thousands of quotations). */
const insideFraction = (span: Span, regions: readonly Span[]): number => {
  let lo = 0;
  let hi = regions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (regions[mid]![1] <= span[0]) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < regions.length && regions[i]![0] < span[1]; i++) n += overlapLength(span, regions[i]!);
  return n / Math.max(1, span[1] - span[0]);
};

/** Clauses of one sentence: split at concessive/contrastive boundaries, pieces of fewer than three words kept with their neighbour. */
export function splitClauses(text: string, sentence: Span): Span[] {
  const s = text.slice(sentence[0], sentence[1]);
  const cuts: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s)) cuts.push(m.index + m[0].length);
  if (!cuts.length) return [trimSpan(text, sentence)];
  const pieces: Span[] = [];
  let start = 0;
  for (const c of [...cuts, s.length]) {
    const piece: Span = [start, c];
    const words = s.slice(piece[0], piece[1]).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (pieces.length && words < MIN_CLAUSE_WORDS) pieces[pieces.length - 1]![1] = c;
    else if (!pieces.length || words >= MIN_CLAUSE_WORDS) pieces.push(piece);
    start = c;
  }
  // a first piece that is too short joins the next
  if (pieces.length > 1) {
    const firstWords = s.slice(pieces[0]![0], pieces[0]![1]).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    if (firstWords < MIN_CLAUSE_WORDS) pieces.splice(0, 2, [pieces[0]![0], pieces[1]![1]]);
  }
  return pieces.map(([a, b]) => trimSpan(text, [sentence[0] + a, sentence[0] + b]));
}

// Subordinate clauses (relative, conditional, causal, purpose): a cue inside one governs that clause
// only ("the 1991 agreement, which defined how the two could use the name" states the agreement as
// fact), while a cue before one reaches into it ("may sign a deal that would…").
const SUBORDINATE = /(,\s*|\s)(?:in\s+which|of\s+which|which|who|whom|whose|where|when|whenever|if|unless|because|so\s+that)\b/gi;

const MAX_SCOPED_CLAUSE = 2000;
const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/**
 * The scopes of one clause: the clause itself, or, when a subordinate clause holds a cue other than
 * a plain attribution, the main clause's parts and each such subordinate clause, each with the cues
 * that govern it. A subordinate clause ends at the next comma ("X, which …, may"; "if …, I would").
 */
export function cueScopes(text: string, clause: Span, cues: readonly Hedge[]): { span: Span; cues: Hedge[] }[] {
  const whole = [{ span: clause, cues: cues.filter((h) => contains(clause, h.span)) }];
  // a "clause" of thousands of characters is a run-on text, not a sentence: no scope analysis (it
  // compares every cue with every subordinate clause)
  if (clause[1] - clause[0] > MAX_SCOPED_CLAUSE) return whole;
  const c = text.slice(clause[0], clause[1]);
  if (!whole[0]!.cues.some((h) => h.status !== "reported" || h.source === WEAK_SOURCE)) return whole;
  // every subordinate clause, then for each cue the innermost one holding it ("…, which defined the
  // context in which the two could use…": "could" belongs to "in which…", not to "which defined…")
  const candidates: Span[] = [];
  SUBORDINATE.lastIndex = 0;
  for (let m = SUBORDINATE.exec(c); m; m = SUBORDINATE.exec(c)) {
    const start = m.index + m[1]!.length;
    // a head of two words is enough ("The agreement, which…"); an opening "If" or "When" is no boundary
    if (wordCount(c.slice(0, start)) < 2) continue;
    // the clause runs to the next comma ("if there ever came a day when I could…, I would be the first")
    let end = c.length;
    const comma = c.indexOf(",", start);
    if (comma > 0) end = comma;
    // a main-clause remainder of a word or two stays with the subordinate clause
    if (end < c.length && wordCount(c.slice(end)) < MIN_CLAUSE_WORDS) end = c.length;
    candidates.push([clause[0] + start, clause[0] + end]);
  }
  const segments: Span[] = [];
  for (const h of whole[0]!.cues) {
    if (h.status === "reported" && h.source !== WEAK_SOURCE) continue;
    let inner: Span | undefined;
    for (const g of candidates) if (contains(g, h.span) && (!inner || g[0] > inner[0])) inner = g;
    if (inner && !segments.includes(inner)) segments.push(inner);
  }
  // nested clauses: the inner one ends where the outer's cue-free part resumes, so keep them disjoint
  segments.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i + 1 < segments.length; i++) {
    if (segments[i]![1] > segments[i + 1]![0]) segments[i] = [segments[i]![0], segments[i + 1]![0]];
  }
  if (!segments.length) return whole;
  const inSegment = (h: Hedge): boolean => segments.some((g) => contains(g, h.span));
  const mainCues = whole[0]!.cues.filter((h) => !inSegment(h));
  const out: { span: Span; cues: Hedge[] }[] = [];
  let at = clause[0];
  for (const g of segments) {
    if (wordCount(text.slice(at, g[0])) > 0) out.push({ span: trimSpan(text, [at, g[0]]), cues: mainCues });
    out.push({ span: trimSpan(text, g), cues: [...mainCues.filter((h) => h.span[0] < g[0]), ...whole[0]!.cues.filter((h) => contains(g, h.span))] });
    at = g[1];
  }
  if (wordCount(text.slice(at, clause[1])) > 0) out.push({ span: trimSpan(text, [at, clause[1]]), cues: mainCues });
  return out;
}

/** The source phrase a speech cue attributes to, as written: "the country's army said", "said Maria Lopez", "according to officials". */
export function sourceOfCue(text: string, cue: Span, sentence: Span): Span | undefined {
  const word = text.slice(cue[0], cue[1]);
  // A source phrase sits within a few hundred characters of its cue: only that window is read, so a
  // sentence of thousands of cues (a run-on text with no full stop) costs linear, not quadratic, time.
  // right side: "said the French president", "according to U.S. regulators"
  // read only when asked: most cues find their source on the left, and these regexes are costly
  let rightRead = false;
  let rightMatch: RegExpExecArray | null = null;
  const right = (): RegExpExecArray | null => {
    if (!rightRead) {
      rightRead = true;
      const rightText = text.slice(cue[1], Math.min(sentence[1], cue[1] + SOURCE_WINDOW));
      rightMatch = RIGHT_ROLE.exec(rightText) ?? RIGHT_NAME.exec(rightText);
    }
    return rightMatch;
  };
  const base = Math.max(sentence[0], cue[0] - SOURCE_WINDOW);
  const leftText = text.slice(base, cue[0]);
  // trimEnd drops the same white space as /\s+$/ (WhiteSpace and LineTerminator), without a regex scan
  const trimmedLeft = leftText.trimEnd();
  // an appositive between the name and the verb: "Maria Lopez, an economist at the bank, says"
  // Only the tail is searched: on a long run of capitalised words the regex is quadratic from each start (found by
  // fuzzing: one exec took 52 s on 72,000 characters); a name and a 100-character appositive fit in 300.
  const tailFrom = Math.max(0, trimmedLeft.length - 300);
  // (it ends in a comma: without one at the end no search is needed)
  const appositive = trimmedLeft.endsWith(",") ? APPOSITIVE.exec(trimmedLeft.slice(tailFrom)) : null;
  if (appositive && !/^according/i.test(word)) {
    const a = base + tailFrom + appositive.index;
    return [a, a + appositive[1]!.length];
  }
  if (/^according\s+to$/i.test(word)) {
    const r = right();
    if (r) return trimSpan(text, [cue[1], cue[1] + r[0].length]);
  }
  // left side: scan back word by word to a clause start (punctuation or a conjunction)
  const leftEnd = base + trimmedLeft.length;
  let i = leftEnd;
  let words = 0;
  while (words < 8) {
    let j = i;
    while (j > base && isSpace(text.charCodeAt(j - 1))) j--;
    if (j === base || LEFT_STOP_CHARS.includes(text[j - 1]!)) break;
    let k = j;
    while (k > base && !isSpace(text.charCodeAt(k - 1)) && !LEFT_STOP_CHARS.includes(text[k - 1]!)) k--;
    if (words > 0 && LEFT_STOP_WORDS.has(text.slice(k, j).toLowerCase())) break;
    i = k;
    words++;
  }
  i -= sentence[0];
  let leftSpan: Span | undefined;
  if (words > 0 && !/[”"]\s*$/.test(trimmedLeft)) {
    let a = sentence[0] + i;
    const phrase = text.slice(a, base + trimmedLeft.length);
    const filler = LEADING_FILLER.exec(phrase);
    if (filler) a += filler[0].length;
    let b = base + trimmedLeft.length;
    // adverbs and auxiliaries between the source and its verb ("He then added", "officials have long said")
    for (let t = TRAILING_ADVERB.exec(text.slice(a, b)); t && t[0].length < b - a; t = TRAILING_ADVERB.exec(text.slice(a, b))) b -= t[0].length;
    const cand = trimSpan(text, [a, b]);
    const candText = text.slice(cand[0], cand[1]);
    // a source starts like a noun phrase: a name, a pronoun or a determiner
    if (cand[1] > cand[0] && /^(?:\p{Lu}|(?:the|a|an|some|many|most|several|officials|analysts|experts|sources|he|she|they|it|we|i)\b)/u.test(candText)) leftSpan = cand;
    // a relative clause ("Senator Rand Paul, who said …") speaks for the name before it
    else if (/^(?:who|which)$/i.test(candText)) {
      const from = Math.max(sentence[0], cand[0] - SOURCE_WINDOW);
      const head = new RegExp(String.raw`(${CAP_RUN})\s*,\s*$`, "u").exec(text.slice(from, cand[0]));
      if (head) leftSpan = [from + head.index, from + head.index + head[1]!.length];
    }
  }
  if (leftSpan) return leftSpan;
  const r = right();
  if (r) return trimSpan(text, [cue[1], cue[1] + r[0].length]);
  return undefined;
}

/** Entity mentions sorted by start and entities by id, built once per document for claimant lookup. */
interface Names {
  mentions: Mention[];
  entities: Map<string, Entity>;
}

function namesOf(doc: Document): Names {
  return {
    mentions: doc.maybe("mention").filter((m) => m.entity).sort((a, b) => a.span[0] - b.span[0]),
    entities: new Map(doc.maybe("entity").map((e) => [e.id, e])),
  };
}

/** A Ref for a source phrase, resolved to an entity when one of its mentions lies inside it. */
function refFor(doc: Document, names: Names, span: Span): Ref {
  const name = doc.slice(span).replace(/^(?:the|a|an)\s+/i, "").replace(/[\s,.]+$/, "");
  for (const m of within(names.mentions, span)) {
    const e = m.entity && contains(span, m.span) ? names.entities.get(m.entity) : undefined;
    if (e) return { entity: e.id, name: e.name, span };
  }
  return { name, span };
}

function strongest(cues: readonly Hedge[]): ClaimStatus {
  let best: ClaimStatus = "asserted";
  for (const h of cues) if (PRECEDENCE[h.status] > PRECEDENCE[best]) best = h.status;
  return best;
}

/** Items of a span-sorted list that overlap `span`. */
function within<T extends { span: Span }>(items: readonly T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(items, span[0]); i < items.length && items[i]!.span[0] < span[1]; i++) {
    if (overlaps(items[i]!.span, span)) out.push(items[i]!);
  }
  return out;
}

export function buildClaims(doc: Document): Claim[] {
  const text = doc.text;
  const paragraphs = doc.maybe("paragraph");
  const hedgesAll = [...doc.maybe("hedge")].sort((a, b) => a.span[0] - b.span[0]);
  const quotesAll = [...doc.maybe("quote")].sort((a, b) => a.span[0] - b.span[0]);
  const quantitiesAll = [...doc.maybe("quantity")].sort((a, b) => a.span[0] - b.span[0]);
  const out: Claim[] = [];
  const quotedByParagraph = new Map<number, Span[]>();
  const paragraphSources = new Map<number, Ref | undefined>();
  const names = namesOf(doc);

  const sentences = doc.maybe("sentence");
  for (const sent of sentences) {
    checkDeadline(doc);
    const para = paragraphs[sent.paragraph];
    if (para?.heading) continue; // crossheads and titles state nothing
    let quoted = quotedByParagraph.get(sent.paragraph);
    if (!quoted) {
      quoted = para ? quotedRegions(text, para.span[0], para.span[1]) : [];
      quotedByParagraph.set(sent.paragraph, quoted);
    }
    const sentHedges = within(hedgesAll, sent.span);
    // attributions outside quotation marks speak for the whole sentence ("…, although …, said Lee")
    const outside = sentHedges.filter((h) => h.source !== WEAK_SOURCE && insideFraction(h.span, quoted) < 0.5);
    const attributions = outside.filter((h) => h.status === "reported");
    let sentenceSource: Span | undefined;
    let sentenceCue: Hedge | undefined;
    // a speech verb that alleges ("Cisco claims that…") names its source just as "said" does
    for (const a of outside.filter((h) => h.status === "reported" || h.status === "alleged")) {
      if (!SPEECH.test(a.text.replace(/\s+/g, " "))) continue;
      const src = sourceOfCue(text, a.span, sent.span);
      if (src) {
        sentenceSource = src;
        sentenceCue = a;
        break;
      }
    }
    if (!sentenceCue && attributions.length) sentenceCue = attributions[0];

    const pieces: { span: Span; status: ClaimStatus; cues: Hedge[]; claimant?: Ref; quotes: Quote[]; quantities: Quantity[] }[] = [];
    for (const { span, cues: clauseHedges } of splitClauses(text, sent.span).flatMap((clause) => cueScopes(text, clause, within(sentHedges, clause)))) {
      const strong = clauseHedges.filter((h) => h.source !== WEAK_SOURCE);
      let status = strongest(strong);
      const cues: Hedge[] = strong.filter((h) => h.status === status || h.status !== "reported");
      const clauseQuotes = within(quotesAll, span);
      // a scare quote ("a 'perfect storm'") does not make a whole clause somebody else's words
      // (a report made inside the clause carries it however short its content: "…, but the governor warned that it
      // would fail" is the governor's, not the sentence's first speaker's)
      const carrying = clauseQuotes.filter((q) => overlapLength(q.span, span) >= QUOTE_SHARE * (span[1] - span[0]) ||
        (q.speaker !== undefined && q.cue !== undefined && contains(span, q.cue.span) && overlaps(q.span, span)));
      const inQuote = insideFraction(span, quoted) >= 0.5;
      // attribution: a quote layer covering the clause, a speech cue in the sentence, or quotation marks
      const attributed = carrying.length > 0 || sentenceCue !== undefined || inQuote;
      if (attributed && PRECEDENCE[status] < PRECEDENCE.reported) status = "reported";
      if (sentenceCue && !cues.includes(sentenceCue)) cues.push(sentenceCue);
      // weak cues ("would", "can", "I think") colour only an otherwise plain statement
      if (status === "asserted") {
        const weak = strongest(clauseHedges);
        if (weak !== "asserted") {
          status = weak;
          cues.push(...clauseHedges.filter((h) => h.status === weak));
        }
      }
      let claimant: Ref | undefined;
      const bestQuote = carrying.filter((q) => q.speaker).sort((a, b) => overlapLength(b.span, span) - overlapLength(a.span, span))[0];
      if (bestQuote?.speaker) {
        claimant = bestQuote.speaker;
        if (bestQuote.cue && !cues.some((c) => c.span[0] === bestQuote.cue!.span[0]) && status === "reported") {
          cues.push({ span: bestQuote.cue.span, text: bestQuote.cue.text, status: "reported", source: "quote" });
        }
      }
      else if (sentenceSource) claimant = refFor(doc, names, sentenceSource);
      else if (inQuote) {
        // one answer per paragraph: every quoted sentence of a paragraph asks the same question
        if (!paragraphSources.has(sent.paragraph)) paragraphSources.set(sent.paragraph, paragraphSource(doc, names, sent.paragraph, quoted, hedgesAll));
        claimant = paragraphSources.get(sent.paragraph);
      }
      pieces.push({ span, status, cues, claimant, quotes: clauseQuotes, quantities: within(quantitiesAll, span).filter((q) => contains(span, q.span)) });
    }
    // clauses that agree are one statement
    const merged: typeof pieces = [];
    for (const p of pieces) {
      const last = merged[merged.length - 1];
      if (last && last.status === p.status && last.claimant?.name === p.claimant?.name) {
        last.span = [last.span[0], p.span[1]];
        for (const c of p.cues) if (!last.cues.includes(c)) last.cues.push(c);
        for (const q of p.quotes) if (!last.quotes.includes(q)) last.quotes.push(q);
        last.quantities.push(...p.quantities);
      } else merged.push({ ...p, cues: [...p.cues], quotes: [...p.quotes], quantities: [...p.quantities] });
    }
    for (const p of merged) {
      const cues: Cue[] = p.cues.sort((a, b) => a.span[0] - b.span[0]).map((h) => ({ text: h.text, span: h.span }));
      const claim: Claim = {
        id: doc.nextId("c"),
        text: text.slice(p.span[0], p.span[1]),
        span: p.span,
        status: p.status,
        cues,
        source: "claims",
      };
      if (p.claimant && p.status !== "asserted") claim.claimant = p.claimant;
      if (p.quantities.length) claim.quantities = p.quantities.map((q) => q.id);
      if (p.quotes.length) claim.quotes = p.quotes.map((q) => q.id);
      out.push(claim);
    }
  }
  return out;
}

/** The source named by a speech cue outside quotation marks in the paragraph (for quoted sentences without their own cue). */
function paragraphSource(doc: Document, names: Names, paragraph: number, quoted: readonly Span[], hedgesAll: readonly Hedge[], depth = 0): Ref | undefined {
  const para = doc.maybe("paragraph")[paragraph];
  if (!para) return undefined;
  const found = speechSourceIn(doc, names, para.span, quoted, hedgesAll);
  if (found || depth >= 2 || paragraph === 0) return found;
  // a paragraph that opens with a quotation mark and names nobody continues the previous speaker's quote
  if (!/^["“]/.test(doc.text.slice(para.span[0], para.span[0] + 1))) return undefined;
  const prev = doc.maybe("paragraph")[paragraph - 1]!;
  return paragraphSource(doc, names, paragraph - 1, quotedRegions(doc.text, prev.span[0], prev.span[1]), hedgesAll, depth + 1);
}

function speechSourceIn(doc: Document, names: Names, span: Span, quoted: readonly Span[], hedgesAll: readonly Hedge[]): Ref | undefined {
  const para = { span };
  for (const h of within(hedgesAll, para.span)) {
    if (h.status !== "reported" || h.source === WEAK_SOURCE || insideFraction(h.span, quoted) >= 0.5) continue;
    if (!SPEECH.test(h.text.replace(/\s+/g, " "))) continue;
    const sents = doc.maybe("sentence");
    const sent = sents[firstEndingAfter(sents, h.span[0])];
    const src = sent && sourceOfCue(doc.text, h.span, sent.span);
    if (src) return refFor(doc, names, src);
  }
  return undefined;
}

export const claims: Stage = {
  name: "claims",
  kind: "refiner",
  requires: ["hedge", "quote", "quantity"],
  provides: ["claim"],
  run(doc: Document) {
    doc.set("claim", buildClaims(doc));
  },
};
