// Figure series: quantity claims about one measured thing grouped across articles, per claimant, with disagreements flagged.
import type { Bound } from "../core/record.js";
import type { QuantityRow } from "../store/store.js";
import { countryOf, foldName } from "./names.js";

/** Words that do not change what is counted. */
const STOP_WORDS = new Set([
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "and", "by", "with", "who", "which", "that", "have", "has",
  "had", "been", "were", "was", "be", "being", "are", "is", "some", "more", "than", "about", "around", "nearly", "almost",
  "over", "under", "up", "least", "total", "number", "estimated", "their", "its", "his", "her", "since", "so", "far", "as",
  "many", "all", "other", "additional", "another", "new", "s",
  // Verbs of presence: troops "massed", "deployed" or "stationed" near a border are one count, the troops there.
  "massed", "amassed", "deployed", "stationed", "gathered", "concentrated", "positioned", "involved", "prepared", "present", "based",
]);

/** Words that name one counted thing differently: troops are soldiers, deaths are people killed. */
const SYNONYMS: Record<string, string> = {
  troop: "soldier", serviceman: "soldier", servicemen: "soldier", servicemember: "soldier", personnel: "soldier",
  fighter: "soldier", military: "soldier", army: "soldier",
  dead: "killed", death: "killed", died: "killed", die: "killed", fatality: "killed", life: "killed", slain: "killed",
  injured: "wounded", injury: "wounded", injure: "wounded",
  casualty: "casualty",
  russia: "russian", ukraine: "ukrainian", korea: "korean", america: "american", belarus: "belarusian", britain: "british",
};

/** Lower-case words without accents or punctuation (no name folding: "killed" must stay "killed"). */
function plainWords(text: string): string[] {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/['’]s\b/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Plural → singular by the common English endings (enough for counted nouns: soldiers, casualties, lives). */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ves")) return `${word.slice(0, -3)}fe`;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The words of a counted thing, lemmatised, synonyms merged, stop words out: "Russian troops killed" → killed russian soldier. */
export function countedTerms(counted: string): string[] {
  const words = plainWords(counted.replace(/\bU\.S\.(?=\s|$)/g, "American").replace(/\bU\.K\.(?=\s|$)/g, "British"));
  const terms = new Set<string>();
  for (const w of words) {
    // Single letters are debris of abbreviations ("U" of a split "U.S."), not what is counted.
    if (w.length < 2 || STOP_WORDS.has(w) || /^\d+$/.test(w)) continue;
    const lemma = singular(w);
    terms.add(SYNONYMS[w] ?? SYNONYMS[lemma] ?? lemma);
  }
  // "killed or wounded" is what "casualties" means.
  if (terms.has("killed") && terms.has("wounded")) {
    terms.delete("killed");
    terms.delete("wounded");
    terms.add("casualty");
  }
  terms.delete("or");
  return [...terms].sort();
}

/** Prepositions that end the head of a counted phrase: "North Korean troops | in Russia". */
const HEAD_END = new Set(["in", "into", "at", "on", "from", "near", "inside", "across", "to", "along", "within", "outside", "since", "during", "per", "against"]);

/** The terms of the counted phrase before its first place or time complement. */
export function headTerms(counted: string): string[] {
  const words = plainWords(counted);
  const cut = words.findIndex((w, i) => i > 0 && HEAD_END.has(w));
  return countedTerms(cut > 0 ? words.slice(0, cut).join(" ") : counted);
}

/** Words that name who is counted by country ("Russian", "North Korean"): the ones a query must not ignore. */
function isCountryTerm(term: string): boolean {
  return term === "north" || term === "south" || term === "korean" || countryOf(term) !== undefined;
}

/** Words that say what happened to those counted: troops are not troops killed. */
const OUTCOME_TERMS = new Set(["killed", "wounded", "casualty", "captured", "missing", "evacuated", "displaced"]);

/**
 * Units, currencies and magnitudes: a "counted thing" made only of these ("dollars", "kilometers", "times",
 * "billion") says how something is measured, not what, so its figures form no series (every sum of money would
 * otherwise be one series, and every pair of sums a disagreement).
 */
const MEASURE_ONLY = new Set([
  "dollar", "dlr", "usd", "euro", "eur", "pound", "sterling", "yen", "yuan", "renminbi", "rouble", "ruble", "hryvnia", "hryvnya",
  "rupee", "franc", "zloty", "lira", "won", "peso", "real", "rand", "krona", "krone", "shekel", "dinar", "riyal", "dirham", "cent",
  "percent", "pct", "per", "cent", "point", "percentage", "time", "fold",
  "kilometer", "kilometre", "km", "mile", "meter", "metre", "foot", "feet", "yard", "inch", "hectare", "acre", "square",
  "ton", "tonne", "kilogram", "kg", "gram", "barrel", "liter", "litre", "gallon", "bpd",
  "year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
  "hundred", "thousand", "million", "mln", "billion", "bln", "trillion", "dozen", "lakh", "crore",
]);

export function countedKey(counted: string): string {
  const terms = countedTerms(counted);
  return terms.every((t) => MEASURE_ONLY.has(t)) ? "" : terms.join(" ");
}

export interface FigurePoint {
  /** the day the figure is as of: its own time when precise enough, else the article's publication date */
  date?: string;
  /** the figure's own TIMEX3 time, when it has one */
  time?: string;
  /** the article's publication date (a figure "since January 1" is as of this day, not of its own time) */
  published?: string;
  value?: number;
  low?: number;
  high?: number;
  bound: Bound;
  text: string;
  counted: string;
  /** who claims it, resolved across articles when a resolver is given; absent when the article does not say */
  claimant?: string;
  articleId: string;
  quantityId: string;
  outlet?: string;
  url?: string;
  title?: string;
}

export interface ClaimantSummary {
  claimant: string;
  figures: number;
  latest: FigurePoint;
  /** smallest and largest figure the claimant gave */
  min: number;
  max: number;
}

export interface Disagreement {
  a: FigurePoint;
  b: FigurePoint;
  reason: string;
}

export interface FigureSeries {
  key: string;
  /** the most used wording of the counted thing */
  label: string;
  terms: string[];
  /** the terms before a place or time complement ("in Russia"): who is counted and what happened to them */
  head: string[];
  points: FigurePoint[];
  claimants: ClaimantSummary[];
  /** the first `maxDisagreements` disagreements, in time order */
  disagreements: Disagreement[];
  /** how many disagreements there are in all (more than listed when the cap cut the list) */
  disagreementCount: number;
}

export interface SeriesOptions {
  /** maps a claimant as written to a canonical name (cross-article resolution) */
  resolveClaimant?: (name: string) => string | undefined;
  /** relative tolerance around an "about" figure (0.2: about 100 fits 80–120) */
  approxTolerance?: number;
  /** relative tolerance around an exact figure (counts get revised a little) */
  exactTolerance?: number;
  /** days by which two figures' times may miss each other and still count as the same time */
  windowDays?: number;
  /** at most this many disagreements are listed per series (default 100); all are counted */
  maxDisagreements?: number;
}

/** Claimants that are words, not sources: a figure "claimed" by them is unattributed. */
const NOT_A_CLAIMANT = new Set(["we", "i", "he", "she", "they", "it", "you", "us", "them", "report", "data", "reports", "figures", "statement"]);

const DAY = 86_400_000;

/** The days a TIMEX3 value or ISO date covers: [first, last] as epoch ms, or undefined if it names no calendar span. */
export function timeInterval(value: string | undefined): [number, number] | undefined {
  if (!value) return undefined;
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    return [t, t];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [Date.UTC(+m[1]!, +m[2]! - 1, 1), Date.UTC(+m[1]!, +m[2]!, 1) - DAY];
  m = /^(\d{4})$/.exec(value);
  if (m) return [Date.UTC(+m[1]!, 0, 1), Date.UTC(+m[1]! + 1, 0, 1) - DAY];
  return undefined;
}

/** The span of values a figure allows, given its bound. */
export function valueInterval(p: Pick<FigurePoint, "value" | "low" | "high" | "bound">, options: SeriesOptions = {}): [number, number] | undefined {
  const approx = options.approxTolerance ?? 0.2;
  const exact = options.exactTolerance ?? 0.02;
  const v = p.value;
  switch (p.bound) {
    case "range":
      if (p.low !== undefined && p.high !== undefined) return [p.low, p.high];
      return v === undefined ? undefined : [v, v];
    case "lower":
      return v === undefined && p.low === undefined ? undefined : [p.low ?? v!, Infinity];
    case "upper":
      return v === undefined && p.high === undefined ? undefined : [0, p.high ?? v!];
    case "approx":
      return v === undefined ? undefined : [v * (1 - approx), v * (1 + approx)];
    default:
      return v === undefined ? undefined : [v * (1 - exact), v * (1 + exact)];
  }
}

function pointFrom(row: QuantityRow, options: SeriesOptions): FigurePoint {
  const raw = row.claimant?.trim();
  const claimant = raw && !NOT_A_CLAIMANT.has(foldName(raw)) ? (options.resolveClaimant?.(raw) ?? raw) : undefined;
  const own = timeInterval(row.time);
  // A figure's own time counts when it is a day or a month; a year or "PAST_REF" says less than the dateline.
  const precise = own && own[1] - own[0] <= 31 * DAY;
  const date = precise ? new Date(own[0]).toISOString().slice(0, 10) : row.published?.slice(0, 10);
  const p: FigurePoint = {
    date, time: row.time, published: row.published?.slice(0, 10), value: row.value, low: row.low, high: row.high, bound: row.bound, text: row.text,
    counted: row.counted ?? "", claimant, articleId: row.articleId, quantityId: row.quantityId, outlet: row.outlet, url: row.url, title: row.title,
  };
  for (const k of Object.keys(p) as (keyof FigurePoint)[]) if (p[k] === undefined) delete p[k];
  return p;
}

/** The time a point speaks for, as an interval (its own time if a day or month, else the day it was published). */
function pointTime(p: FigurePoint): [number, number] | undefined {
  const own = timeInterval(p.time);
  if (own && own[1] - own[0] <= 31 * DAY) return own;
  return timeInterval(p.date);
}

function describe(p: FigurePoint): string {
  return `${p.claimant ?? "?"}: ${p.text}${p.date ? ` (${p.date})` : ""}`;
}

/**
 * Flags pairs of figures from different claimants, for overlapping times, whose allowed values cannot both be true.
 * Points are swept in time order so only pairs within the window are compared (a big series is not quadratic),
 * and the list stops at `maxDisagreements` while the count goes on.
 */
export function findDisagreements(points: FigurePoint[], options: SeriesOptions = {}): { listed: Disagreement[]; count: number } {
  const window = (options.windowDays ?? 3) * DAY;
  const max = options.maxDisagreements ?? 100;
  const listed: Disagreement[] = [];
  let count = 0;
  const usable = points
    .map((p) => ({ p, t: pointTime(p), v: valueInterval(p, options) }))
    .filter((x): x is { p: FigurePoint; t: [number, number]; v: [number, number] } => Boolean(x.p.claimant && x.t && x.v))
    .sort((a, b) => a.t[0] - b.t[0]);
  for (let i = 0; i < usable.length; i++) {
    const a = usable[i]!;
    for (let j = i + 1; j < usable.length; j++) {
      const b = usable[j]!;
      // Sorted by start: once b starts after a's end plus the window, no later point overlaps a either.
      if (b.t[0] - window > a.t[1]) break;
      if (a.p.claimant === b.p.claimant) continue;
      if (a.t[0] - window > b.t[1]) continue;
      if (a.v[1] < b.v[0] || b.v[1] < a.v[0]) {
        count++;
        if (listed.length < max) listed.push({ a: a.p, b: b.p, reason: `${describe(a.p)} vs ${describe(b.p)}: no value satisfies both` });
      }
    }
  }
  return { listed, count };
}

/** The numbers a figure states: its value, or both ends of a range. */
function statedValues(p: FigurePoint): number[] {
  return [p.value, p.low, p.high].filter((v): v is number => v !== undefined);
}

/** One claim per article: the same figure from the same claimant repeated in one article (or a headline and body) counts once. */
function pointIdentity(p: FigurePoint): string {
  return [p.articleId, p.claimant ?? "", p.bound, p.value ?? "", p.low ?? "", p.high ?? ""].join("\u0000");
}

/** Groups figures by what they count into series, each with its points in date order, per-claimant summaries and disagreements. */
export function buildSeries(rows: QuantityRow[], options: SeriesOptions = {}): FigureSeries[] {
  const groups = new Map<string, { points: FigurePoint[]; seen: Set<string>; wordings: Map<string, number> }>();
  for (const row of rows) {
    if (!row.counted) continue;
    const key = countedKey(row.counted);
    if (!key) continue;
    const g = groups.get(key) ?? { points: [], seen: new Set<string>(), wordings: new Map<string, number>() };
    const point = pointFrom(row, options);
    if (g.seen.has(pointIdentity(point))) continue;
    g.seen.add(pointIdentity(point));
    g.points.push(point);
    g.wordings.set(row.counted, (g.wordings.get(row.counted) ?? 0) + 1);
    groups.set(key, g);
  }
  const series: FigureSeries[] = [];
  for (const [key, g] of groups) {
    const points = g.points.sort((a, b) => ((a.date ?? "") < (b.date ?? "") ? -1 : (a.date ?? "") > (b.date ?? "") ? 1 : 0));
    const byClaimant = new Map<string, FigurePoint[]>();
    for (const p of points) if (p.claimant) byClaimant.set(p.claimant, [...(byClaimant.get(p.claimant) ?? []), p]);
    const claimants: ClaimantSummary[] = [...byClaimant].map(([claimant, ps]) => {
      const values = ps.flatMap(statedValues);
      return { claimant, figures: ps.length, latest: ps[ps.length - 1]!, min: Math.min(...values), max: Math.max(...values) };
    }).sort((a, b) => b.figures - a.figures || (a.claimant < b.claimant ? -1 : 1));
    const label = [...g.wordings].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0];
    const { listed, count } = findDisagreements(points, options);
    series.push({ key, label, terms: key.split(" "), head: headTerms(label), points, claimants, disagreements: listed, disagreementCount: count });
  }
  return series.sort((a, b) => b.points.length - a.points.length || (a.key < b.key ? -1 : 1));
}

/**
 * The series about `query`: those with every term of the query ("russian soldiers killed" finds "Russian troops
 * killed in Bakhmut"), whose head names no other country when the query names one ("russian troops" does not
 * find "North Korean troops in Russia") and no outcome the query leaves out ("troops" does not find "troops killed").
 */
export function matchSeries(series: FigureSeries[], query: string): FigureSeries[] {
  const wanted = countedTerms(query);
  if (!wanted.length) return [];
  const queryHasCountry = wanted.some(isCountryTerm);
  return series.filter((s) =>
    wanted.every((t) => s.terms.includes(t)) &&
    s.head.every((t) => wanted.includes(t) || !(OUTCOME_TERMS.has(t) || (queryHasCountry && isCountryTerm(t)))));
}
