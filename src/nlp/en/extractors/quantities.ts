// PLACEHOLDER (being written): figures with bounds, counted thing and claimant
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const quantities: Stage = {
  name: "quantities",
  kind: "extractor",
  requires: ["token", "quote", "time", "entity"],
  provides: ["quantity"],
  run(doc: Document) {
    doc.set("quantity", []);
  },
};
