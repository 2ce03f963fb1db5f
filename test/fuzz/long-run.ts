// The long fuzz run (npm run fuzz): hostile inputs through the whole pipeline in a watched worker, with a regex profiler.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { preview, runInput } from "./check.js";
import { fuzzInputAt, type LabelledInput } from "./hostile.js";

interface Settings {
  seed: number;
  seconds: number;
  runs: number;
  maxRepeat: number;
  /** a worker that gives no answer for this long is hung: the input is recorded as a crash */
  hangMs: number;
  /** heap limit of the worker, in MB */
  heapMb: number;
  profileRegex: boolean;
  out: string;
}

/** The i-th input of a run (see `fuzzInputAt`). */
function inputAt(settings: Settings, index: number): LabelledInput {
  return fuzzInputAt(settings, index);
}

type FromWorker =
  | { type: "start"; index: number }
  | { type: "done"; index: number; generator: string; kind: string; ms: number; cpuMs: number; stage?: string; overBudget: boolean; length: number; preview: string }
  | { type: "crash"; index: number; generator: string; message: string; preview: string }
  | { type: "regex"; stats: RegexStat[] };

interface RegexStat {
  source: string;
  flags: string;
  maxMs: number;
  inputLength: number;
  calls: number;
  totalMs: number;
}

// ---------------------------------------------------------------- worker: runs inputs, reports each one

/** Times every RegExp exec (String.replace/match/split and regex literals all go through it). */
function installRegexProfiler(): () => RegexStat[] {
  const stats = new Map<RegExp | string, RegexStat>();
  const realExec = RegExp.prototype.exec;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const t0 = performance.now();
    const result = realExec.call(this, s);
    const ms = performance.now() - t0;
    const key = `${this.source}/${this.flags}`;
    let st = stats.get(key);
    if (!st) stats.set(key, (st = { source: this.source, flags: this.flags, maxMs: 0, inputLength: 0, calls: 0, totalMs: 0 }));
    st.calls++;
    st.totalMs += ms;
    if (ms > st.maxMs) {
      st.maxMs = ms;
      st.inputLength = String(s).length;
    }
    return result;
  };
  return () => [...stats.values()].sort((a, b) => b.maxMs - a.maxMs).slice(0, 25);
}

async function workerMain(settings: Settings, from: number, to: number): Promise<void> {
  const port = parentPort!;
  const regexStats = settings.profileRegex ? installRegexProfiler() : undefined;
  for (let index = from; index < to; index++) {
    const { generator, input } = inputAt(settings, index);
    port.postMessage({ type: "start", index } satisfies FromWorker);
    try {
      // CPU time of the process: the main thread only watches, so this is the worker's, and unlike wall time it
      // does not grow when other work shares the machine.
      const cpu = process.cpuUsage();
      const o = await runInput(input);
      const used = process.cpuUsage(cpu);
      const stage = o.slowestStage ? `${o.slowestStage.name} ${Math.round(o.slowestStage.ms)} ms` : undefined;
      port.postMessage({ type: "done", index, generator, kind: o.kind, ms: o.ms, cpuMs: (used.user + used.system) / 1000, ...(stage ? { stage } : {}), overBudget: o.overBudget, length: input.length, preview: preview(input, 100) } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: "crash", index, generator, message: (e as Error).message, preview: preview(input, 200) } satisfies FromWorker);
    }
    if (regexStats && index % 200 === 199) port.postMessage({ type: "regex", stats: regexStats() } satisfies FromWorker);
  }
  if (regexStats) port.postMessage({ type: "regex", stats: regexStats() } satisfies FromWorker);
}

// ---------------------------------------------------------------- main: watchdog, restarts, report

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
  };
  const settings: Settings = {
    seed: Number(flag("seed", "20261126")),
    seconds: Number(flag("seconds", "600")),
    runs: Number(flag("runs", "1000000")),
    maxRepeat: Number(flag("max-repeat", "20000")),
    hangMs: Number(flag("hang-ms", "120000")),
    heapMb: Number(flag("heap-mb", "1536")),
    profileRegex: !args.includes("--no-regex-profile"),
    out: flag("out", path.join(process.cwd(), "fuzz-report")),
  };
  mkdirSync(settings.out, { recursive: true });
  const started = performance.now();
  const deadline = started + settings.seconds * 1000;
  const counts = { tried: 0, records: 0, refused: 0, crashes: 0, hangs: 0, overBudget: 0 };
  const byGenerator: Record<string, number> = {};
  const slowest: { cpuMs: number; ms: number; index: number; generator: string; stage?: string; length: number; preview: string }[] = [];
  const crashes: { index: number; generator: string; message: string; preview: string }[] = [];
  let regex: RegexStat[] = [];
  let next = 0;

  while (next < settings.runs && performance.now() < deadline) {
    const from = next;
    const to = settings.runs;
    await new Promise<void>((resolve) => {
      // Loader hooks do not reach worker threads on Node 20: the worker registers tsx itself, then loads this file.
      const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      // A heap limit per worker: an input that needs more is a crash (saved), not a machine out of memory.
      const worker = new Worker(boot, { eval: true, workerData: { settings, from, to }, resourceLimits: { maxOldGenerationSizeMb: settings.heapMb } });
      let workerStarted = false;
      let current = from;
      let lastBeat = performance.now();
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearInterval(watch);
        resolve();
      };
      const watch = setInterval(() => {
        const now = performance.now();
        if (now > deadline) {
          void worker.terminate().then(finish);
        } else if (now - lastBeat > settings.hangMs) {
          // A hang: the input is the crash; the next worker starts after it.
          counts.hangs++;
          counts.crashes++;
          const { generator, input } = inputAt(settings, current);
          const file = path.join(settings.out, `hang-${current}.bin`);
          writeFileSync(file, input);
          crashes.push({ index: current, generator, message: `no answer within ${settings.hangMs} ms (saved to ${file})`, preview: preview(input, 200) });
          next = current + 1;
          counts.tried++;
          void worker.terminate().then(finish);
        }
      }, 1000);
      worker.on("message", (m: FromWorker) => {
        lastBeat = performance.now();
        workerStarted = true;
        if (m.type === "start") current = m.index;
        else if (m.type === "regex") regex = m.stats;
        else {
          counts.tried++;
          next = m.index + 1;
          byGenerator[m.generator] = (byGenerator[m.generator] ?? 0) + 1;
          if (m.type === "crash") {
            counts.crashes++;
            const file = path.join(settings.out, `crash-${m.index}.bin`);
            writeFileSync(file, inputAt(settings, m.index).input);
            crashes.push({ index: m.index, generator: m.generator, message: m.message, preview: m.preview });
          } else {
            if (m.kind === "records") counts.records++;
            else counts.refused++;
            if (m.overBudget) counts.overBudget++;
            slowest.push({ cpuMs: Math.round(m.cpuMs), ms: Math.round(m.ms), index: m.index, generator: m.generator, ...(m.stage ? { stage: m.stage } : {}), length: m.length, preview: m.preview });
            slowest.sort((a, b) => b.cpuMs - a.cpuMs);
            slowest.length = Math.min(slowest.length, 5);
          }
          if (counts.tried % 500 === 0) process.stderr.write(`fuzz: ${counts.tried} inputs, ${counts.crashes} crashes, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        }
      });
      worker.on("error", (e) => {
        if (!workerStarted) {
          // The harness itself is broken: no input is to blame, so stop rather than blame each in turn.
          console.error(`fuzz: worker failed to start: ${e.message}`);
          process.exit(2);
        }
        // The input that was running killed the worker (out of memory, most likely): save it like a crash.
        counts.crashes++;
        counts.tried++;
        const { generator, input } = inputAt(settings, current);
        const file = path.join(settings.out, `crash-${current}.bin`);
        writeFileSync(file, input);
        crashes.push({ index: current, generator, message: `worker died: ${e.message} (saved to ${file})`, preview: preview(input, 200) });
        next = current + 1;
        finish();
      });
      worker.on("exit", finish);
    });
  }

  const report = {
    command: `npm run fuzz -- ${args.join(" ")}`.trim(),
    date: new Date().toISOString(),
    node: process.version,
    seed: settings.seed,
    seconds: Math.round((performance.now() - started) / 1000),
    ...counts,
    byGenerator,
    slowest,
    crashList: crashes,
    slowestRegexExecs: regex.slice(0, 15).map((r) => ({ ...r, maxMs: Number(r.maxMs.toFixed(2)), totalMs: Number(r.totalMs.toFixed(1)) })),
  };
  writeFileSync(path.join(settings.out, "report.json"), JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ ...report, slowestRegexExecs: report.slowestRegexExecs.slice(0, 8) }, null, 2));
  process.exitCode = counts.crashes ? 1 : 0;
}

if (isMainThread) await main();
else {
  const { settings, from, to } = workerData as { settings: Settings; from: number; to: number };
  await workerMain(settings, from, to);
}
