// Data-loading hook: one request per distinct key, stale answers dropped when the key changes.
import { useEffect, useState } from "preact/hooks";

export type Load<T> = { state: "loading" } | { state: "error"; message: string; status?: number } | { state: "ok"; data: T };

export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> {
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({ key, value: { state: "loading" } });
  useEffect(() => {
    let live = true;
    setResult({ key, value: { state: "loading" } });
    load().then(
      (data) => live && setResult({ key, value: { state: "ok", data } }),
      (e: unknown) => live && setResult({ key, value: { state: "error", message: e instanceof Error ? e.message : String(e), status: (e as { status?: number }).status } }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return result.key === key ? result.value : { state: "loading" };
}

/** A value that follows `value` after `ms` of quiet: typing in a filter box does not fire a request per key. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
