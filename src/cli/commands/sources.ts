// `claimline sources`: who gets quoted, how often, by speaker, outlet, role or nationality, and the direct-quote share.
import { Option, type Command } from "commander";
import type { SourceGrouping } from "../../track/source-stats.js";
import { storeSourceStatistics } from "../../track/from-store.js";
import type { CliIO } from "../io.js";
import { addStoreOptions, parseLimit, withStore, writeRows, type OutputFormat } from "./query-common.js";

interface SourcesFlags {
  db: string;
  format: OutputFormat;
  by: SourceGrouping;
  from?: string;
  to?: string;
  outlet?: string;
  limit?: string;
}

export function registerSources(program: Command, io: CliIO): void {
  addStoreOptions(
    program
      .command("sources")
      .description("who is quoted and how often: by speaker, outlet, role or nationality; direct vs indirect share")
      .addOption(new Option("--by <grouping>", "how to group quotes").choices(["speaker", "outlet", "role", "nationality"]).default("speaker"))
      .option("--outlet <name>", "only quotes in this outlet")
      .option("--from <date>", "published on or after")
      .option("--to <date>", "published on or before")
      .option("--limit <n>", "at most this many groups", "50"),
  ).action(async (flags: SourcesFlags) => {
    await withStore(flags.db, io, async (store) => {
      const groups = (await storeSourceStatistics(store, flags.by, { from: flags.from, to: flags.to, outlet: flags.outlet })).slice(0, parseLimit(flags.limit, 50));
      const topLabel = flags.by === "speaker" ? "quoted by" : "most quoted";
      writeRows(io, flags.format, [flags.by, "quotes", "direct", "indirect", "mixed", "direct %", "articles", "speakers", topLabel],
        groups.map((g) => [g.group, g.quotes, g.direct, g.indirect, g.mixed, Math.round(g.directShare * 100), g.articles, g.speakers,
          g.top.map((t) => `${t.name} (${t.quotes})`).join("; ")]),
        flags.format === "json" ? groups : undefined);
    });
  });
}
