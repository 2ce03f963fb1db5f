// One extraction thread with a timeout: a thread that crashes or hangs fails its job and is replaced, the process lives on.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ArticleRecord } from "../core/record.js";
import type { IngestedArticle } from "../ingest/types.js";
import type { ThreadReply, ThreadRequest } from "./extract-thread.js";

/**
 * A new extraction thread: the compiled script, or, when running from sources (tests under tsx), a small
 * module that registers tsx in the thread first (Node 20 does not pass the main thread's loader hooks on).
 */
function startThread(): Worker {
  const compiled = fileURLToPath(new URL("./extract-thread.js", import.meta.url));
  if (existsSync(compiled)) return new Worker(compiled);
  const source = new URL("./extract-thread.ts", import.meta.url).href;
  // A data: module cannot resolve bare names, so tsx's entry is given as a file URL.
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const tsx = pathToFileURL(path.join(tsxRoot, "dist", "esm", "api", "index.mjs")).href;
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(source)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

export class ThreadSlot {
  private worker: Worker | undefined;
  private seq = 0;

  constructor(private readonly timeoutMs: number) {}

  private start(): Worker {
    this.worker ??= startThread();
    return this.worker;
  }

  /** Extracts one article in the thread; rejects on an extraction error, a thread crash or the timeout. */
  extract(article: IngestedArticle): Promise<ArticleRecord> {
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise<ArticleRecord>((resolve, reject) => {
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        fn();
      };
      const replace = () => {
        // The thread is in an unknown state: a fresh one takes the next job.
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      };
      const onMessage = (reply: ThreadReply) => {
        if (reply.seq !== seq) return;
        finish(() => ("error" in reply ? reject(new Error(reply.error)) : resolve(reply.record as ArticleRecord)));
      };
      const onError = (e: Error) => finish(() => { replace(); reject(new Error(`extraction thread crashed: ${e.message}`)); });
      const onExit = (code: number) => finish(() => { replace(); reject(new Error(`extraction thread exited with code ${code}`)); });
      const timer = setTimeout(() => finish(() => { replace(); reject(new Error(`extraction took longer than ${this.timeoutMs} ms`)); }), this.timeoutMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ seq, article } satisfies ThreadRequest);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
