/// <reference lib="dom" />
// Right-to-left reading and the strict CSP: an Arabic article reads right to left paragraph
// by paragraph (a Latin paragraph inside it stays left to right), and the style values React
// sets from script (virtual row positions, reader font size) still apply under style-src 'self'.
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropFiles,
  screenshot,
  seriousAxeViolations,
  type PageProblems,
} from '../support/e2e-browser';
import { browserTestsReady, openFreshApp, type FreshApp } from '../support/e2e-session';
import { hasShared, saudiJsonl } from '../support/shared-data';

const ready = browserTestsReady();

const FALLBACK = {
  title: 'الأمطار الغزيرة تغلق الطرق في المدينة',
  content:
    'أعلنت السلطات المحلية اليوم إغلاق عدد من الطرق الرئيسية بسبب الأمطار الغزيرة التي هطلت منذ الصباح.\nوقال المتحدث باسم الدفاع المدني إن فرق الطوارئ تعمل على مساعدة السكان في الأحياء المتضررة.',
};

/** The first SaudiNewsNet article when the corpus is there, else a short built-in one. */
async function arabicArticle(): Promise<{ title: string; content: string }> {
  if (!hasShared) return FALLBACK;
  const lines = createInterface({ input: createReadStream(saudiJsonl).pipe(createGunzip()) });
  for await (const line of lines) {
    const rec = JSON.parse(line) as { title?: string; content?: string };
    lines.close();
    if (rec.title && rec.content) return { title: rec.title, content: rec.content };
    break;
  }
  return FALLBACK;
}

describe.skipIf(!ready)('right-to-left articles and the CSP', () => {
  let session: FreshApp;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    session = await openFreshApp({ viewport: { width: 1280, height: 820 } });
    ({ page, problems } = session);
  });

  afterAll(() => session?.close());

  it('shows an Arabic article right to left, with a Latin paragraph left to right', async () => {
    const { title, content } = await arabicArticle();
    const latin = 'Reuters contributed reporting to this article on Monday.';
    const text = `${title}\n\n${content.split(/\n+/).slice(0, 6).join('\n')}\n${latin}\n`;
    const englishText = `Harbour cranes return\n\nLONDON – The harbour cranes are working again after the long strike ended on Friday.\n`;
    await dropFiles(page, [
      { name: 'arabic.txt', base64: Buffer.from(text, 'utf8').toString('base64') },
      { name: 'english.txt', base64: Buffer.from(englishText, 'utf8').toString('base64') },
    ]);
    await page.getByRole('status', { name: 'Import summary' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Close import summary' }).click();
    const row = page.locator('.row', { hasText: title.slice(0, 20) });
    await row.click();
    const paragraphs = page.locator('.article-body p');
    await paragraphs.first().waitFor();
    const dirs = await paragraphs.evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
    expect(dirs[0]).toBe('rtl');
    expect(dirs[dirs.length - 1]).toBe('ltr');
    expect(
      await page.locator('.article-title').evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    expect(await row.locator('.row-title').evaluate((el) => getComputedStyle(el).direction)).toBe(
      'rtl',
    );
    expect(await page.locator('.article').getAttribute('lang')).toBe('ar');
    await screenshot(page, 'rtl');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('style values set from script apply under the strict CSP', async () => {
    const transforms = await page
      .locator('.row')
      .evaluateAll((rows) => rows.map((r) => getComputedStyle(r).transform));
    expect(transforms.length).toBe(2);
    expect(new Set(transforms).size).toBe(2);
    const column = page.locator('.reader-column');
    const before = await column.evaluate((el) => getComputedStyle(el).fontSize);
    await page.getByRole('button', { name: 'Larger text' }).click();
    await expect
      .poll(() => column.evaluate((el) => getComputedStyle(el).fontSize))
      .not.toBe(before);
    expect(problems.csp).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
