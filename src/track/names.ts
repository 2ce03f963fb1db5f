// Name comparison for cross-article tracking: folding, tokens, edit distance, and country names / demonyms.
import { createRequire } from "node:module";
import { foldName } from "../store/fold.js";

export { foldName } from "../store/fold.js";

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many edits two spellings of one name may differ by: none for short words, where one letter makes another name. */
export function spellingTolerance(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

export function nameTokens(name: string): string[] {
  const folded = foldName(name);
  return folded ? folded.split(" ") : [];
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}

let countryIndex: Map<string, string> | undefined;

/** ISO 3166-1 alpha-2 code of a country named or described ("Ukraine", "Ukrainian", "U.S.", "Russians"), if any. */
export function countryOf(name: string): string | undefined {
  if (!countryIndex) {
    countryIndex = new Map();
    const countries = createRequire(import.meta.url)("world-countries") as WorldCountry[];
    for (const c of countries) {
      const names = [c.name.common, c.name.official, ...c.altSpellings, c.demonyms?.eng?.m, c.demonyms?.eng?.f];
      for (const n of names) if (n && n.length > 2) countryIndex.set(foldName(n), c.cca2);
    }
    // Common forms the dataset spells otherwise.
    for (const [n, code] of [["us", "US"], ["u s", "US"], ["usa", "US"], ["u s a", "US"], ["u k", "GB"], ["america", "US"], ["britain", "GB"], ["uk", "GB"], ["british", "GB"], ["kremlin", "RU"], ["moscow", "RU"], ["kyiv", "UA"], ["kiev", "UA"], ["washington", "US"], ["pentagon", "US"], ["white house", "US"]] as const) {
      countryIndex.set(n, code);
    }
  }
  const folded = foldName(name).replace(/^the /, "");
  return countryIndex.get(folded) ?? countryIndex.get(folded.replace(/s$/, ""));
}
