// Whether a query asks the library's entities: person: and org: are answered from them alone,
// and place: also finds the places an article's text names (query-eval.ts). Any other query
// is answered from the index and the catalogue.
import { QueryError } from '../core/errors';
import { parseQuery, type Clause } from '../core/search/query/query-parser';

const asksNames = (c: Clause): boolean =>
  c.kind === 'name' ||
  ((c.kind === 'term' || c.kind === 'phrase') && c.fields !== null && c.fields.includes('place'));

/** True when answering `query` needs the entities; a query that does not parse needs none. */
export function searchNeedsNames(query: string): boolean {
  try {
    return parseQuery(query).some(asksNames);
  } catch (e) {
    // The search itself reports what is wrong with the query.
    if (e instanceof QueryError) return false;
    throw e;
  }
}
