import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../main/contract/error-message';
import type { CheckReport } from '../../../main/contract/types';
import { getClient } from '../api/client';
import { plural } from '../shared/format';
import { Dialog } from './Dialog';

type State =
  | { phase: 'closed' }
  | { phase: 'checking' }
  | { phase: 'done'; report: CheckReport }
  | { phase: 'failed'; message: string };

// A long list of damaged files is read in the CLI's report; the dialog shows the first ones.
const SHOWN_PROBLEMS = 50;

/**
 * Library → Check Library…: verifies every article file and cache in the engine and shows
 * what it found. Opens itself on the menu command, so the app only has to render it.
 */
export function CheckLibraryDialog() {
  const [state, setState] = useState<State>({ phase: 'closed' });
  const run = useRef(0);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(
    () =>
      getClient().on('menuCommand', ({ command }) => {
        if (command !== 'check-library') return;
        const token = ++run.current;
        setState({ phase: 'checking' });
        getClient()
          .call('check', {})
          .then(
            (report) => run.current === token && setState({ phase: 'done', report }),
            (e: unknown) =>
              run.current === token && setState({ phase: 'failed', message: errorMessage(e) }),
          );
      }),
    [],
  );

  if (state.phase === 'closed') return null;
  const onClose = () => {
    run.current++;
    setState({ phase: 'closed' });
  };
  return (
    <Dialog title="Check library" onClose={onClose} initialFocus={close}>
      <div className="check-report" role="status" aria-live="polite">
        {state.phase === 'checking' && <p>Checking every article file and cache…</p>}
        {state.phase === 'failed' && <p>The check could not run: {state.message}</p>}
        {state.phase === 'done' && <CheckSummary report={state.report} />}
      </div>
      <div className="dialog-actions">
        <button ref={close} type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function CheckSummary({ report }: { report: CheckReport }) {
  const checked = `${plural(report.articlesChecked, 'article file')} and ${plural(report.cacheFilesChecked, 'cache file')} checked in ${(report.tookMs / 1000).toFixed(1)} s.`;
  if (report.ok) return <p>Everything is in order: {checked}</p>;
  const shown = report.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <p>
        {plural(report.problems.length, 'problem')} found; {checked} Article files are the
        library&apos;s truth: damaged caches are rebuilt from them when the library is next opened,
        and damaged article files are left on disk untouched.
      </p>
      <ul className="check-problems">
        {shown.map((p) => (
          <li key={`${p.kind}:${p.path}`}>
            <bdi>{p.path}</bdi> ({p.kind}): {p.reason}
          </li>
        ))}
      </ul>
      {report.problems.length > shown.length && (
        <p>
          …and {report.problems.length - shown.length} more (run <code>archive-reader check</code>{' '}
          for the full list).
        </p>
      )}
    </>
  );
}
