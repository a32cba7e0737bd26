// Building segment data from articles, and merging segments; the same code runs on the
// calling thread and in the index worker.
import { analyzeDoc, retagAnalysis, type AnalyzedDoc } from '../analysis/analyzer';
import { QueryJudge, taggedBy, type Judging, type QueryVerdicts } from '../query/query-judge';
import { buildLunrWeights } from './lunr-segment';
import { mergePostings, postingsFromLunr, type MergePart, type PostingData } from './postings';
import type { SegmentDocs } from './segment';
import type { IndexDoc } from '../types';

export interface SegmentPayload {
  docs: SegmentDocs;
  postings: PostingData;
  /** With a Judging: each document's verdicts, in order (null: no query found it). */
  verdicts?: (QueryVerdicts | null)[];
}

/**
 * Analyses and indexes documents with Lunr; returns the doc list and compact postings. With
 * `judging`, each document is first judged by its queries on that analysis, and indexed with
 * the tags of those that found it.
 */
export function buildSegmentData(docs: IndexDoc[], judging?: Judging): SegmentPayload {
  const analysed = docs.map(analyzeDoc);
  const verdicts = judging ? judgeAnalysed(docs, analysed, judging) : undefined;
  const weights = buildLunrWeights(analysed);
  const ids = analysed.map((d) => d.id);
  return {
    docs: { ids, revs: analysed.map((d) => d.rev), langs: analysed.map((d) => d.lang) },
    postings: postingsFromLunr(weights, analysed),
    ...(verdicts && { verdicts }),
  };
}

/**
 * Judges documents by `judging`'s queries on their analysis, building nothing: an import's
 * chunks too small to be built into a segment of their own are judged this way, so that the
 * analysis runs on a worker (whose word memo the index build then reuses), not on the
 * importing thread.
 */
export function judgeDocs(docs: readonly IndexDoc[], judging: Judging): (QueryVerdicts | null)[] {
  return judgeAnalysed(docs, docs.map(analyzeDoc), judging, false);
}

/**
 * Judges each document in order; with `retag`, gives the analysis of those found their new
 * tags (to be indexed with them).
 */
function judgeAnalysed(
  docs: readonly IndexDoc[],
  analysed: AnalyzedDoc[],
  judging: Judging,
  retag = true,
): (QueryVerdicts | null)[] {
  const judge = new QueryJudge(judging.queries, judging.languages);
  return analysed.map((a, i) => {
    const v = judge.judge(judging.records[i]!, a);
    if (!retag || !v || v.found.length === 0) return v;
    const { tags } = taggedBy(docs[i]!.tags, v.found, judging.tags);
    if (tags) retagAnalysis(a, tags);
    return v;
  });
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
