import type { ImportIntake } from '../import/useImportIntake';
import { useSelection } from '../list/SelectionContext';

/** A new library: invite a drop, an import, or the bundled sample. */
export function EmptyState({ intake }: { intake: ImportIntake }) {
  const { open } = useSelection();
  const importSample = () =>
    void intake.importSample().then((summary) => {
      // Show a sample straight away: the point of the button is to see the reader.
      const first = summary?.imported[0];
      if (first) open(first.id);
    });
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <div className="empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h1 id="empty-title">Your archive is empty</h1>
      <p>
        Drop text files or whole folders anywhere on this window, or import them. Each file becomes
        an article you can read, tag and search — everything stays on this computer.
      </p>
      <div className="empty-actions">
        <button type="button" className="button primary" onClick={intake.pickFiles}>
          Import files…
        </button>
        <button type="button" className="button" onClick={intake.pickFolder}>
          Import a folder…
        </button>
      </div>
      <p className="empty-sample">
        Just looking?{' '}
        <button type="button" className="link-button" onClick={importSample}>
          Import the sample articles
        </button>
      </p>
    </section>
  );
}
