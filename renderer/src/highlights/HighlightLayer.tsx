// What floats over the article text: the selection's toolbar and a highlight's popover.
import { DEFAULT_HIGHLIGHT_COLOR } from '../../../main/contract/highlights';
import { HighlightPopover } from './HighlightPopover';
import { SelectionToolbar } from './SelectionToolbar';
import type { ReaderHighlights } from './useReaderHighlights';

interface Props {
  hl: ReaderHighlights;
  scroller: HTMLElement | null;
}

/** The selection toolbar and the open highlight's popover, placed in the scroller's content. */
export function HighlightLayer({ hl, scroller }: Props) {
  const { pending, editing } = hl;
  return (
    <>
      {pending && !editing && (
        <SelectionToolbar
          anchor={pending.anchor}
          scroller={scroller}
          onHighlight={(color) => void hl.highlightSelection(color)}
          onNote={() => void hl.highlightSelection(DEFAULT_HIGHLIGHT_COLOR, true)}
          onClose={hl.closeToolbar}
        />
      )}
      {editing && (
        <HighlightPopover
          key={editing.highlight.id}
          highlight={editing.highlight}
          anchor={editing.anchor}
          scroller={scroller}
          onColor={(color) => hl.setColor(editing.highlight.id, color)}
          onSaveNote={(note) => hl.saveNote(editing.highlight.id, note)}
          onDelete={() => hl.remove(editing.highlight.id)}
          onClose={hl.closeEditor}
        />
      )}
    </>
  );
}
