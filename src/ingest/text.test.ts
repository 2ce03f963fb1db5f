// Plain text is kept exactly as given; bad input (empty, binary, invalid UTF-8, too big) is refused clearly.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeUtf8, ingest, IngestError, MAX_INPUT_BYTES } from "./index.js";

function rejectsWith(pattern: RegExp, origin?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof IngestError, `expected IngestError, got ${String(e)}`);
    assert.match(e.message, pattern);
    if (origin) assert.equal(e.origin, origin);
    return true;
  };
}

describe("plain text", () => {
  it("keeps the text verbatim: leading/trailing space, CRLF, tabs, odd spacing", async () => {
    const text = "  The minister said on Monday that talks would resume.\r\n\r\n\tOfficials  declined   to comment.  \r\n";
    const [a] = await ingest(Buffer.from(text, "utf8"), { origin: "a.txt" });
    assert.equal(a?.text, text);
    assert.equal(a?.paragraphs, undefined);
    assert.equal(a?.origin, "a.txt");
    const at = text.indexOf("Officials");
    assert.equal(a?.text.slice(at, at + 9), "Officials");
  });

  it("keeps offsets of astral characters and combining marks (UTF-16 code units)", async () => {
    const text = "Cafe\u0301 owners 🙂 said prices rose by 12 per cent; the mayor said the city would respond.";
    const [a] = await ingest(Buffer.from(text, "utf8"));
    assert.equal(a?.text, text);
  });

  it("takes metadata only from the caller, and guesses the language", async () => {
    const text = "The minister said on Monday that the talks would resume in the spring, and that there was no deadline.";
    const [a] = await ingest(text, { title: "Talks", published: "2023-05-17", outlet: "Wire", url: "https://w.example/1" });
    assert.deepEqual(a?.source, { url: "https://w.example/1", outlet: "Wire", title: "Talks", published: "2023-05-17", language: "en" });
    assert.deepEqual(a?.warnings, []);
  });

  it("does not mistake text that mentions tags for HTML", async () => {
    const text = "Use the <p> element for paragraphs, the editor said. It is in the style guide.";
    const [a] = await ingest(text);
    assert.equal(a?.text, text);
  });
});

describe("bad input", () => {
  it("refuses empty and whitespace-only input", async () => {
    await assert.rejects(ingest(new Uint8Array(0), { origin: "e.txt" }), rejectsWith(/empty input/, "e.txt"));
    await assert.rejects(ingest(Buffer.from(" \r\n\t \n")), rejectsWith(/empty input/));
    await assert.rejects(ingest("   "), rejectsWith(/empty input/));
  });

  it("refuses binary data", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    await assert.rejects(ingest(png), rejectsWith(/binary data/));
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    await assert.rejects(ingest(controls), rejectsWith(/binary data \(control characters\)/));
  });

  it("refuses invalid UTF-8 in plain text, naming the byte", async () => {
    const bytes = Buffer.concat([Buffer.from("Prices rose in Z"), Buffer.from([0xfc]), Buffer.from("rich last year.")]);
    await assert.rejects(ingest(bytes), rejectsWith(/invalid UTF-8 at byte 16/));
    assert.throws(() => decodeUtf8(bytes, "x.txt"), rejectsWith(/invalid UTF-8/, "x.txt"));
  });

  it("refuses input over the size limit", async () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61);
    await assert.rejects(ingest(big), rejectsWith(/over the 20 MB limit/));
  });
});
