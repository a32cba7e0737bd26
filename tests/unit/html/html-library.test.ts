// Saved web pages through the library: import summary, the reader's view, the stored
// original, edits, a reopen and the parse worker.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseJobs } from '../../../main/core/import/parse-jobs';
import { ParsePool } from '../../../main/core/import/parse-pool';
import type { ParseJob } from '../../../main/core/import/parse-protocol';
import { articleIdOf } from '../../../main/core/import/prepare-article';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import { openFake, writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';
import { htmlFixture, htmlFixtureDir } from './html-fixtures';

const fixtures = readdirSync(htmlFixtureDir).sort();

describe('importing a folder of saved web pages', () => {
  it('imports the pages with articles and fails the others with the reason, storing nothing for them', async () => {
    const lib = await openFake(join(tempDir(), 'lib'));
    const summary = await lib.importSources([{ path: htmlFixtureDir }]);
    const failed = Object.fromEntries(summary.failed.map((f) => [f.path, f.reason]));
    expect(failed).toEqual({
      [join(htmlFixtureDir, 'link-index.html')]:
        'the page has no readable article (its main text is mostly links)',
      [join(htmlFixtureDir, 'no-article.html')]:
        'the page has no readable article (its main text has only 12 words)',
    });
    expect(summary.imported).toHaveLength(fixtures.length - 2);
    expect(summary.skipped).toBe(0);
    const listed = await lib.list({ limit: 100 });
    expect(listed.total).toBe(fixtures.length - 2);
    expect(listed.items.map((r) => r.title)).not.toContain('Sign in | Regional Weekly');
    // Lists carry what lists need; the byline and site name come with the article.
    expect(listed.items.some((r) => 'byline' in r || 'siteName' in r)).toBe(false);
    await lib.close();
  });

  it('shows the extracted text, keeps the original byte for byte, and survives edits and a reopen', async () => {
    const dir = join(tempDir(), 'lib');
    const src = tempDir();
    const [path] = writeArticles(src, { 'news.HTM': htmlFixture('news-page.html') });
    let lib = await openFake(dir);
    const summary = await lib.importSources([{ path: path! }]);
    const id = summary.imported[0]!.id;

    const view = await lib.get(id);
    expect(view).toMatchObject({
      title: 'Harbour town votes to rebuild its sea wall',
      byline: 'Marta Okonkwo',
      siteName: 'The Coastal Ledger',
      articleDate: '2025-11-03',
      place: 'PORTHAVEN',
      dateline: 'PORTHAVEN, Nov 3 -',
      sourceName: 'news.HTM',
    });
    expect(view.body.startsWith('Councillors in Porthaven voted')).toBe(true);
    expect(view.body).not.toMatch(/<\/?[a-z]|seagull_watcher|Advertisement/i);
    // The original is the page as saved: shown as text, never as markup.
    expect(view.original).toBe(Buffer.from(htmlFixture('news-page.html')).toString('utf8'));

    // A highlight is placed in the extracted body, and a tag edit keeps the text.
    const highlight = await lib.addHighlight({ id, text: 'the patches are now older' });
    expect(view.body.slice(highlight.start ?? 0, highlight.end ?? 0)).toBe(
      'the patches are now older',
    );
    await lib.addTags([id], ['coast']);
    await lib.close();

    lib = await openFake(dir);
    const again = await lib.get(id);
    expect(again).toMatchObject({
      byline: 'Marta Okonkwo',
      siteName: 'The Coastal Ledger',
      tags: ['coast'],
    });
    expect(again.body).toBe(view.body);
    expect(again.highlights).toEqual([
      expect.objectContaining({ start: highlight.start, orphaned: false }),
    ]);
    // The catalogue, which leaves the byline out, agrees with the article file (the fake
    // index keeps no files to check).
    const report = await lib.check();
    expect(report.problems.filter((p) => p.kind !== 'index')).toEqual([]);
    await lib.close();
  });
});

describe('the parse worker', () => {
  it('extracts pages on the worker exactly as on the calling thread', async () => {
    const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const root = resolve(__dirname, '..', '..', '..');
    const pool = new ParsePool({
      script: sourceWorkerScript(root, 'parse-worker'),
      execArgv: ['--import', loader],
    });
    const jobs: ParseJob[] = fixtures.map((name) => {
      const bytes = htmlFixture(name);
      return { bytes, name, path: null, id: articleIdOf(bytes) };
    });
    const clockless = (o: ReturnType<typeof parseJobs>) =>
      o.map((x) => (x.ok ? { ...x, record: { ...x.record, importedAt: '' } } : x));
    try {
      const remote = await pool.parse(jobs);
      expect(pool.workerBatches).toBe(1);
      expect(clockless(remote)).toEqual(clockless(parseJobs(jobs)));
      expect(remote.filter((o) => !o.ok)).toHaveLength(2);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
