// "More like this": an article's most telling terms, weighted by BM25 against the whole index,
// run as one weighted any-word query over the segments. Only the title and body count: tags,
// notes and highlights are the reader's own and would tie unrelated articles together.
import { FIELD_BOOST, textTerms, type FieldName } from '../analysis/analyzer';
import { idf } from '../segments/lunr-segment';
import type { Segment } from '../segments/segment';
import type { RankedHit } from './rank-hits';

/** A term of the article and its weight in the query. */
export interface LikeTerm {
  term: string;
  weight: number;
}

/**
 * Terms kept for the query: enough to pin the topic, few enough to stay fast. Measured on the
 * BBC set (docs/search.md): 25 terms put 83% of the top 5 in the article's category, 40 87%,
 * 60 89%, 100 91%; the best terms are the rarest, so their postings are short.
 */
export const LIKE_TERMS = 60;
// Only the opening of a very long body is analysed: a topic shows early, and analysing a
// 10 MB article would cost more than the whole query.
const MAX_BODY_CHARS = 100_000;
// BM25's term-frequency saturation: the tenth "the" adds little over the second.
const K1 = 1.2;
const LIKE_FIELDS: readonly FieldName[] = ['title', 'body'];

/**
 * The article's `max` best terms by BM25 weight (saturated tf times idf over `docCount`
 * documents, `docsWith` giving each term's document count); terms no other document holds
 * are left out, since they cannot match anything.
 */
export function likeTerms(
  texts: { title: string; body: string },
  lang: string,
  docsWith: (term: string) => number,
  docCount: number,
  max = LIKE_TERMS,
): LikeTerm[] {
  const tf = new Map<string, number>();
  const count = (terms: string[], by: number): void => {
    for (const t of terms) if (t.length > 1) tf.set(t, (tf.get(t) ?? 0) + by);
  };
  count(textTerms(texts.title, lang), FIELD_BOOST.title);
  count(textTerms(texts.body.slice(0, MAX_BODY_CHARS), lang), FIELD_BOOST.body);
  const out: LikeTerm[] = [];
  for (const [term, f] of tf) {
    const df = docsWith(term);
    if (df < 2) continue;
    out.push({ term, weight: ((f * (K1 + 1)) / (f + K1)) * idf(df, docCount) });
  }
  out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return out.slice(0, max);
}

/**
 * The `limit` live documents of `segments` scoring highest on the weighted terms (each
 * posting's BM25 weight times the term's idf and its query weight), best first, ties by id;
 * `keep` is asked only of documents that would enter the list.
 */
export function likeDocuments(
  segments: readonly Segment[],
  terms: readonly LikeTerm[],
  keep: (id: string) => boolean,
  limit: number,
): RankedHit[] {
  let total = 0;
  for (const s of segments) total += s.size;
  const factors = terms.map(({ term, weight }) => {
    let df = 0;
    for (const s of segments) df += s.index.docsWithTerm(term);
    return idf(df, total) * weight;
  });
  const top = new TopHits(limit);
  for (const seg of segments) {
    const score = new Float64Array(seg.size);
    const { alive } = seg;
    for (let i = 0; i < terms.length; i++) {
      const factor = factors[i]!;
      seg.index.forEachPosting(terms[i]!.term, LIKE_FIELDS, (pos, w) => {
        if (alive[pos]) score[pos]! += w * factor;
      });
    }
    const ids = seg.docs.ids;
    for (let pos = 0; pos < seg.size; pos++) {
      const s = score[pos]!;
      if (s > 0 && top.admits(s, ids[pos]!) && keep(ids[pos]!)) top.add(s, ids[pos]!);
    }
  }
  return top.hits();
}

/** The best `size` hits seen so far, best first (ties by id). */
class TopHits {
  private readonly list: RankedHit[] = [];
  constructor(private readonly size: number) {}

  private static before(score: number, id: string, than: RankedHit): boolean {
    return score > than.score || (score === than.score && id < than.id);
  }

  /** True when a hit with this score and id would enter the list. */
  admits(score: number, id: string): boolean {
    if (this.size <= 0) return false;
    const last = this.list[this.size - 1];
    return last === undefined || TopHits.before(score, id, last);
  }

  add(score: number, id: string): void {
    let at = this.list.length;
    while (at > 0 && TopHits.before(score, id, this.list[at - 1]!)) at--;
    this.list.splice(at, 0, { id, score });
    if (this.list.length > this.size) this.list.pop();
  }

  hits(): RankedHit[] {
    return [...this.list];
  }
}
