// Runs parsed clauses over the live documents of several segments. Each segment supplies
// Lunr's BM25 weights without their idf; they are multiplied by the idf over all loaded
// segments, so scores from different segments are comparable. Scores live in dense arrays
// over every document slot of the segments (segment base + position): a common word hits
// half the library, and string-keyed maps of that size dominated query time.
import { expandWord, FIELDS, tagTerm, type FieldName } from './analyzer';
import { idf } from './lunr-segment';
import { phraseDocs } from './phrase-match';
import type { Clause, PhraseClause } from './query-parser';
import type { Segment } from './segment';

export interface EvalContext {
  segments: Segment[];
  languages: string[];
  filter?: (id: string) => boolean;
}

/** Per document slot: whether the clause matched it, and its score. */
interface DocScores {
  hit: Uint8Array;
  score: Float64Array;
}

class Space {
  readonly bases: number[] = [];
  readonly total: number;
  // 0: not asked yet, 1: the filter keeps the document, 2: it does not (asked once each).
  private readonly kept: Uint8Array;
  private readonly idfCache = new Map<string, number>();
  private readonly docCount: number;

  constructor(
    readonly segments: Segment[],
    private readonly filter: ((id: string) => boolean) | undefined,
  ) {
    let n = 0;
    for (const s of segments) {
      this.bases.push(n);
      n += s.size;
    }
    this.total = n;
    this.docCount = n;
    this.kept = new Uint8Array(filter ? n : 0);
  }

  empty(): DocScores {
    return { hit: new Uint8Array(this.total), score: new Float64Array(this.total) };
  }

  /** True when the document at this slot may appear (the caller checked `alive`). */
  keeps(slot: number, seg: Segment, pos: number): boolean {
    if (!this.filter) return true;
    let k = this.kept[slot]!;
    if (k === 0) this.kept[slot] = k = this.filter(seg.docs.ids[pos]!) ? 1 : 2;
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
        if (only ? !only[slot] : !alive[pos] || !space.keeps(slot, seg, pos)) return;
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
      if (seg.alive[pos] && space.keeps(base + pos, seg, pos)) {
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
export function evaluate(ctx: EvalContext, clauses: Clause[]): { id: string; score: number }[] {
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
        if (seg.alive[pos] && space.keeps(base + pos, seg, pos)) result.hit[base + pos] = 1;
      }
    });
  }
  for (const p of prohibited) for (let i = 0; i < space.total; i++) if (p.hit[i]) result.hit[i] = 0;
  return rank(space, result);
}

/** The matched slots as hits, best first, ties by id. */
function rank(space: Space, result: DocScores): { id: string; score: number }[] {
  const hits: { id: string; score: number }[] = [];
  space.segments.forEach((seg, s) => {
    const base = space.bases[s]!;
    const ids = seg.docs.ids;
    for (let pos = 0; pos < seg.size; pos++) {
      if (result.hit[base + pos]) hits.push({ id: ids[pos]!, score: result.score[base + pos]! });
    }
  });
  return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
