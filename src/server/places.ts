// Gathers the geocoded places (entities with `geo`) of a set of article records into one list for a map.
import type { ArticleRecord } from "../core/record.js";
import type { PlaceHit } from "./api-types.js";

/** At most this many article ids are listed per place. */
const ARTICLES_PER_PLACE = 20;

/** One place per GeoNames id (`id` is the store's id of each article) (or per name and rounded coordinates when there is none), most mentioned first. */
export function gatherPlaces(articles: { id: string; record: ArticleRecord }[]): PlaceHit[] {
  const places = new Map<string, PlaceHit>();
  for (const { id, record } of articles) {
    for (const entity of record.entities) {
      const geo = entity.geo;
      if (!geo || !Number.isFinite(geo.lat) || !Number.isFinite(geo.lon)) continue;
      const key = geo.geonameId !== undefined ? `g${geo.geonameId}` : `${entity.name.toLowerCase()}@${geo.lat.toFixed(2)},${geo.lon.toFixed(2)}`;
      let hit = places.get(key);
      if (!hit) {
        hit = { name: entity.name, lat: geo.lat, lon: geo.lon, ...(geo.country ? { country: geo.country } : {}), mentions: 0, articles: [], entity };
        places.set(key, hit);
      }
      // An entity found only by resolution may carry no mention span; it is still named once.
      hit.mentions += Math.max(1, entity.mentions.length);
      if (!hit.articles.includes(id) && hit.articles.length < ARTICLES_PER_PLACE) hit.articles.push(id);
    }
  }
  return [...places.values()].sort((a, b) => b.mentions - a.mentions || b.articles.length - a.articles.length || (a.name < b.name ? -1 : 1));
}
