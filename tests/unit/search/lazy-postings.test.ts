// A read-only index reads each segment's postings on demand, checked block by block against the
// blocks file beside it; it answers exactly as an index that read every file whole.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../main/core/errors';
import type { IndexDoc } from '../../../main/core/search/types';
import { decodePostings, postingsLayout } from '../../../main/core/search/segments/postings-codec';
import { FIELD_COUNT } from '../../../main/core/search/segments/postings';
import { LazyPostings } from '../../../main/core/search/storage/lazy-postings';
import {
  BLOCK_BYTES,
  blockChecksums,
  blocksFileOf,
  encodeBlocks,
  parseBlocks,
} from '../../../main/core/search/storage/postings-blocks';
import { sha256 } from '../../../main/core/search/storage/persistence';
import { doc, MemoryStore, openIndex, wordSoup } from './helpers';
import { scratchDirs } from './scratch-dirs';

const dir = scratchDirs();
// Letters only, none a stop word or changed by stemming: 'qab', 'qac', …
const VOCABULARY = Array.from(
  { length: 1500 },
  (_, i) =>
    `q${String.fromCharCode(98 + (i % 24))}${String.fromCharCode(98 + (Math.floor(i / 24) % 24))}${i >= 576 ? 'k' : ''}${i >= 1152 ? 'm' : ''}`,
);

/** Enough articles that a segment's postings span many blocks. */
function corpus(n = 400): IndexDoc[] {
  const { sentence } = wordSoup(7);
  return Array.from({ length: n }, (_, i) =>
    doc(`d${i}`, { title: sentence(VOCABULARY, 6), body: sentence(VOCABULARY, 180) }),
  );
}

const [A, B, C, D] = [VOCABULARY[1]!, VOCABULARY[30]!, VOCABULARY[700]!, VOCABULARY[1200]!];
const PHRASE = corpus(1)[0]!.body.split(/[ ,]+/).slice(3, 6).join(' ');
const QUERIES = [
  `"${PHRASE}"`,
  A,
  B,
  `${A} ${B}`,
  `"${A} ${B}"`,
  'qc*',
  `${C}~1`,
  `title:${D}`,
  `${A} -${C}`,
  `${B} OR ${D}`,
  'qzzz',
];

/** Each query's hits as id and score, from a fresh index over `d`. */
async function answers(d: string, store: MemoryStore, readOnly: boolean) {
  const index = await openIndex(d, store, { readOnly }, { merge: false });
  try {
    const out: unknown[] = [];
    for (const q of QUERIES) {
      const r = await index.search(q);
      out.push([
        q,
        r.partial,
        r.capped,
        r.corrected,
        r.ignored,
        r.hits.map((h) => [h.id, h.score]),
      ]);
    }
    return out;
  } finally {
    await index.close();
  }
}

/** Writes an index of `docs` in one segment and returns its postings file name. */
async function oneSegment(d: string, docs: IndexDoc[]): Promise<string> {
  const store = new MemoryStore(docs);
  await (await openIndex(d, store, {}, { batchSize: 10_000, merge: false })).close();
  const files = (await readdir(d)).filter((f) => f.endsWith('.postings'));
  expect(files).toHaveLength(1);
  return files[0]!;
}

describe('blocks files', () => {
  it('round-trip, and refuse another file, a changed byte or another size', () => {
    const data = new Uint8Array(BLOCK_BYTES * 2 + 100).map((_, i) => (i * 31) % 251);
    const sha = sha256(data);
    const file = encodeBlocks([data], sha);
    // Written as parts (a segment's arrays one after another), the checksums are the same.
    const cuts = [0, 7, BLOCK_BYTES - 1, BLOCK_BYTES + 5, BLOCK_BYTES * 2, data.length];
    const parts = cuts.slice(1).map((end, i) => data.subarray(cuts[i], end));
    expect(encodeBlocks(parts, sha)).toEqual(file);
    expect(blockChecksums(parts)).toEqual(blockChecksums([data]));
    const parsed = parseBlocks(file, sha, data.length);
    expect(parsed?.sums).toHaveLength(3);
    expect(parseBlocks(file, sha256('other'), data.length)).toBeNull();
    expect(parseBlocks(file, sha, data.length + BLOCK_BYTES)).toBeNull();
    const flipped = Buffer.from(file);
    flipped[flipped.length - 9]! ^= 1;
    expect(parseBlocks(flipped, sha, data.length)).toBeNull();
    expect(parseBlocks(file.subarray(0, 20), sha, data.length)).toBeNull();
  });

  it('are written beside every postings file, and kept only while it is', async () => {
    const d = await dir();
    const name = await oneSegment(d, corpus(50));
    const bytes = await readFile(join(d, name));
    const blocks = await readFile(join(d, blocksFileOf(name)));
    expect(parseBlocks(blocks, sha256(bytes), bytes.length)).not.toBeNull();
  });
});

describe('a read-only index', () => {
  it('answers as one that read every postings file whole, reading a part of them', async () => {
    const d = await dir();
    const docs = corpus();
    const store = new MemoryStore(docs);
    await (await openIndex(d, store, {}, { batchSize: 150, merge: false })).close();
    const names = (await readdir(d)).filter((f) => f.endsWith('.postings'));
    expect(names.length).toBe(3);
    const lazy = await answers(d, store, true);
    const whole = await answers(d, store, false);
    expect(lazy).toEqual(whole);
    // Without blocks files a reader reads whole files, with the same answers.
    for (const n of names) await rm(join(d, blocksFileOf(n)));
    expect(await answers(d, store, true)).toEqual(whole);
    // ...and the library's writer puts them back for the segments it loads.
    await answers(d, store, false);
    for (const n of names) {
      const bytes = await readFile(join(d, n));
      const blocks = await readFile(join(d, blocksFileOf(n)));
      expect(parseBlocks(blocks, sha256(bytes), bytes.length)).not.toBeNull();
    }
  });

  it('reads only the blocks a term needs: a damaged block fails only the terms in it', async () => {
    const d = await dir();
    const docs = corpus();
    const name = await oneSegment(d, docs);
    const path = join(d, name);
    const bytes = await readFile(path);
    const layout = postingsLayout(bytes);
    const data = decodePostings(bytes, false);
    const blockOf = (t: number): Set<number> => {
      const o = data.offsets;
      const [a, b] = [o[t * FIELD_COUNT]!, o[(t + 1) * FIELD_COUNT]!];
      const p = data.posOffsets;
      const ranges = [
        [layout.docsAt + a * 4, layout.docsAt + b * 4],
        [layout.weightsAt + a * 4, layout.weightsAt + b * 4],
        [layout.positionsAt + p[t * FIELD_COUNT]!, layout.positionsAt + p[(t + 1) * FIELD_COUNT]!],
      ];
      const out = new Set<number>();
      for (const [from, to] of ranges) {
        for (let k = Math.floor(from! / BLOCK_BYTES); k * BLOCK_BYTES < to!; k++) out.add(k);
      }
      return out;
    };
    // The word with the most postings: its blocks are surely apart from some other word's.
    const words = new Set(VOCABULARY);
    let victim = -1;
    for (let t = 0; t < data.terms.length; t++) {
      const n = (i: number) =>
        data.offsets[(i + 1) * FIELD_COUNT]! - data.offsets[i * FIELD_COUNT]!;
      if (words.has(data.terms[t]!) && (victim < 0 || n(t) > n(victim))) victim = t;
    }
    expect(victim).toBeGreaterThanOrEqual(0);
    const word = data.terms[victim]!;
    const hit = [...blockOf(victim)].find((k) => k * BLOCK_BYTES >= layout.docsAt)!;
    const spared = data.terms.findIndex((t, i) => i !== victim && !blockOf(i).has(hit));
    expect(spared).toBeGreaterThanOrEqual(0);
    const before = await answers(d, new MemoryStore(docs), true);

    const damaged = Buffer.from(bytes);
    damaged[hit * BLOCK_BYTES + 1]! ^= 0xff;
    await writeFile(path, damaged);
    const index = await openIndex(d, new MemoryStore(docs), { readOnly: true }, { merge: false });
    try {
      const ok = await index.search(data.terms[spared]!);
      expect(ok.hits.length).toBeGreaterThan(0);
      const err = await index.search(word).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArchiveError);
      expect((err as ArchiveError).code).toBe('LIBRARY_CORRUPT');
      expect((err as Error).message).toMatch(/archive-reader reindex/);
    } finally {
      await index.close();
    }
    // The undamaged file again: the same answers as before.
    await writeFile(path, bytes);
    expect(await answers(d, new MemoryStore(docs), true)).toEqual(before);
  });

  it('reads a file whole when its term table is damaged, and finds the damage', async () => {
    const d = await dir();
    const docs = corpus(60);
    const name = await oneSegment(d, docs);
    const path = join(d, name);
    const bytes = await readFile(path);
    const sha = sha256(bytes);
    expect(LazyPostings.open(path, sha)).not.toBeNull();
    const damaged = Buffer.from(bytes);
    damaged[40]! ^= 0xff;
    await writeFile(path, damaged);
    expect(LazyPostings.open(path, sha)).toBeNull();
    const store = new MemoryStore(docs);
    const index = await openIndex(d, store, { readOnly: true }, { merge: false });
    try {
      // Loaded whole, the file fails its SHA-256: its documents are indexed from the articles.
      const deadline = Date.now() + 20_000;
      while (index.damaged().length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(index.damaged()).toEqual([{ path: name, reason: expect.any(String) }]);
    } finally {
      await index.close();
    }
  });
});
