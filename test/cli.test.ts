// End-to-end tests of `claimline extract`: formats, several inputs, and bad input that must not crash.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "claimline.js");
const seed = path.join(root, "test", "fixtures", "seed-article", "article.txt");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-cli-"));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

test("one text file gives one pretty JSON record with the flags' metadata and the text verbatim", () => {
  const r = run(["extract", seed, "--published", "2024-10-26", "--title", "T", "--outlet", "Outlet", "--url", "https://example.org/a"]);
  assert.equal(r.code, 0, r.err);
  const rec = JSON.parse(r.out);
  assert.equal(rec.schema, "claimline/record@1");
  const { language: _l, ...given } = rec.source;
  assert.deepEqual(given, { title: "T", outlet: "Outlet", url: "https://example.org/a", published: "2024-10-26" });
  assert.ok(rec.text.startsWith("What North"));
  for (const k of ["entities", "quotes", "quantities", "times", "claims"]) assert.ok(Array.isArray(rec[k]), k);
});

test("several inputs give JSONL in input order; stdin is read with '-'", () => {
  const a = file("a.txt", "The mayor said the bridge would reopen on Monday.\n");
  const r = run(["extract", a, "-", seed], "Officials said 300 people were evacuated.\n");
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.match(lines[0].text, /bridge/);
  assert.match(lines[1].text, /evacuated/);
  assert.match(lines[2].text, /North Korean/);
});

test("--format text prints a readable digest", () => {
  const r = run(["extract", "--format", "text", seed, "--published", "2024-10-26", "--title", "A title"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^# A title/);
  assert.match(r.out, /Quotes \(\d+\)/);
  assert.match(r.out, /Figures \(\d+\)/);
});

test("bad inputs: one clear stderr line each, non-zero exit, the good input still comes out", () => {
  const empty = file("empty.txt", "");
  const blank = file("blank.txt", "  \n\n ");
  const binary = file("binary.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));
  const invalid = file("invalid.txt", Buffer.from([0x48, 0x69, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0x28]));
  const missing = path.join(tmp, "missing.txt");
  const good = file("good.txt", "The minister said on Tuesday that 40 people had been hurt.\n");
  const r = run(["extract", empty, blank, binary, invalid, missing, good]);
  assert.notEqual(r.code, 0);
  const errLines = r.err.trim().split("\n");
  assert.equal(errLines.length, 5, r.err);
  for (const [i, name] of ["empty.txt", "blank.txt", "binary.bin", "invalid.txt", "missing.txt"].entries()) {
    assert.ok(errLines[i]!.includes(name), errLines[i]);
    assert.doesNotMatch(errLines[i]!, /\bat .*\.js:\d+/); // no stack traces
  }
  const out = r.out.trim().split("\n");
  assert.equal(out.length, 1);
  assert.match(JSON.parse(out[0]!).text, /minister/);
});

test("a file over the size limit is refused with a clear message", () => {
  const big = path.join(tmp, "big.txt");
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
  const r = run(["extract", big]);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /big\.txt: .*MB.*limit/);
  assert.equal(r.out, "");
});

test("HTML without an article and non-English text are reported, not crashed on", () => {
  const noArticle = file("nav.html", "<!doctype html><html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
  const french = file("fr.txt", "Le gouvernement a annoncé mardi que les négociations avec les syndicats se poursuivront la semaine prochaine, selon le ministre du travail. Les représentants des salariés ont dénoncé une réforme injuste et ont appelé à une nouvelle journée de grève dans tout le pays.\n");
  const r = run(["extract", noArticle, french]);
  assert.notEqual(r.code, 0);
  const errLines = r.err.trim().split("\n");
  assert.equal(errLines.length, 2, r.err);
  assert.match(errLines[0]!, /nav\.html: .*no article/i);
  assert.match(errLines[1]!, /fr\.txt: .*language "fr"/);
  const rec = JSON.parse(r.out.trim().split("\n").at(-1)!);
  assert.equal(rec.source.language, "fr");
});

test("usage errors exit with 2", () => {
  const r = run(["extract", "--format", "yaml", seed]);
  assert.equal(r.code, 2);
});
