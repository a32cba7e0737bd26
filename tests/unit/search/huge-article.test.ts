// A 10 MB article among the hits must cost about what a normal hit costs: its snippet and
// marks look only at the opening of its text (from stored positions, or its own words when
// the query stands for many terms), never the whole of it. Before, each search matching it
// took 1–4 s (every position decoded, the whole text scanned and highlighted).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { Library } from '../../../main/core/library';
import { SNIPPET_CHARS } from '../../../main/core/search/query/matched-words';
import { doc, MemoryStore, openIndex, tempDir, wordSoup } from './helpers';

const WORDS = ['harbour', 'cargo', 'pilot', 'tide', 'crane', 'ferry', 'dock', 'quay', 'the', 'a'];

/** About `bytes` of prose with `marker` every 50th word. */
function bigText(bytes: number, marker: string): string {
  const { sentence } = wordSoup(9);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = `${sentence(WORDS, 49)} ${marker}.`;
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

/** Median of `runs` timings of `fn`, in ms. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('a 10 MB article among the hits', () => {
  let root: string;
  let lib: LibraryEngine;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ar-huge-'));
    const files = join(root, 'files');
    await mkdir(files);
    await writeFile(
      join(files, 'huge.txt'),
      `Huge harbour log\n\n${bigText(10_000_000, 'zebrafinch')}\n`,
    );
    const { sentence } = wordSoup(4);
    for (let i = 0; i < 30; i++) {
      await writeFile(join(files, `n${i}.txt`), `Normal ${i}\n\n${sentence(WORDS, 300)} gannet.\n`);
    }
    lib = await Library.open(join(root, 'library'));
    const summary = await lib.importSources([{ path: files }]);
    expect(summary.imported).toHaveLength(31);
  }, 120_000);
  afterAll(async () => {
    await lib.close();
    await rm(root, { recursive: true, force: true });
  });

  it('costs per search about what a page of normal hits costs', async () => {
    const huge = await lib.search({ query: '"harbour zebrafinch" zebrafinch' });
    expect(huge.total).toBe(1);
    const hit = huge.hits[0]!;
    expect(hit.snippetMatches.length).toBeGreaterThan(0);
    expect(hit.snippet.length).toBeLessThan(400);
    const page = await lib.search({ query: 'gannet', limit: 20 });
    expect(page.hits).toHaveLength(20);
    const hugeMs = await median(5, () => lib.search({ query: 'zebrafinch' }));
    const phraseMs = await median(5, () => lib.search({ query: '"cargo zebrafinch"' }));
    const pageMs = await median(5, () => lib.search({ query: 'gannet', limit: 20 }));
    // Generous: the bound is about the kind of cost (bounded vs the whole text), not speed.
    expect(hugeMs).toBeLessThan(Math.max(10 * pageMs, 400));
    expect(phraseMs).toBeLessThan(Math.max(20 * pageMs, 800));
  });
});

describe('snippet ranges of a huge text', () => {
  it('look only at the opening of it', async () => {
    const { dir, cleanup } = await tempDir();
    // The only match stands past the part snippets look at.
    const body = `${'plain words here '.repeat(SNIPPET_CHARS / 8)}kestrel ${'more '.repeat(1000)}`;
    const early = `kestrel ${body}`;
    const store = new MemoryStore([
      doc('late', { title: 'Late', body }),
      doc('early', { title: 'Early kestrel', body: early }),
    ]);
    const index = await openIndex(dir, store);
    try {
      for (const limit of [Infinity, 0]) {
        expect(index.matchedRanges('kestrel', 'late', { title: 'Late', body }, limit)).toEqual({
          title: [],
          body: [],
        });
        expect(
          index.matchedRanges('kestrel', 'early', { title: 'Early kestrel', body: early }, limit),
        ).toEqual({ title: [{ start: 6, end: 13 }], body: [{ start: 0, end: 7 }] });
      }
    } finally {
      await index.close();
      await cleanup();
    }
  });
});
