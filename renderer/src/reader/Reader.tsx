// The reading pane: fetches the open article (with highlights while searching), restores
// and saves the reading position, marks the article read once it has been read.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import type { Settings } from '../../../main/contract/settings';
import { errorMessage } from '../../../main/contract/error-message';
import { ApiCallError, getClient } from '../api/client';
import { useSelection } from '../list/SelectionContext';
import { countBodyMarks, ReaderBody } from './ReaderBody';
import { ReaderToolbar } from './ReaderToolbar';
import { wrapMatch } from './useReaderControls';
import { TagEditor } from '../tags/TagEditor';

export interface ReaderActions {
  addTags(ids: string[], tags: string[]): void;
  removeTags(ids: string[], tags: string[]): void;
  setFavourite(ids: string[], favourite: boolean): void;
  setRead(ids: string[], read: boolean): void;
  trash(ids: string[]): void;
  restore(ids: string[]): void;
  /** Resolves true once saved; a failure has been told to the user and resolves false. */
  setPosition(id: string, position: number): Promise<boolean>;
}

interface Props {
  id: string;
  highlight: string;
  version: number;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  suggestions: string[];
  actions: ReaderActions;
}

const READ_AFTER_MS = 8000;
const READ_AT_FRACTION = 0.9;
const SAVE_POSITION_MS = 600;

/** The open article: toolbar, text and tags. Its article and controls live in the selection. */
export function Reader(props: Props) {
  const { id, highlight, version, actions } = props;
  const { article, setArticle, reader } = useSelection();
  const { attachScroller, attachTagInput, resetMatches, readSettled, settleRead } = reader;
  const [error, setError] = useState<string | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  // The last position saved, shown as data-saved-position (tests wait for it).
  const [saved, setSaved] = useState<{ id: string; position: number } | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      attachScroller(el);
    },
    [attachScroller],
  );
  const restoredFor = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const matchCount = article ? countBodyMarks(article) : 0;
  const currentMatch = wrapMatch(reader.matchSteps, matchCount);

  useEffect(() => {
    let live = true;
    const args = highlight.trim() ? { id, highlight } : { id };
    getClient()
      .call('getArticle', args)
      .then(
        (a) => {
          if (!live) return;
          setArticle(a);
          setError(null);
        },
        (e: unknown) => {
          if (!live) return;
          setArticle(null);
          setError(
            e instanceof ApiCallError && e.code === 'NOT_FOUND'
              ? 'This article is no longer in the library.'
              : errorMessage(e),
          );
        },
      );
    return () => {
      live = false;
    };
  }, [id, highlight, version, setArticle]);

  // The article belongs to this reader: a reader shown again starts from a fresh load.
  useEffect(() => () => setArticle(null), [setArticle]);

  useEffect(() => {
    setShowOriginal(false);
    resetMatches();
  }, [id, highlight, resetMatches]);

  // Restore the position (or jump to the first match) once per opened article.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !article || article.id !== id) return;
    const key = `${id}\u0000${highlight}`;
    if (restoredFor.current === key) return;
    restoredFor.current = key;
    const first = el.querySelector<HTMLElement>('mark[data-match="0"]');
    if (first) first.scrollIntoView({ block: 'center' });
    else el.scrollTop = article.position * Math.max(0, el.scrollHeight - el.clientHeight);
  }, [article, id, highlight]);

  // Mark read after a while open, once per opening (so "mark unread" sticks).
  useEffect(() => {
    if (!article || article.id !== id || article.read || readSettled(id)) return;
    const timer = setTimeout(() => {
      settleRead(id);
      actions.setRead([id], true);
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [article, id, actions, readSettled, settleRead]);

  useEffect(() => () => clearTimeout(saveTimer.current), [id]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.querySelector('mark.current')?.scrollIntoView({ block: 'center' });
  }, [currentMatch]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el || !article || restoredFor.current === null) return;
    const room = el.scrollHeight - el.clientHeight;
    const fraction = room > 0 ? Math.min(1, Math.max(0, el.scrollTop / room)) : 1;
    clearTimeout(saveTimer.current);
    const articleId = article.id;
    saveTimer.current = setTimeout(() => {
      void actions.setPosition(articleId, fraction).then((ok) => {
        if (ok) setSaved({ id: articleId, position: fraction });
      });
    }, SAVE_POSITION_MS);
    if (fraction >= READ_AT_FRACTION && !article.read && !readSettled(articleId)) {
      settleRead(articleId);
      actions.setRead([articleId], true);
    }
  };

  const style = {
    '--reader-font-size': `${props.settings.fontSize}px`,
    '--reader-measure': `${props.settings.lineWidth}ch`,
  } as CSSProperties;

  if (error) {
    return (
      <div className="reader-empty" role="alert">
        {error}
      </div>
    );
  }
  if (!article) return <div className="reader-empty" aria-busy="true" />;
  const ids = [article.id];
  return (
    <div className="reader">
      <ReaderToolbar
        article={article}
        settings={props.settings}
        onSettings={props.onSettings}
        showOriginal={showOriginal}
        onToggleOriginal={() => setShowOriginal((s) => !s)}
        matchCount={matchCount}
        currentMatch={currentMatch}
        onStepMatch={reader.stepMatch}
        onFavourite={() => actions.setFavourite(ids, !article.favourite)}
        onRead={() => {
          settleRead(article.id);
          actions.setRead(ids, !article.read);
        }}
        onTrash={() => (article.trashedAt ? actions.restore(ids) : actions.trash(ids))}
      />
      <div
        className="reader-scroller"
        ref={attach}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Article text"
        data-saved-position={saved?.id === article.id ? saved.position : undefined}
        style={style}
      >
        <div className="reader-column">
          <ReaderBody article={article} showOriginal={showOriginal} currentMatch={currentMatch} />
          <section className="reader-tags" aria-label="Tags of this article">
            <TagEditor
              ref={attachTagInput}
              tags={article.tags}
              suggestions={props.suggestions}
              onAdd={(tag) => actions.addTags(ids, [tag])}
              onRemove={(tag) => actions.removeTags(ids, [tag])}
            />
          </section>
        </div>
      </div>
    </div>
  );
}
