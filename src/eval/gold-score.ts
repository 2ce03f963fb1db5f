// Scores a record against a hand-made gold.json reference (the seed-article format): quotes, figures, dates, certainty, entities.
// Same rules as the outside scorer: items are located by a snippet; among predictions covering an item
// only the most specific one counts (largest overlap, then shortest span).
import type { ArticleRecord, Ref, Span } from "../core/record.js";

export interface GoldItem {
  contains?: string;
  name?: string;
  required?: boolean;
  [k: string]: unknown;
}
export interface Gold {
  input: { file: string; title?: string; subtitle?: string; outlet?: string; published?: string; language?: string };
  entities: { name: string; type: string; aliases?: string[]; descriptors?: string[]; affiliations?: string[]; geo?: { country: string; lat?: number; lon?: number } }[];
  quotes: { kind: string; contains: string; speaker: string; required?: boolean }[];
  quantities: { contains: string; value?: number; bound: string; counted: string; claimant?: string; required?: boolean }[];
  times: { contains: string; value: string; required?: boolean }[];
  certainty: { contains: string; status: string | string[]; required?: boolean }[];
}
export interface CategoryScore { ok: number; n: number; optionalOk: number; misses: string[] }
export type GoldScore = Record<"quotes" | "quantities" | "times" | "certainty" | "entities", CategoryScore>;

/** The bars of the foundation issue: share of required items right per category. */
export const GOLD_BARS = { quotes: 0.9, quantities: 0.8, times: 1.0, certainty: 0.6, entities: 0.9 } as const;

const norm = (s: string | undefined): string =>
  (s ?? "").normalize("NFKC").replace(/[\u201C\u201D\u201E\u00AB\u00BB"]/g, '"').replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ").trim().toLowerCase();
const overlaps = (a?: Span, b?: Span | null): boolean => !!a && !!b && a[0] < b[1] && b[0] < a[1];

export function scoreGold(rec: ArticleRecord, gold: Gold): GoldScore {
  const text = rec.text;
  const byId = new Map(rec.entities.map((e) => [e.id, e]));
  const goldAliases = new Map(gold.entities.map((e) => [norm(e.name), [e.name, ...(e.aliases ?? [])].map(norm)]));
  const refNames = (ref?: Ref): string[] => {
    if (!ref) return [];
    const names = [ref.name];
    const e = ref.entity ? byId.get(ref.entity) : undefined;
    if (e) names.push(e.name, ...e.aliases);
    return names.filter(Boolean).map(norm);
  };
  const refMatches = (ref: Ref | undefined, goldName: string): boolean => {
    const want = goldAliases.get(norm(goldName)) ?? [norm(goldName)];
    return refNames(ref).some((g) => want.includes(g) || (want[0]!.length > 6 && (g.includes(want[0]!) || (want[0]!.includes(g) && g.length > 6))));
  };
  const spanOf = (snippet: string): Span | null => {
    const re = new RegExp(snippet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "i");
    const m = re.exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  };
  const mostSpecific = <T extends { span?: Span; text?: string }>(cands: T[], loc?: Span | null): T => {
    const ov = (p: T) => (loc && p.span ? Math.max(0, Math.min(p.span[1], loc[1]) - Math.max(p.span[0], loc[0])) : 0);
    const len = (p: T) => (p.span ? p.span[1] - p.span[0] : (p.text ?? "").length);
    return [...cands].sort((a, b) => ov(b) - ov(a) || len(a) - len(b))[0]!;
  };
  const score = {} as GoldScore;
  const tally = (cat: keyof GoldScore, item: { contains?: string; name?: string; required?: boolean }, ok: boolean, why: string) => {
    const r = (score[cat] ??= { ok: 0, n: 0, optionalOk: 0, misses: [] });
    if (item.required === false) {
      if (ok) r.optionalOk++;
      return;
    }
    r.n++;
    if (ok) r.ok++;
    else r.misses.push(`${item.contains ?? item.name}: ${why}`);
  };
  for (const q of gold.quotes) {
    const cands = rec.quotes.filter((p) => norm(p.text).includes(norm(q.contains)));
    if (!cands.length) { tally("quotes", q, false, "not found"); continue; }
    const best = mostSpecific(cands);
    const ok = (best.kind === "mixed" || best.kind === q.kind) && refMatches(best.speaker, q.speaker);
    tally("quotes", q, ok, ok ? "" : `kind=${best.kind} speaker=${best.speaker?.name ?? "none"} (want ${q.kind}, ${q.speaker})`);
  }
  const stop = new Set(["of", "the", "a", "in", "to", "and", "relative", "figures"]);
  for (const g of gold.quantities) {
    const loc = spanOf(g.contains);
    const cands = rec.quantities.filter((p) => norm(p.text).includes(norm(g.contains)) || overlaps(p.span, loc));
    if (!cands.length) { tally("quantities", g, false, "not found"); continue; }
    const best = mostSpecific(cands);
    const valOk = g.value === undefined || [best.value, best.high, best.low].some((v) => typeof v === "number" && Math.abs(v - g.value!) <= 1e-6 * Math.max(1, g.value!));
    const words = g.counted.toLowerCase().split(/\s+/).filter((w) => !stop.has(w));
    const countedOk = !!best.counted && words.some((w) => norm(best.counted).includes(w));
    const claimOk = !g.claimant || refMatches(best.claimant, g.claimant);
    const fails = [!valOk && `value=${best.value}`, best.bound !== g.bound && `bound=${best.bound} (want ${g.bound})`,
      !countedOk && `counted=${best.counted} (want ${g.counted})`, !claimOk && `claimant=${best.claimant?.name ?? "none"} (want ${g.claimant})`].filter(Boolean);
    tally("quantities", g, fails.length === 0, fails.join(", "));
  }
  for (const g of gold.times) {
    const loc = spanOf(g.contains);
    const cands = rec.times.filter((p) => overlaps(p.span, loc));
    const ok = cands.length > 0 && mostSpecific(cands, loc).value === g.value;
    tally("times", g, ok, cands.length ? `value=${cands.map((c) => c.value).join("|")} (want ${g.value})` : "not found");
  }
  for (const g of gold.certainty) {
    const loc = spanOf(g.contains);
    const cands = rec.claims.filter((p) => overlaps(p.span, loc));
    const want = ([] as string[]).concat(g.status);
    const ok = cands.length > 0 && want.includes(mostSpecific(cands, loc).status);
    tally("certainty", g, ok, cands.length ? `status=${cands.map((c) => c.status).join("|")} (want ${want.join(" or ")})` : "no claim covers it");
  }
  const typeOk = (want: string, got: string) => want === got || (want === "GPE" && got === "LOC") || (want === "LOC" && got === "GPE");
  for (const g of gold.entities) {
    const names = [g.name, ...(g.aliases ?? [])].map(norm);
    const e = rec.entities.find((p) => [p.name, ...p.aliases].map(norm).some((n) => names.includes(n)));
    if (!e) { tally("entities", g, false, "not found"); continue; }
    const fails: string[] = [];
    if (!typeOk(g.type, e.type)) fails.push(`type=${e.type}`);
    if (g.geo) {
      if (!e.geo) fails.push("no geo");
      else {
        if (e.geo.country !== g.geo.country) fails.push(`country=${e.geo.country}`);
        if (g.geo.lat !== undefined && g.geo.lon !== undefined &&
          Math.hypot(e.geo.lat - g.geo.lat, (e.geo.lon - g.geo.lon) * Math.cos((g.geo.lat * Math.PI) / 180)) * 111 > 50) {
          fails.push(`at ${e.geo.lat},${e.geo.lon}`);
        }
      }
    }
    const desc = norm([...(e.descriptors ?? []), ...(e.roles ?? [])].join(" | "));
    for (const d of g.descriptors ?? []) if (!desc.includes(norm(d))) fails.push(`descriptor "${d}" missing`);
    const affs = norm((e.affiliations ?? []).map((a) => byId.get(a)?.name ?? a).join(" | "));
    for (const a of g.affiliations ?? []) if (!affs.includes(norm(a))) fails.push(`affiliation "${a}" missing`);
    tally("entities", { name: g.name }, fails.length === 0, fails.join(", "));
  }
  for (const cat of ["quotes", "quantities", "times", "certainty", "entities"] as const) score[cat] ??= { ok: 0, n: 0, optionalOk: 0, misses: [] };
  return score;
}

export function formatGoldScore(label: string, s: GoldScore): string {
  const parts = (Object.keys(GOLD_BARS) as (keyof GoldScore)[]).map((c) => `${c} ${s[c].ok}/${s[c].n}`);
  return `${label}: ${parts.join(", ")}`;
}
