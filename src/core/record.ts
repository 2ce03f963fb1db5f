// The article record, format v1 (DESIGN.md §2): the contract outside scorers read. Extend, never rename.

/** `[start, end)` offsets in UTF-16 code units into `ArticleRecord.text`. */
export type Span = [number, number];

/** A speaker or claimant: `span` is the attributing mention as written, `entity`/`name` who it resolves to. */
export interface Ref {
  entity?: string;
  name: string;
  span?: Span;
}

export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "NORP" | "GROUP";

export interface Geo {
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-2 */
  country: string;
  geonameId?: number;
}

export interface SourceInfo {
  url?: string;
  outlet?: string;
  title?: string;
  subtitle?: string;
  byline?: string[];
  /** ISO 8601 */
  published?: string;
  modified?: string;
  language?: string;
}

export interface EntityRecord {
  id: string;
  type: EntityType | string;
  name: string;
  aliases: string[];
  mentions: Span[];
  descriptors?: string[];
  roles?: string[];
  /** entity ids or names */
  affiliations?: string[];
  geo?: Geo;
}

export interface Cue {
  text: string;
  span: Span;
}

export type QuoteKind = "direct" | "indirect" | "mixed";

export interface QuoteRecord {
  id: string;
  kind: QuoteKind;
  text: string;
  span: Span;
  cue?: Cue;
  speaker?: Ref;
  confidence?: number;
  /**
   * Stretches inside `span` that are the writer's, not the reported words: an aside set off by commas between a
   * raised subject and its verb ("The bank, which cut rates twice, is expected to …"). The cue, inside the span too
   * when the content stands around it, is in `cue`.
   */
  asides?: Span[];
}

export type Bound = "exact" | "approx" | "lower" | "upper" | "range";

export interface QuantityRecord {
  id: string;
  text: string;
  span: Span;
  value?: number;
  low?: number;
  high?: number;
  bound: Bound;
  unit?: string;
  counted?: string;
  claimant?: Ref;
  /** id of the quote the figure sits in */
  quote?: string;
  /** TIMEX3 value the figure refers to */
  time?: string;
}

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

export interface TimeRecord {
  id: string;
  text: string;
  span: Span;
  value: string;
  type: TimeType;
}

export type ClaimStatus = "asserted" | "reported" | "estimated" | "alleged" | "speculative" | "denied";

export interface ClaimRecord {
  id: string;
  text: string;
  span: Span;
  status: ClaimStatus;
  cues: Cue[];
  claimant?: Ref;
  quantities?: string[];
  quotes?: string[];
}

export interface ArticleRecord {
  schema: "claimline/record@1";
  id: string;
  source: SourceInfo;
  text: string;
  entities: EntityRecord[];
  quotes: QuoteRecord[];
  quantities: QuantityRecord[];
  times: TimeRecord[];
  claims: ClaimRecord[];
  warnings?: string[];
}

export const RECORD_SCHEMA = "claimline/record@1" as const;
