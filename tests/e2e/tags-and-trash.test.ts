/// <reference lib="dom" />
// Tags, selection, trash and focus in the real renderer: undo from inside the tag manager (the
// notice above the modal dialog, Ctrl+Z), a tag delete that asks first, Ctrl+A in the list,
// the bulk panel's tag removal and the Trash view's delete for good, restoring a trashed file
// by importing it again, and focus after Esc in the search field and Delete in the reader.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropFiles, filesFromDisk, screenshot } from '../support/e2e-browser';
import type { E2eApp } from '../support/e2e-server';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { sidebarViewCount } from '../support/e2e-ui';

const ready = browserTestsReady({ label: 'tags-and-trash' });

const ARABIC_TITLE = 'تقرير عن الطقس في الرياض';

/** Article files written to a temporary folder: distinct titles and bodies. */
function writeArticles(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'archive-e2e-tags-'));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = i === 0 ? ARABIC_TITLE : `Harbour report number ${i + 1}`;
    const body =
      i === 0
        ? 'الرياض - كان الطقس حارا اليوم في المدينة، وقال المسؤولون إن الحرارة ستستمر.'
        : `PORTSMOUTH - Cranes at berth ${i + 1} moved ${i * 37} containers before the tide.`;
    const path = join(dir, `article-${i + 1}.txt`);
    writeFileSync(path, `${title}\n\n${body}\n\nA second paragraph for story ${i + 1}.\n`);
    paths.push(path);
  }
  return paths;
}

describe.skipIf(!ready)('tags, selection, trash and focus in Chromium', () => {
  let session: FreshApp;
  let app: E2eApp;
  let page: Page;
  let files: string[];
  let ids: string[];

  const rows = () => page.locator('.row:not(.placeholder)');
  const view = (label: string) => page.locator('.views .nav-item', { hasText: label });
  const tagItem = (name: string) => page.locator('.facet .nav-item', { hasText: name });
  // The newest notice with this text (earlier ones may still be showing).
  const toast = (text: string | RegExp) => page.locator('.toast', { hasText: text }).last();
  const activeIs = (selector: string) =>
    page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
  const ctrl = (key: string) => page.keyboard.press(`Control+${key}`);
  /** True when the element is what a click at its centre would hit (nothing covers it). */
  const onTop = (locator: Locator) =>
    locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (el === hit || el.contains(hit));
    });
  const showAll = async () => {
    await view('All articles').click();
    await rows().first().waitFor();
  };

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 } });
    ({ app, page } = session);
    files = writeArticles(6);
    const summary = await app.engine.importSources(files.map((path) => ({ path })));
    ids = summary.imported.map((e) => e.id);
    expect(ids).toHaveLength(6);
    // An empty library shows the empty state; the list comes once the import is seen.
    await rows().nth(5).waitFor();
  });

  afterAll(() => session?.close());

  it('deleting a tag in Manage tags asks first; the notice sits above the dialog, Undo and Ctrl+Z work there', async () => {
    await app.engine.addTags(ids.slice(0, 3), ['weather']);
    await app.engine.addTags([ids[3]!], ['ports']);
    await tagItem('weather').waitFor();

    await page.getByRole('button', { name: 'Manage' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByRole('button', { name: 'Delete tag weather' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this tag?' });
    expect(await confirm.innerText()).toMatch(/removed from 3 articles/);
    await confirm.getByRole('button', { name: 'Delete tag' }).click();
    await confirm.waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: 'New name for tag weather' }).waitFor({
      state: 'detached',
    });

    const notice = toast('Deleted tag');
    await notice.waitFor();
    // The notice is inside the modal dialog's top layer: visible and clickable above it.
    expect(await onTop(notice)).toBe(true);
    await screenshot(page, 'tags-dialog-undo-1360');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await dialog.getByRole('textbox', { name: 'New name for tag weather' }).waitFor();
    expect((await app.engine.listTags()).find((t) => t.name === 'weather')?.count).toBe(3);

    // Ctrl+Z from a button in the dialog undoes too.
    await dialog.getByRole('button', { name: 'Delete tag ports' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this tag?' })
      .getByRole('button', { name: 'Delete tag' })
      .click();
    await dialog.getByRole('textbox', { name: 'New name for tag ports' }).waitFor({
      state: 'detached',
    });
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await ctrl('z');
    await dialog.getByRole('textbox', { name: 'New name for tag ports' }).waitFor();
    await toast('Undone: Deleted tag').waitFor();
    expect(await dialog.isVisible()).toBe(true);

    // Ctrl+Z in a tag name field is the field's own undo of typing.
    const field = dialog.getByRole('textbox', { name: 'New name for tag ports' });
    await field.fill('harbours');
    await field.press('Control+z');
    await page.waitForTimeout(200);
    expect(await page.locator('.toast', { hasText: 'Nothing to undo' }).count()).toBe(0);
    expect((await app.engine.listTags()).map((t) => t.name)).toContain('ports');

    // A rename onto another tag's name is a merge, and says so.
    await field.fill('Weather');
    await expect
      .poll(() => field.locator('xpath=..').getByRole('button', { name: 'Merge' }).count())
      .toBe(1);
    await field.press('Enter');
    await toast(/Merged .*ports.* into .*weather/).waitFor();
    await ctrl('z');
    await dialog.getByRole('textbox', { name: 'New name for tag ports' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Ctrl+Z outside dialogs undoes a move to the trash', async () => {
    await showAll();
    await rows().nth(1).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => sidebarViewCount(page, 'Trash')).toBe(1);
    expect(await activeIs('.list-scroller')).toBe(true);
    await ctrl('z');
    await expect.poll(() => sidebarViewCount(page, 'Trash')).toBe(0);
    await expect.poll(() => rows().count()).toBe(6);
  });

  it('Ctrl+A selects every row; the bulk panel removes a tag the selection carries and unfavourites', async () => {
    await app.engine.setFavourite(ids.slice(0, 2), true);
    await showAll();
    await rows().first().click();
    await ctrl('a');
    const bulk = page.getByRole('region', { name: 'Selected articles' });
    await bulk.getByRole('heading', { name: '6 articles selected' }).waitFor();
    expect(await page.locator('.row[aria-selected="true"]').count()).toBe(6);

    await bulk.getByRole('button', { name: /^Remove tag weather from the 3 articles/ }).click();
    await expect
      .poll(async () => (await app.engine.tagsOf(ids)).map((t) => t.name))
      .toEqual(['ports']);
    await bulk.getByRole('button', { name: /^Remove tag weather/ }).waitFor({ state: 'detached' });
    await bulk.getByRole('button', { name: 'Unfavourite' }).click();
    await expect.poll(() => sidebarViewCount(page, 'Favourites')).toBe(0);

    // In the search field, Ctrl+A selects the field's text, not the list.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await search.fill('harbour');
    await search.press('Control+a');
    expect(await search.evaluate((el: HTMLInputElement) => el.selectionEnd)).toBe(7);
    expect(await page.locator('.row[aria-selected="true"]').count()).toBe(0);
    await search.fill('');
  });

  it('the Trash view speaks of restoring and deleting for good; a selection and one article are deleted for good after a confirmation', async () => {
    await showAll();
    await app.engine.trash(ids.slice(3, 6));
    await expect.poll(() => sidebarViewCount(page, 'Trash')).toBe(3);
    await view('Trash').click();
    await expect.poll(() => rows().count()).toBe(3);
    await rows().nth(0).click();
    await rows()
      .nth(1)
      .click({ modifiers: ['Shift'] });
    const bulk = page.getByRole('region', { name: 'Selected articles' });
    expect(await bulk.innerText()).toMatch(/Restore them to the library, or delete them for good/);
    expect(await bulk.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);
    await screenshot(page, 'trash-bulk-1360');

    await bulk.getByRole('button', { name: 'Delete for good…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete for good?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await app.engine.list({ view: 'trash' })).total).toBe(3);
    await bulk.getByRole('button', { name: 'Delete for good…' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await toast('Deleted 2 articles for good').waitFor();
    await expect.poll(async () => (await app.engine.list({ view: 'trash' })).total).toBe(1);
    await expect.poll(() => activeIs('.list-scroller')).toBe(true);

    // The one left, opened in the reader: a notice says it is in the trash and offers both.
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().click();
    const note = page.getByRole('note', { name: 'In the trash' });
    await note.waitFor();
    await screenshot(page, 'trash-reader-1360');
    await note.getByRole('button', { name: 'Delete for good…' }).click();
    await confirm.getByRole('button', { name: 'Delete for good' }).click();
    await toast('Deleted the article for good').waitFor();
    await expect.poll(async () => (await app.engine.list({ view: 'trash' })).total).toBe(0);
    expect((await app.engine.list()).total).toBe(3);
  });

  it('a trashed file imported again is restored, and its link opens it with the list on All', async () => {
    await showAll();
    await app.engine.trash([ids[0]!]);
    await view('Trash').click();
    await expect.poll(() => rows().count()).toBe(1);
    await dropFiles(page, filesFromDisk([files[0]!]));
    const summary = page.getByRole('status', { name: 'Import summary' });
    const line = summary.locator('.import-restored');
    await line.waitFor();
    expect(await line.innerText()).toBe(`Restored from the trash: “${ARABIC_TITLE}”.`);
    // The title is isolated: the quotes stay on the outside of the right-to-left run.
    expect(await line.locator('bdi').innerText()).toBe(ARABIC_TITLE);
    const quotes = await line.getByRole('button').evaluate((button) => {
      const title = button.querySelector('bdi')!.getBoundingClientRect();
      const charAt = (node: ChildNode | null) => {
        const range = document.createRange();
        range.setStart(node!, 0);
        range.setEnd(node!, 1);
        return range.getBoundingClientRect();
      };
      return {
        openingLeftOfTitle: charAt(button.firstChild).right <= title.left + 1,
        closingRightOfTitle: charAt(button.lastChild).left >= title.right - 1,
      };
    });
    expect(quotes).toEqual({ openingLeftOfTitle: true, closingRightOfTitle: true });
    await screenshot(page, 'import-restored-1360');
    await line.getByRole('button').click();
    await expect.poll(() => view('All articles').getAttribute('aria-current')).toBe('page');
    await page.locator(`.row.open[data-id="${ids[0]}"]`).waitFor();
    expect((await app.engine.get(ids[0]!)).trashedAt).toBeNull();
    await page.getByRole('button', { name: 'Close import summary' }).click();
  });

  it('Esc from the search field and Delete on a reader button leave focus on the list', async () => {
    await showAll();
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    await search.click();
    await search.press('Escape');
    expect(await activeIs('.list-scroller')).toBe(true);
    // List keys work from there.
    await page.keyboard.press('ArrowDown');
    await page.locator('.row.open').waitFor();

    const before = await rows().count();
    await page.getByRole('toolbar', { name: 'Article' }).getByRole('button').first().focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => rows().count()).toBe(before - 1);
    expect(await activeIs('.list-scroller')).toBe(true);
    await page.keyboard.press('j');
    await page.locator('.row.open').waitFor();
    await ctrl('z');
    await expect.poll(() => rows().count()).toBe(before);
  });

  it('the notice stays above the tag manager at narrow widths', async () => {
    await app.engine.addTags([ids[1]!], ['ports']);
    await tagItem('ports').waitFor();
    for (const [width, mode] of [
      [1000, 'wide'],
      [800, 'narrow'],
      [640, 'single'],
    ] as const) {
      await page.setViewportSize({ width, height: 760 });
      // Wait for the layout of this width: until React re-renders, the Manage link of the
      // previous layout is still there and may be picked, then unmounted under the click.
      await page.locator(`.app.${mode}`).waitFor();
      const manage = page.getByRole('button', { name: 'Manage' });
      // Where the sidebar is collapsed, its toggle brings it (and the Manage link) back.
      const show = page.getByRole('button', { name: 'Show sidebar' });
      await manage.or(show).first().waitFor();
      if (!(await manage.isVisible())) await show.click();
      await manage.click();
      const dialog = page.getByRole('dialog', { name: 'Manage tags' });
      await dialog.getByRole('button', { name: 'Delete tag ports' }).click();
      await page
        .getByRole('dialog', { name: 'Delete this tag?' })
        .getByRole('button', { name: 'Delete tag' })
        .click();
      const notice = toast('Deleted tag');
      await notice.waitFor();
      expect(await onTop(notice)).toBe(true);
      await screenshot(page, `tags-dialog-undo-${width}`);
      await ctrl('z');
      await dialog.getByRole('textbox', { name: 'New name for tag ports' }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await page.setViewportSize({ width: 1360, height: 860 });
  });
});
