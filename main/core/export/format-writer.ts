// One writer per export format over the staged temp file or folder: each takes articles in
// order and holds at most one article (and a buffer of about a megabyte) in memory.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFormat } from '../../contract/export';
import { csvArticleRow, csvHeader, CSV_BOM } from './csv';
import type { ExportArticle } from './export-article';
import { BufferedFile } from './export-target';
import { UniqueNames } from './file-names';
import { jsonlHeaderLine, jsonlLine } from './jsonl';
import { markdownFile } from './markdown-file';
import { bulkLines, openSearchMapping } from './opensearch';
import { plainTextExtension } from './plain-text';

export interface FormatWriter {
  add(article: ExportArticle): Promise<void>;
  /** Writes what is left and closes; the staged export is then complete. */
  finish(): Promise<void>;
  /** Closes after a failure or a cancel (the staging is thrown away). */
  abandon(): Promise<void>;
}

/** The bulk file and mapping file an OpenSearch export holds. */
export const OPENSEARCH_FILES = { bulk: 'bulk.ndjson', mapping: 'mapping.json' } as const;

/** A writer of `format` into `temp` (a file for jsonl and csv, a folder for the others). */
export async function formatWriter(
  format: ExportFormat,
  temp: string,
  total: number,
  exportedAt: string,
): Promise<FormatWriter> {
  switch (format) {
    case 'jsonl': {
      const file = await BufferedFile.create(temp);
      await file.write(`${jsonlHeaderLine(total, exportedAt)}\n`);
      return streamWriter(file, (a) => `${jsonlLine(a)}\n`);
    }
    case 'csv': {
      const file = await BufferedFile.create(temp);
      await file.write(CSV_BOM + csvHeader());
      return streamWriter(file, (a) =>
        csvArticleRow(
          a.meta,
          a.storedHighlights.length,
          a.storedHighlights.filter((h) => h.note.trim() !== '').length,
        ),
      );
    }
    case 'opensearch': {
      await writeFile(
        join(temp, OPENSEARCH_FILES.mapping),
        `${JSON.stringify(openSearchMapping(), null, 2)}\n`,
      );
      const file = await BufferedFile.create(join(temp, OPENSEARCH_FILES.bulk));
      return streamWriter(file, (a) => `${bulkLines(a).join('\n')}\n`);
    }
    case 'md':
    case 'txt': {
      const names = new UniqueNames();
      return {
        add: async (a) => {
          const ext = format === 'md' ? 'md' : plainTextExtension(a.meta.sourceName);
          const data = format === 'md' ? markdownFile(a) : a.original;
          await writeFile(join(temp, names.next(a.meta.title, ext)), data, { flag: 'wx' });
        },
        finish: async () => undefined,
        abandon: async () => undefined,
      };
    }
  }
}

function streamWriter(file: BufferedFile, line: (a: ExportArticle) => string): FormatWriter {
  return {
    add: (a) => file.write(line(a)),
    finish: () => file.close(),
    abandon: () => file.abandon(),
  };
}
