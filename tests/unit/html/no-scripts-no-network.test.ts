// A saved page is read without running its scripts or fetching anything it links to.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWebPage } from '../../../main/core/html/read-web-page';
import { storedWebPageText } from '../../../main/core/html/read-web-page';
import { htmlFixture } from './html-fixtures';

const requests: string[] = [];
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('globalThis.__pageScriptRan = true;');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('scripts and remote resources', () => {
  it('runs no script and fetches no image, style, script, frame, font or media', async () => {
    // The page points every kind of resource at a live server on this machine.
    const html = Buffer.from(htmlFixture('scripts-and-remote.html'))
      .toString('utf8')
      .replaceAll('__ORIGIN__', origin);
    expect(html.match(new RegExp(origin, 'g'))?.length).toBeGreaterThan(12);
    const bytes = new TextEncoder().encode(html);

    // Prove the server answers, so silence below means nothing was asked for.
    const probe = await fetch(`${origin}/probe`);
    expect(await probe.text()).toContain('__pageScriptRan');
    expect(requests).toEqual(['/probe']);
    requests.length = 0;

    const page = readWebPage(bytes, 'html');
    const again = storedWebPageText(bytes, 'html', 'UTF-8');
    // Anything a DOM might have started (a fetch, a timer) would land within this wait.
    await new Promise((done) => setTimeout(done, 300));

    expect(requests).toEqual([]);
    expect((globalThis as { __pageScriptRan?: boolean }).__pageScriptRan).toBeUndefined();
    for (const text of [page.decoded.text, again]) {
      expect(text).toContain('Overnight sleeper services will run again on the northern line');
      for (const marker of [
        'SCRIPT-MARKER-WRITTEN',
        'ONLOAD-MARKER',
        'INLINE-MARKER',
        '__pageScriptRan',
      ])
        expect(text).not.toContain(marker);
      expect(text).not.toContain(origin);
    }
  });
});
