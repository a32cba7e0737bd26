// The library's Highlights view: every highlight newest first with its article's title, note
// and colour; filters by tag and colour ask the engine for just those; a click opens the article
// at the passage; Export saves what is listed; an empty library says how to make one.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../../main/contract/highlights';
import type { ArticleView } from '../../../main/contract/types';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { SelectionProvider, useSelection } from '../list/SelectionContext';
import { HighlightsView } from './HighlightsView';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  Element.prototype.scrollIntoView = () => undefined;
});
afterAll(() => restoreLayout());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function placed(a: ArticleView, exact: string, n: number, patch: Partial<Highlight> = {}) {
  const start = a.body.indexOf(exact);
  const at = new Date(Date.UTC(2024, 0, n)).toISOString();
  const h: Highlight = {
    id: `${a.id}-${n.toString(16).padStart(8, '0')}`,
    articleId: a.id,
    exact,
    note: '',
    color: 'yellow',
    createdAt: at,
    updatedAt: at,
    start,
    end: start + exact.length,
    orphaned: false,
    ...patch,
  };
  a.highlights = [...a.highlights, h];
  return h;
}

function library() {
  const one = fakeArticle(1, { tags: ['harbour'] });
  const two = fakeArticle(2);
  placed(one, 'Body of article 1', 1, { note: 'the opening' });
  placed(two, 'second paragraph', 3, { color: 'green' });
  placed(one, 'second paragraph', 2, { color: 'pink' });
  return [one, two];
}

const noRows = { key: 'none', total: 0, generation: 0, rowAt: () => undefined };

function OpenProbe() {
  const { openId } = useSelection();
  return <output data-testid="open">{openId ?? ''}</output>;
}

function showView(articles: ArticleView[], notify = vi.fn()) {
  const main = installFakeMain(articles);
  render(
    <SelectionProvider rows={noRows}>
      <HighlightsView version={0} tags={['harbour']} notify={notify} />
      <OpenProbe />
    </SelectionProvider>,
  );
  return main;
}

const cards = () => screen.queryAllByRole('button', { name: / highlight:/ });

describe('the Highlights view', () => {
  it('lists every highlight newest first, with title, quote, note and colour', async () => {
    showView(library());
    await waitFor(() => expect(cards()).toHaveLength(3));
    const list = screen.getByRole('list', { name: 'Highlights, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.hl-card-title')?.textContent)).toEqual([
      'Article 2',
      'Article 1',
      'Article 1',
    ]);
    expect(items.map((i) => i.querySelector('.hl-card-quote')?.textContent)).toEqual([
      'second paragraph',
      'second paragraph',
      'Body of article 1',
    ]);
    expect(within(items[2]!).getByText('the opening')).toBeTruthy();
    expect(within(items[0]!).getByRole('button').textContent).toMatch(/Green highlight:/);
    expect(items[0]!.querySelector('.hl-swatch')!.classList.contains('hl-green')).toBe(true);
    expect(screen.getByText('3 highlights')).toBeTruthy();
  });

  it('filters by colour and by tag through the engine', async () => {
    const main = showView(library());
    await waitFor(() => expect(cards()).toHaveLength(3));
    const colours = screen.getByRole('group', { name: 'Colour' });
    fireEvent.click(within(colours).getByRole('button', { name: 'Pink' }));
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(main.argsOf('listHighlights').at(-1)).toEqual({ color: 'pink' });
    expect(within(colours).getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(within(colours).getByRole('button', { name: 'All' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), {
      target: { value: 'harbour' },
    });
    await waitFor(() => expect(cards()).toHaveLength(2));
    expect(main.argsOf('listHighlights').at(-1)).toEqual({ tag: 'harbour' });
    fireEvent.click(within(colours).getByRole('button', { name: 'Green' }));
    expect(await screen.findByText('No highlights match these filters.')).toBeTruthy();
    expect(main.argsOf('listHighlights').at(-1)).toEqual({ tag: 'harbour', color: 'green' });
  });

  it('exports what it lists as Markdown', async () => {
    const notify = vi.fn();
    const main = showView(library(), notify);
    await waitFor(() => expect(cards()).toHaveLength(3));
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Colour' })).getByRole('button', {
        name: 'Green',
      }),
    );
    await waitFor(() => expect(cards()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export highlights…' }));
    await waitFor(() => expect(notify).toHaveBeenCalledWith('Exported 1 highlight'));
    expect(main.argsOf('exportHighlights')).toEqual([{ color: 'green' }]);
    expect(created).toHaveBeenCalledTimes(1);
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('highlights.md');
  });

  it('says how to make one when there are none', async () => {
    showView([fakeArticle(1)]);
    expect(await screen.findByText('Select text in an article to highlight it.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Export highlights…' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('opens the article at the passage from the sidebar view', async () => {
    const articles = library();
    installFakeMain(articles);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Highlights' }));
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.click(cards()[1]!);
    await screen.findByRole('heading', { level: 1, name: 'Article 1' });
    await waitFor(() => {
      const mark = document.querySelector<HTMLElement>(
        `mark[data-highlight="${articles[0]!.highlights[1]!.id}"]`,
      );
      expect(mark?.classList.contains('hl-flash')).toBe(true);
    });
    // Choosing another view brings the article list back.
    fireEvent.click(screen.getByRole('button', { name: /All articles/ }));
    await waitFor(() => expect(cards()).toHaveLength(0));
  });

  // File → Export… (articles) is tested in renderer/src/export/export-dialog.test.tsx.
  it('saves Export Highlights… from the menu as Markdown', async () => {
    const articles = library();
    const main = installFakeMain(articles);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<App />);
    await screen.findByText('Article 1', { selector: '.row-title-text' });

    // With the Highlights view open, the menu exports what it lists.
    fireEvent.click(screen.getByRole('button', { name: 'Highlights' }));
    await waitFor(() => expect(cards()).toHaveLength(3));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Colour' })).getByRole('button', { name: 'Pink' }),
    );
    await waitFor(() => expect(cards()).toHaveLength(1));
    main.emit('menuCommand', { command: 'export-highlights' });
    await screen.findByText('Exported 1 highlight');
    expect(main.argsOf('exportHighlights')).toEqual([{ color: 'pink' }]);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe(
      'highlights.md',
    );
  });
});
