// The NER scorer: conlleval entity-level counting, per type, and the benchmark over small CoNLL and TSV files.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { evalNer, readWwn, scoreNer } from "./ner.js";

test("an entity counts only with the exact span and type", () => {
  const gold = [[[{ start: 0, end: 2, type: "PER" }, { start: 4, end: 5, type: "LOC" }, { start: 6, end: 7, type: "ORG" }]]];
  const pred = [[[{ start: 0, end: 2, type: "PER" }, { start: 4, end: 6, type: "LOC" }, { start: 6, end: 7, type: "MISC" }]]];
  const s = scoreNer(gold, pred);
  assert.equal(s.overall.correct, 1);
  assert.equal(s.overall.p, 0.3333);
  assert.equal(s.overall.r, 0.3333);
  assert.equal(s.byType.PER!.f1, 1);
  assert.equal(s.byType.LOC!.f1, 0);
  assert.deepEqual([s.byType.MISC!.gold, s.byType.MISC!.predicted], [0, 1]);
});

test("the benchmark tags a CoNLL file and prints per-type scores", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ner-eval-"));
  const file = path.join(dir, "tiny.conll");
  writeFileSync(file, [
    "-DOCSTART- -X- O O", "",
    "Officials NNS I-NP O", "in NN I-NP O", "Berlin NNP I-NP I-LOC", "said VBD I-VP O", "Germans NNPS I-NP I-MISC",
    "welcomed VBD I-VP O", "Maria NNP I-NP I-PER", "Schulz NNP I-NP I-PER", ". . O O", "",
  ].join("\n"));
  const r = await evalNer(file);
  const m = r.metrics as { f1: number; tokens: number; byType: Record<string, { f1: number }>; loadMs: number };
  assert.equal(m.tokens, 9);
  assert.ok(m.f1 > 0.5, JSON.stringify(m));
  assert.ok(m.byType.LOC && m.byType.PER);
  assert.ok(r.lines.some((l) => l.startsWith("overall")));
});

test("worldwide-newswire TSV: one document per file, gold types in claimline's names", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ner-wwn-"));
  writeFileSync(path.join(dir, "a_1.txt.tsv"), "http://x\tO\n\nA\tO\nGhanaian\tB-NORP\nminister\tO\nin\tO\nAccra\tB-Location\n,\tO\n12\tB-Date\nMay\tI-Date\n");
  const { docs, gold } = readWwn(dir);
  assert.equal(docs.length, 1);
  assert.equal(docs[0]!.length, 2);
  assert.deepEqual(gold[0]![1], [{ start: 1, end: 2, type: "NORP" }, { start: 4, end: 5, type: "GPE/LOC" }]);
});

test("a folder of plain-text articles measures the nerMentions stage in the pipeline", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ner-texts-"));
  writeFileSync(path.join(dir, "a.txt"), "Kuleba met Sikorski in Warsaw on Monday, officials said.\n");
  writeFileSync(path.join(dir, "b.txt"), "the talks went on for hours and nobody said anything at all.\n");
  const r = await evalNer(dir);
  assert.equal(r.metrics.benchmark, "ner-pipeline");
  assert.equal(r.metrics.documents, 2);
  assert.ok((r.metrics.tokens as number) > 20);
  assert.ok((r.metrics.nerMentions as number) >= 1, "the model adds a name the rules miss");
  assert.ok((r.metrics.tokensPerCpuSecond as number) > 0);
});
