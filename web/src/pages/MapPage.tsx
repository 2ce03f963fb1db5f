// The map of places named in one article, in a search's articles, or in the latest articles (offline world-atlas + d3-geo).
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo, useState } from "preact/hooks";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import type { PlaceHit, PlacesResponse } from "../api.js";
import { api } from "../api.js";
import { useCard } from "../components/Card.js";
import { Loaded, usePageTitle } from "../components/common.js";
import { useLoad } from "../hooks.js";
import { href, type Route } from "../router.js";

const W = 960;
const H = 480;
/** Places gathered from this many of the newest articles when no article or search is given. */
const LATEST = 50;

/** Zoom to the places by default when they span fewer degrees of longitude than this. */
const ZOOM_SPAN = 70;
const MAX_LABELS = 16;

/** The corners of a box around the places, padded so one place or a tight cluster still shows its surroundings. */
function placesBox(places: PlaceHit[]): { corners: [number, number][]; wide: number } | undefined {
  if (places.length === 0) return undefined;
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const pad = Math.max(6, (e - w) * 0.15, (n - s) * 0.15);
  return {
    corners: [[Math.max(-180, w - pad), Math.max(-85, s - pad)], [Math.min(180, e + pad), Math.min(85, n + pad)]],
    wide: e - w,
  };
}

/** The places whose names fit beside their marker without covering an earlier (more mentioned) name. */
function labelPlaces(places: PlaceHit[], projection: (p: [number, number]) => [number, number] | null, max: number): Set<PlaceHit> {
  const boxes: [number, number, number, number][] = [];
  const chosen = new Set<PlaceHit>();
  for (const p of places) {
    if (chosen.size >= MAX_LABELS) break;
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const r = markerRadius(p, max);
    // A rough text box: 7 px per character at the label's 13 px size.
    const box: [number, number, number, number] = [xy[0] + r + 2, xy[1] - 7, xy[0] + r + 4 + p.name.length * 7, xy[1] + 7];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    chosen.add(p);
  }
  return chosen;
}

function markerRadius(p: PlaceHit, max: number): number {
  return 4 + 10 * Math.sqrt(p.mentions / max);
}

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const land = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;

/** Places of several answers merged by name and position, mentions summed. */
function merge(answers: PlacesResponse[]): PlacesResponse {
  const byKey = new Map<string, PlaceHit>();
  for (const a of answers) {
    for (const p of a.places) {
      const key = `${p.name.toLowerCase()}@${p.lat.toFixed(1)},${p.lon.toFixed(1)}`;
      const hit = byKey.get(key);
      if (hit) {
        hit.mentions += p.mentions;
        for (const id of p.articles) if (!hit.articles.includes(id)) hit.articles.push(id);
      } else byKey.set(key, { ...p, articles: [...p.articles] });
    }
  }
  return { places: [...byKey.values()].sort((a, b) => b.mentions - a.mentions), articles: answers.reduce((n, a) => n + a.articles, 0) };
}

async function loadPlaces(article?: string, q?: string): Promise<PlacesResponse & { titles: Map<string, string> }> {
  const list = await api.articles({ limit: article || q ? 500 : LATEST });
  const titles = new Map(list.items.map((a) => [a.id, a.title ?? a.id]));
  if (article) return { ...(await api.places({ article })), titles };
  if (q) return { ...(await api.places({ q })), titles };
  return { ...merge(await Promise.all(list.items.map((a) => api.places({ article: a.id })))), titles };
}

function PlaceCard({ p, titles }: { p: PlaceHit; titles: Map<string, string> }) {
  return (
    <div>
      <p class="card-title"><strong>{p.name}</strong> {p.country && <span class="tag code">{p.country}</span>}</p>
      <p><span class="k">mentions</span> {p.mentions} <span class="k">in</span> {p.articles.length} article{p.articles.length === 1 ? "" : "s"}</p>
      <ul class="plain card-links">
        {p.articles.slice(0, 6).map((id) => <li key={id}><a href={href(["article", id])}>{titles.get(id) ?? id}</a></li>)}
      </ul>
    </div>
  );
}

export function MapPage({ route }: { route: Route }) {
  const article = route.query.get("article") ?? undefined;
  const q = route.query.get("q") ?? undefined;
  usePageTitle("Map");
  const load = useLoad(`places:${article ?? ""}:${q ?? ""}`, () => loadPlaces(article, q));
  const [words, setWords] = useState(q ?? "");
  const card = useCard();
  const [zoomChoice, setZoom] = useState<boolean | undefined>(undefined);
  useEffect(() => setZoom(undefined), [article, q]);
  const places = load.state === "ok" ? load.data.places : [];
  const box = useMemo(() => placesBox(places), [places]);
  // Places in one region are zoomed to by default; spread over the world, the whole world is shown.
  const zoom = zoomChoice ?? (!!box && box.wide < ZOOM_SPAN);
  const projection = useMemo(() => {
    const p = geoEqualEarth();
    if (zoom && box) return p.fitExtent([[24, 24], [W - 24, H - 24]], { type: "MultiPoint", coordinates: box.corners });
    return p.fitExtent([[8, 8], [W - 8, H - 8]], { type: "Sphere" });
  }, [zoom, box]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const countryPaths = useMemo(() => land.features.map((f, i) => <path key={i} d={path(f) ?? ""} class="country" />), [path]);
  return (
    <section aria-labelledby="map-h" class="map-page">
      <h1 id="map-h">Places</h1>
      <form
        class="filters"
        role="search"
        aria-label="Places in the articles a search finds"
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = href(["map"], { q: words.trim() || undefined });
        }}
      >
        <div class="field">
          <label for="map-q">Places in articles about</label>
          <input id="map-q" type="search" value={words} placeholder="search words" onInput={(e) => setWords(e.currentTarget.value)} />
        </div>
        <button type="submit">Show</button>
        {box && (
          <button type="button" aria-pressed={zoom} onClick={() => setZoom(!zoom)}>
            {zoom ? "Show the whole world" : "Zoom to the places"}
          </button>
        )}
        {(article || q) && <a href="#/map">All recent articles</a>}
      </form>
      <Loaded load={load} what="places">
        {(data) => {
          const max = Math.max(1, ...data.places.map((p) => p.mentions));
          // Names on the map only when zoomed in, for the most mentioned places (the list has all of them).
          const labelled = labelPlaces(data.places, projection, max);
          return (
            <>
              <p class="muted" role="status">
                {data.places.length} places from {data.articles} article{data.articles === 1 ? "" : "s"}
                {article && <> — <a href={href(["article", article])}>{data.titles.get(article) ?? "the article"}</a></>}
                {q && <> about “{q}”</>}
              </p>
              <div class="map-wrap">
                <svg viewBox={`0 0 ${W} ${H}`} class="map" role="group" aria-label={`World map with ${data.places.length} places marked; the list beside it has the same places.`}>
                  <path d={path({ type: "Sphere" }) ?? ""} class="sphere" aria-hidden="true" />
                  <g aria-hidden="true">{countryPaths}</g>
                  <g class="markers">
                    {[...data.places].reverse().map((p) => {
                      const xy = projection([p.lon, p.lat]);
                      if (!xy) return null;
                      const r = markerRadius(p, max);
                      const id = `place-${p.name.replace(/[^A-Za-z0-9]/g, "_")}-${p.lat.toFixed(1)}-${p.lon.toFixed(1)}`;
                      return (
                        <g key={id} class="marker" tabIndex={0} role="img" aria-label={`${p.name}: ${p.mentions} mentions in ${p.articles.length} articles`} {...card(id, () => <PlaceCard p={p} titles={data.titles} />)}>
                          <circle cx={xy[0]} cy={xy[1]} r={r} />
                          {zoom && labelled.has(p) && <text x={xy[0] + r + 3} y={xy[1]} dy="0.32em" class="place-label" aria-hidden="true">{p.name}</text>}
                        </g>
                      );
                    })}
                  </g>
                </svg>
                <ol class="place-list" aria-label="Places, most mentioned first">
                  {data.places.map((p) => (
                    <li key={`${p.name}${p.lat}${p.lon}`}>
                      <span>{p.name}</span> {p.country && <span class="muted">{p.country}</span>} <span class="count">{p.mentions}</span>
                    </li>
                  ))}
                </ol>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
