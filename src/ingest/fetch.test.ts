// URL ingest against a local HTTP server on 127.0.0.1 only: SSRF guard, redirects, content types, size caps, timeouts, charsets.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { after, afterEach, before, describe, it } from "node:test";
import iconv from "iconv-lite";
import { fetchUrl, ingestUrl, type ConnectTarget, type FetchOptions } from "./fetch.js";
import { ingestFeed } from "./feed.js";
import { IngestError } from "./types.js";
import { ARTICLE_PARAGRAPHS, JSON_LD_HEAD, newsPage } from "./test-pages.js";

let server: Server;
let base = "";
let port = 0;
/** Host headers the test server received, to show a pinned connection still names the host. */
const hostHeaders: string[] = [];

// Tripwire under every test here: any socket opened to a non-loopback address fails the run, whatever opened it.
const socketTargets: string[] = [];
const nonLoopback: string[] = [];
const realConnect = net.Socket.prototype.connect;
const isLoopback = (host: string) => /^127\./.test(host) || host === "::1" || host === "[::1]" || host === "localhost";
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  let opts = args[0] as unknown;
  if (Array.isArray(opts)) opts = opts[0];
  const o = (typeof opts === "object" && opts !== null ? opts : { port: opts, host: args[1] }) as { host?: string; path?: string };
  if (!o.path) {
    const host = o.host ?? "localhost";
    socketTargets.push(host);
    if (!isLoopback(host)) {
      nonLoopback.push(host);
      throw new Error(`test tripwire: connection to non-loopback ${host} attempted`);
    }
  }
  return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

/** The fetcher's own hook: records every address it is about to connect to, and refuses non-loopback ones. */
const hooked: ConnectTarget[] = [];
function connectHook(target: ConnectTarget): void {
  hooked.push(target);
  if (!isLoopback(target.address)) throw new Error(`test hook: connection to non-loopback ${target.address} attempted`);
}

/** What the ordinary tests use: the test server's exact address is allowed, every other private address is not. */
const local: FetchOptions = { allowAddresses: ["127.0.0.1"], connectHook };

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
  // Redirects into addresses the guard must refuse, from an allowed loopback page.
  "/to-metadata": (res) => {
    res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" });
    res.end();
  },
  "/to-mapped": (res) => {
    res.writeHead(301, { location: `http://[::ffff:10.0.0.7]:${port}/` });
    res.end();
  },
  "/to-ipv6-loopback": (res) => {
    res.writeHead(307, { location: `http://[::1]:${port}/article` });
    res.end();
  },
  "/to-name": (res) => {
    res.writeHead(302, { location: `http://metadata.internal.test:${port}/computeMetadata/v1/` });
    res.end();
  },
  "/to-decimal": (res) => {
    res.writeHead(302, { location: "http://2852039166/latest/meta-data/" }); // 169.254.169.254 as one number
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
    hostHeaders.push(req.headers.host ?? "");
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
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  assert.deepEqual(nonLoopback, [], "a connection to a non-loopback address was attempted");
});

after(() => {
  net.Socket.prototype.connect = realConnect;
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
    const page = await fetchUrl(`${base}/r1`, local);
    assert.equal(page.url, `${base}/article`);
    assert.equal(page.charset, "utf-8");
  });

  it("stops after too many redirects and refuses non-HTTP redirect targets", async () => {
    await assert.rejects(fetchUrl(`${base}/loop`, { ...local, maxRedirects: 3 }), rejectsWith(/more than 3 redirects/));
    await assert.rejects(fetchUrl(`${base}/ftp`, local), rejectsWith(/unsupported URL scheme ftp:/));
    await assert.rejects(fetchUrl("file:///etc/hostname"), rejectsWith(/unsupported URL scheme/));
  });

  it("refuses other content types and HTTP errors", async () => {
    await assert.rejects(fetchUrl(`${base}/image`, local), rejectsWith(/unsupported content type image\/png/));
    await assert.rejects(fetchUrl(`${base}/missing`, local), rejectsWith(/HTTP 404/));
  });

  it("caps the size while streaming and times out", async () => {
    await assert.rejects(fetchUrl(`${base}/huge`, { ...local, maxBytes: 1024 * 1024 }), rejectsWith(/over the 1 MB limit/));
    await assert.rejects(fetchUrl(`${base}/slow`, { ...local, timeoutMs: 200 }), rejectsWith(/timed out after 200 ms/));
  });
});

describe("ingestUrl", () => {
  it("uses the page URL as source.url", async () => {
    const [a] = await ingestUrl(`${base}/r1`, local);
    assert.equal(a?.source.url, `${base}/article`);
    assert.equal(a?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(a?.origin, `${base}/r1`);
  });

  it("prefers the canonical URL the page names", async () => {
    const [a] = await ingestUrl(`${base}/canonical`, local);
    assert.equal(a?.source.url, "https://gazette.example/news/2023/05/17/reservoirs-record-low");
  });

  it("decodes with the charset from the Content-Type header", async () => {
    const [a] = await ingestUrl(`${base}/latin`, local);
    assert.ok(a?.text.includes("Prices in Zürich rose by 3 per cent, the café owners said."));
  });

  it("ingests a feed from a URL, and fetches item links when asked", async () => {
    const [summary] = await ingestUrl(`${base}/feed`, local);
    assert.equal(summary?.text, "Teaser only.");
    assert.ok(summary?.warnings.some((w) => /only a summary/.test(w)));
    const feed = await fetchUrl(`${base}/feed`, local);
    const [full] = await ingestFeed(Buffer.from(feed.bytes).toString("utf8"), { fetchLinks: true, fetch: local });
    assert.equal(full?.text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.equal(full?.source.url, `${base}/article`);
    assert.equal(full?.source.outlet, "Local Feed");
    assert.equal(full?.source.published, "2023-05-17T07:30:00Z");
    const dead = (await ingestFeed(Buffer.from(feed.bytes).toString("utf8"), { fetchLinks: true, fetch: local }))[1];
    assert.equal(dead?.text, "Second teaser.");
    assert.ok(dead?.warnings.some((w) => /cannot use .*HTTP 404.*kept the feed's summary/.test(w)), dead?.warnings.join("; "));
  });
});

describe("SSRF guard", () => {
  const refused = rejectsWith(/refused to fetch/);
  const noResolver = async (host: string): Promise<string[]> => {
    throw new Error(`resolver must not be asked for ${host}`);
  };

  it("refuses literal loopback, private, link-local, metadata and mapped addresses without connecting", async () => {
    hooked.length = 0;
    const before = socketTargets.length;
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://[fd00:ec2::254]/latest/meta-data/",
      "http://10.0.0.1/",
      "http://172.20.1.1/",
      "http://192.168.1.1/admin",
      "http://100.64.0.1/",
      "http://0.0.0.0/",
      "http://[::1]/",
      "http://[fe80::1]/",
      "http://[fc00::5]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::ffff:a9fe:a9fe]/",
      "http://2130706433/", // 127.0.0.1 written as one number
      "http://0x7f.1/", // 127.0.0.1 in hex shorthand
      "http://224.0.0.1/",
      base + "/article", // the test server itself: loopback is refused by default
    ]) {
      await assert.rejects(fetchUrl(url, { connectHook, resolver: noResolver }), refused, url);
    }
    assert.deepEqual(hooked, [], "no connection may be attempted");
    assert.equal(socketTargets.length, before, "no socket may be opened");
  });

  it("names the address class and says how to permit it", async () => {
    await assert.rejects(fetchUrl("http://169.254.169.254/", { connectHook }), rejectsWith(/refused to fetch 169\.254\.169\.254: a metadata address \(allowPrivate to permit\)/));
    await assert.rejects(fetchUrl("http://10.1.1.1/", { connectHook }), rejectsWith(/a private address/));
  });

  it("refuses a name that resolves to a private or metadata address, even one among public ones", async () => {
    hooked.length = 0;
    const answers: Record<string, string[]> = {
      "intranet.test": ["10.20.30.40"],
      "metadata.test": ["169.254.169.254"],
      "mixed.test": ["93.184.216.34", "127.0.0.1"],
      "mapped.test": ["::ffff:192.168.0.10"],
      "v6only.test": ["fd12:3456::1"],
    };
    const asked: string[] = [];
    const resolver = async (host: string) => {
      asked.push(host);
      return answers[host] ?? [];
    };
    for (const host of Object.keys(answers)) {
      await assert.rejects(fetchUrl(`http://${host}/news`, { connectHook, resolver }), rejectsWith(new RegExp(`\\(${host.replace(".", "\\.")} resolves to it\\)`)), host);
    }
    await assert.rejects(fetchUrl("http://nowhere.test/", { connectHook, resolver }), rejectsWith(/cannot resolve nowhere\.test/));
    assert.deepEqual(asked, [...Object.keys(answers), "nowhere.test"]);
    assert.deepEqual(hooked, []);
  });

  it("re-checks every redirect: from the allowed loopback server into metadata, private, ::1 or a name for one", async () => {
    hooked.length = 0;
    const resolver = async (host: string) => (host === "metadata.internal.test" ? ["169.254.169.254"] : []);
    const opts: FetchOptions = { ...local, resolver };
    await assert.rejects(fetchUrl(`${base}/to-metadata`, opts), rejectsWith(/refused to fetch 169\.254\.169\.254: a metadata address/));
    await assert.rejects(fetchUrl(`${base}/to-mapped`, opts), rejectsWith(/refused to fetch ::ffff:a00:7: a private address/));
    await assert.rejects(fetchUrl(`${base}/to-ipv6-loopback`, opts), rejectsWith(/refused to fetch ::1: a loopback address/));
    await assert.rejects(fetchUrl(`${base}/to-name`, opts), rejectsWith(/169\.254\.169\.254 \(metadata\.internal\.test resolves to it\)/));
    await assert.rejects(fetchUrl(`${base}/to-decimal`, opts), rejectsWith(/refused to fetch 169\.254\.169\.254/));
    // Only the first hop of each, to the allowed test server, ever reached the connection stage.
    assert.deepEqual(hooked.map((h) => h.address), ["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });

  it("connects to the address it checked, once resolved, and keeps the name in the Host header", async () => {
    hooked.length = 0;
    hostHeaders.length = 0;
    // A rebinding resolver: a second question would get a metadata address. There must be no second question.
    let calls = 0;
    const resolver = async () => (++calls === 1 ? ["127.0.0.1"] : ["169.254.169.254"]);
    const sockets = socketTargets.length;
    const page = await fetchUrl(`http://news.test:${port}/article`, { ...local, resolver });
    assert.equal(calls, 1);
    assert.match(Buffer.from(page.bytes).toString("utf8"), /<html/);
    assert.deepEqual(hooked, [{ hostname: "news.test", address: "127.0.0.1", port }]);
    assert.deepEqual(hostHeaders, [`news.test:${port}`]);
    // The tripwire sees real sockets: exactly one, to the checked address.
    assert.deepEqual(socketTargets.slice(sockets), ["127.0.0.1"]);
  });

  it("allowPrivate, or the environment switch, permits private addresses; the hook still sees each connection", async () => {
    hooked.length = 0;
    const page = await fetchUrl(`${base}/article`, { allowPrivate: true, connectHook });
    assert.ok(page.bytes.length > 0);
    process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE = "1";
    try {
      await fetchUrl(`${base}/article`, { connectHook });
    } finally {
      delete process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE;
    }
    assert.equal(hooked.length, 2);
    await assert.rejects(fetchUrl(`${base}/article`, { connectHook }), refused);
  });

  it("a feed's item links are fetched under the same policy: a link to a private address is refused, the summary kept", async () => {
    hooked.length = 0;
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
      <item><title>Inside</title><link>http://192.168.0.1/story</link><description>Teaser.</description></item></channel></rss>`;
    const [item] = await ingestFeed(feed, { fetchLinks: true, fetch: { connectHook } });
    assert.equal(item?.text, "Teaser.");
    assert.ok(item?.warnings.some((w) => /refused to fetch 192\.168\.0\.1: a private address/.test(w)), item?.warnings.join("; "));
    assert.deepEqual(hooked, []);
  });
});
