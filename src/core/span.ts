// Span arithmetic shared by every stage: overlap, containment, ordering.
import type { Span } from "./record.js";

export const spanLength = (s: Span): number => s[1] - s[0];
export const overlaps = (a: Span, b: Span): boolean => a[0] < b[1] && b[0] < a[1];
export const contains = (outer: Span, inner: Span): boolean => outer[0] <= inner[0] && inner[1] <= outer[1];
export const overlapLength = (a: Span, b: Span): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
export const bySpan = <T extends { span: Span }>(a: T, b: T): number => a.span[0] - b.span[0] || b.span[1] - a.span[1];

/** Shrinks a span so it neither starts nor ends with whitespace. */
export function trimSpan(text: string, s: Span): Span {
  let [a, b] = s;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return [a, b];
}

/** Index of the first item whose span ends after `pos` in a list sorted by start (binary search). */
export function firstEndingAfter<T extends { span: Span }>(items: readonly T[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span[1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
