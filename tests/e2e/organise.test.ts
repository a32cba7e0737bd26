/// <reference lib="dom" />
// Organising in the real renderer: a folder tree imported becomes collections in the sidebar
// (click to filter), a saved search keeps a live count that grows when more articles arrive,
// and a tagging rule previews, saves and tags. Screenshots of the sidebar at 1360 and 800 px.
// The same over the BBC folder when the shared data is there; generated folders otherwise.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/e2e-browser';
import type { E2eApp } from '../support/e2e-server';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { bbcDir } from '../support/shared-data';

const ready = browserTestsReady({ label: 'organise' });
const readyWithBbc = browserTestsReady({ shared: true, label: 'organise (BBC folder)' });
const fmt = (n: number) => n.toLocaleString('en-US');

const SUBJECTS: Record<string, string[]> = {
  sport: ['Cup final goes to extra time', 'Marathon record falls', 'Cup draw pairs old rivals'],
  tech: ['Chip makers expand', 'Phone batteries last longer'],
  politics: ['Parliament debates budget', 'Election date set', 'Cup of tea diplomacy'],
};

/** Writes `subjects` as folders of small articles under a new temp folder; returns it. */
function writeTree(subjects: Record<string, string[]>, tag: string): string {
  const root = mkdtempSync(join(tmpdir(), `archive-e2e-organise-${tag}-`));
  for (const [folder, titles] of Object.entries(subjects)) {
    mkdirSync(join(root, folder), { recursive: true });
    titles.forEach((title, i) => {
      const body = `LONDON - ${title}, the report from the ${folder} desk says (${tag} ${i}).`;
      writeFileSync(join(root, folder, `${tag}-${i}.txt`), `${title}\n\n${body}\n`);
    });
  }
  return root;
}

describe.skipIf(!ready)('collections, saved searches and rules in Chromium', () => {
  let session: FreshApp;
  let app: E2eApp;
  let page: Page;

  const rows = () => page.locator('.row:not(.placeholder)');
  const collection = (name: string) => page.locator('.collections .nav-item', { hasText: name });
  const saved = (name: string) => page.locator('.saved-searches .nav-item', { hasText: name });
  const listCount = () => page.getByTestId('list-count');

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ app, page } = session);
    const summary = await app.engine.importSources([{ path: writeTree(SUBJECTS, 'first') }]);
    expect(summary.imported).toHaveLength(8);
    await rows().nth(7).waitFor();
  });

  afterAll(() => session?.close());

  it('shows the folders as collections with counts; a click filters the list', async () => {
    await collection('sport').waitFor();
    expect(await page.locator('.collections .nav-item').allInnerTexts()).toEqual([
      'politics\n3',
      'sport\n3',
      'tech\n2',
    ]);
    await collection('sport').click();
    await expect.poll(() => listCount().innerText()).toMatch(/(^|· )3 articles$/);
    expect(await collection('sport').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'organise-collections-1360');
  });

  it('saves a search whose count grows when more articles arrive', async () => {
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('cup');
    await expect.poll(() => listCount().innerText()).toMatch(/(^|· )2 results$/);
    await page.locator('.saved-searches .link-button', { hasText: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save search' });
    await dialog.getByLabel('Name', { exact: true }).fill('Cup stories');
    expect(await dialog.getByTestId('saved-filters').innerText()).toBe(
      'Filters: collection: sport',
    );
    await screenshot(page, 'organise-save-dialog-1360');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => saved('Cup stories').innerText()).toBe('Cup stories\n2');
    await app.engine.importSources([
      { path: writeTree({ sport: ['Cup holders knocked out'], tech: ['Cup sensor'] }, 'second') },
    ]);
    await expect
      .poll(() => saved('Cup stories').innerText(), { timeout: 15_000 })
      .toBe('Cup stories\n3');
    // Running it from the sidebar shows its query and collection again after a change.
    await collection('sport').click();
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
    await saved('Cup stories').click();
    await expect.poll(() => listCount().innerText()).toMatch(/(^|· )3 results$/);
    expect(await page.getByRole('searchbox', { name: 'Search articles' }).inputValue()).toBe('cup');
    await page.setViewportSize({ width: 1360, height: 860 });
    await saved('Cup stories').hover();
    await screenshot(page, 'organise-sidebar-1360');
  });

  it('adds a rule in the tag manager: a preview first, then every match is tagged', async () => {
    await page.locator('section[aria-labelledby="facet-tags"] .link-button').click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByLabel('Tag', { exact: true }).fill('Elections');
    await dialog.getByLabel('Search', { exact: true }).fill('election OR parliament');
    await expect
      .poll(() => dialog.getByTestId('rule-preview').innerText())
      .toBe('2 articles match; 2 articles would get the tag.');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await page
      .locator('.toast', { hasText: 'Rule for “Elections” saved: 2 articles tagged' })
      .waitFor();
    await dialog.getByText('election OR parliament').waitFor();
    await screenshot(page, 'organise-rules-1360');
    await page.keyboard.press('Escape');
    await page.locator('.facet .nav-item', { hasText: 'Elections' }).waitFor();
    expect((await app.engine.listTagRules()).rules).toEqual([
      { tag: 'Elections', query: 'election OR parliament', matched: 2 },
    ]);
  });

  it('keeps the sidebar readable at 800 px (the sidebar as a drawer)', async () => {
    await page.setViewportSize({ width: 800, height: 860 });
    await page.getByRole('button', { name: 'Show sidebar' }).click();
    await page.locator('.drawer .saved-searches').waitFor();
    await screenshot(page, 'organise-sidebar-800');
    const box = await page.locator('.drawer .saved-searches .nav-item').first().boundingBox();
    expect(box!.width).toBeGreaterThan(120);
  });
});

describe.skipIf(!readyWithBbc)('collections, saved searches and rules over the BBC folder', () => {
  let session: FreshApp;
  let app: E2eApp;
  let page: Page;
  /** Articles the import put in the sport collection, from its summary. */
  let sportArticles = 0;

  const collection = (name: string) => page.locator('.collections .nav-item', { hasText: name });
  const saved = (name: string) => page.locator('.saved-searches .nav-item', { hasText: name });
  const listCount = () => page.getByTestId('list-count');
  const searchbox = () => page.getByRole('searchbox', { name: 'Search articles' });
  /** The list's count line ends with `n` articles or results. */
  const counted = (n: number) => new RegExp(`(^|· )${fmt(n)} (articles?|results?)$`);

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ app, page } = session);
    const summary = await app.engine.importSources([{ path: bbcDir }]);
    const inSport = (path: string) => relative(bbcDir, path).split(sep)[0] === 'sport';
    const sportFiles = readdirSync(join(bbcDir, 'sport')).filter((n) => n.endsWith('.txt'));
    const notImported = [...summary.duplicates, ...summary.failed].filter((d) => inSport(d.path));
    sportArticles = sportFiles.length - notImported.length;
    expect(summary.imported.filter((a) => inSport(a.path))).toHaveLength(sportArticles);
  });

  afterAll(() => session?.close());

  it('filters by the sport collection: its .txt files less the duplicates the import found', async () => {
    await expect
      .poll(() => collection('sport').innerText(), { timeout: 30_000 })
      .toBe(`sport\n${fmt(sportArticles)}`);
    await collection('sport').click();
    await expect
      .poll(() => listCount().innerText(), { timeout: 30_000 })
      .toMatch(counted(sportArticles));
  });

  it('saves a search whose count grows after another import', async () => {
    await searchbox().fill('cup');
    const before = (await app.engine.search({ query: 'cup', collection: 'sport', limit: 1 })).total;
    await expect.poll(() => listCount().innerText()).toMatch(counted(before));
    await page.locator('.saved-searches .link-button', { hasText: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save search' });
    await dialog.getByLabel('Name', { exact: true }).fill('Sport cups');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => saved('Sport cups').innerText()).toBe(`Sport cups\n${fmt(before)}`);
    const more = writeTree(
      { sport: ['Cup holders knocked out', 'Cup replay ordered'], tech: ['Cup sensor'] },
      'bbc-more',
    );
    const summary = await app.engine.importSources([{ path: more }]);
    expect(summary.imported).toHaveLength(3);
    await expect
      .poll(() => saved('Sport cups').innerText(), { timeout: 15_000 })
      .toBe(`Sport cups\n${fmt(before + 2)}`);
  });

  it('adds a rule and shows how many articles it tagged', async () => {
    const rule = { tag: 'Football', query: 'football' };
    const { matched } = await app.engine.previewTagRule(rule);
    await page.locator('section[aria-labelledby="facet-tags"] .link-button').click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByLabel('Tag', { exact: true }).fill(rule.tag);
    await dialog.getByLabel('Search', { exact: true }).fill(rule.query);
    await expect
      .poll(() => dialog.getByTestId('rule-preview').innerText(), { timeout: 15_000 })
      .toMatch(new RegExp(`^${fmt(matched)} articles? match`));
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await page
      .locator('.toast', { hasText: `Rule for “Football” saved: ${fmt(matched)} article` })
      .waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page
          .locator('section[aria-labelledby="facet-tags"] .nav-item', { hasText: 'Football' })
          .innerText(),
      )
      .toBe(`Football\n${fmt(matched)}`);
    expect((await app.engine.listTagRules()).rules).toEqual([{ ...rule, matched }]);
  });
});
