// Figures: numbers with their bound, unit, counted thing, claimant, quote and date, sentence by sentence.
import { TokenKind, type Entity, type Quantity, type Quote, type Sentence, type Time } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";
import type { Bound, Ref, Span } from "../../../core/record.js";
import verbLexicon from "../lexicons/quantity-verbs.json" with { type: "json" };
import unitLexicon from "../lexicons/quantity-units.json" with { type: "json" };
import { atomsOf, scanNumbers, type Atom, type NumberMatch } from "../numbers.js";
import { DIMENSION_ADJ, refineMatches, splitGlued } from "./quantity-money.js";

// ---------------------------------------------------------------------------------------------
// Vocabulary. Phrases are matched on lower-cased atoms, longest first.

/** Modifiers written before a figure, by number of words. */
const BEFORE: ReadonlyMap<string, Bound> = new Map<string, Bound>([
  ["up to", "upper"], ["as many as", "upper"], ["as much as", "upper"], ["no more than", "upper"],
  ["not more than", "upper"], ["less than", "upper"], ["fewer than", "upper"], ["at most", "upper"],
  ["under", "upper"], ["below", "upper"], ["a maximum of", "upper"], ["just under", "upper"], ["just below", "upper"],
  ["no fewer than", "lower"], ["no less than", "lower"], ["not less than", "lower"], ["not fewer than", "lower"],
  ["more than", "lower"], ["over", "lower"], ["at least", "lower"], ["exceeding", "lower"], ["upwards of", "lower"],
  ["in excess of", "lower"], ["above", "lower"], ["a minimum of", "lower"], ["well over", "lower"], ["just over", "lower"],
  ["greater than", "lower"], ["higher than", "lower"], ["as few as", "lower"], ["well above", "lower"],
  ["exceed", "lower"], ["exceeds", "lower"], ["exceeded", "lower"], ["surpass", "lower"], ["surpassed", "lower"],
  ["about", "approx"], ["around", "approx"], ["roughly", "approx"], ["nearly", "approx"], ["almost", "approx"],
  ["some", "approx"], ["approximately", "approx"], ["an estimated", "approx"], ["estimated", "approx"],
  ["close to", "approx"], ["approx", "approx"], ["approx.", "approx"], ["circa", "approx"], ["about some", "approx"],
  ["an approximate", "approx"], ["more or less", "approx"], ["nigh on", "approx"], ["getting on for", "approx"],
  ["just about", "approx"], ["or so", "approx"], ["give or take", "approx"], ["an average of", "approx"],
]);
const MAX_BEFORE = Math.max(...[...BEFORE.keys()].map((k) => k.split(" ").length));
/** Modifiers written after a figure ("10,000 or more", "500 or so"). */
const AFTER: ReadonlyMap<string, Bound> = new Map<string, Bound>([
  ["or more", "lower"], ["and more", "lower"], ["or above", "lower"],
  ["or less", "upper"], ["or fewer", "upper"], ["at most", "upper"], ["or under", "upper"],
  ["or so", "approx"], ["or thereabouts", "approx"],
]);
/** Last words of bound phrases: a figure right after one is hedged ("roughly half", "more than half"). */
const BOUND_WORDS = new Set([...BEFORE.keys()].map((k) => k.split(" ").pop()!).filter((w) => w !== "of" && w !== "to"));

/** Words that mark the sentence's figures as estimates ("is estimated to have 1.3 million soldiers"). */
const ESTIMATE_CUES = new Set(["estimated", "estimates", "estimate", "estimating", "approximately", "reckoned", "projected"]);

const MONTHS = new Set(
  ("january february march april may june july august september october november december jan feb mar apr jun jul " +
    "aug sep sept oct nov dec").split(" "),
);
/** Nouns whose number is a label, not a count ("Article 5", "page 4", "No. 5"). */
const LABEL_NOUNS = new Set(
  ("no no. nos nos. nr nr. # number article articles section sections page pages chapter paragraph clause item room " +
    "flight route highway line platform gate level phase stage season episode vol vol. volume grade category size type model " +
    "version channel bus seat row table figure fig fig. exhibit resolution act amendment unit division battalion brigade " +
    "regiment squad district ward precinct block lot apartment apt suite floor building terminal track lane exit junction " +
    "mark mk series generation gen region zone sector day week month year games game round match matches covid").split(" "),
);
const STREET_WORDS = new Set(
  "street st st. avenue ave ave. road rd rd. boulevard blvd lane drive dr way place square terrace court crescent".split(" "),
);
const TIME_AFTER = new Set(["am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "bst", "est", "edt", "pst", "cet", "o'clock", "hrs", "hours'"]);
/** Singular nouns that make a lone "one" a count ("one soldier was killed"). */
const ONE_COUNTED = new Set(
  ("person man woman child boy girl baby soldier civilian officer policeman serviceman worker resident journalist " +
    "member patient prisoner hostage passenger crew fighter pilot").split(" "),
);
const CLOCK_BEFORE = new Set(["at", "after", "before", "until", "till", "from", "by", "around", "about", "since"]);
const AGE_UNITS = new Set(["year", "years", "month", "months", "week", "weeks", "day", "days"]);
/** Small spelled numbers after these refer back to things already counted ("the two nations"). */
const REFERRING = new Set(
  "the these those its their his her our my your all both whose first last next other such".split(" "),
);

/** Measurement units written as words after the figure, normalised. Durations are units too. */
const UNIT_WORDS: Record<string, string> = {
  km: "km", kms: "km", kilometre: "km", kilometres: "km", kilometer: "km", kilometers: "km", mile: "mi", miles: "mi",
  metre: "m", metres: "m", meter: "m", meters: "m", centimetres: "cm", centimeters: "cm", millimetres: "mm",
  millimeters: "mm", mm: "mm", cm: "cm", feet: "ft", foot: "ft", ft: "ft", inches: "in", inch: "in", yards: "yd",
  tonnes: "t", tonne: "t", tons: "t", ton: "t", kg: "kg", kilograms: "kg", kilogram: "kg", kilos: "kg", grams: "g",
  gram: "g", lb: "lb", lbs: "lb", pounds: "lb", ounces: "oz", litres: "l", liters: "l", litre: "l", liter: "l",
  gallons: "gal", barrels: "bbl", hectares: "ha", hectare: "ha", acres: "acre", acre: "acre",
  mph: "mph", knots: "kn", megawatts: "MW", mw: "MW", gigawatts: "GW", gw: "GW", kilowatts: "kW", kwh: "kWh",
  degrees: "°", degree: "°", celsius: "°C", celcius: "°C", centigrade: "°C", fahrenheit: "°F", farenheit: "°F", calories: "kcal", bcm: "bcm", times: "×",
  "°": "°", deg: "°", "μg": "μg", mcg: "μg", "µg": "μg", ounce: "oz", gallon: "gal", yard: "yd", barrel: "bbl", km2: "sq km", 
  years: "year", year: "year", months: "month", month: "month", weeks: "week", week: "week", days: "day", day: "day",
  hours: "hour", hour: "hour", minutes: "minute", minute: "minute", seconds: "second", decades: "decade", centuries: "century",
};
// the generated families (SI-prefixed, data, kitchen, currency minor units) fill in what the hand list lacks
for (const [w, [unit]] of Object.entries(unitLexicon.words as Record<string, string[]>)) UNIT_WORDS[w] ??= unit!;
const BRACKETS: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
/** A compound measure's major and minor unit → minor units per major ("5 ft 2 in", "8 lb 4 oz"); money uses cents. */
const MINOR_UNITS: Record<string, number> = { "ft in": 12, "yd ft": 3, "lb oz": 16, "m cm": 100, "km m": 1000 };
/** Units of more than one word: temperatures, tonnes and speeds ("degrees Celsius", "metric tons", "miles an hour"). */
const MULTI_WORD_UNITS: [string[], string][] = [
  [["miles", "an", "hour"], "mph"], [["miles", "per", "hour"], "mph"], [["kilometres", "per", "hour"], "km/h"],
  [["kilometers", "per", "hour"], "km/h"], [["kilometres", "an", "hour"], "km/h"], [["kilometers", "an", "hour"], "km/h"],
  [["degrees", "celsius"], "°C"], [["degree", "celsius"], "°C"], [["degrees", "centigrade"], "°C"], [["deg", "celsius"], "°C"],
  [["deg", "c"], "°C"], [["degrees", "fahrenheit"], "°F"], [["degree", "fahrenheit"], "°F"], [["deg", "fahrenheit"], "°F"],
  [["degrees", "c"], "°C"], [["degree", "c"], "°C"], [["degrees", "f"], "°F"], [["degree", "f"], "°F"], [["deg", "f"], "°F"],
  [["degrees", "farenheit"], "°F"], [["degrees", "celcius"], "°C"],
  [["°", "celsius"], "°C"], [["°", "c"], "°C"], [["°", "fahrenheit"], "°F"], [["°", "f"], "°F"],
  [["metric", "tons"], "t"], [["metric", "tonnes"], "t"], [["metric", "ton"], "t"],
];
/** "square kilometres", "cubic metres": two-word units. */
const UNIT_PREFIX: Record<string, string> = { square: "sq ", sq: "sq ", cubic: "cubic " };

/** Units that make a hyphenated measure ("3-inch", "45-acre", "six-mile"): lengths, areas, volumes and weights, not times or ages. */
const HYPHEN_UNITS = new Set(["inch", "foot", "mile", "yard", "metre", "meter", "kilometre", "kilometer", "km", "acre", "hectare",
  "gallon", "litre", "liter", "ounce", "pound", "ton", "tonne", "kg", "kilogram", "gram", "megawatt", "gigawatt", "mm", "cm",
  "cent", "penny", "bit", "byte", "cup"]);
for (const u of HYPHEN_UNITS) UNIT_WORDS[u] ??= UNIT_WORDS[`${u}s`] ?? u;
/** Durations and multipliers among the unit words: "one day" and "24/7 days" are no measures. */
const NOT_MEASURES = new Set([...AGE_UNITS, "hour", "hours", "minute", "minutes", "second", "seconds", "decade", "decades",
  "centuries", "times"]);
/** A unit word that measures (length, weight, volume, money's minor units …), not a duration. */
const isMeasure = (w: string | undefined): boolean => w !== undefined && w in UNIT_WORDS && !NOT_MEASURES.has(w);
/** The hyphenated unit of "12-cent-a-share", "3-inch": the word before any further hyphen. */
const hyphenUnit = (w: string): string => w.split("-")[0]!;
/** Time units that make a speed of a length ("km/h", "50 meters per millisecond"), as the symbol after the slash. */
const RATE_TIME: Record<string, string> = {
  h: "h", hr: "h", hrs: "h", hour: "h", s: "s", sec: "s", second: "s", min: "min", minute: "min", ms: "ms",
  millisecond: "ms", milliseconds: "ms",
};
const LENGTHS = new Set(["km", "m", "cm", "mm", "mi", "ft", "in", "yd", "μm", "nm"]);
/** "/hr", "per second" after a length unit: its speed unit and how many atoms it takes. */
function rateAt(atoms: readonly Atom[], j: number, hi: number, unit: string): { unit: string; n: number } | undefined {
  if (!LENGTHS.has(unit) || j + 1 >= hi || (atoms[j]!.w !== "/" && atoms[j]!.w !== "per")) return undefined;
  const t = RATE_TIME[atoms[j + 1]!.w];
  if (!t) return undefined;
  const rate = `${unit}/${t}`;
  return { unit: rate === "mi/h" ? "mph" : rate, n: 2 };
}

/** Words mostly used as finite verbs (generated from wink-lexicon): a counted phrase ends before one ("57 percent oppose"). */
const VERBS = new Set(verbLexicon.verbs.split(" "));

/** Function words, auxiliaries and pronouns: none of them belongs to a counted noun phrase. */
const STOP = new Set(
  ("a an the this that these those and or but nor so yet of in on at by for from to with without into onto over under " +
    "about after before since during until against among between through across per via than as like if when while " +
    "vs vs. versus within throughout beyond inside outside near towards toward upon amid amidst despite along behind beside besides except " +
    "where which who whom whose what why how it its he she they we i you him her them us me his their our my your " +
    "is are was were be been being am have has had having do does did will would could can may might must should shall " +
    "not no also already now then still just only even ever never reportedly allegedly apparently each every 's ' there " +
    "here up down out off said says say told according too very respectively including ago earlier later almost nearly " +
    "around roughly approximately some more most less fewer least many much own both either neither whether because " +
    "although though however effectively").split(" "),
);
/** Words skipped, not stopped at, right after the figure ("12,000 more troops"). */
const NP_SKIP = new Set(["more"]);
/** Auxiliaries between a counted noun and its event ("have been killed", "were reportedly wounded"). */
const AUX = new Set(
  ("have has had been were was are is be being reportedly allegedly already now also all since thought believed " +
    "said feared to have").split(" "),
);
const IRREGULAR_PARTICIPLES = new Set(
  ("slain taken held hit shot hurt sent built lost seen born left made kept brought caught fought thrown driven " +
    "given stolen beaten overrun run spent sold bought paid won struck died fled").split(" "),
);
const PLURAL_IRREGULAR = new Set(
  "people men women children troops police personnel staff civilians persons cattle sheep deer fish".split(" "),
);
/** Prepositions whose one-word bare object stays with the counted noun ("soldiers in uniform", "people in custody"). */
const BARE_PP = new Set(["in", "on", "under", "at"]);
const DETERMINERS = new Set("the a an its their his her our my your this that these those all".split(" "));

/** Verbs and phrases that attribute a statement to its subject ("X said", "X estimates suggest"). */
const CUE_VERBS = new Set(
  ("said says say told tells tell added adds stated states claimed claims claim estimated estimates estimate believe " +
    "believes believed reported reports indicated indicates suggest suggests suggested announced announces announce " +
    "confirmed confirms confirm warned warns noted notes wrote writes revealed reveals showed shows show found finds " +
    "predicted predicts projected projects calculated calculates counted counts put puts alleged alleges insisted " +
    "insists argued argues acknowledged acknowledges admitted admits disclosed discloses testified tweeted posted " +
    "assessed assesses assess think thinks thought recorded records documented documents reckon reckons reckoned " +
    "concluded concludes observed explained explains").split(" "),
);
/** Multi-word cues, keyed by their first word. */
const CUE_PHRASES: ReadonlyMap<string, readonly string[][]> = new Map([
  ["raised", [["raised", "the", "alarm"], ["raised", "concerns"]]],
  ["sounded", [["sounded", "the", "alarm"]]],
]);
/** Cues that can take their speaker after them ("said Alina", "told the BBC" is not one). */
const INVERTING = new Set(["said", "says", "added", "wrote", "writes", "stated", "noted", "explained", "insisted", "warned", "told"]);
/** Words skipped between a subject and its cue verb ("X first raised", "X has said"). */
const SUBJECT_ADVERBS = new Set(
  ("first also previously earlier later recently now then repeatedly publicly again initially already has have had " +
    "today yesterday tonight monday tuesday wednesday thursday friday saturday sunday " +
    "would will may might could reportedly separately privately further independently officially").split(" "),
);
/** Words after which a cue word ending in -s is a plural noun ("reports of", "states in"). */
/** Cue words that are as often plural nouns ("reports", "estimates"); "says" and "adds" never are. */
const NOUNY_CUES = new Set(
  "reports claims estimates states notes shows finds records documents projects counts puts calculates assesses".split(" "),
);
const NOUN_AFTER = new Set(["of", "on", "from", "by", "in", "and", "or", "about", "were", "are", "have", "had"]);
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);
/** Words that may open or sit in a source's name but are dropped at its left edge. */
const LEFT_TRIM = new Set([
  "the", "a", "an", "this", "that", "these", "those", "same", "other", "both", "and", "but", "something", "anything",
  "everything", "what",
]);
/** Words that end a subject noun phrase when reading leftwards. */
const SUBJECT_STOP = new Set(
  ("that which who whom when while where after before since because if as than and or but so of in on at by for from to " +
    "with without into over under about during until against among between through across per via it its is are was " +
    "were be been being not no there here what why how said says say told").split(" "),
);

/** Small words inside names ("Office for National Statistics", "Ministry of Defence"). */
const NAME_INNER = new Set(["of", "for", "de", "and"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "'s"]);
const OPEN_QUOTES = new Set(["\u201C", "\u00AB", "\u2018"]);
const CLOSE_QUOTES = new Set(["\u201D", "\u00BB", "\u2019"]);

// ---------------------------------------------------------------------------------------------

const isCapital = (text: string, a: Atom): boolean => {
  const c = text.charCodeAt(a.start);
  return c >= 65 && c <= 90 ? true : c > 127 && /\p{Lu}/u.test(text[a.start]!);
};
const isWord = (a: Atom | undefined): a is Atom => a !== undefined && a.kind === TokenKind.Word;
const endsLikePlural = (w: string): boolean =>
  PLURAL_IRREGULAR.has(w) || (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is|ous)$/.test(w));
const isParticiple = (w: string): boolean =>
  IRREGULAR_PARTICIPLES.has(w) || (w.length > 4 && w.endsWith("ed") && !STOP.has(w));

/** Number of atoms of the bound phrase that ends right before atom i, and its bound. */
function boundBefore(atoms: readonly Atom[], i: number, lo: number): { n: number; bound: Bound } | undefined {
  for (let n = Math.min(MAX_BEFORE, i - lo); n >= 1; n--) {
    let key = atoms[i - n]!.w;
    for (let k = i - n + 1; k < i; k++) key += " " + atoms[k]!.w;
    const b = BEFORE.get(key);
    if (b) return { n, bound: b };
  }
  return undefined;
}

function boundAfter(atoms: readonly Atom[], j: number, hi: number): { n: number; bound: Bound } | undefined {
  const a = atoms[j];
  if (!a || j >= hi) return undefined;
  if ((a.w === "+" || a.w === "plus") && (a.w === "+" || atoms[j - 1]!.end === a.start || atoms[j + 1]?.kind !== TokenKind.Number)) {
    if (a.w === "plus" && atoms[j + 1]?.kind === TokenKind.Number) return undefined;
    return { n: 1, bound: "lower" };
  }
  // "10,000-plus", "300-odd"
  if (a.w === "-" && a.start === atoms[j - 1]!.end && (atoms[j + 1]?.w === "plus" || atoms[j + 1]?.w === "odd")) {
    return { n: 2, bound: atoms[j + 1]!.w === "plus" ? "lower" : "approx" };
  }
  if (j + 1 < hi) {
    const b = AFTER.get(a.w + " " + atoms[j + 1]!.w);
    if (b) return { n: 2, bound: b };
  }
  // "500 odd"
  if (a.w === "odd") return { n: 1, bound: "approx" };
  return undefined;
}

interface Figure {
  m: NumberMatch;
  /** second number of a range */
  hi?: NumberMatch;
  first: number;
  last: number;
  bound: Bound;
  unit?: string;
  counted?: string;
  /** offset where the counted phrase ends, when it follows the figure */
  countedEnd?: number;
  /** a compound amount's minor part in the main unit: "3 dollars 50 cents" adds 0.5 */
  add?: number;
}

/** Prepositions that name what money is for. */
const MONEY_PP = new Set(["in", "for", "on", "of", "worth", "to"]);
/** Verbs that link a subject to a figure in the predicate ("rose to", "stood at", "was", "reached"). */
const LINKING = new Set(
  ("is are was were be been stood stands stand rose rises risen fell falls fallen reached reaches reach hit hits totalled " +
    "totaled totals total climbed climbs jumped jumps dropped drops increased increases decreased decreases grew grows " +
    "surged surges soared soars declined declines plunged plunges topped tops numbered numbers number exceeded exceeds " +
    "passed passes crossed doubled tripled amounted amounts came comes went goes remained remains").split(" "),
);

/** Words between a linking verb and its figure ("fell only about 1%", "rose by a further 3%"). */
const PREDICATE_FILLER = new Set(["to", "at", "by", "only", "just", "a", "further", "another", "some", "around", "even"]);

/** The subject of a linking verb before the figure ("The death toll has risen to"), as the counted thing. */
function subjectCounted(text: string, atoms: readonly Atom[], first: number): string | undefined {
  let k = first - 1;
  let prep = false;
  while (k >= 0 && (PREDICATE_FILLER.has(atoms[k]!.w) || /ly$/.test(atoms[k]!.w) && atoms[k]!.w.length > 4)) {
    if (atoms[k]!.w === "by" || atoms[k]!.w === "to") prep = true;
    k--;
  }
  if (k < 0) return undefined;
  // after "by"/"to" any verb of change will do ("skyrocketed by 300%"); bare, only a linking verb ("was 40")
  const v = atoms[k]!;
  const verbish = LINKING.has(v.w) || (prep && v.kind === TokenKind.Word && !STOP.has(v.w) && /(?:ed|s)$/.test(v.w) && !isCapital(text, v));
  if (!verbish) return undefined;
  k--;
  while (k >= 0 && (SUBJECT_ADVERBS.has(atoms[k]!.w) || AUX.has(atoms[k]!.w) && atoms[k]!.w !== "'s")) k--;
  const span = subjectBefore(text, atoms, k + 1, 0);
  if (!span) return undefined;
  // "the death toll from the earthquake": a prepositional phrase hangs off the subject's head
  let p = 0;
  while (p < atoms.length && atoms[p]!.start < span[0]) p++;
  let b = p - 1;
  while (b >= 0 && DETERMINERS.has(atoms[b]!.w)) b--;
  if (b > 0 && (atoms[b]!.w === "of" || atoms[b]!.w === "from" || atoms[b]!.w === "in" || atoms[b]!.w === "among")) {
    const head = subjectBefore(text, atoms, b, 0);
    if (head) span[0] = head[0];
  }
  const name = text.slice(span[0], span[1]);
  return PRONOUNS.has(name.toLowerCase()) ? undefined : name;
}

/** Up to four content words ending at atom `end - 1` ("annual budget" in "an annual budget of"). */
function nounsBefore(text: string, atoms: readonly Atom[], end: number): string | undefined {
  let k = end - 1;
  let from = -1;
  while (k >= 0 && end - k <= 4 && atoms[k]!.kind === TokenKind.Word && (!STOP.has(atoms[k]!.w) || atoms[k]!.caps)
    && !CUE_VERBS.has(atoms[k]!.w) && !LINKING.has(atoms[k]!.w)) {
    // "negotiations.The release": a sentence glued on by a missing space starts after its full stop
    const glued = /\.\p{Lu}/u.exec(text.slice(atoms[k]!.start, atoms[k]!.end));
    if (glued) {
      from = atoms[k]!.start + glued.index + 1;
      break;
    }
    k--;
  }
  if (from < 0) from = k + 1 < end ? atoms[k + 1]!.start : -1;
  return from >= 0 && from < atoms[end - 1]!.end ? text.slice(from, atoms[end - 1]!.end) : undefined;
}

// Words around a score or a vote tally.
const SCORE_CONTEXT = /\b(?:won|win|wins|beat|beats|defeated|defeat|lost|loses|lose|drew|draw|tied|tie|led|leads|trailed|victory|score|scored|scoreline|match|game|final|set|sets|voted|votes?|margin)\b/i;
const SCORE_NOUNS = new Set(["victory", "win", "defeat", "loss", "lead", "draw", "vote", "decision", "margin", "scoreline", "result", "after", "in", "on", "at", "to", "with", "against", "over"]);
// Telephone numbers: "(555) 123-4567", "020 7946 0958", "1-800-555-0100", "+44 20 7946 0958".
const PHONE = /(?<![\d.,])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)\s?|\d{1,4}[\s.-])?\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{0,4}(?![\d,]|\.\d)/g;

/** Spans of telephone numbers: digit groups joined by spaces, dots or hyphens, with a leading zero, a plus, parentheses or three groups. */
function phoneNumbers(text: string): Span[] {
  const out: Span[] = [];
  if (!/\d[\s.-]\d{3}/.test(text)) return out;
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
    const t = m[0].trimEnd();
    const groups = t.split(/[\s.()+-]+/).filter(Boolean);
    // "10 000 000" or "3 100" are numbers with space separators; a phone number has a marker or 3+ uneven groups
    const marked = /^[+(0]/.test(t) || /^1-\d{3}-/.test(t);
    const uneven = groups.length >= 3 && !groups.slice(1).every((g) => g.length === 3);
    if (!(marked && groups.length >= 2) && !uneven) continue;
    if (groups.join("").length < 7) continue;
    out.push([m.index, m.index + t.length]);
  }
  return out;
}

/** Why a number is not a figure, or undefined when it is one. */
function excluded(text: string, atoms: readonly Atom[], m: NumberMatch, lo: number, hi: number): string | undefined {
  const prev = m.first > lo ? atoms[m.first - 1] : undefined;
  const prev2 = m.first - 1 > lo ? atoms[m.first - 2] : undefined;
  const next = m.last < hi ? atoms[m.last] : undefined;
  const next2 = m.last + 1 < hi ? atoms[m.last + 1] : undefined;
  const first = atoms[m.first]!;
  // "9/11", "24/7", "3/4": in news a slash between digits is a date or a label far more often than a fraction
  if (m.slashed && !isMeasure(next?.w)) return "slashed";
  if (m.inName) return "name";
  if (m.currency || m.kind === "percent" || m.kind === "vague") return undefined;
  // glued to letters or other digits: "F-16", "COVID-19", "+1-222-2222", "5/17/2018", "24/7"
  if (prev && prev.end === first.start && (prev.w === "-" || prev.w === "/" || prev.w === "+" || prev.w === "." || prev.w === "#")) {
    const before = atoms[m.first - 2];
    if (prev.w !== "-" || (before && before.end === prev.start)) return "glued";
  }
  if (next && next.start === atoms[m.last - 1]!.end && (next.w === "/" || next.w === ":" || next.w === ".")) {
    if (next2 && next2.start === next.end && next2.kind === TokenKind.Number) return "glued";
  }
  if (next && next.w === "-" && next.start === atoms[m.last - 1]!.end && next2 && next2.start === next.end) {
    // "45-year-old", "10-day", "2-0"; a digit range "10,000-12,000" is handled before this
    if (next2.kind === TokenKind.Word && next2.w !== "plus" && next2.w !== "odd" && next2.w !== "strong") {
      const unitWord = next2.w.split("-")[0]!;
      if (AGE_UNITS.has(unitWord) || next2.w.includes("old")) return "age or duration compound";
      if (HYPHEN_UNITS.has(hyphenUnit(next2.w))) return undefined;
      return "compound";
    }
  }
  // "two decades ago", "three years later": a point in time, which the time stage owns
  if (next && AGE_UNITS.has(next.w) || next && (next.w === "decades" || next.w === "decade" || next.w === "centuries")) {
    const after = atoms[m.last + 1]?.w;
    if (after === "ago" || after === "later" || after === "earlier" || after === "before" || after === "after") return "time point";
  }
  // time of day: "5 pm", "10 a.m."
  if (next && TIME_AFTER.has(next.w)) return "time of day";
  if (next && (next.w === "a" || next.w === "p") && next2?.w === "." && atoms[m.last + 2]?.w === "m") return "time of day";
  // "No. 5", "Fig. 3": the abbreviation's dot is its own token
  if (prev && prev.w === "." && prev2 && LABEL_NOUNS.has(prev2.w)) return "label";
  // "at 12.30", "after 14.00": clock times written with a dot
  if (prev && CLOCK_BEFORE.has(prev.w) && /^(?:[01]?\d|2[0-3])\.[0-5]\d$/.test(first.w) && m.last - m.first === 1) return "time of day";
  // ages: "aged 45", "age 45", "45 years old", "Smith, 45, said"
  if (prev && (prev.w === "aged" || prev.w === "age" || prev.w === "ages")) return "age";
  if (next && AGE_UNITS.has(next.w) && next2 && (next2.w === "old" || next2.w === "of")) {
    if (next2.w === "old") return "age";
  }
  if (prev && prev.w === "," && next && next.w === "," && m.plain && m.value < 120 && prev2 && isCapital(text, prev2)) return "age apposition";
  // ordinals and dates: "June 5", "5 June", "June 5, 2024"
  if (m.plain && m.value >= 1 && m.value <= 31 && ((prev && MONTHS.has(prev.w) && isCapital(text, prev)) || (next && MONTHS.has(next.w) && isCapital(text, next)))) return "date";
  if (next && next.w === "of" && next2 && MONTHS.has(next2.w)) return "date";
  // years: four plain digits in the calendar's range, unless a bound word or count noun says otherwise
  if (m.plain && !m.spelled && m.value >= 1100 && m.value <= 2100 && Number.isInteger(m.value)) {
    if (!boundBefore(atoms, m.first, lo)) return "year";
  }
  // labels: "No. 5", "Article 5", "Boeing 737", "page 12", "day two"
  if (prev && LABEL_NOUNS.has(prev.w) && (!m.spelled || !isCapital(text, prev))) return "label";
  // "World War Two", "Formula One": a capitalised number word inside a name
  if (m.spelled && prev && isCapital(text, first) && isCapital(text, prev) && prev.kind === TokenKind.Word && m.first - 1 > lo
    && !BOUND_WORDS.has(prev.w) && !STOP.has(prev.w)) return "name";
  // "1. Russo-Japanese War": list numbering at the start of a sentence
  if (m.first === lo && m.plain && next && (next.w === "." || next.w === ")")) return "list number";
  // "between March 13 and 17", "June 15 and 16": the second day of a date
  if (m.plain && m.value <= 31 && prev && prev2 && /^(?:and|to|-|–|or|through)$/.test(prev.w) && /^\d{1,2}$/.test(prev2.w)
    && m.first - 3 >= lo && MONTHS.has(atoms[m.first - 3]!.w)) return "date";
  // ("Versailles 2.0", "Industry 4.0": version numbers too)
  const bareDigits = m.plain || (!m.spelled && !m.grouped && m.scale === 1 && /^\d+\.\d$/.test(first.w));
  if (prev && bareDigits && isCapital(text, prev) && prev.kind === TokenKind.Word && !BOUND_WORDS.has(prev.w) && !STOP.has(prev.w)
    && !MONTHS.has(prev.w) && m.first - 1 > lo) return "name";
  if (m.plain && prev && prev.w === "#") return "label";
  // addresses: "10 Downing Street", "221B Baker Street" (a house letter, not a billion)
  const houseNumber = /^\d+[A-Z]$/.test(text.slice(m.start, m.end));
  if ((m.plain || houseNumber) && next && isCapital(text, next)) {
    for (let k = m.last; k < Math.min(hi, m.last + 4); k++) {
      if (STREET_WORDS.has(atoms[k]!.w) && isCapital(text, atoms[k]!)) return "address";
      if (!isCapital(text, atoms[k]!)) break;
    }
  }
  // the pronoun-like "one" ("one of the", "one thing"), and the bare article
  // ("at least one person", "one woman was killed" are counts)
  if (m.kind === "cardinal" && m.value === 1 && m.spelled && m.last - m.first === 1
    && !boundBefore(atoms, m.first, lo) && !(next && ONE_COUNTED.has(next.w)) && !isMeasure(next?.w)) return "pronoun one";
  if (m.kind === "cardinal" && m.spelled && m.scale === 1 && m.value < 20 && prev && REFERRING.has(prev.w)) return "referring";
  if (m.bareFraction) {
    // "half" and "a third" are figures before "of" ("half of the troops"), after a bound word ("roughly half")
    // or "by" ("cut by a third"); elsewhere they are times and ordinals ("half an hour", "a third time")
    // "a half turn", "a quarter mile": a measure unit right after it makes it an amount too
    const ok = (next && next.w === "of") || (prev && prev.w === "by") || boundBefore(atoms, m.first, lo) || isMeasure(next?.w);
    if (!ok) return "bare fraction";
    if (prev && (prev.w === "first" || prev.w === "second" || prev.w === "the" || prev.w === "other" || prev.w === "and")) return "bare fraction";
    // "half a year", "half an hour": a duration, which the time stage owns
    if (next && (next.w === "a" || next.w === "an")) return "half a unit";
  }
  return undefined;
}

/** A unit word right after the figure: "29 km", "300 square kilometres", "hundreds of kilometres". */
function unitAt(atoms: readonly Atom[], j: number, hi: number, text?: string): { unit: string; n: number } | undefined {
  const a = atoms[j];
  if (!a || j >= hi) return undefined;
  // "1 m x 1 m", "12 m 2 dm", "a 2 m wide gap": a spaced lower-case "m" that ends a measure is a metre
  // (glued, "5m", it is a million; before a noun, "5 m people", too)
  if (a.w === "m" && text?.[a.start] === "m" && j > 0 && atoms[j - 1]!.kind === TokenKind.Number && atoms[j - 1]!.end < a.start) {
    const nx = atoms[j + 1];
    if (!nx || j + 1 >= hi || nx.kind === TokenKind.Number || nx.w === "x" || nx.w === "×" || nx.w === "by"
      || DIMENSION_ADJ.has(nx.w) || (nx.kind === TokenKind.Punct && nx.w !== "-" && nx.w !== "/")) return { unit: "m", n: 1 };
    return undefined;
  }
  for (const [words, unit] of MULTI_WORD_UNITS) {
    if (j + words.length <= hi && words.every((w, i) => atoms[j + i]!.w === w)) return { unit, n: words.length };
  }
  // "a 45-acre farm", "a three-foot trip": a measure joined to its unit by a hyphen
  if (a.w === "-" && atoms[j + 1] && j + 1 < hi && a.start === atoms[j - 1]?.end && atoms[j + 1]!.start === a.end && HYPHEN_UNITS.has(hyphenUnit(atoms[j + 1]!.w))) {
    return { unit: UNIT_WORDS[hyphenUnit(atoms[j + 1]!.w)]!, n: 2 };
  }
  if (a.w in UNIT_PREFIX && atoms[j + 1] && j + 1 < hi && atoms[j + 1]!.w in UNIT_WORDS) {
    return { unit: UNIT_PREFIX[a.w]! + UNIT_WORDS[atoms[j + 1]!.w]!, n: 2 };
  }
  // "20 (kg)", "20 [kg]": a unit symbol in brackets, as tables and spec sheets write it
  const close = BRACKETS[a.w];
  if (close && j + 2 < hi && atoms[j + 2]!.w === close && atoms[j + 1]!.w in UNIT_WORDS && !AGE_UNITS.has(atoms[j + 1]!.w)) {
    return { unit: UNIT_WORDS[atoms[j + 1]!.w]!, n: 3 };
  }
  // 'a pen 10" long': the inch mark before a dimension word
  if ((a.w === '"' || a.w === "″") && j > 0 && atoms[j - 1]!.kind === TokenKind.Number && DIMENSION_ADJ.has(atoms[j + 1]?.w ?? "")) return { unit: "in", n: 1 };
  if (a.w in UNIT_WORDS) {
    // "pounds" is money only with "sterling" (handled by the number reader); a lone "m" is read above
    return { unit: UNIT_WORDS[a.w]!, n: 1 };
  }
  return undefined;
}

/** The counted noun phrase from atom j on: "North Korean troops", "soldiers in uniform", "Russian soldiers killed". */
function countedFrom(text: string, atoms: readonly Atom[], j: number, hi: number, skipOf: boolean): { text: string; end: number } | undefined {
  if (skipOf && atoms[j]?.w === "of") {
    j++;
    while (j < hi && DETERMINERS.has(atoms[j]!.w)) j++;
    // "of Russia's", "of North Korea's": a possessive name is part of the phrase
  }
  while (j < hi && NP_SKIP.has(atoms[j]!.w)) j++;
  const words: Atom[] = [];
  let k = j;
  let head = false;
  for (; k < hi && words.length < 6; k++) {
    const a = atoms[k]!;
    if (a.kind !== TokenKind.Word) {
      // a possessive inside the phrase: "Ukraine's", written as its own "'s" token
      if (a.w === "'s" && words.length) {
        words.push(a);
        continue;
      }
      break;
    }
    if (a.w === "'s" && words.length) {
      words.push(a);
      continue;
    }
    // "systems.The": a missing space after a full stop glued two sentences into one token
    const glued = /\.\p{Lu}/u.exec(text.slice(a.start, a.end));
    if (glued) {
      words.push({ ...a, end: a.start + glued.index });
      k++;
      break;
    }
    // "24 military and terrorist events": adjectives joined before their head noun
    if ((a.w === "and" || a.w === "or") && words.length > 0 && !head && k + 1 < hi && isWord(atoms[k + 1]) && !STOP.has(atoms[k + 1]!.w)
      && !isParticiple(atoms[k + 1]!.w)) {
      words.push(a);
      continue;
    }
    // "US troops": a capitalised abbreviation is a name, not the pronoun
    // a cue verb ends the phrase ("300 people said"), but not a plural noun spelled like one ("28 African states")
    if ((STOP.has(a.w) && !a.caps) || CUE_VERBS.has(a.w) && words.length > 0 && !a.w.endsWith("s")) break;
    if (VERBS.has(a.w) && !isParticiple(a.w) && !isCapital(text, a)) break;
    if (isParticiple(a.w) && !isCapital(text, a)) {
      // "wounded soldiers" (an adjective) goes on; "half a million injured." (a nominal) ends the phrase
      const nx = atoms[k + 1];
      const coordinated = nx && (nx.w === "and" || nx.w === "or") && isWord(atoms[k + 2]) && !STOP.has(atoms[k + 2]!.w);
      const nominal = !coordinated && (!nx || k + 1 >= hi || nx.kind !== TokenKind.Word || STOP.has(nx.w));
      if (words.length === 0 && nominal) {
        words.push(a);
        k++;
        head = true;
        break;
      }
      if (words.length > 0) break;
    }
    if (/ing$/.test(a.w) && words.length > 0 && a.w.length > 5) break;
    words.push(a);
    // a plural ends the phrase, capitalised too when a name runs into it ("27 EU Member States", "263 dead Crimeans")
    if (endsLikePlural(a.w) && (!isCapital(text, a) || words.length > 1 || a.w.endsWith("ans"))) {
      head = true;
      k++;
      break;
    }
  }
  if (!words.length) return undefined;
  let out = text.slice(words[0]!.start, words[words.length - 1]!.end);
  // "rounds of ammunition", "kilometres of Russian territory": one "of" + noun phrase (no determiner)
  if (atoms[k]?.w === "of" && k + 1 < hi && isWord(atoms[k + 1]) && !STOP.has(atoms[k + 1]!.w) && !PRONOUNS.has(atoms[k + 1]!.w)) {
    const tail = countedFrom(text, atoms, k + 1, hi, false);
    if (tail) return { text: out + " of " + tail.text, end: tail.end };
  }
  // "soldiers in uniform", "people in custody"
  const p = atoms[k];
  const o = atoms[k + 1];
  const after = atoms[k + 2];
  if (head && p && o && k + 1 < hi && BARE_PP.has(p.w) && isWord(o) && !STOP.has(o.w) && !isCapital(text, o)
    && (!after || k + 2 >= hi || after.kind !== TokenKind.Word || STOP.has(after.w))) {
    out += " " + p.w + " " + text.slice(o.start, o.end);
    k += 2;
  }
  // the event: "soldiers have been killed", "people displaced", "troops were deployed"
  let e = k;
  while (e < hi && AUX.has(atoms[e]!.w) && e - k < 4) e++;
  const ev = atoms[e];
  if (ev && e < hi && isWord(ev) && isParticiple(ev.w) && !isCapital(text, ev) && !CUE_VERBS.has(ev.w) && !AUX.has(ev.w)) {
    out += " " + ev.w;
    k = e + 1;
  }
  return { text: out, end: k };
}

// ---------------------------------------------------------------------------------------------
// Attribution (the fallback when no quote covers the figure)

interface Attribution {
  span: Span;
  name: string;
  /** where the cue is, for choosing the nearest */
  at: number;
}

/** A source's noun phrase ending at atom `end - 1`, read leftwards: "Ukraine's main intelligence service". */
function subjectBefore(text: string, atoms: readonly Atom[], end: number, lo: number): Span | undefined {
  let k = end - 1;
  while (k >= lo && (SUBJECT_ADVERBS.has(atoms[k]!.w) || /ly$/.test(atoms[k]!.w) && atoms[k]!.w.length > 4 && !isCapital(text, atoms[k]!))) k--;
  // a passive cue ("is estimated", "were reported") has no subject source
  if (k >= lo && BE.has(atoms[k]!.w) && atoms[k]!.w !== "'s") return undefined;
  // "…, a senior official, who added that": the relative pronoun stands for the phrase before its comma
  if (k - 1 >= lo && (atoms[k]!.w === "who" || atoms[k]!.w === "which") && atoms[k - 1]!.w === ",") return subjectBefore(text, atoms, k - 1, lo);
  const last = k;
  let n = 0;
  for (; k >= lo && n < 7; k--, n++) {
    const a = atoms[k]!;
    if (a.w === "'s" || a.w === "'") continue;
    // "the S&P 500", "the Group of 20": a number inside a capitalised name
    if (a.kind === TokenKind.Number && !(k - 1 >= lo && isCapital(text, atoms[k - 1]!))) break;
    if (a.kind !== TokenKind.Word) {
      // "U.S." is one word token; a dot or dash inside a name is not a boundary
      break;
    }
    if (SUBJECT_STOP.has(a.w) && !(NAME_INNER.has(a.w) && k + 1 <= last && isCapital(text, atoms[k + 1]!) && k - 1 >= lo && isCapital(text, atoms[k - 1]!))) break;
    if (/ly$/.test(a.w) && !isCapital(text, a) && a.w.length > 4) break;
  }
  let first = k + 1;
  while (first <= last && (LEFT_TRIM.has(atoms[first]!.w) || atoms[first]!.w === "'s")) first++;
  if (first > last) return undefined;
  return [atoms[first]!.start, atoms[last]!.end];
}

/** A source's noun phrase starting at atom `from`, read rightwards: "according to the Defence Ministry", "said Maria Novak". */
function subjectAfter(text: string, atoms: readonly Atom[], from: number, hi: number, namesOnly: boolean): Span | undefined {
  let k = from;
  while (k < hi && LEFT_TRIM.has(atoms[k]!.w)) k++;
  const first = k;
  for (; k < hi && k - first < 7; k++) {
    const a = atoms[k]!;
    if (a.w === "'s" && k > first) continue;
    if (a.kind !== TokenKind.Word) break;
    if (NAME_INNER.has(a.w) && k > first && isCapital(text, atoms[k - 1]!) && atoms[k + 1] && k + 1 < hi && isCapital(text, atoms[k + 1]!)) continue;
    if (SUBJECT_STOP.has(a.w) || STOP.has(a.w) && !PRONOUNS.has(a.w)) break;
    if (namesOnly && !isCapital(text, a) && !PRONOUNS.has(a.w)) break;
    if (PRONOUNS.has(a.w) && k > first) break;
    if (PRONOUNS.has(a.w)) {
      k++;
      break;
    }
  }
  if (k === first) return undefined;
  return [atoms[first]!.start, atoms[k - 1]!.end];
}

/** Attributions in atoms [lo, hi): cue verbs with their subjects, and "according to X". */
function attributions(text: string, atoms: readonly Atom[], lo: number, hi: number): Attribution[] {
  const out: Attribution[] = [];
  for (let c = lo; c < hi; c++) {
    const w = atoms[c]!.w;
    if (w === "according" && atoms[c + 1]?.w === "to") {
      const span = subjectAfter(text, atoms, c + 2, hi, false);
      if (span) out.push({ span, name: text.slice(span[0], span[1]), at: atoms[c]!.start });
      continue;
    }
    let cueEnd = -1;
    if (CUE_VERBS.has(w)) cueEnd = c + 1;
    else {
      for (const phrase of CUE_PHRASES.get(w) ?? []) {
        if (phrase.every((p, x) => atoms[c + x]?.w === p)) cueEnd = c + phrase.length;
      }
    }
    if (cueEnd < 0) continue;
    // cue verbs are written in lower case ("the United States" is no "states")
    if (isCapital(text, atoms[c]!)) continue;
    // a cue word used as a noun inside the subject ("U.S. estimates suggest") is taken by the next cue
    const nxt = atoms[c + 1];
    if (nxt && c + 1 < hi && CUE_VERBS.has(nxt.w) && !INVERTING.has(w)) continue;
    // a plural noun spelled like a verb: "the latest reports, …", "the guarantor states of …"
    if (NOUNY_CUES.has(w) && nxt && c + 1 < hi && (nxt.kind === TokenKind.Punct || NOUN_AFTER.has(nxt.w))) continue;
    const before = subjectBefore(text, atoms, c, lo);
    if (before) {
      out.push({ span: before, name: text.slice(before[0], before[1]), at: atoms[c]!.start });
      continue;
    }
    if (INVERTING.has(w) && (c === lo || atoms[c - 1]!.kind === TokenKind.Punct || OPEN_QUOTES.has(atoms[c - 1]!.w) || CLOSE_QUOTES.has(atoms[c - 1]!.w) || atoms[c - 1]!.w === '"')) {
      const after = subjectAfter(text, atoms, c + 1, hi, false);
      if (after) out.push({ span: after, name: text.slice(after[0], after[1]), at: atoms[c]!.start });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Quotation-mark spans in [from, to): straight quotes pair in order, curly ones by direction. */
function quotedSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (open < 0) open = i;
      else {
        out.push([open + 1, i]);
        open = -1;
      }
    } else if (ch === "\u201C" || ch === "\u00AB") open = i;
    else if ((ch === "\u201D" || ch === "\u00BB") && open >= 0) {
      out.push([open + 1, i]);
      open = -1;
    }
  }
  // a quotation left open runs to the end of its paragraph (continued quotes)
  if (open >= 0) out.push([open + 1, to]);
  return out;
}

/** Index of the sentence containing offset `pos` (sentences sorted). */
function sentenceAt(sents: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sents.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sents[mid]!.span[0] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface QuantityContext {
  text: string;
  sentences: readonly Sentence[];
  atomsOfSentence(i: number): Atom[];
  paragraphs: readonly { span: Span }[];
  quotes: readonly Quote[];
  times: readonly Time[];
  entities: readonly Entity[];
  mentions: readonly { span: Span }[];
}

function refFor(ctx: QuantityContext, span: Span, name: string, lastPerson: (() => Ref | undefined) | undefined): Ref | undefined {
  const low = name.toLowerCase();
  if (PRONOUNS.has(low)) {
    const p = low === "he" || low === "she" ? lastPerson?.() : undefined;
    return p ? { ...p, span } : undefined;
  }
  for (const e of ctx.entities) {
    for (const m of e.mentions) {
      if (m[0] < span[1] && span[0] < m[1] && m[1] - m[0] >= (span[1] - span[0]) * 0.6) return { entity: e.id, name: e.name, span };
    }
  }
  return { name, span };
}

/** Per-document caches, so that every figure costs a bounded amount of work (hostile input stays linear). */
class Lookups {
  private readonly quoted = new Map<number, Span[]>();
  private readonly attrs = new Map<number, Attribution[]>();
  constructor(private readonly ctx: QuantityContext) {}

  paragraphAt(pos: number): number {
    const ps = this.ctx.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid]!.span[0] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return ps[lo]!.span[0] <= pos && pos < ps[lo]!.span[1] ? lo : -1;
  }

  quotedIn(pi: number): Span[] {
    let q = this.quoted.get(pi);
    if (!q) {
      const p = this.ctx.paragraphs[pi]!.span;
      q = quotedSpans(this.ctx.text, p[0], p[1]);
      this.quoted.set(pi, q);
    }
    return q;
  }

  /** Attributions of a sentence, at most MAX_ATTRIBUTIONS (real sentences have one or two). */
  attributionsOf(si: number): Attribution[] {
    let a = this.attrs.get(si);
    if (!a) {
      const atoms = this.ctx.atomsOfSentence(si);
      a = attributions(this.ctx.text, atoms, 0, atoms.length).slice(0, MAX_ATTRIBUTIONS);
      this.attrs.set(si, a);
    }
    return a;
  }
}

const MAX_ATTRIBUTIONS = 16;
/** How many sentences back a "he"/"she" source looks for its name. */
const PRONOUN_REACH = 4;
/** A digit or a number word somewhere: sentences without one are skipped before tokens are read. */
const NUMBERISH = new RegExp(
  "\\d|[½⅓⅔¼¾⅛]|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" +
    "eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|" +
    "trillions?|dozens?|half|third|thirds|quarters?|fifths?|tens|scores|several|few|couple)\\b", "gi");
/** Figures read per sentence: a real sentence has a handful; a longer run is a table or hostile input. */
const MAX_FIGURES = 64;

/** Where the quotation around `pos` is attributed: the cue after its closing mark, else before its opening. */
function quotationSource(ctx: QuantityContext, look: Lookups, pos: number): Attribution | undefined {
  const pi = look.paragraphAt(pos);
  if (pi < 0) return undefined;
  const para = ctx.paragraphs[pi]!.span;
  const quoted = look.quotedIn(pi);
  const q = quoted.find((s) => s[0] <= pos && pos < s[1]);
  if (!q) return undefined;
  const outside = (p: number): boolean => !quoted.some((s) => s[0] <= p && p < s[1]);
  const tryAt = (at: number, after: boolean): Attribution | undefined => {
    if (at < para[0] || at >= para[1]) return undefined;
    const found = look.attributionsOf(sentenceAt(ctx.sentences, at))
      .filter((x) => (after ? x.at > at : x.at < at) && outside(x.span[0]) && outside(x.at));
    if (!found.length) return undefined;
    return after ? found[0] : found[found.length - 1];
  };
  return tryAt(q[1], true) ?? tryAt(q[0] - 1, false);
}

/** Runs the figure rules on one document's layers. */
export function extractQuantities(ctx: QuantityContext, nextId: () => string): Quantity[] {
  const { text, sentences } = ctx;
  const out: Quantity[] = [];
  const look = new Lookups(ctx);
  let ti = 0;
  const times = [...ctx.times].sort((a, b) => a.span[0] - b.span[0]);
  const blocked: Span[] = [
    ...ctx.times.filter((t) => t.type !== "SET").map((t) => t.span),
    ...ctx.mentions.map((m) => m.span),
    ...phoneNumbers(text),
  ].sort((a, b) => a[0] - b[0]);
  let bi = 0;
  let nextHit = -1;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si]!;
    // cheap test first: most sentences have no digit and no number word
    // the next hit is remembered, so the text is searched once in all (not once per sentence)
    if (nextHit < sent.span[0]) {
      NUMBERISH.lastIndex = sent.span[0];
      nextHit = NUMBERISH.exec(text)?.index ?? Infinity;
    }
    if (nextHit >= sent.span[1]) continue;
    const atoms = ctx.atomsOfSentence(si);
    const matches = refineMatches(text, atoms, scanNumbers(atoms).slice(0, MAX_FIGURES));
    if (!matches.length) continue;
    const attrs = look.attributionsOf(si);
    // "he"/"she" as a source: the last named source in the sentences before (looked up only when needed)
    const lastPerson = (): Ref | undefined => {
      for (let b = si - 1; b >= Math.max(0, si - PRONOUN_REACH); b--) {
        const found = look.attributionsOf(b);
        for (let x = found.length - 1; x >= 0; x--) {
          const at = found[x]!;
          const n = at.name.split(/\s+/);
          if (n.length <= 4 && n.every((w) => /^\p{Lu}/u.test(w))) return refFor(ctx, at.span, at.name, undefined);
        }
      }
      return undefined;
    };
    let estimateAt = -1;
    for (const a of atoms) if (ESTIMATE_CUES.has(a.w)) {
      estimateAt = a.start;
      break;
    }
    while (ti < times.length && times[ti]!.span[1] <= sent.span[0]) ti++;
    while (bi < blocked.length && blocked[bi]![1] <= sent.span[0]) bi++;
    const figures: Figure[] = [];
    const hi = atoms.length;
    for (let mi = 0; mi < matches.length; mi++) {
      const m = matches[mi]!;
      // numbers inside a date, a duration the time stage owns, or a name ("Group of Seven")
      let inBlocked = false;
      for (let b = bi; b < blocked.length && blocked[b]![0] < m.end; b++) {
        if (blocked[b]![1] > m.start) {
          inBlocked = true;
          break;
        }
      }
      if (inBlocked) continue;
      // ranges: "between 10,000 and 12,000", "10,000-12,000", "10,000 to 12,000", "two or three"
      const n2 = matches[mi + 1];
      let hiM: NumberMatch | undefined;
      if (n2 && n2.first === m.last + 1 && (m.kind === n2.kind || m.kind === "cardinal" && n2.kind !== "vague")) {
        const sep = atoms[m.last]!;
        const between = m.first > 0 && (atoms[m.first - 1]!.w === "between" || atoms[m.first - 1]!.w === "from");
        const dash = (sep.w === "-" || sep.w === "\u2013" || sep.w === "~") && (sep.start === m.end) === (n2.start === sep.end);
        // "2014-2015", "1932-33": years, not a range of amounts
        const years = m.plain && m.value >= 1100 && m.value <= 2100 && n2.plain && (n2.value >= 1100 && n2.value <= 2100 || /^\d\d$/.test(atoms[n2.first]!.w));
        if (years) {
          mi++;
          continue;
        }
        // "won 3-2", "voted 51-49", "6-4, 3-6": a score or a tally, not a range (a range is written
        // low to high, and a score sits among words of winning, losing and voting)
        if (dash && m.plain && n2.plain && m.value < 1000 && n2.value < 1000) {
          const after = atoms[n2.last];
          const countedAfter = after && after.kind === TokenKind.Word && !SCORE_NOUNS.has(after.w) && !STOP.has(after.w);
          if (n2.value <= m.value || (!countedAfter && SCORE_CONTEXT.test(text.slice(sent.span[0], sent.span[1])))) {
            mi++;
            continue;
          }
        }
        if (dash
          && n2.value > m.value * 0 && !(atoms[n2.last]?.w === "-" && atoms[n2.last]!.start === n2.end)
          && !(atoms[m.first - 1]?.w === "-" && atoms[m.first - 1]!.end === m.start)) hiM = n2;
        else if ((sep.w === "to" || sep.w === "through") && (between || n2.value > m.value)) hiM = n2;
        else if (sep.w === "and" && between) hiM = n2;
        else if (sep.w === "or" && m.spelled && n2.spelled && n2.value > m.value) hiM = n2;
      }
      if (!hiM) {
        const why = excluded(text, atoms, m, 0, hi);
        if (why) continue;
      } else if (AGE_UNITS.has(atoms[hiM.last]?.w ?? "") && (atoms[hiM.last + 1]?.w === "old" || atoms[hiM.last + 1]?.w === "of" && atoms[hiM.last + 2]?.w === "age")) {
        // "40 - 50 years old": an age range, dropped as a single age is
        mi++;
        continue;
      } else if (m.first > 0 && MONTHS.has(atoms[m.first - 1]!.w) && isCapital(text, atoms[m.first - 1]!)) {
        // "September 23-27": days of a month
        mi++;
        continue;
      }
      const lastM = hiM ?? m;
      let first = m.first;
      let last = lastM.last;
      let bound: Bound = hiM ? "range" : "exact";
      if (!hiM) {
        const b = boundBefore(atoms, m.first, 0);
        if (b && !(b.bound === "approx" && atoms[m.first - b.n]!.w === "some" && m.kind === "vague")) {
          bound = b.bound;
          first -= b.n;
        }
        const a = boundAfter(atoms, last, hi);
        if (a) {
          if (bound === "exact") bound = a.bound;
          last += a.n;
        }
        if (m.kind === "vague") bound = "approx";
      } else if (atoms[m.first - 1]?.w === "between" || atoms[m.first - 1]?.w === "from") first--;
      if (bound === "exact" && estimateAt >= 0 && estimateAt < m.start) bound = "approx";
      figures.push({ m, hi: hiM, first, last, bound });
      if (hiM) mi++;
    }
    for (const f of figures) {
      const lastM = f.hi ?? f.m;
      // "a 300-strong force": the size of what follows
      if (atoms[f.last]?.w === "-" && atoms[f.last + 1]?.w === "strong" && atoms[f.last]!.start === atoms[f.last - 1]!.end) f.last += 2;
      let unit: string | undefined = lastM.currency ?? f.m.currency ?? lastM.unit ?? lastM.percentUnit;
      // "10km/hr", "50 km/ms": a glued length with its time
      const glueRate = lastM.unit ? rateAt(atoms, f.last, hi, lastM.unit) : undefined;
      if (glueRate) {
        unit = glueRate.unit;
        f.last += glueRate.n;
      }
      let j = f.last;
      let counted: string | undefined;
      // "hundreds of", "40% of", "half of", and the partitive "two of Ukraine's biggest banks"
      const skipOf = f.m.kind === "vague" || f.m.kind === "fraction" || f.m.kind === "percent" || f.m.scale > 1 && f.m.spelled
        || atoms[j]?.w === "of";
      if (!unit) {
        const ofVague = (f.m.kind === "vague" || f.m.kind === "fraction") && atoms[j]?.w === "of" ? 1 : 0;
        const u = unitAt(atoms, j + ofVague, hi, text);
        if (u) {
          unit = u.unit;
          const uFirst = j + ofVague;
          let k = uFirst + u.n;
          const rate = rateAt(atoms, k, hi, unit);
          if (rate) {
            unit = rate.unit;
            k += rate.n;
          }
          if (!ofVague) {
            f.last = k;
            const a = f.bound === "exact" ? boundAfter(atoms, k, hi) : undefined;
            if (a) {
              f.bound = a.bound;
              k += a.n;
              f.last = k;
            }
          }
          // the measured thing keeps its unit word: "kilometres of Russian territory", "40 kg or more of explosives"
          const unitText = text.slice(atoms[uFirst]!.start, atoms[uFirst + u.n - 1]!.end);
          const tail = atoms[k]?.w === "of" ? countedFrom(text, atoms, k, hi, true) : undefined;
          counted = tail ? `${unitText} of ${tail.text}` : subjectCounted(text, atoms, f.first) ?? unitText;
        }
      }
      if (counted === undefined) {
        const c = countedFrom(text, atoms, j, hi, skipOf || !!unit);
        counted = c?.text;
        f.countedEnd = c ? atoms[c.end - 1]?.end : undefined;
      }
      // money is counted by what it pays for: "$4 billion in military aid", "spend €2m on new plants"
      if (counted === undefined && lastM.currency && MONEY_PP.has(atoms[j]?.w ?? "")) {
        let k = j + 1;
        while (k < hi && DETERMINERS.has(atoms[k]!.w)) k++;
        counted = countedFrom(text, atoms, k, hi, false)?.text;
      }
      // prices: "$100 a barrel", "250 euros per megawatt hour"
      if (counted === undefined && lastM.currency && (atoms[j]?.w === "per" || atoms[j]?.w === "a" || atoms[j]?.w === "an")) {
        const per = countedFrom(text, atoms, j + 1, hi, false);
        if (per) counted = "per " + per.text;
      }
      // a figure in the predicate counts its subject: "inflation fell to 2.4%", "the death toll rose to 40"
      if (counted === undefined) counted = subjectCounted(text, atoms, f.first);
      // "an annual budget of ¥6.82 trillion", "an increase of 26 per cent": the noun the figure measures
      if (counted === undefined && f.first > 0 && atoms[f.first - 1]!.w === "of") counted = nounsBefore(text, atoms, f.first - 1);
      // "convert - 20 degrees fahrenheit": a temperature keeps a minus sign written apart from it
      const minus = atoms[f.first - 1];
      const beforeMinus = atoms[f.first - 2];
      if ((unit === "°C" || unit === "°F") && !f.hi && f.first === f.m.first && f.m.value > 0 && minus && (minus.w === "-" || minus.w === "\u2212")
        && (!beforeMinus || beforeMinus.kind === TokenKind.Word && !isCapital(text, beforeMinus))) {
        f.m = { ...f.m, value: -f.m.value };
        f.first--;
      }
      f.unit = unit;
      f.counted = counted;
    }
    // "5 ft 2 in": after feet, a bare number and "in" that ends the clause is inches (elsewhere "in" is the preposition)
    for (let x = 0; x + 1 < figures.length; x++) {
      const f = figures[x]!;
      const g = figures[x + 1]!;
      const after = atoms[g.last + 1];
      if (f.unit === "ft" && !g.unit && !g.hi && g.first === f.last && g.last === g.m.last && atoms[g.last]?.w === "in"
        && (!after || g.last + 1 >= hi || after.kind === TokenKind.Punct || after.w === "more" || after.w === "tall" || after.w === "long")) {
        g.unit = "in";
        g.last++;
        g.counted = undefined;
      }
    }
    // compound amounts: "3 dollars 50 cents", "thirteen dollars and forty-five cents", "5 feet 2 inches" are one figure
    for (let x = 0; x + 1 < figures.length; x++) {
      const f = figures[x]!;
      const g = figures[x + 1]!;
      const gap = g.first - f.last;
      if (f.hi || g.hi || f.bound !== "exact" || g.bound !== "exact" || !f.unit || !g.unit) continue;
      if (!(gap === 0 || gap === 1 && atoms[f.last]!.w === "and")) continue;
      const per = /^[A-Z]{3}$/.test(f.unit) && (g.unit === "¢" || g.unit === "p" && f.unit === "GBP") ? 100
        : MINOR_UNITS[`${f.unit} ${g.unit}`];
      if (!per || g.m.value >= per) continue;
      f.add = g.m.value / per;
      f.last = g.last;
      figures.splice(x + 1, 1);
    }
    for (const f of figures) {
      const start = atoms[f.first]!.start;
      const end = atoms[f.last - 1]!.end;
      const span: Span = [start, end];
      const q: Quantity = {
        id: nextId(),
        text: text.slice(start, end),
        span,
        bound: f.bound,
        source: "quantities",
      };
      if (f.hi) {
        let low = f.m.value;
        const high = f.hi.value;
        // "between 10 and 12 million": the scale of the second number carries over to the first
        if (f.hi.scale > 1 && f.m.scale === 1 && low * f.hi.scale <= high) low *= f.hi.scale;
        q.low = low;
        q.high = high;
      } else q.value = f.add ? f.m.value + f.add : f.m.value;
      if (f.unit) q.unit = f.unit;
      if (f.counted) q.counted = f.counted;
      // claimant: the quote that contains the figure, else the quotation's attribution, else the sentence's
      let quote = ctx.quotes.find((x) => x.span[0] <= start && end <= x.span[1]);
      // reported speech can wrap another attribution ("X claims …, according to Y, who added that 7,000 …"):
      // the nearer source inside it is the figure's claimant
      if (quote && quote.kind !== "direct" && attrs.some((x) => x.at > quote!.span[0] && x.at < start && x.span[0] >= quote!.span[0])) quote = undefined;
      if (quote) q.quote = quote.id;
      if (quote?.speaker) q.claimant = quote.speaker;
      else {
        // no quote, or one the quote stage could not attribute: the figure stage's own reading
        const qs = quotationSource(ctx, look, start);
        let attr: { span: Span; name: string } | undefined = qs;
        if (!attr) {
          // a source that is the counted thing itself ("two-thirds of voters said") is not its claimant
          const cEnd = f.countedEnd ?? end;
          const own = (x: Attribution): boolean => x.span[0] < cEnd && start < x.span[1];
          const before = attrs.filter((x) => x.at < start && !own(x));
          const afterA = attrs.filter((x) => x.at >= end && !own(x));
          attr = before.length ? before[before.length - 1] : afterA[0];
        }
        if (attr) {
          const ref = refFor(ctx, attr.span, attr.name, lastPerson);
          if (ref) q.claimant = ref;
        }
      }
      // time: the nearest date of the same sentence
      let best: Time | undefined;
      let bestD = Infinity;
      for (let t = ti; t < times.length && times[t]!.span[0] < sent.span[1]; t++) {
        const tm = times[t]!;
        // vague references ("PAST_REF", "FUTURE_REF") date nothing
        if ((tm.type !== "DATE" && tm.type !== "TIME") || !/^\d/.test(tm.value)) continue;
        if (tm.span[0] < end && start < tm.span[1]) continue;
        const d = tm.span[0] >= end ? tm.span[0] - end : start - tm.span[1];
        if (d < bestD) {
          bestD = d;
          best = tm;
        }
      }
      if (best) q.time = best.value;
      out.push(q);
    }
  }
  return out;
}

export const quantities: Stage = {
  name: "quantities",
  kind: "extractor",
  requires: ["token", "quote", "time", "entity"],
  provides: ["quantity"],
  run(doc: Document) {
    const table = doc.get("token");
    const sents = doc.get("sentence");
    const cache = new Map<number, Atom[]>();
    const ctx: QuantityContext = {
      text: doc.text,
      sentences: sents,
      atomsOfSentence(i) {
        let a = cache.get(i);
        if (!a) {
          checkDeadline(doc); // once per sentence read
          const s = sents[i]!;
          a = splitGlued(doc.text, atomsOf(doc.text, table, s.tokenStart, s.tokenEnd), isMeasure);
          cache.set(i, a);
        }
        return a;
      },
      paragraphs: doc.maybe("paragraph"),
      quotes: doc.maybe("quote"),
      times: doc.maybe("time"),
      entities: doc.maybe("entity"),
      mentions: doc.maybe("mention").filter((m) => m.type !== "NORP"),
    };
    doc.set("quantity", extractQuantities(ctx, () => doc.nextId("n")));
  },
};
