// The popover of a clicked highlight: its colour, its note (saved when the popover closes, so a
// note is never lost to a stray click) and Delete, whose notice offers Undo.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  HIGHLIGHT_COLORS,
  type Highlight,
  type HighlightColor,
} from '../../../main/contract/highlights';
import { LIMITS } from '../../../main/contract/limits';
import { floatingStyle, type Anchor } from './anchor';
import { COLOR_LABELS } from './colors';

interface Props {
  highlight: Highlight;
  anchor: Anchor;
  scroller: HTMLElement | null;
  onColor(color: HighlightColor): void;
  onSaveNote(note: string): void;
  onDelete(): void;
  /** Closed (after the note, if changed, was handed to onSaveNote). */
  onClose(): void;
}

const WIDTH = 340;

/** Edit a highlight's note and colour, or delete it. */
export function HighlightPopover(props: Props) {
  const { highlight, anchor, scroller } = props;
  const [draft, setDraft] = useState(highlight.note);
  const ref = useRef<HTMLDivElement | null>(null);
  const noteField = useRef<HTMLTextAreaElement | null>(null);
  const [height, setHeight] = useState(220);
  const latest = useRef({ draft, props });
  useEffect(() => {
    latest.current = { draft, props };
  });

  const close = () => {
    const { draft: note, props: p } = latest.current;
    if (note !== p.highlight.note) p.onSaveNote(note);
    p.onClose();
  };
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });

  useLayoutEffect(() => {
    if (ref.current && ref.current.offsetHeight > 0) setHeight(ref.current.offsetHeight);
    noteField.current?.focus();
  }, []);

  // A press outside closes it (keeping the note).
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (e.target instanceof Node && ref.current?.contains(e.target)) return;
      closeRef.current();
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, []);

  const place = floatingStyle(anchor, scroller, WIDTH, height, 'below');
  const count = draft.length;
  return (
    <div
      ref={ref}
      className="hl-popover"
      role="dialog"
      aria-label="Highlight"
      style={{ top: place.top, left: place.left, width: WIDTH }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          close();
        }
      }}
    >
      {highlight.orphaned && (
        <p className="hl-orphan-quote" dir="auto">
          <strong>Orphaned:</strong> “{highlight.exact}”
        </p>
      )}
      <div className="hl-colors" role="group" aria-label="Colour">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className="hl-tool hl-color-button"
            aria-label={COLOR_LABELS[c]}
            title={COLOR_LABELS[c]}
            aria-pressed={highlight.color === c}
            onClick={() => {
              if (c !== highlight.color) props.onColor(c);
            }}
          >
            <span className={`hl-swatch hl-${c}`} aria-hidden="true" />
          </button>
        ))}
      </div>
      <label className="hl-note-label">
        <span>Note</span>
        <textarea
          ref={noteField}
          className="hl-note"
          dir="auto"
          rows={4}
          maxLength={LIMITS.noteLength}
          value={draft}
          placeholder="Write a note…"
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <div className="hl-popover-foot">
        <span className="hl-count" aria-live="polite">
          {count.toLocaleString('en-US')} / {LIMITS.noteLength.toLocaleString('en-US')}
        </span>
        <button type="button" className="button quiet danger" onClick={props.onDelete}>
          Delete
        </button>
        <button type="button" className="button" onClick={close} title="Save and close (Esc)">
          Done
        </button>
      </div>
    </div>
  );
}
