// English number parsing over tokens: digits with separators and suffixes, spelled numbers, fractions, percents, currencies, vague amounts.
import { TokenKind, type TokenTable } from "../../core/annotations.js";
import { tokenize } from "./extractors/tokens.js";

/** One word-level unit of a sentence: a token, or one part of a hyphenated spelled number ("twenty-one"). */
export interface Atom {
  start: number;
  end: number;
  /** lower-cased text; curly apostrophes folded to "'" */
  w: string;
  kind: number;
  /** written in capitals ("USD", "MM"): currency codes and banker's suffixes must be */
  caps?: boolean;
  /** joined to the atom before by a hyphen inside one token ("twenty-first") */
  joined?: boolean;
}

export type NumberKind = "cardinal" | "fraction" | "percent" | "vague";

export interface NumberMatch {
  /** atom indices [first, last) of the whole expression, currency sign and percent sign included */
  first: number;
  last: number;
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  /** written (at least partly) in words */
  spelled: boolean;
  /** a multiplier word or suffix applied ("million", "bn", "k"); its value, else 1 */
  scale: number;
  /** digits with thousands separators ("12,000") */
  grouped: boolean;
  /** plain digits only, no separator, decimal point or suffix: a year, page or label candidate */
  plain: boolean;
  /** "half", "a third" standing alone: a fraction only in the right context */
  bareFraction: boolean;
  /** the number alone, without currency, percent or unit words around it */
  core: [number, number];
  /** the digits of a name ("F-16", "COVID-19"): a number, never a figure */
  inName?: boolean;
  /** written with a slash ("3/4"): also how dates and "24/7" look, so figure rules may drop it */
  slashed?: boolean;
  /** ISO 4217 code when a currency sign, code or name goes with the figure */
  currency?: string;
  /** a unit glued to the digits ("29km", "200lbs"), normalised */
  unit?: string;
  /** the written unit of a percentage ("%" or "percentage points") */
  percentUnit?: string;
}

const UNITS: Record<string, number> = {
  zero: 0, nought: 0, naught: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
  mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, tln: 1e12,
};
/** Denominators of spelled fractions, singular and plural ("a third", "two thirds", "three quarters"). */
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
  hundredth: 100, hundredths: 100, thousandth: 1000, thousandths: 1000,
  eleventh: 11, elevenths: 11, twelfth: 12, twelfths: 12, thirteenth: 13, thirteenths: 13, fourteenth: 14,
  fourteenths: 14, fifteenth: 15, fifteenths: 15, sixteenth: 16, sixteenths: 16, seventeenth: 17, seventeenths: 17,
  eighteenth: 18, eighteenths: 18, nineteenth: 19, nineteenths: 19, twentieth: 20, twentieths: 20, thirtieth: 30,
  thirtieths: 30, fortieth: 40, fortieths: 40, fiftieth: 50, fiftieths: 50, sixtieth: 60, sixtieths: 60,
  seventieth: 70, seventieths: 70, eightieth: 80, eightieths: 80, ninetieth: 90, ninetieths: 90,
  billionth: 1e9, billionths: 1e9, trillionth: 1e12, trillionths: 1e12,
};
/** Unit ordinals that end a compound denominator after a tens word ("twenty-first", "thirty-fifths"). */
const UNIT_ORDINALS: Record<string, number> = {
  first: 1, firsts: 1, second: 2, seconds: 2, third: 3, thirds: 3, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9,
};
// Vague plurals take a conservative reading, ACLED's convention for reported fatalities: the smallest
// round number the word can mean ("dozens" 12, "hundreds" 100, "thousands" 1,000); chained plurals
// multiply ("tens of thousands" 10,000, "hundreds of thousands" 100,000).
const VAGUE: Record<string, number> = {
  dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
};
// "several hundred", "a few thousand": the same floor, times the smallest count the word allows.
const FEW: Record<string, number> = { several: 3, few: 3, couple: 2 };

/** Digit suffixes that multiply: "10k", "2.5bn", "€3m", "US$ 1MM". */
const SUFFIX_SCALE: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12, tln: 1e12,
};
/** Units glued to digits ("29km"), normalised to a symbol. */
export const GLUED_UNITS: Record<string, string> = {
  km: "km", kms: "km", m2: "m2", km2: "km2", cm: "cm", mm: "mm", kg: "kg", kgs: "kg", g: "g", mg: "mg", t: "t",
  lb: "lb", lbs: "lb", ft: "ft", mi: "mi", ml: "ml", l: "l", mph: "mph", kph: "km/h", kmh: "km/h",
  mw: "MW", gw: "GW", kw: "kW", kwh: "kWh", mwh: "MWh", gwh: "GWh", hz: "Hz", ghz: "GHz", mhz: "MHz", gb: "GB", tb: "TB", mb: "MB",
};

export const CURRENCY_SIGNS: Record<string, string> = {
  "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH", "₩": "KRW", "₪": "ILS", "₺": "TRY",
  "₡": "CRC", "₾": "GEL", "₭": "LAK", "元": "CNY", "₦": "NGN", "₱": "PHP", "₫": "VND", "฿": "THB",
};
/** Prefixes that may stand apart from "$" in tokenised text ("c $ 16.4 million", "hk $ 10 billion"); not "a" or "s", which are words. */
const SPACED_DOLLAR_PREFIX = new Set(["c", "hk", "us", "nz", "au"]);
/** Currency codes read in lower case after a figure ("20 usd", "40 rmb"); "try" and "cad" are words. */
const LOWER_CODES_AFTER = new Set("usd eur gbp jpy cny rmb inr rub uah krw aud chf sek nok dkk pln brl mxn zar sgd hkd nzd ils".split(" "));
/** Currency names led by a nationality or a country ("australian dollars", "swiss francs", "hong kong dollars"). */
const NATIONAL_CURRENCIES: [string[], string][] = [
  [["us", "dollar"], "USD"], [["us", "dollars"], "USD"], [["u.s.", "dollars"], "USD"], [["american", "dollars"], "USD"],
  [["canadian", "dollar"], "CAD"], [["canadian", "dollars"], "CAD"], [["australian", "dollar"], "AUD"], [["australian", "dollars"], "AUD"],
  [["new", "zealand", "dollars"], "NZD"], [["hong", "kong", "dollars"], "HKD"], [["singapore", "dollars"], "SGD"],
  [["swiss", "franc"], "CHF"], [["swiss", "francs"], "CHF"], [["french", "francs"], "FRF"], [["chinese", "yuan"], "CNY"],
  [["japanese", "yen"], "JPY"], [["turkish", "lira"], "TRY"], [["mexican", "peso"], "MXN"], [["mexican", "pesos"], "MXN"],
  [["indian", "rupees"], "INR"], [["british", "pounds"], "GBP"], [["dutch", "guilders"], "NLG"], [["finnish", "markka"], "FIM"],
  [["russian", "rubles"], "RUB"], [["russian", "roubles"], "RUB"], [["ukrainian", "hryvnias"], "UAH"], [["south", "african", "rand"], "ZAR"],
];
/** Letters written before "$" ("US$", "C$", "HK$"). */
const DOLLAR_PREFIX: Record<string, string> = {
  us: "USD", c: "CAD", ca: "CAD", a: "AUD", au: "AUD", nz: "NZD", hk: "HKD", s: "SGD", r: "BRL", mx: "MXN", mex: "MXN",
};
export const CURRENCY_CODES = new Set(
  "usd eur gbp jpy cny rmb inr rub uah krw cad aud chf sek nok dkk pln try brl mxn zar sgd hkd nzd ils sar aed".split(" "),
);
/** Currency names after the figure ("4 billion dollars", "300 euros"). */
export const CURRENCY_NAMES: Record<string, string> = {
  dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", yuan: "CNY", renminbi: "CNY", yen: "JPY",
  ruble: "RUB", rubles: "RUB", rouble: "RUB", roubles: "RUB", hryvnia: "UAH", hryvnias: "UAH", hryvnia_s: "UAH",
  rupee: "INR", rupees: "INR", franc: "CHF", francs: "CHF", shekel: "ILS", shekels: "ILS", lira: "TRY", pesos: "MXN",
  sterling: "GBP", pesetas: "ESP", guilders: "NLG", markka: "FIM", bitcoin: "XBT", bitcoins: "XBT",
};

// A digit token: number part, then letters. Separators are validated separately (linear: no nesting).
const DIGIT_TOKEN = /^(\d[\d.,]*)(\p{L}*)$/u;
const US_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const IN_GROUPED = /^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/;
const EU_GROUPED = /^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}\.\d{3},\d+$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^\d*\.\d+$|^\d+\.\d+$/;

const isNumberWord = (w: string): boolean =>
  w in UNITS || w in TEENS || w in TENS || w in SCALES || w === "hundred" || w === "dozen" || w in DENOMINATORS || w in UNIT_ORDINALS;

/** A tens word and a unit ordinal at atoms k, k+1: a compound denominator ("twenty-fifth" 25); 0 when not one. */
function compoundDenominator(atoms: readonly Atom[], k: number, to: number): number {
  const t = atoms[k];
  const o = atoms[k + 1];
  if (!t || !o || k + 1 >= to || !(t.w in TENS) || !(o.w in UNIT_ORDINALS)) return 0;
  return TENS[t.w]! + UNIT_ORDINALS[o.w]!;
}

/** Whether a string has an ASCII lower-case letter (then it is not all capitals; saves a toUpperCase per word). */
function hasAsciiLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Atoms of tokens [from, to) of a token table: hyphenated spelled numbers are split into their parts. */
export function atomsOf(text: string, table: TokenTable, from: number, to: number): Atom[] {
  const out: Atom[] = [];
  for (let t = from; t < to; t++) {
    const s = table.start[t]!;
    const e = table.end[t]!;
    const kind = table.kind[t]!;
    const raw = text.slice(s, e);
    let w = raw.toLowerCase();
    if (w.charCodeAt(0) === 0x2019) w = "'" + w.slice(1);
    if (kind === TokenKind.Word && w.includes("-")) {
      const parts = w.split("-");
      if (parts.every((p) => isNumberWord(p))) {
        let at = s;
        parts.forEach((p, x) => {
          out.push(x ? { start: at, end: at + p.length, w: p, kind, joined: true } : { start: at, end: at + p.length, w: p, kind });
          at += p.length + 1;
        });
        continue;
      }
      // "four-mile", "three-ton": number words joined to a word read like "3-mile" (number, hyphen, word), so the
      // figure stage's hyphenated-measure and compound rules see the same atoms for spelled and digit figures
      const lead = parts.findIndex((p) => !isNumberWord(p));
      if (lead > 0 && parts[lead]!.length > 1) {
        let at = s;
        for (let x = 0; x < lead; x++) {
          const p = parts[x]!;
          out.push(x ? { start: at, end: at + p.length, w: p, kind, joined: true } : { start: at, end: at + p.length, w: p, kind });
          at += p.length + 1;
        }
        out.push({ start: at - 1, end: at, w: "-", kind: TokenKind.Punct });
        out.push({ start: at, end: e, w: w.slice(at - s), kind });
        continue;
      }
    }
    // "192.168.1.2", "22,24,26,31": separators that make no number split the token into its numbers
    if (kind === TokenKind.Number && /^\d[\d.,]*\d$/.test(w) && /[.,]/.test(w) && !digitValue(w)) {
      const re = /\d+|[.,]/g;
      for (let m = re.exec(w); m; m = re.exec(w)) {
        out.push({ start: s + m.index, end: s + m.index + m[0].length, w: m[0], kind: m[0] === "." || m[0] === "," ? TokenKind.Punct : kind });
      }
      continue;
    }
    const caps = raw !== w && !hasAsciiLower(raw) && raw.toUpperCase() === raw;
    out.push(caps ? { start: s, end: e, w, kind, caps } : { start: s, end: e, w, kind });
  }
  return out;
}

/** Atoms of a plain string (for tests and benchmarks): the project's tokenizer over one range. */
export function atomsOfText(text: string): Atom[] {
  const table = tokenize(text, [[0, text.length]]);
  return atomsOf(text, table, 0, table.count);
}

interface DigitValue {
  value: number;
  grouped: boolean;
  plain: boolean;
  scale: number;
  unit?: string;
}

/** A digit token's value, or undefined when it is not a cardinal (ordinal "5th", decade "1990s", "10:30", "192.168.1.2"). */
export function digitValue(raw: string, caps = false): DigitValue | undefined {
  const m = DIGIT_TOKEN.exec(raw);
  if (!m) return undefined;
  const num = m[1]!;
  const suffix = m[2]!;
  let value: number;
  let grouped = false;
  if (PLAIN.test(num)) value = Number(num);
  else if (US_GROUPED.test(num)) {
    value = Number(num.replace(/,/g, ""));
    grouped = true;
  } else if (DECIMAL.test(num)) value = Number(num);
  else if (EU_GROUPED.test(num)) {
    value = Number(num.replace(/\./g, "").replace(",", "."));
    grouped = true;
  } else if (IN_GROUPED.test(num)) {
    value = Number(num.replace(/,/g, ""));
    grouped = true;
  } else if (/^\d+,\d{1,2}$/.test(num)) value = Number(num.replace(",", "."));
  else return undefined;
  if (!Number.isFinite(value)) return undefined;
  if (!suffix) return { value, grouped, plain: PLAIN.test(num), scale: 1 };
  const low = suffix.toLowerCase();
  // "MM" is a banker's million; "mm" is a millimetre ("155mm shells")
  if (low === "mm" && caps) return { value: value * 1e6, grouped, plain: false, scale: 1e6 };
  if (low in SUFFIX_SCALE) return { value: value * SUFFIX_SCALE[low]!, grouped, plain: false, scale: SUFFIX_SCALE[low]! };
  if (low in GLUED_UNITS) return { value, grouped, plain: false, scale: 1, unit: GLUED_UNITS[low]! };
  return undefined;
}

const DOZEN = new Set(["dozen", "dozens", "doz", "dozs", "dz", "dzs"]);

/** n/d for "fifty-four hundredths", "three fifths", "a third" at atom k; undefined when it is not one. */
function smallFraction(atoms: readonly Atom[], k: number, end: number): { value: number; next: number } | undefined {
  const a = atoms[k];
  if (!a || k >= end) return undefined;
  let n = 0;
  let j = k;
  if (a.w === "a" || a.w === "one") {
    n = 1;
    j++;
  } else if (a.w === "half") return { value: 0.5, next: k + 1 };
  else {
    if (a.w in TENS) {
      n = TENS[a.w]!;
      j++;
      if (j < end && atoms[j]!.w in UNITS) n += UNITS[atoms[j++]!.w]!;
    } else if (a.w in UNITS) n = UNITS[a.w]!, j++;
    else if (a.w in TEENS) n = TEENS[a.w]!, j++;
    else return undefined;
  }
  const d = atoms[j];
  if (!d || j >= end || !(d.w in DENOMINATORS)) return undefined;
  // "a third", "one half" take the singular; "three fifths" the plural
  if ((n === 1) === d.w.endsWith("s") && d.w !== "half") return undefined;
  return { value: n / DENOMINATORS[d.w]!, next: j + 1 };
}

/** Reads a spelled (or digits + scale words) number starting at atom i. */
function readCardinal(atoms: readonly Atom[], i: number, end: number): { value: number; next: number; scale: number; spelled: boolean } | undefined {
  let total = 0;
  let cur = 0;
  // what was added to `cur` since its last multiplication ("three hundred and two dozens" multiplies the two)
  let tail = 0;
  let have = false;
  let spelled = false;
  let scale = 1;
  let lastScale = 1;
  // "unit" | "teen" | "tens" | "hundred" | "scale" | "digit" | "frac" | ""
  let last = "";
  let j = i;
  const first = atoms[j];
  if (!first) return undefined;
  if (first.kind === TokenKind.Number) {
    const d = digitValue(first.w, first.caps);
    if (!d || d.unit) return undefined;
    cur = d.value;
    scale = d.scale;
    have = true;
    last = d.scale > 1 ? "scale" : "digit";
    if (d.scale > 1) {
      total = cur;
      cur = 0;
      lastScale = d.scale;
    } else if (/^\d{1,3}$/.test(first.w) && !(j > 0 && atoms[j - 1]!.kind === TokenKind.Number && atoms[j - 1]!.end + 1 === first.start)) {
      // "1 234 567", "40 000": groups of three after a single space (or a narrow no-break space)
      let k = j + 1;
      let digits = first.w;
      while (k < end && atoms[k]!.start === atoms[k - 1]!.end + 1 && /^\d{3}$/.test(atoms[k]!.w)) digits += atoms[k++]!.w;
      if (k < end && atoms[k]!.start === atoms[k - 1]!.end + 1 && /^\d{3}\.\d+$/.test(atoms[k]!.w)) digits += atoms[k++]!.w;
      if (k > j + 1) {
        cur = Number(digits);
        j = k - 1;
      }
    }
    tail = cur;
    j++;
  } else if ((first.w === "a" || first.w === "an") && j + 1 < end) {
    const nx = atoms[j + 1]!.w;
    if (nx === "hundred" || nx in SCALES || DOZEN.has(nx)) {
      cur = 1;
      have = true;
      spelled = true;
      last = "unit";
      j++;
    } else return undefined;
  } else if ((first.w === "hundred" || first.w === "thousand") && j + 1 < end && atoms[j + 1]!.w in SCALES) {
    // "hundred thousand dollars"
    cur = 1;
    have = true;
    spelled = true;
    last = "unit";
  } else if ((first.w === "half" || first.w === "quarter") && j + 1 < end) {
    // "half a million", "half million", "quarter million"
    let k = j + 1;
    if (atoms[k]!.w === "a" || atoms[k]!.w === "an") k++;
    const sw = atoms[k]?.w;
    if (k < end && sw !== undefined && (sw in SCALES || DOZEN.has(sw))) {
      const f = first.w === "half" ? 0.5 : 0.25;
      const s = DOZEN.has(sw) ? 12 : SCALES[sw]!;
      return { value: f * s, next: k + 1, scale: DOZEN.has(sw) ? 1 : s, spelled: true };
    }
    return undefined;
  }
  for (; j < end; j++) {
    const a = atoms[j]!;
    const w = a.w;
    if (w in UNITS) {
      if (last === "unit" || last === "teen" || last === "digit") break;
      cur += UNITS[w]!;
      tail += UNITS[w]!;
      last = "unit";
    } else if (w in TEENS) {
      if (last === "unit" || last === "teen" || last === "tens" || last === "digit") break;
      cur += TEENS[w]!;
      tail += TEENS[w]!;
      last = "teen";
    } else if (w in TENS) {
      if (last === "unit" || last === "teen" || last === "tens" || last === "digit") break;
      cur += TENS[w]!;
      tail += TENS[w]!;
      last = "tens";
    } else if (w === "-" && last === "tens" && j + 1 < end && atoms[j + 1]!.w in UNITS && atoms[j + 1]!.w !== "zero") {
      // "fifty - two"
      continue;
    } else if (w === "hundred" || w === "hundreds") {
      if (!have) break;
      if (w === "hundreds" && j + 1 < end && atoms[j + 1]!.w === "of") break;
      cur = (cur || 1) * 100;
      tail = 0;
      scale = Math.max(scale, 100);
      last = "hundred";
    } else if (w in SCALES) {
      if (!have) break;
      const s = SCALES[w]!;
      // "a million" after "two thousand" keeps descending order; an ascending scale multiplies the lot
      if (total > 0 && s >= lastScale && cur === 0) total *= s;
      else total += (cur || 1) * s;
      cur = 0;
      tail = 0;
      lastScale = s;
      scale = Math.max(scale, s);
      last = "scale";
    } else if (DOZEN.has(w) && have) {
      if (w === "dozens" && j + 1 < end && atoms[j + 1]!.w === "of") break;
      if (tail > 0 && tail !== cur) cur += tail * 11;
      else cur = (cur || 1) * 12;
      tail = 0;
      last = "hundred";
    } else if (w === "and" && have) {
      // "two and a half", "one million and a half", "hundred and three", "two and fifty-four hundredths"; "and half" (a slip)
      const n1 = atoms[j + 1];
      const f = smallFraction(atoms, j + 1, end);
      // only a proper fraction is added: "one hundred and thirty fifths" is 130/5, not 100 + 6
      if (f && f.value < 1 && (f.next - j > 2 || n1!.w === "half" || n1!.w === "a")) {
        const sw = f.next < end ? atoms[f.next]!.w : "";
        // "one billion and a half million": the fraction belongs to the scale that follows it
        if (cur > 0 || total === 0 || sw in SCALES) cur += f.value;
        else total += f.value * lastScale;
        j = f.next - 1;
        last = "frac";
        continue;
      }
      if (n1 && j + 1 < end && (n1.w in UNITS || n1.w in TEENS || n1.w in TENS) && (last === "hundred" || last === "scale")) continue;
      if (n1 && j + 1 < end && n1.kind === TokenKind.Number && last === "hundred") {
        // "3 hundred and 21" goes on; "3 hundred and 0", "3 hundred and 2 hundred" are two numbers; after a big
        // scale digits are another figure: "$1 billion and 2 more", not 1,000,000,002
        const d = digitValue(n1.w);
        const after = atoms[j + 2]?.w ?? "";
        if (d && d.plain && d.value > 0 && d.value < 100 && !(after === "hundred" || after in SCALES)) continue;
      }
      break;
    } else if (a.kind === TokenKind.Number && (last === "scale" || last === "hundred")) {
      // "4 thousand 3 hundred and 21"; not "20-99 thousand 64" (a table's next cell)
      const d = digitValue(w);
      if (!d || d.scale > 1 || d.unit || !d.plain || d.value >= (last === "hundred" ? 100 : lastScale)) break;
      const nx = atoms[j + 1]?.w ?? "";
      if (atoms[j - 1]!.w !== "and" && !(j + 1 < end && (nx === "hundred" || nx in SCALES))) break;
      cur += d.value;
      tail = d.value;
      last = "digit";
    } else if (w === "point" && have && (last === "unit" || last === "teen" || last === "tens" || last === "hundred")) {
      let digits = "";
      let k = j + 1;
      for (; k < end; k++) {
        const x = atoms[k]!.w;
        if (x in UNITS) digits += String(UNITS[x]);
        else if (x in TEENS) digits += String(TEENS[x]);
        else if (x in TENS) {
          const nx = atoms[k + 1]?.w;
          if (nx && nx in UNITS && k + 1 < end) {
            digits += String(TENS[x]! + UNITS[nx]!);
            k++;
          } else digits += String(TENS[x]);
        } else break;
      }
      if (!digits) break;
      cur += Number("0." + digits);
      j = k - 1;
      last = "frac";
    } else break;
    have = true;
    if (a.kind !== TokenKind.Number) spelled = true;
  }
  if (!have) return undefined;
  return { value: total + cur, next: j, scale, spelled };
}

/** Unicode vulgar fractions. */
const VULGAR: Record<string, number> = {
  "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5,
  "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
};
/** After these, a lone "one" is a pronoun ("which one", "the one you mentioned"). */
const ONE_PRONOUN_BEFORE = new Set(["the", "this", "that", "which", "each", "every", "any", "no", "another", "no-one", "someone"]);

/** Words that can open a number expression (everything else is skipped with one lookup). */
const STARTS = new Set<string>([
  ...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...Object.keys(VAGUE), ...Object.keys(FEW),
  ...Object.keys(VULGAR), "a", "an", "half", "quarter", "hundred", "thousand", "tens", ".", "minus", "negative",
]);

/** Digits after a caret or an exponent mark, with any run of signs glued before them ("^--23" is "^+23"). */
function readSignedDigits(atoms: readonly Atom[], k: number, to: number, at: number): { value: number; next: number } | undefined {
  let neg = false;
  let pos = at;
  while (k < to && (atoms[k]!.w === "-" || atoms[k]!.w === "+") && atoms[k]!.start === pos) {
    if (atoms[k]!.w === "-") neg = !neg;
    pos = atoms[k]!.end;
    k++;
  }
  const d = atoms[k];
  if (!d || k >= to || d.start !== pos || !/^\d+$/.test(d.w)) return undefined;
  return { value: neg ? -Number(d.w) : Number(d.w), next: k + 1 };
}

/** "1e10", "12.32e+14", "1.3x10^6" from the digit token that ends in "e" or "x". */
function readExponent(atoms: readonly Atom[], i: number, to: number): { value: number; next: number } | undefined {
  const a = atoms[i]!;
  const mant = Number(a.w.slice(0, -1));
  if (a.w.endsWith("e")) {
    const e = readSignedDigits(atoms, i + 1, to, a.end);
    return e ? { value: mant * 10 ** e.value, next: e.next } : undefined;
  }
  const ten = atoms[i + 1];
  const caret = atoms[i + 2];
  if (!ten || !caret || i + 2 >= to || ten.w !== "10" || ten.start !== a.end || caret.w !== "^" || caret.start !== ten.end) return undefined;
  const e = readSignedDigits(atoms, i + 3, to, caret.end);
  return e ? { value: mant * 10 ** e.value, next: e.next } : undefined;
}

const PERCENT_WORDS = new Set(["percent", "pct", "pc"]);

/**
 * Numbers in atoms [from, to): each maximal number expression once, left to right. Linear: every
 * atom is read a bounded number of times (each reader moves forward, none restarts behind itself).
 */
export function scanNumbers(atoms: readonly Atom[], from = 0, to = atoms.length): NumberMatch[] {
  const out: NumberMatch[] = [];
  let i = from;
  while (i < to) {
    const a = atoms[i]!;
    const w = a.w;
    // most atoms start nothing: one set lookup sends them on
    if (a.kind !== TokenKind.Number && !STARTS.has(w) && !(a.kind === TokenKind.Word && w.includes("-"))) {
      i++;
      continue;
    }
    // vague amounts: "hundreds of", "tens of thousands of", "several hundred", "a few thousand"
    if (w in VAGUE || (w === "tens" && atoms[i + 1]?.w === "of" && (atoms[i + 2]?.w ?? "") in VAGUE)) {
      let value = w === "tens" ? 10 : VAGUE[w]!;
      let k = i + 1;
      while (k + 1 < to && atoms[k]!.w === "of" && atoms[k + 1]!.w in VAGUE && atoms[k + 1]!.w !== "dozens") {
        value *= VAGUE[atoms[k + 1]!.w]!;
        k += 2;
      }
      if (k > i + 1 || w !== "tens") {
        out.push(match(atoms, i, k, value, "vague", { spelled: true, scale: value }));
        i = k;
        continue;
      }
    }
    // "SCP-173", "F-16": the number of a name (reported as a number, flagged so figure rules drop it)
    if (a.kind === TokenKind.Word && /^\p{L}+-\d+$/u.test(w)) {
      const d = w.indexOf("-") + 1;
      const m = match(atoms, i, i + 1, Number(w.slice(d)), "cardinal", { plain: true });
      m.start = a.start + d;
      m.inName = true;
      out.push(m);
      i++;
      continue;
    }
    // ".08": a leading decimal point is its own token
    if (w === "." && i + 1 < to && atoms[i + 1]!.start === a.end && /^\d+$/.test(atoms[i + 1]!.w)
      && (i === from || atoms[i - 1]!.end !== a.start)) {
      out.push(match(atoms, i, i + 2, Number("0." + atoms[i + 1]!.w), "cardinal", {}));
      i += 2;
      continue;
    }
    if ((w in FEW || w === "a") && i + 1 < to) {
      let k = i;
      if (w === "a") k++;
      const fw = atoms[k]!.w;
      if (fw in FEW) {
        k++;
        if (atoms[k]?.w === "of" && fw === "couple") k++;
        const sw = atoms[k]?.w ?? "";
        if (k < to && (sw === "hundred" || sw in SCALES || sw === "dozen")) {
          const unit = sw === "hundred" ? 100 : sw === "dozen" ? 12 : SCALES[sw]!;
          out.push(match(atoms, i, k + 1, FEW[fw]! * unit, "vague", { spelled: true, scale: unit }));
          i = k + 1;
          continue;
        }
      }
    }
    // "3/4": a digit fraction, unless it is part of a longer slash chain (a date, "24/7/365")
    if (a.kind === TokenKind.Number && atoms[i + 1]?.w === "/" && i + 2 < to && atoms[i + 1]!.start === a.end
      && atoms[i + 2]!.start === atoms[i + 1]!.end && /^\d+$/.test(atoms[i + 2]!.w) && /^\d+$/.test(w)
      && !(atoms[i + 3]?.w === "/" && atoms[i + 3]!.start === atoms[i + 2]!.end)
      && !(i > from && atoms[i - 1]!.end === a.start && (atoms[i - 1]!.w === "/"
        || atoms[i - 1]!.w === "-" && i - 1 > from && atoms[i - 2]!.end === atoms[i - 1]!.start))) {
      const den = Number(atoms[i + 2]!.w);
      if (den > 0) {
        const prev = out[out.length - 1];
        const value = Number(w) / den;
        // "2 1/4": a whole number then a proper fraction
        if (prev && prev.last === i && prev.kind === "cardinal" && prev.plain && value < 1) {
          prev.value += value;
          prev.last = i + 3;
          prev.end = atoms[i + 2]!.end;
          prev.plain = false;
          prev.slashed = true;
        } else {
          const m = match(atoms, i, i + 3, value, "fraction", {});
          m.slashed = true;
          out.push(m);
        }
        i += 3;
        continue;
      }
    }
    // "½", "2½"
    if (w in VULGAR) {
      const prev = out[out.length - 1];
      if (prev && prev.last === i && prev.end === a.start && prev.kind === "cardinal" && prev.plain) {
        prev.value += VULGAR[w]!;
        prev.last = i + 1;
        prev.end = a.end;
        prev.plain = false;
      } else out.push(match(atoms, i, i + 1, VULGAR[w]!, "fraction", {}));
      i++;
      continue;
    }
    // "1e10", "12.32e+14", "1.3x10^6": scientific notation is split by the tokenizer at the "e"/"x"
    if (a.kind === TokenKind.Number && /^\d+(?:\.\d+)?[ex]$/.test(w)) {
      const sci = readExponent(atoms, i, to);
      if (sci) {
        out.push(match(atoms, i, sci.next, sci.value, "cardinal", {}));
        i = sci.next;
        continue;
      }
    }
    if (a.kind === TokenKind.Number || w in UNITS || w in TEENS || w in TENS || w === "a" || w === "an" || w === "half" || w === "quarter"
      || w === "hundred" || w === "thousand") {
      const c = readCardinal(atoms, i, to);
      if (!c) {
        if (a.kind === TokenKind.Number) {
          const d = digitValue(a.w, a.caps);
          if (d?.unit) {
            out.push(match(atoms, i, i + 1, d.value, "cardinal", { grouped: d.grouped, unit: d.unit }));
            i++;
            continue;
          }
        }
        // bare fractions: "half", "a third", "a quarter"
        if (w === "half") {
          out.push(match(atoms, i, i + 1, 0.5, "fraction", { spelled: true, bareFraction: true }));
          i++;
          continue;
        }
        // "a twenty-first": one over a compound denominator
        const cd = w === "a" ? compoundDenominator(atoms, i + 1, to) : 0;
        if (cd) {
          out.push(match(atoms, i, i + 3, 1 / cd, "fraction", { spelled: true }));
          i += 3;
          continue;
        }
        if ((w === "a" || w === "one") && i + 1 < to && atoms[i + 1]!.w in DENOMINATORS && !atoms[i + 1]!.w.endsWith("s")) {
          // "a half million", "a quarter billion": the fraction of the scale that follows
          const sc = i + 2 < to ? SCALES[atoms[i + 2]!.w] : undefined;
          if (sc) {
            out.push(match(atoms, i, i + 3, sc / DENOMINATORS[atoms[i + 1]!.w]!, "cardinal", { spelled: true, scale: sc }));
            i += 3;
            continue;
          }
          out.push(match(atoms, i, i + 2, 1 / DENOMINATORS[atoms[i + 1]!.w]!, "fraction", { spelled: true, bareFraction: w === "a" }));
          i += 2;
          continue;
        }
        i++;
        continue;
      }
      let k = c.next;
      let value = c.value;
      let kind: NumberKind = "cardinal";
      // "the one you mentioned", "which one": a pronoun, not a count
      if (w === "one" && k === i + 1 && i > from && ONE_PRONOUN_BEFORE.has(atoms[i - 1]!.w)) {
        i++;
        continue;
      }
      // "1.1^23", "2.5^-1": a power written with a caret
      if (a.kind === TokenKind.Number && k === i + 1 && atoms[k]?.w === "^" && atoms[k]!.start === a.end) {
        const p = readSignedDigits(atoms, k + 1, to, atoms[k]!.end);
        if (p) {
          value = value ** p.value;
          k = p.next;
        }
      }
      // "one - fourth", "five - eighths": a spaced hyphen before the denominator
      if (k + 1 < to && atoms[k]!.w === "-" && atoms[k + 1]!.w in DENOMINATORS && c.spelled && c.scale === 1) {
        const den = atoms[k + 1]!.w;
        if ((value === 1) !== den.endsWith("s")) {
          value /= DENOMINATORS[den]!;
          kind = "fraction";
          k += 2;
        }
      }
      // "twenty-first", "the twenty-fifth": an ordinal, not a count
      if (k < to && k === i + 1 && atoms[i]!.w in TENS && atoms[k]!.w in UNIT_ORDINALS && atoms[k]!.joined && !atoms[k]!.w.endsWith("s")) {
        i = k + 1;
        continue;
      }
      // "one one hundred (and) fifth": 1/105
      if (c.spelled && value >= 1 && Number.isInteger(value) && k < to && atoms[k]!.w in UNITS) {
        const b = readCardinal(atoms, k, to);
        let e = b ? b.next : -1;
        if (b && atoms[e - 1]!.w === "hundred") {
          if (atoms[e]?.w === "and") e++;
          const o = atoms[e];
          if (o && e < to && o.w in UNIT_ORDINALS && !o.w.endsWith("s")) {
            value /= b.value + UNIT_ORDINALS[o.w]!;
            kind = "fraction";
            k = e + 1;
          }
        }
      }
      // compound denominators: "one twenty-fifth" (1/25), "twenty twenty fifths" (20/25),
      // "one hundred thirty fifths" (100/35; with "and" before "thirty" it would be 130/5)
      const cdAfter = c.spelled && kind === "cardinal" ? compoundDenominator(atoms, k, to) : 0;
      if (cdAfter && Number.isInteger(value) && value >= 1) {
        value /= cdAfter;
        kind = "fraction";
        k += 2;
      } else if (kind === "cardinal" && c.spelled && k - 2 >= i && atoms[k - 1]!.w in TENS && k < to && atoms[k]!.w in UNIT_ORDINALS
        && atoms[k - 2]!.w !== "and" && atoms[k - 2]!.w !== "-" && Number.isInteger(value)) {
        const tens = TENS[atoms[k - 1]!.w]!;
        value = (value - tens) / (tens + UNIT_ORDINALS[atoms[k]!.w]!);
        kind = "fraction";
        k++;
      }
      // "two thirds", "three quarters", "one-eighth": a small spelled count over a denominator
      if (kind === "cardinal" && k < to && atoms[k]!.w in DENOMINATORS && c.spelled && value >= 1 && Number.isInteger(value)) {
        const den = atoms[k]!.w;
        if (value === 1 ? !den.endsWith("s") || den === "halves" : den.endsWith("s") || den === "half") {
          value /= DENOMINATORS[den]!;
          kind = "fraction";
          k++;
        }
      }
      // "2.33 k", "1,674.5 M": a scale letter standing alone after a decimal or grouped number, closing the phrase
      if (a.kind === TokenKind.Number && k === i + 1 && k < to && atoms[k]!.start > a.end && (/[.,]/.test(w) || atoms[k]!.w === "k")) {
        const l = atoms[k]!;
        const sc = l.w === "k" ? 1e3 : l.caps && l.w === "m" ? 1e6 : l.caps && l.w === "g" ? 1e9 : l.caps && l.w === "b" ? 1e9 : 0;
        const nx = atoms[k + 1];
        if (sc && (!nx || k + 1 >= to || nx.kind === TokenKind.Punct)) {
          value *= sc;
          k++;
        }
      }
      // "two thirds of a million", "three quarters billion"
      if (kind === "fraction" && atoms[k]?.w === "of" && (atoms[k + 1]?.w === "a" || atoms[k + 1]?.w === "an")
        && k + 2 < to && atoms[k + 2]!.w in SCALES) {
        value *= SCALES[atoms[k + 2]!.w]!;
        k += 3;
      } else if (kind === "fraction" && c.spelled && k < to && atoms[k]!.w in SCALES) {
        value *= SCALES[atoms[k]!.w]!;
        k += 1;
      }
      // ratios: "one out of three", "1 in twenty-one", "one over 20" (a small count over a larger one)
      if (kind === "cardinal" && Number.isInteger(value) && value >= 0 && k + 1 < to) {
        const rw = atoms[k]!.w;
        const at = rw === "out" && atoms[k + 1]!.w === "of" ? k + 2 : rw === "in" || rw === "over" ? k + 1 : -1;
        const den = at > 0 && at < to ? readCardinal(atoms, at, to) : undefined;
        if (den && den.value > 0 && Number.isInteger(den.value)) {
          const dAtom = atoms[at]!;
          const yearLike = dAtom.kind === TokenKind.Number && /^\d{4}$/.test(dAtom.w) && den.next === at + 1;
          const nextW = atoms[den.next];
          const closes = !nextW || den.next >= to || nextW.kind !== TokenKind.Word;
          const ok = rw === "over" ? closes : value < den.value && !yearLike && (rw === "out" || value <= 10);
          if (ok) {
            value /= den.value;
            kind = "fraction";
            k = den.next;
          }
        }
      }
      const d0 = a.kind === TokenKind.Number ? digitValue(a.w, a.caps) : undefined;
      const single = k === i + 1 && a.kind === TokenKind.Number;
      out.push(match(atoms, i, k, value, kind, {
        spelled: c.spelled,
        scale: c.scale,
        grouped: d0?.grouped ?? false,
        plain: single && (d0?.plain ?? false),
      }));
      i = k;
      continue;
    }
    i++;
  }
  for (const m of out) {
    signed(atoms, m, from);
    m.core = [m.start, m.end];
    decorate(atoms, m, to);
  }
  return out;
}

function match(atoms: readonly Atom[], first: number, last: number, value: number, kind: NumberKind,
  o: Partial<Pick<NumberMatch, "spelled" | "scale" | "grouped" | "plain" | "bareFraction" | "unit">>): NumberMatch {
  return {
    first, last, start: atoms[first]!.start, end: atoms[last - 1]!.end, value, kind,
    spelled: o.spelled ?? false, scale: o.scale ?? 1, grouped: o.grouped ?? false, plain: o.plain ?? false,
    bareFraction: o.bareFraction ?? false, unit: o.unit, core: [0, 0],
  };
}

/** Takes in a sign before the number: "minus five", "negative ten", "-1.5" (a hyphen glued to the digits, not to a word before). */
function signed(atoms: readonly Atom[], m: NumberMatch, from: number): void {
  const p = atoms[m.first - 1];
  if (!p || m.first - 1 < from) return;
  if (p.w === "minus" || p.w === "negative") {
    m.value = -m.value;
    m.first--;
    m.start = p.start;
    return;
  }
  // "- 1 4/5": a spaced minus only at the very start and only before a number that ends the text
  // (a dash opening a list item, "- 10 people died", is not a sign)
  if (p.w === "-" && p.end < m.start && m.first - 1 === from && m.first === 1 && atoms.length === m.last) {
    m.value = -m.value;
    m.first--;
    m.start = p.start;
    return;
  }
  if (p.w === "-" && p.end === m.start && atoms[m.first]!.kind === TokenKind.Number) {
    const pp = atoms[m.first - 2];
    if (pp && m.first - 2 >= from && pp.end === p.start && pp.kind !== TokenKind.Symbol) return;
    m.value = -m.value;
    m.first--;
    m.start = p.start;
  }
}

/** A nationality-led currency name starting at atom `k`: its length in atoms and its code. */
function nationalCurrency(atoms: readonly Atom[], k: number, to: number): [number, string] | undefined {
  for (const [words, code] of NATIONAL_CURRENCIES) {
    if (k + words.length > to) continue;
    if (words.every((w, i) => atoms[k + i]?.w === w)) return [words.length, code];
  }
  return undefined;
}

/** Widens a match over its currency sign or code before, and its percent sign or currency name after. */
function decorate(atoms: readonly Atom[], m: NumberMatch, to: number): void {
  const p = atoms[m.first - 1];
  if (p && p.w in CURRENCY_SIGNS) {
    let code = CURRENCY_SIGNS[p.w]!;
    let first = m.first - 1;
    const pp = atoms[m.first - 2];
    if (p.w === "$" && pp && (pp.end === p.start || (pp.end + 1 === p.start && SPACED_DOLLAR_PREFIX.has(pp.w))) && pp.w in DOLLAR_PREFIX) {
      code = DOLLAR_PREFIX[pp.w]!;
      first--;
    } else if (p.w === "$" && pp && pp.end === p.start && CURRENCY_CODES.has(pp.w) && pp.w !== "try") {
      // an ISO code glued to the sign names the dollar or peso: "cad$ 15", "nzd$15", "mxn$ 15"
      code = pp.w === "rmb" ? "CNY" : pp.w.toUpperCase();
      first--;
    }
    m.currency = code;
    m.first = first;
    m.start = atoms[first]!.start;
  } else if (p && p.caps && CURRENCY_CODES.has(p.w) && p.end < m.start) {
    m.currency = p.w.toUpperCase() === "RMB" ? "CNY" : p.w.toUpperCase();
    m.first--;
    m.start = p.start;
  }
  const n = atoms[m.last];
  if (!n || m.last >= to) return;
  if (n.w === "%") {
    m.kind = "percent";
    m.percentUnit = "%";
    m.last++;
    m.end = n.end;
  } else if (PERCENT_WORDS.has(n.w) || (n.w === "per" && atoms[m.last + 1]?.w === "cent")) {
    m.kind = "percent";
    m.percentUnit = "%";
    m.last += n.w === "per" ? 2 : 1;
    m.end = atoms[m.last - 1]!.end;
  } else if (n.w === "percentage" && /^points?$/.test(atoms[m.last + 1]?.w ?? "")) {
    m.kind = "percent";
    m.percentUnit = "percentage points";
    m.last += 2;
    m.end = atoms[m.last - 1]!.end;
  } else if (!m.currency && n.w in CURRENCY_SIGNS && n.w !== "$" && !(atoms[m.last + 1] && m.last + 1 < to && atoms[m.last + 1]!.kind === TokenKind.Number)) {
    // a sign after the figure, as much of Europe writes it: "10 €", "100 ₡"
    m.currency = CURRENCY_SIGNS[n.w]!;
    m.last++;
    m.end = n.end;
  } else if (!m.currency && (n.caps || LOWER_CODES_AFTER.has(n.w)) && CURRENCY_CODES.has(n.w) && m.last + 1 <= to) {
    m.currency = n.w.toUpperCase() === "RMB" ? "CNY" : n.w.toUpperCase();
    m.last++;
    m.end = n.end;
  } else if (!m.currency && nationalCurrency(atoms, m.last, to)) {
    const [words, code] = nationalCurrency(atoms, m.last, to)!;
    m.currency = code;
    m.last += words;
    m.end = atoms[m.last - 1]!.end;
  } else if (!m.currency && n.w in CURRENCY_NAMES) {
    m.currency = CURRENCY_NAMES[n.w]!;
    m.last++;
    m.end = n.end;
  } else if (!m.currency && (n.w === "pounds" || n.w === "pound") && atoms[m.last + 1]?.w === "sterling") {
    m.currency = "GBP";
    m.last += 2;
    m.end = atoms[m.last - 1]!.end;
  }
}

/** Every number expression in a plain string (tests, benchmarks). */
export function findNumbers(text: string): NumberMatch[] {
  return scanNumbers(atomsOfText(text));
}

/** The value of a string that is one number expression ("1.3 million", "two and a half"), else undefined. */
export function parseNumber(text: string): number | undefined {
  const atoms = atomsOfText(text);
  const ms = scanNumbers(atoms);
  if (ms.length !== 1) return undefined;
  const m = ms[0]!;
  return m.first === 0 && m.last === atoms.length ? m.value : undefined;
}
