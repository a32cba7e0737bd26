// person:, org: and place: in the query syntax and over a real index: names answered by the
// library's entities (a NameMatcher), combined with words, "-" and OR; place: also finds the
// places an article's text names, beside its dateline's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError } from '../../../main/core/errors';
import { EntityIndex, nameWords } from '../../../main/core/entities/entity-index';
import { parseQuery, type NameClause } from '../../../main/core/search/query/query-parser';
import type { SearchIndex } from '../../../main/core/search/segmented-index';
import type { NameMatcher } from '../../../main/core/search/types';
import { doc, ids, MemoryStore, openIndex, tempDir } from './helpers';

const nameClause = (query: string): NameClause => {
  const c = parseQuery(query)[0];
  if (c?.kind !== 'name') throw new Error(`no name clause in ${query}`);
  return c;
};

describe('person: and org: in the query syntax', () => {
  it('reads a word, a quoted name and a prefix, normalised as search words are', () => {
    expect(nameClause('person:Blair')).toMatchObject({
      entity: 'person',
      words: ['blair'],
      prefix: false,
    });
    expect(nameClause('person:"Tony Blair"').words).toEqual(['tony', 'blair']);
    expect(nameClause('PERSON:"Sonia O\'Sullivan"').words).toEqual(nameWords("Sonia O'Sullivan"));
    expect(nameClause('org:reut*')).toMatchObject({
      entity: 'organisation',
      words: ['reut'],
      prefix: true,
    });
    expect(nameClause('org:"الأمم المتحدة"').words).toEqual(nameWords('الامم المتحده'));
  });

  it('refuses what a name cannot be', () => {
    expect(() => parseQuery('person:')).toThrow(QueryError);
    expect(() => parseQuery('person:"  "')).toThrow('"person:" must be followed by a name.');
    expect(() => parseQuery('org:bl*ir')).toThrow(QueryError);
    expect(() => parseQuery('person:blair~1')).toThrow(QueryError);
  });
});

describe('person:, org: and place: over an index', () => {
  let dir: { dir: string; cleanup: () => Promise<void> };
  let index: SearchIndex;
  const entities = new EntityIndex();
  const names: NameMatcher = (type, words, prefix) => entities.match(type, words, prefix);

  beforeAll(async () => {
    dir = await tempDir();
    const store = new MemoryStore([
      doc('a', { title: 'Talks', body: 'budget talks went on', place: 'London' }),
      doc('b', { title: 'Visit', body: 'a visit to the harbour' }),
      doc('c', { title: 'Budget', body: 'the budget was cut' }),
    ]);
    entities.set('a', [
      { type: 'person', name: 'Tony Blair' },
      { type: 'organisation', name: 'Bank of England' },
    ]);
    entities.set('b', [
      { type: 'person', name: 'Cherie Blair' },
      { type: 'place', name: 'Bergen' },
    ]);
    entities.set('c', [
      { type: 'place', name: 'New York' },
      { type: 'person', name: 'Tony Blair' },
    ]);
    index = await openIndex(dir.dir, store);
  });
  afterAll(async () => {
    await index.close();
    await dir.cleanup();
  });

  const search = async (q: string) => ids(await index.search(q, undefined, { names }));

  it('finds the articles naming a person or an organisation', async () => {
    expect(await search('person:blair')).toEqual(['a', 'b', 'c']);
    expect(await search('person:"tony blair"')).toEqual(['a', 'c']);
    expect(await search('person:"blair tony"')).toEqual([]);
    expect(await search('person:cher*')).toEqual(['b']);
    expect(await search('org:"bank of england"')).toEqual(['a']);
    expect(await search('org:blair')).toEqual([]);
  });

  it('combines with words, "-" and OR', async () => {
    expect(await search('budget person:"tony blair"')).toEqual(['a', 'c']);
    expect(await search('person:blair -person:cherie')).toEqual(['a', 'c']);
    expect(await search('(person:cherie OR org:bank) ')).toEqual(['a', 'b']);
    expect(await search('budget -person:tony')).toEqual([]);
  });

  it('place: finds the dateline place and the places the text names', async () => {
    expect(await search('place:london')).toEqual(['a']);
    expect(await search('place:bergen')).toEqual(['b']);
    expect(await search('place:"new york"')).toEqual(['c']);
  });

  it('ranks the articles naming the person first above those naming them later', async () => {
    const hits = (await index.search('person:"tony blair"', undefined, { names })).hits;
    expect(hits.map((h) => h.id)).toEqual(['a', 'c']);
  });

  it('without entities, person: matches nothing', async () => {
    expect(ids(await index.search('person:blair'))).toEqual([]);
  });
});
