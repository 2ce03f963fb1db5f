// The English pipeline: an ordered list of stages. Each comment says why the stage sits where it does.
import { Pipeline, type Stage } from "../../core/pipeline.js";
import { geocode } from "../../geo/geocode.js";
import { entityMentions } from "./extractors/entity-mentions.js";
import { nerMentions } from "./extractors/ner-mentions.js";
import { hedges } from "./extractors/hedges.js";
import { paragraphs } from "./extractors/paragraphs.js";
import { quantities } from "./extractors/quantities.js";
import { directQuotes } from "./extractors/direct-quotes.js";
import { transcriptTurns } from "./extractors/transcript-turns.js";
import { indirectQuotes } from "./extractors/indirect-quotes.js";
import { sentences } from "./extractors/sentences.js";
import { times } from "./extractors/times.js";
import { tokens } from "./extractors/tokens.js";
import { claims } from "./refiners/claims.js";
import { entityResolution } from "./refiners/entity-resolution.js";
import { mixedClauses } from "./refiners/mixed-clauses.js";
import { nestedReports } from "./refiners/nested-reports.js";
import { quoteAttribution } from "./refiners/quote-attribution.js";
import { quoteContinuation } from "./refiners/quote-continuation.js";
import { reportFilter } from "./refiners/report-filter.js";
import { zeroRelatives } from "./refiners/zero-relatives.js";

export const englishStages: readonly Stage[] = [
  // Segmentation first: every later stage works sentence by sentence on the token table.
  paragraphs,
  sentences,
  tokens,
  // Names before quotes: speakers and claimants resolve to entities, so entities must exist.
  entityMentions,
  // The trained model adds the names the rules miss (after them: rules win where both speak; before resolution).
  nerMentions,
  // Clustering (full name ↔ surname ↔ title + name) and appositions give each entity its descriptors.
  entityResolution,
  // Places get coordinates once their mentions are clustered (one lookup per entity, not per mention).
  geocode,
  // Dates next: figures take the date their sentence gives, so times precede quantities.
  times,
  // Quotes and their speakers: quantities take their claimant from the quote they sit in.
  // Quotation marks first: reported speech must not be sought inside a quotation, and a cue that
  // attributes a direct quote is not a second, indirect one.
  // Transcript turns ("WALLACE: …") before them: a transcript quoted whole re-opens every paragraph with a mark.
  transcriptTurns,
  directQuotes,
  // Reported speech next: a quotation embedded in it ("… treated as "a hostile target"") takes its speaker.
  indirectQuotes,
  // The learned filter drops the reports it doubts before any later stage builds on them.
  reportFilter,
  // A report in a relative clause without a relative word opens at its head (after the filter: it judges the report).
  zeroRelatives,
  // A quotation woven into its cue's clause gives that clause as a report (after the filter: it judges the rules' own).
  mixedClauses,
  // A report nested in another's content gives way to the outer one, as PolNeAR annotates (after every report is known).
  nestedReports,
  // Unattributed quotations take a speaker from context once every cue-attributed quote is known.
  quoteContinuation,
  // Speaker phrases last become entities (after the continuations copied them), one answer per quote.
  quoteAttribution,
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
