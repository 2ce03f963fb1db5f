// Source statistics: who gets quoted, how often, by outlet, role or affiliation type and nationality; direct vs indirect share.
import type { QuoteRow } from "../store/store.js";
import { countryOf, foldName } from "./names.js";

export type SourceGrouping = "speaker" | "outlet" | "role" | "nationality";

export interface SourceGroup {
  /** the speaker, outlet, role category or country code */
  group: string;
  quotes: number;
  direct: number;
  indirect: number;
  mixed: number;
  /** share of direct quotes, 0–1 */
  directShare: number;
  articles: number;
  /** distinct speakers in the group */
  speakers: number;
  /** the most quoted speakers (for outlet, role and nationality groups) or outlets (for a speaker), most first */
  top: { name: string; quotes: number }[];
}

/** Role categories, tried in order; the words are matched against a speaker's roles and descriptors. */
const ROLE_CATEGORIES: [string, RegExp][] = [
  ["head of state or government", /\b(president|prime minister|premier|chancellor|king|queen|emir|supreme leader|head of state)\b/],
  // "Attorney general" and "secretary general" are civilian offices.
  ["military", /\b((?<!(?:attorney|secretary|prosecutor|director|surgeon|inspector|consul|solicitor)[ -])general(?![ -]secretary)|commander|colonel|major|admiral|military|army|armed forces|soldier|officer|marine|brigade|defen[cs]e chief|chief of staff)\b/],
  ["government official", /\b(minister|secretary|attorney|spokes(?:person|man|woman)|official|ambassador|envoy|governor|mayor|deputy|senator|lawmaker|congress(?:man|woman)|mp|representative|diplomat|adviser|advisor|aide|prosecutor|ombudsman|administration)\b/],
  ["expert", /\b(analyst|professor|researcher|expert|economist|fellow|scholar|historian|think tank|institute)\b/],
  ["journalist", /\b(journalist|reporter|correspondent|editor|columnist|blogger)\b/],
  ["civilian", /\b(resident|witness|refugee|volunteer|civilian|mother|father|student|pensioner|local)\b/],
];

/** The role category of a quote's speaker: from its roles, else "organisation" for an ORG, else "unknown". */
export function roleCategory(q: Pick<QuoteRow, "speakerRoles" | "speakerType">): string {
  const roles = q.speakerRoles.join(" ; ").toLowerCase();
  if (roles) for (const [category, pattern] of ROLE_CATEGORIES) if (pattern.test(roles)) return category;
  if (q.speakerType === "ORG") return "organisation";
  if (q.speakerType === "GPE") return "government (country named)";
  return roles ? "other" : "unknown";
}

/** The speaker's country: the entity's own place, else the first affiliation that names or describes a country. */
export function nationality(q: Pick<QuoteRow, "speakerCountry" | "speakerAffiliations" | "speakerRoles" | "speakerType" | "speaker">): string | undefined {
  if (q.speakerCountry) return q.speakerCountry;
  for (const a of q.speakerAffiliations) {
    const c = countryOf(a);
    if (c) return c;
  }
  // "Ukrainian President", "Russian defence ministry spokesman": a demonym in the role.
  for (const role of q.speakerRoles) {
    for (const word of role.split(/\s+/)) {
      const c = /^[A-Z]/.test(word) ? countryOf(word) : undefined;
      if (c) return c;
    }
  }
  // A country quoted as a speaker ("Russia said") is its own nationality.
  if (q.speakerType === "GPE" && q.speaker) return countryOf(q.speaker);
  return undefined;
}

/** Pronouns and bare nouns left where attribution did not resolve the speaker: they name no source. */
const UNRESOLVED_SPEAKER = new Set(["i", "we", "he", "she", "they", "it", "you", "this", "that", "who", "one", "someone", "source", "sources"]);

export interface SourceStatsOptions {
  /** maps a speaker as written to a canonical name (cross-article resolution) */
  resolveSpeaker?: (name: string) => string | undefined;
  /** how many names `top` lists */
  top?: number;
}

/** Counts quotes with a speaker by the chosen grouping. Quotes without a speaker, or with only a pronoun, are left out (they name no source). */
export function sourceStatistics(quotes: QuoteRow[], by: SourceGrouping, options: SourceStatsOptions = {}): SourceGroup[] {
  interface Acc { quotes: number; direct: number; indirect: number; mixed: number; articles: Set<string>; speakers: Set<string>; top: Map<string, number> }
  const groups = new Map<string, Acc>();
  for (const q of quotes) {
    if (!q.speaker || !foldName(q.speaker) || UNRESOLVED_SPEAKER.has(foldName(q.speaker))) continue;
    const speaker = options.resolveSpeaker?.(q.speaker) ?? q.speaker;
    const group =
      by === "speaker" ? speaker
        : by === "outlet" ? (q.outlet ?? "(unknown outlet)")
          : by === "role" ? roleCategory(q)
            : (nationality(q) ?? "(unknown)");
    const acc = groups.get(group) ?? { quotes: 0, direct: 0, indirect: 0, mixed: 0, articles: new Set(), speakers: new Set(), top: new Map() };
    acc.quotes++;
    acc[q.kind]++;
    acc.articles.add(q.articleId);
    acc.speakers.add(foldName(speaker));
    const topName = by === "speaker" ? (q.outlet ?? "(unknown outlet)") : speaker;
    acc.top.set(topName, (acc.top.get(topName) ?? 0) + 1);
    groups.set(group, acc);
  }
  const top = options.top ?? 3;
  return [...groups]
    .map(([group, a]) => ({
      group, quotes: a.quotes, direct: a.direct, indirect: a.indirect, mixed: a.mixed,
      directShare: a.quotes ? a.direct / a.quotes : 0, articles: a.articles.size, speakers: a.speakers.size,
      top: [...a.top].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, top).map(([name, n]) => ({ name, quotes: n })),
    }))
    .sort((x, y) => y.quotes - x.quotes || (x.group < y.group ? -1 : 1));
}
