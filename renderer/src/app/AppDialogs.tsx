import type { TagCount } from '../../../main/contract/types';
import { currentViewButton } from './panes';
import { plural } from '../shared/format';
import type { AppActions } from './useActions';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { ShortcutsDialog } from '../dialogs/ShortcutsDialog';
import { TagManager } from '../tags/TagManager';
import { TagRules } from '../tags/TagRules';

export type AppDialog = 'shortcuts' | 'tags' | 'empty-trash' | null;

interface Props {
  dialog: AppDialog;
  onClose(): void;
  tags: TagCount[];
  trashCount: number;
  actions: AppActions;
  /** A notice, with an undo when given (the tagging rules' changes). */
  notify?(message: string, undo?: () => Promise<unknown> | void): void;
}

/** The app's modal dialogs; at most one is open. */
export function AppDialogs({ dialog, onClose, tags, trashCount, actions, notify }: Props) {
  if (dialog === 'shortcuts') return <ShortcutsDialog onClose={onClose} />;
  if (dialog === 'tags') {
    return (
      <TagManager
        tags={tags}
        onRename={actions.renameTag}
        onDelete={actions.deleteTag}
        onClose={onClose}
        fallbackFocus={currentViewButton}
        rules={notify ? <TagRules notify={notify} refresh={tags} /> : undefined}
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
