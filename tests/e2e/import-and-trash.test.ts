/// <reference lib="dom" />
// What the main UI suite leaves out, on a library of its own: the empty state's sample
// button, the Original-text toggle, cancelling a large import, emptying the trash behind a
// confirmation, and moving through the panes and dialogs with the keyboard.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, filesFromDisk, screenshot, type PageProblems } from '../support/e2e-browser';
import type { E2eApp } from '../support/e2e-server';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { sidebarViewCount } from '../support/e2e-ui';
import { bbcDir, repoRoot, sampleArticle } from '../support/shared-data';

const ready = browserTestsReady({ shared: true });

const ARTICLE_FILE = /\.(txt|text|md)$/i;
const NOT_ARTICLES = /^(readme|license|licence|changelog)(\.|$)/i;

/** The bundled samples the "Import the sample articles" button brings in, with their titles. */
function bundledSamples(): { file: string; title: string }[] {
  const dir = resolve(repoRoot, 'resources', 'samples');
  return readdirSync(dir)
    .filter((n) => ARTICLE_FILE.test(n) && !NOT_ARTICLES.test(n) && !n.startsWith('.'))
    .map((n) => {
      const text = readFileSync(join(dir, n), 'utf8').replace(/^\uFEFF/, '');
      const title = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
      return { file: n, title: title.trim() };
    });
}

/** Every BBC article file, category folders in order. */
function bbcFiles(): string[] {
  return readdirSync(bbcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((cat) =>
      readdirSync(join(bbcDir, cat))
        .filter((n) => n.endsWith('.txt'))
        .sort()
        .map((n) => join(bbcDir, cat, n)),
    );
}

const countIn = (text: string, what: RegExp) =>
  Number(what.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);

describe.skipIf(!ready)('imports, original text, trash and keyboard in Chromium', () => {
  let session: FreshApp;
  let app: E2eApp;
  let page: Page;
  let problems: PageProblems;

  const rows = () => page.locator('.row:not(.placeholder)');
  const viewCount = (label: string) => sidebarViewCount(page, label);
  const libraryTotal = async () => (await app.engine.list({ limit: 1 })).total;
  const summary = () => page.getByRole('status', { name: 'Import summary' });
  const closeSummary = () => page.getByRole('button', { name: 'Close import summary' }).click();
  const activePane = () =>
    page.evaluate(() => {
      const pane = document.activeElement?.closest('.sidebar-pane, .list-pane, .reader-pane');
      return pane ? pane.className.replace(/.*\b(\w+)-pane\b.*/, '$1') : 'none';
    });

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ app, page, problems } = session);
  });

  afterAll(() => session?.close());

  it('"Import the sample articles" imports the bundled samples and opens one', async () => {
    const samples = bundledSamples();
    expect(samples.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Import the sample articles' }).click();
    await expect
      .poll(() => summary().locator('.import-counts').innerText())
      .toMatch(new RegExp(`^${samples.length} articles? imported`));
    await expect.poll(() => rows().count()).toBe(samples.length);
    const titles = await rows().locator('.row-title-text').allInnerTexts();
    for (const s of samples) expect(titles).toContain(s.title);
    // The reader shows one of them without a further click.
    await expect.poll(() => page.locator('.article-title').count()).toBe(1);
    expect(samples.map((s) => s.title)).toContain(await page.locator('.article-title').innerText());
    expect(await libraryTotal()).toBe(samples.length);
    await closeSummary();
  });

  it('Original shows the untouched text, site debris included; pressing it again hides it', async () => {
    const raw = readFileSync(sampleArticle, 'utf8');
    expect(raw).toContain('Leave a Comment');
    await dropFiles(page, filesFromDisk([sampleArticle]));
    await expect.poll(() => summary().locator('.import-counts').innerText()).toMatch(/^1 article/);
    await closeSummary();
    const row = rows().filter({ hasText: 'Tehran, Baghdad' });
    await row.click();
    await expect.poll(() => page.locator('.article-title').innerText()).toMatch(/Tehran, Baghdad/);
    const body = page.locator('.article-body');
    expect(await body.innerText()).not.toContain('Leave a Comment');
    const toggle = page.getByRole('button', { name: 'Original' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    const original = page.locator('.original');
    await expect.poll(() => original.count()).toBe(1);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const shown = await original.innerText();
    expect(shown).toContain('Leave a Comment');
    // The dateline the clean body drops is in the original as written.
    expect(shown).toContain('TEHRAN –');
    expect(await page.locator('.article-body').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => page.locator('.article-body').count()).toBe(1);
    expect(await original.count()).toBe(0);
  });

  it('Cancel stops a large import; the summary and the library agree on what came in', async () => {
    const files = bbcFiles();
    // Enough files for several import batches, so Cancel lands long before the end.
    expect(files.length).toBeGreaterThan(1000);
    const before = await libraryTotal();
    await dropFiles(page, filesFromDisk(files));
    const cancel = page.getByRole('status', { name: 'Import' }).getByRole('button', {
      name: 'Cancel',
    });
    const clicked = await cancel.click({ timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    await summary().waitFor({ timeout: 120_000 });
    await screenshot(page, 'import-cancelled');
    const head = await summary().locator('strong').innerText();
    const counts = await summary().locator('.import-counts').innerText();
    const imported = countIn(counts, /([\d,]+) articles? imported/);
    const handled =
      imported + countIn(counts, /([\d,]+) duplicates?/) + countIn(counts, /([\d,]+) failed/);
    if (clicked) {
      expect(head).toBe('Import cancelled');
      expect(handled).toBeLessThan(files.length);
    } else {
      // The import ended before the click could land: then every file is accounted for.
      expect(head).toBe('Import finished');
      expect(handled).toBe(files.length);
    }
    // Nothing half-stored: the library holds exactly what the summary says came in.
    await expect.poll(libraryTotal).toBe(before + imported);
    await expect.poll(() => viewCount('All articles')).toBe(before + imported);
    await closeSummary();
  });

  it('Empty trash asks first, Cancel keeps everything, confirming deletes for good', async () => {
    await page.locator('.views .nav-item', { hasText: 'All articles' }).click();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const row = rows().first();
      ids.push((await row.getAttribute('data-id'))!);
      await row.click();
      await page.keyboard.press('Delete');
      await expect.poll(() => viewCount('Trash')).toBe(i + 1);
    }
    await page.locator('.views .nav-item', { hasText: 'Trash' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    const empty = page.getByRole('button', { name: 'Empty trash' });
    await empty.click();
    const dialog = page.getByRole('dialog', { name: 'Empty the trash?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/2 articles .*cannot be undone/s);
    // Cancel has focus, so a stray Enter keeps the articles.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'empty-trash-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Empty trash…');
    expect((await app.engine.stats()).trash).toBe(2);

    await empty.click();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => viewCount('Trash')).toBe(0);
    await expect
      .poll(() => page.locator('.toast').allInnerTexts())
      .toContainEqual(expect.stringMatching(/Deleted 2 articles for good/));
    expect((await app.engine.stats()).trash).toBe(0);
    for (const id of ids) await expect(app.engine.get(id)).rejects.toThrow();
    // The button is gone with the trash; focus went to the Trash view, not the page body.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-current')))
      .toBe('page');
    await page.locator('.views .nav-item', { hasText: 'All articles' }).click();
  });

  it('while the index loads: "Indexing…", a partial-results notice, a re-run on indexReady', async () => {
    // The page sees an index still loading: stats say not ready, searches answer partially.
    let loading = true;
    await page.route('**/api/*', async (route) => {
      const method = new URL(route.request().url()).pathname.split('/').pop();
      if (!loading || (method !== 'stats' && method !== 'search')) return route.fallback();
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
      if (body.ok && body.value && method === 'stats') {
        body.value.index = { ...(body.value.index as object), ready: false };
      }
      if (body.ok && body.value && method === 'search') {
        const hits = (body.value.hits as unknown[]).slice(0, 1);
        Object.assign(body.value, { hits, total: hits.length, partial: true });
      }
      await route.fulfill({ response, json: body });
    });
    const searchbox = page.getByRole('searchbox', { name: 'Search articles' });
    await searchbox.fill('profits');
    const notice = page.getByTestId('partial-notice');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toBe('Index still loading — results may be incomplete');
    expect(await page.getByTestId('list-count').innerText()).toBe('1 result so far');
    // Stats are fetched again on every library change; wait for one that says "loading".
    await app.engine.setRead([(await rows().first().getAttribute('data-id'))!], true);
    await expect.poll(() => page.getByTestId('index-status').count()).toBe(1);
    expect(await page.getByTestId('index-status').innerText()).toBe('Indexing…');
    await screenshot(page, 'indexing');

    loading = false;
    app.emit('indexReady', { documents: await libraryTotal(), segments: 1 });
    await expect.poll(() => notice.count(), { timeout: 3000 }).toBe(0);
    await expect.poll(() => page.getByTestId('list-count').innerText()).toMatch(/^\d+ results$/);
    expect(
      Number((await page.getByTestId('list-count').innerText()).replace(/\D.*$/, '')),
    ).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('index-status').count()).toBe(0);
    await page.unroute('**/api/*');
    await searchbox.fill('');
  });

  it('Tab goes sidebar → list → reader, with a visible focus ring in light and dark', async () => {
    // The step before cleared the search: the list reloads, and a row focused while it is
    // replaced would lose focus to the page. Start once the whole list is back.
    await expect.poll(() => page.getByTestId('list-count').innerText()).toMatch(/ articles?$/);
    await rows().first().click();
    await page.locator('.article-title').waitFor();
    const theme = page.getByRole('combobox', { name: 'Theme' });
    for (const name of ['light', 'dark'] as const) {
      await theme.selectOption(name);
      // A click on the app's name starts the Tab order at the top of the window.
      await page.locator('.brand').click();
      const panes: string[] = [];
      const rings: { tag: string; outline: string }[] = [];
      for (let i = 0; i < 80 && !panes.includes('reader'); i++) {
        await page.keyboard.press('Tab');
        const pane = await activePane();
        if (panes.at(-1) !== pane) panes.push(pane);
        rings.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            // The search field's ring is drawn by the box around it.
            const ringed = el.matches('.search input') ? el.parentElement! : el;
            const s = getComputedStyle(ringed);
            return {
              tag: el.className || el.tagName,
              outline: `${s.outlineStyle} ${s.outlineWidth}`,
            };
          }),
        );
      }
      expect(panes.filter((p) => p !== 'none')).toEqual(['sidebar', 'list', 'reader']);
      // Every stop shows a ring: the outline, or the list's own ring on its focused row.
      const bare = rings.filter(
        (r) => /none|\b0px/.test(r.outline) && !/list-scroller/.test(r.tag),
      );
      expect(bare).toEqual([]);
      await screenshot(page, `focus-${name}`);
    }
    await theme.selectOption('system');
  });

  it('F6 cycles the panes; ? opens the shortcuts and Esc returns focus to where it was', async () => {
    await page.locator('.reader-scroller').focus();
    await page.keyboard.press('F6');
    expect(await activePane()).toBe('sidebar');
    await page.keyboard.press('F6');
    expect(await activePane()).toBe('list');
    await page.keyboard.press('Shift+F6');
    expect(await activePane()).toBe('sidebar');
    const opener = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.isVisible()).toBe(true);
    // Tab stays inside the modal dialog.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => shortcuts.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(opener);

    // The search help closes with Esc from its button, and the search text stays.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('ferry');
    const help = page.getByRole('button', { name: 'Search syntax help' });
    await help.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Search syntax' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Search syntax' }).count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe(
      'ferry',
    );
    expect(await help.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
  });

  it('raised no page errors and no CSP violations', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.csp).toEqual([]);
  });
});
