// Backup and restore over real libraries: the round trip, and every kind of damaged backup
// refused with its damaged entries named and nothing restored.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupResultSchema, restoreResultSchema } from '../../../main/contract/backup';
import { DamagedBackupError } from '../../../main/core/backup/damaged-backup-error';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { writeBackup } from '../../../main/core/backup/write-backup';
import { isArchiveError } from '../../../main/core/errors';
import { openLibrary } from '../../../main/core/library';
import { tempDir } from '../cli/run-cli';
import {
  describeLibrary,
  makeLibrary,
  manifestOf,
  readZip,
  renameInZip,
  writeZip,
  type ZipEntryData,
} from './backup-fixture';

let base: string;
let library: string;
let backup: string;

beforeAll(async () => {
  base = tempDir('ar-backup-');
  library = join(base, 'library');
  await makeLibrary(library, join(base, 'src'), 12);
  backup = join(base, 'library.zip');
  await writeBackup(library, backup, { appVersion: '9.9.9' });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Restores into a fresh folder and expects a DamagedBackupError; returns it. */
async function expectDamaged(file: string): Promise<DamagedBackupError> {
  const target = join(tempDir('ar-restore-parent-'), 'restored');
  const failure = await restoreBackup(file, target).then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(DamagedBackupError);
  expect(existsSync(target)).toBe(false);
  // No temp folder is left beside the target either.
  expect(readdirSync(join(target, '..'))).toEqual([]);
  return failure as DamagedBackupError;
}

/** A copy of the backup with its entries changed by `edit`. */
async function editedBackup(
  name: string,
  edit: (entries: ZipEntryData[]) => ZipEntryData[],
): Promise<string> {
  const path = join(base, name);
  await writeZip(path, edit(await readZip(backup)));
  return path;
}

const anArticle = (entries: ZipEntryData[]): ZipEntryData =>
  entries.find((e) => e.name.startsWith('library/articles/'))!;

describe('backup', () => {
  it('writes a zip holding the library files and a manifest of sizes and SHA-256s', async () => {
    const entries = await readZip(backup);
    const names = entries.map((e) => e.name);
    expect(names).toContain('library/manifest.json');
    // The 12 articles are records of one pack; its index (a cache) is left out.
    expect(names.filter((n) => n.startsWith('library/articles/'))).toEqual([
      'library/articles/packs/000001.pack',
    ]);
    // Caches and the lock are left out.
    expect(names.some((n) => /catalog|\/index\/|\/lock/.test(n))).toBe(false);
    const manifest = JSON.parse(manifestOf(entries)) as {
      app: { version: string };
      contents: Record<string, number>;
      entries: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.app.version).toBe('9.9.9');
    expect(manifest.contents).toEqual({
      articles: 12,
      trashed: 1,
      tags: 2,
      highlights: 2,
      notes: 1,
      favourites: 1,
      read: 2,
    });
    expect(manifest.entries.map((e) => e.path).sort()).toEqual(
      names.filter((n) => n !== 'archive-reader-backup.json').sort(),
    );
    const { createHash } = await import('node:crypto');
    for (const e of manifest.entries) {
      const bytes = entries.find((x) => x.name === e.path)!.bytes;
      expect(bytes.length).toBe(e.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(e.sha256);
    }
  });

  it('answers a result the contract accepts, and leaves no temp file', async () => {
    const dir = tempDir('ar-backup-out-');
    const result = await writeBackup(library, join(dir, 'b.zip'), { appVersion: '1' });
    expect(backupResultSchema.parse(result).files).toBe(2);
    expect(readdirSync(dir)).toEqual(['b.zip']);
  });

  it('refuses a backup file inside the library, and a folder as the file', async () => {
    await expect(
      writeBackup(library, join(library, 'inside.zip'), { appVersion: '1' }),
    ).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(writeBackup(library, base, { appVersion: '1' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    expect(existsSync(join(library, 'inside.zip'))).toBe(false);
  });

  it('a failed backup leaves no half file (the folder cannot be written)', async () => {
    const missing = join(base, 'no-such-folder', 'b.zip');
    await expect(writeBackup(library, missing, { appVersion: '1' })).rejects.toSatisfy(
      isArchiveError,
    );
    expect(existsSync(join(base, 'no-such-folder'))).toBe(false);
  });

  it('a cancelled backup leaves no file at all', async () => {
    const dir = tempDir('ar-backup-cancel-');
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeBackup(library, join(dir, 'b.zip'), { appVersion: '1', signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('restore', () => {
  it('restores the same articles, tags, states and highlights, and check is clean', async () => {
    const target = join(base, 'restored');
    const phases = new Set<string>();
    const result = await restoreBackup(backup, target, { onProgress: (p) => phases.add(p.phase) });
    expect(restoreResultSchema.parse(result).contents).toMatchObject({ articles: 12, notes: 1 });
    expect([...phases]).toEqual(['verifying', 'indexing']);
    const before = await openLibrary(library, { readOnly: true });
    const after = await openLibrary(target, { readOnly: true });
    try {
      expect(await describeLibrary(after)).toEqual(await describeLibrary(before));
      const report = await after.check();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      // Search works at once: the index was rebuilt during the restore.
      const title = (await before.list({ limit: 1 })).items[0]!.title;
      expect((await after.search({ query: `"${title}"` })).total).toBeGreaterThan(0);
    } finally {
      await before.close();
      await after.close();
    }
  });

  it('restores into an existing empty folder', async () => {
    const target = join(base, 'empty-target');
    mkdirSync(target);
    const result = await restoreBackup(backup, target);
    expect(result.files).toBe(2);
    expect(existsSync(join(target, 'manifest.json'))).toBe(true);
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    const target = join(base, 'busy');
    mkdirSync(target);
    writeFileSync(join(target, 'notes.txt'), 'mine');
    await expect(restoreBackup(backup, target)).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringContaining('not empty') as unknown,
    });
    expect(readdirSync(target)).toEqual(['notes.txt']);
    expect(readdirSync(base).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('names an entry with a flipped byte in its compressed data', async () => {
    const path = join(base, 'flipped.zip');
    writeFileSync(path, readFileSync(backup));
    const zip = await yauzl.openPromise(path, {});
    let victim = '';
    let offset = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.startsWith('library/articles/')) {
        victim = entry.fileName;
        // Local header (30 bytes) + name + extra field, then the data; flip a byte inside it.
        offset =
          entry.relativeOffsetOfLocalHeader +
          30 +
          entry.fileNameLength +
          entry.extraFieldLength +
          Math.floor(entry.compressedSize / 2);
        break;
      }
    }
    zip.close();
    const bytes = readFileSync(path);
    bytes[offset] = bytes[offset]! ^ 0x5a;
    writeFileSync(path, bytes);
    const e = await expectDamaged(path);
    expect(e.entries.map((x) => x.name)).toEqual([victim]);
    expect(e.message).toContain(victim);
  });

  it('names an entry whose bytes differ from its checksum', async () => {
    let victim = '';
    const path = await editedBackup('changed.zip', (entries) => {
      const entry = anArticle(entries);
      victim = entry.name;
      entry.bytes = Buffer.from(entry.bytes);
      entry.bytes[10] = entry.bytes[10]! ^ 1;
      return entries;
    });
    const e = await expectDamaged(path);
    expect(e.entries).toEqual([{ name: victim, reason: expect.stringContaining('SHA-256') }]);
  });

  it('names a truncated entry, a missing entry and an entry not in the manifest', async () => {
    const names: string[] = [];
    const path = await editedBackup('several.zip', (entries) => {
      // The articles are one pack, so the library's manifest is the entry that goes missing.
      const articles = entries.filter((e) => e.name.startsWith('library/'));
      const cut = articles[0]!;
      cut.bytes = cut.bytes.subarray(0, cut.bytes.length - 5);
      names.push(cut.name, articles[1]!.name, 'library/stray.json');
      return [
        ...entries.filter((e) => e !== articles[1]),
        { name: 'library/stray.json', bytes: Buffer.from('{}') },
      ];
    });
    const e = await expectDamaged(path);
    expect(e.entries.map((x) => x.name).sort()).toEqual([...names].sort());
    expect(e.entries.find((x) => x.name === names[1])!.reason).toBe('missing from the archive');
    expect(e.entries.find((x) => x.name === names[2])!.reason).toBe('not in the manifest');
    for (const n of names) expect(e.message).toContain(n);
  });

  it('refuses entry names that climb out or are absolute, writing nothing outside', async () => {
    const path = await editedBackup('traversal.zip', (entries) => [
      ...entries,
      { name: 'xx/evil.json', bytes: Buffer.from('{}') },
      { name: 'xetc/evil.json', bytes: Buffer.from('{}') },
      { name: 'library/xx/yy/evil.json', bytes: Buffer.from('{}') },
    ]);
    renameInZip(path, 'xx/evil.json', '../evil.json');
    renameInZip(path, 'xetc/evil.json', '/etc/evil.json');
    renameInZip(path, 'library/xx/yy/evil.json', 'library/../yy/evil.json');
    const e = await expectDamaged(path);
    const reasons = new Map(e.entries.map((x) => [x.name, x.reason]));
    expect(reasons.get('../evil.json')).toMatch(/climbs out/);
    expect(reasons.get('/etc/evil.json')).toMatch(/absolute/);
    expect(reasons.get('library/../yy/evil.json')).toMatch(/climbs out/);
    expect(existsSync(join(base, 'evil.json'))).toBe(false);
  });

  it('refuses a manifest that lists a path outside the library', async () => {
    const path = await editedBackup('bad-manifest.zip', (entries) =>
      entries.map((e) => {
        if (e.name !== 'archive-reader-backup.json') return e;
        const m = JSON.parse(e.bytes.toString('utf8')) as { entries: { path: string }[] };
        m.entries[0]!.path = '../../outside.json';
        return { ...e, bytes: Buffer.from(JSON.stringify(m)) };
      }),
    );
    const e = await expectDamaged(path);
    expect(e.entries.map((x) => x.name)).toContain('../../outside.json');
  });

  it('refuses a truncated archive and one without a manifest, restoring nothing', async () => {
    const cut = join(base, 'cut.zip');
    const bytes = readFileSync(backup);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = join(tempDir('ar-restore-parent-'), 'restored');
    await expect(restoreBackup(cut, target)).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      message: expect.stringContaining('not a complete zip') as unknown,
    });
    expect(existsSync(target)).toBe(false);
    const bare = await editedBackup('bare.zip', (entries) =>
      entries.filter((e) => e.name !== 'archive-reader-backup.json'),
    );
    await expect(restoreBackup(bare, target)).rejects.toMatchObject({
      code: 'LIBRARY_CORRUPT',
      message: expect.stringContaining('archive-reader-backup.json') as unknown,
    });
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a backup of a newer format with LIBRARY_VERSION', async () => {
    const path = await editedBackup('newer.zip', (entries) =>
      entries.map((e) => {
        if (e.name !== 'archive-reader-backup.json') return e;
        const m = JSON.parse(e.bytes.toString('utf8')) as { format: number };
        return { ...e, bytes: Buffer.from(JSON.stringify({ ...m, format: 99 })) };
      }),
    );
    await expect(restoreBackup(path, join(base, 'never'))).rejects.toMatchObject({
      code: 'LIBRARY_VERSION',
    });
  });
});
