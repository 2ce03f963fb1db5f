// Test helpers for the NER merge: the rule and model stages over a text, and hand-made rule and model mentions.
import type { Mention } from "../../../core/annotations.js";
import { Document } from "../../../core/document.js";
import type { NerMention } from "../ner/model.js";
import { entityMentions } from "./entity-mentions.js";
import { nerMentions } from "./ner-mentions.js";
import { paragraphs } from "./paragraphs.js";
import { sentences } from "./sentences.js";
import { tokens } from "./tokens.js";

/** The mentions after segmentation, the rule mentions and the NER merge. */
export function runMentions(text: string): Mention[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens, entityMentions, nerMentions]) s.run(doc);
  return doc.get("mention");
}

/** A model mention of `text` (first occurrence in `whole`). */
export const modelMention = (text: string, whole: string, conll: NerMention["conll"], type: NerMention["type"] = "MISC"): NerMention => {
  const a = whole.indexOf(text);
  return { start: 0, end: 1, span: [a, a + text.length], text, type, conll };
};

/** A rule mention of `text` (first occurrence in `whole`). */
export const ruleMention = (text: string, whole: string, type: Mention["type"], source = "entityMentions"): Mention => {
  const a = whole.indexOf(text);
  return { span: [a, a + text.length], text, type, source };
};
