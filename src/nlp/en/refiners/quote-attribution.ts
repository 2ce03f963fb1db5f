// Resolves quote speakers to entities (mention overlap, pronoun, surname, role), keeps one answer per quote, numbers them.
import type { Entity, Mention, Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import { deadlineCheck, type Stage } from "../../../core/pipeline.js";
import type { Ref, Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";

const SOURCE_PRONOUNS: Record<string, "female" | "male" | "any"> = {
  she: "female", her: "female", he: "male", him: "male", i: "any",
};
// Head nouns of a description that names one person ("the French foreign minister", "the coach").
const ROLE_HEAD =
  /^(?:the|a|an)\s+(?:[\p{L}.'-]+\s+){0,3}(president|minister|chancellor|premier|leader|spokesman|spokeswoman|spokesperson|senator|governor|mayor|secretary|ambassador|general|commander|chief|director|chairman|chairwoman|chair|ceo|king|queen|pope|prime minister|official|analyst|expert|lawyer|attorney|judge|prosecutor|candidate|nominee|congressman|congresswoman|lawmaker|diplomat|envoy|author|professor|researcher|economist|scientist|founder|executive|manager|coach|actor|actress|singer|writer|journalist|reporter|editor|pastor|priest|bishop|doctor|officer)$/iu;
// Words that make a capitalised name an organisation or a group rather than a person.
const NOT_PERSON =
  /\b(?:ministry|department|agency|service|office|council|committee|government|military|army|police|intelligence|officials|company|corporation|inc|ltd|group|party|bank|university|college|institute|center|centre|commission|court|union|association|news|times|post|press|agency|affairs|house|state|states|estimates|report|statement|reports)\b/i;
// How far back (characters) a pronoun or a description may look for its person.
const LOOKBACK = 4000;

const personLike = (name: string): boolean =>
  !NOT_PERSON.test(name) && (/^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u.test(name) || ROLE_HEAD.test(name));

export function resolveSpeakers(doc: Document): Quote[] {
  const text = doc.text;
  const entities = new Map<string, Entity>(doc.maybe("entity").map((e) => [e.id, e]));
  const mentions: Mention[] = [...doc.maybe("mention")].filter((m) => m.entity).sort((a, b) => a.span[0] - b.span[0]);
  const quotes = [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const quoted: Span[] = quotes.filter((q) => q.marks).map((q) => q.marks!).sort((a, b) => a[0] - b[0]);
  const quotedItems = quoted.map((span) => ({ span }));
  const insideQuote = (s: Span): boolean => {
    const q = quotedItems[firstEndingAfter(quotedItems, s[0])];
    return q !== undefined && q.span[0] <= s[0] && s[1] <= q.span[1];
  };

  const linkMention = (span: Span): Entity | undefined => {
    let best: { e: Entity; score: number } | undefined;
    for (let i = firstEndingAfter(mentions, span[0]); i < mentions.length && mentions[i]!.span[0] < span[1]; i++) {
      const m = mentions[i]!;
      const e = entities.get(m.entity!);
      if (!e) continue;
      const ov = Math.min(m.span[1], span[1]) - Math.max(m.span[0], span[0]);
      // the mention must be the head of the speaker phrase: it ends where the phrase ends, or is most of it
      const head = m.span[1] >= span[1] - 1 || ov >= 0.6 * (span[1] - span[0]);
      if (!head) continue;
      const score = ov + (e.type === "PERSON" ? 1 : 0);
      if (!best || score > best.score) best = { e, score };
    }
    return best?.e;
  };

  /** nearest PERSON mention before pos (outside quotations) whose entity passes the test */
  const personBefore = (pos: number, ok: (e: Entity) => boolean): Entity | undefined => {
    let i = firstEndingAfter(mentions, pos) - 1;
    for (; i >= 0 && pos - mentions[i]!.span[0] < LOOKBACK; i--) {
      const m = mentions[i]!;
      if (m.span[1] > pos || insideQuote(m.span)) continue;
      const e = entities.get(m.entity!);
      if (e && e.type === "PERSON" && ok(e)) return e;
    }
    return undefined;
  };

  // names and aliases of entities, for surnames and short forms (built once, not per quote)
  const byName = new Map<string, Entity>();
  for (const e of entities.values()) {
    for (const n of [e.name, ...e.aliases]) if (!byName.has(n)) byName.set(n, e);
  }
  // endings of at most MAX_TAIL words are indexed (every ending of an n-word name is n² characters: a hostile
  // 40,000-word "name" ran out of memory); a longer one is found by `longTail`, which gives the same answer
  const MAX_TAIL = 6;
  // names with longer endings, by their last MAX_TAIL words (in the order above)
  const longNames = new Map<string, { e: Entity; parts: string[] }[]>();
  for (const e of entities.values()) {
    const parts = e.name.split(/\s+/);
    for (let k = Math.max(1, parts.length - MAX_TAIL); k < parts.length; k++) {
      const tail = parts.slice(k).join(" ");
      if (!byName.has(tail)) byName.set(tail, e);
    }
    if (parts.length - 1 > MAX_TAIL) {
      const key = parts.slice(-MAX_TAIL).join(" ");
      const list = longNames.get(key);
      if (list) list.push({ e, parts });
      else longNames.set(key, [{ e, parts }]);
    }
  }
  /** The first entity (in the order above) with a name ending of more than MAX_TAIL words equal to `surface`. */
  const longTail = (surface: string): Entity | undefined => {
    const words = surface.split(" ");
    const n = words.length;
    if (n <= MAX_TAIL) return undefined;
    for (const { e, parts } of longNames.get(words.slice(-MAX_TAIL).join(" ")) ?? []) {
      if (parts.length - n >= 1 && parts.slice(parts.length - n).join(" ") === surface) return e;
    }
    return undefined;
  };
  const resolved: { at: number; ref: Ref; person: boolean }[] = [];
  // how many earlier speakers a pronoun or a surname may look through
  const BACK = 200;
  const previousPerson = (pos: number): Ref | undefined => {
    for (let i = resolved.length - 1; i >= 0 && i >= resolved.length - BACK; i--) {
      const r = resolved[i]!;
      if (r.at >= pos) continue;
      if (pos - r.at > LOOKBACK) break;
      if (r.person) return r.ref;
    }
    return undefined;
  };

  const resolve = (ref: Ref): { ref: Ref; person: boolean; resolved: boolean } => {
    const span = ref.span;
    if (!span) return { ref, person: false, resolved: false };
    const low = text.slice(span[0], span[1]).toLowerCase();
    // the cleaned name (no title, no "a statement from") is what names and aliases are compared with
    const surface = ref.name;
    // the name's own place inside the mention ("Jane Doe" in "Gov. Jane Doe (D-Wis.)") is what mentions must cover
    const at = text.slice(span[0], span[1]).indexOf(ref.name);
    const nameSpan: Span = at >= 0 ? [span[0] + at, span[0] + at + ref.name.length] : span;
    const linked = linkMention(nameSpan);
    if (linked) return { ref: { entity: linked.id, name: linked.name, span }, person: linked.type === "PERSON", resolved: true };
    const gender = SOURCE_PRONOUNS[low];
    if (gender) {
      const e = personBefore(span[0], (x) => gender === "any" || !x.gender || x.gender === gender);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: true, resolved: true };
      const prev = previousPerson(span[0]);
      if (prev) return { ref: { ...prev, span }, person: true, resolved: true };
      return { ref, person: true, resolved: false };
    }
    // a surname or a shorter form of a name already seen ("Lee" after "Jane Lee")
    if (/^\p{Lu}/u.test(surface)) {
      const e = byName.get(surface) ?? longTail(surface);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: e.type === "PERSON", resolved: true };
      for (let i = resolved.length - 1; i >= 0 && i >= resolved.length - BACK; i--) {
        const r = resolved[i]!.ref;
        if (r.name.endsWith(` ${surface}`) && r.name.length > surface.length) return { ref: { ...r, span }, person: true, resolved: true };
      }
    }
    // a description of one person: the entity it describes, else the person last mentioned
    const role = ROLE_HEAD.exec(surface);
    if (role && /^the\b/i.test(surface)) {
      const head = role[1]!.toLowerCase();
      const described = personBefore(span[0], (x) => [...x.descriptors, ...x.roles].some((d) => d.toLowerCase().includes(head)));
      const e = described ?? personBefore(span[0], () => true);
      if (e) return { ref: { entity: e.id, name: e.name, span }, person: true, resolved: true };
    }
    return { ref: { name: ref.name, span }, person: personLike(ref.name), resolved: false };
  };

  // a speaker phrase shared by several quotes (split and continued quotes) resolves once
  const cache = new Map<string, ReturnType<typeof resolve>>();
  const tick = deadlineCheck(doc, 32);
  for (const q of quotes) {
    tick();
    if (!q.speaker) continue;
    const key = q.speaker.span ? `${q.speaker.span[0]}:${q.speaker.span[1]}` : "";
    const r = (key && cache.get(key)) || resolve(q.speaker);
    if (key) cache.set(key, r);
    q.speaker = r.ref;
    if (!r.resolved && SOURCE_PRONOUNS[r.ref.name.toLowerCase()] !== undefined) q.confidence = Math.min(q.confidence ?? 0.5, 0.5);
    if (q.speaker.span) resolved.push({ at: q.speaker.span[0], ref: q.speaker, person: r.person });
  }

  return settleQuotes(doc, quotes);
}

/**
 * One answer per item, ids, working fields off: what makes the layer valid output. Linear; also the stage's
 * whenSkipped hook, so quotes the budget left unattributed (or half-attributed) still make a valid record.
 * `quotes` is sorted by span.
 */
function settleQuotes(doc: Document, quotes: Quote[]): Quote[] {
  // where two quotes cover the same words, the more confident one stays
  const kept: Quote[] = [];
  for (const q of quotes) {
    const prev = kept[kept.length - 1];
    if (prev && prev.span[0] === q.span[0] && prev.span[1] === q.span[1]) {
      if ((q.confidence ?? 0) > (prev.confidence ?? 0)) kept[kept.length - 1] = q;
      continue;
    }
    kept.push(q);
  }
  for (const q of kept) {
    // already numbered ("" before) when the stage had finished before the budget stopped it
    if (!q.id) q.id = doc.nextId("q");
    // working fields off (undefined, not deleted: deleting would slow every later read of the object)
    q.marks = undefined;
    q.paragraph = undefined;
    q.attribution = undefined;
    if (q.confidence === undefined) q.confidence = 0.5;
    q.confidence = Math.round(q.confidence * 100) / 100;
  }
  return kept;
}

export const quoteAttribution: Stage = {
  name: "quoteAttribution",
  kind: "refiner",
  // entities are read when present (the entity stages run earlier); the quote layer is what it needs
  requires: ["quote"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", resolveSpeakers(doc));
  },
  // speakers stay as the extractors (or the loop, as far as it got) left them: valid refs, some without an entity
  whenSkipped(doc: Document) {
    doc.set("quote", settleQuotes(doc, [...doc.get("quote")].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1])));
  },
};
