// Tests of `claimline extract` over many inputs: worker pool order and output, http(s) inputs, JSONL ids.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { buildProgram } from "../main.js";
import { poolTuning } from "./extract.js";

const tmp = mkdtempSync(path.join(tmpdir(), "claimline-extract-"));

/** Runs the CLI in-process; returns stdout, stderr and the exit code. */
async function cli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = "";
  let e = "";
  out.on("data", (b: Buffer) => { o += b.toString(); });
  err.on("data", (b: Buffer) => { e += b.toString(); });
  const { program, exitCode } = buildProgram(out, err);
  await program.parseAsync(["node", "claimline", ...args]);
  return { out: o, err: e, code: exitCode() };
}

const TEXTS = [
  "The mayor said the bridge would reopen on Monday.",
  "Officials said 300 people were evacuated from the town on Tuesday.",
  "The ministry reported that 12 drones were shot down overnight.",
  "A spokesman said talks would resume next week.",
  "Police said two men were arrested after the protest.",
];

test("--jobs 2 gives the same records, in input order, as one thread", async () => {
  const files = TEXTS.map((t, i) => {
    const p = path.join(tmp, `a${i}.txt`);
    writeFileSync(p, `${t}\n`);
    return p;
  });
  const one = await cli(["extract", "--format", "jsonl", "--jobs", "1", ...files]);
  const two = await cli(["extract", "--format", "jsonl", "--jobs", "2", ...files]);
  assert.equal(one.code, 0, one.err);
  assert.equal(two.code, 0, two.err);
  const lines = two.out.trim().split("\n");
  assert.equal(lines.length, TEXTS.length);
  lines.forEach((l, i) => assert.equal(JSON.parse(l).text.trim(), TEXTS[i]));
  assert.equal(two.out, one.out);
});

test("--format text through the pool keeps one blank line between records and none before the first", async () => {
  // records of one input come in several parts, and from several threads: the blank lines must not depend on which
  const p = path.join(tmp, "text-many.jsonl");
  writeFileSync(p, `${TEXTS.map((t, i) => JSON.stringify({ id: `t${i}`, text: t })).join("\n")}\n`);
  const q = path.join(tmp, "text-one.txt");
  writeFileSync(q, `${TEXTS[0]}\n`);
  const one = await cli(["extract", "--format", "text", "--jobs", "1", p, q, p]);
  const before = poolTuning.chunkChars;
  for (const chunkChars of [1, before]) {
    poolTuning.chunkChars = chunkChars;
    try {
      const two = await cli(["extract", "--format", "text", "--jobs", "2", p, q, p]);
      assert.equal(two.code, 0, two.err);
      assert.ok(!two.out.startsWith("\n"));
      assert.equal(two.out, one.out);
    } finally {
      poolTuning.chunkChars = before;
    }
  }
});

test("a worker's output sent a record at a time is written whole and in order", async () => {
  // JSONL inputs of several articles each, one of them not English: records and messages come in many parts
  const files = [0, 1, 2].map((k) => {
    const p = path.join(tmp, `many${k}.jsonl`);
    const lines = TEXTS.map((t, i) => JSON.stringify({ id: `m${k}-${i}`, text: t }));
    if (k === 1) lines.splice(2, 0, JSON.stringify({ id: `m${k}-de`, text: "Der Bürgermeister sagte am Montag, die Brücke werde im nächsten Monat wieder geöffnet. Die Stadt habe dafür vier Millionen Euro ausgegeben, und die Arbeiten seien schneller als erwartet vorangekommen. Viele Anwohner hatten sich über den Umweg beschwert, der seit dem Frühjahr nötig war." }));
    writeFileSync(p, `${lines.join("\n")}\n`);
    return p;
  });
  const one = await cli(["extract", "--format", "jsonl", "--jobs", "1", ...files]);
  const before = poolTuning.chunkChars;
  poolTuning.chunkChars = 1;
  let two;
  try {
    two = await cli(["extract", "--format", "jsonl", "--jobs", "2", ...files]);
  } finally {
    poolTuning.chunkChars = before;
  }
  const ids = two.out.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
  assert.deepEqual(ids.slice(0, 7), ["m0-0", "m0-1", "m0-2", "m0-3", "m0-4", "m1-0", "m1-1"]);
  assert.equal(ids.length, 16);
  assert.equal(two.out, one.out);
  assert.match(one.err, /many1\.jsonl:3: language "de"/);
  assert.equal(two.err, one.err);
  // a warning, not a failure: every input gave its records
  assert.match(one.err, /^claimline: warning: /m);
  assert.equal(two.code, 0);
  assert.equal(one.code, 0);
});

test("a bad input among many is reported and the pool goes on", async () => {
  const good = path.join(tmp, "good.txt");
  writeFileSync(good, `${TEXTS[0]}\n`);
  const r = await cli(["extract", "--format", "jsonl", "--jobs", "2", good, path.join(tmp, "missing.txt"), good]);
  assert.equal(r.code, 1);
  assert.equal(r.out.trim().split("\n").length, 2);
  assert.match(r.err, /missing\.txt: no such file/);
});

test("a JSONL article's own id names its record", async () => {
  const p = path.join(tmp, "articles.jsonl");
  writeFileSync(p, `${JSON.stringify({ id: "wire-42", text: TEXTS[1] })}\n${JSON.stringify({ text: TEXTS[2] })}\n`);
  const r = await cli(["extract", "--format", "jsonl", p]);
  assert.equal(r.code, 0, r.err);
  const [a, b] = r.out.trim().split("\n").map((l) => JSON.parse(l) as { id: string });
  assert.equal(a!.id, "wire-42");
  assert.match(b!.id, /^[0-9a-f]{16}$/);
});

test("an http(s) URL is fetched and extracted", async () => {
  const page = `<!doctype html><html><head><title>Bridge</title></head><body><article><h1>Bridge to reopen</h1>
<p>${TEXTS[0]} The works cost 4 million euros, the council said.</p><p>${TEXTS[3]}</p></article></body></html>`;
  const server = createServer((_req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8" }); res.end(page); });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // the fetch guard refuses loopback unless the process allows private addresses (the test server is one)
  process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE = "1";
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/bridge`;
    const r = await cli(["extract", "--format", "jsonl", url]);
    assert.equal(r.code, 0, r.err);
    const rec = JSON.parse(r.out) as { text: string; source: { url?: string } };
    assert.match(rec.text, /bridge would reopen/);
    assert.equal(rec.source.url, url);
  } finally {
    delete process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE;
    server.close();
  }
});
