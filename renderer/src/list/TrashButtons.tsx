import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';

interface Props {
  onRestore(): void;
  /** Runs once the user has confirmed deleting for good. */
  onPurge(): void;
  /** What the confirmation says will be deleted. */
  purgeMessage: ReactNode;
}

/** Restore and Delete for good… (after a confirmation), for articles in the trash. */
export function TrashButtons({ onRestore, onPurge, purgeMessage }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={onRestore}>
        Restore
      </button>
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        Delete for good…
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete for good?"
          message={purgeMessage}
          confirmLabel="Delete for good"
          onCancel={() => setConfirming(false)}
          fallbackFocus={() => document.querySelector<HTMLElement>('.list-scroller')}
          onConfirm={() => {
            setConfirming(false);
            onPurge();
          }}
        />
      )}
    </>
  );
}
