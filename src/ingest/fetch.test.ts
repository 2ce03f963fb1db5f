// URL ingest against a local HTTP server on 127.0.0.1 only: redirects, content types, size caps, timeouts, charsets.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import iconv from "iconv-lite";
import { fetchUrl, ingestUrl } from "./fetch.js";
import { ingestFeed } from "./feed.js";
import { IngestError } from "./types.js";
import { ARTICLE_PARAGRAPHS, JSON_LD_HEAD, newsPage } from "./test-pages.js";

let server: Server;
let base = "";

const routes: Record<string, (res: import("node:http").ServerResponse) => void> = {
  "/article": (res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(newsPage());
  },
  "/canonical": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(newsPage({ head: JSON_LD_HEAD }));
  },
  "/latin": (res) => {
    // The header names the charset; the page itself declares nothing.
    res.writeHead(200, { "content-type": "text/html; charset=ISO-8859-1" });
    res.end(iconv.encode(newsPage({ paragraphs: [...ARTICLE_PARAGRAPHS, "Prices in Zürich rose by 3 per cent, the café owners said."] }).replace('<meta charset="utf-8">', ""), "windows-1252"));
  },
  "/r1": (res) => {
    res.writeHead(301, { location: "/r2" });
    res.end();
  },
  "/r2": (res) => {
    res.writeHead(302, { location: `${base}/article` });
    res.end();
  },
  "/loop": (res) => {
    res.writeHead(302, { location: "/loop" });
    res.end();
  },
  "/ftp": (res) => {
    res.writeHead(302, { location: "ftp://127.0.0.1/file" });
    res.end();
  },
  "/image": (res) => {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.alloc(100));
  },
  "/missing": (res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<p>not found</p>");
  },
  "/huge": (res) => {
    // No Content-Length: the cap must hold while streaming.
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const push = () => {
      while (sent < 50) {
        sent++;
        if (!res.write(chunk)) return void res.once("drain", push);
      }
      res.end();
    };
    push();
  },
  "/slow": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>start");
    setTimeout(() => res.end("</p></body></html>"), 2000).unref();
  },
  "/feed": (res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Feed</title>
      <item><title>Full story elsewhere</title><link>${base}/article</link><pubDate>Wed, 17 May 2023 07:30:00 GMT</pubDate><description>Teaser only.</description></item>
      <item><title>Dead link</title><link>${base}/missing</link><description>Second teaser.</description></item>
    </channel></rss>`);
  },
};

before(async () => {
  server = createServer((req, res) => {
    // No keep-alive: idle sockets would hold the test process open after the last test.
    res.setHeader("connection", "close");
    const route = routes[new URL(req.url ?? "/", "http://127.0.0.1").pathname];
    if (route) route(res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

function rejectsWith(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return true;
  };
}

describe("fetchUrl", () => {
  it("follows redirects manually and reports the final URL", async () => {
    const page = await fetchUrl(`${base}/r1`);
    assert.equal(page.url, `${base}/article`);
    assert.equal(page.charset, "utf-8");
  });

  it("stops after too many redirects and refuses non-HTTP redirect targets", async () => {
    await assert.rejects(fetchUrl(`${base}/loop`, { maxRedirects: 3 }), rejectsWith(/more than 3 redirects/));
    await assert.rejects(fetchUrl(`${base}/ftp`), rejectsWith(/unsupported URL scheme ftp:/));
    await assert.rejects(fetchUrl("file:///etc/hostname"), rejectsWith(/unsupported URL scheme/));
  });

  it("refuses other content types and HTTP errors", async () => {
    await assert.rejects(fetchUrl(`${base}/image`), rejectsWith(/unsupported content type image\/png/));
    await assert.rejects(fetchUrl(`${base}/missing`), rejectsWith(/HTTP 404/));
  });

  it("caps the size while streaming and times out", async () => {
    await assert.rejects(fetchUrl(`${base}/huge`, { maxBytes: 1024 * 1024 }), rejectsWith(/over the 1 MB limit/));
    await assert.rejects(fetchUrl(`${base}/slow`, { timeoutMs: 200 }), rejectsWith(/timed out after 200 ms/));
  });
});

describe("ingestUrl", () => {
  it("uses the page URL as source.url", async () => {
    const [a] = await ingestUrl(`${base}/r1`);
    assert.equal(a?.source.url, `${base}/article`);
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(a?.origin, `${base}/r1`);
  });

  it("prefers the canonical URL the page names", async () => {
    const [a] = await ingestUrl(`${base}/canonical`);
    assert.equal(a?.source.url, "https://gazette.example/news/2023/05/17/reservoirs-record-low");
  });

  it("decodes with the charset from the Content-Type header", async () => {
    const [a] = await ingestUrl(`${base}/latin`);
    assert.ok(a?.text.includes("Prices in Zürich rose by 3 per cent, the café owners said."));
  });

  it("ingests a feed from a URL, and fetches item links when asked", async () => {
    const [summary] = await ingestUrl(`${base}/feed`);
    assert.equal(summary?.text, "Teaser only.");
    assert.ok(summary?.warnings.some((w) => /only a summary/.test(w)));
    const feed = await fetchUrl(`${base}/feed`);
    const [full] = await ingestFeed(Buffer.from(feed.bytes).toString("utf8"), { fetchLinks: true });
    assert.equal(full?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(full?.source.url, `${base}/article`);
    assert.equal(full?.source.outlet, "Local Feed");
    assert.equal(full?.source.published, "2023-05-17T07:30:00Z");
    const dead = (await ingestFeed(Buffer.from(feed.bytes).toString("utf8"), { fetchLinks: true }))[1];
    assert.equal(dead?.text, "Second teaser.");
    assert.ok(dead?.warnings.some((w) => /cannot use .*HTTP 404.*kept the feed's summary/.test(w)), dead?.warnings.join("; "));
  });
});
