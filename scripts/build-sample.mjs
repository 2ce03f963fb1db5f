#!/usr/bin/env node
// Builds the bundled sample corpus (sample/) from the Wikinews articles of GeoVirus (CC BY 2.5 texts).
// Usage: node scripts/build-sample.mjs [path/to/GeoVirus.xml]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const src = process.argv[2] ?? "../shared/data/geo/geovirus/GeoVirus.xml";
const PICK = [
  "Libya_frees_foreign_HIV_medics",
  "Five_cholera_deaths_recorded_in_Zimbabwe_amid_fears_of_new_epidemic",
  "Over_60_dead_in_Kenya_cholera_outbreak,_state_issues_alert",
  "Swine_flu_reported_in_more_countries;_WHO_warns_of_possible_pandemic_risk",
  "US_declares_public_health_emergency_over_spread_of_swine_flu",
  "750,000_could_be_affected_by_flooding_in_Kenya,_UN_says",
  "Spreading_floods_in_Pakistan_worsen,_at_least_1600_dead",
  "Health_organisations_respond_to_Ebola_outbreak_in_Democratic_Republic_of_the_Congo",
];
const unescape = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const xml = readFileSync(src, "utf8");
const articles = [...xml.matchAll(/<article>\s*<source>(.*?)<\/source>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => ({ url: m[1], text: unescape(m[2]) }));
mkdirSync("sample/wikinews", { recursive: true });
const lines = [];
const credits = [];
for (const slug of PICK) {
  const a = articles.find((x) => decodeURIComponent(x.url).endsWith(`/${slug}`) || x.url.endsWith(`/${slug}`));
  if (!a) throw new Error(`not found in ${src}: ${slug}`);
  const title = decodeURIComponent(slug).replace(/_/g, " ");
  const file = `${slug.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "").toLowerCase().slice(0, 60)}.txt`;
  writeFileSync(path.join("sample/wikinews", file), `${a.text}\n`);
  lines.push(JSON.stringify({ id: file.replace(/\.txt$/, ""), title, url: a.url, outlet: "Wikinews", license: "CC BY 2.5", text: a.text }));
  credits.push(`| [${title}](${a.url}) | \`wikinews/${file}\` |`);
}
writeFileSync("sample/wikinews.jsonl", `${lines.join("\n")}\n`);
writeFileSync("sample/ATTRIBUTION.md", `# Sample corpus: attribution

These ${PICK.length} news articles are from [Wikinews](https://en.wikinews.org), © their Wikinews contributors,
licensed under the [Creative Commons Attribution 2.5](https://creativecommons.org/licenses/by/2.5/) licence.
The texts were taken as found in the GeoVirus corpus (Gritta et al., 2018) and are unchanged.
\`sample/wikinews.jsonl\` holds the same articles, one per line, with title, URL and outlet.
Regenerate with \`node scripts/build-sample.mjs\`.

| article | file |
|---|---|
${credits.join("\n")}
`);
console.log(`sample: ${PICK.length} articles`);
