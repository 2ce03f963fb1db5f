// JSONL and JSON articles: text kept verbatim, HTML rendered, metadata fields mapped, bad lines reported by number.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest, IngestError } from "./index.js";
import { ARTICLE_PARAGRAPHS, newsPage } from "./test-pages.js";

const TEXT = "The council said on Tuesday that the bridge would reopen in March.\r\nEngineers had found cracks in two of its piers.";

describe("JSONL", () => {
  it("reads one article per line with its metadata; text is verbatim", async () => {
    const lines = [
      JSON.stringify({ id: "a1", text: TEXT, title: "Bridge to reopen", url: "https://n.example/bridge", published: "2023-05-17", outlet: "Northern Post", byline: "By Lea Brandt and Omar Haddad", language: "en" }),
      JSON.stringify({ id: 7, html: "<p>The ferry <b>resumed</b> service on Monday after a month-long strike by deck crews.</p><p>Passengers welcomed it.</p>", subtitle: "Service resumes", date: "Mon, 28 Oct 2024 09:00:00 GMT", source: { name: "Coast Radio" }, authors: [{ name: "Ana Lopes" }] }),
    ];
    const articles = await ingest(Buffer.from(lines.join("\n") + "\n"), { origin: "batch.jsonl" });
    assert.equal(articles.length, 2);
    const [a, b] = articles;
    assert.equal(a?.text, TEXT);
    assert.equal(a?.id, "a1");
    assert.equal(a?.origin, "batch.jsonl:1");
    assert.deepEqual(a?.source, { url: "https://n.example/bridge", outlet: "Northern Post", title: "Bridge to reopen", byline: ["Lea Brandt", "Omar Haddad"], published: "2023-05-17", language: "en" });
    assert.equal(b?.text, "The ferry resumed service on Monday after a month-long strike by deck crews.\nPassengers welcomed it.");
    assert.equal(b?.id, "7");
    assert.equal(b?.source.outlet, "Coast Radio");
    assert.equal(b?.source.subtitle, "Service resumes");
    assert.equal(b?.source.published, "2024-10-28T09:00:00Z");
    assert.deepEqual(b?.source.byline, ["Ana Lopes"]);
    assert.deepEqual(b?.paragraphs, [[0, 76], [77, 100]]);
  });

  it("reads a whole page in the html field through the page path", async () => {
    const line = JSON.stringify({ html: newsPage(), url: "https://g.example/2024/01/02/x", title: "From the record" });
    const [a] = await ingest(line);
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(a?.source.title, "From the record");
    assert.equal(a?.source.url, "https://g.example/2024/01/02/x");
  });

  it("turns bad lines into warnings naming the line number; the other lines still come out", async () => {
    const input = [
      JSON.stringify({ text: "First article: the port reopened on Friday after the storm." }),
      '{"text": "not json',
      JSON.stringify({ title: "no body here" }),
      "",
      JSON.stringify(["an array"]),
      JSON.stringify({ text: "Second article: the airport said flights would resume." }),
    ].join("\n");
    const articles = await ingest(input, { origin: "mixed.jsonl" });
    assert.equal(articles.length, 2);
    assert.equal(articles[1]?.origin, "mixed.jsonl:6");
    const w = articles[0]!.warnings;
    assert.ok(w.some((x) => x.startsWith("line 2: not valid JSON")), w.join("; "));
    assert.ok(w.some((x) => x === "line 3: no `text` or `html` field"), w.join("; "));
    assert.ok(w.some((x) => x === "line 5: not a JSON object"), w.join("; "));
  });

  it("refuses a file in which every line is bad", async () => {
    await assert.rejects(ingest('{"text": "unterminated\n{"title": 1,}\n', { origin: "bad.jsonl" }), (e: unknown) => {
      assert.ok(e instanceof IngestError);
      assert.match(e.message, /no usable article in the JSON \(line 1: not valid JSON/);
      assert.equal(e.origin, "bad.jsonl");
      return true;
    });
  });

  it("accepts a JSON array and a pretty-printed single object", async () => {
    const arr = await ingest(JSON.stringify([{ text: "One: the strike ended on Sunday." }, { text: "Two: the talks collapsed on Monday." }], null, 2));
    assert.equal(arr.length, 2);
    const [one] = await ingest(JSON.stringify({ text: "Alone: the minister resigned.", title: "T" }, null, 2));
    assert.equal(one?.text, "Alone: the minister resigned.");
    assert.equal(one?.source.title, "T");
  });

  it("lets caller overrides win over record fields", async () => {
    const [a] = await ingest(JSON.stringify({ text: "The mayor said the budget was balanced.", title: "Record title" }), { title: "Flag title" });
    assert.equal(a?.source.title, "Flag title");
  });

  it("200,000 bad lines give 20 warnings and a count, not a stack overflow (found by probing the warning list)", async () => {
    const good = JSON.stringify({ text: "Officials said on Tuesday that 1,200 people had been evacuated.", authors: Array.from({ length: 100_000 }, () => "Jane Doe") });
    const [a, ...rest] = await ingest(`${good}\n${"{bad\n".repeat(200_000)}`);
    assert.equal(rest.length, 0);
    assert.equal(a!.warnings.length, 21);
    assert.match(a!.warnings[0]!, /^line 2: /);
    assert.equal(a!.warnings[20], "… and 199980 more like these");
    assert.deepEqual(a!.source.byline, ["Jane Doe"]);
  });
});

