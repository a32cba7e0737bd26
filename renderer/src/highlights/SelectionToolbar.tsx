// The small toolbar over a selection in the article: highlight it in the default colour or
// another, or highlight it and write a note. Buttons keep the selection (no focus steal on
// mouse down) and are reachable with Tab; Esc closes the toolbar.
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { DEFAULT_HIGHLIGHT_COLOR, type HighlightColor } from '../../../main/contract/highlights';
import { floatingStyle, type Anchor } from './anchor';
import { COLOR_LABELS, OTHER_COLORS } from './colors';

interface Props {
  anchor: Anchor;
  scroller: HTMLElement | null;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  onClose(): void;
}

/** The floating toolbar over the current selection. */
export function SelectionToolbar({ anchor, scroller, onHighlight, onNote, onClose }: Props) {
  const ref = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ width: 300, height: 40 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.offsetWidth > 0) setSize({ width: el.offsetWidth, height: el.offsetHeight });
  }, []);
  const place = floatingStyle(anchor, scroller, size.width, size.height, 'above');
  const style: CSSProperties = { top: place.top, left: place.left };
  return (
    <div
      ref={ref}
      className="hl-toolbar"
      role="toolbar"
      aria-label="Highlight the selection"
      style={style}
      // Keep the selection: a mouse down on a button would otherwise collapse it.
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button
        type="button"
        className="hl-tool hl-main"
        title="Highlight (H)"
        onClick={() => onHighlight(DEFAULT_HIGHLIGHT_COLOR)}
      >
        <span className={`hl-swatch hl-${DEFAULT_HIGHLIGHT_COLOR}`} aria-hidden="true" />
        Highlight
      </button>
      {OTHER_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className="hl-tool hl-color-button"
          aria-label={`Highlight ${COLOR_LABELS[c].toLowerCase()}`}
          title={`Highlight ${COLOR_LABELS[c].toLowerCase()}`}
          onClick={() => onHighlight(c)}
        >
          <span className={`hl-swatch hl-${c}`} aria-hidden="true" />
        </button>
      ))}
      <button type="button" className="hl-tool" onClick={onNote}>
        Add note
      </button>
    </div>
  );
}
