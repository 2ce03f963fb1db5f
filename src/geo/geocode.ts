// PLACEHOLDER (being written): places geocoded from the gazetteer
import type { Document } from "../core/document.js";
import type { Stage } from "../core/pipeline.js";

export const geocode: Stage = {
  name: "geocode",
  kind: "refiner",
  requires: ["entity"],
  provides: [],
  run(doc: Document) {
    void doc;
  },
};
