// The list's selection and the open article, owned in one place and read directly by the
// list, the reader, the bulk panel and the shortcuts: nothing is passed down through the
// panes or read back out of a component.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type Dispatch,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { ArticleView } from '../../../main/contract/types';
import { useReaderControls, type ReaderControls } from '../reader/useReaderControls';
import type { ArticleListHandle } from './ArticleList';
import type { Row } from './ArticleRow';
import { emptySelection, selectionReducer, type SelectionAction } from './selection';
import { useListNavigation } from './useListNavigation';

/** What the selection needs of the list's rows. */
export interface SelectableRows {
  /** Names the query and filters; a new key starts a new selection. */
  key: string;
  total: number;
  /** Changes whenever a first page of rows lands. */
  generation: number;
  rowAt(index: number): Row | undefined;
  /** Every row's id in list order (select all); without it, only loaded rows are selected. */
  allIds?(): Promise<string[]>;
}

export interface Selection {
  /** Selected ids, in the order they were selected. */
  selected: string[];
  selectedSet: ReadonlySet<string>;
  /** Row index of the keyboard cursor. */
  focus: number | null;
  select: Dispatch<SelectionAction>;
  /** The article the reader shows while fewer than two are selected. */
  openId: string | null;
  /** Opens an article in the reader (null closes it); the selection is left as it is. */
  open(id: string | null): void;
  /** The open article as the reader last loaded it (null while none is loaded). */
  article: ArticleView | null;
  setArticle(article: ArticleView | null): void;
  /** The selected ids, else the open article's, else none. */
  targetIds(): string[];
  /** Selects every row of the list (Ctrl/Cmd+A in the list). */
  selectAll(): Promise<void>;
  /** Moves the cursor (and a single selection) one row. */
  move(delta: 1 | -1): void;
  /** The rows with these ids are leaving the list: the cursor stays at their place. */
  expectGone(ids: string[]): void;
  onRowClick(index: number, e: MouseEvent): void;
  onListKey(e: KeyboardEvent<HTMLDivElement>): void;
  /** Ref callback for the list (the selection moves focus to it). */
  attachList(list: ArticleListHandle | null): void;
  focusList(): void;
  reader: ReaderControls;
}

/** Null outside a provider (useSelection says so). */
export const SelectionContext = createContext<Selection | null>(null);

/** Owns the selection over `rows` and the open article for everything inside it. */
export function SelectionProvider({
  rows,
  children,
}: {
  rows: SelectableRows;
  children: ReactNode;
}) {
  const [state, select] = useReducer(selectionReducer, emptySelection);
  const [openId, open] = useState<string | null>(null);
  const [article, setArticle] = useState<ArticleView | null>(null);
  const reader = useReaderControls();
  const list = useRef<ArticleListHandle | null>(null);
  const { rowAt, total, generation, key, allIds } = rows;
  const currentKey = useRef(key);
  useEffect(() => {
    currentKey.current = key;
  }, [key]);
  const idAt = useCallback((i: number) => rowAt(i)?.meta.id, [rowAt]);
  const attachList = useCallback((handle: ArticleListHandle | null) => {
    list.current = handle;
  }, []);
  const focusList = useCallback(() => list.current?.focus(), []);
  const nav = useListNavigation({
    selection: state,
    select,
    total,
    generation,
    idAt,
    focusList,
    focusReader: reader.focus,
  });

  // A new query or filter starts a new selection; the open article stays open.
  const { forgetGone } = nav;
  useEffect(() => {
    select({ type: 'clear' });
    forgetGone();
  }, [key, forgetGone]);

  useEffect(() => {
    if (state.selected.length === 1) open(state.selected[0]!);
  }, [state.selected]);

  const selectAll = useCallback(async () => {
    const asked = key;
    let ids: string[];
    if (allIds) {
      ids = await allIds().catch(() => []);
    } else {
      ids = [];
      for (let i = 0; i < total; i++) {
        const id = rowAt(i)?.meta.id;
        if (id !== undefined) ids.push(id);
      }
    }
    // Another query or filter came in meanwhile: its rows are not the ones asked for.
    if (currentKey.current !== asked || ids.length === 0) return;
    select({ type: 'select', ids, focus: state.focus });
  }, [allIds, key, rowAt, total, state.focus]);

  const selectedSet = useMemo(() => new Set(state.selected), [state.selected]);
  const value: Selection = {
    selected: state.selected,
    selectedSet,
    focus: state.focus,
    select,
    openId,
    open,
    article,
    setArticle,
    targetIds: () => (state.selected.length > 0 ? state.selected : openId !== null ? [openId] : []),
    selectAll,
    move: (delta) => nav.move(delta),
    expectGone: nav.expectGone,
    onRowClick: nav.onRowClick,
    onListKey: (e) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        void selectAll();
        return;
      }
      nav.onListKey(e);
    },
    attachList,
    focusList,
    reader,
  };
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** The selection and the open article; only inside a SelectionProvider. */
export function useSelection(): Selection {
  const value = useContext(SelectionContext);
  if (!value) throw new Error('useSelection is used outside a SelectionProvider');
  return value;
}
