// Source statistics on hand-made quote rows: by speaker, outlet, role category and nationality; direct share.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { QuoteRow } from "../store/store.js";
import { roleCategory, sourceStatistics } from "./source-stats.js";

let n = 0;
function quote(speaker: string | undefined, kind: QuoteRow["kind"], outlet: string, extra: Partial<QuoteRow> = {}): QuoteRow {
  n++;
  return { articleId: `a${Math.ceil(n / 2)}`, quoteId: `q${n}`, kind, text: "…", speaker, outlet, speakerRoles: [], speakerAffiliations: [], ...extra };
}

const quotes: QuoteRow[] = [
  quote("Volodymyr Zelenskyy", "direct", "Kyiv Post", { speakerRoles: ["President"], speakerAffiliations: ["Ukraine"], speakerType: "PERSON" }),
  quote("Zelensky", "indirect", "BBC", { speakerRoles: ["Ukrainian President"] }),
  quote("John Kirby", "direct", "BBC", { speakerRoles: ["Pentagon spokesperson"], speakerAffiliations: ["Pentagon"] }),
  quote("Olena Kovalenko", "mixed", "BBC", { speakerRoles: ["former deputy minister of defence"], speakerAffiliations: ["Ukraine"] }),
  quote("Kremlin", "indirect", "Kyiv Post", { speakerType: "ORG" }),
  quote(undefined, "direct", "BBC"),
  quote("it", "indirect", "BBC"),
  quote("a local resident", "direct", "BBC", { speakerRoles: ["resident"] }),
];
const resolveSpeaker = (name: string) => (/zelensk/i.test(name) ? "Volodymyr Zelensky" : undefined);

test("by speaker: variants counted together, direct share, outlets that quote them", () => {
  const stats = sourceStatistics(quotes, "speaker", { resolveSpeaker });
  const z = stats[0]!;
  assert.equal(z.group, "Volodymyr Zelensky");
  assert.deepEqual([z.quotes, z.direct, z.indirect, z.directShare], [2, 1, 1, 0.5]);
  assert.deepEqual(z.top.map((t) => t.name).sort(), ["BBC", "Kyiv Post"]);
  assert.equal(stats.reduce((s, g) => s + g.quotes, 0), 6, "quotes without a speaker, or with a pronoun, are not sources");
});

test("by outlet: quotes, distinct speakers and who is quoted most", () => {
  const stats = sourceStatistics(quotes, "outlet", { resolveSpeaker });
  const bbc = stats.find((g) => g.group === "BBC")!;
  assert.deepEqual([bbc.quotes, bbc.speakers, bbc.direct, bbc.mixed], [4, 4, 2, 1]);
  assert.equal(stats.find((g) => g.group === "Kyiv Post")!.quotes, 2);
});

test("by role and by nationality", () => {
  assert.equal(roleCategory({ speakerRoles: ["Ukrainian President"] }), "head of state or government");
  assert.equal(roleCategory({ speakerRoles: ["Pentagon spokesperson"] }), "government official");
  assert.equal(roleCategory({ speakerRoles: [], speakerType: "ORG" }), "organisation");
  assert.equal(roleCategory({ speakerRoles: [] }), "unknown");
  assert.equal(roleCategory({ speakerRoles: ["Attorney General"] }), "government official");
  assert.equal(roleCategory({ speakerRoles: ["NATO Secretary General"] }), "government official");
  assert.equal(roleCategory({ speakerRoles: ["general"] }), "military");
  const roles = sourceStatistics(quotes, "role");
  assert.equal(roles.find((g) => g.group === "head of state or government")!.quotes, 2);
  assert.equal(roles.find((g) => g.group === "civilian")!.quotes, 1);
  const nations = sourceStatistics(quotes, "nationality");
  assert.deepEqual(nations.find((g) => g.group === "UA")!.quotes, 3);
  assert.deepEqual(nations.find((g) => g.group === "US")!.quotes, 1);
});
