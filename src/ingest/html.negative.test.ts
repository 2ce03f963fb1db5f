// Pages that hold no article must be refused with a clear IngestError, never turned into a record of chrome.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest, IngestError } from "./index.js";
import { longEnoughForArticle, NoArticleError } from "./html.js";
import { ARTICLE_PARAGRAPHS, EMPTY_SHELL, indexPage, newsPage, paywallPage } from "./test-pages.js";

const NO_ARTICLE: Record<string, string> = {
  "an empty body": "<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>",
  "only navigation and a footer": `<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
    <footer><p>© 2024 Example Media. All rights reserved.</p></footer></body></html>`,
  "only scripts and styles": "<html><head><style>p{}</style></head><body><script>document.write('<p>hello</p>')</script><noscript></noscript></body></html>",
  "a login form": `<html><body><form><label>Email</label><input name="e"><label>Password</label><input type="password"><button>Sign in</button></form></body></html>`,
  "a single short line": "<html><body><p>Loading…</p></body></html>",
  "a cookie banner in a consent box": `<html><body><div class="cookie-consent"><p>We use cookies to improve your experience on our website. By continuing you accept them.</p></div></body></html>`,
};

describe("HTML without an article", () => {
  for (const [name, html] of Object.entries(NO_ARTICLE)) {
    it(`refuses ${name}`, async () => {
      await assert.rejects(ingest(html, { origin: "page.html" }), (e: unknown) => {
        assert.ok(e instanceof IngestError);
        assert.equal(e.message, "no article text found in the HTML");
        assert.equal(e.origin, "page.html");
        return true;
      });
    });
  }
});

describe("pages that are not articles", () => {
  const refuses = async (html: string, reason: string, words: RegExp) =>
    assert.rejects(ingest(html, { origin: "page.html" }), (e: unknown) => {
      assert.ok(e instanceof NoArticleError, `expected NoArticleError, got ${String(e)}`);
      assert.ok(e instanceof IngestError, "the CLI reports IngestErrors per input");
      assert.equal(e.reason, reason);
      assert.match(e.message, /^no article/);
      assert.match(e.message, words);
      assert.equal(e.origin, "page.html");
      return true;
    });

  it("refuses a section front of story cards instead of passing its summaries off as a body", () =>
    refuses(indexPage(), "index", /index of links/));

  it("refuses a paywall's teaser", () => refuses(paywallPage(), "paywall", /paywall/));

  it("refuses a client-rendered shell", () => refuses(EMPTY_SHELL, "empty", /no article text found/));

  it("still reads an article that ends with a box of related links", async () => {
    const related = `<div class="more"><h3><a href="/a">Ferry timetable approved</a></h3><h3><a href="/b">Harbour wall damaged</a></h3>
      <h3><a href="/c">Library reopens</a></h3><h3><a href="/d">Record mackerel catch</a></h3></div>`;
    const [a] = await ingest(newsPage({ afterArticle: related }), { origin: "page.html" });
    assert.ok(a);
    assert.ok(a.text.startsWith(ARTICLE_PARAGRAPHS[0]!));
  });

  it("still reads a short article on a site that sells subscriptions elsewhere", async () => {
    const html = newsPage({ beforeArticle: '<div class="promo-bar">Already a subscriber? Log in</div>', paragraphs: ARTICLE_PARAGRAPHS.slice(0, 2) });
    const [a] = await ingest(html, { origin: "page.html" });
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.slice(0, 2).join("\n"));
  });
});

describe("the length an article needs", () => {
  it("counts a text as its whitespace runs collapsed to one space would, on random texts around the threshold", () => {
    const pieces = ["a", "bc", " ", "  ", "\n", "\t \n", "\u00a0", "\u2009\u3000", "\ufeff", "é", "\u2028", "x y"];
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const len = Math.floor(next() * 120);
      for (let k = 0; k < len; k++) text += pieces[Math.floor(next() * pieces.length)];
      assert.equal(longEnoughForArticle(text), text.replace(/\s+/g, " ").length >= 80, JSON.stringify(text));
    }
    assert.equal(longEnoughForArticle(" ".repeat(1_000_000)), false);
  });
});
