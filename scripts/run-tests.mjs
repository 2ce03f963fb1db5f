#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node:test + tsx (node 20's --test takes no globs).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const roots = process.argv.length > 2 ? process.argv.slice(2) : ["src", "test"];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.(ts|mjs|js)$/.test(name)) files.push(p);
  }
}
for (const r of roots) {
  if (statSync(r, { throwIfNoEntry: false })?.isDirectory()) walk(r);
  else if (statSync(r, { throwIfNoEntry: false })) files.push(r);
}
if (!files.length) {
  console.error("run-tests: no test files found");
  process.exit(1);
}
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(res.status ?? 1);
