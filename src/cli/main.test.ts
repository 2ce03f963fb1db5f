// Tests of the command line's on-demand command loading: the named command only, all of them for help or a typo.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { runCli } from "./cli.test-helpers.js";
import { buildProgram, commandNamed } from "./main.js";

async function run(args: string[]): Promise<{ out: string; err: string; code: number; commands: string[] }> {
  const { out, err, code, program } = await runCli(args);
  return { out, err, code, commands: program.commands.map((c) => c.name()) };
}

test("commandNamed: the first argument that is not an option, when it is a command", () => {
  assert.equal(commandNamed(["extract", "a.txt"]), "extract");
  assert.equal(commandNamed(["--help"]), undefined);
  assert.equal(commandNamed(["help", "extract"]), undefined);
  assert.equal(commandNamed(["extrct"]), undefined);
  assert.equal(commandNamed([]), undefined);
});

test("a named command registers alone and runs", async () => {
  const r = await run(["extract", "--help"]);
  assert.equal(r.code, 0);
  assert.deepEqual(r.commands, ["extract"]);
  assert.match(r.out, /--format <format>/);
});

test("help and an unknown command see every command", async () => {
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  for (const name of ["extract", "eval", "ingest", "figures", "quotes", "entities", "sources", "search", "export", "serve", "worker", "status"]) {
    assert.ok(help.commands.includes(name), name);
    assert.match(help.out, new RegExp(`\\n  ${name}\\b`), name);
  }
  const typo = await run(["extrct"]);
  assert.notEqual(typo.code, 0);
  assert.match(typo.err, /unknown command 'extrct'/);
  assert.match(typo.err, /Did you mean extract\?/);
});

test("the program parses once: parse() (synchronous) is refused rather than finding no commands", () => {
  const { program } = buildProgram(new PassThrough(), new PassThrough());
  assert.throws(() => program.parse(["node", "claimline", "extract"]), /parseAsync/);
});
