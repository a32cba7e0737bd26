import { useEffect, useState } from 'react';
import { DropOverlay } from '../import/DropOverlay';
import { ImportLayer } from '../import/ImportLayer';
import { useImportIntake } from '../import/useImportIntake';
import { ListPane } from '../list/ListPane';
import { SelectionProvider } from '../list/SelectionContext';
import { useListQuery } from '../list/useListQuery';
import { ReaderPane } from '../reader/ReaderPane';
import { Toasts } from '../shared/Toasts';
import { useToasts } from '../shared/useToasts';
import { SidebarPane } from '../sidebar/SidebarPane';
import { AppDialogs, type AppDialog } from './AppDialogs';
import { EmptyState } from './EmptyState';
import { ShortcutBindings } from './ShortcutBindings';
import { Splitter } from './Splitter';
import { useActions } from './useActions';
import { useLibraryData } from './useLibrary';
import { usePaneWidths } from './usePaneWidths';
import { useSettings } from './useSettings';

/** The window: sidebar, list and reader panes, with imports, notices and dialogs over them. */
export function App() {
  const { toasts, push, dismiss } = useToasts();
  const [settings, updateSettings] = useSettings(push);
  const library = useLibraryData();
  const list = useListQuery(library.refresh);
  const intake = useImportIntake();
  const widths = usePaneWidths();
  const actions = useActions(push);
  const [dialog, setDialog] = useState<AppDialog>(null);
  const { stats } = library;

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  const empty = stats !== null && stats.articles === 0 && stats.trash === 0;
  const tagNames = (stats?.tags ?? []).map((t) => t.name);

  return (
    <SelectionProvider rows={list.rows}>
      <div className={settings.sidebarVisible ? 'app' : 'app no-sidebar'} style={widths.style}>
        {settings.sidebarVisible && (
          <>
            <SidebarPane
              stats={stats}
              indexReady={library.indexReady}
              filters={list.filters}
              onFilters={list.setFilters}
              onManageTags={() => setDialog('tags')}
              onImport={intake.pickFiles}
              onEmptyTrash={() => setDialog('empty-trash')}
              onShortcuts={() => setDialog('shortcuts')}
            />
            <Splitter
              label="Resize sidebar"
              value={widths.sidebar}
              min={160}
              max={420}
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
            <ListPane list={list} />
            <Splitter
              label="Resize article list"
              value={widths.list}
              min={260}
              max={720}
              onChange={widths.setList}
            />
            <ReaderPane
              view={list.filters.view}
              highlight={list.rows.shownQuery}
              version={library.version}
              settings={settings}
              onSettings={updateSettings}
              tagNames={tagNames}
              actions={actions}
            />
          </>
        )}
        <ImportLayer intake={intake} />
        <Toasts toasts={toasts} onDismiss={dismiss} />
        {intake.dragging && <DropOverlay />}
        <AppDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          tags={stats?.tags ?? []}
          trashCount={stats?.trash ?? 0}
          actions={actions}
        />
        <ShortcutBindings
          list={list}
          actions={actions}
          settings={settings}
          updateSettings={updateSettings}
          notify={push}
          showShortcuts={() => setDialog('shortcuts')}
        />
      </div>
    </SelectionProvider>
  );
}
