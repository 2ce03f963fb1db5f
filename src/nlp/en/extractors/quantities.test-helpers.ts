// Test helper for the figure stage: segments a text and runs quantities on hand-built quote/time/entity layers.
import type { Entity, Quantity, Quote, Time } from "../../../core/annotations.js";
import { Document } from "../../../core/document.js";
import { paragraphs } from "./paragraphs.js";
import { quantities } from "./quantities.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

export interface HandLayers {
  quotes?: Quote[];
  times?: Time[];
  entities?: Entity[];
}

/** The figures of `text`, with only segmentation run before (other layers as given, else empty). */
export function figures(text: string, layers: HandLayers = {}): Quantity[] {
  const doc = new Document(text, { published: "2024-10-26" });
  for (const stage of [paragraphs, sentences, tokens]) stage.run(doc);
  doc.set("mention", []);
  doc.set("quote", layers.quotes ?? []);
  doc.set("time", layers.times ?? []);
  doc.set("entity", layers.entities ?? []);
  quantities.run(doc);
  return doc.get("quantity");
}

/** The figure whose text contains `snippet`. */
export function figure(text: string, snippet: string, layers?: HandLayers): Quantity | undefined {
  return figures(text, layers).find((q) => q.text.includes(snippet));
}
