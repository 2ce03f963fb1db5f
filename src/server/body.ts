// Reads a JSON request body with a size cap that stops reading at the limit, a content-type check and strict UTF-8.
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

/** "5mb", "512kb", "1gb" or a plain number of bytes → bytes. */
export function parseByteSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) throw new Error(`not a size: ${value} (want e.g. 5mb, 512kb or a number of bytes)`);
  const unit = (m[2] ?? "b").toLowerCase()[0]!;
  const factor = unit === "g" ? 1024 ** 3 : unit === "m" ? 1024 ** 2 : unit === "k" ? 1024 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  if (bytes < 1) throw new Error(`size must be at least one byte: ${value}`);
  return bytes;
}

function megabytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(2)} MB` : `${+(n / 1024).toFixed(1)} kB`;
}

/**
 * The parsed JSON body. 415 unless the type is application/json (which is also what keeps a cross-site form
 * from posting here: a browser sends that type cross-origin only after a CORS preflight we never grant);
 * 413 as soon as the declared or received size passes `limit` — the rest is never read.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const [type = "", ...params] = (req.headers["content-type"] ?? "").split(";").map((s) => s.trim().toLowerCase());
  if (type !== "application/json") throw new HttpError(415, `Content-Type must be application/json${type ? ` (got ${type.slice(0, 60)})` : ""}`);
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8") throw new HttpError(415, `charset must be utf-8 (got ${charset.slice(0, 30)})`);
  const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding !== "identity") throw new HttpError(415, `Content-Encoding ${encoding.slice(0, 30)} is not accepted`);
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    throw new HttpError(413, `request body is ${megabytes(Number(declared))}, over the ${megabytes(limit)} limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop listening: nothing more is buffered, and the server closes the connection after the 413.
        req.off("data", onData);
        req.pause();
        reject(new HttpError(413, `request body is over the ${megabytes(limit)} limit`));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", resolve);
    req.once("error", reject);
    req.once("aborted", () => reject(new HttpError(400, "request aborted")));
  });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    throw new HttpError(400, "request body is not valid UTF-8");
  }
  if (!text.trim()) throw new HttpError(400, "request body is empty (want a JSON object)");
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON (${(e as Error).message.slice(0, 120)})`);
  }
}
