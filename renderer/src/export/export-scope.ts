// What File → Export… offers and sends: the formats, and the scope (the selection, the list as
// it is filtered or searched now, or the whole library) as the contract's ExportScope.
import type { ExportFormat, ExportScope } from '../../../main/contract/export';
import type { Filters } from '../sidebar/Sidebar';

export type ScopeChoice = 'selection' | 'view' | 'library';

/** The formats in the order the dialog lists them, with what each writes. */
export const FORMAT_CHOICES: readonly { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: 'one file per article, with its highlights and notes' },
  { format: 'txt', label: 'Plain text', hint: 'one file per article, exactly as imported' },
  {
    format: 'jsonl',
    label: 'JSON Lines',
    hint: 'one file, every field; imports back into Archive Reader',
  },
  { format: 'csv', label: 'CSV', hint: 'one file of titles, dates and tags, for spreadsheets' },
  {
    format: 'opensearch',
    label: 'OpenSearch',
    hint: 'bulk file and index mapping, for a shared search server',
  },
];

/** What the list shows now: its search text and filters. */
export interface CurrentList {
  query: string;
  filters: Filters;
}

/** The scope a choice stands for. */
export function exportScope(
  choice: ScopeChoice,
  selected: readonly string[],
  current: CurrentList,
): ExportScope {
  if (choice === 'selection') return { ids: [...selected] };
  if (choice === 'library') return {};
  const { filters } = current;
  const query = current.query.trim();
  return {
    ...(query !== '' ? { query } : {}),
    view: filters.view,
    ...(filters.tags.length > 0 ? { tags: [...filters.tags] } : {}),
    ...(filters.collection ? { collection: filters.collection } : {}),
    ...(filters.place !== null ? { place: filters.place } : {}),
    ...(filters.language !== null ? { language: filters.language } : {}),
    ...(filters.from !== undefined ? { from: filters.from } : {}),
    ...(filters.to !== undefined ? { to: filters.to } : {}),
  };
}

/** How the dialog names the current list: "the search “oil”", "Favourites", … */
export function currentListLabel(current: CurrentList): string {
  const query = current.query.trim();
  if (query !== '') return `The search “${query}”`;
  const view = {
    all: 'All articles',
    unread: 'Unread',
    favourites: 'Favourites',
    trash: 'Trash',
  }[current.filters.view];
  const narrowed =
    current.filters.tags.length > 0 ||
    Boolean(current.filters.collection) ||
    current.filters.place !== null ||
    current.filters.language !== null ||
    current.filters.from !== undefined ||
    current.filters.to !== undefined;
  return narrowed ? `${view}, as filtered now` : view;
}

/** A fresh id for one export, as the contract's ids are spelt. */
export const newExportId = (): string =>
  `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
