// The reading pane: fetches the open article (with highlights while searching), restores
// and saves the reading position, marks the article read once it has been read.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
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
import { citation } from './citation';
import { copyText } from './copy-text';
import { FindBar } from './FindBar';
import { FIND_REQUEST_EVENT } from './find-request';
import { isMarkdownSource } from './MarkdownBody';
import { useFindInArticle } from './useFindInArticle';
import type { HighlightActions } from '../highlights/highlight-actions';
import { HighlightLayer } from '../highlights/HighlightLayer';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { useReaderHighlights } from '../highlights/useReaderHighlights';
import { usePersistentState } from '../shared/usePersistentState';
import { RelatedArticles } from '../related/RelatedArticles';
import { VersionsPanel } from '../versions/VersionsPanel';

export interface ReaderActions extends HighlightActions {
  addTags(ids: string[], tags: string[]): void;
  removeTags(ids: string[], tags: string[]): void;
  setFavourite(ids: string[], favourite: boolean): void;
  setRead(ids: string[], read: boolean): void;
  trash(ids: string[]): void;
  restore(ids: string[]): void;
  /** Resolves true once saved; a failure has been told to the user and resolves false. */
  setPosition(id: string, position: number): Promise<boolean>;
  /** Shows the article's source file in the file manager (a failure is told to the user). */
  showInFolder(id: string): void;
  /** A short notice. */
  notify(message: string): void;
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
  const { article, setArticle, reader, open } = useSelection();
  const { attachScroller, attachTagInput, resetMatches, readSettled, settleRead } = reader;
  const [error, setError] = useState<string | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  // Markdown shows formatted unless search matches are to be marked (they map to the plain text).
  const [formattedChoice, setFormattedChoice] = useState<boolean | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [findText, setFindText] = useState('');
  const [findSteps, setFindSteps] = useState(0);
  const findInput = useRef<HTMLInputElement | null>(null);
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const [column, setColumn] = useState<HTMLDivElement | null>(null);
  // The last position saved, shown as data-saved-position (tests wait for it).
  const [saved, setSaved] = useState<{ id: string; position: number } | null>(null);
  const scroller = useRef<HTMLDivElement | null>(null);
  const [scrollerEl, setScrollerEl] = useState<HTMLDivElement | null>(null);
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      setScrollerEl(el);
      attachScroller(el);
    },
    [attachScroller],
  );
  const [panelOpen, setPanelOpen] = usePersistentState(
    'ar.highlightsPanel',
    false,
    (v): v is boolean => typeof v === 'boolean',
  );
  const [versionsOpen, setVersionsOpen] = usePersistentState(
    'ar.versionsPanel',
    false,
    (v): v is boolean => typeof v === 'boolean',
  );
  // Focus moves into the versions panel when its button opens it, not when it is restored.
  const [versionsFocus, setVersionsFocus] = useState(false);
  const restoredFor = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const markdown = article !== null && isMarkdownSource(article.sourceName);
  const formatted = markdown && !showOriginal && (formattedChoice ?? article.matches.length === 0);
  const matchCount = article && !formatted ? countBodyMarks(article) : 0;
  const currentMatch = wrapMatch(reader.matchSteps, matchCount);
  // What is rendered: a new article or view means new text nodes to search.
  const rendered = useMemo(
    () => ({ article, showOriginal, formatted }),
    [article, showOriginal, formatted],
  );
  const find = useFindInArticle(
    findOpen ? (column?.querySelector<HTMLElement>('.article') ?? null) : null,
    findText,
    findSteps,
    rendered,
  );
  const hl = useReaderHighlights({
    article,
    setArticle,
    actions,
    scroller: scrollerEl,
    enabled: !showOriginal && !formatted,
  });
  const showInFolder = useCallback(() => {
    if (article) actions.showInFolder(article.id);
  }, [actions, article]);

  const openFind = useCallback(() => {
    setFindOpen(true);
    // The bar may not exist yet: focus it once rendered.
    requestAnimationFrame(() => {
      findInput.current?.focus();
      findInput.current?.select();
    });
  }, []);
  const closeFind = () => {
    setFindOpen(false);
    scroller.current?.focus();
  };
  useEffect(() => {
    if (!root) return;
    root.addEventListener(FIND_REQUEST_EVENT, openFind);
    return () => root.removeEventListener(FIND_REQUEST_EVENT, openFind);
  }, [root, openFind]);

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

  useEffect(() => setVersionsFocus(false), [id]);

  useEffect(() => {
    setShowOriginal(false);
    setFormattedChoice(null);
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
  const copyCitation = () => {
    const text = citation(article);
    void copyText(text).then((ok) =>
      actions.notify(ok ? `Citation copied: ${text}` : 'The citation could not be copied.'),
    );
  };
  return (
    <div
      className="reader"
      ref={setRoot}
      onKeyDown={(e) => {
        // Ctrl/Cmd+F in the reader finds in the article; elsewhere it is the library search.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
          e.preventDefault();
          e.stopPropagation();
          openFind();
        }
      }}
    >
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
        markdown={markdown && !showOriginal}
        formatted={formatted}
        onToggleFormatted={() => setFormattedChoice(!formatted)}
        onFind={openFind}
        onPrint={() => window.print()}
        onCite={copyCitation}
        highlightCount={article.highlights.length}
        highlightsOpen={panelOpen}
        onToggleHighlights={() => {
          // One side panel at a time: two would squeeze the text.
          setVersionsOpen(false);
          setPanelOpen((o) => !o);
        }}
        versionCount={article.versions.length > 0 ? article.versions.length + 1 : 0}
        versionsOpen={versionsOpen}
        onToggleVersions={() => {
          setPanelOpen(false);
          setVersionsFocus(!versionsOpen);
          setVersionsOpen(!versionsOpen);
        }}
      />
      {findOpen && (
        <FindBar
          ref={findInput}
          value={findText}
          onChange={(v) => {
            setFindText(v);
            setFindSteps(0);
          }}
          count={find.count}
          current={find.current}
          onStep={(d) => setFindSteps((s) => s + d)}
          onClose={closeFind}
        />
      )}
      <div className="reader-main">
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
          <div className="reader-column" ref={setColumn}>
            <ReaderBody
              article={article}
              showOriginal={showOriginal}
              currentMatch={currentMatch}
              formatted={formatted}
              onShowInFolder={showInFolder}
            />
            <section className="reader-tags" aria-label="Tags of this article">
              <TagEditor
                ref={attachTagInput}
                tags={article.tags}
                suggestions={props.suggestions}
                onAdd={(tag) => actions.addTags(ids, [tag])}
                onRemove={(tag) => actions.removeTags(ids, [tag])}
              />
            </section>
            <RelatedArticles articleId={article.id} version={version} onOpen={open} />
          </div>
          <HighlightLayer hl={hl} scroller={scrollerEl} />
        </div>
        {panelOpen && (
          <HighlightsPanel
            highlights={article.highlights}
            onJump={hl.jumpTo}
            onEdit={hl.edit}
            onClose={() => setPanelOpen(false)}
          />
        )}
        {versionsOpen && article.versions.length > 0 && (
          <VersionsPanel
            article={article}
            version={version}
            focusOnOpen={versionsFocus}
            onOpen={open}
            onClose={() => {
              setVersionsOpen(false);
              setVersionsFocus(false);
              scroller.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}
