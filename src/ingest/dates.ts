// Normalises the date strings found in page metadata, feeds and JSONL to ISO 8601.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const HAS_ZONE = /(?:\d(?:Z|[+-]\d{2}:?\d{2})\b|\b(?:GMT|UTC|UT|[ECMP][SD]T|Z)\b|[+-]\d{4}\b)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z)?$/;

function plausible(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

/**
 * An ISO 8601 form of a date string, or undefined when it is not a date.
 * Dates without a zone stay without one: inventing UTC would shift a local publication date.
 */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  if (!v) return undefined;
  let m = ISO_DATE.exec(v);
  if (m) return plausible(+m[1]!) && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= 31 ? v : undefined;
  m = ISO_DATETIME.exec(v);
  if (m) {
    if (!plausible(+m[1]!.slice(0, 4))) return undefined;
    let zone = m[3] ?? "";
    if (/^(utc|gmt)$/i.test(zone)) zone = "Z";
    else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return `${m[1]}T${m[2]}${zone.toUpperCase()}`;
  }
  m = SLASHED.exec(v);
  if (m) return plausible(+m[1]!) ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : undefined;
  m = COMPACT.exec(v);
  if (m) {
    if (!plausible(+m[1]!)) return undefined;
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    return m[4] ? `${date}T${m[4]}:${m[5]}:${m[6] ?? "00"}${m[7] ?? ""}` : date;
  }
  // Epoch seconds or milliseconds (some CMSs put these in meta tags).
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const ms = v.length === 10 ? +v * 1000 : +v;
    return new Date(ms).toISOString();
  }
  if (!/\d{4}/.test(v)) return undefined;
  const t = Date.parse(v);
  // Strings Date.parse cannot read ("01:38:07 PM IST Nov 20, 2019") may still name a day.
  if (Number.isNaN(t)) return textDate(v);
  const d = new Date(t);
  if (!plausible(d.getUTCFullYear())) return undefined;
  // RFC 822 and similar carry a zone; ISO in UTC is then exact.
  if (HAS_ZONE.test(v)) return d.toISOString().replace(".000Z", "Z");
  // No zone written ("November 19, 2019, 9:02 AM"): keep the wall-clock time as written, zone-less.
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const hasTime = d.getHours() || d.getMinutes() || d.getSeconds() || /\d:\d/.test(v);
  return hasTime ? `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : date;
}

/** A date from the path of an article URL (/2023/05/17/ or /2023-05-17/), which many outlets use. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /\/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
/** A word boundary, or a capital glued to a lower-case letter ("By Jane DoeNovember 15, 2019"). */
const WORD_START = "(?:\\b|(?<=[a-z])(?=[A-Z]))";
const MONTH_DAY_YEAR = new RegExp(`${WORD_START}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s*((?:19|20)\\d{2})(?:(?!\\d)|(?=\\d:\\d))`, "i");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+((?:19|20)\\d{2})(?:(?!\\d)|(?=\\d:\\d))`, "i");
/** "Nov 18, 8:19 PM": a month and day with no year, read only when the caller knows the year. */
const MONTH_DAY = new RegExp(`${WORD_START}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "i");
const ISO_IN_TEXT = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;

/**
 * The first calendar day written out in running text ("Posted Nov 18, 2019 8:19 PM", "By Jane Doe November 15,
 * 2019", "18th November 2019", "2019-11-18"), as YYYY-MM-DD; "Nov 18" only when `year` is given. English month
 * names only.
 */
export function textDate(text: string, year?: number): string | undefined {
  const pad = (n: string | number) => String(n).padStart(2, "0");
  const candidates: Array<[number, string]> = [];
  let m = MONTH_DAY_YEAR.exec(text);
  if (m) candidates.push([m.index, `${m[3]}-${pad(monthIndex(m[1]!))}-${pad(m[2]!)}`]);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) candidates.push([m.index, `${m[3]}-${pad(monthIndex(m[2]!))}-${pad(m[1]!)}`]);
  m = ISO_IN_TEXT.exec(text);
  if (m) candidates.push([m.index, `${m[1]}-${m[2]}-${m[3]}`]);
  if (!candidates.length && year !== undefined) {
    m = MONTH_DAY.exec(text);
    if (m) candidates.push([m.index, `${year}-${pad(monthIndex(m[1]!))}-${pad(m[2]!)}`]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  for (const [, day] of candidates) {
    const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
    if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12 && plausible(y)) return day;
  }
  return undefined;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Whole days from one YYYY-MM-DD to another. */
export function dayDistance(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
