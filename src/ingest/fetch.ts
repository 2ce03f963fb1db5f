// Fetches a page over HTTP(S): SSRF guard on the resolved address, timeout, manual redirects, content-type check, size cap.
import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { classifyAddress } from "./address-guard.js";
import { charsetFromContentType } from "./encoding.js";
import { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions } from "./types.js";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /**
   * Fetch loopback, private, link-local, metadata and other non-public addresses too. Off by default (SSRF guard);
   * the environment variable CLAIMLINE_FETCH_ALLOW_PRIVATE=1 turns it on for a whole process (CLI, server).
   */
  allowPrivate?: boolean;
  /** Exact addresses allowed even though they are not public (e.g. a test server's 127.0.0.1); the rest stay refused. */
  allowAddresses?: readonly string[];
  /** Name resolution (default: the system resolver, every address). Every address it returns is checked. */
  resolver?: (hostname: string) => Promise<string[]>;
  /**
   * Called with the checked address just before a connection is opened to it; throwing refuses the connection.
   * Tests use it to prove no connection to a non-loopback address is ever attempted.
   */
  connectHook?: (target: ConnectTarget) => void;
}

export interface ConnectTarget {
  /** the host name of the URL (what Host and SNI carry) */
  hostname: string;
  /** the IP address actually connected to */
  address: string;
  port: number;
}

export interface FetchedPage {
  /** the final URL, after redirects */
  url: string;
  bytes: Uint8Array;
  contentType?: string;
  /** charset from the Content-Type header, for decoding */
  charset?: string;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const READABLE_TYPE = /html|xml|json|^text\//i;
const HEADERS = { "user-agent": "claimline/0.1", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5" };

async function systemResolver(hostname: string): Promise<string[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/**
 * Fetches one URL; every failure is an IngestError naming the URL. Each hop (the first request and every redirect)
 * resolves the host once, refuses it if any address is not public, and connects to exactly the address it checked,
 * so a DNS answer that changes between check and connection (rebinding) cannot slip through.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 15000;
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  let current = checkedUrl(url, url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const fail = (e: unknown, what: string): never => {
    if (e instanceof IngestError) throw e;
    throw new IngestError(controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `${what} (${causeOf(e)})`, url);
  };
  try {
    for (let hop = 0; ; hop++) {
      let res: IncomingMessage;
      try {
        res = await requestOnce(current, options, controller.signal, url);
      } catch (e) {
        return fail(e, "cannot fetch");
      }
      const status = res.statusCode ?? 0;
      if (REDIRECT.has(status)) {
        const location = res.headers.location;
        res.destroy();
        if (!location) throw new IngestError(`HTTP ${status} without a Location header`, url);
        if (hop >= maxRedirects) throw new IngestError(`more than ${maxRedirects} redirects`, url);
        current = checkedUrl(new URL(location, current).href, url);
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new IngestError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}`, url);
      }
      const contentType = res.headers["content-type"];
      if (contentType && !READABLE_TYPE.test(contentType.split(";")[0]!.trim())) {
        res.destroy();
        throw new IngestError(`unsupported content type ${contentType.split(";")[0]} (want HTML, XML, JSON or text)`, url);
      }
      const declared = Number(res.headers["content-length"]);
      if (declared > maxBytes) {
        res.destroy();
        throw new IngestError(`response is ${(declared / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit`, url);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(res, maxBytes, url);
      } catch (e) {
        return fail(e, "connection failed");
      }
      const page: FetchedPage = { url: current, bytes };
      if (contentType) page.contentType = contentType;
      const charset = charsetFromContentType(contentType);
      if (charset) page.charset = charset;
      return page;
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Resolves, checks and connects for one request; resolves with the response head. */
async function requestOnce(href: string, options: FetchOptions, signal: AbortSignal, original: string): Promise<IncomingMessage> {
  const u = new URL(href);
  const hostname = u.hostname.replace(/^\[|\]$/g, "");
  const port = Number(u.port) || (u.protocol === "https:" ? 443 : 80);
  const address = await checkedAddress(hostname, options, signal, original);
  options.connectHook?.({ hostname, address, port });
  const mod = u.protocol === "https:" ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = mod.request({
      // The checked IP, never the name: a second resolution could answer differently.
      host: address,
      port,
      path: `${u.pathname}${u.search}`,
      method: "GET",
      // Host and SNI keep the name, so virtual hosts and certificates work as if we had connected by name.
      headers: { ...HEADERS, host: u.host },
      ...(u.protocol === "https:" && isIP(hostname) === 0 ? { servername: hostname } : {}),
      agent: false,
      signal,
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

/** The one address to connect to, after checking every address the name resolves to. */
async function checkedAddress(hostname: string, options: FetchOptions, signal: AbortSignal, original: string): Promise<string> {
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    const resolver = options.resolver ?? systemResolver;
    try {
      addresses = await abortable(resolver(hostname), signal);
    } catch (e) {
      if (signal.aborted) throw e;
      throw new IngestError(`cannot resolve ${hostname} (${causeOf(e)})`, original);
    }
    if (!addresses.length) throw new IngestError(`cannot resolve ${hostname} (no address)`, original);
  }
  const allowPrivate = options.allowPrivate ?? process.env.CLAIMLINE_FETCH_ALLOW_PRIVATE === "1";
  const allowed = new Set((options.allowAddresses ?? []).map((a) => a.replace(/^\[|\]$/g, "").toLowerCase()));
  for (const address of addresses) {
    // A name with one bad address is refused whole: which address the client uses is not ours to predict.
    const kind = classifyAddress(address);
    if (kind && !allowPrivate && !allowed.has(address.toLowerCase())) {
      const via = address === hostname ? "" : ` (${hostname} resolves to it)`;
      throw new IngestError(`refused to fetch ${address}${via}: a ${kind} address (allowPrivate to permit)`, original);
    }
  }
  return addresses[0]!;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => { signal.removeEventListener("abort", onAbort); resolve(v); },
      (e) => { signal.removeEventListener("abort", onAbort); reject(e); },
    );
  });
}

/** Reads the body, stopping as soon as it passes the cap (a Content-Length can lie or be absent). */
async function readCapped(res: IncomingMessage, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new IngestError(`response is over the ${maxBytes / 1048576} MB limit`, url);
    }
    chunks.push(chunk);
  }
  // A server that closes mid-body ends the stream without error on some paths: a short body is still what it sent.
  if (!res.complete) throw new IngestError("connection closed before the whole response arrived", url);
  return Buffer.concat(chunks, size);
}

function checkedUrl(candidate: string, original: string): string {
  let u: URL;
  try {
    u = new URL(candidate);
  } catch {
    throw new IngestError("not a valid URL", original);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new IngestError(`unsupported URL scheme ${u.protocol}`, original);
  return u.href;
}

function causeOf(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; message?: string; code?: string };
  return err.cause?.code ?? err.cause?.message ?? err.code ?? err.message ?? String(e);
}

/** Fetches a page (or feed) and ingests it; the page's URL is the source URL unless the page names a canonical one. */
export async function ingestUrl(url: string, options: IngestOptions & FetchOptions = {}): Promise<IngestedArticle[]> {
  const { timeoutMs, maxBytes, maxRedirects, allowPrivate, allowAddresses, resolver, connectHook, ...rest } = options;
  const fetchOptions: FetchOptions = { timeoutMs, maxBytes, maxRedirects, allowPrivate, allowAddresses, resolver, connectHook };
  const page = await fetchUrl(url, fetchOptions);
  // Imported lazily: index.ts imports this module too.
  const { ingest } = await import("./index.js");
  // Feed item links are fetched under the same policy as the feed itself.
  const ingestOptions: IngestOptions = { ...rest, origin: options.origin ?? url, pageUrl: page.url, fetch: { ...fetchOptions, ...rest.fetch } };
  if (page.charset) ingestOptions.charset = page.charset;
  return ingest(page.bytes, ingestOptions);
}
