// The CLI says what the search did with the words: quoted words as written, corrected
// spellings, and "did you mean" (on stderr; in --json as fields).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, runCli, tempDir, type CliRun } from './run-cli';

const library = tempDir('ar-cli-spell-');
const cli = (...args: string[]): Promise<CliRun> =>
  runCli(args, { env: { ARCHIVE_READER_LIBRARY: library } });

interface Result {
  total: number;
  corrected: { from: string; to: string }[];
  didYouMean: { query: string; total: number } | null;
  hits: { title: string }[];
}

beforeAll(async () => {
  const src = tempDir('ar-cli-spell-src-');
  mkdirSync(src, { recursive: true });
  const put = (name: string, text: string) => writeFileSync(join(src, name), text);
  for (let i = 0; i < 40; i++) put(`r${i}.txt`, `Patent ${i}\n\nThe firm receives a patent.`);
  for (let i = 0; i < 3; i++) put(`t${i}.txt`, `Grant ${i}\n\nThe charity recieves a grant.`);
  put('greene.txt', 'Graham Greene\n\nA novel by Graham Greene.');
  put('green.txt', 'Green energy\n\nThe green party met.');
  const run = await cli('import', src);
  expect(run.code, run.stderr).toBe(0);
}, 60_000);

describe('search words', () => {
  it('suggests the better spelling on stderr and in JSON', async () => {
    const human = await cli('search', 'recieves');
    expect(human.code).toBe(0);
    expect(human.stderr).toBe('note: did you mean: receives (40 articles)\n');
    const r = json<Result>(await cli('search', 'recieves', '--json'));
    expect(r.total).toBe(3);
    expect(r.didYouMean).toEqual({ query: 'receives', total: 40 });
    expect(json<Result>(await cli('search', 'receives', '--json')).didYouMean).toBeNull();
  });

  it('finds a quoted word as written only', async () => {
    const titles = (r: Result) => r.hits.map((h) => h.title).sort();
    expect(titles(json<Result>(await cli('search', 'greene', '--json')))).toEqual([
      'Graham Greene',
      'Green energy',
    ]);
    expect(titles(json<Result>(await cli('search', '"Greene"', '--json')))).toEqual([
      'Graham Greene',
    ]);
  });
});
