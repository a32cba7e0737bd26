// A writable index's large segments, once saved, read their postings from the saved file on
// demand instead of holding them in memory; merges read such a segment's file themselves. The
// answers are those of an index that holds every postings array in memory.
import { mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../main/core/errors';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import type { IndexDoc } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex, wordSoup } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();
const VOCABULARY = Array.from(
  { length: 600 },
  (_, i) =>
    `z${String.fromCharCode(98 + (i % 24))}${String.fromCharCode(98 + (Math.floor(i / 24) % 24))}`,
);
const QUERIES = [
  VOCABULARY[3]!,
  `${VOCABULARY[40]!} ${VOCABULARY[41]!}`,
  `"${VOCABULARY[5]!} ${VOCABULARY[6]!}"`,
  'zc*',
  `${VOCABULARY[300]!}~1`,
  `title:${VOCABULARY[7]!}`,
  `${VOCABULARY[3]!} -${VOCABULARY[8]!}`,
];
const IN_MEMORY = { fileBackedMinDocs: Number.MAX_SAFE_INTEGER };
const FROM_FILES = { fileBackedMinDocs: 1, fileBackedQuietMs: 0 };

function corpus(from: number, n: number): IndexDoc[] {
  const { sentence } = wordSoup(from + 11);
  return Array.from({ length: n }, (_, i) =>
    doc(`d${from + i}`, { title: sentence(VOCABULARY, 5), body: sentence(VOCABULARY, 120) }),
  );
}

async function answers(index: SearchIndex): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    const r = await index.search(q);
    out.push([q, r.partial, r.hits.map((h) => [h.id, h.score])]);
  }
  return out;
}

/** Files of `d` this process holds open (Linux only; null elsewhere). */
async function openFilesIn(d: string): Promise<string[] | null> {
  if (!existsSync('/proc/self/fd')) return null;
  const out: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target.startsWith(d)) out.push(target);
  }
  return out;
}

/** Flips a byte in the middle of every postings file of `d`, in place (open readers see it). */
async function damagePostings(d: string, which = (_: string) => true): Promise<string[]> {
  const names = (await readdir(d)).filter((f) => f.endsWith('.postings') && which(f));
  for (const n of names) {
    const bytes = await readFile(join(d, n));
    for (let at = Math.floor(bytes.length / 3); at < bytes.length; at += 997) bytes[at]! ^= 0xff;
    await writeFile(join(d, n), bytes);
  }
  return names;
}

/** Searching `word` fails as a damaged index file makes a search fail. */
async function expectDamageFound(index: SearchIndex, word: string): Promise<void> {
  const err = await index.search(word).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ArchiveError);
  expect((err as ArchiveError).code).toBe('LIBRARY_CORRUPT');
}

/** An index in `d` fed `batches` one flush apart (each flush saves, and may merge). */
async function fed(d: string, batches: IndexDoc[][], tuning: object): Promise<SearchIndex> {
  const index = await openIndex(d, new MemoryStore(), {}, { batchSize: 60, ...tuning });
  for (const b of batches) {
    await index.upsert(b);
    await index.flush();
  }
  return index;
}

/**
 * An index reading its saved segments from their files and one holding them in memory, fed
 * the same batches; both closed after `use`, and then no file of the first is left open.
 */
async function pair(
  batches: IndexDoc[][],
  tuning: object,
  use: (fromFiles: SearchIndex, inMemory: SearchIndex, dirs: [string, string]) => Promise<void>,
): Promise<void> {
  const [a, b] = [await dir(), await dir()];
  const fromFiles = await fed(a, batches, { ...FROM_FILES, ...tuning });
  const inMemory = await fed(b, batches, { ...IN_MEMORY, ...tuning });
  try {
    await use(fromFiles, inMemory, [a, b]);
  } finally {
    await fromFiles.close();
    await inMemory.close();
  }
  const open = await openFilesIn(a);
  if (open) expect(open).toEqual([]);
}

describe("a writer's saved segments", () => {
  it('answer from their files as from memory', async () => {
    await pair([corpus(0, 240)], { merge: false }, async (fromFiles, inMemory) => {
      expect(await answers(fromFiles)).toEqual(await answers(inMemory));
    });
  });

  it('read their files (damage there shows), and close them at the end', async () => {
    // One segment large enough that a term's postings lie apart from the tables read at open.
    const one = { merge: false, batchSize: 1000 };
    await pair([corpus(0, 600)], one, async (fromFiles, inMemory, [a, b]) => {
      // Damaged before any query read them: only the index that reads the files notices.
      await damagePostings(a);
      await damagePostings(b);
      const word = VOCABULARY[100]!;
      expect((await inMemory.search(word)).hits.length).toBeGreaterThan(0);
      await expectDamageFound(fromFiles, word);
    });
  });

  it('are merged from their files, with the same answers and every file closed after', async () => {
    const batches = [0, 1, 2, 3, 4, 5].map((k) => corpus(k * 60, 60));
    await pair(batches, {}, async (fromFiles, inMemory, [a, b]) => {
      // Six segments of 60 went in; the tiers merged some of them.
      const saved = (await readdir(a)).filter((f) => f.endsWith('.postings'));
      expect(saved.length).toBeLessThan(6);
      expect(saved).toEqual((await readdir(b)).filter((f) => f.endsWith('.postings')));
      expect(await answers(fromFiles)).toEqual(await answers(inMemory));
    });
  });

  it('go to their files only once the writer has been quiet a while', async () => {
    const docs = corpus(0, 600);
    const a = await dir();
    const tuning = { merge: false, batchSize: 1000, fileBackedMinDocs: 1, fileBackedQuietMs: 300 };
    const index = await fed(a, [docs], tuning);
    try {
      const names = (await readdir(a)).filter((f) => f.endsWith('.postings'));
      const originals = await Promise.all(names.map((n) => readFile(join(a, n))));
      await damagePostings(a);
      // Saved, but the build was a moment ago: the postings are still in memory.
      expect((await index.search(VOCABULARY[100]!)).hits.length).toBeGreaterThan(0);
      await Promise.all(names.map((n, i) => writeFile(join(a, n), originals[i]!)));
      await new Promise((r) => setTimeout(r, 600));
      await damagePostings(a);
      await expectDamageFound(index, VOCABULARY[101]!);
    } finally {
      await index.close();
    }
  });

  it('open from their files again, above the size the tuning sets', async () => {
    const docs = corpus(0, 600);
    const a = await dir();
    await (await fed(a, [docs], { ...FROM_FILES, merge: false, batchSize: 1000 })).close();
    const store = new MemoryStore(docs);
    const inMemory = await openIndex(a, store, {}, { ...IN_MEMORY, merge: false });
    const expected = await answers(inMemory);
    await inMemory.close();
    const again = await openIndex(a, store, {}, { ...FROM_FILES, merge: false });
    try {
      expect(await answers(again)).toEqual(expected);
    } finally {
      await again.close();
    }
    const reopened = await openIndex(a, store, {}, { ...FROM_FILES, merge: false });
    try {
      await damagePostings(a);
      await expectDamageFound(reopened, VOCABULARY[200]!);
    } finally {
      await reopened.close();
    }
  });

  it('when a merge finds one damaged, index its articles again from the store', async () => {
    const batches = [0, 1, 2, 3].map((k) => corpus(k * 60, 60));
    const store = new MemoryStore(batches.flat());
    const a = await dir();
    // Nothing expected at open: the articles come in by upsert, and the store has them all.
    const index = await openIndex(a, store, {}, { batchSize: 60, ...FROM_FILES }, new Map());
    try {
      for (const b of batches.slice(0, 3)) {
        await index.upsert(b);
        await index.flush();
      }
      // Three segments of one tier: the fourth starts a merge, which reads the first three
      // from their files. One of them is damaged.
      const [first] = (await readdir(a)).filter((f) => f.endsWith('.postings')).sort();
      await damagePostings(a, (f) => f === first);
      const loadsBefore = store.loads;
      await index.upsert(batches[3]!);
      await index.flush();
      expect(store.loads - loadsBefore).toBe(60);
      const all = batches.flat().map((d) => d.id);
      const found = new Set<string>();
      for (const w of VOCABULARY.slice(0, 40))
        for (const id of ids(await index.search(w))) found.add(id);
      expect([...found].sort()).toEqual([...all].sort());
      const whole = await fed(await dir(), batches, IN_MEMORY);
      try {
        // The same documents for each query (scores may differ: the segments differ).
        for (const q of QUERIES) {
          expect(ids(await index.search(q))).toEqual(ids(await whole.search(q)));
        }
      } finally {
        await whole.close();
      }
    } finally {
      await index.close();
    }
  });
});

describe('a save', () => {
  it('goes on when an old segment file refuses to be deleted (still open elsewhere)', async () => {
    const a = await dir();
    // A name only this code makes, which rm without recursion cannot remove.
    await mkdir(join(a, 'seg-99.postings'));
    await writeFile(join(a, 'seg-99.postings', 'held'), 'x');
    const index = await fed(a, [corpus(0, 60)], { merge: false });
    await expect(index.flush()).resolves.toBeUndefined();
    await index.close();
    expect((await readdir(a)).filter((f) => f.endsWith('.postings')).sort()).toEqual([
      'seg-1.postings',
      'seg-99.postings',
    ]);
  });
});
