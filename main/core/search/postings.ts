// The compact form a segment's index lives in once Lunr has built it: sorted terms and, per
// term and field, the documents (by position in the segment) with Lunr's BM25 weight divided
// by the segment-local idf. Typed arrays instead of Lunr's object graph keep 100,000 articles
// in a few hundred MB, move between threads without copying, and merge without re-reading
// or re-analysing any article: merging is concatenation, since no weight depends on the
// segment's idf any more (queries multiply by the idf over all segments).
import { FIELDS } from './analyzer';
import { idf, type LunrWeights } from './lunr-segment';

export const FIELD_COUNT = FIELDS.length;

export interface PostingData {
  /** Every term, sorted (JavaScript string order, as Lunr sorts them). */
  terms: string[];
  /** Postings of term t in field f are [offsets[t*F+f], offsets[t*F+f+1]). */
  offsets: Uint32Array;
  /** Document position in the segment's doc list, per posting. */
  docs: Uint32Array;
  /** Lunr's weight over the segment-local idf (term frequency, length norm, field boost). */
  weights: Float32Array;
}

/** Reads the postings out of Lunr's weights for documents `ids`. */
export function postingsFromLunr(inner: LunrWeights, ids: readonly string[]): PostingData {
  const terms = Object.keys(inner.invertedIndex).sort();
  const rankOf: number[] = [];
  terms.forEach((t, rank) => (rankOf[inner.invertedIndex[t]!._index] = rank));
  const vectors: (number[] | undefined)[] = [];
  for (let d = 0; d < ids.length; d++) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      vectors.push(inner.fieldVectors[`${FIELDS[f]}/${ids[d]}`]?.elements);
    }
  }
  const counts = new Uint32Array(terms.length * FIELD_COUNT);
  vectors.forEach((el, i) => {
    if (!el) return;
    const f = i % FIELD_COUNT;
    for (let k = 0; k < el.length; k += 2) counts[rankOf[el[k]!]! * FIELD_COUNT + f]!++;
  });
  const offsets = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const localIdf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const df = offsets[(t + 1) * FIELD_COUNT]! - offsets[t * FIELD_COUNT]!;
    localIdf[t] = idf(df, ids.length);
  }
  const total = offsets[counts.length]!;
  const docs = new Uint32Array(total);
  const weights = new Float32Array(total);
  const fill = offsets.slice(0, counts.length);
  vectors.forEach((el, i) => {
    if (!el) return;
    const d = Math.floor(i / FIELD_COUNT);
    const f = i % FIELD_COUNT;
    for (let k = 0; k < el.length; k += 2) {
      const t = rankOf[el[k]!]!;
      const at = fill[t * FIELD_COUNT + f]!++;
      docs[at] = d;
      weights[at] = el[k + 1]! / localIdf[t]!;
    }
  });
  return { terms, offsets, docs, weights };
}

/** One input of a merge: postings plus which of its documents to keep (1) or drop (0). */
export interface MergePart {
  postings: PostingData;
  keep: Uint8Array;
}

/**
 * Merges segments' postings: kept documents are renumbered in part order, then position
 * order (the caller builds the doc list the same way); terms left without postings vanish.
 */
export function mergePostings(parts: readonly MergePart[]): PostingData {
  const remap = parts.map(({ keep }) => new Int32Array(keep.length).fill(-1));
  let next = 0;
  parts.forEach(({ keep }, p) => {
    for (let d = 0; d < keep.length; d++) if (keep[d]) remap[p]![d] = next++;
  });
  let capacity = 0;
  for (const { postings } of parts) capacity += postings.docs.length;
  const terms: string[] = [];
  const offsetList: number[] = [0];
  const docs = new Uint32Array(capacity);
  const weights = new Float32Array(capacity);
  let at = 0;
  const heads = parts.map(() => 0);
  for (;;) {
    let term: string | null = null;
    for (let p = 0; p < parts.length; p++) {
      const t = parts[p]!.postings.terms[heads[p]!];
      if (t !== undefined && (term === null || t < term)) term = t;
    }
    if (term === null) break;
    const start = at;
    const fieldEnds: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      for (let p = 0; p < parts.length; p++) {
        const src = parts[p]!.postings;
        const t = heads[p]!;
        if (src.terms[t] !== term) continue;
        const map = remap[p]!;
        for (let i = src.offsets[t * FIELD_COUNT + f]!; i < src.offsets[t * FIELD_COUNT + f + 1]!; i++) {
          const d = map[src.docs[i]!]!;
          if (d < 0) continue;
          docs[at] = d;
          weights[at++] = src.weights[i]!;
        }
      }
      fieldEnds.push(at);
    }
    for (let p = 0; p < parts.length; p++) {
      if (parts[p]!.postings.terms[heads[p]!] === term) heads[p]!++;
    }
    if (at === start) continue;
    terms.push(term);
    offsetList.push(...fieldEnds);
  }
  return {
    terms,
    offsets: Uint32Array.from(offsetList),
    docs: docs.slice(0, at),
    weights: weights.slice(0, at),
  };
}

/** The buffers a PostingData can hand to another thread without copying. */
export const transferList = (p: PostingData): ArrayBuffer[] =>
  [p.offsets.buffer, p.docs.buffer, p.weights.buffer] as ArrayBuffer[];
