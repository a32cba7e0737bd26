// Which segments to merge next: LSM-style size tiers, so that each document is rewritten
// O(log n) times and the number of segments a query visits stays small.

export interface SegmentLoad {
  seq: number;
  size: number;
  live: number;
}

/** Segments per tier that trigger a merge. */
export const MERGE_FACTOR = 4;
/** A segment with more than this share of replaced/removed docs is rewritten. */
const MAX_DEAD_SHARE = 0.5;

const tierOf = (live: number): number =>
  Math.floor(Math.log(Math.max(live, 1)) / Math.log(MERGE_FACTOR));

/** The seqs of the segments to merge next, or null when none need it. */
export function pickMerge(segments: SegmentLoad[]): number[] | null {
  const tiers = new Map<number, SegmentLoad[]>();
  for (const s of segments) {
    const t = tierOf(s.live);
    tiers.set(t, [...(tiers.get(t) ?? []), s]);
  }
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) {
    const group = tiers.get(t)!;
    if (group.length >= MERGE_FACTOR) return group.slice(0, MERGE_FACTOR * 2).map((s) => s.seq);
  }
  const wasteful = segments.find((s) => s.size > 0 && (s.size - s.live) / s.size > MAX_DEAD_SHARE);
  return wasteful ? [wasteful.seq] : null;
}
