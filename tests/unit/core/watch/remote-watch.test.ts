// Watching through the engine worker, as the app runs it: the status callback crosses the
// thread, files written are imported, and closing the library ends the watch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WatchStatus } from '../../../../main/contract/watch';
import { openRemoteEngine } from '../../../../main/core/host/remote-engine';
import { sourceWorkerScript } from '../../../../main/core/workers/worker-entries';
import { repoRoot } from '../../../support/shared-data';
import { article } from '../library-helpers';
import { tempDir } from '../tmp-dir';

describe('watching in the engine worker', () => {
  it('imports new files, reports status across the thread and ends when the library closes', async () => {
    const base = tempDir('ar-watch-remote-');
    const inbox = join(base, 'inbox');
    mkdirSync(inbox);
    const engine = await openRemoteEngine(join(base, 'lib'), {
      hostScript: sourceWorkerScript(repoRoot, 'engine-host'),
      hostExecArgv: ['--import', 'tsx'],
    });
    await engine.addWatchedFolder({ path: inbox });
    const statuses: WatchStatus[] = [];
    const running = engine.watchFolders({ onStatus: (s) => statuses.push(s) });
    writeFileSync(join(inbox, 'arrived.txt'), article(1, 'Arrived while the app was open'));
    const deadline = Date.now() + 15_000;
    while ((await engine.list({ limit: 1 })).total < 1) {
      if (Date.now() > deadline) throw new Error('the file was not imported in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await engine.list({ limit: 1 })).items[0]!.title).toBe(
      'Arrived while the app was open',
    );
    // Closing waits for the batch in hand, so the last status counts it.
    await engine.close();
    await running;
    expect(statuses.at(-1)).toMatchObject({ running: false, importedSinceStart: 1 });
    expect(statuses.some((s) => s.running && s.lastBatch?.imported === 1)).toBe(true);
  });
});
