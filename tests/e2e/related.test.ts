/// <reference lib="dom" />
// Related articles in the renderer build over the real engine (HTTP bridge) in Chromium: the
// reader's "Related articles" section opens from the keyboard, lists the articles on the same
// subject first (never the article itself nor a trashed one), and Enter on one opens it.
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

const ready = browserTestsReady({ label: 'related' });

const files: Record<string, string> = {
  'comet.txt':
    'Comet seen from the observatory\n\nAstronomers at the observatory tracked the comet across the night sky with the new telescope.\n',
  'telescope.txt':
    'Telescope finds a second comet\n\nThe observatory telescope found another comet; astronomers say its orbit is very long.\n',
  'named.txt':
    'Astronomers name the comet\n\nThe comet the observatory found last week now has a name; its orbit brings it back in 200 years.\n',
  'trashed.txt':
    'Comet photographs from the observatory\n\nAstronomers shared photographs of the comet taken with the observatory telescope.\n',
  'bread.txt':
    'Bread rises again\n\nBakers knead the dough, let the yeast work, and bake the bread in a hot oven.\n',
  'sourdough.txt':
    'Sourdough bakers\n\nThe bakers keep a sourdough starter; the dough rises slowly before the oven.\n',
};

describe.skipIf(!ready)('related articles in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;
  let page: Page;

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      const summary = await engine.importSources([{ path: src }]);
      const trashed = summary.imported.find((a) => a.title.startsWith('Comet photographs'))!;
      await engine.trash([trashed.id]);
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

  it('opens from the keyboard, lists the same subject first, and opens one', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    page = session.page;
    await page
      .locator('.row:not(.placeholder)')
      .filter({ hasText: 'Comet seen from the observatory' })
      .click();
    const title = page.locator('.reader .article-title');
    await title.filter({ hasText: 'Comet seen from the observatory' }).waitFor();
    const toggle = page.getByRole('button', { name: 'Related articles' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const section = page.getByRole('region', { name: 'Related articles' });
    const items = section.locator('.related-item');
    await items.first().waitFor();
    const listed = await items.allInnerTexts();
    expect(new Set(listed.slice(0, 2))).toEqual(
      new Set(['Telescope finds a second comet', 'Astronomers name the comet']),
    );
    expect(listed).not.toContain('Comet seen from the observatory');
    expect(listed).not.toContain('Comet photographs from the observatory');
    await screenshot(page, 'related-articles');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await items.first().focus();
    await page.keyboard.press('Enter');
    await title.filter({ hasText: listed[0]! }).waitFor();
    // The section stays open and lists the first article for the new one.
    await section
      .locator('.related-item')
      .filter({ hasText: 'Comet seen from the observatory' })
      .waitFor();
  });
});
