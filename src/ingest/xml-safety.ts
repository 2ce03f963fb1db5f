// Refuses XML that declares entities: the billion-laughs and external-entity attacks both need a DOCTYPE with <!ENTITY.
import { IngestError } from "./types.js";

/**
 * A DOCTYPE without an internal subset (the RSS 0.91 one) is harmless and allowed. Only the head is scanned:
 * a DOCTYPE must precede the root element.
 */
export function rejectEntityDeclarations(xml: string, origin: string): void {
  const rootAt = xml.search(/<(?![?!])/);
  const prolog = rootAt >= 0 ? xml.slice(0, rootAt) : xml.slice(0, 65536);
  if (/<!DOCTYPE/i.test(prolog) && /<!ENTITY/i.test(prolog)) {
    throw new IngestError("XML with entity declarations (<!ENTITY>) is refused: possible entity-expansion attack", origin);
  }
}
