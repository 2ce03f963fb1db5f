// Passive and raising cues: when the phrase before the cue is not its speaker, and who is.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document } from "../../../core/document.js";
import { Pipeline } from "../../../core/pipeline.js";
import type { Span } from "../../../core/record.js";
import { paragraphs } from "../extractors/paragraphs.js";
import { Tokens } from "../extractors/quote-common.js";
import { sentences } from "../extractors/sentences.js";
import { tokens } from "../extractors/tokens.js";
import { subjectVoice } from "./voice.js";

/** subjectVoice for the phrase `speaker` and the cue `cue` (first occurrences) in `text`: "keep", "none" or the agent. */
const voice = (text: string, speaker: string, cue: string): string => {
  const doc = new Document(text);
  new Pipeline([paragraphs, sentences, tokens]).run(doc);
  const tk = new Tokens(doc);
  const s = text.indexOf(speaker);
  const c = text.indexOf(cue, s + speaker.length);
  const v = subjectVoice(tk, text, [s, s + speaker.length] as Span, [c, c + cue.length] as Span, tk.count);
  return v === undefined ? "keep" : v === null ? "none" : text.slice(v.span[0], v.span[1]);
};

describe("subject voice", () => {
  it("an active cue keeps its subject", () => {
    assert.equal(voice("Mr. Quiros said he used the money for expenses.", "Mr. Quiros", "said"), "keep");
    // "he's said" is "he has said", not a passive
    assert.equal(voice("He's said the plan would fail.", "He", "said"), "keep");
  });
  it("a passive's subject is nobody's source; its agent after 'by' is", () => {
    assert.equal(voice("Mr. Quiros was accused of using $50 million for personal expenses.", "Mr. Quiros", "accused"), "none");
    assert.equal(voice("He has been harshly criticized for policies that objectors see as abuses.", "He", "criticized"), "none");
    assert.equal(voice("The registration issue was first reported by The Washington Post.", "The registration issue", "reported"), "The Washington Post");
  });
  it("a participle of feeling keeps its subject", () => {
    assert.equal(voice("Some Democrats are concerned that the tactics could hurt the party.", "Some Democrats", "concerned"), "keep");
  });
  it("'seems' reports nobody unless a cue verb follows it; an expletive 'it appeared' neither", () => {
    assert.equal(voice("Now Melania seems to have vanished from the campaign trail.", "Now Melania", "seems"), "none");
    assert.equal(voice("Anderson seemed to think the outreach was phony.", "Anderson", "seemed"), "keep");
    assert.equal(voice("Often, it appeared that Trump was unable to parlay the assault.", "it", "appeared"), "none");
  });
});
