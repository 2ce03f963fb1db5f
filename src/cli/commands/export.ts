// `claimline export`: the whole store as JSONL records, CSV tables, a GDELT-GKG-like TSV (with speakers) or ClaimReview JSON-LD.
import { Option, type Command } from "commander";
import type { ArticleRecord, EntityRecord } from "../../core/record.js";
import { countryOf } from "../../track/names.js";
import type { CliIO } from "../io.js";
import { csvLine, DEFAULT_STORE, withStore, type Cell } from "./query-common.js";

type ExportFormat = "jsonl" | "csv" | "gkg" | "claimreview";
type CsvTable = "articles" | "quotes" | "quantities" | "entities" | "claims" | "times";

interface ExportFlags {
  db: string;
  format: ExportFormat;
  table: CsvTable;
}

const CSV_COLUMNS: Record<CsvTable, string[]> = {
  articles: ["article", "url", "outlet", "title", "published", "language", "entities", "quotes", "quantities", "times", "claims"],
  quotes: ["article", "published", "outlet", "quote", "kind", "speaker", "speaker_entity", "cue", "start", "end", "confidence", "text"],
  quantities: ["article", "published", "outlet", "quantity", "text", "value", "low", "high", "bound", "unit", "counted", "claimant", "time", "quote", "start", "end"],
  entities: ["article", "published", "outlet", "entity", "type", "name", "aliases", "mentions", "roles", "affiliations", "country", "lat", "lon"],
  claims: ["article", "published", "outlet", "claim", "status", "claimant", "cues", "text", "start", "end"],
  times: ["article", "published", "time", "text", "value", "type", "start", "end"],
};

function csvRows(table: CsvTable, r: ArticleRecord): Cell[][] {
  const s = r.source;
  switch (table) {
    case "articles":
      return [[r.id, s.url, s.outlet, s.title, s.published, s.language, r.entities.length, r.quotes.length, r.quantities.length, r.times.length, r.claims.length]];
    case "quotes":
      return r.quotes.map((q) => [r.id, s.published, s.outlet, q.id, q.kind, q.speaker?.name, q.speaker?.entity, q.cue?.text, q.span[0], q.span[1], q.confidence, q.text]);
    case "quantities":
      return r.quantities.map((q) => [r.id, s.published, s.outlet, q.id, q.text, q.value, q.low, q.high, q.bound, q.unit, q.counted, q.claimant?.name, q.time, q.quote, q.span[0], q.span[1]]);
    case "entities":
      return r.entities.map((e) => [r.id, s.published, s.outlet, e.id, e.type, e.name, e.aliases.join("; "), e.mentions.length, (e.roles ?? []).join("; "), (e.affiliations ?? []).join("; "), e.geo?.country, e.geo?.lat, e.geo?.lon]);
    case "claims":
      return r.claims.map((c) => [r.id, s.published, s.outlet, c.id, c.status, c.claimant?.name, c.cues.map((x) => x.text).join("; "), c.text, c.span[0], c.span[1]]);
    case "times":
      return r.times.map((t) => [r.id, s.published, t.id, t.text, t.value, t.type, t.span[0], t.span[1]]);
  }
}

/** GKG fields separate items with ";" and "#" and sub-fields with "," or "|": those characters are replaced inside values. */
function gkgText(s: string): string {
  return s.replace(/[\t\r\n]+/g, " ").replace(/[;#|]/g, ",");
}

/** GKG's DATE is YYYYMMDDHHMMSS. */
function gkgDate(published: string | undefined): string {
  if (!published) return "";
  const d = new Date(published);
  if (Number.isNaN(d.getTime())) return published.replace(/\D/g, "").padEnd(14, "0").slice(0, 14);
  return d.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** GKG location type, per the GKG 2.1 codebook: 1 for a country (its name is a country's), else 4 (a place elsewhere). */
function gkgLocation(e: EntityRecord): string {
  const type = countryOf(e.name) ? 1 : 4;
  return [type, gkgText(e.name), e.geo?.country ?? "", "", "", e.geo?.lat ?? "", e.geo?.lon ?? "", e.geo?.geonameId ?? ""].join("#");
}

/** Column names: GKG 2.1's, where there is one, plus the speaker and claimant columns GDELT lacks. */
const GKG_COLUMNS = [
  "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER", "V1PERSONS", "V1ORGANIZATIONS",
  "V2ENHANCEDLOCATIONS", "V2.1AMOUNTS", "V2.1QUOTATIONS", "QUOTATIONSPEAKERS", "AMOUNTCLAIMANTS", "V2EXTRASXML",
];

function gkgRow(r: ArticleRecord): string {
  const names = (type: string) => [...new Set(r.entities.filter((e) => e.type === type).map((e) => gkgText(e.name)))].join(";");
  const places = r.entities.filter((e) => e.type === "GPE" || e.type === "LOC").map(gkgLocation).join(";");
  // GKG Amounts: "amount,object,offset"; ours keep the bound in the object text, as GKG has no place for it.
  const amounts = r.quantities.filter((q) => q.value !== undefined)
    .map((q) => `${q.value},${gkgText(q.counted ?? q.text)},${q.span[0]}`).join(";");
  const quotes = r.quotes.map((q) => `${q.span[0]}|${q.span[1] - q.span[0]}|${gkgText(q.cue?.text ?? "")}|${gkgText(q.text)}`).join("#");
  const speakers = r.quotes.map((q) => gkgText(q.speaker?.name ?? "")).join("#");
  const claimants = r.quantities.filter((q) => q.value !== undefined).map((q) => gkgText(q.claimant?.name ?? "")).join(";");
  const title = r.source.title ? `<PAGE_TITLE>${r.source.title.replace(/[<>&\t\r\n]/g, " ")}</PAGE_TITLE>` : "";
  return [r.id, gkgDate(r.source.published), 1, gkgText(r.source.outlet ?? ""), r.source.url ?? r.id, names("PERSON"), names("ORG"), places, amounts, quotes, speakers, claimants, title].join("\t");
}

/** schema.org ClaimReview items for the record's claims that name a claimant; the rating says how the article presents it, not a verdict. */
function claimReviews(r: ArticleRecord): object[] {
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  return r.claims.filter((c) => c.claimant).map((c) => {
    const entity = c.claimant!.entity ? byId.get(c.claimant!.entity) : undefined;
    const authorType = entity?.type === "PERSON" ? "Person" : entity ? "Organization" : "Thing";
    const appearance: Record<string, unknown> = { "@type": "NewsArticle" };
    if (r.source.url) appearance.url = r.source.url;
    if (r.source.title) appearance.headline = r.source.title;
    if (r.source.outlet) appearance.publisher = { "@type": "Organization", name: r.source.outlet };
    if (r.source.published) appearance.datePublished = r.source.published;
    const item: Record<string, unknown> = {
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "@id": `claimline:${r.id}#${c.id}`,
      claimReviewed: c.text,
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": authorType, name: entity?.name ?? c.claimant!.name },
        appearance,
        ...(r.source.published ? { datePublished: r.source.published } : {}),
      },
      reviewRating: { "@type": "Rating", alternateName: c.status, ratingExplanation: `claimline attribution status; cues: ${c.cues.map((x) => x.text).join(", ") || "none"}` },
      author: { "@type": "Organization", name: "claimline (automatic extraction, not a fact-check)" },
    };
    if (r.source.url) item.url = r.source.url;
    return item;
  });
}

export function registerExport(program: Command, io: CliIO): void {
  program
    .command("export")
    .description("export the whole store: JSONL records, CSV tables, GDELT-GKG-like TSV with speakers, or ClaimReview JSON-LD")
    .option("--db <path>", "the store (SQLite file)", DEFAULT_STORE)
    .addOption(new Option("--format <format>", "export format").choices(["jsonl", "csv", "gkg", "claimreview"]).default("jsonl"))
    .addOption(new Option("--table <table>", "the CSV table").choices(Object.keys(CSV_COLUMNS)).default("quotes"))
    .action(async (flags: ExportFlags) => {
      await withStore(flags.db, io, async (store) => {
        if (flags.format === "csv") io.out.write(`${csvLine(CSV_COLUMNS[flags.table])}\n`);
        if (flags.format === "gkg") io.out.write(`${GKG_COLUMNS.join("\t")}\n`);
        if (flags.format === "claimreview") io.out.write("[");
        let first = true;
        for await (const r of store.records()) {
          if (flags.format === "jsonl") io.out.write(`${JSON.stringify(r)}\n`);
          else if (flags.format === "csv") for (const row of csvRows(flags.table, r)) io.out.write(`${csvLine(row)}\n`);
          else if (flags.format === "gkg") io.out.write(`${gkgRow(r)}\n`);
          else {
            for (const item of claimReviews(r)) {
              io.out.write(`${first ? "\n" : ",\n"}${JSON.stringify(item)}`);
              first = false;
            }
          }
        }
        if (flags.format === "claimreview") io.out.write("\n]\n");
      });
    });
}
