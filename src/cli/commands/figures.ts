// `claimline figures "<counted thing>"`: how a figure evolved across articles and claimants, with disagreements.
import type { Command } from "commander";
import type { FigurePoint, FigureSeries } from "../../track/figure-series.js";
import { storeFigureSeries } from "../../track/from-store.js";
import type { CliIO } from "../io.js";
import { addStoreOptions, parseLimit, tableLines, withStore, writeRows, type OutputFormat } from "./query-common.js";

interface FiguresFlags {
  db: string;
  format: OutputFormat;
  from?: string;
  to?: string;
  claimant?: string;
  limit?: string;
  window?: string;
}

function figure(p: Pick<FigurePoint, "value" | "low" | "high" | "bound">): string {
  const n = (v: number | undefined) => (v === undefined ? "?" : v.toLocaleString("en-US"));
  switch (p.bound) {
    case "lower": return `> ${n(p.value ?? p.low)}`;
    case "upper": return `< ${n(p.value ?? p.high)}`;
    case "approx": return `~ ${n(p.value)}`;
    case "range": return `${n(p.low)}–${n(p.high)}`;
    default: return n(p.value);
  }
}

const POINT_COLUMNS = ["series", "date", "claimant", "figure", "value", "bound", "as written", "published", "outlet", "article"];

function pointRow(s: FigureSeries, p: FigurePoint): (string | number | undefined)[] {
  return [s.label, p.date, p.claimant ?? "(unattributed)", figure(p), p.value, p.bound, p.text, p.published, p.outlet, p.url ?? p.articleId];
}

function printSeries(io: CliIO, s: FigureSeries): void {
  const attributed = s.points.filter((p) => p.claimant).length;
  io.out.write(`\n== ${s.label} — ${s.points.length} figures, ${attributed} with a claimant, ${s.claimants.length} claimants ==\n`);
  io.out.write(`${tableLines(["date", "claimant", "figure", "as written", "published", "outlet", "article"],
    s.points.map((p) => [p.date, p.claimant ?? "(unattributed)", figure(p), p.text, p.published, p.outlet, p.url ?? p.articleId]), 48).join("\n")}\n`);
  if (s.claimants.length) {
    io.out.write("\nper claimant:\n");
    io.out.write(`${tableLines(["claimant", "figures", "latest", "on", "range"],
      s.claimants.map((c) => [c.claimant, c.figures, figure(c.latest), c.latest.date, c.min === c.max ? c.min.toLocaleString("en-US") : `${c.min.toLocaleString("en-US")}–${c.max.toLocaleString("en-US")}`])).join("\n")}\n`);
  }
  if (s.disagreements.length) {
    const more = s.disagreementCount > s.disagreements.length ? `, the first ${s.disagreements.length} listed` : "";
    io.out.write(`\ndisagreements (${s.disagreementCount}${more}):\n`);
    for (const d of s.disagreements) io.out.write(`  ! ${d.reason}\n`);
  }
}

export function registerFigures(program: Command, io: CliIO): void {
  addStoreOptions(
    program
      .command("figures")
      .description("figure series about a counted thing (e.g. \"russian soldiers killed\"): dates, claimants, latest and range, disagreements")
      .argument("[counted]", "what is counted; empty lists every series")
      .option("--from <date>", "figures as of this day or later")
      .option("--to <date>", "figures as of this day or earlier")
      .option("--claimant <name>", "only series points from this claimant")
      .option("--limit <n>", "at most this many series", "10")
      .option("--window <days>", "days two figures may be apart and still count as the same time for disagreements", "3"),
  ).action(async (counted: string | undefined, flags: FiguresFlags) => {
    await withStore(flags.db, io, async (store) => {
      let series = await storeFigureSeries(store, counted ?? "", { from: flags.from, to: flags.to, windowDays: Number(flags.window) || 3 });
      if (flags.claimant) {
        const wanted = flags.claimant.toLowerCase();
        series = series
          .map((s) => ({ ...s, points: s.points.filter((p) => p.claimant?.toLowerCase().includes(wanted)) }))
          .filter((s) => s.points.length);
      }
      series = series.slice(0, parseLimit(flags.limit, 10));
      if (!series.length) {
        io.err.write(`claimline: no figures about "${counted ?? ""}" in ${flags.db}\n`);
        io.setExit(1);
        return;
      }
      if (flags.format === "json") {
        io.out.write(`${JSON.stringify(series, null, 2)}\n`);
      } else if (flags.format === "csv") {
        writeRows(io, "csv", POINT_COLUMNS, series.flatMap((s) => s.points.map((p) => pointRow(s, p))));
      } else if (!counted?.trim()) {
        writeRows(io, "table", ["series", "figures", "claimants", "first", "last", "disagreements"],
          series.map((s) => [s.label, s.points.length, s.claimants.length, s.points[0]?.date, s.points.at(-1)?.date, s.disagreementCount]));
      } else {
        for (const s of series) printSeries(io, s);
      }
    });
  });
}
