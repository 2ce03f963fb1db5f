// Runs one input through ingest and the whole pipeline and checks the contract: records that validate, or one clear error.
import { Document } from "../../src/core/document.js";
import { toRecord } from "../../src/core/to-record.js";
import { articleId } from "../../src/index.js";
import { IngestError, ingest, type IngestedArticle } from "../../src/ingest/index.js";
import { englishPipeline } from "../../src/nlp/en/configuration.js";
import { validateRecord } from "../../src/eval/validate-record.js";

export interface Outcome {
  kind: "records" | "refused";
  /** records produced, or the IngestError's message */
  records: number;
  message?: string;
  warnings: string[];
  ms: number;
  /** the pipeline's time budget fired on some article */
  overBudget: boolean;
  /** the stage that took longest over all articles, with its ms (wall clock) */
  slowestStage?: { name: string; ms: number };
}

/** A broken contract: anything but records that validate or an IngestError. The fuzzers report these as crashes. */
export class ContractViolation extends Error {}

/**
 * The whole path a user's input takes. Throws ContractViolation when the contract breaks: an exception that is not
 * an IngestError, an IngestError without a one-line message, or a record that fails its schema or its spans.
 */
export async function runInput(input: string | Uint8Array, options: { budgetMs?: number } = {}): Promise<Outcome> {
  const t0 = performance.now();
  let articles;
  try {
    articles = await ingest(input, { origin: "fuzz-input" });
  } catch (e) {
    if (!(e instanceof IngestError)) throw new ContractViolation(`ingest threw ${describe(e)}`);
    if (!e.message || e.message.includes("\n") || e.message.length > 500) throw new ContractViolation(`unclear IngestError: ${JSON.stringify(e.message.slice(0, 200))}`);
    if (e.origin === undefined) throw new ContractViolation(`IngestError without origin: ${e.message}`);
    return { kind: "refused", records: 0, message: e.message, warnings: [], ms: performance.now() - t0, overBudget: false };
  }
  if (!articles.length) throw new ContractViolation("ingest returned no article and no error");
  const warnings: string[] = [];
  let overBudget = false;
  let slowestStage: Outcome["slowestStage"];
  for (const article of articles) {
    if (typeof article.text !== "string" || !article.text.trim()) throw new ContractViolation(`article with empty text from ${article.origin}`);
    let record;
    try {
      const doc = processArticle(article, options.budgetMs);
      for (const [name, ms] of Object.entries(doc.timings)) if (!slowestStage || ms > slowestStage.ms) slowestStage = { name, ms };
      record = toRecord(doc);
    } catch (e) {
      throw new ContractViolation(`pipeline threw ${describe(e)}`);
    }
    const problems = validateRecord(record);
    if (problems.length) throw new ContractViolation(`invalid record: ${problems.slice(0, 3).join("; ")}`);
    for (const w of record.warnings ?? []) {
      warnings.push(w);
      if (w.startsWith("pipeline: time budget")) overBudget = true;
      // A stage that failed is a bug the pipeline contained, not a clean result: the fuzzers count it as a crash.
      if (/: stage failed: /.test(w)) throw new ContractViolation(`stage crashed: ${w.slice(0, 300)}`);
    }
  }
  return { kind: "records", records: articles.length, warnings, ms: performance.now() - t0, overBudget, ...(slowestStage ? { slowestStage } : {}) };
}

/** What src/index.ts's processArticle does, with the time budget as a parameter. */
function processArticle(article: IngestedArticle, budgetMs: number | undefined): Document {
  const doc = new Document(article.text, article.source, articleId(article.text, article.source.url));
  if (article.paragraphs) doc.sourceParagraphs = article.paragraphs;
  if (article.sourceMap) doc.sourceMap = article.sourceMap;
  for (const w of article.warnings) doc.warn("ingest", w);
  return englishPipeline().run(doc, budgetMs === undefined ? {} : { budgetMs });
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.slice(0, 300)}\n${e.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`;
  return String(e);
}

/** A short printable description of an input, for reports and failure messages. */
export function preview(input: string | Uint8Array, max = 160): string {
  const s = typeof input === "string" ? input : `bytes[${input.length}] ${Buffer.from(input.subarray(0, max)).toString("latin1")}`;
  const shown = s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
  return JSON.stringify(shown);
}
