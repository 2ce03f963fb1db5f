// Ingest entry point: tells the kind of input apart by content and hands it to the right ingester.
import { IngestError, MAX_INPUT_BYTES, type IngestedArticle, type MetadataOverrides } from "./types.js";
import { ingestText } from "./text.js";

export { IngestError, type IngestedArticle, type MetadataOverrides } from "./types.js";

export interface IngestOptions extends MetadataOverrides {
  /** a name for messages: the file name, "stdin" */
  origin?: string;
}

/** Decodes bytes as UTF-8, refusing binary data and invalid sequences with a clear message. */
export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new IngestError(`input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_INPUT_BYTES / 1048576} MB limit`, origin);
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new IngestError("binary data, not text or HTML", origin);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new IngestError("invalid UTF-8 (give text as UTF-8, or HTML with its charset)", origin);
  }
}

/** Ingests one input (a file's bytes or a string) into articles. */
export async function ingest(input: Uint8Array | string, options: IngestOptions = {}): Promise<IngestedArticle[]> {
  const origin = options.origin ?? "input";
  const text = typeof input === "string" ? input : decodeUtf8(input, origin);
  return [ingestText(text, options, origin)];
}
