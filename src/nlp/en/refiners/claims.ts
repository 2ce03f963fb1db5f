// PLACEHOLDER (being written): claims with certainty status
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const claims: Stage = {
  name: "claims",
  kind: "refiner",
  requires: ["hedge", "quote", "quantity"],
  provides: ["claim"],
  run(doc: Document) {
    doc.set("claim", []);
  },
};
