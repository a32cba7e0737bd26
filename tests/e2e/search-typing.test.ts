/// <reference lib="dom" />
// Search keeps up with typing (issue 11): at 2,000 articles the results for the final text
// show within 100 ms of the last key, and the count says "Searching…" meanwhile rather than
// a stale figure. Timings are taken in the page (keydown to the count's final text).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuild } from '../support/e2e-browser';
import { buildScaleLibrary, type ScaleLibrary } from '../support/e2e-scale-library';
import { startE2eApp, type E2eApp } from '../support/e2e-server';
import { browserTestsReady, openAppPage } from '../support/e2e-session';

const ready = browserTestsReady({ shared: true, label: 'search-typing' });
const SIZE = 2000;
const log = (m: string) => process.stderr.write(`[search-typing] ${m}\n`);

describe.skipIf(!ready)('search while typing', () => {
  let library: ScaleLibrary;
  let app: E2eApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureRendererBuild();
    library = await buildScaleLibrary(SIZE, log);
    app = await startE2eApp({ libraryDir: library.dir });
    ({ browser, page } = await openAppPage(app.url, { viewport: { width: 1360, height: 860 } }));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await library?.remove();
  });

  /** Types `text` key by key; ms from its last keydown to the count's final text. */
  async function typeAndTime(text: string): Promise<{ ms: number; count: string; seen: string[] }> {
    const field = page.getByRole('searchbox', { name: 'Search articles' });
    await field.fill('');
    await expect.poll(() => page.getByTestId('list-count').innerText()).toMatch(/articles/);
    await field.focus();
    await page.evaluate(() => {
      const w = window as unknown as { lastKey: number; changes: [number, string][] };
      w.changes = [];
      document.addEventListener('keydown', () => (w.lastKey = performance.now()), true);
      const el = document.querySelector('[data-testid="list-count"]')!;
      new MutationObserver(() => w.changes.push([performance.now(), el.textContent ?? ''])).observe(
        el,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await page.keyboard.type(text, { delay: 90 });
    await page.waitForTimeout(1500);
    return page.evaluate(() => {
      const w = window as unknown as { lastKey: number; changes: [number, string][] };
      const last = w.changes[w.changes.length - 1]!;
      return { ms: last[0] - w.lastKey, count: last[1], seen: w.changes.map((c) => c[1]) };
    });
  }

  // The 100 ms goal is a measurement, printed here and quoted in docs/benchmarks.md; the
  // assertion is only a generous bound, so a busy machine cannot fail the suite on a clock.
  it('shows the final results soon after the last key, never a stale count', async () => {
    const runs: number[] = [];
    for (const text of ['market prices', 'oil exports', 'football club']) {
      const r = await typeAndTime(text);
      log(`"${text}": ${r.ms.toFixed(0)} ms after the last key → ${r.count}`);
      expect(r.count).toMatch(/results?$/);
      // While typing the count is either "Searching…" or a search result, never "N articles".
      expect(r.seen.filter((s) => /articles$/.test(s))).toEqual([]);
      runs.push(r.ms);
    }
    runs.sort((a, b) => a - b);
    log(`median ${runs[1]!.toFixed(0)} ms`);
    expect(runs[1]).toBeLessThan(1_000);
  }, 120_000);

  it('says which word it corrected, and searches the word as typed on request', async () => {
    const field = page.getByRole('searchbox', { name: 'Search articles' });
    await field.fill('market prcies');
    const notice = page.getByTestId('corrected-notice');
    await expect
      .poll(() => notice.innerText(), { timeout: 10_000 })
      .toMatch(/Showing results for pric/);
    for (const width of [1360, 1000, 800, 640]) {
      await page.setViewportSize({ width, height: 860 });
      await page.screenshot({ path: `/tmp/11e-corrected-${width}.png` });
    }
    await page.setViewportSize({ width: 1360, height: 860 });
    await page.getByRole('button', { name: /search instead for prcies/ }).click();
    await expect
      .poll(() => page.locator('.list-message').innerText(), { timeout: 10_000 })
      .toMatch(/No article has all of these words/);
    await page.screenshot({ path: '/tmp/11e-anyword-offer.png' });
    await page.getByRole('button', { name: /with any of the words/ }).click();
    await expect
      .poll(() => page.getByTestId('list-count').innerText(), { timeout: 10_000 })
      .toMatch(/results$/);
  }, 60_000);
});
