// The sources dashboard: who gets quoted, grouped by speaker, outlet, role category or nationality.
import { api } from "../api.js";
import { Loaded, Pager, SpeakerLink, usePageTitle } from "../components/common.js";
import { useLoad } from "../hooks.js";
import { href, replaceQuery, type Route } from "../router.js";

const GROUPINGS: [string, string][] = [["speaker", "Speaker"], ["outlet", "Outlet"], ["role", "Role"], ["nationality", "Nationality"]];
const BAR_W = 220;

export function SourcesPage({ route }: { route: Route }) {
  usePageTitle("Sources");
  const by = route.query.get("by") ?? "speaker";
  const outlet = route.query.get("outlet") ?? undefined;
  const offset = Number(route.query.get("offset") ?? 0) || 0;
  const params = { by, outlet, limit: 50, offset };
  const load = useLoad(`sources:${JSON.stringify(params)}`, () => api.sources(params));
  return (
    <section aria-labelledby="src-h">
      <h1 id="src-h">Who gets quoted</h1>
      <nav class="tabs" aria-label="Group quotes by">
        {GROUPINGS.map(([v, l]) => <a key={v} href={href(["sources"], { by: v, outlet })} aria-current={by === v ? "page" : undefined}>By {l.toLowerCase()}</a>)}
      </nav>
      {outlet && <p>Only quotes from <strong>{outlet}</strong> · <a href={href(["sources"], { by })}>all outlets</a></p>}
      <Loaded load={load} what="sources">
        {(page) => {
          const max = Math.max(1, ...page.items.map((g) => g.quotes));
          return (
            <>
              {page.items.length === 0 && <p class="muted">No attributed quotes yet.</p>}
              <table class="grid sources">
                <caption class="sr-only">Quotes per {by}: direct and reported shares</caption>
                <thead>
                  <tr>
                    <th scope="col">{GROUPINGS.find(([v]) => v === by)?.[1] ?? by}</th>
                    <th scope="col" class="num">Quotes</th>
                    <th scope="col"><span class="sw sw-direct" aria-hidden="true" /> direct / <span class="sw sw-indirect" aria-hidden="true" /> reported / <span class="sw sw-mixed" aria-hidden="true" /> partly</th>
                    <th scope="col" class="num">Articles</th>
                    <th scope="col">{by === "speaker" ? "Outlets" : "Most quoted"}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((g) => {
                    const scale = BAR_W / max;
                    return (
                      <tr key={g.group}>
                        <th scope="row">
                          {by === "speaker" ? <SpeakerLink name={g.group} /> : by === "outlet" ? <a href={href(["sources"], { by: "speaker", outlet: g.group })}>{g.group}</a> : g.group}
                        </th>
                        <td class="num">
                          {/* The quotes API filters by speaker and outlet; a role or country group has no list of its own. */}
                          {by === "speaker" || by === "outlet"
                            ? <a href={href(["quotes"], by === "speaker" ? { speaker: g.group } : { outlet: g.group })} aria-label={`${g.quotes} quotes: list them`}>{g.quotes}</a>
                            : g.quotes}
                        </td>
                        <td>
                          <svg width={BAR_W} height="14" role="img" aria-label={`${g.direct} direct, ${g.indirect} reported, ${g.mixed} partly quoted`}>
                            <rect x={0} y={2} width={g.direct * scale} height={10} class="bar-direct" />
                            <rect x={g.direct * scale} y={2} width={g.indirect * scale} height={10} class="bar-indirect" />
                            <rect x={(g.direct + g.indirect) * scale} y={2} width={g.mixed * scale} height={10} class="bar-mixed" />
                          </svg>
                        </td>
                        <td class="num">{g.articles}</td>
                        <td class="top-names">
                          {g.top.slice(0, 3).map((t, i) => <>{i > 0 && ", "}{by === "speaker" ? t.name : <SpeakerLink name={t.name} />} <span class="muted">{t.quotes}</span></>)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(["sources"], { by, outlet, offset: o || undefined })} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
