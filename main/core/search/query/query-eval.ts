// Runs parsed clauses over the live documents of several segments. Each segment supplies
// Lunr's BM25 weights without their idf; they are multiplied by the idf over all loaded
// segments, so scores from different segments are comparable. Scores live in dense arrays
// over every document slot of the segments (segment base + position): a common word hits
// half the library, and string-keyed maps of that size dominated query time.
import type { CappedTerm } from '../../../contract/types';
import {
  expandWord,
  FIELDS,
  HAS_FIELDS,
  hasTerm,
  tagTerm,
  type FieldName,
} from '../analysis/analyzer';
import { phraseVariants } from './phrase-variants';
import { idf } from '../segments/lunr-segment';
import { expansionLimits, type Expansion, type ExpansionLimits } from './expansions';
import { phraseDocs } from './phrase-match';
import { QueryBudget } from './query-budget';
import type {
  Clause,
  CollectionClause,
  DateClause,
  PhraseClause,
  TermClause,
} from './query-parser';
import { withinBounds } from '../../../contract/date-range';
import { rankHits, type RankedHit } from './rank-hits';
import type { Segment } from '../segments/segment';
import type { NameMatcher } from '../types';

/**
 * A document filter. One marked `stable` (see `stableFilter`) promises the same verdict for
 * an id for as long as the function lives, so its verdicts are kept across searches.
 */
export type SearchFilter = ((id: string) => boolean) & { readonly stable?: true };

/** Marks `fn` as giving a fixed verdict per id for its whole life (verdicts are then reused). */
export function stableFilter(fn: (id: string) => boolean): SearchFilter {
  return Object.assign(fn, { stable: true as const });
}

export interface EvalContext {
  segments: Segment[];
  languages: string[];
  filter?: SearchFilter;
  /** The (capped) index terms of a prefix or fuzzy clause over these segments. */
  expand: (clause: TermClause, limits: ExpansionLimits, budget: QueryBudget) => Expansion;
  /** Bounds the query's work; a fresh default budget when absent. */
  budget?: QueryBudget;
  /** An article's collection, for collection:name (which then matches nothing without it). */
  collectionOf?: (id: string) => string | null | undefined;
  /** An article's own date (ISO), for date: (which then matches nothing without it). */
  dateOf?: (id: string) => string | null | undefined;
  /** The library's entities, for person:, org: and place: (see NameMatcher). */
  names?: NameMatcher;
}

/** Ranked hits, and the prefix or fuzzy words whose expansion was capped. */
export interface Evaluation {
  hits: RankedHit[];
  capped: CappedTerm[];
}

/** Per document slot: whether the clause matched it, and its score. */
interface DocScores {
  hit: Uint8Array;
  score: Float64Array;
}

// Verdicts of the last stable filter per segment (0: not asked yet, 1: kept, 2: dropped).
// Asking the filter was a catalogue lookup per candidate, most of a common word's search
// time; a stable filter lives until the catalogue's membership or trash changes.
const verdictCache = new WeakMap<Segment, { filter: SearchFilter; kept: Uint8Array }>();

function verdictsFor(seg: Segment, filter: SearchFilter): Uint8Array {
  if (!filter.stable) return new Uint8Array(seg.size);
  const cached = verdictCache.get(seg);
  if (cached?.filter === filter) return cached.kept;
  const kept = new Uint8Array(seg.size);
  verdictCache.set(seg, { filter, kept });
  return kept;
}

class Space {
  readonly bases: number[] = [];
  readonly total: number;
  // Per segment, the filter's verdict per document, asked once each.
  private readonly kept: Uint8Array[];
  private readonly idfCache = new Map<string, number>();
  private readonly docCount: number;

  constructor(
    readonly segments: Segment[],
    private readonly filter: SearchFilter | undefined,
    readonly budget: QueryBudget,
  ) {
    let n = 0;
    for (const s of segments) {
      this.bases.push(n);
      n += s.size;
    }
    this.total = n;
    this.docCount = n;
    this.kept = filter ? segments.map((s) => verdictsFor(s, filter)) : [];
  }

  empty(): DocScores {
    return { hit: new Uint8Array(this.total), score: new Float64Array(this.total) };
  }

  /** True when document `pos` of segment number `s` may appear (the caller checked `alive`). */
  keeps(s: number, pos: number): boolean {
    if (!this.filter) return true;
    const kept = this.kept[s]!;
    let k = kept[pos]!;
    if (k === 0) kept[pos] = k = this.filter(this.segments[s]!.docs.ids[pos]!) ? 1 : 2;
    return k === 1;
  }

  idf(term: string): number {
    let v = this.idfCache.get(term);
    if (v === undefined) {
      let df = 0;
      for (const s of this.segments) df += s.index.docsWithTerm(term);
      v = idf(df, this.docCount);
      this.idfCache.set(term, v);
    }
    return v;
  }
}

/**
 * One clause's scores while it is evaluated: a score per document slot and the slots touched,
 * reused by every clause of a query (a dense array per clause was most of the garbage of a
 * 32-word query at 100,000 articles).
 */
class Scratch {
  readonly score: Float64Array;
  private readonly mark: Uint8Array;
  private touched: Int32Array;
  private count = 0;

  constructor(total: number) {
    this.score = new Float64Array(total);
    this.mark = new Uint8Array(total);
    this.touched = new Int32Array(1024);
  }

  add(slot: number, value: number): void {
    if (!this.mark[slot]) {
      this.mark[slot] = 1;
      if (this.count === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.count++] = slot;
    }
    this.score[slot]! += value;
  }

  /** Hands every touched slot and its score to `fold`, and clears them for the next clause. */
  drain(fold: (slot: number, score: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i]!;
      fold(slot, this.score[slot]!);
      this.score[slot] = 0;
      this.mark[slot] = 0;
    }
    this.count = 0;
  }
}

/** Adds the postings of `terms` in `fields` (of live, kept documents, or only of `only`). */
function scoreTerms(
  space: Space,
  terms: readonly string[],
  fields: readonly FieldName[],
  boost: number,
  into: Scratch | DocScores,
  only?: Uint8Array,
): void {
  space.segments.forEach((seg, s) => {
    const { alive } = seg;
    const base = space.bases[s]!;
    for (const term of terms) {
      const factor = space.idf(term) * boost;
      const read = seg.index.forEachPosting(term, fields, (pos, w) => {
        const slot = base + pos;
        if (only ? !only[slot] : !alive[pos] || !space.keeps(s, pos)) return;
        if (into instanceof Scratch) into.add(slot, w * factor);
        else {
          into.hit[slot] = 1;
          into.score[slot]! += w * factor;
        }
      });
      space.budget.spend(read + 1);
    }
  });
}

const foldName = (name: string): string => name.normalize('NFC').toLowerCase();

/**
 * The live, kept documents of a collection, each scoring the clause's boost: every document
 * is asked (a collection is not in the index), names folded once each.
 */
function collectionScores(
  space: Space,
  ctx: EvalContext,
  c: CollectionClause,
  into: Scratch,
): void {
  const of = ctx.collectionOf;
  if (!of) return;
  const wanted = foldName(c.name);
  const verdicts = new Map<string, boolean>();
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    const ids = seg.docs.ids;
    for (let pos = 0; pos < ids.length; pos++) {
      if (!seg.alive[pos]) continue;
      const name = of(ids[pos]!);
      if (!name) continue;
      let same = verdicts.get(name);
      if (same === undefined) verdicts.set(name, (same = foldName(name) === wanted));
      if (same && space.keeps(s, pos)) into.add(base + pos, c.boost);
    }
  });
}

/** The live, kept documents dated within the clause's range, each scoring its boost. */
function dateScores(space: Space, ctx: EvalContext, c: DateClause, into: Scratch): void {
  const of = ctx.dateOf;
  if (!of) return;
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    const ids = seg.docs.ids;
    for (let pos = 0; pos < ids.length; pos++) {
      if (!seg.alive[pos]) continue;
      if (withinBounds(of(ids[pos]!) ?? null, c) && space.keeps(s, pos)) {
        into.add(base + pos, c.boost);
      }
    }
  });
}

/** A phrase scores as the sum of its words, over the documents holding it (positions). */
function phraseScores(
  space: Space,
  languages: string[],
  c: PhraseClause,
  fields: readonly FieldName[],
  into: Scratch,
): void {
  const words = phraseVariants(c, languages);
  const matched = new Uint8Array(space.total);
  let any = false;
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    for (const pos of phraseDocs(seg.index, words, fields, space.budget)) {
      if (seg.alive[pos] && space.keeps(s, pos)) {
        matched[base + pos] = 1;
        any = true;
      }
    }
  });
  if (!any) return;
  // Each word's score over the matched documents; a document counts when every word scored.
  const perWord = words.map((variants) => {
    const out = space.empty();
    const terms = [...new Set(variants.map((v) => v.term))];
    scoreTerms(space, terms, fields, c.boost, out, matched);
    return out;
  });
  for (let i = 0; i < space.total; i++) {
    if (!matched[i]) continue;
    let total = 0;
    let all = true;
    for (const m of perWord) {
      if (!m.hit[i]) {
        all = false;
        break;
      }
      total += m.score[i]!;
    }
    if (all) into.add(i, total);
  }
}

/** The live, kept documents the entities name, each scoring its weight times the boost. */
function nameScores(
  space: Space,
  matches: ReadonlyMap<string, number> | undefined,
  boost: number,
  into: Scratch,
): void {
  if (!matches || matches.size === 0) return;
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    for (const [id, weight] of matches) {
      const pos = seg.position.get(id);
      if (pos === undefined || !seg.alive[pos] || !space.keeps(s, pos)) continue;
      into.add(base + pos, boost * weight);
    }
  });
}

function clauseScores(
  space: Space,
  ctx: EvalContext,
  c: Clause,
  limits: ExpansionLimits,
  capped: CappedTerm[],
  into: Scratch,
): void {
  if (c.kind === 'tag') return scoreTerms(space, [tagTerm(c.tag)], ['tags'], c.boost, into);
  if (c.kind === 'collection') return collectionScores(space, ctx, c, into);
  if (c.kind === 'date') return dateScores(space, ctx, c, into);
  if (c.kind === 'has') {
    return scoreTerms(space, [hasTerm(c.what)], [HAS_FIELDS[c.what]], c.boost, into);
  }
  if (c.kind === 'name') {
    return nameScores(space, ctx.names?.(c.entity, c.words, c.prefix), c.boost, into);
  }
  // place: finds the places an article's text names too, not only its dateline's.
  if (ctx.names && c.fields?.length === 1 && c.fields[0] === 'place') {
    const words = c.kind === 'phrase' ? c.words : [c.word];
    nameScores(space, ctx.names('place', words, c.kind === 'term' && c.prefix), c.boost, into);
  }
  const fields = c.fields ?? FIELDS;
  if (c.kind === 'phrase') return phraseScores(space, ctx.languages, c, fields, into);
  let terms: string[];
  if (c.prefix || c.fuzzy > 0) {
    const expansion = ctx.expand(c, limits, space.budget);
    if (expansion.capped) capped.push(expansion.capped);
    terms = expansion.terms;
  } else terms = expandWord(c.word, ctx.languages);
  scoreTerms(space, terms, fields, c.boost, into);
}

/**
 * Matching documents with their scores, best first (ties by id, for stable output), and the
 * words whose expansion was capped; throws QueryError when the query needs too much work.
 */
export function evaluate(ctx: EvalContext, clauses: Clause[]): Evaluation {
  const capped: CappedTerm[] = [];
  if (clauses.length === 0) return { hits: [], capped };
  const space = new Space(ctx.segments, ctx.filter, ctx.budget ?? new QueryBudget());
  const limits = expansionLimits(clauses);
  const total = space.total;
  const scratch = new Scratch(total);
  // Required clauses count their matches per document, a group of alternatives (anyOf)
  // counting once; optional ones add to the score.
  const groupOf = (c: Clause, i: number): string =>
    c.anyOf === undefined ? `#${i}` : `any${c.anyOf}`;
  const groups = new Map<string, number>();
  clauses.forEach((c, i) => {
    if (c.presence === 'required' && !groups.has(groupOf(c, i))) {
      groups.set(groupOf(c, i), groups.size + 1);
    }
  });
  const requiredCount = groups.size;
  const matchedRequired = new Uint8Array(requiredCount > 0 ? total : 0);
  const requiredScore = new Float64Array(requiredCount > 0 ? total : 0);
  // The last group that counted each slot, so that two alternatives count once.
  const countedBy = new Int32Array(requiredCount > 0 ? total : 0);
  const result = space.empty();
  const banned = new Uint8Array(total);
  let optional = 0;
  // Alternatives are evaluated one after another, so that countedBy sees them together.
  const order: { c: Clause; i: number }[] = [];
  const placed = new Set<number>();
  clauses.forEach((c, i) => {
    if (c.anyOf === undefined) order.push({ c, i });
    else if (!placed.has(c.anyOf)) {
      placed.add(c.anyOf);
      clauses.forEach((d, j) => d.anyOf === c.anyOf && order.push({ c: d, i: j }));
    }
  });
  order.forEach(({ c, i }) => {
    clauseScores(space, ctx, c, limits, capped, scratch);
    if (c.presence === 'required') {
      const group = groups.get(groupOf(c, i))!;
      scratch.drain((slot, score) => {
        if (countedBy[slot] !== group) {
          countedBy[slot] = group;
          matchedRequired[slot]!++;
        }
        requiredScore[slot]! += score;
      });
    } else if (c.presence === 'optional') {
      optional++;
      scratch.drain((slot, score) => {
        result.hit[slot] = 1;
        result.score[slot]! += score;
      });
    } else scratch.drain((slot) => (banned[slot] = 1));
  });
  if (requiredCount > 0) {
    // Optional words only add to the score of documents holding every required one.
    for (let i = 0; i < total; i++) {
      const all = matchedRequired[i] === requiredCount;
      result.hit[i] = all ? 1 : 0;
      result.score[i] = all ? requiredScore[i]! + result.score[i]! : 0;
    }
  } else if (optional === 0) {
    // Only exclusions: like Lunr, everything else matches.
    space.segments.forEach((seg, s) => {
      const base = space.bases[s]!;
      for (let pos = 0; pos < seg.size; pos++) {
        if (seg.alive[pos] && space.keeps(s, pos)) result.hit[base + pos] = 1;
      }
    });
  }
  for (let i = 0; i < total; i++) if (banned[i]) result.hit[i] = 0;
  return { hits: rank(space, result), capped };
}

/** The matched slots as hits, best first, ties by id. */
function rank(space: Space, result: DocScores): RankedHit[] {
  let n = 0;
  for (let i = 0; i < space.total; i++) n += result.hit[i]!;
  const ids: string[] = new Array<string>(n);
  const scores = new Float64Array(n);
  let at = 0;
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    const docIds = seg.docs.ids;
    for (let pos = 0; pos < seg.size; pos++) {
      if (!result.hit[base + pos]) continue;
      ids[at] = docIds[pos]!;
      scores[at++] = result.score[base + pos]!;
    }
  });
  return rankHits(ids, scores);
}
