// The sidebar's People / Organisations / Places facets: counts for the list as it is, a click
// that filters the list through the search box (and a second that takes it out), "More", the
// filter box that asks for the names past the top ones, and the English-only note.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/client';
import { getClient, setClient } from '../api/client';
import type { EntityFacets, EntityFacetsQuery } from '../../../main/contract/entity-facets';
import { App } from '../app/App';
import { fakeArticle, giveListHeight, installFakeMain } from '../app/fake-main';
import { entityClause, hasClause, toggleClause } from './entity-query';

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

const people = Array.from({ length: 14 }, (_, i) => ({
  name: `Person ${String.fromCharCode(65 + i)}`,
  count: 20 - i,
}));

function answer(q: EntityFacetsQuery): EntityFacets {
  const prefix = q.prefix?.toLowerCase() ?? '';
  const found = prefix
    ? [{ name: 'Zelda Quist', count: 1 }].filter((p) => p.name.toLowerCase().startsWith(prefix))
    : people;
  return {
    people: found,
    organisations: prefix ? [] : [{ name: 'Harbour Authority', count: 3 }],
    places: prefix ? [] : [{ name: 'Bergen', count: 2 }],
    totals: { people: prefix ? found.length : 60, organisations: 1, places: 1 },
    pending: 0,
  };
}

/** The fake main answering `entityFacets`; returns what was asked. */
function install() {
  installFakeMain([fakeArticle(1, { title: 'Harbour plan approved' })]);
  const base = getClient();
  const asked: EntityFacetsQuery[] = [];
  const call = ((method, args) => {
    if (method !== 'entityFacets') return base.call(method, args);
    asked.push(args as EntityFacetsQuery);
    return Promise.resolve(answer(args as EntityFacetsQuery));
  }) as ApiClient['call'];
  setClient({ ...base, call });
  return asked;
}

const facet = (name: string) => screen.getByRole('region', { name });

describe('entity facets in the sidebar', () => {
  it('shows the top ten people with counts, More shows the rest, and says English only', async () => {
    install();
    render(<App />);
    const section = await screen.findByRole('region', { name: 'People' }, { timeout: 5000 });
    const names = () =>
      within(section)
        .getAllByRole('button', { pressed: false })
        .map((b) => b.textContent);
    expect(names()).toHaveLength(10);
    expect(names()[0]).toBe('Person A20');
    expect(within(section).getByText('English articles only')).toBeTruthy();
    expect(within(facet('Places')).queryByText('English articles only')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'More' }));
    expect(names()).toHaveLength(14);
    expect(within(section).getByText(/10 more: type in the filter/)).toBeTruthy();
  });

  it('a click filters the list by the search box, a second click takes it out', async () => {
    const asked = install();
    render(<App />);
    const org = await within(
      await screen.findByRole('region', { name: 'Organisations' }),
    ).findByRole('button', { name: /Harbour Authority/ });
    fireEvent.click(org);
    const box = screen.getByRole('searchbox', { name: /search/i });
    await waitFor(() => expect((box as HTMLInputElement).value).toBe('org:"Harbour Authority"'));
    await waitFor(() => expect(org.getAttribute('aria-pressed')).toBe('true'));
    // The facets now count the search's hits.
    await waitFor(() => expect(asked.at(-1)?.query).toBe('org:"Harbour Authority"'));
    fireEvent.click(org);
    await waitFor(() => expect((box as HTMLInputElement).value).toBe(''));
  });

  it('the filter box asks for names starting with what is typed', async () => {
    const asked = install();
    render(<App />);
    const section = await screen.findByRole('region', { name: 'People' });
    fireEvent.change(within(section).getByRole('searchbox', { name: 'Filter people' }), {
      target: { value: 'zel' },
    });
    await within(section).findByRole('button', { name: /Zelda Quist/ });
    expect(asked.some((q) => q.prefix === 'zel')).toBe(true);
    fireEvent.change(within(section).getByRole('searchbox', { name: 'Filter people' }), {
      target: { value: 'qqq' },
    });
    await within(section).findByText(/No people start with/);
  });
});

describe('entity clauses', () => {
  it('quotes names and escapes quotes in them', () => {
    expect(entityClause('person', 'Tony Blair')).toBe('person:"Tony Blair"');
    expect(entityClause('organisation', 'The "Best" Co')).toBe('org:"The \\"Best\\" Co"');
    expect(entityClause('place', 'Bergen')).toBe('place:"Bergen"');
  });

  it('adds a clause to a query and takes it out again, whatever the case', () => {
    const c = entityClause('person', 'Ann Lee');
    expect(toggleClause('budget', c)).toBe('budget person:"Ann Lee"');
    expect(toggleClause('budget person:"ann lee" cuts', c)).toBe('budget cuts');
    expect(hasClause('xperson:"Ann Lee"', c)).toBe(false);
  });
});
