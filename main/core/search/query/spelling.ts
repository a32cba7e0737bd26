// Query rewrites for all-words search. Typos: a required word that no indexed article holds
// would empty the results, so it is searched by its nearest spellings in the index instead (a
// fuzzy lookup at the edit distance its length allows, under the same expansion caps as
// word~N), and the result says which words were replaced and by what. A word that a couple of
// articles hold while a near spelling is far more common is most likely the same typo made
// before, and is widened alike (the fuzzy lookup keeps the word itself, so those articles
// still match).
import { QueryError } from '../../errors';
import { expandWord } from '../analysis/analyzer';
import { editDistance } from '../analysis/term-match';
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
// Most spellings a misspelt word stands for (the most common ones).
const MAX_SPELLINGS = 16;

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
  // Replacements are alternatives of the word: a group number no parsed group uses.
  let group = clauses.reduce((n, c) => Math.max(n, c.anyOf ?? 0), 0);
  const out = clauses.flatMap((c): Clause[] => {
    if (c.kind !== 'term' || c.presence !== 'required' || c.prefix || c.fuzzy > 0) return [c];
    // A quoted word means the word as typed.
    if (c.source.includes('"')) return [c];
    const distance = autoDistance(c.word);
    if (distance === 0) return [c];
    const variants = expandWord(c.word, languages);
    const held = docsWith(segments, variants);
    if (held > RARE_DOCS) return [c];
    let terms: string[];
    try {
      terms = expand({ ...c, fuzzy: distance });
    } catch (e) {
      // Too much work to look around: the word is searched as typed.
      if (e instanceof QueryError) return [c];
      throw e;
    }
    // The lookup runs from each stem too, at the word's distance; a stem much shorter than the
    // word ("prcies" → "prc" in Portuguese) would reach every short word, so a spelling counts
    // only near a form of 4 letters or more (or the word itself), within the distance that
    // form's length allows.
    const forms = variants.filter((v) => v === c.word || [...v].length >= 4);
    const near = terms
      .filter((t) => !variants.includes(t))
      .filter((t) => forms.some((v) => editDistance(v, t, autoDistance(v)) <= autoDistance(v)))
      .map((t) => ({ t, docs: docsWith(segments, [t]) }))
      .filter((x) => x.docs > 0)
      .sort((a, b) => b.docs - a.docs || (a.t < b.t ? -1 : 1))
      .slice(0, MAX_SPELLINGS);
    if (near.length === 0) {
      if (held > 0 || c.anyOf !== undefined) return [c];
      // Nothing near it either: it cannot match, and must not empty the search.
      ignored.push(c.source);
      return [{ ...c, presence: 'optional' }];
    }
    if (held > 0 && near[0]!.docs < held * RARE_FACTOR) return [c];
    corrected.push({ from: c.source, to: near[0]!.t });
    const anyOf = c.anyOf ?? ++group;
    // The word itself stays one of the alternatives (a rare spelling's articles still match).
    return [c, ...near.map((x) => ({ ...c, word: x.t }))].map((x) => ({ ...x, anyOf }));
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
