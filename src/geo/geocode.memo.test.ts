// The geocoder's per-process memos (name keys, names with no place, initials): a repeated search answers as the first did, and hints still count.
import assert from "node:assert/strict";
import { test } from "node:test";
import { placeCandidates, placeKey, resolvePlaces, type PlaceMention } from "./geocode.js";

const brief = (name: string, hints?: Parameters<typeof placeCandidates>[1]) =>
  placeCandidates(name, hints).map((c) => [c.kind, c.name, c.country, c.admin ?? "", Math.round(c.score * 100) / 100]);

test("a name keyed again gets the same key", () => {
  assert.equal(placeKey("The Hague’s"), "hague");
  assert.equal(placeKey("The Hague’s"), "hague");
  assert.equal(placeKey("  New \n York "), "new york");
  assert.equal(placeKey("  New \n York "), "new york");
});

test("a name with no place anywhere stays without one, and a longer name still finds its place part", () => {
  assert.deepEqual(brief("Xqzvbw Plaza"), []);
  assert.deepEqual(brief("Xqzvbw Plaza"), []);
  const first = brief("Lviv Regional Hospital");
  assert.equal(first[0]?.[2], "UA");
  assert.deepEqual(brief("Lviv Regional Hospital"), first);
});

test("a name searched without hints still takes the hints of a later search", () => {
  const bare = brief("Riverdale");
  assert.ok(bare.length > 0);
  const inNewJersey = brief("Riverdale", { states: new Set(["NJ"]) });
  assert.equal(inNewJersey[0]?.[3], "NJ");
  assert.deepEqual(brief("Riverdale"), bare);
  // and a county: the state named lifts its own county above the namesakes
  const county = brief("Morris County", { states: new Set(["NJ"]) });
  assert.ok(county[0]![4] as number > (brief("Morris County")[0]![4] as number));
});

test("the same article resolved twice gives the same places", () => {
  const text = "Shelling hit Kharkiv and Izium, Ukraine, while talks went on in Geneva and Istanbul.";
  const mentions: PlaceMention[] = ["Kharkiv", "Izium", "Ukraine", "Geneva", "Istanbul"].map((n) => {
    const s = text.indexOf(n);
    return { names: [n], spans: [[s, s + n.length]] };
  });
  const once = resolvePlaces(text, mentions).map((c) => c && [c.kind, c.name, c.country]);
  assert.deepEqual(once.map((c) => c?.[2]), ["UA", "UA", "UA", "CH", "TR"]);
  assert.deepEqual(resolvePlaces(text, mentions).map((c) => c && [c.kind, c.name, c.country]), once);
});

test("an 'X County' whose town the hints keep is found again with those hints after a search without them", () => {
  // no US county of these names: the city of the bare name stands only in a state the article names
  for (const [name, state] of [["Fort Wayne County", "IN"], ["St. Petersburg County", "FL"]] as const) {
    const hinted = brief(name, { states: new Set([state]) });
    assert.deepEqual([hinted[0]?.[0], hinted[0]?.[2]], ["city", "US"]);
    brief(name);
    assert.deepEqual(brief(name, { states: new Set([state]) }), hinted);
  }
});
