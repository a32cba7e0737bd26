import { Dialog } from '../dialogs/Dialog';

interface Props {
  title: string;
  /** What is being done now, in a sentence. */
  message: string;
  /** The bar shows once `total` is known (above 0). */
  done: number;
  total: number;
  /** The Cancel button and Esc: the caller asks main to stop, and closes on its answer. */
  onCancel(): void;
}

/**
 * A long job running in main (an export, a backup, a restore), shown in the window with a
 * progress bar and a Cancel. Modal: the library changes underneath are the job's own.
 */
export function ProgressPanel({ title, message, done, total, onCancel }: Props) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="progress-panel" role="status" aria-live="polite">
        <p>{message}</p>
        {total > 0 && <progress max={total} value={done} aria-label={title} />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
