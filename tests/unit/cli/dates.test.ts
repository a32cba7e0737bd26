// Issue 13's date contracts: `show --json` articleDate, `list --from/--to` and `date:` in
// search, spawned from source on a library of articles in several languages and calendars.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnNewLibrary, json, ok, tempDir } from './run-cli';

const { cli } = cliOnNewLibrary('ar-cli-dates-lib-');
const src = tempDir('ar-cli-dates-src-');

const ARTICLES: Record<string, string> = {
  'march.txt': 'Harbour talks\n\nLONDON, March 3, 2004 (Reuters) - Harbour talks resumed today.',
  'june.txt': 'Harbour strike\n\nPublished: 30 June 2004\n\nThe harbour strike spread today.',
  'cairo.txt': 'ميناء القاهرة\n\nالقاهرة - ١٠ أغسطس ٢٠١٥ - عاد العمل في الميناء harbour اليوم.',
  'tehran.txt': 'بندر\n\nتهران - ۱۵ دی‌ماه ۱۴۰۲ - کار در بندر harbour از سر گرفته شد.',
  'undated.txt': 'Harbour notes\n\nNotes on the harbour with no date at all.',
};

interface Meta {
  id: string;
  title: string;
  articleDate: string | null;
}

const ids = new Map<string, string>();

beforeAll(async () => {
  mkdirSync(src, { recursive: true });
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(src, name), `${text}\n`);
  const run = ok(await cli('import', src, '--json'));
  for (const a of json<{ imported: { id: string; path: string }[] }>(run).imported) {
    ids.set(a.path.split(/[\\/]/).at(-1)!, a.id);
  }
  expect(ids.size).toBe(5);
});

const listed = async (...args: string[]): Promise<string[]> =>
  json<{ items: Meta[] }>(ok(await cli('list', '--json', ...args)))
    .items.map((a) => [...ids].find(([, id]) => id === a.id)![0])
    .sort();

describe('articleDate', () => {
  it('is the ISO date the text gives, in any calendar, and null (not the import day) otherwise', async () => {
    const dateOf = async (name: string) =>
      json<Meta>(ok(await cli('show', ids.get(name)!, '--json'))).articleDate;
    expect(await dateOf('tehran.txt')).toBe('2024-01-05');
    expect(await dateOf('undated.txt')).toBeNull();
    const page = json<{ items: Meta[] }>(ok(await cli('list', '--json')));
    const listedDate = (name: string) =>
      page.items.find((a) => a.id === ids.get(name))!.articleDate;
    expect(listedDate('march.txt')).toBe('2004-03-03');
    expect(listedDate('june.txt')).toBe('2004-06-30');
    expect(listedDate('cairo.txt')).toBe('2015-08-10');
  }, 120_000);
});

describe('list --from --to', () => {
  it('keeps articles dated within the inclusive range, undated ones out', async () => {
    expect(await listed('--from', '2004', '--to', '2004')).toEqual(['june.txt', 'march.txt']);
    expect(await listed('--from', '2004-04')).toEqual(['cairo.txt', 'june.txt', 'tehran.txt']);
    expect(await listed('--from', '2004-03-03', '--to', '2004-03-03')).toEqual(['march.txt']);
  }, 120_000);

  it('refuses a malformed date with the usage code and one clear line', async () => {
    for (const args of [
      ['--to', '2004-02-30'],
      ['--from', '2005', '--to', '2004'],
    ]) {
      const run = await cli('list', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/--from|--to/);
      expect(run.stderr.trim().split('\n')[0]).toMatch(/date|after/);
    }
  }, 120_000);

  it('does not apply to other commands', async () => {
    const run = await cli('tags', '--from', '2004');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from');
  });
});

describe('date: in search', () => {
  const found = async (query: string): Promise<string[]> =>
    json<{ hits: { id: string }[] }>(ok(await cli('search', query, '--json')))
      .hits.map((h) => [...ids].find(([, id]) => id === h.id)![0])
      .sort();

  it('filters by year, month, range and comparison', async () => {
    // Every form is parsed in tests/unit/search/date-query.test.ts; these run end to end.
    expect(await found('harbour date:2004-03')).toEqual(['march.txt']);
    expect(await found('harbour date:>2010')).toEqual(['cairo.txt', 'tehran.txt']);
    expect(await found('harbour -date:..2004-06-30')).toEqual([
      'cairo.txt',
      'tehran.txt',
      'undated.txt',
    ]);
  }, 120_000);

  it('is a bad query (exit 2, one line) when the date is malformed', async () => {
    for (const q of ['date:2004-13', 'date:2006..2004']) {
      const run = await cli('search', `harbour ${q}`);
      expect(run.code, q).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('date:');
    }
  }, 120_000);
});
