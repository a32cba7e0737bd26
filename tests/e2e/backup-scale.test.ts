// Backup -> restore -> check on a 10,000-article library. It takes one to two minutes on a
// busy 2-core machine, so it runs with the other slow tests in the e2e project (no browser
// needed). Backups beside a writer: tests/unit/backup/backup-concurrent.test.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../main/core/backup/restore-backup';
import { writeBackup } from '../../main/core/backup/write-backup';
import { openLibrary } from '../../main/core/library';
import { workerOptions } from '../../main/cli/open';
import { tempDir } from '../unit/cli/run-cli';
import { describeLibrary, writeArticleFiles } from '../unit/backup/backup-fixture';

const ARTICLES = 10_000;
let base: string;

beforeAll(() => {
  base = tempDir('ar-backup-scale-');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The restore's rebuild with the index workers the command line uses. */
const rebuild = async (
  dir: string,
  onIndexProgress: (p: { done: number; total: number }) => void,
): Promise<void> => {
  const lib = await openLibrary(dir, { create: false, ...workerOptions(), onIndexProgress });
  await lib.close();
};

describe(`a ${ARTICLES.toLocaleString('en')}-article library`, () => {
  it('backs up, restores and checks clean, with the same articles and states', async () => {
    const library = join(base, 'big');
    const lib = await openLibrary(library, workerOptions());
    const timings: Record<string, number> = {};
    let t = performance.now();
    try {
      await lib.importSources([{ path: writeArticleFiles(join(base, 'big-src'), ARTICLES) }]);
      const ids = (await lib.list({ limit: 300 })).items.map((a) => a.id);
      await lib.addTags(ids.slice(0, 200), ['Scale']);
      await lib.setFavourite(ids.slice(100, 150), true);
      await lib.trash(ids.slice(250, 300));
    } finally {
      await lib.close();
    }
    timings.import = performance.now() - t;

    t = performance.now();
    const reports: number[] = [];
    let last = { done: -1, total: 0 };
    const file = join(base, 'big.zip');
    const backup = await writeBackup(library, file, {
      appVersion: 'test',
      onProgress: (p) => {
        reports.push(p.done);
        last = p;
      },
    });
    timings.backup = performance.now() - t;
    expect(backup.contents).toMatchObject({
      articles: ARTICLES,
      trashed: 50,
      tags: 1,
      favourites: 50,
    });
    // Progress comes at the start, after each large file (packs are few and large) and at the
    // end, rising to the total.
    expect(reports.length).toBeGreaterThanOrEqual(3);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(last.done).toBe(last.total);

    t = performance.now();
    const target = join(base, 'big-restored');
    const restored = await restoreBackup(file, target, { rebuild });
    timings.restore = performance.now() - t;
    expect(restored.contents).toEqual(backup.contents);

    t = performance.now();
    const before = await openLibrary(library, { readOnly: true });
    const after = await openLibrary(target, { readOnly: true });
    try {
      const report = await after.check();
      expect(report.problems).toEqual([]);
      expect(report.articlesChecked).toBe(ARTICLES);
      expect(await describeLibrary(after)).toEqual(await describeLibrary(before));
    } finally {
      await before.close();
      await after.close();
    }
    timings.check = performance.now() - t;
    process.stderr.write(
      `[backup-scale] ${ARTICLES} articles, archive ${(backup.archiveBytes / 1e6).toFixed(1)} MB: ` +
        Object.entries(timings)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ') +
        '\n',
    );
  }, 600_000);
});
