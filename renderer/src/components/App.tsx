import {
  useCallback,
  useEffect,
  useReducer,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
} from 'react';
import type { ArticleSort, SearchSort } from '../../../main/core/types';
import { useFileDrop } from '../import/useFileDrop';
import { useImport } from '../import/useImport';
import { clickMode, emptySelection, selectionReducer } from '../state/selection';
import { useActions } from '../state/useActions';
import { useArticleRows } from '../state/useArticleRows';
import { useKeyboard } from '../state/useKeyboard';
import { useLibraryVersion, useStats } from '../state/useLibrary';
import { useMenuCommands } from '../state/useMenuCommands';
import { isNumber, usePersistentState } from '../state/usePersistentState';
import { useSettings } from '../state/useSettings';
import { useToasts } from '../state/useToasts';
import { ArticleList, type ArticleListHandle } from './ArticleList';
import { BulkPanel } from './BulkPanel';
import { DropOverlay } from './DropOverlay';
import { EmptyState } from './EmptyState';
import { FilePickers, type FilePickersHandle } from './FilePickers';
import { ImportPanel } from './ImportPanel';
import { ListHeader } from './ListHeader';
import { Reader, type ReaderHandle } from './Reader';
import { SearchBar } from './SearchBar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { type Filters } from './Sidebar';
import { ListMessage } from './ListMessage';
import { SidebarPane } from './SidebarPane';
import { Splitter } from './Splitter';
import { TagManager } from './TagManager';
import { Toasts } from './Toasts';

const VIEW_LABELS = {
  all: 'All articles',
  unread: 'Unread',
  favourites: 'Favourites',
  trash: 'Trash',
};
const PANES = [
  { pane: '.sidebar-pane', target: '[aria-current="page"]' },
  { pane: '.list-pane', target: '.list-scroller, input[type="search"]' },
  { pane: '.reader-pane', target: '.reader-scroller, button' },
];
const isSort = (v: unknown): v is ArticleSort => v === 'imported' || v === 'date' || v === 'title';

export function App() {
  const [settings, updateSettings] = useSettings();
  const { version } = useLibraryVersion();
  const stats = useStats(version);
  const [filters, setFilters] = useState<Filters>({
    view: 'all',
    tags: [],
    place: null,
    language: null,
  });
  const [query, setQuery] = useState('');
  const [listSort, setListSort] = usePersistentState<ArticleSort>('ar.sort', 'imported', isSort);
  const [searchSort, setSearchSort] = useState<SearchSort>('relevance');
  const [sidebarWidth, setSidebarWidth] = usePersistentState('ar.sidebarWidth', 232, isNumber);
  const [listWidth, setListWidth] = usePersistentState('ar.listWidth', 400, isNumber);
  const [selection, select] = useReducer(selectionReducer, emptySelection);
  const [openId, setOpenId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'shortcuts' | 'tags' | null>(null);
  const { toasts, push, dismiss } = useToasts();
  const actions = useActions(push);
  const imports = useImport();
  const dragging = useFileDrop((c) => imports.importFiles(c.files, c.skipped));
  const rows = useArticleRows(query, filters, listSort, searchSort, version);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<ArticleListHandle>(null);
  const readerRef = useRef<ReaderHandle>(null);
  const pickers = useRef<FilePickersHandle>(null);
  const pendingFocus = useRef<{ index: number; gone: Set<string> } | null>(null);
  const searching = query.trim() !== '';
  const { rowAt } = rows;
  const idAt = useCallback((i: number) => rowAt(i)?.meta.id, [rowAt]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  // A new query or filter starts a new selection; the open article stays open.
  useEffect(() => select({ type: 'clear' }), [rows.key]);

  useEffect(() => {
    if (selection.selected.length === 1) setOpenId(selection.selected[0]!);
  }, [selection.selected]);

  // After a trash, the row that moved into the trashed row's place gets the cursor.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const id = idAt(pending.index);
    if (id === undefined || pending.gone.has(id)) return;
    pendingFocus.current = null;
    select({ type: 'jump', index: pending.index, count: rows.total, idAt });
  }, [rows.generation, rows.total, idAt]);

  const selectedSet = new Set(selection.selected);
  const targetIds = (): string[] =>
    selection.selected.length > 0 ? selection.selected : openId ? [openId] : [];

  // The reader may still show the previous article while the next one loads, so the
  // state a toggle flips comes from whichever copy matches the id.
  const stateOf = (id: string): { read: boolean; favourite: boolean } | undefined => {
    const shown = readerRef.current?.article();
    if (shown?.id === id) return shown;
    const row = selection.focus !== null ? rowAt(selection.focus)?.meta : undefined;
    return row?.id === id ? row : undefined;
  };

  const trashTargets = () => {
    const ids = targetIds();
    if (ids.length === 0) return;
    if (filters.view === 'trash') {
      actions.restore(ids);
    } else {
      actions.trash(ids);
    }
    pendingFocus.current = { index: selection.focus ?? 0, gone: new Set(ids) };
    if (openId && ids.includes(openId)) setOpenId(null);
  };

  const focusSearch = () => {
    searchRef.current?.focus();
    searchRef.current?.select();
  };
  const move = (delta: 1 | -1, extend = false) =>
    select({ type: 'move', delta, count: rows.total, extend, idAt });

  useKeyboard({
    focusSearch,
    move: (d) => move(d),
    stepMatch: (d) => readerRef.current?.stepMatch(d),
    tag: () => readerRef.current?.focusTags(),
    favourite: () => {
      const ids = targetIds();
      if (ids.length === 1) actions.setFavourite(ids, !(stateOf(ids[0]!)?.favourite ?? false));
      else if (ids.length > 1) actions.setFavourite(ids, true);
    },
    toggleRead: () => {
      const ids = targetIds();
      if (ids.length === 1) {
        readerRef.current?.readSetByUser(ids[0]!);
        actions.setRead(ids, !(stateOf(ids[0]!)?.read ?? false));
      } else if (ids.length > 1) actions.setRead(ids, false);
    },
    trash: trashTargets,
    escape: () => {
      if (selection.selected.length > 1) select({ type: 'clear' });
      else if (query) setQuery('');
      else if (openId) {
        setOpenId(null);
        select({ type: 'clear' });
      }
    },
    shortcuts: () => setDialog('shortcuts'),
    cyclePanes: (delta) => {
      const panes = PANES.map((p) => document.querySelector<HTMLElement>(p.pane)).filter(
        (el): el is HTMLElement => el !== null,
      );
      const at = panes.findIndex((el) => el.contains(document.activeElement));
      const next = panes[(at + delta + panes.length) % panes.length];
      const spec = PANES.find((p) => next?.matches(p.pane));
      (next?.querySelector<HTMLElement>(spec?.target ?? 'button') ?? next)?.focus();
    },
  });

  useMenuCommands({
    focusSearch,
    toggleSidebar: () => updateSettings({ sidebarVisible: !settings.sidebarVisible }),
    theme: (theme) => updateSettings({ theme }),
    font: (delta) => updateSettings({ fontSize: delta === 0 ? 19 : settings.fontSize + delta }),
    shortcuts: () => setDialog('shortcuts'),
    selected: targetIds,
    notify: push,
  });

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      select({ type: 'click', index, mode: clickMode(e), idAt });
      listRef.current?.focus();
    },
    [idAt],
  );

  const onListKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1, e.shiftKey),
      ArrowUp: () => move(-1, e.shiftKey),
      Home: () => select({ type: 'jump', index: 0, count: rows.total, idAt }),
      End: () => select({ type: 'jump', index: rows.total - 1, count: rows.total, idAt }),
      Enter: () => readerRef.current?.focus(),
      ' ': () =>
        selection.focus !== null &&
        select({ type: 'click', index: selection.focus, mode: 'toggle', idAt }),
    };
    const action = keys[e.key];
    if (!action || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    action();
  };

  const empty = stats !== null && stats.articles === 0 && stats.trash === 0;
  const queryError: unknown = rows.error;
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
            filters={filters}
            onFilters={setFilters}
            onManageTags={() => setDialog('tags')}
            onImport={() => pickers.current?.files()}
            onEmptyTrash={actions.emptyTrash}
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
            onSample={imports.importSample}
          />
        </main>
      ) : (
        <>
          <section className="pane list-pane" aria-label="Articles">
            <SearchBar
              ref={searchRef}
              value={query}
              onChange={setQuery}
              onLeave={() => {
                listRef.current?.focus();
                if (selection.focus === null && rows.total > 0) move(1);
              }}
            />
            <ListHeader
              searching={searching}
              loading={rows.loading}
              total={rows.total}
              partial={rows.partial}
              tookMs={rows.tookMs}
              filters={filters}
              onFilters={setFilters}
              sort={searching ? searchSort : listSort}
              onSort={(s) =>
                searching ? setSearchSort(s as SearchSort) : setListSort(s as ArticleSort)
              }
              viewLabel={VIEW_LABELS[filters.view]}
            />
            {queryError || (rows.total === 0 && rows.shownKey !== null && !rows.loading) ? (
              <ListMessage error={queryError} searching={searching} view={filters.view} />
            ) : (
              <ArticleList
                ref={listRef}
                count={rows.total}
                rowAt={rows.rowAt}
                loadRange={rows.loadRange}
                selected={selectedSet}
                focus={selection.focus}
                openId={openId}
                dataVersion={rows.generation}
                label={searching ? 'Search results' : VIEW_LABELS[filters.view]}
                onRowClick={onRowClick}
                onKeyDown={onListKey}
              />
            )}
          </section>
          <Splitter
            label="Resize article list"
            value={listWidth}
            min={260}
            max={720}
            onChange={setListWidth}
          />
          <main className="pane reader-pane" aria-label="Reader">
            {selection.selected.length > 1 ? (
              <BulkPanel
                ids={selection.selected}
                view={filters.view}
                suggestions={tagNames}
                actions={actions}
                onClear={() => select({ type: 'clear' })}
              />
            ) : openId ? (
              <Reader
                ref={readerRef}
                id={openId}
                highlight={rows.shownQuery}
                version={version}
                settings={settings}
                onSettings={updateSettings}
                suggestions={tagNames}
                actions={actions}
              />
            ) : (
              <div className="reader-empty">
                <p>Choose an article to read.</p>
                <p className="hint">
                  <kbd>j</kbd> <kbd>k</kbd> move · <kbd>/</kbd> search · <kbd>?</kbd> all shortcuts
                </p>
              </div>
            )}
          </main>
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
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'tags' && (
        <TagManager
          tags={stats?.tags ?? []}
          onRename={actions.renameTag}
          onDelete={actions.deleteTag}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
