// The start page: the stored articles (what to read), who is quoted most, and the figures tracked across articles.
import { api } from "../api.js";
import { Day, Loaded, Pager, SpeakerLink, usePageTitle } from "../components/common.js";
import { useLoad } from "../hooks.js";
import { useState } from "preact/hooks";
import { href } from "../router.js";

const PAGE = 50;

export function HomePage() {
  usePageTitle("");
  const [offset, setOffset] = useState(0);
  const articles = useLoad(`articles:${offset}`, () => api.articles({ limit: PAGE, offset }));
  const stats = useLoad("stats", () => api.stats());
  const speakers = useLoad("home:speakers", () => api.sources({ by: "speaker", limit: 10 }));
  const figures = useLoad("home:figures", () => api.figures({ limit: 8 }));
  return (
    <div class="home">
      <section class="home-main" aria-labelledby="articles-h">
        <h1 id="articles-h">Articles</h1>
        <Loaded load={stats} what="counts">
          {(s) => (
            <p class="stats">
              {s.articles} articles · {s.quotes} quotes · {s.quantities} figures · {s.claims} claims · {s.entities} names
            </p>
          )}
        </Loaded>
        <p class="hint">Open an article to read it with every quote highlighted and linked to its speaker.</p>
        <Loaded load={articles} what="articles">
          {(page) => (
            <>
              {page.items.length === 0 && <p>The store is empty. Add articles with <code>claimline ingest</code>.</p>}
              <ul class="articles">
                {page.items.map((a) => (
                  <li key={a.id}>
                    <a class="article-title" href={href(["article", a.id])}>{a.title || a.url || a.id}</a>
                    <span class="meta">
                      {a.outlet && <>{a.outlet} · </>}<Day value={a.published} /> · {a.quotes} quote{a.quotes === 1 ? "" : "s"} · {a.quantities} figure{a.quantities === 1 ? "" : "s"}
                    </span>
                  </li>
                ))}
              </ul>
              <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={setOffset} />
            </>
          )}
        </Loaded>
      </section>
      <aside class="home-side">
        <section aria-labelledby="quoted-h">
          <h2 id="quoted-h">Most quoted</h2>
          <Loaded load={speakers} what="speakers">
            {(page) => (
              <ol class="ranked">
                {page.items.map((g) => (
                  <li key={g.group}>
                    <SpeakerLink name={g.group} /> <a class="count" href={href(["quotes"], { speaker: g.group })} aria-label={`${g.quotes} quotes by ${g.group}`}>{g.quotes}</a>
                  </li>
                ))}
              </ol>
            )}
          </Loaded>
          <a href="#/sources">All sources →</a>
        </section>
        <section aria-labelledby="figures-h">
          <h2 id="figures-h">Figures tracked</h2>
          <Loaded load={figures} what="figures">
            {(page) => (
              <ul class="plain">
                {page.items.map((f) => (
                  <li key={f.key}>
                    <a href={href(["figures", f.key])}>{f.label}</a> <span class="count">{f.points.length}</span>
                    {f.disagreements.length > 0 && <span class="tag status-denied" title="figures that disagree">{f.disagreements.length} disagree</span>}
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
          <a href="#/figures">All figures →</a>
        </section>
      </aside>
    </div>
  );
}
