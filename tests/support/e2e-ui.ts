// Reading the app's own UI in the e2e suites: figures the page shows that several suites check.
import type { Locator, Page } from 'playwright-core';

/** The article count the sidebar shows beside a view (All articles, Unread, Trash, …). */
export async function sidebarViewCount(page: Page, label: string): Promise<number> {
  const count = page.locator('.views .nav-item', { hasText: label }).locator('.count');
  return Number((await count.innerText()).replace(/\D/g, ''));
}

/** Waits, as long as a locator waits, until the sidebar shows `count` beside a view. */
export async function waitForViewCount(page: Page, label: string, count: number): Promise<void> {
  await page
    .locator('.views .nav-item', { hasText: label })
    .locator('.count')
    .filter({ hasText: new RegExp(`^${count.toLocaleString('en-US')}$`) })
    .waitFor();
}

/** The title of the article the reader shows. */
export const readerTitle = (page: Page): Locator => page.locator('.reader .article-title');

/**
 * Clicks a list row and waits until the reader shows its article. The list may re-render
 * under the pointer (an import, a count or a badge arriving), so a click that opened another
 * row is retried rather than waited on for the whole timeout.
 */
export async function openRow(page: Page, row: Locator, attempts = 3): Promise<void> {
  const title = await row.locator('.row-title-text').innerText();
  for (let i = 1; ; i++) {
    await row.click();
    try {
      await readerTitle(page)
        .filter({ hasText: title })
        .waitFor({ timeout: i < attempts ? 8_000 : 30_000 });
      return;
    } catch (e) {
      if (i >= attempts) throw e;
    }
  }
}
