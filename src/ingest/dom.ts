// The slice of the DOM the ingest layer uses, typed here because the project builds without lib.dom.
import Module, { createRequire } from "node:module";
import path from "node:path";
import type { parseHTML as ParseHTML } from "linkedom";

/**
 * linkedom, loaded on the first page parsed: importing it costs about 0.13 CPU-s, which a run over plain
 * text or JSONL never needs. Its CommonJS build loads synchronously, so parsing stays synchronous.
 */
let parseHTML: typeof ParseHTML | undefined;
function linkedom(): typeof ParseHTML {
  parseHTML ??= requireEditedLinkedom(createRequire(import.meta.url));
  return parseHTML;
}

/**
 * A class attribute's value as a DOMTokenList writes it back (tokens split on whitespace, empty and repeated ones
 * dropped, joined by one space), defined in each edited file that needs it. Most values already read so (printable
 * ASCII tokens, one space apart, none repeated): they are returned as they are, and only the others rebuilt. No memo:
 * the Zyte pages have some 10,000 distinct values of several tokens, too many for one to pay, and a remembered
 * value (a slice of its page's markup) could keep that whole page in memory. Repeats among a few tokens are sought
 * pairwise (up to 16 tokens): cheaper than building a Set for each value.
 */
const NORMAL_CLASS = `const normalClassShape = /^[!-~]+(?: [!-~]+)*$/;
const repeatsToken = (tokens) => {
  if (tokens.length > 16) return new Set(tokens).size !== tokens.length;
  for (let i = 1; i < tokens.length; i++)
    for (let j = 0; j < i; j++) if (tokens[i] === tokens[j]) return true;
  return false;
};
const normalClass = (value) => {
  if (normalClassShape.test(value)) {
    if (!value.includes(' ')) return value;
    if (!repeatsToken(value.split(' '))) return value;
  }
  return [...new Set(value.split(/\\s+/).filter(Boolean))].join(' ');
};
`;

/**
 * Hot spots of linkedom, measured on the Zyte pages and edited as linkedom loads (its files stay untouched):
 * - every node (element, text, attribute) got a listener Map in a module-wide WeakMap when constructed. Pages
 *   have tens of thousands of nodes and nobody listens: those inserts were the top self-time function of HTML
 *   ingest (a tenth of its CPU), and the WeakMap's entries a good part of its GC. The Map is now made on the
 *   first addEventListener (dispatch already treats a missing Map as "no listeners").
 * - reading `className` (and `getAttribute("class")`, which calls it) built a DOMTokenList Set per element and
 *   joined it again on every read. It now reads the attribute when no classList exists, normalised the same
 *   way (tokens split on whitespace, empty and repeated ones dropped, joined by one space; a value of several
 *   tokens is normalised once, then remembered).
 * - the parser set `className` for every class attribute, which built that Set (and wrote the attribute back
 *   joined) for every element with a class: 7 % of HTML ingest. It now writes the normalised value into the
 *   attribute; a classList is built from it on first use, with the same tokens.
 * - querySelectorAll / querySelector compiled their selector (css-select) on every call: Readability asks for the
 *   same few tag lists on every page, a tenth of its time. A compiled matcher depends only on the selector and
 *   the document's mode (outside `:scope`, which is compiled per call as before), so it is kept (at most 1,024).
 * - every element and fragment built its end marker with an object literal of computed (symbol) keys, which V8
 *   defines one key at a time through the runtime: a fiftieth of HTML → record CPU on the Zyte pages. A constructor
 *   whose prototype is Object.prototype now builds it: a plain object as before, with the same keys in the same
 *   order (Reflect.ownKeys lists strings before symbols either way), in half the time and a sixth less memory.
 * - `tagName` and `nodeName` upper-cased the local name on every read (Readability reads them for every element,
 *   getElementsByTagName for every element it passes): the upper-cased names are remembered (at most 1,024).
 * If a file's source differs from what an edit expects (another linkedom version), that file loads unchanged.
 */
const LINKEDOM_EDITS: SourceEdits = [
  {
    file: "interface/event-target.js",
    edits: [
      ["  constructor() {\n    wm.set(this, new Map);\n  }\n", ""],
      ["addEventListener(type, listener, options) {\n    const map = wm.get(this);\n",
        "addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n"],
      ["removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {",
        "removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {"],
    ],
  },
  {
    file: "interface/element.js",
    edits: [
      ["class Element extends ParentNode {\n", `${NORMAL_CLASS}class Element extends ParentNode {\n`],
      ["  get className() { return this.classList.value; }\n",
        "  get className() {\n" +
        "    if (this[CLASS_LIST]) return this[CLASS_LIST].value;\n" +
        "    const attribute = this.getAttributeNode('class');\n" +
        "    return attribute ? normalClass(attribute.value) : '';\n" +
        "  }\n"],
    ],
  },
  {
    file: "shared/matches.js",
    edits: [
      ["const prepareMatch = (element, selectors) => CSSselect.compile(\n",
        "const compiledMatchers = new Map;\n" +
        "const prepareMatch = (element, selectors) => {\n" +
        "  if (selectors.includes(':scope')) return compileMatcher(element, selectors);\n" +
        "  const key = (ignoreCase(element) ? 'h' : 'x') + selectors;\n" +
        "  let matcher = compiledMatchers.get(key);\n" +
        "  if (matcher === undefined) {\n" +
        "    if (compiledMatchers.size >= 1024) compiledMatchers.clear();\n" +
        "    compiledMatchers.set(key, matcher = compileMatcher(element, selectors));\n" +
        "  }\n" +
        "  return matcher;\n" +
        "};\n" +
        "const compileMatcher = (element, selectors) => CSSselect.compile(\n"],
    ],
  },
  {
    file: "mixin/parent-node.js",
    edits: [
      ["    this[NEXT] = this[END] = {\n      [NEXT]: null,\n      [PREV]: this,\n      [START]: this,\n      nodeType: NODE_END,\n      ownerDocument: this.ownerDocument,\n      parentNode: null\n    };\n",
        "    this[NEXT] = this[END] = new NodeEnd(this);\n"],
      ["class ParentNode extends Node {\n",
        "function NodeEnd(start) {\n  this[NEXT] = null;\n  this[PREV] = start;\n  this[START] = start;\n" +
        "  this.nodeType = NODE_END;\n  this.ownerDocument = start.ownerDocument;\n  this.parentNode = null;\n}\n" +
        "NodeEnd.prototype = Object.prototype;\n\nclass ParentNode extends Node {\n"],
    ],
  },
  {
    file: "shared/utils.js",
    edits: [
      ["const localCase = ({localName, ownerDocument}) => {\n  return ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName;\n};\n",
        "const upperNames = new Map;\n" +
        "const localCase = ({localName, ownerDocument}) => {\n" +
        "  if (!ownerDocument[MIME].ignoreCase) return localName;\n" +
        "  let upper = upperNames.get(localName);\n" +
        "  if (upper === undefined) {\n" +
        "    if (upperNames.size >= 1024) upperNames.clear();\n" +
        "    upperNames.set(localName, upper = localName.toUpperCase());\n" +
        "  }\n" +
        "  return upper;\n" +
        "};\n"],
    ],
  },
  {
    file: "shared/parse-from-string.js",
    edits: [
      ["const attribute = (element, end, attribute, value, active) => {\n",
        `${NORMAL_CLASS}const attribute = (element, end, attribute, value, active) => {\n`],
      ["  if (attribute.name === 'class')\n    element.className = value;\n",
        "  if (attribute.name === 'class')\n    attribute[VALUE] = normalClass(String(value));\n"],
    ],
  },
];

/**
 * htmlparser2's tokenizer (linkedom's parser), edited as it loads like linkedom: with entities decoded, as linkedom
 * asks, it stepped through text and quoted attribute values one character at a time, each step a call through
 * its state switch, though only "<" or "&" (in text) and the closing quote or "&" (in a value) do anything there.
 * Text and values are most of a page, so the tokenizer was the largest self time of parsing. Now the step on a
 * character that does nothing jumps to the next one that may (a regex search, stopped at the first hit), and
 * `fastForwardTo` (comments, end tags, script and style bodies) searches with indexOf: the same states are
 * entered at the same indices, so the same tokens come out.
 */
const TOKENIZER_EDITS: SourceEdits[number]["edits"] = [
  ["class Tokenizer {\n",
    "const plainEnd = { text: /[<&]/g, dq: /[\"&]/g, sq: /['&]/g };\n" +
    "class Tokenizer {\n" +
    "    skipPlain(re) {\n" +
    "        re.lastIndex = this.index + 1 - this.offset;\n" +
    "        this.index = (re.test(this.buffer) ? re.lastIndex - 1 : this.buffer.length) + this.offset - 1;\n" +
    "    }\n"],
  ["        else if (this.decodeEntities && c === CharCodes.Amp) {\n            this.startEntity();\n        }\n    }\n    stateSpecialStartSequence(c) {\n",
    "        else if (this.decodeEntities && c === CharCodes.Amp) {\n            this.startEntity();\n        }\n" +
    "        else if (this.decodeEntities) {\n            this.skipPlain(plainEnd.text);\n        }\n    }\n    stateSpecialStartSequence(c) {\n"],
  ["        else if (this.decodeEntities && c === CharCodes.Amp) {\n            this.startEntity();\n        }\n    }\n    stateInAttributeValueDoubleQuotes(c) {\n",
    "        else if (this.decodeEntities && c === CharCodes.Amp) {\n            this.startEntity();\n        }\n" +
    "        else if (this.decodeEntities) {\n            this.skipPlain(quote === CharCodes.DoubleQuote ? plainEnd.dq : plainEnd.sq);\n        }\n" +
    "    }\n    stateInAttributeValueDoubleQuotes(c) {\n"],
  ["    fastForwardTo(c) {\n        while (++this.index < this.buffer.length + this.offset) {\n            if (this.buffer.charCodeAt(this.index - this.offset) === c) {\n                return true;\n            }\n        }\n",
    "    fastForwardTo(c) {\n        const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);\n" +
    "        if (at >= 0) {\n            this.index = at + this.offset;\n            return true;\n        }\n"],
];

type CompilableModule = { _compile(code: string, filename: string): unknown };

/**
 * Source edits per file of a package, as [expected text, replacement] pairs; files are relative to its main file's
 * folder (or absolute, for a package it loads).
 */
export type SourceEdits = readonly { file: string; edits: readonly (readonly [string, string])[] }[];

/**
 * Requires a package with source edits applied as its files compile: the loader's own order (linkedom's modules
 * require one another in cycles) is kept, and nothing else is loaded meanwhile (require is synchronous), so only
 * the package's files are seen. A file whose source lacks any expected text (another version) loads unchanged.
 */
export function requireEdited<T>(require: NodeJS.Require, id: string, sourceEdits: SourceEdits): T {
  const proto = (Module as unknown as { prototype: CompilableModule }).prototype;
  const compile = proto._compile;
  let dir = "";
  try {
    dir = path.dirname(require.resolve(id));
  } catch {
    // not resolvable: the require below says why
  }
  const edits = new Map(sourceEdits.map((e) => [path.resolve(dir, e.file), e.edits]));
  proto._compile = function (this: CompilableModule, code: string, filename: string) {
    const mine = edits.get(filename);
    if (mine && mine.every(([from]) => code.includes(from))) {
      for (const [from, to] of mine) code = code.replace(from, to);
    }
    return compile.call(this, code, filename);
  };
  try {
    return require(id) as T;
  } finally {
    proto._compile = compile;
  }
}

/** linkedom with the edits of LINKEDOM_EDITS, and the htmlparser2 it loads with those of TOKENIZER_EDITS. */
function requireEditedLinkedom(require: NodeJS.Require): typeof ParseHTML {
  let edits = LINKEDOM_EDITS;
  try {
    const tokenizer = path.join(path.dirname(createRequire(require.resolve("linkedom")).resolve("htmlparser2")), "Tokenizer.js");
    edits = [...LINKEDOM_EDITS, { file: tokenizer, edits: TOKENIZER_EDITS }];
  } catch {
    // htmlparser2 not where linkedom would find it: linkedom's require below says why, or loads it unedited
  }
  return requireEdited<{ parseHTML: typeof ParseHTML }>(require, "linkedom", edits).parseHTML;
}

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  localName: string;
  id: string;
  className: string;
  children: ArrayLike<DomElement>;
  /** walking by these allocates nothing; `children` builds a new list on every read (linkedom) */
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  parentElement: DomElement | null;
  namespaceURI: string;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { value: string } | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

/**
 * The class attribute's value as stored ("" without one). The parser and classList store it normalised (see
 * NORMAL_CLASS), so it is what `className` and `getAttribute("class")` return, but read without normalising it
 * again: they do that on every read (a regex, and a split and a Set for several names), and the walks over a page
 * read it for every element (a quarter of a million reads per pass over the Zyte pages).
 */
export function classAttribute(el: DomElement): string {
  return el.getAttributeNode("class")?.value ?? "";
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/** `className` where it is a string, read as classAttribute; "" for SVG elements, whose className is an object. */
export function htmlClassName(el: DomElement): string {
  return el.namespaceURI === SVG_NAMESPACE ? "" : classAttribute(el);
}

export interface DomDocument extends DomNode {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a whole page. */
export function parseDocument(html: string): DomDocument {
  return linkedom()(html).document as unknown as DomDocument;
}

/** Parses a fragment (a feed item's content) into a document whose body holds it. */
export function parseFragment(html: string): DomDocument {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
}
