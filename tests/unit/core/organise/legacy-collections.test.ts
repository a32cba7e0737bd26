// Collections for articles imported before the imported folder was recorded: inferred per
// import (a run of import times), as the deepest folder holding all of that import's files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/store/article-file';
import {
  commonFolder,
  deriveLegacyCollections,
  RUN_GAP_MS,
} from '../../../../main/core/organise/legacy-collections';

let n = 0;
/** A record as the code before collections wrote it: no sourceFolder, no collection. */
function legacy(path: string | null, importedAt: number, name = 'x.txt'): ArticleRecord {
  n++;
  return {
    id: n.toString(16).padStart(16, '0'),
    rev: 1,
    title: `t${n}`,
    place: null,
    language: 'en',
    wordCount: 1,
    readingMinutes: 1,
    encoding: 'UTF-8',
    sourceName: name,
    sourcePath: path,
    byteLength: 1,
    importedAt: new Date(importedAt).toISOString(),
    articleDate: null,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: null,
    excerpt: '',
  };
}

const T0 = Date.UTC(2026, 0, 1);
const home = join('/', 'home', 'ana');

describe('deriveLegacyCollections', () => {
  it('gives a folder import its first levels, its top files and a later lone file none', () => {
    const bbc = join(home, 'bbc-fulltext');
    const sport = legacy(join(bbc, 'sport', '001.txt'), T0);
    const deep = legacy(join(bbc, 'sport', 'x', '002.txt'), T0 + 10);
    const tech = legacy(join(bbc, 'tech', '001.txt'), T0 + 20);
    const top = legacy(join(bbc, 'README.txt'), T0 + 30);
    const lone = legacy(join(home, 'Downloads', 'one.txt'), T0 + RUN_GAP_MS + 31);
    const records = [lone, tech, sport, top, deep];
    expect(deriveLegacyCollections(records)).toBe(5);
    expect([sport, deep, tech, top, lone].map((r) => r.collection)).toEqual([
      'sport',
      'sport',
      'tech',
      null,
      null,
    ]);
  });

  it('keeps a collection a record already has, and records with a source folder use it', () => {
    const a = legacy(join(home, 'f', 'a', '1.txt'), T0);
    const b = legacy(join(home, 'f', 'b', '2.txt'), T0 + 1);
    a.collection = 'Renamed';
    const fresh = { ...legacy(join(home, 'g', '3.txt'), T0 + 2), sourceFolder: 'q/r' };
    deriveLegacyCollections([a, b, fresh]);
    expect(a.collection).toBe('Renamed');
    // `a` still counts in the inference: without it `b` alone would be at the top.
    expect(b.collection).toBe('b');
    expect(fresh.collection).toBe('q');
  });

  it('reads dropped contents from their names, and needs no order in the input', () => {
    const dropped = legacy(null, T0, 'bbc/sport/9.txt');
    const plain = legacy(null, T0, '9.txt');
    deriveLegacyCollections([plain, dropped]);
    expect(dropped.collection).toBe('sport');
    expect(plain.collection).toBeNull();
  });
});

describe('commonFolder', () => {
  it('is the deepest folder holding all', () => {
    expect(commonFolder([join(home, 'a', 'b'), join(home, 'a', 'c')])).toBe(join(home, 'a'));
    expect(commonFolder([join(home, 'a')])).toBe(join(home, 'a'));
    expect(commonFolder([join('/', 'x'), join('/', 'y')])).toBe('/');
  });
});
