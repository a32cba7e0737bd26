import { useCallback, useEffect, useReducer, useRef, useState, type CSSProperties } from 'react';
import type { ArticleSort, SearchSort } from '../../../main/contract/types';
import { useFileDrop } from '../import/useFileDrop';
import { useImport } from '../import/useImport';
import { emptySelection, selectionReducer } from '../list/selection';
import { useActions } from './useActions';
import { useAppShortcuts } from './useAppShortcuts';
import { useArticleRows } from '../list/useArticleRows';
import { useLibraryData } from './useLibrary';
import { useListNavigation } from '../list/useListNavigation';
import { isNumber, usePersistentState } from '../shared/usePersistentState';
import { useSettings } from './useSettings';
import { useToasts } from '../shared/useToasts';
import { AppDialogs, type AppDialog } from './AppDialogs';
import type { ArticleListHandle } from '../list/ArticleList';
import { DropOverlay } from '../import/DropOverlay';
import { EmptyState } from './EmptyState';
import { FilePickers, type FilePickersHandle } from '../import/FilePickers';
import { ImportPanel } from '../import/ImportPanel';
import { ListPane } from '../list/ListPane';
import type { ReaderHandle } from '../reader/Reader';
import { ReaderPane } from '../reader/ReaderPane';
import type { Filters } from '../sidebar/Sidebar';
import { SidebarPane } from '../sidebar/SidebarPane';
import { Splitter } from './Splitter';
import { Toasts } from '../shared/Toasts';

const isSort = (v: unknown): v is ArticleSort => v === 'imported' || v === 'date' || v === 'title';
const NO_FILTERS: Filters = { view: 'all', tags: [], place: null, language: null };

/** The window: sidebar, list and reader panes, with imports, notices and dialogs over them. */
export function App() {
  const [settings, updateSettings] = useSettings();
  const library = useLibraryData();
  const { stats, version } = library;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState('');
  const [listSort, setListSort] = usePersistentState<ArticleSort>('ar.sort', 'imported', isSort);
  const [searchSort, setSearchSort] = useState<SearchSort>('relevance');
  const [sidebarWidth, setSidebarWidth] = usePersistentState('ar.sidebarWidth', 232, isNumber);
  const [listWidth, setListWidth] = usePersistentState('ar.listWidth', 400, isNumber);
  const [selection, select] = useReducer(selectionReducer, emptySelection);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<AppDialog>(null);
  const { toasts, push, dismiss } = useToasts();
  const actions = useActions(push);
  const imports = useImport();
  const dragging = useFileDrop((c) => imports.importFiles(c.files, c.skipped));
  const rows = useArticleRows(query, filters, listSort, searchSort, library.refresh);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ArticleListHandle>(null);
  const readerRef = useRef<ReaderHandle>(null);
  const pickers = useRef<FilePickersHandle>(null);
  const searching = query.trim() !== '';
  const { rowAt } = rows;
  const idAt = useCallback((i: number) => rowAt(i)?.meta.id, [rowAt]);
  const focusList = useCallback(() => listRef.current?.focus(), []);
  const nav = useListNavigation({
    selection,
    select,
    total: rows.total,
    generation: rows.generation,
    idAt,
    focusList,
    focusReader: () => readerRef.current?.focus(),
  });

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  // A new query or filter starts a new selection; the open article stays open.
  useEffect(() => select({ type: 'clear' }), [rows.key]);

  useEffect(() => {
    if (selection.selected.length === 1) setOpenId(selection.selected[0]!);
  }, [selection.selected]);

  const targetIds = (): string[] =>
    selection.selected.length > 0 ? selection.selected : openId ? [openId] : [];

  const trashTargets = () => {
    const ids = targetIds();
    if (ids.length === 0) return;
    if (filters.view === 'trash') actions.restore(ids);
    else actions.trash(ids);
    nav.expectGone(ids);
    if (openId && ids.includes(openId)) setOpenId(null);
  };

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };

  useAppShortcuts({
    targetIds,
    // The reader may still show the previous article while the next one loads, so the
    // state a toggle flips comes from whichever copy matches the id.
    stateOf: (id) => {
      const shown = readerRef.current?.article();
      if (shown?.id === id) return shown;
      const row = selection.focus !== null ? rowAt(selection.focus)?.meta : undefined;
      return row?.id === id ? row : undefined;
    },
    actions,
    focusSearch,
    move: (d) => nav.move(d),
    trash: trashTargets,
    escape: () => {
      if (selection.selected.length > 1) select({ type: 'clear' });
      else if (query) setQuery('');
      else if (openId) {
        setOpenId(null);
        select({ type: 'clear' });
      }
    },
    showShortcuts: () => setDialog('shortcuts'),
    reader: {
      stepMatch: (d) => readerRef.current?.stepMatch(d),
      focusTags: () => readerRef.current?.focusTags(),
      readSetByUser: (id) => readerRef.current?.readSetByUser(id),
    },
    settings,
    updateSettings,
    notify: push,
  });

  const empty = stats !== null && stats.articles === 0 && stats.trash === 0;
  const tagNames = (stats?.tags ?? []).map((t) => t.name);
  const layout = {
    '--sidebar-width': `${sidebarWidth}px`,
    '--list-width': `${listWidth}px`,
  } as CSSProperties;

  return (
    <div className={settings.sidebarVisible ? 'app' : 'app no-sidebar'} style={layout}>
      {settings.sidebarVisible && (
        <>
          <SidebarPane
            stats={stats}
            indexReady={library.indexReady}
            filters={filters}
            onFilters={setFilters}
            onManageTags={() => setDialog('tags')}
            onImport={() => pickers.current?.files()}
            onEmptyTrash={() => setDialog('empty-trash')}
            onShortcuts={() => setDialog('shortcuts')}
          />
          <Splitter
            label="Resize sidebar"
            value={sidebarWidth}
            min={160}
            max={420}
            onChange={setSidebarWidth}
          />
        </>
      )}
      {empty && !searching ? (
        <main className="pane empty-pane">
          <EmptyState
            onPickFiles={() => pickers.current?.files()}
            onPickFolder={() => pickers.current?.folder()}
            onSample={() =>
              void imports.importSample().then((summary) => {
                // Show a sample straight away: the point of the button is to see the reader.
                const first = summary?.imported[0];
                if (first) setOpenId(first.id);
              })
            }
          />
        </main>
      ) : (
        <>
          <ListPane
            searchRef={searchRef}
            listRef={listRef}
            query={query}
            onQuery={setQuery}
            onLeaveSearch={() => {
              listRef.current?.focus();
              if (selection.focus === null && rows.total > 0) nav.move(1);
            }}
            rows={rows}
            filters={filters}
            onFilters={setFilters}
            listSort={listSort}
            onListSort={setListSort}
            searchSort={searchSort}
            onSearchSort={setSearchSort}
            selected={new Set(selection.selected)}
            focus={selection.focus}
            openId={openId}
            onRowClick={nav.onRowClick}
            onListKey={nav.onListKey}
          />
          <Splitter
            label="Resize article list"
            value={listWidth}
            min={260}
            max={720}
            onChange={setListWidth}
          />
          <ReaderPane
            readerRef={readerRef}
            selected={selection.selected}
            openId={openId}
            view={filters.view}
            highlight={rows.shownQuery}
            version={version}
            settings={settings}
            onSettings={updateSettings}
            tagNames={tagNames}
            actions={actions}
            onClearSelection={() => select({ type: 'clear' })}
          />
        </>
      )}
      <FilePickers ref={pickers} onFiles={(c) => imports.importFiles(c.files, c.skipped)} />
      {imports.state && (
        <ImportPanel
          state={imports.state}
          onCancel={imports.cancel}
          onDismiss={imports.dismiss}
          onOpen={(id) => {
            select({ type: 'clear' });
            setOpenId(id);
          }}
        />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
      {dragging && <DropOverlay />}
      <AppDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        tags={stats?.tags ?? []}
        trashCount={stats?.trash ?? 0}
        actions={actions}
      />
    </div>
  );
}
