/// <reference lib="dom" />
// The window at any width from Electron's minimum up: no horizontal scrollbar, the reader's
// toolbar in view, the sidebar collapsible, and below two panes' width one pane with Back.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/e2e-browser';
import {
  browserTestsReady,
  openFreshApp,
  seedLibrary,
  type FreshApp,
  type SeedLibrary,
} from '../support/e2e-session';
import { bbcDir } from '../support/shared-data';

const ready = browserTestsReady({ shared: true, label: 'responsive' });
const HEIGHT = 760;
/** renderer/src/app/pane-layout.ts: the reader's least width beside the list. */
const READER_MIN = 420;

/** What overflows the window sideways, or is cut off by its edge. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const cut = (selector: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector))
        .filter(
          (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
        )
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < 0 || r.right > root.clientWidth || r.width === 0;
        })
        .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      bodyScrollWidth: document.body.scrollWidth,
      cutToolbar: cut('.reader-toolbar button, .reader-toolbar select'),
    };
  });
}

describe.skipIf(!ready)('the window at any width', () => {
  let seed: SeedLibrary;
  let articles: string | undefined;
  let session: FreshApp | undefined;
  let page: Page;

  const rows = () => page.locator('.row:not(.placeholder)');
  const readerTitle = () => page.locator('.reader .article-title');
  const listPane = () => page.locator('.list-pane');
  const open = async (width: number) => {
    session = await openFreshApp({ viewport: { width, height: HEIGHT }, seed });
    ({ page } = session);
  };

  beforeAll(async () => {
    // Imported from a copy, so the source path the reader shows (and the docs screenshot
    // keeps) names no folder of the machine the tests ran on.
    const copy = join((articles = await mkdtemp(join(tmpdir(), 'articles-'))), 'tech');
    await cp(join(bbcDir, 'tech'), copy, { recursive: true });
    seed = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: copy }]);
    });
  }, 120_000);
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(async () => {
    await seed?.remove();
    if (articles) await rm(articles, { recursive: true, force: true });
  });

  it('has no horizontal scrollbar and shows the whole reader toolbar at 1360, 1000, 800 and 640 px', async () => {
    await open(1360);
    for (const width of [1360, 1000, 800, 640]) {
      await page.setViewportSize({ width, height: HEIGHT });
      // The layout follows the resize event: wait until it has.
      const mode = width >= 960 ? 'wide' : width >= 720 ? 'narrow' : 'single';
      await page.locator(`.app.${mode}`).waitFor();
      if (!(await readerTitle().isVisible())) {
        // One pane: the list shows until an article is opened from it.
        expect(await listPane().isVisible()).toBe(true);
        const title = await rows().nth(2).locator('.row-title-text').innerText();
        await rows().nth(2).click();
        await readerTitle().filter({ hasText: title }).waitFor();
      }
      await screenshot(page, `narrow-${width}`);
      const o = await overflow(page);
      expect(o.scrollWidth, `width ${width}`).toBeLessThanOrEqual(o.clientWidth);
      expect(o.bodyScrollWidth, `width ${width}`).toBeLessThanOrEqual(o.clientWidth);
      expect(o.cutToolbar, `width ${width}`).toEqual([]);
      await expect(page.getByRole('button', { name: 'Original' }).isVisible()).resolves.toBe(true);
      if (width >= 720) {
        // Two panes: the list stays usable beside the reader.
        const box = await listPane().boundingBox();
        expect(box?.width ?? 0).toBeGreaterThanOrEqual(260);
        await rows().first().waitFor();
        expect(await page.getByRole('searchbox', { name: 'Search articles' }).isVisible()).toBe(
          true,
        );
      }
    }
  }, 120_000);

  it('keeps the panes inside the window however far the splitters are dragged', async () => {
    await open(1000);
    await rows().first().click();
    await readerTitle().waitFor();
    for (const name of ['Resize sidebar', 'Resize article list']) {
      await page.getByRole('separator', { name }).focus();
      await page.keyboard.press('End');
    }
    const o = await overflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
    expect(o.cutToolbar).toEqual([]);
    const reader = await page.locator('.reader-pane').boundingBox();
    expect(reader?.width ?? 0).toBeGreaterThanOrEqual(READER_MIN);
  }, 60_000);

  it('hides and shows the sidebar with its button and Ctrl+\\, as a drawer in a narrow window', async () => {
    await open(1360);
    const sidebar = page.locator('.sidebar-pane');
    await expect(sidebar.isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Hide sidebar' }).click();
    await sidebar.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+Backslash');
    await sidebar.waitFor();

    await page.setViewportSize({ width: 800, height: HEIGHT });
    await sidebar.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Show sidebar' }).click();
    await page.locator('.sidebar-pane.drawer').waitFor();
    await screenshot(page, 'narrow-800-drawer');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Focus goes into the drawer, on the current view; Esc closes it and returns to the button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      'All articles',
    );
    await page.keyboard.press('Escape');
    await sidebar.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Show sidebar',
    );
    // Choosing a view closes the drawer and shows that view.
    await page.keyboard.press('Control+Backslash');
    await page.locator('.sidebar-pane.drawer .nav-item', { hasText: 'Unread' }).click();
    await sidebar.waitFor({ state: 'detached' });
    await page.getByRole('listbox', { name: 'Unread' }).waitFor();
  }, 60_000);

  it('shows the list and the reader as one pane at 640 px, and Back returns to the same place in the list', async () => {
    await open(640);
    const scroller = page.locator('.list-scroller');
    expect(await page.locator('.reader-pane').isVisible()).toBe(false);
    await scroller.evaluate((el) => el.scrollBy(0, 900));
    // The list renders the rows in view after the scroll event, so the nth row is resolved once
    // and then pinned by its id: a lazy `nth` could name a different row at each use.
    const id = await rows()
      .filter({ has: page.locator('.row-title-text') })
      .nth(8)
      .getAttribute('data-id');
    const row = page.locator(`.row[data-id="${id}"]`);
    const title = await row.locator('.row-title-text').innerText();
    await row.click();
    await readerTitle().filter({ hasText: title }).waitFor();
    expect(await listPane().isVisible()).toBe(false);
    await screenshot(page, 'narrow-640-reader');
    const scrollTop = await scroller.evaluate((el) => el.scrollTop);
    expect(scrollTop).toBeGreaterThan(0);

    const back = page.getByRole('button', { name: 'Back', exact: true });
    await back.click();
    await listPane().waitFor({ state: 'visible' });
    expect(await page.locator('.reader-pane').isVisible()).toBe(false);
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrollTop);
    await expect(page.locator(`.row[data-id="${id}"]`).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Focus is back in the list, so the list's keys work at once.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('list-scroller');

    // Enter opens the selected article again; Esc and Alt+Left go back.
    for (const key of ['Escape', 'Alt+ArrowLeft']) {
      await page.keyboard.press('Enter');
      await readerTitle().filter({ hasText: title }).waitFor({ state: 'visible' });
      expect(await listPane().isVisible()).toBe(false);
      await page.keyboard.press(key);
      await listPane().waitFor({ state: 'visible' });
      await expect(
        page.locator(`.row[data-id="${id}"]`).getAttribute('aria-selected'),
      ).resolves.toBe('true');
    }
    // j moves the selection in the list without leaving it.
    await page.keyboard.press('j');
    expect(await listPane().isVisible()).toBe(true);
    // From the reader, / goes back to the list's search field.
    await page.keyboard.press('Enter');
    await page.locator('.reader-pane').waitFor({ state: 'visible' });
    await page.keyboard.press('/');
    await listPane().waitFor({ state: 'visible' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
      .toBe('search');
    const o = await overflow(page);
    expect(o.scrollWidth).toBeLessThanOrEqual(o.clientWidth);
  }, 60_000);
});
