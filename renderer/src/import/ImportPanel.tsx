import { useState } from 'react';
import type { ImportedEntry } from '../../../main/contract/types';
import type { ImportState } from './useImport';
import { plural } from '../shared/format';

interface Props {
  state: ImportState;
  onCancel(): void;
  onDismiss(): void;
  /** Opens an article, with the list switched to a view that shows it. */
  onOpen(id: string): void;
}

// Restored articles named in the summary itself; the rest are under "Show details".
const RESTORED_SHOWN = 5;

/** A link that opens an article, its title bidi-isolated so the quotes stay around it. */
function OpenLink({ id, title, onOpen }: { id: string; title: string; onOpen(id: string): void }) {
  return (
    <button type="button" className="link-button" onClick={() => onOpen(id)}>
      open “<bdi>{title}</bdi>”
    </button>
  );
}

/** "Restored from the trash: “A”, “B” and 3 more." */
function RestoredLine({
  restored,
  onOpen,
}: {
  restored: ImportedEntry[];
  onOpen(id: string): void;
}) {
  const shown = restored.slice(0, RESTORED_SHOWN);
  const more = restored.length - shown.length;
  return (
    <p className="import-restored">
      Restored from the trash:{' '}
      {shown.map((r, i) => (
        <span key={r.id}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
            “<bdi>{r.title}</bdi>”
          </button>
        </span>
      ))}
      {more > 0 ? ` and ${more.toLocaleString()} more.` : '.'}
    </p>
  );
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
  const restored = summary.restored ?? [];
  const hasDetails =
    summary.duplicates.length > 0 || summary.failed.length > 0 || restored.length > RESTORED_SHOWN;
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
        {restored.length > 0 && <span>{restored.length.toLocaleString()} restored</span>}
        <span>{plural(summary.duplicates.length, 'duplicate')}</span>
        <span className={summary.failed.length ? 'error-text' : undefined}>
          {summary.failed.length.toLocaleString()} failed
        </span>
        {summary.skipped > 0 && <span>{summary.skipped.toLocaleString()} skipped (not text)</span>}
      </p>
      {restored.length > 0 && <RestoredLine restored={restored} onOpen={onOpen} />}
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
          {restored.length > RESTORED_SHOWN && (
            <>
              <h3>Restored from the trash</h3>
              <ul>
                {restored.slice(0, 200).map((r) => (
                  <li key={`${r.path}-${r.id}`}>
                    <span className="file" dir="auto">
                      {r.path}
                    </span>{' '}
                    <OpenLink id={r.id} title={r.title} onOpen={onOpen} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {summary.duplicates.length > 0 && (
            <>
              <h3>Already in the library</h3>
              <ul>
                {summary.duplicates.slice(0, 200).map((d) => (
                  <li key={`${d.path}-${d.id}`}>
                    <span className="file" dir="auto">
                      {d.path}
                    </span>{' '}
                    <OpenLink id={d.id} title={d.title} onOpen={onOpen} />
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
