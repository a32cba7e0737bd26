import { describe, expect, it } from 'vitest';
import { pickMerge, QUIET_MERGE_DOCS } from '../../../main/core/search/segments/merge-policy';

const seg = (seq: number, live: number, size = live) => ({ seq, size, live });

describe('pickMerge', () => {
  it('merges a full tier, and a segment that is mostly dead', () => {
    expect(pickMerge([seg(1, 256), seg(2, 256), seg(3, 256), seg(4, 256)])).toEqual([1, 2, 3, 4]);
    expect(pickMerge([seg(1, 5000), seg(2, 10, 100)])).toEqual([2]);
    expect(pickMerge([seg(1, 5000), seg(2, 1200)])).toBeNull();
  });

  it('reclaims a small share of dead docs only when no build is in flight', () => {
    // 10,000 single-article edits over 100,000 articles leave about a tenth of each large
    // segment dead; queries and cold open pay for them.
    const edited = [seg(1, 80_000, 88_000), seg(2, 10_000)];
    expect(pickMerge(edited)).toEqual([1]);
    expect(pickMerge(edited, false)).toBeNull();
    expect(pickMerge([seg(1, 80_000, 86_000), seg(2, 10_000)], false)).toBeNull();
    // A few dead docs are left alone: rewriting a large segment for them would cost more.
    expect(pickMerge([seg(1, 80_000, 82_000), seg(2, 10_000)])).toBeNull();
  });

  it('waits for quiet to reclaim a small dead share; small segments merge as soon as idle', () => {
    // Between the chunks of a bulk edit no build is in flight, but the next comes at once.
    const edited = [seg(1, 80_000, 88_000), seg(2, 10_000)];
    expect(pickMerge(edited, true, false)).toBeNull();
    expect(pickMerge(edited, true, true)).toEqual([1]);
    // A mostly dead segment is rewritten at any time, as during builds.
    expect(pickMerge([seg(1, 80_000), seg(2, 400, 1000)], true, false)).toEqual([2]);
    const small = [seg(1, 90_000), seg(2, 1000), seg(3, 600), seg(4, 500), seg(5, 5)];
    expect(pickMerge(small, true, false)).toEqual([2, 3, 4, 5]);
    expect(pickMerge(small, false, false)).toBeNull();
  });

  it('waits for quiet to merge a tier into a segment larger than QUIET_MERGE_DOCS', () => {
    // An import of 100,000: four segments of 16,384 would become one of 65,536 beside its builds.
    const large = [1, 2, 3, 4].map((n) => seg(n, 16_384));
    expect(4 * 16_384).toBeGreaterThan(QUIET_MERGE_DOCS);
    expect(pickMerge(large, false, false)).toBeNull();
    expect(pickMerge(large, true, false)).toBeNull();
    expect(pickMerge(large, true, true)).toEqual([1, 2, 3, 4]);
    // Smaller tiers go on merging while builds run, below a waiting large one too.
    const mid = [5, 6, 7, 8].map((n) => seg(n, 4096));
    expect(pickMerge([...large, ...mid], false, false)).toEqual([5, 6, 7, 8]);
    // A tier that stays within the limit is merged as before.
    const atLimit = [1, 2, 3, 4].map((n) => seg(n, QUIET_MERGE_DOCS / 4));
    expect(pickMerge(atLimit, false, false)).toEqual([1, 2, 3, 4]);
  });

  it('merges the small segments an import leaves in every tier once there are more than three', () => {
    // As a 100,000-article import with retagging left them: one per tier is not merged.
    const left = [
      seg(1, 76_553, 89_312),
      seg(2, 18_578, 19_041),
      seg(3, 1024),
      seg(4, 1024),
      seg(5, 1024),
      seg(6, 256),
      seg(7, 256),
      seg(8, 111),
      seg(9, 111),
      seg(10, 110),
      seg(11, 45, 52),
      seg(12, 1),
    ];
    expect(pickMerge(left)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Once they are one, the large segment's 14% of dead docs is reclaimed.
    expect(pickMerge([...left.slice(0, 2), seg(13, 3958)])).toEqual([1]);
    // Not while builds are in flight (an import): the tiers handle fresh segments then.
    expect(pickMerge(left, false)).toBeNull();
    // Three small ones are left alone: merging them would cost more than it saves.
    expect(pickMerge([seg(1, 90_000), seg(2, 1000), seg(3, 600), seg(4, 5)])).toBeNull();
  });
});
