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
  if (Number.isNaN(t)) return undefined;
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
