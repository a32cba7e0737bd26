// archive-reader export: the command-line contract (flags, {exported, path} under --json, exit
// statuses) and the round trip through `archive-reader import FILE.jsonl`.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnNewLibrary, json, ok, runCli, tempDir } from './run-cli';

const FILES: Record<string, string> = {
  'desk/oil.txt': 'Oil prices climb\n\nLONDON - Oil prices rose on Monday as supplies tightened.',
  'desk/gas.txt': 'Gas shortage looms\n\nBERLIN - Gas stocks fell to a five-year low this winter.',
  'rain.txt': 'Rain returns\n\nThe rain came back to the valley after a dry summer of heat.',
  'arabic.txt': 'أسعار النفط ترتفع\n\nارتفعت أسعار النفط يوم الاثنين مع تراجع الإمدادات.',
};

describe('archive-reader export', () => {
  const { cli, library } = cliOnNewLibrary('ar-cli-export-lib-');
  const out = tempDir('ar-cli-export-out-');
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    const src = tempDir('ar-cli-export-src-');
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(join(src, name, '..'), { recursive: true });
      writeFileSync(join(src, name), text);
    }
    const imported = json<{ imported: { id: string; path: string }[] }>(
      ok(await cli('import', src, '--json')),
    );
    ids = Object.fromEntries(imported.imported.map((a) => [a.path.slice(src.length + 1), a.id]));
    ok(await cli('tag', ids['desk/oil.txt']!, 'energy'));
    ok(await cli('tag', ids['arabic.txt']!, 'energy'));
    ok(await cli('highlight', ids['desk/oil.txt']!, 'supplies tightened', '--note', 'why?'));
    ok(await cli('remove', ids['rain.txt']!));
  }, 120_000);

  it('prints exactly {exported, path} under --json', async () => {
    const path = join(out, 'all.jsonl');
    const result = json(ok(await cli('export', '--format', 'jsonl', '--out', path, '--json')));
    expect(result).toEqual({ exported: 4, path });
  });

  it('says what it wrote without --json', async () => {
    const path = join(out, 'plain.csv');
    const run = ok(await cli('export', '--format', 'csv', '--out', path));
    expect(run.stdout).toBe(`Exported 3 articles to ${path}.\n`);
    expect(readFileSync(path, 'utf8').startsWith('\ufeffid,title')).toBe(true);
  });

  it('exports what QUERY finds, narrowed by --tag and --collection', async () => {
    const query = json(
      ok(
        await cli('export', 'oil OR gas', '--format', 'csv', '--out', join(out, 'q.csv'), '--json'),
      ),
    );
    expect(query.exported).toBe(2);
    const tagged = json(
      ok(
        await cli(
          'export',
          '--format',
          'md',
          '--tag',
          'energy',
          '--out',
          join(out, 'md'),
          '--json',
        ),
      ),
    );
    expect(tagged.exported).toBe(2);
    expect(readdirSync(join(out, 'md')).sort()).toEqual(
      ['Oil prices climb.md', 'أسعار النفط ترتفع.md'].sort(),
    );
    const both = json(
      ok(
        await cli(
          'export',
          'prices',
          '--tag',
          'energy',
          '--collection',
          'desk',
          '--format',
          'txt',
          '--out',
          join(out, 'txt'),
          '--json',
        ),
      ),
    );
    expect(both.exported).toBe(1);
    expect(readFileSync(join(out, 'txt', 'Oil prices climb.txt'), 'utf8')).toBe(
      FILES['desk/oil.txt'],
    );
  });

  it('writes the OpenSearch bulk and mapping files into a new folder', async () => {
    const dir = join(out, 'opensearch');
    const result = json(ok(await cli('export', '--format', 'opensearch', '--out', dir, '--json')));
    expect(result).toEqual({ exported: 3, path: dir });
    expect(readdirSync(dir).sort()).toEqual(['bulk.ndjson', 'mapping.json']);
  });

  it('refuses a missing or unknown format, a missing --out and a folder in use (exit 2)', async () => {
    for (const args of [
      ['export', '--out', join(out, 'x.jsonl')],
      ['export', '--format', 'pdf', '--out', join(out, 'x.pdf')],
      ['export', '--format', 'jsonl'],
      ['export', '--format', 'md', '--out', out],
      ['export', '--view', 'trash', '--format', 'csv', '--out', join(out, 'v.csv')],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n').filter(Boolean), args.join(' ')).toHaveLength(1);
    }
  });

  it('round-trips: `import` of the JSON Lines export restores every article into a new library', async () => {
    const path = join(out, 'round.jsonl');
    ok(await cli('export', '--format', 'jsonl', '--out', path));
    const copy = tempDir('ar-cli-export-copy-');
    const env = { ARCHIVE_READER_LIBRARY: copy };
    const imported = json<{ imported: unknown[]; failed: unknown[] }>(
      ok(await runCli(['import', path, '--json'], { env })),
    );
    expect(imported.imported).toHaveLength(4);
    expect(imported.failed).toEqual([]);
    for (const view of ['all', 'trash']) {
      const before = json<{ items: unknown[] }>(
        ok(
          await runCli(['list', '--view', view, '--json'], {
            env: { ARCHIVE_READER_LIBRARY: library },
          }),
        ),
      );
      const after = json<{ items: unknown[] }>(
        ok(await runCli(['list', '--view', view, '--json'], { env })),
      );
      expect(after.items).toEqual(before.items);
    }
    const notes = ok(await runCli(['highlights', '--json'], { env }));
    expect(notes.stdout).toContain('why?');
  });
});
