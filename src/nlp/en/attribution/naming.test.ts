// Naming uses of "called": a thing named gets no speaker; a person calling something a name does.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Span } from "../../../core/record.js";
import { namingCalled } from "./naming.js";

const at = (text: string, words: string): Span => [text.indexOf(words), text.indexOf(words) + words.length];

describe("naming 'called'", () => {
  it("a name after ', called' and an indefinite thing before 'called' are namings", () => {
    const fund = "His group, called the Conservation Legacy Fund, bought the mines.";
    assert.equal(namingCalled(fund, at(fund, "called"), at(fund, "the Conservation Legacy Fund")), true);
    const site = "Activists set up a website called Cape Breton If Trump Wins.";
    assert.equal(namingCalled(site, at(site, "called"), at(site, "a website")), true);
  });
  it("a person, a name or another verb is a report", () => {
    const one = "One lawmaker called Trump the orange prince.";
    assert.equal(namingCalled(one, at(one, "called"), at(one, "One lawmaker")), false);
    const trump = "Trump called Cruz the ultimate hypocrite.";
    assert.equal(namingCalled(trump, at(trump, "called"), at(trump, "Trump")), false);
    const said = "A group said the plan would fail.";
    assert.equal(namingCalled(said, at(said, "said"), at(said, "A group")), false);
  });
});
