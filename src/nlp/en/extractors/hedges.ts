// PLACEHOLDER (being written): certainty cue words
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const hedges: Stage = {
  name: "hedges",
  kind: "extractor",
  requires: ["token"],
  provides: ["hedge"],
  run(doc: Document) {
    doc.set("hedge", []);
  },
};
