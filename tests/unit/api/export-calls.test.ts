// The app's export calls: the path comes from main's save dialog (never from the page), a
// closed dialog exports nothing, progress is sent as events with the call's id, and
// cancelExport stops the export it names.
import { join } from 'node:path';
import { mkdirSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCalls } from '../../../main/api/export-calls';
import type { SaveDialogRequest } from '../../../main/contract/export';
import type { LibraryEngine } from '../../../main/core/engine';
import { ArchiveError } from '../../../main/core/errors';
import { openFake, writeArticles, article } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';

describe('exportCalls', () => {
  let lib: LibraryEngine;
  let out: string;

  beforeAll(async () => {
    const base = tempDir('ar-export-calls-');
    const files: Record<string, string> = {};
    for (let n = 1; n <= 30; n++) files[`a${n}.txt`] = article(n);
    writeArticles(join(base, 'src'), files);
    lib = await openFake(join(base, 'lib'));
    await lib.importSources([{ path: join(base, 'src') }]);
    out = join(base, 'out');
    mkdirSync(out);
  }, 60_000);
  afterAll(async () => {
    await lib.close();
  });

  it('asks the save dialog for a file or a folder, and writes where it answers', async () => {
    const asked: SaveDialogRequest[] = [];
    const events: unknown[] = [];
    const calls = exportCalls({
      engine: () => lib,
      emit: (event, payload) => events.push({ event, payload }),
      chooseExportPath: async (request) => {
        asked.push(request);
        return join(out, request.folder ? 'folder' : 'file.jsonl');
      },
      progressIntervalMs: 0,
    });
    const file = await calls.exportArticles({ exportId: 'one', format: 'jsonl', scope: {} });
    expect(file).toEqual({ exported: 30, path: join(out, 'file.jsonl') });
    const folder = await calls.exportArticles({ exportId: 'two', format: 'md', scope: {} });
    expect(folder?.exported).toBe(30);
    expect(readdirSync(join(out, 'folder'))).toHaveLength(30);
    expect(asked.map((r) => r.folder)).toEqual([false, true]);
    expect(asked[0]!.suggestedName).toMatch(/^Archive Reader export \d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(events.at(-1)).toEqual({
      event: 'exportProgress',
      payload: { exportId: 'two', done: 30, total: 30 },
    });
  });

  it('exports nothing when the save dialog is closed, and refuses without a dialog', async () => {
    const closed = exportCalls({
      engine: () => lib,
      emit: () => {},
      chooseExportPath: async () => null,
    });
    expect(await closed.exportArticles({ exportId: 'x', format: 'csv', scope: {} })).toBeNull();
    const none = exportCalls({ engine: () => lib, emit: () => {} });
    const e = await none
      .exportArticles({ exportId: 'x', format: 'csv', scope: {} })
      .catch((x) => x);
    expect(e).toBeInstanceOf(ArchiveError);
    expect((e as ArchiveError).code).toBe('FORBIDDEN');
  });

  it('cancels the export it names, leaving nothing behind', async () => {
    let cancelled: { cancelled: boolean } | undefined;
    const calls: ReturnType<typeof exportCalls> = exportCalls({
      engine: () => lib,
      emit: (_event, payload) => {
        // Cancelled from the first progress report, as the page's Cancel would.
        if (cancelled === undefined && (payload as { done: number }).done < 30) {
          void calls.cancelExport({ exportId: 'slow' }).then((r) => (cancelled = r));
        }
      },
      chooseExportPath: async () => join(out, 'cancelled.csv'),
      progressIntervalMs: 0,
    });
    const e = await calls
      .exportArticles({ exportId: 'slow', format: 'csv', scope: {} })
      .catch((x) => x);
    expect((e as ArchiveError).code).toBe('CANCELLED');
    expect(cancelled).toEqual({ cancelled: true });
    expect(readdirSync(out)).not.toContain('cancelled.csv');
    expect(await calls.cancelExport({ exportId: 'slow' })).toEqual({ cancelled: false });
  });
});
