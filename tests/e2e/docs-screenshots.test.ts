/// <reference lib="dom" />
// The screenshots in docs/screenshots (`npm run screenshots` copies them there): the library
// with its timeline, collections, saved searches, tags and facets; a search; the reader in
// light and dark; versions; hard-wrapped wire copy; an Arabic article; an 800-pixel window.
// Every article shown is made up here (or is the sample article the app offers to import),
// so no text of a research corpus ends up in the docs.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
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
import { openRow } from '../support/e2e-ui';
import { seeded } from '../support/stories';
import { hasShared, sampleArticle } from '../support/shared-data';

const ready = browserTestsReady({ label: 'docs screenshots' });
const wide = { width: 1360, height: 860 };

const rand = seeded(2024);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const DESKS = {
  world: ['LONDON', 'PARIS', 'NAIROBI', 'LIMA', 'OSLO', 'LISBON'],
  business: ['FRANKFURT', 'SINGAPORE', 'TORONTO', 'ROTTERDAM'],
  science: ['GENEVA', 'BOSTON', 'EDINBURGH'],
  sport: ['MADRID', 'MELBOURNE', 'DUBLIN'],
} as const;
const PEOPLE = ['Maria Keller', 'Daniel Osei', 'Ana Ribeiro', 'Tomas Lindqvist', 'Grace Mwangi'];
const ORGS = ['the Harbour Authority', 'the Coastal Research Institute', 'the Transport Council'];
// Eight subjects a desk, one an article: stories on one subject would share whole sentences
// and be grouped as versions of each other.
const SUBJECTS: Record<keyof typeof DESKS, string[]> = {
  world: [
    'ferry routes',
    'flood defences',
    'the new rail link',
    'city parks',
    'water supplies',
    'school meals',
    'bridge repairs',
    'night buses',
  ],
  business: [
    'shipping rates',
    'port fees',
    'battery makers',
    'grain prices',
    'bond sales',
    'office rents',
    'coffee imports',
    'steel orders',
  ],
  science: [
    'tidal energy',
    'seabird numbers',
    'coral surveys',
    'ocean sensors',
    'glacier melt',
    'bee colonies',
    'soil carbon',
    'comet dust',
  ],
  sport: [
    'the rowing final',
    'the cycling season',
    'the marathon course',
    'the sailing cup',
    'the chess open',
    'youth football',
    'the ski jump',
    'the swimming trials',
  ],
};
const HEADLINES = [
  'Talks on %s resume after a long pause',
  'New plan for %s wins support',
  'Report questions the cost of %s',
  'Record year for %s',
  'Delays hit %s',
  'Volunteers help with %s',
  'Council votes to review %s',
  'What next for %s?',
];
const SENTENCES = [
  '%p of %o said the work on %s would take another %n months.',
  'Officials expect %s to cost about %n million over the next decade.',
  'Residents met on Tuesday evening to ask what %s would mean for their streets.',
  '%p said the figures for %s were the best since the records began.',
  'The first stage of %s was finished ahead of the winter storms.',
  '%o published a study of %s in the spring, and a second is due next year.',
  'Critics say the plan for %s leaves out the smaller towns along the coast.',
  'About %n people signed a letter asking for a public meeting on %s.',
  'A survey found that %n per cent of those asked had an opinion on %s.',
  '%p, who has followed %s for years, called the decision overdue.',
  'The debate over %s has divided the local papers since the summer.',
  'No one from %o would say when the next report on %s is due.',
  'Some %n volunteers gave up their weekends for %s.',
  'Money for %s will come partly from a regional fund, %p said.',
  'Opponents of %s plan a march for the first Saturday of next month.',
  'Engineers looked at %n other ways to handle %s before choosing this one.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

/** One made-up news article with a dateline (place and date) and a few paragraphs. */
function article(desk: keyof typeof DESKS, subject: string, headline: string, year: number) {
  const fill = (s: string) =>
    capital(
      s
        .replace('%s', subject)
        .replace('%p', pick(PEOPLE))
        .replace('%o', pick(ORGS))
        .replace('%n', String(10 + Math.floor(rand() * 90))),
    );
  // Each sentence at most once an article.
  const pool = [...SENTENCES].sort(() => rand() - 0.5);
  const sentences = (n: number) => pool.splice(0, n).map(fill);
  const place = pick(DESKS[desk]);
  const date = `${pick(MONTHS)} ${1 + Math.floor(rand() * 28)}, ${year}`;
  const first = `${place}, ${date} - ${sentences(2).join(' ')}`;
  const paras = [first, ...Array.from({ length: 3 }, () => sentences(3).join(' '))];
  return `${fill(headline)}\n\n${paras.join('\n\n')}\n`;
}

/** A wire story with ~60-column hard line breaks and indented paragraphs. */
function wireCopy(): string {
  const paragraphs = [
    'Harbour traffic at the main container port rose for a third month in July, the port authority said, as shipping lines returned to routes they had left during the spring storms.',
    'The authority said 412 ships called at the port in the month, against 376 a year earlier, and that the waiting time at anchor fell to under a day for the first time this year.',
    'Freight agents said the rise reflected early orders for the winter season rather than a lasting change in trade, and warned that fuel costs could slow the recovery.',
    'The authority will publish its figures for August on September 12.',
  ];
  const wrap = (text: string) => {
    const lines: string[] = [];
    let line = '   ';
    for (const word of text.split(' ')) {
      if (line.length + word.length > 60) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += `${word} `;
    }
    lines.push(line.trimEnd());
    return lines.join('\n');
  };
  return `PORT TRAFFIC RISES FOR THIRD MONTH\n\n${paragraphs.map(wrap).join('\n')}\n`;
}

const ARABIC = [
  'الميناء يستقبل أول سفينة حاويات منذ عشر سنوات',
  '',
  'استقبل الميناء صباح اليوم أول سفينة حاويات منذ عشر سنوات، وقال العمال إن الرافعات الجديدة تعمل بكامل طاقتها منذ الأسبوع الماضي.',
  '',
  'وقال مدير الميناء إن الإدارة تتوقع أن يرتفع عدد السفن التي تفرغ حمولتها كل يوم إلى الضعف قبل نهاية العام، وإن العمل على توسيع الرصيف الشمالي سيبدأ في الربيع.',
  '',
  'وأضاف أن الشركات المحلية طلبت مساحات جديدة للتخزين، وأن المجلس البلدي وافق على خطة لتحسين الطرق المؤدية إلى الميناء.',
  '',
  'The port authority contributed figures to this report.',
  '',
].join('\n');

// Story in three versions: an update drops one sentence and adds another.
const storyParas = [
  'ROTTERDAM, June 4, 2024 - The port council agreed on Monday to build a second tidal barrier at the harbour mouth. Work is due to start next spring.',
  'The barrier will cost about 140 million, the council said. Maria Keller of the Harbour Authority said the old barrier had closed nine times last winter.',
  'Fishing crews asked for a wider channel during the works. The council said it would answer them within a month.',
];
const VERSIONS: Record<string, string> = {
  'world/barrier.txt': `Council backs second tidal barrier\n\n${storyParas.join('\n\n')}\n`,
  'world/barrier-update.txt': `Council backs second tidal barrier (updated)\n\n${[
    storyParas[0],
    storyParas[1]!.replace('The barrier will cost', 'The barrier, its designers say, will cost'),
    `${storyParas[2]} Their first meeting with the engineers is set for July 2.`,
  ].join('\n\n')}\n`,
  'world/barrier-wire.txt': `Second tidal barrier for the harbour\n\n${storyParas.slice(0, 2).join('\n\n')}\n`,
};

describe.skipIf(!ready)('docs screenshots (made-up articles)', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;
  let page: Page;

  const rows = () => page.locator('.row:not(.placeholder)');
  const row = (title: string) =>
    rows().filter({ has: page.locator('.row-title-text', { hasText: title }) });
  /** The row of the original barrier story (not its "(updated)" version). */
  const barrier = () =>
    rows().filter({
      has: page.locator('.row-title-text', { hasText: /^Council backs second tidal barrier$/ }),
    });
  const search = (q: string) => page.getByRole('searchbox', { name: 'Search articles' }).fill(q);
  const listSettled = () => page.locator('.list-scroller[aria-busy="false"]').waitFor();
  const open = async (viewport = wide) => {
    session = await openFreshApp({ viewport, seed });
    ({ page } = session);
  };
  /** Waits for what the engine builds after the open: version badges and the facets. */
  const discoveryShown = async () => {
    await barrier().locator('.versions-badge').waitFor({ timeout: 60_000 });
    await page
      .getByRole('region', { name: 'People' })
      .getByRole('button')
      .first()
      .waitFor({ timeout: 60_000 });
  };
  /** No focus ring or hover left on the picture. */
  const calm = async () => {
    await page.mouse.move(0, (page.viewportSize()?.height ?? 1) - 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  };

  beforeAll(async () => {
    const files: Record<string, string> = { ...VERSIONS };
    let n = 0;
    for (const desk of Object.keys(DESKS) as (keyof typeof DESKS)[]) {
      const years = [2021, 2022, 2022, 2023, 2023, 2023, 2024, 2024];
      SUBJECTS[desk].forEach((subject, i) => {
        const headline = HEADLINES[(i + Math.floor(n / 8)) % HEADLINES.length]!;
        files[`${desk}/${desk}-${n++}.txt`] = article(desk, subject, headline, years[i]!);
      });
    }
    src = writeSourceFiles(files);
    // The sample article the empty library offers (it is shown as the screenshots always did).
    const sample = hasShared ? await readFile(sampleArticle) : undefined;
    seed = await seedLibrary(async (engine) => {
      await engine.importSources([{ path: src }]);
      if (sample) await engine.importSources([{ name: basename(sampleArticle), data: sample }]);
      const { items } = await engine.list({ limit: 40 });
      await engine.addTags([items[1]!.id, items[4]!.id, items[6]!.id], ['follow-up']);
      await engine.addTags([items[1]!.id, items[9]!.id], ['harbour']);
      await engine.setFavourite([items[4]!.id], true);
      await engine.putSavedSearch({ name: 'Barrier stories', query: 'barrier', filters: {} });
      await engine.putSavedSearch({ name: 'Port fees', query: '"port fees"', filters: {} });
    });
  }, 180_000);
  afterAll(async () => {
    await seed?.remove();
    if (src) rmSync(src, { recursive: true, force: true });
  });
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  it('a new, empty library', async () => {
    session = await openFreshApp({ viewport: wide });
    ({ page } = session);
    await page.getByRole('button', { name: 'Import the sample article' }).waitFor();
    await calm();
    await screenshot(page, 'empty', { docs: true });
  });

  it('library and reader, light and dark (1360 px)', async () => {
    await open();
    await discoveryShown();
    await page.locator('.saved-searches .nav-item', { hasText: 'Barrier stories' }).waitFor();
    await page.locator('.collections .nav-item', { hasText: 'world' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).locator('.timeline-bar').first().waitFor();
    const reading = hasShared ? 'Tehran, Baghdad' : 'Council backs second tidal barrier';
    await openRow(page, row(reading).first());
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('light');
    await calm();
    await screenshot(page, 'reader-light', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('dark');
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await calm();
    await screenshot(page, 'reader-dark', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await theme.selectOption('light');

    await openRow(page, barrier());
    // The open row and its versions at the top of the list, not cut through a row.
    await barrier().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await calm();
    await screenshot(page, 'library', { docs: true });
  });

  it('search with highlighted snippets and a count', async () => {
    await open();
    await search('harbour');
    await listSettled();
    await page
      .getByTestId('list-count')
      .filter({ hasText: /result/ })
      .waitFor();
    await rows().first().locator('mark').first().waitFor();
    await openRow(page, rows().first());
    await calm();
    await screenshot(page, 'search', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('versions of a story compared in the reader', async () => {
    await open();
    await discoveryShown();
    await openRow(page, barrier());
    await page.getByRole('button', { name: '3 versions' }).click();
    const panel = page.getByRole('complementary', { name: 'Versions of this story' });
    await panel.locator('.versions-item').filter({ hasText: '(updated)' }).click();
    await panel.locator('ins.diff-added').first().waitFor();
    // The narrowed reader wraps its meta line; the wrapped line starts with a word, as the first
    // does, not with a "·": the text of each line's first item starts at the same x.
    const starts = await page.locator('.article-meta > span').evaluateAll((spans) =>
      spans.map((span) => {
        const range = document.createRange();
        range.selectNodeContents(span.lastChild ?? span);
        const box = range.getClientRects()[0]!;
        return { x: Math.round(box.left), y: Math.round(box.top) };
      }),
    );
    const lineStarts = starts.filter((s, i) => i === 0 || s.y > starts[i - 1]!.y);
    expect(lineStarts.length).toBeGreaterThan(1);
    for (const s of lineStarts) expect(Math.abs(s.x - lineStarts[0]!.x)).toBeLessThan(2);
    await barrier().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await calm();
    await screenshot(page, 'versions', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('hard-wrapped wire copy and an Arabic article', async () => {
    await open();
    await session!.app.engine.importSources([
      { name: 'port-traffic.txt', data: new TextEncoder().encode(wireCopy()) },
      { name: 'arabic.txt', data: new TextEncoder().encode(ARABIC) },
    ]);
    await openRow(page, row('PORT TRAFFIC RISES').first());
    expect(await page.locator('.article-body p').count()).toBe(4);
    await calm();
    await screenshot(page, 'reader-hard-wrapped', { docs: true });
    await openRow(page, row('الميناء يستقبل').first());
    await calm();
    await screenshot(page, 'rtl', { docs: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('an 800-pixel window', async () => {
    await open({ width: 800, height: 760 });
    await openRow(page, barrier());
    await barrier().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // "Show in folder" wrapped to a line of its own starts where the source line does.
    const source = page.locator('.article-source');
    const button = source.getByRole('button', { name: 'Show in folder' });
    const [line, link] = [(await source.boundingBox())!, (await button.boundingBox())!];
    expect(link.y).toBeGreaterThan(line.y + 4);
    expect(Math.abs(link.x - line.x)).toBeLessThan(1);
    await calm();
    await screenshot(page, 'narrow-800', { docs: true });
    // The sidebar as a drawer over the list.
    await page.getByRole('button', { name: 'Show sidebar' }).click();
    await page.locator('.sidebar-pane.drawer').waitFor();
    await page.locator('.saved-searches .nav-item', { hasText: 'Barrier stories' }).waitFor();
    await page.getByRole('region', { name: 'People' }).getByRole('button').first().waitFor();
    await calm();
    await screenshot(page, 'narrow-800-sidebar', { docs: true });
  });
});
