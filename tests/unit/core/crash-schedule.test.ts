// The crash test's kill schedule aims at phases by what the child reports, so a slow start or
// import (a loaded machine) cannot keep the kills from ever reaching the tagging phase.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashCampaign, rng } from '../../support/crash-harness';
import { KillSchedule, killDeck, type LaneTimings } from '../../support/crash-schedule';
import { tempDir } from './tmp-dir';

const slowChild = resolve(__dirname, '../../support/crash-slow-child.ts');

/** Feeds lines at the given times; returns the time the kill would happen, or null. */
function killTime(schedule: KillSchedule, lines: [number, string][]): number | null {
  for (const [at, line] of lines) {
    const [kind = '', ...args] = line.split(' ');
    const delay = schedule.onLine(kind, args, at);
    if (delay !== null) return at + delay;
  }
  return null;
}

describe('crash kill schedule', () => {
  it('deals a third of the kills to each phase, the first one to the import', () => {
    const deck = killDeck(17, rng(7));
    const count = (phase: string) => deck.filter((p) => p.phase === phase).length;
    expect(deck[0]!.phase).toBe('import');
    expect([count('open'), count('import'), count('tag')]).toEqual([6, 6, 5]);
  });

  it('kills a tag-phase child only after its n-th tag, however long the import took', () => {
    const schedule = new KillSchedule({ phase: 'tag', after: 3, slack: 0.5 }, {}, 2);
    const lines: [number, string][] = [
      [0, 'OPENING'],
      [20_000, 'READY'],
      [20_001, 'PROGRESS 0 2'],
      [600_000, 'PROGRESS 2 2'],
      [600_100, 'IMPORT-DONE'],
      [600_200, 'TAG a t0'],
      [600_300, 'TAG a t1'],
      [600_340, 'TAG a t2'],
      [600_400, 'TAG a t3'],
    ];
    expect(killTime(schedule, lines)).toBe(600_340 + 20);
    expect(schedule.phase).toBe('tag');
  });

  it('aims import kills by progress, then by the measured length of the last import', () => {
    const timings: LaneTimings = {};
    const first = new KillSchedule({ phase: 'import', at: 0.5, slack: 0 }, timings, 100);
    const progress: [number, string][] = [
      [0, 'OPENING'],
      [1000, 'READY'],
      ...Array.from({ length: 11 }, (_, i): [number, string] => [
        1000 + i * 1000,
        `PROGRESS ${i * 10} 100`,
      ]),
    ];
    expect(killTime(first, progress)).toBe(6000);
    // A run that got through tells later ones how long open and import take.
    const through = new KillSchedule({ phase: 'tag', after: 1, slack: 0 }, timings, 100);
    killTime(through, [
      [0, 'OPENING'],
      [400, 'READY'],
      [2400, 'IMPORT-DONE'],
    ]);
    expect(timings).toEqual({ openMs: 400, importMs: 2000 });
    const later = new KillSchedule({ phase: 'import', at: 0.25, slack: 0 }, timings, 100);
    expect(
      killTime(later, [
        [0, 'OPENING'],
        [300, 'READY'],
      ]),
    ).toBe(300 + 500);
    // ...the latest measure: that last open took 300 ms.
    const open = new KillSchedule({ phase: 'open', at: 0.5 }, timings, 100);
    expect(killTime(open, [[10, 'OPENING']])).toBe(10 + 150);
  });

  it(
    'reaches the tagging phase when start-up and import take seconds',
    { timeout: 120_000 },
    async () => {
      // Open 1.5 s and an import of 3 s: wall-clock kills within a second of READY never
      // got past the import.
      const report = await crashCampaign(tempDir('ar-crash-slow-'), [], 6, 42, {
        script: slowChild,
        args: ['1500', '100', '30', '20'],
      });
      expect(report.failures).toEqual([]);
      expect(report.kills).toBe(6);
      expect(report.killedIn.tag).toBeGreaterThanOrEqual(2);
      expect(report.killedIn.import).toBeGreaterThanOrEqual(1);
      expect(report.tags.size).toBeGreaterThan(0);
    },
  );
});
