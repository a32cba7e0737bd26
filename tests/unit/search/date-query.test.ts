import { describe, expect, it } from 'vitest';
import { parseDateBounds, spanOf, withinBounds } from '../../../main/contract/date-range';
import { QueryError } from '../../../main/core/errors';
import { parseQuery, type DateClause } from '../../../main/core/search/query/query-parser';

const dateClause = (query: string): DateClause => {
  const c = parseQuery(query).find((x) => x.kind === 'date');
  if (!c || c.kind !== 'date') throw new Error(`no date clause in ${query}`);
  return c;
};
const range = (query: string) => {
  const { from, to } = dateClause(query);
  return [from, to];
};

describe('date: in the query syntax', () => {
  it('reads a year, a month and a day as the days they cover', () => {
    expect(range('date:2004')).toEqual(['2004-01-01', '2004-12-31']);
    expect(range('date:2004-02')).toEqual(['2004-02-01', '2004-02-29']);
    expect(range('date:2005-02')).toEqual(['2005-02-01', '2005-02-28']);
    expect(range('date:2004-03-01')).toEqual(['2004-03-01', '2004-03-01']);
  });

  it('reads ranges, open ranges and comparisons', () => {
    expect(range('date:2004-03-01..2004-06-30')).toEqual(['2004-03-01', '2004-06-30']);
    expect(range('date:2004..2006')).toEqual(['2004-01-01', '2006-12-31']);
    expect(range('date:2004..')).toEqual(['2004-01-01', null]);
    expect(range('date:..2004-06')).toEqual([null, '2004-06-30']);
    expect(range('date:>2010')).toEqual(['2011-01-01', null]);
    expect(range('date:>=2010')).toEqual(['2010-01-01', null]);
    expect(range('date:<2010')).toEqual([null, '2009-12-31']);
    expect(range('date:<=2010-02')).toEqual([null, '2010-02-28']);
    expect(range('date:>2010-12-31')).toEqual(['2011-01-01', null]);
    expect(range('DATE:"2004"')).toEqual(['2004-01-01', '2004-12-31']);
  });

  it('combines with words, and can be left out or be one of alternatives', () => {
    const clauses = parseQuery('oil -date:2004 (date:2001 OR date:2003)');
    expect(clauses.map((c) => [c.kind, c.presence, c.anyOf ?? null])).toEqual([
      ['term', 'required', null],
      ['date', 'prohibited', null],
      ['date', 'required', 1],
      ['date', 'required', 1],
    ]);
  });

  it.each([
    ['date:2004-13', /"2004-13" is not a date/],
    ['date:2004-02-30', /"2004-02-30" is not a date/],
    ['date:04', /"04" is not a date/],
    ['date:yesterday', /not a date/],
    ['date:>', /not a date/],
    ['date:..', /not a date/],
    ['date:2006..2004', /starts after it ends/],
    ['date:2004~1', /"~" cannot be used with date:/],
  ])('%s is a QueryError of one line', (query, message) => {
    let error: unknown;
    try {
      parseQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('date ranges', () => {
  it('spans and bounds', () => {
    expect(spanOf('1900-02')).toEqual({ first: '1900-02-01', last: '1900-02-28' });
    expect(spanOf('2004-3')).toBeNull();
    expect(parseDateBounds(' >= 2004 ')).toEqual({ from: '2004-01-01', to: null });
    expect(withinBounds('2004-03-01', { from: '2004-03-01', to: '2004-03-01' })).toBe(true);
    expect(withinBounds('2004-03-02', { from: null, to: '2004-03-01' })).toBe(false);
    expect(withinBounds(null, { from: null, to: null })).toBe(false);
  });
});
