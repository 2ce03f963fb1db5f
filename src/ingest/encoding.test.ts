// Decoding: declared and undeclared charsets, byte-order marks, gzip (and gzip bombs), refusals of non-text.
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { decodeMarkup, gunzipCapped, inflateChunkSize, normaliseCharset } from "./encoding.js";
import { ingest, IngestError, MAX_INPUT_BYTES } from "./index.js";
import { newsPage } from "./test-pages.js";

const QUOTE_PAGE = (charsetTag: string) =>
  newsPage({
    head: charsetTag,
    paragraphs: [
      "The café owner in Zürich said the “déjà vu” was unmistakable — prices had risen by 12 per cent in a year, the sharpest rise she could remember.",
      "Her neighbour, who runs a bakery, said he had raised the price of a croissant twice since spring and expected to do so again before the winter was out.",
      "The city council is to publish its own figures on rents and prices next week, a spokeswoman said, adding that the numbers would be broken down by district.",
    ],
  }).replace('<meta charset="utf-8">', "");

function rejectsWith(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
    assert.match(e.message, pattern);
    return true;
  };
}

describe("HTML charsets", () => {
  it("decodes windows-1252 bytes declared with <meta charset>", async () => {
    const bytes = iconv.encode(QUOTE_PAGE('<meta charset="windows-1252">'), "windows-1252");
    const [a] = await ingest(bytes);
    assert.ok(a?.text.includes("The café owner in Zürich said the “déjà vu” was unmistakable — prices"));
  });

  it("decodes ISO-8859-1 declared by http-equiv as windows-1252, as browsers do", async () => {
    const bytes = iconv.encode(QUOTE_PAGE('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), "windows-1252");
    const [a] = await ingest(bytes);
    assert.ok(a?.text.includes("“déjà vu”"));
  });

  it("decodes Shift_JIS", () => {
    const html = '<html><head><meta charset="Shift_JIS"></head><body><p>東京の天気は晴れです。</p></body></html>';
    const decoded = decodeMarkup(iconv.encode(html, "shift_jis"));
    assert.ok(decoded.text.includes("東京の天気は晴れです。"));
    assert.equal(decoded.charset, "shift_jis");
  });

  it("reads an undeclared page that is not UTF-8 as windows-1252, with a warning", async () => {
    const bytes = iconv.encode(QUOTE_PAGE(""), "windows-1252");
    const [a] = await ingest(bytes);
    assert.ok(a?.text.includes("Zürich"));
    assert.ok(a?.warnings.some((w) => /windows-1252/.test(w)));
  });

  it("lets the BOM win over a wrong declaration, and the transport charset win over meta", async () => {
    const page = QUOTE_PAGE('<meta charset="iso-8859-2">');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page, "utf8")]);
    const [a] = await ingest(withBom);
    assert.ok(a?.text.includes("Zürich"));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QUOTE_PAGE(""), "utf16le")]);
    const [b] = await ingest(utf16);
    assert.ok(b?.text.includes("“déjà vu”"));
    const [c] = await ingest(iconv.encode(page, "windows-1252"), { charset: "windows-1252" });
    assert.ok(c?.text.includes("Zürich"));
  });

  it("maps charset labels", () => {
    assert.equal(normaliseCharset("UTF8"), "utf-8");
    assert.equal(normaliseCharset("latin1"), "windows-1252");
    assert.equal(normaliseCharset("koi8-r"), "koi8-r");
    assert.equal(normaliseCharset("no-such-charset"), undefined);
  });
});

describe("markup rewritten before decoding (an ASCII-only rewrite)", () => {
  const rewrite = (s: string) => s.replace(/<b>[^<]*<\/b>/g, "");
  it("rewrites valid UTF-8 as its Latin-1 view and gives what rewriting the decoded text gives", () => {
    const html = `<meta charset="utf-8"><p>caf\u00e9 <b>\u00e0 \u20ac</b> \u00e0\u00a0x \ud83d\ude00</p>`;
    const bytes = Buffer.from(html, "utf8");
    const d = decodeMarkup(bytes, undefined, rewrite);
    assert.equal(d.text, rewrite(decodeMarkup(bytes).text));
    assert.equal(d.text, `<meta charset="utf-8"><p>caf\u00e9  \u00e0\u00a0x \ud83d\ude00</p>`);
    assert.equal(d.charset, "utf-8");
  });

  it("rewrites the decoded text of other charsets, invalid UTF-8 and BOM-marked pages", () => {
    const html = `<p>Z\u00fcrich <b>drop</b> end</p>`;
    for (const bytes of [
      iconv.encode(`<meta charset="windows-1252">${html}`, "windows-1252"),
      Buffer.concat([Buffer.from(`<meta charset="utf-8">${html}`, "utf8"), Buffer.from([0xff])]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, "utf8")]),
      iconv.encode(html, "windows-1252"),
    ]) {
      const plain = decodeMarkup(bytes);
      const d = decodeMarkup(bytes, undefined, rewrite);
      assert.equal(d.text, rewrite(plain.text));
      assert.match(d.text, /Zürich  end|Z.rich  end/);
      assert.deepEqual([d.charset, d.warnings], [plain.charset, plain.warnings]);
    }
  });
});

describe("gzip", () => {
  it("inflates gzip input", async () => {
    const [a] = await ingest(gzipSync(Buffer.from(QUOTE_PAGE('<meta charset="utf-8">'))));
    assert.ok(a?.text.includes("Zürich"));
    const [b] = await ingest(gzipSync(Buffer.from("Plain text, gzipped.\r\n")));
    assert.equal(b?.text, "Plain text, gzipped.\r\n");
  });

  it("refuses a gzip bomb at the size cap, quickly", async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_INPUT_BYTES + 1024 * 1024, 0x61));
    assert.ok(bomb.length < 100_000);
    const t = performance.now();
    await assert.rejects(ingest(bomb), rejectsWith(/inflates to over the 20 MB limit/));
    assert.ok(performance.now() - t < 2000);
  });

  it("refuses corrupt gzip", async () => {
    await assert.rejects(ingest(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])), rejectsWith(/corrupt gzip/));
  });
});

describe("lying charsets", () => {
  it("ignores a declaration that cannot describe the ASCII markup declaring it (UTF-32, UTF-7, UCS-2), with a warning", async () => {
    for (const label of ["UTF-32", "utf-7", "ucs-2", "utf-32be"]) {
      const page = newsPage().replace('<meta charset="utf-8">', `<meta charset="${label}">`);
      const decoded = decodeMarkup(Buffer.from(page));
      assert.equal(decoded.charset, "utf-8", label);
      assert.ok(decoded.warnings.some((w) => w.includes(`"${label}" contradicts`)), label);
      // Found by fuzzing: decoding as UTF-32 once turned the page into noise that crashed the HTML reader.
      const [a] = await ingest(Buffer.from(page));
      assert.ok(a?.text.length, label);
    }
  });

  it("a UTF-16 declaration in an ASCII page is read as UTF-8 silently, as browsers do", () => {
    const decoded = decodeMarkup(Buffer.from(newsPage().replace('<meta charset="utf-8">', '<meta charset="utf-16">')));
    assert.equal(decoded.charset, "utf-8");
    assert.deepEqual(decoded.warnings, []);
  });
});

describe("gzip inflation sized by the trailer", () => {
  const page = Buffer.from(newsPage({}).repeat(20));

  it("inflates in one chunk of the stated size, and the same bytes whatever the trailer says", () => {
    const gz = gzipSync(page);
    assert.equal(inflateChunkSize(gz, MAX_INPUT_BYTES), page.length + 1);
    assert.ok(Buffer.from(gunzipCapped(gz, "t")).equals(page));
    // a trailer that understates, overstates or claims more than deflate can give: a bounded chunk, and zlib's
    // own length check still calls the data corrupt, as it did with 16 KB chunks
    for (const stated of [0, 100, page.length * 3, 0xffffffff]) {
      const lying = Buffer.from(gz);
      lying.writeUInt32LE(stated, lying.length - 4);
      const chunk = inflateChunkSize(lying, MAX_INPUT_BYTES);
      assert.ok(chunk >= 64 && chunk <= Math.min(stated + 1, lying.length * 1032) + 64, String(stated));
      assert.throws(() => gunzipCapped(lying, "t"), /corrupt gzip/);
    }
    // two members: the trailer states only the last one's length
    const two = Buffer.concat([gzipSync(page), gzipSync(Buffer.from("<p>tail</p>"))]);
    assert.equal(Buffer.from(gunzipCapped(two, "t")).toString(), page.toString() + "<p>tail</p>");
  });

  it("still refuses output over the cap, and a trailer claiming a huge page allocates no more than the cap", () => {
    const gz = gzipSync(page);
    assert.throws(() => gunzipCapped(gz, "t", 1000), IngestError);
    assert.equal(inflateChunkSize(gz, 1000), 1001);
    assert.equal(inflateChunkSize(Uint8Array.from([0x1f, 0x8b]), MAX_INPUT_BYTES), 64);
  });
});
