// Runs the command line in-process for tests: stdout, stderr, the exit code (commander's exits included) and the program.
import { Writable } from "node:stream";
import type { Command } from "commander";
import { buildProgram } from "./main.js";

/** Collects what is written, synchronously: the text is complete when the command's promise settles. */
class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export async function runCli(args: readonly string[]): Promise<{ code: number; out: string; err: string; program: Command }> {
  const out = new Capture();
  const err = new Capture();
  const { program, exitCode } = buildProgram(out, err);
  let code = 0;
  try {
    await program.parseAsync(["node", "claimline", ...args]);
    code = exitCode();
  } catch (x) {
    code = (x as { exitCode?: number }).exitCode ?? 1;
  }
  return { code, out: out.text, err: err.text, program };
}
