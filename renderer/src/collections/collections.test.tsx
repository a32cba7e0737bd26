import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installFakeOrganise, polyfillDialog } from '../saved/fake-organise';
import { CollectionsSection } from './CollectionsSection';

beforeAll(polyfillDialog);
afterEach(cleanup);

describe('CollectionsSection', () => {
  it('shows collections with counts; a click filters, a second click stops', async () => {
    installFakeOrganise({
      collections: [
        { name: 'sport', count: 511 },
        { name: 'tech', count: 401 },
      ],
    });
    const onFilter = vi.fn();
    const { rerender } = render(
      <CollectionsSection refresh={0} active={null} onFilter={onFilter} notify={() => {}} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: /sport\s*511/ }));
    expect(onFilter).toHaveBeenLastCalledWith('sport');
    rerender(
      <CollectionsSection refresh={0} active="SPORT" onFilter={onFilter} notify={() => {}} />,
    );
    const pressed = screen.getByRole('button', { name: /sport/, pressed: true });
    fireEvent.click(pressed);
    expect(onFilter).toHaveBeenLastCalledWith(null);
  });

  it('renames (a merge onto an existing name) with undo', async () => {
    const fake = installFakeOrganise({
      collections: [
        { name: 'sport', count: 2 },
        { name: 'Tech', count: 1 },
      ],
    });
    const notify = vi.fn();
    render(<CollectionsSection refresh={0} active={null} onFilter={() => {}} notify={notify} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Manage' }));
    const input = screen.getByLabelText('New name for collection sport');
    fireEvent.change(input, { target: { value: 'tech' } });
    const merge = screen.getAllByRole('button', { name: 'Merge' })[0]!;
    await act(async () => {
      fireEvent.click(merge);
    });
    await waitFor(() => expect(notify).toHaveBeenCalled());
    expect(fake.calls.find((c) => c.method === 'renameCollection')!.args).toEqual({
      from: 'sport',
      to: 'Tech',
    });
    await act(async () => {
      await notify.mock.calls[0]![1]();
    });
    expect(fake.calls.map((c) => c.method)).toContain('restoreCollections');
  });

  it('shows nothing when the library has no collections', async () => {
    const fake = installFakeOrganise();
    const { container } = render(
      <CollectionsSection refresh={0} active={null} onFilter={() => {}} notify={() => {}} />,
    );
    await waitFor(() => expect(fake.calls.length).toBeGreaterThan(0));
    expect(container.textContent).toBe('');
  });
});
