// Fetches a page over HTTP(S) with a timeout, manual redirects, a content-type check and a streaming size cap.
import { charsetFromContentType } from "./encoding.js";
import { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type IngestOptions } from "./types.js";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
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

/** Fetches one URL; every failure is an IngestError naming the URL. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 15000;
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  let current = checkedUrl(url, url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: "manual",
          signal: controller.signal,
          headers: { "user-agent": "claimline/0.1", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5" },
        });
      } catch (e) {
        throw new IngestError(controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `cannot fetch (${causeOf(e)})`, url);
      }
      if (REDIRECT.has(res.status)) {
        const location = res.headers.get("location");
        await res.body?.cancel();
        if (!location) throw new IngestError(`HTTP ${res.status} without a Location header`, url);
        if (hop >= maxRedirects) throw new IngestError(`more than ${maxRedirects} redirects`, url);
        current = checkedUrl(new URL(location, current).href, url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new IngestError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`, url);
      }
      const contentType = res.headers.get("content-type") ?? undefined;
      if (contentType && !READABLE_TYPE.test(contentType.split(";")[0]!.trim())) {
        await res.body?.cancel();
        throw new IngestError(`unsupported content type ${contentType.split(";")[0]} (want HTML, XML, JSON or text)`, url);
      }
      const declared = Number(res.headers.get("content-length"));
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new IngestError(`response is ${(declared / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB limit`, url);
      }
      const bytes = await readCapped(res, maxBytes, url, controller.signal, timeoutMs);
      const page: FetchedPage = { url: current, bytes };
      if (contentType) page.contentType = contentType;
      const charset = charsetFromContentType(contentType);
      if (charset) page.charset = charset;
      return page;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Reads the body, stopping as soon as it passes the cap (a Content-Length can lie or be absent). */
async function readCapped(res: Response, maxBytes: number, url: string, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        throw new IngestError(`response is over the ${maxBytes / 1048576} MB limit`, url);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(signal.aborted ? `timed out after ${timeoutMs} ms` : `connection failed (${causeOf(e)})`, url);
  }
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
  const err = e as { cause?: { code?: string; message?: string }; message?: string };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

/** Fetches a page (or feed) and ingests it; the page's URL is the source URL unless the page names a canonical one. */
export async function ingestUrl(url: string, options: IngestOptions & FetchOptions = {}): Promise<IngestedArticle[]> {
  const { timeoutMs, maxBytes, maxRedirects, ...rest } = options;
  const page = await fetchUrl(url, { timeoutMs, maxBytes, maxRedirects });
  // Imported lazily: index.ts imports this module too.
  const { ingest } = await import("./index.js");
  const ingestOptions: IngestOptions = { ...rest, origin: options.origin ?? url, pageUrl: page.url };
  if (page.charset) ingestOptions.charset = page.charset;
  return ingest(page.bytes, ingestOptions);
}
