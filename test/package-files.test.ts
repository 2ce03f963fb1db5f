// The published package holds every data file the code loads at run time (a model left out of package.json "files" fails only after `npm install`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Repository paths named by `new URL("../…", import.meta.url)` in the source, resolved from where the compiled file runs (dist/…). */
function runtimeReferences(): { from: string; target: string }[] {
  const out: { from: string; target: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts") && !/\.test\.ts$|test-helpers\.ts$/.test(name)) {
        const rel = path.relative(path.join(ROOT, "src"), p);
        const compiledDir = path.join(ROOT, "dist", path.dirname(rel));
        for (const m of readFileSync(p, "utf8").matchAll(/new URL\(\s*"(\.\.\/[^"]+)",\s*import\.meta\.url\s*\)/g)) {
          out.push({ from: path.relative(ROOT, p), target: path.relative(ROOT, path.resolve(compiledDir, m[1])).split(path.sep).join("/") + (m[1].endsWith("/") ? "/" : "") });
        }
      }
    }
  };
  walk(path.join(ROOT, "src"));
  return out;
}

test("every file the code opens by a relative URL ships in the npm package", () => {
  const pack = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(pack.status, 0, pack.stderr);
  const packed = new Set((JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
  const refs = runtimeReferences();
  // the loaders this test exists for: if the pattern stops matching them, the test would pass vacuously
  assert.ok(refs.some((r) => r.target.endsWith("cue-model.json")), "no model reference found: the scan is broken");
  const missing = refs.filter(({ target }) => {
    if (target.startsWith("dist/web")) return false; // built by `npm run build`; checked by the server's own tests
    if (target.endsWith("/")) return ![...packed].some((f) => f.startsWith(target));
    return !packed.has(target);
  });
  assert.deepEqual(missing, [], "add these to package.json \"files\"");
});
