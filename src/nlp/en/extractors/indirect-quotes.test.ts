// Indirect quotes: reported speech and thought with the speaker, the cue and the reported clause as content.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runQuotes } from "./quotes.test-helpers.js";

const reported = (text: string) => {
  const qs = runQuotes(text).filter((q) => q.kind === "indirect");
  assert.equal(qs.length, 1, `expected one indirect quote in: ${text}\n${qs.map(brief).join("\n")}`);
  return qs[0]!;
};

describe("indirect quotes", () => {
  it("X said that …", () => {
    const q = reported("The finance minister said that the deficit would shrink to 2 percent of GDP next year.");
    assert.equal(q.speaker?.name, "The finance minister");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.text, "the deficit would shrink to 2 percent of GDP next year");
  });
  it("X said … without that", () => {
    const q = reported("Earlier this month, Japan's coast guard said two Chinese vessels had entered its territorial waters.");
    assert.equal(q.speaker?.name, "Japan's coast guard");
    assert.equal(q.text, "two Chinese vessels had entered its territorial waters");
  });
  it("…, said X (clause first)", () => {
    const q = reported("Turnout among young voters has dropped in every election since 2012, said Elena Ruiz, a pollster in Madrid.");
    assert.equal(q.speaker?.name, "Elena Ruiz");
    assert.match(q.text, /^Turnout among young voters has dropped/);
  });
  it("…, she said (pronoun at the end)", () => {
    const q = reported("The clinic will have to close by March unless new funding arrives, she said.");
    assert.equal(q.speaker?.name, "she");
    assert.match(q.text, /^The clinic will have to close by March/);
  });
  it("X says … with the content clause only", () => {
    const q = reported("Marcus Webb, a historian at Leeds University, says the archive was deliberately destroyed in 1947.");
    assert.equal(q.speaker?.name, "Marcus Webb");
    assert.equal(q.cue?.text, "says");
    assert.equal(q.text, "the archive was deliberately destroyed in 1947");
  });
  it("according to X, at the end and at the start", () => {
    const a = reported("At least 40 people were injured in the blast, according to local health officials.");
    assert.equal(a.speaker?.name, "local health officials");
    assert.equal(a.cue?.text, "according to");
    assert.equal(a.text, "At least 40 people were injured in the blast");
    const b = reported("According to the Pentagon, about 900 troops will remain in the region.");
    assert.equal(b.speaker?.name, "the Pentagon");
    assert.equal(b.text, "about 900 troops will remain in the region");
  });
  it("X told Y that …", () => {
    const q = reported("The spokesman told reporters on Friday that the talks had broken down over fishing rights.");
    assert.equal(q.speaker?.name, "The spokesman");
    assert.equal(q.cue?.text, "told");
    assert.equal(q.text, "the talks had broken down over fishing rights");
  });
  it("estimates suggest …", () => {
    const q = reported("Independent estimates suggest more than 2,000 homes have been destroyed.");
    assert.equal(q.speaker?.name, "Independent estimates");
    assert.equal(q.cue?.text, "suggest");
  });
  it("X believe(s) … with an adverb between", () => {
    const q = reported("European diplomats privately believe the ceasefire will not hold through the winter.");
    assert.equal(q.speaker?.name, "European diplomats");
    assert.equal(q.text, "the ceasefire will not hold through the winter");
  });
  it("X warned …", () => {
    const q = reported("The International Monetary Fund warned that global growth could slow to its weakest pace since 2009.");
    assert.equal(q.speaker?.name, "The International Monetary Fund");
    assert.equal(q.cue?.text, "warned");
  });
  it("X raised the alarm that …", () => {
    const q = reported("Local fishermen first raised the alarm that the river had turned a dark red.");
    assert.equal(q.speaker?.name, "Local fishermen");
    assert.equal(q.text, "the river had turned a dark red");
  });
  it("In a statement on Thursday, X indicated …", () => {
    const q = reported("In a statement on Thursday, the country's central election commission indicated up to 30 per cent of ballots had not been counted.");
    assert.equal(q.speaker?.name, "the country's central election commission");
    assert.equal(q.cue?.text, "indicated");
    assert.match(q.text, /^up to 30 per cent of ballots had not been counted/);
  });
  it("a report in a subordinate clause ends at its comma", () => {
    const q = reported("Days after the agency announced that 300 jobs would be cut, its director resigned.");
    assert.equal(q.text, "300 jobs would be cut");
  });
  it("a negated cue reports what it denies or leaves undone, read as written: the negation and its auxiliary in the cue", () => {
    const q = reported("The minister did not claim that the plant would reopen.");
    assert.equal(q.speaker?.name, "The minister");
    assert.equal(q.cue?.text, "did not claim");
    assert.equal(q.text, "the plant would reopen");
    const u = reported("The union has not endorsed a candidate in the race.");
    assert.equal(u.speaker?.name, "The union");
    assert.equal(u.cue?.text, "has not endorsed");
    assert.equal(u.text, "a candidate in the race");
    // (a one-token contraction is the cue's too: the scorer widens "did not", not "didn't")
    const c = reported("The spokesman didn't comment on the lawsuit.");
    assert.equal(c.cue?.text, "didn't comment on");
    assert.equal(c.text, "the lawsuit");
    assert.equal(reported("The mayor has also never said that taxes would rise.").cue?.text, "has also never said");
  });
  it("a day or a time right after the verb is neither cue nor content", () => {
    const v = reported("The governor vowed Tuesday to veto the measure.");
    assert.equal(v.cue?.text, "vowed");
    assert.equal(v.text, "to veto the measure");
    assert.equal(reported("The senator pledged late Thursday to block the nominee.").text, "to block the nominee");
    assert.equal(reported("The mayor said on Monday he would seek a third term.").text, "he would seek a third term");
    assert.equal(reported("The agency announced last week the closure of two offices.").text, "the closure of two offices");
  });
  it("negative: a day that is the clause's subject or a possessive's stays in the content", () => {
    assert.equal(reported("She said this year will be different.").text, "this year will be different");
    assert.equal(reported("The coach said Friday's loss was the worst of the season.").text, "Friday's loss was the worst of the season");
  });
  it("a negated speech verb reports the question it leaves open, the negation in its cue", () => {
    const q = reported("The minister did not say whether the plant would reopen.");
    assert.equal(q.speaker?.name, "The minister");
    assert.equal(q.cue?.text, "did not say");
    assert.equal(q.text, "whether the plant would reopen");
    const r = reported("But the mayor isn’t saying if the budget will be cut.");
    assert.equal(r.cue?.text, "isn’t saying");
    assert.equal(r.text, "if the budget will be cut");
    const w = reported("A spokesman for the firm wouldn't say Tuesday how many jobs would go.");
    assert.equal(w.cue?.text, "wouldn't say");
    assert.equal(w.text, "how many jobs would go");
  });
  it("a negated verb of naming reports what went unnamed, to its clause's comma", () => {
    const q = reported("Though she never mentioned her rival by name, the senator attacked his record on trade.");
    assert.equal(q.cue?.text, "never mentioned");
    assert.equal(q.text, "her rival by name");
  });
  it("a negated verb with neither a question nor a naming is no report", () => {
    assert.equal(runQuotes("The council did not say goodbye to the old mayor.").length, 0);
    assert.equal(runQuotes("Officials have not explained the delay to anyone.").length, 0);
  });
  it("a participle cue reports for the sentence's subject", () => {
    const q = reported("The governor vetoed the bill on Monday, saying it would cost the state 4,000 jobs.");
    assert.equal(q.speaker?.name, "The governor");
    assert.equal(q.cue?.text, "saying");
    assert.equal(q.text, "it would cost the state 4,000 jobs");
  });
  it("X, who said …: the relative pronoun is the mention, X the name", () => {
    const text = "He was sued by Carl Benson, a contractor, who said he was never paid for the work.";
    const q = reported(text);
    assert.equal(text.slice(...q.speaker!.span!), "who");
    assert.equal(q.speaker?.name, "Carl Benson");
  });
  it("a medial attribution: the report is the whole sentence", () => {
    const q = reported("The new museum, the director said, will open to the public in May.");
    assert.equal(q.speaker?.name, "the director");
    assert.match(q.text, /will open to the public in May/);
  });
  it("a headline attribution with a colon", () => {
    const q = runQuotes("Rubio: I'm Not Interested In Being Vice President\nThe senator spoke in Miami.").find((x) => x.cue?.text === ":");
    assert.equal(q?.speaker?.name, "Rubio");
    assert.match(q!.text, /^I'm Not Interested/);
  });
});

describe("indirect quotes: the text's last token", () => {
  // fuzz found it: "according to X" at the very end read one token past the text (a span ending in null)
  for (const text of [
    "Homes were without power, according to the utility.x",
    "Homes were without power, according to the utility",
    "Prices rose again last month, said the agency.x",
  ]) {
    it(`speaker spans stay inside the text: ${JSON.stringify(text)}`, () => {
      for (const q of runQuotes(text)) {
        const s = q.speaker?.span;
        if (!s) continue;
        assert.ok(Number.isInteger(s[0]) && Number.isInteger(s[1]) && 0 <= s[0] && s[0] < s[1] && s[1] <= text.length, JSON.stringify(q));
        assert.equal(q.speaker!.name, text.slice(s[0], s[1]));
      }
      const q = runQuotes(text)[0];
      assert.ok(q && /^the (?:utility|agency)/.test(q.speaker?.name ?? ""), JSON.stringify(q));
    });
  }
});

describe("indirect quotes: PolNeAR-style reports", () => {
  it("a strong cue with a noun-phrase object reports the object", () => {
    const q = reported("Graham criticized the party's lack of environmental awareness.");
    assert.equal(q.speaker?.name, "Graham");
    assert.equal(q.cue?.text, "criticized");
    assert.equal(q.text, "the party's lack of environmental awareness");
  });
  it("the medium is no message: an object that is a report or a statement is not reported", () => {
    assert.equal(runQuotes("The agency issued a statement on Friday.").length, 0);
  });
  it("a report ends before a writer's aside (', which …')", () => {
    const q = reported("The governor said the plant would close in March, which surprised the union.");
    assert.equal(q.text, "the plant would close in March");
  });
  it("coordinated reports share their subject and split the words", () => {
    const qs = runQuotes("The senator praised the deal and said it would protect thousands of jobs.");
    assert.deepEqual(qs.map(brief), ["indirect | The senator | the deal", "indirect | The senator | it would protect thousands of jobs"]);
  });
  // PolNeAR never nests one report in another's content: a second report of its own subject after a joint ends the first
  it("a second report after 'while' / 'though' ends the first, and both stand with their own speakers", () => {
    assert.deepEqual(runQuotes("Most Republicans said the economy was improving, while 73 percent of Democrats said it was not.").map(brief), [
      "indirect | Most Republicans | the economy was improving", "indirect | 73 percent of Democrats | it was not",
    ]);
    assert.deepEqual(runQuotes("The mayor said the plan was sound, though the auditor noted that it had never been tested.").map(brief), [
      "indirect | The mayor | the plan was sound", "indirect | the auditor | it had never been tested",
    ]);
  });
  it("after an object report, a subordinate clause with its own report is a report of its own", () => {
    assert.deepEqual(runQuotes("Republicans had called the hearing because they felt the agency was hiding its report.").map(brief), [
      "indirect | Republicans | the hearing", "indirect | they | the agency was hiding its report",
    ]);
    assert.deepEqual(runQuotes("A lawmaker is calling for the minister to resign after the minister suggested that nurses were overpaid.").map(brief), [
      "indirect | A lawmaker | the minister to resign", "indirect | the minister | nurses were overpaid",
    ]);
  });
  it("a report in parentheses inside a content ends it", () => {
    const qs = runQuotes("Critics pointed to a video showing the governor stumbling (her campaign later disclosed that she has pneumonia).");
    const inner = qs.find((q) => q.cue?.text === "disclosed");
    assert.equal(inner?.speaker?.name, "her campaign");
    assert.equal(inner?.text, "she has pneumonia");
    assert.ok(qs.every((q) => q === inner || !q.text.includes("pneumonia")), qs.map(brief).join("\n"));
  });
  it("reported speech inside reported speech stays one report ('said aides told him that …', PolNeAR's convention)", () => {
    assert.deepEqual(runQuotes("He said aides told him that the deal was off.").map(brief), ["indirect | He | aides told him that the deal was off"]);
  });
  it("after a reported clause, its adverbial clause is reported too, inner report and all", () => {
    const q = reported("Clinton acknowledged that she had misspoken when she claimed that the director had called her statements truthful.");
    assert.equal(q.text, "she had misspoken when she claimed that the director had called her statements truthful");
  });
  it("a verb with an object after a joint is no second report ('since the specialist would assert his rights …')", () => {
    const q = reported("His attorney said the hearing was fruitless since the specialist would assert his rights in response to any questions.");
    assert.equal(q.text, "the hearing was fruitless since the specialist would assert his rights in response to any questions");
  });
  it("a medial attribution with a clause running on after it covers the whole sentence", () => {
    const q = reported("Lenox was a juggernaut, he said, until it went bankrupt in 1999.");
    assert.equal(q.text, "Lenox was a juggernaut, he said, until it went bankrupt in 1999");
    assert.equal(q.cue?.text, "said");
  });
  it("a medial attribution with a short clause after it ('X, he said, is Y') covers the whole sentence", () => {
    const q = reported("The new plan, he said, is unworkable.");
    assert.equal(q.speaker?.name, "he");
    assert.equal(q.text, "The new plan, he said, is unworkable");
    // (a tail of adjuncts is no clause: the report is the clause before the cue)
    const r = reported("The bridge will reopen next spring, he said, in Denver.");
    assert.equal(r.text, "The bridge will reopen next spring");
  });
  it("a medial 'according to X' reports the whole sentence around it", () => {
    const q = reported("Enrollment, according to the school board, has doubled since 2010.");
    assert.equal(q.speaker?.name, "the school board");
    assert.equal(q.cue?.text, "according to");
    assert.equal(q.text, "Enrollment, according to the school board, has doubled since 2010");
    // (a clause joined by "and" with a subject of its own goes on with the report)
    const a = reported("Two schools closed last year, according to state officials, and three more will close in June.");
    assert.equal(a.text, "Two schools closed last year, according to state officials, and three more will close in June");
    // (linking words alone before it are the writer's: the report is what follows the source)
    const b = reported("In addition, according to the agency, about 300 jobs will be cut.");
    assert.equal(b.text, "about 300 jobs will be cut");
  });
  it("a final 'according to X' keeps its source's relative clause, apposition or verb out of the report", () => {
    const q = reported("The plant will close in May, according to Jane Roe, who runs the union local.");
    assert.equal(q.text, "The plant will close in May");
    // (nor does a verb that goes on with the sentence's subject: "…, and said …" is that subject's report)
    const qs = runQuotes("The relatives watched the video on Thursday, according to their lawyers, and said they had more questions.");
    assert.equal(qs.find((x) => x.cue?.text === "according to")?.text, "The relatives watched the video on Thursday", qs.map(brief).join("\n"));
  });
  it("a question asked after a quotation's cue is a report of its own ('she said when asked whether …')", () => {
    const qs = runQuotes(`"We will see," the governor said when asked whether she would sign the bill.`);
    const q = qs.find((x) => x.kind === "indirect");
    assert.equal(q?.cue?.text, "asked", qs.map(brief).join("\n"));
    assert.equal(q?.text, "whether she would sign the bill");
    assert.equal(q?.speaker, undefined);
    // (a subject's own "asked" is no question put to anyone else's speaker: read by the clause patterns, once)
    const own = runQuotes("The senator asked whether the vote would be delayed.").filter((x) => x.kind === "indirect");
    assert.equal(own.length, 1, own.map(brief).join("\n"));
    assert.equal(own[0]!.speaker?.name, "The senator");
  });
  it("a relative pronoun before the speaker is the reported clause's subject ('which they say left …')", () => {
    const q = reported("The board cut the budget for road repairs, which engineers say could put drivers at risk.");
    assert.equal(q.speaker?.name, "engineers");
    assert.equal(q.cue?.text, "say");
    assert.equal(q.text, "could put drivers at risk");
    // (not after "that", which PolNeAR seldom reads as the reported clause's subject)
    const that = runQuotes("The board approved a plan that engineers say could put drivers at risk.");
    assert.ok(!that.some((x) => x.cue?.text === "say"), that.map(brief).join("\n"));
  });
  it("a clause report wins over a weaker object reading of the same words", () => {
    const q = reported("Voters want lower taxes and better roads, a poll found.");
    assert.equal(q.speaker?.name, "a poll");
    assert.equal(q.text, "Voters want lower taxes and better roads");
  });
  it("a title-case headline: the capitalised cue is a cue", () => {
    const q = reported("Lindsey Graham Says Trump Could Address Clean Energy");
    assert.equal(q.speaker?.name, "Lindsey Graham");
    assert.equal(q.cue?.text, "Says");
  });
  it("a cue verb before a noun subject: 'said praise from X would …' is a report", () => {
    const q = reported("Trump said praise from the Russian president would not affect his policy.");
    assert.equal(q.text, "praise from the Russian president would not affect his policy");
  });
  it("an infinitive reports a plan or a promise, 'to' included", () => {
    const q = reported("The union vowed to fight the plan in court.");
    assert.equal(q.speaker?.name, "The union");
    assert.equal(q.text, "to fight the plan in court");
  });
  it("a participle after a comma reports for the speaker before it, and both reports stand", () => {
    const qs = runQuotes("The mayor said the budget was balanced, arguing that the new taxes had worked.");
    assert.deepEqual(qs.map(brief), ["indirect | The mayor | the budget was balanced", "indirect | The mayor | the new taxes had worked"]);
  });
  it("a participle shares the subject after a connective or a fronted adjunct that opens the sentence", () => {
    const cases: [string, string][] = [
      ["But the governor vetoed the bill on Friday, arguing that it would raise rents.", "the governor"],
      ["Then she cancelled the tour, citing a family emergency.", "she"],
      ["And even the coach stayed calm, noting that the schedule was too tight.", "the coach"],
      ["Back in 2009, the regulator stayed silent on the merger, warning only that prices could rise.", "the regulator"],
      ["Later in the week, he softened his tone, saying the talks could resume.", "he"],
    ];
    for (const [text, speaker] of cases) {
      const q = runQuotes(text).find((x) => /ing$/.test(x.cue?.text ?? ""));
      assert.equal(q?.speaker?.name, speaker, text);
    }
  });
  it("a subject with a time adjunct after it keeps its verb ('the mayor on Monday vetoed …')", () => {
    const q = runQuotes("The mayor on Monday vetoed the ordinance, saying it would hurt small landlords.").find((x) => x.cue?.text === "saying");
    assert.equal(q?.speaker?.name, "The mayor");
  });
  it("a participle after 'before', 'while' or 'by' shares the subject of the report before it", () => {
    const qs = runQuotes(`"We are not done yet," the coach said, before adding that two players were injured.`);
    const q = qs.find((x) => x.cue?.text === "adding");
    assert.equal(q?.speaker?.name, "the coach");
    assert.equal(q?.text, "two players were injured");
    const r = runQuotes("The senator opened the hearing by dismissing the report as a partisan exercise.").find((x) => x.cue?.text === "dismissing");
    assert.equal(r?.speaker?.name, "The senator");
  });
  it("a participle after a trailing 'when'/'as' clause shares that clause's subject, not the main clause's", () => {
    const q = runQuotes("The rally turned tense when the mayor addressed the crowd, calling the protesters a mob.").find((x) => x.cue?.text === "calling");
    assert.equal(q?.speaker?.name, "the mayor");
    // (a second verb of the main subject after the clause: the main subject's)
    const r = runQuotes("The two brothers met in Lagos when they were young and moved to London in 1990, hoping for better schools.").find((x) => x.cue?.text.startsWith("hoping"));
    assert.notEqual(r?.speaker?.name, "they");
  });
  it("a verb after 'and' inside a 'when'/'though' clause shares that clause's subject", () => {
    const q = runQuotes("When the mayor visited the flooded district and said the city would rebuild, the crowd cheered.").find((x) => x.cue?.text === "said");
    assert.equal(q?.speaker?.name, "the mayor");
    const r = runQuotes("The senator, though she praised the nominee and said he deserved a vote, declined to back him.").find((x) => x.cue?.text === "said");
    assert.equal(r?.speaker?.name, "she");
  });
  it("a name ending in '-ing' before its verb is a subject, a fronted participle is not", () => {
    const q = runQuotes("Fleming appeared on a morning show and said the vote had been rigged.").find((x) => x.cue?.text === "said");
    assert.equal(q?.speaker?.name, "Fleming");
    const r = runQuotes("Walking to the car, the senator paused and said the vote had been rigged.").find((x) => x.cue?.text === "said");
    assert.equal(r?.speaker?.name, "the senator");
  });
  it("a participle after a direct quotation's attribution takes that speaker", () => {
    const qs = runQuotes(`The country "has made dramatic changes," the senator said in June, citing the release of prisoners.`);
    const q = qs.find((x) => x.cue?.text === "citing");
    assert.equal(q?.speaker?.name, "the senator");
    assert.equal(q?.text, "the release of prisoners");
  });
  it("an addressee before the clause is neither speaker nor content ('told the forum he was …')", () => {
    const q = reported("Trump told the forum he was against the war from the start.");
    assert.equal(q.text, "he was against the war from the start");
  });
  it("a coordinated subject is one source ('X and Y said')", () => {
    const text = "Mr. Grassley and Mr. Leahy said the bill would pass this year.";
    const q = reported(text);
    assert.equal(text.slice(...q.speaker!.span!), "Mr. Grassley and Mr. Leahy");
  });
  it("a preposition or an article between capitals stays in the name", () => {
    assert.equal(reported("The Commission on Presidential Debates said the schedule would not change.").speaker?.name, "The Commission on Presidential Debates");
    const text = "The Committee for a Responsible Federal Budget said the plan would add to the debt.";
    assert.equal(text.slice(...reported(text).speaker!.span!), "The Committee for a Responsible Federal Budget");
  });
  it("a subject with an apposition is shared by its coordinated report", () => {
    const qs = runQuotes("Donald Trump, her Republican opponent, bemoaned the unrest and said he thought drugs were a big factor.");
    assert.deepEqual(qs.map(brief), ["indirect | Donald Trump | the unrest", "indirect | Donald Trump | he thought drugs were a big factor"]);
  });
  it("a focus word before an apposed name ('Even China, its only ally, said …')", () => {
    assert.equal(reported("Even China, its only ally, said it was opposed to the test.").speaker?.name, "China");
  });
  it("a place phrase between the cue and 'that' may hold nouns that look like verbs ('at a campaign stop')", () => {
    const q = reported("Trump said during a Friday evening rally in Michigan that the deal was a disaster.");
    assert.equal(q.speaker?.name, "Trump");
    assert.equal(q.text, "the deal was a disaster");
    assert.equal(reported("Clinton says at a campaign stop in Toledo, Ohio, that it means nothing.").text, "it means nothing");
  });
  it("'said that, if elected, he …': the complementiser's comma opens the content's aside", () => {
    const q = reported("He said that, if elected, he would leave such decisions to military leaders.");
    assert.equal(q.text, "if elected, he would leave such decisions to military leaders");
  });
  it("a restrictive relative names its noun ('listeners who said …'): the source is the relative pronoun", () => {
    const text = "The show took calls from listeners who said they had misgivings about the plan.";
    const q = reported(text);
    assert.equal(text.slice(...q.speaker!.span!), "who");
    assert.equal(q.speaker?.name, "listeners");
    assert.equal(q.text, "they had misgivings about the plan");
  });
  it("a head noun before 'for the …' is the source ('attorneys for the family said', 'a spokesman for the campaign said')", () => {
    const text = "Scott's relatives watched the video on Thursday, attorneys for the family said.";
    const q = reported(text);
    assert.equal(text.slice(...q.speaker!.span!), "attorneys for the family");
    assert.equal(q.text, "Scott's relatives watched the video on Thursday");
    const t2 = "A spokesman for the campaign said the plan would work.";
    assert.equal(t2.slice(...reported(t2).speaker!.span!), "A spokesman for the campaign");
  });
  it("a numeral opens a described source after the cue ('…, said one GOP source in the room')", () => {
    const text = "The meeting went badly from there, said one GOP source in the room.";
    const q = reported(text);
    // (the place phrase closing the sentence is the source's, as PolNeAR marks it: "one GOP source in the room")
    assert.equal(text.slice(...q.speaker!.span!), "one GOP source in the room");
    assert.equal(q.text, "The meeting went badly from there");
  });
  it("a verb with the preposition that governs the report: the cue takes it ('called on', 'spoke emotionally of')", () => {
    const q = reported("Palmieri called on Trump to stop attacking Machado.");
    assert.equal(q.cue?.text, "called on");
    // (whether the addressee "Trump" stays in the report is the start ranker's call: content-bounds.ts)
    assert.match(q.text, /^(?:Trump )?to stop attacking Machado$/);
    const s = reported("Mr. Obama spoke emotionally of his many flights across the Mall.");
    assert.equal(s.cue?.text, "spoke emotionally of");
    assert.equal(s.text, "his many flights across the Mall");
  });
  it("a particle joins the verb's cue ('ruled against'), and 'with' a verb of agreeing's unless a clause follows its partner", () => {
    const q = reported("The judge ruled against the proposed merger of the two firms.");
    assert.equal(q.cue?.text, "ruled against");
    assert.equal(q.text, "the proposed merger of the two firms");
    assert.equal(reported("Most economists agreed with the forecast of slower growth.").cue?.text, "agreed with");
    const that = reported("The chairman agrees with the senator that the tax is too high.");
    assert.equal(that.cue?.text, "agrees");
    assert.equal(that.text, "the tax is too high");
  });
  it("a pronoun's clitic auxiliary opens the cue ('’s hoping', ''ve argued'), and the speaker ends before it", () => {
    const q = reported("She’s hoping the council will approve the plan.");
    assert.equal(q.cue?.text, "’s hoping");
    assert.equal(q.speaker?.name, "She");
    const fused = reported("They've argued that the tax is unfair.");
    assert.equal(fused.cue?.text, "'ve argued");
    assert.equal(fused.speaker?.name, "They");
  });
  it("a possessive's 's is no clitic of the cue", () => {
    const qs = runQuotes("The mayor's aides said the budget would be balanced by June.");
    assert.ok(qs.some((q) => q.cue?.text === "said"), qs.map(brief).join("\n"));
  });
  it("a verb's object and its preposition stay in the content ('accused | Holt of bias')", () => {
    const q = reported("Trump accused Holt of bias against him.");
    assert.equal(q.cue?.text, "accused");
    assert.equal(q.text, "Holt of bias against him");
  });
  it("an infinitive keeps its 'to' in the content: it is no preposition of the cue ('vowed to fight')", () => {
    const q = reported("He vowed to fight the plan.");
    assert.equal(q.cue?.text, "vowed");
    assert.equal(q.text, "to fight the plan");
  });
  it("a headline attribution's report ends before its full stop ('Pence: … at Debate.')", () => {
    const qs = runQuotes("Pence: Flowers Will Not Be at the Debate Tomorrow.\n\nThe rest of the story follows here.");
    assert.equal(qs[0]?.text, "Flowers Will Not Be at the Debate Tomorrow");
  });
  it("a quantity after the cue opens the content ('indicated up to 3,000 troops had …')", () => {
    const q = reported("The intelligence service indicated up to 3,000 troops had already been sent to the border area.");
    assert.match(q.text, /^up to 3,000 troops had already been sent/);
  });
});

describe("indirect quotes: recall of PolNeAR-style reports", () => {
  it("a fronted phrase after 'that' opens the content ('noted that in 2019, the city …')", () => {
    const q = reported("The mayor noted that in 2019, the city had balanced its budget.");
    assert.equal(q.cue?.text, "noted");
    assert.equal(q.text, "in 2019, the city had balanced its budget");
  });
  it("a quantifier alone is the source ('some argue that …')", () => {
    const q = reported("But some argue that the tax would hurt small farms.");
    assert.equal(q.speaker?.name, "some");
    assert.equal(q.text, "the tax would hurt small farms");
  });
  it("a past tense the finite-verb list lacks still makes a clause after a name ('Herrera vetoed …')", () => {
    const q = reported("Analysts noted that Herrera vetoed the bill twice.");
    assert.equal(q.cue?.text, "noted");
    assert.equal(q.text, "Herrera vetoed the bill twice");
  });
  it("an aside between dashes does not hide the clause's verb", () => {
    const q = reported("The agency estimates that the poorest households -- those earning under $20,000 a year -- would pay more.");
    assert.equal(q.cue?.text, "estimates");
    assert.equal(q.speaker?.name, "The agency");
    assert.match(q.text, /^the poorest households/);
  });
  it("'According to' opening the sentence takes the whole phrase up to its comma as the source", () => {
    const q = reported("According to a civil complaint filed by the state, the two men misused the money of investors.");
    assert.equal(q.cue?.text, "According to");
    assert.equal(q.speaker?.name, "a civil complaint filed by the state");
    assert.equal(q.text, "the two men misused the money of investors");
    assert.equal(reported("According to exit polls, the governor won a majority of rural voters.").speaker?.name, "exit polls");
  });
  it("a classifier cue no pattern reads reports on its own ('…, as police have said')", () => {
    const q = reported("The driver did not stop at the red light, as police have said.");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "police");
    assert.equal(q.text, "The driver did not stop at the red light");
  });
  it("a verb with an object is no medial attribution: the report never holds its own cue", () => {
    const qs = runQuotes("Staff at Acme, Brill and Corden quickly disclosed the losses to the regulator, which first published the figures.");
    for (const q of qs) assert.ok(!(q.cue && q.span[0] <= q.cue.span[0] && q.cue.span[1] <= q.span[1]), brief(q));
  });
  it("a parenthetical 'as' before the source is a medial attribution ('The tariffs, as one economist observed, would …')", () => {
    const q = reported("The tariffs, as one economist observed, would hit farmers first.");
    assert.equal(q.cue?.text, "observed");
    assert.equal(q.speaker?.name, "one economist");
    assert.equal(q.text, "The tariffs, as one economist observed, would hit farmers first");
  });
  it("a report ending inside a quotation keeps the punctuation and the closing mark ('is “true,”', \"policy.''\")", () => {
    const qs = runQuotes("The fact-checkers ruled that the claim about Chicago is “true,” but the mayor disagreed.");
    assert.ok(qs.some((r) => r.cue?.text === "ruled" && r.text === "the claim about Chicago is “true,”"), qs.map(brief).join("\n"));
    const q = reported("The network said her statement was ''not in line with our editorial policy.''");
    assert.equal(q.text, "her statement was ''not in line with our editorial policy.''");
  });
  it("a noun the clause completes opens the report ('disputes the idea that …'); an addressee does not", () => {
    assert.equal(reported("The campaign disputes the idea that she needed to be hospitalized.").text, "the idea that she needed to be hospitalized");
    assert.equal(reported("The spokesman told reporters that the talks had broken down.").text, "the talks had broken down");
  });
  it("'referring to' takes its preposition into the cue", () => {
    const qs = runQuotes("Ramos said the country would change, referring to the growing Hispanic community.");
    const r = qs.find((q) => q.cue?.text.startsWith("referring"));
    assert.equal(r?.cue?.text, "referring to", qs.map(brief).join("\n"));
  });
  it("a raising verb reports nobody: its subject belongs to the content ('Turnout is expected to …')", () => {
    const q = reported("About one of every nine voters this fall is expected to be Latino.");
    assert.equal(q.speaker, undefined);
    assert.equal(q.cue?.text, "expected");
    assert.equal(q.text, "About one of every nine voters this fall is expected to be Latino");
  });
  it("an aside between a raised subject and its verb is recorded as the writer's, inside the content's span", () => {
    const text = "The city council, which met twice last week, is expected to approve the budget.";
    const q = reported(text);
    assert.equal(q.speaker, undefined);
    assert.equal(q.text, "The city council, which met twice last week, is expected to approve the budget");
    assert.deepEqual(q.asides?.map((s) => text.slice(s[0], s[1])), [", which met twice last week,"]);
    // no aside without commas, nor for an active cue's subject
    assert.equal(reported("The city council is expected to approve the budget.").asides, undefined);
    assert.equal(reported("The mayor, who met the council twice, said the budget would pass.").asides, undefined);
  });
  it("'is known for' reports nobody: its subject is part of what is said of it", () => {
    const q = reported("The chef is known for her spicy stews.");
    assert.equal(q.speaker, undefined);
    assert.equal(q.text, "The chef is known for her spicy stews");
  });
  it("a fronted adjunct opens a medial report ('When a post opens, she said, she …')", () => {
    const q = reported("When she is looking to fill a position, she said, she ensures women are in the pool of candidates.");
    assert.equal(q.speaker?.name, "she");
    assert.equal(q.text, "When she is looking to fill a position, she said, she ensures women are in the pool of candidates");
  });
  it("a chain head's cue runs on through its second cue verb ('continued to insist', 'has tried to explain')", () => {
    const q = reported("The senator continued to insist that the vote had been rigged.");
    assert.equal(q.cue?.text, "continued to insist");
    assert.equal(q.speaker?.name, "The senator");
    assert.equal(q.text, "the vote had been rigged");
    assert.equal(reported("The mayor has tried to explain that the budget cannot absorb the cuts.").cue?.text, "tried to explain");
  });
  it("a cue after a clitic reports for the subject before it ('He's claiming that …')", () => {
    const q = reported("He's claiming that voting fraud is a big problem in this country.");
    assert.equal(q.speaker?.name, "He");
    assert.equal(q.cue?.text, "'s claiming");
    assert.equal(q.text, "voting fraud is a big problem in this country");
  });
  it("a fronted 'Asked whether …' reports the question, and the answer stays its speaker's", () => {
    const qs = runQuotes("Asked whether he would run again, the senator said the decision would come in May.");
    const asked = qs.find((q) => q.cue?.text === "Asked");
    assert.equal(asked?.text, "whether he would run again", qs.map(brief).join("\n"));
    assert.equal(asked?.speaker, undefined);
    const said = qs.find((q) => q.cue?.text === "said");
    assert.equal(said?.speaker?.name, "the senator");
    assert.equal(said?.text, "the decision would come in May");
  });
});

describe("indirect quotes: a light verb's cue takes its tail (attribution/cue-span.ts)", () => {
  it("'made it clear that …': the cue is the phrase, the content the clause", () => {
    const q = reported("The senator also made it clear that he has not considered resigning from the committee.");
    assert.equal(q.cue?.text, "made it clear");
    assert.equal(q.text, "he has not considered resigning from the committee");
    assert.equal(reported("Sanders has made clear that he expects the party to adopt his proposals on trade.").cue?.text, "made clear");
  });
  it("'fired back that …' and 'took issue with …'", () => {
    assert.equal(reported("The mayor fired back that the council had ignored the auditors for years.").cue?.text, "fired back");
    assert.equal(reported("Several economists took issue with the forecast of a quick recovery in the housing market.").cue?.text, "took issue with");
  });
  it("a light verb with no speech-act tail keeps its plain cue, or is no cue", () => {
    const qs = runQuotes("The company made a profit of $3 million in the first quarter of the year.");
    assert.ok(qs.every((q) => q.cue?.text !== "made it clear"), qs.map(brief).join("\n"));
  });
  it("'made the case that …', 'raised questions about …': the noun and its preposition join the cue", () => {
    const q = reported("The governor has made the case that the new bridge will pay for itself within a decade.");
    assert.equal(q.cue?.text, "made the case");
    assert.equal(q.text, "the new bridge will pay for itself within a decade");
    assert.equal(reported("Local critics raised questions about how the county spent the federal grant money.").cue?.text, "raised questions about");
  });
  it("a made thing that is no speech act leaves the cue alone", () => {
    const qs = runQuotes("The team made the playoffs for the first time in a decade.");
    assert.ok(qs.every((q) => !/^made the/.test(q.cue?.text ?? "")), qs.map(brief).join("\n"));
  });
  it("'issued a statement saying …': the cue runs from the verb that put the medium out through the participle", () => {
    const q = reported("The school board issued a statement saying the closures would last through the end of the month.");
    assert.equal(q.cue?.text, "issued a statement saying");
    assert.equal(q.speaker?.name, "The school board");
    assert.equal(q.text, "the closures would last through the end of the month");
    assert.equal(reported("A group of tenants sent a letter to the city council urging it to fix the heating.").cue?.text, "sent a letter to the city council urging");
  });
  it("a medium that is not yet out, or a participle after no medium, keeps the participle's own cue", () => {
    const qs = runQuotes("The firm said it would be unable to file its annual report on time, warning that it could miss a loan payment.");
    assert.ok(qs.some((q) => q.cue?.text === "warning"), qs.map(brief).join("\n"));
    const q = reported("The mayor spoke to reporters on Monday, saying the city would rebuild.");
    assert.equal(q.cue?.text, "saying");
  });

  it("a participle after a quotation's closing comma or a dash reports for the sentence's subject", () => {
    const qs = runQuotes(`The senator praised the "new energy plan," saying it would create thousands of jobs in the state.`);
    const saying = qs.find((q) => q.cue?.text === "saying");
    assert.equal(saying?.speaker?.name, "The senator", qs.map(brief).join("\n"));
    assert.equal(saying?.text, "it would create thousands of jobs in the state");
    const q = reported("The mayor changed his mind at the last minute – saying he would now back the stadium project.");
    assert.equal(q.cue?.text, "saying");
    assert.equal(q.speaker?.name, "The mayor");
  });
  it("a report ends before a participle report after a quotation's closing comma", () => {
    const qs = runQuotes(`The governor has argued that the budget is "balanced and fair," claiming that the deficit will shrink next year.`);
    const argued = qs.find((q) => q.kind === "indirect" && q.cue?.text === "argued");
    assert.ok(argued && !argued.text.includes("claiming"), qs.map(brief).join("\n"));
    assert.ok(qs.some((q) => q.cue?.text === "claiming" && q.text === "the deficit will shrink next year"), qs.map(brief).join("\n"));
  });
  it("a weak cue word before a noun and its speech verb modifies the noun", () => {
    const q = reported("Two cast members said the producer had cut the final scene.");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "Two cast members");
  });
  it("a verb of stance reports its object even when the object is a medium", () => {
    const qs = runQuotes("The minister is defending her early-morning tweets about the strike, saying they were meant as a joke.");
    assert.ok(qs.some((q) => q.cue?.text === "defending" && q.text === "her early-morning tweets about the strike"), qs.map(brief).join("\n"));
    assert.equal(runQuotes("The company published its report on the collapse on Friday.").length, 0);
  });
  it("a town and a state's abbreviation after a name stay out of the speaker", () => {
    const q = reported("Maria Lopez, of Fresno, Calif., said she had waited four hours to vote.");
    assert.equal(q.speaker?.name, "Maria Lopez");
  });
  it("a report's noun before a reduced relative ending in a time is the source", () => {
    const q = reported("A Gallup poll released in late May found that 60 percent of voters wanted a new candidate.");
    assert.equal(q.speaker?.name, "A Gallup poll");
    assert.equal(q.cue?.text, "found");
  });
  it("a final attribution takes the whole report when a clause inside it has a cue of its own", () => {
    const q = reported("Factory workers feared they would lose their jobs because the plant was closing, said Tom Reyes, a union official.");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.name, "Tom Reyes");
    assert.equal(q.text, "Factory workers feared they would lose their jobs because the plant was closing");
  });
  it("'many of whom say': the quantified relative names the noun before it", () => {
    const q = reported("The plan angered local farmers, many of whom say the new rules will ruin them.");
    assert.equal(q.speaker?.name, "local farmers");
    assert.equal(q.text, "the new rules will ruin them");
  });
  it("a medial source whose plural head is linked to a name ('aides to the governor say')", () => {
    const q = reported("But in recent weeks, aides to the governor say, she has grown frustrated with the pace of the talks.");
    assert.equal(q.speaker?.name, "aides to the governor");
    assert.equal(q.cue?.text, "say");
  });
});

describe("indirect quotes: asides, time adjuncts, compounds, light verbs", () => {
  const indirect = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");
  it("a relative clause's report between a speaker and its cue stands beside the main report", () => {
    const qs = indirect("Okafor, who said the school was underfunded, said the board would meet again in May.");
    assert.deepEqual(qs.map((q) => q.text).sort(), ["the board would meet again in May", "the school was underfunded"]);
  });
  it("one report when no aside holds a report", () => {
    const qs = indirect("Okafor, the board's chair, said the board would meet again in May.");
    assert.equal(qs.length, 1);
  });
  it("a time measured from an event is no participle's speaker", () => {
    const qs = indirect("Hours later, the mayor posted a video online, telling residents the water was safe.");
    const q = qs.find((x) => x.cue?.text.endsWith("telling"));
    assert.ok(q, qs.map(brief).join("\n"));
    assert.notEqual(q.speaker?.name, "Hours");
  });
  it("a base form after a preposition's noun is a compound, not a cue", () => {
    const qs = indirect("Speaking on radio show Night Talk, the singer said the band would tour next year.");
    assert.ok(!qs.some((q) => q.cue?.text === "show"), qs.map(brief).join("\n"));
    assert.ok(qs.some((q) => q.cue?.text === "said" && q.speaker?.name === "the singer"));
  });
  it("a pronoun after the preposition may still head the subject", () => {
    const qs = indirect("Dozens of parents wrote to the district, many of whom say the new schedule is unworkable.");
    assert.ok(qs.some((q) => q.cue?.text === "say"), qs.map(brief).join("\n"));
  });
  it("'went on to say' is one cue on the bare path too", () => {
    const qs = indirect("He went on to say the plan would fail.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.cue?.text, "went on to say");
    assert.equal(qs[0]!.text, "the plan would fail");
  });
});

describe("indirect quotes: chains before the cue, perfect adverbs, contact relatives", () => {
  const indirect = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");
  it("'went on to criticize' reports its object, with the chain in the cue", () => {
    const qs = indirect("The governor went on to criticize the new budget.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.cue?.text, "went on to criticize");
  });
  it("'to criticize' alone is a plan, not a report", () => {
    assert.equal(indirect("The governor plans to criticize the new budget.").filter((q) => q.cue?.text?.includes("criticize")).length, 0);
  });
  it("a comparison's 'more likely to say' reports the survey's answers", () => {
    const qs = indirect("Younger voters are more likely to say the economy is doing well.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.cue?.text, "are more likely to say");
    assert.equal(qs[0]!.text, "the economy is doing well");
  });
  it("a forecast ('is likely to say') is no report", () => {
    assert.equal(indirect("She is likely to say the plan is too expensive.").length, 0);
  });
  it("'has since said' keeps its subject", () => {
    const qs = indirect("She has since said that she attended because she thought it would be fun.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.text, "she attended because she thought it would be fun");
  });
  it("'said that' with a fronted phrase and no comma", () => {
    const qs = indirect("Carter said that for decades some critics had been predicting a withdrawal.");
    assert.ok(qs.some((q) => q.cue?.text === "said" && q.text.startsWith("for decades some critics")), qs.map(brief).join("\n"));
  });
  it("a relative clause without its pronoun before the cue", () => {
    const qs = indirect("All the economists we surveyed said the recession would end soon.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.text, "the recession would end soon");
  });
});

describe("indirect quotes: final cues with an addressee, linking words, compound report nouns", () => {
  const indirect = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");
  it("'…, X told The Paper on Thursday.': a verb of telling takes its addressee, capitalised or not", () => {
    const q = reported("The tariffs will hurt farmers, Sen. Mara Quill (R-Neb.) told The Omaha Ledger on Thursday.");
    assert.equal(q.cue?.text, "told");
    assert.equal(q.speaker?.name, "Mara Quill");
    assert.equal(q.text, "The tariffs will hurt farmers");
    const r = reported("The tariffs will hurt farmers, he told the newspaper in an interview.");
    assert.equal(r.text, "The tariffs will hurt farmers");
  });
  it("'…, X told The Paper that …' is the clause after the cue, not the sentence before", () => {
    const qs = indirect("The vote was close, he told The Ledger that the recount would start.");
    assert.ok(!qs.some((q) => q.text.startsWith("The vote was close")), qs.map(brief).join("\n"));
  });
  it("'In addition, …, a spokesman announced': the linking words open no fronted adjunct", () => {
    const q = reported("In addition, the agency plans to publish the records soon, a spokesman announced Monday.");
    assert.equal(q.cue?.text, "announced");
    assert.equal(q.text, "the agency plans to publish the records soon");
  });
  it("a cue noun right before the cue verb is the speaker's head ('the new report said', 'an Audit Office report found')", () => {
    const a = reported("The new report said the agency was slow to respond.");
    assert.equal(a.speaker?.name, "The new report");
    assert.equal(a.cue?.text, "said");
    const b = reported("A National Audit Office report released last year found that the agency could not track the money.");
    assert.equal(b.speaker?.name, "A National Audit Office report");
    assert.equal(b.cue?.text, "found");
  });
  it("'…, invoking the 2008 race.' is a participle and its object, never an inverted '…, said X.'", () => {
    const qs = runQuotes("“We ran against him once,” Ortiz said, invoking the 2008 race.");
    assert.ok(qs.some((q) => q.kind === "direct" && q.speaker?.name === "Ortiz" && q.cue?.text === "said"), qs.map(brief).join("\n"));
    assert.ok(!qs.some((q) => q.speaker?.name === "the 2008 race"), qs.map(brief).join("\n"));
  });
  it("'And on Tuesday, X, a description, said …': a conjunction before the fronted adjunct", () => {
    const q = reported("And on Tuesday, Kevin Morrow, chairman of the House Budget Committee, said that Republicans might delay the vote.");
    assert.equal(q.speaker?.name, "Kevin Morrow");
    assert.equal(q.text, "Republicans might delay the vote");
  });
  it("'said that in one case activists criticized …': a fronted phrase without a comma before a past tense", () => {
    const qs = indirect("Paul Quinn said that in one case Internet activists criticized his company.");
    assert.ok(qs.some((q) => q.cue?.text === "said" && q.text.startsWith("in one case")), qs.map(brief).join("\n"));
  });
  it("'X called on her to resign and said, \"…\"': the report ends before the coordinated speech verb, whose quotation is X's", () => {
    const qs = runQuotes("Ortiz called on her to resign from her post and said, \"Her time is up!\"");
    const report = qs.find((q) => q.kind === "indirect");
    assert.equal(report?.text, "her to resign from her post", qs.map(brief).join("\n"));
    const quote = qs.find((q) => q.kind === "direct");
    assert.equal(quote?.speaker?.name, "Ortiz");
    assert.equal(quote?.cue?.text, "said");
  });
  it("'X said A, and more than 4 in 10 said B': two reports, the second with a poll's share for its speaker", () => {
    const qs = indirect("Three-quarters of the voters said they were worried about the economy, and more than 4 in 10 said the mayor would handle it best.");
    assert.equal(qs.length, 2, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.text, "they were worried about the economy");
    assert.equal(qs[1]!.speaker?.name, "more than 4 in 10");
    assert.equal(qs[1]!.text, "the mayor would handle it best");
  });
  it("'…, and that he might decide against his announced plans' stays in the report (the subject's own verb comes first)", () => {
    const qs = indirect("Mr. Lane said that he was not familiar with the show, and that he might decide against his announced plans.");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.match(qs[0]!.text, /announced plans$/);
  });
});


describe("indirect quotes: frames that license a weaker classifier cue", () => {
  const indirect = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");
  it("a manner adverb before the verb speaks for it (the classifier learned the adverb as the cue's first word)", () => {
    const q = reported("She quickly noted her two decades on the city council.");
    assert.equal(q.speaker?.name, "She");
    assert.equal(q.cue?.text, "noted");
    assert.equal(q.text, "her two decades on the city council");
    const r = reported("Both of the state senators strongly supported the measure.");
    assert.equal(r.cue?.text, "supported");
    assert.equal(r.text, "the measure");
  });
  it("an adverb before a verb that reports nothing adds no cue", () => {
    assert.deepEqual(indirect("The storm quickly flooded the lower streets.").map(brief), []);
  });
  it("a subject, a verb and its that-clause: a weaker score is enough", () => {
    const q = reported("The lawyer further related that her client had never seen the letter.");
    assert.equal(q.speaker?.name, "The lawyer");
    assert.equal(q.cue?.text, "related");
    assert.equal(q.text, "her client had never seen the letter");
    // ("that" as an object is no complementiser)
    assert.deepEqual(indirect("She followed that with a second album.").map(brief), []);
  });
  it("a participle opening the sentence reports for the main clause's subject", () => {
    const q = indirect("Noting that turnout had doubled since 2018, Alvarez predicted a close race.").find((x) => x.cue?.text === "Noting");
    assert.equal(q?.speaker?.name, "Alvarez");
    assert.equal(q?.text, "that turnout had doubled since 2018");
    const r = reported("After arguing that the tariffs would hurt farmers, the senator voted for them anyway.");
    assert.equal(r.speaker?.name, "the senator");
    assert.equal(r.cue?.text, "arguing");
    assert.equal(r.text, "the tariffs would hurt farmers");
  });
  it("a classifier's cue keeps a quotation inside its reported clause", () => {
    const q = indirect('The governor is pledging to "finish the bridge by winter" despite the delays.').find((x) => x.cue?.text === "pledging");
    assert.equal(q?.speaker?.name, "The governor");
    assert.match(q?.text ?? "", /^to "finish the bridge by winter"/);
    // (a particle and a borrowed phrase are no clause: the quotation stays the narration's)
    const text = '"The budget is balanced," the mayor said. Critics went on about "a hidden deficit of several million" at the meeting.';
    assert.equal(runQuotes(text).find((x) => x.text.includes("hidden deficit")), undefined);
  });
  it("a fronted participle that reports nothing adds no report", () => {
    assert.deepEqual(indirect("Walking to the podium, the mayor smiled at the crowd.").map(brief), []);
  });
});

describe("indirect quotes: opening marks, fronted adjuncts, inverted speakers, modifiers in a speaker phrase", () => {
  it("a report before its cue that closes a quotation keeps the quotation's opening mark", () => {
    const text = '"The harbor project is overdue," and the city has lost patience with its contractors, Mayor Ana Ruiz said.';
    const q = reported(text);
    assert.equal(q.text, '"The harbor project is overdue," and the city has lost patience with its contractors');
    // (negative: a report with no closing mark in it starts at its first word, not at a mark before it)
    const plain = runQuotes('"We won." The city has lost patience with its contractors, the mayor said.').find((x) => x.kind === "indirect");
    assert.equal(plain?.text, "The city has lost patience with its contractors");
  });
  it("'In the valley, …, said X': a fronted adjunct may open a report whose speaker follows the cue", () => {
    const q = reported("Across the valley, the orchards are suffering, said Tom Vale, a grower in the region.");
    assert.equal(q.speaker?.name, "Tom Vale");
    assert.equal(q.text, "Across the valley, the orchards are suffering");
  });
  it("'…, says fruit grower Tom Vale', '…, said local farmers': the phrase after the cue is who spoke, not what", () => {
    const text = "The valley's orchards are suffering, says fruit grower Tom Vale.";
    const q = reported(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "fruit grower Tom Vale");
    assert.equal(q.text, "The valley's orchards are suffering");
    const r = reported("The valley's orchards are suffering, said local farmers.");
    assert.equal(r.speaker?.name, "local farmers");
    assert.equal(r.text, "The valley's orchards are suffering");
  });
  it("an -ed or -ing modifier after a determiner stays in the speaker phrase ('The self-styled reformer', 'A Gazette rolling survey')", () => {
    assert.equal(reported("The self-styled reformer said the budget was a fraud.").speaker?.name, "The self-styled reformer");
    assert.equal(reported("A Gazette rolling survey shows the mayor with a narrow lead.").speaker?.name, "A Gazette rolling survey");
  });
  it("'ordinances that state judges said violated the charter': the relative pronoun before a plural is no determiner", () => {
    const q = reported("The city must repeal two ordinances, passed by the old council, that state judges said violated the charter.");
    assert.equal(q.speaker?.name, "state judges");
  });
});

describe("indirect quotes: a poll in a fronted 'in' phrase", () => {
  it("'In a Gazette poll released Sunday, …': the poll is the source, 'In' the cue, the whole clause the content", () => {
    const text = "In a Gazette poll released Sunday, 54 percent of voters disapproved of the council, while 40 percent approved.";
    const q = reported(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "a Gazette poll released Sunday");
    assert.equal(q.cue?.text, "In");
    assert.equal(q.text, "54 percent of voters disapproved of the council, while 40 percent approved");
  });
  it("a participle phrase after the poll's comma stays with the poll", () => {
    const text = "In the latest Gazette poll, conducted in May, Smith led Jones 47 percent to 39 percent.";
    const q = reported(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "the latest Gazette poll, conducted in May,");
    assert.equal(q.text, "Smith led Jones 47 percent to 39 percent");
  });
  it("no poll report where the poll is no head of the phrase or closes the sentence", () => {
    assert.ok(!runQuotes("In a town with few polls, Smith campaigned for a week.").some((q) => q.cue?.text === "In"));
    assert.ok(!runQuotes("Smith leads Jones by 8 points in the polls.").some((q) => /^in$/i.test(q.cue?.text ?? "")));
    assert.ok(!runQuotes("In a speech on Monday, the mayor praised the council.").some((q) => q.cue?.text === "In"));
  });
});

describe("indirect quotes: 'according to' sources the phrase reader stopped short of", () => {
  const source = (text: string) => {
    const q = reported(text);
    assert.equal(q.cue?.text.toLowerCase(), "according to");
    return q.speaker?.span && text.slice(...q.speaker.span);
  };
  it("names joined by a slash ('a Gazette/Ipsos poll')", () => {
    assert.equal(source("According to a Gazette/Ipsos poll, the two candidates are tied."), "a Gazette/Ipsos poll");
  });
  it("a report noun after its determiner is the head ('a report Tuesday from WXYZ')", () => {
    const text = "The mayor will speak at the convention, according to a report Tuesday from WXYZ.";
    assert.match(source(text) ?? "", /^a report Tuesday from WXYZ/);
  });
  it("a time word and a verb-like noun running to the sentence end ('according to early returns')", () => {
    assert.equal(source("The mayor won the primary in the north, according to early returns."), "early returns");
  });
  it("a second conjunct and a restrictive 'who' clause running to the sentence end are the source's", () => {
    assert.equal(source("The bridge will reopen in May, according to the transport ministry and the city."), "the transport ministry and the city");
    assert.equal(source("The vote will be delayed, according to officials and lawyers who attended the hearing."), "officials and lawyers who attended the hearing");
    assert.equal(source("The vote will be delayed, according to local and state officials."), "local and state officials");
  });
  it("negative: a 'who' clause that reports on its own, and a time, stay out of the source", () => {
    assert.equal(source("The vote will be delayed, according to two senators present who requested anonymity."), "two senators present");
    assert.equal(source("The vote will be delayed, according to a court filing on Monday."), "a court filing");
  });
});

describe("indirect quotes: strong cues in harder frames", () => {
  it("a subject with a relative clause or a dashed apposition before its speech verb", () => {
    const q = reported("Dana Whitfield, who runs a shelter outside Dayton, said the beds had been full since October.");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.text, "the beds had been full since October");
    const r = reported("Omar Keel — a welder from the east side — says the plant will close next spring.");
    assert.equal(r.cue?.text, "says");
    assert.equal(r.text, "the plant will close next spring");
  });
  it("a verb of belief with a bare clause ('thinks she doesn't …') is a report; its object alone is not", () => {
    const q = reported("The coach's staff thinks the new rules will hurt smaller clubs.");
    assert.equal(q.cue?.text, "thinks");
    assert.equal(q.text, "the new rules will hurt smaller clubs");
    assert.equal(runQuotes("Her students think the world of her.").filter((x) => x.kind === "indirect").length, 0);
    assert.equal(runQuotes("The Thing He Thinks Voters Want Most.").filter((x) => x.kind === "indirect" && x.cue?.text === "Thinks").length, 0);
  });
  it("'But as X noted, …' and 'As reported by X, …' report the clause after the comma", () => {
    const q = reported("But as the auditor noted, the county had spent the money twice.");
    assert.equal(q.cue?.text, "noted");
    assert.equal(q.text, "the county had spent the money twice");
    const r = reported("As first reported by the local paper, the mayor had quietly resigned in March.");
    assert.equal(r.speaker?.name, "the local paper");
    assert.equal(r.text, "the mayor had quietly resigned in March");
  });
  it("a doubled apostrophe closing a quotation is no possessive of the speaker after it", () => {
    const qs = runQuotes("''The delay was avoidable,'' Ms. Okafor said, referring to the bridge repairs.");
    const ref = qs.find((x) => x.kind === "indirect" && /^referring/.test(x.cue?.text ?? ""));
    assert.ok(ref, qs.map(brief).join("\n"));
    assert.equal(ref.text, "the bridge repairs");
  });
});

describe("indirect quotes: self-descriptions, poll shares, questions asked", () => {
  it("a verb of naming with a reflexive object reports the speaker's account of itself", () => {
    const q = reported("The candidate called herself a pragmatic progressive.");
    assert.equal(q.cue?.text, "called");
    assert.equal(q.text, "herself a pragmatic progressive");
    const r = reported("The mayor views himself as an outsider at city hall.");
    assert.equal(r.text, "himself as an outsider at city hall");
    // (an intensive after a noun, and a verb that is no naming, report nothing)
    assert.equal(runQuotes("The roll call itself was delayed by an hour.").filter((x) => x.kind === "indirect").length, 0);
    assert.equal(runQuotes("The runner hurt himself badly in the final lap.").filter((x) => x.kind === "indirect").length, 0);
  });
  it("a poll's share before 'who' is the group the clause describes", () => {
    const qs = runQuotes("Most backed the bill, compared with 22% who said they feared higher taxes.").filter((x) => x.kind === "indirect" && x.cue?.text === "said");
    assert.equal(qs.length, 1, qs.map(brief).join("\n"));
    assert.equal(qs[0]!.text, "they feared higher taxes");
  });
  it("'When asked whom …', 'When asked why,' and a place before 'about' give the question asked", () => {
    const ask = (text: string) => runQuotes(text).find((x) => x.kind === "indirect" && /^asked/i.test(x.cue?.text ?? ""));
    assert.equal(ask("When asked whom he backed, the farmer shrugged and walked away.")?.text, "whom he backed");
    assert.equal(ask("When asked why, the clerk pointed to the new rules.")?.text, "why");
    const q = ask("Asked at a town hall in Reno about the water plan, the governor changed the subject.");
    assert.equal(q?.cue?.text, "Asked");
    assert.equal(q?.text, "about the water plan");
  });
});

describe("indirect quotes: where a content after its cue starts", () => {
  const content = (text: string, cue: string) => {
    const q = runQuotes(text).find((x) => x.kind === "indirect" && x.cue?.text === cue);
    assert.ok(q, `no report with cue "${cue}" in: ${text}`);
    return q.text;
  };
  it("a relative 'that' with its verb describes the object, which the report keeps ('proposed new rules that would …')", () => {
    assert.equal(content("The senator proposed new zoning rules that would limit tower heights downtown.", "proposed"),
      "new zoning rules that would limit tower heights downtown");
    assert.equal(content("The governor has threatened to veto the bill that raises the fuel tax.", "threatened"),
      "to veto the bill that raises the fuel tax");
  });
  it("a complementiser after an addressee or a time still opens the clause ('told reporters on Monday that')", () => {
    assert.equal(content("The mayor told reporters on Monday that the bridge would reopen in April.", "told"), "the bridge would reopen in April");
    assert.equal(content("The coach said last week that the team would not trade its goalkeeper.", "said"), "the team would not trade its goalkeeper");
    // (a plural noun after "that" is the clause's subject, not a verb: "that taxes are …")
    assert.equal(content("Shop owners complain loudly that taxes are too high.", "complain"), "taxes are too high");
  });
  it("a message noun a stance verb takes keeps its clause ('rejected rumors that …')", () => {
    assert.equal(content("The minister rejected rumors that the airport would be sold.", "rejected"), "rumors that the airport would be sold");
    assert.equal(content("The coach dismissed concerns that his striker was injured.", "dismissed"), "concerns that his striker was injured");
  });
  it("a subject pronoun right after the cue opens the reported clause, whose own 'that' it keeps", () => {
    assert.equal(content("Dana Reyes said she's confident that the vote will pass.", "said"), "she's confident that the vote will pass");
  });
  it("a participle's addressee and time stay out of its report ('…, telling reporters in May that …')", () => {
    assert.equal(content("The senator delayed her endorsement, telling reporters in May that she was not ready yet.", "telling"), "she was not ready yet");
  });
  it("the person asked is no part of the question ('asked the mayor whether …'), an infinitive's subject is ('asked voters to …')", () => {
    assert.equal(content("The host asked the mayor whether the stadium deal would survive the vote.", "asked"), "whether the stadium deal would survive the vote");
    assert.equal(content("The reporter asked the coach Friday how the team would replace its captain.", "asked"), "how the team would replace its captain");
    // (a relative "who" after the object is no question word)
    assert.doesNotMatch(content("The panel asked officials about residents who lost their homes in the flood.", "asked") ?? "", /^who/);
  });
  it("an addressee after 'told' stays out of the report even where no speaker is found before the cue", () => {
    assert.equal(content("Reached on Tuesday, Alvarez — who no longer runs the firm — told The Valley Courier he’s not planning an appeal.", "told"),
      "he’s not planning an appeal");
  });
  it("a 'that' clause past an addressee may open with a quotation", () => {
    assert.equal(content("Ortiz tells the paper’s “Evening Ledger” on Friday that “nobody saw it coming” remains the view in the league office.", "tells"),
      "“nobody saw it coming” remains the view in the league office");
  });
});

describe("indirect quotes: where a content before or around its cue starts", () => {
  const content = (text: string, cue: string) => {
    const q = runQuotes(text).find((x) => x.kind === "indirect" && x.cue?.text === cue);
    assert.ok(q, `no report with cue "${cue}" in: ${text}`);
    return q.text;
  };
  it("a medial attribution after a dash reports the phrase after the dash", () => {
    assert.equal(content("The council passed the budget on Tuesday - a plan, the mayor said, that will cut bus fares.", "said"),
      "a plan, the mayor said, that will cut bus fares");
  });
  it("two dashes set off an aside: the whole sentence stays the report", () => {
    assert.match(content("The budget - which passed on Tuesday - will, the mayor said, cut bus fares.", "said"), /^The budget/);
  });
  it("a medial attribution inside a parenthesis reports the words in it", () => {
    assert.match(content("The senator defended the plan (the cost of which, critics say, will double by 2030) at a town hall.", "say"), /^the cost of which/);
  });
  it("a bare 'So' opening the sentence stays in the report, a linking 'But' does not", () => {
    assert.match(content("So far this year, the city has hired 40 new teachers, the mayor said.", "said"), /^So far this year/);
    assert.match(content("But the city has hired only 40 new teachers, the mayor said.", "said"), /^the city has hired/);
  });
  it("a hyphen inside a word is no dash", () => {
    assert.match(content("The 40-year-old pilot had flown the route for a decade, the airline said.", "said"), /^The 40-year-old pilot/);
  });
  it("a dateline is the wire's, not the report's", () => {
    assert.equal(content("OAKVILLE, Ont., Mar. 3 (UPI) — The port will close for two weeks, according to the harbor authority.", "according to"),
      "The port will close for two weeks");
  });
  it("a capitalised word without a dash after it is no dateline", () => {
    assert.match(content("OAKVILLE will close its port for two weeks, according to the harbor authority.", "according to"), /^OAKVILLE will close/);
  });
});

describe("a report inside an embedded clause ends before the main clause", () => {
  const byCue = (text: string, cue: string) => {
    const qs = runQuotes(text).filter((q) => q.kind === "indirect" && q.cue?.text === cue);
    assert.equal(qs.length, 1, `expected one report cued by "${cue}" in: ${text}\n${runQuotes(text).map(brief).join("\n")}`);
    return qs[0]!;
  };
  it("a cue in a fronted adjunct: the content stops at the comma before the main clause", () => {
    assert.equal(byCue("With farmers worried about a shortage of seasonal workers, the ministry is launching a new visa program.", "worried about").text, "a shortage of seasonal workers");
    assert.equal(byCue("Lest readers think that the festival was a failure, the organizers published the attendance figures.", "think").text, "the festival was a failure");
  });
  it("a cue in a relative clause set off by commas: the content stops before the main verb", () => {
    assert.equal(byCue("The union, whose leaders argued that the contract was unfair, has called a strike for Friday.", "argued").text, "the contract was unfair");
  });
  it("not a parenthetical cue whose content is the main clause, nor a cue in the main clause", () => {
    assert.equal(byCue("As the minister said, the budget will not balance until 2030.", "said").text, "the budget will not balance until 2030");
    assert.equal(byCue("When the storm came, the mayor said that if the river rises, the bridge will close.", "said").text, "if the river rises, the bridge will close");
    assert.equal(byCue("The mayor said that if the river rises, the bridge will close.", "said").text, "if the river rises, the bridge will close");
  });
});

describe("indirect quotes: a classifier's report that ends a quotation keeps its closing mark", () => {
  const byCueWord = (text: string, cue: string) => {
    const q = runQuotes(text).find((x) => x.kind === "indirect" && x.cue?.text === cue);
    assert.ok(q, `no report on "${cue}" in: ${text}`);
    return q!;
  };
  it("a title-case headline with single curly marks: the stop and the mark inside them stay", () => {
    const q = byCueWord("Governor Ruiz Says Her Rival ‘Makes Voters Angry.’\n\nThe governor spoke on Monday in Albany.", "Says");
    assert.equal(q.text, "Her Rival ‘Makes Voters Angry.’");
  });
  it("a paired quotation closing the report no longer rules the report out", () => {
    const q = byCueWord("The council met on Monday. Supporters of the plan, however, say it would keep enough money in place by having the state act as a “referee.”", "say");
    assert.equal(q.text, "it would keep enough money in place by having the state act as a “referee.”");
  });
  it("not a quotation with a cue of its own inside the report: it stays the direct quote's", () => {
    const qs = runQuotes("The mayor spoke on Monday. Asked whether the budget would pass, Ruiz smiled and said, “We will see.”");
    const direct = qs.find((q) => q.kind === "direct");
    assert.equal(direct?.text, "We will see.");
    for (const q of qs.filter((x) => x.kind === "indirect")) assert.ok(!q.text.includes("We will see"), brief(q));
  });
  it("a mark that closes nothing opened in the report is not taken (a possessive, a quotation opened before it)", () => {
    const q = byCueWord("Governor Ruiz Says Her Rival Will Lose The Voters’ Trust\n\nThe governor spoke on Monday in Albany.", "Says");
    assert.ok(!/’$/.test(q.text), q.text);
  });
});

describe("indirect quotes: fronted and set-off participles, long adjuncts after 'that,', stances, relative objects", () => {
  const indirect = (text: string) => runQuotes(text).filter((q) => q.kind === "indirect");
  it("a fronted participle's report stands beside the main clause's, both the subject's", () => {
    const qs = indirect("Noting that the river had flooded twice, the mayor said the levee would be rebuilt.");
    assert.deepEqual(qs.map((q) => [q.cue?.text, q.speaker?.name, q.text]), [
      ["Noting", "the mayor", "that the river had flooded twice"],
      ["said", "the mayor", "the levee would be rebuilt"],
    ]);
  });
  it("a participle set off between a subject and its verb reports its object for that subject", () => {
    const qs = indirect("Okafor, citing figures from the transport ministry, said that bus ridership fell by a third.");
    const citing = qs.find((q) => q.cue?.text === "citing");
    assert.equal(citing?.speaker?.name, "Okafor");
    assert.equal(citing?.text, "figures from the transport ministry");
    assert.ok(qs.some((q) => q.cue?.text === "said" && q.text === "bus ridership fell by a third"));
  });
  it("…not one whose preposition names the medium ('writing in a trade journal')", () => {
    const qs = indirect("Okafor, writing in a trade journal, said that bus ridership fell by a third.");
    assert.deepEqual(qs.map((q) => q.cue?.text), ["said"]);
  });
  it("an adjunct the complementiser's comma sets off may be long and hold commas of its own", () => {
    const q = reported("Analysts familiar with the fund said that, during the years when Lutz and Varga ran the board together, Varga was also advising a rival bank.");
    assert.equal(q.speaker?.name, "Analysts familiar with the fund");
    assert.equal(q.text, "during the years when Lutz and Varga ran the board together, Varga was also advising a rival bank");
  });
  it("a stance adjective after 'be' with a 'that' clause reports for the subject", () => {
    const q = reported("The coach's assistants were optimistic that the team would reach the final.");
    assert.equal(q.cue?.text, "optimistic");
    assert.equal(q.speaker?.name, "The coach's assistants");
    assert.equal(q.text, "the team would reach the final");
  });
  it("…not an impersonal 'it is clear that'", () => {
    assert.deepEqual(indirect("It is clear that the bridge needs repair."), []);
  });
  it("a relative pronoun the object of a stance verb with nothing after it is that subject's report", () => {
    const q = indirect("The council rejected the zoning plan, which Mayor Dunmore strongly opposed.").find((x) => x.text === "which");
    assert.equal(q?.cue?.text, "opposed");
    assert.match(q?.speaker?.name ?? "", /Dunmore/);
  });
  it("…not when the verb has more after it, nor after a preposition", () => {
    assert.ok(!indirect("The council rejected the zoning plan, which Mayor Dunmore opposed in a letter to the board.").some((q) => q.text === "which"));
    assert.ok(!indirect("The report, in which Dunmore opposed the plan, was long.").some((q) => q.text === "which"));
  });
});

describe("indirect quotes: a quoted show title before the cue", () => {
  it("the title names a show, and the cue after it reports for the subject", () => {
    const q = reported("Later on ''Morning Drive,'' Senator Dana Pruitt questioned the mayor's budget figures.");
    assert.equal(q.cue?.text, "questioned");
    assert.match(q.speaker?.name ?? "", /Dana Pruitt/);
    assert.equal(q.text, "the mayor's budget figures");
  });
  it("…while a quotation with no word that introduces a title is still said by its speaker", () => {
    const qs = runQuotes('"Morning Drive," Dana Pruitt said.');
    assert.deepEqual(qs.map((q) => [q.kind, q.cue?.text]), [["direct", "said"]]);
  });
  it("a speech verb's dash aside stands whole between the cue and its 'that'", () => {
    const q = reported("The treasurer said — in a memo, as it turned out — that the fund was nearly empty.");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.text, "the fund was nearly empty");
  });
  it("an adverbial aside between commas right after a speech verb", () => {
    const q = reported("The coach added, however, that his players had trained hard all week.");
    assert.equal(q.cue?.text, "added");
    assert.equal(q.text, "his players had trained hard all week");
  });
  it("…but not after a noun the classifier took for a cue", () => {
    assert.deepEqual(runQuotes("Despite its grand aims, though, the league is losing money.").filter((q) => q.kind === "indirect"), []);
  });
  it("'be quick/eager to' and a speech verb are one cue", () => {
    const q = reported("Union leaders were quick to point out that wages had not risen in a decade.");
    assert.equal(q.cue?.text, "were quick to point out");
    assert.equal(q.text, "wages had not risen in a decade");
  });
  it("'be eager to' and another verb: the adjective is the cue, the infinitive the content", () => {
    const q = reported("The new manager is eager to rebuild the team before the season starts.");
    assert.equal(q.speaker?.name, "The new manager");
    assert.equal(q.cue?.text, "is eager");
    assert.equal(q.text, "to rebuild the team before the season starts");
  });
  it("…not an adjective without 'be' before it, nor one that takes no infinitive", () => {
    assert.deepEqual(runQuotes("An eager crowd waited outside the hall for hours.").filter((q) => q.kind === "indirect"), []);
    assert.deepEqual(runQuotes("The new manager is eager for a win before the season starts.").filter((q) => q.kind === "indirect"), []);
  });
  it("'be widely seen as': the cue is cut out of the content (subject and complement), and nobody is the source", () => {
    const q = reported("The new stadium deal was widely seen as a gift to the team's owners.");
    assert.equal(q.cue?.text, "was widely seen as");
    assert.equal(q.speaker, undefined);
    assert.equal(q.text, "The new stadium deal was widely seen as a gift to the team's owners");
    assert.equal(q.asides?.length, 1);
  });
  it("…not after a possessive 's, nor inside a relative clause", () => {
    assert.ok(!runQuotes("The team's widely praised new coach arrived at the parade.").some((q) => /widely/.test(q.cue?.text ?? "")));
    assert.ok(!runQuotes("The mayor, whose budget was widely seen as reckless, left the hall early.").some((q) => q.cue?.text === "was widely seen as"));
  });
});

describe("indirect quotes: where an object report ends", () => {
  const contentOf = (text: string, cue: RegExp) => runQuotes(text).find((q) => q.kind === "indirect" && cue.test(q.cue?.text ?? ""))?.text;
  it("an adjunct after an infinitive is the plan's: the report runs on past it", () => {
    assert.equal(contentOf("The mayor pledged to rebuild the old bridge before the winter storms arrive.", /pledged/), "to rebuild the old bridge before the winter storms arrive");
    assert.equal(contentOf("The union wants to settle the dispute during the next round of talks.", /wants/), "to settle the dispute during the next round of talks");
  });
  it("an adjunct after a verb inside the object is that verb's", () => {
    assert.equal(contentOf("The ministry blamed the contractor for skipping inspections while the tunnel was being dug.", /blamed/), "the contractor for skipping inspections while the tunnel was being dug");
    assert.equal(contentOf("The residents urged the board to repave the road before the school year starts.", /urged/), "the board to repave the road before the school year starts");
  });
  it("negative: after a plain object, a reason, or an infinitive that reports in turn, the adjunct is the writer's", () => {
    assert.equal(contentOf("The council criticized the new stadium during a heated meeting.", /criticized/), "the new stadium");
    assert.equal(contentOf("Local officials praised the firefighters after the blaze.", /praised/), "the firefighters");
    assert.equal(contentOf("The coach decided to rest his starters because of the heat.", /decided/), "to rest his starters");
    assert.equal(contentOf("The senator refused to endorse the governor during a televised address.", /refused/), "the governor");
  });
  it("an aside between two dashes inside the object is passed over", () => {
    assert.equal(contentOf("The agency called for a review of the program — including its total cost — of each region.", /called/), "a review of the program — including its total cost — of each region");
    assert.equal(contentOf("The agency called for a full audit — or at least a partial one — of the regional offices.", /called/), "a full audit — or at least a partial one — of the regional offices");
  });
  it("negative: a dash before a second predicate, or an apposition between dashes, ends the object", () => {
    assert.equal(contentOf("She praised the new budget — a costly one — and vowed to defend it.", /praised/), "the new budget");
    assert.equal(contentOf("Note: the governor is a builder who has often pledged to tax all yachts — 3,000 vessels in the state — from next year.", /pledged/), "to tax all yachts");
  });
  it("a percent sign at the end of the sentence stays with its number", () => {
    assert.equal(contentOf("The county clerk announced that turnout in the spring election was a record 41%.", /announced/), "turnout in the spring election was a record 41%");
    // (negative: the full stop itself is still left out)
    assert.equal(contentOf("The county clerk announced that turnout in the spring election was a record.", /announced/), "turnout in the spring election was a record");
  });
});
