// The annotated article reader: quotes linked to speakers, figures with bounds and claimants, hedges, places and dates.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ArticleRecord, EntityRecord, QuantityRecord, QuoteRecord } from "../../../src/core/record.js";
import { annotate, boundPhrase, type Mark, type Piece } from "../annotate.js";
import { api } from "../api.js";
import { useCard } from "../components/Card.js";
import { Day, KindTag, Loaded, SpeakerLink, StatusTag, usePageTitle } from "../components/common.js";
import { useLoad } from "../hooks.js";
import { href } from "../router.js";

const PLACE_TYPES = new Set(["GPE", "LOC"]);
/** Speakers that are only a pronoun: the card says so instead of presenting "he" as a source. */
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you"]);

function domId(kind: string, id: string) {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function speakerName(q: QuoteRecord, record: ArticleRecord): string | undefined {
  if (!q.speaker) return undefined;
  const e = q.speaker.entity ? record.entities.find((x) => x.id === q.speaker!.entity) : undefined;
  return e?.name ?? q.speaker.name;
}

function EntityFacts({ entity }: { entity?: EntityRecord }) {
  if (!entity) return null;
  return (
    <>
      {!!entity.roles?.length && <p><span class="k">role</span> {entity.roles.join("; ")}</p>}
      {!!entity.affiliations?.length && <p><span class="k">with</span> {entity.affiliations.join("; ")}</p>}
      {!!entity.descriptors?.length && !entity.roles?.length && <p><span class="k">described as</span> {entity.descriptors.join("; ")}</p>}
    </>
  );
}

function QuoteCard({ quote, record }: { quote: QuoteRecord; record: ArticleRecord }) {
  const name = speakerName(quote, record);
  const entity = quote.speaker?.entity ? record.entities.find((x) => x.id === quote.speaker!.entity) : undefined;
  return (
    <div>
      <p class="card-title">
        {name ? <><span class="k">said by</span> <strong class="card-speaker">{name}</strong></> : <strong>Speaker not identified</strong>}
      </p>
      {name && quote.speaker!.name !== name && <p class="muted">written as “{quote.speaker!.name}”</p>}
      {name && !entity && PRONOUNS.has(name.toLowerCase()) && <p class="muted">A pronoun: who it refers to was not resolved; read the sentences before.</p>}
      <EntityFacts entity={entity} />
      <p>
        <KindTag kind={quote.kind} />
        {quote.cue && <> <span class="k">verb</span> “{quote.cue.text}”</>}
        {quote.confidence !== undefined && <> <span class="k">confidence</span> {Math.round(quote.confidence * 100)}%</>}
      </p>
      {name && (
        <p class="card-links">
          <a href={href(["who", name])}>{name}’s page</a>
          <a href={href(["quotes"], { speaker: name })}>All quotes by {name}</a>
        </p>
      )}
    </div>
  );
}

function FigureCard({ quantity, record, articleId }: { quantity: QuantityRecord; record: ArticleRecord; articleId: string }) {
  const claimant = quantity.claimant ? (record.entities.find((e) => e.id === quantity.claimant!.entity)?.name ?? quantity.claimant.name) : undefined;
  return (
    <div>
      <p class="card-title"><strong>{quantity.text}</strong> <span class={`bound bound-${quantity.bound}`}>{boundPhrase(quantity)}</span></p>
      {quantity.unit && <p><span class="k">unit</span> {quantity.unit}</p>}
      <p><span class="k">counts</span> {quantity.counted ?? <span class="muted">not stated</span>}</p>
      <p><span class="k">claimed by</span> {claimant ?? <span class="muted">the article (no source named)</span>}</p>
      {quantity.time && <p><span class="k">as of</span> {quantity.time}</p>}
      {quantity.counted && (
        <p class="card-links">
          <a href={href(["figures"], { counted: quantity.counted, article: articleId, figure: quantity.id })}>Timeline of “{quantity.counted}”</a>
        </p>
      )}
    </div>
  );
}

function cardFor(mark: Mark, record: ArticleRecord, articleId: string): ComponentChildren {
  switch (mark.kind) {
    case "quote":
    case "speaker":
    case "cue":
      return <QuoteCard quote={mark.quote} record={record} />;
    case "figure":
      return <FigureCard quantity={mark.quantity} record={record} articleId={articleId} />;
    case "time":
      return (
        <div>
          <p class="card-title"><strong>{mark.time.text}</strong></p>
          <p><span class="k">{mark.time.type.toLowerCase()}</span> {mark.time.value}</p>
        </div>
      );
    case "certainty":
      return (
        <div>
          <p class="card-title"><StatusTag status={mark.claim.status} /> <span class="k">cue</span> “{mark.cue}”</p>
          <p class="muted">The sentence is {mark.claim.status}, not stated as fact{mark.claim.claimant ? ` (by ${mark.claim.claimant.name})` : ""}.</p>
        </div>
      );
    case "entity": {
      const e = mark.entity;
      return (
        <div>
          <p class="card-title"><strong>{e.name}</strong> <span class="tag">{e.type}</span></p>
          <EntityFacts entity={e} />
          {e.geo && <p><span class="k">at</span> {e.geo.lat.toFixed(2)}, {e.geo.lon.toFixed(2)} ({e.geo.country})</p>}
          <p class="card-links">
            {e.type === "PERSON" || e.type === "ORG" ? <a href={href(["who", e.name])}>{e.name}’s page</a> : null}
            {e.geo ? <a href={href(["map"], { article: articleId })}>On the map</a> : null}
          </p>
        </div>
      );
    }
  }
}

function markClass(mark: Mark): string {
  switch (mark.kind) {
    case "quote": return `m-quote q-${mark.quote.kind}`;
    case "figure": return `m-figure bound-${mark.quantity.bound}`;
    case "certainty": return `m-certainty status-${mark.claim.status}`;
    case "entity": return `m-entity ${PLACE_TYPES.has(mark.entity.type) ? "m-place" : `m-${mark.entity.type.toLowerCase()}`}`;
    default: return `m-${mark.kind}`;
  }
}

function markLabel(mark: Mark, record: ArticleRecord): string {
  switch (mark.kind) {
    case "quote": return `Quote by ${speakerName(mark.quote, record) ?? "an unidentified speaker"}`;
    case "speaker": return `Speaker ${speakerName(mark.quote, record) ?? ""}`;
    case "figure": return `Figure: ${boundPhrase(mark.quantity)}${mark.quantity.counted ? ` ${mark.quantity.counted}` : ""}`;
    case "certainty": return `Hedge: ${mark.claim.status}`;
    default: return "";
  }
}

function Pieces({ pieces, record, articleId }: { pieces: Piece[]; record: ArticleRecord; articleId: string }) {
  const card = useCard();
  return (
    <>
      {pieces.map((p) => {
        if ("text" in p) return p.text;
        const m = p.mark;
        // Quotes and figures take keyboard focus (they are what people come for); names and dates only hover.
        const focusable = m.kind === "quote" || m.kind === "figure";
        const id = m.kind === "quote" ? domId("quote", m.quote.id) : m.kind === "figure" ? domId("figure", m.quantity.id) : undefined;
        const cardId = `card-${m.kind}-${m.start}`;
        const label = markLabel(m, record);
        return (
          <span
            key={`${m.kind}${m.start}`}
            id={id}
            class={`mark ${markClass(m)}`}
            tabIndex={focusable ? 0 : undefined}
            role={focusable ? "button" : undefined}
            aria-label={focusable ? `${label}: ${record.text.slice(m.start, m.end)}` : undefined}
            data-speaker={m.kind === "quote" ? (speakerName(m.quote, record) ?? "") : undefined}
            {...card(cardId, () => cardFor(m, record, articleId))}
          >
            <Pieces pieces={p.children} record={record} articleId={articleId} />
          </span>
        );
      })}
    </>
  );
}

/** The highlight layers a reader can switch off (kept per browser): what is noise depends on the question asked. */
const LAYERS: { key: string; label: string; sample: string }[] = [
  { key: "quote", label: "quotes", sample: "mark m-quote q-direct" },
  { key: "speaker", label: "speakers", sample: "mark m-speaker" },
  { key: "cue", label: "said", sample: "mark m-cue" },
  { key: "figure", label: "figures", sample: "mark m-figure" },
  { key: "certainty", label: "hedges", sample: "mark m-certainty" },
  { key: "time", label: "dates", sample: "mark m-time" },
  { key: "place", label: "places", sample: "mark m-entity m-place" },
  { key: "name", label: "people / orgs", sample: "mark m-entity m-person" },
];
const LAYERS_KEY = "claimline.hiddenLayers";

function useHiddenLayers(): [Set<string>, (key: string) => void] {
  const [hidden, setHidden] = useState<Set<string>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(LAYERS_KEY) ?? "[]") as string[]);
    } catch {
      return new Set();
    }
  });
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden(next);
    try {
      localStorage.setItem(LAYERS_KEY, JSON.stringify([...next]));
    } catch {
      // storage may be off (private mode): the choice then lasts for the page only
    }
  };
  return [hidden, toggle];
}

function Legend({ hidden, toggle }: { hidden: Set<string>; toggle: (key: string) => void }) {
  return (
    <div class="legend" role="group" aria-label="Highlights: press to show or hide">
      {LAYERS.map((l) => (
        <button key={l.key} type="button" class="layer" aria-pressed={!hidden.has(l.key)} onClick={() => toggle(l.key)}>
          <span class={l.sample}>{l.label}</span>
        </button>
      ))}
    </div>
  );
}

function focusMark(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.focus({ preventScroll: true });
}

function Sidebar({ record, articleId }: { record: ArticleRecord; articleId: string }) {
  const speakers = new Map<string, QuoteRecord[]>();
  for (const q of record.quotes) {
    const n = speakerName(q, record) ?? "Unidentified";
    speakers.set(n, [...(speakers.get(n) ?? []), q]);
  }
  const places = record.entities.filter((e) => e.geo);
  const dates = record.times.filter((t) => t.type === "DATE");
  const hedged = record.claims.filter((c) => c.status !== "asserted");
  return (
    <aside class="side" aria-label="In this article">
      <section>
        <h2>Who is quoted <span class="count">{record.quotes.length}</span></h2>
        {speakers.size === 0 && <p class="muted">No quotes found.</p>}
        <ul class="plain">
          {[...speakers].sort((a, b) => b[1].length - a[1].length).map(([name, qs]) => (
            <li key={name}>
              {name === "Unidentified" ? <span class="muted">Unidentified</span> : <SpeakerLink name={name} />} <span class="count">{qs.length}</span>
              <ol class="jump">
                {qs.map((q) => (
                  <li key={q.id}>
                    <button type="button" class="linklike" onClick={() => focusMark(domId("quote", q.id))}>
                      “{q.text.length > 70 ? `${q.text.slice(0, 68)}…` : q.text}”
                    </button>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Figures <span class="count">{record.quantities.length}</span></h2>
        <ul class="plain">
          {record.quantities.map((f) => (
            <li key={f.id}>
              <button type="button" class="linklike" onClick={() => focusMark(domId("figure", f.id))}>{f.text}</button>
              {f.counted && <> {f.counted} · <a href={href(["figures"], { counted: f.counted, article: articleId, figure: f.id })}>timeline</a></>}
            </li>
          ))}
        </ul>
      </section>
      {hedged.length > 0 && (
        <section>
          <h2>Hedged statements <span class="count">{hedged.length}</span></h2>
          <ul class="plain">
            {hedged.map((c) => (
              <li key={c.id}>
                <StatusTag status={c.status} /> <span class="muted">{c.cues.map((x) => `“${x.text}”`).join(", ")}</span> {c.text.length > 90 ? `${c.text.slice(0, 88)}…` : c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h2>Places <span class="count">{places.length}</span></h2>
        {places.length === 0 ? <p class="muted">No places found.</p> : <p>{places.map((p, i) => <>{i > 0 && ", "}{p.name}</>)}</p>}
        {places.length > 0 && <a href={href(["map"], { article: articleId })}>Map of this article’s places</a>}
      </section>
      {dates.length > 0 && (
        <section>
          <h2>Dates</h2>
          <ul class="plain">{dates.map((t) => <li key={t.id}>{t.text} <span class="muted">{t.value}</span></li>)}</ul>
        </section>
      )}
    </aside>
  );
}

export function ArticlePage({ id, at }: { id: string; at?: string }) {
  const load = useLoad(`article:${id}`, () => api.article(id));
  const record = load.state === "ok" ? load.data : undefined;
  usePageTitle(record?.source.title ?? "Article");
  const paras = useMemo(() => (record ? annotate(record) : []), [record]);
  const [hidden, toggle] = useHiddenLayers();
  useEffect(() => {
    if (record && at) setTimeout(() => focusMark(domId("quote", at)), 50);
  }, [record, at]);
  return (
    <Loaded load={load} what="article">
      {(r) => (
        <div class="reader">
          <article class="article" aria-labelledby="article-title">
            <header>
              <h1 id="article-title">{r.source.title || "Untitled article"}</h1>
              <p class="byline">
                {r.source.outlet && <span>{r.source.outlet}</span>}
                {" · "}<Day value={r.source.published} />
                {r.source.byline?.length ? <> · {r.source.byline.join(", ")}</> : null}
                {r.source.url && <> · <a href={r.source.url} rel="noreferrer noopener" target="_blank">original</a></>}
              </p>
              <p class="hint">Hover or Tab to a highlighted quote to see who said it; Enter opens its card.</p>
              <Legend hidden={hidden} toggle={toggle} />
            </header>
            <div class={`body ${[...hidden].map((h) => `hide-${h}`).join(" ")}`}>
              {paras.map((p) => <p key={p.start}><Pieces pieces={p.pieces} record={r} articleId={id} /></p>)}
            </div>
            {!!r.warnings?.length && <details class="warnings"><summary>Extraction warnings ({r.warnings.length})</summary><ul>{r.warnings.map((w) => <li>{w}</li>)}</ul></details>}
          </article>
          <Sidebar record={r} articleId={id} />
        </div>
      )}
    </Loaded>
  );
}
