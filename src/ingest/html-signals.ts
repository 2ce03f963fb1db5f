// One pass over a parsed page collecting the elements metadata is read from (meta, links, JSON-LD, <time>, bylines).
import { ELEMENT_NODE, classAttribute, type DomDocument, type DomElement, type DomNode } from "./dom.js";

/** Byline element kinds, most specific first (the order readers should try them in). */
export const BYLINE_KINDS = [
  "author-in-itemprop-name", "rel-author", "itemprop-author", "class-author-name", "class-byline-name",
  "link-in-byline", "class-byline", "author-page-link",
] as const;
export type BylineKind = (typeof BYLINE_KINDS)[number];

export interface PageSignals {
  metas: DomElement[];
  canonical?: string;
  jsonLd: string[];
  firstH1?: DomElement;
  /** <time pubdate datetime>, else the first <time datetime> inside <article>, else the first anywhere */
  timePubdate?: string;
  timeInArticle?: string;
  timeAny?: string;
  /** first element per itemprop of interest */
  itemprops: Map<string, DomElement>;
  /** first element of each byline kind */
  bylines: Map<BylineKind, DomElement>;
  /** outermost <nav>, <aside> and <footer> elements: page chrome, removed before Readability */
  chrome: DomElement[];
  /**
   * text of the first short <time> and date-, byline- or meta-named elements outside the chrome, in page order;
   * `strong` when the element is a <time> or named for publication ("publish", "posted", "byline", "dateline")
   */
  dateTexts: Array<{ text: string; strong: boolean }>;
  /** the first <h1> elements outside the chrome, in page order */
  headings: DomElement[];
  /** elements nest deeper than the `maxDepth` asked for (the walk stopped there, the other signals are partial) */
  tooDeep: boolean;
}

/** Class names of the elements that show the publication date to readers. */
const DATE_CLASS = /date|time|posted|publish|byline|meta/i;
const PUBLICATION_CLASS = /publish|posted|byline|dateline|pubdate/i;
const MAX_DATE_TEXTS = 15;
const MAX_DATE_TEXT = 160;
const MAX_HEADINGS = 5;

const ITEMPROPS = new Set(["datePublished", "dateModified"]);

/**
 * A querySelector per signal walks the whole tree each time (about 0.1 ms per call on a news page);
 * one walk that looks at each element once costs about as much as a single call. The same walk measures the
 * nesting depth (the root element is at depth 1): past `maxDepth` it stops and says `tooDeep`, before recursing
 * deeper than that, so a page nested thousands deep is refused without overflowing the stack.
 */
export function collectSignals(doc: DomDocument, maxDepth = Infinity): PageSignals {
  const s: PageSignals = { metas: [], jsonLd: [], itemprops: new Map(), bylines: new Map(), chrome: [], dateTexts: [], headings: [], tooDeep: false };
  const setByline = (kind: BylineKind, el: DomElement) => {
    if (!s.bylines.has(kind)) s.bylines.set(kind, el);
  };

  // `depth` is that of the node's children
  const visit = (node: DomNode, depth: number, inArticle: boolean, inAuthorProp: boolean, inBylineClass: boolean, inChrome = false): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      if (depth > maxDepth) {
        s.tooDeep = true;
        return;
      }
      const tag = el.localName;
      // The elements below whose content is not walked are measured on their own (they seldom hold elements).
      if (SKIPPED_CONTENT.has(tag) && el.firstElementChild && nestingDepth(el, maxDepth - depth + 1) > maxDepth - depth + 1) {
        s.tooDeep = true;
        return;
      }
      switch (tag) {
        case "meta":
          s.metas.push(el);
          continue;
        case "link":
          if (s.canonical === undefined && /\bcanonical\b/i.test(el.getAttribute("rel") ?? "")) s.canonical = el.getAttribute("href") ?? undefined;
          if (/\bauthor\b/i.test(el.getAttribute("rel") ?? "")) setByline("rel-author", el);
          continue;
        case "script":
          if (/ld\+json/i.test(el.getAttribute("type") ?? "")) s.jsonLd.push(el.textContent ?? "");
          continue;
        case "style":
        case "template":
          continue;
        case "h1":
          s.firstH1 ??= el;
          if (!inChrome && s.headings.length < MAX_HEADINGS) s.headings.push(el);
          break;
        case "time": {
          const dt = el.getAttribute("datetime");
          if (dt) {
            if (s.timePubdate === undefined && el.hasAttribute("pubdate")) s.timePubdate = dt;
            if (s.timeInArticle === undefined && inArticle) s.timeInArticle = dt;
            s.timeAny ??= dt;
          }
          break;
        }
        case "nav":
        case "aside":
        case "footer":
          if (!inChrome) s.chrome.push(el);
          visit(el, depth + 1, inArticle, inAuthorProp, inBylineClass, true);
          if (s.tooDeep) return;
          continue;
        case "a": {
          if (/\bauthor\b/i.test(el.getAttribute("rel") ?? "")) setByline("rel-author", el);
          if (inBylineClass) setByline("link-in-byline", el);
          if ((el.getAttribute("href") ?? "").includes("/author/")) setByline("author-page-link", el);
          break;
        }
      }
      const itemprop = el.getAttribute("itemprop");
      let authorProp = inAuthorProp;
      if (itemprop) {
        if (ITEMPROPS.has(itemprop) && !s.itemprops.has(itemprop)) s.itemprops.set(itemprop, el);
        if (itemprop === "author") {
          setByline("itemprop-author", el);
          authorProp = true;
        } else if (itemprop === "name" && inAuthorProp) setByline("author-in-itemprop-name", el);
      }
      let bylineClass = inBylineClass;
      const cls = classAttribute(el);
      if (!inChrome && s.dateTexts.length < MAX_DATE_TEXTS && (tag === "time" || (cls && DATE_CLASS.test(cls)))) {
        const raw = el.textContent ?? "";
        // Indentation inflates the raw text; a container of whole paragraphs is not a date line.
        const t = raw.length <= MAX_DATE_TEXT * 8 ? raw.replace(/\s+/g, " ").trim() : "";
        if (t && t.length <= MAX_DATE_TEXT && /\d/.test(t)) s.dateTexts.push({ text: t, strong: tag === "time" || PUBLICATION_CLASS.test(cls) });
      }
      if (cls) {
        if (cls.includes("author-name") || cls.includes("author__name")) setByline("class-author-name", el);
        if (cls.includes("byline")) {
          if (cls.includes("byline__name")) setByline("class-byline-name", el);
          setByline("class-byline", el);
          bylineClass = true;
        }
      }
      visit(el, depth + 1, inArticle || tag === "article", authorProp, bylineClass, inChrome);
      if (s.tooDeep) return;
    }
  };
  // From the root element: a document-level walk can stop at the doctype node in linkedom.
  if (doc.documentElement) visit(doc.documentElement, 2, false, false, false);
  return s;
}

/** The elements whose content the signal walk skips. */
const SKIPPED_CONTENT = new Set(["meta", "link", "script", "style", "template"]);

/** Element nesting depth below `root` (itself at 1), walked without recursion; stops counting past `limit`. */
export function nestingDepth(root: DomElement, limit: number): number {
  // depth-first by first child and next sibling: `children` would build a list per element
  let max = 0;
  let depth = 1;
  let el: DomElement | null = root;
  while (el) {
    if (depth > max) max = depth;
    if (max > limit) return max;
    const first: DomElement | null = el.firstElementChild;
    if (first) {
      el = first;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return max;
}
