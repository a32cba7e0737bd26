// Versions of the same story in the UI: the rows' badge, the reader's "N versions" button and
// panel (the other versions, a diff marking added and removed sentences as text, marking the
// main version, Escape to close), and "Hide other versions" in the list header.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { getClient, setClient } from '../api/client';
import type { ArticleVersions, VersionDiff } from '../../../main/contract/versions';
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

const id = (n: number) => n.toString(16).padStart(16, '0');
const ARTICLES = [
  fakeArticle(1, {
    title: 'Storm hits the coast',
    versions: [id(2), id(3)],
    versionCount: 3,
    importedAt: '2024-01-01T00:00:00.000Z',
  }),
  fakeArticle(2, {
    title: 'Storm batters coast towns',
    versions: [id(1), id(3)],
    versionCount: 3,
    importedAt: '2024-01-02T00:00:00.000Z',
    articleDate: '2024-01-02',
  }),
  fakeArticle(3, {
    title: 'Coast storm: the latest',
    versions: [id(1), id(2)],
    versionCount: 3,
    importedAt: '2024-01-03T00:00:00.000Z',
  }),
  fakeArticle(4, { title: 'A story told once' }),
];

const metaOf = (n: number) => {
  const {
    body: _b,
    original: _o,
    dateline: _d,
    matches: _m,
    titleMatches: _t,
    ...rest
  } = ARTICLES[n - 1]!;
  const { highlights: _h, versions: _v, ...meta } = rest;
  return meta;
};

/** The diff the fake engine answers: one sentence each way, and markup that must stay text. */
const diffWith = (other: string): VersionDiff => ({
  segments: [
    { kind: 'same', text: 'The storm reached the coast at dawn. ' },
    { kind: 'removed', text: 'Trees fell on <b>two</b> roads. ' },
    { kind: 'added', text: `Version ${other} adds a sentence.` },
  ],
  added: 1,
  removed: 1,
  coarse: false,
});

/** The fake main with the version calls; returns what they were asked. */
function install(main = id(1)) {
  const fake = installFakeMain(ARTICLES);
  const base = getClient();
  const asked: { method: string; args: unknown }[] = [];
  let currentMain = main;
  const call = ((method, args) => {
    const a = args as { id: string; other?: string };
    if (method === 'articleVersions') {
      asked.push({ method, args });
      const answer: ArticleVersions = {
        main: currentMain,
        versions: [metaOf(1), metaOf(2), metaOf(3)],
      };
      return Promise.resolve(answer);
    }
    if (method === 'compareVersions') {
      asked.push({ method, args });
      return Promise.resolve(diffWith(a.other!));
    }
    if (method === 'setMainVersion') {
      asked.push({ method, args });
      currentMain = a.id;
      fake.emit('libraryChanged', { reason: 'versions', ids: [a.id] });
      return Promise.resolve(null);
    }
    return base.call(method, args);
  }) as ApiClient['call'];
  setClient({ ...base, call });
  return { fake, asked };
}

async function openFirst() {
  render(<App />);
  fireEvent.click(await screen.findByText(ARTICLES[0]!.title, { selector: '.row-title-text' }));
  await screen.findByRole('heading', { level: 1, name: ARTICLES[0]!.title });
}

describe('versions in the list and the reader', () => {
  it('shows "N versions" on rows of stories with versions only', async () => {
    install();
    render(<App />);
    const row = (
      await screen.findByText(ARTICLES[1]!.title, { selector: '.row-title-text' })
    ).closest('.row') as HTMLElement;
    expect(within(row).getByText('3 versions')).toBeTruthy();
    const alone = screen
      .getByText('A story told once', { selector: '.row-title-text' })
      .closest('.row') as HTMLElement;
    expect(within(alone).queryByText(/versions/)).toBeNull();
  });

  it('opens the panel from the reader, compares with the main version, then another', async () => {
    const { asked } = install(id(2));
    await openFirst();
    const toggle = screen.getByRole('button', { name: '3 versions' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const panel = screen.getByRole('complementary', { name: 'Versions of this story' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('3 versions'));
    const items = await within(panel).findAllByRole('button', { pressed: false });
    const titles = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.versions-item-title')?.textContent);
    expect(titles).toEqual(['Storm batters coast towns', 'Coast storm: the latest']);
    expect(items.length).toBeGreaterThan(0);
    // The main version (another one) is compared first.
    await within(panel).findByText('Version ' + id(2) + ' adds a sentence.');
    expect(asked).toContainEqual({ method: 'compareVersions', args: { id: id(1), other: id(2) } });
    const diff = within(panel).getByRole('region', { name: 'Differences from the open article' });
    const added = diff.querySelector('ins.diff-added')!;
    const removed = diff.querySelector('del.diff-removed')!;
    expect(added.textContent).toBe(`[added] Version ${id(2)} adds a sentence.`);
    // Markup in the text is shown as text, never parsed.
    expect(removed.textContent).toBe('[removed] Trees fell on <b>two</b> roads. ');
    expect(removed.querySelector('b')).toBeNull();
    expect(within(panel).getByText('1 sentence added, 1 removed')).toBeTruthy();
    fireEvent.click(within(panel).getByText('Coast storm: the latest').closest('button')!);
    await within(panel).findByText('Version ' + id(3) + ' adds a sentence.');
    expect(asked).toContainEqual({ method: 'compareVersions', args: { id: id(1), other: id(3) } });
  });

  it('marks the open article as the main version, and closes with Escape', async () => {
    const { asked } = install(id(2));
    await openFirst();
    fireEvent.click(screen.getByRole('button', { name: '3 versions' }));
    const panel = screen.getByRole('complementary', { name: 'Versions of this story' });
    const mark = await within(panel).findAllByRole('button', { name: 'Mark as main version' });
    // One for the open article, one for the version compared (unless that one is the main).
    expect(mark).toHaveLength(1);
    fireEvent.click(mark[0]!);
    await within(panel).findByText('This is the main version');
    expect(asked).toContainEqual({ method: 'setMainVersion', args: { id: id(1) } });
    fireEvent.keyDown(within(panel).getByText('This is the main version'), { key: 'Escape' });
    expect(screen.queryByRole('complementary', { name: 'Versions of this story' })).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Article text');
    expect(screen.getByRole('button', { name: '3 versions' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  it('offers no versions button for an article without versions', async () => {
    install();
    render(<App />);
    fireEvent.click(await screen.findByText('A story told once', { selector: '.row-title-text' }));
    await screen.findByRole('heading', { level: 1, name: 'A story told once' });
    expect(screen.queryByRole('button', { name: /^\d+ versions$/ })).toBeNull();
  });

  it('hides other versions from the list header, as a setting that lists and counts ask for', async () => {
    const { fake } = install();
    render(<App />);
    await screen.findByText(ARTICLES[0]!.title, { selector: '.row-title-text' });
    const toggle = screen.getByRole('button', { name: 'Hide other versions' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(fake.argsOf('listArticles').at(-1)).not.toHaveProperty('hideVersions');
    fireEvent.click(toggle);
    await waitFor(() => expect(fake.argsOf('setSettings')).toContainEqual({ hideVersions: true }));
    await waitFor(() =>
      expect(fake.argsOf('listArticles').at(-1)).toMatchObject({ hideVersions: true }),
    );
    await waitFor(() => expect(fake.argsOf('stats')).toContainEqual({ hideVersions: true }));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    // Searches list every version: the toggle is not offered there.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'storm' } });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Hide other versions' })).toBeNull(),
    );
  });
});
