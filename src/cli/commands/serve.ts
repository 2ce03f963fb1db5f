// `claimline serve`: the HTTP JSON API and the web UI over a store, until SIGINT or SIGTERM.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { FetchOptions } from "../../ingest/index.js";
import { parseByteSize } from "../../server/body.js";
import { isLoopbackHost } from "../../server/security.js";
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from "../../server/server.js";
import { isServerUrl, openStore } from "../../store/open.js";
import type { CliIO } from "../io.js";
import { DEFAULT_STORE } from "./query-common.js";

interface ServeFlags {
  db: string;
  host: string;
  port: string;
  readOnly?: boolean;
  token?: string;
  bodyLimit: string;
  web?: string;
}

/** How the server fetches a URL posted to it: bounded in time and redirects; private addresses refused unless CLAIMLINE_FETCH_ALLOW_PRIVATE=1. */
const SERVER_FETCH: FetchOptions = { timeoutMs: 15_000, maxRedirects: 5 };

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new Error(`--port: not a port number: ${value}`);
  return port;
}

async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  let port: number;
  let bodyLimit: number;
  try {
    port = parsePort(flags.port);
    bodyLimit = parseByteSize(flags.bodyLimit);
  } catch (e) {
    io.err.write(`claimline serve: ${(e as Error).message}\n`);
    return 2;
  }
  if (flags.web && !existsSync(path.join(flags.web, "index.html"))) {
    io.err.write(`claimline serve: --web ${flags.web}: no index.html there\n`);
    return 2;
  }
  const readOnly = flags.readOnly ?? false;
  if (readOnly && !isServerUrl(flags.db) && flags.db !== ":memory:" && !existsSync(flags.db)) {
    io.err.write(`claimline serve: no store at ${flags.db}: --read-only serves an existing store (run \`claimline ingest\` first, or drop --read-only to start empty)\n`);
    return 1;
  }
  // A fresh user may serve a store that does not exist yet and POST articles into it.
  const store = await openStore(flags.db, { readonly: readOnly });
  const token = flags.token ?? (process.env.CLAIMLINE_TOKEN || undefined);
  let running;
  try {
    running = await startServer({ store, host: flags.host, port, readOnly, token, bodyLimit, webDir: flags.web, fetchOptions: SERVER_FETCH });
  } catch (e) {
    await store.close();
    const err = e as NodeJS.ErrnoException;
    io.err.write(`claimline serve: cannot listen on ${flags.host}:${port} (${err.code ?? err.message})\n`);
    return 1;
  }
  if (!isLoopbackHost(flags.host) && !token && !readOnly) {
    // Anyone who can reach the address could then fill the store: say so on stderr (stdout keeps its one line).
    io.err.write(`claimline serve: warning: listening on ${flags.host} with writes open to anyone who can reach it; give --token or --read-only\n`);
  }
  const { articles } = await store.stats();
  // A server store's URL may carry a password: it is not printed.
  const shown = isServerUrl(flags.db) ? flags.db.replace(/\/\/[^@/]*@/, "//…@") : flags.db;
  io.out.write(`claimline: serving ${running.url} (${articles} article${articles === 1 ? "" : "s"}, ${shown})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await running.close();
  await store.close();
  return 0;
}

export function registerServe(program: Command, io: CliIO): void {
  program
    .command("serve")
    .description("serve the JSON API (/api, /openapi.json) and the web UI over a store")
    .option("--db <path>", "the store (SQLite file; created empty unless --read-only)", DEFAULT_STORE)
    .option("--host <address>", "address to listen on", DEFAULT_HOST)
    .option("--port <n>", "port (0 picks a free one)", String(DEFAULT_PORT))
    .option("--read-only", "refuse writes (POST /api/articles answers 403); the store is opened read-only")
    .option("--token <token>", "write endpoints want Authorization: Bearer <token> (default: $CLAIMLINE_TOKEN)")
    .option("--body-limit <size>", "largest request body (5mb, 512kb, bytes)", "5mb")
    .option("--web <dir>", "the built web UI to serve (default: the package's dist/web)")
    .action(async (flags: ServeFlags) => {
      io.setExit(await runServe(flags, io));
    });
}
