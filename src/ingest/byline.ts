// Turns author fields ("By Jane Doe and John Roe, Staff Writers") into a list of person names.

const ROLE_WORDS = /\b(?:staff|writers?|reporters?|correspondents?|editors?|editorial|contributors?|contributing|columnist|team|desk|newsroom|bureau|news|press|agency|agencies|wire|service|admin|administrator|guest|author|journalist|photographer|senior|chief|political|special|associate|business|sports?|international|media|online|digital|magazine|network|tv|radio|group|inc|ltd|llc|daily|weekly|times|post|herald|tribune|gazette|journal|channel|online|opinion|blog)\b/i;
const GLUED_DATE = /(\p{Ll})(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Updated|Published|Posted)\b.*$/u;
// `(?<!\s)` in front of each `\s+`: a match may only start where a run of spaces starts; without it every space of
// a long run was a new start, rescanning the run (and `\s+…?\s*` split it every way: hung over 10 s on 20,000 spaces).
const DATE_TAIL = /(?<!\s)\s+(?:(?:on|at|posted|published|updated)\s*)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?\s+\d.*$|(?<!\s)\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d).*$/;
const NOT_A_NAME = /[@\d<>{}=|/\\#]|https?:|www\./i;

/** Splits and cleans one or more author strings into person names, dropping roles, handles and outlet names. */
export function parseBylines(values: Array<string | undefined>, outlet?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const outletKey = outlet ? key(outlet) : undefined;
  for (const value of values) {
    if (!value) continue;
    for (const name of splitByline(value)) {
      const k = key(name);
      if (seen.has(k) || !isPersonName(name) || (outletKey && (k === outletKey || outletKey.includes(k)))) continue;
      seen.add(k);
      out.push(titleCaseShouting(name));
    }
  }
  return out;
}

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}]+/gu, "");
}

/** Longer author fields are page text read as a byline; cut there, so no regex below sees an unbounded string. */
const MAX_BYLINE = 400;

function splitByline(value: string): string[] {
  let v = value.slice(0, MAX_BYLINE * 4).replace(/\s+/g, " ").trim().slice(0, MAX_BYLINE);
  // "By Jane Doe | Reuters", "Jane Doe - Staff Writer": the tail after a bar is an affiliation.
  v = v.replace(/\s[|–—]\s.*$/, "");
  v = v.replace(/^(?:(?:written|posted|reported|story|text|words|photos?)\s+)?by[:\s]+/i, "");
  v = v.replace(/(?<!\s)\s+(?:in|for)\s+[A-Z][\w ]+$/, "");
  // Text read from a page can glue the byline to the date that follows it ("Jane DoeMonday, …").
  v = v.replace(GLUED_DATE, "$1");
  // "Jane Doe on Monday, November 18th, 2019 at 11:08 a.m.": the date is no name.
  v = v.replace(DATE_TAIL, "");
  return v
    .split(/(?<!\s)\s*(?:,|;|&|\band\b|\bwith\b|\/|(?<=\p{Ll}{2})\.\s+)\s*/iu)
    .map((s) => s.replace(/^by\s+/i, "").replace(/^[\s"'“”.:-]+|(?<![\s"'“”.:-])[\s"'“”.:-]+$/g, "").replace(/(?<!\s)\s+(?:-|–|—)\s+.*$/, ""))
    .filter(Boolean);
}

/** A person name: two to five capitalised words, no digits, URLs, handles or job titles. */
export function isPersonName(name: string): boolean {
  if (name.length < 3 || name.length > 60 || NOT_A_NAME.test(name) || ROLE_WORDS.test(name)) return false;
  const words = name.split(" ");
  if (words.length > 5) return false;
  if (words.length === 1) return false;
  return words.every((w) => /^[\p{Lu}]/u.test(w) || /^(?:de|da|di|van|von|der|den|du|la|le|bin|al|el|y|dos|del)$/i.test(w));
}

/** "TOM KRISHER" → "Tom Krisher": wire bylines are often set in capitals; names compare better cased. */
function titleCaseShouting(name: string): string {
  if (name !== name.toUpperCase() || name === name.toLowerCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
