// A command-line search opens the library's entities only for queries they answer
// (main/cli/search-needs-names.ts): person:, org: and place:, however they are written.
import { describe, expect, it } from 'vitest';
import { searchNeedsNames } from '../../../main/cli/search-needs-names';

describe('searchNeedsNames', () => {
  it('is true for person:, org: and place: anywhere in the query', () => {
    for (const query of [
      'person:blair',
      'Person:"tony blair" budget',
      'oil org:opec',
      '(place:paris OR place:lyon) strike',
      '-place:iraq war',
      'place:"new york"',
      'ORG:reuters*',
    ]) {
      expect(searchNeedsNames(query), query).toBe(true);
    }
  });

  it('is false for words, other fields, and the words person, org or place as such', () => {
    for (const query of [
      'oil',
      'title:place budget',
      'tag:person',
      'collection:org',
      '"person of the year"',
      'date:2004 place',
      'has:notes org',
    ]) {
      expect(searchNeedsNames(query), query).toBe(false);
    }
  });

  it('is false for a query that does not parse (the search reports it)', () => {
    expect(searchNeedsNames('(oil')).toBe(false);
    expect(searchNeedsNames('"oil')).toBe(false);
  });
});
