// People, organisations and places resolved across articles: the index, one entity's page, and name → page look-up.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.js";
import { ArticleLink, Day, KindTag, Loaded, Pager, usePageTitle } from "../components/common.js";
import { boundPhrase } from "../annotate.js";
import { useDebounced, useLoad } from "../hooks.js";
import { href, replaceQuery, type Route } from "../router.js";

const TYPES: [string, string][] = [["", "all"], ["PERSON", "people"], ["ORG", "organisations"], ["GPE", "countries & cities"], ["LOC", "other places"], ["NORP", "nationalities & groups"]];

export function EntitiesPage({ route }: { route: Route }) {
  usePageTitle("People & organisations");
  const type = route.query.get("type") ?? "PERSON";
  const offset = Number(route.query.get("offset") ?? 0) || 0;
  const [name, setName] = useState(route.query.get("name") ?? "");
  const debounced = useDebounced(name, 300);
  useEffect(() => {
    if (debounced !== (route.query.get("name") ?? "")) replaceQuery(["people"], { type, name: debounced });
  }, [debounced]);
  const params = { type: type || undefined, name: route.query.get("name") ?? undefined, limit: 50, offset };
  const load = useLoad(`entities:${JSON.stringify(params)}`, () => api.entities(params));
  return (
    <section aria-labelledby="ent-h">
      <h1 id="ent-h">People &amp; organisations</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter names">
        <div class="field">
          <label for="e-type">Type</label>
          <select id="e-type" value={type} onChange={(e) => replaceQuery(["people"], { type: e.currentTarget.value, name })}>
            {TYPES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="e-name">Name</label>
          <input id="e-name" type="search" value={name} placeholder="any name or spelling" onInput={(e) => setName(e.currentTarget.value)} />
        </div>
      </form>
      <Loaded load={load} what="names">
        {(page) => (
          <>
            {page.items.length === 0 && <p class="muted">No names match.</p>}
            <table class="grid">
              <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Roles</th><th scope="col" class="num">Articles</th><th scope="col" class="num">Mentions</th></tr></thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.id}>
                    <td><a href={href(["entity", e.id])}>{e.name}</a>{e.variants.length > 1 && <span class="muted"> also {e.variants.slice(1, 4).map((v) => v.name).join(", ")}</span>}</td>
                    <td>{e.type}</td>
                    <td>{e.roles.slice(0, 3).map((r) => r.role).join("; ")}</td>
                    <td class="num">{e.articles}</td>
                    <td class="num">{e.mentions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(["people"], { type, name, offset: o || undefined })} />
          </>
        )}
      </Loaded>
    </section>
  );
}

export function EntityPage({ id }: { id: string }) {
  const load = useLoad(`entity:${id}`, () => api.entity(id));
  usePageTitle(load.state === "ok" ? load.data.entity.name : "Entity");
  return (
    <Loaded load={load} what="person or organisation">
      {({ entity: e, quotes, figures, articles }) => (
        <div class="entity">
          <header>
            <h1>{e.name} <span class="tag">{e.type}</span></h1>
            <p class="meta">
              {e.articles} article{e.articles === 1 ? "" : "s"} · {e.mentions} mention{e.mentions === 1 ? "" : "s"}
              {e.firstSeen && <> · seen <Day value={e.firstSeen} />{e.lastSeen && e.lastSeen !== e.firstSeen && <> to <Day value={e.lastSeen} /></>}</>}
              {e.outlets.length > 0 && <> · in {e.outlets.join(", ")}</>}
            </p>
            {e.variants.length > 1 && <p class="muted">Also written: {e.variants.slice(1).map((v) => `${v.name} (${v.articles})`).join(", ")}{e.confidence < 1 && ` — merged with ${Math.round(e.confidence * 100)}% confidence`}</p>}
          </header>
          <div class="columns">
            <section aria-labelledby="said-h" class="col-wide">
              <h2 id="said-h">What {e.name} said <span class="count">{quotes.length}</span></h2>
              {quotes.length === 0 && <p class="muted">No quotes attributed.</p>}
              <ul class="quotes">
                {quotes.map((q) => (
                  <li key={`${q.articleId}/${q.quoteId}`} class="quote-row">
                    <blockquote class={`q-${q.kind}`}>{q.kind === "direct" ? `“${q.text}”` : q.text}</blockquote>
                    <p class="meta">{q.cue && <>{q.cue} · </>}<KindTag kind={q.kind} /> · <ArticleLink id={q.articleId} title={q.title} quote={q.quoteId} /> · <Day value={q.published} /></p>
                  </li>
                ))}
              </ul>
            </section>
            <div class="col-narrow">
              <section aria-labelledby="roles-h">
                <h2 id="roles-h">Roles over time</h2>
                {e.roles.length === 0 ? <p class="muted">No roles found.</p> : (
                  <table class="grid">
                    <thead><tr><th scope="col">Role</th><th scope="col">First</th><th scope="col">Last</th><th scope="col" class="num">Articles</th></tr></thead>
                    <tbody>{e.roles.map((r) => <tr key={r.role}><td>{r.role}</td><td><Day value={r.first} /></td><td><Day value={r.last} /></td><td class="num">{r.articles}</td></tr>)}</tbody>
                  </table>
                )}
              </section>
              <section aria-labelledby="aff-h">
                <h2 id="aff-h">Affiliations</h2>
                {e.affiliations.length === 0 ? <p class="muted">None found.</p> : <ul class="plain">{e.affiliations.map((a) => <li key={a}>{a}</li>)}</ul>}
              </section>
              <section aria-labelledby="fig-h">
                <h2 id="fig-h">Figures given <span class="count">{figures.length}</span></h2>
                {figures.length === 0 ? <p class="muted">None.</p> : (
                  <ul class="plain">
                    {figures.map((f) => (
                      <li key={`${f.articleId}/${f.quantityId}`}>
                        <strong>{f.text}</strong> {f.counted ?? ""} <span class="muted">({boundPhrase(f)})</span>
                        {f.counted && <> · <a href={href(["figures"], { counted: f.counted })}>timeline</a></>}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="art-h">
                <h2 id="art-h">Articles <span class="count">{articles.length}</span></h2>
                <ul class="plain">{articles.map((a) => <li key={a.id}><ArticleLink id={a.id} title={a.title} /> <span class="muted"><Day value={a.published} /></span></li>)}</ul>
              </section>
            </div>
          </div>
        </div>
      )}
    </Loaded>
  );
}

const words = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Whether a spelling is the name asked for: equal words, or one ends with the other's words ("Health Minister
 * Jane Doe" and "Jane Doe"). A substring is not enough: "he" must not open a page for "the Health Ministry".
 */
function sameName(variant: string, asked: string): boolean {
  const a = words(variant);
  const b = words(asked);
  if (!a.length || !b.length) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.join(" ") === long.slice(long.length - short.length).join(" ") && (short.length > 1 || short[0]!.length > 3 || a.length === b.length);
}

/** `#/who/<name as written>`: finds the resolved entity the name belongs to and shows its page, else its quotes. */
export function WhoPage({ name }: { name: string }) {
  const load = useLoad(`who:${name}`, async () => {
    for (const type of ["PERSON", "ORG", undefined]) {
      const page = await api.entities({ name, type, limit: 5 });
      const hit = page.items.find((e) => e.variants.some((v) => sameName(v.name, name)));
      if (hit) return hit.id;
    }
    return undefined;
  });
  useEffect(() => {
    if (load.state === "ok") {
      const to = load.data ? href(["entity", load.data]) : href(["quotes"], { speaker: name });
      history.replaceState(null, "", to);
      dispatchEvent(new HashChangeEvent("hashchange"));
    }
  }, [load]);
  return <Loaded load={load} what={name}>{() => <p class="muted">Opening {name}…</p>}</Loaded>;
}
