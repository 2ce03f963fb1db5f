// CoNLL-2003 NER scorer for the trained NER model: conlleval entity-level P/R/F1 overall and per type, speed, load time.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chunks, readConll, type ConllDocument } from "../nlp/en/ner/conll.js";
import { CONLL_TYPES, toConll } from "../nlp/en/ner/labels.js";
import { loadNerModel, type NerModel } from "../nlp/en/ner/model.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

export interface TypedSpan { start: number; end: number; type: string }
export interface TypeScore { gold: number; predicted: number; correct: number; p: number; r: number; f1: number }
export interface NerScore { overall: TypeScore; byType: Record<string, TypeScore> }

const r4 = (x: number): number => Math.round(x * 10000) / 10000;

function finish(gold: number, predicted: number, correct: number): TypeScore {
  const p = predicted ? correct / predicted : 0;
  const r = gold ? correct / gold : 0;
  return { gold, predicted, correct, p: r4(p), r: r4(r), f1: r4(p + r ? (2 * p * r) / (p + r) : 0) };
}

/**
 * conlleval's entity-level score: a predicted entity counts only when its span and its type both equal a gold one.
 * `predict` gives, per document, per sentence, spans typed with CoNLL labels.
 */
export function scoreNer(gold: readonly TypedSpan[][][], predicted: readonly TypedSpan[][][]): NerScore {
  const counts = new Map<string, [number, number, number]>();
  const bump = (t: string, k: 0 | 1 | 2): void => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = [0, 0, 0]));
    c[k]++;
  };
  gold.forEach((doc, d) => {
    doc.forEach((sent, s) => {
      const keys = new Set(sent.map((g) => `${g.start}:${g.end}:${g.type}`));
      for (const g of sent) bump(g.type, 0);
      for (const p of predicted[d]![s]!) {
        bump(p.type, 1);
        if (keys.has(`${p.start}:${p.end}:${p.type}`)) bump(p.type, 2);
      }
    });
  });
  const byType: Record<string, TypeScore> = {};
  let g = 0, p = 0, c = 0;
  for (const t of [...counts.keys()].sort()) {
    const [cg, cp, cc] = counts.get(t)!;
    byType[t] = finish(cg, cp, cc);
    g += cg; p += cp; c += cc;
  }
  return { overall: finish(g, p, c), byType };
}

/** Gold spans of CoNLL documents with their type names. */
export const conllGold = (docs: readonly ConllDocument[]): TypedSpan[][][] =>
  docs.map((d) => d.map((s) => s.spans.map((g) => ({ start: g.start, end: g.end, type: CONLL_TYPES[g.t]! }))));

/** Tag every document with the model, mapping claimline types back to CoNLL's (labels.ts `toConll`). */
export function predictConll(model: NerModel, docs: readonly (readonly { words: string[] }[])[], profile?: string): TypedSpan[][][] {
  return docs.map((doc) => model.tagDocument(doc.map((s) => s.words), profile).map((spans) => spans.map((s) => ({ start: s.start, end: s.end, type: toConll(s.type) }))));
}

/** claimline types as scored on the worldwide-newswire set: GPE and LOC together (its Location), MISC unscored. */
const WWN_GOLD: Record<string, string> = { Person: "PERSON", Organization: "ORG", Location: "GPE/LOC", NORP: "NORP" };
const wwnPredicted = (t: string): string | undefined => (t === "GPE" || t === "LOC" ? "GPE/LOC" : t === "MISC" ? undefined : t);

/** en-worldwide-newswire TSV files (token<TAB>IOB2 tag): one document per file, gold spans in claimline types. */
export function readWwn(dir: string, limit?: number): { docs: { words: string[] }[][]; gold: TypedSpan[][][] } {
  const folder = existsSync(path.join(dir, "processed_annotated")) ? path.join(dir, "processed_annotated") : dir;
  const docs: { words: string[] }[][] = [];
  const gold: TypedSpan[][][] = [];
  for (const f of readdirSync(folder).filter((f) => f.endsWith(".tsv")).sort().slice(0, limit)) {
    const doc: { words: string[] }[] = [];
    const spans: TypedSpan[][] = [];
    for (const block of readFileSync(path.join(folder, f), "utf8").split(/\n\s*\n/)) {
      const rows = block.split("\n").map((l) => l.split("\t")).filter((r) => r.length >= 2 && r[0]);
      if (!rows.length) continue;
      doc.push({ words: rows.map((r) => r[0]!) });
      spans.push(chunks(rows.map((r) => r[1]!.trim())).flatMap((c) => (WWN_GOLD[c.type] ? [{ start: c.start, end: c.end, type: WWN_GOLD[c.type]! }] : [])));
    }
    docs.push(doc);
    gold.push(spans);
  }
  return { docs, gold };
}

export function formatScore(score: NerScore): string[] {
  const line = (name: string, s: TypeScore): string =>
    `${name.padEnd(8)} P ${s.p.toFixed(4)}  R ${s.r.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct})`;
  return [line("overall", score.overall), ...Object.entries(score.byType).map(([t, s]) => line(t, s))];
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** Resolve the data argument: a CoNLL file, a directory holding eng.testa, or a worldwide-newswire folder. */
function dataSet(data: string, limit?: number): { name: string; mode: "conll" | "wwn"; docs: { words: string[] }[][]; gold: TypedSpan[][][] } {
  if (statSync(data).isDirectory()) {
    if (existsSync(path.join(data, "eng.testa"))) data = path.join(data, "eng.testa");
    else return { name: path.basename(path.resolve(data)), mode: "wwn", ...readWwn(data, limit) };
  }
  const docs = readConll(readFileSync(data, "utf8")).slice(0, limit);
  return { name: path.basename(data), mode: "conll", docs, gold: conllGold(docs) };
}

/**
 * Speed of the `nerMentions` stage inside the English pipeline over a folder of plain-text articles (no scores:
 * the texts have no gold): the stages before it run untimed, then the stage runs over all documents three times
 * (a process's first pass, then warm). Tokens are the pipeline's own.
 */
async function pipelineSpeed(dir: string, limit?: number): Promise<BenchmarkResult> {
  const { Document } = await import("../core/document.js");
  const { englishStages } = await import("../nlp/en/configuration.js");
  const c0 = process.cpuUsage();
  loadNerModel();
  const loadCpuMs = cpuMs(c0);
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, limit);
  const at = englishStages.findIndex((s) => s.name === "nerMentions");
  const stage = englishStages[at]!;
  const docs = files.map((f) => {
    const doc = new Document(readFileSync(path.join(dir, f), "utf8"));
    for (const s of englishStages.slice(0, at)) s.run(doc);
    return doc;
  });
  const rules = docs.map((d) => d.get("mention"));
  const tokens = docs.reduce((n, d) => n + d.get("token").count, 0);
  const words = docs.reduce((n, d) => n + (d.text.match(/\S+/g)?.length ?? 0), 0);
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    docs.forEach((d, i) => d.set("mention", rules[i]!));
    const c = process.cpuUsage();
    for (const d of docs) stage.run(d);
    passes.push(cpuMs(c));
  }
  const added = docs.reduce((n, d) => n + d.get("mention").filter((m) => m.source === "entityMentions:ner").length, 0);
  const rate = (ms: number, n: number): number => Math.round(n / (ms / 1000));
  const warm = Math.min(passes[1]!, passes[2]!);
  return {
    lines: [
      `${path.basename(path.resolve(dir))}: ${docs.length} texts, ${words} words, ${tokens} tokens; model load ${loadCpuMs.toFixed(0)} ms CPU`,
      `nerMentions stage: first pass ${passes[0]!.toFixed(0)} ms CPU = ${rate(passes[0]!, tokens)} tokens (${rate(passes[0]!, words)} words) per CPU second; ` +
        `warm ${warm.toFixed(0)} ms = ${rate(warm, tokens)} tokens (${rate(warm, words)} words) per CPU second`,
      `model mentions added or confirmed: ${added}`,
    ],
    metrics: {
      benchmark: "ner-pipeline", data: path.basename(path.resolve(dir)), documents: docs.length, tokens, words,
      firstPassTokensPerCpuSecond: rate(passes[0]!, tokens), tokensPerCpuSecond: rate(warm, tokens),
      wordsPerCpuSecond: rate(warm, words), loadCpuMs: Math.round(loadCpuMs * 10) / 10, nerMentions: added,
    },
  };
}

export async function evalNer(data: string, { limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  // a folder of plain-text articles: the stage's speed in the pipeline
  if (statSync(data).isDirectory() && !existsSync(path.join(data, "eng.testa")) && !existsSync(path.join(data, "processed_annotated")) &&
      readdirSync(data).some((f) => f.endsWith(".txt"))) return pipelineSpeed(data, limit);
  // wall time and this process's CPU time: on a shared machine the CPU time is the steadier measure of one core
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const model = loadNerModel();
  const loadMs = performance.now() - t0;
  const loadCpuMs = cpuMs(c0);
  const set = dataSet(data, limit);
  const tokens = set.docs.reduce((n, d) => n + d.reduce((m, s) => m + s.words.length, 0), 0);
  // the first pass is timed apart (cold JIT and word-type cache); V8 tiers the tagger's loops up over the first
  // ~100 k tokens, so a second untimed pass precedes the timed one, the throughput of a long-running process
  const c0f = process.cpuUsage();
  predictConll(model, set.docs);
  const firstCpuMs = cpuMs(c0f);
  predictConll(model, set.docs);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  let predicted = predictConll(model, set.docs);
  const tagMs = performance.now() - t1;
  const tagCpuMs = cpuMs(c1);
  // the same pass through the feature path (no per-word-type cache, no lower-case skipping), for comparison
  model.useCache = false;
  predictConll(model, set.docs); // warm-up, as for the cached path
  const c2 = process.cpuUsage();
  predictConll(model, set.docs);
  const plainCpuMs = cpuMs(c2);
  model.useCache = true;
  if (set.mode === "wwn") {
    // score in claimline's own types: the model's GPE/LOC/NORP split is what this set can check
    predicted = set.docs.map((doc) => model.tagDocument(doc.map((s) => s.words)).map((spans) => spans.flatMap((s) => {
      const type = wwnPredicted(s.type);
      return type ? [{ start: s.start, end: s.end, type }] : [];
    })));
  }
  const score = scoreNer(set.gold, predicted);
  const tokensPerSecond = Math.round(tokens / (tagMs / 1000));
  const tokensPerCpuSecond = Math.round(tokens / (tagCpuMs / 1000));
  const featurePathTokensPerCpuSecond = Math.round(tokens / (plainCpuMs / 1000));
  const lines = [
    `${set.name}: ${set.docs.length} documents, ${tokens} tokens`,
    `model load ${loadMs.toFixed(1)} ms (${loadCpuMs.toFixed(1)} ms CPU); tagging ${tagMs.toFixed(0)} ms = ${tokensPerSecond} tokens/s on one thread, ${tokensPerCpuSecond} tokens per CPU second`,
    `(cached tagger, warm; first pass ${Math.round(tokens / (firstCpuMs / 1000))}; the uncached feature path: ${featurePathTokensPerCpuSecond} tokens per CPU second)`,
    set.mode === "conll"
      ? "types mapped to CoNLL: PERSON->PER, ORG->ORG, GPE/LOC->LOC, NORP/GROUP/MISC->MISC"
      : "claimline types vs the set's Person/Organization/Location/NORP (GPE and LOC scored together; MISC, dates and the rest not scored)",
    ...formatScore(score),
  ];
  const per = Object.fromEntries(Object.entries(score.byType).map(([t, s]) => [t, { p: s.p, r: s.r, f1: s.f1 }]));
  return {
    lines,
    metrics: {
      benchmark: "ner", data: set.name, documents: set.docs.length, tokens, p: score.overall.p, r: score.overall.r,
      f1: score.overall.f1, byType: per, tokensPerSecond, tokensPerCpuSecond, firstPassTokensPerCpuSecond: Math.round(tokens / (firstCpuMs / 1000)),
      featurePathTokensPerCpuSecond, loadMs: Math.round(loadMs * 10) / 10,
      loadCpuMs: Math.round(loadCpuMs * 10) / 10,
    },
  };
}

export const nerBenchmark: Benchmark = {
  name: "ner",
  description: "CoNLL-2003 (eng.testa by default): conlleval entity-level P/R/F1 of the trained NER model, tokens/s, load ms; " +
    "--data DIR of .txt articles: speed of the nerMentions stage in the pipeline",
  defaultData: "../shared/data/ner/conll2003/eng.testa",
  run: (data, options) => evalNer(data, options),
};

// Run directly: node dist/eval/ner.js [FILE]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? nerBenchmark.defaultData;
  const result = await evalNer(file);
  for (const l of result.lines) console.log(l);
  console.log(JSON.stringify(result.metrics));
}
