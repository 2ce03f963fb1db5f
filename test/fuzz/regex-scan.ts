// Finds regexes in src/ that backtrack badly: every regex literal is run on pumped inputs, in a watched worker thread.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import ts from "typescript";
import { PUMP_UNITS } from "./hostile.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface FoundRegex {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Every regex literal in the non-test TypeScript files under the given folders. */
export function collectRegexes(dirs: string[]): FoundRegex[] {
  const out: FoundRegex[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".ts") && !name.includes(".test") && !name.includes("test-helpers")) {
        const text = readFileSync(p, "utf8");
        const sf = ts.createSourceFile(p, text, ts.ScriptTarget.ES2022, true);
        const visit = (node: ts.Node) => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const lit = node.getText(sf);
            const slash = lit.lastIndexOf("/");
            out.push({ file: path.relative(root, p), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
          }
          ts.forEachChild(node, visit);
        };
        visit(sf);
      }
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return out;
}

/** Pump units for one regex: the generic ones plus the words the regex itself spells out. */
function unitsFor(source: string): string[] {
  const words = new Set<string>();
  for (const m of source.matchAll(/(?<![\\])\b[A-Za-z]{2,12}\b/g)) words.add(`${m[0]} `);
  return [...PUMP_UNITS, ...[...words].slice(0, 30), "Aa", "A.", "1 ", "a,", "a-"];
}

export interface RegexFinding extends FoundRegex {
  unit: string;
  /** ms at the small and the large input */
  small: number;
  large: number;
  length: number;
  verdict: "quadratic or worse" | "catastrophic (hung)";
}

type Msg = { type: "at"; index: number; unit: string } | { type: "finding"; finding: RegexFinding } | { type: "done" };

function time(re: RegExp, input: string): number {
  const t0 = performance.now();
  if (re.global || re.sticky) input.replace(re, "");
  else re.exec(input);
  return performance.now() - t0;
}

function scanWorker(regexes: FoundRegex[], from: number, large: number): void {
  const port = parentPort!;
  for (let i = from; i < regexes.length; i++) {
    const r = regexes[i]!;
    let re: RegExp;
    try {
      re = new RegExp(r.source, r.flags);
    } catch {
      continue;
    }
    for (const unit of unitsFor(r.source)) {
      port.postMessage({ type: "at", index: i, unit } satisfies Msg);
      // Fails at the end, so a backtracking engine has to try every split before giving up.
      const make = (n: number) => unit.repeat(Math.ceil(n / unit.length)) + "\u0000!";
      const small = Math.min(...[0, 1, 2].map(() => time(re, make(large / 4))));
      const big = Math.min(...[0, 1].map(() => time(re, make(large))));
      // Linear growth gives ×4 for ×4 the input; quadratic ×16. Ignore what is fast anyway.
      if (big > 25 && big / Math.max(small, 0.05) > 8) {
        port.postMessage({ type: "finding", finding: { ...r, unit, small, large: big, length: make(large).length, verdict: "quadratic or worse" } } satisfies Msg);
        break;
      }
    }
  }
  port.postMessage({ type: "done" } satisfies Msg);
}

/** Scans every regex; a (regex, unit) pair that gives no answer within hangMs is reported as catastrophic. */
export async function scanRegexes(
  dirs: string[],
  options: { large?: number; hangMs?: number; log?: (s: string) => void; only?: (file: string) => boolean } = {},
): Promise<{ scanned: number; findings: RegexFinding[] }> {
  const regexes = collectRegexes(dirs).filter((r) => !options.only || options.only(r.file));
  const large = options.large ?? 20_000;
  const hangMs = options.hangMs ?? 10_000;
  const findings: RegexFinding[] = [];
  let from = 0;
  while (from < regexes.length) {
    from = await new Promise<number>((resolve) => {
      const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const worker = new Worker(boot, { eval: true, workerData: { regexes, from, large } });
      let at = { index: from, unit: "" };
      let beat = performance.now();
      const watch = setInterval(() => {
        if (performance.now() - beat > hangMs) {
          clearInterval(watch);
          const r = regexes[at.index]!;
          findings.push({ ...r, unit: at.unit, small: NaN, large: NaN, length: large, verdict: "catastrophic (hung)" });
          options.log?.(`hung: ${r.file}:${r.line} on ${JSON.stringify(at.unit)}`);
          void worker.terminate().then(() => resolve(at.index + 1));
        }
      }, 250);
      worker.on("message", (m: Msg) => {
        beat = performance.now();
        if (m.type === "at") at = { index: m.index, unit: m.unit };
        else if (m.type === "finding") {
          findings.push(m.finding);
          options.log?.(`slow: ${m.finding.file}:${m.finding.line} ${m.finding.large.toFixed(0)} ms on ${JSON.stringify(m.finding.unit)}×`);
        } else {
          clearInterval(watch);
          void worker.terminate().then(() => resolve(regexes.length));
        }
      });
      worker.on("error", (e) => {
        clearInterval(watch);
        options.log?.(`worker error: ${e.message}`);
        resolve(at.index + 1);
      });
    });
  }
  return { scanned: regexes.length, findings };
}

if (!isMainThread) {
  const { regexes, from, large } = workerData as { regexes: FoundRegex[]; from: number; large: number };
  scanWorker(regexes, from, large);
}
