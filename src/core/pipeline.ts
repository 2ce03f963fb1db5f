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

/** Options of one run. */
export interface RunOptions {
  /**
   * Time budget for the whole document, in ms (default: `defaultBudgetMs(text length)`; Infinity for none).
   * Checked between stages: once spent, the remaining stages are skipped with a warning, so one pathological
   * document cannot hold a batch for minutes. A single stage is not interrupted mid-way.
   */
  budgetMs?: number;
  /** the clock (tests inject one) */
  now?: () => number;
}

/** The budget floor: short documents get this much whatever their length (start-up, a loaded machine). */
export const BUDGET_FLOOR_MS = 5000;
/** Per character of text: ~15× the measured cost of the whole pipeline (≈ 3 µs per character), so only pathologies hit it. */
export const BUDGET_MS_PER_CHAR = 0.05;

/** The default time budget for a text of `length` characters: proportional to the length, with a floor. */
export function defaultBudgetMs(length: number): number {
  return Math.max(BUDGET_FLOOR_MS, length * BUDGET_MS_PER_CHAR);
}

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
  run(doc: Document, options: RunOptions = {}): Document {
    const now = options.now ?? (() => performance.now());
    const budget = options.budgetMs ?? defaultBudgetMs(doc.text.length);
    const start = now();
    for (let i = 0; i < this.stages.length; i++) {
      const stage = this.stages[i]!;
      const t0 = now();
      if (t0 - start > budget) {
        const skipped = this.stages.slice(i);
        doc.warn(
          "pipeline",
          `time budget of ${Math.round(budget)} ms exceeded (${Math.round(t0 - start)} ms spent, last stage "${this.stages[i - 1]?.name}"): ` +
            `skipped ${skipped.map((s) => s.name).join(", ")}; their layers are empty`,
        );
        for (const s of skipped) fillMissing(doc, s);
        break;
      }
      try {
        stage.run(doc);
      } catch (err) {
        doc.warn(stage.name, `stage failed: ${err instanceof Error ? err.message : String(err)}`);
        fillMissing(doc, stage);
      }
      doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + now() - t0;
    }
    return doc;
  }
}

/** Sets the layers a stage should have provided to empty, so later readers see "nothing found", not a crash. */
function fillMissing(doc: Document, stage: Stage): void {
  for (const p of stage.provides) if (!doc.has(p)) doc.set(p, (p === "token" ? emptyTokenTable() : []) as never);
}
