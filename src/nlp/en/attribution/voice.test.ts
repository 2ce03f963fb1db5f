// Passive and raising cues: when the phrase before the cue is not its speaker, who is, and where the subject goes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import type { Span } from "../../../core/record.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { Tokens } from "../extractors/quote-common.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { cueVoice, isCueSubject } from "./voice.js";

/**
 * cueVoice for the phrase `speaker` and the cue `cue` (first occurrences) in `text`, the report running from the cue to
 * the sentence end: "keep", "none", or the agent; with "| subject…" when the subject joins the content.
 */
const voice = (text: string, speaker: string, cue: string): string => {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const s = text.indexOf(speaker);
  const c = text.indexOf(cue, s + speaker.length);
  const cueSpan: Span = [c, c + cue.length];
  const content: Span = [c + cue.length + 1, text.length - 1];
  const v = cueVoice(tk, text, 0, tk.count, cueSpan, content, [s, s + speaker.length]);
  if (!v || !isCueSubject(tk, text, v, [s, s + speaker.length], cueSpan)) return "keep";
  const who = v.agent ? text.slice(v.agent.span[0], v.agent.span[1]) : "none";
  return v.subject === undefined ? who : `${who} | ${text.slice(tk.start(v.subject), tk.end(v.subjectEnd!))}`;
};

describe("subject voice", () => {
  it("an active cue keeps its subject", () => {
    assert.equal(voice("Mr. Quiros said he used the money for expenses.", "Mr. Quiros", "said"), "keep");
    // "he's said" is "he has said", not a passive
    assert.equal(voice("He's said the plan would fail.", "He", "said"), "keep");
  });
  it("a passive's subject is nobody's source; its agent after 'by' is", () => {
    assert.equal(voice("Mr. Quiros was accused of using $50 million for personal expenses.", "Mr. Quiros", "accused"), "none | Mr. Quiros");
    assert.equal(voice("He has been harshly criticized for policies that objectors see as abuses.", "He", "criticized"), "none | He");
    assert.equal(voice("The registration issue was first reported by The Washington Post.", "The registration issue", "reported"), "The Washington Post | The registration issue");
    // "It was reported that …": the clause is the report, the subject no part of it
    assert.equal(voice("It was reported that the deal had collapsed.", "It", "reported"), "none");
  });
  it("a raised subject joins the content ('Turnout … | is expected | to rise')", () => {
    assert.equal(voice("Turnout among young voters is expected to rise sharply.", "young voters", "expected"), "none | Turnout among young voters");
  });
  it("a participle of feeling or stance keeps its subject", () => {
    assert.equal(voice("Some Democrats are concerned that the tactics could hurt the party.", "Some Democrats", "concerned"), "keep");
    assert.equal(voice("Republicans are divided over the nominee.", "Republicans", "divided"), "keep");
    assert.equal(voice("Voters were encouraged by the result.", "Voters", "encouraged"), "keep");
  });
  it("'seems' reports nobody unless a cue verb follows it; an expletive 'it appeared' neither", () => {
    assert.equal(voice("Now Melania seems to have vanished from the campaign trail.", "Now Melania", "seems"), "none | Now Melania");
    assert.equal(voice("Anderson seemed to think the outreach was phony.", "Anderson", "seemed"), "keep");
    assert.equal(voice("Often, it appeared that Trump was unable to parlay the assault.", "it", "appeared"), "none");
    assert.equal(voice("The senator appeared to have lost patience.", "The senator", "appeared"), "none | The senator");
    // an "appear" without its infinitive is an appearance when a place or a medium follows it…
    assert.equal(voice("The senator appeared on Fox News on Sunday.", "The senator", "appeared"), "keep");
    // …and raises like "seems" before an adjective or a noun ("appears weak", "appeared ready"): the subject is reported
    assert.equal(voice("The senator appears weak before the vote.", "The senator", "appears"), "none | The senator");
    assert.equal(voice("Several members appeared ready to back the bill.", "Several members", "appeared"), "none | Several members");
  });
  it("a predicative complement raises the subject as an infinitive does ('seemed ready to …', 'appears weak')", () => {
    assert.equal(voice("The new coalition seemed ready to join the agreement.", "The new coalition", "seemed"), "none | The new coalition");
    assert.equal(voice("The incumbent appears weak on the economy.", "The incumbent", "appears"), "none | The incumbent");
    // (not a preposition, a determiner or a name after "appear")
    assert.equal(voice("The senator appeared before reporters on Monday.", "The senator", "appeared"), "keep");
  });
  it("a raised subject with an aside before its verb: the subject, the aside recorded apart", () => {
    const aside = (text: string, cue: string): string => {
      const doc = new Document(text);
      new Pipeline([paragraphs, sentences, tokens]).run(doc);
      const tk = new Tokens(doc);
      const c = text.indexOf(cue);
      const v = cueVoice(tk, text, 0, tk.count, [c, c + cue.length], [c + cue.length + 1, text.length - 1]);
      if (v?.subject === undefined) return "none";
      return `${text.slice(tk.start(v.subject), tk.end(v.subjectEnd!))}${v.aside ? ` | ${text.slice(tk.start(v.aside[0]), tk.end(v.aside[1]))}` : ""}`;
    };
    assert.equal(aside("The central bank, which cut rates twice last year, is expected to act in March.", "expected"), "The central bank | , which cut rates twice last year,");
    assert.equal(aside("The old economy, until lately, seemed immune to the shocks.", "seemed"), "The old economy | , until lately,");
    // a coordination opening the sentence is one subject
    assert.equal(aside("Owls and hawks are considered the hunters of the night.", "considered"), "Owls and hawks");
    // (not a clause before the comma: "When it rained, the roads seemed …" raises only "the roads")
    assert.equal(aside("When it rained, the roads seemed to flood.", "seemed"), "the roads");
    // (nor an aside that is a clause of its own without a relative pronoun)
    assert.equal(aside("The mayor, he said, is expected to resign.", "expected"), "none");
  });
  it("a naming or expecting participle after an object noun is a reduced relative: the noun phrase is reported", () => {
    const reduced = (text: string, cue: string): string => {
      const doc = new Document(text);
      new Pipeline([paragraphs, sentences, tokens]).run(doc);
      const tk = new Tokens(doc);
      const c = text.indexOf(cue);
      const v = cueVoice(tk, text, 0, tk.count, [c, c + cue.length], [c + cue.length + 1, text.length - 1]);
      return v?.subject === undefined ? "none" : text.slice(tk.start(v.subject), tk.end(v.subjectEnd!));
    };
    assert.equal(reduced("The band released an album called Night Drive.", "called"), "an album");
    assert.equal(reduced("She grew up in a town known for its orchards.", "known"), "a town");
    assert.equal(reduced("In a season expected to bring record snow, the roads stayed open.", "expected"), "a season");
    // the participle as the main verb: no reduced relative
    assert.equal(reduced("The coach called the referee a liar.", "called"), "none");
    assert.equal(reduced("Fans in the stadium called for a replay.", "called"), "none");
    assert.equal(reduced("One of the fans who wrote the letter called Smith a liar.", "called"), "none");
  });
});
