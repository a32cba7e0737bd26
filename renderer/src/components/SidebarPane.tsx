import type { LibraryStats } from '../../../main/core/types';
import { Sidebar, type Filters } from './Sidebar';

interface Props {
  stats: LibraryStats | null;
  filters: Filters;
  onFilters(next: Filters): void;
  onManageTags(): void;
  onImport(): void;
  onEmptyTrash(): void;
  onShortcuts(): void;
}

/** The left pane: the app's name, the library navigation, and a few quiet actions. */
export function SidebarPane(props: Props) {
  const { stats, filters } = props;
  return (
    <div className="pane sidebar-pane">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Archive Reader
      </div>
      <Sidebar
        stats={stats}
        filters={filters}
        onFilters={props.onFilters}
        onManageTags={props.onManageTags}
      />
      <div className="sidebar-foot">
        <button type="button" className="button quiet" onClick={props.onImport}>
          Import…
        </button>
        {filters.view === 'trash' && (stats?.trash ?? 0) > 0 && (
          <button type="button" className="button quiet danger" onClick={props.onEmptyTrash}>
            Empty trash
          </button>
        )}
        <button
          type="button"
          className="button quiet"
          aria-label="Keyboard shortcuts"
          onClick={props.onShortcuts}
        >
          ?
        </button>
      </div>
    </div>
  );
}
