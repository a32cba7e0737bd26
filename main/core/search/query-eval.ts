// Runs parsed clauses over the live documents of several segments. Each segment supplies
// Lunr's BM25 weights without their idf; they are multiplied by the idf over all loaded
// segments, so scores from different segments are comparable.
import { expandWord, FIELDS, tagTerm, type FieldName } from './analyzer';
import { idf } from './lunr-segment';
import type { Clause, PhraseClause } from './query-parser';
import type { Segment } from './segment';

export type Scores = Map<string, number>;

export interface EvalContext {
  segments: Segment[];
  liveIds: () => Iterable<string>;
  languages: string[];
  /** Keeps only the candidates whose text really holds the phrase. */
  verifyPhrase: (clause: PhraseClause, candidates: string[]) => Promise<Set<string>>;
  filter?: (id: string) => boolean;
}

class GlobalStats {
  private readonly cache = new Map<string, number>();
  private readonly docCount: number;
  constructor(private readonly segments: Segment[]) {
    this.docCount = segments.reduce((n, s) => n + s.size, 0);
  }
  idf(term: string): number {
    let v = this.cache.get(term);
    if (v === undefined) {
      let df = 0;
      for (const s of this.segments) df += s.index.docsWithTerm(term);
      v = idf(df, this.docCount);
      this.cache.set(term, v);
    }
    return v;
  }
}

type TermSource = (seg: Segment) => string[];

function scoreTerms(
  ctx: EvalContext,
  stats: GlobalStats,
  termsIn: TermSource,
  fields: readonly FieldName[],
  boost: number,
): Scores {
  const out: Scores = new Map();
  const filter = ctx.filter;
  for (const seg of ctx.segments) {
    const { alive } = seg;
    const ids = seg.docs.ids;
    for (const term of termsIn(seg)) {
      const factor = stats.idf(term) * boost;
      seg.index.forEachPosting(term, fields, (pos, w) => {
        if (!alive[pos]) return;
        const id = ids[pos]!;
        if (filter && !filter(id)) return;
        out.set(id, (out.get(id) ?? 0) + w * factor);
      });
    }
  }
  return out;
}

function intersect(maps: Scores[]): Scores {
  if (maps.length === 0) return new Map();
  const [first, ...rest] = [...maps].sort((a, b) => a.size - b.size);
  const out: Scores = new Map();
  for (const [id, score] of first!) {
    let total = score;
    let all = true;
    for (const m of rest) {
      const s = m.get(id);
      if (s === undefined) {
        all = false;
        break;
      }
      total += s;
    }
    if (all) out.set(id, total);
  }
  return out;
}

function clauseScores(ctx: EvalContext, stats: GlobalStats, c: Clause): Scores {
  if (c.kind === 'tag') {
    const term = tagTerm(c.tag);
    return scoreTerms(ctx, stats, () => [term], ['tags'], c.boost);
  }
  const fields = c.fields ?? FIELDS;
  if (c.kind === 'phrase') {
    const perWord = c.words.map((w) => {
      const variants = expandWord(w, ctx.languages);
      return scoreTerms(ctx, stats, () => variants, fields, c.boost);
    });
    return intersect(perWord);
  }
  let source: TermSource;
  if (c.prefix) source = (seg) => seg.index.expandPrefix(c.word);
  else if (c.fuzzy > 0) {
    const variants = expandWord(c.word, ctx.languages);
    source = (seg) => [...new Set(variants.flatMap((v) => seg.index.expandFuzzy(v, c.fuzzy)))];
  } else {
    const variants = expandWord(c.word, ctx.languages);
    source = () => variants;
  }
  return scoreTerms(ctx, stats, source, fields, c.boost);
}

/** Matching documents with their scores, best first (ties by id, for stable output). */
export async function evaluate(
  ctx: EvalContext,
  clauses: Clause[],
): Promise<{ id: string; score: number }[]> {
  if (clauses.length === 0) return [];
  const stats = new GlobalStats(ctx.segments);
  const scored = clauses.map((c) => ({ c, scores: clauseScores(ctx, stats, c) }));
  const required = scored.filter((s) => s.c.presence === 'required');
  const optional = scored.filter((s) => s.c.presence === 'optional');
  const prohibited = scored.filter((s) => s.c.presence === 'prohibited');

  // Phrases are verified against the text; limit the work to documents that can still match.
  const requiredTerms = required.filter((s) => s.c.kind !== 'phrase').map((s) => s.scores);
  const bound = requiredTerms.length > 0 ? intersect(requiredTerms) : null;
  for (const s of scored) {
    if (s.c.kind !== 'phrase') continue;
    const candidates = [...s.scores.keys()].filter((id) => !bound || bound.has(id));
    const ok = await ctx.verifyPhrase(s.c, candidates);
    for (const id of [...s.scores.keys()]) if (!ok.has(id)) s.scores.delete(id);
  }

  let result: Scores;
  if (required.length > 0) {
    result = intersect(required.map((s) => s.scores));
    for (const o of optional) {
      for (const [id, v] of o.scores) if (result.has(id)) result.set(id, result.get(id)! + v);
    }
  } else if (optional.length > 0) {
    result = new Map();
    for (const o of optional)
      for (const [id, v] of o.scores) result.set(id, (result.get(id) ?? 0) + v);
  } else {
    // Only exclusions: like Lunr, everything else matches.
    result = new Map();
    for (const id of ctx.liveIds()) if (!ctx.filter || ctx.filter(id)) result.set(id, 0);
  }
  for (const p of prohibited) for (const id of p.scores.keys()) result.delete(id);
  return [...result]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
