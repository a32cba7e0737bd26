import { describe, expect, it } from 'vitest';
import type { ApiEvent, ApiEvents } from '../../../main/contract/api-contract';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers, type CallInfo } from '../../../main/api/handlers';
import { ImportRegistry } from '../../../main/api/import-registry';
import { PathGrants } from '../../../main/api/path-grants';
import { throttleProgress } from '../../../main/core/import/progress-throttle';
import { fakeEngine } from './fake-engine';

const call: CallInfo = { transport: 'test' };

// The handler logic under test does not touch the disk: every path "exists" as written.
// Real paths and symlinks are tested in path-grants.test.ts.
const asWritten = { realpath: (p: string) => p };

function setup(grants = new PathGrants(['/granted'], asWritten)) {
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
    events.push({ event, payload });
  const slot = new EngineSlot(emit);
  const engine = fakeEngine();
  const imports = new ImportRegistry();
  const handlers = createHandlers({
    getEngine: () => slot.get(),
    settings: { get: async () => ({}) as never, update: async () => ({}) as never },
    sampleDir: '/app/resources/samples',
    emit,
    paths: grants,
    imports,
    progressIntervalMs: 0,
  });
  const run = (method: string, args: unknown) => dispatch(handlers, method, args, call, {});
  return { events, slot, engine, handlers, run, grants, imports };
}

describe('handler table: imports', () => {
  it('drop-to-import: a granted drop path is imported, an ungranted one is FORBIDDEN', async () => {
    const { slot, engine, run, grants } = setup(new PathGrants([], asWritten));
    await slot.set(engine);
    const refused = await run('importPaths', { importId: 'd1', paths: ['/home/u/drop/a.txt'] });
    expect(refused.ok ? '' : refused.error.code).toBe('FORBIDDEN');
    expect(engine.calls.filter((c) => c.method === 'importSources')).toHaveLength(0);

    // What the preload's grant channel does when the user drops a folder.
    grants.grant('/home/u/drop');
    const r = await run('importPaths', {
      importId: 'd2',
      paths: ['/home/u/drop/a.txt', '/home/u/drop/sub'],
    });
    expect(r.ok).toBe(true);
    expect(engine.calls.at(-1)).toEqual({
      method: 'importSources',
      args: [[{ path: '/home/u/drop/a.txt' }, { path: '/home/u/drop/sub' }]],
    });
  });

  it('refuses a whole batch when any path is outside the grants', async () => {
    const { slot, engine, run } = setup();
    await slot.set(engine);
    const r = await run('importPaths', {
      importId: 'x',
      paths: ['/granted/a.txt', '/granted/../../etc/passwd'],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('FORBIDDEN');
      expect(r.error.message).toContain('/etc/passwd');
    }
    expect(engine.calls).toHaveLength(0);
  });

  it('streams importProgress events tagged with the importId', async () => {
    const { slot, engine, run, events } = setup();
    await slot.set(engine);
    const r = await run('importContents', {
      importId: 'c1',
      files: [
        { name: 'a.txt', data: new TextEncoder().encode('A') },
        { name: 'b.txt', data: new TextEncoder().encode('B') },
      ],
    });
    expect(r.ok).toBe(true);
    const progress = events.filter((e) => e.event === 'importProgress').map((e) => e.payload);
    expect(progress).toEqual([
      expect.objectContaining({ importId: 'c1', done: 1, total: 2, current: 'a.txt' }),
      expect.objectContaining({ importId: 'c1', done: 2, total: 2, current: 'b.txt' }),
    ]);
  });

  it('importSample imports the bundled sample folder without a grant', async () => {
    const { slot, engine, run } = setup(new PathGrants([], asWritten));
    await slot.set(engine);
    expect((await run('importSample', { importId: 's' })).ok).toBe(true);
    expect(engine.calls.at(-1)?.args).toEqual([[{ path: '/app/resources/samples' }]]);
  });

  it('cancelImport aborts the running import by id; what was imported stays', async () => {
    const { slot, engine, run, events } = setup();
    await slot.set(engine);
    engine.stepping = true;
    const running = run('importPaths', {
      importId: 'big',
      paths: ['/granted/1.txt', '/granted/2.txt', '/granted/3.txt'],
    });
    await new Promise((r) => setTimeout(r, 5));
    engine.step(); // file 1 done
    await new Promise((r) => setTimeout(r, 5));
    expect(await run('cancelImport', { importId: 'other' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    expect(await run('cancelImport', { importId: 'big' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    engine.step(); // file 2 finishes, then the signal stops the batch
    const r = await running;
    expect(r.ok).toBe(true);
    if (r.ok) {
      const summary = r.value as { cancelled: boolean; imported: unknown[] };
      expect(summary.cancelled).toBe(true);
      expect(summary.imported).toHaveLength(2);
    }
    expect(events.filter((e) => e.event === 'importProgress')).toHaveLength(2);
    // The id is free again once the import has finished.
    expect(await run('cancelImport', { importId: 'big' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('refuses a second import under an id still running', async () => {
    const { slot, engine, run } = setup();
    await slot.set(engine);
    engine.stepping = true;
    const first = run('importPaths', { importId: 'dup', paths: ['/granted/1.txt'] });
    const second = await run('importPaths', { importId: 'dup', paths: ['/granted/2.txt'] });
    expect(second.ok ? '' : second.error.code).toBe('BAD_ARGUMENT');
    engine.step();
    expect((await first).ok).toBe(true);
  });
});

describe('engine slot', () => {
  it('forwards engine changes as libraryChanged and announces a switch', async () => {
    const { slot, events } = setup();
    const a = fakeEngine('/a');
    const b = fakeEngine('/b');
    await slot.set(a);
    a.fire({ reason: 'tags', ids: ['0123456789abcdef'] });
    await slot.set(b);
    expect(a.closed).toBe(true);
    a.fire({ reason: 'trash' }); // the old engine no longer reaches the renderer
    b.fire({ reason: 'import' });
    expect(events.map((e) => e.payload)).toEqual([
      { reason: 'tags', ids: ['0123456789abcdef'] },
      { reason: 'switch' },
      { reason: 'import' },
    ]);
  });

  it('calls without an open library fail with a readable error', async () => {
    const { run } = setup();
    const r = await run('listTags', {});
    expect(r.ok ? '' : r.error.code).toBe('IO');
  });
});

describe('progress throttle', () => {
  it('sends the first, at most one per interval, and flushes the last', () => {
    let t = 0;
    const sent: number[] = [];
    const th = throttleProgress<number>(
      (v) => sent.push(v),
      50,
      () => t,
    );
    for (let i = 1; i <= 10; i++) {
      th.report(i);
      t += 20;
    }
    th.flush();
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(10);
    expect(sent.length).toBeLessThan(10);
    th.flush();
    expect(sent.at(-1)).toBe(10);
  });
});
