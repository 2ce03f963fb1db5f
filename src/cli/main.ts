// The claimline command line: each command lives in src/cli/commands/ and registers itself here, loaded on demand.
import { Command, CommanderError, type ParseOptions } from "commander";
import type { CliIO } from "./io.js";

type Register = (program: Command, io: CliIO) => void;

/**
 * Every command, in the order `claimline --help` lists them, with the module that registers it. Modules are
 * imported only when their command runs (or for help): `extract` and `eval` pull in the whole pipeline,
 * `serve` the server, `ingest` SQLite, and loading all of them cost about 0.3 CPU-s per start.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ["extract", async () => (await import("./commands/extract.js")).registerExtract],
  ["eval", async () => (await import("./commands/eval.js")).registerEval],
  ["ingest", async () => (await import("./commands/ingest.js")).registerIngest],
  ["figures", async () => (await import("./commands/figures.js")).registerFigures],
  ["quotes", async () => (await import("./commands/quotes.js")).registerQuotes],
  ["entities", async () => (await import("./commands/entities.js")).registerEntities],
  ["sources", async () => (await import("./commands/sources.js")).registerSources],
  ["search", async () => (await import("./commands/search.js")).registerSearch],
  ["export", async () => (await import("./commands/export.js")).registerExport],
  ["serve", async () => (await import("./commands/serve.js")).registerServe],
  ["worker", async () => (await import("./commands/worker.js")).registerWorker],
  ["status", async () => (await import("./commands/status.js")).registerStatus],
];

/** The command an argument list names: its first word that is not an option (undefined for help or none). */
export function commandNamed(userArgs: readonly string[]): string | undefined {
  const first = userArgs.find((a) => !a.startsWith("-"));
  return COMMANDS.some(([name]) => name === first) ? first : undefined;
}

/**
 * A program that registers its commands when it parses: only the one the arguments name, or every one when
 * they name none (help, a typo), so `claimline --help` and "unknown command" still see them all.
 */
class LazyProgram extends Command {
  private registered = false;
  constructor(private readonly io: CliIO) {
    super();
  }

  override async parseAsync(argv?: readonly string[], options?: ParseOptions): Promise<this> {
    if (!this.registered) {
      this.registered = true;
      const args = argv ?? process.argv;
      const from = options?.from ?? "node";
      const user = from === "user" ? args : from === "electron" ? args.slice(1) : args.slice(2);
      const name = commandNamed(user);
      const wanted = COMMANDS.filter(([n]) => name === undefined || n === name);
      const registers = await Promise.all(wanted.map(([, load]) => load()));
      for (const register of registers) register(this, this.io);
    }
    return super.parseAsync(argv, options);
  }

  override parse(): this {
    throw new Error("claimline: the command line loads its commands on demand; use parseAsync");
  }
}

export function buildProgram(out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr) {
  let exit = 0;
  const io: CliIO = { out, err, setExit: (code) => { exit = Math.max(exit, code); } };
  const program = new LazyProgram(io);
  program
    .name("claimline")
    .description("Reads news and writes down who said what, how many, how sure, where and when.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });
  return { program: program as Command, exitCode: () => exit };
}

/** Runs the CLI with `argv` (as process.argv); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { program, exitCode } = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  return exitCode();
}
