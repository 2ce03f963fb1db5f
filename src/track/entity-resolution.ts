// Cross-article entity resolution: one person or organisation across articles and outlets, with a confidence per merge.
import type { EntityRow } from "../store/store.js";
import { editDistance, foldName, spellingTolerance } from "./names.js";

/** Why two names were taken for one entity, and how sure that is. */
export interface ResolutionLink {
  name: string;
  to: string;
  reason: "same name" | "alias" | "spelling variant" | "surname";
  confidence: number;
}

export interface ResolvedEntity {
  /** stable across runs for the same canonical name: `person:volodymyr-zelensky` */
  id: string;
  type: string;
  /** the most used full form */
  name: string;
  /** every spelling seen, most used first */
  variants: { name: string; articles: number }[];
  articles: number;
  mentions: number;
  outlets: string[];
  /** roles with the first and last publication date they were seen on: roles change over time */
  roles: { role: string; first?: string; last?: string; articles: number }[];
  affiliations: string[];
  firstSeen?: string;
  lastSeen?: string;
  /** the weakest link that joined the names (1 when all spellings fold to one) */
  confidence: number;
  links: ResolutionLink[];
}

export interface Resolution {
  entities: ResolvedEntity[];
  /** the resolved entity for a name as written (any variant, alias or surname merged), if known */
  lookup(name: string, type?: string): ResolvedEntity | undefined;
}

/** The share of articles one full name must hold among those a surname could belong to, to take the surname alone. */
const DOMINANT_SHARE = 0.9;

/** Types whose names are resolved by surname: an organisation has no surname. */
const PERSON_LIKE = new Set(["PERSON"]);

/** A union-find over folded names (within one entity type), remembering why each union happened. */
class NameGroups {
  private readonly parent = new Map<string, string>();
  readonly links: (ResolutionLink & { from: string; toKey: string })[] = [];

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  find(key: string): string {
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let k = key;
    while (k !== root) {
      const next = this.parent.get(k)!;
      this.parent.set(k, root);
      k = next;
    }
    return root;
  }

  union(a: string, b: string, link: ResolutionLink): void {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent.set(rb, ra);
    this.links.push({ ...link, from: a, toKey: b });
  }

  keys(): string[] {
    return [...this.parent.keys()];
  }
}

interface NameStats {
  key: string;
  type: string;
  spellings: Map<string, Set<string>>;
  /** articles where a spelling is the entity's own name, not one of its aliases: these choose the canonical name */
  named: Map<string, Set<string>>;
  articles: Set<string>;
  mentions: number;
}

function slug(s: string): string {
  return foldName(s).replace(/ /g, "-") || "unnamed";
}

/** Whether two multi-word folded names are spellings of one name: same shape, each word within its tolerance. */
function spellingVariant(a: string[], b: string[]): number | undefined {
  if (a.length !== b.length || a.length < 2) return undefined;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    // Initials: "J. Kirby" is "John Kirby" only when the rest is the same.
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) {
      total += 1;
      continue;
    }
    const d = editDistance(x, y, 2);
    if (d > Math.min(spellingTolerance(x), spellingTolerance(y))) return undefined;
    total += d;
  }
  return total;
}

/**
 * Resolves per-article entity rows into cross-article entities. Names fold (case, accents,
 * transliteration endings) to one key; record aliases join keys; full names within a small edit
 * distance are spelling variants; a lone surname joins the only full name it can belong to and
 * stays apart when several could (Biden: Joe or Jill).
 */
export function resolveEntities(rows: EntityRow[]): Resolution {
  const byType = new Map<string, EntityRow[]>();
  for (const r of rows) {
    const list = byType.get(r.type) ?? [];
    list.push(r);
    byType.set(r.type, list);
  }
  const entities: ResolvedEntity[] = [];
  const index = new Map<string, ResolvedEntity[]>();
  for (const [type, typeRows] of byType) {
    for (const e of resolveType(type, typeRows)) {
      entities.push(e);
      for (const v of e.variants) {
        const k = foldName(v.name);
        index.set(k, [...(index.get(k) ?? []), e]);
      }
    }
  }
  entities.sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.name < b.name ? -1 : 1));
  return {
    entities,
    lookup(name: string, type?: string) {
      const key = foldName(name);
      const candidates = (index.get(key) ?? []).filter((e) => !type || e.type === type);
      if (candidates.length) return candidates.sort((a, b) => b.articles - a.articles)[0];
      // A surname never seen alone as an entity name ("Zelenskyy added"): the one person it can be, if only one.
      if (!key || key.includes(" ")) return undefined;
      const owners = new Set<ResolvedEntity>();
      for (const [k, es] of index) if (k.split(" ").at(-1) === key && k.includes(" ")) for (const e of es) if (e.type === "PERSON") owners.add(e);
      return owners.size === 1 ? [...owners][0] : undefined;
    },
  };
}

function resolveType(type: string, rows: EntityRow[]): ResolvedEntity[] {
  const stats = new Map<string, NameStats>();
  const groups = new NameGroups();
  const note = (name: string, row: EntityRow, asAlias = false) => {
    const key = foldName(name);
    if (!key) return undefined;
    groups.add(key);
    let s = stats.get(key);
    if (!s) {
      s = { key, type, spellings: new Map(), named: new Map(), articles: new Set(), mentions: 0 };
      stats.set(key, s);
    }
    const arts = s.spellings.get(name) ?? new Set<string>();
    arts.add(row.articleId);
    s.spellings.set(name, arts);
    if (!asAlias) s.named.set(name, new Set([...(s.named.get(name) ?? []), row.articleId]));
    s.articles.add(row.articleId);
    return key;
  };
  for (const row of rows) {
    const key = note(row.name, row);
    if (!key) continue;
    stats.get(key)!.mentions += row.mentions;
    for (const alias of row.aliases) {
      const aliasKey = foldName(alias);
      // A one-word alias is a surname or short form: it is resolved below, where ambiguity is checked.
      if (!aliasKey || aliasKey === key || !aliasKey.includes(" ")) continue;
      note(alias, row, true);
      groups.union(key, aliasKey, { name: alias, to: row.name, reason: "alias", confidence: 0.95 });
    }
  }

  // Spelling variants among multi-word names, compared only within a block sharing the last word's first letters.
  const multi = [...stats.keys()].filter((k) => k.includes(" "));
  const blocks = new Map<string, string[]>();
  for (const k of multi) {
    const last = k.split(" ").at(-1)!;
    const block = `${k.split(" ").length}:${last.slice(0, 2)}`;
    blocks.set(block, [...(blocks.get(block) ?? []), k]);
  }
  for (const keys of blocks.values()) {
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const d = spellingVariant(keys[i]!.split(" "), keys[j]!.split(" "));
        if (d !== undefined) groups.union(keys[i]!, keys[j]!, { name: keys[j]!, to: keys[i]!, reason: "spelling variant", confidence: Math.max(0.6, 0.9 - 0.1 * d) });
      }
    }
  }

  // A lone word (surname, or an organisation's short name) joins the one group it can belong to.
  if (PERSON_LIKE.has(type)) {
    const singles = [...stats.keys()].filter((k) => !k.includes(" "));
    for (const single of singles) {
      const owners = new Map<string, number>();
      for (const k of multi) {
        const last = k.split(" ").at(-1)!;
        if (last === single || editDistance(last, single, 1) <= Math.min(1, spellingTolerance(single))) {
          const root = groups.find(k);
          owners.set(root, (owners.get(root) ?? 0) + stats.get(k)!.articles.size);
        }
      }
      const ranked = [...owners].sort((a, b) => b[1] - a[1]);
      const [owner, ownerArticles] = ranked[0] ?? [];
      const others = ranked.slice(1).reduce((n, [, c]) => n + c, 0);
      if (owner && !others) {
        groups.union(owner, single, { name: single, to: owner, reason: "surname", confidence: 0.8 });
      } else if (owner && ownerArticles! >= DOMINANT_SHARE * (ownerArticles! + others) && ownerArticles! >= 5) {
        // "Biden" in a corpus with Joe Biden in 60 articles and Jill Biden in 2: Joe, less surely.
        groups.union(owner, single, { name: single, to: owner, reason: "surname", confidence: 0.6 });
      }
    }
  }

  // Build one resolved entity per group.
  const members = new Map<string, string[]>();
  for (const k of groups.keys()) {
    const root = groups.find(k);
    members.set(root, [...(members.get(root) ?? []), k]);
  }
  const rowsByKey = new Map<string, EntityRow[]>();
  for (const row of rows) {
    const k = foldName(row.name);
    rowsByKey.set(k, [...(rowsByKey.get(k) ?? []), row]);
  }
  const linksByKey = new Map<string, ResolutionLink[]>();
  for (const l of groups.links) {
    const root = groups.find(l.from);
    linksByKey.set(root, [...(linksByKey.get(root) ?? []), { name: l.name, to: l.to, reason: l.reason, confidence: l.confidence }]);
  }
  const out: ResolvedEntity[] = [];
  for (const [root, keys] of members) {
    const spellings = new Map<string, Set<string>>();
    const named = new Map<string, number>();
    const articles = new Set<string>();
    let mentions = 0;
    for (const k of keys) {
      const s = stats.get(k);
      if (!s) continue;
      for (const [n, a] of s.spellings) spellings.set(n, new Set([...(spellings.get(n) ?? []), ...a]));
      for (const [n, a] of s.named) named.set(n, (named.get(n) ?? 0) + a.size);
      for (const a of s.articles) articles.add(a);
      mentions += s.mentions;
    }
    const variants = [...spellings].map(([name, a]) => ({ name, articles: a.size }))
      .sort((a, b) => (named.get(b.name) ?? 0) - (named.get(a.name) ?? 0) || b.articles - a.articles || b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
    // The canonical name is the most used full form: a surname alone names no one when a full name exists.
    const full = variants.filter((v) => foldName(v.name).includes(" "));
    const name = (full[0] ?? variants[0])!.name;
    const groupRows = keys.flatMap((k) => rowsByKey.get(k) ?? []);
    const roleSeen = new Map<string, { first?: string; last?: string; articles: Set<string> }>();
    const affiliations = new Map<string, number>();
    const outlets = new Set<string>();
    const dates: string[] = [];
    for (const r of groupRows) {
      if (r.outlet) outlets.add(r.outlet);
      if (r.published) dates.push(r.published);
      for (const a of r.affiliations) affiliations.set(a, (affiliations.get(a) ?? 0) + 1);
      for (const role of r.roles) {
        const k = role.toLowerCase();
        const seen = roleSeen.get(k) ?? { articles: new Set<string>() };
        seen.articles.add(r.articleId);
        if (r.published) {
          if (!seen.first || r.published < seen.first) seen.first = r.published;
          if (!seen.last || r.published > seen.last) seen.last = r.published;
        }
        roleSeen.set(k, seen);
      }
    }
    dates.sort();
    const links = linksByKey.get(root) ?? [];
    const entity: ResolvedEntity = {
      id: `${type.toLowerCase()}:${slug(name)}`,
      type, name, variants, articles: articles.size, mentions,
      outlets: [...outlets].sort(),
      roles: [...roleSeen].map(([role, s]) => ({ role, first: s.first, last: s.last, articles: s.articles.size }))
        .sort((a, b) => (a.first ?? "") < (b.first ?? "") ? -1 : (a.first ?? "") > (b.first ?? "") ? 1 : b.articles - a.articles),
      affiliations: [...affiliations].sort((a, b) => b[1] - a[1]).map(([a]) => a),
      confidence: links.reduce((m, l) => Math.min(m, l.confidence), 1),
      links,
    };
    if (dates.length) {
      entity.firstSeen = dates[0];
      entity.lastSeen = dates[dates.length - 1];
    }
    for (const r of entity.roles) {
      if (r.first === undefined) delete r.first;
      if (r.last === undefined) delete r.last;
    }
    out.push(entity);
  }
  return out;
}
