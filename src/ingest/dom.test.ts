// Tests of the DOM layer: linkedom's edited hot spots (className, event listeners) behave as published.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { classAttribute, htmlClassName, parseDocument, type DomElement } from "./dom.js";

const MANY = Array.from({ length: 20 }, (_, i) => `card-${i}`);
// repeats are sought pairwise up to 16 tokens and by a Set beyond: both sides, with and without a repeat
const CLASSES = ["", "a", "a b", " a  b ", "b a b", "a\tb\nc", "  ", "x-y  x-y z", "story story", "lead card wide card",
  MANY.slice(0, 16).join(" "), [...MANY.slice(0, 15), "card-3"].join(" "), MANY.join(" "), [...MANY, "card-0"].join(" ")];

test("className without a classList reads as the classList would (split on whitespace, no empties, no repeats)", () => {
  const html = CLASSES.map((c, i) => `<p id="a${i}" class="${c}">x</p><p id="b${i}" class="${c}">x</p>`).join("");
  const doc = parseDocument(`<html><body>${html}<p id="none">x</p></body></html>`);
  CLASSES.forEach((c, i) => {
    const fresh = doc.querySelector(`#a${i}`)!;
    const viaList = doc.querySelector(`#b${i}`)! as DomElement & { classList: { value: string } };
    assert.equal(fresh.className, viaList.classList.value, JSON.stringify(c));
    assert.equal(fresh.getAttribute("class"), viaList.classList.value, JSON.stringify(c));
  });
  assert.equal(doc.querySelector("#none")!.className, "");
  assert.equal(CLASSES.length, 14);
});

test("className follows classList changes and attribute changes", () => {
  const doc = parseDocument(`<html><body><p id="p" class="a b">x</p></body></html>`);
  const p = doc.querySelector("#p")! as DomElement & { classList: { add(c: string): void; remove(c: string): void }; setAttribute(n: string, v: string): void };
  p.classList.add("c");
  assert.equal(p.className, "a b c");
  p.classList.remove("a");
  assert.equal(p.className, "b c");
  p.setAttribute("class", "d  d e");
  assert.equal(p.className, "d e");
});

test("event listeners still work: added, dispatched, removed", () => {
  const doc = parseDocument(`<html><body><p id="p">x</p></body></html>`) as unknown as {
    querySelector(s: string): { addEventListener(t: string, f: () => void): void; removeEventListener(t: string, f: () => void): void; dispatchEvent(e: unknown): boolean };
  };
  // linkedom's own Event (Node's is read-only where linkedom writes); the same, already loaded, module
  const { Event } = createRequire(import.meta.url)("linkedom") as { Event: new (t: string) => unknown };
  const p = doc.querySelector("#p");
  let calls = 0;
  const listener = (): void => { calls++; };
  // dispatching to a node nobody listens to, and removing a listener never added, must not throw
  p.dispatchEvent(new Event("ping"));
  p.removeEventListener("ping", listener);
  p.addEventListener("ping", listener);
  p.dispatchEvent(new Event("ping"));
  p.removeEventListener("ping", listener);
  p.dispatchEvent(new Event("ping"));
  assert.equal(calls, 1);
});

test("the edits apply to the installed linkedom (an upgrade that changed its source would silently lose them)", () => {
  const doc = parseDocument(`<html><body><p id="p">x</p></body></html>`);
  let proto: object | null = doc.querySelector("#p");
  let getter: (() => unknown) | undefined;
  while (proto && !getter) {
    getter = Object.getOwnPropertyDescriptor(proto, "className")?.get;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  assert.ok(getter, "no className getter");
  assert.match(String(getter), /getAttributeNode\('class'\)/);
});

/** The element's own DOMTokenList slot (linkedom keeps it under a Symbol("classList")); null until first use. */
const classListSlot = (el: object): unknown => {
  const sym = Object.getOwnPropertySymbols(el).find((s) => s.description === "classList");
  assert.ok(sym, "linkedom keeps no classList slot");
  return (el as Record<symbol, unknown>)[sym];
};

test("the parser writes class attributes normalised as className did, and builds no classList for them", () => {
  const html = CLASSES.map((c, i) => `<p id="a${i}" class="${c}">x</p>`).join("");
  const doc = parseDocument(`<html><body>${html}<svg id="s" class=" s  t s"></svg></body></html>`);
  CLASSES.forEach((c, i) => {
    const el = doc.querySelector(`#a${i}`)! as DomElement & { outerHTML: string; classList: Set<string> };
    assert.equal(classListSlot(el), null, JSON.stringify(c));
    const normal = [...new Set(c.split(/\s+/).filter(Boolean))].join(" ");
    // (linkedom writes an empty class attribute as none)
    assert.equal(el.outerHTML, `<p id="a${i}"${normal ? ` class="${normal}"` : ""}>x</p>`);
    // built on first use, from the attribute: the same tokens
    assert.deepEqual([...el.classList], normal ? normal.split(" ") : []);
  });
  const svg = doc.querySelector("#s")! as DomElement & { outerHTML: string };
  assert.equal(svg.getAttribute("class"), "s t");
  assert.equal(svg.outerHTML, `<svg id="s" class="s t" />`);
});

test("compiled selectors are kept per selector and document mode, and still match each document's own elements", () => {
  const a = parseDocument(`<html><body><div><p id="a1">x</p><h2>t</h2><p id="a2">y</p></div></body></html>`);
  const b = parseDocument(`<html><body><p id="b1">z</p><section><h2>u</h2></section></body></html>`);
  const ids = (list: ArrayLike<DomElement>): string[] => Array.from(list, (el) => el.id || el.localName);
  assert.deepEqual(ids(a.querySelectorAll("p,h2")), ["a1", "h2", "a2"]);
  assert.deepEqual(ids(b.querySelectorAll("p,h2")), ["b1", "h2"]);
  assert.deepEqual(ids(a.querySelectorAll("p,h2")), ["a1", "h2", "a2"]);
  // an element's query stays inside it, and :scope still means that element
  const section = b.querySelector("section")!;
  assert.deepEqual(ids(section.querySelectorAll("p,h2")), ["h2"]);
  const div = a.querySelector("div")!;
  assert.deepEqual(ids(div.querySelectorAll(":scope > p")), ["a1", "a2"]);
  assert.equal(b.querySelector("div"), null);
  // XML documents match case-sensitively: the same selector text is compiled apart for them
  const { DOMParser } = createRequire(import.meta.url)("linkedom") as { DOMParser: new () => { parseFromString(s: string, t: string): { querySelectorAll(s: string): ArrayLike<unknown> } } };
  const xml = new DOMParser().parseFromString(`<root><P>x</P><p>y</p></root>`, "text/xml");
  assert.equal(xml.querySelectorAll("p").length, 1);
  assert.equal(a.querySelectorAll("P").length, 2);
});

test("the selector cache applies to the installed linkedom", () => {
  parseDocument(`<html><body><p>x</p></body></html>`).querySelectorAll("p");
  const require = createRequire(import.meta.url);
  const file = Object.keys(require.cache).find((f) => /linkedom[\\/]cjs[\\/]shared[\\/]matches\.js$/.test(f));
  assert.ok(file, "linkedom's matches.js not loaded");
  assert.match(String((require.cache[file]!.exports as { prepareMatch: unknown }).prepareMatch), /compiledMatchers/);
});

test("the edited tokenizer (jumps over text and attribute values) reads entities, stray '<' and '&', and unfinished markup as before", () => {
  // expected: linkedom's serialisation with the unedited htmlparser2 10.1.0
  const cases: Array<[string, string]> = [
    [`<p title="a &amp; b" class='x&lt;y'>Tom &amp; Jerry &copy 2024 &notit; fish &#x41;&#66;</p>`,
      `<body><p title="a & b" class="x<y">Tom &amp; Jerry © 2024 ¬it; fish AB</p></body>`],
    [`<p>one < two, 3<4 & 5>2 &</p><p>tail &amp`, `<body><p>one &lt; two, 3&lt;4 &amp; 5&gt;2 &amp;</p><p>tail &amp;</p></body>`],
    [`<div data-x="unterminated value & <b>bold</b>`, `<body></body>`],
    [`<p>text at the very end`, `<body><p>text at the very end</p></body>`],
    [`<a href='/x?a=1&b=2'>q&quot;s</a><!-- a -- comment --><p>after</p>`, `<body><a href="/x?a=1&b=2">q"s</a><!-- a -- comment --><p>after</p></body>`],
    [`<title>A &amp; B</title><textarea>x &lt; y</textarea><p>z</p>`, `<body><title>A & B</title><textarea>x &lt; y</textarea><p>z</p></body>`],
  ];
  for (const [html, expected] of cases) assert.equal(String(parseDocument(`<html><body>${html}</body></html>`).body), expected, html);
  const require = createRequire(import.meta.url);
  const file = Object.keys(require.cache).find((f) => /htmlparser2[\\/]dist[\\/]commonjs[\\/]Tokenizer\.js$/.test(f));
  assert.ok(file, "htmlparser2's Tokenizer.js not loaded");
  assert.equal(typeof (require.cache[file]!.exports as { default: { prototype: { skipPlain?: unknown } } }).default.prototype.skipPlain, "function", "the tokenizer edit did not apply");
});

test("classAttribute reads what className gives, before and after classList changes; htmlClassName is empty for SVG", () => {
  const doc = parseDocument(`<html><body><p id="p" class=" a  b a ">x</p><p id="q">y</p><svg id="s" class="icon"><path class="z"/></svg></body></html>`);
  const p = doc.querySelector("#p")! as DomElement & { classList: { add(c: string): void } };
  assert.equal(classAttribute(p), p.className);
  assert.equal(classAttribute(p), "a b");
  p.classList.add("c");
  assert.equal(classAttribute(p), "a b c");
  assert.equal(classAttribute(p), p.className);
  assert.equal(classAttribute(doc.querySelector("#q")!), "");
  const svg = doc.querySelector("#s")!;
  assert.equal(classAttribute(svg), "icon");
  assert.equal(htmlClassName(svg), "");
  assert.equal(htmlClassName(p), "a b c");
});

test("the edited end markers and tag names: the same keys and prototype, upper-cased names, edits applied", () => {
  const doc = parseDocument(`<html><body><section id="s"><p>one</p><custom-tag>two</custom-tag></section></body></html>`);
  const section = doc.querySelector("#s")!;
  const symbols = Object.getOwnPropertySymbols(section).map(String);
  const endSymbol = Object.getOwnPropertySymbols(section).find((s) => String(s) === "Symbol(end)");
  assert.ok(endSymbol, `no end marker among ${symbols.join(", ")}`);
  const end = (section as unknown as Record<symbol, object>)[endSymbol];
  assert.equal(Object.getPrototypeOf(end), Object.prototype);
  assert.deepEqual(Reflect.ownKeys(end).map(String), ["nodeType", "ownerDocument", "parentNode", "Symbol(next)", "Symbol(prev)", "Symbol(start)"]);
  // the tree walks as before: children, siblings and text through the end markers
  assert.deepEqual(Array.from(section.children, (c) => c.tagName), ["P", "CUSTOM-TAG"]);
  assert.equal(section.textContent, "onetwo");
  assert.equal(section.firstElementChild!.nextElementSibling!.nodeName, "CUSTOM-TAG");
  assert.equal(doc.getElementsByTagName("custom-tag").length, 1);
  const require = createRequire(import.meta.url);
  const source = (re: RegExp): string => {
    const file = Object.keys(require.cache).find((f) => re.test(f));
    assert.ok(file, `${re} not loaded`);
    return String(Object.values(require.cache[file]!.exports as object).find((v) => typeof v === "function" && /upperNames|NodeEnd/.test(String(v))) ?? "");
  };
  assert.match(source(/linkedom[\\/]cjs[\\/]shared[\\/]utils\.js$/), /upperNames/, "the tagName edit did not apply");
  assert.match(source(/linkedom[\\/]cjs[\\/]mixin[\\/]parent-node\.js$/), /NodeEnd/, "the end-marker edit did not apply");
});
