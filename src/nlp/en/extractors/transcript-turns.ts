// Transcript turns: paragraphs that open with a speaker label and a colon ("WALLACE: Let's start …", "Q: …") in an interview or panel transcript.
import type { Entity, Mention, Paragraph, Quote } from "../../../core/annotations.js";
import type { Document } from "../../../core/document.js";
import type { Stage } from "../../../core/pipeline.js";
import type { Ref, Span } from "../../../core/record.js";
import { firstEndingAfter } from "../../../core/span.js";

export const TURN_SOURCE = "transcript-turns";

/** One speaker's turn: the label as written, the colon (PolNeAR's cue for a turn) and what was said, paragraph by paragraph. */
export interface Turn {
  label: Span;
  colon: Span;
  /** the turn's words in each paragraph it covers (the opening paragraph's after the colon, then continuations) */
  parts: Span[];
  /** index of the paragraph the turn opens in, and the last one it covers */
  paragraph: number;
  lastParagraph: number;
}

// A paragraph's opening: an optional quotation mark (a transcript quoted whole re-opens every paragraph), the
// label, a colon and the first word of the turn. Labels are an ALL-CAPS name ("JAKE TAPPER", "SEN. KAINE"), a
// capitalised name ("Chris Matthews", "Lopez") or Q / A.
const OPENING = /^(["“„«]|''|``)?[ \t]*((?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}):[ \t]+(?=["“‘'(\[\p{L}\p{N}])/u;
const ALL_CAPS = /^(?:\p{Lu}[\p{Lu}'’.-]*)(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*)*$/u;
// Labels that end with a colon without naming who speaks: notes, datelines, sections and media captions.
const NOT_LABEL = new Set(
  ("update updated note notes editor editors correction corrections clarification related photo photos picture video watch " +
    "read more source sources image images caption credit listen subscribe advertisement warning spoiler disclosure analysis " +
    "opinion exclusive breaking live explainer factbox timeline comment comments review contributing byline revealed paid " +
    "email twitter facebook instagram wow poll polls report reports transcript the a an this that these here there what why " +
    "how when where who background bottom top key first second third next last today tonight yesterday summary context " +
    "details highlights fact check verdict ruling result results bonus plus also meanwhile").split(" "),
);
// stage directions between turns ("(CROSSTALK.)", "(BEGIN VIDEO CLIP)") close the turn before them
const STAGE_DIRECTION = /^["“]?\s*[([][^)\]]*[)\]]\.?\s*["”]?$/;
// a paragraph with neither letters nor digits ("….") continues no turn
const WORD = /[\p{L}\p{N}]/u;
// a turn needs a letter: "Clinton: 1,769." in a delegate count is a table row
const LETTER = /\p{L}/u;
// a line in capitals alone ("SUPERDELEGATES.") is a section heading, not the speaker's words
const CAPS_LINE = /^[^\p{Ll}]*$/u;
// how many turns (with two different speakers, or a question and an answer) make a transcript
const MIN_TURNS = 2;

const lastWord = (label: string): string => label.split(/[ \t]+/).pop()!.replace(/(?<![.'’])[.'’]+$/, "").toLowerCase();

/** The PERSON entity a label names: a mention over its last word, else a person whose last name it is. */
function personNamed(doc: Document, label: Span, mentions: readonly Mention[], people: readonly Entity[]): Entity | undefined {
  const text = doc.text;
  const byId = new Map(people.map((e) => [e.id, e]));
  for (let i = firstEndingAfter(mentions, label[0]); i < mentions.length && mentions[i]!.span[0] < label[1]; i++) {
    const m = mentions[i]!;
    // (the mention must end where the label does: "Alex Seitz-Wald", not "Clinton" inside "Clinton Cash")
    if (m.span[1] === label[1] && m.type === "PERSON" && m.entity && byId.has(m.entity)) return byId.get(m.entity);
  }
  const last = lastWord(text.slice(label[0], label[1]));
  if (last.length < 2) return undefined;
  return people.find((e) => lastWord(e.name) === last);
}

/** Candidate turn openings, one per paragraph at most (before the document-level checks). */
function openings(doc: Document, paragraphs: readonly Paragraph[]): { p: number; label: Span; colon: Span; content: number; marked: boolean }[] {
  const out: { p: number; label: Span; colon: Span; content: number; marked: boolean }[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const [from, to] = paragraphs[p]!.span;
    // (a colon near the start first: most paragraphs have none, and the label pattern is the costly test)
    const head = doc.text.slice(from, Math.min(to, from + 80));
    if (!head.includes(":")) continue;
    const m = OPENING.exec(head);
    if (!m) continue;
    const label = m[2]!;
    const at = from + (m[1]?.length ?? 0) + m[0].slice((m[1]?.length ?? 0)).indexOf(label);
    if (label.split(/[ \t]+/).some((w) => NOT_LABEL.has(w.toLowerCase().replace(/(?<![.'’])[.'’]+$/, ""))) && !/^[QA]$/.test(label)) continue;
    if (!LETTER.test(doc.text.slice(from + m[0].length, to))) continue;
    out.push({ p, label: [at, at + label.length], colon: [at + label.length, at + label.length + 1], content: from + m[0].length, marked: !!m[1] });
  }
  return out;
}

/**
 * The transcript turns of a document. A label counts when it names a speaker: an ALL-CAPS or capitalised label that is
 * a person the text names (or a label used for two turns), or Q and A both present. The document needs at least two
 * such turns by two speakers: a lone "Name: words" line is a headline or a note, read elsewhere. The title line is
 * never a turn (a "Name: words" headline). A turn runs on over the paragraphs up to the next turn that carry no label
 * of their own, stopping at a stage direction ("(CROSSTALK.)"); after the last turn only paragraphs that re-open the
 * quotation (a transcript quoted whole) continue it.
 */
export function findTurns(doc: Document): Turn[] {
  const paragraphs = doc.get("paragraph");
  const cands = openings(doc, paragraphs);
  if (cands.length < MIN_TURNS) return [];
  const text = doc.text;
  const mentions = doc.has("mention") ? doc.get("mention") : [];
  const people = doc.has("entity") ? doc.get("entity").filter((e) => e.type === "PERSON") : [];
  const labels = cands.map((c) => text.slice(c.label[0], c.label[1]));
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(lastWord(l), (uses.get(lastWord(l)) ?? 0) + 1);
  const qa = labels.includes("Q") && labels.includes("A");
  const kept = cands.filter((c, n) => {
    const l = labels[n]!;
    if (/^[QA]$/.test(l)) return qa;
    // (the title: a "Name: claim" headline, not a turn)
    if (c.p === 0) return false;
    if (l.length < 2) return false;
    const caps = ALL_CAPS.test(l);
    // a capitalised label must be a person the text names; an ALL-CAPS one may instead be used again ("TAPPER" twice)
    return personNamed(doc, c.label, mentions, people) !== undefined || (caps && /\p{Lu}{2}/u.test(l) && uses.get(lastWord(l))! >= 2);
  });
  // a dialogue: two speakers, one of whom speaks again (a list of "Name: words" sections names each person once)
  const speakers = new Map<string, number>();
  for (const c of kept) {
    const w = lastWord(text.slice(c.label[0], c.label[1]));
    speakers.set(w, (speakers.get(w) ?? 0) + 1);
  }
  if (kept.length < MIN_TURNS || speakers.size < 2 || ![...speakers.values()].some((n) => n >= 2)) return [];
  const turns: Turn[] = [];
  for (let n = 0; n < kept.length; n++) {
    const c = kept[n]!;
    const next = n + 1 < kept.length ? kept[n + 1]!.p : paragraphs.length;
    const parts: Span[] = [[c.content, paragraphs[c.p]!.span[1]]];
    let last = c.p;
    for (let p = c.p + 1; p < next; p++) {
      const [from, to] = paragraphs[p]!.span;
      const body = text.slice(from, to);
      // (nor is another label's line, even one this reading did not take as a turn)
      if (STAGE_DIRECTION.test(body) || paragraphs[p]!.heading || CAPS_LINE.test(body) || OPENING.test(body.slice(0, 80))) break;
      // after the last turn, only a paragraph re-opening the quotation is still the speaker's
      const reopens = /^(?:["“„«]|''|``)/.test(body);
      if (n + 1 === kept.length && !(c.marked && reopens)) break;
      if (!WORD.test(body)) continue;
      parts.push([from + (reopens ? (body.startsWith("''") || body.startsWith("``") ? 2 : 1) : 0), to]);
      last = p;
    }
    turns.push({ label: c.label, colon: c.colon, parts, paragraph: c.p, lastParagraph: last });
  }
  return turns;
}

/** Trims spaces and a closing mark left by a quoted transcript; keeps the final stop (a turn is quoted verbatim). */
function trimPart(text: string, [a, b]: Span): Span {
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /[\s"”]/.test(text[b - 1]!)) b--;
  return [a, b];
}

/** The speaker a label names: the person entity when there is one ("PENCE" → Mike Pence), else the label as written. */
function speakerOf(doc: Document, label: Span): Ref {
  const mentions = doc.has("mention") ? doc.get("mention") : [];
  const people = doc.has("entity") ? doc.get("entity").filter((e) => e.type === "PERSON") : [];
  const e = personNamed(doc, label, mentions, people);
  return { name: e?.name ?? doc.slice(label), span: label };
}

/** One direct quote per paragraph of each turn, all with the turn's speaker and colon (split-quote style). */
export function extractTurns(doc: Document): Quote[] {
  const out: Quote[] = [];
  const text = doc.text;
  for (const t of findTurns(doc)) {
    const speaker = speakerOf(doc, t.label);
    t.parts.forEach((part, k) => {
      const span = trimPart(text, part);
      if (span[1] <= span[0]) return;
      out.push({
        id: "", kind: "direct", text: text.slice(span[0], span[1]), span, source: TURN_SOURCE,
        speaker: { ...speaker }, cue: { text: ":", span: t.colon },
        paragraph: t.paragraph + (k === 0 ? 0 : paragraphIndex(doc, part[0]) - t.paragraph),
        confidence: 0.8, attribution: "cue",
      });
    });
  }
  return out;
}

function paragraphIndex(doc: Document, pos: number): number {
  return firstEndingAfter(doc.get("paragraph"), pos);
}

export const transcriptTurns: Stage = {
  name: "transcriptTurns",
  kind: "extractor",
  requires: ["paragraph", "token"],
  provides: ["quote"],
  run(doc: Document) {
    doc.set("quote", extractTurns(doc));
  },
};
