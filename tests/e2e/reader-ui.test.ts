/// <reference lib="dom" />
// The renderer build over the real engine (HTTP bridge) in Debian Chromium: a new library,
// drops, search, tags, reading, trash, keyboard use and accessibility. Each test has a page
// and a library of its own (a copy of a library seeded once), so none depends on another,
// and each waits on what the page shows rather than on a clock.
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, filesFromDisk, screenshot, seriousAxeViolations } from '../support/e2e-browser';
import type { E2eApp } from '../support/e2e-server';
import {
  browserTestsReady,
  endSession,
  type FreshApp,
  openFreshApp,
  seedLibrary,
  type SeedLibrary,
} from '../support/e2e-session';
import { openRow as openListRow, sidebarViewCount, waitForViewCount } from '../support/e2e-ui';
import { reutersDocs } from '../bench/corpus/sources';
import { bbcDir, reutersJsonl, sampleArticle } from '../support/shared-data';

const ready = browserTestsReady({ shared: true });
const viewport = { width: 1360, height: 860 };
const techDir = join(bbcDir, 'tech');

/** A long article (many screens at any window size), so there is room to read to its end. */
function longArticle(title: string): { name: string; data: Uint8Array } {
  const paragraphs = Array.from(
    { length: 80 },
    (_, i) =>
      `Paragraph ${i + 1}: the harbour cranes stood still for the ${i + 1}th day while the ` +
      'negotiators met again in the port office, and the ships waiting offshore kept their ' +
      'engines running through the night.',
  );
  return {
    name: 'long-read.txt',
    data: new TextEncoder().encode(`${title}\n\n${paragraphs.join('\n\n')}\n`),
  };
}

describe.skipIf(!ready)('reader UI in Chromium', () => {
  /** The sample article alone. */
  let withSample: SeedLibrary;
  /** The sample article and the BBC technology folder. */
  let withTech: SeedLibrary;
  let session: FreshApp | undefined;
  let app: E2eApp;
  let page: Page;

  const open = async (seed?: SeedLibrary) => {
    session = await openFreshApp({ viewport, ...(seed ? { seed } : {}) });
    ({ app, page } = session);
  };
  /** Waits until the element's text matches (or, with `not`, stops matching). */
  const untilText = (locator: Locator, text: RegExp | string, not = false) =>
    locator
      .filter(not ? { hasNotText: text } : { hasText: text })
      .first()
      .waitFor();
  const listCount = () => page.getByTestId('list-count');
  /** Waits until the list shows the rows of the newest query (it is aria-busy until then). */
  const listSettled = () => page.locator('.list-scroller[aria-busy="false"]').waitFor();
  const viewCount = (label: string) => sidebarViewCount(page, label);
  const rows = () => page.locator('.row:not(.placeholder)');
  const readerTitle = () => page.locator('.reader .article-title');
  const view = (label: string) => page.locator('.views .nav-item', { hasText: label });
  /** Clicks a row and waits until the reader shows that article. */
  const openRow = (row: Locator) => openListRow(page, row);
  const search = (q: string) => page.getByRole('searchbox', { name: 'Search articles' }).fill(q);

  /** Copies of the test articles: the reader shows source paths, and the docs screenshots
   * must not show a path of the machine that made them. */
  let articles: string;

  beforeAll(async () => {
    articles = await mkdtemp(join(tmpdir(), 'articles-'));
    const sample = join(articles, basename(sampleArticle));
    const tech = join(articles, 'tech');
    await cp(sampleArticle, sample);
    await cp(techDir, tech, { recursive: true });
    withSample = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: sample }]);
    });
    withTech = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: sample }]);
      await engine.importSources([{ path: tech }]);
    });
  });

  afterAll(async () => {
    await withSample?.remove();
    await withTech?.remove();
    if (articles) await rm(articles, { recursive: true, force: true });
  });

  // Every test's page must end without page errors or CSP violations.
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  it('shows the empty state in a new library', async () => {
    await open();
    await page.getByRole('heading', { name: 'Your archive is empty' }).waitFor();
    await page.getByRole('button', { name: 'Import the sample article' }).waitFor();
    await screenshot(page, 'empty');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('dropping the sample article shows an overlay, imports it and updates the list', async () => {
    await open();
    await dropFiles(page, filesFromDisk([sampleArticle]), async () => {
      await page.locator('.drop-overlay').waitFor();
      await screenshot(page, 'drop-overlay');
    });
    await page.locator('.drop-overlay').waitFor({ state: 'detached' });
    await untilText(page.locator('.import-counts'), /1 article imported/);
    await waitForViewCount(page, 'All articles', 1);
    await rows().first().waitFor();
    expect(await rows().count()).toBe(1);
    expect(await rows().first().locator('.row-title').innerText()).toMatch(/Tehran, Baghdad/);
  });

  it('dropping a whole BBC folder shows progress, then counts with duplicates', async () => {
    await open(withSample);
    const names = readdirSync(techDir)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    await dropFiles(page, filesFromDisk(names.map((n) => join(techDir, n))));
    const progress = page.getByRole('status', { name: 'Import' });
    await progress.waitFor({ timeout: 20_000 }).then(
      () => screenshot(page, 'importing'),
      // The import may be done before the progress panel is seen; the summary says the rest.
      () => undefined,
    );
    const summary = page.getByRole('status', { name: 'Import summary' });
    await summary.waitFor({ timeout: 90_000 });
    const counts = await summary.locator('.import-counts').innerText();
    const imported = Number(/([\d,]+) articles? imported/.exec(counts)?.[1]?.replace(/,/g, ''));
    const duplicates = Number(/([\d,]+) duplicates?/.exec(counts)?.[1]?.replace(/,/g, ''));
    expect(imported + duplicates).toBe(names.length);
    expect(duplicates).toBeGreaterThan(0);
    await waitForViewCount(page, 'All articles', 1 + imported);
    await untilText(listCount(), new RegExp(`${(1 + imported).toLocaleString('en-US')} articles`));
    // A duplicate links to the article already there.
    await summary.getByRole('button', { name: 'Show details' }).click();
    await summary.locator('.import-details .link-button').first().click();
    await readerTitle().waitFor();
    await page.getByRole('button', { name: 'Close import summary' }).click();
    await screenshot(page, 'library');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('searches as you type with highlighted snippets and a count', async () => {
    await open(withTech);
    await search('mobile phone');
    await listSettled();
    await untilText(listCount(), /^\d[\d,]* results?/);
    const total = Number((await listCount().innerText()).replace(/\D.*$/, ''));
    expect(total).toBeGreaterThan(5);
    await rows().first().locator('mark').first().waitFor();
    const marked = await rows().locator('mark').allInnerTexts();
    expect(marked.some((m) => /mobile|phone/i.test(m))).toBe(true);
    await screenshot(page, 'search');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const before = await listCount().innerText();
    await search('"mobile phones"');
    await untilText(listCount(), before, true);
    await listSettled();
    await untilText(listCount(), /^\d[\d,]* results?/);
    const phraseTotal = Number((await listCount().innerText()).replace(/\D.*$/, ''));
    expect(phraseTotal).toBeGreaterThan(0);
    expect(phraseTotal).toBeLessThanOrEqual(total);
    const snippet = await rows().first().locator('.row-excerpt').innerText();
    // Phrases match stemmed words next to each other: "mobile phone" counts too.
    expect(snippet.toLowerCase()).toMatch(/mobile\s+phone/);
  });

  it('opening a result highlights the matches in the reader and n steps through them', async () => {
    await open(withTech);
    await search('"mobile phones"');
    await listSettled();
    await untilText(listCount(), /^\d[\d,]* results?/);
    await rows().first().locator('mark').first().waitFor();
    await rows().first().click();
    const current = page.locator('.article-body mark.current');
    await current.waitFor();
    const count = await page.locator('.article-body mark').count();
    expect(await current.getAttribute('data-match')).toBe('0');
    if (count > 1) {
      await page.locator('.reader-scroller').focus();
      await page.keyboard.press('n');
      await page.locator('.article-body mark.current[data-match="1"]').waitFor();
      await page.keyboard.press('Shift+N');
      await page.locator('.article-body mark.current[data-match="0"]').waitFor();
    }
  });

  it('a bad query shows the engine’s explanation, not a blank list', async () => {
    await open(withTech);
    await search('"unclosed phrase');
    const alert = page.getByRole('alert');
    await untilText(alert, /never closed/i);
    await search('title:');
    await untilText(alert, /followed by a word/i);
    await search('');
    await untilText(listCount(), /articles/);
  });

  it('tags articles in the reader and filters by one tag, then narrows by a second', async () => {
    await open(withTech);
    const tagItem = (name: string) => page.locator('.facet .nav-item', { hasText: name });
    const chips = page.locator('.reader-tags .chip');
    await openRow(rows().nth(0));
    await page.keyboard.press('t');
    await page.keyboard.type('gadgets');
    await page.keyboard.press('Enter');
    await page.keyboard.type('weekly');
    await page.keyboard.press('Enter');
    await chips.nth(1).waitFor();
    expect(await chips.count()).toBe(2);
    await openRow(rows().nth(1));
    await page.keyboard.press('t');
    await page.keyboard.type('gadg');
    await untilText(page.locator('.suggestions [role="option"]'), 'gadgets');
    expect(await page.locator('.suggestions [role="option"]').allInnerTexts()).toEqual(['gadgets']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await untilText(chips, 'gadgets');
    expect(await chips.allInnerTexts()).toEqual([expect.stringContaining('gadgets')]);
    await untilText(tagItem('gadgets').locator('.count'), /^2$/);
    await tagItem('gadgets').click();
    await untilText(listCount(), /2 articles/);
    await tagItem('weekly').click();
    await untilText(listCount(), /1 article\b/);
    await tagItem('weekly').click();
    await untilText(listCount(), /2 articles/);
    await listSettled();
    // Bulk: select both with shift-click and tag them together.
    await rows().nth(0).click();
    await rows()
      .nth(1)
      .click({ modifiers: ['Shift'] });
    await page.getByRole('heading', { name: '2 articles selected' }).waitFor();
    await page.getByRole('combobox', { name: 'Add a tag to the selected articles' }).fill('review');
    await page.keyboard.press('Enter');
    await untilText(tagItem('review').locator('.count'), /^2$/);
    await page.getByRole('button', { name: 'Remove filter tag: gadgets' }).click();
    await untilText(listCount(), /2 articles/, true);
  });

  it('merges a tag into another from the tag manager, and Undo restores it', async () => {
    await open(withTech);
    const tagItem = (name: string) => page.locator('.facet .nav-item', { hasText: name });
    const [first, second] = (await app.engine.list({ limit: 2 })).items;
    await app.engine.addTags([first!.id], ['gadgets', 'weekly']);
    await app.engine.addTags([second!.id], ['gadgets']);
    await untilText(tagItem('weekly').locator('.count'), /^1$/);
    await untilText(tagItem('gadgets').locator('.count'), /^2$/);

    await page.getByRole('button', { name: 'Manage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByRole('textbox', { name: 'New name for tag weekly' }).fill('gadgets');
    await dialog.getByRole('textbox', { name: 'New name for tag weekly' }).press('Enter');
    await tagItem('weekly').waitFor({ state: 'detached' });
    await untilText(tagItem('gadgets').locator('.count'), /^2$/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('.toast', { hasText: 'Merged' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await untilText(tagItem('weekly').locator('.count'), /^1$/);
  });

  it('reading to the end marks an article read and the position is kept', async () => {
    await open(withTech);
    const title = 'Harbour cranes: the long strike';
    const summary = await app.engine.importSources([longArticle(title)]);
    const id = summary.imported[0]!.id;
    await view('Unread').click();
    await untilText(listCount(), /^Unread/);
    await listSettled();
    const row = page.locator(`.row[data-id="${id}"]`);
    await row.waitFor();
    const unreadBefore = await viewCount('Unread');
    await openRow(row);
    const scroller = page.locator('.reader-scroller');
    const room = await scroller.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(room).toBeGreaterThan(1000);

    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    // The reader marks it read: its toolbar offers "Mark unread", and the count drops.
    await page.getByRole('button', { name: 'Mark unread' }).waitFor();
    await waitForViewCount(page, 'Unread', unreadBefore - 1);
    expect((await app.engine.get(id)).read).toBe(true);

    await scroller.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
    });
    // data-saved-position is set once the engine has stored the position.
    await page.waitForFunction(() => {
      const saved = document.querySelector<HTMLElement>('.reader-scroller')?.dataset.savedPosition;
      return saved !== undefined && Number(saved) > 0.3 && Number(saved) < 0.7;
    });
    const saved = Number(await scroller.getAttribute('data-saved-position'));
    expect((await app.engine.get(id)).position).toBeCloseTo(saved, 3);

    // Opened again, the article comes back at that position.
    await view('All articles').click();
    await untilText(listCount(), /^All articles/);
    await listSettled();
    await openRow(rows().nth(1));
    await openRow(page.locator(`.row[data-id="${id}"]`));
    const fraction = await scroller.evaluate(
      (el) => el.scrollTop / (el.scrollHeight - el.clientHeight),
    );
    expect(fraction).toBeCloseTo(saved, 2);

    // Mark unread with u; the reader offers "Mark read" again and the engine agrees.
    await scroller.focus();
    await page.keyboard.press('u');
    await page.getByRole('button', { name: 'Mark read', exact: true }).waitFor();
    expect((await app.engine.get(id)).read).toBe(false);
  });

  it('Delete moves to the trash and Undo brings it back', async () => {
    await open(withTech);
    await untilText(listCount(), /^All articles/);
    const all = await viewCount('All articles');
    await openRow(rows().nth(2));
    const title = await rows().nth(2).locator('.row-title').innerText();
    await page.keyboard.press('Delete');
    await waitForViewCount(page, 'Trash', 1);
    await waitForViewCount(page, 'All articles', all - 1);
    const toast = page.locator('.toast', { hasText: 'trash' });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await waitForViewCount(page, 'Trash', 0);
    await waitForViewCount(page, 'All articles', all);
    await untilText(rows().nth(2).locator('.row-title'), title);
  });

  it('works from the keyboard alone', async () => {
    await open(withTech);
    const selected = page.locator('.row.selected');
    await page.locator('body').click({ position: { x: 700, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('broadband');
    await listSettled();
    await untilText(listCount(), /results?/);
    await page.keyboard.press('Enter');
    await selected.waitFor();
    expect(await selected.count()).toBe(1);
    const first = await selected.getAttribute('data-id');
    await page.keyboard.press('j');
    await page.locator(`.row.selected:not([data-id="${first}"])`).waitFor();
    await page.keyboard.press('k');
    await page.locator(`.row.selected[data-id="${first}"]`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator(`.row.selected:not([data-id="${first}"])`).waitFor();
    expect(
      await page.locator('[role="listbox"]').first().getAttribute('aria-activedescendant'),
    ).toBe('row-1');
    const id = await selected.getAttribute('data-id');
    await readerTitle().waitFor();
    await page.keyboard.press('f');
    await page.getByRole('button', { name: '★ Favourite' }).waitFor();
    expect((await app.engine.get(id!)).favourite).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      'reader-scroller',
    );
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await page.keyboard.press('?');
    await shortcuts.waitFor();
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await untilText(listCount(), /articles/);
    // The splitter resizes from the keyboard and the width is remembered.
    const splitter = page.getByRole('separator', { name: 'Resize article list' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page
      .locator(
        `[role="separator"][aria-label="Resize article list"][aria-valuenow="${before + 16}"]`,
      )
      .waitFor();
    expect(await page.evaluate(() => localStorage.getItem('ar.listWidth'))).toBe(
      String(before + 16),
    );
  });

  it('shows hard-wrapped wire copy as paragraphs, not one line each', async () => {
    // Reuters-21578's first story keeps its ~60-column line breaks and indented paragraphs.
    const [story] = await reutersDocs(reutersJsonl, 1);
    const lines = story!.text.split('\n').filter((l) => l.trim() !== '').length;
    await open(withSample);
    await app.engine.importSources([
      { name: 'bahia-cocoa-review.txt', data: new TextEncoder().encode(story!.text) },
    ]);
    await rows().filter({ hasText: 'BAHIA COCOA REVIEW' }).first().click();
    const paragraphs = page.locator('.article-body p');
    await paragraphs.first().waitFor();
    const count = await paragraphs.count();
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(lines / 3);
    expect((await paragraphs.first().innerText()).length).toBeGreaterThan(150);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(page, 'reader-hard-wrapped');
  });

  it('reads comfortably in light and dark themes', async () => {
    await open(withTech);
    // The screenshots show a library in use: tags and a favourite in the list.
    const [first, second] = (await app.engine.list({ limit: 2 })).items;
    await app.engine.addTags([first!.id, second!.id], ['gadgets', 'review']);
    await app.engine.setFavourite([second!.id], true);
    await search('Tehran Baghdad');
    await listSettled();
    await untilText(rows().first().locator('.row-title'), /Tehran/);
    await rows().first().click();
    await page.locator('.article-body').waitFor();
    await search('');
    await untilText(listCount(), /^All articles/);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('light');
    await page.locator('.reader-scroller').evaluate((el) => (el.scrollTop = 0));
    for (const b of await page.getByRole('button', { name: 'Dismiss' }).all()) await b.click();
    await page.locator('.facet .nav-item', { hasText: 'review' }).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(page, 'reader-light');
    const p = page.locator('.article-body p').first();
    const light = await p.evaluate((el) => getComputedStyle(el).color);
    await theme.selectOption('dark');
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await p.evaluate((el) => getComputedStyle(el).color)).not.toBe(light);
    expect(
      await page
        .locator('.place')
        .first()
        .evaluate((el) => getComputedStyle(el).fontVariantCaps),
    ).toMatch(/small-caps/);
    await screenshot(page, 'reader-dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('sepia');
    await page.locator('html[data-theme="sepia"]').waitFor({ state: 'attached' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('system');
  });
});
