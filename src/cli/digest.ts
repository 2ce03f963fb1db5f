// A readable digest of a record (`--format text`): each quote with its speaker, each figure with bound and claimant.
import type { ArticleRecord, Ref, Span } from "../core/record.js";

const BOUND_WORD: Record<string, string> = { exact: "", approx: "about ", lower: "at least ", upper: "up to ", range: "" };

function who(ref: Ref | undefined): string {
  return ref ? ref.name : "(unattributed)";
}

function clip(s: string, n = 160): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function lineOf(text: string, span: Span): number {
  let n = 1;
  for (let i = 0; i < span[0] && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function digest(rec: ArticleRecord): string {
  const out: string[] = [];
  const s = rec.source;
  out.push(`# ${s.title ?? clip(rec.text, 80)}`);
  const meta = [s.outlet, s.published, s.byline?.join(", "), s.url].filter(Boolean).join(" · ");
  if (meta) out.push(meta);
  out.push("");
  out.push(`Quotes (${rec.quotes.length})`);
  for (const q of rec.quotes) {
    const cue = q.cue ? ` [${q.cue.text}]` : "";
    out.push(`  ${who(q.speaker)}${cue} (${q.kind}): “${clip(q.text)}”`);
  }
  out.push("");
  out.push(`Figures (${rec.quantities.length})`);
  for (const n of rec.quantities) {
    const amount = n.bound === "range" ? `${n.low}–${n.high}` : `${BOUND_WORD[n.bound] ?? ""}${n.value ?? "?"}`;
    const parts = [`${amount}${n.unit ? ` ${n.unit}` : ""}`, n.counted ? `of ${n.counted}` : "", `— ${who(n.claimant)}`];
    if (n.time) parts.push(`as of ${n.time}`);
    out.push(`  ${parts.filter(Boolean).join(" ")}  ("${clip(n.text, 60)}", line ${lineOf(rec.text, n.span)})`);
  }
  out.push("");
  out.push(`Dates (${rec.times.length})`);
  for (const t of rec.times) out.push(`  ${t.value} ${t.type}  "${t.text}"`);
  out.push("");
  const hedged = rec.claims.filter((c) => c.status !== "asserted");
  out.push(`Claims not asserted as fact (${hedged.length} of ${rec.claims.length})`);
  for (const c of hedged) {
    const cues = c.cues.map((x) => x.text).join(", ");
    out.push(`  ${c.status}${cues ? ` [${cues}]` : ""}${c.claimant ? ` — ${c.claimant.name}` : ""}: ${clip(c.text, 120)}`);
  }
  out.push("");
  out.push(`Entities (${rec.entities.length})`);
  for (const e of rec.entities) {
    const extra = [
      e.descriptors?.length ? e.descriptors.join("; ") : "",
      e.affiliations?.length ? `with ${e.affiliations.join(", ")}` : "",
      e.geo ? `@${e.geo.lat.toFixed(2)},${e.geo.lon.toFixed(2)} ${e.geo.country}` : "",
    ].filter(Boolean).join(" · ");
    out.push(`  ${e.type.padEnd(6)} ${e.name} ×${e.mentions.length}${extra ? ` — ${extra}` : ""}`);
  }
  if (rec.warnings?.length) {
    out.push("");
    out.push("Warnings");
    for (const w of rec.warnings) out.push(`  ${w}`);
  }
  return out.join("\n");
}
