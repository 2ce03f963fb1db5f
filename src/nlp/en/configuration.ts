// The English pipeline: an ordered list of stages. Each comment says why the stage sits where it does.
import { Pipeline, type Stage } from "../../core/pipeline.js";
import { geocode } from "../../geo/geocode.js";
import { entityMentions } from "./extractors/entity-mentions.js";
import { hedges } from "./extractors/hedges.js";
import { paragraphs } from "./extractors/paragraphs.js";
import { quantities } from "./extractors/quantities.js";
import { quotes } from "./extractors/quotes.js";
import { sentences } from "./extractors/sentences.js";
import { times } from "./extractors/times.js";
import { tokens } from "./extractors/tokens.js";
import { claims } from "./refiners/claims.js";
import { entityResolution } from "./refiners/entity-resolution.js";

export const englishStages: readonly Stage[] = [
  // Segmentation first: every later stage works sentence by sentence on the token table.
  paragraphs,
  sentences,
  tokens,
  // Names before quotes: speakers and claimants resolve to entities, so entities must exist.
  entityMentions,
  // Clustering (full name ↔ surname ↔ title + name) and appositions give each entity its descriptors.
  entityResolution,
  // Places get coordinates once their mentions are clustered (one lookup per entity, not per mention).
  geocode,
  // Dates next: figures take the date their sentence gives, so times precede quantities.
  times,
  // Quotes and their speakers: quantities take their claimant from the quote they sit in.
  quotes,
  // Figures with bound, counted thing, claimant and date.
  quantities,
  // Certainty cue words, then claims that combine cues, quotes and figures into a status per statement.
  hedges,
  claims,
];

let english: Pipeline | undefined;

/** The English pipeline, built (and checked) once. */
export function englishPipeline(): Pipeline {
  english ??= new Pipeline(englishStages);
  return english;
}
