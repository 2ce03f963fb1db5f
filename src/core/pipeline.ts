// Stages and the pipeline that runs them in order, checking once that each stage's inputs are provided.
import { emptyTokenTable, type LayerName } from "./annotations.js";
import type { Document } from "./document.js";

/** Extractors propose annotations; refiners merge, filter and resolve them (chrono-node's split). */
export interface Stage {
  name: string;
  kind: "extractor" | "refiner";
  requires: readonly LayerName[];
  provides: readonly LayerName[];
  run(doc: Document): void;
}

export class PipelineError extends Error {}

export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    const provided = new Set<LayerName>();
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!provided.has(need)) {
          throw new PipelineError(`stage "${stage.name}" requires layer "${need}", which no earlier stage provides`);
        }
      }
      for (const p of stage.provides) provided.add(p);
    }
    this.stages = stages;
  }

  /**
   * Runs every stage. A stage that throws leaves a warning and the document goes on: one faulty
   * rule must not cost the whole record. Layers it should have provided are set empty if missing.
   */
  run(doc: Document): Document {
    for (const stage of this.stages) {
      const t0 = performance.now();
      try {
        stage.run(doc);
      } catch (err) {
        doc.warn(stage.name, `stage failed: ${err instanceof Error ? err.message : String(err)}`);
        for (const p of stage.provides) if (!doc.has(p)) doc.set(p, (p === "token" ? emptyTokenTable() : []) as never);
      }
      doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + performance.now() - t0;
    }
    return doc;
  }
}
