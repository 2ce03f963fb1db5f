// PLACEHOLDER (being written): direct, indirect and mixed quotes with speakers
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const quotes: Stage = {
  name: "quotes",
  kind: "extractor",
  requires: ["token", "entity"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", []);
  },
};
