// The library's entities in memory: per article its names, and (built on first use, dropped
// on any change) per name the articles naming it, for person:, org: and place: searches.
// Facet counts walk the articles of the view or search, so they need no index of their own.
import {
  FACET_KEYS,
  type ArticleEntities,
  type EntityCount,
  type EntityType,
} from '../../contract/entities';
import type { FacetEntry } from '../../contract/entity-facets';
import { tokenize } from '../search/analysis/tokenizer';
import type { EntitiesById, TypedName } from './entity-cache';
import { nameCollator } from '../text/name-collator';

/** Names of one type with the number of articles naming each, most first, then A to Z. */
export interface TypeCounts {
  entries: FacetEntry[];
  /** Distinct names before any limit. */
  total: number;
}

// Search-normalised words of a name ("O'Sullivan" → "osullivan"), as query words are.
const wordsCache = new Map<string, string[]>();
const WORDS_CACHE_LIMIT = 200_000;

/** The search-normalised words of a name or of a query's words. */
export function nameWords(name: string): string[] {
  let words = wordsCache.get(name);
  if (!words) {
    words = tokenize(name).map((t) => t.term);
    if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return words;
}

/**
 * True when `query` is a run of the name's words: "blair" and "tony blair" match "Tony
 * Blair"; with `prefix`, the run's last word need only start the name's word ("bla*").
 */
export function wordsMatch(name: readonly string[], query: readonly string[], prefix: boolean) {
  if (query.length === 0 || query.length > name.length) return false;
  const last = query.length - 1;
  for (let i = 0; i + query.length <= name.length; i++) {
    let all = true;
    for (let k = 0; k <= last && all; k++) {
      const w = name[i + k]!;
      all = k === last && prefix ? w.startsWith(query[k]!) : w === query[k];
    }
    if (all) return true;
  }
  return false;
}

// Per type, per name, the articles naming it and how early each names it.
type Postings = Map<EntityType, Map<string, Map<string, number>>>;

/**
 * Every article's entities, and the articles of each name for searches. Names are kept once,
 * in a table, and an article holds the numbers of its names: counting the facets of 10,000
 * articles is then a pass over small integer arrays rather than string-keyed maps.
 */
export class EntityIndex {
  private readonly byArticle = new Map<string, Uint32Array>();
  private readonly names: TypedName[] = [];
  private readonly numbers = new Map<string, number>();
  private postings: Postings | null = null;

  /** Articles whose entities are known. */
  get size(): number {
    return this.byArticle.size;
  }

  has(id: string): boolean {
    return this.byArticle.has(id);
  }

  /** Every article's entities (for saving the cache). */
  all(): EntitiesById {
    const out: EntitiesById = new Map();
    for (const [id, refs] of this.byArticle)
      out.set(
        id,
        Array.from(refs, (r) => this.names[r]!),
      );
    return out;
  }

  set(id: string, names: readonly TypedName[]): void {
    const refs = new Uint32Array(names.length);
    names.forEach((n, i) => {
      const key = `${n.type}\t${n.name}`;
      let ref = this.numbers.get(key);
      if (ref === undefined) {
        ref = this.names.length;
        this.numbers.set(key, ref);
        this.names.push({ type: n.type, name: n.name });
      }
      refs[i] = ref;
    });
    this.byArticle.set(id, refs);
    this.postings = null;
  }

  delete(id: string): boolean {
    const had = this.byArticle.delete(id);
    if (had) this.postings = null;
    return had;
  }

  clear(): void {
    this.byArticle.clear();
    this.postings = null;
  }

  /** One article's entities by type, most mentioned first (empty lists when unknown). */
  entitiesOf(id: string): ArticleEntities {
    const out: ArticleEntities = { people: [], organisations: [], places: [] };
    for (const ref of this.byArticle.get(id) ?? []) {
      const { type, name } = this.names[ref]!;
      out[FACET_KEYS[type]].push(name);
    }
    return out;
  }

  /** Per type, the names the given articles carry and how many of them carry each. */
  count(ids: Iterable<string>): Map<EntityType, Map<string, number>> {
    const tally = new Uint32Array(this.names.length);
    for (const id of ids) {
      const refs = this.byArticle.get(id);
      if (refs) for (let i = 0; i < refs.length; i++) tally[refs[i]!]!++;
    }
    const counts = new Map<EntityType, Map<string, number>>([
      ['person', new Map()],
      ['organisation', new Map()],
      ['place', new Map()],
    ]);
    for (let ref = 0; ref < tally.length; ref++) {
      if (tally[ref] === 0) continue;
      const { type, name } = this.names[ref]!;
      counts.get(type)!.set(name, tally[ref]!);
    }
    return counts;
  }

  /**
   * The articles naming an entity of this type whose name holds the query's words (see
   * wordsMatch), each with how early the article names it (1 for its most mentioned name,
   * less for later ones), so the articles most about it rank first.
   */
  match(type: EntityType, query: readonly string[], prefix: boolean): Map<string, number> {
    const out = new Map<string, number>();
    for (const [name, articles] of this.postingsOf(type)) {
      if (!wordsMatch(nameWords(name), query, prefix)) continue;
      for (const [id, weight] of articles) out.set(id, Math.max(out.get(id) ?? 0, weight));
    }
    return out;
  }

  private postingsOf(type: EntityType): Map<string, Map<string, number>> {
    if (!this.postings) {
      const postings: Postings = new Map([
        ['person', new Map()],
        ['organisation', new Map()],
        ['place', new Map()],
      ]);
      for (const [id, refs] of this.byArticle) {
        refs.forEach((ref, i) => {
          const n = this.names[ref]!;
          const byName = postings.get(n.type)!;
          let articles = byName.get(n.name);
          if (!articles) byName.set(n.name, (articles = new Map()));
          articles.set(id, 1 / (1 + i));
        });
      }
      this.postings = postings;
    }
    return this.postings.get(type)!;
  }
}

/** The `limit` names with most articles (then A to Z), of those a `prefix` lets through. */
export function topNames(counts: Map<string, number>, limit: number, prefix: string): TypeCounts {
  const query = prefix.trim() === '' ? null : nameWords(prefix);
  const entries: FacetEntry[] = [];
  for (const [name, count] of counts) {
    if (query && query.length > 0 && !wordsMatch(nameWords(name), query, true)) continue;
    entries.push({ name, count });
  }
  // Thousands of names, most of them named once: sorted by count alone (cheap), and only the
  // top ones, with every name tied with the last of them, by name too.
  entries.sort((a, b) => b.count - a.count);
  let end = Math.min(limit, entries.length);
  while (end < entries.length && entries[end]!.count === entries[end - 1]!.count) end++;
  const top = entries.slice(0, end);
  top.sort((a, b) => b.count - a.count || nameCollator().compare(a.name, b.name));
  return { entries: top.slice(0, limit), total: entries.length };
}

/** Every name of the library with its count, as `archive-reader entities` lists them. */
export function listCounts(
  counts: Map<EntityType, Map<string, number>>,
  type: EntityType | undefined,
): EntityCount[] {
  const out: EntityCount[] = [];
  for (const [t, names] of counts) {
    if (type && t !== type) continue;
    for (const [name, count] of names) out.push({ name, type: t, count });
  }
  return out.sort(
    (a, b) =>
      b.count - a.count || nameCollator().compare(a.name, b.name) || a.type.localeCompare(b.type),
  );
}
