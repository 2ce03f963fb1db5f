// Extraction of one ingest input into records, shared by the inline path and the worker threads of `claimline ingest`.
import path from "node:path";
import type { ArticleRecord } from "../../core/record.js";
import { ingest, ingestUrl, IngestError, type IngestedArticle, type IngestOptions } from "../../ingest/index.js";
import { contentKey } from "../../store/identity.js";
import { readInput } from "../inputs.js";

/** The pipeline, loaded on first use: a re-run that skips every input never pays for loading it. */
let pipeline: Promise<(article: IngestedArticle) => ArticleRecord> | undefined;
function loadPipeline(): Promise<(article: IngestedArticle) => ArticleRecord> {
  pipeline ??= Promise.all([import("../../index.js"), import("../../core/to-record.js")]).then(
    ([lib, rec]) => (article: IngestedArticle) => rec.toRecord(lib.processArticle(article)),
  );
  return pipeline;
}

export interface ExtractTask {
  index: number;
  /** a file path, a URL, or "-" (then `bytes` holds what stdin gave) */
  input: string;
  bytes?: Uint8Array;
  overrides: IngestOptions;
  /** the source country from a GDELT-style file name: the outlet when nothing better is known */
  fallbackOutlet?: string;
}

export type ExtractedItem =
  | { kind: "record"; origin: string; record: ArticleRecord }
  | { kind: "skipped"; origin: string };

export interface ExtractResult {
  index: number;
  input: string;
  items: ExtractedItem[];
  error?: string;
}

/** GDELT-style names start with the seen date (and may carry a source country): 20220125T090000Z_GB_en_….txt */
const DATED_FILE_NAME = /^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?(?:_([A-Z]{2})_)?/;

/** The publication date (YYYY-MM-DD) and source country a file name carries, if any. */
export function metadataFromFileName(file: string): { published?: string; country?: string } {
  const m = DATED_FILE_NAME.exec(path.basename(file));
  if (!m) return {};
  const [, y, mo, d, country] = m;
  const date = new Date(`${y}-${mo}-${d}T00:00:00Z`);
  // 20221399 is not a date: refuse rather than let Date roll it over into the next year.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return {};
  return { published: `${y}-${mo}-${d}`, country };
}

/** Reads and ingests one input (no extraction yet): the articles it holds, with the task's metadata applied. */
export async function readArticles(task: ExtractTask): Promise<IngestedArticle[]> {
  let articles: IngestedArticle[];
  if (/^https?:\/\//i.test(task.input)) {
    // A page or a feed on the web: fetched, then told apart by content like a file.
    articles = await ingestUrl(task.input, { ...task.overrides, origin: task.input });
  } else {
    const raw = task.bytes ? { origin: task.input === "-" ? "stdin" : task.input, bytes: task.bytes } : await readInput(task.input);
    articles = await ingest(raw.bytes, { ...task.overrides, origin: raw.origin });
  }
  for (const article of articles) if (task.fallbackOutlet && !article.source.outlet) article.source.outlet = task.fallbackOutlet;
  return articles;
}

/** Runs the extraction pipeline on one ingested article: what both `ingest` and the queue's workers call. */
export async function extractArticle(article: IngestedArticle): Promise<ArticleRecord> {
  const extract = await loadPipeline();
  return extract(article);
}

/** One line for an error: the input it came from and the first line of its message. */
export function describeError(e: unknown, fallbackOrigin: string): string {
  const origin = e instanceof IngestError && e.origin ? e.origin : fallbackOrigin;
  const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  return `${origin}: ${message}`;
}

/**
 * Reads, ingests and extracts one input. Articles whose key and content the store already holds
 * (`known`) are skipped before the costly extraction, which is what makes a re-run cheap.
 */
export async function extractTask(task: ExtractTask, known: ReadonlySet<string>): Promise<ExtractResult> {
  try {
    const items: ExtractedItem[] = [];
    for (const article of await readArticles(task)) {
      if (known.has(contentKey(article.source, article.text))) {
        items.push({ kind: "skipped", origin: article.origin });
        continue;
      }
      items.push({ kind: "record", origin: article.origin, record: await extractArticle(article) });
    }
    return { index: task.index, input: task.input, items };
  } catch (e) {
    return { index: task.index, input: task.input, items: [], error: describeError(e, task.input) };
  }
}
