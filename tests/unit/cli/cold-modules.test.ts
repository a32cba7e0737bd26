// A command loads only the packages it uses: `--help`, `list` and `search` in a fresh process
// must not pay for the entity lexicon, a DOM, the zip packages, the file watcher or the diff
// (docs/benchmarks.md, "Cold command line"). Each run carries a probe that notes every package
// the process requires; `backup` shows the probe sees a lazily loaded package at all.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeArticles } from './library-fixture';
import { cliSource, runCli, runProcess, tempDir, tsxLoader, type CliRun } from './run-cli';

const HEAVY = [
  'compromise',
  'linkedom',
  '@mozilla/readability',
  'chokidar',
  'diff',
  'yazl',
  'yauzl',
  'yaml',
  'chardet',
  'iconv-lite',
];

const PROBE = `'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const load = Module._load;
const seen = new Set();
Module._load = function (request) {
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    seen.add(request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]);
  }
  return load.apply(this, arguments);
};
process.on('exit', () => writeFileSync(process.env.PROBE_OUT, JSON.stringify([...seen])));
`;

describe('packages loaded per command', () => {
  const dir = tempDir('ar-cli-cold-');
  const library = join(dir, 'library');
  const probe = join(dir, 'probe.cjs');
  let run = 0;

  /** Runs the CLI from source under the probe; its result and the packages it loaded. */
  async function loaded(args: string[]): Promise<{ result: CliRun; packages: string[] }> {
    const out = join(dir, `loaded-${run++}.json`);
    const result = await runProcess(
      process.execPath,
      ['--require', probe, '--import', tsxLoader, cliSource, ...args],
      { PATH: process.env.PATH, HOME: dir, ARCHIVE_READER_LIBRARY: library, PROBE_OUT: out },
    );
    const packages: unknown = JSON.parse(readFileSync(out, 'utf8'));
    if (!Array.isArray(packages)) throw new Error('the probe wrote no list');
    return { result, packages: packages.map(String) };
  }

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, PROBE);
    const imported = await runCli(['import', writeArticles()], {
      env: { ARCHIVE_READER_LIBRARY: library },
    });
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);

  it('--help loads none of them, nor the search engine', async () => {
    const { result, packages } = await loaded(['--help']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Usage: archive-reader/);
    expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    expect(packages).not.toContain('lunr');
  }, 60_000);

  it('list and search load none of them and still answer', async () => {
    const list = await loaded(['list', '--limit', '20', '--json']);
    expect(list.result.code, list.result.stderr).toBe(0);
    expect(JSON.parse(list.result.stdout)).toMatchObject({ total: 3 });
    expect(list.packages.filter((p) => HEAVY.includes(p))).toEqual([]);

    const search = await loaded(['search', 'copper', '--json']);
    expect(search.result.code, search.result.stderr).toBe(0);
    expect(JSON.parse(search.result.stdout)).toMatchObject({ total: 2 });
    expect(search.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
  }, 60_000);

  it('sees a package a command loads on first use (backup: the zip writer)', async () => {
    const { result, packages } = await loaded(['backup', join(dir, 'backup.zip')]);
    expect(result.code, result.stderr).toBe(0);
    expect(packages).toContain('yazl');
  }, 60_000);
});
