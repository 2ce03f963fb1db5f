// Full-text search over titles, bodies and quotes; quote hits link straight to the quote in the reader.
import { api } from "../api.js";
import { ArticleLink, Day, Loaded, Pager, SpeakerLink, Snippet, usePageTitle } from "../components/common.js";
import { useLoad } from "../hooks.js";
import { href, replaceQuery, type Route } from "../router.js";

export function SearchPage({ route }: { route: Route }) {
  const q = route.query.get("q") ?? "";
  const offset = Number(route.query.get("offset") ?? 0) || 0;
  usePageTitle(q ? `Search: ${q}` : "Search");
  const load = useLoad(`search:${q}:${offset}`, () => (q ? api.search(q, { limit: 50, offset }) : Promise.resolve({ items: [], limit: 50, offset: 0 })));
  return (
    <section aria-labelledby="search-h">
      <h1 id="search-h">Search{q && <>: “{q}”</>}</h1>
      {q && <p><a href={href(["map"], { q })}>Places in these articles</a> · <a href={href(["quotes"], { text: q })}>Only quotes</a></p>}
      <Loaded load={load} what="results">
        {(page) => (
          <>
            {q && page.items.length === 0 && <p class="muted">Nothing found.</p>}
            <ul class="quotes">
              {page.items.map((h, i) => (
                <li key={`${h.articleId}/${h.quoteId ?? i}`} class="quote-row">
                  <p class="meta">
                    <span class="tag">{h.kind}</span> <ArticleLink id={h.articleId} title={h.title} quote={h.quoteId} />
                    {h.kind === "quote" && <> · <SpeakerLink name={h.speaker} /></>} · {h.outlet ?? ""} <Day value={h.published} />
                  </p>
                  <p class="snippet"><Snippet text={h.snippet} /></p>
                </li>
              ))}
            </ul>
            <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(["search"], { q, offset: o || undefined })} />
          </>
        )}
      </Loaded>
    </section>
  );
}
