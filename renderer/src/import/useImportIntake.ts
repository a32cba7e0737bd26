// Every way files come in: drops anywhere on the window, the hidden file pickers behind the
// Import buttons, and the bundled sample, all feeding the one import at a time.
import { useCallback, useRef } from 'react';
import type { FilePickersHandle } from './FilePickers';
import { useFileDrop } from './useFileDrop';
import { useImport } from './useImport';

export interface ImportIntake extends ReturnType<typeof useImport> {
  /** True while files are dragged over the window. */
  dragging: boolean;
  /** Ref callback for the hidden file pickers. */
  attachPickers(pickers: FilePickersHandle | null): void;
  pickFiles(): void;
  pickFolder(): void;
}

/** The import and the ways to start one. */
export function useImportIntake(): ImportIntake {
  const imports = useImport();
  const dragging = useFileDrop((c) => imports.importFiles(c.files, c.skipped));
  const pickers = useRef<FilePickersHandle | null>(null);
  const attachPickers = useCallback((handle: FilePickersHandle | null) => {
    pickers.current = handle;
  }, []);
  const pickFiles = useCallback(() => pickers.current?.files(), []);
  const pickFolder = useCallback(() => pickers.current?.folder(), []);
  return { ...imports, dragging, attachPickers, pickFiles, pickFolder };
}
