// Calendar arithmetic and news-convention anchoring for TIMEX3 values (weeks, seasons, tense-directed lookup).

/** A calendar day in UTC; all arithmetic is done on whole days so time zones never shift a date. */
export interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

export function parseDay(iso: string | undefined): Day | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : undefined;
}

const toUTC = (x: Day): Date => new Date(Date.UTC(x.y, x.m - 1, x.d));
const fromUTC = (t: Date): Day => ({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });

export const dayValue = (x: Day): string => `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
export const monthValue = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;

export function addDays(x: Day, n: number): Day {
  const t = toUTC(x);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUTC(t);
}

export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (k % 12) + 1];
}

/** 0 = Sunday … 6 = Saturday (chrono's and JavaScript's numbering). */
export const weekdayOf = (x: Day): number => toUTC(x).getUTCDay();

/** ISO 8601 week value, e.g. "2024-W43": weeks start on Monday, week 1 holds the first Thursday. */
export function isoWeek(x: Day): string {
  const t = toUTC(x);
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const dayOfYear = Math.round((t.getTime() - Date.UTC(year, 0, 1)) / 86400000);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${pad(week)}`;
}

export type Direction = "past" | "future";
/** A direction, or "nearest" when the sentence has no tense cue to go by. */
export type Lean = Direction | "nearest";

/**
 * The weekday `wd` nearest the reference in `dir`. News reports the past, so a bare weekday is the
 * most recent one at or before publication (the same day counts: "on Saturday" in a Saturday paper
 * is today); in a future-tense clause it is the next one from publication, again counting the same
 * day ("will vote on Tuesday" in a Tuesday paper is today). `strict` excludes the same day ("last
 * Friday", "next Friday").
 */
export function resolveWeekday(ref: Day, wd: number, dir: Direction, strict = false): Day {
  const cur = weekdayOf(ref);
  if (dir === "past") {
    let back = (cur - wd + 7) % 7;
    if (back === 0 && strict) back = 7;
    return addDays(ref, -back);
  }
  let fwd = (wd - cur + 7) % 7;
  if (fwd === 0 && strict) fwd = 7;
  return addDays(ref, fwd);
}

/** A bare month: the most recent such month at or before publication, or the next one for the future. */
export function resolveMonth(ref: Day, month: number, dir: Lean, strict = false): number {
  const pastYear = month < ref.m || (month === ref.m && !strict) ? ref.y : ref.y - 1;
  const futureYear = month > ref.m || (month === ref.m && !strict) ? ref.y : ref.y + 1;
  const pastGap = (ref.y - pastYear) * 12 + ref.m - month;
  const futureGap = (futureYear - ref.y) * 12 + month - ref.m;
  // (a month far off on the tense's side is not flipped as a day and month is: on TBAQ it gained 2
  // of 1,822 but turned clear past-tense reports, "cut 4,000 jobs in January" in October, forward)
  if (dir === "past") return pastYear;
  if (dir === "future") return futureYear;
  // no tense to go by: the nearer one, the past on a tie (news reports what happened)
  return futureGap < pastGap ? futureYear : pastYear;
}

/**
 * "last May", "next March", "this September": the named month strictly before or after publication's
 * month (this one: in publication's year). The month just before is "last month" in news, so "last
 * February" in a March paper is a year further back (TBAQ: all 16 "last/this <month>" agree).
 */
export function resolveNamedMonth(ref: Day, month: number, which: "last" | "next" | "this"): number {
  if (which === "this") return ref.y;
  if (which === "last") {
    const y = month < ref.m ? ref.y : ref.y - 1;
    return (ref.y - y) * 12 + ref.m - month === 1 ? y - 1 : y;
  }
  return month > ref.m ? ref.y : ref.y + 1;
}

/** Days from `a` to `b`. */
const daysBetween = (a: Day, b: Day): number => Math.round((toUTC(b).getTime() - toUTC(a).getTime()) / 86400000);

// News rarely names a day and month without a year when it lies more than about eight months away:
// past that distance the other side of publication is the likelier reading, whatever the tense. (Half
// a year was tried first; on TempEval-3's TBAQ training data 240 to 300 days scored best, 0.788 vs 0.786
// value F1, and no limit at all 0.779: "Oct. 23" in a May paper is usually last October.)
const HALF_YEAR = 240;

/** Day and month without a year: the side of publication the tense points to, unless that is over eight months off. */
export function resolveDayMonth(ref: Day, month: number, day: number, dir: Lean): number {
  const before = month < ref.m || (month === ref.m && day <= ref.d);
  const pastYear = before ? ref.y : ref.y - 1;
  const futureYear = before && !(month === ref.m && day === ref.d) ? ref.y + 1 : ref.y;
  const pastGap = daysBetween({ y: pastYear, m: month, d: day }, ref);
  const futureGap = daysBetween(ref, { y: futureYear, m: month, d: day });
  if (dir === "past") return pastGap > HALF_YEAR && futureGap < HALF_YEAR ? futureYear : pastYear;
  if (dir === "future") return futureGap > HALF_YEAR && pastGap < HALF_YEAR ? pastYear : futureYear;
  // no tense: the nearer side, but news reports what happened, so a day only a little nearer ahead
  // ("its record high set on Aug. 6" in a February paper) still lies behind
  return futureGap * 1.25 < pastGap ? futureYear : pastYear;
}

/** TIMEX3 season codes and the month each season starts in (northern-hemisphere meteorological seasons). */
export const SEASONS: Record<string, [string, number]> = {
  spring: ["SP", 3], summer: ["SU", 6], autumn: ["FA", 9], fall: ["FA", 9], winter: ["WI", 12],
};

/** Year a season belongs to; winter is named by the year its December falls in. */
export function resolveSeason(ref: Day, start: number, dir: Direction, mode: "bare" | "this" | "last" | "next"): number {
  // the season in progress at publication (or the last one that started)
  const started = start <= ref.m;
  // winter runs into the next year: in January a "this winter" is the one that began last December
  const inProgressYear = start === 12 && ref.m <= 2 ? ref.y - 1 : ref.y;
  const current = start === 12 ? (ref.m === 12 || ref.m <= 2) : ref.m >= start && ref.m < start + 3;
  const lastStartedYear = start === 12 ? (ref.m === 12 ? ref.y : ref.y - 1) : started ? ref.y : ref.y - 1;
  switch (mode) {
    case "this":
      // "this summer" is the one of publication's year, gone or to come ("this winter" in January: the
      // one under way)
      return current ? inProgressYear : start === 12 && ref.m <= 2 ? ref.y - 1 : ref.y;
    case "last":
      // the last completed one
      return current ? (start === 12 ? inProgressYear - 1 : ref.y - 1) : lastStartedYear;
    case "next":
      return current ? inProgressYear + 1 : lastStartedYear + 1;
    default:
      return dir === "past" || current ? (current ? inProgressYear : lastStartedYear) : lastStartedYear + 1;
  }
}

// Tense cues around a time expression (scheduling verbs in the present, "the summit opens on
// Monday", point forward as news uses them). The nearest cue wins: in "said on Thursday it will…" the
// date belongs to "said"; in "will meet on Thursday to discuss the proposed deal" to "will".
// ("next to" is a place; "until" mostly sets a deadline ahead, "given until Tuesday"; a travel verb in the
// present, "Arafat meet separately Monday", "the president leaves Tuesday", is a schedule, but not "to meet
// demand"; "returns" and "heads" are left out, mostly nouns in business news)
const FUTURE_CUE = /\b(?:will|shall|won't|wo n't|'ll|going to|due to|set to|scheduled(?: to| for)?|expected to|plans? to|planning to|intends? to|upcoming|next(?!\s+to\b)|is to|are to|expected|scheduled|planned|slated|due|must|should|would|might|as soon as|until|opens|begins|starts|resumes|convenes|kicks off|takes place|expires|(?<!\bto\s)meet|meets|visits|travels|leaves|arrives|flies)\b/gi;
// the modal in lower case only: "in May" is a month
const MAY_CUE = /\bmay\b/gu;
// A plan reported in the pluperfect lies behind us: "had been due to expire Friday"
const PLUPERFECT_BEFORE = /\bhad(?:\s+been)?\s+$/i;
// (the -ed ending is matched case-sensitively: under an i flag \p{Ll} matches capitals too, and
// "United States" read as a past tense)
// Irregular past forms of the verbs news reports with ("met Monday", "fled on Sunday", "held talks"), in
// lower case: a verb in the simple past dates the clause as surely as a regular "-ed" form. Forms that are
// also present tenses or nouns ("set", "cut", "hit", "put", "read", "left", "lead") are left out.
const IRREGULAR_PAST = [
  "went", "came", "took", "made", "gave", "met", "held", "began", "fell", "rose", "sold", "bought", "won", "lost", "led",
  "struck", "broke", "spoke", "wrote", "brought", "thought", "found", "sent", "spent", "paid", "became", "flew", "fled",
  "drove", "saw", "knew", "stood", "fought", "sought", "caught", "felt", "heard", "built", "chose", "drew", "grew",
  "threw", "arose", "swept", "sank", "stole", "withdrew", "upheld", "overthrew", "got", "kept", "taken", "given",
  "gone", "seen", "done", "written", "spoken", "chosen", "shown", "known", "begun", "fallen", "risen",
];
const PAST_CUE = new RegExp(String.raw`\b(?:[Ss]aid|[Ss]ays|[Tt]old|[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|[Hh]as been|[Hh]ave been|ago|[Ll]ast|[Ee]arlier|${IRREGULAR_PAST.join("|")}|\p{Ll}{2,}ed)\b`, "gu");
const IRREGULAR = new Set(IRREGULAR_PAST);
const UN_PARTICIPLE = /^un\p{Ll}{3,}ed$/u;
const ATTRIBUTIVE_PLAN = /^(?:planned|scheduled|expected)$/i;
// a determiner or an adverb in -ly right before the participle ("the planned sale", "a hastily planned trip")
const ATTRIBUTIVE_BEFORE = /\b(?:the|a|an|its|their|his|her|\p{Ll}{3,}ly)\s+$/iu;
const NOT_PAST_ED = /^(?:need|speed|feed|seed|proceed|exceed|succeed|indeed|bed|red|shed|breed|bleed|expected|scheduled|planned|slated)$/i;

interface TenseCue {
  start: number;
  end: number;
  dir: Direction;
}
// Cues of the last sentence looked at: a sentence usually holds several time expressions. Sorted by
// end and by start, so the nearest cue on each side is a binary search (a scan of every cue for
// every expression was quadratic in a sentence of thousands of dates).
let memoText = "";
let memoByEnd: TenseCue[] = [];
let memoByStart: TenseCue[] = [];

function tenseCues(sentence: string): void {
  if (sentence === memoText) return;
  const cues: TenseCue[] = [];
  for (const [re, dir] of [[PAST_CUE, "past"], [FUTURE_CUE, "future"], [MAY_CUE, "future"]] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      // "were planning to", "was due to": a plan reported in the past still points ahead (the plan's
      // own words are future cues)
      if (dir === "past" && /^[Ww]as$|^[Ww]ere$/.test(m[0]) && /^\s+(?:planning|going|due|scheduled|expected|set|slated|about)\s+to\b/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
      if (dir === "past" && ((m[0].length > 3 && m[0].endsWith("ed")) || IRREGULAR.has(m[0]))) {
        if (NOT_PAST_ED.test(m[0])) continue;
        // "markets untouched by the crisis", "an unnamed official": a negated participle is an adjective, not a verb
        if (UN_PARTICIPLE.test(m[0])) continue;
        // a passive participle takes its tense from the auxiliary ("will be unveiled")
        if (/\b(?:be|been|being)\s+$/i.test(sentence.slice(Math.max(0, m.index - 7), m.index))) continue;
      }
      // "given until Tuesday" sets a deadline ahead, but a clause opened by "Until Thursday, they had not…"
      // takes its tense from its own verb
      if (m[0] === "Until") continue;
      let d: Direction = dir;
      if (dir === "future") {
        const left = sentence.slice(Math.max(0, m.index - 30), m.index);
        // "the hastily planned trip", "the expected sale": a plan named as an attribute of a noun dates nothing
        if (ATTRIBUTIVE_PLAN.test(m[0]) && ATTRIBUTIVE_BEFORE.test(left)) continue;
        if (/^(?:due|scheduled|expected|planned|slated|set)/i.test(m[0]) && PLUPERFECT_BEFORE.test(left)) d = "past";
      }
      cues.push({ start: m.index, end: m.index + m[0].length, dir: d });
    }
  }
  memoText = sentence;
  memoByEnd = [...cues].sort((a, b) => a.end - b.end);
  memoByStart = cues.sort((a, b) => a.start - b.start);
}

/** Index of the first item whose `key` is ≥ `x` in a list sorted by `key`. */
function lowerBound(list: readonly TenseCue[], key: "start" | "end", x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![key] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// How far from a time expression a quotation mark is looked for between it and its tense cue
const QUOTE_REACH = 200;

/** The direction of the closest tense cue to `[start, end)` in `sentence`, "nearest" when there is none. */
export function tenseNear(sentence: string, start: number, end: number): Lean {
  // "since March" reaches back whatever the verb: "was scheduled to return" after it is another plan
  if (/\bsince\s+(?:(?:early|late|mid)[\s-]+)?$/i.test(sentence.slice(Math.max(0, start - 16), start))) return "past";
  tenseCues(sentence);
  // inside the expression itself ("next week") the expression decides on its own, so only cues
  // ending at or before it or starting at or after it count
  let best = Infinity;
  let dir: Lean = "nearest";
  const consider = (w: number, d: Direction): void => {
    // past wins ties
    if (w < best || (w === best && d === "past")) {
      best = w;
      dir = d;
    }
  };
  // the cues ending closest before the expression (all of them sharing that end; a cue touching
  // the expression is part of it)
  const b = lowerBound(memoByEnd, "end", start) - 1;
  for (let i = b; i >= 0 && memoByEnd[i]!.end === memoByEnd[b]!.end; i--) {
    const c = memoByEnd[i]!;
    // before the start of a quotation likewise ("said: ``On Thursday we")
    // (only a bounded stretch is looked at: a run-on sentence of thousands of dates stays linear)
    if (/["“]|``/.test(sentence.slice(Math.max(c.end, start - QUOTE_REACH), start))) continue;
    // a cue before the expression binds a bit more tightly than one after it
    consider(start - c.end, c.dir);
  }
  const a = lowerBound(memoByStart, "start", end + 1);
  for (let i = a; i < memoByStart.length && memoByStart[i]!.start === memoByStart[a]!.start; i++) {
    const c = memoByStart[i]!;
    // past the end of a quotation the verb is the reporter's ("will leave Thursday,'' Castro said")
    if (/["”]|''/.test(sentence.slice(end, Math.min(c.start, end + QUOTE_REACH)))) continue;
    consider((c.start - end) * 1.5, c.dir);
  }
  return dir;
}

/** The `n`-th (1-based; -1 = last) weekday `wd` of a month. */
function nthWeekday(y: number, m: number, wd: number, n: number): Day {
  if (n > 0) {
    const first = weekdayOf({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + 7 * (n - 1) };
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lastWd = weekdayOf({ y, m, d: last });
  return { y, m, d: last - ((lastWd - wd + 7) % 7) };
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easter(y: number): Day {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** Fixed and movable holidays news dates events by (US federal ones and the Christian calendar's main feasts). */
export const HOLIDAYS: Record<string, (y: number) => Day> = {
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  "christmas": (y) => ({ y, m: 12, d: 25 }),
  "christmas day": (y) => ({ y, m: 12, d: 25 }),
  "christmas eve": (y) => ({ y, m: 12, d: 24 }),
  "independence day": (y) => ({ y, m: 7, d: 4 }),
  "halloween": (y) => ({ y, m: 10, d: 31 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  "thanksgiving": (y) => nthWeekday(y, 11, 4, 4),
  "thanksgiving day": (y) => nthWeekday(y, 11, 4, 4),
  "labor day": (y) => nthWeekday(y, 9, 1, 1),
  "memorial day": (y) => nthWeekday(y, 5, 1, -1),
  // US federal elections: the Tuesday after the first Monday of November
  "election day": (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  "easter": easter,
  "easter sunday": easter,
  "good friday": (y) => addDays(easter(y), -2),
};

/** The holiday's date nearest publication in the direction given (the same day counts either way). */
export function resolveHoliday(ref: Day, date: (y: number) => Day, dir: Direction): Day {
  const cmp = (a: Day, b: Day): number => a.y - b.y || a.m - b.m || a.d - b.d;
  const thisYear = date(ref.y);
  // a holiday a few days off is the one meant whatever the tense ("as Easter week began" in the week
  // before Easter): news does not reach a year back or ahead for it
  if (Math.abs(daysBetween(ref, thisYear)) <= 7) return thisYear;
  if (dir === "past") return cmp(thisYear, ref) <= 0 ? thisYear : date(ref.y - 1);
  return cmp(thisYear, ref) >= 0 ? thisYear : date(ref.y + 1);
}
