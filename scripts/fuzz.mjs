#!/usr/bin/env node
// The long fuzz run: hostile inputs through the whole pipeline for a while, then a scan of every regex in src/ for backtracking.
// Usage: npm run fuzz -- [--seconds 600] [--seed 20261126] [--max-repeat 20000] [--hang-ms 120000] [--heap-mb 1536] [--out fuzz-report] [--no-regex-scan]
// Writes fuzz-report/report.json (and crash-*.bin / hang-*.bin reproducers); exits 1 if anything crashed or hung, or the
// regex scan finds a super-linear regex not listed in test/fuzz/regex-known.ts.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : "fuzz-report";
mkdirSync(out, { recursive: true });

// Inputs through ingest + pipeline, each in a watched worker (a hang is recorded, not waited for).
const run = spawnSync(process.execPath, ["--import", "tsx", "test/fuzz/long-run.ts", ...args.filter((a) => a !== "--no-regex-scan"), ...(outIndex >= 0 ? [] : ["--out", out])], { stdio: "inherit" });
let status = run.status ?? 1;

if (!args.includes("--no-regex-scan")) {
  // Every regex literal in src/, on pumped inputs: which ones grow faster than linearly.
  const code = `
    import { scanRegexes } from "./test/fuzz/regex-scan.ts";
    import { fixedSince, isKnown } from "./test/fuzz/regex-known.ts";
    const r = await scanRegexes(["src"], { log: (s) => console.error("regex-scan: " + s) });
    const fresh = r.findings.filter((f) => !isKnown(f));
    console.log(JSON.stringify({ ...r, new: fresh, fixed: fixedSince(r.findings) }));`;
  const scan = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  if (scan.status === 0) {
    const result = JSON.parse(scan.stdout.trim().split("\n").pop());
    writeFileSync(path.join(out, "regex-scan.json"), JSON.stringify(result, null, 2));
    console.log(`regex scan: ${result.scanned} regexes, ${result.findings.length} super-linear, ${result.new.length} of them not in test/fuzz/regex-known.ts (see ${path.join(out, "regex-scan.json")})`);
    for (const f of result.new) console.log(`  new: ${f.file}:${f.line} ${f.verdict} on ${JSON.stringify(f.unit)}: /${f.source.slice(0, 100)}/`);
    for (const k of result.fixed) console.log(`  fixed (take it off the list): ${k.file} /${k.prefix}/`);
    // A new super-linear regex fails the run, like a crash; the listed ones are known and tolerated.
    if (result.new.length) status = status || 1;
  } else {
    console.error("regex scan failed");
    status = status || 1;
  }
}
process.exit(status);
