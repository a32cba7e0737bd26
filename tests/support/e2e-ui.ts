// Reading the app's own UI in the e2e suites: figures the page shows that several suites check.
import type { Page } from 'playwright-core';

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
