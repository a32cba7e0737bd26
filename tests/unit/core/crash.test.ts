// SIGKILL the importer at >= 50 random moments; nothing reported imported or tagged may be lost.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { crashCampaign, idOfText, makeArticleFiles } from '../../support/crash-harness';
import type { CrashPhase } from '../../support/crash-schedule';
import { tempDir } from './tmp-dir';

const LANES = 3;
const KILLS_PER_LANE = 17;

describe('crash safety', () => {
  it(
    'loses nothing reported durable when killed with SIGKILL, and always reopens',
    // Generous: at load 20 each child's start-up (tsx) takes seconds, and ≥ 51 are spawned.
    // Nothing below depends on timing: kill moments are random points measured from what
    // each child reports (crash-schedule.ts), so load only makes the test slower.
    { timeout: 600_000 },
    async () => {
      const base = tempDir('ar-crash-');
      const files = makeArticleFiles(join(base, 'src'), 150);
      const byId = new Map([...files.values()].map((text) => [idOfText(text), text]));
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, lane) =>
          crashCampaign(
            join(base, `lib${lane}`),
            [...files.keys()],
            KILLS_PER_LANE,
            1000 + lane + Date.now(),
          ),
        ),
      );
      const kills = lanes.reduce((n, r) => n + r.kills, 0);
      if (process.env.CRASH_VERBOSE) {
        for (const r of lanes)
          console.log(
            `runs ${r.runs} kills ${r.kills} ${JSON.stringify(r.killedIn)} imported ${r.imported.size} tagged ${r.tags.size}`,
          );
      }
      expect(lanes.flatMap((r) => r.failures)).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(50);
      // Every lane is killed while saving tags, and between them while importing and
      // while opening (recovering from the previous kill).
      for (const r of lanes) expect(r.killedIn.tag).toBeGreaterThan(0);
      const killedIn = (phase: CrashPhase) => lanes.reduce((n, r) => n + r.killedIn[phase], 0);
      expect(killedIn('import')).toBeGreaterThan(0);
      expect(killedIn('open')).toBeGreaterThan(0);
      let checkedTags = 0;
      for (const [lane, report] of lanes.entries()) {
        expect(report.imported.size).toBeGreaterThan(0);
        const lib = await openLibrary(join(base, `lib${lane}`));
        try {
          const stats = await lib.stats();
          expect(stats.problems ?? []).toEqual([]);
          for (const id of report.imported) {
            const view = await lib.get(id);
            expect(view.original).toBe(byId.get(id));
          }
          for (const [id, tags] of report.tags) {
            const have = new Set((await lib.get(id)).tags);
            for (const tag of tags) expect(have.has(tag), `${id} lost tag ${tag}`).toBe(true);
            checkedTags += tags.size;
          }
          // Everything in the library is one of our files, intact.
          const all = await lib.list({ limit: 1e6, view: 'all' });
          const trashed = await lib.list({ limit: 1e6, view: 'trash' });
          for (const m of [...all.items, ...trashed.items]) expect(byId.has(m.id)).toBe(true);
        } finally {
          await lib.close();
        }
      }
      expect(checkedTags).toBeGreaterThan(0);
    },
  );
});
