/// <reference lib="dom" />
// The renderer build over the real engine (HTTP bridge) in Debian Chromium: a new library,
// drops, search, tags, reading, trash, keyboard use and accessibility, in one session.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFiles,
  filesFromDisk,
  screenshot,
  seriousAxeViolations,
  type PageProblems,
} from '../support/e2e-browser';
import type { E2eApp } from '../support/e2e-server';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { sidebarViewCount } from '../support/e2e-ui';
import { bbcDir, sampleArticle } from '../support/shared-data';

const ready = browserTestsReady({ shared: true });

describe.skipIf(!ready)('reader UI in Chromium', () => {
  let session: FreshApp;
  let app: E2eApp;
  let page: Page;
  let problems: PageProblems;

  const listCount = () => page.getByTestId('list-count').innerText();
  const viewCount = (label: string) => sidebarViewCount(page, label);
  const rows = () => page.locator('.row:not(.placeholder)');
  /** Clicks a row and waits until the reader shows that article. */
  const openRow = async (n: number) => {
    const row = rows().nth(n);
    const title = await row.locator('.row-title-text').innerText();
    await row.click();
    await expect.poll(() => page.locator('.article-title').innerText()).toBe(title);
  };
  const search = async (q: string) => {
    await page.getByRole('searchbox', { name: 'Search articles' }).fill(q);
  };

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ app, page, problems } = session);
  });

  afterAll(() => session?.close());

  it('shows the empty state in a new library', async () => {
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your archive is empty' }).isVisible())
      .toBe(true);
    await expect(
      page.getByRole('button', { name: 'Import the sample article' }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'empty', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('dropping the sample article shows an overlay, imports it and updates the list', async () => {
    await dropFiles(page, filesFromDisk([sampleArticle]), async () => {
      await expect.poll(() => page.locator('.drop-overlay').isVisible()).toBe(true);
      await screenshot(page, 'drop-overlay');
    });
    await expect.poll(() => page.locator('.drop-overlay').count()).toBe(0);
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => viewCount('All articles')).toBe(1);
    expect(await rows().first().locator('.row-title').innerText()).toMatch(/Tehran, Baghdad/);
    await expect
      .poll(() => page.locator('.import-counts').innerText())
      .toMatch(/1 article imported/);
  });

  it('dropping a whole BBC folder shows progress, then counts with duplicates', async () => {
    const dir = join(bbcDir, 'tech');
    const names = readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    await dropFiles(page, filesFromDisk(names.map((n) => join(dir, n))));
    const progress = page.getByRole('status', { name: 'Import' });
    await progress.waitFor({ timeout: 20_000 }).then(
      () => screenshot(page, 'importing'),
      () => undefined,
    );
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.waitFor({ timeout: 90_000 });
    const counts = await summary.locator('.import-counts').innerText();
    const imported = Number(/([\d,]+) articles? imported/.exec(counts)?.[1]?.replace(/,/g, ''));
    const duplicates = Number(/([\d,]+) duplicates?/.exec(counts)?.[1]?.replace(/,/g, ''));
    expect(imported + duplicates).toBe(names.length);
    expect(duplicates).toBeGreaterThan(0);
    await expect.poll(() => viewCount('All articles'), { timeout: 10_000 }).toBe(1 + imported);
    await expect
      .poll(listCount)
      .toMatch(new RegExp(`${(1 + imported).toLocaleString('en-US')} articles`));
    // A duplicate links to the article already there.
    await summary.getByRole('button', { name: 'Show details' }).click();
    await summary.locator('.import-details .link-button').first().click();
    await expect.poll(() => page.locator('.article-title').count()).toBe(1);
    await page.getByRole('button', { name: 'Close import summary' }).click();
    await screenshot(page, 'library', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('searches as you type with highlighted snippets and a count', async () => {
    await search('mobile phone');
    await expect.poll(listCount).toMatch(/^\d[\d,]* results?/);
    const total = Number((await listCount()).replace(/\D.*$/, ''));
    expect(total).toBeGreaterThan(5);
    await expect.poll(() => rows().first().locator('mark').count()).toBeGreaterThan(0);
    const marked = await rows().locator('mark').allInnerTexts();
    expect(marked.some((m) => /mobile|phone/i.test(m))).toBe(true);
    await screenshot(page, 'search', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = await listCount();
    await search('"mobile phones"');
    await expect.poll(listCount).not.toBe(before);
    const phraseTotal = Number((await listCount()).replace(/\D.*$/, ''));
    expect(phraseTotal).toBeGreaterThan(0);
    expect(phraseTotal).toBeLessThanOrEqual(total);
    const snippet = await rows().first().locator('.row-excerpt').innerText();
    // Phrases match stemmed words next to each other: "mobile phone" counts too.
    expect(snippet.toLowerCase()).toMatch(/mobile\s+phone/);
  });

  it('opening a result highlights the matches in the reader and n steps through them', async () => {
    await rows().first().click();
    await expect.poll(() => page.locator('.article-body mark').count()).toBeGreaterThan(0);
    const count = await page.locator('.article-body mark').count();
    expect(await page.locator('.article-body mark.current').getAttribute('data-match')).toBe('0');
    if (count > 1) {
      await page.locator('.reader-scroller').focus();
      await page.keyboard.press('n');
      await expect
        .poll(() => page.locator('.article-body mark.current').getAttribute('data-match'))
        .toBe('1');
      await page.keyboard.press('Shift+N');
      await expect
        .poll(() => page.locator('.article-body mark.current').getAttribute('data-match'))
        .toBe('0');
    }
  });

  it('a bad query shows the engine’s explanation, not a blank list', async () => {
    await search('"unclosed phrase');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/never closed/i);
    await search('title:');
    await expect.poll(() => alert.innerText()).toMatch(/followed by a word/i);
    await search('');
    await expect.poll(listCount).toMatch(/articles/);
  });

  it('tags articles in the reader and filters by one tag, then narrows by a second', async () => {
    await openRow(0);
    await page.keyboard.press('t');
    await page.keyboard.type('gadgets');
    await page.keyboard.press('Enter');
    await page.keyboard.type('weekly');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.reader-tags .chip').count()).toBe(2);
    await openRow(1);
    await page.keyboard.press('t');
    await page.keyboard.type('gadg');
    await expect
      .poll(() => page.locator('.suggestions [role="option"]').allInnerTexts())
      .toEqual(['gadgets']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.reader-tags .chip').allInnerTexts())
      .toEqual([expect.stringContaining('gadgets')]);
    const gadgets = page.locator('.facet .nav-item', { hasText: 'gadgets' });
    await expect.poll(() => gadgets.locator('.count').innerText()).toBe('2');
    await gadgets.click();
    await expect.poll(listCount).toMatch(/2 articles/);
    await page.locator('.facet .nav-item', { hasText: 'weekly' }).click();
    await expect.poll(listCount).toMatch(/1 article\b/);
    await page.locator('.facet .nav-item', { hasText: 'weekly' }).click();
    await expect.poll(listCount).toMatch(/2 articles/);
    // Bulk: select both with shift-click and tag them together.
    await rows().nth(0).click();
    await rows()
      .nth(1)
      .click({ modifiers: ['Shift'] });
    await expect
      .poll(() => page.getByRole('heading', { name: '2 articles selected' }).count())
      .toBe(1);
    await page.getByRole('combobox', { name: 'Add a tag to the selected articles' }).fill('review');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page.locator('.facet .nav-item', { hasText: 'review' }).locator('.count').innerText(),
      )
      .toBe('2');
    await page.getByRole('button', { name: 'Remove filter tag: gadgets' }).click();
    await expect.poll(listCount).not.toMatch(/2 articles/);
  });

  it('merges a tag into another from the tag manager, and Undo restores it', async () => {
    const tagItem = (name: string) => page.locator('.facet .nav-item', { hasText: name });
    await page.getByRole('button', { name: 'Manage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByRole('textbox', { name: 'New name for tag weekly' }).fill('gadgets');
    await dialog.getByRole('textbox', { name: 'New name for tag weekly' }).press('Enter');
    await expect.poll(() => tagItem('weekly').count()).toBe(0);
    await expect.poll(() => tagItem('gadgets').locator('.count').innerText()).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page
      .locator('.toast', { hasText: 'Renamed' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => tagItem('weekly').count()).toBe(1);
  });

  it('reading to the end marks an article read and the position is kept', async () => {
    await page.locator('.views .nav-item', { hasText: 'Unread' }).click();
    await expect.poll(listCount).toMatch(/^Unread/);
    const unreadBefore = await viewCount('Unread');
    const id = await rows().first().getAttribute('data-id');
    await openRow(0);
    await page.locator('.reader-scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => viewCount('Unread')).toBe(unreadBefore - 1);
    await expect.poll(async () => (await app.engine.get(id!)).read).toBe(true);
    await page.locator('.reader-scroller').evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
    });
    await expect
      .poll(async () => (await app.engine.get(id!)).position, { timeout: 5000 })
      .toBeGreaterThan(0.3);
    expect((await app.engine.get(id!)).position).toBeLessThan(0.7);
    // Mark unread with u; it stays unread.
    await page.locator('.reader-scroller').focus();
    await page.keyboard.press('u');
    await expect.poll(async () => (await app.engine.get(id!)).read).toBe(false);
    await page.locator('.views .nav-item', { hasText: 'All articles' }).click();
  });

  it('Delete moves to the trash and Undo brings it back', async () => {
    await expect.poll(listCount).toMatch(/^All articles/);
    const all = await viewCount('All articles');
    await openRow(2);
    const title = await rows().nth(2).locator('.row-title').innerText();
    await page.keyboard.press('Delete');
    await expect.poll(() => viewCount('Trash')).toBe(1);
    await expect.poll(() => viewCount('All articles')).toBe(all - 1);
    const toast = page.locator('.toast', { hasText: 'trash' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => viewCount('Trash')).toBe(0);
    await expect.poll(() => viewCount('All articles')).toBe(all);
    await expect.poll(() => rows().nth(2).locator('.row-title').innerText()).toBe(title);
  });

  it('works from the keyboard alone', async () => {
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('broadband');
    await expect.poll(listCount).toMatch(/results?/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.row.selected').count()).toBe(1);
    const first = await page.locator('.row.selected').getAttribute('data-id');
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.row.selected').getAttribute('data-id')).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.row.selected').getAttribute('data-id')).toBe(first);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.row.selected').getAttribute('data-id')).not.toBe(first);
    expect(
      await page.locator('[role="listbox"]').first().getAttribute('aria-activedescendant'),
    ).toBe('row-1');
    const id = await page.locator('.row.selected').getAttribute('data-id');
    await expect.poll(() => page.locator('.article-title').count()).toBe(1);
    await page.keyboard.press('f');
    await expect.poll(async () => (await app.engine.get(id!)).favourite).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'reader-scroller',
    );
    await page.keyboard.press('?');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible())
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count())
      .toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(listCount).toMatch(/articles/);
    // The splitter resizes from the keyboard and the width is remembered.
    const splitter = page.getByRole('separator', { name: 'Resize article list' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => Number(await splitter.getAttribute('aria-valuenow')))
      .toBe(before + 16);
    expect(await page.evaluate(() => localStorage.getItem('ar.listWidth'))).toBe(
      String(before + 16),
    );
  });

  it('reads comfortably in light and dark themes', async () => {
    await page.locator('.views .nav-item', { hasText: 'All articles' }).click();
    await search('Tehran Baghdad');
    await expect.poll(() => rows().first().locator('.row-title').innerText()).toMatch(/Tehran/);
    await rows().first().click();
    await page.locator('.article-body').waitFor();
    await search('');
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('light');
    await page.locator('.reader-scroller').evaluate((el) => (el.scrollTop = 0));
    for (const b of await page.getByRole('button', { name: 'Dismiss' }).all()) await b.click();
    await screenshot(page, 'reader-light', { docs: true });
    const p = page.locator('.article-body p').first();
    const light = await p.evaluate((el) => getComputedStyle(el).color);
    await theme.selectOption('dark');
    await expect.poll(() => p.evaluate((el) => getComputedStyle(el).color)).not.toBe(light);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(
      await page
        .locator('.place')
        .first()
        .evaluate((el) => getComputedStyle(el).fontVariantCaps),
    ).toMatch(/small-caps/);
    await screenshot(page, 'reader-dark', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('sepia');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('system');
  });

  it('raised no page errors and no CSP violations', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.csp).toEqual([]);
  });
});
