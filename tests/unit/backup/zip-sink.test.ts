// ZipSink: every entry lands in the archive, in order, also past the batches it sets aside
// to keep yazl linear, and with entries still being written when it finishes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipSink } from '../../../main/core/backup/zip-sink';
import { tempDir } from '../cli/run-cli';
import { readZip } from './backup-fixture';

describe('ZipSink', () => {
  it('writes every entry in order (3,000 entries, several set-aside batches)', async () => {
    const path = join(tempDir('ar-zip-sink-'), 'a.zip');
    const sink = new ZipSink(path, new Date('2026-01-01T00:00:00Z'));
    const names: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const name = `library/articles/${String(i).padStart(5, '0')}.json`;
      names.push(name);
      await sink.add(name, Buffer.from(`{"n":${i}}`));
    }
    await sink.finish();
    const entries = await readZip(path);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries[2999]!.bytes.toString()).toBe('{"n":2999}');
  });
});
