// Cross-article views over the store (entity resolution, figure series, source statistics), computed once per store change.
import type { Store, StoredArticle } from "../store/store.js";
import type { Resolution } from "../track/entity-resolution.js";
import type { FigureSeries } from "../track/figure-series.js";
import { resolveStoreEntities, storeFigureSeries, storeSourceStatistics } from "../track/from-store.js";
import type { SourceGroup, SourceGrouping } from "../track/source-stats.js";

export type ArticleSummary = Pick<StoredArticle, "id" | "title" | "published" | "outlet" | "url">;

/** Distinct views (figure series per date range, sources per grouping) kept per store state; more are computed and dropped. */
const MAX_ENTRIES = 64;

/**
 * Results keyed on the store's state: its counts (which any writer changes, this server or an ingest run
 * beside it) plus the number of writes this server made (a re-extraction can leave the counts as they were).
 * Resolving every entity of a large store takes seconds; doing it per request would be the slow path.
 */
export class StoreViews {
  private stamp = "";
  private writes = 0;
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Store) {}

  /** Called after every write this server makes. */
  noteWrite(): void {
    this.writes++;
  }

  private async current(): Promise<void> {
    const stamp = `${JSON.stringify(await this.store.stats())}#${this.writes}`;
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.cache.clear();
    }
  }

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.current();
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      hit = compute();
      this.cache.set(key, hit);
      // A failed computation is not remembered: the next request tries again.
      hit.catch(() => this.cache.delete(key));
    }
    return hit;
  }

  resolution(): Promise<Resolution> {
    return this.cached("resolution", () => resolveStoreEntities(this.store));
  }

  figureSeries(counted: string, from?: string, to?: string): Promise<FigureSeries[]> {
    return this.cached(`figures\0${counted}\0${from ?? ""}\0${to ?? ""}`, () => storeFigureSeries(this.store, counted, { from, to }));
  }

  sources(by: SourceGrouping, range: { outlet?: string; from?: string; to?: string }): Promise<SourceGroup[]> {
    return this.cached(`sources\0${by}\0${range.outlet ?? ""}\0${range.from ?? ""}\0${range.to ?? ""}`, () =>
      storeSourceStatistics(this.store, by, { outlet: range.outlet, from: range.from, to: range.to }));
  }

  /** id → title, date, outlet and URL of every current article: what entity pages list. */
  articleIndex(): Promise<Map<string, ArticleSummary>> {
    return this.cached("articles", async () => {
      const index = new Map<string, ArticleSummary>();
      for (const a of await this.store.articles()) index.set(a.id, { id: a.id, title: a.title, published: a.published, outlet: a.outlet, url: a.url });
      for (const a of index.values()) for (const k of Object.keys(a) as (keyof ArticleSummary)[]) if (a[k] === undefined) delete a[k];
      return index;
    });
  }
}
