// The store conformance suite: the behaviour every Store implementation must show, run with node:test against each one.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ArticleRecord, Span } from "../core/record.js";
import type { Store } from "./store.js";

/** Finds the span of `needle` in `text` (hand-made records point into their own text). */
function at(text: string, needle: string): Span {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return [start, start + needle.length];
}

export interface ArticleSpec {
  id: string;
  text: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
}

/** A hand-made record with a speaker, a direct and an indirect quote, a figure with its claimant, a date and a claim. */
export function sampleRecord(spec: ArticleSpec): ArticleRecord {
  const text = spec.text;
  const record: ArticleRecord = {
    schema: "claimline/record@1",
    id: spec.id,
    source: { url: spec.url, outlet: spec.outlet, title: spec.title, published: spec.published, language: "en" },
    text,
    entities: [],
    quotes: [],
    quantities: [],
    times: [],
    claims: [],
  };
  for (const k of Object.keys(record.source) as (keyof ArticleRecord["source"])[]) if (record.source[k] === undefined) delete record.source[k];
  return record;
}

const ZELENSKY_TEXT =
  'Volodymyr Zelenskyy said on Monday that "more than 100,000 Russian soldiers have been killed". ' +
  "The Kremlin denied the figure. Zelenskyy added that Ukraine would hold the line near Bakhmut.";

/** The richest hand-made record: every part of the record filled in. */
export function zelenskyRecord(overrides: Partial<ArticleSpec> = {}): ArticleRecord {
  const spec: ArticleSpec = {
    id: "art-zelensky", text: ZELENSKY_TEXT, url: "https://news.example.org/war/zelensky-figure?utm_source=feed",
    outlet: "Example News", title: "Zelenskyy gives a figure", published: "2023-02-06", ...overrides,
  };
  const r = sampleRecord(spec);
  const t = r.text;
  r.entities = [
    {
      id: "e1", type: "PERSON", name: "Volodymyr Zelenskyy", aliases: ["Zelenskyy"], mentions: [at(t, "Volodymyr Zelenskyy")],
      roles: ["president"], affiliations: ["e4"],
    },
    { id: "e2", type: "ORG", name: "Kremlin", aliases: [], mentions: [at(t, "Kremlin")] },
    { id: "e3", type: "GPE", name: "Bakhmut", aliases: [], mentions: [at(t, "Bakhmut")], geo: { lat: 48.6, lon: 38.0, country: "UA" } },
    { id: "e4", type: "GPE", name: "Ukraine", aliases: [], mentions: [at(t, "Ukraine")] },
  ];
  r.quotes = [
    {
      id: "q1", kind: "direct", text: "more than 100,000 Russian soldiers have been killed", span: at(t, "more than 100,000 Russian soldiers have been killed"),
      cue: { text: "said", span: at(t, "said") }, speaker: { entity: "e1", name: "Volodymyr Zelenskyy", span: at(t, "Volodymyr Zelenskyy") }, confidence: 0.9,
    },
    {
      id: "q2", kind: "indirect", text: "Ukraine would hold the line near Bakhmut", span: at(t, "Ukraine would hold the line near Bakhmut"),
      cue: { text: "added", span: at(t, "added") }, speaker: { name: "Zelenskyy", span: at(t, "Zelenskyy added") },
    },
  ];
  r.quantities = [
    {
      id: "n1", text: "more than 100,000", span: at(t, "more than 100,000"), value: 100000, bound: "lower",
      counted: "Russian soldiers killed", claimant: { entity: "e1", name: "Volodymyr Zelenskyy" }, quote: "q1", time: "2023-02-06",
    },
  ];
  r.times = [{ id: "t1", text: "Monday", span: at(t, "Monday"), value: "2023-02-06", type: "DATE" }];
  r.claims = [
    { id: "c1", text: "more than 100,000 Russian soldiers have been killed", span: at(t, "more than 100,000 Russian soldiers have been killed"), status: "reported", cues: [{ text: "said", span: at(t, "said") }], claimant: { entity: "e1", name: "Volodymyr Zelenskyy" }, quantities: ["n1"], quotes: ["q1"] },
    { id: "c2", text: "The Kremlin denied the figure", span: at(t, "The Kremlin denied the figure"), status: "denied", cues: [{ text: "denied", span: at(t, "denied") }], claimant: { entity: "e2", name: "Kremlin" } },
  ];
  return r;
}

/** A correction of the Zelenskyy article (same URL) whose new text no longer holds any of its parts. */
function correctedWithoutParts(text: string): ArticleRecord {
  const original = zelenskyRecord();
  return sampleRecord({ id: original.id, text, url: original.source.url, outlet: original.source.outlet, published: original.source.published });
}

/** A second outlet quoting a spelling variant and a different speaker, with an upper-bound figure. */
export function otherOutletRecord(): ArticleRecord {
  const text = 'President Zelensky told reporters "we will not give up Bakhmut". ' +
    "A Pentagon spokesperson, John Kirby, said up to 80,000 Russian troops had been killed or wounded.";
  const r = sampleRecord({ id: "art-other", text, url: "https://other.example.com/a/2", outlet: "Other Daily", title: "Bakhmut holds", published: "2023-02-10" });
  r.entities = [
    { id: "e1", type: "PERSON", name: "Zelensky", aliases: [], mentions: [at(text, "Zelensky")], roles: ["president"] },
    { id: "e2", type: "PERSON", name: "John Kirby", aliases: [], mentions: [at(text, "John Kirby")], roles: ["spokesperson"], affiliations: ["Pentagon"] },
  ];
  r.quotes = [
    { id: "q1", kind: "direct", text: "we will not give up Bakhmut", span: at(text, "we will not give up Bakhmut"), cue: { text: "told", span: at(text, "told") }, speaker: { entity: "e1", name: "Zelensky" } },
    { id: "q2", kind: "indirect", text: "up to 80,000 Russian troops had been killed or wounded", span: at(text, "up to 80,000 Russian troops had been killed or wounded"), cue: { text: "said", span: at(text, "said up") }, speaker: { entity: "e2", name: "John Kirby" } },
  ];
  r.quantities = [
    { id: "n1", text: "up to 80,000", span: at(text, "up to 80,000"), value: 80000, bound: "upper", counted: "Russian troops killed or wounded", claimant: { entity: "e2", name: "John Kirby" }, quote: "q2" },
  ];
  return r;
}

/**
 * Runs the shared suite. `makeStore` must give a fresh, empty store each call; the suite closes it.
 * A PostgreSQL store passes the same suite (DESIGN.md §3: one interface, one suite, every implementation).
 */
export function runStoreConformance(name: string, makeStore: () => Promise<Store> | Store): void {
  describe(`store conformance: ${name}`, () => {
    async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
      const store = await makeStore();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    }

    test("put then get gives the record back unchanged", () => withStore(async (store) => {
      const rec = zelenskyRecord();
      const res = await store.put(rec);
      assert.equal(res.status, "inserted");
      assert.equal(res.version, 1);
      assert.deepEqual(await store.get(res.id), rec);
      assert.deepEqual(await store.get(res.key), rec);
      assert.equal(await store.get("no-such-article"), undefined);
    }));

    test("re-putting the same record changes nothing", () => withStore(async (store) => {
      const first = await store.put(zelenskyRecord());
      const before = await store.stats();
      const again = await store.put(zelenskyRecord());
      assert.equal(again.status, "unchanged");
      assert.equal(again.id, first.id);
      assert.deepEqual(await store.stats(), before);
      assert.equal((await store.history(first.id)).length, 1);
    }));

    test("the canonical URL is the identity: tracking parameters, fragment, host case and trailing slash do not matter", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      const copy = zelenskyRecord({ url: "HTTPS://News.Example.org/war/zelensky-figure/#top" });
      assert.equal((await store.put(copy)).status, "unchanged");
      assert.equal((await store.stats()).articles, 1);
      assert.equal((await store.getByUrl("https://news.example.org/war/zelensky-figure"))?.id, "art-zelensky");
    }));

    test("without a URL, the normalised content is the identity: whitespace and typographic quotes do not matter", () => withStore(async (store) => {
      const a = sampleRecord({ id: "plain-1", text: 'He said "no".\n\nThat was all.' });
      const b = sampleRecord({ id: "plain-2", text: "He said \u201Cno\u201D.  \nThat was all.  " });
      const c = sampleRecord({ id: "plain-3", text: "He said yes. That was all." });
      assert.equal((await store.put(a)).status, "inserted");
      assert.equal((await store.put(b)).status, "duplicate");
      assert.equal((await store.put(a)).status, "unchanged");
      // The same text under other metadata (a wire story in a second outlet) is a copy too; the first is kept.
      assert.equal((await store.put(sampleRecord({ id: "plain-4", text: a.text, outlet: "Elsewhere", published: "2020-01-02" }))).status, "duplicate");
      assert.equal((await store.get(a.id))?.source.outlet, undefined);
      assert.equal((await store.put(c)).status, "inserted");
      assert.equal((await store.stats()).articles, 2);
    }));

    test("the same content under a second URL is a copy of the first; text stored without a URL takes one when it comes", () => withStore(async (store) => {
      const first = await store.put(zelenskyRecord());
      const syndicated = zelenskyRecord({ id: "art-syndicated", url: "https://mirror.example.net/copy-of-story", outlet: "Mirror" });
      const copy = await store.put(syndicated);
      assert.deepEqual([copy.status, copy.id], ["duplicate", first.id]);
      assert.equal((await store.stats()).articles, 1);
      const plain = sampleRecord({ id: "plain-first", text: "Officials said 40 people were evacuated." });
      await store.put(plain);
      const withUrl = sampleRecord({ id: "plain-first", text: plain.text, url: "https://example.org/evacuation", outlet: "Example" });
      const adopted = await store.put(withUrl);
      assert.equal(adopted.status, "reextracted");
      assert.equal(adopted.key, "url:https://example.org/evacuation");
      assert.equal((await store.stats()).articles, 2);
      assert.equal((await store.getByUrl("https://example.org/evacuation"))?.source.outlet, "Example");
      assert.equal((await store.put(withUrl)).status, "unchanged");
    }));

    test("a corrected article (same URL, new text) replaces the old version and keeps it in the history", () => withStore(async (store) => {
      const original = zelenskyRecord();
      await store.put(original);
      const corrected = zelenskyRecord({ text: original.text.replace("Bakhmut", "Bakhmut and Avdiivka") });
      const res = await store.put(corrected);
      assert.equal(res.status, "updated");
      assert.equal(res.version, 2);
      assert.equal((await store.stats()).articles, 1);
      assert.match((await store.get(res.id))!.text, /Avdiivka/);
      const history = await store.history(res.id);
      assert.deepEqual(history.map((v) => v.version), [1, 2]);
      assert.doesNotMatch(history[0]!.record.text, /Avdiivka/);
      assert.ok(history[0]!.replacedAt);
      assert.equal(history[1]!.replacedAt, undefined);
      // The parts follow the current version: one Zelenskyy direct quote, not two.
      assert.equal((await store.quotes({ speaker: "Zelenskyy", kind: "direct" })).length, 1);
      // Putting the old text again is a correction too (a new version), never a duplicate article.
      assert.equal((await store.put(original)).status, "updated");
      assert.equal((await store.stats()).articles, 1);
    }));

    test("the same text extracted better refreshes the parts without a new version", () => withStore(async (store) => {
      const rec = zelenskyRecord();
      await store.put(rec);
      const better = zelenskyRecord();
      better.quotes[1]!.speaker = { entity: "e1", name: "Volodymyr Zelenskyy" };
      const res = await store.put(better);
      assert.equal(res.status, "reextracted");
      assert.equal(res.version, 1);
      assert.deepEqual(await store.get(res.id), better);
      assert.equal((await store.history(res.id)).length, 1);
    }));

    test("content keys let an ingest skip inputs it already holds", () => withStore(async (store) => {
      const res = await store.put(zelenskyRecord());
      const keys = await store.contentKeys();
      assert.equal(keys.size, 1);
      const [only] = [...keys];
      assert.ok(only!.startsWith(`${res.key}\t`));
    }));

    test("articles lists what is stored, filtered by outlet and date", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const all = await store.articles();
      assert.deepEqual(all.map((a) => a.id), ["art-zelensky", "art-other"]);
      assert.equal(all[0]!.quotes, 2);
      assert.equal(all[0]!.quantities, 1);
      assert.equal(all[0]!.url, "https://news.example.org/war/zelensky-figure?utm_source=feed");
      assert.deepEqual((await store.articles({ outlet: "other daily" })).map((a) => a.id), ["art-other"]);
      assert.deepEqual((await store.articles({ from: "2023-02-07" })).map((a) => a.id), ["art-other"]);
      assert.deepEqual((await store.articles({ to: "2023-02-06" })).map((a) => a.id), ["art-zelensky"]);
      assert.equal((await store.articles({ limit: 1 })).length, 1);
    }));

    test("a quote text filter or search made of no words matches nothing and does not throw", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      assert.deepEqual(await store.quotes({ text: '"' }), []);
      assert.deepEqual(await store.quotes({ text: "  " }), []);
      assert.deepEqual(await store.search('""'), []);
    }));

    test("every listing pages with limit and offset over the same order", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      assert.deepEqual((await store.articles({ limit: 1, offset: 1 })).map((a) => a.id), ["art-other"]);
      assert.deepEqual((await store.articles({ offset: 1 })).map((a) => a.id), ["art-other"]);
      assert.deepEqual((await store.articles({ offset: 5 })), []);
      const quotes = await store.quotes();
      assert.deepEqual(await store.quotes({ limit: 2, offset: 1 }), quotes.slice(1, 3));
      const entities = await store.entities();
      assert.deepEqual(await store.entities({ offset: 1, limit: 1 }), entities.slice(1, 2));
      const quantities = await store.quantities();
      assert.deepEqual(await store.quantities({ offset: 1 }), quantities.slice(1));
      const claims = await store.claims();
      assert.deepEqual(await store.claims({ offset: 1 }), claims.slice(1));
      const hits = await store.search("Zelensky", { limit: 10 });
      assert.ok(hits.length >= 2);
      assert.deepEqual(await store.search("Zelensky", { limit: 1, offset: 1 }), hits.slice(1, 2));
    }));

    test("quotes filter by speaker across spelling variants, outlet, date, kind and words", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const zelensky = await store.quotes({ speaker: "Zelensky" });
      assert.deepEqual(zelensky.map((q) => `${q.articleId}/${q.quoteId}`), ["art-zelensky/q1", "art-zelensky/q2", "art-other/q1"]);
      assert.equal((await store.quotes({ speaker: "zelenskiy" })).length, 3);
      assert.deepEqual((await store.quotes({ speaker: "Zelensky", kind: "direct" })).map((q) => q.text), [
        "more than 100,000 Russian soldiers have been killed", "we will not give up Bakhmut",
      ]);
      assert.deepEqual((await store.quotes({ outlet: "Other Daily" })).map((q) => q.speaker), ["Zelensky", "John Kirby"]);
      assert.deepEqual((await store.quotes({ from: "2023-02-08" })).map((q) => q.articleId), ["art-other", "art-other"]);
      assert.deepEqual((await store.quotes({ text: "Bakhmut" })).map((q) => q.quoteId), ["q2", "q1"]);
      const first = zelensky[0]!;
      assert.equal(first.outlet, "Example News");
      assert.equal(first.published, "2023-02-06");
      assert.equal(first.cue, "said");
      assert.deepEqual(first.speakerRoles, ["president"]);
      // The record names the affiliation by entity id; the store gives its name.
      assert.deepEqual(first.speakerAffiliations, ["Ukraine"]);
      // "Zelenskyy added": no entity id given, resolved through the record's alias list.
      assert.equal(zelensky[1]!.speakerEntity, "e1");
    }));

    test("quantities keep value, bound, counted thing, claimant and time, and filter by them", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const all = await store.quantities();
      assert.equal(all.length, 2);
      assert.deepEqual(
        { value: all[0]!.value, bound: all[0]!.bound, counted: all[0]!.counted, claimant: all[0]!.claimant, time: all[0]!.time, quoteId: all[0]!.quoteId },
        { value: 100000, bound: "lower", counted: "Russian soldiers killed", claimant: "Volodymyr Zelenskyy", time: "2023-02-06", quoteId: "q1" },
      );
      assert.deepEqual((await store.quantities({ counted: "troops" })).map((q) => q.value), [80000]);
      assert.deepEqual((await store.quantities({ claimant: "kirby" })).map((q) => q.articleId), ["art-other"]);
      assert.deepEqual((await store.quantities({ from: "2023-02-07" })).map((q) => q.articleId), ["art-other"]);
    }));

    test("entities are kept per article with aliases, roles, affiliations and places", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const people = await store.entities({ type: "PERSON" });
      assert.deepEqual(people.map((e) => e.name), ["Volodymyr Zelenskyy", "Zelensky", "John Kirby"]);
      assert.deepEqual(people[0]!.aliases, ["Zelenskyy"]);
      assert.equal(people[0]!.mentions, 1);
      assert.deepEqual(people[2]!.affiliations, ["Pentagon"]);
      assert.equal((await store.entities({ type: "GPE" }))[0]!.country, "UA");
      assert.equal((await store.entities({ name: "zelenskiy" })).length, 2);
    }));

    test("claims keep status, cues and claimant", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      const claims = await store.claims();
      assert.deepEqual(claims.map((c) => [c.status, c.claimant, c.cues]), [["reported", "Volodymyr Zelenskyy", ["said"]], ["denied", "Kremlin", ["denied"]]]);
      assert.equal((await store.claims({ withClaimant: true })).length, 2);
    }));

    test("source counts tell direct from indirect quotes, overall and by outlet", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const overall = await store.sourceCounts();
      const z = overall.find((s) => s.speaker.startsWith("Volodymyr"))!;
      assert.deepEqual({ quotes: z.quotes, direct: z.direct, indirect: z.indirect, articles: z.articles }, { quotes: 1, direct: 1, indirect: 0, articles: 1 });
      const byOutlet = await store.sourceCounts({ byOutlet: true });
      assert.deepEqual(byOutlet.filter((s) => s.outlet === "Other Daily").map((s) => s.speaker).sort(), ["John Kirby", "Zelensky"]);
    }));

    test("full-text search finds words in bodies, titles and quotes, and accepts plain punctuation", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      const hits = await store.search("Bakhmut");
      // English stemming: "soldier" finds "soldiers", "kill" finds "killed".
      assert.ok((await store.search("soldier kill")).some((h) => h.articleId === "art-zelensky"));
      assert.ok(hits.some((h) => h.kind === "article" && h.articleId === "art-zelensky"));
      assert.ok(hits.some((h) => h.kind === "quote" && h.articleId === "art-other" && h.speaker === "Zelensky"));
      assert.ok(hits.every((h) => /Bakhmut/i.test(h.snippet)));
      assert.deepEqual([...new Set((await store.search("Pentagon spokesperson")).map((h) => h.articleId))], ["art-other"]);
      assert.deepEqual(await store.search("zzzznotaword"), []);
      // Not valid FTS5 syntax (an unbalanced quote): searched as plain words rather than failing.
      assert.ok((await store.search('"Bakhmut')).some((h) => h.articleId === "art-zelensky"));
      // A replaced version's words are no longer found.
      await store.put(correctedWithoutParts("Nothing about the town any more."));
      assert.ok(!(await store.search("Bakhmut")).some((h) => h.articleId === "art-zelensky"));
    }));

    test("records() iterates every current record once, for exports", () => withStore(async (store) => {
      await store.put(zelenskyRecord());
      await store.put(otherOutletRecord());
      await store.put(correctedWithoutParts("A corrected text."));
      const ids: string[] = [];
      for await (const r of store.records()) ids.push(r.id);
      assert.deepEqual(ids, ["art-zelensky", "art-other"]);
    }));

    test("many articles: each stored once, counts add up", () => withStore(async (store) => {
      for (let i = 0; i < 50; i++) {
        const r = sampleRecord({ id: `bulk-${i}`, text: `Article number ${i} says ${i * 7} people were evacuated.`, published: "2024-01-01" });
        assert.equal((await store.put(r)).status, "inserted");
      }
      for (let i = 0; i < 50; i++) {
        assert.equal((await store.put(sampleRecord({ id: `bulk-${i}`, text: `Article number ${i} says ${i * 7} people were evacuated.`, published: "2024-01-01" }))).status, "unchanged");
      }
      assert.equal((await store.stats()).articles, 50);
      assert.equal((await store.articles()).length, 50);
    }));
  });
}
