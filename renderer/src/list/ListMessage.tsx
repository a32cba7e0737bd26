import type { LibraryView } from '../../../main/contract/types';
import { errorMessage } from '../../../main/contract/error-message';
import { ApiCallError } from '../api/client';
import { plural } from '../shared/format';

interface Props {
  /** The list's failure (a BAD_QUERY explains itself), or null for an empty list. */
  error: unknown;
  searching: boolean;
  view: LibraryView;
  /** The view's name, for "No matches in Favourites". */
  viewLabel?: string;
  /** Articles holding any of the words, when none holds all of them. */
  anyWordTotal?: number;
  /** Shows the articles holding any of the words. */
  onAnyWord?(): void;
  /** Searches every article instead of the view. */
  onSearchAll?(): void;
}

/** What the list pane says instead of rows: why a search failed, or that nothing matched. */
export function ListMessage(props: Props) {
  const { error, searching, view } = props;
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
  if (searching) {
    const inView = view !== 'all' && props.viewLabel !== undefined;
    const any = props.anyWordTotal ?? 0;
    return (
      <div className="list-message">
        <strong>{inView ? `No matches in ${props.viewLabel}` : 'No matches'}</strong>
        <p>
          {any > 0
            ? 'No article has all of these words.'
            : 'Try fewer words, a prefix* or a fuzzy~1 search.'}
        </p>
        {any > 0 && props.onAnyWord && (
          <button
            type="button"
            className="link-button list-message-action"
            onClick={props.onAnyWord}
          >
            Show {plural(any, 'article')} with any of the words
          </button>
        )}
        {inView && props.onSearchAll && (
          <button
            type="button"
            className="link-button list-message-action"
            onClick={props.onSearchAll}
          >
            Search all articles
          </button>
        )}
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
