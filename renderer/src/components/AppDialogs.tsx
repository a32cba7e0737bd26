import type { TagCount } from '../../../main/core/types';
import { currentViewButton } from '../lib/panes';
import { plural } from '../lib/format';
import type { AppActions } from '../state/useActions';
import { ConfirmDialog } from './ConfirmDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TagManager } from './TagManager';

export type AppDialog = 'shortcuts' | 'tags' | 'empty-trash' | null;

interface Props {
  dialog: AppDialog;
  onClose(): void;
  tags: TagCount[];
  trashCount: number;
  actions: AppActions;
}

/** The app's modal dialogs; at most one is open. */
export function AppDialogs({ dialog, onClose, tags, trashCount, actions }: Props) {
  if (dialog === 'shortcuts') return <ShortcutsDialog onClose={onClose} />;
  if (dialog === 'tags') {
    return (
      <TagManager
        tags={tags}
        onRename={actions.renameTag}
        onDelete={actions.deleteTag}
        onClose={onClose}
        fallbackFocus={currentViewButton}
      />
    );
  }
  if (dialog === 'empty-trash') {
    return (
      <ConfirmDialog
        title="Empty the trash?"
        message={`${plural(trashCount, 'article')} will be deleted from the library for good. This cannot be undone.`}
        confirmLabel="Delete for good"
        onCancel={onClose}
        fallbackFocus={currentViewButton}
        onConfirm={() => {
          onClose();
          // The Empty trash button goes once the trash is empty; hand focus on before it does.
          void actions.emptyTrash().then(() => {
            const active = document.activeElement;
            if (!active || active === document.body || active.matches('.empty-trash')) {
              currentViewButton()?.focus();
            }
          });
        }}
      />
    );
  }
  return null;
}
