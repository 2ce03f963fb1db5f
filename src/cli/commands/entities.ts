// `claimline entities`: people, organisations and places resolved across articles and outlets, with their variants and roles.
import type { Command } from "commander";
import { resolveStoreEntities } from "../../track/from-store.js";
import type { CliIO } from "../io.js";
import { addStoreOptions, parseLimit, withStore, writeRows, type OutputFormat } from "./query-common.js";

interface EntitiesFlags {
  db: string;
  format: OutputFormat;
  type?: string;
  name?: string;
  limit?: string;
}

export function registerEntities(program: Command, io: CliIO): void {
  addStoreOptions(
    program
      .command("entities")
      .description("entities resolved across articles: spelling variants, aliases and surnames joined, with a confidence")
      .option("--type <type>", "PERSON, ORG, GPE, …")
      .option("--name <name>", "only entities with this in a name")
      .option("--limit <n>", "at most this many", "50"),
  ).action(async (flags: EntitiesFlags) => {
    await withStore(flags.db, io, async (store) => {
      const { entities, lookup } = await resolveStoreEntities(store);
      let list = flags.type ? entities.filter((e) => e.type === flags.type!.toUpperCase()) : entities;
      if (flags.name) {
        const found = lookup(flags.name);
        const needle = flags.name.toLowerCase();
        list = list.filter((e) => e === found || e.variants.some((v) => v.name.toLowerCase().includes(needle)));
      }
      list = list.slice(0, parseLimit(flags.limit, 50));
      writeRows(io, flags.format, ["name", "type", "articles", "mentions", "variants", "roles", "outlets", "first", "last", "confidence"],
        list.map((e) => [
          e.name, e.type, e.articles, e.mentions, e.variants.map((v) => v.name).join("; "),
          e.roles.map((r) => `${r.role}${r.first ? ` (${r.first.slice(0, 10)}–${(r.last ?? r.first).slice(0, 10)})` : ""}`).join("; "),
          e.outlets.length, e.firstSeen?.slice(0, 10), e.lastSeen?.slice(0, 10), e.confidence,
        ]),
        flags.format === "json" ? list : undefined);
    });
  });
}
