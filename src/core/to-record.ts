// Turns a processed Document into the v1 ArticleRecord (DESIGN.md §2), dropping working fields.
import type { Document } from "./document.js";
import {
  RECORD_SCHEMA, type ArticleRecord, type ClaimRecord, type EntityRecord, type QuantityRecord, type QuoteRecord,
  type TimeRecord,
} from "./record.js";

/**
 * Copies an object without its undefined fields and without the working field `skip` (a stage's `source` tag), in
 * one pass: records stay small and stable, and no intermediate copy is made per quote, figure, time or claim.
 */
function compact<T extends object>(o: object, skip?: string): T {
  const out: Record<string, unknown> = {};
  for (const k in o) {
    if (k === skip) continue;
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}

export function toRecord(doc: Document): ArticleRecord {
  const entities: EntityRecord[] = doc.maybe("entity").map((e) =>
    compact<EntityRecord>({
      id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions,
      descriptors: e.descriptors?.length ? e.descriptors : undefined,
      roles: e.roles?.length ? e.roles : undefined,
      affiliations: e.affiliations?.length ? e.affiliations : undefined,
      geo: e.geo,
    }),
  );
  const quotes: QuoteRecord[] = doc.maybe("quote").map((q) => compact(q, "source"));
  const quantities: QuantityRecord[] = doc.maybe("quantity").map((q) => compact(q, "source"));
  const times: TimeRecord[] = doc.maybe("time").map((t) => compact(t, "source"));
  const claims: ClaimRecord[] = doc.maybe("claim").map((c) => compact(c, "source"));
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
