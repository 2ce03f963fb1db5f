// Money and unit readings the number reader leaves to the figure stage: glued and scaled currency codes, signs after the figure, minor parts and glued units.
import { TokenKind } from "../../../core/annotations.js";
import unitLexicon from "../lexicons/quantity-units.json" with { type: "json" };
import { CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, type Atom, type NumberMatch } from "../numbers.js";

/** Codes read in lower case before a figure ("rmb 10", "usd 20"): none of them is an English word. */
const LOWER_CODES_BEFORE = new Set("usd eur gbp jpy cny rmb inr rub uah chf aud hkd nzd sgd".split(" "));
/** Scale words that may follow a code ("75 USD million"), as bankers write them. */
const SCALE_AFTER: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mn: 1e6, bn: 1e9 };
/** Banker's prefixes on a code ("30 MUSD", "MEUR 5", "kEUR 40"): M and MM are millions, k thousands. */
const SCALED_CODE = /^(MM|M|k|K)([A-Z]{3})$/;
/** Minor-unit words that may follow a sign-after figure's next number ("10 $ 30 cent"). */
const MINOR_WORDS = new Set(["cent", "cents", "penny", "pence", "p", "¢"]);

/** What may follow a minor part: the clause's end, or "and"/"more" ("15 USD 50 more"). */
const CLAUSE_END = new Set([".", ",", "!", "?", ";", ")", "and", "more"]);

/** Length symbols that take a power glued after them ("m2", "km3"). */
const POWER_BASES = new Set(["m", "km", "cm", "mm"]);
/** Words after a length that make "1.8m" a height or a width, not 1.8 million. */
export const DIMENSION_ADJ = new Set(["tall", "long", "high", "wide", "deep", "thick", "across"]);

/** Currency signs the number reader does not know, from the unit lexicon ("₿"). */
const EXTRA_SIGNS: Record<string, string> = (unitLexicon as { signs?: Record<string, string> }).signs ?? {};
/** Suffixes the number reader already reads glued (it gives "10kph" its unit). */
const GLUED_KNOWN: Record<string, true> = { kph: true, kmh: true, mph: true, kwh: true, mwh: true, gwh: true, ghz: true, mhz: true, kms: true, lbs: true, kgs: true };

const codeOf = (w: string): string => (w === "rmb" ? "CNY" : w.toUpperCase());
const isCode = (a: Atom | undefined): a is Atom => a !== undefined && CURRENCY_CODES.has(a.w) && a.w !== "try";

/**
 * Splits a word that glues a currency code or a unit word to digits ("USD115", "115.5USD", "10kmph") into the
 * code or unit and the number, so that the number reader and the unit rules see them as if written apart
 * (`isUnit` says which words measure: "10days" stays a word, since durations belong to the time stage).
 */
export function splitGlued(text: string, atoms: readonly Atom[], isUnit: (w: string) => boolean): Atom[] {
  let out: Atom[] | undefined;
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i]!;
    let parts: Atom[] | undefined;
    // cheap test first: a glued code or unit starts or ends with a digit, and most words do neither
    const c0 = text.charCodeAt(a.start);
    const c1 = text.charCodeAt(a.end - 1);
    if (a.end - a.start < 2 || (c0 < 48 || c0 > 57) === (c1 < 48 || c1 > 57)) {
      out?.push(a);
      continue;
    }
    const raw = text.slice(a.start, a.end);
    const before = /^([A-Z]{3})(\d[\d.,]*\d|\d)$/.exec(raw);
    const after = /^(\d[\d.,]*\d|\d)([A-Za-z]+|\p{Sc}|\p{Lo})$/u.exec(raw);
    if (before && CURRENCY_CODES.has(before[1]!.toLowerCase())) {
      const cut = a.start + 3;
      parts = [{ start: a.start, end: cut, w: before[1]!.toLowerCase(), kind: TokenKind.Word, caps: true },
        { start: cut, end: a.end, w: before[2]!, kind: TokenKind.Number }];
    } else if (after) {
      const letters = after[2]!;
      const lw = letters.toLowerCase();
      // a code in capitals ("115USD"), or a unit word the glued-unit reader does not know ("10kmph")
      const code = letters === letters.toUpperCase() && letters.length === 3 && CURRENCY_CODES.has(lw);
      // "100元": a currency sign glued after the digits
      const sign = letters in CURRENCY_SIGNS || letters in EXTRA_SIGNS;
      if (code || sign || (lw.length > 2 && isUnit(lw) && !(lw in GLUED_KNOWN))) {
        const cut = a.start + after[1]!.length;
        parts = [{ start: a.start, end: cut, w: after[1]!, kind: TokenKind.Number },
          { start: cut, end: a.end, w: lw, kind: TokenKind.Word, caps: code || undefined }];
      }
    }
    if (parts) {
      out ??= atoms.slice(0, i);
      out.push(...parts);
    } else out?.push(a);
  }
  return out ?? (atoms as Atom[]);
}

function scaledCode(text: string, a: Atom | undefined): RegExpExecArray | null {
  return a && a.end - a.start >= 4 && a.end - a.start <= 5 ? SCALED_CODE.exec(text.slice(a.start, a.end)) : null;
}

function take(m: NumberMatch, atoms: readonly Atom[], first: number, last: number): void {
  m.first = first;
  m.last = last;
  m.start = atoms[first]!.start;
  m.end = atoms[last - 1]!.end;
}

/** A bare number: no currency, unit or percent, not part of a name or a fraction written with a slash. */
const bare = (m: NumberMatch): boolean => !m.currency && !m.unit && m.kind === "cardinal" && !m.inName && !m.slashed;

/**
 * Rewrites the number reader's matches of one sentence for money written the way price lists, bank reports and
 * recipes write it: a code shared by two figures, a code before a figure in lower case or after it with a scale
 * word, banker's scaled codes, a sign after the figure, and a minor part after a priced figure ("15 dollars 50").
 */
export function refineMatches(text: string, atoms: readonly Atom[], ms: NumberMatch[]): NumberMatch[] {
  // the matches are the reader's fresh output for this sentence: changed in place
  for (let x = 0; x < ms.length; x++) {
    const m = ms[x]!;
    const g = ms[x + 1];
    // "17 USD 25", "rmb 10 usd 20": both figures claimed the code between them; a code before the first figure
    // gives it that one, else the code goes with the figure before it and the next figure is bare
    const c = atoms[m.last - 1];
    const shared = g && m.currency && isCode(c) && (g.first === m.last - 1 && g.currency === m.currency || g.first === m.last && bare(g));
    if (g && shared) {
      const p = atoms[m.first - 1];
      // "3 USD50 Cards": a code glued to the next figure's digits is that figure's
      if (c.end === atoms[m.last]?.start && c.start > atoms[m.last - 2]!.end && g.first === m.last) {
        m.currency = undefined;
        take(m, atoms, m.first, m.last - 1);
        g.currency = codeOf(c.w);
        take(g, atoms, m.last, g.last);
      } else if (isCode(p) && (p.caps || LOWER_CODES_BEFORE.has(p.w)) && !(x > 0 && ms[x - 1]!.last >= m.first)) {
        m.currency = codeOf(p.w);
        take(m, atoms, m.first - 1, m.last - 1);
        g.currency = codeOf(c.w);
        take(g, atoms, m.last, g.last);
      } else if (g.first < m.last) {
        g.currency = undefined;
        take(g, atoms, m.last, g.last);
      }
    }
    const prev = atoms[m.first - 1];
    const prevTaken = x > 0 && ms[x - 1]!.last >= m.first;
    // "75 -300mm": a minus right after another number is the dash of a range, not a sign
    if (m.value < 0 && atoms[m.first]!.w === "-" && prev?.kind === TokenKind.Number && prevTaken) {
      m.value = -m.value;
      take(m, atoms, m.first + 1, m.last);
    }
    // "₿21,000,000": a sign the number reader does not know
    if (bare(m) && !prevTaken && prev && prev.w in EXTRA_SIGNS) {
      m.currency = EXTRA_SIGNS[prev.w]!;
      take(m, atoms, m.first - 1, m.last);
    }
    // "one-yen bid", "a 10-dollar bill": a currency name hyphenated to the figure
    const hy = atoms[m.last];
    const hw = atoms[m.last + 1];
    if (bare(m) && hy?.w === "-" && hw && hy.start === atoms[m.last - 1]!.end && hw.start === hy.end && hw.w.split("-")[0]! in CURRENCY_NAMES) {
      m.currency = CURRENCY_NAMES[hw.w.split("-")[0]!]!;
      take(m, atoms, m.first, m.last + 2);
    }
    // glued units: "24703m2" is square metres (the reader took the "m" for millions), "1.8m tall" a height,
    // and "24703L202" a code whose letter is no unit and whose numbers are no figures
    const lastAtom = atoms[m.last - 1]!;
    const glued = atoms[m.last];
    const suffix = lastAtom.kind === TokenKind.Number && /[a-z]/i.test(text[lastAtom.end - 1]!)
      ? /^\d[\d.,]*([a-z]+)$/i.exec(text.slice(lastAtom.start, lastAtom.end))?.[1] : undefined;
    if (suffix && m.kind === "cardinal" && !m.currency) {
      const digitsGlued = glued?.kind === TokenKind.Number && glued.start === lastAtom.end;
      if (digitsGlued && (glued.w === "2" || glued.w === "3") && POWER_BASES.has(suffix) && atoms[m.last + 1]?.start !== glued.end) {
        m.value = m.scale > 1 ? m.value / m.scale : m.value;
        m.scale = 1;
        m.unit = `${glued.w === "2" ? "sq" : "cubic"} ${suffix}`;
        take(m, atoms, m.first, m.last + 1);
        if (ms[x + 1]?.first === m.last - 1) ms.splice(x + 1, 1);
      } else if (digitsGlued) {
        // digits, letters, digits: a part number or a code, whose numbers are no figures
        m.unit = undefined;
        m.inName = true;
        const next = ms[x + 1];
        if (next && next.first === m.last) next.inName = true;
      } else if (suffix === "m" && m.scale === 1e6 && glued && DIMENSION_ADJ.has(glued.w)) {
        m.value /= m.scale;
        m.scale = 1;
        m.unit = "m";
      }
    }
    // "rmb 10", "usd 20": a lower-case code before the figure; "USD115": a code glued to it
    if (bare(m) && !prevTaken && isCode(prev) && (LOWER_CODES_BEFORE.has(prev.w) && prev.end < m.start || prev.caps && prev.end === m.start)) {
      m.currency = codeOf(prev.w);
      take(m, atoms, m.first - 1, m.last);
    }
    // "dollar 22.5 million": a currency name before a scaled or decimal amount
    if (bare(m) && !prevTaken && prev && prev.w in CURRENCY_NAMES && (m.scale > 1 || !Number.isInteger(m.value))) {
      m.currency = CURRENCY_NAMES[prev.w]!;
      take(m, atoms, m.first - 1, m.last);
    }
    // "MAUD 60", "30 MUSD", "twenty MUSD": a banker's scaled code before or after
    if (bare(m) && !prevTaken) {
      const s = scaledCode(text, prev);
      if (s && CURRENCY_CODES.has(s[2]!.toLowerCase())) {
        m.currency = codeOf(s[2]!.toLowerCase());
        m.value *= s[1]!.toUpperCase() === "K" ? 1e3 : 1e6;
        take(m, atoms, m.first - 1, m.last);
      }
    }
    if (bare(m) && m.last < atoms.length) {
      const s = scaledCode(text, atoms[m.last]);
      if (s && CURRENCY_CODES.has(s[2]!.toLowerCase())) {
        m.currency = codeOf(s[2]!.toLowerCase());
        m.value *= s[1]!.toUpperCase() === "K" ? 1e3 : 1e6;
        take(m, atoms, m.first, m.last + 1);
      }
    }
    // "75 USD million": a scale word after a code written after the figure
    const nx = atoms[m.last];
    if (m.currency && m.scale === 1 && isCode(atoms[m.last - 1]) && nx && nx.w in SCALE_AFTER) {
      m.value *= SCALE_AFTER[nx.w]!;
      m.scale = SCALE_AFTER[nx.w]!;
      take(m, atoms, m.first, m.last + 1);
    }
    // "10 $", "10 $ 30 $", "10 $ 30 cent": a sign after the figure, when no figure of its own follows it
    const sign = atoms[m.last];
    if (bare(m) && sign && sign.w in CURRENCY_SIGNS) {
      const after = atoms[m.last + 1];
      const nextFig = g && g.first <= m.last + 1 ? g : undefined;
      let mine = !after || after.kind !== TokenKind.Number;
      if (!mine && nextFig && after!.start > sign.end) {
        const follow = atoms[nextFig.last];
        mine = !!follow && (follow.w in CURRENCY_SIGNS || MINOR_WORDS.has(follow.w));
      }
      if (mine) {
        m.currency = CURRENCY_SIGNS[sign.w]!;
        take(m, atoms, m.first, m.last + 1);
        if (nextFig && nextFig.first <= m.last - 1) {
          nextFig.currency = undefined;
          take(nextFig, atoms, m.last, nextFig.last);
        }
      }
    }
  }
  // "15 dollars 50", "one dollar and one", "c $ 100 and fifty": a bare whole number under 100 after a priced
  // figure, at the end of its clause, is its minor part (cents)
  for (let x = 0; x + 1 < ms.length; x++) {
    const m = ms[x]!;
    const g = ms[x + 1]!;
    if (!m.currency || m.kind !== "cardinal" || m.scale !== 1 || !Number.isInteger(m.value) || !bare(g)) continue;
    const and = atoms[m.last]?.w === "and" ? 1 : 0;
    if (g.first !== m.last + and || !Number.isInteger(g.value) || g.value < 1 || g.value >= 100 || g.scale !== 1) continue;
    const after = atoms[g.last];
    const ends = !after || CLAUSE_END.has(after.w);
    if (!ends) continue;
    m.value += g.value / 100;
    m.plain = false;
    take(m, atoms, m.first, g.last);
    ms.splice(x + 1, 1);
  }
  return ms;
}
