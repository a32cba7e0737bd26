import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeOrganise } from '../saved/fake-organise';
import { TagRules } from './TagRules';

afterEach(cleanup);

describe('TagRules', () => {
  it('previews a rule before saving it, and undo removes it', async () => {
    const fake = installFakeOrganise();
    const notify = vi.fn();
    render(<TagRules notify={notify} />);
    const add = screen.getByRole('button', { name: 'Add rule' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'Iran' } });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'iran OR tehran' } });
    await waitFor(() =>
      expect(screen.getByTestId('rule-preview').textContent).toBe(
        '3 articles match; 2 articles would get the tag.',
      ),
    );
    await act(async () => {
      fireEvent.click(add);
    });
    expect(fake.calls.find((c) => c.method === 'putTagRule')!.args).toEqual({
      tag: 'Iran',
      query: 'iran OR tehran',
    });
    expect(notify.mock.calls[0]![0]).toBe('Rule for “Iran” saved: 2 articles tagged');
    await screen.findByText('iran OR tehran');
    await act(async () => {
      await notify.mock.calls[0]![1]();
    });
    expect(fake.rules).toEqual([]);
  });

  it('edits a rule in place and removes one with undo', async () => {
    const fake = installFakeOrganise({ rules: [{ tag: 'Sport', query: 'football', matched: 9 }] });
    const notify = vi.fn();
    render(<TagRules notify={notify} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit rule for Sport' }));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'football OR rugby' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    });
    expect(fake.calls.find((c) => c.method === 'putTagRule')!.args).toEqual({
      tag: 'Sport',
      query: 'football OR rugby',
      previous: 'Sport',
    });
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Remove rule for Sport' }));
    });
    expect(fake.rules).toEqual([]);
    expect(notify.mock.calls[1]![0]).toMatch(/came off 2 articles/);
    await act(async () => {
      await notify.mock.calls[1]![1]();
    });
    expect(fake.rules.map((r) => r.query)).toEqual(['football OR rugby']);
  });

  it('lists the rules again when the tags change (a rename takes its rule along)', async () => {
    const fake = installFakeOrganise({ rules: [{ tag: 'Water', query: 'river', matched: 2 }] });
    const view = render(<TagRules notify={() => {}} refresh={['Water']} />);
    await screen.findByText('Water');
    fake.rules = [{ tag: 'Rivers', query: 'river', matched: 2 }];
    view.rerender(<TagRules notify={() => {}} refresh={['Rivers']} />);
    await screen.findByText('Rivers');
    expect(screen.queryByText('Water')).toBeNull();
  });
});
