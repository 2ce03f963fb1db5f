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
 * dropped, joined by one space), defined in each edited file that needs it. Values of several tokens are few and
 * repeat from element to element, so each is normalised once (the memo starts over if a page has very many).
 * A value of printable ASCII alone is one token as it stands.
 */
const NORMAL_CLASS = `const normalClassMemo = new Map;
const normalClass = (value) => {
  let plain = value.length > 0;
  for (let i = 0; plain && i < value.length; i++) {
    const c = value.charCodeAt(i);
    plain = c > 32 && c < 127;
  }
  if (plain) return value;
  let out = normalClassMemo.get(value);
  if (out === undefined) {
    if (normalClassMemo.size >= 4096) normalClassMemo.clear();
    normalClassMemo.set(value, out = [...new Set(value.split(/\\s+/).filter(Boolean))].join(' '));
  }
  return out;
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
    file: "shared/parse-from-string.js",
    edits: [
      ["const attribute = (element, end, attribute, value, active) => {\n",
        `${NORMAL_CLASS}const attribute = (element, end, attribute, value, active) => {\n`],
      ["  if (attribute.name === 'class')\n    element.className = value;\n",
        "  if (attribute.name === 'class')\n    attribute[VALUE] = normalClass(String(value));\n"],
    ],
  },
];

type CompilableModule = { _compile(code: string, filename: string): unknown };

/** Source edits per file of a package, as [expected text, replacement] pairs; files are relative to its main file's folder. */
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
  const edits = new Map(sourceEdits.map((e) => [path.join(dir, e.file), e.edits]));
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

/** linkedom with the edits of LINKEDOM_EDITS. */
function requireEditedLinkedom(require: NodeJS.Require): typeof ParseHTML {
  return requireEdited<{ parseHTML: typeof ParseHTML }>(require, "linkedom", LINKEDOM_EDITS).parseHTML;
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
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
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
