// Cross-article entity resolution on hand-made entity rows: variants, aliases, surnames, ambiguity, roles over time.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EntityRow } from "../store/store.js";
import { resolveEntities } from "./entity-resolution.js";
import { editDistance, foldName } from "./names.js";

let n = 0;
function row(name: string, extra: Partial<EntityRow> = {}): EntityRow {
  n++;
  return { articleId: `a${n}`, entityId: "e1", type: "PERSON", name, aliases: [], mentions: 2, roles: [], affiliations: [], descriptors: [], ...extra };
}

test("transliteration variants fold to one name", () => {
  assert.equal(foldName("Volodymyr Zelenskyy"), foldName("Volodymyr Zelensky"));
  assert.equal(foldName("Zelenskiy"), foldName("ZELENSKY"));
  assert.equal(foldName("Mr Putin"), "putin");
  assert.equal(foldName("Aleksandr Lukashenko"), foldName("Alexandr Lukashenko"));
  assert.notEqual(foldName("Joe Biden"), foldName("Jill Biden"));
  assert.equal(editDistance("kirby", "kriby"), 1);
  assert.equal(editDistance("abc", "xyz", 1), 2);
});

test("spellings, aliases and a surname join one person across outlets, with the weakest link as confidence", () => {
  const rows = [
    row("Volodymyr Zelenskyy", { outlet: "A", published: "2022-03-01", roles: ["president"] }),
    row("Volodymyr Zelensky", { outlet: "B", published: "2023-05-01", roles: ["President"] }),
    row("Volodymir Zelensky", { outlet: "C", published: "2023-06-01" }),
    row("Zelensky", { outlet: "D", published: "2023-07-01" }),
    row("Vladimir Putin", { outlet: "A", published: "2022-03-01", aliases: ["Vladimir Vladimirovich Putin", "Putin"] }),
    row("Vladimir Vladimirovich Putin", { outlet: "B", published: "2022-04-01" }),
    row("Vladimir Putin", { outlet: "C", published: "2022-05-01" }),
  ];
  const { entities, lookup } = resolveEntities(rows);
  const zelensky = lookup("Zelenskiy")!;
  assert.ok(zelensky);
  assert.equal(zelensky.articles, 4);
  assert.deepEqual(zelensky.outlets, ["A", "B", "C", "D"]);
  assert.equal(zelensky.id, "person:volodymyr-zelensky");
  assert.ok(zelensky.confidence < 1 && zelensky.confidence >= 0.6, String(zelensky.confidence));
  assert.deepEqual(new Set(zelensky.links.map((l) => l.reason)), new Set(["spelling variant", "surname"]));
  assert.deepEqual(zelensky.roles, [{ role: "president", first: "2022-03-01", last: "2023-05-01", articles: 2 }]);
  assert.equal(zelensky.firstSeen, "2022-03-01");
  assert.equal(zelensky.lastSeen, "2023-07-01");
  const putin = lookup("Mr Putin")!;
  assert.equal(putin.name, "Vladimir Putin");
  assert.equal(putin.articles, 3);
  assert.equal(putin.confidence, 0.95);
  assert.equal(entities.length, 2);
});

test("a surname shared by two people stays apart, and different people are never merged by spelling", () => {
  const rows = [row("Joe Biden"), row("Jill Biden"), row("Biden"), row("John Kirby"), row("John Kirkby"), row("Ann Lee"), row("Ann Lei")];
  const { entities, lookup } = resolveEntities(rows);
  assert.equal(lookup("Biden")!.name, "Biden");
  assert.equal(lookup("Joe Biden")!.articles, 1);
  // Kirby/Kirkby is one edit in a five-letter word: a spelling variant. Lee/Lei are too short to tell apart by spelling.
  assert.equal(lookup("John Kirkby")!.id, lookup("John Kirby")!.id);
  assert.notEqual(lookup("Ann Lee")!.id, lookup("Ann Lei")!.id);
  assert.equal(entities.length, 6);
});

test("a surname goes, less surely, to a full name that dominates the other candidates", () => {
  const rows = [...Array.from({ length: 12 }, () => row("Joe Biden")), row("Jill Biden"), row("Biden")];
  const { lookup } = resolveEntities(rows);
  const joe = lookup("Biden")!;
  assert.equal(joe.name, "Joe Biden");
  assert.equal(joe.articles, 13);
  assert.equal(joe.confidence, 0.6);
  assert.equal(lookup("Jill Biden")!.articles, 1);
});

test("types are resolved apart, and organisations do not join by surname", () => {
  const rows = [
    row("Wagner Group", { type: "ORG" }), row("Wagner", { type: "ORG" }), row("Richard Wagner", { type: "PERSON" }),
    row("Georgia", { type: "GPE" }), row("Georgia", { type: "PERSON" }),
  ];
  const { entities, lookup } = resolveEntities(rows);
  assert.equal(entities.length, 5);
  assert.equal(lookup("Wagner", "ORG")!.name, "Wagner");
  assert.equal(lookup("Georgia", "GPE")!.type, "GPE");
});
