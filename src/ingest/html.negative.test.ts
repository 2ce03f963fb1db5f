// Pages that hold no article must be refused with a clear IngestError, never turned into a record of chrome.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ingest, IngestError } from "./index.js";

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
