// What the store-reading commands share: the --db and --format options, opening a store, and table/JSON/CSV output.
import { Option, type Command } from "commander";
import type { Store } from "../../store/store.js";
import { isServerUrl, NoStoreError, openStore } from "../../store/open.js";
import type { CliIO } from "../io.js";

/** Where a store lives unless `--db` says otherwise (docs/tracking.md). */
export const DEFAULT_STORE = "./claimline.db";

export type OutputFormat = "table" | "json" | "csv";

export function addStoreOptions(command: Command, formats: string[] = ["table", "json", "csv"]): Command {
  return command
    .option("--db <path>", "the store: a SQLite file, or a PostgreSQL server (postgres://user@host:5432/db[?schema=name])", DEFAULT_STORE)
    .addOption(new Option("--format <format>", "output format").choices(formats).default(formats[0]));
}

/** `claimline export | head` closes stdout early: stop without a stack trace, as Unix tools do. */
function stopQuietlyOnClosedPipe(io: CliIO): void {
  if (io.out !== process.stdout || process.stdout.listenerCount("error") > 0) return;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

/**
 * Opens an existing store for reading: a SQLite file (read-only; a missing file is a clear error, not a new empty
 * store) or a PostgreSQL server (`postgres://…`; an unreachable server is a clear error too).
 */
export async function withStore<T>(db: string, io: CliIO, fn: (store: Store) => Promise<T>): Promise<T | undefined> {
  let store: Store;
  try {
    store = await openStore(db, { readonly: true, mustExist: true });
  } catch (e) {
    if (!(e instanceof NoStoreError) && !isServerUrl(db)) throw e;
    io.err.write(`claimline: ${(e as Error).message}\n`);
    io.setExit(1);
    return undefined;
  }
  stopQuietlyOnClosedPipe(io);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export type Cell = string | number | boolean | null | undefined;

function text(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

/** RFC 4180 CSV: quotes around fields with commas, quotes or line breaks; inner quotes doubled. */
export function csvLine(cells: Cell[]): string {
  return cells
    .map((c) => {
      const s = c === null || c === undefined ? "" : String(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}

/** A fixed-width table; long cells are cut to `maxWidth` so one quote does not wrap the whole screen. */
export function tableLines(columns: string[], rows: Cell[][], maxWidth = 60): string[] {
  const cells = rows.map((r) => r.map((c) => {
    const s = text(c).replace(/\s+/g, " ");
    return s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s;
  }));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)];
}

/** Writes rows in the chosen format: an aligned table, a JSON array of objects, or CSV with a header. */
export function writeRows(io: CliIO, format: OutputFormat, columns: string[], rows: Cell[][], objects?: unknown[]): void {
  if (format === "json") {
    const out = objects ?? rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
    io.out.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (format === "csv") {
    io.out.write(`${[csvLine(columns), ...rows.map(csvLine)].join("\n")}\n`);
  } else {
    io.out.write(`${tableLines(columns, rows).join("\n")}\n`);
  }
}

export function parseLimit(value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
