// File → Export…: the menu opens the dialog; it sends the format and the scope (selection,
// current list, whole library) and never a path; progress shows with a Cancel that reaches
// main; a closed save dialog brings the choices back.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../main/contract/api-contract';
import type { ExportCall, ExportResult } from '../../../main/contract/export';
import { createClient, getClient, setClient } from '../api/client';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { currentListLabel, exportScope } from './export-scope';

let restoreLayout: () => void;
beforeAll(() => {
  restoreLayout = giveListHeight();
  Element.prototype.scrollIntoView = () => undefined;
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

/** The fake main, with exportArticles answered by the test (`answer`) and calls recorded. */
function installExportMain() {
  const main = installFakeMain([fakeArticle(1), fakeArticle(2)]);
  const fake = getClient();
  const exports: ExportCall[] = [];
  const cancels: string[] = [];
  let settle: { resolve(v: ExportResult | null): void; reject(code: string): void } | null = null;
  setClient(
    createClient({
      call: (method: ApiMethod, args: unknown) => {
        if (method === 'exportArticles') {
          exports.push(args as ExportCall);
          return new Promise((resolve) => {
            settle = {
              resolve: (value) => resolve({ ok: true, value: value as never }),
              reject: (code) =>
                resolve({ ok: false, error: { code: code as 'CANCELLED', message: code } }),
            };
          });
        }
        if (method === 'entityFacets') {
          // The sidebar's facets, which the shared fake main may not answer yet.
          const none = { people: 0, organisations: 0, places: 0 };
          const value = { people: [], organisations: [], places: [], totals: none, pending: 0 };
          return Promise.resolve({ ok: true, value: value as never });
        }
        if (method === 'cancelExport') {
          cancels.push((args as { exportId: string }).exportId);
          return Promise.resolve({ ok: true, value: { cancelled: true } as never });
        }
        return fake.call(method, args as never).then(
          (value) => ({ ok: true as const, value: value as never }),
          (e: { code: 'IO'; message: string }) => ({ ok: false as const, error: e }),
        );
      },
      on: (event, listener) => fake.on(event, listener),
      pathsForFiles: () => [],
    }),
  );
  return {
    main,
    exports,
    cancels,
    settle: () => settle!,
    menu: () => act(async () => main.emit('menuCommand', { command: 'export' })),
  };
}

describe('File → Export…', () => {
  it('exports the selection in the chosen format, shows progress, and cancels in main', async () => {
    const m = installExportMain();
    render(<App />);
    fireEvent.click(await screen.findByText('Article 1', { selector: '.row-title-text' }));
    await screen.findByRole('heading', { level: 1, name: 'Article 1' });
    await m.menu();
    const dialog = await screen.findByRole('dialog', { name: 'Export' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /JSON Lines/ }));
    const selected = within(dialog).getByRole<HTMLInputElement>('radio', { name: /Selected/ });
    expect(selected.disabled).toBe(false);
    fireEvent.click(selected);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(m.exports).toHaveLength(1));
    const call = m.exports[0]!;
    expect(call).toEqual({
      exportId: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      format: 'jsonl',
      scope: { ids: [fakeArticle(1).id] },
    });
    expect(Object.keys(call)).not.toContain('out');
    await screen.findByText('Choose where to save the export…');
    act(() => m.main.emit('exportProgress', { exportId: call.exportId, done: 40, total: 100 }));
    await screen.findByText('Exporting 40 of 100 articles…');
    // Another export's progress is not this one's.
    act(() => m.main.emit('exportProgress', { exportId: 'other', done: 99, total: 100 }));
    expect(screen.queryByText(/Exporting 99/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(m.cancels).toEqual([call.exportId]);
    await act(async () => m.settle().reject('CANCELLED'));
    await screen.findByText('Export cancelled; nothing was written.');
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull();
  }, 20_000);

  it('exports the whole library, says where, and comes back when the save dialog is closed', async () => {
    const m = installExportMain();
    render(<App />);
    await screen.findByText('Article 1', { selector: '.row-title-text' });
    await m.menu();
    let dialog = await screen.findByRole('dialog', { name: 'Export' });
    // Nothing selected: the selection cannot be chosen.
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /Selected/ }).disabled).toBe(
      true,
    );
    fireEvent.click(within(dialog).getByRole('radio', { name: /CSV/ }));
    fireEvent.click(within(dialog).getByRole('radio', { name: /whole library/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(m.exports).toHaveLength(1));
    expect(m.exports[0]).toMatchObject({ format: 'csv', scope: {} });
    await act(async () => m.settle().resolve(null));
    dialog = await screen.findByRole('dialog', { name: 'Export' });
    expect(within(dialog).getByRole<HTMLInputElement>('radio', { name: /CSV/ }).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(m.exports).toHaveLength(2));
    await act(async () => m.settle().resolve({ exported: 2, path: '/exports/library.csv' }));
    await screen.findByText('Exported 2 articles to /exports/library.csv');
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull();
  }, 20_000);
});

describe('exportScope', () => {
  const filters = {
    view: 'favourites' as const,
    tags: ['oil'],
    place: null,
    language: 'ar',
    collection: 'desk',
    from: '2004-01-01',
  };

  it('sends the list as it is searched and filtered now', () => {
    expect(exportScope('view', ['x'], { query: '  iran talks ', filters })).toEqual({
      query: 'iran talks',
      view: 'favourites',
      tags: ['oil'],
      collection: 'desk',
      language: 'ar',
      from: '2004-01-01',
    });
    expect(exportScope('library', ['x'], { query: 'iran', filters })).toEqual({});
    expect(exportScope('selection', ['a', 'b'], { query: 'iran', filters })).toEqual({
      ids: ['a', 'b'],
    });
  });

  it('names the current list', () => {
    expect(currentListLabel({ query: 'oil', filters })).toBe('The search “oil”');
    expect(currentListLabel({ query: '', filters })).toBe('Favourites, as filtered now');
    expect(
      currentListLabel({
        query: '',
        filters: { view: 'all', tags: [], place: null, language: null },
      }),
    ).toBe('All articles');
  });
});
