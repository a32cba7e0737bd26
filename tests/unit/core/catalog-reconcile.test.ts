// planRepairs: which files a load reads and which records it drops.
import { describe, expect, it } from 'vitest';
import { planRepairs } from '../../../main/core/store/catalog-reconcile';

const records = (...ids: string[]) => new Map(ids.map((id) => [id, {}]));

describe('catalogue repairs', () => {
  it('reads only unfinished ids when records and files match', () => {
    const plan = planRepairs(records('a', 'b', 'c'), ['c', 'a', 'b'], new Set(['b', 'z']), false);
    expect(plan).toEqual({ read: ['b'], del: ['z'], same: true });
  });

  it('reads every file in a full scan', () => {
    const plan = planRepairs(records('a', 'b'), ['a', 'b'], new Set(), true);
    expect(plan.read).toEqual(['a', 'b']);
    expect(plan.del).toEqual([]);
  });

  it('reads new files and drops records whose files are gone', () => {
    const plan = planRepairs(records('a', 'b', 'gone'), ['a', 'b', 'new'], new Set(), false);
    expect(plan.same).toBe(false);
    expect(plan.read).toEqual(['new']);
    expect(plan.del).toEqual(['gone']);
    // Same count, other ids: still a mismatch.
    const swapped = planRepairs(records('a', 'x'), ['a', 'y'], new Set(['a']), false);
    expect(swapped).toEqual({ read: ['a', 'y'], del: ['x'], same: false });
  });
});
