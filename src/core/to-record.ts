// Turns a processed Document into the v1 ArticleRecord (DESIGN.md §2), dropping working fields.
import type { Document } from "./document.js";
import {
  RECORD_SCHEMA, type ArticleRecord, type ClaimRecord, type EntityRecord, type QuantityRecord, type QuoteRecord,
  type TimeRecord,
} from "./record.js";

/** Drops undefined fields and empty optional lists so records stay small and stable. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    out[k] = v;
  }
  return out as T;
}

export function toRecord(doc: Document): ArticleRecord {
  const entities: EntityRecord[] = doc.maybe("entity").map((e) =>
    compact({
      id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions,
      descriptors: e.descriptors?.length ? e.descriptors : undefined,
      roles: e.roles?.length ? e.roles : undefined,
      affiliations: e.affiliations?.length ? e.affiliations : undefined,
      geo: e.geo,
    }),
  );
  const quotes: QuoteRecord[] = doc.maybe("quote").map(({ source: _s, ...q }) => compact(q));
  const quantities: QuantityRecord[] = doc.maybe("quantity").map(({ source: _s, ...q }) => compact(q));
  const times: TimeRecord[] = doc.maybe("time").map(({ source: _s, ...t }) => compact(t));
  const claims: ClaimRecord[] = doc.maybe("claim").map(({ source: _s, ...c }) => compact(c));
  const record: ArticleRecord = {
    schema: RECORD_SCHEMA,
    id: doc.id,
    source: compact(doc.source),
    text: doc.text,
    entities, quotes, quantities, times, claims,
  };
  if (doc.messages.length) record.warnings = doc.messages.map((m) => `${m.stage}: ${m.text}`);
  return record;
}
