// RemoteEngine with the real engine worker and the real Library, importing real files into
// a temporary library: the progress and cancel protocol across the thread boundary, and the
// same through the handler table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent, ApiEvents } from '../../../main/contract/api-contract';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers } from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import { ArchiveError } from '../../../main/core/errors';
import { openRemoteEngine } from '../../../main/core/host/remote-engine';
import { sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import type { ImportProgress, ImportSummary } from '../../../main/contract/types';
import { repoRoot } from '../../support/shared-data';

const hostScript = sourceWorkerScript(repoRoot, 'engine-host');
const hostExecArgv = ['--import', 'tsx'];
const words = ['harbour', 'council', 'river', 'market', 'railway', 'festival', 'drought', 'school'];

function article(i: number): string {
  const w = words[i % words.length]!;
  return `Report number ${i} on the ${w}\n\nLONDON – The ${w} story number ${i} continued today with officials saying more would follow. Residents said item ${i} mattered.\n`;
}

let root: string;
let source: string;
/** A folder big enough that a cancel lands while the import still runs. */
let bigSource: string;
const N = 60;
const BIG = 1500;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'remote-engine-'));
  source = join(root, 'in');
  mkdirSync(join(source, 'sub'), { recursive: true });
  for (let i = 0; i < N; i++) {
    writeFileSync(join(source, i % 2 ? 'sub' : '', `a${i}.txt`), article(i));
  }
  bigSource = join(root, 'big');
  mkdirSync(bigSource);
  for (let i = 0; i < BIG; i++) writeFileSync(join(bigSource, `b${i}.txt`), article(1000 + i));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const open = (dir: string) => openRemoteEngine(dir, { hostScript, hostExecArgv });

describe('RemoteEngine over the engine worker', () => {
  it('imports a folder with streamed progress, then lists, searches, tags', async () => {
    const engine = await open(join(root, 'lib1'));
    try {
      const changes: string[] = [];
      engine.onChange((c) => changes.push(c.reason));
      const progress: ImportProgress[] = [];
      const summary = await engine.importSources([{ path: source }], {
        onProgress: (p) => progress.push(p),
      });
      expect(summary.imported).toHaveLength(N);
      expect(summary.failed).toEqual([]);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toMatchObject({ done: N, total: N, imported: N });

      const page = await engine.list({ limit: 5 });
      expect(page.total).toBe(N);
      const hits = await engine.search({ query: 'railway' });
      const railway = Array.from({ length: N }, (_, i) => i).filter(
        (i) => words[i % words.length] === 'railway',
      );
      expect(hits.total).toBe(railway.length);
      const id = page.items[0]!.id;
      await engine.addTags([id], ['Remote']);
      expect((await engine.get(id)).tags).toEqual(['Remote']);
      expect(changes).toEqual(expect.arrayContaining(['import', 'tags']));
    } finally {
      await engine.close();
    }
  });

  it('keeps ArchiveError codes across the thread', async () => {
    const engine = await open(join(root, 'lib2'));
    try {
      const err = await engine.get('0123456789abcdef').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArchiveError);
      expect((err as ArchiveError).code).toBe('NOT_FOUND');
    } finally {
      await engine.close();
    }
    const after = await engine.list().catch((e: unknown) => e);
    expect(after).toBeInstanceOf(Error);
  });

  it('reports an open failure (a second writer) with its code', async () => {
    const dir = join(root, 'lib3');
    const first = await open(dir);
    try {
      const err = await open(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ArchiveError);
      expect((err as ArchiveError).code).toBe('LOCKED');
    } finally {
      await first.close();
    }
  });

  it('cancels an import through the signal; what was imported stays', async () => {
    const engine = await open(join(root, 'lib4'));
    try {
      const controller = new AbortController();
      const summary = await engine.importSources([{ path: bigSource }], {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      expect(summary.cancelled).toBe(true);
      expect(summary.imported.length).toBeGreaterThanOrEqual(1);
      expect(summary.imported.length).toBeLessThan(BIG);
      const page = await engine.list({ limit: 1 });
      expect(page.total).toBe(summary.imported.length);
    } finally {
      await engine.close();
    }
  });

  it('carries callbacks and signals in any method: reindex progress, an abort before the call', async () => {
    const engine = await open(join(root, 'lib6'));
    try {
      await engine.importSources([{ path: source }]);
      const progress: { done: number; total: number }[] = [];
      await engine.reindex({ onProgress: (p) => progress.push(p) });
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)).toEqual({ done: N, total: N });
      expect((await engine.search({ query: 'railway' })).total).toBeGreaterThan(0);

      const summary = await engine.importSources([{ path: bigSource }], {
        signal: AbortSignal.abort(),
      });
      expect(summary.cancelled).toBe(true);
      expect(summary.imported).toEqual([]);
      expect((await engine.list({ limit: 1 })).total).toBe(N);

      // Dropped files' bytes cross as they are, beside a callback.
      const dropped = await engine.importSources(
        [{ name: 'dropped.txt', data: new TextEncoder().encode(article(9999)) }],
        { onProgress: () => undefined },
      );
      expect(dropped.imported).toHaveLength(1);
      expect((await engine.get(dropped.imported[0]!.id)).title).toBe(article(9999).split('\n')[0]);
    } finally {
      await engine.close();
    }
  });

  it('serves the handler table: importPaths with progress events, cancelImport', async () => {
    const events: { event: ApiEvent; payload: unknown }[] = [];
    const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
      events.push({ event, payload });
      // Cancel from the "renderer" once the first progress event arrives.
      if (
        event === 'importProgress' &&
        (payload as ApiEvents['importProgress']).importId === 'cancel-me'
      ) {
        void dispatch(handlers, 'cancelImport', { importId: 'cancel-me' }, { transport: 'test' });
      }
    };
    const slot = new EngineSlot(emit);
    await slot.set(await open(join(root, 'lib5')));
    const handlers = createHandlers({
      getEngine: () => slot.get(),
      settings: { get: async () => ({}) as never, update: async () => ({}) as never },
      sampleDir: join(root, 'none'),
      emit,
      paths: new PathGrants([source, bigSource]),
      progressIntervalMs: 0,
    });
    try {
      const r = await dispatch(
        handlers,
        'importPaths',
        { importId: 'cancel-me', paths: [bigSource] },
        { transport: 'test' },
      );
      expect(r.ok).toBe(true);
      const summary = (r as { value: ImportSummary }).value;
      expect(summary.cancelled).toBe(true);
      expect(summary.imported.length).toBeLessThan(BIG);
      const progress = events.filter((e) => e.event === 'importProgress');
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[0]!.payload).toMatchObject({ importId: 'cancel-me' });
      expect(events.some((e) => e.event === 'libraryChanged')).toBe(true);

      const again = await dispatch(
        handlers,
        'importPaths',
        { importId: 'rest', paths: [bigSource] },
        { transport: 'test' },
      );
      const rest = (again as { value: ImportSummary }).value;
      expect(rest.cancelled).toBe(false);
      expect(rest.imported.length + rest.duplicates.length).toBe(BIG);
      expect(rest.duplicates.length).toBe(summary.imported.length);
    } finally {
      await slot.clear();
    }
  });
});
