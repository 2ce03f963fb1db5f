// PolNeAR scorer for the quote stages: source / cue / content exact-span P, R, F1 against brat attributions; last line JSON.
//
// Usage: node dist/eval/polnear.js [--data DIR] [--limit N] [--verbose]
//   DIR is a PolNeAR split folder (text/*.txt + attributions/*.ann), default ../shared/data/quotes/polnear/dev.
//   Tune on dev only; the held-out test split is scored outside the project.
// How: each text runs through the English pipeline. Gold is the primary annotator's file (the first listed in
// metadata.tsv next to the split, else the first file by name). Our quotes map onto PolNeAR's conventions
// before matching, as documented there: a direct quote's content is the quotation *with* its marks; a
// split quote (two quotations, one speaker and one cue) is one discontinuous content; the cue takes the
// auxiliaries and adverbs written just before the verb ("has also said"), a colon, "in a statement" and a
// manner word right after it ("said sarcastically"), not a day ("said Friday"); an indirect content starts at its
// complementiser "that"; a medial attribution ("The museum, he said, will …") splits its content in two, as does
// a cue inside a content without a source ("Turnout | is expected | to rise"); a source is the whole noun
// phrase as written, with a parenthesis and apposition ("Jane Doe (D-Wis.), a senior fellow at X," before the
// cue, "…, said Jane Doe, a senior fellow at X" after it, with the closing comma when more words follow it; the
// members a group names, ", including X,", ", like X,", a time's description, ", then 38,", ", now a lobbyist,", and,
// after an age, a home town, ", 41, of Dayton, Ohio"; a second source joined by "and", "…, according to Jo Li, a
// historian, and other scholars"), never running into its own content (nor, for a medial report,
// into the rest of the content around it) or another report's cue ("Jo Li, who said …, said": the aside is an
// attribution of its own); a quotation opening mid-sentence and attributed after it is reported from the sentence
// start ('Not paying taxes "makes me smart," he said'), unless a parenthesis or a dash sets it off ('… - "I love
// it," he said - …');
// a relative pronoun right before a report's source and cue opens its content as a fragment of its own ('a wall,
// which he said Mexico should pay for': "which … Mexico should pay for"; not after a preposition, "in which he
// said …", and never "that"); fragments never cross a line break (brat's rule); fragments with only spaces between
// them are one, on both sides (the same tokens: an annotator who selected a quotation sentence by sentence left such gaps).
// These are span conventions only: which words are reported, and by whom, is the pipeline's answer unchanged.
// A span matches when its fragments are identical (exact match, as in the CofeNet tables). Two relaxed scores are
// printed too: overlap (a prediction counts when it shares a character with a gold span of its role, a gold span when
// a prediction shares one with it) and proportional (each prediction counts its best overlap with a gold span, the
// characters in common over the longer of the two, and each gold span its best overlap with a prediction). A
// discontinuous span is one span: its fragments are compared together. A second content of the same cue is more
// fragments of that content (PolNeAR's Content2 joins Content). Offsets in .ann are code points, converted to UTF-16.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "../core/document.js";
import type { Quote } from "../core/annotations.js";
import type { Span } from "../core/record.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";
import { cueVerb, isFiniteForm } from "../nlp/en/extractors/quote-common.js";

type Frags = Span[];
export interface Attribution {
  source?: Frags;
  cue?: Frags;
  content?: Frags;
}
const ROLES = ["source", "cue", "content"] as const;
type Role = (typeof ROLES)[number];

/** Code-point offset → UTF-16 index table for one text. */
function cpToUtf16(text: string): Int32Array {
  const map = new Int32Array([...text].length + 1);
  let u = 0;
  let c = 0;
  for (const ch of text) {
    map[c++] = u;
    u += ch.length;
  }
  map[c] = u;
  return map;
}

export function readAnn(src: string, text: string): Attribution[] {
  const map = cpToUtf16(text);
  const spans = new Map<string, { type: string; frags: Frags }>();
  const events: Record<string, string>[] = [];
  for (const line of src.split("\n")) {
    const cols = line.split("\t");
    const id = cols[0] ?? "";
    if (/^T\d+$/.test(id) && cols.length >= 2) {
      const sp = cols[1]!.indexOf(" ");
      const type = cols[1]!.slice(0, sp);
      const frags = cols[1]!.slice(sp + 1).split(";").map((f) => {
        const [a, b] = f.trim().split(/\s+/).map(Number);
        return [map[a!] ?? a!, map[b!] ?? b!] as Span;
      });
      spans.set(id, { type, frags });
    } else if (/^E\d+$/.test(id) && cols.length >= 2) {
      const roles: Record<string, string> = {};
      for (const part of cols[1]!.trim().split(/\s+/)) {
        const [role, ref] = part.split(":");
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  return events.map((e) => {
    const get = (k: string) => (e[k] ? spans.get(e[k]!)?.frags : undefined);
    const content = [...(get("Content") ?? []), ...(get("Content2") ?? [])].sort((a, b) => a[0] - b[0]);
    return { source: spaced(text, get("Source")), cue: spaced(text, get("Cue")), content: content.length ? spaced(text, content) : undefined };
  });
}

/**
 * Fragments with nothing but spaces between them are one fragment: they hold the same tokens, and the published
 * PolNeAR scores (CofeNet's tables) compare token tags. An annotator who selected a quotation sentence by sentence
 * leaves such gaps ("… of winning.| Trump has pledged …"); a line break still separates fragments (brat's rule).
 */
export function spaced(text: string, frags: Frags | undefined): Frags | undefined {
  if (!frags || frags.length < 2) return frags;
  const out: Frags = [[...frags[0]!]];
  for (const f of frags.slice(1)) {
    const last = out[out.length - 1]!;
    if (f[0] >= last[1] && /^[^\S\n]*$/.test(text.slice(last[1], f[0]))) last[1] = Math.max(last[1], f[1]);
    else out.push([...f]);
  }
  return out;
}

const AUX_BEFORE = /^(?:has|have|had|is|are|was|were|be|been|being|will|would|could|can|may|might|should|must|did|does|do|also|then|later|again|previously|recently|repeatedly|publicly|reportedly|earlier|already|first|once|not|never|n't|often|still|further|together|now|even|just|long|always|(?!(?:family|ally|rally|supply|assembly|anomaly|monopoly|reply|bully|homily|italy|only)$)\w+ly)$/i;

// (a day after the verb, "said Friday", is the writer's in PolNeAR more often than not: train and dev both score better without it)
const CUE_MANNER_AFTER = /^ (?:recently|repeatedly|(?!only\b)[a-z]{3,}ly(?=[,.;:]| (?:that|in|on|at|to|during|after|before|about|of|for)\b))(?=[\s,.;:])/;

/** brat fragments never cross a line break: a span over paragraphs is one fragment per line (blank lines dropped). */
function lines(text: string, frags: Span[]): Span[] {
  const out: Span[] = [];
  for (const [a, b] of frags) {
    let from = a;
    for (let k = a; k <= b; k++) {
      if (k === b || text[k] === "\n") {
        let x = from;
        let y = k;
        while (x < y && /\s/.test(text[x]!)) x++;
        while (y > x && /\s/.test(text[y - 1]!)) y--;
        if (y > x) out.push([x, y]);
        from = k + 1;
      }
    }
  }
  return out;
}

/** Our quotes in PolNeAR's conventions, split quotes merged. */
/** The sentence (of the sentence layer) holding pos, if any. */
function sentenceAt(sentences: readonly Span[], pos: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]![1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  const s = sentences[lo];
  return s && s[0] <= pos ? s : undefined;
}

/** The start of the sentence holding pos (the sentence layer). */
function sentenceStartAt(sentences: readonly Span[], pos: number): number {
  return sentenceAt(sentences, pos)?.[0] ?? pos;
}

/** The end of the sentence holding pos: from the sentence layer when given, else the end of the line. */
function sentenceEndAt(text: string, pos: number, sentences?: readonly Span[]): number {
  const s = sentences && sentenceAt(sentences, pos);
  if (s) return s[1];
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl;
}

// a parenthesis ("(D-Mo.)") and a comma-bounded apposition (", a senior fellow at X,") after a name
// (the apposition may end in a quoted title that holds its closing comma: ', host of "Morning Show,"')
// (a day or a week between the apposition and the cue is neither's: "Jo Li, the mayor, on Tuesday called …")
const APPOSITION_BEFORE_CUE = /^(\s*\(\S{1,20}\))?(\s*,[^"“”;:\n]*(?:,|["“][^"“”;:\n]{1,60},["”]))?(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:last|this)\s+(?:week|month|year))?\s*$/;
const PARENTHESIS = /^\s*\(\S{1,20}\)/;
const SEGMENT = /^\s*,[^"“”;:,\n]+/;
const CLAUSE_VERB = new Set("is are was were has have had will would can could may might should must does did do".split(" "));
// an aside is no apposition: ", speaking to …,", ", in particular,", ", often"; the members a group names are its own
// (", including Obama,", ", like Obama,": train, 44 of 52 such sources hold them), and so is a time's description
// (", then 38,", ", now a CNN commentator,")
const ASIDE = /^\s*,?\s*(?:(?!including\b)[a-z]+ing|[a-z]+ly|in|on|at|unlike|as|for|with|after|before|during|despite|often|too|however|though|meanwhile|(?:then|now)(?=\s*(?:,|$)|-)|again|and|but|or)\b/;
// a relative clause inside an apposition ("who runs X") is part of it (dev: cutting "which …" ones off does not pay)
const RELATIVE = new Set(["who", "whom", "whose", "which", "that", "where"]);
// a second apposition must open like a noun phrase ("…, a professor at X, the author of Y"), or, after an age, name a
// home town ("…, 20, of Jacksonville, Fla.")
const NP_OPENING = /^\s*,\s*(?:a|an|the|his|her|their|its|one|two|three|who|whom|\d|\p{Lu})/u;
const HOME_TOWN = /^\s*,\s*(?:of|from)\s+\p{Lu}/u;
const AGE = /^\s*,\s*\d{1,3}\s*$/;
// a sentence end inside the would-be apposition ("… group. ''It's …")
const SENTENCE_STOP = /[.!?]["”’']*\s+(?=["“‘'`(]|\p{Lu})/u;
// abbreviations whose full stop ends no sentence: titles, months, US states as newspapers write them, initials
const TITLE_BEFORE_STOP = new RegExp(
  "(?:\\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Capt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|" +
    "Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Mass|Md|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo)|\\b\\p{Lu})$",
  "u",
);

// a second source joined to the first ("…, according to Jo Li, a historian, and other scholars"): a noun phrase after
// "and", no clause ("…, and it is hard to say")
const COORDINATED = /^\s*,\s*(?:and|or)\s+(?=(?:a|an|the|his|her|their|its|other|others|several|many|some)\b|\p{Lu})/u;
const coordinated = (segment: string): boolean => {
  const m = COORDINATED.exec(segment);
  return !!m && appositive(segment.slice(m[0].length)) && !/\b(?:it|he|she|they|we|there)\b/i.test(segment.slice(m[0].length));
};

/** A noun phrase's apposition, not a clause: no finite verb or cue outside a relative clause ("who runs X" is fine). */
function appositive(words: string): boolean {
  if (ASIDE.test(words)) return false;
  for (const w of words.toLowerCase().match(/[a-z][a-z'’-]*/g) ?? []) {
    if (RELATIVE.has(w)) return true;
    if (CLAUSE_VERB.has(w) || (/ed$/.test(w) && isFiniteForm(w) && (cueVerb(w)?.rate ?? 0) >= 0.3)) return false;
  }
  return true;
}

/**
 * PolNeAR sources are the whole noun phrase as written, with its parenthesis and apposition ("Jane Doe (D-Wis.), a
 * senior fellow at X," before the cue; "…, said Jane Doe, a senior fellow at X." up to the next comma or sentence end).
 */
function sourceSpan(text: string, source: Span, cue: Span | undefined, sentences?: readonly Span[]): Span {
  if (!cue) return source;
  if (source[1] <= cue[0]) {
    // a source that holds its own apposition ("The state's campaign chairman, Phil Lovas, said"): PolNeAR keeps the
    // apposition's closing comma, as it does for one after the name (below), also when more words come before the cue
    // ("Rendell, a Clinton surrogate, said … and called it …": train, 89 of 97 such sources keep it)
    const m = APPOSITION_BEFORE_CUE.exec(text.slice(source[1], cue[0]));
    // (a list's last item takes its own apposition: "Ann Lee, a mayor, and Al Roe, a judge, said")
    const own = m?.[2] && !m[1] && /,\s+(?:and|or)\s/.test(text.slice(source[0], source[1])) && appositive(m[2].replace(/,\s*$/, ""));
    if (/,\s/.test(text.slice(source[0], source[1])) && text[source[1]] === "," && !own) return [source[0], source[1] + 1];
    if (!m || !(m[1] || m[2]) || (m[2] && !appositive(m[2].replace(/,\s*$/, "")))) return source;
    return [source[0], source[1] + (m[1]?.length ?? 0) + (m[2]?.length ?? 0)];
  }
  if (source[0] < cue[1]) return source;
  let end = sentenceEndAt(text, source[1], sentences);
  const stop = SENTENCE_STOP.exec(text.slice(source[1], end));
  if (stop && !TITLE_BEFORE_STOP.test(text.slice(Math.max(0, source[1] + stop.index - 6), source[1] + stop.index))) end = source[1] + stop.index + 1;
  let b = source[1];
  const paren = PARENTHESIS.exec(text.slice(b, end));
  if (paren) b += paren[0].length;
  // comma-led appositions, one after another, as long as each is a noun phrase and the sentence ends after them
  const stops: number[] = [b];
  let previous = "";
  for (let seg = SEGMENT.exec(text.slice(b, end)); seg && (coordinated(seg[0]) || (appositive(seg[0]) && (stops.length === 1 || NP_OPENING.test(seg[0]) || (AGE.test(previous) && HOME_TOWN.test(seg[0]))))); seg = SEGMENT.exec(text.slice(b, end))) {
    b += seg[0].length;
    stops.push(b);
    previous = seg[0];
  }
  if (!/^\s*[.!?"”’']*\s*$/.test(text.slice(b, end))) {
    // more words after a comma ("said Jane Doe, a pollster, referring to …"): the apposition with its closing comma
    // (train: 70 such sources keep the comma, 27 leave it out)
    if (stops.length > 1 && text[b] === ",") return [source[0], b + 1];
    // more words follow: only a parenthesis is safe to keep
    b = stops[0]!;
    if (b === source[1] || !/^(?:\s*,|\s*[.!?"”’']*\s*$)/.test(text.slice(b, end))) return source;
  }
  while (b > source[1] && /[\s.!?,"”’']/.test(text[b - 1]!)) b--;
  // a title's full stop stays ("Calif."), also where it ends the sentence ("said Jo Li of Tampa, Fla.")
  if (text[b] === "." && TITLE_BEFORE_STOP.test(text.slice(Math.max(0, b - 6), b))) b++;
  return [source[0], b];
}

/** "The museum, Mr. Bush said, will tell …": the content is the sentence around its source and cue, in two pieces. */
function medialSplit(text: string, content: Span, source: Span | undefined, cue: Span): Span[] {
  const a = Math.min(cue[0], source?.[0] ?? cue[0]);
  const b = Math.max(cue[1], source?.[1] ?? cue[1]);
  if (!(content[0] < a && b < content[1])) return [content];
  const left = /,\s*(?:as\s+)?$/.exec(text.slice(content[0], a));
  const right = /^[^,.;:"“”]{0,40}?,\s*/.exec(text.slice(b, content[1]));
  if (!left || !right) return [content];
  const first: Span = [content[0], a - left[0].length];
  const second: Span = [b + right[0].length, content[1]];
  return first[1] > first[0] && second[1] > second[0] ? [first, second] : [content];
}

/** "Turnout is expected to rise": a content around its cue, with no source, is the words on either side of it. */
function around(text: string, content: Span, cue: Span): Span[] {
  if (!(content[0] < cue[0] && cue[1] < content[1])) return [content];
  let a = cue[0];
  while (a > content[0] && /\s/.test(text[a - 1]!)) a--;
  let b = cue[1];
  while (b < content[1] && /\s/.test(text[b]!)) b++;
  return a > content[0] && b < content[1] ? [[content[0], a], [b, content[1]]] : [content];
}

// a relative pronoun heading the reported clause ("a wall, which he said Mexico should pay for"): not after a
// preposition ("in which he says …" reports the clause after the cue only); "that" is left out (train: mostly not
// annotated so, 28 of 142)
const RELATIVE_LEAD = /(?:^|[^\p{L}\p{N}'’])(which|who|whom|what)\s+$/iu;
const PREPOSITION_BEFORE = /(?:^|\s)(?:in|on|at|of|for|with|by|from|to|during|after|before|under|over|about|through|into|among|than|like)\s+$/i;
// a cue that raises or passivises ("which is expected to", "what is known as"): its subject is reported, not a source
const RAISED_CUE = /^(?:(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|could|can|must|should|also|widely|generally|often|now|not)\s+)+\S|^(?:seems?|seemed|appears?|appeared)\b/i;

/**
 * The relative pronoun before a report's source and cue, as its content's first fragment ("which … was not a
 * prison sentence"): PolNeAR reports the relative clause with the pronoun that opens it. Only for a content after
 * its cue whose source (or, for a raised cue, the cue itself) follows the pronoun directly.
 */
function relativeLead(text: string, content: Span, source: Span | undefined, cue: Span): Span | undefined {
  if (content[0] < cue[1]) return undefined;
  let left: number;
  if (source && source[1] <= cue[0]) {
    if (!/^\s*$/.test(text.slice(source[1], cue[0]))) return undefined;
    left = source[0];
  } else if (!source && RAISED_CUE.test(text.slice(cue[0], cue[1]))) left = cue[0];
  else return undefined;
  const before = text.slice(Math.max(0, left - 30), left);
  const m = RELATIVE_LEAD.exec(before);
  if (!m) return undefined;
  const at = left - m[0].length + m[0].indexOf(m[1]!);
  if (PREPOSITION_BEFORE.test(text.slice(Math.max(0, at - 15), at))) return undefined;
  return [at, at + m[1]!.length];
}

/** The content's pieces without the writer's asides the quote records inside it (their commas and spaces off). */
function withoutAsides(text: string, frags: readonly Span[], asides: readonly Span[]): Span[] {
  let out: Span[] = [...frags];
  for (const [x, y] of asides) {
    const next: Span[] = [];
    for (const [a, b] of out) {
      if (!(a < y && x < b)) {
        next.push([a, b]);
        continue;
      }
      let l = Math.min(b, x);
      while (l > a && /[\s,]/.test(text[l - 1]!)) l--;
      let r = Math.max(a, y);
      while (r < b && /[\s,]/.test(text[r]!)) r++;
      if (l > a) next.push([a, l]);
      if (b > r) next.push([r, b]);
    }
    out = next;
  }
  return out;
}

/** A widened source cut before the comma that opens the aside holding another report's cue, if one does. */
function beforeOtherCue(text: string, source: Span, speaker: Span, cueStarts: readonly number[]): Span {
  // (the first cue at or after the speaker's end: a binary search, the starts are sorted)
  let lo = 0;
  let hi = cueStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cueStarts[mid]! < speaker[1]) lo = mid + 1;
    else hi = mid;
  }
  const cue = cueStarts[lo];
  if (cue === undefined || cue >= source[1]) return source;
  let b = text.lastIndexOf(",", cue);
  // (or before the relative pronoun that opens the clause holding it: "…, a media consultant who said he …")
  const rel = /\s(?:who|which|whose|that)\s[^,]*$/.exec(text.slice(Math.max(b, speaker[1]), cue));
  if (rel) b = Math.max(b, speaker[1]) + rel.index;
  if (b < speaker[1]) b = speaker[1];
  while (b > speaker[1] && /[\s,]/.test(text[b - 1]!)) b--;
  return [source[0], b];
}

export function toAttributions(text: string, quotes: readonly Quote[], sentences?: readonly Span[]): Attribution[] {
  const out: Attribution[] = [];
  const byKey = new Map<string, Attribution>();
  const byCue = new Map<string, Attribution>();
  const sorted = [...quotes].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const cueStarts = quotes.flatMap((q) => (q.cue ? [q.cue.span[0]] : [])).sort((a, b) => a - b);
  let host: Quote | undefined;
  for (const q of sorted) {
    // a quotation inside reported speech by the same speaker is one attribution in PolNeAR (tokens are univocal)
    if (host && q.span[1] <= host.span[1] + 2 && q.speaker?.span && host.speaker?.span && q.speaker.span[0] === host.speaker.span[0]) continue;
    if (q.kind === "indirect") host = q;
    let content: Span = q.span;
    if (q.kind !== "indirect" && q.source !== "transcript-turns") {
      // the quotation with its marks and the punctuation inside them
      let a = content[0];
      let b = content[1];
      // (not across a line break: the mark before it closes the paragraph above)
      while (a > 0 && /["“”„«'‘ \t]/.test(text[a - 1]!) && content[0] - a < 3) a--;
      while (b < text.length && /[,.!?;:]/.test(text[b]!) && b - content[1] < 2) b++;
      while (b < text.length && /["”»'’]/.test(text[b]!) && b - content[1] < 3) b++;
      while (a < content[0] && /\s/.test(text[a]!)) a++;
      // 'said that "…"': the complementiser opens the content
      const lead = /\bthat,?\s+$/.exec(text.slice(Math.max(0, a - 7), a));
      if (lead && q.cue && q.cue.span[1] <= a) a -= lead[0].length;
      // 'With thousands of systems, "there is no single point of failure," she said': a quotation attributed after
      // it, opening mid-sentence, is reported from the sentence's start (PolNeAR marks the paraphrase too)
      else if (q.cue && q.cue.span[0] >= b && sentences) {
        const s0 = sentenceStartAt(sentences, a);
        const before = text.slice(s0, a);
        // (not after an opening parenthesis or a dash: '… to Mexico - "I love it," he said, …' sets the quotation
        // off as an aside of its own)
        if (s0 < a && /\S/.test(before) && !/["“”«»:]/.test(before) && !/(?:\(|\s[-—–])\s*$/.test(before)) a = s0;
      }
      content = [a, b];
    } else {
      // ("that, if elected, he …": the complementiser and its comma)
      const before = text.slice(Math.max(0, content[0] - 6), content[0]);
      const that = /\bthat,?\s$/.exec(before);
      if (that) content = [content[0] - before.length + that.index, content[1]];
    }
    let cue: Span | undefined = q.cue?.span;
    if (cue) {
      // "has also said": PolNeAR cues carry their auxiliaries
      for (;;) {
        const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, cue[0] - 20), cue[0]));
        // (a capitalised "-ly" word is a name: "Kelly said", "Reilly said")
        if (!m || !AUX_BEFORE.test(m[1]!) || /^\p{Lu}\S*ly$/u.test(m[1]!)) break;
        cue = [cue[0] - m[0].length, cue[1]];
      }
      // PolNeAR cues keep a following colon ("said:") and the statement they were made in
      const after = /^(?::| in (?:a|an|his|her|their|its)(?: [a-z-]+){0,2} (?:statement|interview|email|op-ed)\b)/.exec(text.slice(cue[1], cue[1] + 40));
      if (after) cue = [cue[0], cue[1] + after[0].length];
      // …and the manner written right after the verb ("said sarcastically", "said repeatedly")
      const when = CUE_MANNER_AFTER.exec(text.slice(cue[1], cue[1] + 40));
      if (when) cue = [cue[0], cue[1] + when[0].length];
    }
    let source = q.speaker?.span ? sourceSpan(text, q.speaker.span, cue, sentences) : undefined;
    // nor into another report's cue ("Barkley, who said he votes …, said"): that clause is its own attribution
    if (source && q.speaker?.span && source[1] > q.speaker.span[1]) source = beforeOtherCue(text, source, q.speaker.span, cueStarts);
    // a widened source never runs into its own content (PolNeAR's tokens have one role): "According to the poll,
    // Clinton leads …" is no apposition of "the poll" (a scoring bug before: the widening read the content as one)
    if (source && q.speaker?.span && q.speaker.span[1] <= content[0] && source[0] < content[0] && content[0] < source[1]) {
      let b = content[0];
      while (b > q.speaker.span[1] && /[\s,]/.test(text[b - 1]!)) b--;
      source = [source[0], b];
    }
    // …nor into the rest of a content it stands inside ("The next day, according to Jo Li, Al Roe made demands": the
    // medial split below gives "Al Roe made demands" to the content)
    if (source && q.speaker?.span && q.kind === "indirect" && content[0] < q.speaker.span[0] && q.speaker.span[1] < content[1] && source[1] > q.speaker.span[1]) {
      source = [source[0], q.speaker.span[1]];
    }
    // split and continued quotes share the speaker's mention (the widened source span may differ between them)
    const key = q.speaker?.span ? `${q.speaker.span[0]}:${q.speaker.span[1]}` : "";
    // (the attribution with this quote's own cue: a report by the same speaker between them, '"…," X said, noting
    // that …. "…"', does not hide it)
    const prev = key ? ((cue && byCue.get(`${key}@${cue[0]}`)) || byKey.get(key)) : undefined;
    // a continuation of the same speaker's quotation in one sentence group: one attribution, two fragments
    if (prev && q.kind !== "indirect" && prev.content && (!cue || (prev.cue && cue[0] === prev.cue[0][0])) && q.span[0] - prev.content[prev.content.length - 1]![1] < 250) {
      prev.content = spaced(text, [...prev.content, ...lines(text, [content])]);
      continue;
    }
    const contents = q.kind === "indirect" && cue ? (source ? medialSplit(text, content, source, cue) : around(text, content, cue)) : [content];
    const lead = q.kind === "indirect" && cue ? relativeLead(text, content, q.speaker?.span, cue) : undefined;
    if (lead) contents.unshift(lead);
    const a: Attribution = { source: source ? lines(text, [source]) : undefined, cue: cue ? [cue] : undefined, content: spaced(text, lines(text, q.asides ? withoutAsides(text, contents, q.asides) : contents)) };
    out.push(a);
    if (key) byKey.set(key, a);
    if (key && cue) byCue.set(`${key}@${cue[0]}`, a);
  }
  return out;
}

export const zeroCounts = (): Counts => ({ tp: 0, pred: 0, gold: 0, soft: 0, softGold: 0, anyPred: 0, anyGold: 0 });
const keyOf = (f: Frags): string => f.map((s) => `${s[0]}-${s[1]}`).join(",");
const overlapOf = (a: Frags, b: Frags): number => {
  let o = 0;
  for (const x of a) for (const y of b) o += Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
  const len = (f: Frags) => f.reduce((s, x) => s + x[1] - x[0], 0);
  return o / Math.max(len(a), len(b), 1);
};

/** One role's tallies over a split (see the header for the three scores). */
export interface Counts {
  tp: number;
  pred: number;
  gold: number;
  /** sum over predictions of the best proportional overlap with a gold span of the role */
  soft: number;
  /** sum over gold spans of the best proportional overlap with a prediction */
  softGold: number;
  /** predictions that overlap some gold span by a character or more, and gold spans some prediction overlaps */
  anyPred: number;
  anyGold: number;
}

export function primaryFiles(dir: string): Map<string, string> {
  const annDir = path.join(dir, "attributions");
  const files = readdirSync(annDir).filter((f) => f.endsWith(".ann")).sort();
  const primary = new Map<string, string>();
  const metaFile = path.join(dir, "..", "metadata.tsv");
  const order = new Map<string, string[]>();
  if (existsSync(metaFile)) {
    for (const line of readFileSync(metaFile, "utf8").split("\n").slice(1)) {
      const c = line.split("\t");
      if (c[1] && c[3]) order.set(c[1], c[3].split("|"));
    }
  }
  for (const f of files) {
    const m = /^(.*)_([0-9a-f]{4})\.ann$/.exec(f);
    if (!m) continue;
    const [, base, ann] = m;
    const want = order.get(base!)?.[0];
    if (!primary.has(base!) || ann === want) primary.set(base!, f);
  }
  return primary;
}

/**
 * Adds one text's spans of one role to `c`: exact matches (each gold span matched once), and the overlap and
 * proportional tallies of both sides. Returns the predictions without an exact match.
 */
export function countRole(gold: readonly Frags[], pred: readonly Frags[], c: Counts): Frags[] {
  const left = new Map<string, number>();
  for (const f of gold) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
  c.gold += gold.length;
  c.pred += pred.length;
  const misses: Frags[] = [];
  for (const f of pred) {
    const k = keyOf(f);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      c.tp++;
      left.set(k, n - 1);
    } else misses.push(f);
    const best = gold.reduce((b, x) => Math.max(b, overlapOf(f, x)), 0);
    c.soft += best;
    if (best > 0) c.anyPred++;
  }
  for (const f of gold) {
    const best = pred.reduce((b, x) => Math.max(b, overlapOf(f, x)), 0);
    c.softGold += best;
    if (best > 0) c.anyGold++;
  }
  return misses;
}

export async function scorePolnear(dataDir: string, { verbose = false, limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  // loaded here, not at the top: the parsing and mapping helpers are usable (and testable) without the whole pipeline
  const { englishPipeline } = await import("../nlp/en/configuration.js");
  const pipeline = englishPipeline();
  const counts: Record<Role, Counts> = {
    source: zeroCounts(), cue: zeroCounts(), content: zeroCounts(),
  };
  const lines: string[] = [];
  let docs = 0;
  let words = 0;
  let ms = 0;
  const entries = [...primaryFiles(dataDir)].slice(0, limit ?? Infinity);
  for (const [base, annFile] of entries) {
    const txtPath = path.join(dataDir, "text", `${base}.txt`);
    if (!existsSync(txtPath)) continue;
    const text = readFileSync(txtPath, "utf8");
    const gold = readAnn(readFileSync(path.join(dataDir, "attributions", annFile), "utf8"), text);
    const doc = new Document(text, {}, base);
    const t0 = performance.now();
    pipeline.run(doc);
    ms += performance.now() - t0;
    words += text.split(/\s+/).length;
    docs++;
    const pred = toAttributions(text, doc.maybe("quote"), doc.maybe("sentence").map((x) => x.span));
    for (const role of ROLES) {
      const g = gold.map((a) => a[role]).filter((f): f is Frags => !!f);
      const p = pred.map((a) => a[role]).filter((f): f is Frags => !!f);
      const misses = countRole(g, p, counts[role]);
      if (verbose && role === "content") {
        const show = (x: Frags) => x.map((s) => text.slice(s[0], s[1])).join(" … ").slice(0, 160);
        for (const f of misses) {
          const best = g.reduce((b, x) => (overlapOf(f, x) > overlapOf(f, b) ? x : b), g[0] ?? []);
          lines.push(`  ${base}: content miss (best overlap ${overlapOf(f, best).toFixed(2)}): ${show(f)}`);
          if (best.length) lines.push(`      gold: ${show(best)}`);
        }
      }
    }
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const metrics: Record<string, unknown> = { benchmark: "polnear", docs, wordsPerSecond: Math.round((words / ms) * 1000) };
  const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);
  const pct = (x: number): string => (100 * x).toFixed(1);
  for (const role of ROLES) {
    const c = counts[role];
    const p = c.pred ? c.tp / c.pred : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    const softP = c.pred ? c.soft / c.pred : 0;
    const softR = c.gold ? c.softGold / c.gold : 0;
    const anyP = c.pred ? c.anyPred / c.pred : 0;
    const anyR = c.gold ? c.anyGold / c.gold : 0;
    metrics[role] = {
      p: r3(p), r: r3(r), f1: r3(f1(p, r)), gold: c.gold, pred: c.pred,
      overlap: { p: r3(anyP), r: r3(anyR), f1: r3(f1(anyP, anyR)) },
      proportional: { p: r3(softP), r: r3(softR), f1: r3(f1(softP, softR)) },
    };
    lines.push(`${role.padEnd(8)} exact P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1(p, r))}  (gold ${c.gold}, predicted ${c.pred})`);
    lines.push(`${"".padEnd(8)} overlap P ${pct(anyP)}  R ${pct(anyR)}  F1 ${pct(f1(anyP, anyR))};  proportional P ${pct(softP)}  R ${pct(softR)}  F1 ${pct(f1(softP, softR))}`);
  }
  lines.unshift(`PolNeAR ${path.basename(dataDir)}: ${docs} texts, primary annotator`);
  return { lines, metrics };
}

export const polnearBenchmark: Benchmark = {
  name: "polnear",
  description: "PolNeAR attribution spans (source / cue / content exact-match F1)",
  defaultData: "../shared/data/quotes/polnear/dev",
  run: (dir, options) => scorePolnear(dir, options),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const limit = arg("--limit");
  void scorePolnear(path.resolve(arg("--data") ?? polnearBenchmark.defaultData), {
    verbose: process.argv.includes("--verbose"), limit: limit ? Number(limit) : undefined,
  }).then((res) => {
    for (const l of res.lines) console.log(l);
    console.log(JSON.stringify(res.metrics));
  });
}
