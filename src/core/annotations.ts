// Typed standoff annotation layers carried by a Document; stages read and write them by name.
import type {
  ClaimStatus, Cue, EntityRecord, EntityType, QuantityRecord, QuoteRecord, Ref, Span, TimeRecord, ClaimRecord,
} from "./record.js";

export interface Paragraph {
  span: Span;
  /** a short line without final punctuation (a heading or a crosshead) */
  heading: boolean;
}

export interface Sentence {
  span: Span;
  paragraph: number;
  /** first token index and one past the last (into the token table) */
  tokenStart: number;
  tokenEnd: number;
}

/** Token kinds stored in `TokenTable.kind`. */
export const TokenKind = { Word: 1, Number: 2, Punct: 3, Symbol: 4 } as const;

/** Tokens stored columnar (wink-nlp style): one typed array per attribute, indexed by token number. */
export interface TokenTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** sentence index of each token */
  sentence: Int32Array;
}

export function emptyTokenTable(): TokenTable {
  return { count: 0, start: new Int32Array(0), end: new Int32Array(0), kind: new Uint8Array(0), sentence: new Int32Array(0) };
}

/** One occurrence of a name or group in the text, before mentions are clustered into entities. */
export interface Mention {
  span: Span;
  text: string;
  type: EntityType;
  /** entity id, filled by entity resolution */
  entity?: string;
  /** which stage proposed it (provenance tag) */
  source: string;
}

/** A document-level entity: the record's entity plus working data. */
export interface Entity extends EntityRecord {
  descriptors: string[];
  roles: string[];
  affiliations: string[];
  /** grammatical gender for pronoun resolution, when a first name or title tells it */
  gender?: "female" | "male";
}

export interface Quote extends QuoteRecord {
  /** which stage proposed it */
  source: string;
}

export interface Quantity extends QuantityRecord {
  source: string;
}

export interface Time extends TimeRecord {
  source: string;
}

/** A word or phrase that marks how sure a statement is ("purportedly", "may", "no proof"). */
export interface Hedge {
  span: Span;
  text: string;
  status: ClaimStatus;
  /** the words the cue bears on, when known */
  scope?: Span;
  source: string;
}

export interface Claim extends ClaimRecord {
  source: string;
}

/** Every layer a document can carry. Extend by interface augmentation (`declare module`). */
export interface Layers {
  paragraph: Paragraph[];
  sentence: Sentence[];
  token: TokenTable;
  mention: Mention[];
  entity: Entity[];
  quote: Quote[];
  quantity: Quantity[];
  time: Time[];
  hedge: Hedge[];
  claim: Claim[];
}

export type LayerName = keyof Layers;

export type { Cue, Ref, Span };
