import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { readPrebuilt, stampOf, writePrebuilt } from "./prebuilt.js";
import { prebuildCityTables, tableStamp } from "../geo/gazetteer.js";
import { buildCityTable, cityTableViews } from "../geo/city-tables.js";
import { unpackedModel } from "../nlp/en/ner/model.js";

const tmp = (): string => mkdtempSync(path.join(tmpdir(), "claimline-prebuilt-"));

describe("prebuilt tables", () => {
  it("reads back what was written, 8-aligned, under the same stamp only", () => {
    const dir = tmp();
    try {
      const body = new Uint8Array(1000).map((_, i) => (i * 7) & 255);
      for (const meta of [{ rows: 3 }, { a: "x".repeat(5) }]) {
        const stamp = stampOf("test 1", [Buffer.from(JSON.stringify(meta))]);
        writePrebuilt("t.bin", stamp, meta, body, dir);
        const back = readPrebuilt<typeof meta>("t.bin", stamp, dir);
        assert.ok(back);
        assert.deepEqual(back.meta, meta);
        assert.deepEqual([...back.body], [...body]);
        assert.equal(back.body.byteOffset % 8, 0);
        // another input, another format version: not this file
        assert.equal(readPrebuilt("t.bin", stampOf("test 1", [Buffer.from("other")]), dir), undefined);
        assert.equal(readPrebuilt("t.bin", stampOf("test 2", [Buffer.from(JSON.stringify(meta))]), dir), undefined);
      }
      assert.equal(readPrebuilt("absent.bin", "x", dir), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ignores a truncated or foreign file instead of misreading it", () => {
    const dir = tmp();
    try {
      const stamp = stampOf("test 1", [Buffer.from("a")]);
      writePrebuilt("t.bin", stamp, null, new Uint8Array(64).fill(9), dir);
      const file = path.join(dir, "t.bin");
      const whole = readFileSync(file);
      writeFileSync(file, whole.subarray(0, whole.length - 8));
      assert.equal(readPrebuilt("t.bin", stamp, dir), undefined);
      writeFileSync(file, "not a table at all");
      assert.equal(readPrebuilt("t.bin", stamp, dir), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stamps file paths by their bytes", () => {
    const dir = tmp();
    try {
      const f = path.join(dir, "in.txt");
      writeFileSync(f, "abc");
      assert.equal(stampOf("v", [f]), stampOf("v", [Buffer.from("abc")]));
      assert.notEqual(stampOf("v", [f]), stampOf("v", [Buffer.from("abd")]));
      // (each input's length is stamped too: moving bytes between inputs changes the stamp)
      assert.notEqual(stampOf("v", [Buffer.from("ab"), Buffer.from("c")]), stampOf("v", [Buffer.from("a"), Buffer.from("bc")]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a prebuilt city table holds the bytes the gazetteer would build", () => {
    const dir = tmp();
    try {
      const written = prebuildCityTables(dir);
      assert.ok(written.includes("cities.table"));
      const data = path.join(import.meta.dirname, "../geo/data");
      const bin = readFileSync(path.join(data, "cities.bin"));
      const text = readFileSync(path.join(data, "cities.txt"));
      const rows = Math.floor(bin.length / 17);
      const built = buildCityTable(bin, text.toString("utf8"), rows, false);
      const pre = readPrebuilt<typeof built.layout>("cities.table", tableStamp(rows, bin, text), dir);
      assert.ok(pre, "the stamp the gazetteer computes finds the file");
      assert.deepEqual(pre.meta, built.layout);
      assert.ok(Buffer.from(pre.body).equals(Buffer.from(built.buffer as ArrayBuffer)));
      // read in place past the header, as the gazetteer does: the same names and numbers
      const at = Object.fromEntries(Object.entries(pre.meta.at).map(([k, [o, n]]) => [k, [o + pre.body.byteOffset, n] as [number, number]]));
      const a = cityTableViews({ buffer: pre.body.buffer, layout: { rows, at } });
      const b = cityTableViews(built);
      for (const i of [0, 1, 100, rows - 1]) {
        assert.equal(a.names.at(i), b.names.at(i));
        assert.equal(a.lat[i], b.lat[i]);
        assert.equal(a.pop[i], b.pop[i]);
        assert.equal(a.capital[i], b.capital[i]);
      }
      assert.equal(a.cc, b.cc);
      assert.equal(a.names.first(b.names.at(5)), b.names.first(b.names.at(5)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unpacked model is the prebuilt copy of this very file, else gunzipped", () => {
    const dir = tmp();
    try {
      const raw = Buffer.from("model bytes ".repeat(100));
      const packed = gzipSync(raw);
      assert.ok(unpackedModel(packed, dir).equals(raw));
      // a prebuilt copy stamped for this file is read as it is (here: other bytes, to see which path answered)
      writePrebuilt("ner-model.bin", stampOf("ner-unpacked 1", [packed]), null, Buffer.from("prebuilt"), dir);
      assert.equal(unpackedModel(packed, dir).toString(), "prebuilt");
      // another model file: the copy is stale, the file is gunzipped
      const other = gzipSync(Buffer.from("another model"));
      assert.equal(unpackedModel(other, dir).toString(), "another model");
      // a file that is not gzipped is its own bytes
      assert.equal(unpackedModel(raw, dir), raw);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
