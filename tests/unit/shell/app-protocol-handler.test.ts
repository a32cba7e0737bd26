// The app:// handler in Node: Request in, Response out, on a throw-away renderer folder with
// a secret file beside it and symlinks pointing out of it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN } from '../../../main/shell/app-origin';
import {
  contentTypeFor,
  createAppProtocolHandler,
  safeSegments,
} from '../../../main/shell/app-protocol-handler';
import { contentSecurityPolicy } from '../../../main/shell/content-security-policy';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'ar-app-scheme-')));
const root = join(base, 'renderer');
const SECRET = 'TOP SECRET';
const csp = contentSecurityPolicy();
const serve = createAppProtocolHandler({ root, csp });
const get = (path: string, init?: RequestInit) => serve(new Request(`${APP_ORIGIN}${path}`, init));

beforeAll(() => {
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Archive Reader</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'icon.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'assets', 'fonts', 'a.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'data.json'), '{}');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(root, 'a b.txt'), 'spaced');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  // Links out of the renderer folder, and one that stays inside it.
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  symlinkSync(base, join(root, 'assets', 'up'));
  symlinkSync(join(root, 'assets', 'index-abc.css'), join(root, 'assets', 'alias.css'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// handler', () => {
  it('serves index.html with the CSP as a header', async () => {
    for (const path of ['/index.html', '/']) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(csp);
      expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await r.text()).toContain('<title>Archive Reader</title>');
    }
  });

  it.each([
    ['/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/icon.png', 'image/png'],
    ['/assets/fonts/a.woff2', 'font/woff2'],
    ['/assets/data.json', 'application/json; charset=utf-8'],
    ['/assets/blob.bin', 'application/octet-stream'],
    ['/a%20b.txt', 'text/plain; charset=utf-8'],
  ])('serves %s as %s, with its length and the CSP', async (path, type) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(type);
    const body = new Uint8Array(await r.arrayBuffer());
    expect(r.headers.get('content-length')).toBe(String(body.byteLength));
    expect(body.byteLength).toBeGreaterThan(0);
    expect(r.headers.get('content-security-policy')).toBe(csp);
  });

  it('knows the types by extension, whatever the case', () => {
    expect(contentTypeFor('X.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('font.woff')).toBe('font/woff');
    expect(contentTypeFor('noext')).toBe('application/octet-stream');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/assets/index-abc.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await get('/index.html', { method });
      expect(r.status).toBe(405);
      expect(r.headers.get('allow')).toBe('GET, HEAD');
      expect(r.headers.get('content-security-policy')).toBe(csp);
    }
  });

  it('answers 404 for missing files, folders and other hosts', async () => {
    for (const path of ['/missing.js', '/assets', '/assets/fonts']) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await serve(new Request('app:///index.html'))).status).toBe(404);
    expect((await serve(new Request('other://archive-reader/index.html'))).status).toBe(404);
  });

  // Whatever the URL parser leaves of these, nothing outside the renderer folder comes out.
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%00',
    '//secret.txt',
    `/${encodeURIComponent(join(base, 'secret.txt'))}`,
    `/${join(base, 'secret.txt')}`,
    '/C:/Windows/win.ini',
    '/C%3A%5Csecret.txt',
    '/assets/leak.txt',
    '/assets/up/secret.txt',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const r = await get(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(await r.text()).not.toContain(SECRET);
  });

  it('says 403 to what it refuses on purpose', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/index.html%00.js',
      '//secret.txt',
      '/C%3A%5Csecret.txt',
      '/assets/leak.txt',
      '/assets/up/secret.txt',
    ]) {
      expect((await get(path)).status, path).toBe(403);
    }
  });

  it('follows a symlink that stays inside the renderer folder', async () => {
    const r = await get('/assets/alias.css');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('body{}');
  });

  it('loads the page the window opens', async () => {
    expect((await serve(new Request(APP_INDEX_URL))).status).toBe(200);
  });

  it('splits only safe segments', () => {
    expect(safeSegments('/')).toEqual(['index.html']);
    expect(safeSegments('/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    for (const bad of [
      '/a/../b',
      '/./a',
      '/a//b',
      '/a/',
      '/a%2Fb',
      '/a%5Cb',
      '/a%00',
      '/c:',
      'x',
    ]) {
      expect(safeSegments(bad), bad).toBeNull();
    }
  });

  it('refuses everything when the renderer folder is missing', async () => {
    const none = createAppProtocolHandler({ root: join(base, 'nope'), csp });
    expect((await none(new Request(APP_INDEX_URL))).status).toBe(404);
  });
});
