/// <reference lib="dom" />
// Dropping saved web pages on the app: the article is read as text, the page around it is
// left out, a page with no article fails with the reason, and no markup reaches the page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, filesFromDisk, type PageProblems } from '../support/e2e-browser';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { openRow, readerTitle } from '../support/e2e-ui';
import { htmlFixtureDir } from '../unit/html/html-fixtures';

const ready = browserTestsReady({ label: 'html-import' });

describe.skipIf(!ready)('saved web pages dropped on the app, in Chromium', () => {
  let session: FreshApp;
  let page: Page;
  let problems: PageProblems;
  const summary = () => page.getByRole('status', { name: 'Import summary' });

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ page, problems } = session);
  });

  afterAll(() => session?.close());

  it('imports a dropped news page and fails a page with no article, with the reason', async () => {
    const files = ['news-page.html', 'no-article.html', 'arabic-windows-1256.html'];
    await dropFiles(page, filesFromDisk(files.map((f) => join(htmlFixtureDir, f))));
    await expect
      .poll(() => summary().locator('.import-counts').innerText())
      .toMatch(/^2 articles imported/);
    expect(await summary().locator('.import-counts').innerText()).toContain('1 failed');
    await summary().getByRole('button', { name: 'Show details' }).click();
    await expect
      .poll(() => summary().innerText())
      .toContain(
        'no-article.html: the page has no readable article (its main text has only 12 words)',
      );
    await page.getByRole('button', { name: 'Close import summary' }).click();
  });

  it('reads the article as text: no navigation, ads or comments, and no markup in the page', async () => {
    const row = page.locator('.row:not(.placeholder)', {
      hasText: 'Harbour town votes to rebuild its sea wall',
    });
    await openRow(page, row);
    await expect
      .poll(() => readerTitle(page).innerText())
      .toBe('Harbour town votes to rebuild its sea wall');
    const body = page.locator('.article-body');
    const text = await body.innerText();
    expect(text).toContain('Councillors in Porthaven voted on Monday evening');
    expect(text).toContain('Objections from traders');
    for (const debris of [
      'Most read',
      'Advertisement',
      'seagull_watcher',
      'Subscribe',
      'Privacy policy',
    ])
      expect(text, debris).not.toContain(debris);
    // Nothing of the page's own markup was made into elements.
    expect(
      await page
        .locator('.reader :is(img, script, iframe, nav, aside, form, link, style, a[href^="/"])')
        .count(),
    ).toBe(0);
    await page.screenshot({ path: '/tmp/html-import-1360.png' }).catch(() => undefined);

    // The original is the page's source, shown as text.
    await page.getByRole('button', { name: 'Original' }).click();
    const original = page.locator('.original');
    await expect.poll(() => original.count()).toBe(1);
    const shown = await original.innerText();
    expect(shown).toContain('<nav class="main-nav">');
    expect(shown).toContain('seagull_watcher');
    expect(await page.locator('.reader nav, .reader .main-nav').count()).toBe(0);
    await page.getByRole('button', { name: 'Original' }).click();
  });

  it('reads the Arabic page right to left, from its windows-1256 bytes', async () => {
    const row = page.locator('.row:not(.placeholder)', { hasText: 'افتتاح مكتبة عامة' });
    await openRow(page, row);
    const body = page.locator('.article-body');
    await expect.poll(() => body.innerText()).toContain('افتتحت البلدية يوم السبت');
    const dir = await body.evaluate(
      (el) => getComputedStyle(el.querySelector('p') ?? el).direction,
    );
    expect(dir).toBe('rtl');
    await page.setViewportSize({ width: 800, height: 860 });
    await page.screenshot({ path: '/tmp/html-import-800.png' }).catch(() => undefined);
    expect(problems.errors).toEqual([]);
  });
});
