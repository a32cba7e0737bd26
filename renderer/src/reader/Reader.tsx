// The reading pane: fetches the open article (with highlights while searching), restores
// and saves the reading position, marks the article read once it has been read.
import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import type { Settings } from '../../../main/contract/api-contract';
import type { ArticleView } from '../../../main/contract/types';
import { ApiCallError, errorMessage, getClient } from '../api/client';
import { countBodyMarks, ReaderBody } from './ReaderBody';
import { ReaderToolbar } from './ReaderToolbar';
import { TagEditor } from '../tags/TagEditor';

export interface ReaderActions {
  addTags(ids: string[], tags: string[]): void;
  removeTags(ids: string[], tags: string[]): void;
  setFavourite(ids: string[], favourite: boolean): void;
  setRead(ids: string[], read: boolean): void;
  trash(ids: string[]): void;
  restore(ids: string[]): void;
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

export interface ReaderHandle {
  stepMatch(delta: 1 | -1): void;
  /** The user set the read state of `id` by hand: do not mark it read automatically. */
  readSetByUser(id: string): void;
  focusTags(): void;
  focus(): void;
  article(): ArticleView | null;
}

const READ_AFTER_MS = 8000;
const READ_AT_FRACTION = 0.9;
const SAVE_POSITION_MS = 600;

export const Reader = forwardRef<ReaderHandle, Props>(function Reader(props, ref) {
  const { id, highlight, version, actions } = props;
  const [article, setArticle] = useState<ArticleView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  const [currentMatch, setCurrentMatch] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const tagInput = useRef<HTMLInputElement>(null);
  const restoredFor = useRef<string | null>(null);
  const autoRead = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const matchCount = article ? countBodyMarks(article) : 0;

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
  }, [id, highlight, version]);

  useEffect(() => {
    setShowOriginal(false);
    setCurrentMatch(0);
  }, [id, highlight]);

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
    if (!article || article.id !== id || article.read || autoRead.current === id) return;
    const timer = setTimeout(() => {
      autoRead.current = id;
      actions.setRead([id], true);
    }, READ_AFTER_MS);
    return () => clearTimeout(timer);
  }, [article, id, actions]);

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
      void getClient()
        .call('setPosition', { id: articleId, position: fraction })
        .catch(() => undefined);
    }, SAVE_POSITION_MS);
    if (fraction >= READ_AT_FRACTION && !article.read && autoRead.current !== articleId) {
      autoRead.current = articleId;
      actions.setRead([articleId], true);
    }
  };

  useImperativeHandle(
    ref,
    () => ({
      stepMatch: (delta) =>
        setCurrentMatch((m) => (matchCount === 0 ? 0 : (m + delta + matchCount) % matchCount)),
      readSetByUser: (readId) => {
        autoRead.current = readId;
      },
      focusTags: () => tagInput.current?.focus(),
      focus: () => scroller.current?.focus(),
      article: () => article,
    }),
    [matchCount, article],
  );

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
        onStepMatch={(d) =>
          setCurrentMatch((m) => (matchCount === 0 ? 0 : (m + d + matchCount) % matchCount))
        }
        onFavourite={() => actions.setFavourite(ids, !article.favourite)}
        onRead={() => {
          autoRead.current = article.id;
          actions.setRead(ids, !article.read);
        }}
        onTrash={() => (article.trashedAt ? actions.restore(ids) : actions.trash(ids))}
      />
      <div
        className="reader-scroller"
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Article text"
        style={style}
      >
        <div className="reader-column">
          <ReaderBody article={article} showOriginal={showOriginal} currentMatch={currentMatch} />
          <section className="reader-tags" aria-label="Tags of this article">
            <TagEditor
              ref={tagInput}
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
});
