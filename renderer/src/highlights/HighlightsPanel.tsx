// The open article's highlights and notes beside the text, in reading order; the ones that could
// not be placed in today's text come last, marked "orphaned" with their quote.
import { useRef } from 'react';
import type { Highlight } from '../../../main/contract/highlights';
import { COLOR_LABELS } from './colors';
import { HighlightExtras } from './HighlightExtras';

interface Props {
  highlights: readonly Highlight[];
  onJump(id: string): void;
  onEdit(id: string): void;
  onClose(): void;
}

/** Placed highlights by position, then the orphaned ones by age. */
export function inTextOrder(highlights: readonly Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => {
    if (a.start === null || b.start === null) {
      if (a.start !== b.start) return a.start === null ? 1 : -1;
      return a.createdAt.localeCompare(b.createdAt);
    }
    return a.start - b.start || (a.end ?? 0) - (b.end ?? 0);
  });
}

/** The side panel listing the open article's highlights. */
export function HighlightsPanel({ highlights, onJump, onEdit, onClose }: Props) {
  const items = inTextOrder(highlights);
  const ref = useRef<HTMLElement | null>(null);
  // Where the panel lies over the text (a narrow reader), it steps aside for the passage.
  const then = (go: (id: string) => void) => (id: string) => {
    const el = ref.current;
    if (el && getComputedStyle(el).position === 'absolute') onClose();
    go(id);
  };
  const jump = then(onJump);
  const edit = then(onEdit);
  return (
    <aside ref={ref} className="hl-panel" aria-label="Highlights and notes">
      <div className="hl-panel-head">
        <h2>Highlights</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close highlights"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {items.length === 0 ? (
        <p className="hl-empty">Select text in the article to highlight it.</p>
      ) : (
        <ul className="hl-panel-list">
          {items.map((h) => (
            <li key={h.id} className={h.orphaned ? 'hl-item orphaned' : 'hl-item'}>
              <button
                type="button"
                className="hl-item-main"
                title={h.orphaned ? 'This passage is no longer in the text' : 'Go to the passage'}
                onClick={() => (h.orphaned ? edit(h.id) : jump(h.id))}
              >
                <span className={`hl-swatch hl-${h.color}`} aria-hidden="true" />
                <span className="visually-hidden">{COLOR_LABELS[h.color]} highlight: </span>
                <span className="hl-quote" dir="auto">
                  {h.exact}
                </span>
                <HighlightExtras highlight={h} />
              </button>
              <button
                type="button"
                className="link-button hl-edit"
                aria-label={`Edit highlight: ${h.exact.slice(0, 40)}`}
                onClick={() => edit(h.id)}
              >
                Edit
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
