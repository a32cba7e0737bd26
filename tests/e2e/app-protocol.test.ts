/// <reference lib="dom" />
// The built renderer served through the app:// handler (the same function Electron's
// protocol.handle calls) in Chromium: the module script and the stylesheet load, the app
// renders under the CSP sent as a header, and frame-ancestors keeps it out of frames. For
// contrast, the same build opened from file:// stays blank: Chromium refuses the module
// script from origin 'null', which is what the packed app did before app://.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../main/shell/app-origin';
import { createAppProtocolHandler } from '../../main/shell/app-protocol-handler';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
} from '../../main/shell/content-security-policy';
import { PAGE_STATE_SCRIPT, pageStateSchema } from '../../main/shell/smoke-probe';
import {
  dropFiles,
  ensureRendererBuild,
  launchChromium,
  watchPage,
  type PageProblems,
} from '../support/e2e-browser';
import {
  startE2eApp,
  startSchemeFront,
  type E2eApp,
  type SchemeFront,
} from '../support/e2e-server';
import { browserTestsReady } from '../support/e2e-session';
import { repoRoot } from '../support/shared-data';

const ready = browserTestsReady({ label: 'app-protocol' });
const rendererDir = resolve(repoRoot, 'out', 'renderer');

describe.skipIf(!ready)('the renderer over the app:// handler', () => {
  let app: E2eApp;
  let front: SchemeFront;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let documentResponse: Response | null;
  const responses: { url: string; status: number; type: string }[] = [];

  beforeAll(async () => {
    ensureRendererBuild();
    app = await startE2eApp();
    const handler = createAppProtocolHandler({ root: rendererDir, csp: contentSecurityPolicy() });
    front = await startSchemeFront(handler, app.url, APP_ORIGIN);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    problems = await watchPage(page);
    page.on('response', (r) => {
      if (r.url().startsWith(front.url) && !r.url().includes('/api/')) {
        responses.push({
          url: r.url(),
          status: r.status(),
          type: r.headers()['content-type'] ?? '',
        });
      }
    });
    documentResponse = await page.goto(`${front.url}/index.html`);
  });

  /** A page with no policy of its own that puts `src` in an iframe. */
  async function framed(src: string) {
    const host = await browser.newPage();
    await host.setContent('<!doctype html><title>host</title>');
    await host.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      return new Promise((done) => frame.addEventListener('load', done, { once: true }));
    }, src);
    const frame = host.frames().find((f) => f !== host.mainFrame());
    if (!frame) throw new Error('The iframe did not attach.');
    return { frame, close: () => host.close() };
  }

  afterAll(async () => {
    await browser?.close();
    await front?.close();
    await app?.close();
  });

  it('sends the CSP as a header, frame-ancestors included', () => {
    expect(documentResponse?.status()).toBe(200);
    const csp = documentResponse?.headers()['content-security-policy'];
    expect(csp).toBe(contentSecurityPolicy());
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
  });

  it('loads the module script and the stylesheet, and the app renders', async () => {
    await page.getByRole('heading', { name: 'Your archive is empty' }).waitFor();
    const script = responses.find((r) => /\/assets\/[^/]+\.js$/.test(r.url));
    const style = responses.find((r) => /\/assets\/[^/]+\.css$/.test(r.url));
    expect(script).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(style).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    // The stylesheet applied: the app's layout, not the browser's default block flow.
    const display = await page.locator('.app').evaluate((el) => getComputedStyle(el).display);
    expect(display).not.toBe('block');
    expect(problems.csp).toEqual([]);
    expect(problems.errors).toEqual([]);
  });

  it('lists an imported article, as the packed-app smoke probe sees it', async () => {
    const text =
      'Ferry timetable returns\n\nThe island ferry runs to its summer timetable again.\n';
    await dropFiles(page, [
      { name: 'ferry.txt', base64: Buffer.from(text, 'utf8').toString('base64') },
    ]);
    await page.getByRole('status', { name: 'Import summary' }).waitFor({ timeout: 60_000 });
    await page.locator('.row', { hasText: 'Ferry timetable returns' }).waitFor();
    const state = pageStateSchema.parse(await page.evaluate(PAGE_STATE_SCRIPT));
    expect(state).toEqual({ url: `${front.url}/index.html`, rows: 1, styled: true });
    expect(problems.csp).toEqual([]);
  });

  it('refuses to be framed (frame-ancestors works only as a header)', async () => {
    // Control: the same build served with the meta tag's policy (no frame-ancestors) frames fine.
    const open = await startSchemeFront(
      createAppProtocolHandler({ root: rendererDir, csp: metaContentSecurityPolicy() }),
      app.url,
      APP_ORIGIN,
    );
    try {
      const control = await framed(`${open.url}/index.html`);
      await control.frame.locator('#root .app').waitFor();
      await control.close();

      const guarded = await framed(`${front.url}/index.html`);
      const root = await guarded.frame
        .evaluate(() => document.querySelector('#root') !== null)
        .catch(() => false);
      expect(root).toBe(false);
      await guarded.close();
    } finally {
      await open.close();
    }
  });

  it('stays blank when opened from file:// (why the app no longer loads that way)', async () => {
    const blank = await browser.newPage();
    try {
      const blocked: string[] = [];
      blank.on('console', (m) => {
        if (m.type() === 'error') blocked.push(m.text());
      });
      await blank.goto(pathToFileURL(resolve(rendererDir, 'index.html')).href);
      await expect.poll(() => blocked.join('\n'), { timeout: 10_000 }).toMatch(/CORS/);
      expect(await blank.locator('#root').evaluate((el) => el.childElementCount)).toBe(0);
    } finally {
      await blank.close();
    }
  });
});
