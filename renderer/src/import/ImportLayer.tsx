import { useSelection } from '../list/SelectionContext';
import { FilePickers } from './FilePickers';
import { ImportPanel } from './ImportPanel';
import type { ImportIntake } from './useImportIntake';

/** The hidden file pickers and the import's progress and summary panel. */
export function ImportLayer({ intake }: { intake: ImportIntake }) {
  const { open, select } = useSelection();
  const { attachPickers } = intake;
  return (
    <>
      <FilePickers ref={attachPickers} onFiles={(c) => intake.importFiles(c.files, c.skipped)} />
      {intake.state && (
        <ImportPanel
          state={intake.state}
          onCancel={intake.cancel}
          onDismiss={intake.dismiss}
          onOpen={(id) => {
            select({ type: 'clear' });
            open(id);
          }}
        />
      )}
    </>
  );
}
