// The hover card: one floating panel per page that opens on hover or keyboard focus, and takes focus on Enter.
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";

interface Open {
  id: string;
  rect: DOMRect;
  content: ComponentChildren;
  anchor: HTMLElement;
}

interface CardApi {
  openId: string | undefined;
  show(id: string, anchor: HTMLElement, content: ComponentChildren, point?: { x: number; y: number }): void;
  hideSoon(): void;
  hideNow(): void;
  focusCard(): void;
}

const CardContext = createContext<CardApi | null>(null);

/** Hiding waits this long, so the pointer can travel from the mark into the card. */
const HIDE_DELAY = 220;
const CARD_WIDTH = 340;

export function CardHost({ children }: { children: ComponentChildren }) {
  const [open, setOpen] = useState<Open | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const cardRef = useRef<HTMLDivElement>(null);
  const cancel = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  };
  const api: CardApi = {
    openId: open?.id,
    show(id, anchor, content, point) {
      cancel();
      if (open?.id === id && open.anchor === anchor) return;
      // A quote wraps over lines: anchor on the line box nearest the pointer, else the first one.
      const rects = [...anchor.getClientRects()];
      let rect = rects[0] ?? anchor.getBoundingClientRect();
      if (point) for (const r of rects) if (point.y >= r.top && point.y <= r.bottom) rect = r;
      setOpen({ id, rect, content, anchor });
    },
    hideSoon() {
      cancel();
      timer.current = window.setTimeout(() => setOpen(null), HIDE_DELAY);
    },
    hideNow() {
      cancel();
      setOpen(null);
    },
    focusCard() {
      const first = cardRef.current?.querySelector<HTMLElement>("a, button");
      (first ?? cardRef.current)?.focus();
    },
  };
  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(null);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        const back = cardRef.current?.contains(document.activeElement) ? open.anchor : undefined;
        setOpen(null);
        back?.focus();
      }
    };
    addEventListener("scroll", close, { passive: true, capture: true });
    addEventListener("resize", close);
    // A new page never inherits the previous page's card.
    addEventListener("hashchange", close);
    addEventListener("keydown", onKey);
    return () => {
      removeEventListener("scroll", close, { capture: true });
      removeEventListener("resize", close);
      removeEventListener("hashchange", close);
      removeEventListener("keydown", onKey);
    };
  }, [open]);
  useEffect(() => cancel, []);
  // The card's place is set through the CSSOM (the server's CSP forbids style attributes in markup).
  useEffect(() => {
    const el = cardRef.current;
    if (!el || !open) return;
    const { rect } = open;
    const width = Math.min(CARD_WIDTH, innerWidth - 16);
    const left = Math.max(8, Math.min(rect.left, innerWidth - width - 8));
    el.style.width = `${width}px`;
    el.style.left = `${left}px`;
    const height = el.offsetHeight;
    const below = rect.bottom + 6;
    el.style.top = `${below + height > innerHeight - 8 && rect.top - height - 6 > 8 ? rect.top - height - 6 : below}px`;
  }, [open]);
  return (
    <CardContext.Provider value={api}>
      {children}
      {open && (
        <div
          ref={cardRef}
          id={open.id}
          role="tooltip"
          class="card"
          tabIndex={-1}
          onMouseEnter={cancel}
          onMouseLeave={() => api.hideSoon()}
          onFocusOut={(e: FocusEvent) => {
            const to = e.relatedTarget as Node | null;
            if (!to || (!cardRef.current?.contains(to) && to !== open.anchor)) api.hideSoon();
          }}
        >
          {open.content}
        </div>
      )}
    </CardContext.Provider>
  );
}

/**
 * Props that make an element open the card: hover and focus show it, leaving hides it after a moment,
 * Enter moves focus into the card so its links are reachable from the keyboard.
 */
export function useCard() {
  const ctx = useContext(CardContext);
  return useCallback(
    (id: string, content: () => ComponentChildren) => ({
      "aria-describedby": ctx?.openId === id ? id : undefined,
      // mouseover (not mouseenter): moving from a name inside a quote back onto the quote brings the quote's card back.
      onMouseOver: (e: MouseEvent) => {
        e.stopPropagation();
        ctx?.show(id, e.currentTarget as HTMLElement, content(), { x: e.clientX, y: e.clientY });
      },
      onMouseLeave: () => ctx?.hideSoon(),
      onFocus: (e: FocusEvent) => ctx?.show(id, e.currentTarget as HTMLElement, content()),
      onBlur: (e: FocusEvent) => {
        const to = e.relatedTarget as HTMLElement | null;
        if (!to?.closest?.(".card")) ctx?.hideSoon();
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === "Enter" && (e.currentTarget as HTMLElement).tagName !== "A") {
          e.preventDefault();
          if (ctx?.openId !== id) ctx?.show(id, e.currentTarget as HTMLElement, content());
          setTimeout(() => ctx?.focusCard(), 0);
        }
      },
    }),
    [ctx, ctx?.openId],
  );
}
