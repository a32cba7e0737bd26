import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseJobs } from '../../../main/core/import/parse-jobs';
import { ParsePool, parseWorkerBeside } from '../../../main/core/import/parse-pool';
import type { ParseJob } from '../../../main/core/import/parse-protocol';
import { builtWorkerScript, sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import { runImport, type PendingArticle } from '../../../main/core/import/pipeline';
import { articleIdOf } from '../../../main/core/import/prepare-article';
import type { ImportSummary } from '../../../main/contract/types';
import { article, writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const root = resolve(__dirname, '..', '..', '..');
const parseScript = sourceWorkerScript(root, 'parse-worker');
const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const worker = { script: parseScript, execArgv: ['--import', loader] };

const enc = new TextEncoder();
const job = (name: string, bytes: Uint8Array): ParseJob => ({
  bytes,
  name,
  path: null,
  id: articleIdOf(bytes),
});

// Texts in several scripts and encodings, plus files that must fail.
const jobs: ParseJob[] = [
  job('en.txt', enc.encode(article(1))),
  job(
    'de.txt',
    enc.encode(
      'Die Regierung\n\nBERLIN – Die Regierung hat am Montag beschlossen, dass die neuen Regeln für alle gelten.',
    ),
  ),
  job(
    'latin1.txt',
    iconv.encode('Café à Paris\n\nPARIS – Le café était déjà fermé à côté de l’église.', 'latin1'),
  ),
  job(
    'ru.txt',
    enc.encode(
      'Новости дня\n\nМОСКВА – Правительство объявило о новых мерах поддержки в понедельник.',
    ),
  ),
  job('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  job('blank.txt', enc.encode('   \n\t\n')),
];

// importedAt is the clock at parse time; everything else must match exactly.
const withoutClock = (outcomes: ReturnType<typeof parseJobs>) =>
  outcomes.map((o) => (o.ok ? { ...o, record: { ...o.record, importedAt: '' } } : o));

describe('parse workers', () => {
  it('finds the parse worker beside the built or source index worker', () => {
    const out = join(root, 'out', 'main');
    expect(parseWorkerBeside(builtWorkerScript(out, 'index-worker'))).toBe(
      join(out, 'parse-worker.js'),
    );
    expect(parseWorkerBeside(sourceWorkerScript(root, 'index-worker'))).toBe(parseScript);
    expect(parseWorkerBeside(join(root, 'elsewhere', 'custom.js'))).toBeNull();
  });

  it('parses on a worker exactly as on the calling thread', async () => {
    const pool = new ParsePool(worker);
    try {
      const remote = await pool.parse(jobs);
      expect(withoutClock(remote)).toEqual(withoutClock(parseJobs(jobs)));
      expect(remote.map((o) => o.ok)).toEqual([true, true, true, true, false, false]);
      expect(pool.workerBatches).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('parses on the calling thread when the worker cannot start', async () => {
    const pool = new ParsePool({ script: join(tempDir(), 'missing-worker.js') });
    try {
      const outcomes = await pool.parse(jobs);
      expect(withoutClock(outcomes)).toEqual(withoutClock(parseJobs(jobs)));
      expect(pool.workerBatches).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe('import with parse workers', () => {
  // Enough files for several batches, with duplicates across batches and bad files between.
  const files: Record<string, string | Uint8Array> = {};
  for (let i = 0; i < 150; i++) {
    const name = `f${String(i).padStart(3, '0')}.txt`;
    if (i % 17 === 5) files[name] = '';
    else if (i % 23 === 7) files[name] = new Uint8Array([0, 1, 2, 3, 0, 0, 0, 4, 5]);
    else if (i % 11 === 3) files[name] = article(i - 3 >= 0 ? i - 3 : 0);
    else files[name] = article(i);
  }

  const importOnce = async (dir: string, existing: Map<string, string>, parser?: typeof worker) => {
    const committed: PendingArticle[] = [];
    const summary = await runImport(
      [{ path: dir }],
      {
        existingTitle: (id) => existing.get(id),
        commit: async (chunk) => {
          committed.push(...chunk);
        },
      },
      {},
      parser,
    );
    return { summary, committed };
  };
  const shape = (s: ImportSummary) => ({ ...s, failed: s.failed.map((f) => f.path + f.reason) });

  it('gives the same summary, order and articles as importing on one thread', async () => {
    const dir = tempDir();
    writeArticles(dir, files);
    const existing = new Map([[articleIdOf(enc.encode(article(40))), 'Already here']]);
    const local = await importOnce(dir, existing);
    const remote = await importOnce(dir, existing, worker);

    expect(local.summary.imported.length).toBeGreaterThan(100);
    expect(local.summary.duplicates.length).toBeGreaterThan(5);
    expect(local.summary.failed.length).toBeGreaterThan(5);
    expect(shape(remote.summary)).toEqual(shape(local.summary));
    expect(remote.summary.duplicates).toContainEqual(
      expect.objectContaining({ title: 'Already here' }),
    );
    const view = (c: PendingArticle[]) =>
      c.map((p) => ({
        ...p,
        article: { ...p.article, record: { ...p.article.record, importedAt: '' } },
      }));
    expect(view(remote.committed)).toEqual(view(local.committed));
  }, 60_000);
});
