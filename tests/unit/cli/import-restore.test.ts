// `import` of a file whose article is in the trash takes it out of the trash and says so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TITLES, writeArticles } from './library-fixture';
import { json, runCli, tempDir } from './run-cli';

interface Imported {
  imported: { id: string; title: string }[];
  duplicates: { id: string; path: string }[];
  restored: { id: string; title: string; path: string }[];
}

describe('import of a trashed file', () => {
  it('restores it: "Restored from the trash: N" and `restored` in --json', async () => {
    const env = { ARCHIVE_READER_LIBRARY: tempDir('ar-cli-lib-') };
    const src = writeArticles();
    const first = json<Imported>(await runCli(['import', src, '--json'], { env }));
    const meadow = first.imported.find((a) => a.title === TITLES.meadow)!.id;
    expect((await runCli(['remove', meadow], { env })).code).toBe(0);

    const file = join(src, 'sub', 'meadow.md');
    const human = await runCli(['import', file], { env });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain('0 imported, 0 duplicates');
    expect(human.stdout).toContain('Restored from the trash: 1');
    expect(human.stdout).toContain(`${meadow}  ${TITLES.meadow}`);
    const listed = json<{ items: { id: string }[] }>(await runCli(['list', '--json'], { env }));
    expect(listed.items.map((i) => i.id)).toContain(meadow);

    expect((await runCli(['remove', meadow], { env })).code).toBe(0);
    const again = json<Imported>(await runCli(['import', src, '--json'], { env }));
    expect(again.restored).toEqual([{ id: meadow, title: TITLES.meadow, path: file }]);
    expect(again.duplicates.map((d) => d.id)).not.toContain(meadow);
    expect(again.duplicates).toHaveLength(3);
  });
});
