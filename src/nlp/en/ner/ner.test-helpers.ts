// Test helper: run the repo's paragraph, sentence and token stages, then the shipped NER model over the token table.
import { Document } from "../../../core/document.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { loadNerModel, type NerMention } from "./model.js";

export function nerMentions(text: string): NerMention[] {
  const doc = new Document(text);
  for (const s of [paragraphs, sentences, tokens]) s.run(doc);
  return loadNerModel().tagTokens(doc.text, doc.get("token"), doc.get("sentence"));
}

/** "text/TYPE" of every mention, in order. */
export const typed = (text: string): string[] => nerMentions(text).map((m) => `${m.text}/${m.type}`);
