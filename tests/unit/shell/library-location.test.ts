import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { initialLibraryDir, readChoice, saveChoice } from '../../../main/shell/library-location';

describe('library location', () => {
  const dir = mkdtempSync(join(tmpdir(), 'libloc-'));
  const file = join(dir, 'library-location.json');

  it('defaults to <userData>/library', () => {
    expect(initialLibraryDir({}, '/ud', join(dir, 'none.json'))).toBe(join('/ud', 'library'));
  });

  it('remembers the chosen library', async () => {
    await saveChoice(file, '/data/news-library');
    expect(readChoice(file)).toBe('/data/news-library');
    expect(initialLibraryDir({}, '/ud', file)).toBe('/data/news-library');
  });

  it('lets ARCHIVE_READER_LIBRARY win', () => {
    expect(initialLibraryDir({ ARCHIVE_READER_LIBRARY: 'rel/lib' }, '/ud', file)).toBe(
      resolve('rel/lib'),
    );
    expect(initialLibraryDir({ ARCHIVE_READER_LIBRARY: '  ' }, '/ud', file)).toBe(
      '/data/news-library',
    );
  });

  it('ignores a damaged or unsafe saved choice', () => {
    const bad = join(dir, 'bad.json');
    for (const content of [
      '{nope',
      '{"libraryDir": "relative"}',
      '{"libraryDir": 3}',
      '{"libraryDir": "/a\\u0000b"}',
    ]) {
      writeFileSync(bad, content);
      expect(readChoice(bad)).toBeNull();
      expect(initialLibraryDir({}, '/ud', bad)).toBe(join('/ud', 'library'));
    }
  });
});
