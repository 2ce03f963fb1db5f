// The PostgreSQL store's batch put (what queue workers write with): the same outcome as putting the records one by one.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type { ArticleRecord } from "../src/core/record.js";
import { otherOutletRecord, sampleRecord, zelenskyRecord } from "../src/store/conformance.js";
import { openPgStore, type PgStore } from "../src/store/postgres/pg-store.js";
import { dropSchemas, pgAvailable, pgTestUrl, PG_SKIP_REASON, testSchemaName } from "../src/store/postgres/testing.js";

const url = pgTestUrl();
const available = await pgAvailable(url);
const schemas = new Set<string>();
after(() => dropSchemas(schemas, url));

async function freshStore(): Promise<PgStore> {
  const schema = testSchemaName("claimline_batch");
  schemas.add(schema);
  return openPgStore(url, { schema });
}

/** Everything a reader can see of a store, ids included, so two stores can be compared whole. */
async function snapshot(store: PgStore): Promise<unknown> {
  const articles = (await store.articles()).map(({ storedAt: _s, ...a }) => a);
  const history = await Promise.all(articles.map(async (a) => (await store.history(a.id)).map((h) => ({ version: h.version, contentHash: h.contentHash, text: h.record.text }))));
  return {
    articles, history, stats: await store.stats(), quotes: await store.quotes(), quantities: await store.quantities(), entities: await store.entities(),
    claims: await store.claims(),
  };
}

/** A batch with every case a put decides: new articles, copies in the batch and in the store, a correction, a repeat. */
function cases(): ArticleRecord[] {
  const fresh = Array.from({ length: 5 }, (_, i) =>
    sampleRecord({ id: `fresh-${i}`, text: `Report ${i}: ${10 + i} people were moved to shelters overnight.`, published: `2024-05-0${i + 1}` }));
  return [
    ...fresh,
    // the same text under another URL in the same batch: a syndicated copy, the first one is kept
    zelenskyRecord({ id: "copy-a", url: "https://mirror-a.example.net/story" }),
    zelenskyRecord({ id: "copy-b", url: "https://mirror-b.example.net/story" }),
    // already stored before the batch, unchanged
    otherOutletRecord(),
    // the same URL twice in the batch with new text: a new version
    sampleRecord({ id: "v-1", text: "The mayor said 12 homes were damaged.", url: "https://example.org/v", published: "2024-06-01" }),
    sampleRecord({ id: "v-2", text: "The mayor said 21 homes were damaged, correcting an earlier figure.", url: "https://example.org/v", published: "2024-06-01" }),
    // an id already taken by a stored article with another key
    sampleRecord({ id: "art-other", text: "A different article that reuses a record id.", published: "2024-06-02" }),
    // an empty article
    sampleRecord({ id: "empty", text: "", published: "2024-06-03" }),
  ];
}

if (!available) {
  test("PostgreSQL batch put", { skip: PG_SKIP_REASON }, () => undefined);
} else {
  describe("postgres store: putBatch", () => {
    test("a batch stores what the same puts one by one store, with the same statuses", async () => {
      const [one, many] = [await freshStore(), await freshStore()];
      try {
        for (const s of [one, many]) await s.put(otherOutletRecord());
        const records = cases();
        const single = [];
        for (const r of records) single.push(await one.put(r, { origin: r.id }));
        const batched = await many.putBatch(records.map((r) => ({ record: r, origin: r.id })));
        assert.deepEqual(batched, single);
        assert.deepEqual(await snapshot(many), await snapshot(one));
        // The same records again (the new articles now unchanged, the two versions of one URL alternating): still the same.
        const singleAgain = [];
        for (const r of records) singleAgain.push(await one.put(r, { origin: r.id }));
        const batchedAgain = await many.putBatch(records.map((r) => ({ record: r, origin: r.id })));
        assert.deepEqual(batchedAgain, singleAgain);
        assert.ok(singleAgain.slice(0, 5).every((r) => r.status === "unchanged"));
        assert.deepEqual(await snapshot(many), await snapshot(one));
      } finally {
        await Promise.all([one.close(), many.close()]);
      }
    });

    test("select and finish run in the batch's transaction: unselected items are not written, and a failing finish writes nothing", async () => {
      const store = await freshStore();
      try {
        const records = [0, 1, 2].map((i) => sampleRecord({ id: `sel-${i}`, text: `Selected report ${i}: ${i + 3} bridges were closed.`, published: "2024-07-01" }));
        let seen: (string | undefined)[] = [];
        const results = await store.putBatch(records.map((record) => ({ record })), {
          select: async (c) => {
            assert.equal((await c.query("SELECT 1 AS x")).rows[0].x, 1);
            return [true, false, true];
          },
          finish: async (_c, r) => { seen = r.map((x) => x?.status); },
        });
        assert.deepEqual(results.map((r) => r?.status), ["inserted", undefined, "inserted"]);
        assert.deepEqual(seen, ["inserted", undefined, "inserted"]);
        assert.equal((await store.stats()).articles, 2);
        const more = [3, 4].map((i) => sampleRecord({ id: `sel-${i}`, text: `Selected report ${i}: ${i + 3} bridges were closed.`, published: "2024-07-01" }));
        await assert.rejects(store.putBatch(more.map((record) => ({ record })), { finish: async () => { throw new Error("the completion failed"); } }), /the completion failed/);
        assert.equal((await store.stats()).articles, 2, "rows and completion commit together or not at all");
      } finally {
        await store.close();
      }
    });
  });
}
