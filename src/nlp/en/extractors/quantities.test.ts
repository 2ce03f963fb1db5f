// Tests of the figure stage on news sentences: value, bound, unit, counted thing, claimant, quote and date.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Quantity } from "../../../core/annotations.js";
import { figure, figures } from "./quantities.test-helpers.js";

/** Asserts the figure containing `snippet` has the expected fields (only those given). */
function expectFigure(text: string, snippet: string, want: Partial<Quantity> & { claimantName?: string }, layers?: Parameters<typeof figure>[2]): void {
  const all = figures(text, layers);
  const q = all.find((x) => x.text.includes(snippet));
  const debug = () => JSON.stringify(all.map(({ source: _s, ...x }) => x), null, 1);
  assert.ok(q, `no figure with "${snippet}" in: ${text}\n${debug()}`);
  const { claimantName, ...fields } = want;
  for (const [k, v] of Object.entries(fields)) {
    assert.deepEqual((q as unknown as Record<string, unknown>)[k], v, `${k} of "${snippet}"\n${debug()}`);
  }
  if (claimantName !== undefined) assert.equal(q.claimant?.name, claimantName, `claimant of "${snippet}"\n${debug()}`);
}

describe("quantities: news sentences", () => {
  it("a lower bound with a casualty event and a ministry as source", () => {
    expectFigure("The Gaza Health Ministry said at least 41,000 Palestinians have been killed since the war began.",
      "41,000", { value: 41000, bound: "lower", counted: "Palestinians killed", claimantName: "Gaza Health Ministry" });
  });

  it("\"according to\" and a percentage of a population", () => {
    const s = "According to the United Nations, about 1.9 million people have been displaced, roughly 90 per cent of the population.";
    expectFigure(s, "1.9 million", { value: 1_900_000, bound: "approx", counted: "people displaced", claimantName: "United Nations" });
    expectFigure(s, "90 per cent", { value: 90, bound: "approx", unit: "%", counted: "population" });
  });

  it("money with a currency sign and a suffix", () => {
    expectFigure("The European Commission proposed a €50bn support package for Ukraine on Wednesday.",
      "€50bn", { value: 50e9, bound: "exact", unit: "EUR", counted: "support package" });
    expectFigure("The company said it would spend $4 billion on new plants.", "$4 billion",
      { value: 4e9, unit: "USD", counted: "new plants", claimantName: "company" });
  });

  it("a range introduced by \"between\", with the source after the clause", () => {
    expectFigure("Between 10,000 and 12,000 migrants crossed the Channel in small boats last year, the Home Office said.",
      "10,000", { low: 10000, high: 12000, bound: "range", claimantName: "Home Office" });
  });

  it("a dash range and an estimate verb", () => {
    expectFigure("Officials estimate that 300-400 homes were destroyed in the wildfire.", "300-400",
      { low: 300, high: 400, bound: "range", counted: "homes destroyed", claimantName: "Officials" });
  });

  it("a shared scale in a range", () => {
    expectFigure("The ministry put reconstruction costs at between 10 and 12 million euros.", "between 10 and 12 million",
      { low: 10e6, high: 12e6, bound: "range", unit: "EUR" });
  });

  it("a spelled fraction; the counted group is not the claimant", () => {
    const s = "Nearly two-thirds of voters said the economy was their main concern, a Reuters/Ipsos poll found.";
    const q = figure(s, "two-thirds");
    assert.ok(q);
    assert.equal(q.bound, "approx");
    assert.ok(Math.abs(q.value! - 2 / 3) < 1e-9);
    assert.equal(q.counted, "voters");
    assert.notEqual(q.claimant?.name, "voters");
  });

  it("vague amounts take ACLED's conservative floor", () => {
    expectFigure("Police arrested dozens of protesters outside parliament on Saturday.", "dozens",
      { value: 12, bound: "approx", counted: "protesters" });
    expectFigure("Tens of thousands of people marched through central London, organisers said.", "Tens of thousands",
      { value: 10000, bound: "approx", claimantName: "organisers" });
    expectFigure("Several hundred soldiers were evacuated from the base.", "Several hundred",
      { value: 300, bound: "approx", counted: "soldiers evacuated" });
  });

  it("measurement units stay out of the counted thing's unit field", () => {
    expectFigure("The drought has destroyed some 3 million tonnes of wheat, according to the agriculture ministry.",
      "3 million", { value: 3e6, bound: "approx", unit: "t", counted: "tonnes of wheat", claimantName: "agriculture ministry" });
    expectFigure("Troops advanced nearly 40 kilometres in two days, the general told reporters.", "40 kilometres",
      { value: 40, bound: "approx", unit: "km" });
  });

  it("upper bounds: \"up to\", \"fewer than\", \"no more than\"", () => {
    expectFigure("Nissan said it would cut up to 700 contract workers.", "700", { value: 700, bound: "upper", counted: "contract workers", claimantName: "Nissan" });
    expectFigure("Fewer than a thousand giant pandas still live in the wild, the WWF says.", "thousand",
      { value: 1000, bound: "upper", counted: "giant pandas", claimantName: "WWF" });
    expectFigure("The rules allow no more than 20 people at outdoor gatherings.", "20", { value: 20, bound: "upper", counted: "people" });
  });

  it("a figure in the predicate counts the subject", () => {
    expectFigure("Inflation fell to 2.4% in September, the Office for National Statistics said.", "2.4%",
      { value: 2.4, unit: "%", counted: "Inflation", claimantName: "Office for National Statistics" });
    expectFigure("The death toll from the earthquake has risen to more than 5,000.", "5,000",
      { value: 5000, bound: "lower", counted: "death toll from the earthquake" });
  });

  it("post-modifiers: \"or more\", \"-plus\"", () => {
    expectFigure("Each drone can carry 40 kg or more of explosives.", "40", { value: 40, bound: "lower", unit: "kg" });
    expectFigure("The rally drew a 10,000-plus crowd.", "10,000", { value: 10000, bound: "lower" });
    expectFigure("A 300-strong force was sent to the area.", "300-strong", { value: 300, bound: "exact", counted: "force sent" });
  });

  it("an exact figure under an earlier estimate verb is approximate", () => {
    expectFigure("Iran is estimated to have a large drone fleet, and with 3,000 launchers it could strike anywhere in the region.",
      "3,000", { value: 3000, bound: "approx", counted: "launchers" });
  });

  it("the claimant comes from the quote layer when a quote covers the figure", () => {
    const text = "\"We lost 300 tanks in a month,\" said the commander.";
    const span: [number, number] = [1, 29];
    const quotes = [{ id: "q1", kind: "direct" as const, text: text.slice(1, 29), span, source: "test",
      speaker: { name: "Oleksandr Syrskyi", entity: "e1", span: [37, 50] as [number, number] } }];
    const q = figure(text, "300", { quotes });
    assert.ok(q);
    assert.equal(q.quote, "q1");
    assert.equal(q.claimant?.name, "Oleksandr Syrskyi");
    assert.equal(q.counted, "tanks");
  });

  it("without a quote layer, a quotation's attribution is found after its closing mark", () => {
    const text = "\"Eight hundred drones could be launched in a single night. That is our estimate,\" said Kyrylo Budanov, the intelligence chief.";
    expectFigure(text, "Eight hundred", { value: 800, bound: "exact", counted: "drones", claimantName: "Kyrylo Budanov" });
  });

  it("the figure takes the date of its sentence from the time layer", () => {
    const text = "Earlier this year, the agency said it had shipped more than 2 million doses of vaccine.";
    const times = [{ id: "t1", text: "Earlier this year", span: [0, 17] as [number, number], value: "2024", type: "DATE" as const, source: "test" }];
    expectFigure(text, "2 million", { value: 2e6, bound: "lower", counted: "doses of vaccine", time: "2024", claimantName: "agency" }, { times });
  });

  it("the claimant resolves to an entity whose mention it overlaps", () => {
    const text = "Zelensky said about 31,000 Ukrainian soldiers had been killed.";
    const entities = [{ id: "e7", type: "PERSON", name: "Volodymyr Zelensky", aliases: ["Zelensky"], mentions: [[0, 8] as [number, number]],
      descriptors: [], roles: [], affiliations: [] }];
    const q = figure(text, "31,000", { entities });
    assert.ok(q);
    assert.deepEqual(q.claimant, { entity: "e7", name: "Volodymyr Zelensky", span: [0, 8] });
    assert.equal(q.counted, "Ukrainian soldiers killed");
  });

  it("a passive estimate has no claimant", () => {
    const q = figure("About 2,500 civilians are believed to have died in the siege.", "2,500");
    assert.ok(q);
    assert.equal(q.claimant, undefined);
    assert.equal(q.bound, "approx");
  });

  it("a lone \"one\" counts after a bound word or before a person noun", () => {
    const s = "At least one person was killed and five more injured, the governor said.";
    expectFigure(s, "one", { value: 1, bound: "lower", counted: "person killed", claimantName: "governor" });
    expectFigure(s, "five", { value: 5, counted: "injured" });
  });

  it("plural nouns spelled like cue verbs and capitalised plurals end the counted phrase", () => {
    expectFigure("A further 28 African states voted to condemn the invasion.", "28", { value: 28, counted: "African states voted" });
    expectFigure("The rule applies unless one of the 27 EU Member States objects.", "27", { counted: "EU Member States" });
  });

  it("a change of a subject: \"prices have skyrocketed by 300%\"", () => {
    expectFigure("Prices in these countries have skyrocketed by 300% over the last year.", "300%",
      { value: 300, unit: "%", counted: "Prices in these countries" });
  });

  it("a nested source inside reported speech wins: \"according to X, who added that ...\"", () => {
    expectFigure("The claim is false, according to a senior White House official, who added that 7,000 extra troops have arrived.",
      "7,000", { value: 7000, counted: "extra troops arrived", claimantName: "senior White House official" });
  });

  it("figures are emitted once each, with ids n1, n2, ...", () => {
    const all = figures("Between 5 and 6 million people fled, and 300,000 more were trapped, the UN said.");
    assert.equal(all.length, 2);
    assert.deepEqual(all.map((q) => q.id), ["n1", "n2"]);
    assert.deepEqual([all[0]!.low, all[0]!.high], [5e6, 6e6]);
  });
});

describe("quantities: units and currencies", () => {
  it("a hyphenated measure keeps its unit", () => {
    expectFigure("He bought a 45-acre horse farm near the river.", "45-acre", { value: 45, unit: "acre" });
    expectFigure("Crews cleared a 2.5-mile stretch of the highway.", "2.5-mile", { value: 2.5, unit: "mi" });
  });
  it("temperatures in degrees Celsius and Fahrenheit", () => {
    expectFigure("Temperatures reached 40 degrees Celsius in Seville on Monday.", "40 degrees Celsius", { value: 40, unit: "°C" });
    expectFigure("The heat index hit 104 degrees F in Dallas.", "104 degrees F", { value: 104, unit: "°F" });
  });
  it("a currency sign after the figure, a lower-case code and a nationality-led name", () => {
    expectFigure("Tickets cost 10 € at the door.", "10 €", { value: 10, unit: "EUR" });
    expectFigure("The bank raised 125 million australian dollars in bonds.", "125 million australian dollars", { value: 125e6, unit: "AUD" });
    expectFigure("The fund holds 20 usd in reserve per share.", "20 usd", { value: 20, unit: "USD" });
  });
  it("a ten-day visit is a duration for the time stage, not a figure", () => {
    assert.deepEqual(figures("The minister began a ten-day visit to Asia.").map((q) => q.text), []);
  });
  it("generated unit families: currency minor units, data sizes, SI-prefixed and kitchen measures", () => {
    expectFigure("Egg prices averaged 64.2 cents a dozen.", "64.2 cents", { value: 64.2, unit: "¢" });
    expectFigure("Shares closed at 197 pence in London.", "197 pence", { value: 197, unit: "p" });
    expectFigure("The update weighs 100 MB on phones.", "100 MB", { value: 100, unit: "MB" });
    expectFigure("Each dose holds 150 micrograms of the drug.", "150 micrograms", { value: 150, unit: "μg" });
    expectFigure("Add 3 tablespoons of butter.", "3 tablespoons", { value: 3, unit: "tbsp" });
    expectFigure("They took a four-mile drive to the farm.", "four-mile", { value: 4, unit: "mi" });
  });
  it("compound amounts are one figure: dollars and cents, feet and inches", () => {
    expectFigure("The ticket cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents", { value: 13.45, unit: "USD" });
    expectFigure("The fence is 5 feet 2 inches high.", "5 feet 2 inches", { value: 5 + 2 / 12, unit: "ft" });
    assert.equal(figures("It cost 3 dollars 50 cents.").length, 1);
  });
  it("a unit symbol in brackets or as a degree sign", () => {
    expectFigure("The payload is 20 (kg) per crate.", "20 (kg)", { value: 20, unit: "kg" });
    expectFigure("Set the thermostat to 85° tonight.", "85°", { value: 85, unit: "°" });
  });
  it("codes glued to the digits, banker's scaled codes and a scale word after a code", () => {
    expectFigure("The fee was raised to USD115 last year.", "USD115", { value: 115, unit: "USD" });
    expectFigure("The fee was raised to 115.5USD last year.", "115.5USD", { value: 115.5, unit: "USD" });
    expectFigure("Losses in excess of 30 MUSD were reported.", "30 MUSD", { value: 30e6, unit: "USD" });
    expectFigure("The company has annual revenues of about MAUD 60.", "MAUD 60", { value: 60e6, unit: "AUD", bound: "approx" });
    expectFigure("They lost 75 USD million in three years.", "75 USD million", { value: 75e6, unit: "USD" });
    expectFigure("The price starts at dollar 22.5 million.", "dollar 22.5 million", { value: 22.5e6, unit: "USD" });
  });
  it("a code between two figures goes with the one it is written before or glued to", () => {
    const all = figures("The rate was rmb 10 usd 20 at the border.");
    assert.deepEqual(all.map((q) => [q.text, q.value, q.unit]), [["rmb 10", 10, "CNY"], ["usd 20", 20, "USD"]]);
    expectFigure("We are giving away 3 USD50 cards.", "USD50", { value: 50, unit: "USD" });
  });
  it("a bare minor part after a priced figure is its cents", () => {
    expectFigure("It costs 15 dollars 50.", "15 dollars 50", { value: 15.5, unit: "USD" });
    expectFigure("It costs only 15 dollars and 15.", "15 dollars and 15", { value: 15.15, unit: "USD" });
    expectFigure("It only cost thirteen dollars forty five", "thirteen dollars forty five", { value: 13.45, unit: "USD" });
    expectFigure("The subscription will increase to 17 USD 25.", "17 USD 25", { value: 17.25, unit: "USD" });
    expectFigure("Pay me c $ 100 and fifty.", "c $ 100 and fifty", { value: 100.5, unit: "CAD" });
  });
  it("a dollar sign after the figure, as some write it", () => {
    assert.deepEqual(figures("10 $ is not much, nor is 10 €").map((q) => [q.value, q.unit]), [[10, "USD"], [10, "EUR"]]);
    assert.deepEqual(figures("10 $ 30 $").map((q) => [q.text, q.value, q.unit]), [["10 $", 10, "USD"], ["30 $", 30, "USD"]]);
    expectFigure("It was 10 $ 30 cent.", "10 $ 30 cent", { value: 10.3, unit: "USD" });
  });
  it("hyphenated and glued currencies, signs and bitcoin", () => {
    expectFigure("They withdrew the controversial one-yen bid.", "one-yen", { value: 1, unit: "JPY" });
    expectFigure("It paid a 12-cent-a-share dividend.", "12-cent", { value: 12, unit: "¢" });
    expectFigure("Hey, the cost is 100元!", "100元", { value: 100, unit: "CNY" });
    expectFigure("Supply limit: ₿21,000,000", "₿21,000,000", { value: 21e6, unit: "XBT" });
    expectFigure("Each block mined is now 6.25 BTC.", "6.25 BTC", { value: 6.25, unit: "XBT" });
    expectFigure("Its shares slid to close one penny lower.", "one penny", { value: 1, unit: "p" });
  });
  it("lengths: fractions with a unit, metres written apart or before a dimension word, squares, feet and inches", () => {
    expectFigure("It takes 10 1/2 miles of cable.", "10 1/2 miles", { value: 10.5, unit: "mi" });
    expectFigure("Add 1/2 cup olive oil.", "1/2 cup", { value: 0.5, unit: "cup" });
    assert.deepEqual(figures("The slab is 1 m x 1 m.").map((q) => [q.value, q.unit]), [[1, "m"], [1, "m"]]);
    expectFigure("I'm 1.8m tall.", "1.8m", { value: 1.8, unit: "m" });
    expectFigure("The plot is 24703m2 in all.", "24703m2", { value: 24703, unit: "sq m" });
    expectFigure("The length is 12 ft 2 in more or less.", "12 ft 2 in", { value: 12 + 2 / 12, unit: "ft" });
    expectFigure("He has a pen that is 10 \" long.", "10 \"", { value: 10, unit: "in" });
    assert.deepEqual(figures("The length is 12 m 2 dm.").map((q) => [q.value, q.unit]), [[12, "m"], [2, "dm"]]);
  });
  it("speeds: a length per time, glued, slashed or spelled", () => {
    expectFigure("It could be written 10kmph.", "10kmph", { value: 10, unit: "km/h" });
    expectFigure("It could be written 10km/hr.", "10km/hr", { value: 10, unit: "km/h" });
    expectFigure("A pulse of 50 meters per millisecond.", "50 meters per millisecond", { value: 50, unit: "m/ms" });
    expectFigure("A pulse of 50 km/ms.", "50 km/ms", { value: 50, unit: "km/ms" });
  });
  it("a temperature keeps a minus written apart; the degree sign takes its scale; angles", () => {
    expectFigure("How to convert - 20 degrees fahrenheit to celsius", "- 20 degrees fahrenheit", { value: -20, unit: "°F" });
    expectFigure("Water boils at 100° Celsius.", "100° Celsius", { value: 100, unit: "°C" });
    expectFigure("The angle is 0.8rad.", "0.8rad", { value: 0.8, unit: "rad" });
    expectFigure("Make a half turn.", "a half turn", { value: 0.5, unit: "turn" });
    expectFigure("They walked a quarter mile to the river.", "a quarter mile", { value: 0.25, unit: "mi" });
  });
  it("an ISO code glued to the dollar sign names the currency", () => {
    expectFigure("The fee is cad$ 15 a month.", "cad$ 15", { value: 15, unit: "CAD" });
    expectFigure("They sold Mex$ 10 million in bonds.", "Mex$ 10 million", { value: 10e6, unit: "MXN" });
  });
});
