// Cache files saved a little after a change: once for a burst of changes, after searches have
// been quiet, at once when asked (closing), and never two saves at the same time. And an import
// returns without waiting for the version signatures' file, which follows shortly.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeferredSave } from '../../../main/core/library/deferred-save';
import { Foreground, FOREGROUND_QUIET_MS } from '../../../main/core/library/foreground';
import { SIGNATURE_CACHE_FILE } from '../../../main/core/store/signature-cache';
import { openFake, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A save that counts its runs and notes if two ever overlap. */
function countingSave(ms = 20) {
  const state = { runs: 0, running: 0, overlapped: false };
  const save = async () => {
    state.running++;
    if (state.running > 1) state.overlapped = true;
    await sleep(ms);
    state.runs++;
    state.running--;
  };
  return { state, save };
}

describe('DeferredSave', () => {
  it('saves once for a burst of changes, after the delay', async () => {
    const { state, save } = countingSave();
    const saver = new DeferredSave(save, new Foreground(), 50);
    for (let i = 0; i < 5; i++) saver.schedule();
    await sleep(20);
    expect(state.runs).toBe(0);
    await sleep(150);
    expect(state.runs).toBe(1);
  });

  it('waits while searches run, unless asked to save now', async () => {
    const foreground = new Foreground();
    const { state, save } = countingSave();
    const saver = new DeferredSave(save, foreground, 10);
    const end = foreground.begin();
    saver.schedule();
    await sleep(FOREGROUND_QUIET_MS / 2);
    expect(state.runs).toBe(0);
    // Closing cannot wait for the searches: now() saves at once, and the waiting save with it.
    await saver.now();
    expect(state.runs).toBeGreaterThanOrEqual(1);
    expect(state.overlapped).toBe(false);
    end();
  });

  it('runs saves one at a time, and now() cancels the timer', async () => {
    const { state, save } = countingSave(30);
    const saver = new DeferredSave(save, new Foreground(), 40);
    saver.schedule();
    await Promise.all([saver.now(), saver.now()]);
    expect(state.runs).toBe(2);
    await sleep(120);
    expect(state.runs).toBe(2);
    expect(state.overlapped).toBe(false);
  });
});

describe('the version signatures after an import', () => {
  it('are saved shortly after the import returns, and at close', async () => {
    const dir = tempDir();
    const src = tempDir();
    writeArticles(src, {
      'a.txt':
        'Harbour reopens\n\nThe harbour reopened on Monday after the storm, officials said.\n',
      'b.txt':
        'Mill closes\n\nThe old mill closed its doors after ninety years of work in the town.\n',
    });
    const lib = await openFake(dir);
    await lib.importSources([{ path: src }]);
    const file = join(dir, SIGNATURE_CACHE_FILE);
    // The import did not wait for the file.
    expect(existsSync(file)).toBe(false);
    const t0 = performance.now();
    while (!existsSync(file) && performance.now() - t0 < 10_000) await sleep(50);
    expect(existsSync(file)).toBe(true);
    const saved = statSync(file).mtimeMs;
    writeArticles(src, {
      'c.txt': 'Bridge opens\n\nA new bridge opened over the river at dawn.\n',
    });
    await lib.importSources([{ path: join(src, 'c.txt') }]);
    await lib.close();
    expect(statSync(file).mtimeMs).toBeGreaterThan(saved);
  }, 30_000);
});
