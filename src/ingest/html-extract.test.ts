// The one-walk extractor: which container wins, which siblings join it, what inside it is left out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument, type DomElement } from "./dom.js";
import { extractArticle } from "./html-extract.js";
import { renderBlocks } from "./html-text.js";
import { ARTICLE_PARAGRAPHS, newsPage } from "./test-pages.js";

const bodyOf = (html: string) => parseDocument(html).body as DomElement;
const textOf = (html: string) => {
  const found = extractArticle(bodyOf(html));
  assert.ok(found, "an article is found");
  return renderBlocks(found.roots, { skip: found.skip, dropBoilerplate: true }).text;
};

describe("extractArticle", () => {
  it("picks the story body over navigation, share bar, related links and footer", () => {
    assert.equal(textOf(newsPage()), ARTICLE_PARAGRAPHS.join("\n"));
  });

  it("unifies an article split into chunks with advertising slots between them", () => {
    const chunk = (ps: string[]) => `<div class="chunk"><div class="body">${ps.map((p) => `<p>${p}</p>`).join("")}</div></div>`;
    const html = `<html><body><nav><a href="/">Home</a></nav><main><div class="chunks">
      ${chunk(ARTICLE_PARAGRAPHS.slice(0, 2))}<div class="slot"><a href="/ad">Sponsored</a></div>
      ${chunk(ARTICLE_PARAGRAPHS.slice(2, 3))}<div class="slot"></div>
      ${chunk(ARTICLE_PARAGRAPHS.slice(3, 4))}
      ${chunk(ARTICLE_PARAGRAPHS.slice(4))}</div></main></body></html>`;
    assert.equal(textOf(html), ARTICLE_PARAGRAPHS.join("\n"));
  });

  it("leaves out a link-heavy box and a comment thread inside the winner", () => {
    const html = `<html><body><div class="article-body">
      ${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}
      <div class="more-stories"><a href="/1">Storm damages harbour wall in the night</a> <a href="/2">Council approves the new ferry timetable</a> <a href="/3">Library reopens</a></div>
      <div id="comments" class="comment-list"><p>Reader one: this is a long comment, written with commas, opinions, and more opinions, about the reservoir.</p></div>
      </div></body></html>`;
    assert.equal(textOf(html), ARTICLE_PARAGRAPHS.join("\n"));
  });

  it("trusts names only in the strict mode: an article in a box named like a sidebar is found when they are not", () => {
    const html = `<html><body><div class="sidebar-layout">${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join("")}</div>
      <div class="box"><p>Short note about the ferry timetable, printed here for readers.</p></div></body></html>`;
    const strict = extractArticle(bodyOf(html));
    const relaxed = extractArticle(bodyOf(html), { stripUnlikely: false, weightClasses: false, cleanConditionally: false });
    assert.ok(relaxed);
    assert.equal(renderBlocks(relaxed.roots, { skip: relaxed.skip }).text, ARTICLE_PARAGRAPHS.join("\n"));
    assert.ok(!strict || !renderBlocks(strict.roots, { skip: strict.skip }).text.includes(ARTICLE_PARAGRAPHS[0]!));
  });

  it("finds nothing on a page without paragraphs", () => {
    assert.equal(extractArticle(bodyOf("<html><body><nav><a href='/'>Home</a></nav></body></html>")), undefined);
  });

  it("scores a clear article far above a page of short notices", () => {
    const article = extractArticle(bodyOf(newsPage()));
    const notices = extractArticle(bodyOf("<html><body><div><p>The ferry leaves at nine from pier four today.</p></div></body></html>"));
    assert.ok(article && notices && article.score > 4 * notices.score);
  });
});
