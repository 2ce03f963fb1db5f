// The quotes and claims explorer: filters in the URL (shareable), full-text search on quote words, paging.
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api.js";
import { ArticleLink, Day, KindTag, Loaded, Pager, SpeakerLink, StatusTag, usePageTitle } from "../components/common.js";
import { useDebounced, useLoad } from "../hooks.js";
import { href, replaceQuery, type Route } from "../router.js";

const PAGE = 50;
const STATUSES = ["asserted", "reported", "estimated", "alleged", "speculative", "denied"];

type Filters = Record<string, string>;

function useFilters(route: Route, names: string[]): [Filters, (k: string, v: string) => void] {
  const fromUrl = () => Object.fromEntries(names.map((n) => [n, route.query.get(n) ?? ""]));
  const [filters, setFilters] = useState<Filters>(fromUrl);
  const urlKey = route.query.toString();
  const written = useRef("");
  // Back/forward or a link changes the URL: the form follows (but not when the change is our own write).
  useEffect(() => {
    if (urlKey !== written.current) setFilters(fromUrl());
  }, [urlKey]);
  const debounced = useDebounced(filters, 300);
  useEffect(() => {
    const current = Object.fromEntries(names.map((n) => [n, route.query.get(n) ?? ""]));
    if (JSON.stringify(debounced) !== JSON.stringify(current)) {
      const next = new URLSearchParams();
      for (const [k, v] of Object.entries(debounced)) if (v) next.set(k, v);
      written.current = next.toString();
      replaceQuery(route.parts, debounced);
    }
  }, [debounced]);
  return [filters, (k, v) => setFilters((f) => ({ ...f, [k]: v }))];
}

function Field({ id, label, value, set, placeholder, list, type = "text" }: { id: string; label: string; value: string; set: (v: string) => void; placeholder?: string; list?: string; type?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} placeholder={placeholder} list={list} onInput={(e) => set(e.currentTarget.value)} />
    </div>
  );
}

function QuotesTab({ route }: { route: Route }) {
  const [f, set] = useFilters(route, ["speaker", "text", "kind", "outlet", "from", "to"]);
  const q = route.query;
  const offset = Number(q.get("offset") ?? 0) || 0;
  const params = { speaker: q.get("speaker") ?? undefined, text: q.get("text") ?? undefined, kind: q.get("kind") ?? undefined, outlet: q.get("outlet") ?? undefined, from: q.get("from") ?? undefined, to: q.get("to") ?? undefined, limit: PAGE, offset };
  const load = useLoad(`quotes:${JSON.stringify(params)}`, () => api.quotes(params));
  const speakers = useLoad("speakers:all", () => api.sources({ by: "speaker", limit: 500 }));
  return (
    <>
      <form class="filters" aria-label="Filter quotes" onSubmit={(e) => e.preventDefault()}>
        <Field id="f-speaker" label="Speaker" value={f.speaker!} set={(v) => set("speaker", v)} placeholder="any speaker" list="speaker-names" />
        <datalist id="speaker-names">
          {speakers.state === "ok" && speakers.data.items.map((g) => <option key={g.group} value={g.group} />)}
        </datalist>
        <Field id="f-text" label="Words in the quote" value={f.text!} set={(v) => set("text", v)} placeholder="full-text search" type="search" />
        <div class="field">
          <label for="f-kind">Kind</label>
          <select id="f-kind" value={f.kind} onChange={(e) => set("kind", e.currentTarget.value)}>
            <option value="">any</option>
            <option value="direct">direct quote</option>
            <option value="indirect">reported speech</option>
            <option value="mixed">partly quoted</option>
          </select>
        </div>
        <Field id="f-outlet" label="Outlet" value={f.outlet!} set={(v) => set("outlet", v)} placeholder="any outlet" />
        <Field id="f-from" label="From" value={f.from!} set={(v) => set("from", v)} type="date" />
        <Field id="f-to" label="To" value={f.to!} set={(v) => set("to", v)} type="date" />
      </form>
      <Loaded load={load} what="quotes">
        {(page) => (
          <>
            <p class="muted" role="status">{page.items.length === 0 ? "No quotes match." : `${page.offset + 1}–${page.offset + page.items.length}${page.next !== undefined ? " of more" : ""}`}</p>
            <ul class="quotes">
              {page.items.map((x) => (
                <li key={`${x.articleId}/${x.quoteId}`} class="quote-row">
                  <blockquote class={`q-${x.kind}`}>{x.kind === "direct" ? `“${x.text}”` : x.text}</blockquote>
                  <p class="meta">
                    <span class="speaker"><SpeakerLink name={x.speaker} /></span>
                    {x.speakerRoles.length > 0 && <span class="muted">, {x.speakerRoles.join("; ")}</span>}
                    {x.cue && <span class="muted"> — {x.cue}</span>}
                    {" "}<KindTag kind={x.kind} />
                    <br />
                    <ArticleLink id={x.articleId} title={x.title} quote={x.quoteId} /> · {x.outlet ?? "unknown outlet"} · <Day value={x.published} />
                  </p>
                </li>
              ))}
            </ul>
            <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(route.parts, { ...Object.fromEntries(q), offset: o || undefined })} />
          </>
        )}
      </Loaded>
    </>
  );
}

function ClaimsTab({ route }: { route: Route }) {
  const [f, set] = useFilters(route, ["status", "claimant", "from", "to"]);
  const q = route.query;
  const offset = Number(q.get("offset") ?? 0) || 0;
  const params = { status: q.get("status") ?? undefined, claimant: q.get("claimant") === "true" ? true : undefined, from: q.get("from") ?? undefined, to: q.get("to") ?? undefined, limit: PAGE, offset };
  const load = useLoad(`claims:${JSON.stringify(params)}`, () => api.claims(params));
  return (
    <>
      <form class="filters" aria-label="Filter claims" onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="c-status">Certainty</label>
          <select id="c-status" value={f.status} onChange={(e) => set("status", e.currentTarget.value)}>
            <option value="">any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div class="field check">
          <input id="c-claimant" type="checkbox" checked={f.claimant === "true"} onChange={(e) => set("claimant", e.currentTarget.checked ? "true" : "")} />
          <label for="c-claimant">Only claims that say who makes them</label>
        </div>
        <Field id="c-from" label="From" value={f.from!} set={(v) => set("from", v)} type="date" />
        <Field id="c-to" label="To" value={f.to!} set={(v) => set("to", v)} type="date" />
      </form>
      <Loaded load={load} what="claims">
        {(page) => (
          <>
            {page.items.length === 0 && <p class="muted">No claims match.</p>}
            <ul class="quotes">
              {page.items.map((c) => (
                <li key={`${c.articleId}/${c.claimId}`} class="quote-row">
                  <p class="claim-text"><StatusTag status={c.status} /> {c.text}</p>
                  <p class="meta">
                    {c.claimant ? <SpeakerLink name={c.claimant} /> : <span class="muted">no claimant named</span>}
                    {c.cues.length > 0 && <span class="muted"> — cues: {c.cues.join(", ")}</span>}
                    <br />
                    <ArticleLink id={c.articleId} title={c.title} /> · {c.outlet ?? "unknown outlet"} · <Day value={c.published} />
                  </p>
                </li>
              ))}
            </ul>
            <Pager offset={page.offset} limit={page.limit} next={page.next} count={page.items.length} go={(o) => replaceQuery(route.parts, { ...Object.fromEntries(q), offset: o || undefined })} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function QuotesPage({ route }: { route: Route }) {
  const claims = route.parts[0] === "claims";
  usePageTitle(claims ? "Claims" : "Quotes");
  return (
    <section aria-labelledby="quotes-h">
      <h1 id="quotes-h">{claims ? "Claims" : "Quotes"}</h1>
      <nav class="tabs" aria-label="Quotes or claims">
        <a href={href(["quotes"])} aria-current={!claims ? "page" : undefined}>Who said what</a>
        <a href={href(["claims"])} aria-current={claims ? "page" : undefined}>Claims by certainty</a>
      </nav>
      {claims ? <ClaimsTab route={route} /> : <QuotesTab route={route} />}
    </section>
  );
}
