// The library view "Highlights": every highlight across the library, newest first, filtered by
// tag and colour; a click opens the article at the passage. Export saves what is listed.
import { useEffect, useState, type ReactNode } from 'react';
import {
  HIGHLIGHT_COLORS,
  type HighlightColor,
  type HighlightQuery,
  type ListedHighlight,
} from '../../../main/contract/highlights';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import { exportHighlights } from '../export/highlights-download';
import { useSelection } from '../list/SelectionContext';
import { formatDate, plural } from '../shared/format';
import { COLOR_LABELS } from './colors';
import { requestJump } from './jump';
import { setShownHighlightQuery } from './view-query';
import { HighlightExtras } from './HighlightExtras';

interface Props {
  /** Changes whenever the library changes (the list is fetched again). */
  version: number;
  /** The library's tag names, for the tag filter. */
  tags: string[];
  /** Shown before the title (the sidebar toggle). */
  lead?: ReactNode;
  /** An article was opened: where the list and reader share one pane, the reader takes it. */
  onShowReader?(): void;
  notify(message: string): void;
}

/** Rows shown at first, and added by "Show more", so a huge library stays quick to open. */
const PAGE = 200;

type Loaded = { items: ListedHighlight[]; error: null } | { items: null; error: string };

/** The Highlights view in the middle pane. */
export function HighlightsView({ version, tags, lead, onShowReader, notify }: Props) {
  const [tag, setTag] = useState('');
  const [color, setColor] = useState<HighlightColor | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [shown, setShown] = useState(PAGE);
  const selection = useSelection();

  const query: HighlightQuery = {
    ...(tag ? { tag } : {}),
    ...(color ? { color } : {}),
  };
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    const q = JSON.parse(queryKey) as HighlightQuery;
    setShownHighlightQuery(q);
    let live = true;
    getClient()
      .call('listHighlights', q)
      .then(
        (items) => live && setLoaded({ items, error: null }),
        (e: unknown) => live && setLoaded({ items: null, error: errorMessage(e) }),
      );
    return () => {
      live = false;
    };
  }, [queryKey, version]);
  useEffect(() => () => setShownHighlightQuery(null), []);
  useEffect(() => setShown(PAGE), [queryKey]);

  const open = (h: ListedHighlight) => {
    selection.select({ type: 'clear' });
    requestJump(h.articleId, h.id);
    selection.open(h.articleId);
    onShowReader?.();
  };
  const save = () =>
    void exportHighlights(query).then(
      (n) =>
        notify(
          n === 0 ? 'There are no highlights to export.' : `Exported ${plural(n, 'highlight')}`,
        ),
      (e: unknown) => notify(errorMessage(e)),
    );

  const filtered = tag !== '' || color !== null;
  const items = loaded?.items ?? [];
  return (
    <section className="pane list-pane hl-view" aria-label="Highlights">
      <div className="list-top">
        {lead}
        <h1 className="hl-view-title">Highlights</h1>
        <button type="button" className="button" onClick={save} disabled={items.length === 0}>
          Export highlights…
        </button>
      </div>
      <div className="hl-view-filters">
        <label className="hl-tag-filter">
          <span>Tag</span>
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <div className="hl-colors" role="group" aria-label="Colour">
          <button
            type="button"
            className="hl-tool"
            aria-pressed={color === null}
            onClick={() => setColor(null)}
          >
            All
          </button>
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              className="hl-tool hl-color-button"
              aria-label={COLOR_LABELS[c]}
              title={COLOR_LABELS[c]}
              aria-pressed={color === c}
              onClick={() => setColor(color === c ? null : c)}
            >
              <span className={`hl-swatch hl-${c}`} aria-hidden="true" />
            </button>
          ))}
        </div>
        {loaded?.items && (
          <span className="hl-view-count" aria-live="polite">
            {plural(loaded.items.length, 'highlight')}
          </span>
        )}
      </div>
      {loaded === null ? (
        <div className="hl-view-message" aria-busy="true" />
      ) : loaded.error !== null ? (
        <p className="hl-view-message error-text" role="alert">
          {loaded.error}
        </p>
      ) : items.length === 0 ? (
        <p className="hl-view-message">
          {filtered
            ? 'No highlights match these filters.'
            : 'Select text in an article to highlight it.'}
        </p>
      ) : (
        <div className="hl-view-scroller">
          <ul className="hl-view-list" aria-label="Highlights, newest first">
            {items.slice(0, shown).map((h) => (
              <li key={h.id}>
                <button type="button" className="hl-card" onClick={() => open(h)}>
                  <span className="hl-card-head">
                    <span className={`hl-swatch hl-${h.color}`} aria-hidden="true" />
                    <span className="hl-card-title" dir="auto">
                      {h.title}
                    </span>
                    <span className="hl-card-date">
                      <span className="visually-hidden">, </span>
                      {formatDate(h.createdAt)}
                    </span>
                  </span>
                  <span className="visually-hidden">. {COLOR_LABELS[h.color]} highlight: </span>
                  <span className={`hl-quote hl-card-quote hl-${h.color}`} dir="auto">
                    {h.exact}
                  </span>
                  <HighlightExtras highlight={h} />
                </button>
              </li>
            ))}
          </ul>
          {items.length > shown && (
            <button
              type="button"
              className="button quiet hl-more"
              onClick={() => setShown((n) => n + PAGE)}
            >
              Show more ({(items.length - shown).toLocaleString()} left)
            </button>
          )}
        </div>
      )}
    </section>
  );
}
