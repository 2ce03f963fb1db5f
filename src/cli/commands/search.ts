// `claimline search "…"`: full-text search over the stored articles' titles, bodies and quotes.
import type { Command } from "commander";
import type { CliIO } from "../io.js";
import { addStoreOptions, parseLimit, withStore, writeRows, type OutputFormat } from "./query-common.js";

interface SearchFlags {
  db: string;
  format: OutputFormat;
  limit?: string;
}

export function registerSearch(program: Command, io: CliIO): void {
  addStoreOptions(
    program
      .command("search")
      .description("full-text search over titles, bodies and quotes (words; \"a phrase\"; OR, NOT, prefix*)")
      .argument("<query>", "what to look for")
      .option("--limit <n>", "at most this many hits", "20"),
  ).action(async (query: string, flags: SearchFlags) => {
    await withStore(flags.db, io, async (store) => {
      const hits = await store.search(query, { limit: parseLimit(flags.limit, 20) });
      if (!hits.length) io.err.write(`claimline: nothing matches "${query}"\n`);
      writeRows(io, flags.format, ["in", "published", "outlet", "speaker", "title", "snippet", "article"],
        hits.map((h) => [h.kind, h.published?.slice(0, 10), h.outlet, h.speaker, h.title, h.snippet, h.articleId]),
        flags.format === "json" ? hits : undefined);
    });
  });
}
