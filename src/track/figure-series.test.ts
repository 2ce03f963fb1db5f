// Figure series on hand-made quantity rows: grouping by counted thing, per-claimant summaries, bound-aware disagreements.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { QuantityRow } from "../store/store.js";
import { buildSeries, countedKey, findDisagreements, matchSeries, valueInterval, type FigurePoint } from "./figure-series.js";

let n = 0;
function q(counted: string, value: number, bound: QuantityRow["bound"], claimant: string | undefined, published: string, extra: Partial<QuantityRow> = {}): QuantityRow {
  n++;
  return { articleId: `a${n}`, quantityId: "n1", text: `${bound} ${value}`, value, bound, counted, claimant, published, ...extra };
}

test("counted things normalise: plurals, synonyms and stop words do not split a series", () => {
  assert.equal(countedKey("Russian soldiers killed"), countedKey("Russian troops killed"));
  assert.equal(countedKey("Russian troops killed"), countedKey("russian servicemen who have been killed"));
  assert.equal(countedKey("Russian soldiers killed or wounded"), countedKey("Russian troop casualties"));
  assert.equal(countedKey("Russians killed or wounded"), countedKey("Russian casualties"));
  assert.equal(countedKey("deaths of Ukrainian soldiers"), countedKey("Ukrainian troops killed"));
  assert.equal(countedKey("U.S. troops"), countedKey("American soldiers"));
  assert.equal(countedKey("Russian troops massed"), countedKey("Russian soldiers deployed"));
  assert.notEqual(countedKey("Russian soldiers killed"), countedKey("Ukrainian soldiers killed"));
  assert.notEqual(countedKey("North Korean troops"), countedKey("Russian troops"));
});

test("bounds give the values a figure allows", () => {
  assert.deepEqual(valueInterval({ value: 100, bound: "lower" }), [100, Infinity]);
  assert.deepEqual(valueInterval({ value: 80, bound: "upper" }), [0, 80]);
  assert.deepEqual(valueInterval({ value: 100, bound: "approx" }), [80, 120]);
  assert.deepEqual(valueInterval({ low: 10, high: 20, bound: "range" }), [10, 20]);
});

test("a series holds dated points per claimant with the latest figure and the range", () => {
  const rows = [
    q("North Korean troops", 3000, "exact", "Ukrainian intelligence", "2024-10-10"),
    q("North Korean troops in Russia", 12000, "upper", "Ukrainian intelligence", "2024-10-20"),
    q("North Korean soldiers", 10000, "approx", "Pentagon", "2024-10-28"),
    q("North Korean troops", 11000, "exact", "Pentagon", "2024-11-05", { time: "2024-11-04" }),
    q("Russian troops", 50000, "exact", "Pentagon", "2024-11-05"),
  ];
  const series = buildSeries(rows);
  const korean = matchSeries(series, "north korean troops");
  assert.equal(korean.length, 2);
  const main = korean.find((s) => s.key === countedKey("North Korean troops"))!;
  assert.equal(main.label, "North Korean troops");
  assert.deepEqual(main.points.map((p) => [p.date, p.value, p.claimant]), [
    ["2024-10-10", 3000, "Ukrainian intelligence"], ["2024-10-28", 10000, "Pentagon"], ["2024-11-04", 11000, "Pentagon"],
  ]);
  const pentagon = main.claimants.find((c) => c.claimant === "Pentagon")!;
  assert.equal(pentagon.latest.value, 11000);
  assert.deepEqual([pentagon.min, pentagon.max, pentagon.figures], [10000, 11000, 2]);
  // The figure's own time (2024-11-04) wins over the dateline (2024-11-05).
  assert.equal(main.points[2]!.date, "2024-11-04");
  assert.deepEqual(matchSeries(series, "russian troops").map((s) => s.label), ["Russian troops"]);
  // A range counts with both ends; the same figure twice in one article is one point.
  const ranged = buildSeries([
    q("casualties", 0, "range", "Colin Kahl", "2022-08-09", { value: undefined, low: 70000, high: 80000, articleId: "k1" }),
    q("casualties", 0, "range", "Colin Kahl", "2022-08-09", { value: undefined, low: 70000, high: 80000, articleId: "k1" }),
  ])[0]!;
  assert.equal(ranged.points.length, 1);
  assert.deepEqual([ranged.claimants[0]!.min, ranged.claimants[0]!.max], [70000, 80000]);
  assert.deepEqual(matchSeries(series, "troops").map((s) => s.label).sort(), ["North Korean troops", "North Korean troops in Russia", "Russian troops"]);
  assert.deepEqual(matchSeries(buildSeries([q("Russian troops killed", 5, "exact", "X", "2024-01-01")]), "russian troops"), []);
});

test("disagreements: incompatible bounds from different claimants at overlapping times, and nothing else", () => {
  const rows = [
    q("Russian soldiers killed", 100, "lower", "Ukraine", "2023-02-06"),
    q("Russian troops killed", 80, "upper", "Russia", "2023-02-07"),
    q("Russian soldiers killed", 100, "approx", "Analyst A", "2023-02-06"),
    q("Russian soldiers killed", 120, "exact", "Analyst B", "2023-02-06"),
    // Far apart in time: figures grow, this is not a disagreement.
    q("Russian soldiers killed", 20, "upper", "Russia", "2022-03-01"),
    // The same claimant revising itself is an update, not a disagreement (but it still disagrees with Russia).
    q("Russian soldiers killed", 110, "lower", "Ukraine", "2023-02-07"),
    // Unattributed figures disagree with no one.
    q("Russian soldiers killed", 1, "exact", undefined, "2023-02-06"),
  ];
  const [series] = buildSeries(rows);
  const pairs = series!.disagreements.map((d) => [`${d.a.claimant}=${d.a.value}`, `${d.b.claimant}=${d.b.value}`].sort().join(" vs "));
  // "about 100" (80–120) and "up to 80" meet at 80: compatible. "more than 100" and "up to 80" cannot both hold.
  assert.deepEqual(pairs.sort(), ["Analyst B=120 vs Russia=80", "Russia=80 vs Ukraine=100", "Russia=80 vs Ukraine=110"]);
  assert.ok(series!.disagreements.every((d) => /no value satisfies both/.test(d.reason)));
});

test("claimants resolve through a resolver; pronoun claimants are unattributed", () => {
  const rows = [q("civilians killed", 5, "exact", "Zelenskyy", "2022-03-01"), q("civilians killed", 9, "exact", "we", "2022-03-01")];
  const [series] = buildSeries(rows, { resolveClaimant: (name) => (name === "Zelenskyy" ? "Volodymyr Zelensky" : undefined) });
  assert.deepEqual(series!.points.map((p: FigurePoint) => p.claimant ?? null), ["Volodymyr Zelensky", null]);
  assert.deepEqual(findDisagreements(series!.points), { listed: [], count: 0 });
});

test("a big series counts every disagreement but lists only the first ones", () => {
  const rows: QuantityRow[] = [];
  for (let i = 0; i < 60; i++) rows.push(q("Russian soldiers killed", Math.round(1000 * 1.1 ** i), "exact", `Source ${i}`, "2023-02-06"));
  const [series] = buildSeries(rows, { maxDisagreements: 10 });
  assert.equal(series!.disagreements.length, 10);
  // 60 exact figures 10% apart (beyond the ±2% an exact figure allows): every pair is incompatible.
  assert.equal(series!.disagreementCount, (60 * 59) / 2);
  assert.equal(buildSeries(rows)[0]!.disagreements.length, 100);
});

test("units, currencies and magnitudes alone are not a counted thing", () => {
  for (const counted of ["dollars", "DLRS", "kilometres", "times", "billion", "per cent", "tons"]) assert.equal(countedKey(counted), "", counted);
  assert.deepEqual(buildSeries([q("dollars", 5, "exact", "X", "2024-01-01"), q("dollars", 9, "exact", "Y", "2024-01-01")]), []);
  assert.equal(countedKey("dollars in humanitarian aid"), "aid dollar humanitarian");
});
