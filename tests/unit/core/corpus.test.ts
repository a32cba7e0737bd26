// Imports from the shared corpora (skipped when /work/shared is absent).
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { openLibrary } from '../../../main/core/library';
import type { ImportSummary } from '../../../main/contract/types';
import { bbcDir, hasShared, sampleArticle, saudiJsonl } from '../../support/shared-data';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

/** The first `n` SaudiNewsNet records with a title and some content. */
async function saudiRecords(n: number): Promise<{ title: string; content: string }[]> {
  const out: { title: string; content: string }[] = [];
  const lines = createInterface({ input: createReadStream(saudiJsonl).pipe(createGunzip()) });
  for await (const line of lines) {
    const r = JSON.parse(line) as { title: string; content: string };
    if (r.title.trim() && r.content.trim().length > 300) out.push(r);
    if (out.length >= n) break;
  }
  lines.close();
  return out;
}

describe.skipIf(!hasShared)('BBC corpus import', () => {
  let lib: LibraryEngine;
  let summary: ImportSummary;
  beforeAll(async () => {
    lib = await openLibrary(join(tempDir('ar-bbc-'), 'lib'));
    summary = await lib.importSources([{ path: bbcDir }]);
  }, 300_000);
  afterAll(() => lib?.close());

  it('imports 2,125–2,127 articles with no failures and reports the exact duplicates', async () => {
    expect(summary.failed).toEqual([]);
    expect(summary.imported.length).toBeGreaterThanOrEqual(2125);
    expect(summary.imported.length).toBeLessThanOrEqual(2127);
    expect(summary.imported.length + summary.duplicates.length).toBe(2225);
    expect((await lib.list({ limit: 1 })).total).toBe(summary.imported.length);
    // The collection's READMEs beside the category folders are skipped, not imported.
    expect(summary.skipped).toBe(2);
  });

  it('keeps the Latin-1 £ of sport/199.txt intact', async () => {
    const path = join(bbcDir, 'sport', '199.txt');
    const entry =
      summary.imported.find((e) => e.path === path) ??
      summary.duplicates.find((e) => e.path === path);
    expect(entry).toBeDefined();
    const view = await lib.get(entry!.id);
    expect(view.encoding).toBe('windows-1252');
    expect(view.body).toContain('£');
    expect(view.original).not.toContain('\ufffd');
    expect(view.original).toBe(readFileSync(path, 'latin1'));
  });

  it('finds BBC articles by full-text search', async () => {
    const view = await lib.get(summary.imported[0]!.id);
    const word =
      view.title.split(/\s+/).find((w) => /^\p{L}{6,}$/u.test(w)) ?? view.title.split(' ')[0]!;
    const result = await lib.search({ query: word, limit: 2000 });
    expect(result.hits.map((h) => h.id)).toContain(view.id);
  });
});

describe.skipIf(!hasShared)('searching imported articles', () => {
  let lib: LibraryEngine;
  let sampleId: string;
  let arabic: { id: string; word: string }[] = [];
  beforeAll(async () => {
    const src = tempDir('ar-saudi-');
    const records = await saudiRecords(5);
    const files: Record<string, string> = {};
    records.forEach((r, i) => (files[`saudi-${i}.txt`] = `${r.title}\n\n${r.content}`));
    const paths = writeArticles(src, files);
    lib = await openLibrary(join(tempDir('ar-search-'), 'lib'));
    const summary = await lib.importSources([
      { path: sampleArticle },
      ...paths.map((path) => ({ path })),
    ]);
    expect(summary.failed).toEqual([]);
    sampleId = summary.imported[0]!.id;
    arabic = summary.imported.slice(1).map((e, i) => {
      const words = records[i]!.content.split(/\s+/).filter((w) =>
        /^\p{Script=Arabic}{6,}$/u.test(w),
      );
      // A word that occurs in this article only makes the check meaningful.
      const word =
        words.find((w) => records.every((r, j) => j === i || !r.content.includes(w))) ?? words[0]!;
      return { id: e.id, word };
    });
  }, 120_000);
  afterAll(() => lib?.close());

  it('finds the sample by a name in its body, with a snippet', async () => {
    const result = await lib.search({ query: 'momeni' });
    expect(result.hits.map((h) => h.id)).toContain(sampleId);
    const hit = result.hits.find((h) => h.id === sampleId)!;
    expect(hit.snippet.toLowerCase()).toContain('momeni');
    expect(hit.snippetMatches.length).toBeGreaterThan(0);
    const m = hit.snippetMatches[0]!;
    expect(hit.snippet.slice(m.start, m.end).toLowerCase()).toContain('momeni');
    expect(hit.meta.place).toBe('TEHRAN');
  });

  it('finds the sample by a phrase and highlights it in the reader', async () => {
    const result = await lib.search({ query: '"border security"' });
    expect(result.hits.map((h) => h.id)).toEqual([sampleId]);
    const view = await lib.get(sampleId, { highlight: '"border security"' });
    expect(view.matches.length).toBeGreaterThan(0);
    expect(view.body.slice(view.matches[0]!.start, view.matches[0]!.end).toLowerCase()).toContain(
      'border',
    );
  });

  it('finds Arabic articles by an Arabic word', async () => {
    expect(arabic.length).toBeGreaterThan(0);
    for (const { id, word } of arabic) {
      const result = await lib.search({ query: word });
      expect(
        result.hits.map((h) => h.id),
        word,
      ).toContain(id);
    }
    const view = await lib.get(arabic[0]!.id);
    expect(view.language).toBe('ar');
  });

  it('filters search by view and tags, and returns nothing for a blank query', async () => {
    expect(await lib.search({ query: '   ' })).toMatchObject({ total: 0, hits: [] });
    await lib.addTags([sampleId], ['Iran']);
    expect((await lib.search({ query: 'momeni', tags: ['iran'] })).total).toBe(1);
    expect((await lib.search({ query: 'tag:iran' })).hits.map((h) => h.id)).toContain(sampleId);
    await lib.trash([sampleId]);
    expect((await lib.search({ query: 'momeni' })).total).toBe(0);
    expect((await lib.search({ query: 'momeni', view: 'trash' })).total).toBe(1);
    await lib.restore([sampleId]);
    expect((await lib.search({ query: 'momeni' })).total).toBe(1);
  });
});
