// HTML ingest: metadata from JSON-LD, OpenGraph, meta names, <time> and URLs; the body without page chrome.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest } from "./index.js";
import { ingestHtml } from "./html.js";
import { stripSiteSuffix } from "./html-metadata.js";
import { ARTICLE_PARAGRAPHS, JSON_LD_HEAD, newsPage, OPEN_GRAPH_HEAD } from "./test-pages.js";

describe("HTML metadata", () => {
  it("reads JSON-LD in an @graph, the canonical link, OpenGraph site name and the lang attribute", async () => {
    const [a] = await ingest(newsPage({ head: JSON_LD_HEAD }), { origin: "page.html" });
    assert.ok(a);
    assert.equal(a.source.title, "Reservoirs hit record low as drought deepens");
    assert.equal(a.source.subtitle, "Households are asked to cut water use by a fifth as the dry autumn continues.");
    assert.deepEqual(a.source.byline, ["Tomas Ferreira-Lund", "Ines Halvorsen"]);
    assert.equal(a.source.published, "2023-05-17T08:30:00+01:00");
    assert.equal(a.source.modified, "2023-05-17T14:05:00+01:00");
    assert.equal(a.source.outlet, "The Harbour Gazette");
    assert.equal(a.source.url, "https://gazette.example/news/2023/05/17/reservoirs-record-low");
    assert.equal(a.source.language, "en-GB");
    assert.deepEqual(a.warnings, []);
  });

  it("reads OpenGraph and meta names, strips the site suffix and splits a byline", async () => {
    const [a] = await ingest(newsPage({ head: OPEN_GRAPH_HEAD, htmlAttrs: "" }));
    assert.ok(a);
    assert.equal(a.source.title, "Growers fear dry spring");
    assert.equal(a.source.subtitle, "Orchards could go without irrigation.");
    assert.deepEqual(a.source.byline, ["Dana Whitcombe", "Olu Adeyemi"]);
    assert.equal(a.source.published, "2024-10-25T17:00:00Z");
    assert.equal(a.source.modified, "2024-10-25T18:30:00Z");
    assert.equal(a.source.outlet, "Valley Courier");
    assert.equal(a.source.url, "https://courier.example/growers-fear-dry-spring");
    assert.equal(a.source.language, "en-US");
  });

  it("falls back to <title> without its site tail, <time datetime>, an in-page byline and the URL date", async () => {
    const html = newsPage({
      htmlAttrs: "",
      articleHeader: `<h1>Reservoirs hit record low as drought deepens</h1>
        <p class="byline">By <a rel="author" href="/staff/kim">Kim Sato-Berg</a></p>
        <time datetime="2024-10-24T06:00:00Z">24 October 2024</time>`,
    });
    const [a] = await ingest(html, { pageUrl: "https://gazette.example/2024/10/23/story" });
    assert.ok(a);
    assert.equal(a.source.title, "Reservoirs hit record low as drought deepens");
    assert.deepEqual(a.source.byline, ["Kim Sato-Berg"]);
    assert.equal(a.source.published, "2024-10-24T06:00:00Z");
    assert.equal(a.source.url, "https://gazette.example/2024/10/23/story");
    // The headline lives in source.title, not in the body.
    assert.ok(!a.text.startsWith("Reservoirs hit record low"));
  });

  it("takes the date from the URL when the page names none, and meta names such as sailthru.date", async () => {
    const [a] = await ingest(newsPage({ head: '<link rel="canonical" href="/news/2023/03/09/story">' }), { pageUrl: "https://x.example/p" });
    assert.equal(a?.source.published, "2023-03-09");
    assert.equal(a?.source.url, "https://x.example/news/2023/03/09/story");
    const [b] = await ingest(newsPage({ head: '<meta name="sailthru.date" content="2022-05-01 09:15:00">' }));
    assert.equal(b?.source.published, "2022-05-01T09:15:00");
    const [c] = await ingest(newsPage({ head: '<meta name="parsely-pub-date" content="2021-01-02T03:04:05Z">' }));
    assert.equal(c?.source.published, "2021-01-02T03:04:05Z");
  });

  it("rejects bylines that are not people", async () => {
    const head = '<meta property="og:site_name" content="Valley Courier"><meta name="author" content="Valley Courier Staff">';
    const [a] = await ingest(newsPage({ head }));
    assert.equal(a?.source.byline, undefined);
    const [b] = await ingest(newsPage({ head: '<meta name="author" content="https://social.example/@someone">' }));
    assert.equal(b?.source.byline, undefined);
  });

  it("reads sloppy JSON-LD and falls back to the page's byline when JSON-LD names only an organisation", async () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Pier to close",
      "datePublished": "2024-02-03T10:00:00Z", "author": {"@type": "Organization", "name": "Gazette"}, "keywords": ["a", "b", ],}</script>`;
    const html = newsPage({ head, articleHeader: '<div class="article-author-name"><a href="/author/x">RUTH ABEBE-OKAFOR</a></div>' });
    const [a] = await ingest(html);
    assert.equal(a?.source.title, "Pier to close");
    assert.equal(a?.source.published, "2024-02-03T10:00:00Z");
    assert.deepEqual(a?.source.byline, ["Ruth Abebe-Okafor"]);
  });

  it("lets caller overrides win over page metadata", async () => {
    const [a] = await ingest(newsPage({ head: JSON_LD_HEAD }), { title: "Given title", published: "2020-01-01", outlet: "Given", url: "https://given.example/" });
    assert.equal(a?.source.title, "Given title");
    assert.equal(a?.source.published, "2020-01-01");
    assert.equal(a?.source.outlet, "Given");
    assert.equal(a?.source.url, "https://given.example/");
    assert.deepEqual(a?.source.byline, ["Tomas Ferreira-Lund", "Ines Halvorsen"]);
  });

  it("never takes the site name for the title", async () => {
    const head = '<meta property="og:site_name" content="The Harbour Gazette"><meta property="og:title" content="The Harbour Gazette">';
    const [a] = await ingest(newsPage({ head }));
    assert.equal(a?.source.title, "Reservoirs hit record low as drought deepens");
  });

  it("strips site suffixes only when they name the site (meta) or are short (<title>)", () => {
    assert.equal(stripSiteSuffix("Talks resume - Valley Courier", "Valley Courier", false), "Talks resume");
    assert.equal(stripSiteSuffix("Oil prices - the week ahead", "Valley Courier", false), "Oil prices - the week ahead");
    assert.equal(stripSiteSuffix("Reservoirs hit record low | Gazette", undefined, true), "Reservoirs hit record low");
    assert.equal(stripSiteSuffix("Valley Courier | Growers fear a dry spring", "Valley Courier", false), "Growers fear a dry spring");
  });
});

describe("HTML body", () => {
  it("keeps the article paragraphs, one per line, and drops nav, share bar, captions, related links and footer", async () => {
    const [a] = await ingest(newsPage({ head: JSON_LD_HEAD }));
    assert.ok(a);
    assert.equal(a.text, ARTICLE_PARAGRAPHS.join("\n"));
    for (const chrome of ["Sport", "Share on", "Photo:", "Related stories", "All rights reserved", "dataLayer"]) {
      assert.ok(!a.text.includes(chrome), `body should not contain ${chrome}`);
    }
  });

  it("gives one paragraph span and one source-map entry per block, matching the text", async () => {
    const [a] = await ingest(newsPage());
    assert.ok(a?.paragraphs && a.sourceMap);
    assert.equal(a.paragraphs.length, ARTICLE_PARAGRAPHS.length);
    a.paragraphs.forEach((span, i) => assert.equal(a.text.slice(span[0], span[1]), ARTICLE_PARAGRAPHS[i]));
    assert.equal(a.sourceMap.length, a.paragraphs.length);
    assert.match(a.sourceMap[0]!.origin, /^block 0: .*p$/);
  });

  it("collapses whitespace inside blocks and renders lists, headings and quotes as lines", () => {
    const body = `<p>Water   use\n fell <b>sharply</b>,\tofficials   said.</p>
      <h2>What households can do</h2><ul><li>Shorter   showers</li><li>Fix leaks</li></ul>
      <blockquote>“Every drop counts,” the campaign says.</blockquote>`;
    const html = newsPage({ paragraphs: [...ARTICLE_PARAGRAPHS, body] });
    const a = ingestHtml(html, {}, "t");
    assert.ok(a.text.includes("\nWater use fell sharply, officials said.\nWhat households can do\nShorter showers\nFix leaks\n“Every drop counts,” the campaign says."));
  });

  it("drops furniture Readability lets through: link lists, gallery counters, credits, cross-links, promos", () => {
    const furniture = [
      "Advertisement",
      "Image 1 of 9",
      "Photo: Lee Marr, AP",
      "Read more: Council approves new ferry timetable",
      "The dam at dawn on Monday (Image: GETTY )",
      "Sign up for our newsletter to get the latest stories in your inbox.",
      "Nov. 19, 2019 6:55 AM EST",
      "About the Author",
    ];
    const paragraphs = [...ARTICLE_PARAGRAPHS.slice(0, 2), ...furniture, ...ARTICLE_PARAGRAPHS.slice(2)];
    const html = newsPage({ paragraphs }).replace(
      '<div class="story-body">',
      '<div class="story-body"><ul><li><a href="/1">Home</a></li><li><a href="/2">More stories about the drought and the dam</a></li></ul>',
    );
    const a = ingestHtml(html, {}, "t");
    assert.equal(a.text, ARTICLE_PARAGRAPHS.join("\n"));
  });

  it("falls back to the page's paragraphs when Readability finds no article", () => {
    const html = `<html><body><nav><p>Home · News · Sport</p></nav>
      <p>Short notice one: the ferry leaves at nine from pier four.</p><p>Short notice two: tickets at the kiosk.</p>
      <footer><p>© Example</p></footer></body></html>`;
    const a = ingestHtml(html, {}, "t");
    assert.ok(a.text.includes("the ferry leaves at nine"));
    assert.ok(!a.text.includes("Home"));
    assert.ok(!a.text.includes("©"));
  });
});

describe("HTML metadata as the page shows it", () => {
  it("prefers the visible headline to a rewritten social title, but not a logo heading", async () => {
    const head = `<meta property="og:title" content="Drought: what the reservoir numbers mean for you">`;
    const [a] = await ingest(newsPage({ head, articleHeader: "<h1>Reservoirs hit record low as drought deepens</h1>" }));
    assert.equal(a?.source.title, "Reservoirs hit record low as drought deepens");
    const [b] = await ingest(newsPage({ head: '<meta property="og:title" content="Growers fear a dry spring">', beforeArticle: "<h1>The Harbour Gazette</h1>" }));
    assert.equal(b?.source.title, "Growers fear a dry spring");
  });

  it("takes the local day the page shows when the metadata's UTC instant falls on the next day", async () => {
    const head = '<meta property="article:published_time" content="2024-10-25T02:30:00Z">';
    const [a] = await ingest(newsPage({ head, articleHeader: '<p class="dateline">Posted Oct 24, 2024, 10:30 p.m. EDT</p>' }));
    assert.equal(a?.source.published, "2024-10-24");
    // A date further off (a sidebar's, the site's "today") does not move it.
    const [b] = await ingest(newsPage({ head, articleHeader: '<div class="site-date">Monday, October 28, 2024</div>' }));
    assert.equal(b?.source.published, "2024-10-25T02:30:00Z");
  });

  it("reads the authors from a 'By … on <date>' line when nothing else names them", async () => {
    const [a] = await ingest(newsPage({ articleHeader: '<p class="article__meta">By Kim Sato-Berg , Olu Adeyemi on Monday, October 21st, 2024 at 9:15 a.m.</p>' }));
    assert.deepEqual(a?.source.byline, ["Kim Sato-Berg", "Olu Adeyemi"]);
    assert.equal(a?.source.published, "2024-10-21");
  });

  it("drops the byline, dateline and caption lines that repeat the metadata in the body", async () => {
    const head = `<meta name="author" content="Kim Sato-Berg">`;
    const header = `<p class="ap-byline">Kim Sato-Berg, Gazette Water Writer</p><p class="caption-full">The north reservoir in September, seen from the dam.</p>`;
    const [a] = await ingest(newsPage({ head, articleHeader: header, paragraphs: ["Updated Oct 24, 2024, 9:41 AM", ...ARTICLE_PARAGRAPHS] }));
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
  });
});

describe("attribute dropping before parsing", () => {
  it("drops data-*, srcset, sizes and event handlers, keeps what metadata and text read", async () => {
    const { dropBulkyAttributes } = await import("./html.js");
    const html = `<img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" sizes="100vw" data-props='{"a":"b"}' alt="x"><time datetime="2024-10-24" data-t="1">24 Oct</time><p onclick="go()" class="c" itemprop="articleBody">Text</p>`;
    assert.equal(dropBulkyAttributes(html), `<img src="a.jpg" alt="x"><time datetime="2024-10-24">24 Oct</time><p class="c" itemprop="articleBody">Text</p>`);
  });

  it("leaves a value whose closing quote never comes, and keeps scanning for the other quote", async () => {
    const { dropBulkyAttributes } = await import("./html.js");
    const open = `<p data-a="${"x".repeat(10_000)}`;
    assert.equal(dropBulkyAttributes(open), open);
    assert.equal(dropBulkyAttributes(`${open} data-b='y'>`), `${open}>`);
  });

  it("takes only HTML's whitespace before an attribute or a closing tag: a no-break space before 'data-x=' is text", async () => {
    const { prepareMarkup } = await import("./html.js");
    const text = `<p>caf\u00e9\u00a0data-x="not an attribute" says the sign</p>`;
    assert.equal(prepareMarkup(text), text);
    assert.equal(prepareMarkup(`<p\tdata-x="1">a</p><script>x()</script\n>b`), `<p>a</p>b`);
    // "</script" then a no-break space does not close the script (the tokenizer would not either): nothing is cut
    const open = `<script>x()</script\u00a0><p>b</p>`;
    assert.equal(prepareMarkup(open), open);
  });
});

describe("inert markup stripped before parsing", () => {
  /** stripInert as it was written with a closing-tag regex per opener: the indexOf scan must cut the same spans. */
  function stripInertByRegex(html: string): string {
    const open = /<(script|style|svg|template)\b|<!--/gi;
    let out = "";
    let copied = 0;
    const noCloseAfter = new Map<string, number>();
    let nextGt = -2;
    let noCommentEndAfter = Infinity;
    for (let m = open.exec(html); m; m = open.exec(html)) {
      const at = m.index;
      let end = -1;
      if (m[1] === undefined) {
        if (at < noCommentEndAfter) {
          const close = html.indexOf("-->", at + 4);
          if (close < 0) noCommentEndAfter = at;
          else end = close + 3;
        }
      } else {
        const tag = m[1].toLowerCase();
        if (nextGt !== -1 && (nextGt === -2 || nextGt < at + m[0].length)) nextGt = html.indexOf(">", at + m[0].length);
        const gt = nextGt;
        if (gt >= 0 && at < (noCloseAfter.get(tag) ?? Infinity)) {
          const closer = new RegExp(`</${tag}[\\t\\n\\f\\r ]*>`, "gi");
          closer.lastIndex = gt + 1;
          const c = closer.exec(html);
          if (!c) noCloseAfter.set(tag, at);
          else {
            end = c.index + c[0].length;
            if (tag === "script" && /ld\+json/i.test(html.slice(at + m[0].length, gt))) {
              open.lastIndex = end;
              continue;
            }
          }
        }
      }
      if (end < 0) {
        open.lastIndex = at + 1;
        continue;
      }
      out += html.slice(copied, at);
      copied = end;
      open.lastIndex = end;
    }
    return copied === 0 ? html : out + html.slice(copied);
  }

  it("cuts what the closing-tag regex cut, on random markup of openers, closers in any case, spacing and near misses", async () => {
    const { stripInert } = await import("./html.js");
    const pieces = [
      "<script>", "<SCRIPT type='x'>", "<script type=\"application/ld+json\">", "</script>", "</ScRiPt \n>", "</script\u00a0>", "</scrip>",
      "</scripts>", "<style>", "</STYLE\t\f\r >", "</style", "<svg>", "</svG>", "<template>", "</TEMPLATE>", "</templatex>", "<!--", "-->",
      "</", "<", ">", "/", "a", " ", "\n", "\u017f", "\u212a", "\u00e9", "<p>", "</p>", "<scriptx>", "</s\u0441ript>",
    ];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 3000; n++) {
      let html = "";
      const len = 1 + Math.floor(next() * 30);
      for (let k = 0; k < len; k++) html += pieces[Math.floor(next() * pieces.length)];
      assert.equal(stripInert(html), stripInertByRegex(html), JSON.stringify(html));
    }
  });
});

describe("markup rewritten before decoding", () => {
  it("gives a UTF-8 page the record it gives when the page is handed over as a string", async () => {
    const page = newsPage({ head: `<script>var s = "é<p>";</script><style>p{}</style>`, paragraphs: ARTICLE_PARAGRAPHS })
      .replace("<p>The regional", `<p data-track='{"é":1}' onclick="x()">Caf\u00e9 \u00e0\u00a0data-y="k" \u20ac5 \ud83d\ude00 The regional`);
    const [fromBytes] = await ingest(Buffer.from(page, "utf8"));
    const [fromString] = await ingest(page);
    assert.deepEqual(fromBytes, fromString);
    // the no-break space stays text (the renderer then collapses it with the other spaces)
    assert.match(fromBytes!.text, /^Café à data-y="k" €5 😀 The regional/);
  });
});

describe("nesting depth, measured by the metadata walk", () => {
  it("refuses a page nested over 400 elements deep, also where the depth is inside a <template>, and reads one of 390", async () => {
    const deep = (n: number, inner = "") => `<html><head></head><body>${"<div>".repeat(n)}${inner}${"</div>".repeat(n)}${paragraphs()}</body></html>`;
    const paragraphs = () => ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("");
    assert.throws(() => ingestHtml(deep(500), {}, "t"), /nested over 400 elements deep/);
    // html, body and 397 divs make 399 levels: a template at the 400th is within, the element it holds goes over
    // (an unclosed template: a closed one is stripped before parsing)
    assert.throws(() => ingestHtml(deep(397, `<template><span>x</span>`), {}, "t"), /nested over 400 elements deep/);
    assert.match(ingestHtml(deep(397, `<template>x`), {}, "t").text, /^The regional/);
    assert.throws(() => ingestHtml(deep(20_000), {}, "t"), /nested over 400 elements deep/);
    assert.match(ingestHtml(deep(390), {}, "t").text, /^The regional/);
  });
});
