// The HTTP server (node:http only): dispatches the route table, serves the web UI, and applies the security defences.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { FetchOptions } from "../ingest/index.js";
import type { Store } from "../store/store.js";
import type { ApiError } from "./api-types.js";
import { HttpError } from "./http-error.js";
import { parseQuery } from "./params.js";
import { matchRoute, type App } from "./routes.js";
import { checkBearer, checkHostAndOrigin, setSecurityHeaders } from "./security.js";
import { defaultWebDir, StaticFiles } from "./static.js";
import { StoreViews } from "./views.js";

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** the address the server listens on: on loopback, requests for other host names are refused (DNS rebinding) */
  host?: string;
  readOnly?: boolean;
  /** when set, write endpoints want `Authorization: Bearer <token>` */
  token?: string;
  /** bytes a request body may have */
  bodyLimit?: number;
  /** the built web UI; defaults to the package's dist/web, `null` for none */
  webDir?: string | null;
  /** passed to the URL fetcher of POST /api/extract and /api/articles */
  fetchOptions?: FetchOptions;
  /** extractions running or waiting at once; more get a 503 */
  maxExtractions?: number;
  /** where unexpected errors are reported (stderr by default) */
  logError?: (message: string) => void;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The path and query of a request target (origin-form, or absolute-form as proxies send it). */
function splitTarget(url: string): { path: string; search: URLSearchParams } {
  let target = url;
  if (/^https?:\/\//i.test(target)) {
    try {
      const u = new URL(target);
      target = u.pathname + u.search;
    } catch {
      throw new HttpError(400, "bad request target");
    }
  }
  if (!target.startsWith("/")) throw new HttpError(400, "bad request target");
  const q = target.indexOf("?");
  return { path: q < 0 ? target : target.slice(0, q), search: new URLSearchParams(q < 0 ? "" : target.slice(q + 1)) };
}

function isApiPath(path: string): boolean {
  return path === "/openapi.json" || path === "/api" || path.startsWith("/api/");
}

/** Path segments, each percent-decoded on its own, so an id may hold an encoded slash (`url:https%3A%2F%2F…`). */
function apiSegments(path: string): string[] {
  const raw = path.split("/").slice(1);
  if (raw.length > 1 && raw.at(-1) === "") raw.pop();
  return raw.map((seg) => {
    try {
      return decodeURIComponent(seg);
    } catch {
      throw new HttpError(400, "malformed percent-encoding in the path");
    }
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

/** Creates the server (not yet listening). The store stays the caller's to close. */
export function createApiServer(options: ServerOptions): Server {
  const bindHost = options.host ?? DEFAULT_HOST;
  const logError = options.logError ?? ((m: string) => process.stderr.write(`claimline serve: ${m}\n`));
  const statics = new StaticFiles(options.webDir === null ? undefined : (options.webDir ?? defaultWebDir()));
  const maxExtractions = options.maxExtractions ?? 8;
  let extracting = 0;
  const app: App = {
    store: options.store,
    views: new StoreViews(options.store),
    version: packageVersion(),
    readOnly: options.readOnly ?? false,
    token: options.token || undefined,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    fetchOptions: options.fetchOptions ?? {},
    async extraction(work) {
      // Extraction is CPU-bound and synchronous: a bounded number in flight keeps reads answering under a flood.
      if (extracting >= maxExtractions) throw new HttpError(503, "too many extractions at once; try again shortly", { "Retry-After": "1" });
      extracting++;
      try {
        return await work();
      } finally {
        extracting--;
      }
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const { path, search } = splitTarget(req.url ?? "/");
    checkHostAndOrigin(req, bindHost, method !== "GET" && method !== "HEAD");
    if (!isApiPath(path)) {
      if (method !== "GET" && method !== "HEAD") throw new HttpError(405, `${method} is not allowed here (the web UI answers GET)`, { Allow: "GET, HEAD" });
      statics.serve(req, res, path);
      return;
    }
    const match = matchRoute(method, apiSegments(path));
    if (!match) throw new HttpError(404, `no route ${path.slice(0, 200)}`);
    if ("allowed" in match) {
      const allow = match.allowed.includes("GET") ? [...match.allowed, "HEAD"] : match.allowed;
      throw new HttpError(405, `${method} is not allowed on ${path.slice(0, 200)} (allowed: ${allow.join(", ")})`, { Allow: allow.join(", ") });
    }
    const { route } = match;
    const query = parseQuery(search, route.query);
    if (route.write) {
      if (app.readOnly) throw new HttpError(403, "the server is read-only (started with --read-only)");
      if (app.token) checkBearer(req, app.token);
    }
    const reply = await route.handle({ req, path: match.path, query, app });
    sendJson(res, reply.status ?? 200, reply.body);
  }

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    handle(req, res).catch((e: unknown) => {
      const known = e instanceof HttpError;
      if (!known) logError(e instanceof Error ? (e.stack ?? e.message) : String(e));
      const status = known ? e.status : 500;
      const body: ApiError = { error: { status, message: known ? e.message : "internal error (see the server's log)" } };
      const headers = known ? { ...e.headers } : {};
      // A body left unread (a 413, or an error before reading): close the connection instead of reading it.
      if (!req.complete) headers.Connection = "close";
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, body, headers);
      if (!req.complete) res.once("finish", () => setTimeout(() => req.socket.destroy(), 100).unref());
    });
  });
  // Slow clients may not hold connections open forever (slowloris): whole headers in 15 s, the whole request in 60 s.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  return server;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  /** stops accepting, ends idle connections, waits for requests in flight (at most `graceMs`) */
  close(graceMs?: number): Promise<void>;
}

/** Creates the server and listens; `port` 0 picks a free port. */
export async function startServer(options: ServerOptions & { port?: number }): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const server = createApiServer({ ...options, host });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    server,
    port,
    url: `http://${shown}:${port}/`,
    close: (graceMs = 5000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
