// Name folding shared by the store and cross-article tracking: case, accents and transliteration variants compare equal.
/** Titles and honorifics that say nothing about who someone is ("Mr Putin" is Putin). */
const HONORIFIC = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "gen", "col", "lt", "sgt", "capt", "rev"]);

/**
 * Lower-case, accent-free, punctuation-free, with common romanisation variants collapsed so that
 * Zelensky / Zelenskyy / Zelenskiy / Zelenskii and Kyiv / Kiev-style doubled letters fold together.
 */
export function foldName(name: string): string {
  const plain = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return plain
    .split(" ")
    .filter((w) => w && !HONORIFIC.has(w))
    .map(foldWord)
    .join(" ");
}

/** Transliteration folding of one word: endings -yy/-iy/-ii/-yi → -y, doubled letters single, "kh" → "h", "ks" → "x" (Aleksandr / Alexander). */
export function foldWord(word: string): string {
  return word
    .replace(/(?:yy|iy|ii|yi|ij)$/, "y")
    .replace(/kh/g, "h")
    .replace(/ks/g, "x")
    .replace(/(.)\1+/g, "$1");
}
