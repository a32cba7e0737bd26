import type { ReactNode } from 'react';
import type { LibraryStats } from '../../../main/contract/types';
import { Sidebar, type Filters } from './Sidebar';
import { WatchStatusLine } from '../watch/WatchStatusLine';

interface Props {
  /** Shown over the panes (narrow window) rather than as a column. */
  drawer?: boolean;
  stats: LibraryStats | null;
  filters: Filters;
  onFilters(next: Filters): void;
  onManageTags(): void;
  onImport(): void;
  onEmptyTrash(): void;
  onShortcuts(): void;
  highlightsActive?: boolean;
  onHighlights?(): void;
  /** False while the search index is still loading. */
  indexReady: boolean;
  saved?: ReactNode;
  collections?: ReactNode;
  entities?: ReactNode;
}

/** The left pane: the app's name, the library navigation, and a few quiet actions. */
export function SidebarPane(props: Props) {
  const { stats, filters } = props;
  return (
    <div
      id="sidebar"
      className={props.drawer ? 'pane sidebar-pane drawer' : 'pane sidebar-pane'}
      role={props.drawer ? 'region' : undefined}
      aria-label={props.drawer ? 'Sidebar' : undefined}
    >
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Archive Reader
      </div>
      <Sidebar
        stats={stats}
        filters={filters}
        onFilters={props.onFilters}
        onManageTags={props.onManageTags}
        highlightsActive={props.highlightsActive}
        onHighlights={props.onHighlights}
        saved={props.saved}
        collections={props.collections}
        entities={props.entities}
      />
      <div className="sidebar-foot">
        <WatchStatusLine />
        {!props.indexReady && (
          <p className="index-status" role="status" data-testid="index-status">
            Indexing…
          </p>
        )}
        <div className="sidebar-actions">
          <button type="button" className="button quiet" onClick={props.onImport}>
            Import…
          </button>
          {filters.view === 'trash' && (stats?.trash ?? 0) > 0 && (
            <button
              type="button"
              className="button quiet danger empty-trash"
              onClick={props.onEmptyTrash}
            >
              Empty trash…
            </button>
          )}
          <button
            type="button"
            className="button quiet shortcuts-button"
            aria-label="Keyboard shortcuts"
            onClick={props.onShortcuts}
          >
            ?
          </button>
        </div>
      </div>
    </div>
  );
}
