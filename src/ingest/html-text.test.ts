// Tests of rendering an element as text: blocks become lines, links and furniture are judged, and deep trees are safe.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFragment, type DomElement } from "./dom.js";
import { ingest } from "./index.js";
import { isFurniture, renderBlocks } from "./html-text.js";

const body = (html: string) => parseFragment(html).body!;

const cpuMs = (f: () => void): number => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};

describe("renderBlocks", () => {
  it("gives one line per block, inline text joined, origins named by the block path", () => {
    const doc = body(`<div><p>One <b>bold</b> <a href="/x">link</a>.</p><ul><li>Two</li><li id="k">Three</li></ul>Tail</div>`);
    const r = renderBlocks(doc);
    assert.equal(r.text, "One bold link.\nTwo\nThree\nTail");
    assert.deepEqual(r.sourceMap.map((m) => m.origin), ["block 0: div>p", "block 1: div>ul>li", "block 2: div>ul>li#k", "block 3: div"]);
  });

  it("renders 30,000 nested inline and block elements without overflowing the stack (found by fuzzing an Atom title)", () => {
    for (const tag of ["b", "div", "a"]) {
      const html = `<p>Before.</p>${`<${tag}>x `.repeat(30_000)}${`</${tag}>`.repeat(30_000)}<p>After.</p>`;
      const doc = body(html);
      let r!: ReturnType<typeof renderBlocks>;
      const ms = cpuMs(() => (r = renderBlocks(doc, { dropBoilerplate: true })));
      assert.ok(r.text.startsWith("Before.") && r.text.endsWith("After."), tag);
      assert.ok(ms < 5000, `${tag}: ${ms.toFixed(0)} ms`);
      // deep origins name the innermost blocks only
      assert.ok(r.sourceMap.every((m) => m.origin.length < 400));
    }
  });

  it("judges furniture by a bounded walk: a short byline is furniture, a long or huge container is not", () => {
    const el = (html: string) => body(html).firstChild as DomElement;
    assert.equal(isFurniture(el(`<div class="byline">By <b>Jane Doe</b></div>`)), true);
    assert.equal(isFurniture(el(`<div class="byline">${"word ".repeat(200)}</div>`)), false);
    assert.equal(isFurniture(el(`<div class="author-box">${"<span></span>".repeat(10_000)}</div>`)), false);
    // thousands of nested "byline" containers: each is judged without reading the whole subtree
    const nested = body(`${'<div class="byline">'.repeat(20_000)}text${"</div>".repeat(20_000)}<p>Body.</p>`);
    const ms = cpuMs(() => renderBlocks(nested, { dropBoilerplate: true }));
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });

  it("a feed whose title is 20,000 escaped <b> tags gives its article, not a stack overflow", async () => {
    const title = "Jane Doe " + "&lt;b>".repeat(20_000);
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>${title}</title><content type="text">Officials said on Tuesday that 1,200 people had been evacuated.</content></entry></feed>`;
    const [a] = await ingest(atom);
    assert.match(a!.text, /1,200 people/);
  });
});
