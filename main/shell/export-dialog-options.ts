// What the export save dialog shows, decided without Electron so it is unit-tested: a file
// with its format's filter, or the name of a new folder for the formats that write several.
import type { SaveDialogRequest } from '../contract/export';

/** The parts of Electron's SaveDialogOptions the export dialog sets. */
export interface ExportSaveOptions {
  title: string;
  buttonLabel: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
  message?: string;
}

const FILE_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  jsonl: { name: 'JSON Lines', extensions: ['jsonl'] },
  csv: { name: 'CSV (spreadsheets)', extensions: ['csv'] },
};

/** The dialog options for a request, with `defaultDir` as the folder it opens in. */
export function exportSaveOptions(
  request: SaveDialogRequest,
  defaultDir: string,
  join: (...parts: string[]) => string,
): ExportSaveOptions {
  const filter = FILE_FILTERS[request.format];
  return {
    title: 'Export',
    buttonLabel: 'Export',
    defaultPath: join(defaultDir, request.suggestedName),
    filters: request.folder || !filter ? [] : [filter],
    properties: request.folder
      ? ['createDirectory']
      : ['createDirectory', 'showOverwriteConfirmation'],
    ...(request.folder ? { message: 'Name a new folder: one file per article goes in it.' } : {}),
  };
}
