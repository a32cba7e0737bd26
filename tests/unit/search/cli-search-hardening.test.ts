// The command line over the hardened search: the long fuzzy word answers at once,
// capped words are named (a stderr note per word, `capped` in JSON), an article holding a
// 10 MB run of letters breaks neither search nor reindex, and `empty-trash` deletes the trash.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir, type CliRun } from '../cli/run-cli';

const library = tempDir('ar-cli-search-');
const env = { ARCHIVE_READER_LIBRARY: library };
const cli = (...args: string[]): Promise<CliRun> => runCli(args, { env });
const ok = (run: CliRun): CliRun => {
  expect(run.code, run.stderr).toBe(0);
  return run;
};

interface Imported {
  imported: { id: string; title: string }[];
}

let ids: Record<string, string> = {};

beforeAll(async () => {
  const dir = tempDir('ar-cli-search-files-');
  mkdirSync(join(dir, 'in'));
  // 300 words starting with "zq": more than one prefix may stand for.
  const prefixed = Array.from({ length: 300 }, (_, k) => `zq${k.toString(36).padStart(2, '0')}w`);
  writeFileSync(join(dir, 'in', 'many.txt'), `Many words\n\nWords: ${prefixed.join(' ')}.\n`);
  writeFileSync(
    join(dir, 'in', 'run.txt'),
    `A run of letters\n\nThe osprey log. ${'a'.repeat(10_000_000)} The end.\n`,
  );
  writeFileSync(join(dir, 'in', 'gone.txt'), 'Soon gone\n\nAn osprey passed by the trash.\n');
  const run = ok(await cli('import', join(dir, 'in'), '--json'));
  ids = Object.fromEntries(json<Imported>(run).imported.map((a) => [a.title, a.id]));
  expect(Object.keys(ids)).toHaveLength(3);
}, 120_000);

describe('search', () => {
  it('answers the 320-letter fuzzy word at once (it ran out of heap after 53 s)', async () => {
    const t0 = Date.now();
    const run = ok(await cli('search', '--', `${'ab'.repeat(160)}~2`));
    expect(run.stdout).toContain('No matching articles.');
    // Spawning the CLI from source takes a few seconds of this.
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('finds words in and around an article with a 10 MB run of letters', async () => {
    const run = ok(await cli('search', 'osprey', '--json'));
    const hits = json<{ hits: { id: string }[] }>(run).hits.map((h) => h.id);
    expect(hits).toContain(ids['A run of letters']);
    expect(hits).toContain(ids['Soon gone']);
    // The run is indexed as its first 255 letters: a query for it finds the article.
    const long = ok(await cli('search', 'a'.repeat(300), '--json'));
    expect(json<{ total: number }>(long).total).toBe(1);
  });

  it('names each capped word: a note on stderr, `capped` in JSON', async () => {
    const text = ok(await cli('search', 'zq*', 'OR', 'osprey'));
    expect(text.stdout).toContain('Many words');
    expect(text.stderr).toBe(
      'note: zq* matches 300 words; only the 256 most frequent were searched.\n',
    );
    const data = json<{ capped: unknown[] }>(ok(await cli('search', 'zq*', '--json')));
    expect(data.capped).toEqual([
      {
        word: 'zq*',
        kind: 'prefix',
        expanded: 256,
        message: 'zq* matches 300 words; only the 256 most frequent were searched.',
      },
    ]);
    expect(json<{ capped: unknown[] }>(ok(await cli('search', 'osprey', '--json'))).capped).toEqual(
      [],
    );
  });
});

describe('reindex and empty-trash', () => {
  it('reindexes a library holding the run of letters', async () => {
    ok(await cli('reindex'));
    const run = ok(await cli('search', 'osprey', '--json'));
    expect(json<{ total: number }>(run).total).toBe(2);
  });

  it('deletes the trash for good and says how many', async () => {
    ok(await cli('remove', ids['Soon gone']!));
    const text = ok(await cli('empty-trash'));
    expect(text.stdout).toBe('Deleted 1 article from the trash for good.\n');
    expect(json(ok(await cli('empty-trash', '--json')))).toEqual({ removed: 0 });
    expect(ok(await cli('empty-trash')).stdout).toBe('The trash is empty; nothing was removed.\n');
    const shown = await cli('show', ids['Soon gone']!);
    expect(shown.code).toBe(3);
    const usage = await cli('empty-trash', 'extra');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/too many arguments; usage: empty-trash/);
  });
});
