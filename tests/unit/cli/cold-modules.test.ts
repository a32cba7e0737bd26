// A command loads only the packages it uses: `--help`, `list` and `search` in a fresh process
// must not pay for the entity lexicon, a DOM, the zip packages, the file watcher or the diff,
// `--help` not even for zod, and `search` starts no index worker thread (docs/benchmarks.md,
// "Cold command line"). Each run carries a probe that notes every package the process
// requires, every worker thread it starts and every Intl collator or number format it makes
// (a fresh process pays ~6 ms for its first, ~20 ms for a number format); `backup` shows the
// probe sees a lazily loaded package at all, `reindex` that it sees the index workers, and
// `list --sort title` that it sees a collator.
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

/** The index worker's script, run from source (as here) or built. */
const isIndexWorker = (script: string): boolean =>
  script.endsWith(join('search', 'workers', 'worker.ts')) || script.endsWith('index-worker.js');

const PROBE = `'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const threads = require('node:worker_threads');
const load = Module._load;
const seen = new Set();
const sources = new Set();
const workers = [];
Module._load = function (request) {
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    seen.add(request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]);
  } else if (request.startsWith('.')) {
    sources.add(request.split('/').pop());
  }
  return load.apply(this, arguments);
};
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(script, options) {
    workers.push(String(script));
    super(script, options);
  }
};
Module.syncBuiltinESMExports();
const intl = [];
for (const name of ['Collator', 'NumberFormat']) {
  Intl[name] = new Proxy(Intl[name], {
    construct(target, args, newTarget) {
      intl.push(name);
      return Reflect.construct(target, args, newTarget);
    },
  });
}
process.on('exit', () =>
  writeFileSync(process.env.PROBE_OUT, JSON.stringify({ packages: [...seen], sources: [...sources], workers, intl })),
);
`;

describe('packages loaded per command', () => {
  const dir = tempDir('ar-cli-cold-');
  const library = join(dir, 'library');
  const probe = join(dir, 'probe.cjs');
  let run = 0;

  /** Runs the CLI from source under the probe: its result, the packages and worker threads. */
  async function loaded(args: string[]): Promise<{
    result: CliRun;
    packages: string[];
    sources: string[];
    workers: string[];
    intl: string[];
  }> {
    const out = join(dir, `loaded-${run++}.json`);
    const result = await runProcess(
      process.execPath,
      ['--require', probe, '--import', tsxLoader, cliSource, ...args],
      { PATH: process.env.PATH, HOME: dir, ARCHIVE_READER_LIBRARY: library, PROBE_OUT: out },
    );
    const probed: unknown = JSON.parse(readFileSync(out, 'utf8'));
    if (
      typeof probed !== 'object' ||
      probed === null ||
      !('packages' in probed) ||
      !('sources' in probed) ||
      !Array.isArray(probed.sources) ||
      !('workers' in probed) ||
      !('intl' in probed) ||
      !Array.isArray(probed.packages) ||
      !Array.isArray(probed.workers) ||
      !Array.isArray(probed.intl)
    ) {
      throw new Error('the probe wrote no lists');
    }
    return {
      result,
      packages: probed.packages.map(String),
      sources: probed.sources.map(String),
      workers: probed.workers.map(String),
      intl: probed.intl.map(String),
    };
  }

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, PROBE);
    const imported = await runCli(['import', writeArticles()], {
      env: { ARCHIVE_READER_LIBRARY: library },
    });
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);

  it('--help loads none of them, nor the search engine, nor zod', async () => {
    for (const args of [['--help'], ['help', 'search'], ['list', '--help']]) {
      const { result, packages } = await loaded(args);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Usage: archive-reader/);
      expect(packages.filter((p) => HEAVY.includes(p))).toEqual([]);
      expect(packages).not.toContain('lunr');
      expect(packages).not.toContain('zod');
    }
  }, 60_000);

  it('a bad command line is still refused without loading the engine', async () => {
    const { result, packages } = await loaded(['list', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--bogus'/);
    expect(packages).not.toContain('lunr');
    // Options checked by the contract's schemas still are, once the command is known.
    const color = await loaded(['highlight', '0123456789abcdef', 'text', '--color', 'red']);
    expect(color.result.code).toBe(2);
    expect(color.result.stderr).toMatch(/--color must be one of/);
  }, 60_000);

  it('search starts no index worker; a reindex still does', async () => {
    for (const query of ['copper', 'place:london copper']) {
      const search = await loaded(['search', query, '--json']);
      expect(search.result.code, search.result.stderr).toBe(0);
      expect(search.workers.filter(isIndexWorker)).toEqual([]);
    }
    const reindex = await loaded(['reindex']);
    expect(reindex.result.code, reindex.result.stderr).toBe(0);
    expect(reindex.workers.some(isIndexWorker)).toBe(true);
  }, 60_000);

  it('list and search load none of them and still answer', async () => {
    const list = await loaded(['list', '--limit', '20', '--json']);
    expect(list.result.code, list.result.stderr).toBe(0);
    expect(JSON.parse(list.result.stdout)).toMatchObject({ total: 3 });
    expect(list.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    // `list` opens the catalogue alone (catalog-list.ts): not the engine, nor its search.
    expect(list.packages).not.toContain('lunr');
    expect(list.packages).not.toContain('approx-string-match');

    const search = await loaded(['search', 'copper', '--json']);
    expect(search.result.code, search.result.stderr).toBe(0);
    expect(JSON.parse(search.result.stdout)).toMatchObject({ total: 2 });
    expect(search.packages.filter((p) => HEAVY.includes(p))).toEqual([]);
    // A search that asks no names opens no engine (catalog-search.ts); one by name does.
    expect(search.sources).toContain('segmented-index');
    expect(search.sources).not.toContain('library-engine');
    expect(search.packages).not.toContain('approx-string-match');
    const byName = await loaded(['search', 'person:copper', '--json']);
    expect(byName.result.code, byName.result.stderr).toBe(0);
    expect(byName.sources).toContain('library-engine');
  }, 60_000);

  it('loads no stemmer of a language the library does not hold', async () => {
    // The fixture is English, which Lunr itself stems: lunr-languages stays unloaded.
    const list = await loaded(['list', '--json']);
    expect(list.result.code, list.result.stderr).toBe(0);
    expect(list.packages).not.toContain('lunr-languages');
    const search = await loaded(['search', 'copper', '--json']);
    expect(search.result.code, search.result.stderr).toBe(0);
    expect(JSON.parse(search.result.stdout)).toMatchObject({ total: 2 });
    expect(search.packages).toContain('lunr');
    expect(search.packages).not.toContain('lunr-languages');
  }, 60_000);

  it('list and search make no collator or number format; a list by title does', async () => {
    const list = await loaded(['list', '--json']);
    expect(list.result.code, list.result.stderr).toBe(0);
    expect(list.intl).toEqual([]);
    const search = await loaded(['search', 'copper', '--json']);
    expect(search.result.code, search.result.stderr).toBe(0);
    expect(JSON.parse(search.result.stdout)).toMatchObject({ total: 2 });
    expect(search.intl).toEqual([]);
    // The probe sees one when a command puts titles in order.
    const byTitle = await loaded(['list', '--sort', 'title', '--json']);
    expect(byTitle.result.code, byTitle.result.stderr).toBe(0);
    expect(byTitle.intl).toContain('Collator');
  }, 60_000);

  it('sees a package a command loads on first use (backup: the zip writer)', async () => {
    const { result, packages } = await loaded(['backup', join(dir, 'backup.zip')]);
    expect(result.code, result.stderr).toBe(0);
    expect(packages).toContain('yazl');
  }, 60_000);
});
