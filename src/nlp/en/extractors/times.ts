// Time expressions as TIMEX3 values: chrono-node for calendar dates and clock times, own rules for news relatives, seasons, years and durations.
// The English locale alone: the package root loads every locale, a tenth of a CPU-second at start-up.
import * as chrono from "chrono-node/en";
import type { Time } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { checkDeadline, type Stage } from "../../../core/pipeline.js";
import type { Span, TimeType } from "../../../core/record.js";
import {
  HOLIDAYS, SEASONS, addDays, addMonths, dayValue, isoWeek, monthValue, pad, parseDay, resolveDayMonth, resolveHoliday,
  resolveMonth, resolveNamedMonth, resolveSeason, resolveWeekday, tenseNear, type Day, type Direction, type Lean,
} from "./times-calendar.js";

/** A proposed time expression, in sentence-relative or absolute offsets depending on the caller. */
export interface TimeFound {
  span: Span;
  value: string;
  type: TimeType;
  source: string;
  /** resolved against the publication date (dropped when there is none) */
  relative: boolean;
  /** "the following year", "that month": counted from the date last mentioned, not from publication */
  anchored?: { unit: "year" | "month" | "day"; shift: number; narrative?: boolean; weekday?: { wd: number; dir: Direction } };
}

// chrono is used only for what it does well (explicit calendar dates, clock times, month names);
// relative phrases, weekdays and durations follow news conventions better with our own rules, and
// dropping chrono's other parsers removes its "a week after" / "now" false positives at the source.
const CHRONO_PARSERS = new Set([
  "ENYearMonthDayParser", "ISOFormatParser", "SlashDateFormatParser", "ENMonthNameLittleEndianParser",
  "ENMonthNameMiddleEndianParser", "ENWeekdayParser", "ENTimeExpressionParser", "ENYearMonthNameParser",
  "ENMonthNameParser",
]);
let parser: chrono.Chrono | undefined;
function chronoParser(): chrono.Chrono {
  if (!parser) {
    parser = chrono.casual.clone();
    parser.parsers = parser.parsers.filter((p) => CHRONO_PARSERS.has(p.constructor.name));
    // our own anchoring decides past or future; chrono must not push dates forward
    parser.refiners = parser.refiners.filter((r) => r.constructor.name !== "ForwardDateRefiner");
  }
  return parser;
}

/**
 * A gate: words one of which every match of a rule's regex holds (`re`, a case-insensitive alternation of them), so
 * that the rule's costly regex is skipped in most sentences. `SentenceGates.has` answers without a scan: true when the
 * sentence holds every letter triple (a two-letter word: pair) of one of the words, from bits gathered in one pass,
 * which `re` matching implies. It may say true where `re` would not (the triples apart, or two triples sharing a
 * bit); the rule's own regex then finds nothing, so the rules find the same as with `re` as gate.
 */
interface WordGate { readonly re: RegExp; readonly keys: readonly (readonly number[])[] }
// letters (either case) 1-26, digits 27-36, anything else 0
const charCode = (c: number): number => (c >= 97 && c <= 122 ? c - 96 : c >= 65 && c <= 90 ? c - 64 : c >= 48 && c <= 57 ? c - 21 : 0);
/** bit of a letter pair: below 37 * 37 */
const pairBit = (a: number, b: number): number => a * 37 + b;
/** bit of a letter triple, hashed into TRIPLE_BITS bits after the pairs' */
const TRIPLE_BITS = 4096;
const tripleBit = (a: number, b: number, c: number): number => 37 * 37 + ((Math.imul((a * 37 + b) * 37 + c, 0x9e3779b1) >>> 20) & (TRIPLE_BITS - 1));
const GATE_WORDS = Math.ceil((37 * 37 + TRIPLE_BITS) / 32);
function wordGate(re: RegExp): WordGate {
  const keys = re.source.split("|").map((w) => {
    const c = [...w].map((ch) => charCode(ch.charCodeAt(0)));
    // a word with another character (none yet) is never ruled out
    if (c.includes(0) || c.length < 2) return [];
    if (c.length === 2) return [pairBit(c[0]!, c[1]!)];
    const out: number[] = [];
    for (let i = 2; i < c.length; i++) out.push(tripleBit(c[i - 2]!, c[i - 1]!, c[i]!));
    return out;
  });
  return { re, keys };
}

/** The word gates of one sentence (see `WordGate`). */
// One bit table for all sentences (cleared per sentence): a fresh typed array per sentence cost more than the scan.
const GATE_SEEN = new Int32Array(GATE_WORDS);
class SentenceGates {
  private readonly seen = GATE_SEEN;
  /** "ſ" and the Kelvin sign fold to ASCII letters under /iu: a sentence holding one asks the regexes alone */
  private readonly folds: boolean = false;
  constructor(private readonly s: string) {
    const seen = this.seen;
    seen.fill(0);
    let a = 0;
    let b = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x17f || c === 0x212a) this.folds = true;
      const code = charCode(c);
      if (code !== 0 && b !== 0) {
        const p = pairBit(b, code);
        seen[p >> 5]! |= 1 << (p & 31);
        if (a !== 0) {
          const q = tripleBit(a, b, code);
          seen[q >> 5]! |= 1 << (q & 31);
        }
      }
      a = b;
      b = code;
    }
  }
  has(g: WordGate): boolean {
    if (this.folds) return g.re.test(this.s);
    const seen = this.seen;
    for (const word of g.keys) {
      let all = true;
      for (const p of word) {
        if ((seen[p >> 5]! & (1 << (p & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}

// Cheap gate: chrono only runs on sentences holding a capitalised month, a numeric date or a clock time.
const CHRONO_GATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\d{1,4}[/-]\d{1,2}\b|\d[:.]\d\d\s*(?:[ap]\.?m\b|GMT|UTC|ET|EST|EDT|BST|CET)|\d\s*[ap]\.m\.|\d\s*[ap]m\b|\bnoon\b|\bmidnight\b|\b\d{1,2}:\d\d\b/u;
// Gate for our own rules: any temporal word or a four-digit year.
const RULE_GATE =
  /\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|year|month|week|weekend|day|days|decades?|century|centuries|hours?|minutes?|(?:last|next|this)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:twen|thir|for|fif|six|seven|eigh|nine)ties|['’]\d0s|spring|summer|autumn|fall|winter|quarter|today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening)|last night|recent(?:ly)?|current(?:ly)?|now|soon|future|past|midday|morning|afternoon|evening|near term|short term|while|some time|later date|coming|ahead|daily|weekly|monthly|annually|yearly|nightly|half|nineteen|thousand|period|christmas|easter|thanksgiving|halloween|new year|independence day|election day|labor day|memorial day|valentine|good friday|(?:every|each)\s|(?:1[89]|20)\d\d)/i;

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, half: 0.5,
};
const UNIT_CODE: Record<string, string> = {
  minute: "M", hour: "H", day: "D", week: "W", month: "M", quarter: "Q", year: "Y", decade: "DE", century: "CE",
};
// decades and centuries are written in years, as TimeBank does ("the past decade" = P10Y)
const UNIT_YEARS: Record<string, number> = { decade: 10, century: 100 };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const PART_OF_DAY: Record<string, string> = { evening: "TEV" };
const SET_PART_OF_DAY: Record<string, string> = { morning: "TMO", afternoon: "TAF", evening: "TEV", night: "TNI" };
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

const NUM = String.raw`(?:\d+(?:\.\d+|\s+1/2)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|several|a few|few|many|a couple of|couple of)`;
const UNIT = String.raw`(minute|hour|day|week|month|year|decade|century)(?:s|ies)?`;

// "two and a half years", "a year and a half", "five-year", "three weeks"
const DURATION_RE = new RegExp(
  String.raw`\b(${NUM})(?:\s+(and\s+(?:a\s+)?half))?[\s-]+(?:(?:more|other|long|full|additional|extra|trading|business|working)\s+)?${UNIT}(?:\s+(and\s+a\s+half))?\b(-old)?`,
  "gi",
);
// a duration counted back from publication: "three days ago"
const AGO_AFTER = /^\s+(?:or\s+so\s+)?ago\b/i;
const EARLIER_AFTER = /^\s+earlier\b/i;
// words before an article-only duration ("for a week", "as long as a month", "the end of a week") that make it
// a span of time, not a rate ("$5 a day")
const ARTICLE_DURATION_LEFT =
  /\b(?:for|over|than|about|nearly|almost|within|in|after|least|past|last|just|only|barely|first|entire|whole|around|roughly|some|under|up to|(?:long|short|little)\s+as|of)\s+$/i;

const REL_UNIT_RE =
  /\b(?:(earlier|later|late|early|mid)[\s-]+)?(this|last|next|past|coming|previous|following|prior|current)\s+(?:fiscal\s+)?(week|weekend|month|year|quarter|decade|century)\b/gi;
const DURATION_PAST_RE =
  /\b(?:the|over the|in the|during the)\s+(?:(past|last|next|coming|previous|following)\s+)(?:(\d+|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|few|several|couple of)\s+)?(hour|day|week|month|quarter|year|decade)s?\b/gi;
// fiscal quarters: "the third quarter", "fourth-quarter", "the first quarter of 2024", "the latest quarter"
const QUARTER_RE =
  /\b(?:(?:the|its|a)\s+)?(?:(?:comparable|corresponding)\s+)?(?:(?:((?:19|20)\d\d)|(this|last|next)\s+year['’]s|(year[-\s](?:ago|earlier)))\s+)?(?:(?:fiscal|calendar)\s+)?(?:(first|second|third|fourth|latest|current|most recent|previous|last|same)[\s-]+)?quarter\b(?!-to-)(?:\s+of\s+((?:19|20)\d\d)\b)?/gi;
// Comparisons with the same period a year before: "a year ago", "a year earlier", "year-earlier
// results", "the year-ago period". Financial reports compare a quarter with the same quarter a year
// before, so the stage re-dates these to the quarter under discussion when one was just named.
// ("the year-earlier nine months" is that many months a year back: a duration, as TimeBank writes it)
const YEAR_AGO_ADJ_RE = /\b(?:the\s+(?:(?:comparable|corresponding|same)\s+)?)?year-(?:ago|earlier)(?:\s+(period)|\s+(three|six|nine|\d{1,2})\s+months)?\b/gi;
// "the corresponding period last year", "the comparable period a year earlier": the period under
// discussion a year back, like "the year-ago period"
const CORRESPONDING_PERIOD_RE =
  /\bthe\s+(?:corresponding|comparable|same)\s+period\s+(?:(?:of|in)\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:ago|earlier))\b/gi;
// "the quarter ended July 31": a fiscal quarter named by its last day, dated as the calendar quarter
// holding most of its three months (the one of its middle month)
const QUARTER_ENDED_AFTER = /^\s+(?:that\s+)?end(?:ed|ing)\s+(Jan|Feb|March|Mar|April|Apr|May|June|Jun|July|Jul|Aug|Sept|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b/i;
// "will one day be", "he one day follow": a modal or a subject pronoun before, a verb after
const ONE_DAY_FUTURE_LEFT = /\b(?:will|would|could|might|may|can|shall|he|she|they|we|I|you|it)\s+$/;
const ONE_DAY_FUTURE_AFTER = /^\s+(?!(?:after|before|later|earlier|ago|of|in|and|or)\b)\p{Ll}+/u;
// "in the latest fiscal year": the last complete one, the year before publication's
const LATEST_YEAR_RE = /\bthe\s+(?:latest|most\s+recent)\s+(?:fiscal\s+)?year\b(?!\s+end)/gi;
// "day-long", "week-long", "decades-long" (the plural: some number of them)
const LONG_ADJ_RE = /\b(minute|hour|day|week|month|year|decade)(s)?-long\b/gi;
// "the 1988 period": a reporting period of that year, dated like the quarter under discussion
const YEAR_PERIOD_RE = /\bthe\s+((?:19|20)\d\d)\s+period\b/gi;
// a bare plural unit after a preposition: "for years", "the first time in decades"
const BARE_PLURAL_RE = /\b(?:for|in|over|within|after)\s+(days|weeks|months|years|decades)\b/gi;
// "over the years", "in the years that followed", "in the early years": some years, however many (TIMEX3 PXY);
// "the weeks before the shooting" dates an event instead, and "the years to come", "the years ahead" are the future
const THE_YEARS_RE =
  /\b(?:over|in|during|throughout|through)\s+(the\s+(?:early\s+|intervening\s+|following\s+)?(years|decades))\b(?!\s+(?:before|after|of|to\s+come|ahead|since|between|leading)\b)/gi;
const SET_ADVERB_RE = /\b(hourly|daily|weekly|monthly|annually|yearly|nightly)\b/gi;
const WEEKEND_RE = /\b(?:over|during|on|at|(ahead\s+of))\s+the\s+weekend\b/gi;
// "for the week", "the week's most active session": a market week, its number not stated (TIMEX3 WXX)
const THE_WEEK_RE = /\bthe\s+week\b(?=['’]s\b|\s*[,.;])/gi;
const SEASON_RE =
  /\b(?:(this|last|next|the|this past)\s+)?(?:(?:early|late|mid)[\s-]+)?(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?((?:1[89]|20)\d\d)\b)?/gi;
const WEEKDAY_RE =
  /\b(?:(noon|midnight)\s+)?(?:(last|next|this|past|coming|this past|previous|following)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(s)?(?:\s+(morning|afternoon|evening|night)(s)?)?\b/g;
// "at midday", "by mid-afternoon", "late morning yesterday": a part of a day (TIMEX3 TMO, TAF, TEV)
// ("in the early morning hours of Thursday" belongs to Thursday)
const DAY_PART_RE = /\b(?:(midday)|(mid|early|late)[\s-]?(morning|afternoon|evening))(?:\s+(yesterday|today|tomorrow))?\b(?!\s+(?:hours\s+)?of\b)/gi;
const DAY_WORD_RE = /\b(today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b/gi;
const YEAR_RE = /(?<![\d,.$£€¥#/:-])\b(?:(mid|early|late)[\s-]+)?((?:1[89]|20)\d\d)(s)?(?!\d|,\d|%|\.\d|[-–]\d)/g;
const VAGUE_RE =
  /\b(?:(?:in\s+)?recent\s+(?:days|weeks|months|years)(?:\s+(?:and|or)\s+(?:days|weeks|months|years))?|(?:in\s+)?coming\s+(?:days|weeks|months|years|quarters)|the\s+(?:days|weeks|months|years)\s+ahead|recently|currently|the\s+(?:near\s+)?future(?!\s+of\b)|the\s+(?:near|short)\s+term(?![\w-])|a\s+later\s+date|the\s+past)\b/gi;
// Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
const TENS = ["ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const SPOKEN_YEAR_RE = new RegExp(
  String.raw`\b(?:nineteen\s+(${TENS.join("|")})(?:[\s-](${ONES.join("|")}))?|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(${ONES.join("|")}))?)\b`,
  "giu",
);
// Every match of SPOKEN_YEAR_RE holds one of these words, matched under the same flags: a cheap test before the full scan
const SPOKEN_YEAR_WORDS = wordGate(/nineteen|thousand/iu);
const SPOKEN_COUNT_AFTER = /^\s+(?:(?!(?:has|was|is|does|says)\b)\p{Ll}+s|years|of)\b/u;
// "the latest period": the reporting period under discussion (a quarter in results news)
const LATEST_PERIOD_RE = /\bthe\s+(?:latest|most\s+recent)\s+period\b/gi;
// Named holidays: "Thanksgiving", "last Christmas", "Election Day 2020"
const HOLIDAY_RE = new RegExp(
  String.raw`\b(?:(last|next|this)\s+)?(${Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((h) => h.replace(/'/g, "['’]").replace(/ /g, "\\s+")).join("|")})\b(?:,?\s+((?:19|20)\d\d)\b)?`,
  "gi",
);
// "now" is the moment of writing (TIMEX3 PRESENT_REF), the conjunction "now that" too: it still says the
// state holds at the time of writing, and TimeBank marks it so (TBAQ: 3 of 3)
const NOW_RE = /\b(?:right\s+)?now\b|\bthese\s+days\b/gi;
// "soon" is some time to come (TIMEX3 FUTURE_REF) where the verb looks ahead ("may soon seek", "will be
// ready soon"); "soon after", "as soon as Tuesday" only link two events, and "was soon released" tells
// the past (TBAQ: 5 of 8 future-tense "soon" marked, 0 of 10 others)
const SOON_RE = /\bas\s+soon\s+as\s+possible\b|(?<!\bas\s)\bsoon\b(?!\s+(?:as|after|afterwards?|before|thereafter)\b)/gi;
const SOON_WORD = wordGate(/soon/i);
// "for the year", "the full year", "by the end of the year", "earlier in the year", "throughout the
// fiscal year": the year of publication, as financial news reports it (TBAQ: 6 of 6 annotated so);
// "the year ended Sept. 30" is a reporting year (above)
const THE_YEAR_RE =
  /\b(?:(?<=\b(?:for|of|in|during|throughout)\s+)the\s+(?:fiscal\s+)?year|the\s+full\s+year|the\s+end\s+of\s+the\s+year)\b(?!\s+(?:end(?:ed|ing)|earlier|ago|before|after|two|nineteen)\b)(?![-'’]|\s+\d)/gi;
// "by year-end", "around year end", "since year's end": the end of publication's year (the last one
// after "since"), the year as for "by the end of the year"; the compound "year-end" is the closing day
// itself, as TimeBank writes it (TBAQ: 2 of 2 "by/at year-end" are the 31st of December)
// (each lookbehind below sits after the words it guards, so it runs only where they matched: a leading lookbehind
// ending in \s+ is tried at every position and rescans whitespace runs, quadratic on long ones)
const YEAR_END_RE = /\b(?:the\s+)?year(?<=\b(by|around|at|before|until|till|through|since|after|near)\s+(?:the\s+)?year)(?:(-)|\s+|['’]s\s+)end\b(?![-\w])/gi;
// "that year", "later that year", "the same month": the year or month of the date last mentioned
const THAT_UNIT_RE = /\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(year|month)\b/gi;
// "the next day", "later that day", "the following morning": a day counted from the story's own time
// line (TimeML anchors them on the day last named, not on publication), valued as the day, as TimeBank
// mostly writes a day with its part ("Friday morning"). A bare "that day" is as often a generic day ("strong
// redemptions that day"), and "the day before" mostly dates an event named after it ("Nov. 3, the day
// before the warrant was issued"): both are left alone.
const THAT_DAY_RE =
  /\b(?:(later|earlier)\s+that(?:\s+same)?|that\s+same|the\s+(next|following|previous))\s+(?:day|morning|afternoon|evening|night)\b(?![-'’])/gi;
// "for a while", "for some time": a stretch of unknown length (TIMEX3 PXX)
const WHILE_RE = /\b(?:a\s+while|some\s+time)\b(?<=\bfor\s+(?:a\s+while|some\s+time))(?!\s+(?:now|to\s+come|ago|before|after|later)\b)/gi;
// "Today is the eighth day of Desert Shield": the day of writing, counted from an event's start
const NTH_DAY_RE = /\bthe(?<=\b(?:is|['’]s)\s+the)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+day(?=\s+of\b)/gi;
// "the 20th century" = 19, "the 11th century" = 10: TIMEX3 writes a century as its first two digits
const ORDINAL_CENTURY_RE = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century\b/gi;
// "the nineties", "the '80s": a decade of the twentieth century by its first three digits
const DECADE_WORDS = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
const DECADE_WORD_RE = new RegExp(String.raw`\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:(${DECADE_WORDS.join("|")})|['’]([2-9])0s)\b`, "gi");
// "last May", "next March", "this September" (chrono leaves "last May" alone: it guards the modal)
const NAMED_MONTH_RE =
  /\b(last|next|this)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/gi;
// "the year ended Sept. 30": a reporting year, a length of time (TimeBank: P1Y)
const YEAR_ENDED_RE = /\b(?:the\s+)?(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)/gi;
// "current market conditions", "his current wife": the present, as TimeBank marks the adjective (PRESENT_REF)
const CURRENT_ADJ_RE = /\bcurrent(?<!\bthen\s+current)(?=\s+\p{Ll})(?!\s+(?:fiscal|week|weekend|month|year|quarter|decade|century|period|account|events?|affairs)\b)/giu;
// Words every match of THE_YEAR_RE and CURRENT_ADJ_RE holds, under the same flags: cheap tests before the full scans
const YEAR_WORD = wordGate(/year/i);
// the same for QUARTER_RE, SEASON_RE, HALF_RE and WEEKEND_RE (all /gi, without u: ASCII letters match only ASCII)
const QUARTER_WORD = wordGate(/quarter/i);
const SEASON_WORD = wordGate(/spring|summer|autumn|fall|winter/i);
const HALF_WORD = wordGate(/half|quarters/i);
const WEEKEND_WORD = wordGate(/weekend/i);
// the same for the other /gi rules of `ownRules` (named beside each use): a word or piece of one every match holds
const PERIOD_WORD = wordGate(/period/i);
const PLURAL_UNIT_WORD = wordGate(/days|weeks|months|years|decades/i);
const WEEK_WORD = wordGate(/week/i);
const YEAR_MONTH_WORD = wordGate(/year|month/i);
const WHILE_WORD = wordGate(/while|time/i);
const DAY_WORD = wordGate(/day/i);
const DAY_PART_OR_DAY_WORD = wordGate(/day|morning|afternoon|evening|night/i);
const CENTURY_WORD = wordGate(/century/i);
// words every match of one rule holds, beside its unit word: the rule's regex then runs in far fewer sentences
const WEEKDAY_NAME_WORD = wordGate(/monday|tuesday|wednesday|thursday|friday|saturday|sunday/i);
const LONG_WORD = wordGate(/long/i);
const END_WORD = wordGate(/end/i);
const YEARS_DECADES_WORD = wordGate(/years|decades/i);
const PAST_NEXT_WORD = wordGate(/past|last|next|coming|previous|following/i);
const REL_UNIT_LEAD_WORD = wordGate(/this|last|next|past|coming|previous|following|prior|current/i);
const SET_ADVERB_WORD = wordGate(/hourly|daily|weekly|monthly|annually|yearly|nightly/i);
const DECADE_WORD = wordGate(/ties|0s/i);
const EVERY_WORD = wordGate(/every|each/i);
const DAY_PART_WORD = wordGate(/midday|morning|afternoon|evening/i);
const DAY_NAME_WORD = wordGate(/today|yesterday|tomorrow|tonight|night|this/i);
const NOW_WORD = wordGate(/now|these/i);
const VAGUE_WORD = wordGate(/recent|coming|ahead|current|future|term|later|past/i);
const UNIT_WORD = wordGate(/week|month|year|quarter|decade|century/i);
const DURATION_UNIT_WORD = wordGate(/minute|hour|day|week|month|year|decade|century/i);
// YEAR_RE (case-sensitive) without its lookbehind, which it tries at every position
const YEAR_DIGITS = /(?:1[89]|20)\d\d/;
const CURRENT_WORD = wordGate(/current/iu);
// the same for DURATION_PAST_RE, NAMED_MONTH_RE (both words of each pair) and HOLIDAY_RE (each holiday's longest word)
const THE_WORD = wordGate(/the/i);
const PAST_UNIT_WORD = wordGate(/hour|day|week|month|quarter|year|decade/i);
const LAST_NEXT_THIS_WORD = wordGate(/last|next|this/i);
const MONTH_WORD = wordGate(/january|february|march|april|may|june|july|august|september|october|november|december/i);
const HOLIDAY_WORD = wordGate(new RegExp(Object.keys(HOLIDAYS).map((h) => h.split(/[\s']/).reduce((a, b) => (b.length > a.length ? b : a))).join("|"), "i"));
const EVERY_RE = /\b(?:every|each)\s+(day|week|month|quarter|year)\b/gi;
// "each July", "every March": that month of every year
const EVERY_MONTH_RE = /\b(?:every|each)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

// Before a bare year: a preposition or a time word makes it a date ("in 2022", "since 2014").
const YEAR_LEFT =
  /(?:\b(?:in|since|by|until|till|before|after|from|of|during|through|to|and|or|between|early|late|mid|the|its|their|his|her|that|this|due|around|circa|year|fiscal|is|was|['’]s|spring|summer|autumn|fall|winter|January|February|March|April|May|June|July|August|September|October|November|December)|[(,–—-])\s*$/i;
const YEAR_LEFT_WEAK = /\b(?:for|both)\s*$/i;
// After a bare year: a capitalised name ("2016 Olympics") or a dated event noun ("2020 election").
const YEAR_RIGHT_EVENT =
  /^\s*(?:\p{Lu}|(?:election|elections|campaign|season|census|budget|summit|games|war|invasion|crisis|vote|referendum|report|survey|protests?|uprising|coup|attack|attacks|earthquake|floods?|championship|tournament|olympics|law|act|agreement|deal|accord|treaty|level|levels|figures?|data|estimate|plan|model|edition|film|novel|album|release|earnings|results|profits?|revenues?|sales|recapitali[sz]ation|restructuring|operating)\b)/u;
// A year that is really a count or a score: "2000 troops", "2018-19 season" handled by the regex.
const YEAR_RIGHT_END = /^\s*(?:$|[.,;:)!?"”’—–]|-|'s\b|’s\b)/;

const YEAR_PHRASE_AFTER = /^,?\s+(last|this|next)\s+year\b/i;
// "the first half of 2025", "the second half of the year"; "the first two quarters of 1990" is the same half
const HALF_RE = /\b(?:the\s+)?(first|second|last)\s+(?:half|two\s+quarters)\s+of\s+(?:((?:19|20)\d\d)\b|(?:the|this)\s+year\b|(last|next)\s+year\b)/gi;
const DEADLINE_BEFORE = /\b(?:until|till|through|effective|starting|beginning)\s+(?:(?:early|mid|late)[\s-]+)?$/i;
const QUARTER_AGO_AFTER = /^\s+a\s+year\s+(?:ago|earlier)\b/i;
const PLURAL_PART_AFTER = /^\s+(?:and|or)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+(morning|afternoon|evening|night)s\b/;
const DAY_OFF_BEFORE = /\bthe\s+day\s+(before|after)\s+$/i;
const TEMPORAL_PREP = /^(?:on|in|at|during|since|by|until|from|of|for|over)\s+/i;

function durationNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, " ");
  if (/^\d+\s+1\/2$/.test(w)) return Number(w.split(" ")[0]) + 0.5;
  if (/^\d/.test(w)) return Number(w);
  if (w === "a hundred") return 100;
  // "twenty-four", "thirty five"
  const [tens, ones] = w.split(/[\s-]/);
  if (ones !== undefined && NUMBER_WORDS[tens!] && NUMBER_WORDS[ones]) return NUMBER_WORDS[tens!]! + NUMBER_WORDS[ones]!;
  // "a couple of years" is two (TimeBank: P2Y)
  if (w === "a couple of" || w === "couple of") return 2;
  if (w === "several" || w === "a few" || w === "few" || w === "many") return undefined;
  return NUMBER_WORDS[w];
}

/** TIMEX3 duration value for n units: fractions of years become months ("P2Y6M"), unknown counts "X". */
export function durationValue(n: number | undefined, unit: string): string {
  // ("for decades": some number of years, PXY, as TimeBank writes "decades-long")
  if (UNIT_YEARS[unit]) return n === undefined ? "PXY" : `P${Math.round(n * UNIT_YEARS[unit]!)}Y`;
  const time = unit === "hour" || unit === "minute";
  const code = UNIT_CODE[unit]!;
  const pre = time ? "PT" : "P";
  if (n === undefined) return `${pre}X${code}`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n);
    const frac = n - whole;
    // the usual fractions of news ("two and a half years") expressed in the next smaller unit
    if (unit === "year") return `P${whole ? `${whole}Y` : ""}${Math.round(frac * 12)}M`;
    if (unit === "month" && frac === 0.5) return whole ? `P${whole}M15D` : "P15D";
    if (unit === "day") return `P${whole ? `${whole}D` : ""}T${Math.round(frac * 24)}H`;
    if (unit === "hour") return `PT${whole ? `${whole}H` : ""}${Math.round(frac * 60)}M`;
    if (unit === "week") return `P${Math.round(n * 7)}D`;
    if (unit === "decade") return `P${Math.round(n * 10)}Y`;
  }
  return `${pre}${n}${code}`;
}

const CLOCK_MARK = /\d[:.]\d\d|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b|o['’]clock/i;
// an infinitive verb in the same clause before a date ("to acquire the company in January")
const INFINITIVE_BEFORE = /\bto\s+(?!(?:the|a|an|its|his|her|their|this|that|be|date|death|\d)\b)\p{Ll}+\b[^;:!?]*$/u;

/** Value for a calendar date or time from chrono's known components, keeping only the granularity written. */
// a relative date with no publication date to anchor it: counted for the stage's warning, then dropped
const UNRESOLVED = { value: "", type: "DATE", relative: true } as const;

function chronoValue(r: Parsed, sentence: string, ref: Day | undefined): { value: string; type: TimeType; relative: boolean } | undefined {
  const s = r.start;
  const known = (c: chrono.Component): boolean => s.isCertain(c);
  let y = known("year") ? s.get("year")! : undefined;
  const m = known("month") ? s.get("month")! : undefined;
  const d = known("day") ? s.get("day")! : undefined;
  // chrono reads "at 1" after a date as one o'clock ("after Jan. 1, 1990 at 1,015 francs a share"):
  // with a date, a clock time needs minutes, a meridiem or a clock word to count
  const hasTime = known("hour") && (!(known("month") || known("weekday")) || CLOCK_MARK.test(r.text));
  let relative = false;
  let date: string | undefined;
  const dir = (): Lean => {
    const lean = tenseNear(sentence, r.index, r.index + r.text.length);
    // "agreed to buy it in January": after an infinitive the month belongs to the plan, not to the
    // past-tense report of it, so the nearer side of publication is meant
    if (lean === "past" && INFINITIVE_BEFORE.test(sentence.slice(Math.max(0, r.index - 90), r.index))) return "nearest";
    // "extended the loans through January", "effective June 1": an end or a start set in a past-tense report
    // lies on either side of publication, so the nearer side is meant ("by" is left out: "had risen 5% by
    // January" reports a past state)
    if (lean === "past" && DEADLINE_BEFORE.test(sentence.slice(Math.max(0, r.index - 12), r.index))) return "nearest";
    return lean;
  };
  if (m !== undefined && d !== undefined) {
    if (y === undefined) {
      if (!ref) return UNRESOLVED;
      // "the fiscal year ended Jan. 31": a period that has ended, so the latest such day, however far back
      if (/\bended\s+(?:on\s+)?$/i.test(sentence.slice(Math.max(0, r.index - 12), r.index))) y = m < ref.m || (m === ref.m && d <= ref.d) ? ref.y : ref.y - 1;
      else y = resolveDayMonth(ref, m, d, dir());
      relative = true;
    }
    date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  } else if (m !== undefined) {
    if (y === undefined) {
      if (!ref) return UNRESOLVED;
      y = resolveMonth(ref, m, dir());
      relative = true;
    }
    date = monthValue(y, m);
  } else if (known("weekday")) {
    // a weekday alone is left to our weekday rule, which knows "last" and "next"
    if (!ref || !hasTime) return undefined;
    date = dayValue(resolveWeekday(ref, s.get("weekday")!, dir() === "future" ? "future" : "past"));
    relative = true;
  } else if (y !== undefined) {
    date = pad(y, 4);
  } else if (hasTime) {
    // a clock time alone happened on the day of publication unless the sentence says otherwise
    if (!ref) return UNRESOLVED;
    date = dayValue(ref);
    relative = true;
  }
  if (!date) return undefined;
  if (hasTime && date.length === 10) {
    const minute = known("minute") ? s.get("minute")! : 0;
    return { value: `${date}T${pad(s.get("hour")!)}:${pad(minute)}`, type: "TIME", relative };
  }
  return { value: date, type: "DATE", relative };
}

/** Rejects chrono matches that are not dates in running news text. */
function chronoPlausible(r: Parsed, sentence: string): boolean {
  const t = r.text;
  const s = r.start;
  // a lower-case month name is a verb or a modal ("may", "march") unless a day or year comes with it
  const monthWord = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.exec(t);
  if (monthWord && /^[a-z]/.test(monthWord[0]) && !(s.isCertain("day") && s.isCertain("month"))) return false;
  // "May" / "March" alone: a month only after a time preposition or before a year ("May said", "March on")
  if (s.isCertain("month") && !s.isCertain("day") && !s.isCertain("year") && monthWord && /^(?:may|march)$/i.test(monthWord[0])) {
    const at = r.index + monthWord.index;
    const before = sentence.slice(Math.max(0, at - 25), at);
    // "the March accession", "the May elections": a determiner and a common noun make it a month
    const after = sentence.slice(at + monthWord[0].length, at + monthWord[0].length + 20);
    const attributive = /\bthe\s+$/i.test(before) && /^\s+(?!(?:of|on|to|in|at|by|for|with|from|into|against|across|through|toward|towards|and|or|but|is|was|has|had|said|says|will|would|that|which|who)\b)\p{Ll}{3,}/u.test(after);
    if (!attributive && !/\b(?:in|of|since|by|until|till|through|during|early|late|mid|last|next|this|before|after|from|to|between|and)[\s-]+$/i.test(before)) return false;
  }
  // clock times need a meridiem, minutes or a clock word: "at 5" is a count more often than a time
  if (s.isCertain("hour") && !s.isCertain("month") && !s.isCertain("weekday") && !/[:.]\d\d|[ap]\.?m\b|noon|midnight|o'clock/i.test(t)) return false;
  // "$4.30 a share": a price, not half past four
  if (s.isCertain("hour") && (/[$£€¥]\s*$/.test(sentence.slice(Math.max(0, r.index - 2), r.index)) || /\d\s*[ap]$/i.test(t.trim()))) return false;
  // "1.3" and "3.5" are figures
  if (/^\d+\.\d+$/.test(t.trim())) return false;
  // a bare "3/4" is a fraction or a score more often than a date
  if (/^\d+\/\d+$/.test(t.trim()) && !s.isCertain("year")) return false;
  // "paying 12 3/4%", "rose 4 5/8 to 112 5/8": a whole number before a fraction is a price or a rate
  if (/\d\s+\d+\/\d*$/.test(t.trim()) && (/\d$/.test(t.trim()) || /^\d/.test(sentence.slice(r.index + t.length)))) return false;
  return true;
}

// chrono's cost grows faster than the text (about 1 s for 200 KB of month names in one sentence,
// 3.5 times that of 100 KB): a run-on "sentence" is parsed in pieces that overlap by more than any date is long.
const CHRONO_CHUNK = 1500;
const CHRONO_OVERLAP = 120;

/** What this stage reads of a chrono result (its offset may be shifted into the whole sentence). */
type Parsed = Pick<chrono.ParsedResult, "index" | "text" | "start">;

// the words joining the two ends of a date range
// the lookbehind lets a match start only where a run of spaces starts (unanchored \s* is quadratic on long runs)
const RANGE_JOIN = /(?<!\s)\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*/i;

/**
 * A chrono range ("from Aug. 26 to Oct. 20", "March 13-17") as its two dates: TIMEX3 marks each end
 * as an expression of its own. A range whose end is not written as a date stays whole.
 */
function splitRange(r: chrono.ParsedResult): Parsed[] {
  if (!r.end) return [r];
  const join = RANGE_JOIN.exec(r.text);
  if (!join || join.index === 0) return [r];
  const left = r.text.slice(0, join.index);
  const rightAt = join.index + join[0].length;
  const right = r.text.slice(rightAt);
  // "March 13-17": the second end is a bare day, dated by the first
  if (!/\p{L}/u.test(right) || !/\p{L}/u.test(left)) return [r];
  return [{ index: r.index, text: left, start: r.start }, { index: r.index + rightAt, text: right, start: r.end }];
}

function chronoParse(sentence: string, ref: Day | undefined): Parsed[] {
  const options = ref ? { instant: new Date(Date.UTC(ref.y, ref.m - 1, ref.d, 12)), timezone: 0 } : undefined;
  if (sentence.length <= CHRONO_CHUNK + CHRONO_OVERLAP) return chronoParser().parse(sentence, options).flatMap(splitRange);
  const out: Parsed[] = [];
  for (let start = 0; start < sentence.length; ) {
    const piece = sentence.slice(start, start + CHRONO_CHUNK + CHRONO_OVERLAP);
    const last = start + CHRONO_CHUNK >= sentence.length;
    for (const r of chronoParser().parse(piece, options).flatMap(splitRange)) {
      // a date starting in the overlap belongs to the next piece, which sees all of it
      if (!last && r.index >= CHRONO_CHUNK) continue;
      out.push({ index: r.index + start, text: r.text, start: r.start });
    }
    if (last) break;
    // the next piece starts at a word boundary
    let next = start + CHRONO_CHUNK;
    while (next > start && !/\s/.test(sentence[next - 1]!)) next--;
    start = next > start ? next : start + CHRONO_CHUNK;
  }
  return out;
}

function push(out: TimeFound[], start: number, end: number, value: string, type: TimeType, source: string, relative: boolean): void {
  out.push({ span: [start, end], value, type, source, relative });
}

/** Time expressions in one sentence; offsets are relative to `sentence`. */
export function findTimes(sentence: string, ref: Day | undefined): TimeFound[] {
  const out: TimeFound[] = [];
  if (CHRONO_GATE.test(sentence)) {
    for (const r of chronoParse(sentence, ref)) {
      if (!chronoPlausible(r, sentence)) continue;
      const v = chronoValue(r, sentence, ref);
      if (!v) continue;
      if (!v.value) {
        push(out, r.index, r.index + r.text.length, "", "DATE", "chrono", true);
        continue;
      }
      let start = r.index;
      let text = r.text;
      // a clock time dropped for want of a clock mark leaves the date alone: "Jan. 1, 1990 [at 1],015 francs"
      if (r.start.isCertain("hour") && v.type === "DATE") text = text.replace(/(?<![\s,])[\s,]*(?:at\s+)?\d{1,2}$/i, "");
      const lead = TEMPORAL_PREP.exec(text);
      if (lead) {
        start += lead[0].length;
        text = text.slice(lead[0].length);
      }
      // chrono may keep a trailing comma or period
      // (but "Oct." and "p.m." keep their abbreviation point)
      text = text.replace(/[\s,.;:]+$/, (m) => (/^\.$/.test(m) && /(?:\b[A-Z][a-z]{2,3}|\b[ap]\.m)\.$/i.test(text) ? m : ""));
      if (/\b[ap]\.m$/i.test(text) && sentence[start + text.length] === ".") text += ".";
      let end = start + text.length;
      let value = v.value;
      // "the week of March 6": the ISO week holding that day
      const weekOf = /\bthe\s+week\s+of\s+$/i.exec(sentence.slice(Math.max(0, start - 16), start));
      if (weekOf && /^\d{4}-\d\d-\d\d$/.test(value)) {
        value = isoWeek(parseDay(value)!);
        start -= weekOf[0].length;
      }
      // "the end of November": the month, at the granularity written (chrono picks its last day)
      if (/^end\s+of\s+\p{L}/iu.test(text) && /^\d{4}-\d\d-\d\d$/.test(value) && !/\d/.test(text)) value = value.slice(0, 7);
      // "Oct. 7 last year", "January 5 this year": the year phrase dates the day
      const yearAfter = v.relative && /^\d{4}-\d{2}(?:-\d{2})?$/.test(value) ? YEAR_PHRASE_AFTER.exec(sentence.slice(end)) : null;
      if (yearAfter && ref) {
        const y = ref.y + (yearAfter[1]!.toLowerCase() === "last" ? -1 : yearAfter[1]!.toLowerCase() === "next" ? 1 : 0);
        value = `${pad(y, 4)}${value.slice(4)}`;
        end += yearAfter[0].length;
      }
      push(out, start, end, value, v.type, "chrono", v.relative);
      // "on April 24 and 25": the second day of the same month (TIMEX3 marks it on its own)
      const nextDay = /^\s+(?:and|or|&)\s+(\d{1,2})(?=\s*[,.;:)]|\s*$|\s+(?:in|at|on|when|before|after|and|for|to|with|respectively)\b)/.exec(sentence.slice(end, end + 24));
      if (nextDay && /^\d{4}-\d\d-\d\d$/.test(value) && Number(nextDay[1]) > Number(value.slice(8)) && Number(nextDay[1]) <= 31) {
        const at = end + nextDay[0].length - nextDay[1]!.length;
        push(out, at, at + nextDay[1]!.length, `${value.slice(0, 8)}${pad(Number(nextDay[1]))}`, "DATE", "chrono", v.relative);
      }
      // a clock time alone ("at about 10:35 a.m.") is on the day the story last named, if it named one lately
      const c = r.start;
      if (v.type === "TIME" && ref && !c.isCertain("day") && !c.isCertain("weekday") && !c.isCertain("month") && !c.isCertain("year")) {
        out[out.length - 1]!.anchored = { unit: "day", shift: 0 };
      }
    }
  }
  if (RULE_GATE.test(sentence)) ownRules(sentence, ref, out);
  // "the day before last Tuesday's hearing", "the day after Christmas": one day off the date named
  for (const f of out) {
    const offset = DAY_OFF_BEFORE.exec(before(sentence, f.span[0], 24));
    const day = parseDay(f.value);
    if (!offset || !day || !/^\d{4}-\d\d-\d\d$/.test(f.value)) continue;
    f.span = [f.span[0] - offset[0].length, f.span[1]];
    f.value = dayValue(addDays(day, /^before$/i.test(offset[1]!) ? -1 : 1));
  }
  return resolveOverlaps(out);
}

/**
 * The `n` characters before `i`: left-context checks end in `$`, and a regex anchored only at the end
 * still tries every start position, so testing the whole prefix made a sentence of thousands of
 * time words quadratic.
 */
const before = (s: string, i: number, n = 60): string => s.slice(Math.max(0, i - n), i);

function ownRules(s: string, ref: Day | undefined, out: TimeFound[]): void {
  let m: RegExpExecArray | null;
  const g = new SentenceGates(s);
  // weekdays, seasons and quarters without a tense cue lean to the past: news reports what happened
  const dir = (a: number, b: number): Direction => (tenseNear(s, a, b) === "future" ? "future" : "past");

  // "this year", "last week", "earlier this month", "next quarter"
  REL_UNIT_RE.lastIndex = 0;
  if (g.has(UNIT_WORD) && g.has(REL_UNIT_LEAD_WORD)) while ((m = REL_UNIT_RE.exec(s))) {
    if (!ref) {
      push(out, m.index, m.index + m[0].length, "", "DATE", "rule:relative", true);
      continue;
    }
    // "This Week", "Next Year" in title case name a programme or a publication
    if (/^\p{Lu}\p{Ll}/u.test(m[3]!)) continue;
    const which = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase();
    // "the past week" is a span of time, not a calendar week; "the past year" is last year as news
    // annotators write it (TBAQ: 2 of 2 a year, none P1Y), falling through to "last year" below
    if ((which === "past" || which === "coming") && !(which === "past" && unit === "year") && /\bthe\s+$/i.test(before(s, m.index))) {
      push(out, m.index, m.index + m[0].length, durationValue(1, unit === "weekend" ? "day" : unit), "DURATION", "rule:duration", false);
      continue;
    }
    const shift = which === "last" || which === "past" || which === "previous" || which === "prior" ? -1 : which === "next" || which === "coming" || which === "following" ? 1 : 0;
    let value: string | undefined;
    if (unit === "year") value = pad(ref.y + shift, 4);
    else if (unit === "month") value = monthValue(...addMonths(ref.y, ref.m, shift));
    else if (unit === "week") value = isoWeek(addDays(ref, 7 * shift));
    else if (unit === "weekend") value = `${isoWeek(addDays(ref, 7 * shift))}-WE`;
    else if (unit === "quarter") {
      const q = Math.floor((ref.m - 1) / 3) + shift;
      const y = ref.y + Math.floor(q / 4);
      value = `${y}-Q${((q % 4) + 4) % 4 + 1}`;
    } else if (unit === "decade") value = String(Math.floor(ref.y / 10) + shift).padStart(3, "0");
    else if (unit === "century") value = String(Math.floor(ref.y / 100) + shift).padStart(2, "0");
    if (!value) continue;
    // "profit of $3 million last year" compares the period under discussion (re-dated by the stage like "a year ago")
    // (only right after or before the figure: "Last year, the company…" is the calendar year)
    const lastYear = unit === "year" && which === "last" && !m[1] &&
      (/(?:\d|million|billion|share)\s*$/i.test(before(s, m.index, 12)) || /^['’]s\s+(?:[$£€]|\d)/.test(s.slice(m.index + m[0].length, m.index + m[0].length + 5)));
    push(out, m.index, m.index + m[0].length, value, "DATE", lastYear ? "rule:last-year" : "rule:relative", true);
    // "the following year", "the previous month": counted from the story's own time line
    const the = /\bthe\s+$/i.exec(before(s, m.index, 8));
    if (which === "past" && the) out[out.length - 1]!.span[0] -= the[0].length;
    if (/^(?:following|previous|prior)$/.test(which) && (unit === "year" || unit === "month") && the) {
      const f = out[out.length - 1]!;
      f.span[0] -= the[0].length;
      f.anchored = { unit, shift };
    }
  }

  // "the past two years", "over the last few months": durations ending at publication
  DURATION_PAST_RE.lastIndex = 0;
  if (g.has(THE_WORD) && g.has(PAST_UNIT_WORD) && g.has(PAST_NEXT_WORD)) while ((m = DURATION_PAST_RE.exec(s))) {
    // "the past two years" counts, "the coming years" does not say how many, "the past year" is one
    const n = m[2] ? durationNumber(m[2]) : /s$/i.test(m[0]) ? undefined : 1;
    // "the last decade", "the next year or so", "the following year": the calendar unit before or
    // after, dated by the rule for "last week" (TimeBank: 4 of 4 such phrases are dates), and so is
    // "the past year" (2 of 2); "the past week" stays a stretch of time up to publication
    const pastYear = /^past$/i.test(m[1]!) && /^year$/i.test(m[3]!);
    if (!m[2] && n === 1 && (pastYear || !/^(?:past|coming)$/i.test(m[1]!))) continue;
    // the preposition stays outside the expression, as TIMEX3 marks it: "over [the past decade]"
    const at = m.index + m[0].toLowerCase().indexOf("the");
    push(out, at, m.index + m[0].length, durationValue(n, m[3]!.toLowerCase()), "DURATION", "rule:duration", false);
  }

  // seasons: "over the summer", "last winter", "spring 2023", "the early summer" (the season, as TIMEX3 values it)
  SEASON_RE.lastIndex = 0;
  if (g.has(SEASON_WORD)) while ((m = SEASON_RE.exec(s))) {
    const [, det, name, year] = m;
    const word = name!;
    // "the fall of Kabul" is an event, "Arab Spring" a name; seasons are lower case unless a year follows
    if (/^\p{Lu}/u.test(word) && !year && m.index > 0 && !/^(?:This|Last|Next|The)\b/.test(m[0])) continue;
    if (word.toLowerCase() === "fall" && !year && (!det || /^\s+of\b/i.test(s.slice(m.index + m[0].length)) || det.toLowerCase() === "the" && !/\b(?:in|over|during|since|until|by|this|last|next|the|through)\s+$/i.test(before(s, m.index)))) continue;
    if (!det && !year) {
      // bare "summer": only after a time preposition ("in summer"), not "summer camp"
      if (!/\b(?:in|over|during|since|until|by|through|before|after)\s+$/i.test(before(s, m.index))) continue;
    }
    const [code, startMonth] = SEASONS[word.toLowerCase()]!;
    if (year) {
      push(out, m.index, m.index + m[0].length, `${year}-${code}`, "DATE", "rule:season", false);
      continue;
    }
    if (!ref) continue;
    const mode = !det || /^the$/i.test(det) ? "bare" : /past|last/i.test(det) ? "last" : /next/i.test(det) ? "next" : "this";
    const y = resolveSeason(ref, startMonth, dir(m.index, m.index + m[0].length), mode);
    push(out, m.index, m.index + m[0].length, `${y}-${code}`, "DATE", "rule:season", true);
  }

  // weekdays: "on Thursday", "last Friday", "Sunday night"; plural weekdays recur ("on Mondays")
  WEEKDAY_RE.lastIndex = 0;
  // every weekday name ends in "day" (the regex is case-sensitive): most sentences need no scan
  if (g.has(DAY_WORD) && g.has(WEEKDAY_NAME_WORD)) while ((m = WEEKDAY_RE.exec(s))) {
    const [, clock, mod, name, plural, part, partPlural] = m;
    const wd = WEEKDAYS[name!.toLowerCase()]!;
    // "on Mondays", "Tuesday nights", "each Thursday": every such day (a SET), with the part of day named
    const each = /\b(?:every|each)\s+$/i.test(before(s, m.index, 8));
    // "on Monday and Tuesday nights": the plural part of day makes both days recur
    const sharedPart = !part && !plural ? PLURAL_PART_AFTER.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 40)) : null;
    if (plural || partPlural || each || sharedPart) {
      const start = each ? m.index - /(?:every|each)\s+$/i.exec(before(s, m.index, 8))![0].length : m.index;
      const code = part ? SET_PART_OF_DAY[part.toLowerCase()] : sharedPart ? SET_PART_OF_DAY[sharedPart[1]!.toLowerCase()] : "";
      push(out, start, m.index + m[0].length, `XXXX-WXX-${wd === 0 ? 7 : wd}${code}`, "SET", "rule:weekday", false);
      continue;
    }
    if (!ref) {
      push(out, m.index, m.index + m[0].length, "", "DATE", "rule:weekday", true);
      continue;
    }
    const modifier = mod?.toLowerCase();
    const d =
      modifier === "last" || modifier === "past" || modifier === "this past" || modifier === "previous"
        ? resolveWeekday(ref, wd, "past", true)
        : modifier === "next" || modifier === "coming" || modifier === "following"
          ? resolveWeekday(ref, wd, "future", true)
          : // "Wednesday's ruling" names an event already known, so it lies behind us
            /^['’]s\b/.test(s.slice(m.index + m[0].length))
            ? resolveWeekday(ref, wd, "past")
            : resolveWeekday(ref, wd, dir(m.index, m.index + m[0].length));
    // "Friday evening" carries the part of day (TIMEX3 TEV); "Friday night" and "Friday morning" keep
    // the bare day, the value TimeBank annotators write most often for them (TBAQ: evening 3 of 3 with
    // TEV; night bare 5 times against TNI 4 and TEV 3; morning bare 5 against TMO 3)
    const partCode = part ? PART_OF_DAY[part.toLowerCase()] : undefined;
    // "noon Thursday", "midnight Friday": a clock time on that day (TIMEX3 writes midnight as T24)
    const time = clock ? (clock.toLowerCase() === "noon" ? "T12:00" : "T24:00") : partCode ?? "";
    push(out, m.index, m.index + m[0].length, dayValue(d) + time, part || clock ? "TIME" : "DATE", "rule:weekday", true);
    // "the previous Friday", "the following Monday": counted from the day the story last named
    if ((modifier === "previous" || modifier === "following") && !time) {
      const f = out[out.length - 1]!;
      f.anchored = { unit: "day", shift: 0, narrative: true, weekday: { wd, dir: modifier === "previous" ? "past" : "future" } };
      const the = /\bthe\s+$/i.exec(before(s, m.index, 8));
      if (the) f.span[0] -= the[0].length;
    }
  }

  // today, yesterday, tonight, this morning
  DAY_WORD_RE.lastIndex = 0;
  if (g.has(DAY_NAME_WORD)) while ((m = DAY_WORD_RE.exec(s))) {
    // "today's youth", "the people of tomorrow": the present age or the future in general, no day
    const right = s.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/^['’]s\s+(?:world|youth|generations?|society|children|young)\b/i.test(right) || /\bof\s+$/i.test(before(s, m.index, 4))) continue;
    // "USA Today", "This is VOA Today": a capitalised "Today" after a capitalised name is a title
    if (m[0] === "Today" && /\b\p{Lu}[\p{L}.'’&-]*\s+$/u.test(before(s, m.index, 24))) continue;
    if (!ref) {
      push(out, m.index, m.index + m[0].length, "", "DATE", "rule:day", true);
      continue;
    }
    const w = m[1]!.toLowerCase();
    const d = w === "yesterday" || w === "last night" ? addDays(ref, -1) : w === "tomorrow" ? addDays(ref, 1) : ref;
    const part = w === "tonight" || w === "last night" ? "TNI" : w === "this morning" ? "TMO" : w === "this afternoon" ? "TAF" : w === "this evening" ? "TEV" : "";
    push(out, m.index, m.index + m[0].length, dayValue(d) + part, part ? "TIME" : "DATE", "rule:day", true);
  }

  // parts of a day: written alone they fall on the day of publication, as a clock time alone does
  DAY_PART_RE.lastIndex = 0;
  if (g.has(DAY_PART_WORD)) while ((m = DAY_PART_RE.exec(s))) {
    const [all, midday, , part, dayWord] = m;
    // "Friday late afternoon", "early Friday morning": the weekday rule has the day
    if (/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+$/.test(before(s, m.index, 12)) || /^\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(s.slice(m.index + all!.length, m.index + all!.length + 14))) continue;
    if (!ref) {
      push(out, m.index, m.index + all!.length, "", "TIME", "rule:day-part", true);
      continue;
    }
    const w = dayWord?.toLowerCase();
    const d = w === "yesterday" ? addDays(ref, -1) : w === "tomorrow" ? addDays(ref, 1) : ref;
    const code = midday ? "T12:00" : SET_PART_OF_DAY[part!.toLowerCase()]!;
    push(out, m.index, m.index + all!.length, dayValue(d) + code, "TIME", "rule:day-part", true);
  }

  // durations and "N units ago"
  DURATION_RE.lastIndex = 0;
  if (g.has(DURATION_UNIT_WORD)) while ((m = DURATION_RE.exec(s))) {
    const [all, numWord, andHalf, unitWord, andAHalf, old] = m;
    if (old) continue; // "a 5-year-old": an age
    // "60 Minutes", "48 Hours": a programme's title, its unit in capitals after a figure
    if (/^\d/.test(numWord!) && /^\p{Lu}/u.test(unitWord!)) continue;
    // "52 years old": an age too (TimeBank leaves ages unmarked: 37 of 38 in TBAQ)
    if (/^\s+old\b/i.test(s.slice(m.index + all!.length, m.index + all!.length + 5))) continue;
    const unit = unitWord!.toLowerCase();
    const left = before(s, m.index);
    const isArticle = /^an?$/i.test(numWord!);
    let n = durationNumber(numWord!);
    if (n !== undefined && (andHalf || andAHalf)) n += 0.5;
    const after = s.slice(m.index + all!.length);
    // "a year earlier" in news compares with the year before publication, like "a year ago"
    const agoMatch = AGO_AFTER.exec(after) ?? (unit === "year" && n === 1 ? EARLIER_AFTER.exec(after) : null);
    if (agoMatch) {
      if (!ref) continue;
      const end = m.index + all!.length + agoMatch[0].length;
      const k = n ?? 0;
      let value: string | undefined;
      if (n === undefined) value = "PAST_REF";
      else if (unit === "day" || unit === "hour" || unit === "minute") value = dayValue(addDays(ref, -Math.round(unit === "day" ? k : 0)));
      else if (unit === "week") value = isoWeek(addDays(ref, -7 * k));
      else if (unit === "month") value = monthValue(...addMonths(ref.y, ref.m, -Math.round(k)));
      else if (unit === "year") value = pad(ref.y - Math.round(k), 4);
      else if (unit === "decade") value = String(Math.floor((ref.y - 10 * k) / 10)).padStart(3, "0");
      if (value) push(out, m.index, end, value, "DATE", unit === "year" && n === 1 ? "rule:year-ago" : "rule:ago", true);
      continue;
    }
    // "a day" is a rate in "$5 a day" and "twice a week": keep article-only durations after words of extent
    if (isArticle && !ARTICLE_DURATION_LEFT.test(left) && !/^\s*$/.test(left)) continue;
    // a bare number before "years" inside a larger figure ("1,000 years") keeps its own reading
    if (/[\d,.]$/.test(left)) continue;
    // "Islam will one day be…", "the hope he one day follows…": "one day" as an adverb is some future time
    // (TIMEX3 FUTURE_REF), not a day's length
    if (unit === "day" && /^one$/i.test(numWord!) && !andHalf && !andAHalf && ONE_DAY_FUTURE_LEFT.test(left) && ONE_DAY_FUTURE_AFTER.test(after.slice(0, 20))) {
      push(out, m.index, m.index + all!.length, "FUTURE_REF", "DATE", "rule:vague", false);
      continue;
    }
    push(out, m.index, m.index + all!.length, durationValue(n, unit), "DURATION", "rule:duration", false);
  }

  // quarters, dated by the year given or the latest such quarter (financial reports look back)
  QUARTER_RE.lastIndex = 0;
  if (g.has(QUARTER_WORD)) while ((m = QUARTER_RE.exec(s))) {
    const [all, yearBefore, yearRel, yearAgo, whichWord, yearAfter] = m;
    // "the quarter" alone is the period being reported on; "a quarter of the vote" is a share
    if (!whichWord && !yearBefore && !yearRel && !yearAgo && !/^the\s/i.test(all!)) continue;
    const which = (whichWord ?? "latest").toLowerCase();
    const ordinal = ["first", "second", "third", "fourth"].indexOf(which) + 1;
    const givenYear = yearBefore ?? yearAfter;
    if (!ref && !givenYear) continue;
    const curQ = ref ? Math.floor((ref.m - 1) / 3) + 1 : 1;
    let y = givenYear ? Number(givenYear) : ref!.y;
    if (yearRel) y += yearRel.toLowerCase() === "last" ? -1 : yearRel.toLowerCase() === "next" ? 1 : 0;
    let q: number;
    if (ordinal) {
      q = ordinal;
      // the latest such quarter that has begun, unless the clause looks ahead
      if (!givenYear && !yearRel && q > curQ && dir(m.index, m.index + all!.length) === "past") y -= 1;
    } else if (which === "current") q = curQ;
    else if (which === "same") continue;
    else {
      // "the latest quarter": the last one completed
      q = curQ - 1;
      if (q === 0) {
        q = 4;
        if (!givenYear && !yearRel) y -= 1;
      }
    }
    const endedIn = !ordinal && !givenYear && !yearRel && ref ? QUARTER_ENDED_AFTER.exec(s.slice(m.index + all!.length, m.index + all!.length + 32)) : null;
    if (endedIn) {
      // the last completed quarter ending in that month, on or before publication's month
      const abbr = endedIn[1]!.toLowerCase().slice(0, 3);
      const endMonth = MONTHS.findIndex((name) => name.startsWith(abbr)) + 1;
      if (endMonth) {
        y = ref!.y - (endMonth > ref!.m ? 1 : 0);
        const [my, mm] = addMonths(y, endMonth, -1);
        y = my;
        q = Math.floor((mm - 1) / 3) + 1;
      }
    }
    if (yearAgo) y -= 1;
    // "the quarter a year ago": the same quarter of the year before
    const agoAfter = QUARTER_AGO_AFTER.exec(s.slice(m.index + all!.length, m.index + all!.length + 20));
    if (agoAfter && !yearAgo) y -= 1;
    const end = m.index + all!.length + (agoAfter && !yearAgo ? agoAfter[0].length : 0);
    let start = m.index;
    const det = /^(?:the|its|a)\s+/i.exec(all!);
    if (det && !/^the/i.test(det[0])) start += det[0].length;
    // "the year-ago quarter" without an ordinal: the quarter under discussion, a year back (see the stage)
    // (and "the third quarter a year ago" names no period under discussion now)
    // "the quarter" alone refers back to the quarter under discussion (re-dated by the stage), it names none
    // (and so does "the quarter ended Sept. 30" after "the fiscal first quarter": the date tells when that
    // fiscal quarter ended; with no quarter under discussion it is dated by the month it ended in, above)
    const bare = !whichWord && !givenYear && !yearRel && !yearAgo && !agoAfter;
    const source = (yearAgo || agoAfter) && !ordinal ? "rule:year-ago" : agoAfter ? "rule:quarter-ago" : bare ? "rule:the-quarter" : "rule:quarter";
    push(out, start, end, `${y}-Q${q}`, "DATE", source, !givenYear);
  }

  YEAR_AGO_ADJ_RE.lastIndex = 0;
  if (g.has(YEAR_WORD)) while ((m = YEAR_AGO_ADJ_RE.exec(s))) {
    if (m[2]) push(out, m.index, m.index + m[0].length, durationValue(durationNumber(m[2]), "month"), "DURATION", "rule:duration", false);
    else if (ref) push(out, m.index, m.index + m[0].length, pad(ref.y - 1, 4), "DATE", "rule:year-ago", true);
  }
  YEAR_PERIOD_RE.lastIndex = 0;
  if (g.has(PERIOD_WORD)) while ((m = YEAR_PERIOD_RE.exec(s))) push(out, m.index, m.index + m[0].length, m[1]!, "DATE", "rule:year-period", false);
  LATEST_YEAR_RE.lastIndex = 0;
  if (ref && g.has(YEAR_WORD)) while ((m = LATEST_YEAR_RE.exec(s))) push(out, m.index, m.index + m[0].length, pad(ref.y - 1, 4), "DATE", "rule:relative", true);
  CORRESPONDING_PERIOD_RE.lastIndex = 0;
  if (ref && g.has(PERIOD_WORD)) while ((m = CORRESPONDING_PERIOD_RE.exec(s))) push(out, m.index, m.index + m[0].length, pad(ref.y - 1, 4), "DATE", "rule:year-ago", true);

  HALF_RE.lastIndex = 0;
  if (g.has(HALF_WORD)) while ((m = HALF_RE.exec(s))) {
    if (!m[2] && !ref) continue;
    const y = m[2] ? Number(m[2]) : ref!.y + (m[3] ? (m[3].toLowerCase() === "last" ? -1 : 1) : 0);
    push(out, m.index, m.index + m[0].length, `${y}-H${m[1]!.toLowerCase() === "first" ? 1 : 2}`, "DATE", "rule:half", !m[2]);
  }

  // "a day-long meeting", "the decades-long battle": a compound adjective of duration, like "16-hour"
  LONG_ADJ_RE.lastIndex = 0;
  if (g.has(DURATION_UNIT_WORD) && g.has(LONG_WORD)) while ((m = LONG_ADJ_RE.exec(s))) {
    const unit = m[1]!.toLowerCase();
    push(out, m.index, m.index + m[0].length, durationValue(m[2] ? undefined : 1, unit), "DURATION", "rule:duration", false);
  }

  THE_YEARS_RE.lastIndex = 0;
  if (g.has(YEARS_DECADES_WORD)) while ((m = THE_YEARS_RE.exec(s))) {
    push(out, m.index + m[0].length - m[1]!.length, m.index + m[0].length, "PXY", "DURATION", "rule:duration", false);
  }

  BARE_PLURAL_RE.lastIndex = 0;
  if (g.has(PLURAL_UNIT_WORD)) while ((m = BARE_PLURAL_RE.exec(s))) {
    const unit = m[1]!.toLowerCase().slice(0, -1);
    push(out, m.index + m[0].length - m[1]!.length, m.index + m[0].length, durationValue(undefined, unit), "DURATION", "rule:duration", false);
  }

  SET_ADVERB_RE.lastIndex = 0;
  if (g.has(SET_ADVERB_WORD)) while ((m = SET_ADVERB_RE.exec(s))) {
    // "rise 8.5% annually", "average daily volume": a rate of a figure, not a recurring time
    if (/(?:%|\bpercent|\baverage)\s+$/i.test(before(s, m.index, 12))) continue;
    const unit = { hourly: "hour", daily: "day", nightly: "day", weekly: "week", monthly: "month", annually: "year", yearly: "year" }[m[1]!.toLowerCase()]!;
    push(out, m.index, m.index + m[0].length, durationValue(1, unit), "SET", "rule:set", false);
  }

  // "over the weekend": the weekend on the side of publication the tense points to
  WEEKEND_RE.lastIndex = 0;
  if (g.has(WEEKEND_WORD)) while ((m = WEEKEND_RE.exec(s))) {
    if (!ref) continue;
    // "ahead of the weekend" looks forward whatever the tense
    const d = resolveWeekday(ref, 6, m[1] ? "future" : dir(m.index, m.index + m[0].length));
    const at = m.index + m[0].toLowerCase().indexOf("the");
    push(out, at, m.index + m[0].length, `${isoWeek(d)}-WE`, "DATE", "rule:weekend", true);
  }

  THE_WEEK_RE.lastIndex = 0;
  if (g.has(WEEK_WORD)) while ((m = THE_WEEK_RE.exec(s))) {
    if (ref && /\b(?:for|of|in|during|over)\s+$/i.test(before(s, m.index, 10)) || ref && /^['’]s/.test(s.slice(m.index + m[0].length))) {
      push(out, m.index, m.index + m[0].length, `${pad(ref.y, 4)}-WXX`, "DATE", "rule:week", true);
    }
  }

  // every week, each year
  EVERY_RE.lastIndex = 0;
  if (g.has(EVERY_WORD)) while ((m = EVERY_RE.exec(s))) push(out, m.index, m.index + m[0].length, durationValue(1, m[1]!.toLowerCase()), "SET", "rule:set", false);
  EVERY_MONTH_RE.lastIndex = 0;
  if (g.has(EVERY_WORD)) while ((m = EVERY_MONTH_RE.exec(s))) push(out, m.index, m.index + m[0].length, `XXXX-${pad(MONTHS.indexOf(m[1]!.toLowerCase()) + 1)}`, "SET", "rule:set", false);

  // vague references: "in recent weeks", "recently", "the future"
  VAGUE_RE.lastIndex = 0;
  if (g.has(VAGUE_WORD)) while ((m = VAGUE_RE.exec(s))) {
    const t = m[0].toLowerCase();
    // "killed, most recently last October": the adverb orders the events, the date after it is the time
    if (t === "recently" && /\bmost\s+$/i.test(before(s, m.index, 6)) && /^,?\s+(?:last|this|in|on|during)\b/i.test(s.slice(m.index + m[0].length, m.index + m[0].length + 10))) continue;
    let start = m.index;
    if (t.startsWith("in ")) start += 3;
    // "recent weeks", "coming months", "the weeks ahead": some weeks up to now or from now, a duration
    // of unknown length as TimeBank writes it (PXW), like "the coming years" and "the past few weeks"
    // ("recent weeks and months" spans two units: some time before now, PAST_REF)
    const unit = /\s(?:and|or)\s/.test(t) ? null : /(?:recent|coming)\s+(day|week|month|year|quarter)s|(day|week|month|year)s\s+ahead/.exec(t);
    if (unit) push(out, start, m.index + m[0].length, durationValue(undefined, (unit[1] ?? unit[2])!), "DURATION", "rule:vague", false);
    else {
      // "the near term", "a later date": some time to come; "the future of the company" is its fate
      const future = /future|term|later/.test(t);
      push(out, start, m.index + m[0].length, future ? "FUTURE_REF" : /currently/.test(t) ? "PRESENT_REF" : "PAST_REF", "DATE", "rule:vague", false);
    }
  }

  SPOKEN_YEAR_RE.lastIndex = 0;
  if (g.has(SPOKEN_YEAR_WORDS)) while ((m = SPOKEN_YEAR_RE.exec(s))) {
    const [all, tens, ones, ones2000] = m;
    // "two thousand" alone is a count unless it is "the year two thousand"
    if (!tens && !/^the\s+year/i.test(all!)) continue;
    // "nineteen ninety soldiers", "two thousand years": a count (tested here, case-sensitively: under
    // the regex's i flag \p{Ll} matches "Charles" too)
    if (!/^the\s+year/i.test(all!) && SPOKEN_COUNT_AFTER.test(s.slice(m.index + all!.length, m.index + all!.length + 40))) continue;
    const y = tens ? 1900 + 10 * (TENS.indexOf(tens.toLowerCase()) + 1) + (ones ? ONES.indexOf(ones.toLowerCase()) + 1 : 0)
      : 2000 + (ones2000 ? ONES.indexOf(ones2000.toLowerCase()) + 1 : 0);
    // "January nineteen ninety-seven"
    const month = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+$/.exec(before(s, m.index));
    // "the winter of nineteen ninety-four", as "the winter of 1994"
    const season = /\b(?:the\s+)?(spring|summer|autumn|fall|winter)\s+of\s+$/i.exec(before(s, m.index, 24));
    if (month) {
      const mo = MONTHS.indexOf(month[1]!.toLowerCase()) + 1;
      push(out, m.index - month[0].length, m.index + all!.length, monthValue(y, mo), "DATE", "rule:year", false);
    } else if (season) {
      push(out, m.index - season[0].length, m.index + all!.length, `${y}-${SEASONS[season[1]!.toLowerCase()]![0]}`, "DATE", "rule:season", false);
    } else push(out, m.index, m.index + all!.length, String(y), "DATE", "rule:year", false);
  }

  LATEST_PERIOD_RE.lastIndex = 0;
  if (g.has(PERIOD_WORD)) while ((m = LATEST_PERIOD_RE.exec(s))) {
    if (!ref) continue;
    const [y, mo] = addMonths(ref.y, ref.m, -3);
    push(out, m.index, m.index + m[0].length, `${y}-Q${Math.floor((mo - 1) / 3) + 1}`, "DATE", "rule:period", true);
  }

  HOLIDAY_RE.lastIndex = 0;
  if (g.has(HOLIDAY_WORD)) while ((m = HOLIDAY_RE.exec(s))) {
    const [all, mod, name, year] = m;
    // a holiday is a name: capitalised ("Easter", "Election Day"), not "christmas shopping" in lower case
    if (!/^\p{Lu}/u.test(name!)) continue;
    const date = HOLIDAYS[name!.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ")]!;
    let d: Day | undefined;
    if (year) d = date(Number(year));
    else if (ref) {
      const which = mod?.toLowerCase();
      const dirn: Direction = which === "last" ? "past" : which === "next" ? "future" : dir(m.index, m.index + all!.length);
      d = resolveHoliday(ref, date, dirn);
    }
    // "this Christmas", "Thanksgiving" without a publication date: no value to give
    if (!d) continue;
    // "Easter week", "Thanksgiving week": the calendar week the holiday falls in
    const week = /^\s+week\b/i.exec(s.slice(m.index + all!.length, m.index + all!.length + 6));
    if (week) push(out, m.index, m.index + all!.length + week[0].length, isoWeek(d), "DATE", "rule:holiday", !year);
    else push(out, m.index, m.index + all!.length, dayValue(d), "DATE", "rule:holiday", !year);
  }

  NAMED_MONTH_RE.lastIndex = 0;
  if (g.has(LAST_NEXT_THIS_WORD) && g.has(MONTH_WORD)) while ((m = NAMED_MONTH_RE.exec(s))) {
    // a month is a name: "last may" is a modal
    if (!/^\p{Lu}/u.test(m[2]!)) continue;
    if (!ref) {
      push(out, m.index, m.index + m[0].length, "", "DATE", "rule:month", true);
      continue;
    }
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const y = resolveNamedMonth(ref, month, m[1]!.toLowerCase() as "last" | "next" | "this");
    push(out, m.index, m.index + m[0].length, monthValue(y, month), "DATE", "rule:month", true);
  }

  THE_YEAR_RE.lastIndex = 0;
  if (g.has(YEAR_WORD)) while ((m = THE_YEAR_RE.exec(s))) {
    if (ref) push(out, m.index, m.index + m[0].length, pad(ref.y, 4), "DATE", "rule:relative", true);
  }

  YEAR_END_RE.lastIndex = 0;
  if (g.has(YEAR_WORD) && g.has(END_WORD)) while ((m = YEAR_END_RE.exec(s))) {
    if (!ref) continue;
    const y = pad(/^(?:since|after)$/i.test(m[1]!) ? ref.y - 1 : ref.y, 4);
    push(out, m.index, m.index + m[0].length, m[2] ? `${y}-12-31` : y, "DATE", "rule:relative", true);
  }

  THAT_UNIT_RE.lastIndex = 0;
  if (g.has(YEAR_MONTH_WORD)) while ((m = THAT_UNIT_RE.exec(s))) {
    if (!ref) continue;
    const unit = m[1]!.toLowerCase() as "year" | "month";
    // with no date mentioned before, the year or month of publication
    const value = unit === "year" ? pad(ref.y, 4) : monthValue(ref.y, ref.m);
    out.push({ span: [m.index, m.index + m[0].length], value, type: "DATE", source: "rule:anchored", relative: true, anchored: { unit, shift: 0 } });
  }

  THAT_DAY_RE.lastIndex = 0;
  if (g.has(DAY_PART_OR_DAY_WORD)) while ((m = THAT_DAY_RE.exec(s))) {
    const which = (m[2] ?? "").toLowerCase();
    const shift = which === "next" || which === "following" ? 1 : which === "previous" ? -1 : 0;
    // with no day named before, counted from publication's day (and with no publication date either, unresolved)
    out.push({
      span: [m.index, m.index + m[0].length], value: ref ? dayValue(addDays(ref, shift)) : "", type: "DATE",
      source: "rule:anchored", relative: true, anchored: { unit: "day", shift, narrative: true },
    });
  }

  YEAR_ENDED_RE.lastIndex = 0;
  if (g.has(YEAR_WORD)) while ((m = YEAR_ENDED_RE.exec(s))) push(out, m.index, m.index + m[0].length, "P1Y", "DURATION", "rule:duration", false);

  CURRENT_ADJ_RE.lastIndex = 0;
  if (g.has(CURRENT_WORD)) while ((m = CURRENT_ADJ_RE.exec(s))) push(out, m.index, m.index + m[0].length, "PRESENT_REF", "DATE", "rule:vague", false);

  NOW_RE.lastIndex = 0;
  if (g.has(NOW_WORD)) while ((m = NOW_RE.exec(s))) {
    // a sentence-opening "Now," turns the story ("Now, he says…"); without the comma it is mostly
    // the present ("Now officials are investigating"); "from now", "by now" are idioms ("for now" and
    // "until now" reach to the present and TimeBank marks them)
    if (/^Now\b/.test(m[0]) && /^[\s"“‘'(]*$/.test(before(s, m.index, 4)) && /^\s*,/.test(s.slice(m.index + m[0].length))) continue;
    if (/\b(?:from|by)\s+$/i.test(s.slice(Math.max(0, m.index - 7), m.index))) continue;
    push(out, m.index, m.index + m[0].length, "PRESENT_REF", "DATE", "rule:vague", false);
  }

  SOON_RE.lastIndex = 0;
  if (g.has(SOON_WORD)) while ((m = SOON_RE.exec(s))) {
    if (m[0].length > 4 || tenseNear(s, m.index, m.index + m[0].length) === "future") push(out, m.index, m.index + m[0].length, "FUTURE_REF", "DATE", "rule:vague", false);
  }

  WHILE_RE.lastIndex = 0;
  if (g.has(WHILE_WORD)) while ((m = WHILE_RE.exec(s))) push(out, m.index, m.index + m[0].length, "PXX", "DURATION", "rule:duration", false);

  NTH_DAY_RE.lastIndex = 0;
  if (g.has(DAY_WORD)) while ((m = NTH_DAY_RE.exec(s))) if (ref) push(out, m.index, m.index + m[0].length, dayValue(ref), "DATE", "rule:day", true);

  ORDINAL_CENTURY_RE.lastIndex = 0;
  if (g.has(CENTURY_WORD)) while ((m = ORDINAL_CENTURY_RE.exec(s))) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 21) push(out, m.index, m.index + m[0].length, pad(n - 1, 2), "DATE", "rule:century", false);
  }

  DECADE_WORD_RE.lastIndex = 0;
  if (g.has(DECADE_WORD)) while ((m = DECADE_WORD_RE.exec(s))) {
    const tens = m[1] ? DECADE_WORDS.indexOf(m[1].toLowerCase()) + 2 : Number(m[2]);
    push(out, m.index, m.index + m[0].length, `19${tens}`, "DATE", "rule:decade", false);
  }

  // years: "in 2019", "the 2016 Olympics", "the 1990s", "early 2023"
  YEAR_RE.lastIndex = 0;
  if (YEAR_DIGITS.test(s)) while ((m = YEAR_RE.exec(s))) {
    const [all, , year, decade] = m;
    const left = s.slice(Math.max(0, m.index - 40), m.index);
    const right = s.slice(m.index + all!.length, m.index + all!.length + 40);
    // "for 1990 and beyond", "in both 1990 and 1991": weaker cues, still subject to the count test below
    const weak = YEAR_LEFT_WEAK.test(left) || /^\s+(?:and|or|to)\s+(?:1[89]|20)\d\d\b/.test(right);
    const sure = decade || /^(?:mid|early|late)/i.test(all!) || YEAR_LEFT.test(left) || weak || YEAR_RIGHT_EVENT.test(right) || YEAR_RIGHT_END.test(right);
    if (!sure) continue;
    // "than 2000 people": a count, whatever came before
    if (!decade && !YEAR_LEFT.test(left) && /^\s+\p{Ll}+s\b/u.test(right) && !YEAR_RIGHT_EVENT.test(right)) continue;
    // a decade is its first three digits ("the 1990s" = 199), as TIMEX3 writes it
    const value = decade ? year!.slice(0, 3) : year!;
    push(out, m.index, m.index + all!.length, value, "DATE", "rule:year", false);
  }
}

/**
 * One answer per stretch of text: where expressions overlap, the longer one wins (chrono's
 * "Thursday, Oct. 24, 2024" over our "Thursday"), and at equal length chrono's calendar reading.
 */
function resolveOverlaps(found: TimeFound[]): TimeFound[] {
  // most sentences have no expression or one: nothing can overlap
  if (found.length === 0) return [];
  if (found.length === 1) return found[0]!.span[1] > found[0]!.span[0] ? [found[0]!] : [];
  const sorted = found
    .filter((f) => f.span[1] > f.span[0])
    .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]) || (a.source === "chrono" ? -1 : 1) - (b.source === "chrono" ? -1 : 1));
  // characters already claimed by a kept expression (comparing each with every kept one was
  // quadratic in a sentence of thousands of dates)
  const taken = new Uint8Array(sorted.reduce((m, f) => Math.max(m, f.span[1]), 0));
  const kept: TimeFound[] = [];
  for (const f of sorted) {
    let free = true;
    for (let i = f.span[0]; i < f.span[1] && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, f.span[0], f.span[1]);
    kept.push(f);
  }
  return kept.sort((a, b) => a.span[0] - b.span[0]);
}

// How many sentences a named quarter stays the period under discussion (TBAQ: 5 sentences or more
// 0.799 value F1, 3 sentences 0.797: results news restates the quarter seldom)
const PERIOD_REACH = 5;

/**
 * Re-dates comparisons with "a year ago" to the reporting period under discussion: after "third-quarter
 * profit rose…", "from $5 million a year ago" is the third quarter of the year before (TIMEX3 values
 * take the granularity of what is compared). A nine-month or full-year figure named since ends it.
 */
export class PeriodContext {
  private quarter: { y: number; q: number } | undefined;
  private age = Infinity;

  /** `ref`: publication's day; a quarter that has not begun by then is a forecast, not the period reported on */
  constructor(private readonly ref?: Day) {}

  redate(found: TimeFound[]): TimeFound[] {
    this.age++;
    for (const f of found) {
      const q = /^(\d{4})-Q([1-4])$/.exec(f.value);
      // ("losses through the third quarter of 1990" in a 1989 paper looks ahead: results compare the quarter reported)
      // a bare "the quarter" with no quarter under discussion is the latest one, and from then on the one discussed
      const named = f.source === "rule:quarter" || (f.source === "rule:the-quarter" && !this.quarter);
      // (and "a charge in the 1988 second quarter" in a 1989 report is history: a quarter more than a year
      // before publication is not the one reported on)
      const back = q && this.ref ? this.ref.y * 4 + Math.floor((this.ref.m - 1) / 3) - (+q[1]! * 4 + +q[2]! - 1) : 0;
      if (q && named && back >= 0 && back <= 4) {
        this.quarter = { y: +q[1]!, q: +q[2]! };
        this.age = 0;
      } else if (f.source === "rule:the-quarter") {
        // a mention of the quarter under discussion keeps it under discussion
        this.age = 0;
      } else if (f.type === "DURATION" && /^P\d+[MY]$/.test(f.value)) {
        // "for the nine months", "the full year": a longer period is now the one compared
        this.age = Infinity;
      }
    }
    const current = this.age <= PERIOD_REACH ? this.quarter : undefined;
    // "the quarter" refers back to the last quarter named however far back (it names none itself)
    const story = this.quarter;
    if (!current && !story) return found;
    return found.map((f) => {
      if (f.source === "rule:the-quarter" && story) return { ...f, value: `${story.y}-Q${story.q}` };
      if (!current) return f;
      if (f.source === "rule:year-ago" || f.source === "rule:last-year") return { ...f, value: `${current.y - 1}-Q${current.q}` };
      if (f.source === "rule:period") return { ...f, value: `${current.y}-Q${current.q}` };
      if (f.source === "rule:year-period") return { ...f, value: `${f.value.slice(0, 4)}-Q${current.q}` };
      return f;
    });
  }
}

/**
 * Dates the phrases that count from the story's own time line ("the following year", "later that
 * year") from the last date named before them: one with its year written out ("On May 22, 1995, …
 * and the following year" is 1996), or a month chrono dated ("In March, … The following month" is
 * April). With none before them they keep their reading from publication.
 */
// How many sentences back a named day still dates a bare clock time.
const DAY_REACH = 3;
// relative dates that still name the month ("in March", "Oct. 7") can anchor a following "the following month"
const ANCHOR_SOURCES = new Set(["chrono", "rule:month"]);

export class AnchorContext {
  private last: { y: number; m?: number } | undefined;
  /** the last day named (a date, a weekday, "yesterday") and how many sentences ago */
  private day: { value: string; age: number } | undefined;
  /** the last month or day named, however long ago (what "the next day" continues from) */
  private point: string | undefined;

  redate(found: TimeFound[]): TimeFound[] {
    if (this.day) this.day.age++;
    return found.map((f) => {
      const day = /^\d{4}-\d\d-\d\d/.exec(f.value)?.[0];
      if (f.anchored?.unit === "day") {
        // "Friday, … No one has claimed responsibility. The blast occurred at about 10:35 a.m.": within
        // a few sentences the clock time continues the day named; further on, publication's day stands.
        // "The next day" continues the story's time line however far back its day was named.
        const { shift, narrative } = f.anchored;
        if (narrative) {
          // the date last named, at its own granularity: "last October … that same day" is a day of
          // that October (TIMEX3 1998-10-XX)
          if (!this.point) return f;
          if (this.point.length === 7) return f.anchored.weekday ? f : { ...f, value: `${this.point}-XX` };
          const from = parseDay(this.point)!;
          const wd = f.anchored.weekday;
          const value = wd ? dayValue(resolveWeekday(from, wd.wd, wd.dir, true)) : shift ? dayValue(addDays(from, shift)) : this.point;
          this.day = { value, age: 0 };
          this.point = value;
          return { ...f, value };
        }
        if (!this.day || this.day.age > DAY_REACH || !day) return f;
        return { ...f, value: this.day.value + f.value.slice(10) };
      }
      if (day && (f.type === "DATE" || f.type === "TIME")) this.day = { value: day, age: 0 };
      const point = /^\d{4}-\d\d(?:-\d\d)?/.exec(f.value)?.[0];
      if (point && (f.type === "DATE" || f.type === "TIME")) this.point = point;
      if (f.anchored) {
        if (!this.last) return f;
        const { unit, shift } = f.anchored;
        if (unit === "year") return { ...f, value: pad(this.last.y + shift, 4) };
        if (this.last.m === undefined) return f;
        return { ...f, value: monthValue(...addMonths(this.last.y, this.last.m, shift)) };
      }
      const d = /^(\d{4})(?:-(\d\d))?(?:-\d\d)?$/.exec(f.value);
      if (d && f.type === "DATE" && (!f.relative || (ANCHOR_SOURCES.has(f.source) && d[2]))) this.last = { y: +d[1]!, m: d[2] ? +d[2] : undefined };
      return f;
    });
  }
}

export const times: Stage = {
  name: "times",
  kind: "extractor",
  requires: ["sentence"],
  provides: ["time"],
  run(doc: Document) {
    const ref = parseDay(doc.referenceDate);
    const out: Time[] = [];
    let unresolved = 0;
    const context = new PeriodContext(ref);
    const anchors = new AnchorContext();
    for (const sent of doc.get("sentence")) {
      checkDeadline(doc);
      const text = doc.text.slice(sent.span[0], sent.span[1]);
      for (const f of anchors.redate(context.redate(findTimes(text, ref)))) {
        if (!f.value) {
          unresolved++;
          continue;
        }
        const span: Span = [sent.span[0] + f.span[0], sent.span[0] + f.span[1]];
        out.push({ id: doc.nextId("t"), text: doc.text.slice(span[0], span[1]), span, value: f.value, type: f.type, source: f.source });
      }
    }
    if (unresolved) doc.warn("times", `no publication date: ${unresolved} relative time expression(s) left unresolved`);
    doc.set("time", out);
  },
};
