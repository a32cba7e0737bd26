// The reader's side of highlights: follows the selection in the body (for the toolbar and the H
// shortcut), opens the popover of a clicked highlight, and keeps the open article's highlights
// current after each change (the library's change event reloads it too; this is immediate).
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  DEFAULT_HIGHLIGHT_COLOR,
  type Highlight,
  type HighlightColor,
} from '../../../main/contract/highlights';
import type { ArticleView, TextRange } from '../../../main/contract/types';
import { getClient } from '../api/client';
import { isTextEntry } from '../shared/useToasts';
import { anchorIn, rangeRect, type Anchor } from './anchor';
import type { HighlightActions } from './highlight-actions';
import { clearJump, flashHighlight, useJumpRequest } from './jump';
import { selectionInBody } from './selection-offsets';

interface Options {
  article: ArticleView | null;
  setArticle(article: ArticleView): void;
  actions: HighlightActions;
  scroller: HTMLElement | null;
  /** False while the original or the formatted Markdown is shown (no offsets to map). */
  enabled: boolean;
}

interface Pending {
  offsets: TextRange;
  anchor: Anchor;
}

interface Editing {
  id: string;
  anchor: Anchor;
}

const BODY = '.article-body:not(.markdown)';

const isTyping = (t: EventTarget | null) =>
  isTextEntry(t) || (t instanceof HTMLElement && t.closest('select, dialog') !== null);

/** Selection toolbar, popover and shortcut state for the open article. */
export function useReaderHighlights({ article, setArticle, actions, scroller, enabled }: Options) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const current = useRef({ article, enabled, scroller, pending, editing, actions });
  useEffect(() => {
    current.current = { article, enabled, scroller, pending, editing, actions };
  });
  const pointerDown = useRef(false);

  /** Replaces the open article's highlights (if it is still the one open). */
  const patchHighlights = useCallback(
    (articleId: string, change: (hs: Highlight[]) => Highlight[]) => {
      const a = current.current.article;
      if (!a || a.id !== articleId) return;
      const next = { ...a, highlights: change(a.highlights) };
      current.current.article = next;
      setArticle(next);
    },
    [setArticle],
  );
  const put = useCallback(
    (h: Highlight) => patchHighlights(h.articleId, (hs) => [...hs.filter((x) => x.id !== h.id), h]),
    [patchHighlights],
  );

  const readSelection = useCallback((): Pending | null => {
    const { article: a, enabled: on, scroller: el } = current.current;
    const body = on ? el?.querySelector(BODY) : null;
    if (!a || !el || !body) return null;
    const found = selectionInBody(body, a.body);
    return found ? { offsets: found.offsets, anchor: anchorIn(el, rangeRect(found.range)) } : null;
  }, []);

  // The toolbar follows the selection, once the mouse is released.
  useEffect(() => {
    const update = () => {
      if (pointerDown.current) return;
      const next = readSelection();
      // Focus on the toolbar's own buttons keeps it (Tab from the text moves there).
      if (!next && document.activeElement?.closest('.hl-toolbar')) return;
      setPending(next);
    };
    const down = (e: PointerEvent | MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('.hl-toolbar, .hl-popover')) return;
      pointerDown.current = true;
    };
    const up = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      // After the browser has settled the selection of this click.
      setTimeout(update, 0);
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('mousedown', down);
    document.addEventListener('mouseup', up);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('mousedown', down);
      document.removeEventListener('mouseup', up);
    };
  }, [readSelection]);

  // A new article or view: nothing is pending or open.
  const articleId = article?.id ?? null;
  useEffect(() => {
    setPending(null);
    setEditing(null);
  }, [articleId, enabled]);

  /** Highlights the selection (or the one the toolbar shows); with `note`, opens its popover. */
  const highlightSelection = useCallback(
    async (color: HighlightColor = DEFAULT_HIGHLIGHT_COLOR, note = false): Promise<void> => {
      const { article: a, pending: shown, actions: act } = current.current;
      const target = readSelection() ?? shown;
      if (!a || !target) return;
      document.getSelection()?.removeAllRanges();
      setPending(null);
      const h = await act.addHighlight({
        id: a.id,
        start: target.offsets.start,
        end: target.offsets.end,
        color,
      });
      if (!h) return;
      put(h);
      if (note) setEditing({ id: h.id, anchor: target.anchor });
    },
    [put, readSelection],
  );

  const openEditor = useCallback((id: string, mark?: Element | null) => {
    const el = current.current.scroller;
    if (!el) return;
    setPending(null);
    setEditing({ id, anchor: anchorIn(el, mark ? mark.getBoundingClientRect() : null) });
  }, []);

  // A click on a highlight (not the end of a drag that selected text) opens its popover.
  useEffect(() => {
    if (!scroller) return;
    const onClick = (e: MouseEvent) => {
      const mark = e.target instanceof Element ? e.target.closest('mark[data-highlight]') : null;
      if (!(mark instanceof HTMLElement) || !mark.dataset.highlight) return;
      if (!document.getSelection()?.isCollapsed) return;
      openEditor(mark.dataset.highlight, mark);
    };
    scroller.addEventListener('click', onClick);
    return () => scroller.removeEventListener('click', onClick);
  }, [scroller, openEditor]);

  // H highlights the selection; Esc closes the toolbar (before the app's Esc closes the article).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || current.current.editing) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const plainH = !mod && !e.altKey && e.key.toLowerCase() === 'h';
      // In the browser there is no menu to carry the accelerator.
      const accel =
        mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h' && !getClient().native;
      if ((plainH || accel) && !isTyping(e.target) && readSelection()) {
        e.preventDefault();
        e.stopPropagation();
        void highlightSelection();
        return;
      }
      if (e.key === 'Escape' && current.current.pending && !isTyping(e.target)) {
        e.preventDefault();
        e.stopPropagation();
        setPending(null);
        document.getSelection()?.removeAllRanges();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [highlightSelection, readSelection]);

  // The app menu's Highlight Selection.
  useEffect(
    () =>
      getClient().on('menuCommand', ({ command }) => {
        if (command === 'highlight-selection') void highlightSelection();
      }),
    [highlightSelection],
  );

  // Opened from the Highlights view: scroll to the passage once it is drawn.
  const jump = useJumpRequest();
  useEffect(() => {
    if (!jump || !article || article.id !== jump.articleId || !scroller) return;
    flashHighlight(scroller, jump.highlightId);
    clearJump(jump);
  }, [jump, article, scroller]);

  const edited = editing ? article?.highlights.find((h) => h.id === editing.id) : undefined;
  return {
    /** The toolbar's place and the selection it acts on, or null. */
    pending,
    closeToolbar: () => setPending(null),
    highlightSelection,
    /** The highlight whose popover is open, with its anchor. */
    editing: edited && editing ? { highlight: edited, anchor: editing.anchor } : null,
    /** Opens the popover of a highlight (at its first mark, or the top of the text). */
    edit: (id: string) => {
      const mark = [...(scroller?.querySelectorAll('mark[data-highlight]') ?? [])].find(
        (m) => m instanceof HTMLElement && m.dataset.highlight === id,
      );
      if (mark && scroller) flashHighlight(scroller, id);
      openEditor(id, mark);
    },
    closeEditor: () => {
      setEditing(null);
      scroller?.focus();
    },
    jumpTo: (id: string) => {
      if (scroller) flashHighlight(scroller, id);
    },
    setColor: (id: string, color: HighlightColor) =>
      void actions.updateHighlight({ id, color }).then((h) => h && put(h)),
    saveNote: (id: string, note: string) =>
      void actions.updateHighlight({ id, note }).then((h) => h && put(h)),
    remove: (id: string) => {
      const a = current.current.article;
      setEditing(null);
      scroller?.focus();
      if (!a) return;
      void actions.removeHighlight(id, put).then((ok) => {
        if (ok) patchHighlights(a.id, (hs) => hs.filter((x) => x.id !== id));
      });
    },
  };
}

export type ReaderHighlights = ReturnType<typeof useReaderHighlights>;
