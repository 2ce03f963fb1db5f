// `claimline eval gold --data DIR`: scores every gold.json (seed-article format) found in DIR.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { extractText } from "../index.js";
import type { Benchmark } from "./benchmark.js";
import { formatGoldScore, GOLD_BARS, scoreGold, type Gold, type GoldScore } from "./gold-score.js";

function goldFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goldFiles(p));
    else if (name === "gold.json" || name.endsWith(".gold.json")) out.push(p);
  }
  return out;
}

export const goldBenchmark: Benchmark = {
  name: "gold",
  description: "hand-made article references (gold.json): quotes, figures, dates, certainty, entities",
  defaultData: "test/fixtures",
  async run(dataDir, { verbose }) {
    const lines: string[] = [];
    const totals = Object.fromEntries(Object.keys(GOLD_BARS).map((k) => [k, { ok: 0, n: 0 }])) as Record<keyof GoldScore, { ok: number; n: number }>;
    const files = goldFiles(dataDir);
    for (const file of files) {
      const gold = JSON.parse(readFileSync(file, "utf8")) as Gold;
      const text = readFileSync(path.join(path.dirname(file), gold.input.file), "utf8");
      const { title, outlet, published, subtitle } = gold.input;
      const score = scoreGold(extractText(text, { title, outlet, published, subtitle }), gold);
      lines.push(formatGoldScore(path.relative(dataDir, file) || file, score));
      for (const cat of Object.keys(totals) as (keyof GoldScore)[]) {
        totals[cat].ok += score[cat].ok;
        totals[cat].n += score[cat].n;
        if (verbose) for (const m of score[cat].misses) lines.push(`  ${cat} miss: ${m}`);
      }
    }
    const metrics: Record<string, unknown> = { benchmark: "gold", articles: files.length };
    for (const [cat, t] of Object.entries(totals)) metrics[cat] = t.n ? +(t.ok / t.n).toFixed(3) : null;
    lines.push(`total: ${Object.entries(totals).map(([c, t]) => `${c} ${t.ok}/${t.n}`).join(", ")}`);
    return { lines, metrics };
  },
};
