// Refuses XML that declares entities: the billion-laughs and external-entity attacks both need a DOCTYPE with <!ENTITY.
import { IngestError } from "./types.js";

/** How far into the document the prolog may reach; a DOCTYPE beyond this is not one we scan, so it is refused. */
const PROLOG_LIMIT = 1 << 20;

/**
 * A DOCTYPE without an internal subset (the RSS 0.91 one) is harmless and allowed. The prolog is walked item by
 * item (declaration, processing instructions, comments, DOCTYPE) up to the root element, so a comment holding a
 * "<" cannot end the scan early and hide a later <!ENTITY.
 */
export function rejectEntityDeclarations(xml: string, origin: string): void {
  const refuse = (why: string): never => {
    throw new IngestError(`XML ${why} is refused: possible entity-expansion or external-entity attack`, origin);
  };
  let i = 0;
  const n = Math.min(xml.length, PROLOG_LIMIT);
  for (;;) {
    while (i < n && xml.charCodeAt(i) !== 60 /* < */) i++;
    if (i >= n) return;
    if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i + 2);
      if (end < 0) return;
      i = end + 2;
    } else if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i + 4);
      if (end < 0) return;
      i = end + 3;
    } else if (xml.slice(i, i + 9).toUpperCase() === "<!DOCTYPE") {
      const subset = doctypeSubset(xml, i + 9, n);
      if (subset === undefined) refuse("with an unterminated DOCTYPE");
      // Any declaration in an internal subset is refused: entities (general or parameter, internal or external) are
      // the attack, and feeds never need one.
      if (subset && /<!ENTITY|%[\w.:-]+;/i.test(subset)) refuse("with entity declarations (<!ENTITY>)");
      return;
    } else if (xml.startsWith("<!ENTITY", i) || xml.slice(i, i + 8).toUpperCase() === "<!ENTITY") {
      refuse("with entity declarations (<!ENTITY>)");
    } else {
      return; // the root element: nothing after it can declare entities
    }
  }
}

/** The internal subset of a DOCTYPE whose name starts at `from` ("" when it has none), or undefined when unterminated. */
function doctypeSubset(xml: string, from: number, n: number): string | undefined {
  let quote = 0;
  let subsetStart = -1;
  for (let i = from; i < n; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91 /* [ */ && subsetStart < 0) subsetStart = i + 1;
    else if (c === 93 /* ] */ && subsetStart >= 0) {
      const end = xml.indexOf(">", i);
      return end < 0 ? undefined : xml.slice(subsetStart, i);
    } else if (c === 62 /* > */ && subsetStart < 0) return "";
  }
  return undefined;
}
