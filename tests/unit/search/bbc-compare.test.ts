// Issue 5 correctness check: segmented search against one plain Lunr index over the same
// analysed documents.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { analyzeDoc, expandWord } from '../../../main/core/search/analysis/analyzer';
import { buildLunrIndex } from '../../../main/core/search/segments/lunr-segment';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import type { IndexDoc } from '../../../main/core/search/types';
import { bbcDir, hasShared, sharedSkipReason } from '../../support/shared-data';
import { MemoryStore, openIndex, tempDir } from './helpers';

function loadBbc(limit: number): IndexDoc[] {
  const docs: IndexDoc[] = [];
  const seen = new Set<string>();
  const categories = readdirSync(bbcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  // Interleave categories so every segment is not one topic.
  const files = categories.map((c) =>
    readdirSync(join(bbcDir, c))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(bbcDir, c, f)),
  );
  for (let i = 0; docs.length < limit && files.some((f) => i < f.length); i++) {
    for (const list of files) {
      const path = list[i];
      if (!path || docs.length >= limit) continue;
      const text = readFileSync(path, 'latin1');
      if (seen.has(text)) continue;
      seen.add(text);
      const [title = '', ...rest] = text.split('\n');
      docs.push({
        id: `bbc${docs.length}`,
        rev: 1,
        title,
        body: rest.join('\n'),
        tags: [],
        place: null,
        language: 'en',
      });
    }
  }
  return docs;
}

describe.skipIf(!hasShared)(
  `segmented vs one-shot Lunr on BBC (${hasShared ? '' : sharedSkipReason})`,
  () => {
    let docs: IndexDoc[];
    let reference: lunr.Index;
    let index: SearchIndex;
    let cleanup: () => Promise<void>;
    let vocabulary: string[];

    beforeAll(async () => {
      docs = loadBbc(2000);
      reference = buildLunrIndex(docs.map(analyzeDoc));
      const t = await tempDir();
      cleanup = t.cleanup;
      const store = new MemoryStore(docs);
      index = await openIndex(t.dir, store, {}, { batchSize: 10_000 }, new Map());
      // Uneven segments: batches of different sizes, some merged in the background.
      const sizes = [700, 300, 250, 250, 200, 150, 100, 50];
      let at = 0;
      for (const n of sizes) {
        await index.upsert(docs.slice(at, at + n));
        at += n;
      }
      await index.upsert(docs.slice(at));
      await index.flush();
      // Query words spread over the frequency range, chosen from the data, not by hand.
      const counts = new Map<string, number>();
      for (const d of docs) {
        for (const w of new Set(d.body.toLowerCase().match(/\p{L}{4,}/gu) ?? [])) {
          counts.set(w, (counts.get(w) ?? 0) + 1);
        }
      }
      const ranked = [...counts]
        .filter(([, n]) => n >= 3)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      vocabulary = Array.from(
        { length: 40 },
        (_, i) => ranked[Math.floor((i * ranked.length) / 40)]![0],
      );
    }, 120_000);

    afterAll(async () => {
      await index?.close();
      await cleanup?.();
    });

    const referenceSearch = (words: string[]): string[] =>
      reference
        .query((q) => {
          for (const w of words) {
            for (const v of expandWord(w, ['en'])) q.term(v, { usePipeline: false });
          }
        })
        .map((r) => r.ref);

    it('uses several segments', () => {
      expect(index.stats().segments).toBeGreaterThan(1);
      expect(index.stats().documents).toBe(docs.length);
    });

    it('finds the same documents for single-word queries', async () => {
      for (const w of vocabulary) {
        const got = (await index.search(w)).hits.map((h) => h.id).sort();
        expect(got, w).toEqual(referenceSearch([w]).sort());
      }
    });

    it('agrees on the top 10 of multi-word queries (mean overlap >= 0.9)', async () => {
      const overlaps: number[] = [];
      for (let i = 0; i + 2 < vocabulary.length; i += 2) {
        const words = [
          vocabulary[i]!,
          vocabulary[i + 1]!,
          vocabulary[(i * 7 + 3) % vocabulary.length]!,
        ];
        const got = (await index.search(words.join(' OR '))).hits.slice(0, 10).map((h) => h.id);
        const want = referenceSearch(words).slice(0, 10);
        const shared = got.filter((id) => want.includes(id)).length;
        overlaps.push(want.length === 0 ? 1 : shared / want.length);
      }
      const mean = overlaps.reduce((a, b) => a + b, 0) / overlaps.length;
      process.stdout.write(
        `[bbc-compare] ${overlaps.length} queries, mean top-10 overlap ${mean.toFixed(3)}, min ${Math.min(...overlaps).toFixed(2)}\n`,
      );
      expect(mean).toBeGreaterThanOrEqual(0.9);
    });
  },
);
