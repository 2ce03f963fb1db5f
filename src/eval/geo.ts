// GeoWebNews scorer for the geocoder: resolution given gold toponyms (exact GeoNames id, country, within 161 km) and end-to-end toponym recognition P/R/F1.
//
// Usage: claimline eval geo [--data DIR] [--limit N] [--verbose]
//   DIR holds GWN.dev.xml (../shared/data/geo/geowebnews; its PROVENANCE.md defines the split: 160 dev articles,
//   the 40-article holdout fold of the repo's ner.py is kept out of the project). Tune on dev only. A folder with
//   GeoVirus.xml instead (../shared/data/geo/geovirus) is scored the same way, for 161 km only (no GeoNames ids).
// Resolution: every gold toponym with a GeoNames id goes, with its surface text, to `resolvePlaces` together with the
//   article's other gold toponyms as context (same surface = one place, as one entity would be); scored against the
//   gold id, the gold point's country and 161 km (100 miles, the usual acc@161); a toponym the gazetteer lacks is
//   placed at the article's nearest place (kind "vicinity", never exact) and also counted apart. Toponyms with coordinates but no id
//   (streets, buildings) are scored for 161 km only, on a separate line.
// Recognition: the English pipeline runs on each article; its GPE/LOC mentions, and NORP mentions naming a country
//   ("Syrian"), are matched to gold toponyms of the types below by exact span.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Geo, Span } from "../core/record.js";
import { cityCountry, gazetteer } from "../geo/gazetteer.js";
import { distanceKm, placeKey, resolvePlaces, type PlaceCandidate, type PlaceMention } from "../geo/geocode.js";
import type { Benchmark, BenchmarkResult } from "./benchmark.js";

export interface GoldToponym {
  text: string;
  type: string;
  start: number;
  end: number;
  normalised?: string;
  geonameId?: number;
  lat?: number;
  lon?: number;
}
export interface GwnArticle { id: string; title: string; text: string; toponyms: GoldToponym[] }

/** Gold toponym types that name a place (GeoWebNews taxonomy): literal, associative and embedded uses, adjectives included. */
export const RECOGNITION_TYPES = new Set([
  "Literal", "Mixed", "Metonymic", "Literal_Modifier", "Non_Literal_Modifier", "Embedded_Literal", "Embedded_Non_Lit",
]);
/** Gold types that are context but not places to score (nationalities as nouns: "Americans"). */
const CONTEXT_TYPES = new Set(["Demonym"]);

const unescape = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Articles of a GWN.*.xml file; offsets are into the unescaped `<text>`. */
export function parseGwn(xml: string): GwnArticle[] {
  const out: GwnArticle[] = [];
  for (const a of xml.matchAll(/<article file="([^"]*)">([\s\S]*?)<\/article>/g)) {
    const body = a[2]!;
    const field = (src: string, tag: string): string | undefined => {
      const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(src);
      return m ? unescape(m[1]!) : undefined;
    };
    const toponyms: GoldToponym[] = [];
    for (const t of body.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const src = t[1]!;
      const num = (tag: string): number | undefined => {
        const v = field(src, tag);
        return v !== undefined && v.trim() !== "" ? Number(v) : undefined;
      };
      const g: GoldToponym = { text: field(src, "extractedName") ?? "", type: field(src, "type") ?? "", start: num("start") ?? 0, end: num("end") ?? 0 };
      const norm = field(src, "normalisedName");
      if (norm) g.normalised = norm;
      const id = num("geonamesID");
      if (id) g.geonameId = id;
      const lat = num("latitude");
      const lon = num("longitude");
      if (lat !== undefined && lon !== undefined) { g.lat = lat; g.lon = lon; }
      toponyms.push(g);
    }
    out.push({ id: a[1]!, title: field(body, "title") ?? "", text: field(body, "text") ?? "", toponyms });
  }
  return out;
}

/**
 * Articles of GeoVirus.xml (Wikinews; no split: a second dev set): every location is a literal toponym with
 * Wikipedia coordinates and no GeoNames id, so it is scored for 161 km only.
 */
export function parseGeoVirus(xml: string): GwnArticle[] {
  const out: GwnArticle[] = [];
  let n = 0;
  for (const a of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const body = a[1]!;
    const field = (src: string, tag: string): string | undefined => {
      const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(src);
      return m ? unescape(m[1]!) : undefined;
    };
    const toponyms: GoldToponym[] = [];
    const text = field(body, "text") ?? "";
    for (const l of body.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      const src = l[1]!;
      const name = field(src, "name") ?? "";
      let start = Number(field(src, "start"));
      // the file's offsets are mostly one past the name: take the nearest place the name is written
      for (const d of [0, -1, 1, -2, 2, -3, 3]) {
        if (text.startsWith(name, start + d)) { start += d; break; }
      }
      toponyms.push({ text: name, type: "Literal", start, end: start + name.length, lat: Number(field(src, "lat")), lon: Number(field(src, "lon")) });
    }
    out.push({ id: String(n++), title: field(body, "source") ?? "", text, toponyms });
  }
  return out;
}

/** Gold toponyms of one article as resolver mentions: one per surface form (keyed like the gazetteer), spans joined. */
export function goldMentions(article: GwnArticle): { mentions: PlaceMention[]; of: Map<GoldToponym, number> } {
  const byKey = new Map<string, number>();
  const mentions: PlaceMention[] = [];
  const of = new Map<GoldToponym, number>();
  for (const t of article.toponyms) {
    const place = t.lat !== undefined || t.geonameId !== undefined;
    if (!place && !CONTEXT_TYPES.has(t.type)) continue;
    const key = `${place ? "p" : "c"}:${placeKey(t.text)}`;
    let k = byKey.get(key);
    if (k === undefined) {
      k = mentions.length;
      byKey.set(key, k);
      mentions.push({ names: [t.text], spans: [], contextOnly: !place });
    }
    mentions[k]!.spans.push([t.start, t.end]);
    of.set(t, k);
  }
  for (const m of mentions) m.spans.sort((a, b) => a[0] - b[0]);
  return { mentions, of };
}

interface Resolution {
  n: number; exact: number; countryKnown: number; country: number; within161: number; none: number; errorKm: number[];
  /** toponyms the gazetteer lacks, placed at the article's nearest place (kind "vicinity"), and of them within 161 km */
  vicinity: number; vicinity161: number;
  /** toponyms with coordinates but no GeoNames id */
  coordOnly: number; coordOnly161: number;
}

const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 0);
const r4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The gold point's country: its GeoNames id when the gazetteer has it, else the nearest gazetteer city within 100 km. */
function goldCountryFinder(): (t: GoldToponym) => string | undefined {
  const g = gazetteer();
  const byId = new Map<number, string>();
  for (let i = 0; i < g.cities.id.length; i++) byId.set(g.cities.id[i]!, cityCountry(g, i));
  for (const c of g.countries.values()) if (c.geonameId) byId.set(c.geonameId, c.cc);
  for (const r of g.regionByName.values()) if (r.geonameId) byId.set(r.geonameId, r.cc);
  for (const list of g.admin1ByName.values()) for (const r of list) if (r.geonameId) byId.set(r.geonameId, r.cc);
  return (t) => {
    if (t.geonameId !== undefined && byId.has(t.geonameId)) return byId.get(t.geonameId) || undefined;
    if (t.lat === undefined || t.lon === undefined) return undefined;
    let best = -1;
    let bestD = 100;
    const p = { lat: t.lat, lon: t.lon };
    for (let i = 0; i < g.cities.id.length; i++) {
      if (Math.abs(g.cities.lat[i]! - t.lat) > 1) continue;
      const d = distanceKm(p, { lat: g.cities.lat[i]!, lon: g.cities.lon[i]! });
      if (d < bestD) { bestD = d; best = i; }
    }
    return best >= 0 ? cityCountry(g, best) : undefined;
  };
}

export function scoreResolution(articles: readonly GwnArticle[], verbose: boolean, lines: string[]): Resolution {
  const res: Resolution = { n: 0, exact: 0, countryKnown: 0, country: 0, within161: 0, none: 0, errorKm: [], vicinity: 0, vicinity161: 0, coordOnly: 0, coordOnly161: 0 };
  const goldCountry = goldCountryFinder();
  for (const a of articles) {
    const { mentions, of } = goldMentions(a);
    const got = resolvePlaces(a.text, mentions);
    for (const t of a.toponyms) {
      const k = of.get(t);
      if (k === undefined || t.lat === undefined || t.lon === undefined) continue;
      const c: PlaceCandidate | undefined = got[k];
      const d = c ? distanceKm({ lat: t.lat, lon: t.lon }, c) : Infinity;
      if (t.geonameId === undefined) {
        res.coordOnly++;
        if (d <= 161) res.coordOnly161++;
        else if (verbose) {
          lines.push(`  ✗ [${a.id}] "${t.text}" (no id) gold ${t.lat},${t.lon} → ${c ? `${c.kind} ${c.name} ${c.country || "-"} (${Math.round(d)} km)` : "nothing"}`);
        }
        continue;
      }
      res.n++;
      if (!c) res.none++;
      if (c?.kind === "vicinity") {
        res.vicinity++;
        if (d <= 161) res.vicinity161++;
      }
      const exact = c?.geonameId === t.geonameId;
      if (exact) res.exact++;
      if (d <= 161) res.within161++;
      res.errorKm.push(Math.min(d, 20038));
      const gc = goldCountry(t);
      if (gc !== undefined) {
        res.countryKnown++;
        if (c?.country === gc) res.country++;
      }
      if (verbose && (!exact || d > 161)) {
        const ours = c ? `${c.kind} ${c.name} ${c.country || "-"} #${c.geonameId ?? "?"}` : "nothing";
        lines.push(`  ${d <= 161 ? "~" : "✗"} [${a.id}] "${t.text}" (${t.type}) gold ${t.normalised ?? "?"} #${t.geonameId} ${gc ?? "?"} → ${ours}${Number.isFinite(d) ? ` (${Math.round(d)} km)` : ""}`);
      }
    }
  }
  return res;
}

interface Recognition {
  gold: number; predicted: number; correct: number; byType: Map<string, [number, number]>;
  /** recognised gold toponyms with an id; of them, placed within 161 km by the record's geo, and by the resolver */
  matched: number; matched161: number; resolved161: number;
}

export async function scoreRecognition(articles: readonly GwnArticle[], verbose: boolean, lines: string[]): Promise<Recognition> {
  const { englishPipeline } = await import("../nlp/en/configuration.js");
  const { Document } = await import("../core/document.js");
  const pipeline = englishPipeline();
  const g = gazetteer();
  // a corpus without GeoNames ids (GeoVirus) scores every recognised toponym with coordinates
  const withIds = articles.some((a) => a.toponyms.some((t) => t.geonameId !== undefined));
  const rec: Recognition = { gold: 0, predicted: 0, correct: 0, byType: new Map(), matched161: 0, matched: 0, resolved161: 0 };
  for (const a of articles) {
    const doc = new Document(a.text);
    pipeline.run(doc);
    const predicted = new Map<string, { span: Span; geo?: Geo; cand?: PlaceCandidate }>();
    // the record's geo (GPE/LOC only, none for continents) and the resolver's answer for every recognised name
    const names: PlaceMention[] = [];
    const spansOf: Span[][] = [];
    for (const e of doc.maybe("entity")) {
      const place = e.type === "GPE" || e.type === "LOC";
      if (!place && !(e.type === "NORP" && g.demonymByName.get(e.name.toLowerCase()))) continue;
      for (const s of e.mentions) predicted.set(`${s[0]}:${s[1]}`, { span: s, geo: place ? e.geo : undefined });
      names.push({ names: [e.name, ...e.aliases], spans: e.mentions });
      spansOf.push(e.mentions);
    }
    resolvePlaces(a.text, names, doc.maybe("sentence").map((s) => s.span)).forEach((c, k) => {
      for (const s of spansOf[k]!) {
        const p = predicted.get(`${s[0]}:${s[1]}`);
        if (p && c) p.cand = c;
      }
    });
    const gold = a.toponyms.filter((t) => RECOGNITION_TYPES.has(t.type));
    const goldKeys = new Set(gold.map((t) => `${t.start}:${t.end}`));
    rec.gold += goldKeys.size;
    rec.predicted += predicted.size;
    const counted = new Set<string>();
    for (const t of gold) {
      const key = `${t.start}:${t.end}`;
      if (counted.has(key)) continue;
      counted.add(key);
      const bt = rec.byType.get(t.type) ?? [0, 0];
      bt[0]++;
      const p = predicted.get(key);
      if (p) {
        rec.correct++;
        bt[1]++;
        if (t.lat !== undefined && t.lon !== undefined && (t.geonameId !== undefined || !withIds)) {
          rec.matched++;
          if (p.cand && distanceKm({ lat: t.lat, lon: t.lon }, p.cand) <= 161) rec.resolved161++;
          const d = p.geo ? distanceKm({ lat: t.lat, lon: t.lon }, p.geo) : Infinity;
          if (d <= 161) rec.matched161++;
          else if (verbose) lines.push(`  placed far [${a.id}] "${t.text}" gold ${t.normalised ?? "?"} → ${p.geo ? `${p.geo.country} ${p.geo.lat},${p.geo.lon} (${Math.round(d)} km)` : "no geo"}`);
        }
      } else if (verbose) lines.push(`  missed [${a.id}] "${t.text}" (${t.type})`);
      rec.byType.set(t.type, bt);
    }
    if (verbose) {
      for (const [key, p] of predicted) if (!goldKeys.has(key)) lines.push(`  spurious [${a.id}] "${a.text.slice(...p.span)}"`);
    }
  }
  return rec;
}

export async function scoreGeo(dataDir: string, { verbose = false, limit }: { verbose?: boolean; limit?: number } = {}): Promise<BenchmarkResult> {
  const file = path.join(dataDir, "GWN.dev.xml");
  const virus = path.join(dataDir, "GeoVirus.xml");
  if (!existsSync(file) && !existsSync(virus)) throw new Error(`no GWN.dev.xml or GeoVirus.xml in ${dataDir}`);
  const corpus = existsSync(file) ? "GeoWebNews dev" : "GeoVirus";
  let articles = existsSync(file) ? parseGwn(readFileSync(file, "utf8")) : parseGeoVirus(readFileSync(virus, "utf8"));
  if (limit) articles = articles.slice(0, limit);
  const lines: string[] = [];
  const t0 = process.cpuUsage();
  const res = scoreResolution(articles, verbose, lines);
  const t1 = process.cpuUsage(t0);
  const rec = await scoreRecognition(articles, verbose, lines);
  const errs = [...res.errorKm].sort((x, y) => x - y);
  const meanErr = errs.length ? errs.reduce((s, x) => s + x, 0) / errs.length : 0;
  const p = rec.predicted ? rec.correct / rec.predicted : 0;
  const r = rec.gold ? rec.correct / rec.gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  lines.push(`${corpus}: ${articles.length} articles`);
  lines.push(`resolution given gold toponyms (${res.n} with a GeoNames id): exact id ${pct(res.exact, res.n)}%, ` +
    `country ${pct(res.country, res.countryKnown)}% (of ${res.countryKnown}), within 161 km ${pct(res.within161, res.n)}%, ` +
    `mean error ${Math.round(meanErr)} km, median ${Math.round(errs[errs.length >> 1] ?? 0)} km, unresolved ${res.none}, ` +
    `placed by the nearest place ${res.vicinity} (${pct(res.vicinity161, res.vicinity)}% within 161 km); ` +
    `${((t1.user + t1.system) / 1000).toFixed(0)} ms CPU`);
  lines.push(`  coordinates without an id (${res.coordOnly}): within 161 km ${pct(res.coordOnly161, res.coordOnly)}%`);
  lines.push(`recognition (pipeline GPE/LOC + country NORP mentions, exact span): P ${pct(rec.correct, rec.predicted)} R ${pct(rec.correct, rec.gold)} F1 ${(100 * f1).toFixed(1)} ` +
    `(gold ${rec.gold}, predicted ${rec.predicted}, correct ${rec.correct})`);
  lines.push(`  recognised toponyms with ${res.n ? "an id" : "coordinates"} (${rec.matched}): resolver within 161 km ${pct(rec.resolved161, rec.matched)}%; ` +
    `record geo within 161 km ${pct(rec.matched161, rec.matched)}% (GPE/LOC only: nationalities and continents carry no geo)`);
  lines.push(`  recall by type: ${[...rec.byType].sort((x, y) => y[1][0] - x[1][0]).map(([t, [n, c]]) => `${t} ${pct(c, n)}% of ${n}`).join(", ")}`);
  const metrics = {
    benchmark: "geo", corpus, articles: articles.length,
    resolution: { n: res.n, exact: r4(res.exact / Math.max(1, res.n)), country: r4(res.country / Math.max(1, res.countryKnown)), acc161: r4(res.within161 / Math.max(1, res.n)), meanKm: Math.round(meanErr), unresolved: res.none, vicinity: res.vicinity, coordOnly: res.coordOnly, coordOnly161: r4(res.coordOnly161 / Math.max(1, res.coordOnly)) },
    recognition: { gold: rec.gold, predicted: rec.predicted, correct: rec.correct, p: r4(p), r: r4(r), f1: r4(f1), matched: rec.matched, resolved161: r4(rec.resolved161 / Math.max(1, rec.matched)), geo161: r4(rec.matched161 / Math.max(1, rec.matched)) },
  };
  return { lines, metrics };
}

export const geoBenchmark: Benchmark = {
  name: "geo",
  description: "GeoWebNews dev: toponym resolution given gold toponyms (exact GeoNames id, country, 161 km) and recognition P/R/F1",
  defaultData: "../shared/data/geo/geowebnews",
  run: (dataDir, options) => scoreGeo(dataDir, options),
};
