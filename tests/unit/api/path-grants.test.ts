// Path grants on a real disk: the grant and the requested path are both compared as real
// paths, so a symlink inside a granted folder cannot lead the import anywhere else.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers } from '../../../main/api/handlers';
import { isUnder, PathGrants } from '../../../main/api/path-grants';
import { fakeEngine } from './fake-engine';

// The temp folder itself may sit behind a symlink (macOS /var -> /private/var).
const root = realpathSync(mkdtempSync(join(tmpdir(), 'ar-grants-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const granted = join(root, 'granted');
const home = join(root, 'home');
const secret = join(home, '.ssh', 'id_ed25519');

beforeAll(() => {
  mkdirSync(join(granted, 'a', 'sub'), { recursive: true });
  mkdirSync(join(home, '.ssh'), { recursive: true });
  writeFileSync(secret, 'PRIVATE KEY');
  writeFileSync(join(granted, 'a', 'article.txt'), 'An article');
  writeFileSync(join(granted, 'a', 'sub', 'inner.txt'), 'Inner');
  // Links that lead out of the granted folder...
  symlinkSync(home, join(granted, 'a', 'home-link'));
  symlinkSync(secret, join(granted, 'a', 'key-link.txt'));
  symlinkSync('../..', join(granted, 'a', 'up2'));
  // ...one that stays inside it...
  symlinkSync(join(granted, 'a', 'sub'), join(granted, 'sub-link'));
  // ...a loop, and a link the user chose themselves.
  symlinkSync(join(granted, 'loop-b'), join(granted, 'loop-a'));
  symlinkSync(join(granted, 'loop-a'), join(granted, 'loop-b'));
  symlinkSync(join(granted, 'a'), join(root, 'chosen-link'));
});

describe('path grants on a real disk', () => {
  const grants = () => new PathGrants([granted], { caseInsensitive: false });

  it('refuses a file reached through a symlink to a folder outside the grant', () => {
    // The audit's case: the path text lies under the grant, the file does not.
    const g = grants();
    expect(g.check(join(granted, 'a', 'home-link', '.ssh', 'id_ed25519'))).toEqual({
      allowed: false,
      reason: 'outside',
    });
    expect(g.isAllowed(join(granted, 'a', 'home-link'))).toBe(false);
    expect(g.isAllowed(join(granted, 'a', 'key-link.txt'))).toBe(false);
    expect(g.isAllowed(join(granted, 'a', 'up2', 'home', '.ssh', 'id_ed25519'))).toBe(false);
    expect(g.isAllowed(join(granted, 'a', 'up2'))).toBe(false);
  });

  it('allows real files under the grant and links that stay inside it, as their real paths', () => {
    const g = grants();
    expect(g.check(join(granted, 'a', 'article.txt'))).toEqual({
      allowed: true,
      realPath: join(granted, 'a', 'article.txt'),
    });
    expect(g.check(join(granted, 'sub-link', 'inner.txt'))).toEqual({
      allowed: true,
      realPath: join(granted, 'a', 'sub', 'inner.txt'),
    });
    expect(g.isAllowed(granted)).toBe(true);
  });

  it('follows a link the user chose, to the folder it names', () => {
    const g = new PathGrants([join(root, 'chosen-link')], { caseInsensitive: false });
    expect(g.check(join(root, 'chosen-link', 'article.txt'))).toEqual({
      allowed: true,
      realPath: join(granted, 'a', 'article.txt'),
    });
    expect(g.isAllowed(join(granted, 'a', 'sub', 'inner.txt'))).toBe(true);
    expect(g.isAllowed(join(granted, 'sub-link'))).toBe(true);
    expect(g.isAllowed(join(root, 'chosen-link', 'home-link', '.ssh', 'id_ed25519'))).toBe(false);
  });

  it('says "missing" for a missing path under a grant, and nothing about paths outside', () => {
    const g = grants();
    expect(g.check(join(granted, 'a', 'gone.txt'))).toEqual({ allowed: false, reason: 'missing' });
    expect(g.check(join(granted, 'no', 'such', 'dir'))).toEqual({
      allowed: false,
      reason: 'missing',
    });
    // Outside the grants a missing file and an existing one look the same to the page.
    expect(g.check(join(home, '.ssh', 'nope'))).toEqual({ allowed: false, reason: 'outside' });
    expect(g.check(secret)).toEqual({ allowed: false, reason: 'outside' });
    // A missing file behind a link out of the grant is outside too.
    expect(g.check(join(granted, 'a', 'home-link', 'nope'))).toEqual({
      allowed: false,
      reason: 'outside',
    });
  });

  it('refuses loops, traversal, relative paths and NUL bytes', () => {
    const g = grants();
    expect(g.isAllowed(join(granted, 'loop-a'))).toBe(false);
    expect(g.isAllowed(join(granted, 'a', '..', '..', 'home', '.ssh', 'id_ed25519'))).toBe(false);
    expect(g.isAllowed('granted/a/article.txt')).toBe(false);
    expect(g.isAllowed(`${join(granted, 'a')}\0/article.txt`)).toBe(false);
    expect(g.grant('relative')).toBe(false);
    expect(g.grant('/x\0y')).toBe(false);
  });

  it('honours a grant made before its folder existed, once it does', () => {
    const later = join(root, 'later');
    const g = new PathGrants([later], { caseInsensitive: false });
    expect(g.check(join(later, 'a.txt')).allowed).toBe(false);
    mkdirSync(later);
    writeFileSync(join(later, 'a.txt'), 'Later');
    expect(g.check(join(later, 'a.txt'))).toEqual({
      allowed: true,
      realPath: join(later, 'a.txt'),
    });
  });

  it('counts usable grants', () => {
    const g = new PathGrants([], { caseInsensitive: false });
    expect(g.grantAll([granted, 'relative', home, granted])).toBe(3);
    expect(g.size).toBe(2);
  });

  it('isUnder handles roots and siblings', () => {
    expect(isUnder('/a/b', '/')).toBe(true);
    expect(isUnder('/ab', '/a')).toBe(false);
    expect(isUnder('/a', '/a/b')).toBe(false);
  });

  it('compares case-insensitively where the file system does', () => {
    const g = new PathGrants([granted], { caseInsensitive: true, realpath: (p) => p });
    expect(g.isAllowed(join(granted.toUpperCase(), 'A', 'ARTICLE.TXT'))).toBe(true);
    const exact = new PathGrants([granted], { caseInsensitive: false, realpath: (p) => p });
    expect(exact.isAllowed(join(granted.toUpperCase(), 'a'))).toBe(false);
  });
});

describe('importPaths checks real paths', () => {
  async function setup() {
    const engine = fakeEngine();
    const slot = new EngineSlot(() => undefined);
    await slot.set(engine);
    const handlers = createHandlers({
      getEngine: () => slot.get(),
      settings: { get: async () => ({}) as never, update: async () => ({}) as never },
      sampleDir: join(root, 'samples'),
      emit: () => undefined,
      paths: new PathGrants([granted], { caseInsensitive: false }),
      progressIntervalMs: 0,
    });
    const run = (paths: string[]) =>
      dispatch(handlers, 'importPaths', { importId: 'i', paths }, { transport: 'test' }, {});
    return { engine, run };
  }

  it('refuses a private key reached through a link in the granted folder', async () => {
    const { engine, run } = await setup();
    const r = await run([join(granted, 'a', 'home-link', '.ssh', 'id_ed25519')]);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(engine.calls.filter((c) => c.method === 'importSources')).toEqual([]);
  });

  it('refuses a missing path with a clear message', async () => {
    const { engine, run } = await setup();
    const gone = join(granted, 'a', 'gone.txt');
    const r = await run([join(granted, 'a', 'article.txt'), gone]);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        `This file or folder does not exist (moved or deleted?): ${gone}`,
      );
    expect(engine.calls.filter((c) => c.method === 'importSources')).toEqual([]);
  });

  it('imports the real paths it checked', async () => {
    const { engine, run } = await setup();
    const r = await run([join(granted, 'sub-link'), join(granted, 'a', 'article.txt')]);
    expect(r.ok).toBe(true);
    expect(engine.calls.at(-1)).toEqual({
      method: 'importSources',
      args: [[{ path: join(granted, 'a', 'sub') }, { path: join(granted, 'a', 'article.txt') }]],
    });
  });
});
