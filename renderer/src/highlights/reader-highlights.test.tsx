// Highlighting in the reader over a fake main: a selection brings the toolbar (and H) which
// highlights it; a click on a highlight opens its popover to write a note, change its colour or
// delete it, with Undo in the notice and Ctrl/Cmd+Z; the side panel lists them in text order.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../main/contract/highlights';
import type { ArticleView } from '../../../main/contract/types';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  Element.prototype.scrollIntoView = () => undefined;
});
afterAll(() => restoreLayout());
afterEach(() => {
  document.getSelection()?.removeAllRanges();
  localStorage.clear();
  cleanup();
});

const BODY = 'The council met on Monday.\n\nIt agreed the budget for the new harbour wall.';

function placed(article: ArticleView, exact: string, patch: Partial<Highlight> = {}): Highlight {
  const start = article.body.indexOf(exact);
  return {
    id: `${article.id}-000000${(patch.id ?? 'a1').slice(-2)}`,
    articleId: article.id,
    exact,
    note: '',
    color: 'yellow',
    createdAt: '2024-02-01T00:00:00.000Z',
    updatedAt: '2024-02-01T00:00:00.000Z',
    start,
    end: start + exact.length,
    orphaned: false,
    ...patch,
  };
}

async function openReader(article: ArticleView) {
  const main = installFakeMain([article]);
  render(<App />);
  fireEvent.click(await screen.findByText(article.title, { selector: '.row-title-text' }));
  await screen.findByRole('heading', { level: 1, name: article.title });
  return main;
}

/** Selects `text` in the article body, as a drag would, and lets the reader notice. */
function select(text: string) {
  const body = document.querySelector('.article-body')!;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(text);
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    act(() => {
      document.dispatchEvent(new Event('selectionchange'));
    });
    return;
  }
  throw new Error(`"${text}" is not in one text node`);
}

const marks = () => [...document.querySelectorAll<HTMLElement>('.article-body mark.hl')];

describe('highlighting a selection', () => {
  it('shows the toolbar over a selection and highlights it in the default colour', async () => {
    const article = fakeArticle(1, { body: BODY });
    const main = await openReader(article);
    select('agreed the budget');
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight the selection' });
    fireEvent.click(within(toolbar).getByRole('button', { name: /^Highlight$/ }));
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(['agreed the budget']));
    const start = BODY.indexOf('agreed');
    expect(main.argsOf('addHighlight')).toEqual([
      { id: article.id, start, end: start + 'agreed the budget'.length, color: 'yellow' },
    ]);
    expect(screen.queryByRole('toolbar', { name: 'Highlight the selection' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Highlights (1)' })).toBeTruthy();
  });

  it('highlights in another colour from the toolbar, and with H from the keyboard', async () => {
    const article = fakeArticle(1, { body: BODY });
    const main = await openReader(article);
    select('council');
    fireEvent.click(await screen.findByRole('button', { name: 'Highlight green' }));
    await waitFor(() => expect(marks()).toHaveLength(1));
    expect(marks()[0]!.classList.contains('hl-green')).toBe(true);

    select('harbour wall');
    fireEvent.keyDown(screen.getByRole('region', { name: 'Article text' }), { key: 'h' });
    await waitFor(() => expect(marks()).toHaveLength(2));
    expect(main.argsOf('addHighlight')).toHaveLength(2);
    // H typed in a field is only typing.
    select('Monday');
    const field = screen.getByRole('searchbox');
    fireEvent.keyDown(field, { key: 'h' });
    expect(main.argsOf('addHighlight')).toHaveLength(2);
  });

  it('highlights the selection from the menu command', async () => {
    const article = fakeArticle(1, { body: BODY });
    const main = await openReader(article);
    select('Monday');
    act(() => main.emit('menuCommand', { command: 'highlight-selection' }));
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(['Monday']));
  });

  it('closes the toolbar with Esc and leaves the article open', async () => {
    await openReader(fakeArticle(1, { body: BODY }));
    select('Monday');
    await screen.findByRole('toolbar', { name: 'Highlight the selection' });
    fireEvent.keyDown(screen.getByRole('region', { name: 'Article text' }), { key: 'Escape' });
    expect(screen.queryByRole('toolbar', { name: 'Highlight the selection' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('"Add note" highlights, then opens the note with a character count', async () => {
    const article = fakeArticle(1, { body: BODY });
    const main = await openReader(article);
    select('new harbour wall');
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    const popover = await screen.findByRole('dialog', { name: 'Highlight' });
    const note = within(popover).getByRole('textbox', { name: 'Note' });
    await waitFor(() => expect(document.activeElement).toBe(note));
    fireEvent.change(note, { target: { value: 'Ask about the cost' } });
    expect(within(popover).getByText('18 / 10,000')).toBeTruthy();
    fireEvent.click(within(popover).getByRole('button', { name: 'Done' }));
    await waitFor(() =>
      expect(main.argsOf('updateHighlight')).toEqual([
        { id: expect.stringMatching(/^[0-9a-f]{16}-[0-9a-f]{8}$/), note: 'Ask about the cost' },
      ]),
    );
    await waitFor(() => expect(marks()[0]!.hasAttribute('data-note')).toBe(true));
  });
});

describe('editing a highlight', () => {
  it('changes the colour and the note from the popover of a clicked highlight', async () => {
    const article = fakeArticle(1, { body: BODY });
    article.highlights = [placed(article, 'the budget')];
    const main = await openReader(article);
    fireEvent.click(marks()[0]!);
    const popover = await screen.findByRole('dialog', { name: 'Highlight' });
    fireEvent.click(within(popover).getByRole('button', { name: 'Blue' }));
    await waitFor(() => expect(marks()[0]!.classList.contains('hl-blue')).toBe(true));
    expect(main.argsOf('updateHighlight')).toEqual([
      { id: article.highlights[0]!.id, color: 'blue' },
    ]);
    const note = within(popover).getByRole('textbox', { name: 'Note' });
    expect(note.getAttribute('maxlength')).toBe('10000');
    fireEvent.change(note, { target: { value: 'ميزانية' } });
    // Esc closes it and keeps the note.
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Highlight' })).toBeNull();
    await waitFor(() =>
      expect(main.argsOf('updateHighlight')).toContainEqual({
        id: article.highlights[0]!.id,
        note: 'ميزانية',
      }),
    );
    // The article is still open: Esc belonged to the popover.
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('deletes a highlight with Undo in the notice', async () => {
    const article = fakeArticle(1, { body: BODY });
    const h = placed(article, 'the budget', { note: 'check' });
    article.highlights = [h];
    const main = await openReader(article);
    fireEvent.click(marks()[0]!);
    const popover = await screen.findByRole('dialog', { name: 'Highlight' });
    fireEvent.click(within(popover).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(marks()).toHaveLength(0));
    expect(main.argsOf('removeHighlight')).toEqual([{ id: h.id }]);
    const toast = (await screen.findByText('Deleted the highlight')).closest('.toast')!;
    fireEvent.click(within(toast as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(['the budget']));
    const restored = main.argsOf('restoreHighlight');
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      articleId: article.id,
      highlight: { id: h.id, note: 'check' },
    });
  });

  it('undoes a deletion with Ctrl+Z', async () => {
    const article = fakeArticle(1, { body: BODY });
    article.highlights = [placed(article, 'Monday')];
    const main = await openReader(article);
    fireEvent.click(marks()[0]!);
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Highlight' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await screen.findByText('Deleted the highlight');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(main.argsOf('restoreHighlight')).toHaveLength(1));
    await waitFor(() => expect(marks()).toHaveLength(1));
  });
});

describe('the highlights panel', () => {
  it('lists highlights in text order, orphaned last, and jumps to one', async () => {
    const article = fakeArticle(1, { body: BODY });
    article.highlights = [
      placed(article, 'harbour wall', { id: 'b1', note: 'the wall' }),
      placed(article, 'A sentence no longer there', {
        id: 'c1',
        start: null,
        end: null,
        orphaned: true,
      }),
      placed(article, 'council', { id: 'd1' }),
    ];
    await openReader(article);
    fireEvent.click(screen.getByRole('button', { name: 'Highlights (3)' }));
    const panel = screen.getByRole('complementary', { name: 'Highlights and notes' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.hl-quote')?.textContent)).toEqual([
      'council',
      'harbour wall',
      'A sentence no longer there',
    ]);
    expect(within(items[2]!).getByText('orphaned')).toBeTruthy();
    expect(within(items[1]!).getByText('the wall')).toBeTruthy();
    fireEvent.click(
      within(items[1]!).getByRole('button', {
        name: /^Yellow highlight:\s*harbour wall\.\s*Note:\s*the wall$/,
      }),
    );
    const wall = marks().find((m) => m.textContent === 'harbour wall')!;
    expect(wall.classList.contains('hl-flash')).toBe(true);
    // Edit opens the popover of that highlight, from the keyboard too.
    fireEvent.click(within(items[0]!).getByRole('button', { name: /^Edit highlight/ }));
    expect(await screen.findByRole('dialog', { name: 'Highlight' })).toBeTruthy();
  });
});
