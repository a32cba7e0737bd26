// What the list says about a search: its scope, a pending count, corrected words (with a way
// to search them as typed), and the offers when nothing matched.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ListHeader } from '../list/ListHeader';
import { ListMessage } from '../list/ListMessage';
import type { Filters } from '../sidebar/Sidebar';

const all: Filters = { view: 'all', tags: [], place: null, language: null };
const favourites: Filters = { ...all, view: 'favourites' };
const noop = () => undefined;

function header(props: Partial<Parameters<typeof ListHeader>[0]>) {
  return render(
    <ListHeader
      searching
      loading={false}
      total={12}
      filters={all}
      onFilters={noop}
      sort="relevance"
      onSort={noop}
      viewLabel="All articles"
      {...props}
    />,
  );
}

afterEach(cleanup);

describe('search notes', () => {
  it('names the view searched, and says "Searching…" while a search runs', () => {
    header({ filters: favourites, viewLabel: 'Favourites' });
    expect(screen.getByTestId('list-count').textContent).toBe('12 results in Favourites');
    cleanup();
    header({ loading: true, total: 2000 });
    expect(screen.getByTestId('list-count').textContent).toBe('Searching…');
    cleanup();
    header({});
    expect(screen.getByTestId('list-count').textContent).toBe('12 results');
  });

  it('offers the better-spelt query with its count, and searches it on a click', () => {
    const onQuery = vi.fn();
    header({ total: 3, notes: { didYouMean: { query: 'receives', total: 40 } }, onQuery });
    expect(screen.getByTestId('did-you-mean').textContent).toBe(
      'Did you mean receives? (40 results)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'receives' }));
    expect(onQuery).toHaveBeenCalledWith('receives');
    cleanup();
    header({ loading: true, notes: { didYouMean: { query: 'receives', total: 40 } } });
    expect(screen.queryByTestId('did-you-mean')).toBeNull();
  });

  it('says which words were corrected and reruns the words as typed on request', () => {
    const onSearchMode = vi.fn();
    header({ notes: { corrected: [{ from: 'phnoes', to: 'phone' }] }, onSearchMode });
    const notice = screen.getByTestId('corrected-notice');
    expect(notice.textContent).toContain('Showing results for phone');
    fireEvent.click(screen.getByRole('button', { name: 'search instead for phnoes' }));
    expect(onSearchMode).toHaveBeenCalledWith({ exact: true });
    cleanup();
    header({ notes: { ignored: ['xqzvkw'] }, onSearchMode });
    expect(screen.getByTestId('corrected-notice').textContent).toContain(
      'No article has xqzvkw; searched without it',
    );
    expect(screen.getByRole('button', { name: 'search instead for xqzvkw' })).toBeTruthy();
    cleanup();
    header({ loading: true, notes: { ignored: ['xqzvkw'] } });
    expect(screen.queryByTestId('corrected-notice')).toBeNull();
    cleanup();
    header({ notes: { passage: true } });
    expect(screen.getByTestId('passage-notice').textContent).toContain('Put it in quotes');
  });

  it('offers any-word results and the whole library when nothing matched in a view', () => {
    const onAnyWord = vi.fn();
    const onSearchAll = vi.fn();
    render(
      <ListMessage
        error={null}
        searching
        view="favourites"
        viewLabel="Favourites"
        anyWordTotal={5}
        onAnyWord={onAnyWord}
        onSearchAll={onSearchAll}
      />,
    );
    expect(screen.getByText('No matches in Favourites')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show 5 articles with any of the words' }));
    expect(onAnyWord).toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Search all articles' }));
    expect(onSearchAll).toHaveBeenCalled();
  });

  it('keeps the plain advice when no article has any of the words', () => {
    render(<ListMessage error={null} searching view="all" viewLabel="All articles" />);
    expect(screen.getByText('No matches')).toBeTruthy();
    expect(screen.getByText(/Try fewer words/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
