// PLACEHOLDER (being written): mentions clustered into entities with descriptors and affiliations
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const entityResolution: Stage = {
  name: "entityResolution",
  kind: "refiner",
  requires: ["mention"],
  provides: ["entity"],
  run(doc: Document) {
    doc.set("entity", []);
  },
};
