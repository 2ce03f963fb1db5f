// Cross-article views computed from a store: resolved entities, figure series and source statistics.
import type { DateRange, Store } from "../store/store.js";
import { resolveEntities, type Resolution } from "./entity-resolution.js";
import { buildSeries, matchSeries, type FigureSeries, type SeriesOptions } from "./figure-series.js";
import { sourceStatistics, type SourceGroup, type SourceGrouping } from "./source-stats.js";

export async function resolveStoreEntities(store: Store): Promise<Resolution> {
  return resolveEntities(await store.entities());
}

/** A name as written → the canonical name of the entity it resolves to (or undefined to keep it as written). */
export function canonicalNamer(resolution: Resolution): (name: string) => string | undefined {
  return (name) => resolution.lookup(name)?.name;
}

/** The figure series about `counted` (every series with a counted thing when it is empty), claimants resolved across articles. */
export async function storeFigureSeries(store: Store, counted: string, options: SeriesOptions & DateRange = {}): Promise<FigureSeries[]> {
  const resolution = await resolveStoreEntities(store);
  const rows = await store.quantities({ withCounted: true, from: options.from, to: options.to });
  const series = buildSeries(rows, { resolveClaimant: canonicalNamer(resolution), ...options });
  return counted.trim() ? matchSeries(series, counted) : series;
}

/**
 * Source statistics with speakers resolved across articles. A quote whose article gives its speaker no role
 * or affiliation borrows those the same person has elsewhere in the store ("Putin" is a head of state even
 * where the article does not say so).
 */
export async function storeSourceStatistics(store: Store, by: SourceGrouping, range: DateRange & { outlet?: string } = {}): Promise<SourceGroup[]> {
  const resolution = await resolveStoreEntities(store);
  const quotes = (await store.quotes(range)).map((q) => {
    const entity = q.speaker ? resolution.lookup(q.speaker) : undefined;
    if (!entity) return q;
    return {
      ...q,
      speakerType: q.speakerType ?? entity.type,
      speakerRoles: q.speakerRoles.length ? q.speakerRoles : entity.roles.map((r) => r.role),
      speakerAffiliations: q.speakerAffiliations.length ? q.speakerAffiliations : entity.affiliations,
    };
  });
  return sourceStatistics(quotes, by, { resolveSpeaker: canonicalNamer(resolution) });
}
