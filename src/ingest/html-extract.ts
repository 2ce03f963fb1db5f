// Finds an article's prose in one walk over the parsed page: Readability's scoring, without its repeated DOM passes.
import { ELEMENT_NODE, TEXT_NODE, htmlClassName, type DomElement, type DomNode } from "./dom.js";

/*
 * The heuristics are Readability's (Mozilla, Apache-2.0): paragraphs score 1 + commas + length/100, full to the
 * parent, half to the grandparent, a third per level further up; containers start from their tag and class
 * names; the winner is scaled by how little of it is link text; siblings that score well join it; containers
 * with few commas and many links, images or inputs are cleaned away. Readability re-walks the DOM for each of
 * these steps (about 6 ms a page on linkedom); here one walk gathers every count (under 1 ms).
 */

/** Subtrees that never hold article prose (their text is code, controls or media). */
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "select", "textarea", "button", "object", "embed", "canvas", "math", "head", "input", "link", "meta"]);
/** Elements that count as one paragraph of prose. */
const PARAGRAPH = new Set(["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"]);
/** Elements whose text flows into the enclosing block; a div with such text directly (no <p>) is a paragraph too. */
const INLINE = new Set(["a", "b", "i", "em", "strong", "span", "u", "small", "sub", "sup", "abbr", "cite", "q", "mark", "code", "time", "font", "s", "del", "ins", "img", "label", "br"]);
/** Containers whose contents are judged as a whole before they are rendered (Readability's `_cleanConditionally`). */
const CLEANED = new Set(["form", "fieldset", "table", "ul", "div", "section", "aside", "footer"]);

const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|shadow/i;
const UNLIKELY_ROLES = new Set(["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"]);
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;
const SENTENCE_END = /\.(?: |$)/;

/** How many of the best containers are compared when the winner may be one chunk of a split article. */
const TOP_CANDIDATES = 5;

/** Paragraphs shorter than this (characters) say nothing about where the article is. */
const MIN_PARAGRAPH = 25;

interface Stats {
  text: number;
  links: number;
  commas: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embeds: number;
  /** characters inside <blockquote>: quoted posts and statements, which the article quotes on purpose */
  quote: number;
  score: number;
  scored: boolean;
}

export interface Extraction {
  /** the winning container and the siblings that joined it, in page order */
  roots: DomElement[];
  /** elements inside the roots that are not article text (cleaned containers, unlikely candidates) */
  skip: Set<DomElement>;
  /** the winner's score, after the link-density and class-name adjustments */
  score: number;
  /** characters of text in the roots, before anything is left out */
  text: number;
}

/** What the extractor trusts (Readability relaxes these one by one when a strict reading keeps too little text). */
export interface ExtractFlags {
  /** drop subtrees named like comments, menus and sidebars before scoring */
  stripUnlikely: boolean;
  /** let class and id names add or take 25 points */
  weightClasses: boolean;
  /** leave out containers with few commas and many links, images or inputs */
  cleanConditionally: boolean;
}

/** Readability's first, strictest attempt: names of page regions and classes are trusted. */
export const STRICT: ExtractFlags = { stripUnlikely: true, weightClasses: true, cleanConditionally: true };

/** Picks the article's container in `body` and what inside it to leave out; undefined when no paragraph scores. */
export function extractArticle(body: DomElement, flags: ExtractFlags = STRICT): Extraction | undefined {
  const { stripUnlikely } = flags;
  const classWeight = flags.weightClasses ? nameWeight : () => 0;
  const stats = new Map<DomElement, Stats>();
  const paragraphs: Array<[DomElement, string]> = [];
  const skip = new Set<DomElement>();

  const walk = (el: DomElement, inLink: boolean): Stats => {
    const s: Stats = { text: 0, links: 0, commas: 0, p: 0, img: 0, li: 0, input: 0, embeds: 0, quote: 0, score: 0, scored: false };
    let direct = "";
    // only a <div>'s own text is judged as a paragraph (below): elsewhere its inline children's text is not gathered
    const isDiv = el.localName === "div";
    const isLink = inLink || el.localName === "a";
    for (let child: DomNode | null = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const t = child.textContent ?? "";
        const n = t.trim().length;
        if (!n) continue;
        s.text += n;
        if (isLink) s.links += n;
        s.commas += t.match(COMMAS)?.length ?? 0;
        if (isDiv) direct += t;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const c = child as DomElement;
      const tag = c.localName;
      if (tag === "img") s.img++;
      else if (tag === "input") s.input++;
      else if (tag === "iframe" || tag === "embed" || tag === "object") s.embeds++;
      if (SKIP.has(tag) || c.hasAttribute("hidden") || (stripUnlikely && isUnlikely(c, tag))) {
        skip.add(c);
        continue;
      }
      const cs = walk(c, isLink);
      s.text += cs.text;
      s.links += cs.links;
      s.commas += cs.commas;
      s.p += cs.p + (tag === "p" ? 1 : 0);
      s.img += cs.img;
      s.li += cs.li + (tag === "li" ? 1 : 0);
      s.input += cs.input;
      s.embeds += cs.embeds;
      s.quote += tag === "blockquote" ? cs.text : cs.quote;
      if (isDiv && INLINE.has(tag)) direct += c.textContent ?? "";
    }
    stats.set(el, s);
    const tag = el.localName;
    if (PARAGRAPH.has(tag)) {
      if (s.text >= MIN_PARAGRAPH) paragraphs.push([el, el.textContent ?? ""]);
    } else if (isDiv && direct.trim().length >= MIN_PARAGRAPH) paragraphs.push([el, direct]);
    return s;
  };
  walk(body, false);

  const candidates: DomElement[] = [];
  for (const [p, t] of paragraphs) {
    const score = 1 + (t.match(COMMAS)?.length ?? 0) + Math.min(3, Math.floor(t.trim().length / 100));
    let level = 0;
    for (let a = p.parentNode as DomElement | null; a && a.nodeType === ELEMENT_NODE && level < 5; a = a.parentNode as DomElement | null, level++) {
      const s = stats.get(a);
      if (!s) break;
      if (!s.scored) {
        s.scored = true;
        s.score += tagWeight(a.localName) + classWeight(a);
        candidates.push(a);
      }
      s.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    }
  }

  const ranked: DomElement[] = [];
  for (const el of candidates) {
    const s = stats.get(el)!;
    // Readability scales the stored score itself: siblings and parents are later compared with these values.
    s.score *= 1 - linkDensity(s);
    ranked.push(el);
  }
  if (!ranked.length) return undefined;
  ranked.sort((a, b) => stats.get(b)!.score - stats.get(a)!.score);
  let top = ranked[0]!;
  const topScore = stats.get(top)!.score;
  const scoreOf = (el: DomElement) => stats.get(el)?.score ?? 0;

  // Three or more near-equal runners-up under one ancestor: the article is split into chunks, take the ancestor.
  const alternatives = ranked.slice(1, TOP_CANDIDATES).filter((c) => scoreOf(c) >= topScore * 0.75).map(ancestorsOf);
  if (alternatives.length >= 3) {
    for (let a = top.parentNode as DomElement | null; a && a !== body && a.nodeType === ELEMENT_NODE; a = a.parentNode as DomElement | null) {
      if (alternatives.filter((list) => list.has(a!)).length >= 3) {
        top = a;
        break;
      }
    }
  }
  // A score that rises on the way up means more content lurks beside the winner: unify under that parent.
  let last = scoreOf(top);
  for (let a = top.parentNode as DomElement | null; a && a !== body && a.nodeType === ELEMENT_NODE; a = a.parentNode as DomElement | null) {
    const st = stats.get(a);
    if (!st || !st.scored) continue;
    if (st.score < topScore / 3) break;
    if (st.score > last) {
      top = a;
      break;
    }
    last = st.score;
  }
  // A lone child adds nothing: its parent may carry the headline, lede or siblings' paragraphs.
  while (top.parentNode && top.parentNode !== body && elementChildren(top.parentNode as DomElement).length === 1) {
    const parent = top.parentNode as DomElement;
    if (!stats.has(parent)) break;
    top = parent;
  }

  const roots = withSiblings(top, topScore, stats);
  let text = 0;
  for (const root of roots) {
    markCleaned(root, stats, skip, flags.cleanConditionally, classWeight);
    text += stats.get(root)?.text ?? 0;
  }
  return { roots, skip, score: topScore, text };
}

/** The winner plus its siblings that score at least a fifth as well, or read as prose paragraphs. */
function withSiblings(top: DomElement, topScore: number, stats: Map<DomElement, Stats>): DomElement[] {
  const parent = top.parentNode as DomElement | null;
  if (!parent || parent.nodeType !== ELEMENT_NODE) return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const out: DomElement[] = [];
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    // Sibling <article>s are other stories (a blog's next post, a list of teasers), never more of this one.
    if (top.localName === "article" && sib.localName === "article") continue;
    const s = stats.get(sib);
    if (!s) continue;
    let bonus = 0;
    if (sib.className && sib.className === top.className) bonus += topScore * 0.2;
    if (s.scored && s.score + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.localName === "p") {
      const ld = linkDensity(s);
      const t = sib.textContent ?? "";
      if ((s.text > 80 && ld < 0.25) || (s.text > 0 && s.text <= 80 && ld === 0 && SENTENCE_END.test(t))) out.push(sib);
    }
  }
  return out;
}

/** Marks the containers under `root` that Readability's cleaning would remove, judged on the page's counts. */
function markCleaned(root: DomElement, stats: Map<DomElement, Stats>, skip: Set<DomElement>, clean: boolean, classWeight: (el: DomElement) => number): void {
  const visit = (el: DomElement, inFigure: boolean, inTable: boolean): void => {
    for (const c of elementChildren(el)) {
      if (skip.has(c)) continue;
      const tag = c.localName;
      const s = stats.get(c);
      if (!s) continue;
      if (tag === "h1" || ((tag === "h2" || tag === "h3") && classWeight(c) < 0)) {
        skip.add(c);
        continue;
      }
      if (tag === "aside" || tag === "footer") {
        skip.add(c);
        continue;
      }
      if (clean && CLEANED.has(tag) && !inTable && tag !== "table" && shouldClean(tag, s, inFigure, classWeight(c))) {
        skip.add(c);
        continue;
      }
      if (clean && tag === "table" && !isDataTable(c, s) && shouldClean(tag, s, inFigure, classWeight(c))) {
        skip.add(c);
        continue;
      }
      visit(c, inFigure || tag === "figure", inTable || tag === "table");
    }
  };
  visit(root, false, false);
}

function shouldClean(tag: string, s: Stats, inFigure: boolean, weight: number): boolean {
  // An embedded post (a tweet, an Instagram caption) is a quotation the article makes, whatever its box is named.
  if (s.quote > 0 && s.quote >= s.text * 0.5) return false;
  if (weight < 0) return true;
  if (s.commas >= 10) return false;
  const isList = tag === "ul" || tag === "ol";
  const ld = linkDensity(s);
  const li = s.li - 100;
  if (!inFigure && s.img > 1 && s.p / s.img < 0.5) return true;
  if (!isList && li > s.p) return true;
  if (s.input > Math.floor(s.p / 3)) return true;
  if (!isList && !inFigure && s.text < 25 && (s.img === 0 || s.img > 2) && ld > 0) return true;
  if (!isList && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  return (s.embeds === 1 && s.text < 75) || s.embeds > 1;
}

/** A table with a caption, a summary, header cells or more than a handful of cells holds data, not layout. */
function isDataTable(el: DomElement, s: Stats): boolean {
  if (el.getAttribute("role") === "presentation") return false;
  if (el.querySelector("caption, th, thead")) return true;
  return s.text > 0 && el.querySelectorAll("td").length > 10;
}

function isUnlikely(el: DomElement, tag: string): boolean {
  if (tag === "body" || tag === "a" || tag === "article" || tag === "main" || tag === "p") return false;
  const role = el.getAttribute("role");
  if (role && UNLIKELY_ROLES.has(role)) return true;
  const match = `${htmlClassName(el)} ${el.id}`;
  if (match.length < 2 || !UNLIKELY.test(match) || MAYBE.test(match)) return false;
  if (holdsQuotedPost(el)) return false;
  // An unlikely name on an element inside a table or code block names a cell, not a page region.
  return !el.closest("table, code");
}

/** A "social" box that is mostly a <blockquote>: an embedded post the article quotes, not a share bar. */
function holdsQuotedPost(el: DomElement): boolean {
  const quote = el.querySelector("blockquote");
  if (!quote) return false;
  return (quote.textContent ?? "").trim().length * 2 >= (el.textContent ?? "").trim().length;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case "div":
      return 5;
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

/** Class and id names that say "content" (+25) or "chrome" (−25). */
function nameWeight(el: DomElement): number {
  let w = 0;
  const cls = el.className;
  if (typeof cls === "string" && cls) {
    if (NEGATIVE.test(cls)) w -= 25;
    if (POSITIVE.test(cls)) w += 25;
  }
  const id = el.id;
  if (id) {
    if (NEGATIVE.test(id)) w -= 25;
    if (POSITIVE.test(id)) w += 25;
  }
  return w;
}

function linkDensity(s: Stats): number {
  return s.text ? s.links / s.text : 0;
}

function ancestorsOf(el: DomElement): Set<DomElement> {
  const out = new Set<DomElement>();
  for (let a = el.parentNode as DomElement | null; a && a.nodeType === ELEMENT_NODE; a = a.parentNode as DomElement | null) out.add(a);
  return out;
}

function elementChildren(el: DomElement): DomElement[] {
  const out: DomElement[] = [];
  for (let c: DomNode | null = el.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as DomElement);
  return out;
}
