// City tables: names, namesake chains and columns from the two files, and the same tables read by a worker thread.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { buildCityTable, cityTableViews } from "./city-tables.js";
import { cityCandidates, gazetteer, namePrefixes, sharedGazetteerTables, towns } from "./gazetteer.js";

/** A <base>.bin of `rows` rows: lat = row, lon = -row, pop = 1000 - row, id = 100 + row, capital = row % 3. */
function bin(rows: number): Uint8Array {
  const ab = new ArrayBuffer(rows * 17);
  for (let i = 0; i < rows; i++) {
    new Float32Array(ab, 0, rows)[i] = i;
    new Float32Array(ab, rows * 4, rows)[i] = -i;
    new Uint32Array(ab, rows * 8, rows)[i] = 1000 - i;
    new Uint32Array(ab, rows * 12, rows)[i] = 100 + i;
    new Uint8Array(ab, rows * 16, rows)[i] = i % 3;
  }
  return new Uint8Array(ab);
}

test("a city table: each name once, namesakes chained from the most populous, columns in row order", () => {
  const names = ["springfield", "são paulo", "springfield", "ust’-ishim", "new york", "springfield", "são paulo"];
  const text = `${names.join("\n")}\nUSBRUSRUUSUSBR\n IL SP 07 KH NY MA SP`;
  for (const shared of [false, true]) {
    const t = cityTableViews(buildCityTable(bin(names.length), text, names.length, shared));
    assert.equal(t.names.length, names.length);
    names.forEach((n, i) => assert.equal(t.names.at(i), n));
    const chain = (key: string): number[] => {
      const out: number[] = [];
      for (let i = t.names.first(key); i >= 0; i = t.names.next[i]!) out.push(i);
      return out;
    };
    assert.deepEqual(chain("springfield"), [0, 2, 5]);
    assert.deepEqual(chain("são paulo"), [1, 6]);
    assert.deepEqual(chain("ust’-ishim"), [3]);
    assert.deepEqual(chain("springfiel"), []);
    assert.equal(t.names.byName.size, 4);
    assert.deepEqual([...t.names.byName.keysWith(32)].sort(), ["new york", "são paulo"]);
    assert.equal(t.cc.slice(6, 8), "RU");
    assert.equal(t.admin.slice(9, 12), " KH");
    assert.equal(t.lat[4], 4);
    assert.equal(t.lon[4], -4);
    assert.equal(t.pop[4], 996);
    assert.equal(t.id[4], 104);
    assert.equal(t.capital[4], 1);
    assert.equal(t.names.ids.buffer instanceof SharedArrayBuffer, shared);
  }
});

test("a table with fewer names than rows is refused", () => {
  assert.throws(() => buildCityTable(bin(3), "a\nUSUSUS\n01 02 03 ", 3, false), /names for 3 rows/);
});

/** What a thread finds for some names: candidates, their names, the towns chain, and the name prefixes. */
const PROBE = `
const probe = ({ cityCandidates, gazetteer, namePrefixes, towns }) => {
  const g = gazetteer();
  const t = towns(g);
  const keys = ["paris", "springfield", "kyiv", "new york", "san jose", "nowhere at all"];
  const out = {};
  for (const k of keys) {
    const town = [];
    for (let i = t.first.get(k) ?? -1; i >= 0; i = t.next[i]) town.push([i, t.cols.names.at(i), t.cols.pop[i]]);
    out[k] = { cities: cityCandidates(g, k).map((i) => [i, g.cities.names.at(i), g.cities.lat[i], g.cities.cc.slice(2 * i, 2 * i + 2)]), town };
  }
  out.prefixes = [...namePrefixes(g)].sort().slice(0, 50);
  out.shared = g.cities.names.ids.buffer instanceof SharedArrayBuffer && t.cols.names.ids.buffer instanceof SharedArrayBuffer;
  return out;
};`;

test("a worker given the shared tables reads the same cities and towns as this thread builds for itself", async () => {
  const tables = sharedGazetteerTables();
  assert.ok(tables?.towns);
  const mod = { cityCandidates, gazetteer, namePrefixes, towns };
  // eslint-disable-next-line no-new-func
  const here = (new Function(`${PROBE}; return probe;`)() as (m: typeof mod) => Record<string, unknown>)(mod);
  assert.equal(here.shared, false);
  const url = new URL("./gazetteer.ts", import.meta.url).href;
  const worker = new Worker(`
    const { parentPort, workerData } = require("node:worker_threads");
    ${PROBE}
    // the TypeScript sources, loaded as this test loads them (tsx)
    import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.url, workerData.url))
      .then((m) => { m.useGazetteerTables(workerData.tables); parentPort.postMessage(probe(m)); });`,
  { eval: true, workerData: { url, tables, tsx: import.meta.resolve("tsx/esm/api") } });
  const there = await new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  assert.equal(there.shared, true);
  assert.deepEqual({ ...there, shared: false }, here);
  assert.ok((here.paris as { cities: unknown[] }).cities.length > 0);
});
