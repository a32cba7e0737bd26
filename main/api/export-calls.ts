// The app's export calls: main asks its save dialog where the export goes (the page never
// names a path), runs it in the engine with progress events, and cancels it on request.
import { SINGLE_FILE_FORMATS, type ExportCall, type ExportResult } from '../contract/export';
import type { SaveDialogRequest } from '../contract/export';
import type { LibraryEngine } from '../core/engine';
import { ArchiveError } from '../core/errors';
import { suggestedExportName } from '../core/export/suggested-name';
import type { Emit } from './engine-slot';
import { ImportRegistry } from './import-registry';

/** Main's save dialog: the path chosen, or null when it was closed. */
export type ChooseExportPath = (request: SaveDialogRequest) => Promise<string | null>;

export interface ExportCallDeps {
  engine(): LibraryEngine;
  emit: Emit;
  /** Absent where there is no dialog to show: exports are then refused. */
  chooseExportPath?: ChooseExportPath;
  /** Running exports by id (the import registry does the same job for imports). */
  running?: ImportRegistry;
  /** Milliseconds between exportProgress events (default 100). */
  progressIntervalMs?: number;
}

/** The exportArticles and cancelExport handlers. */
export function exportCalls(deps: ExportCallDeps): {
  exportArticles(args: ExportCall): Promise<ExportResult | null>;
  cancelExport(args: { exportId: string }): Promise<{ cancelled: boolean }>;
} {
  const running = deps.running ?? new ImportRegistry();
  const interval = deps.progressIntervalMs ?? 100;
  return {
    async exportArticles({ exportId, format, scope }) {
      if (!deps.chooseExportPath) {
        throw new ArchiveError('FORBIDDEN', 'Exports need a save dialog, and there is none here.');
      }
      const out = await deps.chooseExportPath({
        format,
        suggestedName: suggestedExportName(format),
        folder: !SINGLE_FILE_FORMATS.includes(format),
      });
      if (out === null) return null;
      const controller = running.start(exportId);
      let last = 0;
      try {
        return await deps.engine().exportArticles(
          { format, out, scope },
          {
            signal: controller.signal,
            onProgress: (p) => {
              const now = Date.now();
              // The last report always goes: the page shows the export finished.
              if (p.done < p.total && now - last < interval) return;
              last = now;
              deps.emit('exportProgress', { ...p, exportId });
            },
          },
        );
      } finally {
        running.finish(exportId, controller);
      }
    },
    async cancelExport({ exportId }) {
      return { cancelled: running.cancel(exportId) };
    },
  };
}
