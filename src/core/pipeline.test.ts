// Tests of the stage pipeline: dependency checks when built, fault isolation when run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "./document.js";
import { BUDGET_FLOOR_MS, BudgetExceeded, checkDeadline, deadlineCheck, defaultBudgetMs, outsideBudget, Pipeline, PipelineError, stageDeadlineExceeded, type Stage } from "./pipeline.js";

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

test("a stage that checks the deadline in its loop is stopped mid-way: partial layer kept, later stages skipped", () => {
  let clock = 0;
  let iterations = 0;
  const p = new Pipeline([
    stage("paragraphs", [], ["paragraph"], (d) => { clock += 10; d.set("paragraph", []); }),
    stage("slow", ["paragraph"], ["sentence", "token"], (d) => {
      const out: { span: [number, number]; paragraph: number; tokenStart: number; tokenEnd: number }[] = [];
      d.set("sentence", out);
      // A loop that would run for 10,000 fake ms; each iteration costs 1 ms and checks the deadline.
      for (let i = 0; i < 10_000; i++) {
        checkDeadline(d);
        iterations++;
        clock += 1;
        out.push({ span: [0, 1], paragraph: 0, tokenStart: 0, tokenEnd: 0 });
      }
    }),
    stage("quotes", ["sentence"], ["quote"], (d) => d.set("quote", [])),
  ]);
  const doc = p.run(new Document("some text"), { budgetMs: 100, now: () => clock });
  assert.ok(iterations >= 90 && iterations <= 91, `stopped after ${iterations} iterations`);
  assert.equal(doc.get("sentence").length, iterations, "what the stage set before it stopped is kept");
  assert.equal(doc.get("token").count, 0, "a layer it had not set yet is empty");
  assert.deepEqual(doc.get("quote"), []);
  assert.equal(doc.messages.length, 1, doc.messages.map((m) => m.text).join("\n"));
  assert.equal(doc.messages[0]!.stage, "pipeline");
  assert.match(doc.messages[0]!.text, /^time budget of 100 ms exceeded \(10\d ms spent, stage "slow" stopped early, its layers may be partial\): skipped quotes; their layers are empty$/);
  assert.ok(!doc.messages.some((m) => /stage failed/.test(m.text)), "a stopped stage is not reported as a failure");
});

test("the deadline is only live inside Pipeline.run, and per document", () => {
  const d = new Document("x");
  assert.equal(stageDeadlineExceeded(d), false);
  assert.doesNotThrow(() => checkDeadline(d));
  let clock = 0;
  const other = new Document("y");
  const seen: boolean[] = [];
  const p = new Pipeline([
    stage("a", [], ["paragraph"], (doc) => {
      clock += 50;
      seen.push(stageDeadlineExceeded(doc), stageDeadlineExceeded(other));
      assert.throws(() => checkDeadline(doc), BudgetExceeded);
      doc.set("paragraph", []);
    }),
  ]);
  p.run(d, { budgetMs: 10, now: () => clock });
  assert.deepEqual(seen, [true, false]);
  // After the run the document has no deadline any more (a later run or a direct stage call is not cut short).
  assert.equal(stageDeadlineExceeded(d), false);
});

test("a last stage stopped early says nothing further was skipped", () => {
  let clock = 0;
  const p = new Pipeline([stage("only", [], ["quote"], (d) => { clock += 20; checkDeadline(d); d.set("quote", []); })]);
  const doc = p.run(new Document("x"), { budgetMs: 10, now: () => clock });
  assert.deepEqual(doc.get("quote"), []);
  assert.match(doc.messages[0]!.text, /stage "only" stopped early, its layers may be partial\): skipped no further stage$/);
});

test("a skipped refiner's layer is emptied, or settled by its whenSkipped hook; a stopped refiner counts as skipped", () => {
  let clock = 0;
  type Q = { id: string };
  const extract = stage("quotes", [], ["quote"], (d) => { clock += 200; d.set("quote", [{ id: "" }, { id: "" }] as never); });
  const attribute = (hook: boolean, loops: boolean): Stage => ({
    ...stage("attribution", ["quote"], ["quote"], (d) => {
      for (const q of d.get("quote") as unknown as Q[]) {
        if (loops) { clock += 1000; checkDeadline(d); }
        q.id = "resolved";
      }
    }),
    kind: "refiner",
    ...(hook ? { whenSkipped: (d: Document) => (d.get("quote") as unknown as Q[]).forEach((q, i) => { if (!q.id) q.id = `q${i + 1}`; }) } : {}),
  });
  // Skipped between stages (the extractor spent the budget): without a hook the unrefined quotes go.
  let doc = new Pipeline([extract, attribute(false, false)]).run(new Document("x"), { budgetMs: 100, now: () => clock });
  assert.deepEqual(doc.get("quote"), []);
  // With a hook they stay, made valid cheaply.
  clock = 0;
  doc = new Pipeline([extract, attribute(true, false)]).run(new Document("x"), { budgetMs: 100, now: () => clock });
  assert.deepEqual((doc.get("quote") as unknown as Q[]).map((q) => q.id), ["q1", "q2"]);
  // Stopped inside its loop after the first quote: the hook settles the rest.
  clock = 0;
  doc = new Pipeline([extract, attribute(true, true)]).run(new Document("x"), { budgetMs: 1500, now: () => clock });
  assert.deepEqual((doc.get("quote") as unknown as Q[]).map((q) => q.id), ["resolved", "q2"]);
  assert.match(doc.messages[0]!.text, /stage "attribution" stopped early/);
  // A hook that throws is a stage failure, and the layer is emptied.
  clock = 0;
  const bad: Stage = { ...attribute(false, false), kind: "refiner", whenSkipped: () => { throw new Error("no"); } };
  doc = new Pipeline([extract, bad]).run(new Document("x"), { budgetMs: 100, now: () => clock });
  assert.deepEqual(doc.get("quote"), []);
  assert.ok(doc.messages.some((m) => m.stage === "attribution" && /stage failed: whenSkipped: no/.test(m.text)));
});

test("deadlineCheck reads the clock every n-th call only, and is a no-op outside a run", () => {
  let clock = 0;
  let reads = 0;
  let calls = 0;
  const p = new Pipeline([
    stage("inner", [], ["quote"], (d) => {
      const check = deadlineCheck(d, 100);
      for (;;) {
        check();
        calls++;
        clock += 1;
      }
    }),
  ]);
  const doc = p.run(new Document("x"), { budgetMs: 1000, now: () => (reads++, clock) });
  assert.ok(calls >= 1000 && calls <= 1100, `${calls} calls`);
  assert.ok(reads < 30, `${reads} clock reads`);
  assert.match(doc.messages[0]!.text, /stage "inner" stopped early/);
  const outside = deadlineCheck(new Document("y"), 1);
  assert.doesNotThrow(() => { for (let i = 0; i < 1000; i++) outside(); });
});

test("a one-time load inside a stage (outsideBudget) is not charged to the document's budget", () => {
  // the real clock: a load that takes longer than the whole budget, as a model's first load on a loaded machine
  const busy = (ms: number): void => { const end = performance.now() + ms; while (performance.now() < end); };
  let loaded = false;
  const load = () => outsideBudget(() => { if (!loaded) busy(600); loaded = true; });
  const p = new Pipeline([
    stage("loads", [], ["mention"], (d) => { load(); d.set("mention", []); }),
    stage("after", ["mention"], ["quote"], (d) => { checkDeadline(d); d.set("quote", []); }),
  ]);
  const doc = p.run(new Document("some text"), { budgetMs: 300 });
  assert.deepEqual(doc.messages, [], "the load did not spend the budget");
  // the same wait as the document's own work is charged: the later stage is skipped
  const slow = new Pipeline([
    stage("works", [], ["mention"], (d) => { busy(600); d.set("mention", []); }),
    stage("after", ["mention"], ["quote"], (d) => d.set("quote", [])),
  ]).run(new Document("some text"), { budgetMs: 300 });
  assert.match(slow.messages[0]?.text ?? "", /time budget of 300 ms exceeded .*skipped after/);
});
