/// <reference lib="dom" />
// UI figures on a large library (issue 5): rows rendered against rows visible while the
// virtualised list scrolls, click-to-text when opening articles, renderer memory with the
// whole list loaded, and time to the first rows. The figures are printed as a table (and
// saved to tests/e2e/.artifacts/ui-scale.md); the assertions are about correctness only.
// Size: ARCHIVE_READER_UI_SCALE (default 4,000), e.g.
//   ARCHIVE_READER_UI_SCALE=100000 npx vitest run --project e2e tests/e2e/ui-scale.test.ts
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBarePage, type CdpSession } from '../support/e2e-bare-chromium';
import { ensureRendererBuild, type PageProblems } from '../support/e2e-browser';
import { buildScaleLibrary, uiScale, type ScaleLibrary } from '../support/e2e-scale-library';
import {
  fromPlaywright,
  pageHeap,
  rendererMemory,
  simulateMemoryPressure,
  withPageSession,
  type HeapFigures,
  type RendererMemory,
} from '../support/e2e-scale-memory';
import {
  countRows,
  firstRowsMs,
  scrollListTo,
  scrollToRow,
  timeOpen,
  traverseInPage,
  traverseList,
  watchFirstRows,
  wheelScroll,
  type RowCount,
  type Traversal,
} from '../support/e2e-scale-page';
import { fmt, percentile, reportFigures, type Figure } from '../support/e2e-scale-report';
import { startE2eApp, type E2eApp } from '../support/e2e-server';
import { browserTestsReady, openAppPage } from '../support/e2e-session';

const ready = browserTestsReady({ shared: true, label: 'ui-scale' });

const SIZE = uiScale();
/** The list's overscan setting (ArticleList.tsx): rows kept beyond each edge of the view. */
const OVERSCAN = 6;
/** Rows allowed beyond visible + 2 × overscan: a partly visible row at each edge. */
const SLACK = 2;
const OPENS = 24;
/** Rows per step when scrolling through the whole list (half a fetched page). */
const TRAVERSE_STEP_ROWS = 50;
// Building the library dominates; allow for a slow import (~100 articles/s) at any size.
const BUILD_TIMEOUT_MS = 300_000 + SIZE * 15;
const TRAVERSE_TIMEOUT_MS = 120_000 + SIZE * 5;
const VIEWPORT = { width: 1360, height: 860 };
/** The /proc figures exist on Linux only (elsewhere they are NaN). */
const onLinux = process.platform === 'linux';

const log = (m: string) => process.stderr.write(`[ui-scale] ${m}\n`);

describe.skipIf(!ready)(`UI at scale: ${SIZE.toLocaleString('en-US')} articles`, () => {
  let library: ScaleLibrary;
  let app: E2eApp;
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  /** The browser-wide DevTools session, for traces and memory dumps. */
  let browserCdp: CdpSession;
  let rowHeight = 0;
  const figures: Figure[] = [];
  const add = (figure: string, value: string, note?: string) =>
    figures.push(note === undefined ? { figure, value } : { figure, value, note });
  const rowsFigure = (where: string, r: RowCount) =>
    add(
      `rows: ${where}`,
      `visible ${r.visible}, rendered ${r.rendered}, overscan ${r.rendered - r.visible}`,
      r.placeholders > 0 ? `${r.placeholders} placeholders` : undefined,
    );
  const withinOverscan = (r: { rendered: number; visible: number }) =>
    expect(r.rendered).toBeLessThanOrEqual(r.visible + 2 * OVERSCAN + SLACK);
  const heapFigure = (what: string, heap: HeapFigures) =>
    add(
      what,
      fmt.mb(heap.usedMb),
      `after GC; reserved ${fmt.mb(heap.totalMb)}; ${fmt.n(heap.nodes)} DOM nodes`,
    );
  const memoryFigure = (what: string, m: RendererMemory, breakdown = false) =>
    add(
      what,
      `${fmt.mb(m.rssMb)} VmRSS, ${fmt.mb(m.privateMb)} private`,
      `PSS ${fmt.mb(m.pssMb)}, RssAnon ${fmt.mb(m.anonMb)}, footprint ${fmt.mb(m.footprintMb)}` +
        (breakdown
          ? `; allocators: ${m.allocators
              .filter((a) => a.mb >= 1)
              .map((a) => `${a.name} ${a.mb.toFixed(1)}`)
              .join(', ')}`
          : ''),
    );

  beforeAll(async () => {
    ensureRendererBuild();
    library = await buildScaleLibrary(SIZE, log);
    add(
      'library',
      `${fmt.n(library.imported)} articles`,
      `${fmt.n(library.files)} files: ${fmt.n(library.duplicates)} duplicates, ` +
        `${fmt.n(library.failed)} failed; import + index ${library.buildSeconds.toFixed(0)} s ` +
        `(${fmt.n(library.files / library.buildSeconds)} files/s)`,
    );
    const t0 = performance.now();
    app = await startE2eApp({ libraryDir: library.dir });
    add('engine cold open (server)', fmt.ms(performance.now() - t0));
    ({ browser, page, problems } = await openAppPage(app.url, {
      viewport: VIEWPORT,
      beforeLoad: watchFirstRows,
    }));
    browserCdp = fromPlaywright(await browser.newBrowserCDPSession());
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    if (figures.length > 0) {
      reportFigures(`UI at scale: ${SIZE.toLocaleString('en-US')} articles`, figures);
    }
    await browser?.close();
    await app?.close();
    await library?.remove();
  });

  it('shows the first rows and the whole library’s count', async () => {
    add('first list rows after page load', fmt.ms(await firstRowsMs(page)), 'from navigation');
    await expect
      .poll(() => page.getByTestId('list-count').innerText(), { timeout: 30_000 })
      .toMatch(new RegExp(`${library.imported.toLocaleString('en-US')} articles`));
    const top = await scrollListTo(page, 0);
    rowHeight = top.rowHeight;
    expect(rowHeight).toBeGreaterThan(0);
    expect(top.visible).toBeGreaterThan(0);
    add('list viewport', `${top.viewport} px`, `row ${rowHeight} px; overscan ${OVERSCAN}`);
    rowsFigure('after load (top)', top);
    withinOverscan(top);
    heapFigure('JS heap after load', await withPageSession(page, pageHeap));
    memoryFigure(
      'renderer after load (playwright)',
      await rendererMemory(browserCdp, (e) => page.evaluate(e)),
    );
  });

  it('renders only the visible rows plus overscan at every scroll position', async () => {
    for (const [where, f] of [
      ['quarter', 0.25],
      ['middle', 0.5],
      ['three quarters', 0.75],
      ['bottom', 1],
    ] as const) {
      const r = await scrollListTo(page, f);
      rowsFigure(where, r);
      withinOverscan(r);
    }
    await scrollListTo(page, 0.3);
    const wheel = await wheelScroll(page, 40, 2400);
    add(
      'rows: during fast wheel scrolling',
      `visible ≤ ${wheel.maxVisible}, rendered ≤ ${wheel.maxRendered}, ` +
        `overscan ≤ ${wheel.maxRendered - wheel.maxVisible}`,
      `max per frame over ${wheel.frames} frames, 40 wheel ticks of 2,400 px`,
    );
    expect(wheel.frames).toBeGreaterThan(0);
    withinOverscan({ rendered: wheel.maxRendered, visible: wheel.maxVisible });
    const after = await countRows(page);
    rowsFigure('after wheel scrolling settles', after);
    withinOverscan(after);
  });

  it(
    'scrolls through the whole list to the last article',
    async () => {
      const t = await traverseList(page, TRAVERSE_STEP_ROWS, rowHeight);
      add(
        'scroll through end to end',
        fmt.ms(t.ms),
        `${fmt.n(t.steps)} steps of ${TRAVERSE_STEP_ROWS} rows, each until its rows loaded; ` +
          `rendered ≤ ${t.maxRendered}`,
      );
      expect(t.maxRendered).toBeLessThanOrEqual(
        (await countRows(page)).visible + 2 * OVERSCAN + SLACK,
      );
      const total = library.imported;
      const last = (
        await app.engine.list({ sort: 'imported', order: 'desc', offset: total - 1, limit: 1 })
      ).items[0]!;
      const row = page.locator(`#row-${total - 1}`);
      await expect.poll(() => row.getAttribute('data-id')).toBe(last.id);
      expect(await row.locator('.row-title-text').textContent()).toBe(last.title);
      expect(await row.isVisible()).toBe(true);
      // Back at the top the first rows show again (fetched anew where they were dropped).
      const first = (await app.engine.list({ sort: 'imported', order: 'desc', limit: 1 }))
        .items[0]!;
      await scrollListTo(page, 0);
      expect(await page.locator('#row-0').getAttribute('data-id')).toBe(first.id);
      await scrollListTo(page, 1);
    },
    TRAVERSE_TIMEOUT_MS,
  );

  it('measures renderer memory with the full list loaded (playwright page)', async () => {
    const heap = await withPageSession(page, pageHeap);
    heapFigure('JS heap, full list loaded', heap);
    expect(heap.usedMb).toBeGreaterThan(0);
    const full = await rendererMemory(browserCdp, (e) => page.evaluate(e));
    memoryFigure('renderer, full list loaded (playwright)', full, true);
    expect(full.footprintMb).toBeGreaterThan(heap.usedMb);
    if (onLinux) {
      expect(full.rssMb).toBeGreaterThan(full.footprintMb / 2);
      expect(full.privateMb).toBeLessThanOrEqual(full.rssMb);
    }
    await withPageSession(page, simulateMemoryPressure);
    const after = await rendererMemory(browserCdp, (e) => page.evaluate(e));
    expect(after.pid).toBe(full.pid);
    memoryFigure('renderer after memory pressure (playwright)', after);
  });

  it(
    'measures renderer memory with the full list loaded in a page without DevTools recording',
    async () => {
      // Playwright's Network domain makes the page keep every response body; the app's
      // window keeps none, so its memory is measured in a page no driver records.
      const bare = await openBarePage(app.url, VIEWPORT);
      try {
        await bare.waitFor(`!!document.querySelector('.list-inner .row:not(.placeholder)')`);
        const evaluate = (e: string) => bare.evaluate(e);
        memoryFigure(
          'renderer after load (no DevTools)',
          await rendererMemory(bare.browser, evaluate),
        );
        const t = await bare.evaluate<Traversal>(
          `(${traverseInPage.toString()})(${JSON.stringify({ stepRows: TRAVERSE_STEP_ROWS, rowHeight })})`,
        );
        add(
          'scroll through end to end (no DevTools)',
          fmt.ms(t.ms),
          `${fmt.n(t.steps)} steps; rendered ≤ ${t.maxRendered}`,
        );
        expect(t.steps).toBeGreaterThan(0);
        const lastId = await bare.evaluate<string | null>(
          `document.getElementById('row-${library.imported - 1}')?.getAttribute('data-id') ?? null`,
        );
        const last = (
          await app.engine.list({
            sort: 'imported',
            order: 'desc',
            offset: library.imported - 1,
            limit: 1,
          })
        ).items[0]!;
        expect(lastId).toBe(last.id);
        const heap = await pageHeap(bare.page);
        heapFigure('JS heap, full list loaded (no DevTools)', heap);
        const full = await rendererMemory(bare.browser, evaluate);
        memoryFigure('renderer, full list loaded (no DevTools)', full, true);
        expect(full.footprintMb).toBeGreaterThan(heap.usedMb);
        if (onLinux) expect(full.privateMb).toBeLessThanOrEqual(full.rssMb);
        await simulateMemoryPressure(bare.page);
        const after = await rendererMemory(bare.browser, evaluate);
        expect(after.pid).toBe(full.pid);
        memoryFigure('renderer after memory pressure (no DevTools)', after);
      } finally {
        await bare.close();
      }
    },
    TRAVERSE_TIMEOUT_MS,
  );

  it(`opens ${OPENS} articles from across the list, each with its own text`, async () => {
    const total = library.imported;
    const dom: number[] = [];
    const frame: number[] = [];
    let previous = '';
    for (let k = 0; k < OPENS; k++) {
      // Spread over the list, with a stride that avoids always landing on a page boundary.
      let index = Math.min(total - 1, Math.floor(((k + 0.37) / OPENS) * total));
      await scrollToRow(page, index, rowHeight);
      let title = await page.locator(`#row-${index} .row-title-text`).textContent();
      // Variants keep their source's title: skip a row that would look already open.
      if (title === previous && index + 1 < total) {
        index++;
        title = await page.locator(`#row-${index} .row-title-text`).textContent();
      }
      const id = await page.locator(`#row-${index}`).getAttribute('data-id');
      const t = await timeOpen(page, index, title!);
      const article = await app.engine.get(id!);
      expect(t.title).toBe(article.title);
      const squash = (s: string) => s.replace(/\s+/g, '');
      if (t.firstParagraph === '') expect(article.body.trim()).toBe('');
      else expect(squash(article.body)).toContain(squash(t.firstParagraph));
      dom.push(t.domMs);
      frame.push(t.frameMs);
      previous = title!;
    }
    const summary = (v: number[]) =>
      `p50 ${fmt.ms(percentile(v, 50))}, p95 ${fmt.ms(percentile(v, 95))}, max ${fmt.ms(Math.max(...v))}`;
    add('click to text (in DOM)', summary(dom), `${OPENS} opens across the list`);
    add('click to text (next frame)', summary(frame), 'to the frame that paints it');
  });

  it('raised no page errors and no CSP violations', () => {
    expect(problems.errors).toEqual([]);
    expect(problems.csp).toEqual([]);
  });
});
