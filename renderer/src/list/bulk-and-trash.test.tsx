// Select all, the bulk panel's tag removal and unfavourite, the Trash view's bulk panel, and
// deleting one trashed article for good: the whole window over a fake main.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});
afterAll(() => restoreLayout());
afterEach(cleanup);

const rowTitled = async (title: string) =>
  (await screen.findByText(title, { selector: '.row-title-text' })).closest<HTMLElement>('.row')!;
const selectedTitles = () =>
  [...document.querySelectorAll('.row[aria-selected="true"] .row-title-text')].map(
    (e) => e.textContent,
  );
const ctrlA = (target: Element) => fireEvent.keyDown(target, { key: 'a', ctrlKey: true });

async function openWindow(articles = [1, 2, 3].map((n) => fakeArticle(n))) {
  const main = installFakeMain(articles);
  render(<App />);
  await rowTitled('Article 1');
  return main;
}

describe('select all', () => {
  it('Ctrl+A in the list selects every row, fetched as pages of ids', async () => {
    const main = await openWindow();
    const list = screen.getByRole('listbox');
    list.focus();
    ctrlA(list);
    await waitFor(() => expect(selectedTitles()).toEqual(['Article 1', 'Article 2', 'Article 3']));
    const bulk = await screen.findByRole('region', { name: 'Selected articles' });
    expect(within(bulk).getByRole('heading').textContent).toBe('3 articles selected');
    // The ids came from a page fetched for the purpose, not from the rows in view.
    expect(main.argsOf('listArticles').some((a) => (a as { limit: number }).limit === 3)).toBe(
      true,
    );
  });

  it('Ctrl+A in the search field stays the field’s own select-all', async () => {
    await openWindow();
    const search = screen.getByRole('searchbox', { name: 'Search articles' });
    search.focus();
    ctrlA(search);
    await new Promise((r) => setTimeout(r, 20));
    expect(selectedTitles()).toEqual([]);
  });
});

describe('bulk panel', () => {
  it('removes a tag the selection carries, and unfavourites', async () => {
    const main = await openWindow([
      fakeArticle(1, { tags: ['gadgets', 'weekly'] }),
      fakeArticle(2, { tags: ['gadgets'] }),
      fakeArticle(3),
    ]);
    fireEvent.click(await rowTitled('Article 1'));
    fireEvent.click(await rowTitled('Article 2'), { shiftKey: true });
    const bulk = await screen.findByRole('region', { name: 'Selected articles' });
    const weekly = await within(bulk).findByRole('button', {
      name: 'Remove tag weekly from the 1 article carrying it',
    });
    expect(within(bulk).getByText('all')).toBeTruthy();
    fireEvent.click(weekly);
    const ids = [fakeArticle(1).id, fakeArticle(2).id];
    expect(main.argsOf('removeTags')).toEqual([{ ids, tags: ['weekly'] }]);
    expect(main.argsOf('tagsOf')[0]).toEqual({ ids });

    fireEvent.click(within(bulk).getByRole('button', { name: 'Unfavourite' }));
    expect(main.argsOf('setFavourite')).toEqual([{ ids, favourite: false }]);
  });

  it('in the Trash view speaks of restoring and deleting for good, and asks first', async () => {
    const main = await openWindow();
    fireEvent.click(screen.getByRole('button', { name: /^Trash/ }));
    await waitFor(() =>
      expect(
        main.argsOf('listArticles').some((a) => (a as { view: string }).view === 'trash'),
      ).toBe(true),
    );
    fireEvent.click(await rowTitled('Article 1'));
    fireEvent.click(await rowTitled('Article 3'), { ctrlKey: true });
    const bulk = await screen.findByRole('region', { name: 'Selected articles' });
    expect(bulk.textContent).toMatch(/Restore them to the library, or delete them for good/);
    expect(within(bulk).queryByRole('button', { name: 'Move to trash' })).toBeNull();
    expect(within(bulk).queryByRole('combobox')).toBeNull();

    fireEvent.click(within(bulk).getByRole('button', { name: 'Delete for good…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete for good?' });
    expect(dialog.textContent).toMatch(/2 articles will be deleted/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(main.argsOf('purge')).toEqual([]);

    fireEvent.click(within(bulk).getByRole('button', { name: 'Delete for good…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(main.argsOf('purge')).toEqual([{ ids: [fakeArticle(1).id, fakeArticle(3).id] }]);
    await screen.findByText(/Deleted 2 articles for good/);
    // The panel's buttons are gone: focus is on the list, not the page body.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('listbox')));
  });

  it('one trashed article can be deleted for good from the reader, after a confirmation', async () => {
    const trashed = fakeArticle(2, { trashedAt: '2024-02-01T10:00:00.000Z', title: 'مقال' });
    const main = await openWindow([fakeArticle(1), trashed]);
    fireEvent.click(await rowTitled('مقال'));
    const note = await screen.findByRole('note', { name: 'In the trash' });
    fireEvent.click(within(note).getByRole('button', { name: 'Delete for good…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete for good?' });
    // The title is isolated, so its quotes stay on either side of Arabic text.
    expect(dialog.querySelector('bdi')?.textContent).toBe('مقال');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    expect(main.argsOf('purge')).toEqual([{ ids: [trashed.id] }]);
    await screen.findByText('Choose an article to read.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('listbox')));
  });
});

describe('focus stays on the list', () => {
  it('Delete on a reader toolbar button trashes the article and focus goes to the list', async () => {
    const main = await openWindow();
    fireEvent.click(await rowTitled('Article 2'));
    const fav = await screen.findByRole('button', { name: '☆ Favourite' });
    fav.focus();
    fireEvent.keyDown(fav, { key: 'Delete' });
    expect(main.argsOf('trash')).toEqual([{ ids: [fakeArticle(2).id] }]);
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });

  it('a row trashed in one view does not move the cursor (or open an article) in the next', async () => {
    const articles = [1, 2, 3].map((n) => fakeArticle(n));
    const listed = [...articles];
    installFakeMain(articles, listed);
    render(<App />);
    fireEvent.click(await rowTitled('Article 2'));
    await waitFor(() =>
      expect(document.querySelector('.reader .article-title')?.textContent).toBe('Article 2'),
    );
    fireEvent.keyDown(document.body, { key: 'Delete' });
    await screen.findByText('Choose an article to read.');
    // The trashed row is gone from the next list the fake answers with.
    listed.splice(1, 1);
    fireEvent.click(screen.getByRole('button', { name: /^Favourites/ }));
    await rowTitled('Article 1');
    await new Promise((r) => setTimeout(r, 30));
    expect(selectedTitles()).toEqual([]);
    expect(screen.getByText('Choose an article to read.')).toBeTruthy();
  });

  it('Esc in an empty search field moves focus to the list', async () => {
    await openWindow();
    const search = screen.getByRole('searchbox', { name: 'Search articles' });
    search.focus();
    fireEvent.keyDown(search, { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });
});
