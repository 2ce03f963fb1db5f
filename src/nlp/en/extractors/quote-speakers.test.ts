// Speaker spans of reported speech: participles, coordinated verbs, fronted adjuncts, passives, raising verbs, appositions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Quote } from "../../../core/annotations.js";
import { brief, runQuotes } from "./quotes.test-helpers.js";

/** The quote whose cue is `cue` (exactly one), and its speaker span as written. */
const byCue = (text: string, cue: string): { q: Quote; span: string | undefined } => {
  const qs = runQuotes(text).filter((x) => x.cue?.text === cue);
  assert.equal(qs.length, 1, `expected one quote with cue "${cue}" in:\n${runQuotes(text).map(brief).join("\n")}`);
  const q = qs[0]!;
  return { q, span: q.speaker?.span ? text.slice(q.speaker.span[0], q.speaker.span[1]) : undefined };
};

describe("quote speakers: participles and coordinated verbs", () => {
  it("a participle after a comma takes the sentence's subject, not the place the comma closes", () => {
    const text = "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that the epidemic of police killings should be recognized as a crisis.";
    assert.equal(byCue(text, "arguing").span, "Hillary Clinton");
  });
  it("a fronted adjunct before the subject is passed over", () => {
    const text = "On Thursday, however, Trump spoke to a gathering of fracking industry leaders, promising to lift environmental regulations.";
    assert.equal(byCue(text, "promising").span, "Trump");
  });
  it("a participle after a preposition's object reports for the clause's subject, with its of-phrase", () => {
    const text = "In late September, a group of black parents sent a letter to the NAACP board urging them to reconsider.";
    const { q, span } = byCue(text, "sent a letter to the NAACP board urging");
    assert.equal(span, "a group of black parents");
    assert.equal(q.speaker?.name, "a group of black parents");
  });
  it("a participle after an adverb is no report of the adverb", () => {
    const text = "The GOP nominee complained about his mic the morning after the debate, even suggesting he may have been sabotaged.";
    assert.equal(byCue(text, "suggesting").span, "The GOP nominee");
  });
  it("a cue after 'and' shares a subject whose verb is a past tense the finite list lacks", () => {
    const text = `Cruz exhorted Republicans to "vote your conscience" and said he was standing on truth and principle.`;
    assert.equal(byCue(text, "said").span, "Cruz");
  });
  it("'but also' and ', and has' between the conjunction and the cue", () => {
    assert.equal(byCue("His ex-wife agreed, but also contended that she should not have to sacrifice her privacy.", "contended").span, "His ex-wife");
    const text = "Mr. Trump has attacked loopholes that benefit others, and has called for eliminating the tax treatment of carried interest.";
    assert.equal(byCue(text, "called for").span, "Mr. Trump");
  });
  it("a quantifier floated off the subject ('X and Y both said', 'have all argued') is passed over", () => {
    assert.equal(byCue("Garcia and Lund both stressed that the budget was balanced.", "stressed").span, "Garcia and Lund");
    assert.equal(byCue("The three mayors have all argued that the tax is unfair.", "argued").span, "The three mayors");
    // (opening the clause, or after a conjunction, it is the subject itself)
    assert.equal(byCue("Both said that the budget was balanced.", "said").span, "Both");
    assert.equal(byCue("The two rivals met twice. And both vowed to keep campaigning.", "vowed").span, "both");
  });
  it("a time between a name and its verb is no part of the speaker ('X (D-Ore.) last week said')", () => {
    assert.equal(byCue("Senator Jane Roe (D-Ore.) last week said the bill would pass.", "said").span, "Senator Jane Roe (D-Ore.)");
    assert.equal(byCue("The Harbor Authority on Monday announced that the port would close.", "announced").span, "The Harbor Authority");
    // (after a common noun or a reduced relative PolNeAR keeps it in the source: "a survey released by X last week")
    assert.equal(byCue("A survey released by the Transit Agency last week found that ridership fell.", "found").span, "A survey released by the Transit Agency last week");
  });
  it("a capitalised 'May' after a name is the name's, not a modal", () => {
    const text = "British Prime Minister Theresa May said this week that the country would formally declare its intention to leave.";
    const { q, span } = byCue(text, "said");
    assert.equal(span, "British Prime Minister Theresa May");
    assert.equal(q.text, "the country would formally declare its intention to leave");
  });
  it("a relative pronoun naming nobody known is not replaced by the sentence's subject", () => {
    const text = "The video has become a focal point for demonstrators here, who have taken to the city's streets and called for footage to be released.";
    const qs = runQuotes(text).filter((x) => x.cue?.text === "called for");
    assert.ok(qs.every((q) => q.speaker?.name !== "The video"), qs.map(brief).join("\n"));
  });
});

describe("quote speakers: participles after a report", () => {
  it("a participle after a quotation's attribution speaks for its speaker", () => {
    const text = `"We have come a pretty long way in the last nine months," he said, noting that at one point earlier in the campaign he had trailed Clinton by 50 points.`;
    assert.equal(byCue(text, "noting").span, "he");
  });
  it("adverbs after the comma, and ', then' with a past tense", () => {
    const text = `"For the next several months, he will have the loudest voice," he said, not even suggesting Mr. Trump could keep the party's loudest voice.`;
    assert.equal(byCue(text, "not even suggesting").span, "he");
    assert.equal(byCue(`"We know we have got work to do," she told a cheering crowd, then referred to the slogan.`, "referred").span, "she");
  });
  it(`'adding that "…"': a quotation may open the participle's content after its complementiser`, () => {
    const text = `"It's not new in Virginia," said Rep. Bobby Scott at the time, adding that "we've been electing African-Americans to office for a long time."`;
    const { q, span } = byCue(text, "adding");
    assert.equal(span, "Rep. Bobby Scott");
    assert.match(q.text, /^we've been electing/);
  });
  it("a progressive is no participle clause: the subject before its apposition speaks", () => {
    const text = "Ted Cruz, who won Oklahoma and his home state of Texas, is calling for some of his Republican rivals to drop out.";
    assert.equal(byCue(text, "calling for").span, "Ted Cruz");
  });
  it("a capitalised 'Times' names a paper, not a time", () => {
    assert.equal(byCue("The Times said Cook provided a written statement in response to the inquiries.", "said").span, "The Times");
  });
});

describe("quote speakers: passives and raising verbs", () => {
  it("the subject of a passive cue is nobody's source", () => {
    const { q } = byCue("Mr. Quiros was accused of using $50 million for personal expenses.", "accused");
    assert.equal(q.speaker, undefined);
  });
  it("a passive's agent after 'by' is the source, its subject what was reported", () => {
    const text = "The registration issue was first reported by The Washington Post.";
    const { q, span } = byCue(text, "reported");
    assert.equal(span, "The Washington Post");
    assert.equal(q.text, "The registration issue");
  });
  it("a participle of feeling keeps its subject as the one who holds the view", () => {
    const text = "Some Democrats are concerned that the tactics could make it more difficult to unite the party.";
    assert.equal(byCue(text, "concerned").span, "Some Democrats");
  });
  it("'seems' and an expletive 'it appeared' report nobody", () => {
    for (const [text, cue] of [["Now Melania seems to have vanished from the campaign trail.", "seems"], ["Often, it appeared that Trump was unable to parlay the assault.", "appeared"]] as const) {
      for (const q of runQuotes(text).filter((x) => x.cue?.text === cue)) assert.equal(q.speaker, undefined, brief(q));
    }
  });
});

describe("quote speakers: the mention as written", () => {
  it("a description before the name between commas is part of the mention; the name stays the name", () => {
    const text = "The state’s campaign chairman, Phil Lovas, said he cannot comment on the letter.";
    const { q, span } = byCue(text, "said");
    assert.equal(span, "The state’s campaign chairman, Phil Lovas");
    assert.equal(q.speaker?.name, "Phil Lovas");
  });
  it("a shared subject keeps its apposition, not an aside", () => {
    const text = "Clinton, the former secretary of State, stressed her support of the raid and said she has the essential quality for the job.";
    assert.equal(byCue(text, "said").span, "Clinton, the former secretary of State");
    const aside = "Clinton, like Obama, has encouraged European nations to bolster defense spending but has said she will hold firm to defense commitments.";
    assert.equal(byCue(aside, "said").span, "Clinton");
  });
  it("nouns after a capitalised modifier and a coordinated second subject belong to the subject", () => {
    const text = "Foreign policy analysts said geopolitical factors have contributed to the appeal, citing the strategic importance of the nation.";
    assert.equal(byCue(text, "citing").span, "Foreign policy analysts");
    const both = "The New York Times and the Gannett newspaper chain filed a motion to unseal the records, arguing the move was needed.";
    assert.equal(byCue(both, "arguing").span, "The New York Times and the Gannett newspaper chain");
  });
  it("'according to' at the end takes the whole phrase up to the sentence's end", () => {
    const text = "Police have no immediate plans to release the recordings, according to attorneys for the family.";
    assert.equal(byCue(text, "according to").span, "attorneys for the family");
  });
  it("…but not a time after it", () => {
    const text = "Turnout in the county rose by a third, according to a tally on Monday.";
    assert.equal(byCue(text, "according to").span, "a tally");
  });
});

describe("quote speakers: direct quotes", () => {
  it("two appositions between the speaker and the cue after a quotation", () => {
    const text = "“It’s an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at an event.";
    const q = runQuotes(text).find((x) => x.kind === "direct")!;
    assert.equal(q.speaker?.name, "Scott Pruitt");
    assert.equal(q.cue?.text, "said");
  });
  it("a party tag in parentheses, a middle initial and an abbreviated title stay in the speaker's mention", () => {
    const tag = `"Immunity deals should not be a requirement," Oversight Chairman Jason Chaffetz (R-Utah) said in a statement.`;
    const q = runQuotes(tag).find((x) => x.kind === "direct")!;
    assert.equal(tag.slice(...q.speaker!.span!), "Oversight Chairman Jason Chaffetz (R-Utah)");
    assert.equal(runQuotes(`"The Donald has woken communities of color," ― Julie A. Diaz Martinez.`)[0]?.speaker?.name, "Julie A. Diaz Martinez");
    const title = `"This is a waste of time," said Del. Stacey Plaskett.`;
    const d = runQuotes(title)[0]!;
    assert.equal(title.slice(...d.speaker!.span!), "Del. Stacey Plaskett");
  });
  it("a participle introducing a quotation reports for the subject that opens its sentence", () => {
    const text = "Dean, a former Democratic National Committee chairman, poked at Trump's sniffing during the debate, tweeting, “Notice Trump sniffing all the time.”";
    const q = runQuotes(text).find((x) => x.kind === "direct")!;
    assert.equal(q.speaker?.name, "Dean");
    assert.equal(q.cue?.text, "tweeting");
  });
});

describe("quote speakers: no speaker for words that nobody says", () => {
  it("a title in quotation marks next to a passive gets no speaker", () => {
    const text = "Following an outcry from victims’ groups, the bill, known as the “Justice Against Sponsors of Terrorism Act” was passed by Congress with wide support.";
    for (const q of runQuotes(text)) assert.equal(q.speaker, undefined, brief(q));
  });
  it("a nickname and a headline in quotation marks get no speaker", () => {
    for (const text of [
      `Scott's niece, state Del. Marcia "Cia" Price, was among the speakers at the rally on Saturday.`,
      "The piece was headlined “The Donald Trump Fan Club,” and ran on the front page.",
    ]) {
      for (const q of runQuotes(text)) assert.equal(q.speaker, undefined, brief(q));
    }
  });
});

describe("quote speakers: the extent of the subject (second round)", () => {
  it("a name after a fronted adjunct and its comma, with an apposition before the cue", () => {
    const text = "In his response, Steve Coll, the dean of the journalism school, said on Tuesday that he had examined the allegations.";
    assert.equal(byCue(text, "said").span, "Steve Coll");
  });
  it("a described speaker after the cue keeps a place phrase that ends the sentence", () => {
    assert.equal(byCue(`"It got heated," said one GOP source in the room.`, "said").span, "one GOP source in the room");
    // (a phrase that goes on is left out: "in a statement" is the cue's)
    assert.equal(byCue(`"We will win," said one aide in a statement on Friday.`, "said").span, "one aide");
    assert.equal(byCue(`"We will win," said Jane Doe in Boston.`, "said").span, "Jane Doe");
  });
  it("determiners in a row open one speaker phrase after the cue", () => {
    assert.equal(byCue(`"We will win," said several other officials.`, "said").span, "several other officials");
  });
  it("a hedge and a share open the subject", () => {
    assert.equal(byCue("Not everyone finds that the plan is appealing.", "finds").span, "Not everyone");
    assert.equal(byCue("Less than a third of voters believe that he will win.", "believe").span, "Less than a third of voters");
  });
  it("a relative clause on the subject: its object is not the speaker", () => {
    const text = "Surety companies that had insured Patriot's reclamation obligations agreed that the bonds would be released.";
    assert.equal(byCue(text, "agreed").span, "Surety companies that had insured Patriot's reclamation obligations");
  });
  it("a group noun after a passive cue keeps its 'of' phrase", () => {
    const text = "Those views were echoed by a number of tax experts I spoke to this week about the tax plans.";
    assert.equal(byCue(text, "echoed").span, "a number of tax experts I spoke to this week about the tax plans");
  });
  it("a naming 'called' gets no speaker", () => {
    for (const text of ["His group, called the Conservation Legacy Fund, bought the mines.", "Activists set up a website called Cape Breton If Trump Wins."]) {
      for (const q of runQuotes(text)) assert.equal(q.speaker, undefined, brief(q));
    }
  });
});

describe("quote speakers: a cue word as the head noun of the source", () => {
  // a word the lexicon knows as a cue verb ("report", "statement") ends a subject scanned backwards, except after a
  // determiner or a possessive, where it is the subject's head noun
  it("'…, the report says': a document after its determiner is the source", () => {
    assert.equal(byCue("Mills was aware of the inquiry into the server, the report says.", "says").span, "the report");
  });
  // (PolNeAR train keeps the reduced relative in the source, 13 of 14: "New polls released Sunday showed")
  it("'A report released last year found that …': with its reduced relative", () => {
    assert.equal(byCue("A report released last year found that the agency could not trace the money.", "found").span, "A report released last year");
  });
  it("'Some 56 percent of voters polled said …': the people a poll asked, with the participle", () => {
    assert.equal(byCue("Some 56 percent of voters polled said the economy was the top issue.", "said").span, "Some 56 percent of voters polled");
  });
  it("after a possessive: 'The group's statement said …'", () => {
    assert.equal(byCue("The group's statement said the vote had been rigged.", "said").span, "The group's statement");
  });
});

describe("quote speakers: extent of a subject before its cue", () => {
  it("a reduced relative keeps its day: 'The latest state poll released Friday shows …'", () => {
    const { q, span } = byCue("The latest state poll released Friday shows that the race for governor is tied.", "shows");
    assert.equal(span, "The latest state poll released Friday");
    assert.equal(q.speaker?.name, "The latest state poll");
  });
  it("a day between a name and its cue is still no part of the name ('Sanders on Tuesday said')", () => {
    assert.equal(byCue("Senator Ruth Engel on Tuesday said the race was not over.", "said").span, "Senator Ruth Engel");
  });
  it("a description, then a name with its place after 'of': 'Another analyst, Paul Greer of Denver University, said'", () => {
    const { q, span } = byCue("The poll was mixed. Another analyst, Paul Greer of Denver University, said his survey showed a tie.", "said");
    assert.equal(span, "Another analyst, Paul Greer of Denver University");
    assert.equal(q.speaker?.name, "Paul Greer");
  });
  it("a name's party and state after it is no name of its own: 'Senator Ada Moss, Democrat of Ohio, said'", () => {
    const { span } = byCue("The vote was close. Senator Ada Moss, Democrat of Ohio, said the bill would pass next week.", "said");
    assert.equal(span, "Senator Ada Moss");
  });
  it("a description, the name and its apposition: 'Ohio's treasurer, Dan Reyes, a Democrat, said'", () => {
    const { q, span } = byCue("The plan drew fire. Ohio's treasurer, Dan Reyes, a Democrat, said Tuesday that he had voted against it.", "said");
    assert.equal(span, "Ohio's treasurer, Dan Reyes, a Democrat");
    assert.equal(q.speaker?.name, "Dan Reyes");
  });
  it("an aside after the name is left out: 'The firm's chief executive, Ann Ruiz, of course, said'", () => {
    const { q, span } = byCue("The company disagreed. The firm's chief executive, Ann Ruiz, of course, said that the timing was unrelated.", "said");
    assert.equal(span, "The firm's chief executive, Ann Ruiz");
    assert.equal(q.speaker?.name, "Ann Ruiz");
  });
});

describe("quote speakers: a town and its state in a speaker's description", () => {
  it("the state after a town closes the apposition, not a name: 'Dale Pruitt, a welder from Dayton, Ohio, says'", () => {
    const { q, span } = byCue("The crowd was loud. Dale Pruitt, a 61-year-old welder from Dayton, Ohio, says he will vote for the senator.", "says");
    assert.equal(span, "Dale Pruitt");
    assert.equal(q.speaker?.name, "Dale Pruitt");
  });
  it("'Mona Reed of Tulsa, Oklahoma says': the person, the town and the state", () => {
    const { q, span } = byCue("The line was long. Mona Reed of Tulsa, Oklahoma says the race is close.", "says");
    assert.equal(span, "Mona Reed of Tulsa, Oklahoma");
    assert.equal(q.speaker?.name, "Mona Reed");
  });
  it("a name that starts like a state is still the name: 'The governor of Texas, Georgia Vance, said'", () => {
    const { q } = byCue("The bill stalled. The governor of Texas, Georgia Vance, said the session would end early.", "said");
    assert.equal(q.speaker?.name, "Georgia Vance");
  });
});

describe("quote speakers: a described speaker after its cue", () => {
  it("keeps its post-modifier up to the sentence end or a comma ('said a longtime adviser to the governor')", () => {
    assert.equal(byCue(`"It will pass," said a longtime adviser to the governor.`, "said").span, "a longtime adviser to the governor");
    assert.equal(byCue(`"Nothing is settled," said one person familiar with the talks, who asked not to be named.`, "said").span, "one person familiar with the talks");
    assert.equal(byCue("The plant will close next year, according to a person involved in the sale.", "according to").span, "a person involved in the sale");
    assert.equal(byCue(`"We built it to last," said the man who designed the bridge.`, "said").span, "the man who designed the bridge");
  });
  it("leaves a name's place, a time and a medium after it alone", () => {
    assert.equal(byCue(`"It will pass," said Jane Doe in Ohio.`, "said").span, "Jane Doe");
    assert.equal(byCue(`"It will pass," said a spokesman on Monday.`, "said").span, "a spokesman");
    assert.equal(byCue(`"It will pass," said an aide to the governor in an interview, adding that the vote was close.`, "said").span, "an aide");
  });
  it("reads no object of a participle as its speaker ('…, reciting the taunt of the woman')", () => {
    const text = `"You knew who I was before you took me in," the candidate told the crowd, reciting the taunt of the dying woman.`;
    const qs = runQuotes(text);
    assert.ok(!qs.some((q) => q.speaker?.span && /taunt|woman/.test(text.slice(q.speaker.span[0], q.speaker.span[1]))), qs.map(brief).join("\n"));
  });
});

describe("quote speakers: a quoted title in the apposition", () => {
  it("the apposition's comma inside a title's closing mark still closes it ('host of \"Morning Show,\" said')", () => {
    assert.equal(byCue(`Ann Lee, host of "Morning Show," suggested that the party would split.`, "suggested").span, "Ann Lee");
    assert.equal(byCue(`Ben Ortiz, author of “The Long Road,” argued that the law was flawed.`, "argued").span, "Ben Ortiz");
  });
  it("a quotation after a comma or opening the clause is what was said, not a title", () => {
    const text = `"We will win," Ann Lee said.`;
    const q = runQuotes(text).find((x) => x.cue?.text === "said");
    assert.equal(q?.kind, "direct");
    assert.equal(q?.text, "We will win");
    // a lower-case quotation is no title: the apposition reading does not start
    assert.ok(!runQuotes(`He called it "a disgrace," she said.`).some((x) => x.speaker?.name === "He" && x.kind === "indirect" && x.cue?.text === "said"));
  });
});

describe("quote speakers: groups and described sources", () => {
  it("a capitalised group's plural before a poll participle is the speaker ('Many Cuban-Americans polled said')", () => {
    assert.equal(byCue("Many Cuban-Americans polled said they were less likely to vote this year.", "said").span, "Many Cuban-Americans polled");
    assert.equal(byCue("Most Democrats surveyed say the economy matters most.", "say").span, "Most Democrats surveyed");
    // (a name before the participle stays no group: "Tom Jones interviewed …" is no poll's sample)
    assert.ok(!runQuotes("Tom Jones interviewed said the economy matters most.").some((q) => q.speaker?.span && /interviewed/.test(`Tom Jones interviewed said the economy matters most.`.slice(q.speaker.span[0], q.speaker.span[1]))));
  });
  it("a medial source with an adjective and its complement ('…, people close to the mayor said, …') is whole", () => {
    const text = "The mere mention of the bridge, people close to the mayor said, could make him furious.";
    const { q, span } = byCue(text, "said");
    assert.equal(span, "people close to the mayor");
    assert.match(q.text, /could make him furious$/);
    assert.equal(byCue("The talks collapsed on Monday, those familiar with the negotiations said.", "said").span, "those familiar with the negotiations");
  });
  it("a cue word after a determiner in the tail is the adjunct's noun ('…, X said after the attacks.')", () => {
    const { q, span } = byCue("The plan would fail, Ann Lee said after the attacks.", "said");
    assert.equal(span, "Ann Lee");
    assert.equal(q.text, "The plan would fail");
    // (a verb in the tail still makes it no attribution of the sentence before: "…, Ann Lee said she attacks …")
    assert.ok(!runQuotes("The plan would fail, Ann Lee said she attacks it.").some((x) => x.text === "The plan would fail"));
  });
});

describe("quote speakers: a description before the name", () => {
  it("the mention runs from the description opening a subordinate clause, the name stays the name", () => {
    const text = "When the port director, Yuki Sato, said on Tuesday that the docks would reopen, the crews cheered.";
    const { q, span } = byCue(text, "said");
    assert.equal(span, "the port director, Yuki Sato");
    assert.equal(q.speaker?.name, "Yuki Sato");
  });
  it("after a quotation, 'the spokesman, X, told' is the mention as written, the name stays the name", () => {
    const text = '"The talks will go on," the ministry spokesman, Ivo Brandl, told reporters.';
    const { q, span } = byCue(text, "told");
    assert.equal(span, "the ministry spokesman, Ivo Brandl");
    assert.equal(q.speaker?.name, "Ivo Brandl");
  });
  it("negative: a name before its own apposition keeps its span, and a pronoun is no description", () => {
    const text = '"The talks will go on," Ivo Brandl, the ministry spokesman, told reporters.';
    assert.equal(byCue(text, "told").span, "Ivo Brandl");
  });
});

describe("quote speakers: the extent of the subject (third round)", () => {
  it("a description with its own 'of' or place phrase opening the clause, then the name ('One of the board's lawyers, Ana Kemp,')", () => {
    const { q, span } = byCue("One of the board's lawyers, Ana Kemp, said the appeal would fail.", "said");
    assert.equal(span, "One of the board's lawyers, Ana Kemp");
    assert.equal(q.speaker?.name, "Ana Kemp");
    assert.equal(byCue("Another clerk on the night shift, Tom Reyes, said the doors were locked.", "said").span, "Another clerk on the night shift, Tom Reyes");
  });
  it("negative: words with a verb of their own before the name's comma are no description", () => {
    assert.equal(byCue("The lawyers argued in court, Ana Kemp, said the appeal would fail.", "said").span, "Ana Kemp");
  });
  it("an adjective of a described speaker's post-modifier that reads as a verb ('a source close to the talks')", () => {
    assert.equal(byCue(`"It will pass," said a source close to the negotiations.`, "said").span, "a source close to the negotiations");
  });
  it("a possessive relative pronoun before the phrase, a quoted title, the earlier items of a list", () => {
    assert.equal(byCue("The museum, whose director said the roof leaked, will close.", "said").span, "whose director");
    assert.equal(byCue(`"Night Watch" host Ana Kemp said the show would end in May.`, "said").span, `"Night Watch" host Ana Kemp`);
    assert.equal(byCue("Four teachers, two nurses and a janitor said the school was cold.", "said").span, "Four teachers, two nurses and a janitor");
  });
  it("negative: a fronted adjunct is no list item, and a name alone takes no 'whose' or title", () => {
    assert.equal(byCue("At the hearing, Kemp and Lowe said the vote was rushed.", "said").span, "Kemp and Lowe");
    assert.equal(byCue(`"We will win," Ana Kemp said.`, "said").span, "Ana Kemp");
  });
});

describe("quote speakers: heads before a participle or a time", () => {
  it("the head a participle modifies is the subject, with the participle's object ('House Democrats backing | the bill')", () => {
    assert.equal(byCue("House Democrats backing the bill said the vote would be close.", "said").span, "House Democrats backing the bill");
    assert.equal(byCue("A union representing bus drivers endorsed the mayor on Friday.", "endorsed").span, "A union representing bus drivers");
  });
  it("negative: a fronted participle clause is no head ('After meeting the governor the mayor said')", () => {
    assert.equal(byCue("After meeting the governor the mayor said the plan was dead.", "said").span, "the mayor");
  });
  it("a group noun keeps its 'of' phrase across a time before the verb ('A group of nurses | in 2019 sent')", () => {
    const text = "A group of nurses in 2019 sent a letter to the board, calling for a new director.";
    const q = runQuotes(text).find((x) => x.cue?.text.endsWith("calling for"));
    assert.equal(q?.speaker?.span && text.slice(...q.speaker.span), "A group of nurses");
  });
});

describe("quote speakers: dash asides, shares, initials, verb series", () => {
  it("a subject with a dash aside before its verb is written with the aside and its closing dash", () => {
    const text = "Several nurses at the county clinic — including two from the night shift — said the wards were short of staff.";
    assert.equal(byCue(text, "said").span, "Several nurses at the county clinic — including two from the night shift —");
    const hyphens = "Local farmers -- including the Brandt family -- quickly accused the county of ignoring the flood.";
    assert.equal(byCue(hyphens, "accused").span, "Local farmers -- including the Brandt family --");
  });
  it("after a fronted adjunct and its comma, the subject before the dash aside still opens the clause", () => {
    const text = "In the last few weeks, union leaders — and, above all, the dock union chief — insisted that any contract include a raise.";
    assert.equal(byCue(text, "insisted").span, "union leaders — and, above all, the dock union chief —");
  });
  it("negative: an adverbial dash aside leaves the head alone, and a list before the dash is no subject", () => {
    const text = "Ortega — after a long pause — said the vote would wait until spring.";
    assert.equal(byCue(text, "said").span, "Ortega");
    const list = "Other mayors, like Ann Fell, Bo Tarr and Cy Lund ― three former rivals ― have also said they back the plan.";
    assert.notEqual(byCue(list, "said").span, "Bo Tarr and Cy Lund ― three former rivals ―");
  });
  it("a poll's share written with a percent sign opens its clause as the subject", () => {
    const text = "Views split sharply on energy: 38% say the state should build more wind farms.";
    assert.equal(byCue(text, "say").span, "38%");
    const hedged = "About 61% say the levy is too high.";
    assert.equal(byCue(hedged, "say").span, "About 61%");
  });
  it("negative: a percent sign inside a clause is no subject", () => {
    const text = "Prices rose 12% said the report from the bureau.";
    for (const q of runQuotes(text)) assert.notEqual(q.speaker?.name, "12%", brief(q));
  });
  it("a middle initial is no article: the name keeps its first name", () => {
    const text = "Clara B. Hollis, a hydrologist at the state university, said the aquifer was falling.";
    assert.match(byCue(text, "said").span ?? "", /^Clara B\. Hollis/);
  });
  it("an irregular past ends the subject, and a participle after it shares that subject", () => {
    const text = "The senator went further, arguing that the levy would drive families out of the county.";
    assert.equal(byCue(text, "arguing").span, "The senator");
  });
  it("a verb after a comma continues a series of the subject's verbs", () => {
    const text = "Councilwoman Rita Obi slams the budget, praises the mayor as a careful manager.";
    assert.equal(byCue(text, "praises").span, "Councilwoman Rita Obi");
    const past = "The water board repeatedly delayed the audit, admitted it lost the records, and fired two clerks.";
    assert.equal(byCue(past, "admitted").span, "The water board");
  });
  it("a past form after a name, then ', then' and the cue: the name speaks", () => {
    const text = "Ostrova paused, then revealed why the clinic had closed.";
    assert.equal(byCue(text, "revealed").span, "Ostrova");
  });
  it("negative: a participle after a comma is no verb of a series, and a noun before the comma no verb", () => {
    const text = "The tentative deal, announced Friday, would last four years.";
    for (const q of runQuotes(text)) assert.notEqual(q.speaker?.name, "The tentative", brief(q));
  });
  it("a thing's relative clause: its pronoun is the coordinated cue's source, and no one after a form of 'be'", () => {
    const text = "The mayor praised the tenants' union, which largely backs the levy and ranks it as the city's top priority.";
    assert.equal(byCue(text, "ranks").span, "which");
    const passive = "The plan came a week after the summit in Lisbon, which is the alliance's seat and considered the only venue that can host it.";
    for (const q of runQuotes(passive)) assert.notEqual(q.speaker?.name, "The plan", brief(q));
  });
});

describe("quote speakers: 'another', a fronted time without its comma, an expletive 'it'", () => {
  it("'another' alone opens its clause as the subject, before or after the cue", () => {
    const text = "One analyst says the mill will close, while another says it will be sold.";
    assert.equal(runQuotes(text).find((q) => q.text.startsWith("it will be sold"))?.speaker?.name, "another");
    const after = '"Keep the bridge open," tweeted another.';
    assert.equal(byCue(after, "tweeted").span, "another");
  });
  it("negative: 'another' before a noun is a determiner of the subject", () => {
    const text = "Another resident said the bridge was unsafe.";
    assert.equal(byCue(text, "said").span, "Another resident");
  });
  it("a fronted adjunct ending with a time and no comma: the name after it is the subject", () => {
    const text = "On Friday morning Mayor Ruth Abend cut the ribbon at the depot, saying that the trains would run by May.";
    assert.equal(byCue(text, "saying").span, "Mayor Ruth Abend");
  });
  it("an expletive 'it' before 'be' speaks for no participle; a clause after 'but' gives its own subject", () => {
    const none = "It was a memo urging the board to sell the depot.";
    for (const q of runQuotes(none)) assert.notEqual(q.speaker?.name, "It", brief(q));
    const but = "It is a long shot, but Dana Ruiz was in Toledo on Monday, urging voters to back the levy.";
    assert.equal(byCue(but, "urging").span, "Dana Ruiz");
  });
  it("negative: 'it' as a progressive's subject still speaks", () => {
    const text = "The board met on Monday. It is holding firm on the price, citing the pending audit.";
    assert.equal(byCue(text, "citing").span, "It");
  });
});

describe("quote speakers: title-case headlines", () => {
  it("a capitalised adverb before a capitalised verb is neither the name's nor the verb's subject", () => {
    const text = "Governor Ada Voss Just Announced Her Pick For The Supreme Court.";
    assert.equal(byCue(text, "Announced").span, "Governor Ada Voss");
  });
  it("negative: a capitalised noun before the verb is no adverb, it stays the subject's", () => {
    const text = "The Voss Campaign Announced Its New Slogan For The Fall.";
    assert.equal(byCue(text, "Announced").span, "The Voss Campaign");
  });
});

describe("quote speakers: a name after 'as' with its apposition", () => {
  it("'As X, a description, put it' keeps X as the speaker", () => {
    const text = "As Ana Lind, a historian at the state college, put it, \"The town never recovered.\"";
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.equal(q?.speaker?.name, "Ana Lind");
  });
  it("negative: after 'such as' the name is a list's example, not the subject", () => {
    const text = "Critics such as Ana Lind, a historian at the state college, said the town never recovered.";
    assert.notEqual(byCue(text, "said").span, "Ana Lind, a historian at the state college");
  });
});
