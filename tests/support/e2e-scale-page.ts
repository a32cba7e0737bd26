/// <reference lib="dom" />
// Page-side measurements of the virtualised article list and the reader, for the UI scale
// figures. Everything is measured inside the page with performance.now() so the figures do
// not include the test driver's round trips.
import type { Page } from 'playwright-core';

export interface RowCount {
  /** Row elements in the DOM (loaded rows and placeholders). */
  rendered: number;
  /** Rows that intersect the list's viewport. */
  visible: number;
  /** Of the rendered rows, those still waiting for their page (placeholders). */
  placeholders: number;
  /** Height of one row, px. */
  rowHeight: number;
  /** The list viewport's height, px. */
  viewport: number;
}

interface Win {
  __firstRowsAt?: number;
  __scrollSample?: { frames: number; maxRendered: number; maxVisible: number; stop: boolean };
  __openTiming?: Promise<OpenTiming>;
}

/** Before page load: records when the first real list row appears (ms from navigation). */
export async function watchFirstRows(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Win;
    const check = () => {
      if (w.__firstRowsAt !== undefined) return;
      if (document.querySelector('.list-inner .row:not(.placeholder)')) {
        w.__firstRowsAt = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    document.addEventListener('DOMContentLoaded', () => {
      observer.observe(document.body, { childList: true, subtree: true });
      check();
    });
  });
}

/** Ms from navigation start to the first list rows, once they have appeared. */
export async function firstRowsMs(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as Win).__firstRowsAt !== undefined);
  return page.evaluate(() => (window as unknown as Win).__firstRowsAt!);
}

/** Counts the list's rows now. */
export function countRows(page: Page): Promise<RowCount> {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.list-scroller')!;
    const box = scroller.getBoundingClientRect();
    const rows = Array.from(scroller.querySelectorAll<HTMLElement>('.list-inner > .row'));
    let visible = 0;
    for (const r of rows) {
      const b = r.getBoundingClientRect();
      if (b.bottom > box.top + 0.5 && b.top < box.bottom - 0.5) visible++;
    }
    return {
      rendered: rows.length,
      visible,
      placeholders: rows.filter((r) => r.classList.contains('placeholder')).length,
      rowHeight: rows[0]?.getBoundingClientRect().height ?? 0,
      viewport: scroller.clientHeight,
    };
  });
}

/**
 * Scrolls the list to a fraction of its height (1 = the end) and waits until every visible
 * row has its data; resolves with the rows then.
 */
export async function scrollListTo(page: Page, fraction: number): Promise<RowCount> {
  await page.evaluate((f) => {
    const s = document.querySelector<HTMLElement>('.list-scroller')!;
    s.scrollTop = f * (s.scrollHeight - s.clientHeight);
  }, fraction);
  await waitRowsLoaded(page);
  return countRows(page);
}

/** Scrolls the list so row `index` is near the top, then waits for its data. */
export async function scrollToRow(page: Page, index: number, rowHeight: number): Promise<void> {
  await page.evaluate(
    ({ index, rowHeight }) => {
      const s = document.querySelector<HTMLElement>('.list-scroller')!;
      s.scrollTop = Math.max(0, index * rowHeight - rowHeight / 2);
    },
    { index, rowHeight },
  );
  await page.locator(`#row-${index}:not(.placeholder)`).waitFor({ timeout: 30_000 });
  await waitRowsLoaded(page);
}

/** Waits until no row in the list's viewport is a placeholder (two quiet frames). */
export async function waitRowsLoaded(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = document.querySelector<HTMLElement>('.list-scroller');
      if (!s) return false;
      const box = s.getBoundingClientRect();
      const rows = Array.from(s.querySelectorAll<HTMLElement>('.list-inner > .row'));
      const inView = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > box.top + 0.5 && b.top < box.bottom - 0.5;
      });
      return inView.length > 0 && inView.every((r) => !r.classList.contains('placeholder'));
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

export interface WheelFigures {
  frames: number;
  maxRendered: number;
  maxVisible: number;
}

/**
 * Fast wheel scrolling over the list (`ticks` wheel events of `delta` px, no pauses), with
 * a per-frame sampler recording the most rows rendered and visible in any frame.
 */
export async function wheelScroll(page: Page, ticks: number, delta: number): Promise<WheelFigures> {
  await page.evaluate(() => {
    const w = window as unknown as Win;
    const sample = { frames: 0, maxRendered: 0, maxVisible: 0, stop: false };
    w.__scrollSample = sample;
    const s = document.querySelector<HTMLElement>('.list-scroller')!;
    const frame = () => {
      const box = s.getBoundingClientRect();
      const rows = Array.from(s.querySelectorAll<HTMLElement>('.list-inner > .row'));
      const visible = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom > box.top + 0.5 && b.top < box.bottom - 0.5;
      }).length;
      sample.frames++;
      sample.maxRendered = Math.max(sample.maxRendered, rows.length);
      sample.maxVisible = Math.max(sample.maxVisible, visible);
      if (!sample.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const box = await page.locator('.list-scroller').boundingBox();
  if (!box) throw new Error('the article list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < ticks; i++) await page.mouse.wheel(0, delta);
  await waitRowsLoaded(page);
  return page.evaluate(() => {
    const sample = (window as unknown as Win).__scrollSample!;
    sample.stop = true;
    return {
      frames: sample.frames,
      maxRendered: sample.maxRendered,
      maxVisible: sample.maxVisible,
    };
  });
}

export interface Traversal {
  steps: number;
  ms: number;
  maxRendered: number;
}

/**
 * In the page: scrolls from the top to the end in steps of `stepRows` rows, waiting at each
 * step until the visible rows have their data, so every page of the list has been fetched
 * once. Self-contained, so any driver can run its source.
 */
export async function traverseInPage(args: {
  stepRows: number;
  rowHeight: number;
}): Promise<Traversal> {
  const { stepRows, rowHeight } = args;
  const s = document.querySelector<HTMLElement>('.list-scroller')!;
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const loaded = () => {
    const box = s.getBoundingClientRect();
    return Array.from(s.querySelectorAll<HTMLElement>('.list-inner > .row')).every((r) => {
      const b = r.getBoundingClientRect();
      const inView = b.bottom > box.top + 0.5 && b.top < box.bottom - 0.5;
      return !inView || !r.classList.contains('placeholder');
    });
  };
  const t0 = performance.now();
  let steps = 0;
  let maxRendered = 0;
  for (let top = 0; ; top += stepRows * rowHeight) {
    s.scrollTop = top;
    steps++;
    const started = performance.now();
    do await frame();
    while (!loaded() && performance.now() - started < 30_000);
    if (!loaded()) throw new Error(`rows at ${s.scrollTop}px never loaded`);
    maxRendered = Math.max(maxRendered, s.querySelectorAll('.list-inner > .row').length);
    if (s.scrollTop + s.clientHeight >= s.scrollHeight - 1) break;
  }
  return { steps, ms: performance.now() - t0, maxRendered };
}

/** Scrolls the list from top to end (traverseInPage) in a playwright page. */
export function traverseList(page: Page, stepRows: number, rowHeight: number): Promise<Traversal> {
  return page.evaluate(traverseInPage, { stepRows, rowHeight });
}

export interface OpenTiming {
  /** Click to the reader's DOM holding the article's title and body text. */
  domMs: number;
  /** Click to the first animation frame after that (the frame that paints it). */
  frameMs: number;
  title: string;
  /** Text of the body's first paragraph ('' for an article without a body). */
  firstParagraph: string;
}

/**
 * Clicks row `index` and times, from the click event, until the reader shows the title
 * `title` and its body. The previous article must have a different title.
 */
export async function timeOpen(page: Page, index: number, title: string): Promise<OpenTiming> {
  // Armed first, in its own call, so the listener is in place before the click arrives.
  await page.evaluate((expected) => {
    (window as unknown as Win).__openTiming = new Promise<OpenTiming>((resolve, reject) => {
      let clickAt: number | null = null;
      // An article may have a title and no body: then the body holds no paragraph.
      const shown = () => {
        const t = document.querySelector<HTMLElement>('.reader .article-title');
        const body = document.querySelector<HTMLElement>('.reader .article-body');
        if (t?.textContent !== expected || !body) return null;
        return body.querySelector('p')?.textContent ?? '';
      };
      const onClick = (e: Event) => {
        clickAt = e.timeStamp;
        window.removeEventListener('click', onClick, true);
      };
      window.addEventListener('click', onClick, true);
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`the reader never showed "${expected}"`));
      }, 30_000);
      const observer = new MutationObserver(() => {
        if (clickAt === null) return;
        const paragraph = shown();
        if (paragraph === null) return;
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        const from = clickAt;
        requestAnimationFrame(() =>
          resolve({
            domMs: at - from,
            frameMs: performance.now() - from,
            title: expected,
            firstParagraph: paragraph,
          }),
        );
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }, title);
  await page.locator(`#row-${index}`).click();
  return page.evaluate(() => (window as unknown as Win).__openTiming!);
}
