// Small shared pieces: load states, paging, dates, links to speakers and articles, highlighted search snippets.
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import type { Load } from "../hooks.js";
import { href } from "../router.js";

export function Loaded<T>({ load, children, what }: { load: Load<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (load.state === "loading") return <p class="muted" role="status" aria-live="polite">Loading {what}…</p>;
  if (load.state === "error") {
    return (
      <p class="error" role="alert">
        {load.status === 404 ? `No such ${what}.` : `Could not load ${what}: ${load.message}`}
      </p>
    );
  }
  return <>{children(load.data)}</>;
}

export function Pager({ offset, limit, next, count, go }: { offset: number; limit: number; next?: number; count: number; go: (offset: number) => void }) {
  if (offset === 0 && next === undefined) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => go(Math.max(0, offset - limit))}>← Previous</button>
      <span class="muted">{count ? `${offset + 1}–${offset + count}` : "none"}</span>
      <button type="button" disabled={next === undefined} onClick={() => next !== undefined && go(next)}>Next →</button>
    </nav>
  );
}

/** A day as the record has it (YYYY-MM-DD…), shown as is: no time-zone shift of a date-only value. */
export function Day({ value }: { value?: string }) {
  if (!value) return <span class="muted">undated</span>;
  return <time dateTime={value.slice(0, 10)}>{value.slice(0, 10)}</time>;
}

export function SpeakerLink({ name }: { name?: string }) {
  if (!name) return <span class="muted">unattributed</span>;
  return <a class="speaker-link" href={href(["who", name])}>{name}</a>;
}

export function ArticleLink({ id, title, quote }: { id: string; title?: string; quote?: string }) {
  return <a href={href(["article", id], { at: quote })}>{title || id}</a>;
}

/** A search snippet with its `[match]` markers as <mark>; the text itself is only ever text. */
export function Snippet({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(<mark class="hit">{m[1]}</mark>);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

export function KindTag({ kind }: { kind: string }) {
  const label = kind === "direct" ? "direct quote" : kind === "indirect" ? "reported speech" : kind === "mixed" ? "partly quoted" : kind;
  return <span class={`tag tag-${kind}`}>{label}</span>;
}

export function StatusTag({ status }: { status: string }) {
  return <span class={`tag status-${status}`}>{status}</span>;
}

export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · claimline` : "claimline";
  }, [title]);
}
