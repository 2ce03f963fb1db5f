// Hash routing (#/article/<id>, #/quotes?speaker=…): deep links work and the server needs no client routes.
import { useEffect, useState } from "preact/hooks";

export interface Route {
  /** the path segments after `#/`, decoded */
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  const parts = path.split("/").filter((p) => p !== "").map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, query };
}

/** `#/a/b?x=1`, encoding each segment and leaving out empty parameters. */
export function href(parts: (string | undefined)[], query: Record<string, string | number | undefined> = {}): string {
  const path = parts.filter((p): p is string => p !== undefined && p !== "").map(encodeURIComponent).join("/");
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") search.set(k, String(v));
  const qs = search.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** Replaces the query of the current route (filters) without adding a history entry per keystroke. */
export function replaceQuery(parts: string[], query: Record<string, string | number | undefined>): void {
  const next = href(parts, query);
  if (next !== location.hash) {
    history.replaceState(null, "", next);
    dispatchEvent(new HashChangeEvent("hashchange"));
  }
}
