// Drops the reported-speech quotes the learned report filter doubts, and gives the kept ones its probability as confidence.
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import { filterReports } from "../attribution/report-filter.js";

export const reportFilter: Stage = {
  name: "reportFilter",
  kind: "refiner",
  requires: ["quote", "token", "sentence"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", filterReports(doc, doc.get("quote")));
  },
  // skipped by the time budget: the rules' quotes stand as they are (a valid layer already)
  whenSkipped() {},
};
