// The command-line settings the PolNeAR training scripts share: flags, the train split, the held-out eval split, the output file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { primaryFiles, readAnn, type Attribution } from "../src/eval/polnear.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The value after flag `k` on the command line, else `d`. */
export function arg(k: string, d?: string): string | undefined {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
}

/** `--data` (default: PolNeAR train beside the project), `--eval` (a split scored, never trained on), `--out` (default: `model` under src/nlp/en/attribution). */
export function trainingPaths(model: string): { dataDir: string; evalDir: string | undefined; outFile: string } {
  return {
    dataDir: path.resolve(arg("--data", path.join(root, "..", "shared", "data", "quotes", "polnear", "train"))!),
    evalDir: arg("--eval"),
    outFile: path.resolve(arg("--out", path.join(root, "src", "nlp", "en", "attribution", model))!),
  };
}

/** Each text of a PolNeAR split (name order, primary annotator) with its gold attributions; texts missing on disk are skipped. */
export function* polnearTexts(dir: string): Generator<{ base: string; text: string; gold: Attribution[] }> {
  for (const [base, ann] of primaryFiles(dir)) {
    let text: string;
    try {
      text = readFileSync(path.join(dir, "text", `${base}.txt`), "utf8");
    } catch {
      continue;
    }
    yield { base, text, gold: readAnn(readFileSync(path.join(dir, "attributions", ann), "utf8"), text) };
  }
}
