// `claimline quotes`: quotes across the store, filtered by speaker (spelling variants included), outlet, date, kind or words.
import { Option, type Command } from "commander";
import type { QuoteKind } from "../../core/record.js";
import type { CliIO } from "../io.js";
import { addStoreOptions, parseLimit, withStore, writeRows, type OutputFormat } from "./query-common.js";

interface QuotesFlags {
  db: string;
  format: OutputFormat;
  speaker?: string;
  outlet?: string;
  from?: string;
  to?: string;
  kind?: QuoteKind;
  text?: string;
  limit?: string;
}

export function registerQuotes(program: Command, io: CliIO): void {
  addStoreOptions(
    program
      .command("quotes")
      .description("quotes across the store: --speaker Zelensky finds Zelenskyy and Zelenskiy too")
      .option("--speaker <name>", "speaker name or part of it")
      .option("--outlet <name>", "outlet")
      .option("--from <date>", "published on or after")
      .option("--to <date>", "published on or before")
      .addOption(new Option("--kind <kind>", "direct, indirect or mixed").choices(["direct", "indirect", "mixed"]))
      .option("--text <words>", "words in the quote")
      .option("--limit <n>", "at most this many quotes", "200"),
  ).action(async (flags: QuotesFlags) => {
    await withStore(flags.db, io, async (store) => {
      const quotes = await store.quotes({
        speaker: flags.speaker, outlet: flags.outlet, from: flags.from, to: flags.to, kind: flags.kind, text: flags.text,
        limit: parseLimit(flags.limit, 200),
      });
      const columns = ["published", "outlet", "speaker", "kind", "cue", "quote", "article"];
      writeRows(io, flags.format, columns,
        quotes.map((q) => [q.published?.slice(0, 10), q.outlet, q.speaker, q.kind, q.cue, q.text, q.url ?? q.articleId]),
        flags.format === "json" ? quotes : undefined);
    });
  });
}
