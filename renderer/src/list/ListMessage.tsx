import type { LibraryView } from '../../../main/contract/types';
import { errorMessage } from '../../../main/contract/error-message';
import { ApiCallError } from '../api/client';

interface Props {
  /** The list's failure (a BAD_QUERY explains itself), or null for an empty list. */
  error: unknown;
  searching: boolean;
  view: LibraryView;
}

/** What the list pane says instead of rows: why a search failed, or that nothing matched. */
export function ListMessage({ error, searching, view }: Props) {
  if (error) {
    return (
      <div className="list-message" role="alert">
        <strong>
          {error instanceof ApiCallError && error.code === 'BAD_QUERY'
            ? 'This search cannot be run'
            : 'Something went wrong'}
        </strong>
        <p className="query-error">{errorMessage(error)}</p>
      </div>
    );
  }
  return (
    <div className="list-message">
      <strong>{searching ? 'No matches' : 'Nothing here'}</strong>
      <p>
        {searching
          ? 'Try fewer words, a prefix* or a fuzzy~1 search.'
          : view === 'trash'
            ? 'The trash is empty.'
            : 'No articles match these filters.'}
      </p>
    </div>
  );
}
