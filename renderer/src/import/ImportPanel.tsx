import { useState } from 'react';
import type { ImportState } from './useImport';
import { plural } from '../shared/format';

interface Props {
  state: ImportState;
  onCancel(): void;
  onDismiss(): void;
  onOpen(id: string): void;
}

/** Progress (N of M, the current file, Cancel), then the summary of what happened. */
export function ImportPanel({ state, onCancel, onDismiss, onOpen }: Props) {
  const [details, setDetails] = useState(false);
  const { summary } = state;
  if (state.phase === 'running') {
    return (
      <section className="import-panel" role="status" aria-label="Import" aria-live="polite">
        <div className="import-head">
          <strong>
            Importing {state.done.toLocaleString()} of {state.total.toLocaleString()}
          </strong>
          <button type="button" className="button quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
        <progress max={Math.max(1, state.total)} value={state.done} aria-label="Import progress" />
        <p className="import-current" dir="auto">
          {state.current || 'Reading files…'}
        </p>
      </section>
    );
  }
  const hasDetails = summary.duplicates.length > 0 || summary.failed.length > 0;
  return (
    <section className="import-panel done" role="status" aria-label="Import summary">
      <div className="import-head">
        <strong>
          {state.error
            ? 'Import failed'
            : summary.cancelled
              ? 'Import cancelled'
              : 'Import finished'}
        </strong>
        <button
          type="button"
          className="icon-button"
          aria-label="Close import summary"
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
      {state.error && <p className="error-text">{state.error}</p>}
      <p className="import-counts">
        <span>{plural(summary.imported.length, 'article')} imported</span>
        <span>{plural(summary.duplicates.length, 'duplicate')}</span>
        <span className={summary.failed.length ? 'error-text' : undefined}>
          {summary.failed.length.toLocaleString()} failed
        </span>
        {summary.skipped > 0 && <span>{summary.skipped.toLocaleString()} skipped (not text)</span>}
      </p>
      {hasDetails && (
        <button
          type="button"
          className="link-button"
          aria-expanded={details}
          onClick={() => setDetails((d) => !d)}
        >
          {details ? 'Hide details' : 'Show details'}
        </button>
      )}
      {details && (
        <div className="import-details">
          {summary.duplicates.length > 0 && (
            <>
              <h3>Already in the library</h3>
              <ul>
                {summary.duplicates.slice(0, 200).map((d) => (
                  <li key={`${d.path}-${d.id}`}>
                    <span className="file" dir="auto">
                      {d.path}
                    </span>{' '}
                    <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                      open “{d.title}”
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.failed.length > 0 && (
            <>
              <h3>Could not be imported</h3>
              <ul>
                {summary.failed.slice(0, 200).map((f) => (
                  <li key={f.path}>
                    <span className="file" dir="auto">
                      {f.path}
                    </span>
                    : {f.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
