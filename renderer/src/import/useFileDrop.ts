import { useEffect, useRef, useState } from 'react';
import { collectDropped, type Collected } from './collect-dropped';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Window-wide drag and drop of files: `dragging` drives the overlay, drops are collected. */
export function useFileDrop(onFiles: (collected: Collected) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  });

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const dt = e.dataTransfer;
      // Entries and files must be read now: the DataTransfer is emptied after the event.
      let entries: FileSystemEntry[] | null = null;
      const items = Array.from(dt.items ?? []);
      if (items.length > 0) {
        const got = items
          .filter((i) => i.kind === 'file')
          .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
        if (got.every((x): x is FileSystemEntry => x !== null) && got.some((x) => x.isDirectory)) {
          entries = got;
        }
      }
      const files = Array.from(dt.files);
      void collectDropped(entries, files).then((c) => {
        if (c.files.length > 0 || c.skipped > 0) handler.current(c);
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
