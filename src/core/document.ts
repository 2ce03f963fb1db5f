// The Document: one body text, source metadata, typed standoff layers and stage messages (vfile-like).
import type { Layers, LayerName, TokenTable } from "./annotations.js";
import type { SourceInfo, Span } from "./record.js";

export interface Message {
  stage: string;
  text: string;
  level: "warning" | "info";
}

/** Where a range of `text` came from in the source (for HTML: an index into the source's blocks). */
export interface SourceMapEntry {
  span: Span;
  /** a CSS-like path or block number in the source document */
  origin: string;
}

export class Document {
  readonly text: string;
  source: SourceInfo;
  id: string;
  readonly messages: Message[] = [];
  /** text ranges back to the source HTML (empty for plain text) */
  sourceMap: SourceMapEntry[] = [];
  /** paragraph spans known from the source (HTML blocks); segmentation uses them when present */
  sourceParagraphs?: Span[];
  /** milliseconds per stage, filled by the pipeline */
  readonly timings: Record<string, number> = {};
  private readonly layers: Partial<Layers> = {};
  private readonly counters = new Map<string, number>();

  constructor(text: string, source: SourceInfo = {}, id = "") {
    this.text = text;
    this.source = source;
    this.id = id;
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  get<K extends LayerName>(name: K): Layers[K] {
    const layer = this.layers[name];
    if (layer === undefined) throw new Error(`layer "${name}" has not been provided`);
    return layer as Layers[K];
  }

  /** The layer, or an empty list when no stage provided it (for optional reads). */
  maybe<K extends Exclude<LayerName, "token">>(name: K): Layers[K] {
    return (this.layers[name] ?? []) as Layers[K];
  }

  set<K extends LayerName>(name: K, value: Layers[K]): void {
    this.layers[name] = value;
  }

  warn(stage: string, text: string): void {
    this.messages.push({ stage, text, level: "warning" });
  }

  /** Next id with a prefix: "q1", "q2"... stable within one document. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  slice(span: Span): string {
    return this.text.slice(span[0], span[1]);
  }

  tokenText(tokens: TokenTable, i: number): string {
    return this.text.slice(tokens.start[i], tokens.end[i]);
  }

  /** Publication date as YYYY-MM-DD when known: the anchor for relative dates. */
  get referenceDate(): string | undefined {
    const p = this.source.published;
    return p && /^\d{4}-\d{2}-\d{2}/.test(p) ? p.slice(0, 10) : undefined;
  }
}
