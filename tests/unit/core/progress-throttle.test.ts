// The one progress throttle, as the import and the API use it.
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../../main/core/import/progress-throttle';

describe('throttleProgress', () => {
  it('sends the first at once, at most one per interval, and the final one whatever the time', () => {
    let t = 0;
    const sent: number[] = [];
    const th = throttleProgress<number>(
      (v) => sent.push(v),
      50,
      () => t,
    );
    th.report(1);
    th.report(2);
    expect(sent).toEqual([1]);
    t = 60;
    th.report(3);
    expect(sent).toEqual([1, 3]);
    th.report(4);
    th.final(5);
    expect(sent).toEqual([1, 3, 5]);
    // The final value replaced what was pending: nothing older follows it.
    th.flush();
    expect(sent).toEqual([1, 3, 5]);
  });

  it('sends a mutated value as it is at send time', () => {
    let t = 0;
    const sent: { done: number }[] = [];
    const progress = { done: 0 };
    const th = throttleProgress(
      (p: { done: number }) => sent.push({ ...p }),
      50,
      () => t,
    );
    for (let i = 1; i <= 5; i++) {
      progress.done = i;
      th.report(progress);
      t += 10;
    }
    th.flush();
    expect(sent).toEqual([{ done: 1 }, { done: 5 }]);
  });

  it('does nothing without a listener', () => {
    const th = throttleProgress<number>(undefined);
    expect(() => {
      th.report(1);
      th.flush();
      th.final(2);
    }).not.toThrow();
  });
});
