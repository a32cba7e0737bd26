// `archive-reader import page.html` then `show --json`: a saved web page on the command line.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFixture, htmlFixtureDir } from '../html/html-fixtures';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const { cli } = cliOnNewLibrary('ar-cli-html-lib-');
const src = tempDir('ar-cli-html-src-');
let id = '';

beforeAll(async () => {
  copyFileSync(join(htmlFixtureDir, 'news-page.html'), join(src, 'page.html'));
  const run = ok(await cli('import', join(src, 'page.html'), '--json'));
  const summary = json<{ imported: { id: string; title: string }[] }>(run);
  expect(summary.imported).toHaveLength(1);
  id = summary.imported[0]!.id;
});

describe('saved web pages on the command line', () => {
  it('show --json gives the title, byline, site name, date and the text without the page around it', async () => {
    const view = json<Record<string, unknown> & { body: string }>(
      ok(await cli('show', id, '--json')),
    );
    expect(view).toMatchObject({
      title: 'Harbour town votes to rebuild its sea wall',
      byline: 'Marta Okonkwo',
      siteName: 'The Coastal Ledger',
      articleDate: '2025-11-03',
      place: 'PORTHAVEN',
      language: 'en',
      sourceName: 'page.html',
    });
    expect(view.body.startsWith('Councillors in Porthaven voted on Monday evening')).toBe(true);
    expect(view.body).not.toMatch(/<\/?[a-z]|Most read|seagull_watcher|Advertisement/i);
  });

  it('show names the byline and the site beside the place and date', async () => {
    const lines = ok(await cli('show', id)).stdout.split('\n');
    expect(lines[0]).toBe('Harbour town votes to rebuild its sea wall');
    expect(lines[1]).toMatch(
      /^by Marta Okonkwo · The Coastal Ledger · PORTHAVEN · 2025-11-03 · en · /,
    );
  });

  it('show --original gives the page exactly as saved', async () => {
    const run = ok(await cli('show', id, '--original', '--json'));
    const original = json<{ original: string }>(run).original;
    expect(original).toBe(Buffer.from(htmlFixture('news-page.html')).toString('utf8'));
  });

  it('finds the article by its words, not by those of the comments or the sidebar', async () => {
    const hit = json<{ total: number; hits: { id: string; snippet: string }[] }>(
      ok(await cli('search', 'lifeboat station', '--json')),
    );
    expect(hit.total).toBe(1);
    expect(hit.hits[0]!.id).toBe(id);
    expect(hit.hits[0]!.snippet).toContain('lifeboat station');
    // Quoted: as written, not corrected to the nearest word the library holds.
    const debris = '"grandfather" OR "kayakers" OR "newsletter" OR "advertisement"';
    expect(json<{ total: number }>(ok(await cli('search', debris, '--json'))).total).toBe(0);
  });

  it('exits 1 and gives the reason for a page with no article', async () => {
    copyFileSync(join(htmlFixtureDir, 'no-article.html'), join(src, 'login.htm'));
    const run = await cli('import', join(src, 'login.htm'), '--json');
    expect(run.code).toBe(1);
    expect(json<{ failed: { path: string; reason: string }[] }>(run).failed).toEqual([
      {
        path: join(src, 'login.htm'),
        reason: 'the page has no readable article (its main text has only 12 words)',
      },
    ]);
  });
});
