// The reader over a fake main: the reading position is saved (and a failed save is told, not
// swallowed), and an encoding that was only guessed is shown beside the article's details.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
});
afterAll(() => restoreLayout());
afterEach(cleanup);

/** Renders the window with one article and opens it from the list. */
async function openReader(article = fakeArticle(1)) {
  const main = installFakeMain([article]);
  render(<App />);
  fireEvent.click(await screen.findByText(article.title, { selector: '.row-title-text' }));
  await screen.findByRole('heading', { level: 1, name: article.title });
  return main;
}

const scroller = () => screen.getByRole('region', { name: 'Article text' });

describe('reader', () => {
  it('saves the reading position after a scroll and says so on the scroller', async () => {
    const main = await openReader();
    fireEvent.scroll(scroller());
    await waitFor(() => expect(scroller().dataset.savedPosition).toBe('1'), { timeout: 3000 });
    expect(main.argsOf('setPosition')).toEqual([{ id: fakeArticle(1).id, position: 1 }]);
  });

  it('tells the user when the reading position could not be saved', async () => {
    const main = await openReader();
    main.fail('setPosition', 'The disk is full.');
    fireEvent.scroll(scroller());
    await screen.findByText(/reading position was not saved: The disk is full\./, undefined, {
      timeout: 3000,
    });
    expect(scroller().dataset.savedPosition).toBeUndefined();
  });

  it('marks a guessed encoding in the details, with why in its title', async () => {
    await openReader(fakeArticle(1, { encoding: 'windows-1252', encodingGuessed: true }));
    const guessed = screen.getByText('windows-1252 (guessed)');
    expect(guessed.closest('.article-meta')).not.toBeNull();
    expect(guessed.getAttribute('title')).toMatch(/not valid in any declared or detected encoding/);
    expect(guessed.getAttribute('title')).toContain('windows-1252');
  });

  it('says nothing about an encoding that was declared or detected', async () => {
    await openReader(fakeArticle(1, { encoding: 'windows-1252', encodingGuessed: false }));
    expect(document.querySelector('.article-meta')?.textContent).not.toMatch(/guessed|1252/);
    cleanup();
    await openReader(fakeArticle(2, { encoding: 'UTF-8' }));
    expect(document.querySelector('.article-meta')?.textContent).not.toMatch(/guessed|UTF-8/);
  });
});
