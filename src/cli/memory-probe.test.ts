// The memory probe (CLAIMLINE_MEMORY_PROBE): one JSON line of heap figures per sample.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { startMemoryProbe } from "./memory-probe.js";

test("each sample is a JSON line: thread, heap used and committed, spaces, and the process's RSS on the main thread", async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "claimline-probe-")), "probe.jsonl");
  process.env.CLAIMLINE_MEMORY_PROBE = file;
  try {
    startMemoryProbe("test", 5);
    await new Promise((resolve) => setTimeout(resolve, 40));
  } finally {
    delete process.env.CLAIMLINE_MEMORY_PROBE;
  }
  const lines = readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(lines.length >= 2, `${lines.length} samples`);
  const first = lines[0]!;
  assert.equal(first.label, "test");
  assert.equal(first.thread, 0);
  assert.ok((first.used as number) > 0 && (first.committed as number) >= (first.used as number));
  assert.ok(Array.isArray((first.spaces as Record<string, unknown>).old_space));
  if (process.platform === "linux") assert.ok((first.Rss as number) > 0);
});
