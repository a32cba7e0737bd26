// The index terms a prefix (econ*) or fuzzy (footbal~1) word stands for, over all loaded
// segments, bounded like Lucene's maxExpansions: past the cap only the most useful terms are
// kept (fuzzy: fewest edits, then most documents; prefix: most documents), and the result
// says which words were cut short so the caller can tell people.
import type { CappedTerm } from '../../../contract/types';
import { expandWord } from '../analysis/analyzer';
import type { Segment } from '../segments/segment';
import type { QueryBudget } from './query-budget';
import { autoDistance, type Clause, type TermClause } from './query-parser';

/**
 * Most index terms one prefix word stands for. Each term costs a walk of its postings (and a
 * lookup per shown hit for its snippet), and the long tail of a prefix is rare forms (numbers,
 * typos, names) that add little; 256 covers every inflection of a stem (econ*: economy,
 * economic, economists…) in the 100,000-article benchmark corpus.
 */
export const MAX_PREFIX_EXPANSIONS = 256;
/** Most index terms one fuzzy word stands for: Lucene's maxExpansions (the closest are kept). */
export const MAX_FUZZY_EXPANSIONS = 50;
/**
 * Index terms one whole query may expand to, shared evenly by its prefix and fuzzy words
 * (Lucene's maxClauseCount): 32 two-letter prefixes get 32 terms each.
 */
export const QUERY_EXPANSIONS = 1024;
/**
 * Edit-table rows one fuzzy word may compute over all segments and word variants. A row
 * costs ≈ 0.1–0.2 µs; a 7-letter word within 2 edits needs 130,000–210,000 at 100,000
 * articles.
 */
export const MAX_FUZZY_ROWS = 400_000;
/**
 * Edit-table rows one whole query may compute, shared evenly by its fuzzy words: up to five
 * typical words walk in full; 32 fuzzy words cost ≈ 0.1–0.3 s instead of 1.5 s.
 */
export const QUERY_FUZZY_ROWS = 1_000_000;

/** What one prefix or fuzzy word of a query may use: its share of the query's limits. */
export interface ExpansionLimits {
  terms: number;
  rows: number;
}

/** Each prefix or fuzzy word's share of the query's limits. */
export function expansionLimits(clauses: readonly Clause[]): ExpansionLimits {
  let prefixWords = 0;
  let fuzzyWords = 0;
  for (const c of clauses) {
    if (c.kind !== 'term') continue;
    if (c.prefix) prefixWords++;
    else if (c.fuzzy > 0) fuzzyWords++;
  }
  const words = Math.max(1, prefixWords + fuzzyWords);
  return {
    terms: Math.floor(QUERY_EXPANSIONS / words),
    rows: Math.min(MAX_FUZZY_ROWS, Math.floor(QUERY_FUZZY_ROWS / Math.max(1, fuzzyWords))),
  };
}

/** The terms a clause stands for, and the note to show when they were capped. */
export interface Expansion {
  terms: string[];
  capped: CappedTerm | null;
}

interface Candidate {
  distance: number;
  docs: number;
}

/** The index terms of a prefix or fuzzy clause over `segments`, capped (see the limits above). */
export function expandClause(
  segments: readonly Segment[],
  clause: TermClause,
  languages: readonly string[],
  limits: ExpansionLimits,
  budget: QueryBudget,
): Expansion {
  return clause.prefix
    ? expandPrefix(segments, clause, limits, budget)
    : expandFuzzy(segments, clause, languages, limits, budget);
}

function expandPrefix(
  segments: readonly Segment[],
  clause: TermClause,
  limits: ExpansionLimits,
  budget: QueryBudget,
): Expansion {
  const limit = Math.min(MAX_PREFIX_EXPANSIONS, limits.terms);
  const found = new Map<string, Candidate>();
  for (const seg of segments) {
    const { from, to } = seg.index.prefixRange(clause.word);
    budget.spend(to - from);
    for (let t = from; t < to; t++) add(found, seg.index.termAt(t), 0, seg.index.docsAt(t));
  }
  if (found.size <= limit) return { terms: [...found.keys()], capped: null };
  const kept = best(found, limit);
  return {
    terms: kept,
    capped: {
      word: clause.source,
      kind: 'prefix',
      expanded: kept.length,
      message:
        `${shown(clause.source)} matches ${count(found.size)} words; only the ` +
        `${count(kept.length)} most frequent were searched.`,
    },
  };
}

function expandFuzzy(
  segments: readonly Segment[],
  clause: TermClause,
  languages: readonly string[],
  limits: ExpansionLimits,
  budget: QueryBudget,
): Expansion {
  const limit = Math.min(MAX_FUZZY_EXPANSIONS, limits.terms);
  const found = new Map<string, Candidate>();
  let rowsLeft = limits.rows;
  let complete = true;
  // Each segment counts a term's documents once, even when several variants reach it.
  const counted = new Set<string>();
  const variants = expandWord(clause.word, languages);
  // The word itself and its stems are always searched, however the walk ends.
  for (const seg of segments) {
    for (const v of variants) {
      const t = seg.index.termNumber(v);
      if (t >= 0) {
        counted.add(`${seg.seq}\u0000${v}`);
        add(found, v, 0, seg.index.docsAt(t));
      }
    }
  }
  walk: for (const variant of variants) {
    for (const seg of segments) {
      if (rowsLeft <= 0) {
        complete = false;
        break walk;
      }
      // A stem can be much shorter than the word typed ("prcies" stems to "prc" in
      // Portuguese); the distance allowed follows the length of what is walked, so a short
      // stem does not match every short word in the index.
      const distance = Math.min(clause.fuzzy, autoDistance(variant));
      if (distance === 0) continue;
      const r = seg.index.fuzzyTerms(variant, distance, rowsLeft);
      rowsLeft -= r.rows;
      budget.spend(r.rows);
      if (!r.complete) complete = false;
      r.terms.forEach((t, i) => {
        const term = seg.index.termAt(t);
        const key = `${seg.seq}\u0000${term}`;
        const docs = counted.has(key) ? 0 : seg.index.docsAt(t);
        counted.add(key);
        add(found, term, r.distances[i]!, docs);
      });
    }
  }
  const over = found.size > limit;
  if (!over && complete) return { terms: [...found.keys()], capped: null };
  const kept = best(found, limit);
  const sofar =
    kept.length === 0
      ? 'none was found by then'
      : `only the ${count(kept.length)} found by then were searched`;
  const message = over
    ? `${shown(clause.source)} is close to ${count(found.size)} words; only the ` +
      `${count(kept.length)} closest were searched.`
    : `${shown(clause.source)}: the search for similar words was stopped early (too much ` +
      `work); ${sofar}.`;
  return {
    terms: kept,
    capped: { word: clause.source, kind: 'fuzzy', expanded: kept.length, message },
  };
}

function add(found: Map<string, Candidate>, term: string, distance: number, docs: number): void {
  const c = found.get(term);
  if (!c) found.set(term, { distance, docs });
  else {
    c.distance = Math.min(c.distance, distance);
    c.docs += docs;
  }
}

/** The `limit` best candidates: fewest edits, then most documents, then term order. */
function best(found: Map<string, Candidate>, limit: number): string[] {
  return [...found]
    .sort(
      ([a, x], [b, y]) =>
        x.distance - y.distance || y.docs - x.docs || (a < b ? -1 : a > b ? 1 : 0),
    )
    .slice(0, limit)
    .map(([term]) => term);
}

const SHOWN_CHARS = 40;
const shown = (source: string): string => {
  const chars = [...source];
  return chars.length <= SHOWN_CHARS ? source : `${chars.slice(0, SHOWN_CHARS - 1).join('')}…`;
};
const count = (n: number): string => n.toLocaleString('en-US');
