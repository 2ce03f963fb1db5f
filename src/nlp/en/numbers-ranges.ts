// Number ranges as intervals ("more than 20" → "(20,)", "between 20 and 30" → "[20,30)"), in Recognizers-Text's notation.
import { atomsOfText, scanNumbers, type Atom, type NumberMatch } from "./numbers.js";

export interface NumberRange {
  start: number;
  end: number;
  low?: number;
  high?: number;
  lowInclusive: boolean;
  highInclusive: boolean;
  /** "(20,35]", "[30,)", "(,100]" */
  interval: string;
}

type Side = "gt" | "ge" | "lt" | "le" | "eq";

// Operator phrases written before the number. Word lists are split on spaces; symbols are their own atoms.
const PREFIX: [string, Side][] = [
  ["more than", "gt"], ["greater than", "gt"], ["larger than", "gt"], ["bigger than", "gt"], ["higher than", "gt"],
  ["above", "gt"], ["over", "gt"], ["exceed", "gt"], ["exceeds", "gt"], ["exceeding", "gt"], ["exceeded", "gt"],
  ["surpass", "gt"], ["surpasses", "gt"], ["surpassing", "gt"], [">", "gt"],
  ["at least", "ge"], ["no less than", "ge"], ["not less than", "ge"], ["no fewer than", "ge"], ["not fewer than", "ge"],
  ["bigger or equal than", "ge"], ["greater or equal than", "ge"], ["higher or equal than", "ge"], ["larger or equal than", "ge"],
  ["more or equal than", "ge"], ["greater than or equal to", "ge"], ["more than or equal to", "ge"], ["larger than or equal to", "ge"],
  ["higher than or equal to", "ge"], ["bigger than or equal to", "ge"], ["equal to or more than", "ge"],
  ["equal to or greater than", "ge"], ["equal to or higher than", "ge"], ["equal to or larger than", "ge"],
  ["at least or equal to", "ge"], ["> =", "ge"], [">=", "ge"],
  ["less than", "lt"], ["fewer than", "lt"], ["smaller than", "lt"], ["lower than", "lt"], ["below", "lt"], ["under", "lt"], ["<", "lt"],
  ["at most", "le"], ["no more than", "le"], ["not more than", "le"], ["up to", "le"], ["less or equal than", "le"],
  ["smaller or equal than", "le"], ["lower or equal than", "le"], ["fewer or equal than", "le"], ["less than or equal to", "le"],
  ["smaller than or equal to", "le"], ["lower than or equal to", "le"], ["fewer than or equal to", "le"],
  ["equal to or less than", "le"], ["equal to or fewer than", "le"], ["equal to or smaller than", "le"],
  ["equal to or lower than", "le"], ["< =", "le"],
  ["equal to", "eq"], ["equals", "eq"], ["equals to", "eq"], ["equaling to", "eq"], ["equaling", "eq"], ["equalling", "eq"],
];
// Phrases written after the number ("500 or more"); `open` ones need no number after them ("200 or greater than").
const SUFFIX: [string, Side][] = [
  ["or more", "ge"], ["and more", "ge"], ["or greater", "ge"], ["or above", "ge"], ["or higher", "ge"], ["or larger", "ge"],
  ["or bigger", "ge"], ["or greater than", "ge"], ["or more than", "ge"], ["or higher than", "ge"], ["or larger than", "ge"],
  ["or less", "le"], ["and less", "le"], ["or fewer", "le"], ["or smaller", "le"], ["or lower", "le"], ["or below", "le"],
  ["or less than", "le"], ["or fewer than", "le"], ["or smaller than", "le"],
];
/** After a strict bound, "or equal (to)" makes it inclusive: "more than 5000 or equal to". */
const OR_EQUAL = [["or", "equal", "to"], ["or", "equal"]];

const split = (list: [string, Side][]): [string[], Side][] =>
  list.map(([p, s]) => [p.split(" "), s] as [string[], Side]).sort((a, b) => b[0].length - a[0].length);
const PREFIX_WORDS = split(PREFIX);
const SUFFIX_WORDS = split(SUFFIX);

function wordsAt(atoms: readonly Atom[], i: number, words: readonly string[], lo: number, hi: number): boolean {
  if (i < lo || i + words.length > hi) return false;
  for (let k = 0; k < words.length; k++) if (atoms[i + k]!.w !== words[k]) return false;
  // symbols pair only when written together or with one space ("< =" and "<=")
  return true;
}

interface Item {
  first: number;
  last: number;
  low?: number;
  high?: number;
  lowInc: boolean;
  highInc: boolean;
}

function format(it: Item): string {
  return `${it.lowInc ? "[" : "("}${it.low ?? ""},${it.high ?? ""}${it.highInc ? "]" : ")"}`;
}

/** Number ranges in atoms [0, atoms.length): explicit ranges first, then one-sided bounds, then their pairs. */
export function rangesInAtoms(atoms: readonly Atom[], numbers: readonly NumberMatch[]): Item[] {
  const items: Item[] = [];
  const used = new Set<number>();
  const n = atoms.length;
  // explicit ranges: "between X and Y", "from X to Y", "X through Y", "X-Y", "X~Y"
  for (let k = 0; k + 1 < numbers.length; k++) {
    const a = numbers[k]!;
    const b = numbers[k + 1]!;
    if (b.first !== a.last + 1) continue;
    const sep = atoms[a.last]!.w;
    const before = atoms[a.first - 1]?.w;
    let first = a.first;
    let ok = false;
    if (before === "between" && sep === "and") ok = true;
    else if (before === "from" && sep === "to") ok = true;
    else if (sep === "through" || sep === "thru") ok = true;
    else if ((sep === "-" || sep === "\u2013" || sep === "~") && !/^0\d/.test(atoms[b.first]!.w)) {
      const glued = atoms[a.last]!.start === a.end && b.start === atoms[a.last]!.end;
      const spaced = atoms[a.last]!.start > a.end && b.start > atoms[a.last]!.end;
      const chain = atoms[b.last]?.w === "-" || (a.first > 0 && atoms[a.first - 1]!.w === "-") || atoms[a.first - 1]?.w === "+";
      ok = (glued || spaced) && !chain;
    }
    if (!ok) continue;
    if (before === "between" || before === "from") first--;
    items.push({ first, last: b.last, low: a.value, high: b.value, lowInc: true, highInc: false });
    used.add(k).add(k + 1);
    k++;
  }
  // one-sided bounds and equalities
  for (let k = 0; k < numbers.length; k++) {
    if (used.has(k)) continue;
    const m = numbers[k]!;
    let side: Side | undefined;
    let first = m.first;
    for (const [words, s] of PREFIX_WORDS) {
      const at = m.first - words.length;
      if (wordsAt(atoms, at, words, 0, m.first)) {
        // "<>30", "=>30", "=<30" are not operators
        const before = atoms[at - 1];
        if (before && before.end === atoms[at]!.start && /^[<>=]$/.test(before.w)) break;
        side = s;
        first = at;
        break;
      }
    }
    let last = m.last;
    if (side === undefined) {
      // "500 or more", "200 or greater than" (nothing after), "equal to 5000 or less"
      for (const [words, s] of SUFFIX_WORDS) {
        if (wordsAt(atoms, m.last, words, 0, n)) {
          const after = numbers[k + 1];
          // "200 or greater than 190": the bound belongs to the next number, and "200" stays bare
          if (words[words.length - 1] === "than" && after && after.first === m.last + words.length) break;
          side = s;
          last = m.last + words.length;
          break;
        }
      }
    } else if (side === "eq") {
      for (const [words, s] of SUFFIX_WORDS) {
        if (wordsAt(atoms, m.last, words, 0, n)) {
          const after = numbers[k + 1];
          if (after && after.first === m.last + words.length) break;
          side = s;
          last = m.last + words.length;
          break;
        }
      }
    } else if (side === "gt" || side === "lt") {
      for (const words of OR_EQUAL) {
        if (wordsAt(atoms, m.last, words, 0, n)) {
          const after = numbers[k + 1];
          if (after && after.first === m.last + words.length) break;
          side = side === "gt" ? "ge" : "le";
          last = m.last + words.length;
          break;
        }
      }
    }
    if (side === undefined) continue;
    const v = m.value;
    const it: Item = { first, last, lowInc: false, highInc: false };
    if (side === "gt" || side === "ge" || side === "eq") {
      it.low = v;
      it.lowInc = side !== "gt";
    }
    if (side === "lt" || side === "le" || side === "eq") {
      it.high = v;
      it.highInc = side !== "lt";
    }
    items.push(it);
  }
  items.sort((a, b) => a.first - b.first);
  // pairs: "larger than 10 and smaller than 20", "at most 100 and at least 20", "higher or equal than 1, lower …"
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const a = items[k]!;
    const b = items[k + 1];
    if (b && b.first === a.last + 1 && /^(?:and|but|,)$/.test(atoms[a.last]!.w)) {
      const lowItem = a.low !== undefined && a.high === undefined ? a : b.low !== undefined && b.high === undefined ? b : undefined;
      const highItem = lowItem === a ? b : a;
      if (lowItem && highItem.high !== undefined && highItem.low === undefined && lowItem.low! < highItem.high) {
        out.push({ first: a.first, last: b.last, low: lowItem.low, lowInc: lowItem.lowInc, high: highItem.high, highInc: highItem.highInc });
        k++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, hundredth: 100,
};

/** "the tenth", "the 15th": ranks, which ranges compare like numbers ("between the tenth and the fifteenth"). */
function ranks(atoms: readonly Atom[]): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (let i = 0; i + 1 < atoms.length; i++) {
    if (atoms[i]!.w !== "the") continue;
    const o = atoms[i + 1]!;
    const digit = /^(\d+)(?:st|nd|rd|th)$/.exec(o.w);
    const value = digit ? Number(digit[1]) : ORDINAL_WORDS[o.w];
    if (value === undefined) continue;
    out.push({
      first: i, last: i + 2, start: atoms[i]!.start, end: o.end, value, kind: "cardinal", spelled: !digit, scale: 1,
      grouped: false, plain: false, bareFraction: false, core: [atoms[i]!.start, o.end],
    });
  }
  return out;
}

/** Number ranges in a plain string. */
export function findNumberRanges(text: string): NumberRange[] {
  const atoms = atomsOfText(text);
  const numbers = [...scanNumbers(atoms), ...ranks(atoms)].sort((a, b) => a.first - b.first);
  return rangesInAtoms(atoms, numbers).map((it) => ({
    start: atoms[it.first]!.start,
    end: atoms[it.last - 1]!.end,
    low: it.low,
    high: it.high,
    lowInclusive: it.lowInc,
    highInclusive: it.highInc,
    interval: format(it),
  }));
}
