// Direct quotes: marks of every kind, speaker before and after, cues, dashes, nesting, unbalanced marks.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Quote } from "../../../core/annotations.js";
import { brief, runQuotes } from "./quotes.test-helpers.js";

const one = (text: string) => {
  const qs = runQuotes(text).filter((q) => q.kind !== "indirect");
  assert.equal(qs.length, 1, `expected one quote in: ${text}\n${qs.map(brief).join("\n")}`);
  return qs[0]!;
};

describe("direct quotes", () => {
  it("speaker after the quotation, cue first: straight marks", () => {
    const q = one(`"We are not going to raise taxes on working families," said Gov. Maria Lopez, a Democrat.`);
    assert.equal(q.kind, "direct");
    assert.equal(q.speaker?.name, "Maria Lopez");
    assert.equal(q.cue?.text, "said");
    assert.match(q.text, /^We are not going to raise taxes/);
  });
  it("speaker after the quotation, name first: curly marks", () => {
    const q = one(`“The numbers simply do not add up,” Henderson said on Tuesday.`);
    assert.equal(q.speaker?.name, "Henderson");
    assert.equal(q.cue?.text, "said");
  });
  it("a light verb's cue takes its tail: 'as X put it'", () => {
    const q = one(`As the county engineer put it, “The bridge was never meant to carry this much traffic.”`);
    assert.equal(q.cue?.text, "put it");
    assert.equal(q.speaker?.name, "the county engineer");
  });
  it("'went on to say, \"…\"': the cue runs back over 'went on to', its subject before it", () => {
    const q = one(`The coach went on to say, “We were outplayed in every part of the field.”`);
    assert.equal(q.cue?.text, "went on to say");
    assert.equal(q.speaker?.name, "The coach");
  });
  it("'wrote on Facebook': the platform joins a written post's cue, not a spoken one's", () => {
    assert.equal(one(`“We will reopen next spring,” the owner wrote on Facebook.`).cue?.text, "wrote on Facebook");
    assert.equal(one(`“We will reopen next spring,” the owner said on Facebook.`).cue?.text, "said");
  });
  it("a pronoun speaker and another cue verb", () => {
    const q = one(`“I have never seen a storm like this in forty years,” she told reporters outside the shelter.`);
    assert.equal(q.speaker?.name, "she");
    assert.equal(q.cue?.text, "told");
  });
  it("a description as speaker", () => {
    const q = one(`"The border will remain open for humanitarian convoys," said the interior minister.`);
    assert.equal(q.speaker?.name, "the interior minister");
  });
  it("guillemets", () => {
    const q = one(`«Nous ne céderons pas», said the French foreign minister.`);
    assert.equal(q.text, "Nous ne céderons pas");
    assert.equal(q.speaker?.name, "the French foreign minister");
  });
  it("speaker before, colon-introduced", () => {
    const q = one(`The company's chief executive, Tom Reyes, wrote in a memo to staff: "This quarter will be difficult for all of us."`);
    assert.equal(q.speaker?.name, "Tom Reyes");
    assert.equal(q.cue?.text, "wrote");
  });
  it("speaker before, comma-introduced", () => {
    const q = one(`Senator Patel told the hearing, "Nobody in this room read the full report before voting."`);
    assert.equal(q.speaker?.name, "Senator Patel");
    assert.equal(q.cue?.text, "told");
  });
  it("a social media post: wrote on X, tweeted, posted", () => {
    assert.equal(one(`"Our hospitals are at capacity and we need help now," wrote Mayor Ellison on X.`).speaker?.name, "Mayor Ellison");
    const t = one(`The senator tweeted: "Tonight's vote is a disgrace to this chamber."`);
    assert.equal(t.cue?.text, "tweeted");
    assert.equal(t.speaker?.name, "The senator");
    assert.equal(one(`Kovacs posted on Facebook: "We will rebuild the bakery, brick by brick."`).cue?.text, "posted on Facebook");
  });
  it("a statement from an organisation names the organisation", () => {
    const q = one(`"The department is reviewing all contracts signed in 2021," said a statement from the Ministry of Health.`);
    assert.equal(q.speaker?.name, "Ministry of Health");
  });
  it("dash attribution", () => {
    const q = one(`"Freedom is never more than one generation away from extinction." — Ronald Reagan`);
    assert.equal(q.speaker?.name, "Ronald Reagan");
  });
  it("an apposition between speaker and cue", () => {
    const q = one(`"The model was wrong from the start," Dr. Amara Okafor, an epidemiologist at the university, said.`);
    assert.equal(q.speaker?.name, "Amara Okafor");
  });
  it("a nested quotation gets its own speaker", () => {
    const qs = runQuotes(`"The ministry keeps promising 'a fair deal for farmers' and nothing changes," said union leader Pavel Dvorak.`);
    const inner = qs.find((q) => q.text.startsWith("a fair deal"));
    const outer = qs.find((q) => q.text.startsWith("The ministry"));
    assert.equal(outer?.speaker?.name, "Pavel Dvorak");
    assert.equal(inner?.speaker?.name, "The ministry");
  });
  it("a quote over several paragraphs: an opening mark on each, one closing mark", () => {
    const qs = runQuotes(`"We lost the first two games and people wrote us off," said coach Dana Reid.\n\n"Then the young players stepped up.\n\n"Nobody expected this run. Nobody," she added.`);
    const multi = qs.find((q) => q.text.includes("young players"));
    assert.ok(multi, qs.map(brief).join("\n"));
    assert.match(multi!.text, /Nobody expected this run/);
    assert.equal(multi!.speaker?.name, "Dana Reid");
  });
  it("an unclosed quotation ends with its paragraph", () => {
    const qs = runQuotes(`"We will appeal this ruling, said attorney Mark Chen.\nThe court adjourned until Monday.`);
    assert.ok(qs.every((q) => !q.text.includes("adjourned")), qs.map(brief).join("\n"));
  });
  it("records the cue span", () => {
    const text = `"Prices will fall by spring," the central bank governor predicted.`;
    const q = one(text);
    assert.equal(q.cue?.text, "predicted");
    assert.equal(text.slice(...q.cue!.span), "predicted");
    assert.equal(text.slice(...q.speaker!.span!), "the central bank governor");
  });
  it("a title before the name", () => {
    const q = one(`"We expect a decision by Friday," Clinton campaign spokesman Brian Fallon said.`);
    assert.equal(q.speaker?.name, "Brian Fallon");
  });
  it("a party tag in parentheses after the name", () => {
    const q = one(`"It's a dog whistle," Rep. Gwen Moore (D-Wis.) said.`);
    assert.equal(q.speaker?.name, "Gwen Moore");
  });
  it("inverted: Said X: \"…\"", () => {
    const q = one(`Said Ellis: "I don't get the sense she's the least bit interested in tax reform."`);
    assert.equal(q.speaker?.name, "Ellis");
  });
  it("doubled apostrophes as quotation marks", () => {
    const q = one(`''This isn't tax reform,'' said Douglas Kerr, an economist in Boston.`);
    assert.equal(q.text, "This isn't tax reform");
    assert.equal(q.speaker?.name, "Douglas Kerr");
  });
});

describe("direct quotes: quotation dashes", () => {
  it("a signature may go on after a comma ('― Name, a nurse')", () => {
    const [q] = runQuotes("“We will not be silenced.” ― Maria Lopez, a nurse from Ohio");
    assert.equal(q?.speaker?.name, "Maria Lopez");
  });
  it("a dash that opens an aside after a quotation names no author", () => {
    const qs = runQuotes(`Critics placed the deal in the "suburbs of the capital" — a metaphor for the Senate's abandonment of principle.`);
    assert.ok(!qs.some((q) => /abandonment/.test(q.speaker?.name ?? "")), qs.map(brief).join("\n"));
  });
  it("'“…” ― Name' hands the quotation to the name after the dash, which is the cue", () => {
    const [q] = runQuotes("“Maybe we can build a wall around him.” ― Steve Quinlan");
    assert.equal(q?.speaker?.name, "Steve Quinlan");
    assert.equal(q?.cue?.text, "―");
    assert.equal(q?.text, "Maybe we can build a wall around him.");
  });
  it("a paragraph that opens with a right mark typed for a left one", () => {
    const [q] = runQuotes("”Fear. I am truly afraid of what comes next.” ― Edwin Monroy");
    assert.equal(q?.speaker?.name, "Edwin Monroy");
    assert.equal(q?.text, "Fear. I am truly afraid of what comes next.");
  });
});

describe("direct quotes: introduced at the end of the paragraph before", () => {
  it("'X reports:' closing a paragraph hands it the quotation that opens the next", () => {
    const [q] = runQuotes(`The New York Times reports:\n\n"Only a quarter of donors have given before."`);
    assert.equal(q?.speaker?.name, "The New York Times");
    assert.equal(q?.cue?.text, "reports");
  });
  it("a party and state tag after the name is part of the apposition, not the speaker ('McConnell, R-Ky., said')", () => {
    const text = "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.";
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.equal(text.slice(...q!.speaker!.span!), "Senate Majority Leader Mitch McConnell");
    assert.equal(q?.cue?.text, "said");
  });
});

describe("direct quotes: a participle introducing the quotation", () => {
  it("'X attacked the plan, saying, \"…\"': the participle is the cue, the subject before it the speaker", () => {
    const q = one(`The mayor attacked the budget on Monday, saying, "It leaves the parks with nothing."`);
    assert.equal(q.cue?.text, "saying");
    assert.equal(q.speaker?.name, "The mayor");
  });
});

describe("direct quotes: a name and a colon before the quotation", () => {
  const PEOPLE = [{ name: "Hillary Clinton", forms: ["Clinton"] }, { name: "Jeb Bush", forms: ["Bush"] }, { name: "Daron Shaw" }];
  it("'Clinton: \"…\" Bush: \"…\"': each name is its quotation's speaker, the colon the cue", () => {
    const qs = runQuotes(`Clinton: "Our goal is not to contain the group, but to defeat it." Bush: "The mission is to destroy it."`, PEOPLE)
      .filter((q) => q.kind === "direct");
    assert.deepEqual(qs.map((q) => `${q.speaker?.name} ${q.cue?.text}`), ["Hillary Clinton :", "Jeb Bush :"]);
  });
  it("a title and a party tag, no space before the mark ('Rep. Jane Doe (R-S.C.):\"…\"')", () => {
    const text = `Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."`;
    const q = one(text);
    assert.equal(text.slice(...q.speaker!.span!), "Rep. Trey Gowdy (R-S.C.)");
    assert.equal(q.cue?.text, ":");
  });
  it("after a heading's dash ('HEADLINE - Jane Doe: \"…\"')", () => {
    const q = one(`TURNOUT WAS HIGHER THAN EXPECTED - Michael P. McDonald: “At long last the contests have started.”`);
    assert.equal(q.speaker?.name, "Michael P. McDonald");
  });
  it("a person named inside the clause before the colon, the verb before the name left out", () => {
    const text = `The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost.”`;
    const q = runQuotes(text, PEOPLE).find((x) => x.kind === "direct");
    assert.equal(text.slice(...q!.speaker!.span!), "Republican pollster Daron Shaw");
  });
  it("no label: a heading word, the object of 'said of', a byline", () => {
    for (const text of [
      `Sources: "None of this is true."`,
      `Update: "The road is open again."`,
      `A party chairman, Jane Fitch, said of Mr. Clinton: "He is very in touch with his roots."`,
      `"Club to close," by Times' Ben Sisario: "The nightclub will close at the end of December."`,
    ]) {
      const q = runQuotes(text, PEOPLE).find((x) => x.kind === "direct");
      assert.notEqual(q?.cue?.text, ":", `${text}\n${q && brief(q)}`);
    }
  });
});

describe("direct quotes: verbs of speech the lexicon lacks", () => {
  it("'\"…,\" Obama stated' / 'Noah quipped, \"…\"' / 'X retorted: \"…\"' (the cue classifier reads them)", () => {
    assert.equal(one(`“If we see signs that a machine is vulnerable, we inform the authorities,” Obama stated.`).cue?.text, "stated");
    assert.equal(one(`A flabbergasted Noah quipped, “It’s like a lawyer with the dumbest client ever.”`).cue?.text, "quipped");
    assert.equal(one(`At the town hall on Monday, the Christie supporter retorted: “There is a special place in hell for them.”`).cue?.text, "retorted");
  });
  it("'I laughed and said, \"…\"': a verb coordinated before the cue; its subject speaks, the cue takes both verbs", () => {
    const q = one(`Once, when my mother mentioned the devil, I laughed and said, "I don't believe in the devil."`);
    assert.equal(q.speaker?.name, "I");
    assert.equal(q.cue?.text, "laughed and said");
  });
  it("'\"…,\" it further wrote': an adverb between the speaker and the cue", () => {
    assert.equal(one(`“But since then, his fortunes have changed,” it further wrote.`).cue?.text, "wrote");
  });
  it("not after a full stop: '\"….\" She became …' opens a new sentence", () => {
    const q = runQuotes(`"I don't believe in the devil." She became so upset that I had to pull over.`).find((x) => x.kind === "direct");
    assert.notEqual(q?.cue?.text, "became");
  });
});

describe("direct quotes: a speech participle between two quotations", () => {
  const byText = (text: string, words: string): Quote => {
    const q = runQuotes(text).find((x) => x.kind === "direct" && x.text.startsWith(words));
    assert.ok(q, `${text}\n${runQuotes(text).map(brief).join("\n")}`);
    return q;
  };
  it(`'…," adding: "…"' after a mixed quote continues the report's speaker, with 'adding' as the cue`, () => {
    const q = byText(`In the email, Ash described the move as a "major breach of trust," adding: "I am now informing all of our committee members of this incident."`, "I am now");
    assert.equal(q.speaker?.name, "Ash");
    assert.equal(q.cue?.text, "adding");
  });
  it("a quoted show name between the attribution and the participle is passed over", () => {
    const q = byText(`"John Kasich's problem is he doesn't have a chance," Graham said on MSNBC's "Morning Joe," adding, "He is an insider in an outsider year."`, "He is an insider");
    assert.equal(q.speaker?.name, "Graham");
    assert.equal(q.cue?.text, "adding");
  });
  it("a quotation in a fronted adjunct is not handed to a cue with a clause after it", () => {
    const qs = runQuotes(`Speaking on Monday on "The Evening Hour," Mayor Jane Roe said the city's "budget" is in trouble.`);
    const show = qs.find((q) => q.text === "The Evening Hour");
    assert.equal(show?.cue, undefined, qs.map(brief).join("\n"));
    const report = qs.find((q) => q.kind === "indirect");
    assert.match(report?.speaker?.name ?? "", /Jane Roe$/);
    assert.match(report?.text ?? "", /^the city's "budget" is in trouble/);
  });
  it("a noun phrase with its own verb after a quotation's cue is no inverted speaker (said the plan would fail)", () => {
    const qs = runQuotes(`The mayor, citing "a lack of funds," said the plan would fail.`);
    assert.ok(!qs.some((q) => q.kind === "direct" && q.speaker?.name === "the plan"), qs.map(brief).join("\n"));
    // (a described speaker after the cue still is one: "said one official involved in the talks")
    const q = one(`"We will not give up," said one official involved in the talks.`);
    assert.equal(q.speaker?.name, "one official involved in the talks");
  });
});

describe("direct quotes: rarer verbs after the quotation", () => {
  it("a rarer speech verb in the past closes the speaker phrase before it", () => {
    const text = "\"Stay off the bridge tonight!\" one neighbor tweeted.";
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.equal(q?.speaker?.name, "one neighbor");
    assert.equal(q?.cue?.text, "tweeted");
  });
  it("negative: a past form after a determiner is the phrase's, not a cue", () => {
    const text = "\"Stay off the bridge tonight!\" The tweeted warning spread fast.";
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.notEqual(q?.cue?.text, "tweeted");
  });
});

describe("direct quotes: a title's full stop before the quotation", () => {
  it("'X said of Mr. Y:' hands the quotation to X", () => {
    const text = 'Ilse Borg said of Mr. Haber: "He will never quit."';
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.equal(q?.speaker?.name, "Ilse Borg");
    assert.equal(q?.cue?.text, "said");
  });
  it("negative: a sentence's full stop still ends the scan for a cue", () => {
    const text = 'Ilse Borg said nothing. The board met. "He will never quit."';
    const q = runQuotes(text).find((x) => x.kind === "direct");
    assert.notEqual(q?.speaker?.name, "Ilse Borg");
  });
});

describe("direct quotes: any verb after a comma-closed quotation and its speaker", () => {
  it("a verb the lexicon does not rate is the cue when it closes the clause", () => {
    const q = one(`"Nobody reads the fine print anymore," the inspector grumbled.`);
    assert.equal(q.speaker?.name, "the inspector");
    assert.equal(q.cue?.text, "grumbled");
  });
  it("an adjunct may follow the verb; 'went on' keeps its particle", () => {
    assert.equal(one(`"The river will crest by Friday," the bulletin stated in bold type.`).cue?.text, "stated");
    assert.equal(one(`"And the roads are next," she went on.`).cue?.text, "went on");
  });
  it("negative: a quotation closed by a full stop hands nothing to the next sentence's verb", () => {
    const q = one(`"The river will crest by Friday." The mayor frowned.`);
    assert.equal(q.cue, undefined);
  });
  it("negative: a verb with an object after it is the start of a new clause, not a cue", () => {
    const q = one(`Residents called the levee "a disgrace," the mayor admitted the repairs were late.`);
    assert.notEqual(q.cue?.text, "admitted the repairs");
  });
});

describe("direct quotes: speaker phrases that run on before the cue", () => {
  it("a document as speaker with a verb the lexicon rates low ('the memo read')", () => {
    const q = one(`“All staff must leave the building by six,” the memo read.`);
    assert.equal(q.speaker?.name, "the memo");
    assert.equal(q.cue?.text, "read");
  });
  it("a description with a prepositional post-modifier ('a sign on the door reads')", () => {
    const text = `“Closed for repairs until further notice,” a sign on the door reads.`;
    const q = one(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "a sign on the door");
    assert.equal(q.cue?.text, "reads");
  });
  it("negative: a time after the description is no post-modifier of it", () => {
    const text = `“We held the line,” the coach on that day said.`;
    const q = runQuotes(text).find((x) => x.text.startsWith("We held"));
    assert.notEqual(q?.speaker?.span && text.slice(...q.speaker.span), "the coach on that day");
  });
  it("negative: a verb in '-s' before a name is no title ('Democrats urge Republicans')", () => {
    const text = `“Pass the bill now,” Democrats urge Republicans.`;
    const q = one(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "Democrats");
  });
  it("coordinated descriptions and names are one speaker", () => {
    const q = one(`“The budget is balanced at last,” the treasurer and deputy mayor said in a statement.`);
    assert.equal(q.speaker?.span && `“The budget is balanced at last,” the treasurer and deputy mayor said in a statement.`.slice(...q.speaker.span), "the treasurer and deputy mayor");
    assert.equal(q.cue?.text, "said");
  });
  it("negative: a phrase with a verb of its own before 'and' is no coordinated speaker", () => {
    const q = one(`“The budget is balanced at last,” the treasurer said and left the room.`);
    assert.equal(q.speaker?.name, "the treasurer");
  });
  it("a head noun that is also a cue verb, before a verb of speech ('the audit report said')", () => {
    const q = one(`“Several invoices were paid twice,” the internal audit report said.`);
    assert.equal(q.speaker?.name, "the internal audit report");
    assert.equal(q.cue?.text, "said");
  });
  it("a two-word title opened by a bare verb form before a name ('press officer Jo Lind')", () => {
    const text = `“The bridge stays closed,” City Hall press officer Jo Lind said.`;
    const q = one(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "City Hall press officer Jo Lind");
    assert.equal(q.cue?.text, "said");
  });
  it("a demonstrative opens the speaker ('this official said')", () => {
    const q = one(`“The numbers were padded,” this official told the newspaper.`);
    assert.equal(q.speaker?.name, "this official");
    assert.equal(q.cue?.text, "told");
  });
  it("negative: a demonstrative that opens a clause is no speaker", () => {
    const q = runQuotes(`“We will rebuild,” this means another year of work.`).find((x) => x.text.startsWith("We will"));
    assert.equal(q?.speaker, undefined);
  });
  it("a short quotation inside the speaker's apposition; a hyphenated manner adverb joins the cue", () => {
    const q = runQuotes(`“Nobody saw that coming,” Lee Ortiz, holding a “Go Team” banner, said matter-of-factly as the crowd left.`).find((x) => x.text.startsWith("Nobody"));
    assert.equal(q?.speaker?.name, "Lee Ortiz");
    assert.equal(q?.cue?.text, "said matter-of-factly");
  });
  it("a light verb's particle before the quotation is no cue of its own ('X fired back, \"…\"')", () => {
    const q = one(`The mayor fired back, “Our streets are safer than ever before.”`);
    assert.equal(q.speaker?.name, "The mayor");
    assert.equal(q.cue?.text, "fired back");
  });
  it("a one-word answer handed over by a cue is a quotation, not a title", () => {
    const q = runQuotes(`Asked whether the plant would close, the manager said, “Eventually.”`).find((x) => x.text.startsWith("Eventually"));
    assert.equal(q?.speaker?.name, "the manager");
  });
  it("a party tag after an inverted speaker is part of the mention, before an adjunct", () => {
    const text = `“The vote was close,” said Rep. Jo Lind (D-Ore.) in an interview.`;
    const q = one(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "Rep. Jo Lind (D-Ore.)");
  });
  it("a spokesman for a group named without a determiner", () => {
    const text = `“The review is over,” a spokesman for committee Republicans said.`;
    const q = one(text);
    assert.equal(q.speaker?.span && text.slice(...q.speaker.span), "a spokesman for committee Republicans");
  });
  it("a '!' before a lower-case speaker ends no sentence; a closing particle joins the cue", () => {
    const q = one(`“Never!” the fans yelled back.`);
    assert.equal(q.speaker?.name, "the fans");
    assert.equal(q.cue?.text, "yelled back");
  });
  it("negative: a '!' before a capitalised sentence hands nothing on", () => {
    const q = runQuotes(`“Never!” The fans went home.`).find((x) => x.text.startsWith("Never"));
    assert.equal(q?.speaker, undefined);
  });
  it("a light verb's tail before an adjunct ('shot back with a grin')", () => {
    const q = one(`“They only came for the free food,” Dana Ruiz shot back with a grin.`);
    assert.equal(q.speaker?.name, "Dana Ruiz");
    assert.equal(q.cue?.text, "shot back");
  });
  it("'X gloated: \"…\"' / 'She went on: \"…\"': a past verb closing a name's clause before the colon is the cue", () => {
    const q = one(`Dana Ruiz gloated: “I told you the bridge would hold.”`);
    assert.equal(q.speaker?.name, "Dana Ruiz");
    assert.equal(q.cue?.text, "gloated");
    const p = one(`She went on: “It is like a roof that leaks every spring.”`);
    assert.equal(p.speaker?.name, "She");
    assert.equal(p.cue?.text, "went on");
  });
  it("a one-word plural noun opening the sentence, or a passive, before the colon is no speaker", () => {
    assert.equal(one(`Rents soared: "A record for the whole year."`).speaker, undefined);
    assert.equal(one(`The vote was delayed: "A loss for the whole city."`).speaker, undefined);
  });
  it("'\"…,\" Will wrote.': a first name that is also a modal, before a past speech verb, is the speaker", () => {
    const q = one(`“The bridge was never safe,” Will wrote.`);
    assert.equal(q.speaker?.name, "Will");
    assert.equal(q.cue?.text, "wrote");
  });
  it("'X wrote back: \"…\"': the particle is the verb's, not a cue of its own", () => {
    const q = one(`A short time later, Dana Ruiz wrote back: "We all know the plan."`);
    assert.equal(q.speaker?.name, "Dana Ruiz");
    assert.equal(q.cue?.text, "wrote back");
    assert.equal(one(`Dana Ruiz shot back, "We all know the plan."`).cue?.text, "shot back");
  });
  it("a quotation closed without its comma, then a name, a speech verb and an adjunct that ends the sentence", () => {
    const q = one(`“He put half the town out of work, too" Dana Ruiz said after the hearing on Monday.`);
    assert.equal(q.speaker?.name, "Dana Ruiz");
    assert.equal(q.cue?.text, "said");
  });
  it("negative: a name and a verb after an unclosed phrase whose clause runs on hand nothing over", () => {
    const qs = runQuotes(`He opposed the "estate levy" Dana Ruiz said in 2010 would hurt farms.`);
    assert.ok(!qs.some((q) => q.speaker?.name === "Dana Ruiz"), qs.map(brief).join("\n"));
  });
});
