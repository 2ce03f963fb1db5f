// The gazetteer: loads once, quickly, and knows alternate names.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cityCandidates, cityCountry, gazetteer, placeKind } from "./gazetteer.js";

test("loads once and fast", () => {
  const g = gazetteer();
  assert.equal(gazetteer(), g);
  // generous bound for a loaded CI machine; typically 20–60 ms
  assert.ok(g.loadMs < 1500, `load took ${g.loadMs} ms`);
  assert.ok(g.cities.name.length > 40000);
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
