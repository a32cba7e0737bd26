// The timeline above the list: bars for the view, undated counted apart, a range picked from
// the keyboard filters the list and shows a removable "date: …" chip; it follows a search.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline, TimelineQuery } from '../../../main/contract/timeline';
import type { ApiClient } from '../api/client';
import { getClient, setClient } from '../api/client';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { rangeLabel } from './timeline-format';

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

const MONTHS: Timeline = {
  unit: 'month',
  buckets: [
    { from: '2004-01-01', to: '2004-01-31', count: 3 },
    { from: '2004-02-01', to: '2004-02-29', count: 0 },
    { from: '2004-03-01', to: '2004-03-31', count: 5 },
    { from: '2004-04-01', to: '2004-04-30', count: 1 },
  ],
  dated: 9,
  undated: 4,
};

const NO_FACETS = {
  people: [],
  organisations: [],
  places: [],
  totals: { people: 0, organisations: 0, places: 0 },
  pending: 0,
};

/** The fake main, answering `timeline` with `answer(args)` and recording what was asked. */
function install(answer: (q: TimelineQuery) => Timeline) {
  const fake = installFakeMain([fakeArticle(1, { articleDate: '2004-03-02' }), fakeArticle(2)]);
  const base = getClient();
  const asked: TimelineQuery[] = [];
  const call = ((method, args) => {
    // The sidebar's facets, with nothing to show (the fake main does not know them).
    if (method === 'entityFacets') return Promise.resolve(NO_FACETS);
    if (method !== 'timeline') return base.call(method, args);
    asked.push(args as TimelineQuery);
    return Promise.resolve(answer(args as TimelineQuery));
  }) as ApiClient['call'];
  setClient({ ...base, call });
  return { fake, asked };
}

describe('the timeline', () => {
  it('shows a bar per month and the undated apart', async () => {
    install(() => MONTHS);
    render(<App />);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText(/9 articles by month/)).toBeTruthy();
    expect(within(timeline).getByText(/4 undated/)).toBeTruthy();
    const bars = timeline.querySelectorAll('.timeline-bar');
    expect(bars).toHaveLength(4);
    expect(bars[2]!.getAttribute('title')).toBe('Mar 2004: 5 articles');
  });

  it('filters the list by a range picked from the keyboard, and the chip removes it', async () => {
    const { fake, asked } = install((q) =>
      q.from ? { ...MONTHS, unit: 'day', buckets: [], dated: 6 } : MONTHS,
    );
    render(<App />);
    const group = await screen.findByRole('group', { name: /Articles by month/ });
    group.focus();
    // Focus is on the last bar: Left to March, Shift+Left widens to February, Enter filters.
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    fireEvent.keyDown(group, { key: 'ArrowLeft', shiftKey: true });
    expect(group.querySelectorAll('.timeline-bar.picked')).toHaveLength(2);
    fireEvent.keyDown(group, { key: 'Enter' });
    await waitFor(() =>
      expect(fake.argsOf('listArticles').at(-1)).toMatchObject({
        from: '2004-02-01',
        to: '2004-03-31',
      }),
    );
    await waitFor(() =>
      expect(asked.at(-1)).toMatchObject({ from: '2004-02-01', to: '2004-03-31' }),
    );
    const remove = await screen.findByRole('button', {
      name: `Remove the date filter ${rangeLabel('2004-02-01', '2004-03-31')}`,
    });
    expect(screen.getByText('date: Feb 2004 – Mar 2004')).toBeTruthy();
    fireEvent.click(remove);
    await waitFor(() => {
      const last = fake.argsOf('listArticles').at(-1) as Record<string, unknown>;
      expect(last.from).toBeUndefined();
      expect(last.to).toBeUndefined();
    });
    expect(screen.queryByText(/^date:/)).toBeNull();
  });

  it('Escape lets a picked range go without filtering', async () => {
    const { fake } = install(() => MONTHS);
    render(<App />);
    const group = await screen.findByRole('group', { name: /Articles by month/ });
    const listed = fake.argsOf('listArticles').length;
    fireEvent.keyDown(group, { key: 'Home' });
    fireEvent.keyDown(group, { key: 'ArrowRight', shiftKey: true });
    expect(group.querySelectorAll('.timeline-bar.picked')).toHaveLength(2);
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(group.querySelectorAll('.timeline-bar.picked')).toHaveLength(0);
    expect(fake.argsOf('listArticles')).toHaveLength(listed);
  });

  it('puts the label of a lone bar under it, not across the left edge', async () => {
    install(() => ({
      unit: 'day',
      buckets: [{ from: '2024-06-04', to: '2024-06-04', count: 3 }],
      dated: 3,
      undated: 0,
    }));
    render(<App />);
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => expect(timeline.querySelectorAll('.timeline-bar')).toHaveLength(1));
    const labels = timeline.querySelectorAll<HTMLElement>('.timeline-axis > span');
    expect(labels).toHaveLength(1);
    expect(labels[0]!.style.left).toBe('50%');
    expect(labels[0]!.className).toBe('timeline-axis-only');
  });

  it('counts the search shown', async () => {
    const { asked } = install(() => MONTHS);
    render(<App />);
    await screen.findByRole('region', { name: 'Timeline' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search articles' }), {
      target: { value: 'harbour' },
    });
    await waitFor(() => expect(asked.at(-1)).toMatchObject({ query: 'harbour' }));
  });

  it('words ranges briefly', () => {
    expect(rangeLabel('2004-01-01', '2004-12-31')).toBe('2004');
    expect(rangeLabel('2004-03-01', '2004-03-31')).toBe('Mar 2004');
    expect(rangeLabel('2004-03-05', '2004-03-05')).toBe('5 Mar 2004');
    expect(rangeLabel('2004-03-05', undefined)).toBe('from 5 Mar 2004');
  });
});
