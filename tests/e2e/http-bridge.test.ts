// The HTTP bridge on its own (no browser): bytes travel as { $bytes }, events arrive as
// server-sent events, and requests that did not come from the app's own page are refused.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuild } from '../support/e2e-browser';
import { startE2eApp, type E2eApp } from '../support/e2e-server';

function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = async (app: E2eApp, method: string, args: unknown) => {
  const res = await fetch(`${app.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await res.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
};

describe('HTTP bridge', () => {
  let app: E2eApp;
  beforeAll(async () => {
    ensureRendererBuild();
    app = await startE2eApp();
  });
  afterAll(() => app?.close());

  it('serves the renderer and binds to 127.0.0.1', async () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('decodes { $bytes } into bytes and emits progress and change events', async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const stream = await fetch(`${app.url}/api/events`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    const pump = (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        events.push(decoder.decode(value));
      }
    })();
    // Latin-1 bytes: only real bytes (not a UTF-8 string) decode to "café".
    const text =
      'Caf\xe9 owners meet\n\nPARIS - The caf\xe9 owners of the old quarter met on Monday to ' +
      'talk about rents, the new tram line and the summer terraces, which they want to keep.\n';
    const bytes = Buffer.from(text, 'latin1');
    const res = await call(app, 'importContents', {
      importId: 'bridge-test',
      files: [{ name: 'cafe.txt', data: { $bytes: bytes.toString('base64') } }],
    });
    expect(res.ok).toBe(true);
    const summary = res.value as { imported: { id: string }[] };
    expect(summary, JSON.stringify(summary)).toMatchObject({ imported: [{}] });
    const article = await app.engine.get(summary.imported[0]!.id);
    expect(article.title).toBe('Café owners meet');
    await expect.poll(() => events.join('')).toMatch(/event: libraryChanged/);
    expect(events.join('')).toMatch(
      /event: importProgress\ndata: \{[^\n]*"importId":"bridge-test"/,
    );
    controller.abort();
    await pump;
  });

  it('answers bad calls with typed errors', async () => {
    expect((await call(app, 'noSuchCall', {})).error?.code).toBe('FORBIDDEN');
    expect((await call(app, 'getArticle', { id: 'nope' })).error?.code).toBe('BAD_ARGUMENT');
    expect((await call(app, 'getArticle', { id: '0123456789abcdef' })).error?.code).toBe(
      'NOT_FOUND',
    );
    const bad = await fetch(`${app.url}/api/stats`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_ARGUMENT');
    const get = await fetch(`${app.url}/api/stats`);
    expect(get.status).toBe(405);
  });

  it('refuses other sites, rebinding host names and paths outside the build', async () => {
    const { port } = new URL(app.url);
    const foreignOrigin = await raw(app.url, '/api/stats', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    const rebinding = await raw(app.url, '/', { headers: { host: `evil.example:${port}` } });
    expect(rebinding.status).toBe(403);
    const traversal = await raw(app.url, '/..%2f..%2fpackage.json');
    expect([403, 404]).toContain(traversal.status);
    expect(traversal.body).not.toContain('"name"');
  });
});
