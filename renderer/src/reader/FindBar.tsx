import { forwardRef, type KeyboardEvent } from 'react';

interface Props {
  value: string;
  onChange(value: string): void;
  count: number;
  current: number;
  onStep(delta: 1 | -1): void;
  onClose(): void;
}

/** Find within the open article: the text, the match count, previous / next and close. */
export const FindBar = forwardRef<HTMLInputElement, Props>(function FindBar(props, ref) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Handled here so the app's own F3 / Esc (search matches, clear search) do not also run.
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault();
      e.stopPropagation();
      props.onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  const status = !props.value.trim()
    ? ''
    : props.count === 0
      ? 'No matches'
      : `${props.current + 1} of ${props.count}`;
  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={ref}
        type="search"
        className="find-input"
        aria-label="Find in article"
        placeholder="Find in article"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" aria-live="polite" data-testid="find-count">
        {status}
      </span>
      <button
        type="button"
        className="tool"
        aria-label="Previous match in article"
        title="Previous (Shift+Enter)"
        disabled={props.count === 0}
        onClick={() => props.onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Next match in article"
        title="Next (Enter)"
        disabled={props.count === 0}
        onClick={() => props.onStep(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="tool"
        aria-label="Close find"
        title="Close (Esc)"
        onClick={props.onClose}
      >
        ×
      </button>
    </div>
  );
});
