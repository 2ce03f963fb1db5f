// Tests of page metadata from JSON-LD, meta tags and the page's own byline and date elements — and hostile JSON-LD.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest } from "./index.js";
import { readJsonLd } from "./html-metadata.js";

const BODY = `<article><p>Officials said on Tuesday that 1,200 people had been evacuated after shelling overnight, the governor told reporters in the city.</p><p>At least 14 buildings were damaged and about 3,000 homes were without power, according to the utility company.</p></article>`;
const page = (ld: string) => `<!doctype html><html><head><script type="application/ld+json">${ld}</script></head><body>${BODY}</body></html>`;

describe("JSON-LD metadata", () => {
  it("reads headline, date and authors from an article in a @graph, with values wrapped in arrays or @value", async () => {
    const ld = JSON.stringify({ "@graph": [{ "@type": "WebPage" }, { "@type": "NewsArticle", headline: ["Evacuations ordered"], datePublished: { "@value": "2024-05-01T10:00:00Z" }, author: [{ name: "Jane Doe" }, "John Roe"] }] });
    const [a] = await ingest(page(ld));
    assert.equal(a!.source.title, "Evacuations ordered");
    assert.equal(a!.source.published, "2024-05-01T10:00:00Z");
    assert.deepEqual(a!.source.byline, ["Jane Doe", "John Roe"]);
  });

  it("hostile JSON-LD never costs the article (found by fuzzing: each of these was refused as a stack overflow)", async () => {
    const cases = {
      "an array of 300,000 values": `[${"1,".repeat(300_000)}1]`,
      "a date in 50,000 nested arrays": `{"@type":"NewsArticle","headline":"H","datePublished":${"[".repeat(50_000)}"2024-05-01"${"]".repeat(50_000)}}`,
      "an author in 50,000 nested arrays": `{"@type":"NewsArticle","headline":"H","author":${"[".repeat(50_000)}{"name":"Jane Doe"}${"]".repeat(50_000)}}`,
      "a date in 50,000 nested @value objects": `{"@type":"NewsArticle","headline":"H","datePublished":${'{"@value":'.repeat(50_000)}"2024-05-01"${"}".repeat(50_000)}}`,
      "300,000 authors": `{"@type":"NewsArticle","headline":"H","author":[${'{"name":"Jane Doe"},'.repeat(300_000)}"John Roe"]}`,
    };
    for (const [name, ld] of Object.entries(cases)) {
      const cpu = process.cpuUsage();
      const [a] = await ingest(page(ld));
      const u = process.cpuUsage(cpu);
      assert.match(a!.text, /1,200 people/, name);
      assert.ok((u.user + u.system) / 1000 < 5000, `${name}: ${((u.user + u.system) / 1000).toFixed(0)} ms`);
    }
  });

  it("looks at a bounded number of JSON-LD values", () => {
    const article = { "@type": "NewsArticle", headline: "Found" };
    assert.deepEqual(readJsonLd([JSON.stringify([{ "@type": "Person" }, article])]), article);
    // beyond the first 5,000 values an article is not looked for
    const buried = JSON.stringify([article, ...Array.from({ length: 10_000 }, () => ({ "@type": "Thing" }))]);
    assert.equal(readJsonLd([buried]), undefined);
  });
});
