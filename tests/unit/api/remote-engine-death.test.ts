// The engine host survives its worker dying: out of memory, an exit, an uncaught error.
// Every call the worker held fails with one clear error, the lock it held is released, a new
// worker reopens the library, and later calls and change events work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ArchiveError } from '../../../main/core/errors';
import type { LibraryChange } from '../../../main/core/engine';
import {
  openRemoteEngine,
  type RemoteEngineOptions,
  type RestartEvent,
} from '../../../main/core/host/remote-engine';
import { Library } from '../../../main/core/library';
import { DEATHS, DEATH_EXIT_CODE, DIES_ON_OPEN } from './engine-deaths';

const hostScript = resolve(__dirname, 'dying-engine-worker.ts');
const hostExecArgv = ['--import', 'tsx'];
const N = 12;

let root: string;
let source: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'engine-death-'));
  source = join(root, 'in');
  mkdirSync(source);
  for (let i = 0; i < N; i++) {
    writeFileSync(
      join(source, `a${i}.txt`),
      `Dispatch ${i} from the valley\n\nThe valley dispatch number ${i} told of the harvest ${i}.\n`,
    );
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deaths = [
  {
    name: 'runs out of memory',
    query: DEATHS.outOfMemory,
    // A small cap, so the thread reaches it in a moment.
    options: { hostHeapMb: 128 },
    cause: 'out-of-memory',
    why: 'it ran out of memory',
  },
  {
    name: 'exits',
    query: DEATHS.exit,
    options: {},
    cause: 'exit',
    why: `its thread exited with code ${DEATH_EXIT_CODE}`,
  },
  {
    name: 'throws outside any call',
    query: DEATHS.uncaught,
    options: {},
    cause: 'error',
    why: 'it failed: thrown outside any call',
  },
] as const;

describe('when the engine worker dies', () => {
  it.each(deaths)(
    'it $name: pending calls fail with one clear error, the library reopens, later calls work',
    async ({ query, options, cause, why }) => {
      const dir = join(root, `lib-${cause}`);
      const restarts: RestartEvent[] = [];
      const engine = await openRemoteEngine(dir, {
        hostScript,
        hostExecArgv,
        onRestart: (e) => restarts.push(e),
        ...(options as Partial<RemoteEngineOptions>),
      });
      let closed = false;
      try {
        const changes: LibraryChange['reason'][] = [];
        engine.onChange((c) => changes.push(c.reason));
        const summary = await engine.importSources([{ path: source }]);
        expect(summary.imported).toHaveLength(N);

        // The deadly call and one queued behind it both fail, with the same message.
        const deadly = engine.search({ query }).catch((e: unknown) => e);
        const queued = engine.list().catch((e: unknown) => e);
        const errors = await Promise.all([deadly, queued]);
        for (const e of errors) {
          expect(e).toBeInstanceOf(ArchiveError);
          expect((e as ArchiveError).code).toBe('INTERNAL');
          expect((e as ArchiveError).message).toBe(
            `The library engine stopped (${why}) and was restarted; try again.`,
          );
        }
        expect(restarts).toEqual([expect.objectContaining({ cause, error: null })]);

        // The new worker has the library, its index and its lock.
        const page = await engine.list({ limit: 3 });
        expect(page.total).toBe(N);
        expect((await engine.search({ query: 'valley' })).total).toBe(N);
        await engine.addTags([page.items[0]!.id], ['after-restart']);
        expect(changes.filter((c) => c === 'tags')).toHaveLength(1);
        const locked = await Library.open(dir).catch((e: unknown) => e);
        expect((locked as ArchiveError).code).toBe('LOCKED');

        await engine.close();
        closed = true;
        // Closing released the lock: the library opens elsewhere, with the tag kept.
        const again = await Library.open(dir);
        try {
          expect((await again.get(page.items[0]!.id)).tags).toEqual(['after-restart']);
        } finally {
          await again.close();
        }
      } finally {
        if (!closed) await engine.close();
      }
    },
  );

  it('a worker that dies while opening fails the open clearly and leaves no lock behind', async () => {
    const dir = join(root, DIES_ON_OPEN);
    const e = await openRemoteEngine(dir, { hostScript, hostExecArgv }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArchiveError);
    expect((e as ArchiveError).code).toBe('INTERNAL');
    expect((e as ArchiveError).message).toBe(
      `The library engine stopped while opening the library (its thread exited with code ${DEATH_EXIT_CODE}).`,
    );
    const again = await Library.open(dir);
    await again.close();
  });

  it('a worker that dies while its engine is closing leaves no lock behind', async () => {
    const dir = join(root, 'lib-closing');
    const engine = await openRemoteEngine(dir, { hostScript, hostExecArgv });
    await engine.importSources([{ path: source }]);
    const dying = engine.search({ query: DEATHS.exit }).catch((e: unknown) => e);
    await engine.close();
    const e = await dying;
    expect(e).toBeInstanceOf(ArchiveError);
    expect((e as ArchiveError).code).toBe('INTERNAL');
    const again = await Library.open(dir);
    try {
      expect((await again.list()).total).toBe(N);
    } finally {
      await again.close();
    }
  });
});
