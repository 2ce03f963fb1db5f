// The quote stages in pipeline order, for callers that want quotes alone (the configuration lists them one by one).
import type { Stage } from "../../../core/pipeline.js";
import { mixedClauses } from "../refiners/mixed-clauses.js";
import { nestedReports } from "../refiners/nested-reports.js";
import { quoteAttribution } from "../refiners/quote-attribution.js";
import { quoteContinuation } from "../refiners/quote-continuation.js";
import { reportFilter } from "../refiners/report-filter.js";
import { zeroRelatives } from "../refiners/zero-relatives.js";
import { directQuotes } from "./direct-quotes.js";
import { indirectQuotes } from "./indirect-quotes.js";
import { transcriptTurns } from "./transcript-turns.js";

export const quoteStages: readonly Stage[] = [transcriptTurns, directQuotes, indirectQuotes, reportFilter, zeroRelatives, mixedClauses, nestedReports, quoteContinuation, quoteAttribution];
