// Tells the kind of input apart by its content: HTML, a feed (XML or JSON Feed), JSON/JSONL articles, or plain text.

export type InputKind = "html" | "feed" | "json" | "text";

const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|header|span|h[1-6]|table|ul|ol|script|style|link|base|noscript|!--)[\s>/]/i;
const FEED_ROOT = /<(?:rss|feed|rdf:rdf|channel)[\s>]/i;
const HTML_ANYWHERE = /<(?:html|body)[\s>]/i;
const JSON_START = /^(?:\{\s*(?:"|\})|\[\s*(?:[{["\]\d-]|true|false|null|$))/;

/**
 * Decides from the first few kilobytes (as Latin-1 or decoded text: every marker is ASCII).
 * Plain text wins whenever markup is not unmistakable, because misreading text as HTML would lose its offsets.
 */
export function detectKind(head: string): InputKind {
  let i = 0;
  if (head.charCodeAt(0) === 0xfeff) i = 1;
  else if (head.startsWith("\xef\xbb\xbf")) i = 3;
  while (i < head.length && /\s/.test(head[i]!)) i++;
  const start = head.slice(i, i + 4096);
  const c = start[0];
  // "[Updated] The minister…" is text: JSON must open with a key, a value or a nested structure.
  if (c === "{" || c === "[") return JSON_START.test(start) ? "json" : "text";
  if (c !== "<") {
    // Some saved pages carry a little junk before the doctype; real text rarely contains <html> near its start.
    const at = start.search(/<(?:!doctype\s+html|html)[\s>]/i);
    return at >= 0 && at < 256 ? "html" : "text";
  }
  if (/^<\?xml/i.test(start)) {
    const afterDecl = start.replace(/^<\?xml[^>]*>/i, "");
    return FEED_ROOT.test(afterDecl) && !/<html[\s>]/i.test(afterDecl.slice(0, 600)) ? "feed" : HTML_ANYWHERE.test(afterDecl) ? "html" : "feed";
  }
  if (/^<(?:rss|feed|rdf:rdf)[\s>]/i.test(start)) return "feed";
  if (/^<!doctype\s+(?:rss|feed|rdf)/i.test(start)) return "feed";
  if (HTML_START.test(start)) return "html";
  return HTML_ANYWHERE.test(start) ? "html" : "text";
}
