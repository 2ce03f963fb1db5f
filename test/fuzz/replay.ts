// Replays one fuzz input (by seed and index, or from a file) through the pipeline stage by stage: timings, warnings, the failing stage's stack.
// Usage: node --import tsx test/fuzz/replay.ts --seed 7 --index 3320 [--max-repeat 20000] [--save out.bin]
//        node --import tsx test/fuzz/replay.ts --file fuzz-report/crash-1396.bin
//        node --import tsx test/fuzz/replay.ts --text '"U.S. ".repeat(20000)'   (a JavaScript expression)
import { readFileSync, writeFileSync } from "node:fs";
import { Document } from "../../src/core/document.js";
import { ingest } from "../../src/ingest/index.js";
import { englishPipeline } from "../../src/nlp/en/configuration.js";
import { fuzzInputAt } from "./hostile.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

let input: string | Uint8Array;
if (flag("file")) input = new Uint8Array(readFileSync(flag("file")!));
else if (flag("text")) input = String((0, eval)(flag("text")!));
else {
  const item = fuzzInputAt({ seed: Number(flag("seed") ?? "20261126"), maxRepeat: Number(flag("max-repeat") ?? "20000") }, Number(flag("index") ?? "0"));
  console.log(`generator ${item.generator}`);
  input = item.input;
}
if (flag("save")) writeFileSync(flag("save")!, input);

let articles;
try {
  articles = await ingest(input, { origin: "replay" });
} catch (e) {
  console.log(`ingest: ${(e as Error).name}: ${(e as Error).message}`);
  process.exit(0);
}
for (const article of articles) {
  const doc = new Document(article.text, article.source);
  if (article.paragraphs) doc.sourceParagraphs = article.paragraphs;
  console.log(`article: ${article.text.length} characters`);
  // Stage by stage, not Pipeline.run: no budget, and a failing stage shows its whole stack.
  for (const stage of englishPipeline().stages) {
    const cpu = process.cpuUsage();
    try {
      stage.run(doc);
    } catch (e) {
      console.log(`  ${stage.name} FAILED: ${(e as Error).stack?.split("\n").slice(0, 12).join("\n    ")}`);
      break;
    }
    const u = process.cpuUsage(cpu);
    const ms = (u.user + u.system) / 1000;
    if (ms > 20) console.log(`  ${stage.name}: ${ms.toFixed(0)} ms CPU`);
  }
  for (const m of doc.messages.slice(0, 5)) console.log(`  warning ${m.stage}: ${m.text.slice(0, 200)}`);
}
