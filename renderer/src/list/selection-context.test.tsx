// The selection and the open article live in one context that the list, the reader, the
// bulk panel and the shortcuts read directly: these drive the whole window over a fake main.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
});
afterAll(() => restoreLayout());
afterEach(cleanup);

const rowTitled = async (title: string) =>
  (await screen.findByText(title, { selector: '.row-title-text' })).closest<HTMLElement>('.row')!;
const readerTitle = () => document.querySelector('.reader .article-title')?.textContent;

async function openWindow(articles = [fakeArticle(1), fakeArticle(2), fakeArticle(3)]) {
  const main = installFakeMain(articles);
  render(<App />);
  await rowTitled('Article 1');
  return main;
}

describe('selection and open article context', () => {
  it('a clicked row opens in the reader, and another click changes the open article', async () => {
    await openWindow();
    fireEvent.click(await rowTitled('Article 1'));
    await waitFor(() => expect(readerTitle()).toBe('Article 1'));
    expect((await rowTitled('Article 1')).classList.contains('open')).toBe(true);

    fireEvent.click(await rowTitled('Article 2'));
    await waitFor(() => expect(readerTitle()).toBe('Article 2'));
    expect((await rowTitled('Article 2')).classList.contains('open')).toBe(true);
    expect((await rowTitled('Article 1')).classList.contains('open')).toBe(false);
    expect((await rowTitled('Article 2')).getAttribute('aria-selected')).toBe('true');
  });

  it('several selected rows show the bulk panel; clearing it there clears the list too', async () => {
    const main = await openWindow();
    fireEvent.click(await rowTitled('Article 1'));
    await waitFor(() => expect(readerTitle()).toBe('Article 1'));
    fireEvent.click(await rowTitled('Article 3'), { ctrlKey: true });

    const bulk = await screen.findByRole('region', { name: 'Selected articles' });
    expect(within(bulk).getByRole('heading').textContent).toBe('2 articles selected');
    const selected = () =>
      [...document.querySelectorAll('.row[aria-selected="true"] .row-title-text')].map(
        (e) => e.textContent,
      );
    expect(selected()).toEqual(['Article 1', 'Article 3']);

    fireEvent.click(within(bulk).getByRole('button', { name: 'Favourite' }));
    expect(main.argsOf('setFavourite')).toEqual([
      { ids: [fakeArticle(1).id, fakeArticle(3).id], favourite: true },
    ]);

    fireEvent.click(within(bulk).getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(selected()).toEqual([]));
    // The article open before the second row was picked is still the open one.
    await waitFor(() => expect(readerTitle()).toBe('Article 1'));
  });

  it('keyboard toggles flip the state of the article the reader loaded', async () => {
    // The list row says "not a favourite"; the reader's copy says it is one.
    const listed = [fakeArticle(1), fakeArticle(2)];
    const main = installFakeMain([fakeArticle(1, { favourite: true }), fakeArticle(2)], listed);
    render(<App />);
    fireEvent.click(await rowTitled('Article 1'));
    await screen.findByRole('button', { name: '★ Favourite' });

    fireEvent.keyDown(document.body, { key: 'f' });
    expect(main.argsOf('setFavourite')).toEqual([{ ids: [listed[0]!.id], favourite: false }]);

    // With several selected, the reader is gone and f favourites them all.
    fireEvent.click(await rowTitled('Article 2'), { shiftKey: true });
    await screen.findByRole('region', { name: 'Selected articles' });
    fireEvent.keyDown(document.body, { key: 'f' });
    expect(main.argsOf('setFavourite')[1]).toEqual({
      ids: [listed[0]!.id, listed[1]!.id],
      favourite: true,
    });
  });

  it('Enter in the list moves focus into the open article, and t to its tags', async () => {
    await openWindow();
    fireEvent.click(await rowTitled('Article 2'));
    await waitFor(() => expect(readerTitle()).toBe('Article 2'));
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Enter' });
    expect(document.activeElement?.classList.contains('reader-scroller')).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 't' });
    expect(document.activeElement?.closest('.reader-tags')).not.toBeNull();
  });

  it('Escape closes the open article and the reader says to choose one', async () => {
    await openWindow();
    fireEvent.click(await rowTitled('Article 3'));
    await waitFor(() => expect(readerTitle()).toBe('Article 3'));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await screen.findByText('Choose an article to read.');
    expect(document.querySelector('.row.open')).toBeNull();
  });
});
