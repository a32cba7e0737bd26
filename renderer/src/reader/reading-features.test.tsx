// Reading features over a fake main: Markdown shown formatted (as elements, links and HTML as
// text), import dates marked "added", the source file and Show in folder, find within the
// article, a citation to copy, and the list's progress, source, density and sort direction.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleView } from '../../../main/contract/types';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { citation } from './citation';
import { findInText } from './find-in-text';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  // jsdom lays nothing out and has no scrollIntoView.
  Element.prototype.scrollIntoView = () => undefined;
});
afterAll(() => restoreLayout());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function openReader(articles: ArticleView[]) {
  const main = installFakeMain(articles);
  render(<App />);
  const first = articles[0]!;
  fireEvent.click(await screen.findByText(first.title, { selector: '.row-title-text' }));
  await screen.findByRole('heading', { level: 1, name: first.title });
  return main;
}

const MARKDOWN = [
  '# Harbour notes',
  '',
  'Some *emphasis* and **strong** words, `code`, and [the port](https://example.org/port).',
  '',
  '- first item',
  '- second item',
  '',
  '> a quoted line',
  '',
  'Inline <b>html</b> and <script>alert(1)</script> stay text.',
].join('\n');

const mdArticle = (patch: Partial<ArticleView> = {}) =>
  fakeArticle(1, { sourceName: 'notes.md', body: MARKDOWN, original: MARKDOWN, ...patch });

describe('Markdown articles', () => {
  it('are rendered as elements: headings, lists, emphasis, code, quotes', async () => {
    await openReader([mdArticle()]);
    const body = screen.getByTestId('markdown-body');
    expect(within(body).getByRole('heading', { level: 2, name: 'Harbour notes' })).toBeTruthy();
    expect(
      within(body)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['first item', 'second item']);
    expect(body.querySelector('em')?.textContent).toBe('emphasis');
    expect(body.querySelector('strong')?.textContent).toBe('strong');
    expect(body.querySelector('code')?.textContent).toBe('code');
    expect(body.querySelector('blockquote')?.textContent?.trim()).toBe('a quoted line');
  });

  it('show links as text with their address, never as links', async () => {
    await openReader([mdArticle()]);
    const body = screen.getByTestId('markdown-body');
    expect(body.querySelector('a')).toBeNull();
    expect(body.textContent).toContain('the port (https://example.org/port)');
  });

  it('show raw HTML as text: not rendered, not dropped', async () => {
    await openReader([mdArticle()]);
    const body = screen.getByTestId('markdown-body');
    expect(body.querySelector('b, script')).toBeNull();
    expect(body.textContent).toContain('Inline <b>html</b> and <script>alert(1)</script>');
  });

  it('open as plain text with marks when a search matched, and switch to formatted', async () => {
    const start = MARKDOWN.indexOf('emphasis');
    await openReader([mdArticle({ matches: [{ start, end: start + 8 }] })]);
    expect(screen.queryByTestId('markdown-body')).toBeNull();
    expect(document.querySelector('.article-body mark')?.textContent).toBe('emphasis');
    const toggle = screen.getByRole('button', { name: 'Formatted' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByTestId('markdown-body')).toBeTruthy();
  });

  it('leave plain .txt articles as text, without the Formatted switch', async () => {
    await openReader([fakeArticle(1, { body: '# not a heading', original: '# not a heading' })]);
    expect(screen.queryByTestId('markdown-body')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Formatted' })).toBeNull();
    expect(document.querySelector('.article-body')?.textContent).toBe('# not a heading');
  });
});

describe('dates and sources', () => {
  it('marks an import date standing in for a missing date as "added", in row and reader', async () => {
    await openReader([
      fakeArticle(1, { articleDate: null, importedAt: '2026-12-06T10:00:00.000Z' }),
      fakeArticle(2, { articleDate: '1987-02-26' }),
    ]);
    const readerDate = document.querySelector('.article-date')!;
    expect(readerDate.textContent).toMatch(/^added /);
    expect(readerDate.classList.contains('added')).toBe(true);
    const rows = [...document.querySelectorAll('.row-date')];
    expect(rows[0]!.textContent).toMatch(/^added /);
    expect(rows[0]!.classList.contains('added')).toBe(true);
    expect(rows[1]!.textContent).not.toMatch(/added/);
    expect(rows[1]!.classList.contains('added')).toBe(false);
  });

  it('names the source file and asks main to show it in its folder', async () => {
    const main = await openReader([fakeArticle(1, { sourcePath: '/archive/2024/a1.txt' })]);
    expect(screen.getByTestId('article-source').textContent).toBe('/archive/2024/a1.txt');
    fireEvent.click(screen.getByRole('button', { name: 'Show in folder' }));
    await waitFor(() => expect(main.argsOf('showInFolder')).toEqual([{ id: fakeArticle(1).id }]));
  });

  it('names the folder too when the same file name sits in two folders', async () => {
    installFakeMain([
      fakeArticle(1, {
        title: 'Storm',
        sourceName: 'storm.txt',
        sourcePath: '/news/2019/storm.txt',
      }),
      fakeArticle(2, {
        title: 'Storm',
        sourceName: 'storm.txt',
        sourcePath: '/news/2020/storm.txt',
      }),
    ]);
    render(<App />);
    await waitFor(() => expect(document.querySelectorAll('.row-source')).toHaveLength(2));
    expect([...document.querySelectorAll('.row-source')].map((s) => s.textContent)).toEqual([
      '2019/storm.txt',
      '2020/storm.txt',
    ]);
  });

  it('says dropped contents have no file, and offers no Show in folder', async () => {
    await openReader([fakeArticle(1, { sourcePath: null, sourceName: 'dropped.txt' })]);
    expect(screen.getByTestId('article-source').textContent).toMatch(/dropped\.txt.*no file/);
    expect(screen.queryByRole('button', { name: 'Show in folder' })).toBeNull();
  });

  it('shows the file name in each row, so same-titled stories differ', async () => {
    installFakeMain([
      fakeArticle(1, { title: 'Same title', sourceName: 'one.txt' }),
      fakeArticle(2, { title: 'Same title', sourceName: 'two.txt' }),
    ]);
    render(<App />);
    await waitFor(() => expect(document.querySelectorAll('.row-source')).toHaveLength(2));
    expect([...document.querySelectorAll('.row-source')].map((s) => s.textContent)).toEqual([
      'one.txt',
      'two.txt',
    ]);
  });
});

describe('find within the article', () => {
  const body = 'Copper rose.\n\nThe copper market and COPPER futures.';
  const open = () => openReader([fakeArticle(1, { body, original: body })]);

  it('opens with Ctrl+F in the reader, counts and steps through matches, closes with Esc', async () => {
    await open();
    const scroller = screen.getByRole('region', { name: 'Article text' });
    scroller.focus();
    fireEvent.keyDown(scroller, { key: 'f', ctrlKey: true });
    const input = await screen.findByRole('searchbox', { name: 'Find in article' });
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.change(input, { target: { value: 'copper' } });
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('1 of 3'));
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByTestId('find-count').textContent).toBe('2 of 3');
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(screen.getByTestId('find-count').textContent).toBe('3 of 3');
    fireEvent.change(input, { target: { value: 'zinc' } });
    await waitFor(() => expect(screen.getByTestId('find-count').textContent).toBe('No matches'));
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('searchbox', { name: 'Find in article' })).toBeNull();
    expect(document.activeElement).toBe(scroller);
  });

  it('leaves Ctrl+F outside the reader to the library search', async () => {
    await open();
    const list = screen.getByRole('listbox');
    list.focus();
    fireEvent.keyDown(list, { key: 'f', ctrlKey: true });
    expect(screen.queryByRole('searchbox', { name: 'Find in article' })).toBeNull();
    expect(document.activeElement?.closest('.search')).not.toBeNull();
  });

  it("makes the menu's Find depend on focus too", async () => {
    const main = await open();
    screen.getByRole('region', { name: 'Article text' }).focus();
    act(() => main.emit('menuCommand', { command: 'focus-search' }));
    const input = await screen.findByRole('searchbox', { name: 'Find in article' });
    fireEvent.keyDown(input, { key: 'Escape' });
    screen.getByRole('listbox').focus();
    act(() => main.emit('menuCommand', { command: 'focus-search' }));
    expect(screen.queryByRole('searchbox', { name: 'Find in article' })).toBeNull();
    expect(document.activeElement?.closest('.search')).not.toBeNull();
  });

  it('matches case-insensitively with offsets into the text', () => {
    expect(findInText('Ab ab AB', 'ab')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 8 },
    ]);
    expect(findInText('İstanbul and istanbul', 'stanbul').map((r) => r.start)).toEqual([1, 14]);
    expect(findInText('text', '  ')).toEqual([]);
  });
});

describe('citation', () => {
  it('names title, place, date and source; an undated one says so', () => {
    const a = fakeArticle(1, {
      title: 'Cocoa review',
      place: 'SALVADOR',
      articleDate: '1987-02-26',
      sourcePath: '/data/reut2-000.txt',
    });
    expect(citation(a)).toMatch(
      /^“Cocoa review”\. Salvador, .*1987.*\. Source: \/data\/reut2-000\.txt\.$/,
    );
    expect(citation(fakeArticle(2, { sourceName: 'b.txt' }))).toMatch(
      /undated \(added .*\)\. Source: b\.txt\.$/,
    );
  });

  it('is copied from the toolbar and confirmed in a notice', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (t: string) => (copied.push(t), Promise.resolve()) },
    });
    await openReader([fakeArticle(1, { title: 'Cocoa review' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Cite: copy a citation' }));
    await screen.findByText(/^Citation copied: “Cocoa review”/);
    expect(copied).toEqual([citation(fakeArticle(1, { title: 'Cocoa review' }))]);
  });
});

describe('list rows and header', () => {
  it('shows reading progress for a started article only', async () => {
    await openReader([fakeArticle(1, { position: 0.4 }), fakeArticle(2, { position: 0 })]);
    const bars = screen.getAllByRole('progressbar', { name: 'Read so far' });
    expect(bars).toHaveLength(1);
    expect(bars[0]!.getAttribute('aria-valuenow')).toBe('40');
    expect(bars[0]!.closest('.row')?.getAttribute('data-id')).toBe(fakeArticle(1).id);
  });

  it('switches to compact rows, saved as a setting', async () => {
    const main = await openReader([fakeArticle(1)]);
    const compact = screen.getByRole('button', { name: 'Compact' });
    fireEvent.click(compact);
    await waitFor(() =>
      expect(main.argsOf('setSettings')).toContainEqual({ listDensity: 'compact' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('listbox').classList.contains('compact')).toBe(true),
    );
  });

  it('reverses the sort direction', async () => {
    localStorage.removeItem('ar.sortReversed');
    const main = await openReader([fakeArticle(1)]);
    expect(main.argsOf('listArticles').at(-1)).toMatchObject({ sort: 'imported', order: 'desc' });
    fireEvent.click(screen.getByRole('button', { name: 'Sort direction: Newest first' }));
    await waitFor(() =>
      expect(main.argsOf('listArticles').at(-1)).toMatchObject({ sort: 'imported', order: 'asc' }),
    );
    expect(screen.getByRole('button', { name: 'Sort direction: Oldest first' })).toBeTruthy();
    localStorage.removeItem('ar.sortReversed');
  });
});
