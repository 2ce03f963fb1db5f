// The HTTP API in-process over a temporary SQLite store: every route, paging, validation, limits, auth, headers and static files.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../src/core/record.js";
import { buildProgram } from "../src/cli/main.js";
import { extractAll } from "../src/index.js";
import type { FetchOptions } from "../src/ingest/index.js";
import type { EntityDetail, FigureSeries, Health, Page, PlacesResponse, QuoteRow, ResolvedEntity, StoreResponse, StoredArticle } from "../src/server/api-types.js";
import { ROUTES } from "../src/server/routes.js";
import { startServer, type RunningServer } from "../src/server/server.js";
import { openStore } from "../src/store/open.js";
import type { Store } from "../src/store/store.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tmp = mkdtempSync(path.join(tmpdir(), "claimline-server-api-"));
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020.js") as new (o: object) => {
  addSchema(schema: object, key: string): void;
  validate(ref: string, data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
};

const SECRET = "TOP-SECRET-OUTSIDE-THE-WEB-FOLDER";
const TOKEN = "s3cr3t-t0ken-for-tests";

let store: Store;
let main: RunningServer;
let readOnly: RunningServer;
let withToken: RunningServer;
let noUi: RunningServer;
let pages: Server;
let sample: ArticleRecord[] = [];
let days: Map<string, string>;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise `..` away). */
function call(server: RunningServer, method: string, rawPath: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, method, path: rawPath, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode!, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const get = (path: string, headers?: Record<string, string>) => call(main, "GET", path, { headers });
const post = (server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(server, "POST", path, { headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** Asserts a JSON error answer with the status and a message matching `message`. */
function assertError(a: Answer, status: number, message: RegExp): void {
  assert.equal(a.status, status, a.text);
  assert.match(a.headers["content-type"] ?? "", /^application\/json; charset=utf-8$/);
  const body = a.json<{ error: { status: number; message: string } }>();
  assert.equal(body.error.status, status);
  assert.match(body.error.message, message);
}

let openapi: { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
let ajv: InstanceType<typeof Ajv2020>;

/** Asserts a body matches a component schema of /openapi.json: the document describes what the server answers. */
function conforms(schema: string, body: unknown): void {
  const ok = ajv.validate(`openapi#/components/schemas/${schema}`, body);
  assert.ok(ok, `${schema}: ${JSON.stringify(ajv.errors?.slice(0, 3))}`);
}

function conformsPage(item: string, page: Page<unknown>): void {
  assert.ok(Array.isArray(page.items) && typeof page.limit === "number" && typeof page.offset === "number");
  for (const x of page.items) conforms(item, x);
}

before(async () => {
  const web = path.join(tmp, "web");
  mkdirSync(path.join(web, "assets"), { recursive: true });
  writeFileSync(path.join(web, "index.html"), '<!doctype html><title>claimline ui</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(web, "assets", "app.js"), "console.log('ui');\n");
  writeFileSync(path.join(tmp, "secret.txt"), SECRET);

  store = await openStore(path.join(tmp, "store.db"));
  // The bundled Wikinews sample, one publication day per article so date filters have something to cut.
  const lines = readFileSync(path.join(root, "sample", "wikinews.jsonl"), "utf8").split("\n").filter(Boolean);
  days = new Map();
  for (const [i, line] of lines.entries()) {
    const day = `2024-01-${String(i + 1).padStart(2, "0")}`;
    const [record] = await extractAll(line, { published: day });
    sample.push(record!);
    const put = await store.put(record!, { origin: `sample:${i}` });
    days.set(put.id, day);
  }
  main = await startServer({ store, port: 0, webDir: web });
  readOnly = await startServer({ store, port: 0, webDir: web, readOnly: true });
  withToken = await startServer({ store, port: 0, webDir: web, token: TOKEN });
  noUi = await startServer({ store, port: 0, webDir: path.join(tmp, "no-such-dir") });
  openapi = (await get("/openapi.json")).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(openapi, "openapi");
});

after(async () => {
  await Promise.all([main, readOnly, withToken, noUi].map((s) => s?.close(100)));
  await new Promise<void>((resolve) => (pages ? pages.close(() => resolve()) : resolve()));
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("reading", () => {
  test("health and stats describe the store", async () => {
    const health = await get("/api/health");
    assert.equal(health.status, 200);
    const h = health.json<Health>();
    assert.deepEqual({ ok: h.ok, name: h.name, readOnly: h.readOnly, auth: h.auth, articles: h.articles }, { ok: true, name: "claimline", readOnly: false, auth: false, articles: sample.length });
    conforms("Health", h);
    const stats = (await get("/api/stats")).json();
    assert.deepEqual(stats, await store.stats());
    conforms("StoreStats", stats);
    assert.equal((await call(readOnly, "GET", "/api/health")).json<Health>().readOnly, true);
    assert.equal((await call(withToken, "GET", "/api/health")).json<Health>().auth, true);
  });

  test("articles page through the whole list without gaps or repeats", async () => {
    const all = (await get("/api/articles?limit=500")).json<Page<StoredArticle>>();
    assert.equal(all.items.length, sample.length);
    assert.equal(all.next, undefined);
    conformsPage("StoredArticle", all);
    const seen: string[] = [];
    let offset: number | undefined = 0;
    let pagesRead = 0;
    while (offset !== undefined) {
      const page: Page<StoredArticle> = (await get(`/api/articles?limit=3&offset=${offset}`)).json();
      assert.equal(page.limit, 3);
      assert.equal(page.offset, offset);
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((a) => a.id));
      offset = page.next;
      pagesRead++;
    }
    assert.equal(pagesRead, Math.ceil(sample.length / 3));
    assert.deepEqual(seen, all.items.map((a) => a.id));
    // Oldest publication first, and every stored title is the record's.
    assert.deepEqual(all.items.map((a) => a.published), [...days.values()]);
    assert.deepEqual(all.items.map((a) => a.title), sample.map((r) => r.source.title));
  });

  test("articles filter by date range and outlet", async () => {
    const page = (await get("/api/articles?from=2024-01-03&to=2024-01-05")).json<Page<StoredArticle>>();
    assert.deepEqual(page.items.map((a) => a.published), ["2024-01-03", "2024-01-05", "2024-01-04"].sort());
    const longer = (await get("/api/articles?from=2024-01-03T10:00:00Z&to=2024-01-05")).json<Page<StoredArticle>>();
    assert.equal(longer.items.length, 3);
    assert.equal((await get("/api/articles?outlet=wikinews")).json<Page<StoredArticle>>().items.length, sample.length);
    assert.equal((await get("/api/articles?outlet=Nobody")).json<Page<StoredArticle>>().items.length, 0);
  });

  test("one article by store id, by key, and its history; unknown ids are 404", async () => {
    const first = sample[0]!;
    const byId = await get(`/api/articles/${first.id}`);
    assert.equal(byId.status, 200);
    const rec = byId.json<ArticleRecord>();
    assert.equal(rec.id, first.id);
    assert.equal(rec.text, first.text);
    assert.equal(rec.quotes.length, first.quotes.length);
    conforms("ArticleRecord", rec);
    const key = `url:${first.source.url}`;
    const byKey = await get(`/api/articles/${encodeURIComponent(key)}`);
    assert.equal(byKey.status, 200);
    assert.equal(byKey.json<ArticleRecord>().id, first.id);
    const history = (await get(`/api/articles/${first.id}/history`)).json<Page<{ version: number; title?: string }>>();
    assert.deepEqual(history.items.map((v) => [v.version, v.title]), [[1, first.source.title]]);
    conformsPage("ArticleVersionSummary", history);
    assertError(await get("/api/articles/0000000000000000"), 404, /no article "0000000000000000"/);
    assertError(await get("/api/articles/nope/history"), 404, /no article/);
  });

  test("quotes filter by kind, speaker and words", async () => {
    const all = (await get("/api/quotes?limit=500")).json<Page<QuoteRow>>();
    const expected = sample.reduce((n, r) => n + r.quotes.length, 0);
    assert.equal(all.items.length, expected);
    conformsPage("QuoteRow", all);
    const direct = (await get("/api/quotes?kind=direct&limit=500")).json<Page<QuoteRow>>();
    assert.ok(direct.items.length > 0);
    assert.ok(direct.items.every((q) => q.kind === "direct"));
    assert.equal(direct.items.length, sample.reduce((n, r) => n + r.quotes.filter((q) => q.kind === "direct").length, 0));
    const speaker = all.items.find((q) => q.speaker)!.speaker!;
    const bySpeaker = (await get(`/api/quotes?speaker=${encodeURIComponent(speaker.toUpperCase())}`)).json<Page<QuoteRow>>();
    assert.ok(bySpeaker.items.length > 0 && bySpeaker.items.every((q) => q.speaker?.toLowerCase().includes(speaker.toLowerCase())));
    const word = all.items[0]!.text.split(/\W+/).find((w) => w.length > 5)!;
    const byText = (await get(`/api/quotes?text=${encodeURIComponent(word)}`)).json<Page<QuoteRow>>();
    assert.ok(byText.items.some((q) => q.text.toLowerCase().includes(word.toLowerCase())));
  });

  test("quantities and claims, with their filters", async () => {
    const people = (await get("/api/quantities?counted=people&limit=500")).json<Page<{ counted?: string }>>();
    assert.ok(people.items.length > 0);
    assert.ok(people.items.every((q) => q.counted!.toLowerCase().includes("people")));
    conformsPage("QuantityRow", people);
    const claims = (await get("/api/claims?limit=500")).json<Page<{ status: string; claimant?: string }>>();
    assert.equal(claims.items.length, sample.reduce((n, r) => n + r.claims.length, 0));
    conformsPage("ClaimRow", claims);
    const status = claims.items[0]!.status;
    const byStatus = (await get(`/api/claims?status=${status}&limit=2`)).json<Page<{ status: string }>>();
    const expected = claims.items.filter((c) => c.status === status).length;
    assert.equal(byStatus.items.length, Math.min(2, expected));
    assert.ok(byStatus.items.every((c) => c.status === status));
    assert.equal(byStatus.next, expected > 2 ? 2 : undefined);
    const named = (await get("/api/claims?claimant=true&limit=500")).json<Page<{ claimant?: string }>>();
    assert.ok(named.items.every((c) => c.claimant));
    assert.equal(named.items.length, claims.items.filter((c) => c.claimant).length);
  });

  test("figure series: list, match, paging and one by key", async () => {
    const all = (await get("/api/figures?limit=500")).json<Page<FigureSeries>>();
    assert.ok(all.items.length > 1);
    conformsPage("FigureSeries", all);
    assert.ok(all.items.every((s, i) => i === 0 || all.items[i - 1]!.points.length >= s.points.length), "most figures first");
    const second = (await get("/api/figures?limit=1&offset=1")).json<Page<FigureSeries>>();
    assert.equal(second.items[0]!.key, all.items[1]!.key);
    assert.equal(second.next, all.items.length > 2 ? 2 : undefined);
    const top = all.items[0]!;
    const one = await get(`/api/figures/${encodeURIComponent(top.key)}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.json<FigureSeries>(), top);
    assertError(await get("/api/figures/no%20such%20thing"), 404, /no figure series "no such thing"/);
    const matched = (await get(`/api/figures?counted=${encodeURIComponent(top.label)}`)).json<Page<FigureSeries>>();
    assert.ok(matched.items.some((s) => s.key === top.key));
    const withClaimant = all.items.find((s) => s.claimants.length);
    if (withClaimant) {
      const name = withClaimant.claimants[0]!.claimant;
      const byClaimant = (await get(`/api/figures?claimant=${encodeURIComponent(name)}`)).json<Page<FigureSeries>>();
      assert.ok(byClaimant.items.some((s) => s.key === withClaimant.key));
      assert.ok(byClaimant.items.every((s) => s.claimants.length > 0));
    }
  });

  test("entities resolved across articles; one entity with its quotes and articles", async () => {
    const all = (await get("/api/entities?limit=500")).json<Page<ResolvedEntity>>();
    assert.ok(all.items.length > 10);
    conformsPage("ResolvedEntity", all);
    assert.ok(all.items.every((e, i) => i === 0 || all.items[i - 1]!.articles >= e.articles), "most articles first");
    const gpe = (await get("/api/entities?type=GPE&limit=500")).json<Page<ResolvedEntity>>();
    assert.ok(gpe.items.length > 0 && gpe.items.every((e) => e.type === "GPE"));
    const quotes = (await get("/api/quotes?limit=500")).json<Page<QuoteRow>>().items.filter((q) => q.speaker && q.speakerType === "PERSON");
    const speaker = quotes[0]!.speaker!;
    const found = (await get(`/api/entities?type=PERSON&name=${encodeURIComponent(speaker)}`)).json<Page<ResolvedEntity>>();
    const entity = found.items.find((e) => e.variants.some((v) => v.name === speaker))!;
    assert.ok(entity, `an entity for ${speaker}`);
    const detail = await get(`/api/entities/${encodeURIComponent(entity.id)}`);
    assert.equal(detail.status, 200);
    const d = detail.json<EntityDetail>();
    conforms("EntityDetail", d);
    assert.equal(d.entity.id, entity.id);
    assert.ok(d.quotes.length >= quotes.filter((q) => q.speaker === speaker).length);
    assert.ok(d.quotes.every((q) => entity.variants.some((v) => q.speaker === v.name) || q.speaker!.length < speaker.length));
    assert.ok(d.articles.length >= 1 && d.articles.every((a) => typeof a.title === "string"));
    assert.ok(d.articles.some((a) => a.id === quotes[0]!.articleId));
    assertError(await get("/api/entities/person%3Anobody-at-all"), 404, /no entity "person:nobody-at-all"/);
  });

  test("sources grouped by speaker and by outlet", async () => {
    const bySpeaker = (await get("/api/sources")).json<Page<{ group: string; quotes: number }>>();
    assert.ok(bySpeaker.items.length > 0);
    conformsPage("SourceGroup", bySpeaker);
    const byOutlet = (await get("/api/sources?by=outlet")).json<Page<{ group: string; quotes: number }>>();
    const perSpeaker = (await get("/api/sources?limit=500")).json<Page<{ quotes: number }>>().items.reduce((n, g) => n + g.quotes, 0);
    assert.deepEqual(byOutlet.items.map((g) => [g.group, g.quotes]), [["Wikinews", perSpeaker]]);
    assert.ok(bySpeaker.items.every((g, i) => i === 0 || bySpeaker.items[i - 1]!.quotes >= g.quotes), "most quoted first");
    assertError(await get("/api/sources?by=planet"), 400, /"by".*speaker, outlet, role, nationality/);
  });

  test("search finds articles and quotes, pages, and wants q", async () => {
    const hits = (await get("/api/search?q=cholera&limit=500")).json<Page<{ articleId: string; snippet: string }>>();
    assert.ok(hits.items.length >= 2);
    conformsPage("SearchHit", hits);
    assert.ok(hits.items.every((h) => /cholera/i.test(h.snippet) || sample.find((r) => r.id === h.articleId)!.text.toLowerCase().includes("cholera")));
    const first = (await get("/api/search?q=cholera&limit=1")).json<Page<{ articleId: string }>>();
    assert.equal(first.items.length, 1);
    assert.equal(first.next, 1);
    assertError(await get("/api/search"), 400, /"q" is required/);
  });

  test("places of one article and of a search", async () => {
    const withGeo = sample.find((r) => r.entities.some((e) => e.geo))!;
    const one = await get(`/api/places?article=${withGeo.id}`);
    assert.equal(one.status, 200);
    const p = one.json<PlacesResponse>();
    conforms("PlacesResponse", p);
    assert.equal(p.articles, 1);
    const expected = new Set(withGeo.entities.filter((e) => e.geo).map((e) => e.name));
    assert.ok(p.places.length > 0 && p.places.every((x) => expected.has(x.name) && x.articles[0] === withGeo.id));
    assert.ok(p.places.every((x, i) => i === 0 || p.places[i - 1]!.mentions >= x.mentions));
    const searched = (await get("/api/places?q=cholera")).json<PlacesResponse>();
    assert.ok(searched.articles >= 2 && searched.places.length > 0);
    assertError(await get("/api/places"), 400, /"article" or "q"/);
    assertError(await get(`/api/places?article=${withGeo.id}&q=x`), 400, /"article" or "q"/);
    assertError(await get("/api/places?article=unknown"), 404, /no article/);
  });
});

describe("validation and errors", () => {
  test("bad parameters are 400s that name the parameter", async () => {
    assertError(await get("/api/quotes?limit=501"), 400, /"limit": must be at most 500/);
    assertError(await get("/api/quotes?limit=0"), 400, /"limit": must be at least 1/);
    assertError(await get("/api/quotes?limit=ten"), 400, /"limit": not a whole number/);
    assertError(await get("/api/quotes?offset=-1"), 400, /"offset"/);
    assertError(await get("/api/quotes?kind=shouted"), 400, /"kind": want one of direct, indirect, mixed/);
    assertError(await get("/api/quotes?from=2024-13-01"), 400, /"from": not a date/);
    assertError(await get("/api/quotes?to=yesterday"), 400, /"to": not a date/);
    assertError(await get("/api/claims?claimant=maybe"), 400, /"claimant": want true or false/);
    assertError(await get("/api/articles?speaker=x"), 400, /unknown parameter "speaker"/);
    assertError(await get("/api/stats?verbose=1"), 400, /unknown parameter "verbose" \(this route takes none\)/);
    assertError(await get("/api/quotes?limit=5&limit=6"), 400, /"limit" given more than once/);
    // Quote text made of no words matches nothing (the store's contract), a 200 with no items.
    assert.deepEqual((await (await get(`/api/quotes?text=${encodeURIComponent('"')}`)).json()).items, []);
    // An empty value is no filter, as a UI form with an empty field sends it.
    assert.equal((await get("/api/quotes?speaker=&limit=1")).status, 200);
  });

  test("unknown routes are JSON 404s; wrong methods are 405 with Allow", async () => {
    assertError(await get("/api/nothing-here"), 404, /no route/);
    assertError(await get("/api/articles/a/b/c"), 404, /no route/);
    const del = await call(main, "DELETE", "/api/articles");
    assertError(del, 405, /DELETE is not allowed/);
    assert.equal(del.headers.allow, "POST, GET, HEAD");
    assertError(await call(main, "GET", "/api/extract"), 405, /allowed: POST/);
    assertError(await call(main, "PUT", "/index.html"), 405, /PUT/);
    assert.equal((await call(main, "HEAD", "/api/health")).status, 200);
  });

  test("a body over the limit is a 413 whether declared or streamed, and the rest is not read", async () => {
    const small = await startServer({ store, port: 0, webDir: null, bodyLimit: 1024 });
    try {
      const big = JSON.stringify({ text: "x".repeat(4096) });
      assertError(await post(small, "/api/extract", JSON.parse(big)), 413, /over the 1 kB limit/);
      // Chunked, with no length: the server answers 413 while the client is still sending, then hangs up.
      const streamed = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
        let sent = 0;
        let done = false;
        const req = request({ host: "127.0.0.1", port: small.port, method: "POST", path: "/api/extract", headers: { "content-type": "application/json" } }, (res) => {
          done = true;
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode!, sent }));
        });
        req.on("error", (e) => (done ? undefined : reject(e)));
        const chunk = Buffer.alloc(512, 0x61);
        const pump = () => {
          if (done || sent > 64 * 1024 * 1024) return req.end();
          sent += chunk.length;
          if (req.write(chunk)) setImmediate(pump);
          else req.once("drain", pump);
        };
        req.write('{"text":"');
        pump();
      });
      assert.equal(streamed.status, 413);
      assert.ok(streamed.sent < 64 * 1024 * 1024, `stopped after ${streamed.sent} bytes`);
    } finally {
      await small.close(100);
    }
  });

  test("wrong content types are 415; malformed bodies 400", async () => {
    const text = await call(main, "POST", "/api/extract", { headers: { "content-type": "text/plain" }, body: "hello" });
    assertError(text, 415, /application\/json \(got text\/plain\)/);
    assertError(await call(main, "POST", "/api/extract", { body: "{}" }), 415, /application\/json/);
    assertError(await call(main, "POST", "/api/extract", { headers: { "content-type": "application/json; charset=latin1" }, body: "{}" }), 415, /utf-8/);
    assertError(await call(main, "POST", "/api/extract", { headers: { "content-type": "application/json" }, body: "{not json" }), 400, /not valid JSON/);
    assertError(await post(main, "/api/extract", ["text"]), 400, /JSON object/);
    assertError(await post(main, "/api/extract", { text: "a", url: "http://127.0.0.1/" }), 400, /only one of text, html or url/);
    assertError(await post(main, "/api/extract", { title: "t" }), 400, /give one of text, html or url/);
    assertError(await post(main, "/api/extract", { text: "a", colour: "red" }), 400, /unknown field "colour"/);
    assertError(await post(main, "/api/extract", { text: 42 }), 400, /"text": must be a string/);
    assertError(await post(main, "/api/extract", { text: "a", published: "last week" }), 400, /"published"/);
    assertError(await post(main, "/api/extract", { url: "file:///etc/passwd" }), 400, /"url": want an http or https URL/);
    assertError(await post(main, "/api/extract", { text: "   " }), 422, /empty/);
  });
});

describe("extraction and writes", () => {
  const ARTICLE = [
    "Officials in Riverton said on Tuesday that 240 people had been evacuated after the dam burst.",
    '"We moved every family before dawn," Mayor Helena Varga told reporters.',
    "Varga said repairs could take up to six weeks.",
  ].join("\n\n");

  test("POST /api/extract returns the record and stores nothing", async () => {
    const before = await store.stats();
    const res = await post(main, "/api/extract", { text: ARTICLE, published: "2024-03-05", outlet: "Test Wire", title: "Dam burst" });
    assert.equal(res.status, 200, res.text);
    const rec = res.json<ArticleRecord>();
    conforms("ArticleRecord", rec);
    assert.equal(rec.text, ARTICLE);
    assert.deepEqual([rec.source.title, rec.source.outlet, rec.source.published], ["Dam burst", "Test Wire", "2024-03-05"]);
    assert.ok(rec.quotes.some((q) => q.kind === "direct" && q.speaker?.name.includes("Varga")));
    assert.ok(rec.quantities.some((q) => q.value === 240));
    assert.deepEqual(await store.stats(), before);
  });

  test("POST /api/extract reads HTML, and fetches a URL (a loopback page here)", async () => {
    const html = `<!doctype html><html><head><title>Dam burst in Riverton</title><meta property="og:site_name" content="Riverton Post"></head>
      <body><article><h1>Dam burst in Riverton</h1>${ARTICLE.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const fromHtml = await post(main, "/api/extract", { html, sourceUrl: "https://example.org/dam" });
    assert.equal(fromHtml.status, 200, fromHtml.text);
    const rec = fromHtml.json<ArticleRecord>();
    assert.equal(rec.source.title, "Dam burst in Riverton");
    assert.ok(rec.text.includes("240 people"));
    pages = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/dam`;
    const fetcher = await startServer({ store, port: 0, webDir: null, fetchOptions: { timeoutMs: 5000, ...loopbackFetch() } });
    try {
      const fromUrl = await post(fetcher, "/api/extract", { url: pageUrl });
      assert.equal(fromUrl.status, 200, fromUrl.text);
      assert.equal(fromUrl.json<ArticleRecord>().source.title, "Dam burst in Riverton");
      assertError(await post(fetcher, "/api/extract", { url: "http://127.0.0.1:1/" }), 422, /./);
    } finally {
      await fetcher.close(100);
    }
    // Without an allowance the server's fetcher refuses loopback and private addresses (SSRF): the page is never requested.
    let requested = 0;
    pages.on("request", () => requested++);
    const guarded = await startServer({ store, port: 0, webDir: null, fetchOptions: { timeoutMs: 5000, allowPrivate: false } });
    try {
      assertError(await post(guarded, "/api/extract", { url: pageUrl }), 422, /refused to fetch 127.0.0.1: a loopback address/);
      assertError(await post(guarded, "/api/extract", { url: `http://localhost:${(pages.address() as AddressInfo).port}/dam` }), 422, /refused to fetch/);
      assertError(await post(guarded, "/api/extract", { url: "http://[::1]:9/" }), 422, /refused to fetch ::1/);
      assert.equal(requested, 0);
    } finally {
      await guarded.close(100);
    }
  });

  test("POST /api/articles stores once (201, then 200) and the cached views see the new article", async () => {
    const body = { text: ARTICLE, published: "2024-03-05", outlet: "Test Wire", sourceUrl: "https://example.org/riverton-dam" };
    const before = (await get("/api/entities?name=Varga")).json<Page<ResolvedEntity>>();
    assert.equal(before.items.length, 0);
    const first = await post(main, "/api/articles", body);
    assert.equal(first.status, 201, first.text);
    const stored = first.json<StoreResponse>();
    conforms("StoreResponse", stored);
    assert.equal(stored.put.status, "inserted");
    assert.equal(stored.put.key, "url:https://example.org/riverton-dam");
    const again = await post(main, "/api/articles", body);
    assert.equal(again.status, 200);
    assert.equal(again.json<StoreResponse>().put.status, "unchanged");
    assert.equal((await get(`/api/articles/${stored.put.id}`)).json<ArticleRecord>().text, ARTICLE);
    // Entity resolution is cached per store state: the write must show at once.
    const after = (await get("/api/entities?name=Varga")).json<Page<ResolvedEntity>>();
    assert.equal(after.items.length, 1);
    assert.equal(after.items[0]!.type, "PERSON");
    // A corrected text under the same URL is a new version.
    const corrected = await post(main, "/api/articles", { ...body, text: ARTICLE.replace("240", "260") });
    assert.equal(corrected.status, 200);
    assert.deepEqual([corrected.json<StoreResponse>().put.status, corrected.json<StoreResponse>().put.version], ["updated", 2]);
    const history = (await get(`/api/articles/${stored.put.id}/history`)).json<Page<{ version: number; replacedAt?: string }>>();
    assert.deepEqual(history.items.map((v) => [v.version, !!v.replacedAt]), [[1, true], [2, false]]);
    assert.equal((await get("/api/health")).json<Health>().articles, sample.length + 1);
  });

  test("read-only: writes are 403, extraction still answers", async () => {
    assertError(await post(readOnly, "/api/articles", { text: ARTICLE }), 403, /read-only/);
    assertError(await post(readOnly, "/api/articles", { text: ARTICLE }, { "content-type": "text/plain" }), 403, /read-only/);
    assert.equal((await post(readOnly, "/api/extract", { text: ARTICLE })).status, 200);
  });

  test("token: writes need the right bearer token", async () => {
    const body = { text: `${ARTICLE}\n\nA token-guarded copy.` };
    const none = await post(withToken, "/api/articles", body);
    assertError(none, 401, /Authorization: Bearer/);
    assert.match(none.headers["www-authenticate"] ?? "", /^Bearer/);
    assertError(await post(withToken, "/api/articles", body, { authorization: `Bearer ${TOKEN.slice(0, -1)}` }), 401, /wrong token/);
    assertError(await post(withToken, "/api/articles", body, { authorization: "Basic Zm9vOmJhcg==" }), 401, /Bearer/);
    const good = await post(withToken, "/api/articles", body, { authorization: `Bearer ${TOKEN}` });
    assert.equal(good.status, 201, good.text);
    assert.equal(good.json<StoreResponse>().put.status, "inserted");
    assert.equal((await post(withToken, "/api/articles", body, { authorization: `bearer ${TOKEN}` })).status, 200);
    // Reads and extraction stay open.
    assert.equal((await call(withToken, "GET", "/api/stats")).status, 200);
    assert.equal((await post(withToken, "/api/extract", body)).status, 200);
  });

  test("cross-site requests: a foreign Host (DNS rebinding) and a foreign Origin on a write are refused", async () => {
    assertError(await get("/api/health", { host: "attacker.example:8787" }), 421, /localhost/);
    assert.equal((await get("/api/health", { host: `localhost:${main.port}` })).status, 200);
    assertError(await post(main, "/api/articles", { text: ARTICLE }, { origin: "https://attacker.example" }), 403, /cross-origin/);
    assert.equal((await post(main, "/api/extract", { text: ARTICLE }, { origin: `http://127.0.0.1:${main.port}` })).status, 200);
  });
});

describe("headers and static files", () => {
  test("security headers on JSON, errors and files; JSON as application/json; no CORS", async () => {
    for (const a of [await get("/api/health"), await get("/api/nope"), await get("/"), await get("/assets/app.js"), await call(noUi, "GET", "/")]) {
      const csp = a.headers["content-security-policy"] ?? "";
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /img-src 'self' data:/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(a.headers["x-content-type-options"], "nosniff");
      assert.equal(a.headers["referrer-policy"], "no-referrer");
      assert.equal(a.headers["x-frame-options"], "DENY");
      assert.equal(a.headers["access-control-allow-origin"], undefined);
    }
    assert.equal((await get("/api/stats")).headers["content-type"], "application/json; charset=utf-8");
    const preflight = await call(main, "OPTIONS", "/api/articles", { headers: { origin: "https://attacker.example", "access-control-request-method": "POST" } });
    assert.ok(preflight.status === 403 || preflight.status === 405, String(preflight.status));
    assert.equal(preflight.headers["access-control-allow-origin"], undefined);
  });

  test("the web UI: files, index.html for client routes, 404 for missing files", async () => {
    const index = await get("/");
    assert.equal(index.status, 200);
    assert.match(index.headers["content-type"] ?? "", /^text\/html/);
    assert.match(index.text, /claimline ui/);
    const route = await get("/entities/person:someone?tab=quotes");
    assert.equal(route.status, 200);
    assert.match(route.text, /claimline ui/);
    const js = await get("/assets/app.js");
    assert.equal(js.status, 200);
    assert.equal(js.headers["content-type"], "text/javascript; charset=utf-8");
    assert.match(js.headers["cache-control"] ?? "", /immutable/);
    assert.equal(js.text, "console.log('ui');\n");
    assert.equal((await get("/assets/app.js", { "if-none-match": js.headers.etag! })).status, 304);
    assert.equal((await get("/assets/missing.js")).status, 404);
  });

  test("no path traversal: .., encoded dots and slashes, absolute paths", async () => {
    const secretAbs = path.join(tmp, "secret.txt");
    const attempts = [
      "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt", `/${secretAbs}`, `//${secretAbs}`, `/${encodeURIComponent(secretAbs)}`,
      "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/..%00/secret.txt", "/C:%5cwindows%5cwin.ini",
    ];
    for (const attempt of attempts) {
      const a = await get(attempt);
      assert.ok(!a.text.includes(SECRET) && !a.text.includes("root:x:0"), `${attempt} leaked a file`);
      assert.ok(a.status === 400 || a.status === 404 || (a.status === 200 && a.text.includes("claimline ui")), `${attempt}: ${a.status}`);
    }
    assertError(await get("/%2e%2e/secret.txt"), 400, /path not allowed/);
    assertError(await get("/%E0%A4%A"), 400, /percent-encoding/);
  });

  test("without a built UI, / says how to build it", async () => {
    const page = await call(noUi, "GET", "/");
    assert.equal(page.status, 200);
    assert.match(page.text, /not built/);
    assert.match(page.text, /npm run build/);
    assert.doesNotMatch(page.text, /<script|style=/);
    assert.equal((await call(noUi, "GET", "/api/health")).status, 200);
  });
});

test("/openapi.json lists every route of the table, with its parameters", async () => {
  const res = await get("/openapi.json");
  assert.equal(res.status, 200);
  const doc = res.json<{ openapi: string; paths: typeof openapi.paths; components: { schemas: Record<string, unknown> } }>();
  assert.equal(doc.openapi, "3.1.0");
  const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
  assert.deepEqual(listed, ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  for (const route of ROUTES) {
    const op = doc.paths[route.path]![route.method.toLowerCase()]!;
    const names = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
    assert.deepEqual(names, route.query.map((q) => q.name), `${route.method} ${route.path}`);
    for (const hole of route.path.match(/\{\w+\}/g) ?? []) assert.ok(op.parameters.some((p) => p.in === "path" && `{${p.name}}` === hole));
  }
  // Every route the contract in api-types.ts names is in the table.
  const contract = readFileSync(path.join(root, "src", "server", "api-types.ts"), "utf8");
  for (const m of contract.matchAll(/^ \* {3}(GET|POST) +(\/\S+)/gm)) {
    const p = m[2]!.replace(/:(\w+)/g, "{$1}");
    if (p === "/") continue;
    assert.ok(ROUTES.some((r) => r.method === m[1] && r.path === p), `${m[1]} ${p} missing from the route table`);
  }
  // Every schema a route names exists.
  for (const route of ROUTES) {
    for (const r of Object.values(route.responses)) {
      const name = typeof r.schema === "string" ? r.schema : r.schema?.page;
      if (name) assert.ok(doc.components.schemas[name], name);
    }
  }
});

/** Fetch options that let the test reach its own loopback page past the fetcher's private-address guard, and nothing else. */
function loopbackFetch(): FetchOptions {
  return {
    allowAddresses: ["127.0.0.1"],
    connectHook: ({ address }) => assert.equal(address, "127.0.0.1", "tests never connect beyond loopback"),
  };
}

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

test("claimline serve refuses a missing store in read-only mode and bad options, before listening", async () => {
  for (const [args, code, message] of [
    [["--db", path.join(tmp, "missing.db"), "--read-only"], 1, /no store at .*missing\.db: --read-only serves an existing store/],
    [["--port", "http"], 2, /--port: not a port number: http/],
    [["--port", "70000"], 2, /--port: not a port number/],
    [["--body-limit", "lots"], 2, /not a size: lots/],
    [["--web", path.join(tmp, "no-such-dir")], 2, /--web .*: no index\.html there/],
  ] as [string[], number, RegExp][]) {
    const out = new Capture();
    const err = new Capture();
    const { program, exitCode } = buildProgram(out, err);
    await program.parseAsync(["node", "claimline", "serve", "--db", path.join(tmp, "cli.db"), ...args]);
    assert.equal(exitCode(), code, args.join(" "));
    assert.match(err.text, message);
    assert.equal(out.text, "", "nothing on stdout when the server does not start");
  }
  assert.equal(existsSync(path.join(tmp, "missing.db")), false, "read-only never creates a store");
});

test("the server bounds slow clients", () => {
  assert.ok(main.server.headersTimeout > 0 && main.server.headersTimeout <= 30_000);
  assert.ok(main.server.requestTimeout > 0 && main.server.requestTimeout <= 120_000);
});
