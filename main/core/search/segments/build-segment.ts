// Building segment data from articles, and merging segments; the same code runs on the
// calling thread and in the index worker.
import { analyzeDoc } from '../analysis/analyzer';
import { buildLunrWeights } from './lunr-segment';
import { mergePostings, postingsFromLunr, type MergePart, type PostingData } from './postings';
import type { SegmentDocs } from './segment';
import type { IndexDoc } from '../types';

export interface SegmentPayload {
  docs: SegmentDocs;
  postings: PostingData;
}

/** Analyses and indexes documents with Lunr; returns the doc list and compact postings. */
export function buildSegmentData(docs: IndexDoc[]): SegmentPayload {
  const analysed = docs.map(analyzeDoc);
  const weights = buildLunrWeights(analysed);
  const ids = analysed.map((d) => d.id);
  return {
    docs: { ids, revs: analysed.map((d) => d.rev), langs: analysed.map((d) => d.lang) },
    postings: postingsFromLunr(weights, analysed),
  };
}

/** One segment going into a merge: its doc list, postings and which documents to keep. */
export interface MergeInput extends MergePart {
  docs: SegmentDocs;
}

/** Merges segments into one, keeping only the documents each `keep` mask marks. */
export function mergeSegmentData(parts: MergeInput[]): SegmentPayload {
  const docs: SegmentDocs = { ids: [], revs: [], langs: [] };
  for (const p of parts) {
    for (let d = 0; d < p.keep.length; d++) {
      if (!p.keep[d]) continue;
      docs.ids.push(p.docs.ids[d]!);
      docs.revs.push(p.docs.revs[d]!);
      docs.langs.push(p.docs.langs[d]!);
    }
  }
  return { docs, postings: mergePostings(parts) };
}
