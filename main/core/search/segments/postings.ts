// The compact form a segment's index lives in once Lunr has built it: sorted terms and, per
// term and field, the documents (by position in the segment) with Lunr's BM25 weight divided
// by the segment-local idf. Typed arrays instead of Lunr's object graph keep 100,000 articles
// in a few hundred MB, move between threads without copying, and merge without re-reading
// or re-analysing any article: merging is concatenation, since no weight depends on the
// segment's idf any more (queries multiply by the idf over all segments).
import { FIELDS, type AnalyzedDoc } from '../analysis/analyzer';
import { buildPositions, ByteWriter, skipRun } from './positions';
import { idf, type LunrWeights } from './lunr-segment';

export const FIELD_COUNT = FIELDS.length;

// Postings live in shared memory: segments are immutable, so the worker that merges them and
// the thread that serves queries read the same bytes, and nothing is copied either way.
/** A Uint32Array of `n` zeros in shared memory. */
export const sharedU32 = (n: number): Uint32Array => new Uint32Array(new SharedArrayBuffer(n * 4));
/** A Float32Array of `n` zeros in shared memory. */
export const sharedF32 = (n: number): Float32Array =>
  new Float32Array(new SharedArrayBuffer(n * 4));

export interface PostingData {
  /** Every term, sorted (JavaScript string order, as Lunr sorts them). */
  terms: string[];
  /** Postings of term t in field f are [offsets[t*F+f], offsets[t*F+f+1]). */
  offsets: Uint32Array;
  /** Document position in the segment's doc list, per posting. */
  docs: Uint32Array;
  /** Lunr's weight over the segment-local idf (term frequency, length norm, field boost). */
  weights: Float32Array;
  /** Byte offset in `positions` where the runs of slot t*F+f start (one entry per slot + 1). */
  posOffsets: Uint32Array;
  /** Per posting, in order: its word positions in the field (positions.ts encoding). */
  positions: Uint8Array;
}

/** Reads the postings out of Lunr's weights for the analysed documents, with positions. */
export function postingsFromLunr(
  inner: LunrWeights,
  analysed: readonly AnalyzedDoc[],
): PostingData {
  const ids = analysed.map((d) => d.id);
  const terms = Object.keys(inner.invertedIndex).sort();
  const rankOf: number[] = [];
  const rankOfTerm = new Map<string, number>();
  terms.forEach((t, rank) => {
    rankOf[inner.invertedIndex[t]!._index] = rank;
    rankOfTerm.set(t, rank);
  });
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
  const offsets = sharedU32(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const localIdf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t++) {
    const df = offsets[(t + 1) * FIELD_COUNT]! - offsets[t * FIELD_COUNT]!;
    localIdf[t] = idf(df, ids.length);
  }
  const total = offsets[counts.length]!;
  const docs = sharedU32(total);
  const weights = sharedF32(total);
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
  return { terms, offsets, docs, weights, ...buildPositions(terms.length, rankOfTerm, analysed) };
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
  let termCapacity = 0;
  let positionCapacity = 0;
  for (const { postings } of parts) {
    capacity += postings.docs.length;
    termCapacity += postings.terms.length;
    positionCapacity += postings.positions.length;
  }
  const terms: string[] = [];
  // Sized for the worst case and handed out as views: dead postings are few (merges rewrite
  // segments more than half dead), and copying to the exact size would double the peak.
  const offsets = sharedU32(termCapacity * FIELD_COUNT + 1);
  const docs = sharedU32(capacity);
  const weights = sharedF32(capacity);
  const posOffsets = sharedU32(termCapacity * FIELD_COUNT + 1);
  const positions = new ByteWriter(positionCapacity);
  const cursor = { at: 0 };
  let at = 0;
  const heads = parts.map(() => 0);
  // A part without dead documents (the usual case while importing) is copied a slot at a time:
  // its runs of positions lie back to back, so they need no decoding to be found.
  const whole = parts.map(({ keep }) => keep.every((k) => k === 1));
  for (;;) {
    let term: string | null = null;
    for (let p = 0; p < parts.length; p++) {
      const t = parts[p]!.postings.terms[heads[p]!];
      if (t !== undefined && (term === null || t < term)) term = t;
    }
    if (term === null) break;
    const start = at;
    const fieldEnds: number[] = [];
    const posStarts: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      posStarts.push(positions.length);
      for (let p = 0; p < parts.length; p++) {
        const src = parts[p]!.postings;
        const t = heads[p]!;
        if (src.terms[t] !== term) continue;
        const map = remap[p]!;
        const slot = t * FIELD_COUNT + f;
        if (whole[p]) {
          for (let i = src.offsets[slot]!; i < src.offsets[slot + 1]!; i++) {
            docs[at] = map[src.docs[i]!]!;
            weights[at++] = src.weights[i]!;
          }
          positions.append(
            src.positions.subarray(src.posOffsets[slot]!, src.posOffsets[slot + 1]!),
          );
          continue;
        }
        cursor.at = src.posOffsets[t * FIELD_COUNT + f]!;
        for (
          let i = src.offsets[t * FIELD_COUNT + f]!;
          i < src.offsets[t * FIELD_COUNT + f + 1]!;
          i++
        ) {
          const from = cursor.at;
          skipRun(src.positions, cursor);
          const d = map[src.docs[i]!]!;
          if (d < 0) continue;
          docs[at] = d;
          weights[at++] = src.weights[i]!;
          positions.append(src.positions.subarray(from, cursor.at));
        }
      }
      fieldEnds.push(at);
    }
    for (let p = 0; p < parts.length; p++) {
      if (parts[p]!.postings.terms[heads[p]!] === term) heads[p]!++;
    }
    if (at === start) continue;
    const base = terms.length * FIELD_COUNT;
    terms.push(term);
    for (let f = 0; f < FIELD_COUNT; f++) {
      offsets[base + f + 1] = fieldEnds[f]!;
      posOffsets[base + f] = posStarts[f]!;
    }
  }
  posOffsets[terms.length * FIELD_COUNT] = positions.length;
  // The term tables are copied to their exact size: most terms occur in several inputs, so
  // their capacity (the sum of the inputs' terms) was often 2-3x what is left, for as long
  // as the segment lives. They are small beside docs and positions, which stay views.
  const slots = terms.length * FIELD_COUNT + 1;
  return {
    terms,
    offsets: exactCopy(offsets, slots),
    docs: docs.subarray(0, at),
    weights: weights.subarray(0, at),
    posOffsets: exactCopy(posOffsets, slots),
    positions: positions.toShared(),
  };
}

function exactCopy(from: Uint32Array, length: number): Uint32Array {
  const out = sharedU32(length);
  out.set(from.subarray(0, length));
  return out;
}

/** The buffers of a PostingData to transfer (not share) to another thread. */
export const transferList = (p: PostingData): ArrayBuffer[] =>
  [
    p.offsets.buffer,
    p.docs.buffer,
    p.weights.buffer,
    p.posOffsets.buffer,
    p.positions.buffer,
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
