// What the export save dialog shows: a file with its format's filter, or a new folder's name.
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportSaveOptions } from '../../../main/shell/export-dialog-options';

describe('exportSaveOptions', () => {
  it('offers a JSON Lines or CSV file with its filter, confirming an overwrite', () => {
    const o = exportSaveOptions(
      { format: 'csv', suggestedName: 'Export.csv', folder: false },
      '/home/me/Documents',
      posix.join,
    );
    expect(o.defaultPath).toBe('/home/me/Documents/Export.csv');
    expect(o.filters).toEqual([{ name: 'CSV (spreadsheets)', extensions: ['csv'] }]);
    expect(o.properties).toContain('showOverwriteConfirmation');
    expect(o.message).toBeUndefined();
  });

  it('asks for the name of a new folder for the formats that write several files', () => {
    const o = exportSaveOptions(
      { format: 'md', suggestedName: 'Export markdown', folder: true },
      '/docs',
      posix.join,
    );
    expect(o.defaultPath).toBe('/docs/Export markdown');
    expect(o.filters).toEqual([]);
    expect(o.properties).not.toContain('showOverwriteConfirmation');
    expect(o.message).toMatch(/new folder/);
  });
});
