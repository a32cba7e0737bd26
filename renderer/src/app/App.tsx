import { useEffect, useState } from 'react';
import { DropOverlay } from '../import/DropOverlay';
import { ImportLayer } from '../import/ImportLayer';
import { useImportIntake } from '../import/useImportIntake';
import { ListPane } from '../list/ListPane';
import { SelectionProvider } from '../list/SelectionContext';
import { useListQuery, type ListQuery } from '../list/useListQuery';
import { ReaderPane } from '../reader/ReaderPane';
import { Toasts } from '../shared/Toasts';
import { useToasts } from '../shared/useToasts';
import { SidebarPane } from '../sidebar/SidebarPane';
import { SidebarToggle } from '../sidebar/SidebarToggle';
import { getClient } from '../api/client';
import type { Settings } from '../../../main/contract/settings';
import { AppDialogs, type AppDialog } from './AppDialogs';
import { EmptyState } from './EmptyState';
import { PaneNavContext } from './PaneNavContext';
import { ShortcutBindings } from './ShortcutBindings';
import { Splitter } from './Splitter';
import { useActions } from './useActions';
import { useLibraryData } from './useLibrary';
import { usePaneKeys } from './usePaneKeys';
import { usePaneNavigation } from './usePaneNavigation';
import { usePaneWidths } from './usePaneWidths';
import { useSettings } from './useSettings';
import { useWindowWidth } from './useWindowWidth';
import { CheckLibraryDialog } from '../dialogs/CheckLibraryDialog';
import { ExportDialog } from '../export/ExportDialog';
import { BackupProgress } from '../backup/BackupProgress';
import { HighlightsView } from '../highlights/HighlightsView';
import { EntityFacets } from '../entities/EntityFacets';
import { entityFilters } from '../entities/entity-filters';
import { CollectionsSection } from '../collections/CollectionsSection';
import { SavedSearchesSection } from '../saved/SavedSearchesSection';
import { useRunSaved } from '../saved/useRunSaved';

/** The window: sidebar, list and reader panes, with imports, notices and dialogs over them. */
export function App() {
  const notices = useToasts();
  const [settings, updateSettings] = useSettings(notices.push);
  const library = useLibraryData(settings.hideVersions);
  const list = useListQuery(library.refresh, settings.hideVersions);
  return (
    <SelectionProvider rows={list.rows}>
      <Workspace
        list={list}
        library={library}
        settings={settings}
        updateSettings={updateSettings}
        notices={notices}
      />
    </SelectionProvider>
  );
}

interface WorkspaceProps {
  list: ListQuery;
  library: ReturnType<typeof useLibraryData>;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): void;
  notices: ReturnType<typeof useToasts>;
}

// Inside the selection, so the layout can follow the open article and move focus.
function Workspace({ list, library, settings, updateSettings, notices }: WorkspaceProps) {
  const { toasts, push, dismiss } = notices;
  const intake = useImportIntake();
  const widths = usePaneWidths(useWindowWidth(), settings.sidebarVisible);
  const nav = usePaneNavigation(widths.mode, settings.sidebarVisible, (sidebarVisible) =>
    updateSettings({ sidebarVisible }),
  );
  const actions = useActions(push);
  const [dialog, setDialog] = useState<AppDialog>(null);
  // The Highlights view takes the list's place until a view or filter is chosen again.
  const [highlightsView, setHighlightsView] = useState(false);
  const { stats } = library;
  const runSaved = useRunSaved(list);
  // In Electron the app menu's accelerator sends 'toggle-sidebar'; the browser has no menu.
  usePaneKeys({
    back: nav.back,
    closeDrawer: nav.drawerOpen ? nav.closeDrawer : null,
    toggleSidebar: getClient().native ? null : nav.toggleSidebar,
    searchFromReader: nav.searchFromReader,
  });

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  const empty = stats !== null && stats.articles === 0 && stats.trash === 0;
  // Every tag, also those only hidden versions carry (the sidebar counts the rows shown).
  const allTags = stats?.libraryTags ?? stats?.tags ?? [];
  const tagNames = allTags.map((t) => t.name);
  const single = widths.mode === 'single';
  const classes = ['app', widths.mode];
  if (!widths.sidebarColumn) classes.push('no-sidebar');

  const sidebar = (drawer: boolean) => (
    <SidebarPane
      drawer={drawer}
      stats={stats}
      indexReady={library.indexReady}
      filters={list.filters}
      onFilters={(next) => {
        setHighlightsView(false);
        list.setFilters(next);
        // Choosing a view is done with the drawer; facets may be combined, so it stays for them.
        if (drawer && next.view !== list.filters.view) nav.closeDrawer();
      }}
      onManageTags={() => setDialog('tags')}
      onImport={intake.pickFiles}
      onEmptyTrash={() => setDialog('empty-trash')}
      onShortcuts={() => setDialog('shortcuts')}
      highlightsActive={highlightsView}
      onHighlights={() => {
        setHighlightsView(true);
        if (drawer) nav.closeDrawer();
      }}
      saved={
        <SavedSearchesSection
          refresh={library.refresh}
          current={{
            query: list.query,
            filters: list.filters,
            sort: list.sort,
            reversed: list.reversed,
          }}
          onRun={(s) => {
            setHighlightsView(false);
            runSaved(s);
            if (drawer) nav.closeDrawer();
          }}
          notify={push}
        />
      }
      collections={
        <CollectionsSection
          refresh={library.refresh}
          active={list.filters.collection ?? null}
          onFilter={(collection) => {
            setHighlightsView(false);
            list.setFilters({ ...list.filters, collection });
          }}
          notify={push}
        />
      }
      entities={
        <EntityFacets
          filters={entityFilters(list.filters)}
          query={list.query}
          setQuery={(query) => {
            setHighlightsView(false);
            list.setQuery(query);
          }}
          refresh={library.refresh}
        />
      }
    />
  );

  return (
    <PaneNavContext.Provider value={{ back: nav.back }}>
      <div className={classes.join(' ')} style={widths.style}>
        {widths.sidebarColumn && (
          <>
            {sidebar(false)}
            <Splitter
              label="Resize sidebar"
              value={widths.sidebar.width}
              min={widths.sidebar.min}
              max={widths.sidebar.max}
              onChange={widths.setSidebar}
            />
          </>
        )}
        {empty && !list.searching ? (
          <main className="pane empty-pane">
            <EmptyState intake={intake} />
          </main>
        ) : (
          <>
            <div
              className="slot"
              data-hidden={nav.readerShown || undefined}
              inert={nav.readerShown}
            >
              {highlightsView ? (
                <HighlightsView
                  version={library.version}
                  tags={tagNames}
                  lead={<SidebarToggle open={nav.sidebarOpen} onToggle={nav.toggleSidebar} />}
                  onShowReader={nav.showReader}
                  notify={push}
                />
              ) : (
                <ListPane
                  list={list}
                  lead={<SidebarToggle open={nav.sidebarOpen} onToggle={nav.toggleSidebar} />}
                  onShowReader={nav.showReader}
                  density={settings.listDensity}
                  onDensity={(listDensity) => updateSettings({ listDensity })}
                  hideVersions={settings.hideVersions}
                  onHideVersions={(hideVersions) => updateSettings({ hideVersions })}
                />
              )}
            </div>
            {!single && (
              <Splitter
                label="Resize article list"
                value={widths.list.width}
                min={widths.list.min}
                max={widths.list.max}
                onChange={widths.setList}
              />
            )}
            <div
              className="slot"
              data-hidden={(single && !nav.readerShown) || undefined}
              inert={single && !nav.readerShown}
            >
              <ReaderPane
                view={list.filters.view}
                highlight={list.rows.shownQuery}
                version={library.version}
                settings={settings}
                onSettings={updateSettings}
                tagNames={tagNames}
                actions={actions}
              />
            </div>
          </>
        )}
        {nav.drawerOpen && (
          <>
            <div className="drawer-backdrop" aria-hidden="true" onClick={nav.closeDrawer} />
            {sidebar(true)}
          </>
        )}
        <ImportLayer intake={intake} list={list} />
        <Toasts toasts={toasts} onDismiss={dismiss} />
        {intake.dragging && <DropOverlay />}
        <CheckLibraryDialog />
        <ExportDialog current={{ query: list.query, filters: list.filters }} notify={push} />
        <BackupProgress notify={push} />
        <AppDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          tags={allTags}
          trashCount={stats?.trash ?? 0}
          actions={actions}
          notify={push}
        />
        <ShortcutBindings
          list={list}
          actions={actions}
          settings={settings}
          updateSettings={updateSettings}
          notify={push}
          showShortcuts={() => setDialog('shortcuts')}
          toggleSidebar={nav.toggleSidebar}
        />
      </div>
    </PaneNavContext.Provider>
  );
}
