// `show` says when an article's encoding was a guess (invalid UTF-8 read as windows-1252).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/tmp-dir';
import { json, runCli, type CliRun } from './run-cli';

const env = { ARCHIVE_READER_LIBRARY: '' };
const cli = (...args: string[]): Promise<CliRun> => runCli(args, { env });
const ids = { guessed: '', sure: '' };

beforeAll(async () => {
  env.ARCHIVE_READER_LIBRARY = tempDir('ar-cli-enc-lib-');
  const src = tempDir('ar-cli-enc-src-');
  // "café" with its é cut short: not valid UTF-8.
  writeFileSync(
    join(src, 'broken.txt'),
    Buffer.concat([
      Buffer.from('Menu of the caf'),
      Buffer.from([0xc3]),
      Buffer.from('\n\nCoffee and cake were served in the garden.\n'),
    ]),
  );
  writeFileSync(join(src, 'sure.txt'), 'Café society\n\nThe café opened early on Sunday.\n');
  const run = await cli('import', src, '--json');
  expect(run.code, run.stderr).toBe(0);
  for (const a of json<{ imported: { id: string; path: string }[] }>(run).imported) {
    if (a.path.endsWith('broken.txt')) ids.guessed = a.id;
    else ids.sure = a.id;
  }
});

describe('show and guessed encodings', () => {
  it('prints "Encoding: … (guessed)" only for an article whose encoding was guessed', async () => {
    const guessed = await cli('show', ids.guessed);
    expect(guessed.code, guessed.stderr).toBe(0);
    expect(guessed.stdout.split('\n')).toContain('Encoding: windows-1252 (guessed)');
    const sure = await cli('show', ids.sure);
    expect(sure.code, sure.stderr).toBe(0);
    expect(sure.stdout).not.toContain('Encoding:');
  });

  it('gives encodingGuessed in --json, true or false', async () => {
    const guessed = json<{ encoding: string; encodingGuessed: boolean }>(
      await cli('show', ids.guessed, '--json'),
    );
    expect(guessed).toMatchObject({ encoding: 'windows-1252', encodingGuessed: true });
    const sure = json<{ encoding: string; encodingGuessed: boolean }>(
      await cli('show', ids.sure, '--json'),
    );
    expect(sure).toMatchObject({ encoding: 'UTF-8', encodingGuessed: false });
  });
});
