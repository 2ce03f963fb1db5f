// PolNeAR scorer pieces: brat parsing (code points → UTF-16, discontinuous content) and our quotes in its conventions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runQuotes } from "../nlp/en/extractors/quotes.test-helpers.js";
import { countRole, readAnn, spaced, toAttributions, zeroCounts } from "./polnear.js";
import type { Span } from "../core/record.js";

describe("polnear scorer", () => {
  it("reads brat spans as UTF-16 offsets and joins Content2", () => {
    const text = `😀 "We won," Ann said. "It was close."`;
    // code points: the emoji is one code point but two UTF-16 units
    const ann = [
      "T1\tContent 2 11\t\"We won,\"",
      "T2\tSource 12 15\tAnn",
      "T3\tCue 16 20\tsaid",
      "T4\tContent 22 37\t\"It was close.\"",
      "E1\tAttribution:T3 Cue:T3 Source:T2 Content:T1 Content2:T4",
    ].join("\n");
    const [a] = readAnn(ann, text);
    assert.equal(text.slice(...a!.source![0]!), "Ann");
    assert.equal(text.slice(...a!.cue![0]!), "said");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), [`"We won,"`, `"It was close."`]);
  });
  it("joins fragments with only spaces between them (the same tokens), never across a line break or a word", () => {
    const text = "We won. It was close.\nThen we left. And he said so.";
    // an annotator who selected a quotation sentence by sentence: [0,7] [8,21] hold the tokens of [0,21]
    assert.deepEqual(spaced(text, [[0, 7], [8, 21]]), [[0, 21]]);
    // a line break keeps its fragments apart (brat's rule), and so does a word left out ("And he")
    assert.deepEqual(spaced(text, [[8, 21], [22, 35]]), [[8, 21], [22, 35]]);
    assert.deepEqual(spaced(text, [[22, 35], [43, 50]]), [[22, 35], [43, 50]]);
    const ann = ["T1\tContent 0 7;8 21\tWe won. It was close.", "T2\tCue 0 2\tWe", "E1\tAttribution:T2 Cue:T2 Content:T1"].join("\n");
    assert.deepEqual(readAnn(ann, text)[0]!.content, [[0, 21]]);
  });
  it("leaves a quote's recorded asides out of its content, commas and all", () => {
    const text = "The city council, which met twice last week, is expected to approve the budget.";
    const atts = toAttributions(text, runQuotes(text));
    const a = atts.find((x) => x.cue && text.slice(...x.cue[0]!).endsWith("expected"));
    assert.deepEqual(a?.content?.map((s) => text.slice(...s)), ["The city council", "to approve the budget"]);
  });
  it("maps a split direct quote to one attribution with two content fragments, marks included", () => {
    const text = `"We won," Ann Lee said. "It was close."`;
    const atts = toAttributions(text, runQuotes(text));
    assert.equal(atts.length, 1);
    assert.deepEqual(atts[0]!.content!.map((s) => text.slice(...s)), [`"We won,"`, `"It was close."`]);
    assert.equal(text.slice(...atts[0]!.source![0]!), "Ann Lee");
  });
  it("a quotation that opens a line starts at its own mark, not at the closing mark of the line above", () => {
    const text = `Ann Lee said the vote "was a disgrace."\n"We will appeal," Ben Ortiz said.`;
    const atts = toAttributions(text, runQuotes(text));
    const appeal = atts.find((a) => a.content?.some((s) => text.slice(...s).includes("appeal")));
    assert.deepEqual(appeal?.content?.map((s) => text.slice(...s)), [`"We will appeal,"`]);
  });
  it("gives an indirect content its complementiser and a cue its auxiliaries", () => {
    const text = "The mayor has also said that the bridge would reopen in June.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.content![0]!), "that the bridge would reopen in June");
    assert.equal(text.slice(...a!.cue![0]!), "has also said");
  });
  it("continues a speaker's quotation past a report of theirs in between ('\"…,\" X said, invoking Y. \"…\"')", () => {
    const text = `The race went on.\n\n"We ran against him once," Ortiz said, invoking the 2008 race. "I was not that candidate."`;
    const atts = toAttributions(text, runQuotes(text));
    const said = atts.find((a) => a.cue && text.slice(...a.cue[0]!) === "said");
    assert.deepEqual(said?.content?.map((s) => text.slice(...s)), [`"We ran against him once,"`, `"I was not that candidate."`]);
  });
  it("gives a cue the adverbs PolNeAR keeps before it ('has long complained', 'even questioned')", () => {
    const text = "The mayor has long complained that the budget was too small.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.cue![0]!), "has long complained");
  });
  it("never takes a capitalised '-ly' name into the cue ('Kelly said' is a source and its cue)", () => {
    const text = "The bridge will reopen in June, Ann Kelly said.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.cue![0]!), "said");
    assert.equal(text.slice(...a!.source![0]!), "Ann Kelly");
  });
  it("widens a source over an apposition that ends in a quoted title with its comma inside ('host of \"Morning Show,\"')", () => {
    const text = `Ann Lee, host of "Morning Show," suggested that the party would split.`;
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), `Ann Lee, host of "Morning Show,"`);
  });
  it("gives a content opening after 'that,' its complementiser and comma ('said that, if elected, he …')", () => {
    const text = "He said that, if elected, he would leave such decisions to the generals.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.content![0]!), "that, if elected, he would leave such decisions to the generals");
  });
  it("widens a source to its parenthesis and apposition, with the comma before the cue", () => {
    const text = "Rep. Jane Doe (D-Wis.), a senior member of the committee, said the bill would pass.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "Rep. Jane Doe (D-Wis.), a senior member of the committee,");
  });
  it("keeps the closing comma of a source that holds its own apposition ('The city's budget director, Ann Lee, said')", () => {
    const text = "The city's budget director, Ann Lee, said the deficit would shrink next year.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "The city's budget director, Ann Lee,");
  });
  it("keeps that closing comma when more words stand before the cue ('Rendell, a Clinton surrogate, said … and called')", () => {
    const text = "Rendell, a Clinton surrogate, said he had battled pneumonia three times and called it a common ailment during long campaigns.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "called");
    assert.equal(text.slice(...a!.source![0]!), "Rendell, a Clinton surrogate,");
    // a source without an apposition of its own takes no comma before an aside
    const plain = "Rendell, speaking to reporters on Monday, said pneumonia was a common ailment during long campaigns.";
    const [b] = toAttributions(plain, runQuotes(plain));
    assert.equal(plain.slice(...b!.source![0]!), "Rendell");
  });
  it("widens a source after its cue to the end of the sentence, without the full stop", () => {
    const text = "The bill will pass, said Jane Doe, a senior member of the committee.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "Jane Doe, a senior member of the committee");
  });
  it("keeps an apposition after the cue, with its closing comma, when more words follow it", () => {
    const text = `"The bill will pass," said Jane Doe, a senior member of the committee, adding that the vote would be close.`;
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "said");
    assert.equal(text.slice(...a!.source![0]!), "Jane Doe, a senior member of the committee,");
  });
  it("never widens a source over another report's cue ('X, who said …, said'): that clause is an attribution of its own", () => {
    const text = "Brenda Hale, who said she grew up in the valley, said the plant should stay open.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.content?.some((s) => text.slice(...s).startsWith("the plant")));
    assert.equal(text.slice(...a!.source![0]!), "Brenda Hale");
    // (an apposition before the relative clause that holds the report stays)
    const rel = "The plant should stay open, said Brenda Hale, a grower who said she farms in the valley.";
    const c = toAttributions(rel, runQuotes(rel)).find((x) => x.content?.some((s) => rel.slice(...s).startsWith("The plant")));
    assert.equal(rel.slice(...c!.source![0]!), "Brenda Hale, a grower");
    // (an aside that reports nothing stays part of the source)
    const plain = "Brenda Hale, who grew up in the valley, said the plant should stay open.";
    const [b] = toAttributions(plain, runQuotes(plain));
    assert.equal(plain.slice(...b!.source![0]!), "Brenda Hale, who grew up in the valley,");
  });
  it("never widens a source into its own content ('According to the survey, the senator leads …')", () => {
    const text = "According to the survey, the senator leads the race by four points among likely voters.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "the survey");
    assert.equal(text.slice(...a!.content![0]!), "the senator leads the race by four points among likely voters");
  });
  it("leaves an aside out of the source (', speaking to reporters,')", () => {
    const text = "Jane Doe, speaking to reporters, said the bill would pass.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "Jane Doe");
    // (", then," alone is an aside too)
    const then = "Jane Doe, then, said the bill would pass.";
    const [b] = toAttributions(then, runQuotes(then));
    assert.equal(then.slice(...b!.source![0]!), "Jane Doe");
  });
  it("keeps the members a group names and a time's description in the source (', including X,', ', then 38,')", () => {
    const source = (text: string) => {
      const [a] = toAttributions(text, runQuotes(text));
      return text.slice(...a!.source![0]!);
    };
    assert.equal(source("Several mayors, including Ana Kemp, said the bill would pass."), "Several mayors, including Ana Kemp,");
    assert.equal(source("Rival growers, like the Hale family, argued the plant should close."), "Rival growers, like the Hale family,");
    assert.equal(source("Ana Kemp, then 38, said the bill would pass."), "Ana Kemp, then 38,");
    assert.equal(source("The bill will pass, said Ana Kemp, now a lobbyist."), "Ana Kemp, now a lobbyist");
  });
  it("takes a second source joined by 'and' after the cue, not a clause ('according to X, a historian, and other scholars')", () => {
    const source = (text: string) => text.slice(...toAttributions(text, runQuotes(text))[0]!.source![0]!);
    assert.equal(source("The plan is dead, according to Ana Kemp, a historian, and other scholars."), "Ana Kemp, a historian, and other scholars");
    assert.equal(source("The plan is dead, according to Ana Kemp, a historian, and it is hard to say more."), "Ana Kemp, a historian,");
  });
  it("widens a source over its apposition past a day before the cue ('Jo Li, the mayor, on Tuesday called …')", () => {
    const text = "Ana Kemp, the city's mayor, on Tuesday called the plan a disaster.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.source);
    assert.equal(text.slice(...a!.source![0]!), "Ana Kemp, the city's mayor,");
    // (the day itself is neither source nor apposition: without an apposition the name stays alone)
    const plain = "Ana Kemp on Tuesday called the plan a disaster.";
    const b = toAttributions(plain, runQuotes(plain)).find((x) => x.source);
    assert.equal(plain.slice(...b!.source![0]!), "Ana Kemp");
  });
  it("gives a list's last item before the cue its own apposition ('Ann Lee, a mayor, and Al Roe, a judge, said')", () => {
    const text = "Ann Lee, a mayor in Ohio, and Al Roe, a judge, said the plan was dead.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "Ann Lee, a mayor in Ohio, and Al Roe, a judge,");
  });
  it("after an age, a home town is the source's apposition too ('…, 41, of Dayton, Ohio')", () => {
    const text = `"The bill will pass," said Ana Kemp, 41, of Dayton, Ohio.`;
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "Ana Kemp, 41, of Dayton, Ohio");
    // (no age: "of" opens no apposition of its own)
    const plain = `"The bill will pass," said Ana Kemp, the mayor, of the plan.`;
    const [b] = toAttributions(plain, runQuotes(plain));
    assert.ok(!plain.slice(...b!.source![0]!).includes("of the plan"));
  });
  it("never widens a medial source into the rest of the content around it ('Enrollment, according to X, doubled …')", () => {
    const text = "Enrollment, according to the school board, doubled last year.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.source![0]!), "the school board");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["Enrollment", "doubled last year"]);
  });
  it("splits a medial attribution's content around its source and cue", () => {
    const text = "The new museum, the director said, will open to the public in May.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["The new museum", "will open to the public in May"]);
  });
  it("cuts a content over paragraphs into one fragment per line, as brat stores it", () => {
    const text = `"We will win this fight.\n\n"And we will win the next one," the mayor said.`;
    const atts = toAttributions(text, runQuotes(text));
    const frags = atts.flatMap((a) => a.content ?? []);
    assert.ok(frags.length >= 2 && frags.every((s) => !text.slice(...s).includes("\n")), JSON.stringify(frags.map((s) => text.slice(...s))));
  });
  it("reports a quotation that opens mid-sentence, attributed after it, from the sentence's start", () => {
    const text = `Not paying taxes "makes me smart," the candidate said.`;
    const doc = runQuotes(text);
    const [a] = toAttributions(text, doc, [[0, text.length]]);
    assert.equal(text.slice(...a!.content![0]!), `Not paying taxes "makes me smart,"`);
  });
  it("keeps a state's full stop at the end of a source that ends the sentence, not a name's", () => {
    const text = `"We drove all night to get here," said Ana Ruiz of Tampa, Fla.`;
    const [a] = toAttributions(text, runQuotes(text).filter((q) => q.kind === "direct"), [[0, text.length]]);
    assert.equal(text.slice(...a!.source![0]!), "Ana Ruiz of Tampa, Fla.");
    const t2 = `"We drove all night to get here," said Ana Ruiz.`;
    const [b] = toAttributions(t2, runQuotes(t2).filter((q) => q.kind === "direct"), [[0, t2.length]]);
    assert.equal(t2.slice(...b!.source![0]!), "Ana Ruiz");
  });
  it("keeps a quotation set off by a dash or a parenthesis to its marks, not from the sentence's start", () => {
    for (const text of [
      `The mayor went after the plan to close the depot - "I will never accept it," he said - and left the room.`,
      `Some members pushed back (“We did not sign up for this,” one organizer said.)`,
    ]) {
      const quotes = runQuotes(text).filter((q) => q.kind === "direct");
      const a = toAttributions(text, quotes, [[0, text.length]]).find((x) => x.cue);
      assert.ok(a, text);
      assert.match(text.slice(...a!.content![0]!), /^["“]/, text.slice(...a!.content![0]!));
    }
  });
  it("splits a medial 'as' attribution without its 'as' ('The tariffs, as one economist observed, would …')", () => {
    const text = "The tariffs, as one economist observed, would hit farmers first.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["The tariffs", "would hit farmers first."].map((x) => x.replace(/\.$/, "")));
  });
  it("takes no noun in -ly for an adverb before the cue, nor an adverb of the report after it", () => {
    const text = "The family has called for the police to release the video.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.cue![0]!), "has called for");
    const t2 = "The senator has also called for immediately cutting the tax.";
    const [b] = toAttributions(t2, runQuotes(t2));
    assert.ok(!/immediately/.test(t2.slice(...b!.cue![0]!)), t2.slice(...b!.cue![0]!));
  });
  it("splits a content without a source around its cue ('Turnout | is expected | to rise')", () => {
    const text = "Turnout among young voters is expected to rise sharply this year.";
    const atts = toAttributions(text, runQuotes(text));
    const a = atts.find((x) => x.cue && text.slice(...x.cue[0]!) === "is expected");
    assert.ok(a, JSON.stringify(atts));
    assert.equal(a!.source, undefined);
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["Turnout among young voters", "to rise sharply this year"]);
  });
  it("opens a relative clause's content with its pronoun ('which … the Mexican government should pay for')", () => {
    const text = "He wants a wall on the border, which he said the Mexican government should pay for.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "said");
    assert.ok(a, "a report on 'said'");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["which", "the Mexican government should pay for"]);
  });
  it("leaves a pronoun after a preposition, and a complementiser, out of the content", () => {
    const text = "He gave an interview, in which he said the economy would recover by spring.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "said");
    assert.ok(a, "a report on 'said'");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["the economy would recover by spring"]);
    const t2 = "The mayor said that the bridge would reopen in June.";
    assert.deepEqual(toAttributions(t2, runQuotes(t2))[0]!.content!.map((s) => t2.slice(...s)), ["that the bridge would reopen in June"]);
  });
  it("joins a continued quotation to the attribution of its own cue, past a report of the speaker's between them", () => {
    const text = `"It was a tough night," Ann Lee said, noting that turnout was low. "We will be back next year."`;
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "said");
    assert.ok(a, "a report on 'said'");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), [`"It was a tough night,"`, `"We will be back next year."`]);
  });
  it("splits a raised subject and its predicative complement around the cue ('She | seemed | ready to …')", () => {
    const text = "She seemed ready to leave the race.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === "seemed");
    assert.ok(a, "a report on 'seemed'");
    assert.equal(a!.source, undefined);
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["She", "ready to leave the race"]);
  });
  it("gives a raising verb before a verb of thinking a cue of both, and its subject the source ('seemed to acknowledge')", () => {
    const text = "The mayor seemed to acknowledge the problem in his remarks.";
    const [a] = toAttributions(text, runQuotes(text));
    assert.equal(text.slice(...a!.cue![0]!), "seemed to acknowledge");
    assert.equal(text.slice(...a!.source![0]!), "The mayor");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["the problem in his remarks"]);
  });
  it("keeps a headline quotation's closing mark and the stop inside it ('Lee: Deal ‘Good for Families.’')", () => {
    const text = "Ann Lee: Budget Deal ‘Good for Working Families.’\n\nThe deal passed on Monday.";
    const a = toAttributions(text, runQuotes(text)).find((x) => x.cue && text.slice(...x.cue[0]!) === ":");
    assert.ok(a, "a report on the colon");
    assert.deepEqual(a!.content!.map((s) => text.slice(...s)), ["Budget Deal ‘Good for Working Families.’"]);
  });
  it("keeps a day after the verb out of the cue and a manner adverb in it ('said Friday', 'said sarcastically')", () => {
    const day = "The senator said Friday that the bill would pass.";
    assert.equal(day.slice(...toAttributions(day, runQuotes(day))[0]!.cue![0]!), "said");
    const manner = "The senator said sarcastically that the bill would pass.";
    assert.equal(manner.slice(...toAttributions(manner, runQuotes(manner))[0]!.cue![0]!), "said sarcastically");
  });
});

describe("polnear scores", () => {
  it("counts exact, overlap and proportional matches per role, discontinuous spans as one", () => {
    const c = zeroCounts();
    // gold: [0,10) and a two-fragment span; predictions: one exact, one half of the first, one elsewhere
    const gold: Span[][] = [[[0, 10]], [[20, 30], [40, 50]]];
    const pred: Span[][] = [[[0, 10]], [[20, 30]], [[60, 70]]];
    const misses = countRole(gold, pred, c);
    assert.deepEqual(misses, [[[20, 30]], [[60, 70]]]);
    assert.equal(c.tp, 1);
    assert.equal(c.pred, 3);
    assert.equal(c.gold, 2);
    // overlap: two predictions touch a gold span, both gold spans are touched
    assert.equal(c.anyPred, 2);
    assert.equal(c.anyGold, 2);
    // proportional: 1 + 10/20 + 0 over the predictions, 1 + 10/20 over the gold spans
    assert.equal(c.soft, 1.5);
    assert.equal(c.softGold, 1.5);
  });
  it("matches each gold span once: a duplicate prediction is a miss", () => {
    const c = zeroCounts();
    const misses = countRole([[[0, 5]]], [[[0, 5]], [[0, 5]]], c);
    assert.equal(c.tp, 1);
    assert.equal(misses.length, 1);
    assert.equal(c.anyPred, 2);
  });
});
