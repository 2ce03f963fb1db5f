// Generators of hostile inputs for the fuzz suite: random bytes, broken HTML, lying charsets, bombs, regex pumps.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import iconv from "iconv-lite";

/** Sentences that give every stage something to do, so mutations land on real work rather than on an empty path. */
export const NEWS = [
  `Officials in the region said on Tuesday that 1,200 people had been evacuated after shelling overnight.`,
  `"We moved everyone we could before dawn," the governor, Anna Kovac, told reporters.`,
  `At least 14 buildings were damaged and about 3,000 homes were without power, according to the utility.`,
  `The ministry said repairs could take up to six weeks, but the mayor disputed that estimate.`,
  `Kovac added that more than 40 per cent of the city's water supply had been cut since May 3.`,
  `Police alleged the attack was planned, while the army denied any involvement.`,
];

/** Units whose repetition is known to trouble backtracking regexes and quadratic scans in text processors. */
export const PUMP_UNITS = [
  "a", " ", "\n", "\n\n", "\t", ".", ". ", "A. ", "Mr. ", "1", "1,", "1.", "1-", "-", "--", "\u2014", "'", "\"", "\u201c", "\u201d",
  "\u2018", "(", ")", "[", ",", ", ", "and ", "said ", "said, ", "\"said\" ", "A ", "Aa ", "John Smith ", "the ", "up to ", "more than ",
  "per cent ", "million ", "January ", "Monday ", "2024 ", "10:30 ", "a.m. ", "U.S. ", "Dr ", "St. ", "&amp;", "<", "<b>", "</p>",
  "http://", "@", "#", "%", "$", "\u00a0", "\u200b", "\ud800", "é", "ß", "\u0301", "x\u0300", "🙂", "\\", "/", ":", ";", "?", "!",
];

/** A plausible article of `n` sentences drawn from NEWS. */
export const articleText = fc.array(fc.constantFrom(...NEWS), { minLength: 1, maxLength: 8 }).map((s) => s.join(" "));

/** Inserts `piece` into `text` at a fraction `at` of its length. */
function insertAt(text: string, piece: string, at: number): string {
  const i = Math.floor(at * text.length);
  return text.slice(0, i) + piece + text.slice(i);
}

/** Text with a pumped unit (repeated many times) inside otherwise normal news: regex and quadratic-loop stress. */
export const pumpedText = (maxRepeat: number) =>
  fc
    .record({
      base: articleText,
      unit: fc.oneof(fc.constantFrom(...PUMP_UNITS), fc.string({ minLength: 1, maxLength: 4, unit: "grapheme" })),
      repeat: fc.integer({ min: 1, max: maxRepeat }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      tail: fc.constantFrom("", "!", "\u0000", "x", ".", "\""),
    })
    .map(({ base, unit, repeat, at, tail }) => insertAt(base, unit.repeat(repeat) + tail, at));

/** Unbalanced and mismatched quotation marks sprinkled through an article. */
export const unbalancedQuotes = fc
  .record({
    base: articleText,
    marks: fc.array(fc.record({ mark: fc.constantFrom("\"", "\u201c", "\u201d", "'", "\u2018", "\u2019", "«", "»", "``", "''"), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
  })
  .map(({ base, marks }) => marks.reduce((t, m) => insertAt(t, m.mark, m.at), base));

/** One long sentence with no full stop: `length` characters of words, commas and an occasional quotation mark. */
export function longSentence(length: number, seed = 1): string {
  const words = ["the", "minister", "said", "that", "about", "1,500", "people", "in", "Kharkiv", "had", "been", "moved", "\"quickly\"", "and", "more", "than", "40", "per", "cent", "Smith,", "Jones"];
  let s = "Officials";
  let x = seed;
  while (s.length < length) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += " " + words[x % words.length];
  }
  return s.slice(0, length);
}

/** HTML with random structure: nested tags, attributes, entities, scripts, comments, cut anywhere. */
const tagName = fc.constantFrom("div", "p", "span", "article", "section", "a", "b", "i", "blockquote", "q", "h1", "h2", "li", "ul", "table", "td", "tr", "script", "style", "noscript", "template", "svg", "math", "iframe", "br", "img", "meta", "title", "time", "figure", "figcaption", "pre", "code");
const attr = fc.oneof(
  fc.constant(` class="article-body"`),
  fc.constant(` itemprop="articleBody"`),
  fc.constant(` href="javascript:alert(1)"`),
  fc.constant(` onload="alert(1)"`),
  fc.constant(` datetime="2024-13-45T99:99"`),
  fc.constant(` content="text/html; charset=x-bogus"`),
  fc.string({ maxLength: 12 }).map((s) => ` ${s.replace(/[\s"'>=/]/g, "") || "x"}="${s.replace(/"/g, "&quot;")}"`),
);
const htmlNode: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...NEWS),
    fc.string({ maxLength: 40, unit: "grapheme" }),
    fc.constantFrom("&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "&", "<", "<!--", "-->", "<![CDATA[", "]]>", "</div>", "</p>"),
    fc.tuple(tagName, fc.array(attr, { maxLength: 3 }), fc.array(tie("node"), { maxLength: 4 })).map(([t, a, kids]) => `<${t}${a.join("")}>${kids.join("")}</${t}>`),
  ),
})).node;

export const randomHtml = fc
  .record({
    doctype: fc.constantFrom("", "<!doctype html>", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">"),
    head: fc.constantFrom("", "<meta charset=\"utf-8\">", "<meta charset=\"utf-16\">", "<meta charset=\"x-unknown\">", "<title>Title</title>", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"not a date\",\"author\":[{\"name\":null}]}</script>", "<script type=\"application/ld+json\">{bad json</script>"),
    body: fc.array(htmlNode, { maxLength: 12 }),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ doctype, head, body, cut }) => {
    const page = `${doctype}<html><head>${head}</head><body><article>${body.join("")}</article></body></html>`;
    // Truncated pages: a download cut short.
    return cut === undefined ? page : page.slice(0, Math.floor(cut * page.length));
  });

/** HTML nested `depth` levels deep around an article. */
export function deepHtml(depth: number, tag = "div"): string {
  return `<!doctype html><html><body>${`<${tag}>`.repeat(depth)}<p>${NEWS.join("</p><p>")}</p>${`</${tag}>`.repeat(depth)}</body></html>`;
}

/** Feeds: RSS / Atom skeletons with random item content, some with hostile prologs. */
export const randomFeed = fc
  .record({
    kind: fc.constantFrom("rss", "atom", "rdf"),
    prolog: fc.constantFrom("<?xml version=\"1.0\"?>", "", "<?xml version=\"1.0\" encoding=\"x-bogus\"?>", "<!-- <c> --><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">]>", "<!DOCTYPE rss SYSTEM \"http://169.254.169.254/x.dtd\">"),
    items: fc.array(fc.record({ title: fc.string({ maxLength: 30 }), body: fc.oneof(htmlNode, articleText), link: fc.constantFrom("", "http://127.0.0.1/x", "javascript:alert(1)", "not a url") }), { maxLength: 4 }),
    cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ kind, prolog, items, cut }) => {
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const body =
      kind === "atom"
        ? `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${items.map((i) => `<entry><title>${esc(i.title)}</title><link href="${esc(i.link)}"/><content type="html">${esc(i.body)}</content></entry>`).join("")}</feed>`
        : kind === "rdf"
          ? `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>F</title></channel>${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><description>${esc(i.body)}</description></item>`).join("")}</rdf:RDF>`
          : `<rss version="2.0"><channel><title>F</title>${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><description><![CDATA[${i.body}]]></description></item>`).join("")}</channel></rss>`;
    const xml = prolog + body;
    return cut === undefined ? xml : xml.slice(0, Math.floor(cut * xml.length));
  });

/** JSONL: good records, broken lines, wrong types, deeply nested values. */
export const randomJsonl = fc
  .array(
    fc.oneof(
      articleText.map((text) => JSON.stringify({ text, title: "T", published: "2024-05-01" })),
      fc.string({ maxLength: 40 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.record({ text: fc.oneof(fc.constant(""), fc.integer(), fc.constant(null), fc.string()), published: fc.string(), html: fc.oneof(fc.constant(undefined), htmlNode) }).map((r) => JSON.stringify(r)),
      fc.integer({ min: 100, max: 5000 }).map((d) => `{"text":"a","x":${"[".repeat(d)}${"]".repeat(d)}}`),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((lines) => lines.join("\n"));

/** Text encoded in one charset and declared as another (or as nothing), in HTML or as bare bytes. */
export const lyingCharset = fc
  .record({
    text: articleText.map((t) => `${t} Café, naïve, Zürich — “quoted” ¥ 漢字 😀`),
    actual: fc.constantFrom("utf-8", "utf-16le", "utf-16be", "windows-1252", "shift_jis", "koi8-r", "gbk"),
    declared: fc.constantFrom("", "utf-8", "utf-16", "iso-8859-1", "shift_jis", "x-bogus-charset", "utf-7", "UTF-32", "../../etc/passwd"),
    html: fc.boolean(),
  })
  .map(({ text, actual, declared, html }) => {
    const doc = html ? `<!doctype html><html><head>${declared ? `<meta charset="${declared}">` : ""}</head><body><article><p>${text}</p></article></body></html>` : text;
    return new Uint8Array(iconv.encode(doc, actual));
  });

/** Random bytes, sometimes behind a gzip header or a BOM so the sniffers take their less-travelled paths. */
export const randomBytes = fc
  .record({ bytes: fc.uint8Array({ maxLength: 4096 }), prefix: fc.constantFrom("", "gzip", "bom8", "bom16", "html", "xml", "json") })
  .map(({ bytes, prefix }) => {
    switch (prefix) {
      case "gzip":
        return new Uint8Array(gzipSync(bytes));
      case "bom8":
        return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
      case "bom16":
        return new Uint8Array([0xff, 0xfe, ...bytes]);
      case "html":
        return new Uint8Array([...Buffer.from("<!doctype html><html><body><p>"), ...bytes]);
      case "xml":
        return new Uint8Array([...Buffer.from("<?xml version=\"1.0\"?><rss><channel><item><description>"), ...bytes]);
      case "json":
        return new Uint8Array([...Buffer.from("{\"text\":\""), ...bytes]);
      default:
        return bytes;
    }
  });

/**
 * Metadata fields with a pumped unit: bylines, dates and titles in RSS, Atom, HTML meta tags, JSON-LD and JSONL.
 * The pumps of `pumpedText` reach the article text; these reach the byline, date and feed-person parsers (where
 * a run of "(" in an RSS <author> once took 13 s).
 */
export const pumpedFields = (maxRepeat: number) =>
  fc
    .record({
      unit: fc.oneof(fc.constantFrom(...PUMP_UNITS, "(", "[", "<", "&lt;", "(a", "By ", "on ", "in A ", "Updated ", "2024-05-01T", "+01:00"), fc.string({ minLength: 1, maxLength: 3 })),
      repeat: fc.integer({ min: 1, max: maxRepeat }),
      field: fc.constantFrom("author", "date", "title"),
      shape: fc.constantFrom("rss", "atom", "meta", "jsonld", "jsonl"),
    })
    .map(({ unit, repeat, field, shape }) => {
      const v = `Jane Doe ${unit.repeat(repeat)}`;
      const x = v.replace(/&(?!lt;)/g, "&amp;").replace(/</g, "&lt;");
      const q = v.replace(/[<>"&]/g, "");
      const f = (name: string) => (name === field ? v : name === "author" ? "Jane Doe" : name === "date" ? "2024-05-01T10:00:00Z" : "A title");
      const text = NEWS.join(" ");
      switch (shape) {
        case "rss":
          return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>F</title><managingEditor>${field === "author" ? x : "ed@x.example (Ed)"}</managingEditor><item><title>${field === "title" ? x : "A title"}</title><author>${field === "author" ? x : "j@x.example (Jane Doe)"}</author><dc:creator>${field === "author" ? x : "Jane Doe"}</dc:creator><pubDate>${field === "date" ? x : "Wed, 01 May 2024 10:00:00 GMT"}</pubDate><description>${text}</description></item></channel></rss>`;
        case "atom":
          return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>${field === "title" ? x : "A title"}</title><author><name>${field === "author" ? x : "Jane Doe"}</name></author><published>${field === "date" ? x : "2024-05-01T10:00:00Z"}</published><content type="text">${text}</content></entry></feed>`;
        case "meta":
          return `<!doctype html><html><head><title>${field === "title" ? x : "A title"}</title><meta name="author" content="${field === "author" ? q : "Jane Doe"}"><meta property="article:published_time" content="${field === "date" ? q : "2024-05-01T10:00:00Z"}"></head><body><article><p class="byline">By ${field === "author" ? x : "Jane Doe"}</p><p>${NEWS.join("</p><p>")}</p></article></body></html>`;
        case "jsonld":
          return `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify({ "@type": "NewsArticle", headline: f("title"), author: { name: f("author") }, datePublished: f("date") }).replace(/</g, "\\u003c")}</script></head><body><article><p>${NEWS.join("</p><p>")}</p></article></body></html>`;
        default:
          return `${JSON.stringify({ text, title: f("title"), author: f("author"), published: f("date") })}\n`;
      }
    });

/** A gzip member that inflates to `inflated` bytes of one repeated byte: a classic decompression bomb. */
export function gzipBomb(inflated: number): Uint8Array {
  return new Uint8Array(gzipSync(Buffer.alloc(inflated, 0x41), { level: 9 }));
}

/** Every kind of hostile input, by name, as string or bytes. */
export function hostileGenerators(maxRepeat: number): Record<string, fc.Arbitrary<string | Uint8Array>> {
  return {
    pumped: pumpedText(maxRepeat),
    fields: pumpedFields(maxRepeat),
    quotes: unbalancedQuotes,
    html: randomHtml,
    feed: randomFeed,
    jsonl: randomJsonl,
    charset: lyingCharset,
    bytes: randomBytes,
    binaryString: fc.string({ maxLength: 2000, unit: "binary" }),
    graphemes: fc.string({ maxLength: 500, unit: "grapheme" }).map((s) => `${NEWS[0]} ${s} ${NEWS[1]}`),
  };
}

export interface LabelledInput {
  generator: string;
  input: string | Uint8Array;
}

/** One input from any generator, labelled with the generator's name for reports. */
export function anyHostileInput(maxRepeat: number): fc.Arbitrary<LabelledInput> {
  return fc.oneof(...Object.entries(hostileGenerators(maxRepeat)).map(([generator, arb]) => arb.map((input) => ({ generator, input }))));
}

const BATCH = 50;

/**
 * The i-th input of a long run (`npm run fuzz`): batches of BATCH inputs, each sampled with its own seed, so any
 * input can be regenerated from the run's seed and its index (test/fuzz/replay.ts). The batch seed is the run's
 * seed scrambled, plus the batch number: with `seed + batch`, runs with seeds 7 and 11 shared all but 4 batches.
 */
export function fuzzInputAt(settings: { seed: number; maxRepeat: number }, index: number): LabelledInput {
  const batch = Math.floor(index / BATCH);
  const base = Math.imul(settings.seed ^ 0x5bd1e995, 0x9e3779b1);
  const items = fc.sample(anyHostileInput(settings.maxRepeat), { numRuns: BATCH, seed: (base + batch) | 0 });
  return items[index % BATCH]!;
}
