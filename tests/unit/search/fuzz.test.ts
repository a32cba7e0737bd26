// Seeded search fuzzing in the normal suite: a few thousand generated queries (long words,
// odd Unicode, operator soup, many clauses) over a real corpus and over a small generated
// library. Every query must answer or be refused with BAD_QUERY, and none may take long.
// `npm run fuzz` runs the same generator at 20,000+ queries with a report.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { isArchiveError } from '../../../main/core/errors';
import { Library } from '../../../main/core/library';
import { bbcDir, hasShared, sharedSkipReason } from '../../support/shared-data';
import { fuzzQueries, generatedArticles, vocabularyOf } from './fuzz-queries';

const QUERIES = 1500;
// Generous: a query's evaluation is stopped at 0.7 s; this allows for a busy machine.
const MAX_MS = 5000;

/** Runs the queries; returns the failures (anything but an answer or a BAD_QUERY refusal). */
async function fuzz(lib: LibraryEngine, seed: number, vocabulary: string[]) {
  const failures: string[] = [];
  const slow: string[] = [];
  let answered = 0;
  let refused = 0;
  let n = 0;
  for (const query of fuzzQueries(seed, QUERIES, vocabulary)) {
    const t0 = performance.now();
    try {
      const r = await lib.search({ query, limit: 10 });
      answered++;
      for (const c of r.capped ?? []) {
        if (!['prefix', 'fuzzy'].includes(c.kind) || !c.message) failures.push(`bad capped entry`);
      }
      // The reader's highlighter runs the same query over a whole article.
      if (r.hits.length > 0 && n++ % 10 === 0) await lib.get(r.hits[0]!.id, { highlight: query });
    } catch (e) {
      if (isArchiveError(e) && e.code === 'BAD_QUERY') refused++;
      else failures.push(`${JSON.stringify(query)}: ${e instanceof Error ? e.stack : String(e)}`);
    }
    const ms = performance.now() - t0;
    if (ms > MAX_MS) slow.push(`${JSON.stringify(query)}: ${Math.round(ms)} ms`);
  }
  return { failures, slow, answered, refused };
}

async function importTexts(dir: string, texts: { title: string; body: string }[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    texts.map((t, i) => writeFile(join(dir, `g${i}.txt`), `${t.title}\n\n${t.body}\n`)),
  );
}

describe('search fuzzing (a generated library in several scripts)', () => {
  let root: string;
  let lib: LibraryEngine;
  let vocabulary: string[];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ar-fuzz-'));
    const texts = generatedArticles(21, 240);
    await importTexts(join(root, 'files'), texts);
    lib = await Library.open(join(root, 'library'));
    const summary = await lib.importSources([{ path: join(root, 'files') }]);
    expect(summary.imported.length).toBeGreaterThan(200);
    vocabulary = vocabularyOf(texts.map((t) => `${t.title} ${t.body}`));
  }, 120_000);
  afterAll(async () => {
    await lib.close();
    await rm(root, { recursive: true, force: true });
  });

  it(`answers or refuses ${QUERIES} generated queries, each in bounded time`, async () => {
    const r = await fuzz(lib, 1, vocabulary);
    expect(r.failures).toEqual([]);
    expect(r.slow).toEqual([]);
    // The generator must exercise both outcomes.
    expect(r.answered).toBeGreaterThan(QUERIES / 3);
    expect(r.refused).toBeGreaterThan(QUERIES / 20);
  }, 300_000);
});

describe.skipIf(!hasShared)('search fuzzing (the BBC corpus)', () => {
  let root: string;
  let lib: LibraryEngine;
  let vocabulary: string[];
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ar-fuzz-bbc-'));
    lib = await Library.open(join(root, 'library'));
    const folders = ['business', 'politics'].map((f) => join(bbcDir, f));
    await lib.importSources(folders.map((path) => ({ path })));
    const names = (await readdir(folders[0]!)).slice(0, 200);
    const texts = await Promise.all(names.map((n) => readFile(join(folders[0]!, n), 'latin1')));
    vocabulary = vocabularyOf(texts);
  }, 180_000);
  afterAll(async () => {
    await lib?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it(`answers or refuses ${QUERIES} generated queries, each in bounded time`, async () => {
    const r = await fuzz(lib, 2, vocabulary);
    expect(r.failures).toEqual([]);
    expect(r.slow).toEqual([]);
    expect(r.answered).toBeGreaterThan(QUERIES / 3);
  }, 300_000);
});

if (!hasShared) {
  describe('search fuzzing (the BBC corpus)', () => {
    it.skip(`skipped: ${sharedSkipReason}`, () => undefined);
  });
}
