// Test helper for the quote stages: runs segmentation and the quote stages alone, with hand-made entity layers.
import type { Entity, Mention, Quote } from "../../../core/annotations.js";
import { Document } from "../../../core/document.js";
import { Pipeline, type Stage } from "../../../core/pipeline.js";
import { quoteAttribution } from "../refiners/quote-attribution.js";
import { quoteContinuation } from "../refiners/quote-continuation.js";
import { directQuotes } from "./direct-quotes.js";
import { indirectQuotes } from "./indirect-quotes.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

export interface HandEntity {
  name: string;
  type?: Entity["type"];
  gender?: "female" | "male";
  aliases?: string[];
  descriptors?: string[];
  roles?: string[];
  /** surface forms whose every occurrence is a mention of this entity */
  forms?: string[];
}

/** A stage that sets the mention and entity layers from a hand-made list (every occurrence of each form). */
export function handEntities(list: readonly HandEntity[]): Stage {
  return {
    name: "handEntities",
    kind: "extractor",
    requires: [],
    provides: ["mention", "entity"],
    run(doc: Document) {
      const mentions: Mention[] = [];
      const entities: Entity[] = list.map((h, n) => ({
        id: `e${n + 1}`, type: h.type ?? "PERSON", name: h.name, aliases: h.aliases ?? [], mentions: [],
        descriptors: h.descriptors ?? [], roles: h.roles ?? [], affiliations: [], gender: h.gender,
      }));
      list.forEach((h, n) => {
        for (const form of [...new Set([h.name, ...(h.aliases ?? []), ...(h.forms ?? [])])]) {
          const re = new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
          for (const m of doc.text.matchAll(re)) {
            const span: [number, number] = [m.index, m.index + m[0].length];
            if (mentions.some((x) => x.span[0] < span[1] && span[0] < x.span[1])) continue;
            mentions.push({ span, text: m[0], type: entities[n]!.type as Mention["type"], entity: `e${n + 1}`, source: "hand" });
            entities[n]!.mentions.push(span);
          }
        }
      });
      mentions.sort((a, b) => a.span[0] - b.span[0]);
      doc.set("mention", mentions);
      doc.set("entity", entities);
    },
  };
}

/** Runs segmentation and the quote stages on `text`; returns the quote layer in text order. */
export function runQuotes(text: string, entities: readonly HandEntity[] = []): Quote[] {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens, handEntities(entities), directQuotes, indirectQuotes, quoteContinuation, quoteAttribution]).run(doc);
  for (const m of doc.messages) if (/failed/.test(m.text)) throw new Error(`${m.stage}: ${m.text}`);
  return doc.get("quote");
}

/** A compact view for assertions: kind | speaker name | text. */
export const brief = (q: Quote): string => `${q.kind} | ${q.speaker?.name ?? "-"} | ${q.text}`;
