// Query rewrites for all-words search. Typos: a required word that no indexed article holds
// would empty the results, so it is searched by its nearest spellings in the index instead (a
// fuzzy lookup at the edit distance its length allows, under the same expansion caps as
// word~N), and the result says which words were replaced and by what. A word that a couple of
// articles hold while a near spelling is far more common is most likely the same typo made
// before, and is widened alike (the fuzzy lookup keeps the word itself, so those articles
// still match).
import { QueryError } from '../../errors';
import { expandWord } from '../analysis/analyzer';
import type { Segment } from '../segments/segment';
import { autoDistance, type Clause, type TermClause } from './query-parser';

/** A query word searched by its nearest spellings: as typed, and the likeliest index term. */
export interface Correction {
  from: string;
  to: string;
}

// A word held by at most this many articles is widened when a spelling within reach is held by
// RARE_FACTOR times as many.
const RARE_DOCS = 2;
const RARE_FACTOR = 30;

/** Documents holding any of `terms`, over the loaded segments (an upper bound, dead included). */
function docsWith(segments: readonly Segment[], terms: readonly string[]): number {
  let n = 0;
  for (const seg of segments) for (const t of terms) n += seg.index.docsWithTerm(t);
  return n;
}

/** Clauses after spelling: which words were replaced, which dropped (no article, nothing near). */
export interface Spelt {
  clauses: Clause[];
  corrected: Correction[];
  ignored: string[];
}

/**
 * The clauses with every required plain word that no document holds turned into a fuzzy
 * word (when a spelling within reach exists), and the corrections made. `expand` gives a
 * fuzzy clause's index terms.
 */
export function correctSpelling(
  clauses: readonly Clause[],
  segments: readonly Segment[],
  languages: readonly string[],
  expand: (clause: TermClause) => string[],
): Spelt {
  const corrected: Correction[] = [];
  const ignored: string[] = [];
  const out = clauses.map((c): Clause => {
    if (c.kind !== 'term' || c.presence !== 'required' || c.prefix || c.fuzzy > 0) return c;
    // A quoted word means the word as typed.
    if (c.source.includes('"')) return c;
    const distance = autoDistance(c.word);
    if (distance === 0) return c;
    const variants = expandWord(c.word, languages);
    const held = docsWith(segments, variants);
    if (held > RARE_DOCS) return c;
    const fuzzy: TermClause = { ...c, fuzzy: distance };
    let terms: string[];
    try {
      terms = expand(fuzzy);
    } catch (e) {
      // Too much work to look around: the word is searched as typed.
      if (e instanceof QueryError) return c;
      throw e;
    }
    // The most widely used other spelling is the one to name.
    let to = '';
    let most = 0;
    for (const t of terms) {
      if (variants.includes(t)) continue;
      const n = docsWith(segments, [t]);
      if (n > most || (n === most && t < to)) [to, most] = [t, n];
    }
    if (most === 0 && held === 0 && c.anyOf === undefined) {
      // Nothing near it either: it cannot match, and must not empty the search.
      ignored.push(c.source);
      return { ...c, presence: 'optional' };
    }
    if (most === 0 || (held > 0 && most < held * RARE_FACTOR)) return c;
    corrected.push({ from: c.source, to });
    return fuzzy;
  });
  // Left without any required word the search would match nothing anyway: say nothing.
  if (ignored.length > 0 && !out.some((c) => c.presence === 'required')) {
    return { clauses: [...clauses], corrected, ignored: [] };
  }
  return { clauses: out, corrected, ignored };
}

/** The clauses as any-word search: every word and phrase optional, left-out ones kept out. */
export function anyWord(clauses: readonly Clause[]): Clause[] {
  return clauses.map(({ anyOf: _group, ...c }) =>
    c.presence === 'prohibited' ? c : { ...c, presence: 'optional' },
  );
}
