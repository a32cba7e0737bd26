// The name a save dialog offers for an export: the app, the day, and the format's extension
// (a folder for the formats that write several files).
import { SINGLE_FILE_FORMATS, type ExportFormat } from '../../contract/export';

/** "Archive Reader export 2026-12-06.jsonl", or "… markdown" for a folder. */
export function suggestedExportName(format: ExportFormat, now: Date = new Date()): string {
  const stem = `Archive Reader export ${now.toISOString().slice(0, 10)}`;
  if (SINGLE_FILE_FORMATS.includes(format)) return `${stem}.${format}`;
  const kind = { md: 'markdown', txt: 'text', opensearch: 'opensearch' }[format as string];
  return `${stem} ${kind ?? format}`;
}
