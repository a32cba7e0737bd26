/// <reference lib="dom" />
// Reading features in the renderer build over the real engine (HTTP bridge) in Chromium:
// long URLs wrap, Markdown is formatted, import dates say "added", the source file is named,
// find within the article, print only the article, copy a citation, and the list's progress,
// source names, compact density and sort direction. Articles are made here, not taken from
// the corpora.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../support/e2e-browser';
import { openRow as openListRow } from '../support/e2e-ui';
import {
  browserTestsReady,
  endSession,
  type FreshApp,
  openFreshApp,
  seedLibrary,
  type SeedLibrary,
} from '../support/e2e-session';

const ready = browserTestsReady({ label: 'reading features' });
const viewport = { width: 1360, height: 860 };

// No hyphen, slash or space after the host: nothing a browser would break a line at by itself.
const LONG_URL = `https://archive.example.org/${Array.from(
  { length: 220 },
  (_, i) => `zebrafish.${i}`,
).join('.')}`.slice(0, 2000);

const files: Record<string, string> = {
  'long-url.txt': `Where the long address goes\n\nThe report is at ${LONG_URL} and nowhere else.\n\nA second paragraph follows it.\n`,
  'notes.md': [
    '# Harbour notes',
    '',
    '## The port',
    '',
    'The harbour reopened on *Monday*, see [the port office](https://port.example.org/news).',
    '',
    '- cranes',
    '- tugs',
    '',
    '> Quiet again.',
    '',
    'Raw <b>bold tag</b> stays as text.',
    '',
  ].join('\n'),
  'a/twin.txt': 'Storm closes the coast road\n\nHeavy rain in the north closed the coast road.\n',
  'b/twin.txt': 'Storm closes the coast road\n\nA different storm, in the south, a year later.\n',
  'dated.txt':
    'Copper prices rise\n\nLONDON, March 3, 1987 - Copper rose. Copper traders said copper stocks fell.\n',
  'long-read.txt': `A long read about cranes\n\n${Array.from(
    { length: 60 },
    (_, i) => `Paragraph ${i + 1}: the harbour cranes stood still again today.`,
  ).join('\n\n')}\n`,
};

describe.skipIf(!ready)('reading features in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;
  let page: Page;

  const rows = () => page.locator('.row:not(.placeholder)');
  const row = (title: string) => rows().filter({ hasText: title });
  const openRow = (row: Locator) => openListRow(page, row);
  const toast = (text: RegExp | string) => page.locator('.toasts').getByText(text);

  beforeAll(async () => {
    src = mkdtempSync(join(tmpdir(), 'ar-reading-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(src, name, '..'), { recursive: true });
      writeFileSync(join(src, name), text);
    }
    seed = await seedLibrary(async (engine) => {
      const summary = await engine.importSources([{ path: src }]);
      const long = summary.imported.find((a) => a.title.startsWith('A long read'));
      if (long) await engine.setPosition(long.id, 0.5);
    });
  });
  afterAll(async () => {
    await seed?.remove();
    rmSync(src, { recursive: true, force: true });
  });
  const open = async (size = viewport) => {
    session = await openFreshApp({ viewport: size, seed });
    page = session.page;
  };
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  it('wraps a 2,000-character URL: the reader never scrolls sideways, even to a hit in it', async () => {
    await open();
    await openRow(row('Where the long address goes'));
    const widths = () =>
      page.locator('.reader-scroller').evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        left: el.scrollLeft,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
    const plain = await widths();
    expect(plain.scroll).toBeLessThanOrEqual(plain.client);
    expect(plain.page).toBeLessThanOrEqual(0);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('zebrafish');
    await openRow(row('Where the long address goes'));
    await page.locator('.reader mark.match').first().waitFor();
    const hit = await widths();
    expect(hit.scroll).toBeLessThanOrEqual(hit.client);
    expect(hit.left).toBe(0);
    const listRow = await row('Where the long address goes').evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(listRow.scroll).toBeLessThanOrEqual(listRow.client);
  });

  it('formats Markdown, with links and raw HTML as text', async () => {
    await open();
    await openRow(row('Harbour notes'));
    const body = page.getByTestId('markdown-body');
    await body.waitFor();
    expect(await body.getByRole('heading', { name: 'The port' }).count()).toBe(1);
    expect(await body.locator('li').allInnerTexts()).toEqual(['cranes', 'tugs']);
    expect(await body.locator('em').innerText()).toBe('Monday');
    expect(await body.locator('blockquote').innerText()).toContain('Quiet again.');
    expect(await body.locator('a, b, script, img').count()).toBe(0);
    const text = await body.innerText();
    expect(text).toContain('the port office (https://port.example.org/news)');
    expect(text).toContain('Raw <b>bold tag</b> stays as text.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Formatted' }).click();
    await body.waitFor({ state: 'detached' });
    expect(await page.locator('.reader .article-body').innerText()).toContain('*Monday*');
  });

  it('says "added" for an import date and names the source file of same-titled stories', async () => {
    await open();
    const twins = row('Storm closes the coast road');
    await expect.poll(() => twins.count()).toBe(2);
    const sources = await twins
      .locator('.row-source')
      .evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(new Set(sources).size).toBe(2);
    expect(sources.sort()).toEqual([join(src, 'a', 'twin.txt'), join(src, 'b', 'twin.txt')]);
    expect((await twins.locator('.row-source').allInnerTexts()).sort()).toEqual([
      'a/twin.txt',
      'b/twin.txt',
    ]);
    const undated = twins.first().locator('.row-date');
    expect(await undated.innerText()).toMatch(/^added /);
    expect(await undated.evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
    const dated = row('Copper prices rise').locator('.row-date');
    expect(await dated.innerText()).not.toMatch(/added/);
    expect(await dated.innerText()).toMatch(/1987/);

    await openRow(twins.first());
    const source = page.getByTestId('article-source');
    expect([join(src, 'a', 'twin.txt'), join(src, 'b', 'twin.txt')]).toContain(
      await source.innerText(),
    );
    expect(await page.locator('.reader .article-date').innerText()).toMatch(/^added /);
    // The bridge has no file manager: the call is refused with a clear sentence.
    await page.getByRole('button', { name: 'Show in folder' }).click();
    await toast('Show in folder works only in the desktop app.').waitFor();
  });

  it('finds within the article with Ctrl+F in the reader; / stays the library search', async () => {
    await open();
    await openRow(row('Copper prices rise'));
    await page.getByRole('region', { name: 'Article text' }).focus();
    await page.keyboard.press('Control+f');
    const find = page.getByRole('searchbox', { name: 'Find in article' });
    await expect.poll(() => find.evaluate((e) => e === document.activeElement)).toBe(true);
    await find.fill('copper');
    const count = page.getByTestId('find-count');
    await expect.poll(() => count.innerText()).toBe('1 of 4');
    // (Evaluated as text: the Node typings lack the registry's Map methods.)
    expect(
      await page.evaluate(
        "[CSS.highlights.get('find-match')?.size, CSS.highlights.has('find-current')]",
      ),
    ).toEqual([4, true]);
    await page.keyboard.press('Enter');
    await expect.poll(() => count.innerText()).toBe('2 of 4');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => count.innerText()).toBe('4 of 4');
    await page.keyboard.press('Escape');
    await find.waitFor({ state: 'detached' });
    expect(await page.evaluate("CSS.highlights.has('find-match')")).toBe(false);
    // Outside the reader, Ctrl+F and / go to the library search.
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.getByRole('listbox').focus();
    await page.keyboard.press('/');
    await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await find.count()).toBe(0);
  });

  it('prints only the article, and copies a citation', async () => {
    await open();
    await openRow(row('Copper prices rise'));
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; copied: string[] };
      w.printed = 0;
      w.copied = [];
      window.print = () => void w.printed++;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: (t: string) => (w.copied.push(t), Promise.resolve()) },
      });
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => getComputedStyle(e).display !== 'none');
    expect(await shown('.reader .article-title')).toBe(true);
    expect(await shown('.reader .article-body')).toBe(true);
    for (const hidden of ['.list-pane', '.reader-toolbar', '.reader-tags', '.search']) {
      expect(await shown(hidden), hidden).toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Cite: copy a citation' }).click();
    await toast(/^Citation copied: “Copper prices rise”/).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(/^“Copper prices rise”\. London, .*1987.*\. Source: .*dated\.txt\.$/);
  });

  it('shows reading progress in the list, a compact density kept as a setting, and a reversible sort', async () => {
    await open();
    const progress = row('A long read about cranes').getByRole('progressbar', {
      name: 'Read so far',
    });
    expect(await progress.getAttribute('aria-valuenow')).toBe('50');
    expect(await row('Copper prices rise').getByRole('progressbar').count()).toBe(0);

    const rowHeight = () =>
      rows()
        .first()
        .evaluate((e) => e.getBoundingClientRect().height);
    const comfortable = await rowHeight();
    await page.getByRole('button', { name: 'Compact' }).click();
    await expect.poll(rowHeight).toBeLessThanOrEqual(comfortable / 2 + 4);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.reload();
    await rows().first().waitFor();
    await expect.poll(rowHeight).toBeLessThanOrEqual(comfortable / 2 + 4);
    expect(await page.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    const firstTitle = () => rows().first().locator('.row-title-text').innerText();
    await expect.poll(firstTitle).toBe('A long read about cranes');
    await page.getByRole('button', { name: 'Sort direction: A to Z' }).click();
    await expect.poll(firstTitle).toBe('Where the long address goes');
    await page.getByRole('button', { name: 'Sort direction: Z to A' }).waitFor();
  });

  it('lists the find shortcut in the shortcuts dialog', async () => {
    await open();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/Find in the article/);
  });

  it('looks right at every width (screenshots for review)', async () => {
    for (const width of [1360, 1000, 800, 640]) {
      await open({ width, height: 860 });
      await page.getByRole('button', { name: 'Compact' }).waitFor();
      await openRow(row('Harbour notes')).catch(() => undefined);
      await page.screenshot({ path: join(tmpdir(), `reading-features-${width}.png`) });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await session?.close();
      expect(session?.problems.errors).toEqual([]);
      session = undefined;
    }
  });
});
