import { describe, expect, it } from 'vitest';
import type { ApiEvent, ApiEvents, Settings } from '../../../main/contract/api-contract';
import { API_METHODS, apiContract } from '../../../main/contract/api-contract';
import { dispatch, type DispatchLog } from '../../../main/api/dispatch';
import { createHandlers, type CallInfo } from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import { LIMITS } from '../../../main/contract/limits';
import { DEFAULT_SETTINGS } from '../../../main/contract/settings';
import { fakeEngine } from './fake-engine';

const call: CallInfo = { transport: 'test' };
const ID = '0123456789abcdef';

function setup() {
  const engine = fakeEngine();
  const events: { event: ApiEvent; payload: unknown }[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const grants = new PathGrants(['/granted']);
  const handlers = createHandlers({
    getEngine: () => engine,
    settings: {
      get: async () => settings,
      update: async (patch) => (settings = { ...settings, ...patch }),
    },
    sampleDir: '/samples',
    emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => events.push({ event, payload }),
    paths: grants,
  });
  const internal: unknown[] = [];
  const log: DispatchLog = { internal: (_m, e) => internal.push(e) };
  const run = (method: string, args: unknown) => dispatch(handlers, method, args, call, log);
  return { engine, events, handlers, grants, run, internal };
}

describe('dispatch', () => {
  it('has a schema and a handler for every method of the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(apiContract).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
  });

  it('refuses unknown methods, including prototype keys', async () => {
    const { run } = setup();
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await run(m, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    }
  });

  it('runs a valid call and returns its value', async () => {
    const { run, engine } = setup();
    const r = await run('listArticles', { view: 'unread', limit: 50 });
    expect(r).toEqual({ ok: true, value: { total: 0, offset: 0, items: [] } });
    expect(engine.calls.at(-1)).toEqual({
      method: 'list',
      args: [{ view: 'unread', limit: 50 }],
    });
  });

  it('accepts undefined and null for calls without arguments', async () => {
    const { run } = setup();
    expect((await run('listTags', undefined)).ok).toBe(true);
    expect((await run('emptyTrash', null)).ok).toBe(true);
  });

  it.each([
    ['getArticle', { id: '../../x' }, 'id'],
    ['getArticle', { id: '0123456789ABCDEF' }, 'id'],
    ['getArticle', { id: ID + '0' }, 'id'],
    ['getArticle', { id: 42 }, 'id'],
    ['setRead', { ids: [ID, '../../etc/passwd'], read: true }, 'ids.1'],
    ['setRead', { ids: [], read: true }, 'ids'],
    ['setRead', { ids: [ID], read: 'yes' }, 'read'],
    ['setPosition', { id: ID, position: 1.5 }, 'position'],
    ['setPosition', { id: ID, position: Number.NaN }, 'position'],
    ['setPosition', { id: ID, position: Infinity }, 'position'],
    ['listArticles', { limit: 0 }, 'limit'],
    ['listArticles', { offset: -1 }, 'offset'],
    ['listArticles', { offset: 1.5 }, 'offset'],
    ['listArticles', { view: 'secret' }, 'view'],
    ['listArticles', { extra: 1 }, 'extra'],
    ['search', { query: 'x'.repeat(LIMITS.queryLength + 1) }, 'query'],
    ['getArticle', { id: ID, highlight: 'x'.repeat(LIMITS.queryLength + 1) }, 'highlight'],
    ['search', { query: 'a', limit: 1e9 }, 'limit'],
    ['addTags', { ids: [ID], tags: ['   '] }, 'tags.0'],
    ['addTags', { ids: [ID], tags: ['a\u0000b'] }, 'tags.0'],
    ['addTags', { ids: [ID], tags: ['x'.repeat(LIMITS.tagLength + 1)] }, 'tags.0'],
    ['addTags', { ids: [ID], tags: ['a\u202eb'] }, 'tags.0'],
    ['addTags', { ids: [ID], tags: ['\ufffdx'] }, 'tags.0'],
    ['renameTag', { from: 'a', to: '\u200d' }, 'to'],
    ['listArticles', { tags: ['a\u0085b'] }, 'tags.0'],
    ['importPaths', { importId: 'i1', paths: ['relative/file.txt'] }, 'paths.0'],
    ['importPaths', { importId: 'i1', paths: ['/granted/a\u0000.txt'] }, 'paths.0'],
    ['importPaths', { importId: '../x', paths: ['/granted/a.txt'] }, 'importId'],
    [
      'importContents',
      { importId: 'i1', files: [{ name: 'a.txt', data: 'text' }] },
      'files.0.data',
    ],
    [
      'importContents',
      { importId: 'i1', files: [{ name: 'a.txt', data: [1, 2] }] },
      'files.0.data',
    ],
    ['setSettings', { fontSize: 500 }, 'fontSize'],
    ['setSettings', { theme: 'neon' }, 'theme'],
    ['setSettings', { evil: true }, 'evil'],
    ['listTags', { x: 1 }, 'x'],
    ['restoreTags', { entries: [{ id: '../x', tags: [] }] }, 'entries.0.id'],
  ])('%s refuses %j with BAD_ARGUMENT naming %s', async (method, args, field) => {
    const { run, engine } = setup();
    const before = engine.calls.length;
    const r = await run(method, args);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_ARGUMENT');
    expect(r.error.message).toContain(field);
    expect(r.error.message).toContain(method);
    expect(engine.calls.length).toBe(before);
  });

  it('refuses a non-object argument', async () => {
    const { run } = setup();
    for (const args of ['x', 7, [ID]]) {
      const r = await run('getArticle', args);
      expect(r.ok ? '' : r.error.code).toBe('BAD_ARGUMENT');
    }
  });

  it('maps ArchiveError to its code and message', async () => {
    const { run } = setup();
    const r = await run('getArticle', { id: ID });
    expect(r).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `No article with id ${ID}.` },
    });
  });

  it('maps other errors to INTERNAL without leaking the message or stack', async () => {
    const { run, internal } = setup();
    const r = await run('search', { query: 'boom' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INTERNAL');
    expect(r.error.message).not.toContain('secret');
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts/);
    expect(internal).toHaveLength(1);
    expect(String(internal[0])).toContain('secret stack detail');
  });

  it('reports calls to the log with names, timings and codes only', async () => {
    const { handlers } = setup();
    const entries: unknown[] = [];
    await dispatch(handlers, 'search', { query: 'private words' }, call, {
      call: (e) => entries.push(e),
    });
    await dispatch(handlers, 'getArticle', { id: ID }, call, { call: (e) => entries.push(e) });
    expect(entries).toMatchObject([
      { method: 'search', ok: true },
      { method: 'getArticle', ok: false, code: 'NOT_FOUND' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('private');
  });

  it('passes settings patches through and returns the merged settings', async () => {
    const { run } = setup();
    const r = await run('setSettings', { theme: 'sepia', fontSize: 20 });
    expect(r).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 20 },
    });
  });
});
