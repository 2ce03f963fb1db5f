// One report per stretch of words: a report whose cue sits inside another report's content gives way to it.
//
// PolNeAR's manual ("No nested attributions": "we only annotate the outermost attribution and ignore the nested
// attribution") and its data agree: no train attribution's cue lies in another's content (0 of 19,868), so "X said Y
// believed Z" is one report, X's. Before this stage the readers gave 375 nested pairs on train: the outer content exact
// in 148, the inner one in 80; dropping the inner report raised dev source / cue / content F1 by 0.5 / 0.4 / 0.3.
// (Cutting the outer content before the inner report's clause instead, at ", but" / ", while" / ";" / " -- ", scored lower.)
// One exception, against PolNeAR: a quotation in its own marks inside a quotation keeps its own source, as a reader
// of the record expects ('"They keep promising 'a fair deal,'" she said': the promise is theirs); it costs 0.2 dev
// source F1 against dropping it too.
import type { Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Span } from "../../../core/record.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";

const within = (s: Span, outer: Span): boolean => outer[0] <= s[0] && s[1] <= outer[1];

/**
 * The quotes with every report whose cue lies inside another report's content left out. `check` is called in the
 * pairwise loop (the document's deadline: tens of thousands of quotes make it long).
 */
export function outermostReports(quotes: readonly Quote[], check: () => void = () => {}): Quote[] {
  const hosts = quotes.filter((q) => q.cue);
  const drop = new Set<Quote>();
  for (const b of quotes) {
    if (!b.cue) continue;
    for (const a of hosts) {
      check();
      if (a === b || drop.has(a) || !within(b.cue.span, a.span)) continue;
      // a quotation in a report by its own speaker is that report's mixed part, not a second report
      if (b.speaker?.span && a.speaker?.span && b.speaker.span[0] === a.speaker.span[0]) continue;
      // a quotation in its own marks inside a quotation keeps its own source (see the header)
      if (b.marks && a.marks) continue;
      drop.add(b);
      break;
    }
  }
  return drop.size ? quotes.filter((q) => !drop.has(q)) : (quotes as Quote[]);
}

export const nestedReports: Stage = {
  name: "nestedReports",
  kind: "refiner",
  requires: ["quote"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", outermostReports(doc.get("quote"), deadlineCheck(doc, 4096)));
  },
  // stopped by the time budget, the layer keeps its nested reports: each stands on its own
  whenSkipped() {},
};
