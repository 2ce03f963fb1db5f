// The claimline command line: each command lives in src/cli/commands/ and registers itself here.
import { Command, CommanderError } from "commander";
import { registerEval } from "./commands/eval.js";
import { registerExtract } from "./commands/extract.js";
import { registerIngest } from "./commands/ingest.js";
import { registerFigures } from "./commands/figures.js";
import { registerQuotes } from "./commands/quotes.js";
import { registerEntities } from "./commands/entities.js";
import { registerSources } from "./commands/sources.js";
import { registerSearch } from "./commands/search.js";
import { registerExport } from "./commands/export.js";
import { registerServe } from "./commands/serve.js";
import { registerWorker } from "./commands/worker.js";
import { registerStatus } from "./commands/status.js";
import type { CliIO } from "./io.js";

/** Every command, in the order `claimline --help` lists them. */
const COMMANDS: ((program: Command, io: CliIO) => void)[] = [registerExtract, registerEval, registerIngest, registerFigures, registerQuotes, registerEntities, registerSources, registerSearch, registerExport, registerServe, registerWorker, registerStatus];

export function buildProgram(out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr) {
  let exit = 0;
  const io: CliIO = { out, err, setExit: (code) => { exit = Math.max(exit, code); } };
  const program = new Command();
  program
    .name("claimline")
    .description("Reads news and writes down who said what, how many, how sure, where and when.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) });
  for (const register of COMMANDS) register(program, io);
  return { program, exitCode: () => exit };
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
