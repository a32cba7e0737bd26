// `search` answers without opening the engine (main/cli/catalog-search.ts): every answer must
// be the one the engine's own read-only search gives, for words, phrases, filters, sorts,
// pages, misspellings and misses, before and after changes the journal still holds, and
// with damaged index files.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchQuery, SearchResult } from '../../../main/contract/types';
import { openCatalogSearch } from '../../../main/cli/catalog-search';
import { Library } from '../../../main/core/library';
import { writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';

const STORIES = [
  ['Oil prices climb', 'Crude oil prices rose sharply as OPEC cut output and traders bought.'],
  ['Copper mine strike', 'Workers at the copper mine went on strike over pay and safety.'],
  ['Central bank holds rates', 'The central bank kept interest rates on hold, citing oil costs.'],
  [
    'Football final tonight',
    'The cup final kicks off tonight; fans expect a tight football match.',
  ],
  ['Oil tanker delayed', 'A tanker carrying crude was delayed by storms in the gulf.'],
  ['Election results', 'Voters returned the government with a narrow majority in the election.'],
];

async function library() {
  const src = tempDir();
  const files: Record<string, string> = {};
  STORIES.forEach(([title, body], i) => {
    const dated = i % 2 === 0 ? `Published: 2024-0${i + 1}-10\n\n` : '';
    files[`${i % 2 ? 'sport' : 'news'}/s${i}.txt`] =
      `${title}\n\n${dated}LONDON - ${body} More words about story ${i} follow here.\n`;
  });
  writeArticles(src, files);
  const dir = join(tempDir(), 'lib');
  const lib = await Library.open(dir);
  const summary = await lib.importSources([{ path: src }]);
  return { lib, dir, ids: summary.imported.map((e) => e.id) };
}

const QUERIES: SearchQuery[] = [
  { query: 'oil' },
  { query: 'oil', limit: 1 },
  { query: 'oil', limit: 1, offset: 1 },
  { query: '"oil prices"' },
  { query: 'oil OR copper', sort: 'date' },
  { query: 'oil', sort: 'title', order: 'asc' },
  { query: 'oil', order: 'asc' },
  { query: 'oil', collection: 'news' },
  { query: 'oil', tags: ['Kept'] },
  { query: 'oil', view: 'trash' },
  { query: 'strke' },
  { query: 'oil zebraword' },
  { query: 'zebraword' },
  { query: 'crud*' },
  { query: 'title:tanker' },
  { query: 'tag:kept' },
  { query: '   ' },
];

/** The answer without its timing, which differs from run to run. */
const untimed = ({ tookMs: _, ...rest }: SearchResult) => rest;

async function sameAnswers(dir: string): Promise<void> {
  const engine = await Library.open(dir, { readOnly: true, discovery: false });
  const lean = await openCatalogSearch(dir);
  try {
    for (const query of QUERIES) {
      const want = untimed(await engine.search(query));
      expect(untimed(await lean.search(query)), JSON.stringify(query)).toStrictEqual(want);
    }
    // The fixture exercises what is compared: hits with snippets, a correction, a miss.
    const oil = await lean.search({ query: 'oil' });
    expect(oil.total).toBeGreaterThanOrEqual(2);
    expect(oil.hits[0]!.snippetMatches.length).toBeGreaterThan(0);
    expect((await lean.search({ query: 'strke' })).corrected?.length).toBe(1);
    expect((await lean.search({ query: 'zebraword' })).total).toBe(0);
  } finally {
    await lean.close();
    await engine.close();
  }
}

describe('search from the catalogue, the index and the article files alone', () => {
  it('gives the engine’s answers, from the snapshot and with changes in the journal', async () => {
    const { lib, dir, ids } = await library();
    await lib.close();
    await sameAnswers(dir);
    const again = await Library.open(dir);
    const oil = (await again.search({ query: 'oil' })).hits.map((h) => h.id);
    await again.addTags([oil[0]!, oil[1]!, ids[1]!], ['Kept']);
    await again.trash([oil[2]!]);
    await again.close();
    await sameAnswers(dir);
    const tagged = await openCatalogSearch(dir);
    expect((await tagged.search({ query: 'oil', tags: ['Kept'] })).total).toBe(2);
    expect((await tagged.search({ query: 'oil', view: 'trash' })).total).toBe(1);
    await tagged.close();
  });

  it('refuses what the engine refuses, with the same error', async () => {
    const { lib, dir } = await library();
    await lib.close();
    const lean = await openCatalogSearch(dir);
    const engine = await Library.open(dir, { readOnly: true, discovery: false });
    for (const query of [
      { query: 'oil', view: 'nope' } as unknown as SearchQuery,
      { query: 'oil', limit: -1 },
      { query: '"unclosed' },
    ]) {
      const want = await engine.search(query).catch((e: unknown) => e);
      expect(want).toBeInstanceOf(Error);
      expect(await lean.search(query).catch((e: unknown) => e)).toStrictEqual(want);
    }
    await lean.close();
    await engine.close();
  });

  it('answers as the engine does when the saved segments fail their checks', async () => {
    const { lib, dir } = await library();
    await lib.close();
    const indexDir = join(dir, 'index');
    const postings = readdirSync(indexDir).filter((f) => f.includes('postings'));
    expect(postings.length).toBeGreaterThan(0);
    for (const f of postings) {
      const bytes = readFileSync(join(indexDir, f));
      bytes[bytes.length >> 1]! ^= 0xff;
      writeFileSync(join(indexDir, f), bytes);
    }
    // A reader cannot repair the files; the damaged segments are rebuilt in memory from the
    // articles, and the answer is the engine's.
    const engine = await Library.open(dir, { readOnly: true, discovery: false });
    const want = untimed(await engine.search({ query: 'oil' }));
    await engine.close();
    const lean = await openCatalogSearch(dir);
    const got = untimed(await lean.search({ query: 'oil' }));
    await lean.close();
    expect(got).toStrictEqual(want);
    expect(got.total).toBe(3);
  });
});
