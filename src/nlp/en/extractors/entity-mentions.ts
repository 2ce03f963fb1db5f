// PLACEHOLDER (being written): names, groups and nationalities in the text
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";

export const entityMentions: Stage = {
  name: "entityMentions",
  kind: "extractor",
  requires: ["token"],
  provides: ["mention"],
  run(doc: Document) {
    doc.set("mention", []);
  },
};
