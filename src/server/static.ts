// Serves the built web UI (dist/web): files by path, index.html for client-side routes, and no way out of the folder.
import { createReadStream, existsSync, realpathSync, statSync, type Stats } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HttpError } from "./http-error.js";

/** The package's dist/web, found from this module's own place (src/server or dist/server), never from the cwd. */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../dist/web/", import.meta.url));
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".gif": "image/gif", ".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon", ".woff": "font/woff", ".woff2": "font/woff2",
  ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimline</title></head>
<body><h1>claimline</h1>
<p>The web UI is not built. Run <code>npm run build</code> in the claimline folder, then restart <code>claimline serve</code>.</p>
<p>The JSON API works meanwhile: <a href="/api/health">/api/health</a>, <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
`;

/**
 * The path segments of a URL path, percent-decoded one by one. A segment that decodes to "." or "..", or
 * holds a slash, backslash or NUL once decoded, is refused: those are the ways out of the web folder.
 */
export function safeSegments(rawPath: string): string[] {
  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    if (raw === "") continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, "malformed percent-encoding in the path");
    }
    if (seg === "." || seg === ".." || /[/\\\0]/.test(seg) || /^[a-zA-Z]:/.test(seg)) throw new HttpError(400, "path not allowed");
    segments.push(seg);
  }
  return segments;
}

export class StaticFiles {
  private root?: string;

  constructor(private readonly dir: string | undefined) {}

  /** The real path of the web folder once it holds index.html (a build may land while the server runs). */
  private findRoot(): string | undefined {
    // realpath: a file's real path must then lie under it (a symlink pointing outside is refused too).
    if (!this.root && this.dir && existsSync(path.join(this.dir, "index.html"))) this.root = realpathSync(this.dir);
    return this.root;
  }

  /** Answers a GET/HEAD for a non-API path. */
  serve(req: IncomingMessage, res: ServerResponse, rawPath: string): void {
    const segments = safeSegments(rawPath);
    if (!this.findRoot()) {
      const home = segments.length === 0 || (segments.length === 1 && segments[0] === "index.html");
      res.writeHead(home ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" });
      res.end(NOT_BUILT);
      return;
    }
    const file = this.find(segments);
    if (file) return this.send(req, res, file.path, file.stat, segments[0] === "assets");
    // A path that names a file type ("/app.js", "/logo.png") and is missing is a 404; any other path is a
    // client-side route of the single-page UI, answered with index.html.
    const last = segments.at(-1) ?? "";
    if (/\.[a-z0-9]{1,8}$/i.test(last) && !last.endsWith(".html")) throw new HttpError(404, `no such file: /${segments.join("/")}`);
    const index = path.join(this.root!, "index.html");
    this.send(req, res, index, statSync(index), false);
  }

  private find(segments: string[]): { path: string; stat: Stats } | undefined {
    const root = this.root!;
    const candidate = path.resolve(root, ...segments);
    if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      return undefined;
    }
    if (!real.startsWith(root + path.sep)) return undefined;
    const stat = statSync(real);
    return stat.isFile() ? { path: real, stat } : undefined;
  }

  private send(req: IncomingMessage, res: ServerResponse, file: string, stat: Stats, immutable: boolean): void {
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      // Vite names built assets by content hash: they never change. index.html must be revalidated.
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: etag,
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers["Content-Length"] = String(stat.size);
    res.writeHead(200, headers);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on("error", () => res.destroy());
    stream.pipe(res);
  }
}
