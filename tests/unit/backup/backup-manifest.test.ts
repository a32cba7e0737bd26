// The backup manifest's schema, entry-name safety and the damaged-backup message.
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  parseBackupManifest,
  type BackupManifest,
} from '../../../main/core/backup/backup-manifest';
import { DamagedBackupError } from '../../../main/core/backup/damaged-backup-error';
import { entryNameProblem } from '../../../main/core/backup/entry-name';
import { isLeftOut } from '../../../main/core/backup/library-files';

const valid: BackupManifest = {
  kind: 'archive-reader-backup',
  format: BACKUP_FORMAT,
  createdAt: '2026-01-02T03:04:05.000Z',
  app: { name: 'Archive Reader', version: '1.2.3' },
  library: { format: 1, articleFormat: 1 },
  contents: { articles: 1, trashed: 0, tags: 0, highlights: 0, notes: 0, favourites: 0, read: 0 },
  entries: [{ path: 'library/manifest.json', size: 3, sha256: 'a'.repeat(64) }],
};

describe('parseBackupManifest', () => {
  it('accepts a valid manifest', () => {
    expect(parseBackupManifest(JSON.stringify(valid), 'b.zip')).toEqual(valid);
  });

  it.each([
    ['not JSON', '{"kind":', /not valid JSON/],
    ['a wrong kind', JSON.stringify({ ...valid, kind: 'other' }), /kind/],
    [
      'a bad checksum',
      JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], sha256: 'zz' }] }),
      /entries\.0\.sha256/,
    ],
    [
      'a negative size',
      JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], size: -1 }] }),
      /entries\.0\.size/,
    ],
    ['an unknown field', JSON.stringify({ ...valid, extra: 1 }), /extra|unrecognized/i],
  ])('refuses %s as LIBRARY_CORRUPT naming the manifest', (_what, text, reason) => {
    let thrown: unknown;
    try {
      parseBackupManifest(text, 'b.zip');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'LIBRARY_CORRUPT' });
    const message = (thrown as Error).message;
    expect(message).toContain('archive-reader-backup.json');
    expect(message).toMatch(reason);
  });

  it('refuses a newer format with LIBRARY_VERSION', () => {
    expect(() =>
      parseBackupManifest(JSON.stringify({ ...valid, format: BACKUP_FORMAT + 1 }), 'b.zip'),
    ).toThrow(expect.objectContaining({ code: 'LIBRARY_VERSION' }));
  });
});

describe('entryNameProblem', () => {
  it.each([
    'library/manifest.json',
    'library/articles/ab/abcdef0123456789.json',
    'library/saved-searches.json',
  ])('accepts %s', (name) => expect(entryNameProblem(name)).toBeNull());

  it.each([
    ['../evil', /climbs out/],
    ['library/../../evil', /climbs out/],
    ['/etc/passwd', /absolute/],
    ['C:/Windows/evil', /drive letter/],
    ['c:evil', /drive letter/],
    ['library\\..\\evil', /backslash/],
    ['library//x', /empty/],
    ['library/./x', /"\."/],
    ['library/', /empty/],
    ['', /empty/],
    ['library/naïve.json', /characters/],
    ['library/a b.json', /characters/],
    ['library/a\u0000b', /characters/],
  ])('refuses %j', (name, reason) => expect(entryNameProblem(name)).toMatch(reason));
});

describe('isLeftOut', () => {
  it('leaves out the caches and the lock, keeps the rest', () => {
    for (const n of [
      'catalog.json',
      'catalog.journal',
      'index',
      'lock',
      'lock.claim-abc',
      'versions.bin',
    ]) {
      expect(isLeftOut(n)).toBe(true);
    }
    for (const n of ['manifest.json', 'articles', 'saved-searches.json', 'tag-rules.json']) {
      expect(isLeftOut(n)).toBe(false);
    }
  });
});

describe('DamagedBackupError', () => {
  it('names up to ten entries in one line and keeps them all', () => {
    const entries = Array.from({ length: 13 }, (_, i) => ({
      name: `library/f${i}`,
      reason: 'bad',
    }));
    const e = new DamagedBackupError('/x/b.zip', entries);
    expect(e.code).toBe('LIBRARY_CORRUPT');
    expect(e.message).not.toContain('\n');
    expect(e.message).toContain('13 damaged entries');
    expect(e.message).toContain('library/f9 (bad)');
    expect(e.message).not.toContain('library/f10 ');
    expect(e.message).toContain('and 3 more');
    expect(e.entries).toHaveLength(13);
  });
});
