// Stages and the pipeline that runs them in order: inputs checked once, faults contained, a time budget stages can check.
import { emptyTokenTable, type LayerName } from "./annotations.js";
import type { Document } from "./document.js";

/** Extractors propose annotations; refiners merge, filter and resolve them (chrono-node's split). */
export interface Stage {
  name: string;
  kind: "extractor" | "refiner";
  requires: readonly LayerName[];
  provides: readonly LayerName[];
  run(doc: Document): void;
  /**
   * Called instead of `run` when the time budget skips this stage, or after `run` when the budget stopped a
   * refiner mid-way: it must leave the layers the stage provides valid, cheaply (a refiner that gives ids to
   * what earlier stages found can give them here without its costly work). Without it those layers are set
   * empty, since a refiner's input layer is not valid output before the refiner has run.
   */
  whenSkipped?(doc: Document): void;
}

export class PipelineError extends Error {}

/**
 * Thrown by `checkDeadline` when the document's time budget is spent inside a stage. Pipeline.run catches it:
 * the stage stops where it is (an extractor keeps the layers it set; a refiner's are settled as if skipped) and
 * the rest are skipped.
 * Stages must let it through: a `catch` that swallows every error should rethrow this one.
 */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number, readonly spentMs: number) {
    super(`time budget of ${Math.round(budgetMs)} ms exceeded (${Math.round(spentMs)} ms spent)`);
    this.name = "BudgetExceeded";
  }
}

interface Deadline {
  start: number;
  budget: number;
  now: () => number;
  /** `setupMs` when the run began, or undefined when the clock is injected (it cannot be compared with setupMs) */
  setup0?: number;
}

/** Milliseconds spent in one-time loads (`outsideBudget`) in this thread so far. */
let setupMs = 0;

/**
 * Runs a one-time load (a model, a lexicon, a gazetteer, a tagger's tables) outside every document's time budget.
 * Stages load what they need on first use, so the first document of a process or worker would pay for it: on a
 * loaded machine (load 10 on 2 cores) that alone could spend a 5 s budget and cost the document its later stages,
 * a record that depends on what ran before it rather than on the document.
 */
export function outsideBudget<T>(load: () => T): T {
  const t0 = performance.now();
  try {
    return load();
  } finally {
    setupMs += performance.now() - t0;
  }
}

/** The document's time spent so far, one-time loads left out. */
function spent(d: Deadline, t: number): number {
  return t - d.start - (d.setup0 === undefined ? 0 : setupMs - d.setup0);
}

/** The absolute deadline of each document while Pipeline.run works on it (a WeakMap: nothing on the Document type). */
const deadlines = new WeakMap<Document, Deadline>();

/**
 * True when the document's time budget is spent. Costly loops in stages call this (or `checkDeadline`) every so
 * often — per sentence, per mention, or every few hundred inner iterations — so one pathological stage can be
 * stopped, not only the stages after it. Cheap (one clock read); false outside Pipeline.run.
 */
export function stageDeadlineExceeded(doc: Document): boolean {
  const d = deadlines.get(doc);
  return d !== undefined && spent(d, d.now()) > d.budget;
}

/**
 * A check for tight inner loops: the returned function reads the clock on every `every`-th call only, and
 * throws BudgetExceeded like `checkDeadline`. A no-op outside Pipeline.run.
 */
export function deadlineCheck(doc: Document, every = 256): () => void {
  const d = deadlines.get(doc);
  if (d === undefined) return () => {};
  let calls = 0;
  return () => {
    if (++calls % every !== 0) return;
    const t = spent(d, d.now());
    if (t > d.budget) throw new BudgetExceeded(d.budget, t);
  };
}

/** Throws BudgetExceeded when the document's time budget is spent (see `stageDeadlineExceeded`). */
export function checkDeadline(doc: Document): void {
  const d = deadlines.get(doc);
  if (d === undefined) return;
  const t = spent(d, d.now());
  if (t > d.budget) throw new BudgetExceeded(d.budget, t);
}

/** Options of one run. */
export interface RunOptions {
  /**
   * Time budget for the whole document, in ms (default: `defaultBudgetMs(text length)`; Infinity for none).
   * Checked between stages, and inside stages whose loops call `checkDeadline`: once spent, the running stage
   * stops early and the remaining stages are skipped with a warning, so one pathological document cannot hold
   * a batch for minutes. A stage that does not check is only stopped when it returns.
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
    const outer = deadlines.get(doc);
    const deadline: Deadline = { start, budget, now, setup0: options.now ? undefined : setupMs };
    deadlines.set(doc, deadline);
    try {
      for (let i = 0; i < this.stages.length; i++) {
        const stage = this.stages[i]!;
        const t0 = now();
        if (spent(deadline, t0) > budget) {
          this.skip(doc, i, `time budget of ${Math.round(budget)} ms exceeded (${Math.round(spent(deadline, t0))} ms spent, last stage "${this.stages[i - 1]?.name}")`);
          break;
        }
        let stopped = false;
        try {
          stage.run(doc);
        } catch (err) {
          if (err instanceof BudgetExceeded) stopped = true;
          else doc.warn(stage.name, `stage failed: ${err instanceof Error ? err.message : String(err)}`);
          fillMissing(doc, stage);
        }
        doc.timings[stage.name] = (doc.timings[stage.name] ?? 0) + now() - t0;
        if (stopped) {
          // An extractor's partial output is still true (each annotation it set is whole), so it is kept; a
          // refiner stopped half-way may have left its layer half-refined, so it is treated as skipped.
          if (stage.kind === "refiner") settleSkipped(doc, stage);
          this.skip(doc, i + 1, `time budget of ${Math.round(budget)} ms exceeded (${Math.round(spent(deadline, now()))} ms spent, stage "${stage.name}" stopped early, its layers may be partial)`);
          break;
        }
      }
    } finally {
      if (outer) deadlines.set(doc, outer);
      else deadlines.delete(doc);
    }
    return doc;
  }

  /** Skips the stages from `from` on with one warning; their layers are set empty. */
  private skip(doc: Document, from: number, why: string): void {
    const skipped = this.stages.slice(from);
    const list = skipped.length ? `${skipped.map((s) => s.name).join(", ")}; their layers are empty` : "no further stage";
    doc.warn("pipeline", `${why}: skipped ${list}`);
    for (const s of skipped) settleSkipped(doc, s);
  }
}

/**
 * Leaves the layers of a stage that did not (fully) run valid: its `whenSkipped` hook when it has one (and it
 * works), else every layer it provides is set empty — also one an earlier stage set, which is this stage's
 * unfinished input (quotes before attribution have no ids).
 */
function settleSkipped(doc: Document, stage: Stage): void {
  if (stage.whenSkipped) {
    try {
      stage.whenSkipped(doc);
      fillMissing(doc, stage);
      return;
    } catch (err) {
      doc.warn(stage.name, `stage failed: whenSkipped: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const p of stage.provides) doc.set(p, (p === "token" ? emptyTokenTable() : []) as never);
}

/** Sets the layers a stage should have provided to empty, so later readers see "nothing found", not a crash. */
function fillMissing(doc: Document, stage: Stage): void {
  for (const p of stage.provides) if (!doc.has(p)) doc.set(p, (p === "token" ? emptyTokenTable() : []) as never);
}
