/// <reference lib="dom" />
// Versions of the same story in the renderer build over the real engine (HTTP bridge) in
// Chromium: rows of stories held in several versions show "N versions" (once the engine has
// built the groups after the open), the reader's versions panel compares another version with
// the open one and marks an added and a removed sentence, a version marked as main is the one
// shown when "Hide other versions" leaves one row per story, and the counts say so.
// The stories are made here from made-up words, not taken from the corpora.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { openRow, waitForViewCount } from '../support/e2e-ui';
import { seeded, vocabulary } from '../support/stories';

const ready = browserTestsReady({ label: 'versions' });

const rand = seeded(77);
const vocab = vocabulary(2500, rand);
const pick = () => vocab[Math.floor(rand() * vocab.length)]!;
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(rand() * 8) }, pick).join(' ');
  return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
};
const paragraphs = () => Array.from({ length: 5 }, () => Array.from({ length: 4 }, sentence));
const render = (title: string, paras: string[][]) =>
  `${title}\n\n${paras.map((p) => p.join(' ')).join('\n\n')}\n`;

// Story A in three versions: the update drops one sentence and adds another; B in two.
const storyA = paragraphs();
const removedSentence = storyA[1]![2]!;
const addedSentence = 'Harbour officials confirmed the late figures on Tuesday evening.';
const updatedA = storyA.map((p, i) =>
  i === 1 ? p.filter((s) => s !== removedSentence) : i === 3 ? [...p, addedSentence] : p,
);
const storyB = paragraphs();
const files: Record<string, string> = {
  'a.txt': render('Harbour storm report', storyA),
  'a-updated.txt': render('Harbour storm report, updated', updatedA),
  'a-wire.txt': render('Storm at the harbour (wire)', storyA.slice(0, 4)),
  'b.txt': render('Mountain pass reopens', storyB),
  'b-again.txt': render('Mountain pass open again', [...storyB, [sentence()]]),
  'alone-1.txt': render('Library hours extended', paragraphs()),
  'alone-2.txt': render('Orchard harvest begins', paragraphs()),
};

const rows = (page: Page) => page.locator('.row:not(.placeholder)');
const row = (page: Page, title: string) =>
  rows(page).filter({
    has: page.locator('.row-title-text', { hasText: new RegExp(`^${title}$`) }),
  });

describe.skipIf(!ready)('versions of the same story in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      // One at a time, so "earliest imported" is the order above.
      for (const name of Object.keys(files)) {
        await engine.importSources([{ path: join(src, name) }]);
      }
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

  it('badges rows, compares versions in the reader, and hides other versions', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    const { page } = session;
    await waitForViewCount(page, 'All articles', 7);
    // The groups are built a moment after the open; the rows then gain their badge.
    await row(page, 'Harbour storm report')
      .locator('.versions-badge', { hasText: '3 versions' })
      .waitFor();
    await row(page, 'Mountain pass reopens')
      .locator('.versions-badge', { hasText: '2 versions' })
      .waitFor();
    expect(await row(page, 'Library hours extended').locator('.versions-badge').count()).toBe(0);

    await openRow(page, row(page, 'Harbour storm report'));
    const toggle = page.getByRole('button', { name: '3 versions' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Versions of this story' });
    await panel.waitFor();
    const items = panel.locator('.versions-item');
    expect(await items.locator('.versions-item-title').allInnerTexts()).toEqual([
      'Harbour storm report, updated',
      'Storm at the harbour (wire)',
    ]);
    await items.filter({ hasText: 'Harbour storm report, updated' }).focus();
    await page.keyboard.press('Enter');
    const diff = panel.getByRole('region', { name: 'Differences from the open article' });
    await diff.locator('ins.diff-added').filter({ hasText: addedSentence }).waitFor();
    expect((await diff.locator('del.diff-removed').allInnerTexts()).map(clean)).toEqual([
      removedSentence,
    ]);
    expect((await diff.locator('ins.diff-added').allInnerTexts()).map(clean)).toEqual([
      addedSentence,
    ]);
    await panel.getByText('1 sentence added, 1 removed').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'versions-panel');
    await page.screenshot({ path: join(tmpdir(), 'versions-1360.png') });

    // The compared version becomes the main one: the list hiding versions shows it.
    await panel.getByRole('button', { name: 'Make it the main version' }).click();
    await items
      .filter({ hasText: 'Harbour storm report, updated' })
      .locator('.versions-main-tag')
      .waitFor();
    // Focus stays in the panel (on its heading), where Escape closes it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    const hide = page.getByRole('button', { name: 'Hide other versions' });
    expect(await hide.getAttribute('aria-pressed')).toBe('false');
    await hide.click();
    await waitForViewCount(page, 'All articles', 4);
    await page.getByTestId('list-count').filter({ hasText: '4 articles' }).waitFor();
    await expect.poll(() => rows(page).count()).toBe(4);
    expect((await rows(page).locator('.row-title-text').allInnerTexts()).sort()).toEqual([
      'Harbour storm report, updated',
      'Library hours extended',
      'Mountain pass reopens',
      'Orchard harvest begins',
    ]);

    await page.setViewportSize({ width: 800, height: 860 });
    await openRow(page, row(page, 'Harbour storm report, updated'));
    await page.getByRole('button', { name: '3 versions' }).click();
    await panel.locator('.versions-diff').waitFor();
    await screenshot(page, 'versions-panel-800');
    await page.screenshot({ path: join(tmpdir(), 'versions-800.png') });
    // The marks keep their colours and lines on a dark page too.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'versions-panel-800-dark');
    await page.screenshot({ path: join(tmpdir(), 'versions-800-dark.png') });

    // Remembered as a setting: a reload still shows one row per story.
    await page.reload();
    await rows(page).first().waitFor();
    // The sidebar lies over the list at this width: the list's own count says it.
    await page.getByTestId('list-count').filter({ hasText: '4 articles' }).waitFor();
    expect(
      await page.getByRole('button', { name: 'Hide other versions' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });
});

/** Text as shown, without the screen-reader prefix and the spaces around it. */
function clean(text: string): string {
  return text.replace(/^\[(added|removed)\]\s*/, '').trim();
}
