// Reading the app's own UI in the e2e suites: figures the page shows that several suites check.
import type { Page } from 'playwright-core';

/** The article count the sidebar shows beside a view (All articles, Unread, Trash, …). */
export async function sidebarViewCount(page: Page, label: string): Promise<number> {
  const count = page.locator('.views .nav-item', { hasText: label }).locator('.count');
  return Number((await count.innerText()).replace(/\D/g, ''));
}
