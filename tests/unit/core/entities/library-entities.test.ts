// The library's entities: extracted after an import (never during it), kept in entities.json,
// read back at the next open, rebuilt when the cache is damaged or missing, following the
// trash and purges, and counted for facets over a view or a search.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  decodeEntityCache,
  encodeEntityCache,
  ENTITY_CACHE_FILE,
  type EntitiesById,
} from '../../../../main/core/entities/entity-cache';
import { openLibrary } from '../../../../main/core/library';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { EXTRACTOR_VERSION } from '../../../../main/core/entities/extract-entities';
import { CLEANER_VERSION } from '../../../../main/core/text/parse-article';
import { writeArticles } from '../library-helpers';
import { tempDir } from '../tmp-dir';

const KEY = { extractorVersion: EXTRACTOR_VERSION, cleanerVersion: CLEANER_VERSION };

describe('entities.json', () => {
  const sample: EntitiesById = new Map([
    [
      'aaaa',
      [
        { type: 'person', name: 'Ann Lee' },
        { type: 'place', name: 'Oslo' },
      ],
    ],
    ['bbbb', []],
    [
      'cccc',
      [
        { type: 'place', name: 'Oslo' },
        { type: 'organisation', name: 'A; B, C' },
      ],
    ],
  ]);

  it('reads back what it wrote', () => {
    expect(decodeEntityCache(encodeEntityCache(sample, KEY), KEY)).toEqual(sample);
  });

  it('is ignored when damaged or made by another extractor or cleaner', () => {
    const text = encodeEntityCache(sample, KEY);
    expect(decodeEntityCache(text.slice(0, -5), KEY)).toBeNull();
    expect(
      decodeEntityCache(text, { ...KEY, extractorVersion: KEY.extractorVersion + 1 }),
    ).toBeNull();
    expect(decodeEntityCache(text, { ...KEY, cleanerVersion: 3 })).toBeNull();
    expect(decodeEntityCache(text.replace('"refs":"', '"refs":"zz,'), KEY)).toBeNull();
    expect(decodeEntityCache(text.replace('"0Ann Lee"', '"7Ann Lee"'), KEY)).toBeNull();
  });
});

const FILES = {
  'a.txt':
    'Port plan\n\nThe Norwegian Port Authority said Henrik Dahl would lead the work in Bergen.\n',
  'b.txt':
    'Quay opens\n\nHenrik Dahl opened the quay in Bergen. Mr Dahl thanked the Norwegian Port Authority.\n',
  'c.txt':
    'Ferry news\n\nThe ferry from Stavanger was late again on Friday, passengers in Stavanger said.\n',
};

/** A fresh library with FILES imported: its folder, the open library and what was imported. */
async function importedSample() {
  const dir = tempDir('ar-entities-lib-');
  const src = tempDir('ar-entities-src-');
  writeArticles(src, FILES);
  const lib = await openLibrary(dir);
  const { imported } = await lib.importSources([{ path: src }]);
  return { dir, lib, imported };
}

describe('LibraryEntities in a library', () => {
  it('extracts after an import, saves the cache, and reads it at the next open', async () => {
    const { dir, lib, imported } = await importedSample();
    const ids = Object.fromEntries(imported.map((a) => [a.path.split(/[\\/]/).pop()!, a.id]));
    const { entities } = await lib.listEntities();
    expect(entities).toContainEqual({ name: 'Henrik Dahl', type: 'person', count: 2 });
    expect(entities).toContainEqual({ name: 'Bergen', type: 'place', count: 2 });
    const facets = await lib.entityFacets({});
    expect(facets.pending).toBe(0);
    expect(facets.people).toEqual([{ name: 'Henrik Dahl', count: 2 }]);
    expect(facets.places).toEqual([
      { name: 'Bergen', count: 2 },
      { name: 'Stavanger', count: 1 },
    ]);
    // A search's facets count its hits only; a prefix keeps names with a word starting so.
    const searched = await lib.entityFacets({ query: 'ferry' });
    expect(searched.places).toEqual([{ name: 'Stavanger', count: 1 }]);
    expect(searched.people).toEqual([]);
    expect((await lib.entityFacets({ prefix: 'sta' })).places).toEqual([
      { name: 'Stavanger', count: 1 },
    ]);
    expect((await lib.entityFacets({ query: 'person:dahl' })).people).toEqual([
      { name: 'Henrik Dahl', count: 2 },
    ]);
    await lib.close();
    expect(existsSync(join(dir, ENTITY_CACHE_FILE))).toBe(true);
    const cached = readFileSync(join(dir, ENTITY_CACHE_FILE), 'utf8');

    const again = await openLibrary(dir, { readOnly: true });
    expect((await again.get(ids['b.txt']!)).entities).toEqual({
      people: ['Henrik Dahl'],
      organisations: ['Norwegian Port Authority'],
      places: ['Bergen'],
    });
    expect((await again.listEntities({ type: 'person' })).entities).toEqual([
      { name: 'Henrik Dahl', type: 'person', count: 2 },
    ]);
    await again.close();
    // A read-only open writes nothing.
    expect(readFileSync(join(dir, ENTITY_CACHE_FILE), 'utf8')).toBe(cached);
  }, 60_000);

  it('a read-only open extracts only when asked, and a search by name waits for it', async () => {
    const { dir, lib } = await importedSample();
    await lib.listEntities();
    await lib.close();
    rmSync(join(dir, ENTITY_CACHE_FILE));
    const ro = await openLibrary(dir, { readOnly: true });
    // A plain search leaves the names unknown (it cannot save them: no work for nothing).
    expect((await ro.search({ query: 'quay' })).hits).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    expect((await ro.entityFacets({})).pending).toBe(3);
    // A search by name finds every article naming the person all the same.
    expect((await ro.search({ query: 'person:"henrik dahl"' })).hits).toHaveLength(2);
    expect((await ro.entityFacets({})).pending).toBe(0);
    await ro.close();
    expect(existsSync(join(dir, ENTITY_CACHE_FILE))).toBe(false);
  }, 60_000);

  it('rebuilds a damaged or missing cache from the article files', async () => {
    const { dir, lib } = await importedSample();
    await lib.listEntities();
    await lib.close();
    for (const damage of ['garbage', null]) {
      if (damage === null) rmSync(join(dir, ENTITY_CACHE_FILE));
      else writeFileSync(join(dir, ENTITY_CACHE_FILE), damage);
      const reopened = await openLibrary(dir);
      expect((await reopened.listEntities()).entities).toContainEqual({
        name: 'Henrik Dahl',
        type: 'person',
        count: 2,
      });
      await reopened.close();
      expect(decodeEntityCache(readFileSync(join(dir, ENTITY_CACHE_FILE), 'utf8'), KEY)?.size).toBe(
        3,
      );
    }
  }, 60_000);

  it('leaves trashed articles out of the counts and forgets purged ones', async () => {
    const { dir, lib, imported } = await importedSample();
    const b = imported.find((a) => a.path.endsWith('b.txt'))!.id;
    await lib.listEntities();
    await lib.trash([b]);
    expect((await lib.listEntities({ type: 'person' })).entities).toEqual([
      { name: 'Henrik Dahl', type: 'person', count: 1 },
    ]);
    expect((await lib.entityFacets({ view: 'trash' })).people).toEqual([
      { name: 'Henrik Dahl', count: 1 },
    ]);
    await lib.emptyTrash();
    await lib.close();
    const cache = decodeEntityCache(readFileSync(join(dir, ENTITY_CACHE_FILE), 'utf8'), KEY)!;
    expect(cache.has(b)).toBe(false);
    expect(cache.size).toBe(2);
  }, 60_000);

  it('lists every name only once the slice reading the last articles has finished', async () => {
    const { dir, lib } = await importedSample();
    const all = await lib.listEntities();
    expect(all.entities.length).toBeGreaterThan(3);
    await lib.close();
    rmSync(join(dir, ENTITY_CACHE_FILE));
    // Each article is read again from its file, slowly: the queue is empty well before the
    // last one's names are known.
    const read = ArticleStore.prototype.read;
    const slow = vi.spyOn(ArticleStore.prototype, 'read').mockImplementation(async function (
      this: ArticleStore,
      id: string,
    ) {
      await new Promise((done) => setTimeout(done, 150));
      return read.call(this, id);
    });
    try {
      const reopened = await openLibrary(dir);
      while ((await reopened.entityFacets({})).pending > 0) {
        await new Promise((done) => setTimeout(done, 5));
      }
      expect(await reopened.listEntities()).toEqual(all);
      await reopened.close();
    } finally {
      slow.mockRestore();
    }
  }, 60_000);
});
