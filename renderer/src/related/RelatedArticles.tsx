// "Related articles" below the open article: a disclosure that, once opened, lists the articles
// most like this one (from the search index) and opens one when clicked. Closed, it asks nothing,
// so opening articles costs no extra query; whether it is open is remembered.
import { useEffect, useId, useState } from 'react';
import type { RelatedHit } from '../../../main/contract/related';
import { errorMessage, getClient } from '../api/client';
import { usePersistentState } from '../shared/usePersistentState';

/** Related articles asked for at once: a short list to glance at. */
export const RELATED_SHOWN = 8;

interface Props {
  articleId: string;
  /** Changes when the library changes: the list is asked for again. */
  version: number;
  onOpen(id: string): void;
}

type Loaded = { id: string; hits: RelatedHit[] } | { id: string; error: string };

const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

/** The collapsible list of articles related to the open one. */
export function RelatedArticles({ articleId, version, onOpen }: Props) {
  const [open, setOpen] = usePersistentState('ar.relatedOpen', false, isBoolean);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    let live = true;
    getClient()
      .call('related', { id: articleId, limit: RELATED_SHOWN })
      .then(
        (r) => live && setLoaded({ id: articleId, hits: r.hits }),
        (e: unknown) => live && setLoaded({ id: articleId, error: errorMessage(e) }),
      );
    return () => {
      live = false;
    };
  }, [open, articleId, version]);
  // What was loaded for another article is never shown for this one.
  const current = loaded?.id === articleId ? loaded : null;
  return (
    <section className="related" aria-label="Related articles">
      <h2 className="related-head">
        <button
          type="button"
          className="related-toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="related-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Related articles
        </button>
      </h2>
      {open && (
        <div id={listId} className="related-body" aria-live="polite">
          {current === null ? (
            <p className="related-note" aria-busy="true">
              Finding related articles…
            </p>
          ) : 'error' in current ? (
            <p className="related-note" role="alert">
              Related articles could not be found: {current.error}
            </p>
          ) : current.hits.length === 0 ? (
            <p className="related-note">No related articles.</p>
          ) : (
            <ol className="related-list">
              {current.hits.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    className="link-button related-item"
                    dir="auto"
                    onClick={() => onOpen(h.id)}
                  >
                    {h.title}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
