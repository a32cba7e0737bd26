import type { Highlight } from '../../../main/contract/highlights';

/** What a listed highlight shows after its quote: "orphaned" when unplaced, and its note. */
export function HighlightExtras(props: { highlight: Pick<Highlight, 'orphaned' | 'note'> }) {
  const { orphaned, note } = props.highlight;
  return (
    <>
      {orphaned && (
        <>
          <span className="visually-hidden">, </span>
          <span className="hl-orphan-tag">orphaned</span>
        </>
      )}
      {note && (
        <>
          <span className="visually-hidden">. Note: </span>
          <span className="hl-item-note" dir="auto">
            {note}
          </span>
        </>
      )}
    </>
  );
}
