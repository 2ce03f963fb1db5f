// The store commands end to end, in-process: ingest (idempotent, corrections, file-name dates) and the queries and exports.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { runCli } from "../src/cli/cli.test-helpers.js";
import { metadataFromFileName } from "../src/cli/commands/ingest-extract.js";
import { otherOutletRecord, zelenskyRecord } from "../src/store/conformance.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";

const tmp = mkdtempSync(path.join(tmpdir(), "claimline-store-cli-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args);

/** A store holding the two hand-made records, so query tests do not depend on extraction quality. */
async function handMadeStore(): Promise<string> {
  const db = path.join(tmp, `hand-${Math.random().toString(36).slice(2)}.db`);
  const store = openSqliteStore(db);
  await store.put(zelenskyRecord());
  await store.put(otherOutletRecord());
  await store.close();
  return db;
}

test("file names give the publication date and a source country; impossible dates give nothing", () => {
  assert.deepEqual(metadataFromFileName("/x/20220125T090000Z_GB_en_7d015e6984.txt"), { published: "2022-01-25", country: "GB" });
  assert.deepEqual(metadataFromFileName("20240513-article.txt"), { published: "2024-05-13", country: undefined });
  assert.deepEqual(metadataFromFileName("20221399T000000Z_GB_en_x.txt"), {});
  assert.deepEqual(metadataFromFileName("notes.txt"), {});
});

test("ingest stores each article once, dates from file names; a second run changes nothing", async () => {
  const dir = path.join(tmp, "corpus");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "20220301T101500Z_UA_en_aaaa.txt"), "Officials said 40 people were evacuated from Kharkiv on Monday.\n");
  writeFileSync(path.join(dir, "20220302T101500Z_US_en_bbbb.txt"), "The Pentagon said more than 150,000 Russian troops had massed near the border.\n");
  writeFileSync(path.join(dir, "20220303T101500Z_GB_en_cccc.txt"), "The Pentagon said more than 150,000 Russian troops had massed near the border.\n");
  const db = path.join(tmp, "ingest.db");
  const first = await cli("ingest", dir, "--db", db, "--published-from-filename");
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /3 articles .*: 2 new, 0 updated, 0 re-extracted, 0 unchanged, 1 duplicate, 0 errors/);
  const second = await cli("ingest", dir, "--db", db, "--published-from-filename");
  assert.match(second.err, /0 new, 0 updated, 0 re-extracted, 3 unchanged/);
  const store = openSqliteStore(db, { readonly: true });
  const articles = await store.articles();
  assert.deepEqual(articles.map((a) => [a.published, a.outlet]), [["2022-03-01", "UA"], ["2022-03-02", "US"]]);
  await store.close();
});

test("ingest of JSONL with URLs: a corrected article becomes a new version, and a bad input is reported without stopping", async () => {
  const db = path.join(tmp, "jsonl.db");
  const line = (text: string) => JSON.stringify({ url: "https://example.org/story?utm_source=x", title: "Story", published: "2024-05-01", outlet: "Example", text });
  const v1 = path.join(tmp, "v1.jsonl");
  const v2 = path.join(tmp, "v2.jsonl");
  writeFileSync(v1, `${line("The mayor said 12 homes were damaged.")}\n`);
  writeFileSync(v2, `${line("The mayor said 21 homes were damaged, correcting an earlier figure.")}\n`);
  assert.match((await cli("ingest", v1, "--db", db)).err, /1 new/);
  const corrected = await cli("ingest", v2, path.join(tmp, "missing.txt"), "--db", db, "--verbose");
  assert.equal(corrected.code, 1);
  assert.match(corrected.err, /missing\.txt: no such file/);
  assert.match(corrected.err, /0 new, 1 updated/);
  assert.match(corrected.out, /^updated\t/m);
  const store = openSqliteStore(db, { readonly: true });
  const history = await store.history("url:https://example.org/story");
  assert.deepEqual(history.map((h) => h.version), [1, 2]);
  assert.match(history[1]!.record.text, /21 homes/);
  await store.close();
});

test("ingest fetches a page by URL (loopback only) and keys it by its canonical URL", async () => {
  const page = `<!doctype html><html><head><title>Evacuation</title></head><body><article><h1>Evacuation</h1>
    <p>Officials in Sumy said on Tuesday that 300 people had been evacuated after shelling overnight.</p>
    <p>"We moved everyone we could," the governor told reporters.</p></article></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/story?utm_source=feed`;
  // The fetcher refuses loopback addresses unless told otherwise (SSRF guard); this page is one on purpose.
  process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE = "1";
  try {
    const db = path.join(tmp, "url.db");
    const first = await cli("ingest", url, "--db", db);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /1 new/);
    assert.match((await cli("ingest", url, "--db", db)).err, /1 unchanged/);
    const store = openSqliteStore(db, { readonly: true });
    const [article] = await store.articles();
    assert.equal(article!.key, `url:https://127.0.0.1:${(server.address() as AddressInfo).port}/story`);
    assert.match((await store.get(article!.id))!.text, /300 people had been evacuated/);
    await store.close();
  } finally {
    delete process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE;
    server.close();
  }
});

test("figures shows the series with claimants, dates, latest and range; json and csv carry the same points", async () => {
  const db = await handMadeStore();
  const table = await cli("figures", "russian soldiers killed", "--db", db);
  assert.equal(table.code, 0, table.err);
  assert.match(table.out, /== Russian soldiers killed/);
  assert.match(table.out, /2023-02-06\s+Volodymyr Zelenskyy\s+> 100,000/);
  const json = JSON.parse((await cli("figures", "russian troops killed", "--db", db, "--format", "json")).out);
  assert.equal(json[0].points[0].value, 100000);
  assert.equal(json[0].claimants[0].claimant, "Volodymyr Zelenskyy");
  const csv = (await cli("figures", "russian soldiers killed", "--db", db, "--format", "csv")).out.trim().split("\n");
  assert.equal(csv[0], "series,date,claimant,figure,value,bound,as written,published,outlet,article");
  assert.equal(csv.length, 2);
  const none = await cli("figures", "penguins", "--db", db);
  assert.equal(none.code, 1);
  assert.match(none.err, /no figures about "penguins"/);
});

test("quotes --speaker finds every spelling; entities joins them; sources counts them by outlet and role", async () => {
  const db = await handMadeStore();
  const quotes = JSON.parse((await cli("quotes", "--speaker", "Zelenskiy", "--db", db, "--format", "json")).out);
  assert.deepEqual(quotes.map((q: { speaker: string }) => q.speaker), ["Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"]);
  const entities = JSON.parse((await cli("entities", "--type", "PERSON", "--db", db, "--format", "json")).out);
  const zelensky = entities.find((e: { name: string }) => e.name === "Volodymyr Zelenskyy");
  assert.equal(zelensky.articles, 2);
  assert.deepEqual(zelensky.outlets, ["Example News", "Other Daily"]);
  const byOutlet = (await cli("sources", "--by", "outlet", "--db", db, "--format", "csv")).out.trim().split("\n");
  assert.equal(byOutlet[0], "outlet,quotes,direct,indirect,mixed,direct %,articles,speakers,most quoted");
  assert.ok(byOutlet.some((l) => l.startsWith("Other Daily,2,1,1,0,50,1,2,")), byOutlet.join("\n"));
  const bySpeaker = JSON.parse((await cli("sources", "--db", db, "--format", "json")).out);
  assert.equal(bySpeaker[0].group, "Volodymyr Zelenskyy");
  assert.equal(bySpeaker[0].quotes, 3);
  const byRole = JSON.parse((await cli("sources", "--by", "role", "--db", db, "--format", "json")).out);
  assert.deepEqual(byRole.map((g: { group: string; quotes: number }) => [g.group, g.quotes]), [["head of state or government", 3], ["government official", 1]]);
});

test("search finds words in articles and quotes; a missing store is a clear error", async () => {
  const db = await handMadeStore();
  const hits = JSON.parse((await cli("search", "Bakhmut", "--db", db, "--format", "json")).out);
  assert.ok(hits.some((h: { kind: string }) => h.kind === "quote"));
  assert.ok(hits.some((h: { kind: string }) => h.kind === "article"));
  const missing = await cli("quotes", "--db", path.join(tmp, "nope.db"));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no store at .*nope\.db/);
});

test("export: JSONL records, CSV tables, GKG-like TSV with a speaker column, ClaimReview JSON-LD", async () => {
  const db = await handMadeStore();
  const jsonl = (await cli("export", "--db", db)).out.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(jsonl, [zelenskyRecord(), otherOutletRecord()]);
  const csv = (await cli("export", "--format", "csv", "--table", "quantities", "--db", db)).out.trim().split("\n");
  assert.equal(csv.length, 3);
  assert.match(csv[1]!, /^art-zelensky,2023-02-06,Example News,n1,"more than 100,000",100000,,,lower,,Russian soldiers killed,Volodymyr Zelenskyy,2023-02-06,q1,/);
  const gkg = (await cli("export", "--format", "gkg", "--db", db)).out.trim().split("\n").map((l) => l.split("\t"));
  const header = gkg[0]!;
  const first = gkg[1]!;
  assert.equal(first[header.indexOf("V2.1DATE")], "20230206000000");
  assert.equal(first[header.indexOf("V1PERSONS")], "Volodymyr Zelenskyy");
  assert.equal(first[header.indexOf("QUOTATIONSPEAKERS")], "Volodymyr Zelenskyy#Zelenskyy");
  assert.match(first[header.indexOf("V2.1QUOTATIONS")]!, /^\d+\|51\|said\|more than 100,000 Russian soldiers have been killed#/);
  assert.match(first[header.indexOf("V2.1AMOUNTS")]!, /^100000,Russian soldiers killed,\d+$/);
  const reviews = JSON.parse((await cli("export", "--format", "claimreview", "--db", db)).out);
  assert.equal(reviews.length, 2);
  assert.equal(reviews[0]["@type"], "ClaimReview");
  assert.deepEqual(reviews[0].itemReviewed.author, { "@type": "Person", name: "Volodymyr Zelenskyy" });
  assert.equal(reviews[1].itemReviewed.author["@type"], "Organization");
  assert.equal(reviews[1].reviewRating.alternateName, "denied");
});
