import { describe, expect, it } from 'vitest';
import { Foreground, FOREGROUND_QUIET_MS } from '../../../main/core/library/foreground';

describe('Foreground', () => {
  it('is busy while a search runs and for a quiet period after it', () => {
    const f = new Foreground();
    expect(f.busy()).toBe(false);
    const end = f.begin();
    expect(f.busy(performance.now() + 10 * FOREGROUND_QUIET_MS)).toBe(true);
    end();
    expect(f.busy()).toBe(true);
    expect(f.busy(performance.now() + FOREGROUND_QUIET_MS + 1)).toBe(false);
  });

  it('lets background work go on only once searches have been quiet, or when told to stop', async () => {
    const f = new Foreground();
    await f.quiet(); // nothing ran: at once
    f.begin()();
    const t0 = performance.now();
    await f.quiet();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(FOREGROUND_QUIET_MS * 0.9);
    f.begin(); // never ended
    let stop = false;
    setTimeout(() => (stop = true), 50);
    await f.quiet(() => stop);
    expect(stop).toBe(true);
  });
});
