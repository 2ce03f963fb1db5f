// Feeds: RSS with content:encoded, Atom, RDF and JSON Feed items become articles; entity bombs are refused fast.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { ingest, IngestError } from "./index.js";
import { capPersonFields, ingestFeed, MAX_PERSON_FIELD } from "./feed.js";
import { ARTICLE_PARAGRAPHS } from "./test-pages.js";

const CONTENT_HTML = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("");

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Harbour Gazette &amp; Courier</title><link>https://gazette.example/</link><description>News</description><language>en-gb</language>
  <item>
    <title>Reservoirs hit record low</title>
    <link>https://gazette.example/news/reservoirs</link>
    <pubDate>Wed, 17 May 2023 07:30:00 GMT</pubDate>
    <dc:creator>Tomas Ferreira-Lund</dc:creator>
    <description>Households asked to cut use.</description>
    <content:encoded><![CDATA[<h1>Reservoirs hit record low</h1>${CONTENT_HTML}<figure><figcaption>Photo caption</figcaption></figure>]]></content:encoded>
  </item>
  <item>
    <title>Ferry timetable changes</title>
    <link>https://gazette.example/news/ferry</link>
    <pubDate>Fri, 25 Oct 2024 12:00:00 +0100</pubDate>
    <description>&lt;p&gt;The winter timetable starts on Sunday.&lt;/p&gt;</description>
  </item>
  <item><title>No body, no link</title></item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title><id>urn:courier</id><updated>2023-05-17T10:00:00Z</updated>
  <author><name>Courier Desk</name></author>
  <entry>
    <title type="html">Growers fear a dry spring &amp;amp; more</title>
    <link rel="alternate" href="https://courier.example/growers"/>
    <id>urn:courier:1</id><updated>2023-05-17T10:00:00Z</updated><published>2024-10-25T17:00:00Z</published>
    <author><name>Dana Whitcombe</name></author>
    <content type="html">${CONTENT_HTML.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</content>
  </entry>
</feed>`;

describe("RSS", () => {
  it("turns items with content:encoded into articles with item metadata and the feed title as outlet", async () => {
    const articles = await ingest(Buffer.from(RSS), { origin: "feed.xml" });
    assert.equal(articles.length, 2);
    const [a, b] = articles;
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.deepEqual(a?.source, {
      url: "https://gazette.example/news/reservoirs",
      outlet: "The Harbour Gazette & Courier",
      title: "Reservoirs hit record low",
      byline: ["Tomas Ferreira-Lund"],
      published: "2023-05-17T07:30:00Z",
      language: "en-gb",
    });
    assert.equal(a?.origin, "feed.xml#1");
    assert.equal(a?.paragraphs?.length, ARTICLE_PARAGRAPHS.length);
    // A summary-only item keeps its summary, with a warning; an empty item is reported on the first article.
    assert.equal(b?.text, "The winter timetable starts on Sunday.");
    assert.ok(b?.warnings.some((w) => /only a summary .*fetchLinks/.test(w)));
    assert.equal(b?.source.published, "2024-10-25T11:00:00Z");
    assert.ok(a?.warnings.some((w) => /item 3 .*skipped/.test(w)));
  });

  it("lets caller overrides win over item metadata", async () => {
    const [a] = await ingestFeed(RSS, { outlet: "Given outlet" });
    assert.equal(a?.source.outlet, "Given outlet");
  });
});

describe("Atom, RDF, JSON Feed", () => {
  it("reads Atom entries: html content, alternate link, published, entry author", async () => {
    const [a, ...rest] = await ingest(ATOM);
    assert.equal(rest.length, 0);
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(a?.source.title, "Growers fear a dry spring & more");
    assert.equal(a?.source.url, "https://courier.example/growers");
    assert.equal(a?.source.published, "2024-10-25T17:00:00Z");
    assert.equal(a?.source.outlet, "Valley Courier");
    assert.deepEqual(a?.source.byline, ["Dana Whitcombe"]);
  });

  it("reads RDF (RSS 1.0) items", async () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel rdf:about="https://r.example/"><title>Rivers Weekly</title><link>https://r.example/</link><description>d</description></channel>
  <item rdf:about="https://r.example/1"><title>Flood warning lifted</title><link>https://r.example/1</link>
    <dc:date>2024-10-20T08:00:00Z</dc:date><dc:creator>Ivo Marsh</dc:creator>
    <content:encoded><![CDATA[${CONTENT_HTML}]]></content:encoded></item>
</rdf:RDF>`;
    const [a] = await ingest(rdf);
    assert.equal(a?.source.title, "Flood warning lifted");
    assert.equal(a?.source.outlet, "Rivers Weekly");
    assert.equal(a?.source.published, "2024-10-20T08:00:00Z");
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
  });

  it("reads JSON Feed items", async () => {
    const feed = {
      version: "https://jsonfeed.org/version/1.1",
      title: "Hill Times",
      items: [{ id: "1", url: "https://h.example/1", title: "Pass closed", content_html: CONTENT_HTML, date_published: "2024-10-21T06:00:00Z", authors: [{ name: "Rhea Quist" }] }],
    };
    const [a] = await ingest(JSON.stringify(feed));
    assert.equal(a?.source.outlet, "Hill Times");
    assert.deepEqual(a?.source.byline, ["Rhea Quist"]);
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
  });
});

describe("feed encodings", () => {
  it("decodes a feed by its XML declaration", async () => {
    const xml = RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Reservoirs hit record low</title>", "Zürich café prices rise</title>");
    const [a] = await ingest(iconv.encode(xml, "windows-1252"));
    assert.equal(a?.source.title, "Zürich café prices rise");
  });
});

describe("unsafe and broken feeds", () => {
  it("refuses a billion-laughs feed before parsing, quickly", async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>`;
    const t = performance.now();
    await assert.rejects(ingest(lol), (e: unknown) => e instanceof IngestError && /entity declarations/.test(e.message));
    assert.ok(performance.now() - t < 500);
  });

  it("refuses an external-entity (XXE) feed", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    await assert.rejects(ingest(xxe), (e: unknown) => e instanceof IngestError && /entity declarations/.test(e.message));
  });

  it("accepts a plain DOCTYPE without entity declarations", async () => {
    const rss091 = RSS.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">');
    const articles = await ingest(rss091);
    assert.equal(articles.length, 2);
  });

  it("refuses a feed without items and a feed whose items have no text", async () => {
    await assert.rejects(ingest(`<rss version="2.0"><channel><title>Empty</title></channel></rss>`), (e: unknown) => e instanceof IngestError && /no items/.test(e.message));
    await assert.rejects(ingest(`<rss version="2.0"><channel><title>T</title><item><title>x</title></item></channel></rss>`), (e: unknown) => e instanceof IngestError && /no item of the feed has text/.test(e.message));
  });

  it("reads person fields full of unbalanced brackets in bounded time (found by fuzzing: 100,000 '(' took 13 s)", async () => {
    const item = (author: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><managingEditor>${author}</managingEditor>` +
      `<item><title>x</title><author>${author}</author><description>Officials said it.</description></item>` +
      `<item><title>y</title><author><![CDATA[${author}]]></author><description>Officials said more.</description></item></channel></rss>`;
    for (const unit of ["(", "[", "&lt;", "(a"]) {
      const cpu = process.cpuUsage();
      const articles = await ingest(item(unit.repeat(100_000)));
      const u = process.cpuUsage(cpu);
      assert.equal(articles.length, 2, unit);
      assert.ok((u.user + u.system) / 1000 < 3000, `${JSON.stringify(unit)}: ${((u.user + u.system) / 1000).toFixed(0)} ms`);
    }
  });

  it("cuts only over-long person fields, never inside an entity, and leaves the rest of the feed as it was", () => {
    const short = `<rss><channel><author>jane@x.org (Jane Doe)</author><title>(((</title></channel></rss>`;
    assert.equal(capPersonFields(short), short);
    const long = `<rss><channel><webMaster a="1">${"&lt;".repeat(200)}</webMaster><title>${"(".repeat(500)}</title></channel></rss>`;
    const capped = capPersonFields(long);
    const body = /<webMaster a="1">([^<]*)<\/webMaster>/.exec(capped)![1]!;
    assert.ok(body.length <= MAX_PERSON_FIELD && body.length > MAX_PERSON_FIELD - 12, `${body.length}`);
    assert.match(body, /^(?:&lt;)+$/);
    assert.ok(capped.endsWith(`<title>${"(".repeat(500)}</title></channel></rss>`));
    // An unclosed field is left as it is: the XML parser keeps no text from it.
    const unclosed = `<rss><channel><author>${"(".repeat(1000)}`;
    assert.equal(capPersonFields(unclosed), unclosed);
  });

  it("a feed of 200,000 empty items gives its one article with 20 warnings and a count (spreading them overflowed the stack)", async () => {
    const feed = `<rss version="2.0"><channel><title>T</title><item><title>a</title><description>Officials said it.</description></item>${"<item><title>x</title></item>".repeat(200_000)}</channel></rss>`;
    const [a, ...rest] = await ingest(feed);
    assert.equal(rest.length, 0);
    assert.ok(a!.warnings.includes("… and 199980 more like these"), a!.warnings.join("\n").slice(0, 500));
    assert.ok(a!.warnings.length <= 22);
  });
});

