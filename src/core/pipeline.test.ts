// Tests of the stage pipeline: dependency checks when built, fault isolation when run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "./document.js";
import { BUDGET_FLOOR_MS, defaultBudgetMs, Pipeline, PipelineError, type Stage } from "./pipeline.js";

const stage = (name: string, requires: Stage["requires"], provides: Stage["provides"], run: Stage["run"] = () => {}): Stage => ({
  name, kind: "extractor", requires, provides, run,
});

test("a stage whose input no earlier stage provides is refused when the pipeline is built", () => {
  assert.throws(() => new Pipeline([stage("quotes", ["entity"], ["quote"])]), PipelineError);
  assert.throws(
    () => new Pipeline([stage("quotes", ["entity"], ["quote"]), stage("entities", [], ["entity"])]),
    /requires layer "entity"/,
  );
});

test("stages run in order and see what earlier stages provided", () => {
  const seen: string[] = [];
  const p = new Pipeline([
    stage("a", [], ["mention"], (d) => { seen.push("a"); d.set("mention", []); }),
    stage("b", ["mention"], ["entity"], (d) => { seen.push(`b:${d.get("mention").length}`); d.set("entity", []); }),
  ]);
  const doc = p.run(new Document("text"));
  assert.deepEqual(seen, ["a", "b:0"]);
  assert.ok(doc.timings.a !== undefined && doc.timings.b !== undefined);
});

test("a failing stage leaves a warning and empty layers; later stages still run", () => {
  const p = new Pipeline([
    stage("boom", [], ["quote"], () => { throw new Error("bad rule"); }),
    stage("after", ["quote"], ["claim"], (d) => d.set("claim", [])),
  ]);
  const doc = p.run(new Document("x"));
  assert.deepEqual(doc.get("quote"), []);
  assert.deepEqual(doc.get("claim"), []);
  assert.match(doc.messages[0]!.text, /bad rule/);
  assert.equal(doc.messages[0]!.stage, "boom");
});

test("ids are stable per prefix and layers are typed", () => {
  const d = new Document("abc", { published: "2024-10-26T10:00:00Z" });
  assert.equal(d.nextId("q"), "q1");
  assert.equal(d.nextId("q"), "q2");
  assert.equal(d.nextId("e"), "e1");
  assert.equal(d.referenceDate, "2024-10-26");
  assert.throws(() => d.get("quote"), /has not been provided/);
  assert.deepEqual(d.maybe("quote"), []);
});

test("a document over its time budget skips the remaining stages with a clear warning and empty layers", () => {
  // A fake clock: each stage "takes" what it says, so the test does not depend on the machine's speed.
  let clock = 0;
  const ran: string[] = [];
  const timed = (name: string, ms: number, provides: Stage["provides"], requires: Stage["requires"] = []) =>
    stage(name, requires, provides, (d) => { ran.push(name); clock += ms; for (const p of provides) d.set(p, [] as never); });
  const p = new Pipeline([
    timed("fast", 10, ["paragraph"]),
    timed("slow", 500, ["sentence"], ["paragraph"]),
    timed("quotes", 10, ["quote"], ["sentence"]),
    timed("claims", 10, ["claim"], ["quote"]),
  ]);
  const doc = p.run(new Document("some text"), { budgetMs: 100, now: () => clock });
  assert.deepEqual(ran, ["fast", "slow"]);
  assert.deepEqual(doc.get("quote"), []);
  assert.deepEqual(doc.get("claim"), []);
  const warning = doc.messages.find((m) => m.stage === "pipeline");
  assert.ok(warning, "a warning names the budget");
  assert.match(warning.text, /time budget of 100 ms exceeded \(510 ms spent, last stage "slow"\): skipped quotes, claims/);

  // Within budget: everything runs, no warning.
  ran.length = 0;
  clock = 0;
  const fine = p.run(new Document("some text"), { budgetMs: 10_000, now: () => clock });
  assert.deepEqual(ran, ["fast", "slow", "quotes", "claims"]);
  assert.equal(fine.messages.length, 0);
});

test("the default budget grows with the text and has a floor", () => {
  assert.equal(defaultBudgetMs(0), BUDGET_FLOOR_MS);
  assert.equal(defaultBudgetMs(1000), BUDGET_FLOOR_MS);
  assert.ok(defaultBudgetMs(20_000_000) > 100 * BUDGET_FLOOR_MS);
  assert.ok(defaultBudgetMs(2_000_000) > defaultBudgetMs(1_000_000));
});
