/// <reference lib="dom" />
// The timeline in the renderer build over the real engine (HTTP bridge) in Chromium: the
// histogram shows the articles by month with the undated counted apart, a brush drag across
// its bars filters the list (a "date: …" chip appears and removes the filter), and a search
// gets its own bars. Articles are made here, in several languages and calendars.
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

const ready = browserTestsReady({ label: 'timeline' });

const files: Record<string, string> = {
  'jan.txt': 'Harbour opens\n\nLONDON, January 5, 2004 (Reuters) - The harbour opened to ships.\n',
  'jan2.txt': 'Harbour fees\n\nPublished: 20 January 2004\n\nHarbour fees rose again.\n',
  'mar.txt': 'Grain arrives\n\nPublished: 3 March 2004\n\nGrain ships arrived at dawn.\n',
  'apr.txt': 'مرفأ بيروت\n\nبيروت - ١٥ نيسان ٢٠٠٤ - عادت السفن إلى المرفأ.\n',
  'jun.txt': 'بندر\n\nتهران - ۱۲ خرداد ۱۳۸۳ - کشتی‌ها به بندر بازگشتند.\n',
  'aug.txt': 'Harbour strike ends\n\nPublished: 9 August 2004\n\nThe harbour strike ended.\n',
  'undated.txt': 'Harbour notes\n\nNotes on the harbour, with no date at all.\n',
};

const rowTitles = async (page: Page): Promise<string[]> =>
  (await page.locator('.row:not(.placeholder) .row-title-text').allInnerTexts()).sort();

describe.skipIf(!ready)('the timeline in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: src }]);
    });
  });
  afterAll(async () => {
    await seed?.remove();
    rmSync(src, { recursive: true, force: true });
  });
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  for (const width of [1360, 800]) {
    it(`shows the histogram and a brush drag filters the list (${width} px)`, async () => {
      session = await openFreshApp({ viewport: { width, height: 860 }, seed });
      const page = session.page;
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('6 articles by month').waitFor();
      await timeline.getByText('1 undated').waitFor();
      const bars = timeline.locator('.timeline-bar');
      expect(await bars.count()).toBe(8); // January to August 2004
      expect(await bars.nth(0).getAttribute('data-count')).toBe('2');
      await page.locator('.row:not(.placeholder)').first().waitFor();
      expect(await page.locator('.row:not(.placeholder)').count()).toBe(7);
      await screenshot(page, `timeline-${width}`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Drag from the middle of January's bar to the middle of March's.
      const box = (await timeline.locator('.timeline-bars').boundingBox())!;
      const barWidth = box.width / 8;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + barWidth * 0.5, y);
      await page.mouse.down();
      await page.mouse.move(box.x + barWidth * 1.5, y, { steps: 3 });
      await page.mouse.move(box.x + barWidth * 2.5, y, { steps: 3 });
      await page.mouse.up();
      await timeline.getByText('date: Jan 2004 – Mar 2004').waitFor();
      await expect
        .poll(() => rowTitles(page))
        .toEqual(['Grain arrives', 'Harbour fees', 'Harbour opens']);
      // The bars now span the range picked: 91 days, short enough to count by day.
      await timeline.getByText('3 articles by day').waitFor();
      expect(await bars.count()).toBe(91);
      await screenshot(page, `timeline-${width}-range`);

      await timeline.getByRole('button', { name: /Remove the date filter/ }).click();
      await expect.poll(async () => (await rowTitles(page)).length).toBe(7);
      expect(await timeline.getByText(/^date:/).count()).toBe(0);
    });
  }

  it('counts the search shown, and a one-month range by day', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    const page = session.page;
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('6 articles by month').waitFor();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('harbour');
    await timeline.getByText('3 articles by month').waitFor();
    await timeline.getByText('1 undated').waitFor();
    // From the keyboard: the last bar (August), Home to January, Enter filters by it.
    await timeline.locator('.timeline-bars').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await timeline.getByText('date: Jan 2004').waitFor();
    await timeline.getByText('2 articles by day').waitFor();
    expect(await timeline.locator('.timeline-bar').count()).toBe(31);
    await expect.poll(() => rowTitles(page)).toEqual(['Harbour fees', 'Harbour opens']);
  });
});
