// MEANTIME (NewsReader, CAT XML) event factuality scorer: certainty and polarity of each annotated event from the status of the claim covering it; last line JSON.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Document } from "../core/document.js";
import { Pipeline } from "../core/pipeline.js";
import type { ClaimStatus, Span } from "../core/record.js";
import { englishStages } from "../nlp/en/configuration.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

export const CERTAINTY = ["CERTAIN", "PROBABLE", "POSSIBLE", "UNDERSPECIFIED"] as const;
export const POLARITY = ["POS", "NEG", "UNDERSPECIFIED"] as const;

/**
 * claimline's statement status (DESIGN.md §2) on MEANTIME's factuality scale. MEANTIME, like FactBank,
 * rates an event's certainty relative to its source (the writer, or the speaker it is attributed to):
 * a plain or attributed statement is CERTAIN; an estimate is PROBABLE; speculation is POSSIBLE; a denial
 * is a CERTAIN NEGative. An allegation is CERTAIN for the source that makes it ("Cisco claims that
 * Apple infringes": Cisco is certain), and PROBABLE when the writer hedges with no source named
 * ("allegedly", "is said to"): see `factualityOf`. Nothing maps to UNDERSPECIFIED.
 */
export const STATUS_TO_FACTUALITY: Record<ClaimStatus, { certainty: (typeof CERTAINTY)[number]; polarity: (typeof POLARITY)[number] }> = {
  asserted: { certainty: "CERTAIN", polarity: "POS" },
  reported: { certainty: "CERTAIN", polarity: "POS" },
  estimated: { certainty: "PROBABLE", polarity: "POS" },
  alleged: { certainty: "PROBABLE", polarity: "POS" },
  speculative: { certainty: "POSSIBLE", polarity: "POS" },
  denied: { certainty: "CERTAIN", polarity: "NEG" },
};

/** MEANTIME classes for a claim: its status, with an allegation made by a named source certain for that source. */
export function factualityOf(status: ClaimStatus, hasClaimant: boolean): { certainty: string; polarity: string } {
  if (status === "alleged" && hasClaimant) return { certainty: "CERTAIN", polarity: "POS" };
  return STATUS_TO_FACTUALITY[status];
}

export interface MeantimeEvent {
  span: Span;
  pred: string;
  certainty: string;
  polarity: string;
  time: string;
  /** the annotated cue, when there is one ("could") */
  modality: string;
}

export interface MeantimeDoc {
  id: string;
  title: string;
  published?: string;
  text: string;
  events: MeantimeEvent[];
}

const decode = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

// tokens written without a space before them ("Apple 's", "it .") and after them ("( the")
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|’s|'|’|n't|n’t|'re|'ve|'ll|'d|'m)$/i;
const NO_SPACE_AFTER = /^[([{$]$/;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * A CAT XML file as plain text: the title (sentence 0) and date line (sentence 1) as paragraphs of
 * their own, the body sentences joined with spaces, tokens detokenised; event spans in that text.
 */
export function readCat(xml: string): MeantimeDoc {
  const id = /<Document[^>]*\sdoc_id="([^"]*)"/.exec(xml)?.[1] ?? "";
  const tokens: { id: string; sentence: number; text: string }[] = [];
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const attrs = m[1]!;
    tokens.push({
      id: /\st_id="([^"]*)"/.exec(attrs)?.[1] ?? "",
      sentence: Number(/\ssentence="(\d+)"/.exec(attrs)?.[1] ?? 0),
      text: decode(m[2]!),
    });
  }
  const offsets = new Map<string, Span>();
  let text = "";
  let prevSentence = -1;
  let quoteOpen = false;
  let glue = false;
  const lines: string[][] = [];
  for (const t of tokens) {
    if (t.sentence !== prevSentence) {
      if (prevSentence >= 0) text += prevSentence <= 1 ? "\n\n" : " ";
      prevSentence = t.sentence;
      glue = true;
      quoteOpen = false;
      lines[t.sentence] = [];
    }
    lines[t.sentence]!.push(t.text);
    const isQuote = t.text === '"' || t.text === "``" || t.text === "''";
    let space = !glue && !NO_SPACE_BEFORE.test(t.text);
    if (isQuote && quoteOpen) space = false;
    if (space) text += " ";
    const start = text.length;
    text += t.text;
    offsets.set(t.id, [start, text.length]);
    glue = NO_SPACE_AFTER.test(t.text) || (isQuote && !quoteOpen);
    if (isQuote) quoteOpen = !quoteOpen;
  }
  const title = (lines[0] ?? []).join(" ");
  // the date line: "January 12, 2007"
  const dateLine = (lines[1] ?? []).join(" ");
  const dm = /^(\p{L}+)\s+(\d{1,2})\s*,?\s*(\d{4})$/u.exec(dateLine);
  const month = dm ? MONTHS.indexOf(dm[1]!.toLowerCase()) + 1 : 0;
  const published = dm && month ? `${dm[3]}-${String(month).padStart(2, "0")}-${dm[2]!.padStart(2, "0")}` : undefined;

  const events: MeantimeEvent[] = [];
  for (const m of xml.matchAll(/<EVENT_MENTION\b([^>]*)>([\s\S]*?)<\/EVENT_MENTION>/g)) {
    const attr = (k: string): string => new RegExp(`\\s${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? "";
    const spans = [...m[2]!.matchAll(/<token_anchor\s+t_id="([^"]*)"/g)].map((a) => offsets.get(a[1]!)).filter((s): s is Span => !!s);
    if (!spans.length) continue;
    events.push({
      span: [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))],
      pred: attr("pred"),
      certainty: attr("certainty"),
      polarity: attr("polarity"),
      time: attr("time"),
      modality: decode(attr("modality")),
    });
  }
  events.sort((a, b) => a.span[0] - b.span[0]);
  return { id, title, published, text, events };
}

function catFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...catFiles(p));
    else if (name.endsWith(".xml")) out.push(p);
  }
  return out;
}

/** Confusion counts and the measures derived from them, for one attribute. */
export class Confusion {
  readonly counts = new Map<string, Map<string, number>>();
  constructor(readonly labels: readonly string[]) {}

  add(gold: string, predicted: string): void {
    const row = this.counts.get(gold) ?? new Map<string, number>();
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
    this.counts.set(gold, row);
  }

  get(gold: string, predicted: string): number {
    return this.counts.get(gold)?.get(predicted) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const row of this.counts.values()) for (const c of row.values()) n += c;
    return n;
  }

  accuracy(): number {
    let ok = 0;
    for (const l of this.labels) ok += this.get(l, l);
    return this.total ? ok / this.total : 0;
  }

  perClass(): Record<string, { p: number; r: number; f1: number; gold: number; predicted: number }> {
    const out: Record<string, { p: number; r: number; f1: number; gold: number; predicted: number }> = {};
    for (const l of this.labels) {
      const tp = this.get(l, l);
      let gold = 0;
      let predicted = 0;
      for (const o of this.labels) {
        gold += this.get(l, o);
        predicted += this.get(o, l);
      }
      const p = predicted ? tp / predicted : 0;
      const r = gold ? tp / gold : 0;
      out[l] = { p: r3(p), r: r3(r), f1: r3(p + r ? (2 * p * r) / (p + r) : 0), gold, predicted };
    }
    return out;
  }

  /** Macro F1 over the classes present in the gold data. */
  macroF1(): number {
    const per = Object.values(this.perClass()).filter((c) => c.gold > 0);
    return per.length ? r3(per.reduce((s, c) => s + c.f1, 0) / per.length) : 0;
  }

  lines(title: string): string[] {
    const w = Math.max(...this.labels.map((l) => l.length)) + 2;
    const out = [`${title}: accuracy ${r3(this.accuracy())} over ${this.total} events, macro F1 ${this.macroF1()}`];
    out.push(`  ${"gold \\ claimline".padEnd(w + 4)}${this.labels.map((l) => l.padStart(w)).join("")}`);
    for (const g of this.labels) out.push(`  ${g.padEnd(w + 4)}${this.labels.map((p) => String(this.get(g, p)).padStart(w)).join("")}`);
    for (const [l, c] of Object.entries(this.perClass())) out.push(`  ${l.padEnd(w + 4)}P ${c.p} R ${c.r} F1 ${c.f1} (gold ${c.gold}, predicted ${c.predicted})`);
    return out;
  }
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

let pipeline: Pipeline | undefined;
/** The English pipeline without geocoding (places play no part in certainty). */
function claimPipeline(): Pipeline {
  pipeline ??= new Pipeline(englishStages.filter((s) => s.name !== "geocode"));
  return pipeline;
}

/** The predicted status of each event: the claim whose span holds the event's first character, "asserted" when none does. */
export function statusOfEvents(doc: MeantimeDoc): { status: ClaimStatus; claimed: boolean; claimant: boolean; cues: string[] }[] {
  const d = new Document(doc.text, { published: doc.published });
  claimPipeline().run(d);
  const claims = d.get("claim");
  return doc.events.map((e) => {
    const c = claims.find((k) => k.span[0] <= e.span[0] && e.span[0] < k.span[1]);
    return c
      ? { status: c.status, claimed: true, claimant: !!c.claimant, cues: c.cues.map((x) => x.text) }
      : { status: "asserted" as ClaimStatus, claimed: false, claimant: false, cues: [] };
  });
}

export async function scoreMeantime(dataDir: string, { verbose = false, limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  const files = catFiles(dataDir).slice(0, limit);
  const certainty = new Confusion(CERTAINTY);
  const polarity = new Confusion(POLARITY);
  const lines: string[] = [];
  let events = 0;
  let unannotated = 0;
  let unclaimed = 0;
  const cpu0 = process.cpuUsage();
  for (const file of files) {
    const doc = readCat(readFileSync(file, "utf8"));
    const predicted = statusOfEvents(doc);
    doc.events.forEach((e, i) => {
      // events the annotators left without factuality (a few in every document) are not scored
      if (!e.certainty || !e.polarity) {
        unannotated++;
        return;
      }
      events++;
      const p = predicted[i]!;
      if (!p.claimed) unclaimed++;
      const f = factualityOf(p.status, p.claimant);
      certainty.add(e.certainty, f.certainty);
      polarity.add(e.polarity, f.polarity);
      if (verbose && (f.certainty !== e.certainty || f.polarity !== e.polarity)) {
        const ctx = doc.text.slice(Math.max(0, e.span[0] - 70), e.span[1] + 40).replace(/\s+/g, " ");
        lines.push(`  ${path.basename(file, ".xml")}: [${doc.text.slice(...e.span)}] gold ${e.certainty}/${e.polarity}${e.modality ? ` (cue "${e.modality}")` : ""} got ${p.status}${p.cues.length ? ` (${p.cues.join(", ")})` : ""} :: …${ctx}…`);
      }
    });
  }
  const cpu = process.cpuUsage(cpu0);
  lines.push(`${files.length} documents, ${events} events with factuality (${unannotated} without, not scored), ${unclaimed} outside any claim (scored as asserted); ${Math.round((cpu.user + cpu.system) / 1000)} CPU-ms`);
  lines.push(...certainty.lines("certainty"), ...polarity.lines("polarity"));
  return {
    lines,
    metrics: {
      benchmark: "certainty", data: "MEANTIME English", documents: files.length, events,
      certaintyAccuracy: r3(certainty.accuracy()), certaintyMacroF1: certainty.macroF1(), certainty: certainty.perClass(),
      polarityAccuracy: r3(polarity.accuracy()), polarityMacroF1: polarity.macroF1(), polarity: polarity.perClass(),
    },
  };
}

export const meantimeBenchmark: Benchmark = {
  name: "certainty",
  description: "MEANTIME English (corpus_apple, the SemEval-2015 TimeLine dev corpus): event certainty and polarity from claim status — accuracy, per-class F1, confusion matrices",
  defaultData: "../shared/data/hedge/meantime",
  run: (dataDir, options) => scoreMeantime(dataDir, options),
};

// Run directly: node --import tsx src/eval/meantime.ts [DIR] [--verbose]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? meantimeBenchmark.defaultData;
  const result = await scoreMeantime(dir, { verbose: process.argv.includes("--verbose") });
  for (const l of result.lines) console.log(l);
  console.log(JSON.stringify(result.metrics));
}
