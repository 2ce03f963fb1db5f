#!/usr/bin/env node
// Builds src/nlp/en/lexicons/quantity-units.json: unit words (SI-prefixed metric, data, kitchen and currency minor units) → symbol and name.
//
// Why: the figure stage knew a hand list of common units; the general families are generated here instead of
// phrase by phrase: every SI prefix (pico … tera) with metre, gram, litre, watt, in both spellings and numbers,
// bit and byte with decimal prefixes and their symbols (kB, MB, GB, Mbit), US customary kitchen measures, and
// currency minor units (cent, penny/pence). Single-letter and two-letter symbols that are common words or clock
// times ("m", "g", "in", "pm") are left out: only the spelled names and unambiguous data symbols are listed.
//
// Usage: node scripts/build-quantity-units.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
/** [prefix, symbol prefix, name prefix] — SI prefixes from pico to tera. */
const PREFIXES = [["pico", "p", "Pico"], ["nano", "n", "Nano"], ["micro", "μ", "Micro"], ["milli", "m", "Milli"], ["centi", "c", "Centi"],
  ["deci", "d", "Deci"], ["", "", ""], ["deca", "da", "Deca"], ["hecto", "h", "Hecto"], ["kilo", "k", "Kilo"], ["mega", "M", "Mega"],
  ["giga", "G", "Giga"], ["tera", "T", "Tera"]];
/** [spellings, symbol, name]: SI base and derived units written out. */
const BASES = [[["metre", "meter"], "m", "meter"], [["gram", "gramme"], "g", "gram"], [["litre", "liter"], "l", "liter"], [["watt"], "W", "watt"]];
const words = {};
const add = (w, unit, name) => { words[w.toLowerCase()] ??= [unit, name]; };
const plural = (w) => (w.endsWith("s") ? w : `${w}s`);
for (const [pre, sym, namePre] of PREFIXES) {
  for (const [spellings, bsym, bname] of BASES) {
    const unit = sym + bsym;
    const name = namePre ? namePre + bname : bname[0].toUpperCase() + bname.slice(1);
    for (const s of spellings) { add(pre + s, unit, name); add(plural(pre + s), unit, name); }
  }
}
// data: decimal prefixes on bit and byte, their symbols ("MB", "Gbit", "kbps" is a rate and left out)
for (const [pre, sym, namePre] of PREFIXES.slice(6)) {
  for (const [base, bsym, bname] of [["bit", "bit", "bit"], ["byte", "B", "byte"]]) {
    const unit = sym + bsym;
    const name = namePre ? namePre + bname : bname[0].toUpperCase() + bname.slice(1);
    add(pre + base, unit, name); add(plural(pre + base), unit, name);
    if (sym && base === "byte") { add(`${sym}b`, unit, name); add(`${sym}bs`, unit, name); }
    if (sym && base === "bit") add(`${sym}bit`, unit, name);
  }
}
// US customary kitchen measures (NIST Handbook 44 names)
for (const [w, unit, name] of [["cup", "cup", "Cup"], ["tablespoon", "tbsp", "Tablespoon"], ["teaspoon", "tsp", "Teaspoon"],
  ["pint", "pt", "Pint"], ["quart", "qt", "Quart"], ["fluid ounce", "fl oz", "Fluid ounce"]]) {
  if (!w.includes(" ")) { add(w, unit, name); add(plural(w), unit, name); }
}
add("tbsp", "tbsp", "Tablespoon"); add("tsp", "tsp", "Teaspoon");
// SI symbols of the prefixed metre, gram and litre that are no English word or clock time ("dm", "cl", "μg");
// "pm" (afternoon), "nm" (also the nautical mile) and "dam"/"hm" (words) stay out
const SYMBOL_OUT = new Set(["pm", "nm", "dam", "hm", "hg", "dag", "dal", "hl", "pl", "pg", "ng", "nl", "Tl", "Gl"]);
for (const [, sym, namePre] of PREFIXES) {
  if (!sym) continue;
  for (const [, bsym, bname] of BASES.slice(0, 3)) {
    const unit = sym + bsym;
    if (SYMBOL_OUT.has(unit) || sym === sym.toUpperCase() && sym !== "μ") continue;
    add(unit, unit, namePre + bname);
  }
}
add("mcg", "μg", "Microgram");
// plane angles besides the degree (ISO 80000-3): the radian and the turn (a full revolution)
for (const w of ["radian", "radians", "rad"]) add(w, "rad", "Radian");
add("turn", "turn", "Turn"); add("turns", "turn", "Turn");
// speeds written as one word ("10kmph", "kph")
add("kmph", "km/h", "Kilometer per hour"); add("kph", "km/h", "Kilometer per hour");
// currency minor units: a hundredth of the main unit; the symbol names the family, not a country
add("cent", "¢", "Cent"); add("cents", "¢", "Cent");
add("penny", "p", "Penny"); add("pence", "p", "Pence"); add("pennies", "p", "Penny");
// bitcoin: its ticker symbols (BTC, and XBT in the ISO 4217 style) and sign, and the satoshi, its hundred-millionth
add("btc", "XBT", "Bitcoin"); add("xbt", "XBT", "Bitcoin"); add("satoshi", "sat", "Satoshi"); add("satoshis", "sat", "Satoshi");
const signs = { "₿": "XBT" };

const out = {
  about: "Unit words → [symbol, name]: SI prefixes × metre/gram/litre/watt and their unambiguous symbols, decimal data units, US kitchen measures, one-word speeds, currency minor units, bitcoin; signs: currency signs the number reader lacks. Built by scripts/build-quantity-units.mjs.",
  words,
  signs,
};
const file = path.join(root, "src", "nlp", "en", "lexicons", "quantity-units.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`${Object.keys(words).length} unit words → ${path.relative(root, file)}`);
