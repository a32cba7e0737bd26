// Query rewrites for all-words search. Typos: a required word that no indexed article holds
// would empty the results, so it is searched by its nearest spellings in the index instead (a
// fuzzy lookup at the edit distance its length allows, under the same expansion caps as
// word~N), and the result says which words were replaced and by what. A word that a couple of
// articles hold while a near spelling is far more common is most likely the same typo made
// before, and is widened alike (the fuzzy lookup keeps the word itself, so those articles
// still match). A word that a few articles hold while a spelling one edit away is held by far
// more is left alone but suggested ("Did you mean"), since it may be meant.
import { QueryError } from '../../errors';
import { expandWord } from '../analysis/analyzer';
import { editDistance } from '../analysis/term-match';
import type { Segment } from '../segments/segment';
import { autoDistance, type Clause, type TermClause } from './query-parser';
import { alphabetFor, oneEditAway } from './spelling-candidates';
import { formCode } from '../analysis/word-form';

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
// Shortest stem a one-edit spelling may reach through a stemmer.
const MIN_STEM = 3;
// Words per query whose one-edit spellings are tried (each costs some hundred stems).
const MAX_EDITED_WORDS = 8;
// Longest word (in characters) whose one-edit spellings are tried: a word of n letters has
// about 100·n of them, each stemmed in every language of the library, and the stemmers' work
// grows with the length too (a pasted 1,000-letter word took 2 s at 100,000 articles). Longer
// words get the fuzzy lookup of the index, which is bounded (query-budget.ts).
const MAX_EDITED_LENGTH = 40;
// A word is suggested away from when at most SUGGEST_SHARE of the articles (and at least
// SUGGEST_DOCS) hold it, and a spelling one edit away is held by SUGGEST_FACTOR times as many.
const SUGGEST_DOCS = 3;
const SUGGEST_SHARE = 0.001;
const SUGGEST_FACTOR = 10;

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
  /** Words held by few articles that a far more common spelling may have been meant for. */
  suggested: Correction[];
  /** The clauses with the suggested words widened to those spellings too (null: none). */
  respelt: Clause[] | null;
}

/** A spelling of a typed word the index holds: its index term, articles, and how to show it. */
interface Spelling {
  term: string;
  docs: number;
  shown: string;
  /** How often `shown` is written so (in a sample of the term's postings); 0: unknown. */
  uses?: number;
  /** The weight of this spelling as an alternative (1: the commonest). */
  weight?: number;
}

// Postings of a term read per segment and field to see which of its spellings articles use.
const FORM_SAMPLE = 2_000;
// One-edit spellings are alternatives weighted by the square root of how often each is written
// against the commonest (a rare word would otherwise outrank a common one by its rarity alone:
// "relieve" for "recieve" above "receive"), down to this weight; rarer ones are left out.
const MIN_SPELLING_WEIGHT = 0.1;

/** How often each written form of `term` occurs, in the first postings of titles and bodies. */
function formUses(segments: readonly Segment[], term: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const seg of segments) {
    for (const field of ['title', 'body'] as const) {
      for (const [form, n] of seg.index.formCounts(term, field, FORM_SAMPLE)) {
        counts.set(form, (counts.get(form) ?? 0) + n);
      }
    }
  }
  return counts;
}

/**
 * Spellings one edit from `word` as typed that articles write: each reaches an index term
 * (under some language) other than the word's own `variants`, and occurs written so (a
 * candidate whose stem is common but which nobody writes, like "overment" for "goverment",
 * stemmed to "over", is no spelling). Per term the spelling written most; commonest first.
 */
function editedSpellings(
  word: string,
  variants: readonly string[],
  segments: readonly Segment[],
  languages: readonly string[],
): Spelling[] {
  const own = new Set(variants);
  const reaching = new Map<string, Set<string>>();
  for (const candidate of oneEditAway(word, alphabetFor(word, segments))) {
    for (const term of expandWord(candidate, languages)) {
      // A stemmer of another language can cut a candidate to a stub ("pcies" → "pc" in
      // Portuguese) that half the index holds.
      if (own.has(term) || (term !== candidate && [...term].length < MIN_STEM)) continue;
      if (docsWith(segments, [term]) === 0) continue;
      const set = reaching.get(term);
      if (set) set.add(candidate);
      else reaching.set(term, new Set([candidate]));
    }
  }
  const found: Spelling[] = [];
  for (const [term, spellings] of reaching) {
    const uses = formUses(segments, term);
    let best = '';
    let most = 0;
    for (const w of spellings) {
      const n = uses.get(formCode(w, term)) ?? 0;
      if (n > most || (n === most && n > 0 && w < best)) [best, most] = [w, n];
    }
    if (most > 0) found.push({ term, docs: docsWith(segments, [term]), shown: best, uses: most });
  }
  found.sort((a, b) => b.uses! - a.uses! || (a.term < b.term ? -1 : 1));
  const most = found[0]?.uses ?? 0;
  for (const x of found) x.weight = Math.sqrt(x.uses! / most);
  return found.filter((x) => x.weight! >= MIN_SPELLING_WEIGHT);
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
  const suggested: Correction[] = [];
  const articles = segments.reduce((n, seg) => n + seg.liveCount, 0);
  const suggestBelow = Math.max(SUGGEST_DOCS, Math.floor(articles * SUGGEST_SHARE));
  let edited = 0;
  // Replacements are alternatives of the word: a group number no parsed group uses.
  let group = clauses.reduce((n, c) => Math.max(n, c.anyOf ?? 0), 0);
  const widen = (c: TermClause, near: readonly Spelling[]): Clause[] => {
    const anyOf = c.anyOf ?? ++group;
    // The word itself stays one of the alternatives (a rare spelling's articles still match).
    const spellings = near.map((x) => ({ ...c, word: x.term, boost: c.boost * (x.weight ?? 1) }));
    return [c, ...spellings].map((x) => ({ ...x, anyOf }));
  };
  const respelt: Clause[] = [];
  const out = clauses.flatMap((c): Clause[] => {
    const keep = (): Clause[] => (respelt.push(c), [c]);
    if (c.kind !== 'term' || c.presence === 'prohibited' || c.prefix || c.fuzzy > 0) return keep();
    if (c.fields && !c.fields.some((f) => f === 'title' || f === 'body')) return keep();
    const distance = autoDistance(c.word);
    if (distance === 0) return keep();
    const variants = expandWord(c.word, languages);
    const held = docsWith(segments, variants);
    if (held > suggestBelow) return keep();
    // Spellings one edit from the word as typed first (Norvig's rule: the nearer the likelier).
    const edits =
      [...c.word].length <= MAX_EDITED_LENGTH && edited++ < MAX_EDITED_WORDS
        ? editedSpellings(c.word, variants, segments, languages)
        : [];
    const suggest = (): Clause[] => {
      const best = edits[0];
      if (held > 0 && best && best.docs >= held * SUGGEST_FACTOR) {
        suggested.push({ from: c.source, to: best.shown });
        respelt.push(...widen(c, [best]));
      } else respelt.push(c);
      return [c];
    };
    if (c.presence !== 'required' || held > RARE_DOCS) return suggest();
    const near = edits.length > 0 ? edits.slice(0, MAX_SPELLINGS) : reachedSpellings(c, variants);
    if (near.length === 0) {
      if (held > 0 || c.anyOf !== undefined) return keep();
      // Nothing near it either: it cannot match, and must not empty the search.
      ignored.push(c.source);
      const left: Clause = { ...c, presence: 'optional' };
      respelt.push(left);
      return [left];
    }
    if (held > 0 && near[0]!.docs < held * RARE_FACTOR) return suggest();
    corrected.push({ from: c.source, to: near[0]!.shown });
    const widened = widen(c, near);
    respelt.push(...widened);
    return widened;
  });

  /** Index terms within the word's distance of the word or a stem of it (the fuzzy lookup). */
  function reachedSpellings(c: TermClause, variants: readonly string[]): Spelling[] {
    let terms: string[];
    try {
      terms = expand({ ...c, fuzzy: autoDistance(c.word) });
    } catch (e) {
      // Too much work to look around: the word is searched as typed.
      if (e instanceof QueryError) return [];
      throw e;
    }
    // The lookup runs from each stem too, at the word's distance; a stem much shorter than the
    // word ("prcies" → "prc" in Portuguese) would reach every short word, so a spelling counts
    // only near a form of 4 letters or more (or the word itself), within the distance that
    // form's length allows.
    const forms = variants.filter((v) => v === c.word || [...v].length >= 4);
    return terms
      .filter((t) => !variants.includes(t))
      .filter((t) => forms.some((v) => editDistance(v, t, autoDistance(v)) <= autoDistance(v)))
      .map((t) => ({ term: t, docs: docsWith(segments, [t]), shown: t }))
      .filter((x) => x.docs > 0)
      .sort(byDocs)
      .slice(0, MAX_SPELLINGS);
  }

  // Left without any required word the search would match nothing anyway: say nothing.
  if (ignored.length > 0 && !out.some((c) => c.presence === 'required')) {
    return { clauses: [...clauses], corrected, ignored: [], suggested, respelt: null };
  }
  return {
    clauses: out,
    corrected,
    ignored,
    suggested,
    respelt: suggested.length > 0 ? respelt : null,
  };
}

const byDocs = (a: Spelling, b: Spelling): number => b.docs - a.docs || (a.term < b.term ? -1 : 1);

/** A clause as typed with its word spelt otherwise (sign, field and modifiers kept). */
function respell(source: string, word: string): string {
  const m = /^([+-]?(?:[\p{L}\p{N}_]+:)?)(.*?)((?:[~^][\d.]*)*)$/u.exec(source);
  return m ? m[1]! + word + m[3]! : word;
}

/**
 * The query with each suggested word respelt (its first standing-alone occurrence), or null
 * when none could be placed.
 */
export function respeltQuery(query: string, suggested: readonly Correction[]): string | null {
  let out = query;
  for (const { from, to: word } of suggested) {
    const to = respell(from, word);
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const next = out.replace(
      new RegExp(`(^|[\\s(])${escaped}(?=$|[\\s)])`, 'u'),
      (_, before: string) => before + to,
    );
    if (next === out) return null;
    out = next;
  }
  return out;
}

/** The clauses as any-word search: every word and phrase optional, left-out ones kept out. */
export function anyWord(clauses: readonly Clause[]): Clause[] {
  return clauses.map(({ anyOf: _group, ...c }) =>
    c.presence === 'prohibited' ? c : { ...c, presence: 'optional' },
  );
}
