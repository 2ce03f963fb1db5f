// The seed article's required figures from the figure stage alone (no quote, entity or time layer): the fallback must stand.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { figures } from "./quantities.test-helpers.js";

const dir = fileURLToPath(new URL("../../../../test/fixtures/seed-article/", import.meta.url));

interface GoldFigure {
  contains: string;
  value?: number;
  bound: string;
  counted: string;
  claimant?: string;
  required?: boolean;
}

describe("quantities: seed article, fallback attribution only", () => {
  const text = readFileSync(dir + "article.txt", "utf8");
  const gold = JSON.parse(readFileSync(dir + "gold.json", "utf8")) as { quantities: GoldFigure[]; entities: { name: string; aliases?: string[] }[] };
  const found = figures(text);
  const aliases = (name: string): string[] => {
    const e = gold.entities.find((x) => x.name === name);
    return [name, ...(e?.aliases ?? [])].map((x) => x.toLowerCase());
  };
  for (const g of gold.quantities.filter((x) => x.required !== false)) {
    it(g.contains, () => {
      const at = text.indexOf(g.contains);
      // the most specific figure over the snippet (shortest overlapping span), as the scorer picks it
      const q = found.filter((x) => x.span[0] < at + g.contains.length && at < x.span[1])
        .sort((a, b) => (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]))[0];
      assert.ok(q, `no figure over "${g.contains}"`);
      if (g.value !== undefined) assert.equal(q.value, g.value);
      assert.equal(q.bound, g.bound);
      const words = g.counted.toLowerCase().split(/\s+/).filter((w) => !["of", "the", "a", "in", "to", "and", "relative", "figures"].includes(w));
      assert.ok(words.some((w) => (q.counted ?? "").toLowerCase().includes(w)), `counted "${q.counted}" for "${g.counted}"`);
      if (g.claimant) {
        const want = aliases(g.claimant);
        const got = (q.claimant?.name ?? "").toLowerCase();
        assert.ok(want.some((w) => w === got || (w.length > 6 && (got.includes(w) || (w.includes(got) && got.length > 6)))),
          `claimant "${q.claimant?.name}" for "${g.claimant}"`);
      }
    });
  }
});
