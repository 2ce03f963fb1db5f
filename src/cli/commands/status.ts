// `claimline status`: what the PostgreSQL queue holds (queued, running, retrying, dead with their errors) and what the store holds.
import { Option, type Command } from "commander";
import type { DeadJob, QueueCounts, RetryingJob } from "../../queue/queue.js";
import { isServerUrl } from "../../store/open.js";
import type { StoreStats } from "../../store/store.js";
import type { CliIO } from "../io.js";

interface StatusFlags {
  db?: string;
  format: "table" | "json";
  limit: string;
}

export interface StatusReport {
  queue: QueueCounts;
  /** jobs finished in the last minute, all workers together */
  donePerMinute: number;
  retrying: RetryingJob[];
  dead: DeadJob[];
  stored: StoreStats;
}

async function collect(db: string, limit: number): Promise<StatusReport> {
  // Loaded here, not at start-up: every other command stays free of pg.
  const [{ openQueue }, { openPgStore }] = await Promise.all([import("../../queue/queue.js"), import("../../store/postgres/pg-store.js")]);
  const queue = await openQueue(db, { max: 1 });
  try {
    const store = await openPgStore(db, { max: 1 });
    try {
      const [counts, donePerMinute, retrying, dead, stored] = [
        await queue.counts(), await queue.doneSince(60), await queue.retrying(limit), await queue.dead(limit), await store.stats(),
      ];
      return { queue: counts, donePerMinute, retrying, dead, stored };
    } finally {
      await store.close();
    }
  } finally {
    await queue.close();
  }
}

function printTable(report: StatusReport, io: CliIO): void {
  const q = report.queue;
  const s = report.stored;
  const lines = [
    `queued    ${q.queued}`,
    `running   ${q.running}${q.expired ? ` (${q.expired} with an expired lease: their worker stopped; they will be retried)` : ""}`,
    `retrying  ${q.retrying}`,
    `dead      ${q.dead}`,
    `done      ${q.done} (${report.donePerMinute} in the last minute)`,
    `stored    ${s.articles} articles (${s.versions} versions), ${s.quotes} quotes, ${s.quantities} figures, ${s.entities} entities, ${s.claims} claims`,
  ];
  for (const r of report.retrying) lines.push(`retrying  #${r.id} ${r.origin}: attempt ${r.attempts} failed, next at ${r.runAt}: ${r.error}`);
  for (const d of report.dead) lines.push(`dead      #${d.id} ${d.origin}: after ${d.attempts} attempts: ${d.error}`);
  io.out.write(`${lines.join("\n")}\n`);
}

export function registerStatus(program: Command, io: CliIO): void {
  program
    .command("status")
    .description("progress of the PostgreSQL job queue (queued / running / retrying / dead with errors) and what is stored")
    .option("--db <url>", "the PostgreSQL store and queue (default $CLAIMLINE_DB)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--limit <n>", "retrying and dead jobs to list", "20")
    .action(async (flags: StatusFlags) => {
      const db = flags.db ?? process.env.CLAIMLINE_DB;
      if (!db || !isServerUrl(db)) {
        io.err.write("claimline: status reads a PostgreSQL queue: --db postgres://user@host:5432/db (or CLAIMLINE_DB)\n");
        io.setExit(2);
        return;
      }
      try {
        const report = await collect(db, Math.max(0, Number.parseInt(flags.limit, 10) || 0));
        if (flags.format === "json") io.out.write(`${JSON.stringify(report, null, 2)}\n`);
        else printTable(report, io);
      } catch (e) {
        io.err.write(`claimline: ${(e as Error).message}\n`);
        io.setExit(1);
      }
    });
}
