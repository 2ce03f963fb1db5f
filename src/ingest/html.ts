// HTML page → article: metadata first, then our one-walk extractor's content (Readability when it is unsure), one line per block.
import { createRequire } from "node:module";
import type { Readability as ReadabilityClass } from "@mozilla/readability";
import { extractArticle, STRICT } from "./html-extract.js";
import { readMetadata } from "./html-metadata.js";
import { collectSignals } from "./html-signals.js";
import { isFurniture, renderBlocks, type RenderedText, type RenderOptions } from "./html-text.js";
import { parseDocument, parseFragment, requireEdited, type DomDocument, type DomElement, type SourceEdits } from "./dom.js";
import { finishArticle } from "./finish.js";
import { IngestError, type IngestedArticle, type IngestOptions } from "./types.js";

/** Readability, loaded on the first page our extractor is unsure of: a run over text or JSONL never needs it. */
let readability: typeof ReadabilityClass | undefined;
function Readability(): typeof ReadabilityClass {
  readability ??= requireEdited<{ Readability: typeof ReadabilityClass }>(createRequire(import.meta.url), "@mozilla/readability", READABILITY_EDITS).Readability;
  return readability;
}

/**
 * Hot spots of Readability on linkedom, edited as it loads (its file stays untouched; another version loads
 * unchanged), each giving the same verdicts element for element, measured on the Zyte pages:
 * - its visibility test read `node.style` of every element, and linkedom builds a CSSStyleDeclaration (a Map
 *   behind a Proxy) per element and re-parses the style attribute on each read: a tenth of Readability's time.
 *   linkedom's style reads nothing but that attribute, so an element whose style attribute names neither
 *   property is visible by style, and the style object is only built for the others.
 * - its byline test took every element's whole text before asking whether the element is named as a byline;
 *   now the names are asked first, and the text is only taken for the few that are.
 * - it kept the body for its retries as serialised HTML (the whole body written out on every page) and parsed
 *   it back on each retry; a deep clone of the body keeps the tree for less (the Zyte pages' records come out
 *   byte-identical), and a retry takes a new clone.
 * - its test for an empty element (`_isElementWithoutContent`, asked of every <div>, <section> and <header> while
 *   scoring and cleaning) joined the element's whole text and trimmed it; now its text nodes are walked and the
 *   walk stops at the first one holding a character other than whitespace (`\S`: the characters trim removes).
 * - after grabbing the article it logged the article's whole HTML: the message (the article serialised) was built
 *   on every page though only debug mode prints it; now it is built in debug mode only.
 */
const READABILITY_EDITS: SourceEdits = [
  {
    file: "Readability.js",
    edits: [
      ['      (!node.style || node.style.display != "none") &&\n      (!node.style || node.style.visibility != "hidden") &&\n',
        '      (!/display|visibility/i.test(node.getAttribute("style") || "") ||\n' +
        '        ((!node.style || node.style.display != "none") &&\n' +
        '        (!node.style || node.style.visibility != "hidden"))) &&\n'],
      ["    var bylineLength = node.textContent.trim().length;\n\n    return (\n      (rel === \"author\" ||\n        (itemprop && itemprop.includes(\"author\")) ||\n        this.REGEXPS.byline.test(matchString)) &&\n      !!bylineLength &&\n",
        "    if (!(rel === \"author\" || (itemprop && itemprop.includes(\"author\")) || this.REGEXPS.byline.test(matchString))) return false;\n" +
        "    var bylineLength = node.textContent.trim().length;\n\n    return (\n      !!bylineLength &&\n"],
      ["    var pageCacheHtml = page.innerHTML;\n", "    var pageCache = page.cloneNode(true);\n"],
      ["        page.innerHTML = pageCacheHtml;\n",
        "        page.replaceChildren();\n" +
        "        for (var fresh = pageCache.cloneNode(true); fresh.firstChild; ) page.appendChild(fresh.firstChild);\n"],
      ["  _isElementWithoutContent(node) {\n    return (\n      node.nodeType === this.ELEMENT_NODE &&\n      !node.textContent.trim().length &&\n",
        "  _hasTextCharacter(node) {\n" +
        "    for (var n = node.firstChild; n; ) {\n" +
        "      var type = n.nodeType;\n" +
        "      if ((type === 3 || type === 4) && /\\S/.test(n.textContent)) return true;\n" +
        "      if (type === 1 && n.firstChild) {\n        n = n.firstChild;\n        continue;\n      }\n" +
        "      while (n !== node && !n.nextSibling) n = n.parentNode;\n" +
        "      n = n === node ? null : n.nextSibling;\n" +
        "    }\n" +
        "    return false;\n" +
        "  },\n\n" +
        "  _isElementWithoutContent(node) {\n    return (\n      node.nodeType === this.ELEMENT_NODE &&\n      !this._hasTextCharacter(node) &&\n"],
      ['    this.log("Grabbed: " + articleContent.innerHTML);\n', '    if (this._debug) this.log("Grabbed: " + articleContent.innerHTML);\n'],
    ],
  },
];

/** Containers of page chrome: their paragraphs are not the article in the fallback path. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|footer|header|sidebar|share|social|cookie|consent|newsletter|subscribe|related|promo|comments?|breadcrumbs?|banner|advert|ad)(?:$|[\s_-])/i;
const CHROME_TAGS = new Set(["NAV", "FOOTER", "HEADER", "ASIDE", "FORM", "MENU"]);

/** Why a page yields no article: nothing readable, a list of other pages' links, or a paywall's teaser. */
export type NoArticleReason = "empty" | "index" | "paywall";

/**
 * A page that holds no article. Callers that process many inputs report it per input and go on (the CLI's
 * extract and ingest do: it is an IngestError).
 */
export class NoArticleError extends IngestError {
  constructor(readonly reason: NoArticleReason, origin?: string) {
    super(NO_ARTICLE_MESSAGES[reason], origin);
    this.name = "NoArticleError";
  }
}

const NO_ARTICLE_MESSAGES: Record<NoArticleReason, string> = {
  empty: "no article text found in the HTML",
  index: "no article in the HTML: the page is an index of links to other pages",
  paywall: "no article in the HTML: the page shows only a teaser behind a paywall",
};

export interface HtmlOptions {
  /** warnings from decoding, passed through to the article */
  warnings?: string[];
  /** the markup has been through `prepareMarkup` already (decodeMarkup does it on a UTF-8 page's bytes) */
  prepared?: boolean;
}

/** Turns one HTML page into an article; throws IngestError when the page holds no article text. */
export function ingestHtml(html: string, options: IngestOptions, origin: string, extra: HtmlOptions = {}): IngestedArticle {
  try {
    return ingestHtmlPage(html, options, origin, extra);
  } catch (e) {
    // The DOM walks (ours, linkedom's, Readability's) recurse: thousands of nested elements overflow the stack.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new IngestError("HTML nested too deeply to read (stack overflow)", origin);
    throw e;
  }
}

/** Deeper than this, a page is refused: Readability's cleaning is cubic in depth (3 s at 1,000 levels, 4 min at 3,000). */
const MAX_DEPTH = 400;

function ingestHtmlPage(html: string, options: IngestOptions, origin: string, extra: HtmlOptions): IngestedArticle {
  const doc = parseDocument(extra.prepared ? html : prepareMarkup(html));
  // A doctype or a comment alone parses to a document without a root element.
  if (!doc.documentElement) throw new NoArticleError("empty", origin);
  // Metadata first: Readability rewrites and removes nodes (including the JSON-LD scripts).
  const signals = collectSignals(doc, MAX_DEPTH);
  if (signals.tooDeep) throw new IngestError(`HTML nested over ${MAX_DEPTH} elements deep: refused (real pages nest a few dozen)`, origin);
  const meta = readMetadata(doc, options.pageUrl, signals);
  // Navigation, asides and footers are never the article; without them Readability is faster and
  // picks the body more often (measured on the Zyte pages: +0.002 F1, about 15% less CPU). <header> stays:
  // pages put the lede in it.
  for (const el of signals.chrome) el.remove();
  // Held before extraction: Readability can leave the document without its root element.
  const body = doc.body;
  const found = articleText(doc, { title: meta.title, byline: meta.byline, url: meta.url });
  const verdict = notAnArticle(found, body);
  const { rendered } = found;
  if (verdict) throw new NoArticleError(verdict, origin);
  return finishArticle(rendered, meta, options, origin, extra.warnings ?? []);
}

/**
 * The markup without what nothing here reads (stripInert, dropBulkyAttributes). It reads only ASCII characters
 * and cuts only next to them (an AsciiRewrite, encoding.ts), so a UTF-8 page can be rewritten before decoding.
 */
export function prepareMarkup(html: string): string {
  return dropBulkyAttributes(stripInert(html));
}

const INERT_OPEN = /<(script|style|svg|template)\b|<!--/gi;

/**
 * Drops scripts, styles, inline SVG and comments before parsing (JSON-LD scripts stay: metadata reads them).
 * None of them is article text, and big pages carry megabytes of them: parsing and Readability get faster.
 * A scan rather than one regex: with unclosed openers a lazy regex rescans to the end from each one (quadratic:
 * 80 KB of "<script>" took 0.2 s, 20 MB would take hours); here a closer once missing is not sought again.
 */
export function stripInert(html: string): string {
  let out = "";
  let copied = 0;
  const noCloseAfter = new Map<string, number>();
  let nextGt = -2;
  let noCommentEndAfter = Infinity;
  INERT_OPEN.lastIndex = 0;
  for (let m = INERT_OPEN.exec(html); m; m = INERT_OPEN.exec(html)) {
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
      // The next ">" is sought once per stretch, not once per opener: openers without one are common in junk.
      if (nextGt !== -1 && (nextGt === -2 || nextGt < at + m[0].length)) nextGt = html.indexOf(">", at + m[0].length);
      const gt = nextGt;
      if (gt >= 0 && at < (noCloseAfter.get(tag) ?? Infinity)) {
        end = closerEnd(html, tag, gt + 1);
        if (end < 0) noCloseAfter.set(tag, at);
        else {
          const attrs = html.slice(at + m[0].length, gt);
          if (tag === "script" && /ld\+json/i.test(attrs)) {
            INERT_OPEN.lastIndex = end;
            continue;
          }
        }
      }
    }
    if (end < 0) {
      INERT_OPEN.lastIndex = at + 1;
      continue;
    }
    out += html.slice(copied, at);
    copied = end;
    INERT_OPEN.lastIndex = end;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/**
 * The end of the first `</tag` + HTML whitespace (not `\s`, which takes U+00A0 and other spaces: the tokenizer ends a
 * tag on these only) + `>` at or after `from`, the tag's letters in either case; -1 when there is none. What the
 * regex /<\/tag[\t\n\f\r ]*>/gi finds (outside the `u` flag no other character folds to an ASCII letter), but
 * found by indexOf: the regex stepped through script and style bodies, most of a page's bytes, a character at a
 * time, and was half of stripInert's time on the Zyte pages.
 */
function closerEnd(html: string, tag: string, from: number): number {
  const n = tag.length;
  // a match starts with "</", so the next candidate after one at i is at i + 2 or later
  for (let i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
    let j = i + 2;
    let k = 0;
    // tag is lower-case ASCII letters: `| 0x20` folds only their upper-case forms onto them
    while (k < n && (html.charCodeAt(j + k) | 0x20) === tag.charCodeAt(k)) k++;
    if (k < n) continue;
    j += n;
    let c = html.charCodeAt(j);
    while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c) c = html.charCodeAt(++j);
    if (c === 0x3e) return j + 1;
  }
  return -1;
}

const BULKY_ATTRIBUTE = /[\t\n\f\r ](?:data-[\w.:-]+|srcset|sizes|on[a-z]+)[\t\n\f\r ]*=[\t\n\f\r ]*(["'])/gi;

/**
 * Drops data-*, srcset, sizes and on* attributes before parsing: nothing here reads them (text, metadata and
 * Readability's scoring do not), and on news pages they are over half of what is left after stripInert (image
 * sets, JSON blobs), so parsing gets about a quarter faster. A scan, not one regex: a value whose closing quote
 * is missing is sought once, so junk input stays linear. Attributes are separated by HTML's whitespace only (a
 * no-break space before "data-x=" is text).
 */
export function dropBulkyAttributes(html: string): string {
  let out = "";
  let copied = 0;
  const unclosed = new Set<string>();
  BULKY_ATTRIBUTE.lastIndex = 0;
  for (let m = BULKY_ATTRIBUTE.exec(html); m; m = BULKY_ATTRIBUTE.exec(html)) {
    const quote = m[1]!;
    if (unclosed.has(quote)) continue;
    const close = html.indexOf(quote, m.index + m[0].length);
    if (close < 0) {
      unclosed.add(quote);
      continue;
    }
    out += html.slice(copied, m.index);
    copied = close + 1;
    BULKY_ATTRIBUTE.lastIndex = copied;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** Turns an HTML fragment that is already the article (a feed item's content, a JSONL `html` field) into text. */
export function renderFragment(html: string, title?: string): RenderedText {
  const doc = parseFragment(html);
  return doc.body ? renderBlocks(doc.body, { title }) : { text: "", paragraphs: [], sourceMap: [] };
}

/** True when an HTML string is a whole page rather than a fragment. */
export function isWholePage(html: string): boolean {
  return /<(?:html|body|head)[\s>]/i.test(html.slice(0, 4096));
}

/** What the metadata says that the body repeats: the headline, the byline, the page's own address. */
type PageHints = Pick<RenderOptions, "title" | "byline" | "url">;

/** Readability's article shorter than this (characters) is checked against the page's own paragraphs. */
const SHORT_ARTICLE = 250;

/**
 * A winning container scoring at least this (paragraph points after link density and names) is trusted without
 * Readability. On the Zyte pages 125 of 181 pass: body F1 0.984 ours against 0.978 Readability's on them; on the
 * other 56 ours would be 0.706 against 0.960.
 */
const CONFIDENT_SCORE = 60;
/** Readability's threshold: an extraction that keeps fewer characters was too strict or picked the wrong part. */
const ENOUGH_TEXT = 500;

/** The article's text and the elements it was rendered from (judged afterwards: an index page, a paywall). */
interface Found {
  rendered: RenderedText;
  roots: DomElement[];
  /** elements under the roots that were left out */
  skip?: ReadonlySet<DomElement>;
}

function articleText(doc: DomDocument, hints: PageHints): Found {
  if (doc.body) {
    const fast = fastArticle(doc.body, hints);
    if (fast) return fast;
  }
  // Readability turns some elements into others (a <div> of bare text into a <p>), and on linkedom the new
  // element comes out without the old one's class: the names that mark captions and bylines are read first.
  if (doc.body) dropFurniture(doc.body);
  let content: DomElement | null | undefined;
  try {
    // The serializer hands back the element itself, so the article is walked once and never re-serialised.
    const reader = new (Readability())<DomElement>(doc as never, {
      serializer: (el) => el as unknown as DomElement,
      disableJSONLD: true,
      // Class names say what a block is (a caption, a byline): the renderer reads them after Readability.
      keepClasses: true,
    });
    content = reader.parse()?.content;
  } catch {
    content = undefined;
  }
  if (content) {
    const rendered = renderBlocks(content, { ...hints, dropBoilerplate: true });
    if (rendered.text.length >= SHORT_ARTICLE) return { rendered, roots: [content] };
  }
  // Little or nothing found: Readability returns whatever a tiny page holds, navigation and forms included.
  // Below its own 500-character threshold it has restored the page after each attempt, so the DOM is whole.
  return paragraphFallback([doc], hints.title);
}

/** Removes captions, bylines and datelines (by class or id name) from the subtree, outermost first. */
function dropFurniture(root: DomElement): void {
  const found: DomElement[] = [];
  const visit = (el: DomElement): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (isFurniture(c)) found.push(c);
      else visit(c);
    }
  };
  visit(root);
  for (const el of found) el.remove();
}

/**
 * Our one-walk extractor (html-extract.ts), with names trusted; its result only when the winner is clear and
 * keeps enough text. Otherwise Readability decides, on a DOM the extractor has not touched.
 */
function fastArticle(body: DomElement, hints: PageHints): Found | undefined {
  const found = extractArticle(body, STRICT);
  if (!found || found.score < CONFIDENT_SCORE) return undefined;
  const rendered = renderBlocks(found.roots, { ...hints, dropBoilerplate: true, skip: found.skip });
  return rendered.text.length >= ENOUGH_TEXT ? { rendered, roots: found.roots, skip: found.skip } : undefined;
}

/** Text shorter than this (characters) is a notice or a headline, not an article. */
const MIN_ARTICLE = 80;
/** Only texts shorter than this are suspected of being a paywall's teaser. */
const TEASER_MAX = 600;
/** Headings that link elsewhere, or story cards, from this many on: the content is a list of other pages. */
const INDEX_ITEMS = 4;
/** A line this long (characters) is a paragraph of prose; teasers' summaries are shorter. */
const PROSE_LINE = 300;
/**
 * What a paywall says where the article stops. Not "already a subscriber? Log in": sites print that in every
 * page's header. Element names ("paywall-…") are no evidence either: login widgets carry them on free pages.
 */
const PAYWALL_TEXT = /\b(?:(?:subscribe|sign up|log in|sign in|register)\b[^.]{0,40}\bto (?:continue|keep) reading|to (?:continue|keep) reading[^.]{0,40}\b(?:subscribe|subscription|sign in|log in|register)|(?:article|story|content) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)|for subscribers only|subscribers only)\b/i;

/**
 * Matches a text whose whitespace runs collapsed to one space (`replace(/\s+/g, " ")`) leave MIN_ARTICLE characters
 * or more: each step takes a character other than whitespace or a whole run of whitespace (never part of one), so
 * the steps are the collapsed text's characters. It reads the first few dozen characters, not the whole article.
 */
const COLLAPSED_ARTICLE = new RegExp(`^(?:\\S|\\s+(?!\\s)){${MIN_ARTICLE}}`);

/** `text.replace(/\s+/g, " ").length >= MIN_ARTICLE`, without building the collapsed copy of the whole article. */
export function longEnoughForArticle(text: string): boolean {
  return COLLAPSED_ARTICLE.test(text);
}

/** Why the extracted text is no article (undefined when it is one). */
function notAnArticle({ rendered: { text }, roots, skip }: Found, body: DomElement | null): NoArticleReason | undefined {
  if (!longEnoughForArticle(text)) return "empty";
  // Items that lead elsewhere, at least one per two lines of text, and no line long enough to be a paragraph of
  // prose: the content is a list of teasers, not an article with a box of links.
  const items = indexItems(roots, skip);
  if (items >= INDEX_ITEMS) {
    const lines = text.split("\n");
    if (items * 2 >= lines.length && lines.every((l) => l.length < PROSE_LINE)) return "index";
  }
  if (text.length < TEASER_MAX) {
    // Only short texts pay for a look at the whole page.
    if (body && PAYWALL_TEXT.test(body.textContent ?? "")) return "paywall";
  }
  return undefined;
}

/**
 * Story cards and linked headings in the content: an index page's items each lead elsewhere (a heading whose
 * link is not an in-page anchor, or an <article> of its own), an article's headings do not.
 */
function indexItems(roots: DomElement[], skip?: ReadonlySet<DomElement>): number {
  let n = 0;
  const visit = (el: DomElement, inHeading: boolean): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (skip?.has(c)) continue;
      const tag = c.localName;
      if (tag === "article") n++;
      else if (inHeading && tag === "a" && !(c.getAttribute("href") ?? "#").startsWith("#")) {
        n++;
        continue;
      }
      visit(c, inHeading || tag === "h1" || tag === "h2" || tag === "h3" || tag === "h4");
    }
  };
  for (const root of roots) visit(root, false);
  return n;
}

/** The <p> elements outside navigation, headers, footers, forms and banners, in the given roots. */
function paragraphFallback(roots: Array<DomElement | DomDocument>, title: string | undefined): Found {
  const kept: DomElement[] = [];
  for (const root of roots) {
    const ps = root.querySelectorAll("p");
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      if (!inChrome(p)) kept.push(p);
    }
  }
  const rendered = renderBlocks(kept, { title });
  return { rendered, roots: kept };
}

function inChrome(el: DomElement): boolean {
  for (let n: DomElement | null = el; n && n.nodeType === 1; n = n.parentNode as DomElement | null) {
    const tag = n.tagName.toUpperCase();
    if (tag === "BODY" || tag === "HTML") return false;
    if (CHROME_TAGS.has(tag)) return true;
    const role = n.getAttribute("role");
    if (role === "navigation" || role === "banner" || role === "contentinfo" || role === "complementary") return true;
    if (CHROME.test(`${n.id} ${n.className}`)) return true;
  }
  return false;
}
