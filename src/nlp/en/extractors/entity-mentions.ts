// Names, places, nationalities and groups in the text: capitalised-sequence chunking typed by gazetteers and context.
import type { Mention, TokenTable } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";
import type { EntityType } from "../../../core/record.js";
import { gazetteer, largestCityPopulation, namePrefixes, placeKind, type Gazetteer } from "../../../geo/gazetteer.js";
import {
  ADJECTIVAL_GROUP_NOUNS, EVENT_WORDS, GEO_NOUNS, GROUP_NOUNS, KNOWN_ORG_NAMES, KNOWN_ORGS, NAME_PARTICLES,
  NEVER_NAMES, ORG_CONNECTORS, SPEECH_VERBS, TITLE_WORDS, nameLexicon, type NameLexicon,
} from "../lexicons/entity-lexicon.js";
import { lowerCase } from "./quote-common.js";

const STAGE = "entityMentions";
/** Provenance of a mention typed on weak evidence; resolution keeps it only when it joins a stronger one. */
export const GUESS = `${STAGE}:guess`;
/**
 * Provenance of an ordinary word that may be a surname ("Brown said", "Rice, who …"): resolution keeps it
 * only when it joins a person named in full elsewhere.
 */
export const SURNAME_GUESS = `${STAGE}:surname-guess`;

/** One word of a sentence; hyphenated compounds of two names ("Korea-Russia") become two words. */
interface Word {
  s: number;
  e: number;
  text: string;
  lower: string;
  /** starts with an upper-case letter */
  cap: boolean;
  /** letters, all upper case, two or more ("NATO", "U.S.") */
  upper: boolean;
  word: boolean;
  /** split off the previous word at an inner hyphen: a name never runs across it */
  glued: boolean;
  /** first word of a sentence, or first after an opening quote, bracket or colon */
  initial: boolean;
  /** memo of longestPlace from this word (-1: not computed yet) */
  placeEnd: number;
}

const MONTHS = new Set("january february march april may june july august september october november december".split(" "));
const CALENDAR = new Set([...MONTHS, ..."monday tuesday wednesday thursday friday saturday sunday".split(" ")]);
const GENERIC_PLACE_WORDS = new Set(
  ("republic valley city island islands lake beach mountain springs park independence liberty commerce enterprise " +
    "opportunity justice mobile nice split reading bath hope friendship unity victory progress").split(" "),
);
const LOCATIVES = new Set("in at from near to outside towards toward into across around of".split(" "));
// endings of surnames across Slavic, Baltic, Caucasian, Greek, Turkish, Romanian, Nordic and Spanish naming
const SURNAME_ENDINGS = ["ov", "ova", "ev", "eva", "in", "ina", "sky", "skiy", "skyy", "ski", "ska", "enko", "uk", "yuk",
  "chuk", "son", "sen", "ez", "yan", "ian", "shvili", "dze", "poulos", "oglu", "escu", "wicz", "vich", "ić", "ič"];
const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", ":", "—", "–", "«"]);
const POSSESSIVE = new Set(["'s", "’s", "'S", "’S"]);
const ARTICLES = new Set(["a", "an", "the"]);
// lower-case words that may follow a group noun without making it an adjective ("intelligence says")
const AFTER_GROUP = new Set(
  ("said says say told have has had is are was were will would could may might can must and or but of in on to for " +
    "that which who with at by from as also did does do not been believe believed reportedly estimate estimated " +
    "first now still already later then just recently warned announced claimed confirmed denied").split(" "),
);

// ASCII by character code (most characters); the string test otherwise
function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function makeWord(text: string, s: number, e: number, isWord: boolean, glued: boolean): Word {
  const t = text.slice(s, e);
  const cap = isWord && isUpper(t[0]!);
  // (lowerCase: no fresh copy of an ASCII word that has no capital, the common case in a two-byte text)
  const lower = lowerCase(t);
  // only a capitalised word can be an acronym; the dot test avoids a replace on nearly every token
  let upper = false;
  if (cap && t.length >= 2 && t === t.toUpperCase()) {
    const letters = t.includes(".") ? t.replace(/\./g, "") : t;
    upper = letters.length >= 2;
  }
  return { s, e, text: t, lower, cap, glued, initial: false, word: isWord, upper, placeEnd: -1 };
}

const WORD_KIND = 1;
/** Longer than any gazetteer place or known organisation name, in words. */
const MAX_NAME_WORDS = 16;
const DOT = 46;
const DASH = 45;

/** Position of a character inside [s, e), or -1 (indexOf would scan past the token, to the end of the text). */
function charIn(text: string, code: number, s: number, e: number): number {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** The sentence's words, with name compounds split at their hyphen unless the compound is itself a place. */
function sentenceWords(doc: Document, tokens: TokenTable, from: number, to: number, g: Gazetteer): Word[] {
  const text = doc.text;
  const out: Word[] = [];
  for (let t = from; t < to; t++) {
    const s = tokens.start[t]!;
    const e = tokens.end[t]!;
    const isWord = tokens.kind[t] === WORD_KIND;
    // the first dot and the first hyphen of a word, found in one pass over its characters
    let dot = -1;
    let dash = -1;
    if (isWord) {
      for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (c === DOT) {
          if (dot < 0) dot = i;
        } else if (c === DASH && dash < 0) dash = i;
      }
    }
    // "Putin.It": a sentence run together without a space; split where a lower-case letter meets a capital
    if (dot > s && dot < e - 1 && isLower(text[dot - 1]!) && isUpper(text[dot + 1]!) && !text.slice(dot + 1, e).includes(".")) {
      out.push(makeWord(text, s, dot, true, false));
      out.push(makeWord(text, dot, dot + 1, false, false));
      const w = makeWord(text, dot + 1, e, true, false);
      w.initial = true;
      out.push(w);
      continue;
    }
    if (dash > s && dash < e - 1 && isUpper(text[dash + 1]!) && isUpper(text[s]!) && !placeKind(g, text.slice(s, e).toLowerCase())) {
      // "Korea-Russia": both halves capitalised; "Jong-un" and "Guinea-Bissau" stay whole
      let a = s;
      let first = true;
      for (let d = dash; ; d = charIn(text, DASH, a, e)) {
        const end = d < 0 || d >= e ? e : d;
        out.push(makeWord(text, a, end, true, !first));
        first = false;
        if (end === e) break;
        a = end + 1;
      }
      continue;
    }
    out.push(makeWord(text, s, e, isWord, false));
  }
  let seenWord = false;
  for (let i = 0; i < out.length; i++) {
    const w = out[i]!;
    if (!w.word) continue;
    const prev = out[i - 1];
    w.initial ||= !seenWord || (prev !== undefined && !prev.word && OPENERS.has(prev.text) && !w.glued);
    seenWord = true;
  }
  return out;
}

/**
 * A sentence written in title case or capitals (a headline): only names known elsewhere count there.
 * Judged on ordinary words, since a sentence full of names ("President Yoon met Prime Minister Kishida")
 * is mostly capitalised too.
 */
function isHeadline(words: Word[], common: Set<string>): boolean {
  // most sentences have few capitals: no need to look words up
  let capitals = 0;
  let long = 0;
  for (const w of words) {
    if (!w.word || w.text.length < 3) continue;
    long++;
    if (w.cap) capitals++;
  }
  // a line in capitals, however short ("NATO WARNS MOSCOW")
  let upperWords = 0;
  let otherWords = 0;
  for (const w of words) {
    if (!w.word) continue;
    if (w.upper) upperWords++;
    else otherWords++;
  }
  if (upperWords >= 2 && otherWords === 0) return true;
  if (capitals < 3 || capitals < 0.5 * long) return false;
  let ordinary = 0;
  let caps = 0;
  for (const w of words) {
    if (!w.word || w.text.length < 3 || !common.has(w.lower) || TITLE_WORDS.has(w.lower)) continue;
    ordinary++;
    if (w.cap) caps++;
  }
  return ordinary >= 3 && caps >= 0.75 * ordinary;
}

interface Context {
  doc: Document;
  g: Gazetteer;
  lex: NameLexicon;
  /** lower-cased words written capitalised somewhere mid-sentence outside headlines */
  docCaps: Set<string>;
  /** lower-cased capitalised words seen somewhere not followed by a possessive */
  standalone: Set<string>;
  out: Mention[];
  /** the gazetteer's name prefixes, fetched on the first multi-word lookup */
  prefixes?: Set<string>;
}

function push(ctx: Context, words: Word[], a: number, b: number, type: EntityType, source = STAGE): void {
  const span: [number, number] = [words[a]!.s, words[b - 1]!.e];
  ctx.out.push({ span, text: ctx.doc.text.slice(span[0], span[1]), type, source });
}

function keyOf(ctx: Context, words: Word[], a: number, b: number): string {
  if (b - a === 1) return words[a]!.lower;
  const k = ctx.doc.text.slice(words[a]!.s, words[b - 1]!.e).toLowerCase();
  // names in the gazetteer have single spaces; a line break or double space inside a name is rare
  return k.includes("\n") || k.includes("  ") || k.includes("\t") ? k.replace(/\s+/g, " ") : k;
}

/** The longest place name starting at word `a` (countries, regions, cities, demonyms), as an end index. */
function longestPlace(ctx: Context, words: Word[], a: number): number {
  const first = words[a]!;
  if (first.placeEnd < 0) first.placeEnd = findLongestPlace(ctx, words, a);
  return first.placeEnd;
}

/** Whether text[from, to) is all white space. */
function allSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && !/\s/.test(text[i]!)) return false;
  }
  return true;
}

/**
 * The longest name: walks the end forward from two words on, while the words so far can still begin a name — that
 * is, unless a space follows text that is no word prefix of any name (`namePrefixes`; compared with its white space
 * collapsed, as names are written). Words that touch (no space between) never stop the walk.
 */
function findLongestPlace(ctx: Context, words: Word[], a: number): number {
  const first = words[a]!;
  if (ctx.g.multiWordStarts.has(first.lower)) {
    const limit = Math.min(words.length, a + ctx.g.maxWords * 2);
    const prefixes = (ctx.prefixes ??= namePrefixes(ctx.g));
    const text = ctx.doc.text;
    let best = -1;
    for (let b = a + 2; b <= limit; b++) {
      const last = words[b - 1]!;
      const key = keyOf(ctx, words, a, b);
      if ((last.word || last.text === ".") && !(words[b] && words[b]!.glued) && placeKind(ctx.g, key)) best = b;
      if (b === limit) break;
      const next = words[b]!;
      if (next.s > last.e && allSpace(text, last.e, next.s) && !prefixes.has(ODD_SPACE.test(key) ? key.replace(/\s+/g, " ") : key)) break;
    }
    if (best > 0) return best;
  }
  return placeKind(ctx.g, first.lower) ? a + 1 : a;
}
/** white space other than single spaces */
const ODD_SPACE = /[^\S ]| {2}/;

/** A city name is a place when it is no ordinary word, or a big enough city to be named as one. */
function cityAccepted(ctx: Context, key: string, words: Word[], a: number): boolean {
  const pop = largestCityPopulation(ctx.g, key);
  // "NATO" is also a town: a word in capitals names a city when dotted ("D.C.") or a big one ("LONDON" dateline)
  if (words[a]!.upper && !words[a]!.text.includes(".") && pop < 100000) return false;
  const prev = words[a - 1];
  const locative = prev !== undefined && LOCATIVES.has(prev.lower);
  // a town called "Republic", "Valley" or "Union" is never what a capitalised generic word means
  if (GENERIC_PLACE_WORDS.has(key) || ctx.lex.orgWords.has(key)) return false;
  if (ctx.lex.common.has(key) || NEVER_NAMES.has(key)) return pop >= 100000 && locative && !words[a]!.initial;
  if ((ctx.lex.personTokens.has(key) || ctx.lex.female.has(key) || ctx.lex.male.has(key)) && !locative) return pop >= 500000;
  // a small town's name is more often something else ("Nato" is a town of 5,000): it needs "in", "near" …
  return pop >= 15000 || locative || words[a + 1]?.text === ",";
}

function placeType(ctx: Context, key: string): EntityType {
  const kind = placeKind(ctx.g, key);
  if (kind === "region") return ctx.g.regionByName.get(key)!.type;
  if (kind === "demonym") return "NORP";
  return "GPE";
}

/** Is the word a person's title, alone or as part of "Prime Minister", "Gen."? */
function isTitle(w: Word): boolean {
  return w.word && TITLE_WORDS.has(w.lower);
}

function hasSpeechVerb(words: Word[], a: number, b: number): boolean {
  const after = words[b];
  const before = words[a - 1];
  return (after !== undefined && SPEECH_VERBS.has(after.lower)) || (before !== undefined && SPEECH_VERBS.has(before.lower) && before.lower !== "according");
}

/** "X, a former minister …", "X, 45, …": an apposition that describes a person. */
function hasApposition(words: Word[], b: number): boolean {
  const comma = words[b];
  const next = words[b + 1];
  if (!comma || comma.text !== "," || !next) return false;
  return ARTICLES.has(next.lower) || /^\d{1,2}$/.test(next.text);
}

function isFirstName(lex: NameLexicon, k: string): boolean {
  return lex.female.has(k) || lex.male.has(k);
}

/** A capitalised word that only stands at the start of its sentence because it opens it. */
function isInitialCommon(ctx: Context, w: Word, alone: boolean): boolean {
  if (!w.initial) return false;
  const k = w.lower;
  const kind = placeKind(ctx.g, k);
  if (kind === "country" || kind === "region" || kind === "demonym") return false;
  if (ctx.lex.common.has(k) || NEVER_NAMES.has(k)) return true;
  // an unknown word standing alone and seen capitalised nowhere else in the article is an ordinary word
  return alone && !ctx.docCaps.has(k) && !isFirstName(ctx.lex, k) && !ctx.lex.personTokens.has(k) && kind === undefined;
}

/** An ordinary capitalised word that could still be a surname: written capitalised mid-sentence in this article. */
function maySurname(ctx: Context, w: Word): boolean {
  const k = w.lower;
  return ctx.docCaps.has(k) && !NEVER_NAMES.has(k) && !ARTICLES.has(k) && !ctx.lex.orgWords.has(k) && !w.upper &&
    placeKind(ctx.g, k) === undefined && !TITLE_WORDS.has(k) && !GROUP_NOUNS.has(k);
}

function hasSurnameEnding(k: string): boolean {
  if (k.length < 5) return false;
  for (const end of SURNAME_ENDINGS) if (k.endsWith(end)) return true;
  return false;
}

/**
 * Types the capitalised chunk words[a..b) and pushes its mentions. A chunk that opens with a place or an ordinary
 * word goes on with its rest in the same loop, not by recursion: a run of thousands of capitalised words
 * ("U.S. U.S. U.S. …") must not grow the stack.
 */
function classify(ctx: Context, words: Word[], a: number, b: number, headline: boolean): void {
  const { lex } = ctx;
  let orgAt = -1;
  for (;;) {
    // sentence-initial "But", "While", "Analysts": drop, unless a first name opens a name ("Will Smith")
    while (a < b && longestPlace(ctx, words, a) <= a + 1 && !(isTitle(words[a]!) && b - a >= 2) &&
      isInitialCommon(ctx, words[a]!, b - a === 1)) {
      const next = words[a + 1];
      const nameAhead = b - a >= 2 && isFirstName(lex, words[a]!.lower) && next !== undefined && !next.upper &&
        !lex.common.has(next.lower) && !placeKind(ctx.g, next.lower) && !NEVER_NAMES.has(words[a]!.lower);
      if (nameAhead) break;
      if (b - a === 1 && maySurname(ctx, words[a]!)) push(ctx, words, a, b, "PERSON", SURNAME_GUESS);
      a++;
    }
    // "The Washington Post", "A Russian …": a leading article is no part of the name; nor is "VIDEO", "WATCH"
    while (a < b && (!words[a]!.word || ARTICLES.has(words[a]!.lower) || (words[a]!.upper && lex.common.has(words[a]!.lower) && !placeKind(ctx.g, words[a]!.lower)))) a++;
    if (a >= b) return;
    // "BRICS Summit", "World Cup": the event word goes, the name before it may stay
    if (b - a >= 2 && EVENT_WORDS.has(words[b - 1]!.lower)) {
      b--;
      // "Dubai World Cup", "Rugby World Cup": ordinary words before the event word go with it
      while (b - a >= 2 && lex.common.has(words[b - 1]!.lower) && !lex.orgWords.has(words[b - 1]!.lower)) b--;
      // and a place that names the event keeps only its own name ("Dubai World Cup" → "Dubai")
      const place = longestPlace(ctx, words, a);
      if (place > a && place < b && !words.slice(a, b).some((w) => lex.orgWords.has(w.lower))) b = place;
      // what is left of "World Cup" is an ordinary word; of "BRICS Summit", an acronym
      if (b - a === 1 && !words[a]!.upper && !placeKind(ctx.g, words[a]!.lower)) return;
    }
    const n = b - a;
    // no known name is longer than MAX_NAME_WORDS: a longer chunk's text is never looked up (nor sliced, which
    // repeated as the loop walks a long run would be quadratic)
    const key = n <= MAX_NAME_WORDS ? keyOf(ctx, words, a, b) : "";
    const first = words[a]!;
    if (headline) {
      // in a headline every word is capitalised: only known places and names seen in the body count
      for (let i = a; i < b; i++) {
        const end = longestPlace(ctx, words, i);
        const pk = end > i ? keyOf(ctx, words, i, end) : "";
        const known = end > i + 1 || (end > i && (placeKind(ctx.g, pk) !== "city" || (!lex.common.has(pk) && cityAccepted(ctx, pk, words, i))));
        if (end > i && end <= b && known) { push(ctx, words, i, end, placeType(ctx, pk)); i = end - 1; continue; }
        const w = words[i]!;
        if (ctx.docCaps.has(w.lower) && !lex.common.has(w.lower)) push(ctx, words, i, i + 1, "PERSON", GUESS);
      }
      return;
    }
    // "the Union", "the Council": an organisation word alone refers back to a name, which is not here
    if ((n === 1 && KNOWN_ORGS.has(first.lower)) || KNOWN_ORG_NAMES.has(key)) { push(ctx, words, a, b, "ORG"); return; }
    if (n === 1 && !first.upper && lex.orgWords.has(first.lower)) return;
    // a whole place name
    const kind = placeKind(ctx.g, key);
    if (kind && (kind !== "city" || cityAccepted(ctx, key, words, a))) {
      push(ctx, words, a, b, placeType(ctx, key));
      return;
    }
    // an organisation word anywhere: "Center for …", "… News", "UN Security Council" (found once per chunk: the
    // loop only moves `a` forward and `b` back, so the first one at or after `a` is still the first while before `b`)
    if (orgAt < a) {
      orgAt = a;
      while (orgAt < b && !lex.orgWords.has(words[orgAt]!.lower)) orgAt++;
    }
    if (orgAt < b) {
      push(ctx, words, a, b, "ORG");
      return;
    }
    // a nationality first: "Ukrainian President X", "North Korean leader"
    const placeEnd = longestPlace(ctx, words, a);
    const prefixKind = placeEnd > a ? placeKind(ctx.g, keyOf(ctx, words, a, placeEnd)) : undefined;
    // a city before a name is usually a first name ("Vladimir Putin"), so only nationalities and countries split
    // "Jordan Peterson", "Georgia Meloni": a country that is also a first name, before a name
    if (placeEnd === a + 1 && b === a + 2 && isFirstName(lex, first.lower) && !placeKind(ctx.g, words[a + 1]!.lower) &&
        !lex.common.has(words[a + 1]!.lower) && !isTitle(words[a + 1]!) && !lex.orgWords.has(words[a + 1]!.lower) && !words[a + 1]!.upper) {
      push(ctx, words, a, b, "PERSON");
      return;
    }
    const orgRest = placeEnd < b && (words[b - 1]!.upper || lex.orgWords.has(words[b - 1]!.lower));
    const prefixOk = prefixKind !== "city" || (orgRest && cityAccepted(ctx, keyOf(ctx, words, a, placeEnd), words, a));
    if (placeEnd < b && prefixKind !== undefined && prefixOk) {
      const pk = keyOf(ctx, words, a, placeEnd);
      push(ctx, words, a, placeEnd, placeType(ctx, pk));
      a = placeEnd;
      headline = false;
      continue;
    }
    // titles: "President", "Prime Minister", "Gen." before a name
    let t = a;
    while (t < b && (isTitle(words[t]!) || (words[t]!.text === "of" && t > a && t + 1 < b && isTitle(words[t + 1]!)) ||
      (words[t]!.text === "." && t > a && isTitle(words[t - 1]!)))) t++;
    if (t > a && t < b) {
      push(ctx, words, t, b, "PERSON");
      return;
    }
    if (t === b) return;
    const last = words[b - 1]!;
    // "Representatives Vladimir Andreichenko": an ordinary word before a first name is not part of the name
    if (n >= 3 && lex.common.has(first.lower) && !isFirstName(lex, first.lower) && isFirstName(lex, words[a + 1]!.lower)) {
      a = a + 1;
      headline = false;
      continue;
    }
    if (n >= 2 && n <= 4) {
      const firstName = isFirstName(lex, first.lower) && !lex.common.has(last.lower);
      const surname = lex.personTokens.has(last.lower) || lex.personTokens.has(first.lower);
      if (firstName || surname || hasSpeechVerb(words, a, b) || hasApposition(words, b)) {
        push(ctx, words, a, b, "PERSON");
        return;
      }
      let plain = true;
      for (let i = a; i < b; i++) if (!words[i]!.word || lex.common.has(words[i]!.lower) || words[i]!.upper) plain = false;
      if (plain) push(ctx, words, a, b, "PERSON", GUESS);
      else if (first.upper) push(ctx, words, a, b, "ORG", GUESS);
      return;
    }
    if (n === 1) {
      if (first.text.replace(/\./g, "").length < 2 || NEVER_NAMES.has(first.lower)) return;
      if (first.upper) {
        // an acronym: "NATO", "BRICS"; a lower-case word in capitals ("WAR") is no name
        if (!lex.common.has(first.lower)) push(ctx, words, a, b, "ORG");
        return;
      }
      if (lex.common.has(first.lower) && !first.initial) {
        if (maySurname(ctx, first)) push(ctx, words, a, b, "PERSON", SURNAME_GUESS);
        return;
      }
      if (isFirstName(lex, first.lower) || lex.personTokens.has(first.lower) || hasSpeechVerb(words, a, b) || hasApposition(words, b) ||
          hasSurnameEnding(first.lower)) {
        push(ctx, words, a, b, "PERSON", GUESS);
        return;
      }
      // "near Avdiivka": a place too small for the gazetteer
      const prev = words[a - 1];
      if (prev && (prev.lower === "in" || prev.lower === "near")) push(ctx, words, a, b, "GPE", GUESS);
      else push(ctx, words, a, b, "ORG", GUESS);
      return;
    }
    push(ctx, words, a, b, "ORG", GUESS);
    return;
  }
}

/** After a nationality, country or organisation: a group ("American officials", "South Korea's military") or a region. */
function extendGroup(ctx: Context, words: Word[], end: number, startMention: Mention): void {
  let i = end;
  const possessive = words[i] !== undefined && POSSESSIVE.has(words[i]!.text);
  if (possessive) {
    if (startMention.type === "NORP") return;
    i++;
  }
  const noun = words[i];
  if (!noun || !noun.word || noun.cap) return;
  if (!possessive && startMention.type === "NORP" && GEO_NOUNS.has(noun.lower)) {
    startMention.span = [startMention.span[0], noun.e];
    startMention.text = ctx.doc.text.slice(startMention.span[0], noun.e);
    startMention.type = "LOC";
    return;
  }
  if (!GROUP_NOUNS.has(noun.lower)) return;
  if (ADJECTIVAL_GROUP_NOUNS.has(noun.lower)) {
    const after = words[i + 1];
    if (after && after.word && !after.cap && !AFTER_GROUP.has(after.lower)) return;
  }
  const span: [number, number] = [startMention.span[0], noun.e];
  // the nationality inside a group is the group, not a separate mention (it is the last one pushed)
  if (!possessive && startMention.type === "NORP" && ctx.out[ctx.out.length - 1] === startMention) ctx.out.pop();
  ctx.out.push({ span, text: ctx.doc.text.slice(span[0], span[1]), type: "GROUP", source: STAGE });
}

/**
 * "King's College", "People's Party": the possessive belongs to the name when the word before it is no
 * known place or person and an organisation word follows within two words.
 */
function possessiveInName(ctx: Context, words: Word[], i: number): boolean {
  const w = words[i]!;
  const k = w.lower;
  if (w.initial && !ctx.lex.common.has(k)) return false;
  // a word that also stands alone in the article ("Putin … Putin's Security Council") is a name of its own
  if (ctx.standalone.has(k) || placeKind(ctx.g, k) === "country" || placeKind(ctx.g, k) === "demonym") return false;
  for (let j = i + 2; j < Math.min(words.length, i + 4); j++) {
    const x = words[j]!;
    if (!x.cap) return false;
    if (ctx.lex.orgWords.has(x.lower)) return true;
  }
  return false;
}

export function findMentions(doc: Document): Mention[] {
  const g = gazetteer();
  const lex = nameLexicon();
  const tokens = doc.get("token");
  const sents = doc.get("sentence");
  const perSentence: { words: Word[]; headline: boolean }[] = [];
  const docCaps = new Set<string>();
  const standalone = new Set<string>();
  for (const s of sents) {
    const words = sentenceWords(doc, tokens, s.tokenStart, s.tokenEnd, g);
    const headline = isHeadline(words, lex.common);
    perSentence.push({ words, headline });
    if (headline) continue;
    words.forEach((w, i) => {
      if (!w.cap) return;
      if (!w.initial) docCaps.add(w.lower);
      const next = words[i + 1];
      if (!next || !POSSESSIVE.has(next.text)) standalone.add(w.lower);
    });
  }
  const ctx: Context = { doc, g, lex, docCaps, standalone, out: [] };
  for (const { words, headline } of perSentence) {
    checkDeadline(doc);
    let i = 0;
    while (i < words.length) {
      const w = words[i]!;
      if (!w.cap) { i++; continue; }
      let j = i + 1;
      // whether the chunk [i, j) holds an organisation word, kept up to date as j grows (a rescan per connector
      // was quadratic on a name chained by "of the" thousands of times)
      let orgSeen = false;
      let orgTo = i;
      const hasOrgWord = (): boolean => {
        for (; orgTo < j; orgTo++) if (lex.orgWords.has(words[orgTo]!.lower)) orgSeen = true;
        return orgSeen;
      };
      while (j < words.length) {
        const x = words[j]!;
        if (x.glued) break;
        // "Erin Burnett Wednesday": a calendar word ends a name (a month may be a surname: "Theresa May")
        if (x.cap && CALENDAR.has(x.lower) && !(MONTHS.has(x.lower) && isFirstName(lex, words[j - 1]!.lower))) break;
        // an ordinary word in capitals ("VIDEO European Parliament") is a label, not part of the name
        if (x.upper && lex.common.has(x.lower) && !words[j - 1]!.upper && !placeKind(ctx.g, x.lower)) break;
        if (x.cap) { j++; continue; }
        const next = words[j + 1];
        if (!next || next.glued || (!next.cap && next.text !== "the")) break;
        // an initial: "S. Jaishankar", "George W. Bush"; an abbreviated title: "Mr. Smith", "Gen. Milley"
        if (x.text === "." && next.cap && ((words[j - 1]!.text.length === 1 && words[j - 1]!.cap) || isTitle(words[j - 1]!))) {
          j += 2;
          continue;
        }
        if (!next.cap && !ORG_CONNECTORS.has(x.text)) break;
        if (NAME_PARTICLES.has(x.text) && words[j - 1]!.cap) { j += 2; continue; }
        if (x.text === "&") { j += 2; continue; }
        // "Secretary of State", "Minister of Defence": a title may run over "of"
        if (x.text === "of" && isTitle(words[j - 1]!) && isTitle(next)) { j += 2; continue; }
        // "of April", "of Ukrainian citizens", "Russian Federation of …": a connector that does not continue a name
        // (no country name is longer than MAX_NAME_WORDS: a longer chunk is not looked up)
        const joinable = !CALENDAR.has(next.lower) && placeKind(ctx.g, next.lower) !== "demonym" &&
          (j - i > MAX_NAME_WORDS || placeKind(ctx.g, keyOf(ctx, words, i, j)) !== "country");
        // "Ministry of Defence", "Institute for the Study of War" (the next turn of the loop takes "Study")
        if (ORG_CONNECTORS.has(x.text) && joinable && hasOrgWord()) { j += 2; continue; }
        // "King's College": a possessive inside a name, when what precedes it is an ordinary word
        if (POSSESSIVE.has(x.text) && j === i + 1 && possessiveInName(ctx, words, i)) { j += 2; continue; }
        break;
      }
      // a place name may run past the chunk ("Washington, D.C.") or be cut by it
      const placeEnd = longestPlace(ctx, words, i);
      const before = ctx.out.length;
      if (placeEnd >= j && placeEnd > i + 1) {
        const k = keyOf(ctx, words, i, placeEnd);
        push(ctx, words, i, placeEnd, placeType(ctx, k));
        j = placeEnd;
      } else {
        classify(ctx, words, i, j, headline);
      }
      const last = ctx.out[ctx.out.length - 1];
      if (!headline && ctx.out.length > before && last && last.span[1] === words[j - 1]!.e && last.type !== "PERSON") {
        extendGroup(ctx, words, j, last);
      }
      i = j;
    }
  }
  return ctx.out;
}

export const entityMentions: Stage = {
  name: STAGE,
  kind: "extractor",
  requires: ["token"],
  provides: ["mention"],
  run(doc: Document) {
    doc.set("mention", findMentions(doc));
  },
};
