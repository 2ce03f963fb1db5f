// Reads CLI inputs: files, directories (their files, sorted), "-" for stdin.
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
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
  // synchronous for the reason readInput gives: a shell glob hands over hundreds of arguments
  let st: Stats | undefined;
  try {
    st = statSync(arg, { throwIfNoEntry: false });
  } catch {
    st = undefined; // unreadable: readInput says why
  }
  if (st?.isDirectory()) {
    const names = readdirSync(arg).filter((n) => !n.startsWith(".")).sort();
    return names.map((n) => path.join(arg, n));
  }
  return [arg];
}

/**
 * Reads one input. Files are stat-ed and read synchronously: the promise API's round trips through the
 * thread pool (open, fstat, read, close, each a task) cost more CPU than the read itself for a news
 * article, and the caller waits for the bytes either way. The stat comes first so a FIFO or a directory
 * is refused without being opened.
 */
export async function readInput(arg: string): Promise<RawInput> {
  if (arg === "-") return { origin: "stdin", bytes: await readStdin() };
  let st: Stats;
  try {
    st = statSync(arg);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new IngestError(code === "ENOENT" ? "no such file" : `cannot read (${code ?? (e as Error).message})`, arg);
  }
  if (!st.isFile()) throw new IngestError("not a regular file", arg);
  if (st.size > MAX_INPUT_BYTES) {
    throw new IngestError(`file is ${(st.size / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`, arg);
  }
  try {
    return { origin: arg, bytes: readFileSync(arg) };
  } catch (e) {
    throw new IngestError(`cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, arg);
  }
}
