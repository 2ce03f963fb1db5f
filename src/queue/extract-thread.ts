// Worker thread of `claimline worker`: runs the extraction pipeline on the articles the queue's main thread hands it.
import { parentPort } from "node:worker_threads";
import { extractArticle } from "../cli/commands/ingest-extract.js";
import type { IngestedArticle } from "../ingest/types.js";

export interface ThreadRequest {
  seq: number;
  article: IngestedArticle;
}

export type ThreadReply = { seq: number; record: unknown } | { seq: number; error: string };

parentPort!.on("message", (request: ThreadRequest) => {
  extractArticle(request.article).then(
    (record) => parentPort!.postMessage({ seq: request.seq, record } satisfies ThreadReply),
    (e: unknown) => parentPort!.postMessage({ seq: request.seq, error: e instanceof Error ? e.message.split("\n")[0]! : String(e) } satisfies ThreadReply),
  );
});
