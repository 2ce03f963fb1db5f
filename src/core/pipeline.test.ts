// Tests of the stage pipeline: dependency checks when built, fault isolation when run.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Document } from "./document.js";
import { Pipeline, PipelineError, type Stage } from "./pipeline.js";

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
