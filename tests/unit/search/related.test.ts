// related(): an article about a topic finds the other articles on that topic first, never
// itself nor trashed ones; the limit holds; unknown and malformed ids are refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { openLibrary } from '../../../main/core/library';
import { isArchiveError } from '../../../main/core/errors';
import { writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';
import { doc, MemoryStore, openIndex, tempDir as indexDir } from './helpers';

// Words every article draws on, whatever its topic, and each topic's own words.
const COMMON = 'people said year time week report new work told many public local'.split(' ');
const TOPICS: Record<string, string[]> = {
  stars:
    'telescope galaxy astronomers orbit planet comet nebula observatory stellar spectrum'.split(
      ' ',
    ),
  kitchen: 'recipe oven flour butter simmer garlic pastry chef saucepan seasoning'.split(' '),
  harbour: 'ship harbour cargo port vessel crew dock tide anchor freight'.split(' '),
  // Arabic, unstemmed here, must work as well as English.
  rain: 'مطر غيوم عاصفة رياح فيضان طقس رطوبة برق رعد أمطار'.split(' '),
};
const PER_TOPIC = 5;

/** A deterministic article mixing common words with words of one topic. */
function text(topic: string, n: number): string {
  const words = TOPICS[topic]!;
  // mulberry32, seeded by topic and number.
  let a = (n + 1) * 0x9e3779b9 + topic.charCodeAt(0) * 7919;
  const next = (k: number): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
  const body: string[] = [];
  for (let s = 0; s < 6; s++) {
    const sentence: string[] = [];
    for (let w = 0; w < 12; w++) {
      sentence.push(w % 2 === 0 ? words[next(words.length)]! : COMMON[next(COMMON.length)]!);
    }
    body.push(sentence.join(' ') + '.');
  }
  const title = `${words[next(words.length)]} ${words[next(words.length)]} ${n}`;
  return `${title}\n\n${body.join(' ')}\n`;
}

let lib: LibraryEngine;
const topicOf = new Map<string, string>();
const idsOf = (topic: string): string[] =>
  [...topicOf].filter(([, t]) => t === topic).map(([id]) => id);

beforeAll(async () => {
  const base = tempDir('ar-related-');
  const files: Record<string, string> = {};
  for (const topic of Object.keys(TOPICS)) {
    for (let n = 0; n < PER_TOPIC; n++) files[`${topic}/${n}.txt`] = text(topic, n);
  }
  const paths = writeArticles(join(base, 'src'), files);
  lib = await openLibrary(join(base, 'lib'));
  const { imported } = await lib.importSources(paths.map((path) => ({ path })));
  expect(imported).toHaveLength(paths.length);
  for (const a of imported) topicOf.set(a.id, a.path.split(/[\\/]/).at(-2)!);
});

afterAll(async () => {
  await lib?.close();
});

describe('related articles', () => {
  it('finds the articles of the same topic first, and never the article itself', async () => {
    for (const [id, topic] of topicOf) {
      const { hits } = await lib.related({ id, limit: PER_TOPIC - 1 });
      expect(hits.map((h) => h.id)).not.toContain(id);
      expect(
        hits.map((h) => topicOf.get(h.id)),
        `related of a ${topic} article`,
      ).toEqual(Array(PER_TOPIC - 1).fill(topic));
      for (let i = 1; i < hits.length; i++) {
        expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
      }
      expect(hits.every((h) => h.score > 0 && h.title !== '')).toBe(true);
    }
  });

  it('respects the limit and defaults to ten', async () => {
    const id = idsOf('stars')[0]!;
    expect((await lib.related({ id, limit: 2 })).hits).toHaveLength(2);
    expect((await lib.related({ id, limit: 1 })).hits).toHaveLength(1);
    // Ten at most by default; articles sharing only common words fill up after the topic's.
    const { hits } = await lib.related({ id });
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits.length).toBeGreaterThanOrEqual(PER_TOPIC - 1);
  });

  it('leaves trashed articles out, and works for an article in the trash', async () => {
    const [id, gone, alsoGone] = idsOf('kitchen');
    await lib.trash([gone!, id!]);
    try {
      const { hits } = await lib.related({ id: id!, limit: PER_TOPIC });
      const found = hits.map((h) => h.id);
      expect(found).not.toContain(gone);
      expect(found).not.toContain(id);
      expect(found.slice(0, PER_TOPIC - 2).map((h) => topicOf.get(h))).toEqual(
        Array(PER_TOPIC - 2).fill('kitchen'),
      );
      expect(found).toContain(alsoGone);
    } finally {
      await lib.restore([gone!, id!]);
    }
    const back = await lib.related({ id: alsoGone!, limit: PER_TOPIC - 1 });
    expect(back.hits.map((h) => h.id)).toContain(gone);
  });

  it("leaves out the article's own versions (the same story, shown apart)", async () => {
    const [id] = idsOf('harbour');
    const original = await lib.get(id!);
    // The same story under another headline: a version, not a related article.
    const src = tempDir('ar-related-version-');
    const [path] = writeArticles(src, {
      'copy.txt': `Harbour story, updated headline\n\n${original.body}\n`,
    });
    const { imported } = await lib.importSources([{ path: path! }]);
    const copy = imported[0]!.id;
    try {
      await expect.poll(async () => (await lib.get(copy)).versions).toContain(id);
      const { hits } = await lib.related({ id: id!, limit: PER_TOPIC + 2 });
      expect(hits.map((h) => h.id)).not.toContain(copy);
      expect(hits.slice(0, PER_TOPIC - 1).map((h) => topicOf.get(h.id))).toEqual(
        Array(PER_TOPIC - 1).fill('harbour'),
      );
    } finally {
      await lib.trash([copy]);
      await lib.emptyTrash();
    }
  });

  it('refuses unknown ids, malformed ids and limits out of range', async () => {
    const codeOf = async (p: Promise<unknown>): Promise<string> => {
      try {
        await p;
      } catch (e) {
        return isArchiveError(e) ? e.code : 'not an ArchiveError';
      }
      return 'no error';
    };
    expect(await codeOf(lib.related({ id: '0123456789abcdef' }))).toBe('NOT_FOUND');
    expect(await codeOf(lib.related({ id: 'nope' }))).toBe('BAD_ARGUMENT');
    const id = idsOf('rain')[0]!;
    expect(await codeOf(lib.related({ id, limit: 0 }))).toBe('BAD_ARGUMENT');
    expect(await codeOf(lib.related({ id, limit: 101 }))).toBe('BAD_ARGUMENT');
    expect(await codeOf(lib.related({ id, limit: 2.5 }))).toBe('BAD_ARGUMENT');
  });
});

describe('SearchIndex.moreLikeThis', () => {
  it('scores across segments and ignores replaced versions of a document', async () => {
    const docs = Object.keys(TOPICS).flatMap((topic) =>
      Array.from({ length: PER_TOPIC }, (_, n) => {
        const [title, , ...body] = text(topic, n).split('\n');
        return doc(`${topic}-${n}`, { title, body: body.join('\n'), language: 'en' });
      }),
    );
    const { dir, cleanup } = await indexDir();
    // Small batches and no merging: the documents lie in several segments.
    const index = await openIndex(dir, new MemoryStore(docs), {}, { batchSize: 3, merge: false });
    try {
      expect(index.stats().segments).toBeGreaterThan(3);
      const like = async (id: string, limit = PER_TOPIC - 1) => {
        const d = docs.find((x) => x.id === id)!;
        const r = await index.moreLikeThis(id, { ...d, language: 'en' }, limit);
        return r.hits.map((h) => h.id.split('-')[0]);
      };
      expect(await like('stars-0')).toEqual(Array(PER_TOPIC - 1).fill('stars'));
      // stars-1 becomes a kitchen article: its old version must no longer count as stars.
      const kitchen = docs.find((x) => x.id === 'kitchen-0')!;
      await index.upsert([{ ...kitchen, id: 'stars-1', rev: 2 }]);
      const found = await index.moreLikeThis(
        'stars-0',
        { ...docs.find((x) => x.id === 'stars-0')!, language: 'en' },
        PER_TOPIC - 2,
      );
      expect(found.hits.map((h) => h.id).sort()).toEqual(['stars-2', 'stars-3', 'stars-4']);
      expect(
        (await index.moreLikeThis('stars-0', { ...docs[0]!, language: 'en' }, 1, () => false)).hits,
      ).toEqual([]);
    } finally {
      await index.close();
      await cleanup();
    }
  });
});
