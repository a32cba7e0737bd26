import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SavedSearchesSection } from './SavedSearchesSection';
import { currentOf, type CurrentSearch } from './current-search';
import { installFakeOrganise, polyfillDialog } from './fake-organise';

beforeAll(polyfillDialog);
afterEach(cleanup);

const current: CurrentSearch = {
  query: 'iran nuclear',
  filters: { view: 'unread', tags: ['Energy'], place: null, language: null, collection: 'world' },
  sort: 'date',
  reversed: false,
};

describe('SavedSearchesSection', () => {
  it('lists saved searches with their counts and runs one on click', async () => {
    const fake = installFakeOrganise({
      saved: [{ name: 'Iran', query: 'iran', filters: {} }],
      counts: new Map([['Iran', 42]]),
    });
    const onRun = vi.fn();
    render(<SavedSearchesSection refresh={0} current={current} onRun={onRun} notify={() => {}} />);
    const button = await screen.findByRole('button', { name: /Iran\s*42/ });
    fireEvent.click(button);
    expect(onRun).toHaveBeenCalledWith({ name: 'Iran', query: 'iran', filters: {}, count: 42 });
    expect(fake.calls.map((c) => c.method)).toContain('listSavedSearches');
  });

  it('saves what the list shows under a new name, refusing a name in use in any case', async () => {
    const fake = installFakeOrganise({ saved: [{ name: 'Iran', query: 'iran', filters: {} }] });
    const notify = vi.fn();
    render(<SavedSearchesSection refresh={0} current={current} onRun={() => {}} notify={notify} />);
    await screen.findByRole('button', { name: /^Iran/ });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const name = screen.getByLabelText('Name');
    fireEvent.change(name, { target: { value: 'IRAN' } });
    expect(screen.getByText(/exists already/)).toBeTruthy();
    const dialog = screen.getByRole('dialog', { name: 'Save search' });
    expect(
      (within(dialog).getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.change(name, { target: { value: 'Iran energy' } });
    expect(screen.getByTestId('saved-filters').textContent).toBe(
      'Filters: view: unread · tags: Energy · collection: world · sorted by date',
    );
    await act(async () => {
      fireEvent.submit(name.closest('form')!);
    });
    const put = fake.calls.find((c) => c.method === 'putSavedSearch')!;
    expect(put.args).toEqual({
      name: 'Iran energy',
      query: 'iran nuclear',
      filters: { view: 'unread', tags: ['Energy'], collection: 'world', sort: 'date' },
    });
    expect(notify).toHaveBeenCalledWith('Saved “Iran energy”', expect.any(Function));
    // Undo removes what was saved.
    await act(async () => {
      await notify.mock.calls[0]![1]();
    });
    expect(fake.saved.map((s) => s.name)).toEqual(['Iran']);
  });

  it('deletes with undo that puts it back in its place', async () => {
    const fake = installFakeOrganise({
      saved: [
        { name: 'A', query: 'a', filters: {} },
        { name: 'B', query: 'b', filters: {} },
      ],
    });
    const notify = vi.fn();
    render(<SavedSearchesSection refresh={0} current={current} onRun={() => {}} notify={notify} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit saved search A' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    });
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(fake.saved.map((s) => s.name)).toEqual(['B']);
    await act(async () => {
      await notify.mock.calls[0]![1]();
    });
    expect(fake.saved.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('moves one down with Alt+ArrowDown, with undo', async () => {
    const fake = installFakeOrganise({
      saved: [
        { name: 'A', query: 'a', filters: {} },
        { name: 'B', query: 'b', filters: {} },
      ],
    });
    const notify = vi.fn();
    render(<SavedSearchesSection refresh={0} current={current} onRun={() => {}} notify={notify} />);
    const a = await screen.findByRole('button', { name: /^A/ });
    await act(async () => {
      fireEvent.keyDown(a, { key: 'ArrowDown', altKey: true });
    });
    await waitFor(() => expect(fake.saved.map((s) => s.name)).toEqual(['B', 'A']));
    await act(async () => {
      await notify.mock.calls[0]![1]();
    });
    expect(fake.saved.map((s) => s.name)).toEqual(['A', 'B']);
  });

  it('saves the timeline’s date range, shows it in the tooltip and edit dialog, and runs it', async () => {
    const fake = installFakeOrganise({ saved: [] });
    const ranged: CurrentSearch = {
      ...current,
      filters: { ...current.filters, from: '2004-03-05', to: '2004-06-20' },
    };
    const onRun = vi.fn();
    const view = render(
      <SavedSearchesSection refresh={0} current={ranged} onRun={onRun} notify={() => {}} />,
    );
    await waitFor(() => expect(fake.calls.map((c) => c.method)).toContain('listSavedSearches'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring 2004' } });
    expect(screen.getByTestId('saved-filters').textContent).toBe(
      'Filters: view: unread · tags: Energy · collection: world · date: 5 Mar 2004 – 20 Jun 2004 · sorted by date',
    );
    await act(async () => {
      fireEvent.submit(screen.getByLabelText('Name').closest('form')!);
    });
    const put = fake.calls.find((c) => c.method === 'putSavedSearch')!;
    expect(put.args).toMatchObject({ filters: { from: '2004-03-05', to: '2004-06-20' } });

    const row = await screen.findByRole('button', { name: /^Spring 2004/ });
    expect(row.getAttribute('title')).toContain('date: 5 Mar 2004 – 20 Jun 2004');
    // The row is shown as active only while the list shows the same range.
    expect(row.getAttribute('aria-pressed')).toBe('true');
    view.rerender(
      <SavedSearchesSection refresh={0} current={current} onRun={onRun} notify={() => {}} />,
    );
    expect(row.getAttribute('aria-pressed')).toBe('false');

    // Its edit dialog shows its own range; taking the filters shown now (no range) drops it.
    fireEvent.click(screen.getByRole('button', { name: 'Edit saved search Spring 2004' }));
    const filters = () => screen.getByTestId('saved-filters').textContent;
    expect(filters()).toContain('date: 5 Mar 2004 – 20 Jun 2004');
    fireEvent.click(screen.getByLabelText('Use the filters and sort shown now'));
    expect(filters()).not.toContain('date:');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(row);
    expect(currentOf(onRun.mock.calls[0]![0]).filters).toMatchObject({
      from: '2004-03-05',
      to: '2004-06-20',
    });
  });
});
