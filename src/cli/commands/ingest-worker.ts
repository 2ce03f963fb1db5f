// Worker thread of `claimline ingest`: runs the compiled pipeline on inputs the main thread hands it, one at a time.
import { parentPort, workerData } from "node:worker_threads";
import { extractTask, type ExtractTask } from "./ingest-extract.js";

const known = new Set<string>((workerData as { known: string[] }).known);

parentPort!.on("message", (task: ExtractTask) => {
  void extractTask(task, known).then((result) => parentPort!.postMessage(result));
});
