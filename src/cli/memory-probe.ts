// Memory probe for `claimline extract` (CLAIMLINE_MEMORY_PROBE=FILE): each thread appends its heap figures to FILE.
import { appendFileSync, readFileSync } from "node:fs";
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";
import { threadId } from "node:worker_threads";

const MB = 1 / 1048576;
const round = (x: number): number => Math.round(x * MB * 10) / 10;

/**
 * Starts sampling this thread's V8 heap (used, committed, external, per space) every `everyMs`, as JSON lines in the
 * file CLAIMLINE_MEMORY_PROBE names; the main thread adds the process's /proc smaps_rollup (RSS, anonymous, file
 * pages). Off (no timer, no cost) when the variable is unset. The timer is unref'd, so it never keeps a thread alive;
 * the figures say which thread's heap holds the memory that RSS alone cannot attribute (docs/performance.md).
 */
export function startMemoryProbe(label: string, everyMs = 1000): void {
  const file = process.env.CLAIMLINE_MEMORY_PROBE;
  if (!file) return;
  const t0 = Date.now();
  const sample = (): void => {
    const h = getHeapStatistics();
    const spaces: Record<string, [number, number]> = {};
    for (const s of getHeapSpaceStatistics()) if (s.space_size > 0) spaces[s.space_name] = [round(s.space_used_size), round(s.space_size)];
    const line: Record<string, unknown> = {
      t: Date.now() - t0, thread: threadId, label, used: round(h.used_heap_size), committed: round(h.total_heap_size),
      external: round(h.external_memory), malloced: round(h.malloced_memory), peakMalloced: round(h.peak_malloced_memory), spaces,
    };
    if (threadId === 0) {
      try {
        const smaps = readFileSync("/proc/self/smaps_rollup", "utf8");
        for (const k of ["Rss", "Anonymous", "Pss_File", "Pss_Anon"]) {
          const m = new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(smaps);
          if (m) line[k] = Math.round(Number(m[1]) / 1024);
        }
      } catch {
        // not Linux: the heap figures alone
      }
    }
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  sample();
  setInterval(sample, everyMs).unref();
}
