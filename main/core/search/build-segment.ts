// Building segment data from articles; the same code runs on the calling thread and in the
// index worker.
import { analyzeDoc } from './analyzer';
import { buildLunrIndex } from './lunr-segment';
import type { SegmentDocs } from './segment';
import type { IndexDoc } from './types';
import type lunr from 'lunr';

/** Analyses and indexes documents; returns the Lunr index and the doc list. */
export function buildSegmentIndex(docs: IndexDoc[]): { docs: SegmentDocs; index: lunr.Index } {
  const analysed = docs.map(analyzeDoc);
  return {
    docs: {
      ids: analysed.map((d) => d.id),
      revs: analysed.map((d) => d.rev),
      langs: analysed.map((d) => d.lang),
    },
    index: buildLunrIndex(analysed),
  };
}

/** Like buildSegmentIndex, with the index serialised (what a worker sends back). */
export function buildSegmentPayload(docs: IndexDoc[]): { docs: SegmentDocs; json: string } {
  const built = buildSegmentIndex(docs);
  return { docs: built.docs, json: JSON.stringify(built.index) };
}
