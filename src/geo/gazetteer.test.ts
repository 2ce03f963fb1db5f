// The gazetteer: loads once, quickly, and knows alternate names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cityCandidates, cityCountry, counties, gazetteer, placeKind, towns } from "./gazetteer.js";

test("loads once and fast", () => {
  const g = gazetteer();
  assert.equal(gazetteer(), g);
  // generous bound for a loaded CI machine; typically 20–60 ms
  assert.ok(g.loadMs < 1500, `load took ${g.loadMs} ms`);
  assert.ok(g.cities.names.length > 40000);
});

test("countries, demonyms, regions and cities", () => {
  const g = gazetteer();
  assert.equal(placeKind(g, "ukraine"), "country");
  assert.equal(g.countryByName.get("u.s."), "US");
  assert.equal(g.countryByName.get("dprk"), "KP");
  assert.equal(g.demonymByName.get("north koreans"), "KP");
  assert.equal(placeKind(g, "balkans"), "region");
  assert.equal(placeKind(g, "lagos"), "city");
});

test("alias table: Kiev is Kyiv", () => {
  const g = gazetteer();
  const [kiev] = cityCandidates(g, "kiev");
  const [kyiv] = cityCandidates(g, "kyiv");
  assert.equal(kiev, kyiv);
  assert.equal(cityCountry(g, kiev!), "UA");
});

test("typed columns line up", () => {
  const g = gazetteer();
  const [i] = cityCandidates(g, "tokyo");
  assert.equal(cityCountry(g, i!), "JP");
  assert.ok(Math.abs(g.cities.lat[i!]! - 35.69) < 0.2);
  assert.ok(g.cities.pop[i!]! > 5_000_000);
});

test("a name written without its diacritics finds the city", () => {
  const g = gazetteer();
  const [i] = cityCandidates(g, "sao paulo");
  assert.equal(cityCountry(g, i!), "BR");
  assert.ok(g.cities.pop[i!]! > 5_000_000);
});

test("the towns file is read on demand and lines up like the cities", () => {
  const g = gazetteer();
  const t = towns(g);
  assert.ok(t && t.cols.names.length === g.townCount && g.townCount > 50_000);
  const i = t.first.get(t.cols.names.at(0))!;
  assert.equal(i, 0);
  assert.equal(cityCountry(g, 0, t.cols).length, 2);
  assert.ok(t.cols.pop[0]! < 5000 && Math.abs(t.cols.lat[0]!) <= 90);
  assert.equal(towns(g), t);
});
test("US counties, read on demand: by name, folded and with Saint spelled out or not", () => {
  const c = counties();
  assert.deepEqual(c.get("cuyahoga")?.map((x) => x.state), ["OH"]);
  assert.ok(c.get("cuyahoga")!.every((x) => Math.abs(x.lat - 41.4) < 0.5 && Math.abs(x.lon + 81.7) < 0.5));
  for (const k of ["st. croix", "st croix", "saint croix"]) assert.ok(c.get(k)?.some((x) => x.state === "WI"), k);
  // Virginia's independent cities are cities, not counties
  assert.ok(!c.get("suffolk")?.some((x) => x.state === "VA"));
  assert.ok((c.get("washington")?.length ?? 0) >= 25);
});
