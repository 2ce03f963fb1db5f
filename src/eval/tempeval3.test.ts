// The TempEval-3 reader: plain text and gold TIMEX3 spans out of inline TimeML.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readTml } from "./tempeval3.js";

test("tempeval3: reads DCT, text and TIMEX3 spans from inline TimeML", () => {
  const xml = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
<TEXT>Flights will <EVENT eid="e1">double</EVENT> by <TIMEX3 tid="t1" type="DATE" value="1998-08">August</TIMEX3> &amp; more.</TEXT></TimeML>`;
  const { text, dct, timexes } = readTml(xml);
  assert.equal(dct, "1998-02-13");
  assert.equal(text, "Flights will double by August & more.");
  assert.deepEqual(timexes, [{ span: [23, 29], value: "1998-08", type: "DATE" }]);
  assert.equal(text.slice(23, 29), "August");
});
