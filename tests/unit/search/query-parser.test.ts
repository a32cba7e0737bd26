import { describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors';
import {
  autoDistance,
  parseQuery,
  MAX_CLAUSES,
} from '../../../main/core/search/query/query-parser';

describe('parseQuery', () => {
  it('parses every syntax element', () => {
    const c = parseQuery(
      '+iran -iraq title:Nuclear^3 econ* helo~1 "middle east" tag:"Middle East" tag:sport body:x\\:y',
    );
    expect(c[0]).toMatchObject({ kind: 'term', word: 'iran', presence: 'required' });
    expect(c[1]).toMatchObject({ kind: 'term', word: 'iraq', presence: 'prohibited' });
    expect(c[2]).toMatchObject({ kind: 'term', word: 'nuclear', fields: ['title'], boost: 3 });
    expect(c[3]).toMatchObject({ kind: 'term', word: 'econ', prefix: true });
    expect(c[4]).toMatchObject({ kind: 'term', word: 'helo', fuzzy: 1 });
    expect(c[5]).toMatchObject({ kind: 'phrase', words: ['middle', 'east'], fields: null });
    expect(c[6]).toMatchObject({ kind: 'tag', tag: 'Middle East' });
    expect(c[7]).toMatchObject({ kind: 'tag', tag: 'sport' });
    // An escaped colon is text, not a field separator: "x:y" is two words → a phrase.
    expect(c[8]).toMatchObject({ kind: 'phrase', words: ['x', 'y'], fields: ['body'] });
  });

  it('normalises query words like the index does', () => {
    expect(parseQuery('Iran’s')[0]).toMatchObject({ word: 'iran' });
    expect(parseQuery('al-Sudani')[0]).toMatchObject({ word: 'alsudani' });
    expect(parseQuery('CAFÉ')[0]).toMatchObject({ word: 'cafe' });
  });

  it('caps the edit distance at 2, and lowers it for short words (Lucene AUTO)', () => {
    expect(parseQuery('economy~99')[0]).toMatchObject({ fuzzy: 2 });
    expect(parseQuery('hello~99')[0]).toMatchObject({ fuzzy: 1 });
    expect(parseQuery('cat~2')[0]).toMatchObject({ fuzzy: 1 });
    expect(parseQuery('ab~2')[0]).toMatchObject({ fuzzy: 0 });
    // Length counts letters, not UTF-16 units or the typed spelling.
    expect(parseQuery('𝒜𝒷~2')[0]).toMatchObject({ fuzzy: 0 });
    expect(parseQuery('Iran’s~2')[0]).toMatchObject({ word: 'iran', fuzzy: 1 });
    expect([0, 1, 2, 3, 5, 6, 40].map((n) => autoDistance('x'.repeat(n)))).toEqual([
      0, 0, 0, 1, 1, 2, 2,
    ]);
  });

  it('treats quoted words as exact phrases and unquoted multi-token words as stemmed ones', () => {
    expect(parseQuery('"Iran"')[0]).toMatchObject({ kind: 'phrase', words: ['iran'], exact: true });
    expect(parseQuery('"middle east"')[0]).toMatchObject({ exact: true });
    expect(parseQuery('U.S.')[0]).toMatchObject({
      kind: 'phrase',
      words: ['u', 's'],
      exact: false,
    });
  });

  it('supports presence and boosts on phrases', () => {
    expect(parseQuery('-"a b"^2')[0]).toMatchObject({
      kind: 'phrase',
      presence: 'prohibited',
      boost: 2,
    });
  });

  it('ignores clauses without any word', () => {
    expect(parseQuery('iran & …')).toHaveLength(1);
    expect(parseQuery('   ')).toEqual([]);
  });

  const bad: [string, RegExp][] = [
    ['title:', /"title:" must be followed by a word/],
    ['foo~', /"~" must be followed by an edit distance/],
    ['^', /"\^" must follow a word/],
    ['~2', /"~" must follow a word/],
    [
      'x:y',
      /Unknown field "x"\. Fields are title, body, tags, place, note, highlight, tag, has, collection/,
    ],
    ['+', /"\+" must be followed by a word/],
    ['-', /"-" must be followed by a word/],
    ['"abc', /quote opened at character 1 is never closed/],
    ['foo "bar', /quote opened at character 5/],
    ['foo^abc', /"\^" must be followed by a number/],
    ['foo^2x', /Unexpected "x" after "foo\^2"/],
    ['*', /needs at least 2 letters/],
    ['e*', /needs at least 2 letters/],
    ['*ran', /only allowed at the end of a word/],
    ['ir*n', /only allowed at the end of a word/],
    ['"a b"~2', /not to phrases/],
    ['tag:spo*', /tag: matches whole tag names/],
    ['tag:', /"tag:" must be followed by a word/],
    ['tag:"  "', /"tag:" must be followed by a tag name/],
    ['""', /The phrase "" is empty/],
    [':foo', /must follow a field name/],
  ];
  it.each(bad)('rejects %s with a QueryError', (q, message) => {
    let error: unknown;
    try {
      parseQuery(q);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).code).toBe('BAD_QUERY');
    expect((error as QueryError).message).toMatch(message);
    expect((error as QueryError).message).not.toContain('\n');
  });

  it('bounds the query length and the number of clauses', () => {
    expect(() => parseQuery('a'.repeat(1001))).toThrow(/too long/);
    const many = Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `w${i}`).join(' ');
    // With an operator it is a query with too many parts; plain, a pasted passage (below).
    expect(() => parseQuery(`${many} -x`)).toThrow(/too many parts/);
    expect(parseQuery(many).every((c) => c.presence === 'optional')).toBe(true);
    expect(parseQuery(many.split(' ').slice(0, MAX_CLAUSES).join(' '))).toHaveLength(MAX_CLAUSES);
  });
});
