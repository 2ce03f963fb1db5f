// PolNeAR scorer for the quote stages: source / cue / content exact-span P, R, F1 against brat attributions; last line JSON.
//
// Usage: node dist/eval/polnear.js [--data DIR] [--limit N] [--verbose]
//   DIR is a PolNeAR split folder (text/*.txt + attributions/*.ann), default ../shared/data/quotes/polnear/dev.
//   Tune on dev only; the held-out test split is scored outside the project.
// How: each text runs through the English pipeline. Gold is the primary annotator's file (the first listed in
// metadata.tsv next to the split, else the first file by name). Our quotes map onto PolNeAR's conventions
// before matching, as documented there: a direct quote's content is the quotation *with* its marks; a
// split quote (two quotations, one speaker and one cue) is one discontinuous content; the cue takes the
// auxiliaries and adverbs written just before the verb ("has also said"); an indirect content starts
// at its complementiser "that". A span matches when its fragments are identical (exact match, as in the
// CofeNet tables); an overlap score is printed too. Offsets in .ann are code points, converted to UTF-16.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "../core/document.js";
import type { Quote } from "../core/annotations.js";
import type { Span } from "../core/record.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

type Frags = Span[];
interface Attribution {
  source?: Frags;
  cue?: Frags;
  content?: Frags;
}
const ROLES = ["source", "cue", "content"] as const;
type Role = (typeof ROLES)[number];

/** Code-point offset → UTF-16 index table for one text. */
function cpToUtf16(text: string): Int32Array {
  const map = new Int32Array([...text].length + 1);
  let u = 0;
  let c = 0;
  for (const ch of text) {
    map[c++] = u;
    u += ch.length;
  }
  map[c] = u;
  return map;
}

export function readAnn(src: string, text: string): Attribution[] {
  const map = cpToUtf16(text);
  const spans = new Map<string, { type: string; frags: Frags }>();
  const events: Record<string, string>[] = [];
  for (const line of src.split("\n")) {
    const cols = line.split("\t");
    const id = cols[0] ?? "";
    if (/^T\d+$/.test(id) && cols.length >= 2) {
      const sp = cols[1]!.indexOf(" ");
      const type = cols[1]!.slice(0, sp);
      const frags = cols[1]!.slice(sp + 1).split(";").map((f) => {
        const [a, b] = f.trim().split(/\s+/).map(Number);
        return [map[a!] ?? a!, map[b!] ?? b!] as Span;
      });
      spans.set(id, { type, frags });
    } else if (/^E\d+$/.test(id) && cols.length >= 2) {
      const roles: Record<string, string> = {};
      for (const part of cols[1]!.trim().split(/\s+/)) {
        const [role, ref] = part.split(":");
        if (role && ref) roles[role] = ref;
      }
      events.push(roles);
    }
  }
  return events.map((e) => {
    const get = (k: string) => (e[k] ? spans.get(e[k]!)?.frags : undefined);
    const content = [...(get("Content") ?? []), ...(get("Content2") ?? [])].sort((a, b) => a[0] - b[0]);
    return { source: get("Source"), cue: get("Cue"), content: content.length ? content : undefined };
  });
}

const AUX_BEFORE = /^(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do|also|then|later|again|previously|recently|repeatedly|publicly|reportedly|earlier|already|first|once|not|never|n't|\w+ly)$/i;

/** Our quotes in PolNeAR's conventions, split quotes merged. */
export function toAttributions(text: string, quotes: readonly Quote[]): Attribution[] {
  const out: Attribution[] = [];
  const byKey = new Map<string, Attribution>();
  const sorted = [...quotes].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  let host: Quote | undefined;
  for (const q of sorted) {
    // a quotation inside reported speech by the same speaker is one attribution in PolNeAR (tokens are univocal)
    if (host && q.span[1] <= host.span[1] + 2 && q.speaker?.span && host.speaker?.span && q.speaker.span[0] === host.speaker.span[0]) continue;
    if (q.kind === "indirect") host = q;
    let content: Span = q.span;
    if (q.kind !== "indirect") {
      // the quotation with its marks and the punctuation inside them
      let a = content[0];
      let b = content[1];
      while (a > 0 && /["“„«'‘\s]/.test(text[a - 1]!) && content[0] - a < 3) a--;
      while (b < text.length && /[,.!?;:]/.test(text[b]!) && b - content[1] < 2) b++;
      while (b < text.length && /["”»'’]/.test(text[b]!) && b - content[1] < 3) b++;
      while (a < content[0] && /\s/.test(text[a]!)) a++;
      // 'said that "…"': the complementiser opens the content
      const lead = /\bthat,?\s+$/.exec(text.slice(Math.max(0, a - 7), a));
      if (lead && q.cue && q.cue.span[1] <= a) a -= lead[0].length;
      content = [a, b];
    } else {
      const before = text.slice(Math.max(0, content[0] - 5), content[0]);
      if (/\bthat\s$/.test(before)) content = [content[0] - 5 + before.search(/that\s$/), content[1]];
    }
    let cue: Span | undefined = q.cue?.span;
    if (cue) {
      // "has also said": PolNeAR cues carry their auxiliaries
      for (;;) {
        const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, cue[0] - 20), cue[0]));
        if (!m || !AUX_BEFORE.test(m[1]!)) break;
        cue = [cue[0] - m[0].length, cue[1]];
      }
      // PolNeAR cues keep a following colon ("said:") and the statement they were made in
      const after = /^(?::| in a (?:statement|interview)| in an (?:interview|email|op-ed))/.exec(text.slice(cue[1], cue[1] + 20));
      if (after) cue = [cue[0], cue[1] + after[0].length];
    }
    const source = q.speaker?.span;
    const key = source ? `${source[0]}:${source[1]}` : "";
    const prev = key ? byKey.get(key) : undefined;
    // a continuation of the same speaker's quotation in one sentence group: one attribution, two fragments
    if (prev && q.kind !== "indirect" && prev.content && (!cue || (prev.cue && cue[0] === prev.cue[0][0])) && q.span[0] - prev.content[prev.content.length - 1]![1] < 250) {
      prev.content.push(content);
      continue;
    }
    const a: Attribution = { source: source ? [source] : undefined, cue: cue ? [cue] : undefined, content: [content] };
    out.push(a);
    if (key) byKey.set(key, a);
  }
  return out;
}

const keyOf = (f: Frags): string => f.map((s) => `${s[0]}-${s[1]}`).join(",");
const overlapOf = (a: Frags, b: Frags): number => {
  let o = 0;
  for (const x of a) for (const y of b) o += Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
  const len = (f: Frags) => f.reduce((s, x) => s + x[1] - x[0], 0);
  return o / Math.max(len(a), len(b), 1);
};

interface Counts {
  tp: number;
  pred: number;
  gold: number;
  soft: number;
}

function primaryFiles(dir: string): Map<string, string> {
  const annDir = path.join(dir, "attributions");
  const files = readdirSync(annDir).filter((f) => f.endsWith(".ann")).sort();
  const primary = new Map<string, string>();
  const metaFile = path.join(dir, "..", "metadata.tsv");
  const order = new Map<string, string[]>();
  if (existsSync(metaFile)) {
    for (const line of readFileSync(metaFile, "utf8").split("\n").slice(1)) {
      const c = line.split("\t");
      if (c[1] && c[3]) order.set(c[1], c[3].split("|"));
    }
  }
  for (const f of files) {
    const m = /^(.*)_([0-9a-f]{4})\.ann$/.exec(f);
    if (!m) continue;
    const [, base, ann] = m;
    const want = order.get(base!)?.[0];
    if (!primary.has(base!) || ann === want) primary.set(base!, f);
  }
  return primary;
}

export async function scorePolnear(dataDir: string, { verbose = false, limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  // loaded here, not at the top: the parsing and mapping helpers are usable (and testable) without the whole pipeline
  const { englishPipeline } = await import("../nlp/en/configuration.js");
  const pipeline = englishPipeline();
  const counts: Record<Role, Counts> = {
    source: { tp: 0, pred: 0, gold: 0, soft: 0 }, cue: { tp: 0, pred: 0, gold: 0, soft: 0 }, content: { tp: 0, pred: 0, gold: 0, soft: 0 },
  };
  const lines: string[] = [];
  let docs = 0;
  let words = 0;
  let ms = 0;
  const entries = [...primaryFiles(dataDir)].slice(0, limit ?? Infinity);
  for (const [base, annFile] of entries) {
    const txtPath = path.join(dataDir, "text", `${base}.txt`);
    if (!existsSync(txtPath)) continue;
    const text = readFileSync(txtPath, "utf8");
    const gold = readAnn(readFileSync(path.join(dataDir, "attributions", annFile), "utf8"), text);
    const doc = new Document(text, {}, base);
    const t0 = performance.now();
    pipeline.run(doc);
    ms += performance.now() - t0;
    words += text.split(/\s+/).length;
    docs++;
    const pred = toAttributions(text, doc.maybe("quote"));
    for (const role of ROLES) {
      const g = gold.map((a) => a[role]).filter((f): f is Frags => !!f);
      const p = pred.map((a) => a[role]).filter((f): f is Frags => !!f);
      const left = new Map<string, number>();
      for (const f of g) left.set(keyOf(f), (left.get(keyOf(f)) ?? 0) + 1);
      counts[role].gold += g.length;
      counts[role].pred += p.length;
      for (const f of p) {
        const k = keyOf(f);
        const n = left.get(k) ?? 0;
        if (n > 0) {
          counts[role].tp++;
          left.set(k, n - 1);
        } else if (verbose && role === "content") {
          const best = g.reduce((b, x) => (overlapOf(f, x) > overlapOf(f, b) ? x : b), g[0] ?? []);
          const show = (x: Frags) => x.map((s) => text.slice(s[0], s[1])).join(" … ").slice(0, 160);
          lines.push(`  ${base}: content miss (best overlap ${overlapOf(f, best).toFixed(2)}): ${show(f)}`);
          if (best.length) lines.push(`      gold: ${show(best)}`);
        }
        counts[role].soft += g.reduce((b, x) => Math.max(b, overlapOf(f, x)), 0);
      }
    }
  }
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const metrics: Record<string, unknown> = { benchmark: "polnear", docs, wordsPerSecond: Math.round((words / ms) * 1000) };
  for (const role of ROLES) {
    const c = counts[role];
    const p = c.pred ? c.tp / c.pred : 0;
    const r = c.gold ? c.tp / c.gold : 0;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    const softP = c.pred ? c.soft / c.pred : 0;
    metrics[role] = { p: r3(p), r: r3(r), f1: r3(f), gold: c.gold, pred: c.pred, overlapP: r3(softP) };
    lines.push(`${role.padEnd(8)} exact P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${(100 * f).toFixed(1)}  (gold ${c.gold}, predicted ${c.pred}; mean best overlap of predictions ${(100 * softP).toFixed(1)}%)`);
  }
  lines.unshift(`PolNeAR ${path.basename(dataDir)}: ${docs} texts, primary annotator`);
  return { lines, metrics };
}

export const polnearBenchmark: Benchmark = {
  name: "polnear",
  description: "PolNeAR attribution spans (source / cue / content exact-match F1)",
  defaultData: "../shared/data/quotes/polnear/dev",
  run: (dir, options) => scorePolnear(dir, options),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const limit = arg("--limit");
  void scorePolnear(path.resolve(arg("--data") ?? polnearBenchmark.defaultData), {
    verbose: process.argv.includes("--verbose"), limit: limit ? Number(limit) : undefined,
  }).then((res) => {
    for (const l of res.lines) console.log(l);
    console.log(JSON.stringify(res.metrics));
  });
}
