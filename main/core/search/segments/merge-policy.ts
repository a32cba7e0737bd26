// Which segments to merge next: LSM-style size tiers, so that each document is rewritten
// O(log n) times and the number of segments a query visits stays small.

export interface SegmentLoad {
  seq: number;
  size: number;
  live: number;
}

/** Segments per tier that trigger a merge. */
export const MERGE_FACTOR = 4;
/** While builds are in flight, a segment with more than this share of dead docs is rewritten. */
const MAX_DEAD_SHARE_BUSY = 0.5;
/**
 * When quiet, a smaller dead share is reclaimed: queries read dead docs' postings and load them at
 * open, so they cost about their share (10,000 highlight edits over 100,000 articles left a tenth
 * of the large segments dead, and query p95 and cold open were 10-12% slower), while rewriting a
 * segment from its postings reads no article and takes seconds even for the largest.
 */
const MAX_DEAD_SHARE_QUIET = 0.05;

/**
 * A tier merge writing more documents than this waits for quiet too. At 100,000 articles the
 * import's last large merge (four segments of 16,384 into one of 65,536, ~130 MB of postings
 * read, written and copied to be saved) ran beside the import's builds and set its peak
 * memory; once quiet, the idle index workers are gone and it runs on a fresh one. Until then
 * queries visit a few more segments.
 */
export const QUIET_MERGE_DOCS = 32_768;

const tierOf = (live: number): number =>
  Math.floor(Math.log(Math.max(live, 1)) / Math.log(MERGE_FACTOR));

/**
 * The seqs of the segments to merge next, or null when none need it. `idle` (no build in
 * flight): also merge small segments together (off during an import, whose fresh segments the
 * tiers merge anyway: doing both at once raised the import's peak memory). `quiet` (no build
 * for a while): also merge a tier into more than QUIET_MERGE_DOCS, and reclaim a small share
 * of dead docs. Done between the chunks of a bulk
 * edit, those rewrites of the largest segments ran beside its builds: tagging 14,000 of
 * 100,000 articles peaked ~250 MB higher and took a third longer.
 */
export function pickMerge(segments: SegmentLoad[], idle = true, quiet = idle): number[] | null {
  const tiers = new Map<number, SegmentLoad[]>();
  for (const s of segments) {
    const t = tierOf(s.live);
    tiers.set(t, [...(tiers.get(t) ?? []), s]);
  }
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) {
    const group = tiers.get(t)!;
    if (group.length < MERGE_FACTOR) continue;
    const pick = group.slice(0, MERGE_FACTOR * 2);
    if (quiet || pick.reduce((n, s) => n + s.size, 0) <= QUIET_MERGE_DOCS) {
      return pick.map((s) => s.seq);
    }
  }
  // Merging the small ones drops their dead docs too, so they go before a lone rewrite.
  const few = idle ? smallOnes(segments) : null;
  if (few) return few;
  const maxDead = quiet ? MAX_DEAD_SHARE_QUIET : MAX_DEAD_SHARE_BUSY;
  const wasteful = segments.find((s) => s.size > 0 && (s.size - s.live) / s.size > maxDead);
  return wasteful ? [wasteful.seq] : null;
}

/** Below this share of all live documents a segment counts as small. */
const SMALL_SHARE = 1 / 32;
/** Small segments tolerated before they are merged into one. */
const MAX_SMALL = 3;

/**
 * The tiers leave up to three segments of every size, and a query pays for each segment it
 * visits (term lookups, fuzzy walks): at 100,000 articles an import left 12, ten of them under
 * 1,100 documents, and query p95 was 68 ms against 48 ms with 3. Segments too small to matter
 * for the write cost are merged together once there are more than a few.
 */
function smallOnes(segments: SegmentLoad[]): number[] | null {
  const total = segments.reduce((n, s) => n + s.live, 0);
  const small = segments.filter((s) => s.live < total * SMALL_SHARE);
  return small.length > MAX_SMALL ? small.map((s) => s.seq) : null;
}
