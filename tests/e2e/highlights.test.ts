/// <reference lib="dom" />
// Highlights and notes in the renderer build over the real engine (HTTP bridge) in Chromium:
// text selected with the mouse is highlighted from the toolbar, a note is written in its popover,
// both survive a reload, the article is found by `note:`, a selection across paragraphs is
// highlighted with H and drawn in both, and the Highlights view opens an article at the passage.
// Articles are made here, not taken from the corpora.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousAxeViolations } from '../support/e2e-browser';
import {
  browserTestsReady,
  endSession,
  type FreshApp,
  openFreshApp,
  seedLibrary,
  type SeedLibrary,
  writeSourceFiles,
} from '../support/e2e-session';

const ready = browserTestsReady({ label: 'highlights' });
const viewport = { width: 1360, height: 860 };

const files: Record<string, string> = {
  'budget.txt': [
    'Harbour budget agreed',
    '',
    'The council agreed the budget for the new harbour wall on Monday, after a long debate.',
    '',
    'Work starts in spring, the mayor said, and should end before the winter storms.',
    '',
  ].join('\n'),
  'cranes.txt': [
    'Cranes return to the quay',
    '',
    'Two new cranes arrived at the quay this week, the first in a decade.',
    '',
    'Dock workers said the cranes would double the number of ships unloaded each day.',
    '',
    'The port authority expects the first container ship to berth on Friday.',
    '',
  ].join('\n'),
  'arabic.txt': [
    'الميناء يستقبل أول سفينة',
    '',
    'استقبل الميناء أول سفينة حاويات منذ عشر سنوات، وقال العمال إن الرافعات الجديدة تعمل بكامل طاقتها.',
    '',
  ].join('\n'),
};

describe.skipIf(!ready)('highlights and notes in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;
  let page: Page;

  const row = (title: string) => page.locator('.row:not(.placeholder)').filter({ hasText: title });
  const readerTitle = () => page.locator('.reader .article-title');
  const openArticle = async (title: string) => {
    await row(title).click();
    await readerTitle().filter({ hasText: title }).waitFor();
  };
  const marks = () => page.locator('.article-body mark.hl');

  /** Drags the mouse from the start of `from` to the end of `to` in the article body. */
  const dragSelect = async (from: string, to: string) => {
    const box = await page.locator('.article-body').evaluate(
      (body, [a, b]) => {
        const point = (needle: string, end: boolean) => {
          const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = (n as Text).data.indexOf(needle);
            if (at === -1) continue;
            const r = document.createRange();
            const offset = end ? at + needle.length - 1 : at;
            r.setStart(n, offset);
            r.setEnd(n, offset + 1);
            const rect = r.getBoundingClientRect();
            return { x: end ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 };
          }
          throw new Error(`${needle} not found`);
        };
        return { start: point(a!, false), end: point(b!, true) };
      },
      [from, to],
    );
    await page.mouse.move(box.start.x, box.start.y);
    await page.mouse.down();
    await page.mouse.move((box.start.x + box.end.x) / 2, box.end.y, { steps: 4 });
    await page.mouse.move(box.end.x, box.end.y, { steps: 4 });
    await page.mouse.up();
  };

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      const summary = await engine.importSources([{ path: src }]);
      const id = (start: string) => summary.imported.find((a) => a.title.startsWith(start))!.id;
      const cranes = id('Cranes return');
      await engine.addHighlight({ id: cranes, text: 'Two new cranes arrived at the quay' });
      await engine.addHighlight({
        id: cranes,
        text: 'double the number of ships unloaded each day',
        color: 'green',
        note: 'Check this against last year’s figures from the port authority.',
      });
      await engine.addHighlight({ id: cranes, text: 'berth on Friday', color: 'blue' });
      await engine.addHighlight({
        id: id('الميناء'),
        text: 'الرافعات الجديدة تعمل بكامل طاقتها',
        color: 'pink',
        note: 'ملاحظة: تحقق من العدد',
      });
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

  it('highlights a selection, keeps its note over a reload, and finds it by note:', async () => {
    await open();
    await openArticle('Harbour budget agreed');
    await dragSelect('agreed the budget', 'harbour wall');
    const toolbar = page.getByRole('toolbar', { name: 'Highlight the selection' });
    await toolbar.waitFor();
    await screenshot(page, 'highlights-toolbar');
    await toolbar.getByRole('button', { name: 'Highlight', exact: true }).click();
    await marks().first().waitFor();
    expect(await marks().allInnerTexts()).toEqual(['agreed the budget for the new harbour wall']);
    await page.getByRole('button', { name: 'Highlights (1)' }).waitFor();

    await marks().first().click();
    const popover = page.getByRole('dialog', { name: 'Highlight' });
    await popover.getByRole('textbox', { name: 'Note' }).fill('Ask the lighthouse keeper');
    await popover.getByText('25 / 10,000').waitFor();
    await popover.getByRole('button', { name: 'Done' }).click();
    await page.locator('.article-body mark.hl[data-note]').waitFor();

    await page.reload();
    await page.locator('.row:not(.placeholder)').first().waitFor();
    await openArticle('Harbour budget agreed');
    await page.locator('.article-body mark.hl[data-note]').waitFor();
    expect(await marks().allInnerTexts()).toEqual(['agreed the budget for the new harbour wall']);

    await page.getByRole('searchbox', { name: 'Search articles' }).fill('note:lighthouse');
    await page
      .locator('.list-header')
      .getByText(/^1 result/)
      .waitFor();
    await row('Harbour budget agreed').waitFor();
    expect(await page.locator('.row:not(.placeholder)').count()).toBe(1);
  });

  it('highlights a selection across paragraphs with H, drawn in each paragraph', async () => {
    await open();
    await openArticle('Harbour budget agreed');
    await dragSelect('long debate', 'Work starts');
    await page.getByRole('toolbar', { name: 'Highlight the selection' }).waitFor();
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Highlights (1)' }).waitFor();
    expect(await marks().allInnerTexts()).toEqual(['long debate.', 'Work starts']);
    const paragraphs = await marks().evaluateAll(
      (ms) => new Set(ms.map((m) => m.closest('p'))).size,
    );
    expect(paragraphs).toBe(2);
    // Delete it from its popover, then undo from the notice.
    await marks().first().click();
    await page
      .getByRole('dialog', { name: 'Highlight' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('button', { name: 'Highlights (0)' }).waitFor();
    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Highlights (1)' }).waitFor();
    expect(await marks().count()).toBe(2);
  });

  it('shows the side panel and the Highlights view (screenshots)', async () => {
    await open();
    await openArticle('Cranes return to the quay');
    await page.getByRole('button', { name: 'Highlights (3)' }).click();
    const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
    await panel.waitFor();
    expect(await panel.locator('.hl-quote').allInnerTexts()).toEqual([
      'Two new cranes arrived at the quay',
      'double the number of ships unloaded each day',
      'berth on Friday',
    ]);
    await screenshot(page, 'highlights-reader', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Readable in the dark and sepia themes too (checked by eye in the artifacts).
    for (const theme of ['dark', 'sepia'] as const) {
      await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
      await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
      await screenshot(page, `highlights-reader-${theme}`);
    }
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');

    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'Highlights' })
      .click();
    const list = page.getByRole('list', { name: 'Highlights, newest first' });
    await list.waitFor();
    expect(await list.locator('.hl-card-quote').count()).toBe(4);
    // Opening the Arabic one shows its article scrolled to the passage.
    await list.locator('.hl-card').filter({ hasText: 'الرافعات' }).click();
    await readerTitle().filter({ hasText: 'الميناء' }).waitFor();
    await page.locator('.article-body mark.hl.hl-pink').waitFor();
    await screenshot(page, 'highlights-view', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .getByRole('group', { name: 'Colour' })
      .getByRole('button', { name: 'Green' })
      .click();
    await page.getByText('1 highlight', { exact: true }).waitFor();
  });

  it('fits an 800-pixel window: the panel lies over the text, the popover fits', async () => {
    await open({ width: 800, height: 760 });
    await openArticle('Cranes return to the quay');
    await page.getByRole('button', { name: 'Highlights (3)' }).click();
    const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
    await panel.waitFor();
    await screenshot(page, 'highlights-narrow-800', { docs: true });
    // Choosing a passage in the panel that covers the text moves the panel aside.
    await panel.getByRole('button', { name: /^Green highlight: / }).click();
    await panel.waitFor({ state: 'detached' });
    await page.locator('.article-body mark.hl.hl-green').first().click();
    const popover = page.getByRole('dialog', { name: 'Highlight' });
    await popover.waitFor();
    const fits = await popover.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth;
    });
    expect(fits).toBe(true);
    await screenshot(page, 'highlights-popover-800');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
  });
});
