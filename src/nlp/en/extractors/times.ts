// PLACEHOLDER (being written): dates normalised against publication
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const times: Stage = {
  name: "times",
  kind: "extractor",
  requires: ["sentence"],
  provides: ["time"],
  run(doc: Document) {
    doc.set("time", []);
  },
};
