// Renders an article element as text: one line per block (p, h1–h6, li, blockquote, pre...), with paragraph spans and a source map.
import type { SourceMapEntry } from "../core/document.js";
import type { Span } from "../core/record.js";
import { isBoilerplateLine } from "./boilerplate.js";
import { ELEMENT_NODE, TEXT_NODE, htmlClassName, type DomElement, type DomNode } from "./dom.js";

/** Elements whose boundaries end a line of text. */
const BLOCK = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DIV", "SECTION", "ARTICLE", "MAIN",
  "UL", "OL", "DL", "DT", "DD", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "TD", "TH", "CAPTION", "FIGURE",
  "HEADER", "FOOTER", "ASIDE", "NAV", "FORM", "ADDRESS", "HR", "BR", "CENTER", "DETAILS", "SUMMARY", "FIELDSET",
]);

/** Elements whose text is not part of the article: captions, scripts, controls. */
const SKIP = new Set([
  "FIGCAPTION", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "SELECT", "TEXTAREA",
  "INPUT", "OBJECT", "EMBED", "CANVAS", "VIDEO", "AUDIO", "MATH", "HEAD", "TITLE", "META", "LINK",
]);

/**
 * Class or id names of captions, photo credits, bylines and datelines: the page's metadata and picture
 * furniture, not article prose (the Zyte references leave them out). Only short elements are judged by name.
 */
const FURNITURE_NAME = /caption|photo-?credit|image-?credit|byline|author|dateline|writtenby|timestamp|publish-?date/i;
/** Elements named like furniture with more text than this are containers, not a caption or a byline. */
const FURNITURE_MAX = 600;

/** A block with at least this share of its characters inside links is navigation, not prose. */
const LINK_BLOCK_SHARE = 0.9;

export interface RenderedText {
  text: string;
  paragraphs: Span[];
  sourceMap: SourceMapEntry[];
}

export interface RenderOptions {
  /**
   * drops leading blocks equal to the title, and a leading "By …" line: they live in source. (Not the
   * subtitle: pages often reuse the first paragraph as their description.)
   */
  title?: string;
  /** author names from the metadata: a leading line that only names them is a byline, not prose */
  byline?: string[];
  /** the page's own address: a line that is only this is a share widget */
  url?: string;
  /**
   * drops blocks whose text is (almost) all link text (menus, "more stories" lists) and short furniture lines
   * (gallery counters, photo credits, "Advertisement") that Readability let through
   */
  dropBoilerplate?: boolean;
  /** elements to leave out with their subtrees (what the extractor judged not to be article text) */
  skip?: ReadonlySet<DomElement>;
}

/**
 * Walks the subtree once. Inline text accumulates into the current block; entering or leaving a block
 * element flushes it, so every block becomes one line with its whitespace collapsed.
 */
export function renderBlocks(roots: DomNode | DomNode[], options: RenderOptions = {}): RenderedText {
  const lines: string[] = [];
  const origins: string[] = [];
  let buffer = "";
  let bufferOrigin = "";
  let linkChars = 0;
  let linkDepth = 0;
  const blockPath: string[] = [];

  const flush = () => {
    if (!buffer) return;
    const line = buffer.replace(/\s+/g, " ").trim();
    const raw = buffer.length;
    buffer = "";
    const links = linkChars;
    linkChars = 0;
    if (options.dropBoilerplate && ((links > 0 && links >= raw * LINK_BLOCK_SHARE) || isBoilerplateLine(line) || isOwnAddress(line, options.url))) return;
    if (line) {
      lines.push(line);
      origins.push(bufferOrigin);
    }
  };

  // Iterative, not recursive: a feed title or summary is rendered without the page reader's depth limit, and
  // 20,000 nested <b> overflowed the stack (found by fuzzing). A frame's kind says what leaving it undoes.
  const OTHER = 0, BLOCK_FRAME = 1, LINK_FRAME = 2;
  const visit = (node: DomNode): void => {
    const stack: { next: DomNode | null; kind: number }[] = [{ next: node.firstChild, kind: OTHER }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const child = top.next;
      if (!child) {
        stack.pop();
        if (top.kind === BLOCK_FRAME) {
          flush();
          blockPath.pop();
        } else if (top.kind === LINK_FRAME) linkDepth--;
        continue;
      }
      top.next = child.nextSibling;
      if (child.nodeType === TEXT_NODE) {
        const t = child.textContent;
        if (t) {
          // the origin names the innermost blocks only: joining a path thousands deep for every line is quadratic
          if (!buffer) bufferOrigin = blockPath.length > 32 ? `…>${blockPath.slice(-16).join(">")}` : blockPath.join(">");
          buffer += t;
          if (linkDepth) linkChars += t.length;
        }
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      // tagName is localName upper-cased already (in an HTML document): one upper-casing, not two
      const tag = el.localName.toUpperCase();
      if (SKIP.has(tag) || el.hasAttribute("hidden") || options.skip?.has(el)) continue;
      if (options.dropBoilerplate && isFurniture(el)) continue;
      if (BLOCK.has(tag)) {
        flush();
        blockPath.push(tag.toLowerCase() + (el.id ? `#${el.id}` : ""));
        stack.push({ next: el.firstChild, kind: BLOCK_FRAME });
      } else if (tag === "A") {
        linkDepth++;
        stack.push({ next: el.firstChild, kind: LINK_FRAME });
      } else {
        stack.push({ next: el.firstChild, kind: OTHER });
      }
    }
  };

  if (!Array.isArray(roots)) visit(roots);
  else {
    // Several roots (the fallback's paragraphs): each is its own block, named by its tag.
    for (const root of roots) {
      if (root.nodeType !== ELEMENT_NODE) continue;
      blockPath.push((root as DomElement).tagName.toLowerCase());
      visit(root);
      flush();
      blockPath.pop();
    }
  }
  flush();

  dropLeadingMetadata(lines, origins, options);

  const paragraphs: Span[] = [];
  const sourceMap: SourceMapEntry[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const span: Span = [offset, offset + lines[i]!.length];
    paragraphs.push(span);
    sourceMap.push({ span, origin: `block ${i}: ${origins[i] || "(root)"}` });
    offset = span[1] + 1;
  }
  return { text: lines.join("\n"), paragraphs, sourceMap };
}

/** A line that is only the page's own address (printed by share widgets). */
function isOwnAddress(line: string, url: string | undefined): boolean {
  if (!url || !/^https?:\/\/\S+$/.test(line)) return false;
  const key = (u: string) => u.replace(/^https?:\/\/(?:www\.)?/, "").replace(/[?#].*$/, "").replace(/\/$/, "");
  return key(line) === key(url);
}

/** A caption, byline or dateline by its class or id name (short elements only). */
export function isFurniture(el: DomElement): boolean {
  const names = `${htmlClassName(el)} ${el.id}`;
  if (names.length < 4 || !FURNITURE_NAME.test(names)) return false;
  return textAtMost(el, FURNITURE_MAX);
}

/**
 * True when the element holds at most `max` characters of text (in at most 8 × max nodes): a walk that stops
 * early, since `textContent` of each of thousands of nested "byline" elements would be quadratic.
 */
function textAtMost(el: DomElement, max: number): boolean {
  let chars = 0;
  let nodes = 0;
  const stack: DomNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      chars += n.textContent?.length ?? 0;
      if (chars > max) return false;
    } else if (n.nodeType === ELEMENT_NODE) {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (++nodes > 8 * max) return false;
        stack.push(c);
      }
    }
  }
  return true;
}

/** How far into the body the headline, dek and byline may repeat. */
const LEADING_BLOCKS = 4;
const BYLINE_LINE = /^(?:by|written by|words by)\s+\p{Lu}[^.!?]{0,70}$/iu;

function dropLeadingMetadata(lines: string[], origins: string[], options: RenderOptions): void {
  for (let i = 0; i < Math.min(LEADING_BLOCKS, lines.length); ) {
    const line = lines[i]!;
    const isMeta =
      (options.title !== undefined && sameText(line, options.title)) ||
      BYLINE_LINE.test(line) ||
      (options.byline !== undefined && namesOnly(line, options.byline));
    if (isMeta && lines.length > 1) {
      lines.splice(i, 1);
      origins.splice(i, 1);
    } else i++;
  }
}

/** A line made of the byline's names, joiners and an agency or role tail ("Jane Doe, AP Auto Writer"). */
function namesOnly(line: string, names: string[]): boolean {
  if (!names.length || line.length > 120) return false;
  let rest = ` ${line.toLowerCase()} `;
  let found = false;
  for (const n of names) {
    const k = n.toLowerCase();
    if (rest.includes(k)) {
      rest = rest.replace(k, " ");
      found = true;
    }
  }
  if (!found) return false;
  // What is left may be "and", "by", commas and a short affiliation, never a sentence.
  const words = rest.replace(/\b(?:by|and|with)\b/g, " ").match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length <= 4 && !/[.!?]["”]?\s*$/.test(line.trim());
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  return norm(a) === norm(b);
}
