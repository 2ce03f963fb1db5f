// Server-side defences: security headers on every response, bearer-token check, and Host/Origin checks against DNS rebinding and CSRF.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { HttpError } from "./http-error.js";

/**
 * No inline script, no eval, no third-party origin. Styles are 'self' only: the UI sets styles through the
 * CSSOM (element.style), which CSP does not restrict, and ships its CSS as files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Checks `Authorization: Bearer <token>`. Both sides are hashed first so the comparison is constant-time
 * whatever the lengths, and never stops at the first differing byte.
 */
export function checkBearer(req: IncomingMessage, token: string): void {
  const header = req.headers.authorization ?? "";
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const given = m?.[1] ?? "";
  const ok = timingSafeEqual(digest(given), digest(token));
  if (!m || !ok) {
    throw new HttpError(401, m ? "wrong token" : "this endpoint needs Authorization: Bearer <token>", {
      "WWW-Authenticate": 'Bearer realm="claimline"',
    });
  }
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Whether a bind address only listens on this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || (isIP(h) === 4 && h.startsWith("127."));
}

/** The host name of a Host header value, without the port ("[::1]:8787" → "::1"). */
function hostName(header: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header);
  return (m?.[1] ?? header).toLowerCase();
}

/**
 * A server on loopback answers only requests addressed to a loopback name: a page on another site whose DNS
 * name is re-pointed at 127.0.0.1 (DNS rebinding) sends its own name in Host and is refused. A cross-site
 * write is refused too when the browser says where it comes from (Origin) and that is not this server.
 */
export function checkHostAndOrigin(req: IncomingMessage, bindHost: string, write: boolean): void {
  if (isLoopbackHost(bindHost)) {
    const host = req.headers.host;
    if (!host) throw new HttpError(400, "missing Host header");
    const name = hostName(host);
    if (!LOOPBACK_NAMES.has(name) && !(isIP(name) === 4 && name.startsWith("127.")) && name !== bindHost.toLowerCase()) {
      throw new HttpError(421, `this server answers only requests for localhost (Host was ${host.slice(0, 80)})`);
    }
  }
  const origin = req.headers.origin;
  if (write && origin && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      throw new HttpError(403, "malformed Origin header");
    }
    if (originHost !== (req.headers.host ?? "").toLowerCase()) throw new HttpError(403, `cross-origin writes are refused (Origin ${origin.slice(0, 80)})`);
  } else if (write && origin === "null") {
    throw new HttpError(403, "cross-origin writes are refused (Origin null)");
  }
}
