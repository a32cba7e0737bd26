// Runs parsed clauses over the live documents of several segments. Each segment supplies
// Lunr's BM25 weights without their idf; they are multiplied by the idf over all loaded
// segments, so scores from different segments are comparable. Scores live in dense arrays
// over every document slot of the segments (segment base + position): a common word hits
// half the library, and string-keyed maps of that size dominated query time.
import { expandWord, FIELDS, tagTerm, type FieldName } from '../analysis/analyzer';
import { idf } from '../segments/lunr-segment';
import { phraseDocs } from './phrase-match';
import type { Clause, PhraseClause } from './query-parser';
import { rankHits, type RankedHit } from './rank-hits';
import type { Segment } from '../segments/segment';

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

type TermSource = (seg: Segment) => string[];

function scoreTerms(
  space: Space,
  termsIn: TermSource,
  fields: readonly FieldName[],
  boost: number,
  only?: Uint8Array,
): DocScores {
  const out = space.empty();
  const { hit, score } = out;
  space.segments.forEach((seg, s) => {
    const { alive } = seg;
    const base = space.bases[s]!;
    for (const term of termsIn(seg)) {
      const factor = space.idf(term) * boost;
      seg.index.forEachPosting(term, fields, (pos, w) => {
        const slot = base + pos;
        if (only ? !only[slot] : !alive[pos] || !space.keeps(s, pos)) return;
        hit[slot] = 1;
        score[slot]! += w * factor;
      });
    }
  });
  return out;
}

/** Documents every map matched, scores summed. */
function intersect(space: Space, maps: DocScores[]): DocScores {
  const out = space.empty();
  if (maps.length === 0) return out;
  for (let i = 0; i < space.total; i++) {
    let total = 0;
    let all = 1;
    for (const m of maps) {
      if (!m.hit[i]) {
        all = 0;
        break;
      }
      total += m.score[i]!;
    }
    if (all) {
      out.hit[i] = 1;
      out.score[i] = total;
    }
  }
  return out;
}

/** A phrase scores as the sum of its words, over the documents holding it (positions). */
function phraseScores(
  space: Space,
  languages: string[],
  c: PhraseClause,
  fields: readonly FieldName[],
): DocScores {
  const words = c.words.map((w) => expandWord(w, languages));
  const matched = new Uint8Array(space.total);
  let any = false;
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    for (const pos of phraseDocs(seg.index, words, fields)) {
      if (seg.alive[pos] && space.keeps(s, pos)) {
        matched[base + pos] = 1;
        any = true;
      }
    }
  });
  if (!any) return space.empty();
  return intersect(
    space,
    words.map((variants) => scoreTerms(space, () => variants, fields, c.boost, matched)),
  );
}

function clauseScores(space: Space, languages: string[], c: Clause): DocScores {
  if (c.kind === 'tag') {
    const term = tagTerm(c.tag);
    return scoreTerms(space, () => [term], ['tags'], c.boost);
  }
  const fields = c.fields ?? FIELDS;
  if (c.kind === 'phrase') return phraseScores(space, languages, c, fields);
  let source: TermSource;
  if (c.prefix) source = (seg) => seg.index.expandPrefix(c.word);
  else if (c.fuzzy > 0) {
    const variants = expandWord(c.word, languages);
    source = (seg) => [...new Set(variants.flatMap((v) => seg.index.expandFuzzy(v, c.fuzzy)))];
  } else {
    const variants = expandWord(c.word, languages);
    source = () => variants;
  }
  return scoreTerms(space, source, fields, c.boost);
}

/** Matching documents with their scores, best first (ties by id, for stable output). */
export function evaluate(ctx: EvalContext, clauses: Clause[]): RankedHit[] {
  if (clauses.length === 0) return [];
  const space = new Space(ctx.segments, ctx.filter);
  const scored = clauses.map((c) => ({ c, s: clauseScores(space, ctx.languages, c) }));
  const required = scored.filter((x) => x.c.presence === 'required').map((x) => x.s);
  const optional = scored.filter((x) => x.c.presence === 'optional').map((x) => x.s);
  const prohibited = scored.filter((x) => x.c.presence === 'prohibited').map((x) => x.s);

  let result: DocScores;
  if (required.length > 0) {
    result = intersect(space, required);
    for (const o of optional) {
      for (let i = 0; i < space.total; i++)
        if (result.hit[i] && o.hit[i]) result.score[i]! += o.score[i]!;
    }
  } else if (optional.length > 0) {
    result = space.empty();
    for (const o of optional) {
      for (let i = 0; i < space.total; i++) {
        if (!o.hit[i]) continue;
        result.hit[i] = 1;
        result.score[i]! += o.score[i]!;
      }
    }
  } else {
    // Only exclusions: like Lunr, everything else matches.
    result = space.empty();
    space.segments.forEach((seg, s) => {
      const base = space.bases[s]!;
      for (let pos = 0; pos < seg.size; pos++) {
        if (seg.alive[pos] && space.keeps(s, pos)) result.hit[base + pos] = 1;
      }
    });
  }
  for (const p of prohibited) for (let i = 0; i < space.total; i++) if (p.hit[i]) result.hit[i] = 0;
  return rank(space, result);
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
