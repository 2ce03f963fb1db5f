// The MEANTIME reader and scorer: text and event spans out of CAT XML, the status mapping, and the confusion measures.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CERTAINTY, Confusion, factualityOf, readCat, statusOfEvents } from "./meantime.js";

const XML = `<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en" url="u">
<token number="0" sentence="0" t_id="1">Firm</token>
<token number="1" sentence="0" t_id="2">sued</token>
<token number="2" sentence="1" t_id="3">January</token>
<token number="3" sentence="1" t_id="4">12</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2007</token>
<token number="6" sentence="2" t_id="7">The</token>
<token number="7" sentence="2" t_id="8">firm</token>
<token number="8" sentence="2" t_id="9">may</token>
<token number="9" sentence="2" t_id="10">appeal</token>
<token number="10" sentence="2" t_id="11">,</token>
<token number="11" sentence="2" t_id="12">it</token>
<token number="12" sentence="2" t_id="13">said</token>
<token number="13" sentence="2" t_id="14">.</token>
<token number="14" sentence="3" t_id="15">It</token>
<token number="15" sentence="3" t_id="16">did</token>
<token number="16" sentence="3" t_id="17">n't</token>
<token number="17" sentence="3" t_id="18">comment</token>
<token number="18" sentence="3" t_id="19">.</token>
<Markables>
<EVENT_MENTION certainty="POSSIBLE" m_id="1" modality="may" polarity="POS" pred="appeal" time="FUTURE"><token_anchor t_id="10"/></EVENT_MENTION>
<EVENT_MENTION certainty="CERTAIN" m_id="2" modality="" polarity="POS" pred="say" time="NON_FUTURE"><token_anchor t_id="13"/></EVENT_MENTION>
<EVENT_MENTION certainty="CERTAIN" m_id="3" modality="" polarity="NEG" pred="comment" time="NON_FUTURE"><token_anchor t_id="18"/></EVENT_MENTION>
<EVENT_MENTION m_id="4" pred="sue"><token_anchor t_id="2"/></EVENT_MENTION>
</Markables></Document>`;

test("meantime: detokenised text with title and date lines, the date as publication, event spans on the text", () => {
  const doc = readCat(XML);
  assert.equal(doc.text, "Firm sued\n\nJanuary 12, 2007\n\nThe firm may appeal, it said. It didn't comment.");
  assert.equal(doc.published, "2007-01-12");
  assert.deepEqual(doc.events.map((e) => [doc.text.slice(...e.span), e.certainty, e.polarity, e.modality]), [
    ["sued", "", "", ""],
    ["appeal", "POSSIBLE", "POS", "may"],
    ["said", "CERTAIN", "POS", ""],
    ["comment", "CERTAIN", "NEG", ""],
  ]);
});

test("meantime: each event takes the status of the claim covering it", () => {
  const doc = readCat(XML);
  assert.deepEqual(statusOfEvents(doc).map((s) => s.status), ["asserted", "speculative", "speculative", "asserted"]);
});

test("meantime: status mapping — an allegation is certain for the source that makes it, probable without one", () => {
  assert.deepEqual(factualityOf("speculative", true), { certainty: "POSSIBLE", polarity: "POS" });
  assert.deepEqual(factualityOf("denied", false), { certainty: "CERTAIN", polarity: "NEG" });
  assert.deepEqual(factualityOf("alleged", true), { certainty: "CERTAIN", polarity: "POS" });
  assert.deepEqual(factualityOf("alleged", false), { certainty: "PROBABLE", polarity: "POS" });
  assert.deepEqual(factualityOf("reported", true), { certainty: "CERTAIN", polarity: "POS" });
});

test("meantime: accuracy, per-class P/R/F1 and macro F1 over the gold classes", () => {
  const c = new Confusion(CERTAINTY);
  for (const [g, p] of [["CERTAIN", "CERTAIN"], ["CERTAIN", "CERTAIN"], ["CERTAIN", "POSSIBLE"], ["POSSIBLE", "POSSIBLE"]] as const) c.add(g, p);
  assert.equal(c.accuracy(), 0.75);
  const per = c.perClass();
  assert.deepEqual(per.CERTAIN, { p: 1, r: 0.667, f1: 0.8, gold: 3, predicted: 2 });
  assert.deepEqual(per.POSSIBLE, { p: 0.5, r: 1, f1: 0.667, gold: 1, predicted: 2 });
  assert.equal(c.macroF1(), 0.734);
  assert.match(c.lines("certainty").join("\n"), /CERTAIN\s+2\s+0\s+1\s+0/);
});
