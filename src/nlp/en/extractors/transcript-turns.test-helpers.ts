// Test helper for transcript turns: the quote stages with the transcript stage first, as the English pipeline runs them.
import type { Quote } from "../../../core/annotations.js";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import { quoteAttribution } from "../refiners/quote-attribution.js";
import { quoteContinuation } from "../refiners/quote-continuation.js";
import { directQuotes } from "./direct-quotes.js";
import { indirectQuotes } from "./indirect-quotes.js";
import { paragraphs } from "./paragraphs.js";
import { handEntities, type HandEntity } from "./quotes.test-helpers.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";
import { TURN_SOURCE, transcriptTurns } from "./transcript-turns.js";

/** Runs segmentation, hand-made entities and the quote stages with transcript turns; returns the quote layer. */
export function runWithTurns(text: string, entities: readonly HandEntity[] = []): Quote[] {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens, handEntities(entities), transcriptTurns, directQuotes, indirectQuotes, quoteContinuation, quoteAttribution]).run(doc);
  for (const m of doc.messages) if (/failed/.test(m.text)) throw new Error(`${m.stage}: ${m.text}`);
  return doc.get("quote");
}

/** The quotes the transcript stage made. */
export const turnsOf = (qs: readonly Quote[]): Quote[] => qs.filter((q) => q.source === TURN_SOURCE);
