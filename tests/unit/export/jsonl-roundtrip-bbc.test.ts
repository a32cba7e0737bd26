// The JSON Lines round trip on the BBC set: export a library with tags, state and highlights,
// import the file into an empty library, and find every article with every field equal.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEngine } from '../../../main/core/engine';
import { bbcDir, hasShared, sharedSkipReason } from '../../support/shared-data';
import { openFake } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';
import { expectSameLibrary } from './roundtrip-compare';

if (!hasShared) console.warn(`[export] skipping the BBC round trip: ${sharedSkipReason}`);

describe.skipIf(!hasShared)('JSON Lines round trip on the BBC set', () => {
  let source: LibraryEngine;
  let copy: LibraryEngine;
  let file: string;

  beforeAll(async () => {
    const base = tempDir('ar-bbc-roundtrip-');
    source = await openFake(join(base, 'source'));
    const summary = await source.importSources([{ path: bbcDir }]);
    const ids = summary.imported.map((a) => a.id);
    expect(ids.length).toBeGreaterThan(1000);
    // A spread of what people do to articles, on every 7th, 11th, 13th... article.
    const every = (n: number) => ids.filter((_, i) => i % n === 0);
    await source.addTags(every(7), ['checked', 'بريد']);
    await source.setRead(every(3), true);
    await source.setFavourite(every(11), true);
    await source.setPosition(ids[1]!, 0.25);
    for (const id of every(97)) {
      const body = (await source.get(id)).body;
      await source.addHighlight({ id, start: 0, end: Math.min(40, body.length), note: 'lead' });
    }
    await source.trash(every(13));
    mkdirSync(join(base, 'out'));
    file = join(base, 'out', 'bbc.jsonl');
    const result = await source.exportArticles({ format: 'jsonl', out: file, scope: {} });
    expect(result.exported).toBe(ids.length);
    copy = await openFake(join(base, 'copy'));
  }, 300_000);
  afterAll(async () => {
    await copy?.close();
    await source?.close();
  });

  it('restores every article with every field equal', async () => {
    const summary = await copy.importSources([{ path: file }]);
    expect(summary.failed).toEqual([]);
    expect(summary.duplicates).toEqual([]);
    const n = await expectSameLibrary(source, copy);
    expect(n).toBe(summary.imported.length);
  }, 300_000);
});
