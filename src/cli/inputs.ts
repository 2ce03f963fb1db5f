// Reads CLI inputs: files, directories (their files, sorted), "-" for stdin.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { IngestError, MAX_INPUT_BYTES } from "../ingest/types.js";

export interface RawInput {
  origin: string;
  bytes: Uint8Array;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES) throw new IngestError(`input is over the ${MAX_INPUT_BYTES / 1048576} MB limit`, "stdin");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Expands one argument into the paths it names (a directory gives its regular files, sorted). */
export async function expandArgument(arg: string): Promise<string[]> {
  if (arg === "-" || /^https?:\/\//i.test(arg)) return [arg];
  const st = await stat(arg).catch(() => undefined);
  if (st?.isDirectory()) {
    const names = (await readdir(arg)).filter((n) => !n.startsWith(".")).sort();
    return names.map((n) => path.join(arg, n));
  }
  return [arg];
}

export async function readInput(arg: string): Promise<RawInput> {
  if (arg === "-") return { origin: "stdin", bytes: await readStdin() };
  const st = await stat(arg).catch((e: NodeJS.ErrnoException) => {
    throw new IngestError(e.code === "ENOENT" ? "no such file" : `cannot read (${e.code ?? e.message})`, arg);
  });
  if (!st.isFile()) throw new IngestError("not a regular file", arg);
  if (st.size > MAX_INPUT_BYTES) {
    throw new IngestError(`file is ${(st.size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`, arg);
  }
  return { origin: arg, bytes: await readFile(arg) };
}
