// archive-reader check (exit 0 when all is well, 1 when anything is wrong), and reindex naming
// the article files it could not read.
import { readdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../main/contract/types';
import { writeArticles } from './library-fixture';
import { json, runCli, tempDir, type CliRun } from './run-cli';
import { damageArticleRecord } from '../core/store/article-on-disk';

const library = join(tempDir('ar-cli-check-'), 'lib');
const cli = (...args: string[]): Promise<CliRun> => runCli([...args, '--library', library]);
let ids: string[] = [];

beforeAll(async () => {
  const run = await cli('import', writeArticles(), '--json');
  expect(run.code, run.stderr).toBe(0);
  ids = json<{ imported: { id: string }[] }>(run).imported.map((a) => a.id);
  expect(ids.length).toBeGreaterThanOrEqual(3);
});

describe('archive-reader check', () => {
  it('says all is well with exit 0, as text and as JSON', async () => {
    const text = await cli('check');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `^Checked ${ids.length} articles and \\d+ other files in [\\d.]+ s: no problems found\\.\\n$`,
      ),
    );
    const run = await cli('check', '--json');
    expect(run.code).toBe(0);
    const report = json<CheckReport>(run);
    expect(report).toMatchObject({ ok: true, articlesChecked: ids.length, problems: [] });
    expect(report.cacheFilesChecked).toBeGreaterThan(3);
  });

  it('lists a damaged article file with exit 1, and reindex names it too', async () => {
    const id = ids[0]!;
    const rel = `articles/packs/000001.pack#${id}`;
    await damageArticleRecord(library, id);

    const text = await cli('check');
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain('1 problem.');
    expect(text.stdout).toMatch(new RegExp(`^  article\\s+${rel}: its checksum`, 'm'));
    const report = json<CheckReport>(await cli('check', '--json'));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { kind: 'article', path: rel, reason: expect.stringMatching(/checksum/) },
    ]);

    const reindex = await cli('reindex');
    expect(reindex.code, reindex.stderr).toBe(1);
    expect(reindex.stdout).toMatch(new RegExp(`^Reindexed ${ids.length - 1} articles in`));
    expect(reindex.stdout).toContain('1 article could not be read');
    expect(reindex.stdout).toContain(`${rel}: its checksum`);
    const asJson = json<{ documents: number; unreadable: { path: string; reason: string }[] }>(
      await cli('reindex', '--json'),
    );
    expect(asJson.documents).toBe(ids.length - 1);
    expect(asJson.unreadable).toEqual([
      { path: join(library, rel), reason: expect.stringMatching(/checksum/) },
    ]);
  });

  it('reads only, and lists a damaged index file', async () => {
    const index = join(library, 'index');
    const postings = readdirSync(index).find((f) => f.endsWith('.postings'))!;
    truncateSync(join(index, postings), 4);
    const report = json<CheckReport>(await cli('check', '--json'));
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { kind: 'index', path: `index/${postings}`, reason: expect.stringMatching(/checksum/) },
      ]),
    );
  });
});
