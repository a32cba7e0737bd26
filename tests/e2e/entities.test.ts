/// <reference lib="dom" />
// People / Organisations / Places in the renderer build over the real engine (HTTP bridge) in
// Chromium: the facets show the names the articles carry with counts, a click filters the list
// (and shows the filter in the search box), the filter box finds a name, and the sidebar is
// readable at 1360 and 800 px. Articles are made here, not taken from the corpora.
import { rmSync } from 'node:fs';
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

const ready = browserTestsReady({ label: 'entities' });

const files: Record<string, string> = {
  'harbour.txt':
    'Harbour plan approved\n\nOSLO, May 3 (Reuters) - The Norwegian Port Authority approved a plan to deepen the harbour, its chairman Henrik Dahl said on Tuesday.\n\nMr Dahl said work would start in spring.\n',
  'minister.txt':
    'Minister visits the quay\n\nTransport Minister Ingrid Solberg visited the new quay in Bergen. Ms Solberg met Henrik Dahl of the Norwegian Port Authority.\n',
  'ferry.txt':
    'Ferry timetable changes\n\nFjord Line Group will add two more sailings every week between Bergen and Stavanger from the start of the summer, its spokesman Ola Berg said, because the number of passengers has grown for the third year in a row.\n',
  'weather.txt': 'Storm warning\n\nForecasters expect strong winds along the coast tonight.\n',
};

describe.skipIf(!ready)('entity facets in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: src }]);
      // The facets are filled in the background; the seed is saved once they are.
      await engine.listEntities();
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

  it('shows people, organisations and places with counts; a click filters the list', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    const { page } = session;
    const people = page.getByRole('region', { name: 'People' });
    const dahl = people.getByRole('button', { name: /Henrik Dahl/ });
    await dahl.waitFor();
    expect((await dahl.innerText()).replace(/\s+/g, ' ')).toBe('Henrik Dahl 2');
    await page
      .getByRole('region', { name: 'Organisations' })
      .getByRole('button', { name: /Norwegian Port Authority/ })
      .waitFor();
    const places = page.getByRole('region', { name: 'Places' });
    expect(
      (await places.getByRole('button', { name: /Bergen/ }).innerText()).replace(/\s+/g, ' '),
    ).toBe('Bergen 2');
    await places.getByRole('button', { name: /Oslo/ }).waitFor();
    expect(await people.getByText('English articles only').count()).toBe(1);
    await screenshot(page, 'entities-sidebar-1360');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await dahl.click();
    const rows = page.locator('.row:not(.placeholder)');
    await expect
      .poll(async () => (await rows.allInnerTexts()).map((t) => t.split('\n')[0]).sort())
      .toEqual(['Harbour plan approved', 'Minister visits the quay']);
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe(
      'person:"Henrik Dahl"',
    );
    expect(await dahl.getAttribute('aria-pressed')).toBe('true');
    // The facets now count the filtered list: Stavanger (ferry only) is gone.
    await expect.poll(() => places.getByRole('button', { name: /Stavanger/ }).count()).toBe(0);
    await dahl.click();
    await expect.poll(() => rows.count()).toBe(4);
  });

  it('the filter box finds a name; the sidebar drawer at 800 px shows the facets', async () => {
    session = await openFreshApp({ viewport: { width: 800, height: 860 }, seed });
    const { page } = session;
    await page.getByRole('button', { name: 'Show sidebar' }).click();
    const drawer = page.locator('.sidebar-pane.drawer');
    await drawer.waitFor();
    const people = drawer.getByRole('region', { name: 'People' });
    await people.getByRole('button', { name: /Henrik Dahl/ }).waitFor();
    await screenshot(page, 'entities-sidebar-800');
    await people.getByRole('searchbox', { name: 'Filter people' }).fill('ol');
    await people.getByRole('button', { name: /Ola Berg/ }).waitFor();
    await expect.poll(() => people.getByRole('button', { name: /Henrik Dahl/ }).count()).toBe(0);
  });
});
