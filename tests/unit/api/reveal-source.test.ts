// "Show in folder" hands the shell only the recorded source path, and only while it exists.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revealSource } from '../../../main/api/reveal-source';
import { tempDir } from '../core/tmp-dir';

describe('revealSource', () => {
  const dir = tempDir('ar-reveal-');

  it('reveals an existing source file', async () => {
    const file = join(dir, 'story.txt');
    writeFileSync(file, 'text');
    const shown: string[] = [];
    await revealSource((p) => void shown.push(p), file);
    expect(shown).toEqual([file]);
  });

  it('refuses a file that is gone, a folder, or dropped contents, revealing nothing', async () => {
    const shown: string[] = [];
    const reveal = (p: string) => void shown.push(p);
    mkdirSync(join(dir, 'folder.txt'));
    await expect(revealSource(reveal, join(dir, 'gone.txt'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no longer there'),
    });
    await expect(revealSource(reveal, join(dir, 'folder.txt'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(revealSource(reveal, null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('dropped'),
    });
    expect(shown).toEqual([]);
  });

  it('says clearly where there is no file manager to show it in', async () => {
    await expect(revealSource(undefined, join(dir, 'story.txt'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Show in folder works only in the desktop app.',
    });
  });
});
