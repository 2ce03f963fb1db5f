// The trained model's mentions merged with the rule mentions: added where rules miss, typed where rules guessed.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Mention } from "../../../core/annotations.js";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { MODEL_PATH, NerModel, type NerMention } from "../ner/model.js";
import { englishStages } from "../configuration.js";
import { entityMentions, GUESS } from "./entity-mentions.js";
import { mergeMentions, NER_SOURCE, nerMentions, nerType, useNerModel } from "./ner-mentions.js";
import { modelMention, ruleMention, runMentions } from "./ner-mentions.test-helpers.js";

const run = runMentions;
const model = modelMention;
const rule = ruleMention;

test("the stage runs after the rule mentions and before entity resolution", () => {
  const names = englishStages.map((s) => s.name);
  assert.ok(names.indexOf("entityMentions") < names.indexOf("nerMentions"));
  assert.ok(names.indexOf("nerMentions") < names.indexOf("entityResolution"));
});

test("a surname the rules miss is added by the model", () => {
  const got = run("Kuleba met Sikorski in Warsaw on Monday.");
  const kuleba = got.find((m) => m.text === "Kuleba");
  assert.equal(kuleba?.type, "PERSON");
  assert.equal(kuleba?.source, NER_SOURCE);
  assert.ok(got.some((m) => m.text === "Warsaw" && m.type === "GPE" && m.source === "entityMentions"), "the rule's place stays");
});

test("a name the rules only guessed is confirmed with the model's type", () => {
  const got = run("The delegation led by Andriy Yermak arrived in Brussels.");
  const m = got.find((x) => x.text === "Andriy Yermak");
  assert.equal(m?.type, "PERSON");
  assert.equal(m?.source, NER_SOURCE);
});

test("rules win on overlap; the model adds what does not overlap", () => {
  const text = "Russian troops entered Kharkiv as Oleg Sinegubov spoke.";
  const rules = [rule("Russian troops", text, "GROUP")];
  const out = mergeMentions(rules, [model("Russian", text, "MISC"), model("Kharkiv", text, "LOC", "GPE"), model("Oleg Sinegubov", text, "PER", "PERSON")], text);
  assert.deepEqual(out.map((m) => `${m.text}/${m.type}/${m.source}`), [
    "Russian troops/GROUP/entityMentions", `Kharkiv/GPE/${NER_SOURCE}`, `Oleg Sinegubov/PERSON/${NER_SOURCE}`,
  ]);
});

test("a guess with the model's span takes the model's type", () => {
  const text = "Janes said the Eastern Military District moved.";
  const out = mergeMentions([rule("Janes", text, "PERSON", GUESS)], [model("Janes", text, "ORG", "ORG")], text);
  assert.deepEqual(out.map((m) => `${m.text}/${m.type}/${m.source}`), [`Janes/ORG/${NER_SOURCE}`]);
});

test("a name keeps the type the rules gave it elsewhere in the document", () => {
  const text = "NATO WARNS MOSCOW. Later NATO said more.";
  const second = text.lastIndexOf("NATO");
  const rules: Mention[] = [{ span: [second, second + 4], text: "NATO", type: "ORG", source: "entityMentions" }];
  const out = mergeMentions(rules, [model("NATO", text, "PER", "PERSON")], text);
  assert.deepEqual(out.map((m) => `${m.span[0]}:${m.type}`), ["0:ORG", `${second}:ORG`]);
});

test("MISC becomes NORP only for a demonym; PER, ORG and LOC map to claimline's types", () => {
  const t = "Ukrainian";
  assert.equal(nerType(model(t, t, "MISC")), "NORP");
  assert.equal(nerType(model("Euro 2024", "Euro 2024", "MISC")), undefined);
  assert.equal(nerType(model("Kim", "Kim", "PER", "PERSON")), "PERSON");
  assert.equal(nerType(model("Reuters", "Reuters", "ORG", "ORG")), "ORG");
  assert.equal(nerType(model("Kursk", "Kursk", "LOC", "GPE")), "GPE");
  assert.equal(nerType(model("Black Sea", "Black Sea", "LOC", "LOC")), "LOC");
});

test("a model given as views of shared memory (a pool worker's) tags as the shipped file does", () => {
  const text = "Kuleba met Sikorski in Warsaw on Monday, the Polish foreign ministry said.";
  const fromFile = run(text);
  const bytes = gunzipSync(readFileSync(MODEL_PATH));
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const model = NerModel.deserialize(Buffer.from(shared));
  const tag = model.tagTokens.bind(model);
  let calls = 0;
  model.tagTokens = (...args) => (calls++, tag(...args));
  useNerModel(model);
  try {
    assert.deepEqual(run(text), fromFile);
    assert.equal(calls, 1, "the given model is the one used");
  } finally {
    useNerModel(undefined);
  }
});

test("a name the rules cut at its inner hyphen is read whole when the model reads it so", () => {
  const text = "Marta Lind-Varga said the budget would grow. Lind-Varga added more.";
  const second = text.lastIndexOf("Lind");
  const rules: Mention[] = [
    rule("Marta Lind", text, "PERSON"),
    { span: [text.indexOf("Varga"), text.indexOf("Varga") + 5], text: "Varga", type: "PERSON", source: "entityMentions" },
    { span: [second, second + 4], text: "Lind", type: "ORG", source: "entityMentions" },
    { span: [second + 5, second + 10], text: "Varga", type: "PERSON", source: "entityMentions" },
  ];
  const whole2: NerMention = { ...model("Lind-Varga", text, "PER", "PERSON"), span: [second, second + 10] };
  const out = mergeMentions(rules, [model("Marta Lind-Varga", text, "PER", "PERSON"), whole2], text);
  assert.deepEqual(out.map((m) => `${m.text}/${m.type}`), ["Marta Lind-Varga/PERSON", "Lind-Varga/PERSON"]);
});

test("a pair of places across a hyphen stays two places; a model span sticking out of the rules' is not taken", () => {
  const text = "The Korea-Russia pact was signed.";
  const rules: Mention[] = [rule("Korea", text, "GPE"), rule("Russia", text, "GPE")];
  // a place pair is never joined (only PERSON and ORG are)
  let out = mergeMentions(rules, [model("Korea-Russia", text, "LOC", "GPE")], text);
  assert.deepEqual(out.map((m) => m.text), ["Korea", "Russia"]);
  // an ORG reading that runs past the rules' mentions ("Korea-Russia pact") does not replace them
  out = mergeMentions(rules, [model("Korea-Russia pact", text, "ORG", "ORG")], text);
  assert.deepEqual(out.map((m) => m.text), ["Korea", "Russia"]);
});

test("an organisation and a place across a hyphen stay two names even when the model reads one", () => {
  const text = "The EU-China summit ended.";
  const out = mergeMentions([rule("EU", text, "ORG"), rule("China", text, "GPE")], [model("EU-China", text, "ORG", "ORG")], text);
  assert.deepEqual(out.map((m) => `${m.text}/${m.type}`), ["EU/ORG", "China/GPE"]);
});

test("after a person's given name and surname, a hyphenated place-like word is a double surname", () => {
  const text = "Envoy Rosa Hale-Springfield said the vote failed.";
  const out = mergeMentions([rule("Rosa Hale", text, "PERSON"), rule("Springfield", text, "GPE")], [model("Rosa Hale-Springfield", text, "PER", "PERSON")], text);
  assert.deepEqual(out.map((m) => `${m.text}/${m.type}`), ["Rosa Hale-Springfield/PERSON"]);
});

test("a name broken over a line or spaced twice shares the key, so the type, of the same name written plainly", () => {
  for (const broken of ["Harlow\nInstitute", "Harlow  Institute", "Harlow\u00a0Institute", "HARLOW\tINSTITUTE"]) {
    const text = `The Harlow Institute said so. Later ${broken} said more.`;
    const rules = [rule("Harlow Institute", text, "ORG")];
    const out = mergeMentions(rules, [model(broken, text, "PER", "PERSON")], text);
    assert.deepEqual(out.map((m) => `${m.text}:${m.type}`), ["Harlow Institute:ORG", `${broken}:ORG`], JSON.stringify(broken));
  }
  // a different name keeps the model's type (the key is no looser than before)
  const text = "The Harlow Institute said so. Later Harlow Insight said more.";
  const out = mergeMentions([rule("Harlow Institute", text, "ORG")], [model("Harlow Insight", text, "PER", "PERSON")], text);
  assert.deepEqual(out.map((m) => `${m.text}:${m.type}`), ["Harlow Institute:ORG", "Harlow Insight:PERSON"]);
});
