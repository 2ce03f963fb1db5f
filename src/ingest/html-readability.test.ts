// Readability as ingest loads it (with the source edits of html.ts): the same verdicts as published, faster.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import type { Readability as ReadabilityClass } from "@mozilla/readability";
import { ingestHtml } from "./html.js";
import { parseDocument } from "./dom.js";

/** Readability from the module cache, after a page that our extractor is unsure of has made ingest load it. */
function editedReadability(): typeof ReadabilityClass {
  try {
    ingestHtml("<html><body><p>One short line, not an article.</p></body></html>", {}, "t");
  } catch {
    // no article: Readability was still asked
  }
  return (createRequire(import.meta.url)("@mozilla/readability") as { Readability: typeof ReadabilityClass }).Readability;
}

const PARAGRAPH = "The council voted on Tuesday to reopen the riverside library, closed since the spring floods damaged its lower floor and most of its children's collection.";
const paragraphs = (n: number, tag = "p"): string => Array.from({ length: n }, (_, i) => `<${tag}>${PARAGRAPH} (${i + 1})</${tag}>`).join("");

function read(body: string): { text: string; byline: string | null } {
  const Readability = editedReadability();
  const doc = parseDocument(`<html><head><title>Library to reopen</title></head><body>${body}</body></html>`);
  const result = new Readability(doc as never).parse();
  assert.ok(result, "Readability found nothing");
  return { text: result.textContent ?? "", byline: result.byline ?? null };
}

describe("Readability with ingest's edits", () => {
  it("loads with every edit applied (an upgrade that changed its source would silently lose them)", () => {
    const proto = editedReadability().prototype as unknown as Record<string, () => unknown>;
    assert.match(String(proto._isProbablyVisible), /display\|visibility/);
    assert.match(String(proto._isValidByline), /return false/);
    assert.match(String(proto._grabArticle), /pageCache\.cloneNode\(true\)/);
    assert.match(String(proto._isElementWithoutContent), /_hasTextCharacter/);
    assert.match(String(proto.parse), /if \(this\._debug\) this\.log\("Grabbed: "/);
  });

  it("serialises the grabbed article for its log in debug mode only", () => {
    const Readability = editedReadability();
    const html = `<html><body><div class="story">${paragraphs(4)}</div></body></html>`;
    const logged: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      assert.ok(new Readability(parseDocument(html) as never).parse());
      assert.equal(logged.length, 0);
      assert.ok(new Readability(parseDocument(html) as never, { debug: true }).parse());
    } finally {
      console.log = original;
    }
    assert.ok(logged.some((l) => l.includes("Grabbed: ") && l.includes("(4)")), "debug mode no longer logs the grabbed article");
  });

  it("calls an element empty when its text is whitespace only, as the trimmed text said", () => {
    const proto = editedReadability().prototype as unknown as { _isElementWithoutContent(n: unknown): boolean; ELEMENT_NODE: number };
    const empty = (html: string) => proto._isElementWithoutContent.call(proto, parseDocument(`<html><body>${html}</body></html>`).body!.firstElementChild);
    assert.equal(empty(`<div>\n\u00a0<br><!-- a comment is no text --> <hr>\t</div>`), true);
    assert.equal(empty(`<div><br><hr></div>`), true);
    assert.equal(empty(`<div> <br>Flood<br></div>`), false);
    // no text, but an element other than <br> and <hr>: not empty
    assert.equal(empty(`<div> <img src="a.jpg"> </div>`), false);
    const hasText = (html: string) => (proto as unknown as { _hasTextCharacter(n: unknown): boolean })._hasTextCharacter(parseDocument(`<html><body>${html}</body></html>`).body!.firstElementChild);
    assert.equal(hasText(`<div> <span>\u00a0</span><!-- no text --> <b><i>\n</i></b></div>`), false);
    assert.equal(hasText(`<div> <span> </span><b><i></i></b>Flood</div>`), true);
    assert.equal(hasText(`<div><section><p><em> the dam </em></p></section> </div>`), true);
  });

  it("drops what a style attribute hides and keeps what other styles show", () => {
    const { text } = read(`<div class="story">${paragraphs(4)}
      <p style="color: red; font-weight: bold">Councillors thanked the volunteers who dried out the reading room.</p>
      <p style="display: none">Hidden share prompt that readers never see on the page.</p>
      <p style="font-size:12px;visibility:hidden">Hidden survey prompt that readers never see either.</p></div>`);
    assert.ok(text.includes("thanked the volunteers"));
    assert.ok(text.includes("(4)"));
    assert.ok(!text.includes("share prompt"));
    assert.ok(!text.includes("survey prompt"));
  });

  it("takes a short element named as a byline, and not a long one", () => {
    assert.equal(read(`<div class="story"><p class="byline">By Mirela Sandoval</p>${paragraphs(4)}</div>`).byline, "By Mirela Sandoval");
    const long = `<div class="story"><p class="byline">${PARAGRAPH}</p>${paragraphs(4)}</div>`;
    assert.equal(read(long).byline, null);
    // a short element named for nothing is no byline
    assert.equal(read(`<div class="story"><p class="note">By Mirela Sandoval</p>${paragraphs(4)}</div>`).byline, null);
  });

  it("restores the whole page between attempts: text in an unlikely-named container is found on a retry", () => {
    // the first attempt strips "comment" containers and keeps under 500 characters; the retry must see them again
    const { text } = read(`<div class="comment-thread">${paragraphs(5)}</div><div><p>Posted in Local news.</p></div>`);
    assert.ok(text.includes("(1)") && text.includes("(5)"), text);
    const again = read(`<div class="comment-thread">${paragraphs(5)}</div>`);
    assert.equal(again.text.split("(").length - 1, 5);
  });
});
