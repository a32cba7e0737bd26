// collection:name in the query parser: a whole name (quoted when it has spaces), never a
// prefix or fuzzy word.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../main/core/search/query/query-parser';

describe('collection: in queries', () => {
  it('parses a name, quoted or not, required or left out', () => {
    expect(parseQuery('collection:Sport')).toMatchObject([
      { kind: 'collection', name: 'Sport', presence: 'required' },
    ]);
    expect(parseQuery('-collection:"middle east"')).toMatchObject([
      { kind: 'collection', name: 'middle east', presence: 'prohibited' },
    ]);
    expect(parseQuery('COLLECTION:a OR collection:b')).toMatchObject([
      { kind: 'collection', name: 'a', anyOf: 1 },
      { kind: 'collection', name: 'b', anyOf: 1 },
    ]);
  });

  it('refuses an empty name, a prefix and a fuzzy name', () => {
    expect(() => parseQuery('collection:')).toThrow(/"collection:" must be followed by/);
    expect(() => parseQuery('collection:"  "')).toThrow(/must be followed by a collection name/);
    expect(() => parseQuery('collection:sp*')).toThrow(/whole collection names/);
    expect(() => parseQuery('collection:sport~1')).toThrow(/whole collection names/);
  });
});
