// Figures tracked across articles: the list of series (filter by what is counted or who claims it) and one series' timeline.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { boundPhrase } from "../annotate.js";
import { ArticleLink, Day, Loaded, Pager, usePageTitle } from "../components/common.js";
import { claimantColor, Sparkline, Timeline } from "../components/Timeline.js";
import { useDebounced, useLoad } from "../hooks.js";
import { href, replaceQuery, type Route } from "../router.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function FiguresPage({ route }: { route: Route }) {
  usePageTitle("Figures");
  const q = route.query;
  const [counted, setCounted] = useState(q.get("counted") ?? "");
  const [claimant, setClaimant] = useState(q.get("claimant") ?? "");
  const dc = useDebounced(counted, 300);
  const dk = useDebounced(claimant, 300);
  useEffect(() => {
    if (dc !== (q.get("counted") ?? "") || dk !== (q.get("claimant") ?? "")) replaceQuery(["figures"], { counted: dc, claimant: dk });
  }, [dc, dk]);
  const offset = Number(q.get("offset") ?? 0) || 0;
  const params = { counted: q.get("counted") ?? undefined, claimant: q.get("claimant") ?? undefined, limit: 30, offset };
  const load = useLoad(`figures:${JSON.stringify(params)}`, () => api.figures(params));
  // From the reader: `article` and `figure` name one figure; its series opens directly when it is on this page.
  const article = q.get("article");
  const figure = q.get("figure");
  useEffect(() => {
    if (load.state !== "ok" || !article || !figure) return;
    const series = load.data.items.find((s) => s.points.some((p) => p.articleId === article && p.quantityId === figure));
    if (series) {
      history.replaceState(null, "", href(["figures", series.key]));
      dispatchEvent(new HashChangeEvent("hashchange"));
    }
  }, [load, article, figure]);
  return (
    <section aria-labelledby="fig-h">
      <h1 id="fig-h">Figures</h1>
      <p class="hint">The same counted thing across articles, per claimant. Open one to see its timeline.</p>
      <form class="filters" aria-label="Filter figures" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="fg-counted">What is counted</label>
          <input id="fg-counted" type="search" value={counted} placeholder="e.g. deaths, people" onInput={(e) => setCounted(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="fg-claimant">Claimant</label>
          <input id="fg-claimant" type="search" value={claimant} placeholder="anyone" onInput={(e) => setClaimant(e.currentTarget.value)} />
        </div>
      </form>
      <Loaded load={load} what="figures">
        {(page) => (
          <>
            {page.items.length === 0 && <p class="muted">No figures match.</p>}
            <ul class="series-list">
              {page.items.map((s) => (
                <li key={s.key} class="series-item">
                  <h2><a href={href(["figures", s.key])}>{s.label}</a></h2>
                  <p class="meta">
                    {plural(s.points.length, "figure")} · {plural(s.claimants.length, "claimant")}
                    {s.disagreements.length > 0 && <> · <span class="tag status-denied">{s.disagreements.length} disagree</span></>}
                  </p>
                  {s.points.length > 1 && <Sparkline series={s} />}
                  <ul class="latest">
                    {s.claimants.slice(0, 4).map((c) => (
                      <li key={c.claimant}>
                        <svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4.5" fill={claimantColor(s, c.claimant)} /></svg>{" "}
                        {c.claimant}: <strong>{c.latest.text}</strong>
                      </li>
                    ))}
                    {s.claimants.length === 0 && s.points[0] && <li><span class="muted">no source named:</span> <strong>{s.points[0].text}</strong></li>}
                    {s.claimants.length > 4 && <li class="muted">and {s.claimants.length - 4} more</li>}
                  </ul>
                </li>
              ))}
            </ul>
            <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(["figures"], { counted: dc, claimant: dk, offset: o || undefined })} />
          </>
        )}
      </Loaded>
    </section>
  );
}

export function FigurePage({ figureKey }: { figureKey: string }) {
  const load = useLoad(`figure:${figureKey}`, () => api.figure(figureKey));
  usePageTitle(load.state === "ok" ? `Figures: ${load.data.label}` : "Figure timeline");
  return (
    <Loaded load={load} what="figure series">
      {(s) => (
        <div class="figure-page">
          <p class="crumbs"><a href="#/figures">Figures</a> /</p>
          <h1>{s.label}</h1>
          <p class="meta">{plural(s.points.length, "figure")} · {plural(s.claimants.length, "claimant")}{s.terms.length > 1 && <> · matched on “{s.terms.join(" ")}”</>}</p>
          <Timeline series={s} />
          <div class="columns">
            <section class="col-wide" aria-labelledby="pts-h">
              <h2 id="pts-h">Every figure</h2>
              <table class="grid">
                <thead><tr><th scope="col">As of</th><th scope="col">Figure</th><th scope="col">Reads as</th><th scope="col">Claimant</th><th scope="col">Article</th></tr></thead>
                <tbody>
                  {s.points.map((p) => (
                    <tr key={`${p.articleId}/${p.quantityId}`}>
                      <td><Day value={p.date} /></td>
                      <td><strong>{p.text}</strong> {p.counted}</td>
                      <td>{boundPhrase(p)}</td>
                      <td>{p.claimant ?? <span class="muted">none named</span>}</td>
                      <td><ArticleLink id={p.articleId} title={p.title} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div class="col-narrow">
              <section aria-labelledby="dis-h">
                <h2 id="dis-h">Disagreements <span class="count">{s.disagreements.length}</span></h2>
                {s.disagreements.length === 0 ? <p class="muted">The figures do not contradict each other.</p> : (
                  <ul class="plain">
                    {s.disagreements.map((d, i) => (
                      <li key={i} class="disagreement">
                        <strong>{d.a.text}</strong> ({d.a.claimant ?? "unattributed"}) vs <strong>{d.b.text}</strong> ({d.b.claimant ?? "unattributed"})
                        <br /><span class="muted">{d.reason}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="cl-h">
                <h2 id="cl-h">Claimants</h2>
                <table class="grid">
                  <thead><tr><th scope="col">Who</th><th scope="col" class="num">Figures</th><th scope="col">Latest</th><th scope="col">Range</th></tr></thead>
                  <tbody>
                    {s.claimants.map((c) => (
                      <tr key={c.claimant}>
                        <td><a href={href(["who", c.claimant])}>{c.claimant}</a></td>
                        <td class="num">{c.figures}</td>
                        <td>{c.latest.text}</td>
                        <td>{c.min === c.max ? "" : `${c.min.toLocaleString("en")}–${c.max.toLocaleString("en")}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>
          </div>
        </div>
      )}
    </Loaded>
  );
}
