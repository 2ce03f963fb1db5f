// `claimline extract`: prints the claim record of each input (DESIGN.md §2 describes the contract).
import { Option, type Command } from "commander";
import { toRecord } from "../../core/to-record.js";
import { processArticle } from "../../index.js";
import { ingest, IngestError } from "../../ingest/index.js";
import { digest } from "../digest.js";
import { expandArgument, readInput } from "../inputs.js";
import type { CliIO } from "../io.js";

interface ExtractFlags {
  format?: "json" | "jsonl" | "text";
  title?: string;
  subtitle?: string;
  published?: string;
  outlet?: string;
  url?: string;
}

export function normaliseDate(value: string): string {
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) && Number.isNaN(d.getTime())) throw new Error(`--published: not a date: ${value}`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : Number.isNaN(d.getTime()) ? value : d.toISOString();
}

async function runExtract(args: string[], flags: ExtractFlags, io: CliIO): Promise<number> {
  const { out, err } = io;
  const inputs = args.length ? args : ["-"];
  const paths = (await Promise.all(inputs.map(expandArgument))).flat();
  const meta = {
    title: flags.title, subtitle: flags.subtitle, outlet: flags.outlet, url: flags.url,
    published: flags.published ? normaliseDate(flags.published) : undefined,
  };
  for (const k of Object.keys(meta) as (keyof typeof meta)[]) if (meta[k] === undefined) delete meta[k];
  const many = paths.length > 1 || flags.format === "jsonl";
  let failures = 0;
  let first = true;
  for (const p of paths) {
    try {
      const raw = await readInput(p);
      const articles = await ingest(raw.bytes, { ...meta, origin: raw.origin });
      for (const article of articles) {
        const rec = toRecord(processArticle(article));
        // Non-English text still gets its record (language recorded), but the user hears about it.
        const lang = rec.source.language;
        if (lang && !/^en\b/i.test(lang)) {
          failures++;
          err.write(`claimline: ${article.origin}: language "${lang}": extraction rules are English-only\n`);
        }
        if (flags.format === "text") {
          out.write(`${first ? "" : "\n"}${digest(rec)}\n`);
        } else if (many || articles.length > 1) {
          out.write(`${JSON.stringify(rec)}\n`);
        } else {
          out.write(`${JSON.stringify(rec, null, 2)}\n`);
        }
        first = false;
      }
    } catch (e) {
      failures++;
      const origin = e instanceof IngestError && e.origin ? e.origin : p;
      const msg = e instanceof Error ? e.message : String(e);
      err.write(`claimline: ${origin}: ${msg.split("\n")[0]}\n`);
    }
  }
  return failures ? 1 : 0;
}

export function registerExtract(program: Command, io: CliIO): void {
  program
    .command("extract")
    .description("print the claim record of each article (plain text, HTML, feed or JSONL; '-' for stdin)")
    .argument("[inputs...]", "files, directories or '-'")
    .addOption(new Option("--format <format>", "output format").choices(["json", "jsonl", "text"]).default("json"))
    .option("--title <title>", "article title")
    .option("--subtitle <subtitle>", "article subtitle (dek)")
    .option("--published <date>", "publication date (ISO 8601): the anchor for relative dates")
    .option("--outlet <name>", "outlet name")
    .option("--url <url>", "article URL")
    .action(async (inputs: string[], flags: ExtractFlags) => {
      io.setExit(await runExtract(inputs, flags, io));
    });
}
