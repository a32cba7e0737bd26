import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { ARTICLE_EXTENSIONS } from '../../../main/contract/import-rules';
import { collectDropped, type Collected } from './collect-dropped';

const ACCEPTED = [...ARTICLE_EXTENSIONS, 'text/plain'].join(',');

export interface FilePickersHandle {
  files(): void;
  folder(): void;
}

/** Hidden file inputs behind the Import buttons (files, or a whole folder). */
export const FilePickers = forwardRef<FilePickersHandle, { onFiles(c: Collected): void }>(
  function FilePickers({ onFiles }, ref) {
    const files = useRef<HTMLInputElement>(null);
    const folder = useRef<HTMLInputElement>(null);
    useImperativeHandle(ref, () => ({
      files: () => files.current?.click(),
      folder: () => folder.current?.click(),
    }));
    useEffect(() => {
      // React has no typed prop for directory pickers.
      folder.current?.setAttribute('webkitdirectory', '');
    }, []);
    const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
      const list = Array.from(e.target.files ?? []);
      e.target.value = '';
      void collectDropped(null, list).then(onFiles);
    };
    return (
      <div className="visually-hidden">
        <input
          ref={files}
          type="file"
          multiple
          accept={ACCEPTED}
          tabIndex={-1}
          aria-label="Choose files to import"
          onChange={onChange}
        />
        <input
          ref={folder}
          type="file"
          tabIndex={-1}
          aria-label="Choose a folder to import"
          onChange={onChange}
        />
      </div>
    );
  },
);
