// The "Related articles" section of the reader: closed it asks nothing; opened (by keyboard or
// click) it lists the related articles, and choosing one opens it in the reader.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { getClient, setClient } from '../api/client';
import type { RelatedResult } from '../../../main/contract/related';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  Element.prototype.scrollIntoView = () => undefined;
});
afterAll(() => restoreLayout());
afterEach(() => {
  localStorage.clear();
  cleanup();
});

const ARTICLES = [
  fakeArticle(1, { title: 'Comet over the bay' }),
  fakeArticle(2, { title: 'A second comet' }),
  fakeArticle(3, { title: 'Astronomers name it' }),
];

/** The fake main, answering `related` with `answer(id)` and recording what was asked. */
function install(answer: (id: string) => RelatedResult | Error) {
  installFakeMain(ARTICLES);
  const base = getClient();
  const asked: unknown[] = [];
  const call = ((method, args) => {
    if (method !== 'related') return base.call(method, args);
    asked.push(args);
    const result = answer((args as { id: string }).id);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  }) as ApiClient['call'];
  setClient({ ...base, call });
  return asked;
}

const hit = (n: number) => ({ id: ARTICLES[n]!.id, title: ARTICLES[n]!.title, score: 3 - n });

async function openFirst() {
  render(<App />);
  fireEvent.click(await screen.findByText(ARTICLES[0]!.title, { selector: '.row-title-text' }));
  await screen.findByRole('heading', { level: 1, name: ARTICLES[0]!.title });
}

describe('related articles in the reader', () => {
  it('asks nothing while closed, lists related articles once opened, and opens one', async () => {
    const asked = install((id) => ({
      hits: id === ARTICLES[0]!.id ? [hit(1), hit(2)] : [hit(0)],
    }));
    await openFirst();
    const toggle = screen.getByRole('button', { name: 'Related articles' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(asked).toEqual([]);
    // A button: Enter or Space on it (a click, to the DOM) opens it.
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const section = screen.getByRole('region', { name: 'Related articles' });
    const items = await within(section).findAllByRole('button', { name: /comet|astronomers/i });
    expect(items.map((b) => b.textContent)).toEqual(['A second comet', 'Astronomers name it']);
    expect(asked).toEqual([{ id: ARTICLES[0]!.id, limit: 8 }]);
    fireEvent.click(items[0]!);
    await screen.findByRole('heading', { level: 1, name: 'A second comet' });
    // Still open for the next article, which gets its own list.
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Related articles' }))
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toContain('Comet over the bay'),
    );
    expect(asked).toContainEqual({ id: ARTICLES[1]!.id, limit: 8 });
  });

  it('says when there are none, and when they could not be found', async () => {
    install((id) => (id === ARTICLES[0]!.id ? { hits: [] } : new Error('index gone')));
    localStorage.setItem('ar.relatedOpen', 'true');
    await openFirst();
    await screen.findByText('No related articles.');
    fireEvent.click(screen.getByText(ARTICLES[2]!.title, { selector: '.row-title-text' }));
    await screen.findByRole('heading', { level: 1, name: ARTICLES[2]!.title });
    const alert = await within(screen.getByRole('region', { name: 'Related articles' })).findByRole(
      'alert',
    );
    expect(alert.textContent).toBe('Related articles could not be found: index gone');
  });
});
