// The TempEval-3 reader and scorer: plain text and gold TIMEX3 spans out of inline TimeML, span and value F1.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readTml, scoreTempEval3 } from "./tempeval3.js";

test("tempeval3: reads DCT, text and TIMEX3 spans from inline TimeML", () => {
  const xml = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>Flights will <EVENT eid="e1">double</EVENT> by <TIMEX3 tid="t1" type="DATE" value="1998-08">August</TIMEX3> &amp; more.</TEXT></TimeML>`;
  const { text, dct, timexes } = readTml(xml);
  assert.equal(dct, "1998-02-13");
  assert.equal(text, "Flights will double by August & more.");
  assert.deepEqual(timexes, [{ span: [23, 29], value: "1998-08", type: "DATE" }]);
  assert.equal(text.slice(23, 29), "August");
});

test("tempeval3: scores relaxed spans and values against the gold TIMEX3", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "te3-"));
  try {
    // all three are found with their values; "two weeks" only overlaps the longer gold span
    writeFileSync(path.join(dir, "a.tml"), `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>Qantas said <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3> that sales rose <TIMEX3 tid="t2" type="DATE" value="1997">last year</TIMEX3> after a strike that lasted for the better part of <TIMEX3 tid="t3" type="DURATION" value="P2W">two weeks and more</TIMEX3>.</TEXT></TimeML>`);
    const { metrics, lines } = await scoreTempEval3(dir, { verbose: true });
    assert.equal(metrics.gold, 3);
    assert.equal(metrics.predicted, 3);
    assert.equal(metrics.spanF1, 1);
    // "two weeks" matches "two weeks and more" relaxed, not strictly
    assert.equal(metrics.strictF1, 0.667);
    assert.equal(metrics.valueF1, 1);
    assert.ok(lines.some((l) => l.includes("3 right")));
    // the toolkit's formula (value accuracy × relaxed F1) gives the same number as the value F1
    assert.ok(lines.includes("TE-3 value attribute F1 (value accuracy × relaxed F1): 1"), lines.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("tempeval3: scores each top-level folder on its own as well", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "te3-"));
  try {
    const tml = (body: string): string => `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>${body}</TEXT></TimeML>`;
    for (const part of ["AQUAINT", "TimeBank"]) mkdirSync(path.join(dir, part));
    // one right value in the first folder, one wrong value (Tuesday is not Friday) in the second
    writeFileSync(path.join(dir, "AQUAINT", "a.tml"), tml(`Qantas said <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3> that sales rose.`));
    writeFileSync(path.join(dir, "TimeBank", "b.tml"), tml(`Qantas said <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Tuesday</TIMEX3> that sales rose.`));
    const { metrics, lines } = await scoreTempEval3(dir);
    assert.equal(metrics.gold, 2);
    assert.equal(metrics.valueF1, 0.5);
    assert.ok(lines.includes("  AQUAINT: 1 gold, 1 predicted, value P 1 R 1 F1 1"), lines.join("\n"));
    assert.ok(lines.includes("  TimeBank: 1 gold, 1 predicted, value P 0 R 0 F1 0"), lines.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
