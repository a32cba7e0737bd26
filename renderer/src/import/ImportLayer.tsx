import { getClient } from '../api/client';
import { useSelection } from '../list/SelectionContext';
import type { ListQuery } from '../list/useListQuery';
import { FilePickers } from './FilePickers';
import { ImportPanel } from './ImportPanel';
import type { ImportIntake } from './useImportIntake';

interface Props {
  intake: ImportIntake;
  /** The list, so an article opened from the summary is shown in a view that holds it. */
  list?: Pick<ListQuery, 'setQuery' | 'setFilters'>;
}

/** The hidden file pickers and the import's progress and summary panel. */
export function ImportLayer({ intake, list }: Props) {
  const { open, select } = useSelection();
  const { attachPickers } = intake;
  // The list switches to All (or Trash, for an article still there) without a search or
  // filters, so the open article is in the list beside it rather than hidden by a filter.
  const show = async (id: string) => {
    const trashed = await getClient()
      .call('getArticle', { id })
      .then(
        (a) => a.trashedAt !== null,
        () => false,
      );
    list?.setQuery('');
    list?.setFilters({ view: trashed ? 'trash' : 'all', tags: [], place: null, language: null });
    select({ type: 'clear' });
    open(id);
  };
  return (
    <>
      <FilePickers ref={attachPickers} onFiles={(c) => intake.importFiles(c.files, c.skipped)} />
      {intake.state && (
        <ImportPanel
          state={intake.state}
          onCancel={intake.cancel}
          onDismiss={intake.dismiss}
          onOpen={(id) => void show(id)}
        />
      )}
    </>
  );
}
