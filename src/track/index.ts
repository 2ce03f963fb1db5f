// Cross-article tracking: entity resolution, figure series with disagreements, source statistics.
export * from "./entity-resolution.js";
export * from "./figure-series.js";
export * from "./source-stats.js";
export * from "./from-store.js";
export { countryOf, editDistance, foldName } from "./names.js";
